"""Bad input (issue 6, item 1): every bad file gives one line naming it and the reason,
the other files still load, the run counts its failures and exits non-zero, and nothing
of a failed document is written.

Everything here is pure (no database) except the last tests, marked ``neo4j``, which
load into the test server through ``clean_db``.
"""
from __future__ import annotations

import io
import os
import random
import re
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import loaders.pipeline as pipeline
import loaders.readers_base as readers_base
from loaders.readers import RawDocument, ReadError, iter_documents, read_document
from test_readers import EXPORT_HEADER, EXPORT_ROWS, minimal_pdf, write_docx, write_xlsx

GOOD = "Samverkan mot utanförskap drivs av Skåne Stadsmission i Malmö tillsammans med Arbetsförmedlingen."


def read_error(path) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_document(path)
    err = info.value
    line = str(err)
    assert "\n" not in line and line.startswith(f"{path}: ") and err.path == str(path)
    return err


def zip_with(src: Path, dest: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            b.writestr(info.filename, replace.get(info.filename, a.read(info.filename)))
    return dest


# ---------------------------------------------------------------- one bad file each

def test_empty_and_blank_files(tmp_path):
    for name, data in [("tom.txt", b""), ("blank.txt", b" \r\n\t\n"), ("tom.html", b""),
                       ("tom.csv", b""), ("tom.pdf", b""), ("tom.docx", b""), ("tom.xlsx", b""),
                       ("TOM", b"")]:
        path = tmp_path / name
        path.write_bytes(data)
        assert read_error(path).reason == "empty file"
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf  \n")
    assert read_error(path).reason == "empty file"


@pytest.mark.parametrize("name", ["skrap.txt", "skrap.html", "skrap.csv", "skrap", "skrap.md"])
def test_binary_garbage(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(random.Random(7).randbytes(20_000))
    assert read_error(path).reason.startswith("binary file, not a document")


@pytest.mark.parametrize("name,reason", [
    ("bild.txt", "an image"), ("program.txt", "a program"), ("arkiv.txt", "a gzip archive"),
    ("inbaddad.txt", "a PDF file"),
])
def test_binary_formats_under_a_text_name(tmp_path, name, reason):
    head = {"bild.txt": b"\x89PNG\r\n\x1a\n", "program.txt": b"\x7fELF\x02\x01",
            "arkiv.txt": b"\x1f\x8b\x08\x00", "inbaddad.txt": b"%PDF-1.4\n"}[name]
    path = tmp_path / name
    path.write_bytes(head + b"abc" * 100)
    assert read_error(path).reason == f"binary file, not a document ({reason})"


def test_50_mb_text_is_refused_without_reading_it(tmp_path, monkeypatch):
    """The limit (SAMVERKAN_MAX_DOC_MB, default 20 MB per file) is checked on the file's size
    before it is opened, so a 50 MB file costs no memory; the error says how to raise it."""
    monkeypatch.delenv("SAMVERKAN_MAX_DOC_MB", raising=False)
    path = tmp_path / "stor.txt"
    line = (GOOD + "\n").encode("utf-8")
    with open(path, "wb") as fh:
        for _ in range(50_000_000 // (len(line) * 1000) + 1):
            fh.write(line * 1000)
    assert path.stat().st_size > 50_000_000
    tracemalloc.start()
    try:
        err = read_error(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert re.fullmatch(r"5\d\.\d MB is larger than the 20 MB limit \(set SAMVERKAN_MAX_DOC_MB\)",
                        err.reason)
    assert peak < 2_000_000
    items = list(iter_documents([tmp_path]))
    assert len(items) == 1 and isinstance(items[0], ReadError)


def test_file_growing_past_the_limit_after_stat(tmp_path, monkeypatch):
    """Never more than limit + 1 bytes are read, even if the size changed after stat()."""
    monkeypatch.setenv("SAMVERKAN_MAX_DOC_MB", "0.001")
    path = tmp_path / "vaxer.txt"
    path.write_text("x" * 5000)
    monkeypatch.setattr(readers_base, "check_file", lambda p: 10)
    with pytest.raises(ReadError, match=r"larger than the 0\.001 MB limit"):
        readers_base.read_bytes(path)


def test_invalid_utf8_is_read_as_windows_1252_not_refused(tmp_path):
    """Invalid UTF-8 is not an error: it is what Windows-1252 (or Latin-1) files look like."""
    path = tmp_path / "trasig.txt"
    path.write_bytes(b"Projekt i Malm\xf6 och V\xe4ster\xe5s \xc0\xaf \xed\xa0\x80 \xff\n")
    doc = read_document(path)[0]
    assert doc.encoding == "cp1252"
    assert doc.text.startswith("Projekt i Malmö och Västerås")
    mostly = tmp_path / "mest-utf8.txt"
    mostly.write_bytes("Projektägare: Göteborgs stad, Örgryte".encode() + b" \xff\xfe")
    doc = read_document(mostly)[0]
    assert doc.encoding == "utf-8" and doc.text.startswith("Projektägare: Göteborgs stad, Örgryte")


def test_html_full_of_scripts(tmp_path):
    noise = "".join(f"<script>document.write('<p>SKRIPT{i}</p>')</script><style>.a{i}{{}}</style>"
                    f"<noscript>NOSCRIPT</noscript>" for i in range(3000))
    path = tmp_path / "skript.html"
    path.write_text(f"<html><head>{noise}</head><body>{noise}<main><p>{GOOD}</p></main>{noise}"
                    f"</body></html>", encoding="utf-8")
    assert read_document(path)[0].text == GOOD
    only = tmp_path / "bara-skript.html"
    only.write_text(f"<html><body>{noise}<nav>Meny</nav></body></html>", encoding="utf-8")
    assert read_error(only).reason == "no text content"


def test_pdf_with_no_text_layer(tmp_path):
    path = tmp_path / "skannad.pdf"
    path.write_bytes(minimal_pdf([None, None]))
    assert read_error(path).reason == "no text layer (scanned PDF?)"


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_truncated_pdf(tmp_path, cut):
    data = minimal_pdf([GOOD])
    path = tmp_path / "halv.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    try:
        docs = read_document(path)  # pypdf recovers what it can from a cut file
    except ReadError as err:
        assert "\n" not in str(err) and str(err).startswith(str(path))
    else:
        assert docs[0].text.strip()


def test_spreadsheets_with_missing_or_renamed_columns(tmp_path):
    no_name = write_xlsx(tmp_path / "utan-namn.xlsx", ["Diarienummer", "Region", "Budget"],
                         [["2020/001", "Skåne", 100]])
    assert read_error(no_name).reason == "no project-name column (found: Diarienummer, Region, Budget)"
    header_only = write_xlsx(tmp_path / "bara-rubrik.xlsx", EXPORT_HEADER, [])
    assert read_error(header_only).reason == "no data rows below the header"
    blank = write_xlsx(tmp_path / "tom.xlsx", [], [])
    assert read_error(blank).reason == "empty spreadsheet"
    csv_only = tmp_path / "rubrik.csv"
    csv_only.write_text("Projektnamn;Region\n", encoding="utf-8")
    assert read_error(csv_only).reason == "no data rows below the header"
    # renamed columns in case, spacing and diacritics variants are still understood
    renamed = tmp_path / "omdopt.csv"
    renamed.write_text(
        "PROJEKT NAMN;diarie-nummer;Projektagare;  region ;Start datum;SLUTDATUM;"
        "Total projektbudget (kr);Beviljat ESF stöd;kontakt person;Okänd kolumn\n"
        "Vägen in;2019/00321;Ystads kommun;Sydsverige;2019-01-01;2020-12-31;"
        "1000000;500 000;Anna Berg;x\n", encoding="utf-8")
    assert read_document(renamed)[0].text == (
        "Namn:\nVägen in\nProjektnummer:\n2019/00321\nProjektägare:\nYstads kommun\n"
        "Region:\nSydsverige\nProjektperiod:\n2019-01-01 - 2020-12-31\n"
        "Total projektbudget:\n1 000 000\nBeviljat ESF-stöd:\n500 000\n"
        "Kontaktperson:\nAnna Berg\nOkänd kolumn:\nx")


def test_csv_with_a_very_long_cell(tmp_path):
    path = tmp_path / "lang.csv"
    path.write_text("Projektnamn;Beskrivning\nLångt projekt;" + "ord " * 60_000 + "\n", encoding="utf-8")
    assert read_document(path)[0].text.startswith("Namn:\nLångt projekt\n\nSammanfattning:\nord ord")


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
@pytest.mark.parametrize("cut", [0.05, 0.5, 0.95])
def test_truncated_office_files(tmp_path, kind, cut):
    full = (write_docx(tmp_path / "hel.docx") if kind == "docx"
            else write_xlsx(tmp_path / "hel.xlsx", EXPORT_HEADER, EXPORT_ROWS)).read_bytes()
    path = tmp_path / f"trasig.{kind}"
    path.write_bytes(full[: int(len(full) * cut)])
    assert read_error(path).reason == f"not a valid .{kind} (truncated or corrupt zip)"


def test_docx_with_damaged_parts(tmp_path):
    good = write_docx(tmp_path / "hel.docx")
    xml = zipfile.ZipFile(good).read("word/document.xml")
    broken = zip_with(good, tmp_path / "trasig-xml.docx", {"word/document.xml": xml[: len(xml) // 2]})
    assert read_error(broken).reason.startswith("not a valid .docx (XMLSyntaxError")
    notword = tmp_path / "annan-zip.docx"
    with zipfile.ZipFile(notword, "w") as z:
        z.writestr("hej.txt", "hej")
    assert read_error(notword).reason.startswith("not a valid .docx (")
    text = tmp_path / "text.docx"
    text.write_text(GOOD, encoding="utf-8")
    assert read_error(text).reason == "not a valid .docx (not a zip file)"


def test_office_zip_bomb_is_refused_before_parsing(tmp_path, monkeypatch):
    """A 200 kB .docx that unpacks to 120 MB of XML took minutes and a gigabyte to parse;
    the zip directory's sizes are checked first (limit: 5 x SAMVERKAN_MAX_DOC_MB)."""
    monkeypatch.delenv("SAMVERKAN_MAX_DOC_MB", raising=False)
    good = write_docx(tmp_path / "hel.docx")
    xml = zipfile.ZipFile(good).read("word/document.xml").decode()
    at = xml.index("</w:body>")
    para = "<w:p><w:r><w:t>" + "A" * 2000 + "</w:t></w:r></w:p>"
    bomb = zip_with(good, tmp_path / "bomb.docx",
                    {"word/document.xml": (xml[:at] + para * 60_000 + xml[at:]).encode()})
    assert bomb.stat().st_size < 2_000_000
    t0 = time.perf_counter()
    err = read_error(bomb)
    assert time.perf_counter() - t0 < 5
    assert re.fullmatch(r"\.docx unpacks to 12\d MB, more than the 100 MB allowed "
                        r"\(5 x the size limit; a zip bomb\?\)", err.reason)


def test_unsupported_and_odd_files(tmp_path):
    doc = tmp_path / "gammal.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert read_error(doc).reason == "unsupported file type .doc"
    fifo = tmp_path / "ror.txt"
    os.mkfifo(fifo)
    assert read_error(fifo).reason == "not a regular file"
    assert read_error(tmp_path / "saknas.txt").reason == "file not found"


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "last.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    try:
        if os.geteuid() == 0:  # root reads anything: simulate what chmod 000 does to others
            def refuse(file, *args, **kwargs):
                if Path(file) == path:
                    raise PermissionError(13, "Permission denied", str(file))
                return open(file, *args, **kwargs)

            monkeypatch.setattr(readers_base, "open", refuse, raising=False)
        assert read_error(path).reason == "permission denied"
    finally:
        path.chmod(0o644)


def test_symlink_loops(tmp_path):
    (tmp_path / "sjalv.txt").symlink_to(tmp_path / "sjalv.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "upp").symlink_to(tmp_path)  # a directory loop
    (tmp_path / "d" / "ok.txt").write_text(GOOD, encoding="utf-8")
    for name in ("sjalv.txt", "a.txt"):
        assert read_error(tmp_path / name).reason == "symbolic link loop"
    items = list(iter_documents([tmp_path]))
    assert [(type(i).__name__, Path(i.path).name) for i in items] == [
        ("ReadError", "a.txt"), ("ReadError", "b.txt"), ("RawDocument", "ok.txt"),
        ("ReadError", "sjalv.txt")]


# ---------------------------------------------------------------- a folder of them

def bad_folder(root: Path, monkeypatch) -> tuple[Path, list[str], list[str]]:
    """A folder with good files and one of every kind of bad file.

    Returns (folder, good document names, bad file names)."""
    root.mkdir()
    (root / "01-bra.txt").write_text(GOOD, encoding="utf-8")
    (root / "02-tom.txt").write_bytes(b"")
    (root / "03-skrap.txt").write_bytes(random.Random(1).randbytes(5000))
    (root / "04-bra.html").write_text(f"<nav>Meny</nav><main><h1>Nyhet</h1><p>{GOOD}</p></main>",
                                      encoding="utf-8")  # not the text of 01: that would be the same document
    (root / "05-skript.html").write_text("<script>x()</script>" * 100, encoding="utf-8")
    (root / "06-skannad.pdf").write_bytes(minimal_pdf([None]))
    (root / "07-bra.pdf").write_bytes(minimal_pdf(["Finsam Trelleborg", GOOD]))
    full = write_docx(root / "08-bra.docx").read_bytes()
    (root / "09-trasig.docx").write_bytes(full[: len(full) // 2])
    write_xlsx(root / "10-export.xlsx", EXPORT_HEADER, EXPORT_ROWS)
    write_xlsx(root / "11-utan-namn.xlsx", ["A", "B"], [[1, 2]])
    (root / "12-loop.txt").symlink_to(root / "12-loop.txt")
    (root / "13-last.txt").write_text(GOOD + " Lund.", encoding="utf-8")
    (root / "13-last.txt").chmod(0)
    (root / "14-sub").mkdir()
    (root / "14-sub" / "upp").symlink_to(root)
    (root / "14-sub" / "bra.md").write_text(GOOD + " Ystad.", encoding="utf-8")
    real_open = open

    def refuse(file, *args, **kwargs):  # what chmod 000 does, also when tests run as root
        if Path(file).name == "13-last.txt":
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(readers_base, "open", refuse, raising=False)
    good = ["01-bra.txt", "04-bra.html", "07-bra.pdf", "08-bra.docx", "10-export.xlsx#row-1",
            "10-export.xlsx#row-3", "bra.md"]
    bad = ["02-tom.txt", "03-skrap.txt", "05-skript.html", "06-skannad.pdf", "09-trasig.docx",
           "11-utan-namn.xlsx", "12-loop.txt", "13-last.txt"]
    return root, good, bad


def test_folder_of_bad_files_reads_the_good_ones(tmp_path, monkeypatch):
    root, good, bad = bad_folder(tmp_path / "korpus", monkeypatch)
    items = list(iter_documents([root]))
    assert [i.name for i in items if isinstance(i, RawDocument)] == good
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [Path(e.path).name for e in errors] == bad
    reasons = {Path(e.path).name: e.reason for e in errors}
    assert reasons == {
        "02-tom.txt": "empty file",
        "03-skrap.txt": "binary file, not a document",
        "05-skript.html": "no text content",
        "06-skannad.pdf": "no text layer (scanned PDF?)",
        "09-trasig.docx": "not a valid .docx (truncated or corrupt zip)",
        "11-utan-namn.xlsx": "no project-name column (found: A, B)",
        "12-loop.txt": "symbolic link loop",
        "13-last.txt": "permission denied",
    }
    (root / "13-last.txt").chmod(0o644)


def test_pipeline_counts_failures_and_goes_on(tmp_path, monkeypatch):
    root, good, bad = bad_folder(tmp_path / "korpus", monkeypatch)
    seen = []
    summary = pipeline.load_paths([root], None, dry_run=True, progress=seen.append)
    assert (summary.new, summary.failed, summary.documents) == (len(good), len(bad), len(good) + len(bad))
    assert len(summary.errors) == len(bad)
    for line, name in zip(summary.errors, bad):
        assert "\n" not in line and line.startswith(str(root / name) + ": ")
    assert len(seen) == len(good) + len(bad)
    assert "8 failed" in summary.line()
    (root / "13-last.txt").chmod(0o644)


# ---------------------------------------------------------------- extraction failures

def _docs(tmp_path, texts: dict[str, str]) -> list[Path]:
    paths = []
    for name, text in texts.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def fake_extract(text, document, path, keep_contact_details=False):
    """Stands in for the extractor: misbehaves on cue words, else a minimal record."""
    if "KRASCH" in text:
        raise ValueError("regel 7 gick sönder\npå två rader")
    if "HÄNG" in text:
        while True:
            pass
    if "REGEX" in text:  # catastrophic backtracking: must be interruptible too
        re.match(r"(a+)+$", "a" * 64 + "b")
    if "DÖ" in text:
        os._exit(3)  # a worker process that dies (segfault, out of memory)
    if "SKRÄP" in text:
        return ["inte", "en", "post"]
    import hashlib

    from loaders.record import empty_record

    return empty_record(document, path, hashlib.sha256(text.encode("utf-8")).hexdigest())


def test_extraction_crash_and_garbage_are_failures(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "extract_text", fake_extract)
    paths = _docs(tmp_path, {"a.txt": "Bra", "b.txt": "KRASCH", "c.txt": "SKRÄP", "d.txt": "Bra igen"})
    out = list(pipeline.extract_stream(pipeline.iter_documents(paths)))
    assert isinstance(out[0], dict) and isinstance(out[3], dict)
    assert out[1] == f"{paths[1]}: extraction failed (ValueError: regel 7 gick sönder på två rader)"
    assert out[2] == f"{paths[2]}: extraction returned an unusable record (a list, not a record)"


def test_extraction_time_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "extract_text", fake_extract)
    monkeypatch.setenv("SAMVERKAN_EXTRACT_TIMEOUT", "0.5")
    paths = _docs(tmp_path, {"a.txt": "HÄNG", "b.txt": "REGEX", "c.txt": "Bra"})
    t0 = time.perf_counter()
    summary = pipeline.load_paths(paths, None, dry_run=True)
    assert time.perf_counter() - t0 < 10
    assert (summary.new, summary.failed) == (1, 2)
    for path, line in zip(paths, summary.errors):
        assert line.startswith(f"{path}: extraction took longer than 0.5 s")


def test_dead_or_hanging_worker_costs_only_its_document(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "extract_text", fake_extract)
    monkeypatch.setenv("SAMVERKAN_EXTRACT_TIMEOUT", "1")
    cue = {2: "DÖ", 4: "HÄNG"}
    paths = _docs(tmp_path, {f"{i}.txt": cue.get(i, f"Bra {i}") for i in range(7)})
    out = list(pipeline.extract_stream(pipeline.iter_documents(paths), jobs=2, chunk=4))
    assert [isinstance(o, dict) for o in out] == [True, True, False, True, False, True, True]
    assert out[2] == f"{paths[2]}: extraction failed (the worker process died: out of memory, or a crash in a library)"
    assert out[4].startswith(f"{paths[4]}: extraction took longer than 1 s")


def test_only_complete_records_reach_the_writer(tmp_path, monkeypatch):
    """The writer sees a record only after extraction finished; a write that fails counts."""
    import graph.writer as writer
    from graph.writer import WriteResult

    monkeypatch.setattr(pipeline, "extract_text", fake_extract)
    monkeypatch.setattr("graph.documents.known_uids", lambda driver, uids: set())
    # no server here: nobody was erased (graph.erasure reads the erased names from the graph)
    monkeypatch.setattr("graph.erasure.suppress_erased", lambda driver, records, database=None: records)
    written = []

    def write_record(driver, record, keep_contact_details=False):
        if "vagrar" in record["path"]:
            raise ValueError(f"{record['document']}: relations[0] OWNS: source 'X' is not one of the record's organizations")
        written.append(record["path"])
        return WriteResult(document=record["document"], status="new", nodes_created=1)

    monkeypatch.setattr(writer, "write_record", write_record)
    paths = _docs(tmp_path, {"a.txt": "Bra", "b.txt": "KRASCH", "c-vagrar.txt": "Bra men", "d.txt": ""})
    write_xlsx(tmp_path / "e.xlsx", EXPORT_HEADER, EXPORT_ROWS)
    summary = pipeline.load_paths([tmp_path], driver=object())
    assert written == [str(tmp_path / "a.txt"), f"{tmp_path / 'e.xlsx'}#row-1", f"{tmp_path / 'e.xlsx'}#row-3"]
    assert (summary.new, summary.failed, summary.nodes_created) == (3, 3, 3)
    assert summary.errors[1].startswith(f"{tmp_path / 'c-vagrar.txt'}: not written (ValueError: ")


def test_database_lost_mid_load_stops_the_load(tmp_path, monkeypatch):
    import graph.writer as writer
    from graph.connection import DatabaseUnavailable
    from neo4j.exceptions import ServiceUnavailable

    monkeypatch.setattr(pipeline, "extract_text", fake_extract)
    monkeypatch.setattr("graph.documents.known_uids", lambda driver, uids: set())
    calls = []

    def write_record(driver, record, keep_contact_details=False):
        calls.append(record["path"])
        raise ServiceUnavailable("connection refused")

    monkeypatch.setattr(writer, "write_record", write_record)
    paths = _docs(tmp_path, {"a.txt": "Ett", "b.txt": "Två", "c.txt": "Tre"})
    with pytest.raises(DatabaseUnavailable) as info:
        pipeline.load_paths(paths, driver=object())
    assert len(calls) == 1  # not one 30-second retry per remaining document
    assert "samverkan db start" in str(info.value) and str(paths[0]) in str(info.value)
    assert info.value.summary.documents == 0


# ---------------------------------------------------------------- the CLI

def test_cli_extract_and_dry_run_load_exit_non_zero(tmp_path, monkeypatch):
    from samverkan.cli import main

    root, good, bad = bad_folder(tmp_path / "korpus", monkeypatch)
    runner = CliRunner()
    res = runner.invoke(main, ["extract", "--json", str(root)])
    assert res.exit_code == 1, res.output
    assert len(res.stdout.splitlines()) == len(good)
    errors = [e for e in res.stderr.splitlines() if e.startswith("error: ")]  # warnings name unused columns
    assert [e.split(": ", 2)[1] for e in errors] == [str(root / name) for name in bad]
    res = runner.invoke(main, ["load", "--dry-run", str(root)])
    assert res.exit_code == 1
    assert f"{len(good) + len(bad)} documents: {len(good)} new, 0 changed, 0 unchanged, {len(bad)} failed" in res.stdout
    assert sum(line.startswith("error: ") for line in res.stderr.splitlines()) == len(bad)
    ok = tmp_path / "ok.txt"
    ok.write_text(GOOD, encoding="utf-8")
    assert runner.invoke(main, ["extract", "--json", str(ok)]).exit_code == 0
    assert runner.invoke(main, ["load", "--dry-run", str(ok)]).exit_code == 0
    (root / "13-last.txt").chmod(0o644)


# ---------------------------------------------------------------- against Neo4j

def _graph_paths(driver) -> dict[str, int]:
    from graph.connection import database_name

    with driver.session(database=database_name()) as s:
        docs = [r["path"] for r in s.run("MATCH (d:Document) RETURN d.path AS path")]
        counts = {r["label"]: r["n"] for r in s.run(
            "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")}
    return {"paths": sorted(docs), **counts}


@pytest.mark.neo4j
def test_load_folder_of_bad_files_writes_only_the_good(tmp_path, monkeypatch, clean_db):
    from graph.writer import init_schema

    init_schema(clean_db)
    root, good, bad = bad_folder(tmp_path / "korpus", monkeypatch)
    summary = pipeline.load_paths([root], clean_db)
    assert (summary.new, summary.failed) == (len(good), len(bad)), summary.errors
    graph = _graph_paths(clean_db)
    assert len(graph["paths"]) == len(good)
    assert not any(Path(p.split("#")[0]).name in bad for p in graph["paths"])
    # both rows of the export stay: rows are documents of their own, not versions of one file
    assert f"{root / '10-export.xlsx'}#row-1" in graph["paths"]
    assert f"{root / '10-export.xlsx'}#row-3" in graph["paths"]
    again = pipeline.load_paths([root], clean_db)
    assert (again.unchanged, again.failed, again.new) == (len(good), len(bad), 0)
    (root / "13-last.txt").chmod(0o644)


@pytest.mark.neo4j
def test_a_write_failing_mid_transaction_leaves_nothing(tmp_path, monkeypatch, clean_db):
    """The record passes the writer's checks but Neo4j refuses a value half-way through the
    transaction (a map is not a property value): the document's Document node and the
    entities written before the failure are all rolled back; the next document loads."""
    from graph.writer import init_schema

    init_schema(clean_db)

    def poisoned(text, document, path, keep_contact_details=False):
        record = fake_extract(text, document, path)
        record["organizations"] = [{"uid": f"org-{document}", "name": f"Org {document}", "kind": "other"}]
        if "GIFT" in text:
            record["people"] = [{"uid": "p", "name": {"inte": "en sträng"}}]
        return record

    monkeypatch.setattr(pipeline, "extract_text", poisoned)
    paths = _docs(tmp_path, {"a.txt": "GIFT", "b.txt": "Bra"})
    summary = pipeline.load_paths(paths, clean_db)
    assert (summary.new, summary.failed) == (1, 1), summary.errors
    assert summary.errors[0].startswith(f"{paths[0]}: not written (")
    graph = _graph_paths(clean_db)
    assert graph["paths"] == [str(paths[1])]
    assert graph.get("Organization") == 1 and "Person" not in graph


def test_unreadable_directory(tmp_path, monkeypatch):
    import loaders.readers as readers

    locked = tmp_path / "last"
    locked.mkdir()
    (locked / "x.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.geteuid() == 0:  # root lists anything: simulate what chmod 000 does to others
            real_scandir = os.scandir

            def refuse(path="."):
                if Path(path) == locked:
                    raise PermissionError(13, "Permission denied", str(path))
                return real_scandir(path)

            monkeypatch.setattr(readers.os, "scandir", refuse)
        items = list(iter_documents([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert [type(i).__name__ for i in items] == ["ReadError", "RawDocument"]
    assert str(items[0]) == f"{locked}: cannot list directory (Permission denied)"
