"""A runaway read stops at the read timeout, with a clear message (issue 17)."""
from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from graph import query as q

RUNAWAY = "UNWIND range(1, 10000000000) AS x RETURN count(x) AS n"


@pytest.mark.neo4j
def test_a_runaway_read_stops_at_the_timeout(neo4j_driver, monkeypatch):
    monkeypatch.setenv("SAMVERKAN_QUERY_TIMEOUT", "2")
    t0 = time.monotonic()
    with pytest.raises(q.QueryTimeoutError, match=r"longer than 2 s.*SAMVERKAN_QUERY_TIMEOUT"):
        q.run_query(neo4j_driver, RUNAWAY)
    assert time.monotonic() - t0 < 30


@pytest.mark.neo4j
def test_the_cli_reports_the_timeout_in_one_line_with_exit_1(neo4j_driver, monkeypatch):
    from samverkan.cli import main

    monkeypatch.setenv("SAMVERKAN_QUERY_TIMEOUT", "2")
    res = CliRunner().invoke(main, ["query", RUNAWAY])
    assert res.exit_code == 1
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("error: ") and "SAMVERKAN_QUERY_TIMEOUT" in line


def test_a_bad_timeout_setting_is_named():
    import os

    old = os.environ.get("SAMVERKAN_QUERY_TIMEOUT")
    os.environ["SAMVERKAN_QUERY_TIMEOUT"] = "soon"
    try:
        with pytest.raises(q.QueryError, match="SAMVERKAN_QUERY_TIMEOUT"):
            q.query_timeout()
    finally:
        if old is None:
            os.environ.pop("SAMVERKAN_QUERY_TIMEOUT")
        else:
            os.environ["SAMVERKAN_QUERY_TIMEOUT"] = old


@pytest.mark.neo4j
def test_the_cli_refuses_more_rows_than_the_cap_in_one_line(neo4j_driver, monkeypatch):
    from samverkan.cli import main

    monkeypatch.setenv("SAMVERKAN_QUERY_MAX_ROWS", "10")
    res = CliRunner().invoke(main, ["query", "UNWIND range(1, 11) AS x RETURN x", "--format", "csv"])
    assert res.exit_code == 1
    (line,) = res.stderr.strip().splitlines()
    assert line == ("error: the query returned more than 10 rows (add LIMIT to it; "
                    "SAMVERKAN_QUERY_MAX_ROWS sets the cap)")
    res = CliRunner().invoke(main, ["query", "UNWIND range(1, 10) AS x RETURN x", "--format", "csv"])
    assert res.exit_code == 0 and res.stdout.split() == ["x", *map(str, range(1, 11))]


@pytest.mark.neo4j
def test_query_csv_defuses_formulas_and_json_keeps_the_value(neo4j_driver):
    import json

    from samverkan.cli import main

    text = "RETURN '=HYPERLINK(\"http://x\")' AS namn, \"=cmd|' /C calc'!A0\" AS agare, -3 AS n, 'Malmö' AS ort"
    res = CliRunner().invoke(main, ["query", text, "--format", "csv"])
    assert res.exit_code == 0, res.output
    import csv
    import io

    (row,) = list(csv.DictReader(io.StringIO(res.stdout)))
    assert row == {"namn": "'=HYPERLINK(\"http://x\")", "agare": "'=cmd|' /C calc'!A0", "n": "-3", "ort": "Malmö"}
    res = CliRunner().invoke(main, ["query", text, "--format", "json"])  # data, not a spreadsheet: as stored
    assert json.loads(res.stdout)["namn"] == '=HYPERLINK("http://x")'
