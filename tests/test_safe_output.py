"""Output that cannot hurt whoever opens it: formulas defused in every CSV path, file names on
one line. Pure: no database."""
from __future__ import annotations

import io
import os

import pandas as pd
import pytest

from loaders.readers import ReadError, iter_documents
from samverkan.safe_output import defuse, defuse_frame, one_line


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)",
                                  "\tx", "\rx"])
def test_formula_cells_get_a_leading_quote(cell):
    assert defuse(cell) == "'" + cell


def test_other_values_are_unchanged():
    for v in ("Malmö stad", "", "a=b", 12, -5, 3.5, None):
        assert defuse(v) == v


def test_frames_and_the_apps_csv_downloads_are_defused():
    from app_pages.common import csv_bytes

    frame = pd.DataFrame({"Projekt": ['=HYPERLINK("http://evil")', "Steget"], "Antal": [-3, 4]})
    out = defuse_frame(frame)
    assert list(out["Projekt"]) == ['\'=HYPERLINK("http://evil")', "Steget"] and list(out["Antal"]) == [-3, 4]
    assert list(frame["Projekt"])[0].startswith("=")  # the stored value is as written
    text = csv_bytes(frame).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), sep=";")
    assert back["Projekt"][0].startswith("'=") and back["Antal"][0] == -3


def test_file_names_in_messages_stay_on_one_line(tmp_path):
    assert one_line("a\nb\tc\x1b[31m") == "a\\nb\\tc\\x1b[31m"
    assert one_line(os.fsdecode(b"caf\xff.txt")) == "caf\\xff.txt"
    bad = tmp_path / "ny\nrad.txt"
    bad.write_bytes(b"")
    (err,) = list(iter_documents([bad]))
    assert isinstance(err, ReadError) and "\n" not in str(err) and "ny\\nrad.txt" in str(err)


def test_a_document_of_one_enormous_line_is_refused_at_once(tmp_path):
    import time

    from loaders.pipeline import extract_stream

    one = tmp_path / "en-rad.txt"
    one.write_text("ord, " * 100_000, encoding="utf-8")
    commas = tmp_path / "komman.txt"
    commas.write_text("1,2;3|" * 10_000 + "\n" + "x" * 10, encoding="utf-8")
    t0 = time.monotonic()
    out = list(extract_stream(iter_documents([one, commas])))
    assert time.monotonic() - t0 < 10
    assert out[0].startswith(f"{one}: a line of 499 999 characters is no document text (SAMVERKAN_MAX_LINE_CHARS")
    assert "% of its characters are letters" in out[1]


def test_export_refuses_an_unknown_extension_and_a_missing_folder_before_connecting(tmp_path):
    from click.testing import CliRunner

    from samverkan.cli import main

    res = CliRunner().invoke(main, ["export", str(tmp_path / "net.xyz")])
    assert res.exit_code == 2 and "--format" in res.output
    res = CliRunner().invoke(main, ["export", str(tmp_path / "saknas" / "net.gexf")])
    assert res.exit_code == 1
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("error: ") and "saknas" in line


def test_every_error_line_of_the_cli_stays_one_line_whatever_the_file_name(tmp_path):
    from click.testing import CliRunner

    from samverkan.cli import main

    long_line = tmp_path / "rad\nett\x1b[2J.txt"        # fails in extraction (the shape check)
    long_line.write_text("ord " * 60_000, encoding="utf-8")
    latin1 = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")  # fails in reading (empty)
    with open(latin1, "wb"):
        pass
    for cmd in (["load", "--dry-run"], ["extract"]):
        res = CliRunner().invoke(main, [*cmd, str(long_line), os.fsdecode(latin1)])
        assert res.exit_code == 1, res.output
        errors = [x for x in res.stderr.splitlines() if x.startswith("error: ")]
        assert len(errors) == 2 == len([x for x in res.stderr.splitlines() if x.strip()]), res.stderr
        assert "rad\\nett\\x1b[2J.txt: a line of" in res.stderr
        assert "caf\\xe9.txt: empty file" in res.stderr
        assert "\x1b" not in res.stderr and "\udce9" not in res.stderr
