"""Fuzzing (issue 6, item 6): readers and extraction on random and mutated documents.

The properties: ``read_document`` raises nothing but ``ReadError`` (one line, naming the
file), whatever the bytes and whatever the file is called; what it returns is clean text;
and ``extract_text`` on what the readers return does not crash and keeps its evidence
offsets exact.

Time per document is stated through hypothesis deadlines (per example, not for the run):
reading one small document (≤ 64 kB) must take under ``READ_DEADLINE_MS``, reading plus
extracting one under ``EXTRACT_DEADLINE_MS``. Both are generous for a 2-core machine under
load; typical times are 1–50 ms. A hang fails the example instead of stalling the suite.
Example counts are modest so the file runs in well under a minute; raise them locally with
``HYPOTHESIS_PROFILE=fuzz-long`` for a longer search.
"""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from loaders.readers import RawDocument, ReadError, read_document
from test_readers import EXPORT_HEADER, EXPORT_ROWS, PAGE, minimal_pdf, write_docx, write_xlsx

READ_DEADLINE_MS = 3000
EXTRACT_DEADLINE_MS = 8000

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz-long"


def examples(n: int) -> int:
    return 2000 if LONG else n


COMMON = dict(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SEEDS = sorted((Path(__file__).resolve().parent.parent / "data" / "seeds").glob("*.txt"))
SEED_TEXTS = [p.read_text("utf-8") for p in SEEDS]

WORK = Path(tempfile.mkdtemp(prefix="samverkan-fuzz-"))


def _templates() -> dict[str, bytes]:
    """One valid file of each format, the material the mutations start from."""
    out: dict[str, bytes] = {}
    out[".pdf"] = minimal_pdf(["Projektägare: Skåne Stadsmission", "Malmö stad och Arbetsförmedlingen"])
    out[".docx"] = write_docx(WORK / "mall.docx").read_bytes()
    out[".xlsx"] = write_xlsx(WORK / "mall.xlsx", EXPORT_HEADER, EXPORT_ROWS).read_bytes()
    out[".html"] = PAGE.encode("utf-8")
    out[".csv"] = ("Projektnamn;Diarienummer;Projektägare;Region\n"
                   "Vägen in;2019/00321;Ystads kommun;Sydsverige\n").encode("cp1252")
    out[".txt"] = SEED_TEXTS[0].encode("utf-8") if SEED_TEXTS else b"Finsam i Malm\xc3\xb6"
    return out


TEMPLATES = _templates()
SUFFIXES = [".txt", ".md", ".html", ".htm", ".csv", ".tsv", ".xls", ".pdf", ".docx", ".xlsx", ""]


def check_read(data: bytes, suffix: str) -> list[RawDocument]:
    """Read ``data`` as a file with ``suffix``: only ReadError may come out; output is clean."""
    path = WORK / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        docs = read_document(path)
    except ReadError as err:
        line = str(err)
        assert "\n" not in line and line.startswith(f"{path}: ") and err.reason
        return []
    assert docs
    for doc in docs:
        assert doc.text.strip() and doc.text == doc.text.strip("\n")
        assert "\x00" not in doc.text and "\r" not in doc.text
        assert doc.text == unicodedata.normalize("NFC", doc.text)
        assert doc.sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        assert doc.path == str(path.absolute())
        assert doc.title is None or ("\n" not in doc.title and doc.title.strip())
    return docs


# ---------------------------------------------------------------- mutations

@st.composite
def mutated(draw, base: bytes) -> bytes:
    """``base`` with a few byte-level edits: flips, deletions, insertions, a cut, a splice."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate", "zero"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif op == "delete":
            del data[at: at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "truncate":
            del data[at:]
        elif op == "duplicate":
            n = draw(st.integers(1, 256))
            data[at:at] = data[at: at + n]
        else:
            data[at: at + draw(st.integers(1, 32))] = b"\x00" * min(32, len(data) - at)
    return bytes(data)


def mutated_zip_member(base: bytes, data) -> bytes:
    """An Office file whose zip is intact but one XML part is damaged (the parser sees it)."""
    src = zipfile.ZipFile(io.BytesIO(base))
    names = [i.filename for i in src.infolist() if i.filename.endswith(".xml") or i.filename.endswith(".rels")]
    victim = data.draw(st.sampled_from(names))
    part = data.draw(mutated(src.read(victim)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, part if info.filename == victim else src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- readers

@settings(max_examples=examples(120), deadline=READ_DEADLINE_MS, **COMMON)
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_any_name(data, suffix):
    check_read(data, suffix)


@settings(max_examples=examples(60), deadline=READ_DEADLINE_MS, **COMMON)
@given(head=st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"<html>",
                             b"<!DOCTYPE html>", b"\xd0\xcf\x11\xe0"]),
       data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_behind_a_magic_number(head, data, suffix):
    check_read(head + data, suffix)


@pytest.mark.parametrize("suffix", sorted(TEMPLATES))
def test_templates_read(suffix):
    assert check_read(TEMPLATES[suffix], suffix)


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".xlsx", ".html", ".csv", ".txt"])
def test_mutated_valid_files(suffix):
    @settings(max_examples=examples(50), deadline=READ_DEADLINE_MS, **COMMON)
    @given(data=mutated(TEMPLATES[suffix]))
    def run(data):
        check_read(data, suffix)

    run()


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_office_files_with_a_damaged_xml_part(suffix):
    @settings(max_examples=examples(40), deadline=READ_DEADLINE_MS, **COMMON)
    @given(data=st.data())
    def run(data):
        check_read(mutated_zip_member(TEMPLATES[suffix], data), suffix)

    run()


TAGS = ["div", "p", "span", "main", "article", "nav", "header", "footer", "aside", "script", "style",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "br", "h1", "h2", "pre", "a",
        "form", "noscript", "section", "strong"]
ATTRS = ['', ' class="cookie-banner"', ' class="label"', ' class="value"', ' role="main"',
         ' role="navigation"', ' hidden', ' style="display:none"', ' id="content"', ' class="menu"',
         ' aria-hidden="true"', ' href="#main"']
WORDS = st.sampled_from(["Malmö", "Projektägare:", "Finsam", "Region Skåne", "&amp;", "&nbsp;", "<",
                         ">", "SKRIPT", "\n", " ", "Arbetsförmedlingen", "2021-06-08", "•", "&#0;",
                         "&#xD800;", "\u202e", "\ufeff"])


def html_tree():
    leaf = st.lists(WORDS, max_size=4).map("".join)

    def wrap(children):
        return st.tuples(st.sampled_from(TAGS), st.sampled_from(ATTRS), st.lists(children, max_size=4),
                         st.booleans()).map(
            lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else ""))

    return st.recursive(leaf, wrap, max_leaves=40)


@settings(max_examples=examples(150), deadline=READ_DEADLINE_MS, **COMMON)
@given(body=html_tree(), encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]))
@example(body='<div><script role="main"><script>', encoding="utf-8")  # found: code as the main text
@example(body="<main><script>x()</script></main><p>Text</p>", encoding="utf-8")
def test_random_html_structure(body, encoding):
    markup = f"<html><head><title>T</title></head><body>{body}</body></html>"
    try:
        data = markup.encode(encoding)
    except UnicodeEncodeError:
        data = markup.encode("utf-8")
    for doc in check_read(data, ".html"):
        # code never leaks into the text: every <script> in the tree is one of the dropped tags
        assert "<script" not in doc.text


HEADER_VARIANTS = {
    "Namn": ["Projektnamn", "PROJEKTNAMN", "projekt namn", "Namn", " Projektets namn "],
    "Projektnummer": ["Diarienummer", "Projektnummer", "diarie-nummer", "DNR", "Ärendenummer"],
    "Projektägare": ["Projektägare", "Projektagare", "projekt ägare", "Stödmottagare"],
    "Region": ["Region", "REGION", "ESF-region"],
    "Startdatum": ["Startdatum", "Start datum", "start"],
    "Slutdatum": ["Slutdatum", "SLUTDATUM", "slut"],
    "Total projektbudget": ["Total projektbudget", "Total projektbudget (kr)", "Budget"],
    "Beviljat ESF-stöd": ["Beviljat ESF-stöd", "Beviljat ESF stöd", "beviljat esf-stod"],
    "Kontaktperson": ["Kontaktperson", "Kontakt person", "KONTAKT"],
}
CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=examples(80), deadline=READ_DEADLINE_MS, **COMMON)
@given(data=st.data(), delimiter=st.sampled_from([";", ",", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_random_csv_exports_map_their_columns(data, delimiter, encoding):
    import csv

    labels = data.draw(st.lists(st.sampled_from(sorted(HEADER_VARIANTS)), min_size=1, max_size=9,
                                unique=True))
    if "Namn" not in labels:
        labels = ["Namn", *labels]
    header = [data.draw(st.sampled_from(HEADER_VARIANTS[label])) for label in labels]
    rows = data.draw(st.lists(st.lists(CELL, min_size=len(header), max_size=len(header)),
                              min_size=1, max_size=4))
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows([header, *rows])
    try:
        raw = buf.getvalue().encode(encoding)
    except UnicodeEncodeError:
        raw = buf.getvalue().encode("utf-8")
    docs = check_read(raw, ".csv")
    for doc in docs:  # whatever the variant, a field comes out under its canonical label
        lines = doc.text.split("\n")
        for label in labels:
            assert not any(line.rstrip(":") in HEADER_VARIANTS[label] and line.rstrip(":") != label
                           and line.endswith(":") for line in lines)


# ---------------------------------------------------------------- reader -> extractor

def _extractor():
    try:
        from loaders.extract import extract_text
    except ImportError as exc:  # the extractor is being rebuilt: say so rather than pass
        pytest.skip(f"extractor not importable: {exc}")
    return extract_text


def check_extract(doc: RawDocument) -> dict:
    record = _extractor()(doc.text, doc.name, doc.path)
    assert isinstance(record, dict) and record["doc_uid"] == doc.sha256
    for rel in record["relations"]:
        if rel.get("start") is not None:
            assert doc.text[rel["start"]:rel["end"]] == rel["evidence"]
    return record


@pytest.mark.skipif(not SEED_TEXTS, reason="no seed documents")
@settings(max_examples=examples(40), deadline=EXTRACT_DEADLINE_MS, **COMMON)
@given(i=st.integers(0, max(0, len(SEED_TEXTS) - 1)), data=st.data(),
       form=st.sampled_from(["utf-8", "cp1252", "utf-16", "html", "csv-cell"]))
def test_mutated_seeds_through_reader_and_extractor(i, data, form):
    """A seed, damaged at the byte level, in another encoding or wrapped in markup, read and
    then extracted: no crash, evidence offsets exact."""
    text = SEED_TEXTS[i]
    if form == "html":
        body = "".join(f"<p>{line}</p>" if line.strip() else "<br>" for line in text.split("\n"))
        raw, suffix = f"<html><body><nav>Meny</nav><main>{body}</main></body></html>".encode(), ".html"
    elif form == "csv-cell":
        raw, suffix = ("Projektnamn;Beskrivning\nFuzz;\"" + text.replace('"', '""') + "\"\n").encode(), ".csv"
    else:
        raw, suffix = text.encode(form, errors="replace"), ".txt"
    for doc in check_read(data.draw(mutated(raw)), suffix):
        check_extract(doc)


@settings(max_examples=examples(60), deadline=EXTRACT_DEADLINE_MS, **COMMON)
@given(data=st.binary(min_size=1, max_size=3000))
def test_random_bytes_through_reader_and_extractor(data):
    for doc in check_read(data, ".txt"):
        check_extract(doc)


@pytest.mark.skipif(not SEED_TEXTS, reason="no seed documents")
@settings(max_examples=examples(40), deadline=EXTRACT_DEADLINE_MS, **COMMON)
@given(data=st.data())
def test_seed_lines_shuffled_into_a_spreadsheet_row(data):
    """Label lines from real records, reassembled at random, as a spreadsheet export."""
    lines = [ln for t in SEED_TEXTS for ln in t.split("\n") if ln.strip()]
    picked = data.draw(st.lists(st.sampled_from(lines), min_size=2, max_size=12))
    header = ["Projektnamn"] + [f"Kolumn {k}" for k in range(len(picked) - 1)]
    path = write_xlsx(WORK / "rad.xlsx", header, [picked])
    assume(path.stat().st_size > 0)
    for doc in check_read(path.read_bytes(), ".xlsx"):
        check_extract(doc)
