"""Samverkan — the Streamlit app: ``samverkan app`` (or ``streamlit run app.py``).

The entry script only sets up the page, the login, the navigation and the shared sidebar;
each page lives in ``app_pages/`` and its computations in importable modules.
Connection settings come from the environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD);
when Neo4j does not answer, every page shows one line saying what to do instead of a
traceback. With SAMVERKAN_APP_PASSWORD set every visitor logs in first (``app_pages.auth``).
"""
import streamlit as st

from app_pages import auth, common

st.set_page_config(page_title="Samverkan", page_icon="🕸️", layout="wide")

PAGES = {
    "Utforska": [
        st.Page("app_pages/overview.py", title="Översikt", icon=":material/dashboard:",
                url_path="oversikt", default=True),
        st.Page("app_pages/network.py", title="Samverkansnätverk", icon=":material/hub:",
                url_path="natverk"),
        st.Page("app_pages/map.py", title="Karta", icon=":material/map:", url_path="karta"),
    ],
    "Profiler": [
        st.Page("app_pages/actor.py", title="Aktör", icon=":material/account_box:", url_path="profil"),
        st.Page("app_pages/place.py", title="Kommun", icon=":material/location_city:", url_path="plats"),
        st.Page("app_pages/target.py", title="Målgrupp", icon=":material/groups:", url_path="malgrupp"),
        st.Page("app_pages/project.py", title="Projekt", icon=":material/work:", url_path="projekt"),
        st.Page("app_pages/source.py", title="Källdokument", icon=":material/description:",
                url_path="kalla"),
    ],
    "Frågor": [
        st.Page("app_pages/gaps.py", title="Täckningsluckor", icon=":material/grid_on:", url_path="luckor"),
        st.Page("app_pages/paths.py", title="Vägar mellan aktörer", icon=":material/route:",
                url_path="vagar"),
        st.Page("app_pages/missing.py", title="Saknade kopplingar", icon=":material/link_off:",
                url_path="saknade"),
    ],
    "Verktyg": [
        st.Page("app_pages/console.py", title="Cypher-konsol", icon=":material/terminal:",
                url_path="cypher"),
        st.Page("app_pages/load.py", title="Läs in dokument", icon=":material/upload_file:",
                url_path="ladda"),
        st.Page("app_pages/review.py", title="Dubbletter", icon=":material/join_inner:",
                url_path="dubbletter"),
    ],
}

# the pages are known before the login, so a shared link (profil?uid=…) opens after it
page = st.navigation(PAGES, position="sidebar" if auth.role() else "hidden", expanded=True)
auth.gate()
common.sidebar()
common.require_driver()
page.run()
