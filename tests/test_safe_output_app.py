"""The app's console under the read timeout and row cap, and its CSV downloads defused
(issue 17), through AppTest on the seed graph."""
from __future__ import annotations

import io
import re

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from samverkan.settings import REPO_ROOT
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture

pytestmark = pytest.mark.neo4j

APP = str(REPO_ROOT / "app.py")


@pytest.fixture
def console(seed_graph, monkeypatch):
    """The console page, and the bytes every download button of the run was given."""
    from samverkan.settings import get_settings

    monkeypatch.setenv("SAMVERKAN_APP_PASSWORD", "")           # no login, whatever .env says
    monkeypatch.setenv("SAMVERKAN_APP_LOADER_PASSWORD", "")
    get_settings.cache_clear()
    st.cache_data.clear()
    downloads: list[bytes] = []
    real = st.download_button

    def spy(label, data, *args, **kwargs):
        downloads.append(data)
        return real(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", spy)

    def run(text: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        at.run()
        at.switch_page("app_pages/console.py").run()
        at.selectbox[0].set_value("__own__").run()
        at.text_area[0].set_value(text).run()
        downloads.clear()
        at.button[0].click().run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    run.downloads = downloads
    return run


def test_the_console_download_defuses_formulas_and_the_table_shows_them_as_stored(console):
    at = console("RETURN '=HYPERLINK(\"http://x\")' AS namn, \"=cmd|' /C calc'!A0\" AS agare, "
                 "'@SUM(A1)' AS c, -3 AS n, 'Malmö stad' AS ort")
    assert not at.error
    assert at.dataframe[0].value["namn"].iloc[0] == '=HYPERLINK("http://x")'  # as stored
    data, xlsx = console.downloads                                     # the CSV, then the Excel file
    assert pd.read_excel(io.BytesIO(xlsx)).iloc[0]["namn"] == "'=HYPERLINK(\"http://x\")"
    back = pd.read_csv(io.StringIO(data.decode("utf-8-sig")), sep=";")
    assert back.iloc[0].to_dict() == {"namn": "'=HYPERLINK(\"http://x\")", "agare": "'=cmd|' /C calc'!A0",
                                      "c": "'@SUM(A1)", "n": -3, "ort": "Malmö stad"}


def test_a_runaway_query_in_the_console_stops_with_a_swedish_message(console, monkeypatch):
    import time

    monkeypatch.setenv("SAMVERKAN_QUERY_TIMEOUT", "2")
    t0 = time.monotonic()
    at = console("UNWIND range(1, 10000000000) AS x RETURN count(x)")
    assert time.monotonic() - t0 < 60
    (err,) = at.error
    assert err.value.startswith("Frågan tog längre tid än 2 sekunder och avbröts")
    assert not at.dataframe


def test_the_console_says_when_it_shows_only_the_first_rows(console):
    at = console("UNWIND range(1, 6000) AS x RETURN x")
    assert len(at.dataframe[0].value) == 5000
    assert "fler än 5000 rader" in at.warning[0].value
    at = console("UNWIND range(1, 40) AS x RETURN x")
    assert at.success[0].value == "40 rader" and not at.warning


#: what a download may be made by: the CSV and Excel writers defuse formulas
#: (samverkan.safe_output.defuse_frame); the printable report is escaped HTML, no cells
DOWNLOAD_WRITERS = {"common.csv_bytes", "common.xlsx_bytes", "xlsx_bytes", "report_bytes"}


def test_every_csv_download_of_the_app_goes_through_the_defusing_function():
    pages = sorted((REPO_ROOT / "app_pages").glob("*.py"))
    calls = [(p.name, m.group(1)) for p in pages
             for m in re.finditer(r"\.download_button\((?:[^(),]|\([^()]*\))*,\s*([\w.]+)\(", p.read_text("utf-8"))]
    assert calls and all(fn in DOWNLOAD_WRITERS for _, fn in calls), calls
    assert sum(p.read_text("utf-8").count("download_button(") for p in pages) == len(calls)
