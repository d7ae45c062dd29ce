"""Översikt: what the graph holds, the latest documents, the central actors, what the last load changed."""
import pandas as pd
import streamlit as st

from app_pages import common, views


def body():
    st.title("Översikt")
    st.caption("Aktörer inom arbetsmarknadsinsatser: vem samverkar med vem, för vilka målgrupper och var.")
    data = common.overview()
    counts = data["counts"]
    nodes = counts["nodes"]
    cols = st.columns(5)
    cols[0].metric("Organisationer", nodes.get("Organization", 0))
    cols[1].metric("Projekt", nodes.get("Project", 0))
    cols[2].metric("Personer", nodes.get("Person", 0))
    cols[3].metric("Dokument", nodes.get("Document", 0))
    cols[4].metric("Kommuner med projekt",
                   f"{counts['kommuner_with_projects']} av {counts['kommuner_in_reference']}")

    st.subheader("Vanliga frågor")
    q = st.columns(3)
    q[0].page_link(common.PAGE_FILES["luckor"], label="Vilka kommuner i ett län saknar projekt för en målgrupp?",
                   icon=":material/grid_on:", help="Till exempel unga i Skåne: listan, med export.")
    q[1].page_link(common.PAGE_FILES["vagar"], label="Vem förmedlar kontakt mellan två aktörer?",
                   icon=":material/route:", help="Kortaste kedjorna av gemensamma projekt och mäklarna i dem.")
    q[2].page_link(common.PAGE_FILES["saknade"], label="Vilka arbetar med samma målgrupp på samma plats utan "
                   "att samverka?", icon=":material/link_off:", help="Filtrera på plats och målgrupp; skäl per par.")

    left, right = st.columns([3, 2])
    with left:
        st.subheader("Mest centrala aktörer")
        view = common.network(views.NetworkFilters())
        if view.table.empty:
            st.info("Inget samverkansnätverk ännu: läs in dokument på sidan *Läs in dokument*.")
        else:
            top = view.table.head(10).reset_index()
            top = pd.DataFrame({
                "organisation": top["name"],
                "typ": top["org_kind"].map(lambda k: views.graphview.KIND_LABELS_SV.get(k or "other", k)),
                "partner": top["degree"], "mäklarroll": top["betweenness"].round(3),
                "inflytande (PageRank)": top["pagerank"].round(3), "samverkansgrupp": top["community"],
            })
            help_of = {"partner": "degree", "mäklarroll": "betweenness", "inflytande (PageRank)": "pagerank",
                       "samverkansgrupp": "community"}
            st.dataframe(top, hide_index=True, width="stretch",
                         column_config={c: st.column_config.Column(help=views.METRIC_HELP[k])
                                        for c, k in help_of.items()})
            st.caption("**Mäklarroll**: " + views.METRIC_HELP["betweenness"])
            st.caption(f"{view.graph.number_of_nodes()} organisationer, {view.graph.number_of_edges()} "
                       f"samverkanslänkar i {view.n_projects} projekt (ägare och partner; finansiärer ej med).")
    with right:
        st.subheader("Senast inlästa dokument")
        latest = views.documents_frame(data["latest"])
        if latest.empty:
            st.info("Inga dokument inlästa ännu.")
        else:
            st.dataframe(views.no_none(latest[["titel", "dokument", "inläst", "omnämnanden"]]), hide_index=True,
                         width="stretch")
            common.page_links("kalla", "dok", [(d["uid"], d.get("title") or d["name"]) for d in data["latest"]],
                              limit=6)

    st.subheader("Vad ändrades vid senaste inläsningen")
    changes = data["changes"]
    if not changes:
        st.info("Inga dokument inlästa ännu.")
    else:
        st.write(f"Senaste inläsning {str(changes['last'])[:16].replace('T', ' ')}: "
                 f"{len(changes['documents'])} dokument.")
        new = changes["new"]
        if not new:
            st.write("Inga nya aktörer: allt som nämndes fanns redan i tidigare dokument.")
        for label in ("Organization", "Project", "Person", "Municipality", "TargetGroup"):
            if new.get(label):
                names = new[label]
                st.markdown(f"**Nya {views.LABELS_SV[label].lower()} ({len(names)}):** "
                            + ", ".join(names[:30]) + (" …" if len(names) > 30 else ""))
        st.caption("Senaste inläsning = en körning av inläsningen (en uppladdning eller ett `samverkan load`). "
                   "Nytt = nämns i den men i inget dokument från andra inläsningar.")


common.run_page(body)
