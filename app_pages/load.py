"""Läs in dokument: upload files and load them with the same pipeline as `samverkan load`;
re-run the analysis. Loaders only (``app_pages.auth``): a viewer is refused with one line.

Uploaded files are kept in the instance's document store (``samverkan.docstore``, under
SAMVERKAN_HOME), so the source page can show every fact in its text later."""
import tempfile
from pathlib import Path

import streamlit as st

from app_pages import auth, common, sv

TYPES = ["txt", "md", "html", "htm", "pdf", "docx", "xlsx", "csv"]


def body():
    st.title("Läs in dokument")
    auth.require_loader()
    st.caption("Samma inläsning som `samverkan load`: varje dokument läses, tolkas och skrivs i en egen "
               "transaktion. Ett dokument som redan finns (samma innehåll) ändrar ingenting. Filerna sparas "
               "i tjänstens dokumentarkiv så att varje påstående kan visas i sin text.")
    if st.button("Kör analysen", icon=":material/insights:", key="analyze",
                 help="Räknar om mäklarroll, inflytande och samverkansgrupper för alla organisationer "
                      "och sparar dem i grafen (samma som `samverkan analyze`)."):
        analyze_now()
    _swedish_uploader()
    files = st.file_uploader("Dokument", type=TYPES, accept_multiple_files=True,
                             help=f"Högst {st.get_option('server.maxUploadSize')} MB per fil.")
    url = st.text_input("Webbadress där dokumenten finns (valfritt)", key="upload_url",
                        placeholder="https://…", help="Visas som original på dokumentens källsida.")
    dry_run = st.checkbox("Provkör (tolka men skriv inget)")
    if not files or not st.button("Läs in", type="primary", icon=":material/upload_file:", key="load"):
        return
    from samverkan.docstore import check_url, store_upload

    try:
        url = check_url(url)
    except ValueError as exc:
        st.error(f"Webbadressen: {exc}.")
        return
    from graph.writer import load_run
    from loaders.pipeline import load_paths

    with tempfile.TemporaryDirectory(prefix="samverkan-provkorning-") as tmp, \
            st.spinner(f"Läser in {len(files)} dokument …"):
        # a dry run writes nothing, not even to the store
        home = Path(tmp) if dry_run else None
        paths = [store_upload(f.name, f.getvalue(), url=url, role=auth.role(), home=home) for f in files]
        with load_run():
            summary = load_paths(paths, None if dry_run else common.driver(), dry_run=dry_run)
    line = sv.load_summary(summary, dry_run)
    st.session_state["last_load"] = line
    if summary.failed:
        st.error(f"{summary.failed} dokument kunde inte läsas in:")
        for err in summary.errors:
            st.write("- " + sv.load_error(err))
    st.success(line)
    if not dry_run and (summary.new or summary.changed):
        common.refresh()
        st.info("Grafen har ändrats. Tryck på **Kör analysen** ovan för att uppdatera mäklarroll och "
                "inflytande på profilerna; nätverkssidorna räknar om nätverket själva.")


def _swedish_uploader() -> None:
    """Streamlit writes the upload button and its limits in English: the same in Swedish."""
    limit = st.get_option("server.maxUploadSize")
    st.html(f"""<style>
      [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
      [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
        content: "Välj filer"; font-size: 0.875rem; }}
      [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
      [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
        content: "eller dra hit dem · högst {int(limit)} MB per fil · TXT, MD, HTML, PDF, DOCX, XLSX, CSV";
        font-size: 0.875rem; }}
    </style>""")


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
