"""Fixtures for tests that need the real Neo4j.

``make test`` runs them against a separate test instance (NEO4J_URI on port 7688,
SAMVERKAN_TEST_DB=1). Without a server they are skipped, except under CI=true, where a
missing Neo4j is a failure. ``clean_db`` wipes the database, so it refuses to run unless
SAMVERKAN_TEST_DB=1 says the database is a disposable test one.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph import cypher
from graph.connection import DatabaseUnavailable, database_name, get_driver


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@pytest.fixture(scope="session")
def neo4j_driver():
    """A verified driver for the configured server (skip, or fail under CI, without one)."""
    try:
        driver = get_driver()
    except DatabaseUnavailable as exc:
        if _in_ci():
            pytest.fail(str(exc), pytrace=False)
        pytest.skip(str(exc))
    yield driver
    driver.close()


@pytest.fixture
def clean_db(neo4j_driver):
    """The driver, after deleting every node of the (test) database."""
    if os.environ.get("SAMVERKAN_TEST_DB") != "1":
        pytest.fail(
            "refusing to wipe the Neo4j database: set SAMVERKAN_TEST_DB=1 only when "
            "NEO4J_URI points at a disposable test instance (`make test` does this)",
            pytrace=False)
    with neo4j_driver.session(database=database_name()) as session:
        for statement in cypher.DELETE_ALL:
            session.run(statement).consume()
    yield neo4j_driver


#: A loader in its own process: writes the records of a JSON Lines file in order with the
#: writer API, printing "begin i" / "done i <status>" around each transaction. argv: file,
#: the driver's max_transaction_retry_time, an epoch time to wait for (to start two
#: loaders at the same instant), and optionally "<i>:<path>": print "paused <i>" before
#: document i and wait until <path> exists.
LOADER = """
import json, os, sys, time
import neo4j
from graph.writer import write_record
from samverkan.settings import get_settings

s = get_settings()
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
with neo4j.GraphDatabase.driver(s.neo4j_uri, auth=(s.neo4j_user, s.password),
                                max_transaction_retry_time=float(sys.argv[2])) as driver:
    driver.verify_connectivity()
    go = float(sys.argv[3])
    while time.time() < go:
        time.sleep(0.001)
    pause_at, _, go_file = (sys.argv[4] if len(sys.argv) > 4 else "-1:").partition(":")
    for i, record in enumerate(records):
        if i == int(pause_at):
            print("paused", i, flush=True)
            while not os.path.exists(go_file):
                time.sleep(0.01)
        print("begin", i, flush=True)
        result = write_record(driver, record)
        print("done", i, result.status, flush=True)
"""


@pytest.fixture
def start_loader(tmp_path):
    """``start_loader(records, retry=30.0, at=0.0, pause=None)`` -> a running loader process.

    ``pause=(i, path)`` makes it print "paused i" before document i and wait for ``path``.

    Runs the real writer in a separate Python process against the configured server, so
    tests can kill the server under it or run two at once. Processes still running at the
    end of the test are killed.
    """
    import json
    import subprocess
    import sys
    from itertools import count

    from samverkan.settings import REPO_ROOT

    procs: list[subprocess.Popen] = []
    n = count()

    def start(records: list[dict], *, retry: float = 30.0, at: float = 0.0,
              pause: tuple[int, Path] | None = None) -> subprocess.Popen:
        path = tmp_path / f"records-{next(n)}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                        encoding="utf-8")
        extra = [f"{pause[0]}:{pause[1]}"] if pause else []
        proc = subprocess.Popen([sys.executable, "-c", LOADER, str(path), str(retry), str(at),
                                 *extra],
                                cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
