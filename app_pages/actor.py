"""Aktörsprofil: one organisation's ego network, projects, partners, people, target groups and
places, each fact with the documents it comes from and the quote."""
import streamlit as st

from app_pages import common, graphview, views


def body():
    st.title("Aktörsprofil")
    orgs = common.organisations()
    if orgs.empty:
        st.info("Inga organisationer med projekt ännu: läs in dokument först.")
        return
    uids = list(orgs["uid"])
    names = dict(zip(orgs["uid"], orgs["name"]))
    wanted = st.query_params.get("uid")
    index = uids.index(wanted) if wanted in names else 0
    uid = st.selectbox("Organisation", uids, index=index, format_func=names.get,
                       help="Sök genom att skriva en del av namnet.")
    if uid != wanted:
        st.query_params["uid"] = uid
    profile = common.actor_profile(uid)
    if profile is None:
        st.warning(f"Ingen organisation med id {uid!r} i grafen.")
        return
    org = profile["organization"]
    st.header(org.get("name") or uid)
    kind = org.get("kind") or "other"
    facts = [graphview.KIND_LABELS_SV.get(kind, kind)]
    if org.get("aliases"):
        facts.append("även kallad " + ", ".join(org["aliases"]))
    st.caption(" · ".join(facts) + f" · id `{uid}`")
    m = st.columns(5)
    m[0].metric("Projekt", len({p["uid"] for p in profile["projects"]}))
    collaborators = [p for p in profile["partners"]
                     if any(f.get("via") == "project" or f.get("type") == "COLLABORATES_WITH" for f in p["facts"])]
    m[1].metric("Samverkanspartner", len(collaborators),
                help="Delar ett projekt eller uttalar samverkan; medlemskap räknas inte.")
    m[2].metric("Mäklarroll", f"{org['betweenness']:.3f}" if org.get("betweenness") is not None else "–",
                help=views.METRIC_HELP["betweenness"])
    m[3].metric("Inflytande (PageRank)", f"{org['pagerank']:.3f}" if org.get("pagerank") is not None else "–",
                help=views.METRIC_HELP["pagerank"])
    m[4].metric("Samverkansgrupp", org.get("community") if org.get("community") is not None else "–",
                help=views.METRIC_HELP["community"])
    st.caption("**Mäklarroll**: " + views.METRIC_HELP["betweenness"])

    c1, c2 = st.columns(2)
    depth = c1.radio("Nätverk runt aktören", [1, 2], horizontal=True,
                     format_func=lambda d: f"{d} steg")
    memberships = c2.toggle("Visa medlemskap (MEMBER_OF)", value=False,
                            help="T.ex. en myndighets medlemskap i alla samordningsförbund.")
    ego = common.ego_network(uid, depth)
    if ego["center"]:
        G = views.ego_graph(ego, memberships=memberships)
        graphview.show(G, size_by="size", color_by="kind", height=460, highlight=ego["center"])
        st.caption("Färg efter typ: organisationer, projekt (ljusorange), personer (grön), målgrupper (röd), "
                   "kommuner (lila). Kanterna visar relationen.")

    tabs = st.tabs(["Projekt", "Partner", "Personer", "Målgrupper", "Platser", "Dokument"])
    with tabs[0]:
        frame = views.projects_frame(profile["projects"])
        _table(frame, "Inga projekt.")
    with tabs[1]:
        _table(views.facts_frame(profile["partners"]), "Inga partner.")
    with tabs[2]:
        _table(views.facts_frame(profile["people"]), "Inga personer.")
    with tabs[3]:
        _table(views.facts_frame(profile["target_groups"], name_key="label_sv"), "Inga målgrupper.")
    with tabs[4]:
        _table(views.facts_frame(profile["places"]), "Inga platser.")
    with tabs[5]:
        docs = profile["documents"]
        if docs:
            st.dataframe([{"dokument": d["name"], "titel": d["title"], "publicerat": d["published"],
                           "sökväg": d["path"]} for d in docs], hide_index=True, width="stretch")
        else:
            st.info("Inga dokument nämner organisationen (bara referensdata).")
    st.caption("Varje rad är ett påstående med källdokument och citat, så att det alltid går att se "
               "varifrån en koppling kommer.")


def _table(frame, empty: str) -> None:
    if frame.empty:
        st.info(empty)
    else:
        st.dataframe(frame, hide_index=True, width="stretch",
                     column_config={"citat": st.column_config.TextColumn(width="large")})


common.run_page(body)
