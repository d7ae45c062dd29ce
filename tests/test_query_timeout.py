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
