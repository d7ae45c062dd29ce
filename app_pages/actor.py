"""Aktör: one organisation (any: with projects, a funder, an agency, a kommun as an
organisation) — its ego network with its partners, projects, partners, people, target groups
and places, each fact with the document it comes from and the quote."""
import streamlit as st

from app_pages import common, graphview, views


def body():
    st.title("Aktörsprofil")
    orgs = common.all_organisations()
    if orgs.empty:
        st.info("Inga organisationer i grafen ännu: läs in referensdata och dokument först.")
        return
    uids = list(orgs["uid"])
    label = {r.uid: (f"{r.name} ({r.projects} projekt)" if r.projects else str(r.name))
             for r in orgs.itertuples()}
    wanted = st.query_params.get("uid")
    if wanted not in label:
        # no choice yet: the organisation in most projects
        wanted = orgs.sort_values("projects", ascending=False, kind="mergesort")["uid"].iloc[0] \
            if wanted is None else wanted
    index = uids.index(wanted) if wanted in label else 0
    uid = st.selectbox("Organisation", uids, index=index, format_func=label.get, key=f"actor_pick_{wanted}",
                       help="Alla organisationer i grafen, också finansiärer, myndigheter och kommuner "
                            "utan inlästa projekt. Sök genom att skriva en del av namnet.")
    if uid != st.query_params.get("uid"):
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
    st.caption("**Mäklarroll**: " + views.METRIC_HELP["betweenness"]
               + ("" if org.get("betweenness") is not None else
                  " Ett streck: aktören har ingen poäng (inga projekt, eller analysen är inte körd efter "
                  "senaste inläsningen)."))

    c1, c2 = st.columns(2)
    depth = c1.radio("Nätverk runt aktören", [1, 2], horizontal=True,
                     format_func=lambda d: "projekt och partner" if d == 1 else "två steg ut",
                     help="Projekt och partner: aktörens projekt, alla andra organisationer i dem, "
                          "personer, målgrupper och platser. Två steg: också partnernas projekt.")
    memberships = c2.toggle("Visa medlemskap", value=False,
                            help="T.ex. en myndighets medlemskap i alla samordningsförbund.")
    ego = common.ego_network(uid, depth)
    if ego["center"]:
        G = views.ego_graph(ego, memberships=memberships)
        common.show_graph(G, key=f"ego_{uid}_{depth}_{memberships}", height=460, size_by="size",
                          color_by="kind", highlight=ego["center"],
                          caption="Aktören är stjärnan; kanterna visar relationen.")

    tabs = st.tabs(["Projekt", "Partner", "Personer", "Målgrupper", "Platser", "Dokument"])
    with tabs[0]:
        common.page_links("projekt", "uid", [(p["uid"], p["name"]) for p in profile["projects"]])
        common.fact_table(views.projects_frame(profile["projects"]), key="actor_projects", empty="Inga projekt.")
    with tabs[1]:
        common.page_links("profil", "uid", [(p["uid"], p["name"]) for p in profile["partners"]])
        common.fact_table(views.facts_frame(profile["partners"]), key="actor_partners", empty="Inga partner.")
    with tabs[2]:
        common.fact_table(views.facts_frame(profile["people"]), key="actor_people", empty="Inga personer.")
    with tabs[3]:
        common.page_links("malgrupp", "grupp", [(t["key"], t.get("label_sv") or t["key"]) for t in profile["target_groups"]])
        common.fact_table(views.facts_frame(profile["target_groups"], name_key="label_sv"), key="actor_targets",
                          empty="Inga målgrupper.")
    with tabs[4]:
        common.page_links("plats", "kod", [(p["code"], p["name"]) for p in profile["places"]])
        common.fact_table(views.facts_frame(profile["places"]), key="actor_places", empty="Inga platser.")
    with tabs[5]:
        docs = profile["documents"]
        if docs:
            common.page_links("kalla", "dok", [(d["uid"], d.get("title") or d["name"]) for d in docs])
            st.dataframe(views.no_none(views.documents_table(docs)), hide_index=True, width="stretch")
        else:
            st.info("Inga dokument nämner organisationen (bara referensdata).")
    st.caption("Varje rad är ett påstående med källdokument och citat, så att det alltid går att se "
               "varifrån en koppling kommer.")


common.run_page(body)
