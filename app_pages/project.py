"""Projekt: one project — its owner, partners and funders, where it runs, for whom, its
contacts and the documents it is read from, each fact with its source."""
import pandas as pd
import streamlit as st

from app_pages import common, views

_FIELDS = {"diarienummer": "diarienummer", "start": "start", "end": "slut", "budget_sek": "budget (kr)",
           "esf_support_sek": "ESF-stöd (kr)", "planned_participants": "planerade deltagare", "region": "region",
           "specific_objective": "specifikt mål"}


def body():
    st.title("Projekt")
    proj = common.projection()
    names = {p["project_uid"]: p["project_name"] or p["project_uid"] for p in proj.projects}
    if not names:
        st.info("Inga projekt ännu: läs in dokument först.")
        return
    uids = sorted(names, key=lambda u: str(names[u]).lower())
    wanted = st.query_params.get("uid")
    uid = st.selectbox("Projekt", uids, index=uids.index(wanted) if wanted in names else 0, format_func=names.get,
                       key=f"project_pick_{wanted}")
    if uid != st.query_params.get("uid"):
        st.query_params["uid"] = uid
    profile = common.project_profile(uid)
    if profile is None:
        st.warning(f"Inget projekt med id {uid!r} i grafen.")
        return
    p = profile["project"]
    st.header(p.get("name") or uid)
    facts = [f"{label}: {p[k]}" for k, label in _FIELDS.items() if p.get(k) not in (None, "")]
    st.caption(" · ".join(facts) if facts else "Inga uppgifter om period eller budget i dokumenten.")
    if p.get("summary"):
        st.write(p["summary"])
    m = st.columns(4)
    m[0].metric("Organisationer", len({x["uid"] for x in profile["members"]}))
    m[1].metric("Kommuner", len({x["code"] for x in profile["places"]}))
    m[2].metric("Målgrupper", len({x["key"] for x in profile["targets"]}))
    m[3].metric("Dokument", len(profile["documents"]))

    members = views.source_rows(profile["members"], {
        "organisation": "name", "typ": lambda r: views.kind_sv(r.get("kind")),
        "roll": lambda r: views.ROLE_SV.get(r["role"], r["role"]), "belopp (kr)": "amount_sek"})
    places = views.source_rows(profile["places"], {"kommun": "name"})
    targets = views.source_rows(profile["targets"], {"målgrupp": "label_sv"})
    contacts = views.source_rows(profile["contacts"], {"person": "name", "roll": "role"})
    tabs = st.tabs(["Organisationer", "Kommuner", "Målgrupper", "Kontaktpersoner", "Dokument"])
    with tabs[0]:
        common.page_links("profil", "uid", [(x["uid"], x["name"]) for x in profile["members"]])
        common.fact_table(members, key="project_members", empty="Ingen ägare eller partner har lästs ut.")
    with tabs[1]:
        common.page_links("plats", "kod", [(x["code"], x["name"]) for x in profile["places"]])
        common.fact_table(places, key="project_places", empty="Ingen kommun har lästs ut.")
    with tabs[2]:
        common.page_links("malgrupp", "grupp", [(x["key"], x["label_sv"]) for x in profile["targets"]])
        common.fact_table(targets, key="project_targets", empty="Ingen målgrupp har lästs ut.")
    with tabs[3]:
        common.fact_table(contacts, key="project_contacts", empty="Inga kontaktpersoner.")
    with tabs[4]:
        docs = profile["documents"]
        common.page_links("kalla", "dok", [(d["uid"], d["name"]) for d in docs])
        st.dataframe(views.no_none(pd.DataFrame([{"titel": d["name"], "fil": d.get("file"), "publicerat": d.get("published")}
                                                 for d in docs], columns=["titel", "fil", "publicerat"])),
                     hide_index=True, width="stretch")
    common.exports(f"projekt_{uid}"[:60], f"Projekt: {p.get('name') or uid}", [
        ("Uppgifter", " · ".join(facts)), ("Organisationer", members), ("Kommuner", places),
        ("Målgrupper", targets)], key="project")


common.run_page(body)
