"""Målgrupp: one target group (with its sub-groups) — the projects for it, the actors in them,
the kommuner and län where it has projects and where it has none."""
import pandas as pd
import streamlit as st

from app_pages import common, views


def body():
    st.title("Målgrupp")
    proj = common.projection()
    labels = common.target_labels()
    hierarchy = common.hierarchy()
    keys = sorted(labels, key=labels.get)
    if not keys:
        st.info("Målgruppslistan saknas: kör `samverkan db init` (referensdata).")
        return
    wanted = st.query_params.get("grupp")
    if wanted not in labels:
        count = {k: len(set().union(*views.projects_by_place(proj.projects, "lan", hierarchy[k]).values()) or set())
                 for k in keys}
        wanted = max(keys, key=lambda k: (count[k], k)) if wanted is None else wanted
    key = st.selectbox("Målgrupp", keys, index=keys.index(wanted) if wanted in labels else 0, format_func=labels.get,
                       key=f"target_pick_{wanted}")
    if key != st.query_params.get("grupp"):
        st.query_params["grupp"] = key
    group = hierarchy.get(key, (key,))
    parents = [p for p, subs in hierarchy.items() if key in subs[1:]]
    st.header(labels[key])
    notes = []
    if group[1:]:
        notes.append("Omfattar också " + ", ".join(labels.get(k, k) for k in group[1:]) + ".")
    if parents:
        notes.append("Ingår i " + ", ".join(labels.get(k, k) for k in parents) + ".")
    if notes:
        st.caption(" ".join(notes))
    profile = common.target_profile(tuple(group))
    by_kommun = views.projects_by_place(proj.projects, "kommun", group)
    by_lan = views.projects_by_place(proj.projects, "lan", group)
    projects = {p["uid"] for p in profile["projects"]}
    m = st.columns(4)
    m[0].metric("Projekt", len(projects), help="Olika projekt för målgruppen eller en undergrupp.")
    m[1].metric("Aktörer", len({a["uid"] for a in profile["actors"]}), help="Ägare, partner och finansiärer.")
    m[2].metric("Kommuner med projekt", f"{sum(1 for m_ in proj.municipalities if by_kommun.get(m_['code']))} "
                                        f"av {len(proj.municipalities)}")
    m[3].metric("Län med projekt", f"{sum(1 for c in proj.counties if by_lan.get(c['code']))} av {len(proj.counties)}")

    counties = {c["code"]: c["name"] for c in proj.counties}
    per_lan = pd.DataFrame([{
        "län": c["name"],
        "kommuner med projekt": sum(1 for m_ in proj.municipalities
                                    if str(m_.get("county_code")) == c["code"] and by_kommun.get(m_["code"])),
        "kommuner utan": sum(1 for m_ in proj.municipalities
                             if str(m_.get("county_code")) == c["code"] and not by_kommun.get(m_["code"])),
        "projekt": len(by_lan.get(c["code"], ()))} for c in proj.counties],
        columns=["län", "kommuner med projekt", "kommuner utan", "projekt"])
    with_projects = pd.DataFrame([{"kommun": m_["name"], "län": counties.get(str(m_.get("county_code")), ""),
                                   "projekt": len(by_kommun[m_["code"]])}
                                  for m_ in proj.municipalities if by_kommun.get(m_["code"])],
                                 columns=["kommun", "län", "projekt"])
    rows = views.source_rows(profile["projects"], {
        "projekt": "name", "målgrupp": lambda r: labels.get(r["key"], r["key"]),
        "projektägare": lambda r: ", ".join(r.get("owners") or []),
        "kommuner": lambda r: ", ".join(sorted({m_["name"] for m_ in proj.municipalities
                                                 if m_["code"] in set(r.get("places") or [])})),
        "start": "start", "slut": "end"})
    actors = views.source_rows(profile["actors"], {
        "organisation": "name", "typ": lambda r: views.kind_sv(r.get("kind")),
        "roll": lambda r: views.ROLE_SV.get(r["role"], r["role"]), "projekt": "project_name"})
    tabs = st.tabs(["Projekt", "Aktörer", "Per län", "Kommuner med projekt"])
    with tabs[0]:
        common.page_links("projekt", "uid", [(p["uid"], p["name"]) for p in profile["projects"]])
        common.fact_table(rows, key="target_projects", empty="Inga inlästa projekt för målgruppen.")
    with tabs[1]:
        common.page_links("profil", "uid", [(a["uid"], a["name"]) for a in profile["actors"]])
        common.fact_table(actors, key="target_actors", empty="Inga aktörer.")
    with tabs[2]:
        st.dataframe(per_lan, hide_index=True, width="stretch")
        st.page_link(common.PAGE_FILES["luckor"], label="Vilka kommuner saknar projekt? Se Täckningsluckor",
                     icon=":material/grid_on:")
    with tabs[3]:
        codes = [m_["code"] for m_ in proj.municipalities if by_kommun.get(m_["code"])]
        common.page_links("plats", "kod", [(c, next(m_["name"] for m_ in proj.municipalities if m_["code"] == c))
                                           for c in codes])
        st.dataframe(with_projects, hide_index=True, width="stretch")
    common.exports(f"malgrupp_{key}", f"Målgrupp: {labels[key]}", [
        ("Projekt", rows), ("Aktörer", actors), ("Per län", per_lan), ("Kommuner med projekt", with_projects)],
        key="target")


common.run_page(body)
