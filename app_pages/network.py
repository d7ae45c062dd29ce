"""Samverkansnätverk: organisations linked by shared projects, filtered, sized and coloured."""
import streamlit as st

from app_pages import common, graphview, views

NO_CHOICE = "(alla)"


def body():
    st.title("Samverkansnätverk")
    proj = common.projection()
    orgs = common.organisations()
    kinds_present = sorted({k or "other" for k in orgs["kind"]})
    munis = {m["code"]: m["name"] for m in proj.municipalities}
    counties = {c["code"]: c["name"] for c in proj.counties}
    labels = common.target_labels()
    years = sorted({int(str(r[k])[:4]) for r in proj.projects for k in ("start", "end")
                    if r.get(k) and str(r[k])[:4].isdigit()})

    with st.sidebar:
        st.subheader("Filter")
        kinds = st.multiselect("Organisationstyp", kinds_present, default=[],
                               format_func=lambda k: graphview.KIND_LABELS_SV.get(k, k),
                               placeholder="alla typer")
        county = st.selectbox("Län", [NO_CHOICE] + sorted(counties, key=counties.get),
                              format_func=lambda c: counties.get(c, c))
        muni_choices = [c for c in sorted(munis, key=munis.get)
                        if county == NO_CHOICE or c.startswith(county)]
        municipality = st.selectbox("Kommun", [NO_CHOICE] + muni_choices, format_func=lambda c: munis.get(c, c))
        target = st.selectbox("Målgrupp", [NO_CHOICE] + sorted(labels, key=labels.get),
                              format_func=lambda k: labels.get(k, k))
        period = None
        if years:
            lo, hi = min(years), max(years)
            if lo < hi:
                period = st.slider("Period (projekt aktiva)", lo, hi, (lo, hi))
        min_shared = st.slider("Minst antal delade projekt", 1, 5, 1)
        with_funders = st.toggle("Ta med finansiärer", value=False,
                                 help="En nationell finansiär kopplar annars ihop nästan alla.")
        size_by = st.selectbox("Storlek efter", list(views.SIZE_BY), format_func=views.SIZE_BY.get)
        color_by = st.radio("Färg efter", ["community", "kind"],
                            format_func={"community": "samverkansgrupp", "kind": "organisationstyp"}.get,
                            horizontal=True)

    full = period is None or (period[0] == min(years) and period[1] == max(years))
    filters = views.NetworkFilters(
        kinds=tuple(kinds), county=None if county == NO_CHOICE else county,
        municipality=None if municipality == NO_CHOICE else municipality,
        target_group=None if target == NO_CHOICE else target,
        target_group_keys=() if target == NO_CHOICE else common.hierarchy().get(target, (target,)),
        since=None if full else period[0], until=None if full else period[1],
        min_shared=min_shared, with_funders=with_funders)
    view = common.network(filters)
    G = view.graph
    c = st.columns(4)
    c[0].metric("Organisationer", G.number_of_nodes())
    c[1].metric("Samverkanslänkar", G.number_of_edges())
    c[2].metric("Projekt", view.n_projects)
    c[3].metric("Samverkansgrupper", int(view.table["community"].nunique()) if len(view.table) else 0)
    for note in view.notes:
        st.caption(note)
    if G.number_of_nodes() == 0:
        st.info("Inga organisationer matchar filtren.")
        return
    common.show_graph(G, view.positions, key="network", height=620, size_by=size_by, color_by=color_by,
                      size_label=views.SIZE_BY[size_by],
                      caption="Positionerna är beräknade i förväg (ingen fysik) så att stora nätverk ritas snabbt.")

    left, right = st.columns([2, 1])
    with left:
        st.subheader("Centrala aktörer")
        table = views.centrality_frame(view.table)
        st.dataframe(table, hide_index=True, width="stretch", height=300,
                     column_config={views.CENTRALITY_SV[c][0]: st.column_config.Column(help=h)
                                    for c, h in views.METRIC_HELP.items()})
        st.caption("**Mäklarroll**: " + views.METRIC_HELP["betweenness"] + " **Inflytande**: "
                   + views.METRIC_HELP["pagerank"])
        st.download_button("Ladda ner tabellen (CSV)", common.csv_bytes(table.reset_index(names="id")),
                           "natverk.csv", "text/csv")
        st.download_button("Ladda ner tabellen (Excel)", common.xlsx_bytes({"Centrala aktörer": table.reset_index(names="id")}),
                           "natverk.xlsx", common.XLSX, key="network_xlsx")
    with right:
        st.subheader("Öppna en profil")
        names = dict(zip(view.table.index, view.table["name"]))
        chosen = st.selectbox("Organisation", list(names), format_func=names.get, key="network_pick")
        if st.button("Visa profil", icon=":material/account_box:"):
            common.go_to_profile(chosen)


common.run_page(body)
