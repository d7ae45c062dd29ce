"""Samverkan — the Streamlit app: ``streamlit run app.py``.

The entry script only sets up the page, the navigation and the shared sidebar;
each page lives in ``app_pages/`` and its computations in importable modules.
Connection settings come from the environment (NEO4J_URI, NEO4J_USER,
NEO4J_PASSWORD); when Neo4j does not answer, every page shows one line saying
what to do instead of a traceback.
"""
import streamlit as st

from app_pages import common

st.set_page_config(page_title="Samverkan", page_icon="🕸️", layout="wide")

PAGES = {
    "Utforska": [
        st.Page("app_pages/overview.py", title="Översikt", icon=":material/dashboard:",
                url_path="oversikt", default=True),
        st.Page("app_pages/network.py", title="Samverkansnätverk", icon=":material/hub:",
                url_path="natverk"),
        st.Page("app_pages/actor.py", title="Aktörsprofil", icon=":material/account_box:",
                url_path="profil"),
        st.Page("app_pages/gaps.py", title="Täckningsluckor", icon=":material/grid_on:",
                url_path="luckor"),
        st.Page("app_pages/map.py", title="Karta", icon=":material/map:", url_path="karta"),
    ],
    "Verktyg": [
        st.Page("app_pages/console.py", title="Cypher-konsol", icon=":material/terminal:",
                url_path="cypher"),
        st.Page("app_pages/load.py", title="Läs in dokument", icon=":material/upload_file:",
                url_path="ladda"),
    ],
}

page = st.navigation(PAGES)
common.sidebar()
common.require_driver()
page.run()
