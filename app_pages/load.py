"""Läs in dokument: upload files and load them with the same pipeline as `samverkan load`."""
import tempfile
from pathlib import Path

import streamlit as st

from app_pages import common

TYPES = ["txt", "md", "html", "htm", "pdf", "docx", "xlsx", "csv"]


def body():
    st.title("Läs in dokument")
    st.caption("Samma inläsning som `samverkan load`: varje dokument läses, tolkas och skrivs i en egen "
               "transaktion. Ett dokument som redan finns (samma innehåll) ändrar ingenting.")
    if st.button("Kör analysen", icon=":material/insights:", key="analyze",
                 help="Räknar om mäklarroll, inflytande och samverkansgrupper för alla organisationer "
                      "och sparar dem i grafen (samma som `samverkan analyze`)."):
        analyze_now()
    files = st.file_uploader("Dokument", type=TYPES, accept_multiple_files=True)
    dry_run = st.checkbox("Provkör (tolka men skriv inget)")
    if not files or not st.button("Läs in", type="primary", icon=":material/upload_file:", key="load"):
        return
    from loaders.pipeline import load_paths

    with tempfile.TemporaryDirectory(prefix="samverkan-upload-") as tmp:
        for f in files:
            (Path(tmp) / Path(f.name).name).write_bytes(f.getvalue())
        with st.spinner(f"Läser in {len(files)} dokument …"):
            from graph.writer import load_run

            with load_run():
                summary = load_paths([tmp], None if dry_run else common.driver(), dry_run=dry_run)
    st.session_state["last_load"] = summary.line()
    if summary.failed:
        st.error(f"{summary.failed} dokument kunde inte läsas in:")
        for err in summary.errors:
            st.write("- " + err.replace(tmp, "").lstrip("/"))
    st.success(("Provkörning: " if dry_run else "") + summary.line())
    if not dry_run and (summary.new or summary.changed):
        common.refresh()
        st.info("Grafen har ändrats. Tryck på **Kör analysen** ovan för att uppdatera mäklarroll och "
                "inflytande på profilerna; nätverkssidorna räknar om nätverket själva.")



def analyze_now() -> None:
    from analytics import analyze
    from graph.projection import load_projection, write_scores

    with st.spinner("Analyserar nätverket …"):
        drv = common.driver()
        result = analyze(load_projection(drv), seed=0)
        n = write_scores(drv, result.score_rows())
    common.refresh()
    st.success(f"Analysen är klar: poäng för {n} organisationer sparade.")


common.run_page(body)
