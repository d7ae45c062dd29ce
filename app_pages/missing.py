"""Saknade kopplingar: organisations that work with the same target group in the same place but
share no project — filtered by län, kommun and target group, each pair with its reason and
the evidence of both sides."""
import pandas as pd
import streamlit as st

from app_pages import common, pairs, views

ALL = "(alla)"


def body():
    st.title("Saknade kopplingar")
    st.caption("Par av organisationer som arbetar med samma målgrupp på samma plats men inte delar något "
               "projekt: kandidater för samverkan. En organisation arbetar på en plats genom ett projekt "
               "som är verksamt där eller genom sitt säte.")
    proj = common.projection()
    counties = {c["code"]: c["name"] for c in proj.counties}
    munis = {m["code"]: m["name"] for m in proj.municipalities}
    labels = common.target_labels()
    c1, c2, c3 = st.columns(3)
    county = c1.selectbox("Län", [ALL] + sorted(counties, key=counties.get), format_func=lambda c: counties.get(c, c),
                          key="missing_county")
    kommuner = [c for c in sorted(munis, key=munis.get) if county == ALL or c.startswith(county)]
    kommun = c2.selectbox("Kommun", [ALL] + kommuner, format_func=lambda c: munis.get(c, c), key="missing_kommun")
    group = c3.selectbox("Målgrupp", [ALL] + sorted(labels, key=labels.get), format_func=lambda k: labels.get(k, k),
                         key="missing_group", help="En målgrupp räknas med sina undergrupper.")
    links = common.missing_links()
    place = kommun if kommun != ALL else (county if county != ALL else None)
    keys = common.hierarchy().get(group, (group,)) if group != ALL else None
    project_names = {p["project_uid"]: p["project_name"] for p in proj.projects}
    table = pairs.explain(links, proj.activity, place=place, group_keys=keys, labels=labels,
                          place_names=munis, project_names=project_names)
    total = links.attrs.get("total", len(links)) if not links.empty else 0
    st.metric("Saknade kopplingar", len(table),
              help=f"Av {total} i hela grafen; de {links.attrs.get('limit', len(links))} starkaste (flest "
                   "gemensamma målgrupp–plats) listas och filtreras här.")
    if table.empty:
        st.info("Inga saknade kopplingar med de här filtren: alla som arbetar med samma målgrupp på samma "
                "plats delar redan ett projekt.")
        return
    shown = table.drop(columns=["_a", "_b", "_cells"])
    event = st.dataframe(shown, hide_index=True, width="stretch", height=360, on_select="rerun",
                         selection_mode="single-row", key="missing_table",
                         column_config={"skäl": st.column_config.TextColumn(width="large")})
    st.caption("Klicka på en rad för underlaget: de påståenden och citat som placerar båda sidor där.")
    c1, c2 = st.columns(2)
    c1.download_button("Ladda ner listan (CSV)", common.csv_bytes(shown), "saknade_kopplingar.csv", "text/csv",
                       key="missing_csv")
    with c2:
        common.exports("saknade_kopplingar", "Saknade kopplingar", [("Filter", _filter_text(
            county, kommun, group, counties, munis, labels)), ("Saknade kopplingar", shown)], key="missing")
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if not rows:
        return
    pair = table.iloc[rows[0]]
    st.subheader(f"{pair['organisation A']} och {pair['organisation B']}")
    st.write(pair["skäl"])
    common.page_links("profil", "uid", [(pair["_a"], pair["organisation A"]), (pair["_b"], pair["organisation B"])])
    st.page_link(common.PAGE_FILES["vagar"], label="Vem förmedlar mellan dem? Vägar mellan aktörer",
                 query_params={"a": pair["_a"], "b": pair["_b"]}, icon=":material/route:")
    common.fact_table(evidence_rows(pair, labels, munis), key=f"missing_evidence_{pair['_a']}_{pair['_b']}",
                      empty="Inga citat för de här påståendena.")


def _filter_text(county, kommun, group, counties, munis, labels) -> str:
    return (f"Län: {counties.get(county, 'alla')} · kommun: {munis.get(kommun, 'alla')} · "
            f"målgrupp: {labels.get(group, 'alla')}")


def evidence_rows(pair, labels: dict, munis: dict) -> pd.DataFrame:
    """The statements that put each side in each shared cell, with their sources."""
    out = []
    sides = ((pair["_a"], pair["organisation A"], 2), (pair["_b"], pair["organisation B"], 3))
    for key, code, *hows in pair["_cells"][:6]:
        for uid, name, i in sides:
            how = hows[i - 2]
            for kind, ref in dict.fromkeys(how):
                if kind == "project":
                    out += _project_facts(uid, name, ref, key, code, labels, munis)
                else:
                    out += _seat_facts(uid, name, code, munis)
    frame = pd.DataFrame(out, columns=["sida", "påstående", "källa", "citat", "_doc", "_quote"])
    return frame.drop_duplicates(subset=["sida", "påstående", "_doc", "_quote"]).reset_index(drop=True)


def _rows_of(side: str, claim: str, sources: list[dict]) -> list[dict]:
    return [{"sida": side, "påstående": claim, "källa": s.get("document") or "", "citat": s.get("quote") or "",
             "_doc": s.get("doc_uid"), "_quote": s.get("quote")} for s in sources or [{}]]


def _project_facts(uid, name, project_uid, key, code, labels, munis) -> list[dict]:
    profile = common.project_profile(project_uid)
    if profile is None:
        return []
    pname = profile["project"].get("name") or project_uid
    out = []
    for m in profile["members"]:
        if m["uid"] == uid:
            out += _rows_of(name, f"{name} {views.ROLE_SV.get(m['role'], m['role'])} «{pname}»", m["sources"])
    keys = set(common.hierarchy().get(key, (key,)))
    for t in profile["targets"]:
        if t["key"] in keys:
            out += _rows_of(name, f"«{pname}» riktar sig till {labels.get(t['key'], t['key']).lower()}", t["sources"])
    for p in profile["places"]:
        if p["code"] == code:
            out += _rows_of(name, f"«{pname}» är verksamt i {munis.get(code, code)}", p["sources"])
    return out


def _seat_facts(uid, name, code, munis) -> list[dict]:
    profile = common.actor_profile(uid)
    out = []
    for p in (profile or {}).get("places", []):
        if p["code"] != code:
            continue
        for f in p["facts"]:
            if f.get("type") == "LOCATED_IN":
                out += _rows_of(name, f"{name} har säte i {munis.get(code, code)}", f["sources"] or [{}])
    return out


common.run_page(body)
