"""Hostile files answer within the reading budget with one line (issue 17): pages nested so
deep, or with so many unclosed tags, that the HTML parser would run for minutes; a reader that
runs past the document's time limit; Word XML nested deeply. Pure: no database."""
from __future__ import annotations

import time
import zipfile

import pytest
from click.testing import CliRunner

from loaders.readers import ReadError, iter_documents
from loaders.readers_html import html_to_text, parser_load
from test_bad_input import zip_with
from test_readers import write_docx


def only_error(path) -> ReadError:
    (item,) = list(iter_documents([path]))
    assert isinstance(item, ReadError), item
    assert "\n" not in str(item)
    return item


@pytest.fixture(autouse=True)
def default_limits(monkeypatch):
    for name in ("SAMVERKAN_MAX_NESTING", "SAMVERKAN_EXTRACT_TIMEOUT", "SAMVERKAN_MAX_DOC_MB"):
        monkeypatch.delenv(name, raising=False)


def test_an_11_mb_page_of_nested_tags_is_refused_at_once(tmp_path):
    # the parser took minutes on this (its time grows with the square of the depth)
    page = tmp_path / "djup.html"
    n = 500_000
    page.write_text("<html><body>" + "<div><span>" * n + "Göteborg" + "</span></div>" * n + "</body></html>",
                    encoding="utf-8")
    assert page.stat().st_size > 11_000_000
    t0 = time.monotonic()
    err = only_error(page)
    assert time.monotonic() - t0 < 15
    assert err.reason == "HTML nested more than 10 000 elements deep (SAMVERKAN_MAX_NESTING sets the limit)"


def test_unclosed_formatting_tags_that_the_parser_repeats_are_refused_at_once(tmp_path):
    # 80 kB of these took the parser 17 s: every <p> rebuilds every <b> still open
    page = tmp_path / "oavslutad.html"
    page.write_text("<html><body>" + "".join(f"<p><b class=k{i}>ord" for i in range(150_000)), encoding="utf-8")
    assert page.stat().st_size > 3_000_000
    t0 = time.monotonic()
    err = only_error(page)
    assert time.monotonic() - t0 < 15
    assert err.reason.startswith("HTML whose unclosed tags the parser would repeat in every block")
    assert "SAMVERKAN_MAX_NESTING" in err.reason


def test_sloppy_but_ordinary_pages_still_read(tmp_path):
    # unclosed <p>, <li> and identical <b> (the parser repeats at most three of a kind) are common
    page = tmp_path / "slarvig.html"
    page.write_text("<html><body><font size=2>" + "<p><b>Projektet i Malmö" * 20_000
                    + "<ul>" + "<li>Arbetsförmedlingen" * 5_000 + "</ul>", encoding="utf-8")
    (doc,) = list(iter_documents([page]))
    assert not isinstance(doc, ReadError), doc
    assert doc.text.count("Projektet i Malmö") == 20_000
    assert parser_load(page.read_text(encoding="utf-8"))[0] < 10


def test_the_setting_raises_the_nesting_limit(tmp_path, monkeypatch):
    page = tmp_path / "djup.html"
    page.write_text("<div>" * 12_000 + "Djupt i Umeå" + "</div>" * 12_000, encoding="utf-8")
    assert "SAMVERKAN_MAX_NESTING" in only_error(page).reason
    monkeypatch.setenv("SAMVERKAN_MAX_NESTING", "20000")
    (doc,) = list(iter_documents([page]))
    assert doc.text == "Djupt i Umeå"
    monkeypatch.setenv("SAMVERKAN_MAX_NESTING", "djup")
    assert "SAMVERKAN_MAX_NESTING must be a whole number" in only_error(page).reason


def test_nesting_is_counted_from_the_tags_the_parser_sees():
    deep = "<html><body>" + "<p><div>" * 3000          # a <div> closes the <p>, not the other way
    assert parser_load(deep)[0] > 3000
    lists = "<html><body>" + "<li><ul>" * 3000           # an <li> closes its sibling, not its parent's
    assert parser_load(lists)[0] > 6000
    scripts = "<html><body><script>" + "'<div>'+" * 50_000 + "</script><!--" + "<div>" * 50_000 + "--><p>x"
    assert parser_load(scripts)[0] < 5
    assert html_to_text(scripts, "x.html")[0] == "x"


def test_reading_has_the_documents_time_limit(tmp_path, monkeypatch):
    # the walk over a large page is Python: the alarm stops it
    page = tmp_path / "stor.html"
    page.write_text("<html><body>" + "<p><b>ab" * 400_000, encoding="utf-8")
    monkeypatch.setenv("SAMVERKAN_EXTRACT_TIMEOUT", "0.2")
    t0 = time.monotonic()
    err = only_error(page)
    assert time.monotonic() - t0 < 10
    assert err.reason == ("reading took longer than 0.2 s (a file too large or too odd; "
                          "SAMVERKAN_EXTRACT_TIMEOUT sets the limit)")


def test_deeply_nested_word_xml_is_refused_with_one_line(tmp_path):
    good = write_docx(tmp_path / "hel.docx")
    xml = zipfile.ZipFile(good).read("word/document.xml").decode()
    at = xml.index("</w:body>")
    deep = "<w:tbl><w:tr><w:tc>" * 20_000 + "</w:tc></w:tr></w:tbl>" * 20_000
    bad = zip_with(good, tmp_path / "djup.docx", {"word/document.xml": (xml[:at] + deep + xml[at:]).encode()})
    t0 = time.monotonic()
    err = only_error(bad)
    assert time.monotonic() - t0 < 10
    assert err.reason.startswith("not a valid .docx (XMLSyntaxError")


def test_the_cli_answers_a_hostile_page_with_one_error_line(tmp_path):
    from samverkan.cli import main

    page = tmp_path / "djup\nsida.html"  # a newline in the name stays escaped too
    page.write_text("<div>" * 30_000, encoding="utf-8")
    res = CliRunner().invoke(main, ["load", "--dry-run", str(page)])
    assert res.exit_code == 1
    (line,) = [x for x in res.stderr.splitlines() if x.strip()]
    assert line.startswith("error: ") and "djup\\nsida.html: HTML nested more than 10 000" in line
