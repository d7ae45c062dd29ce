"""Erasure is unmistakable (issue 15): `forget-person` with no match is an error naming the
closest names; with several (namesakes) it lists them and needs --uid; a hash of the name is
recorded so that a later load leaves the person out unless `--restore-erased`; and neither a
first load into an empty graph nor an erasure prints a driver notification.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graph import erasure
from graph.connection import run_read
from graph.writer import init_schema, write_record
from samverkan.cli import main
from samverkan.settings import REPO_ROOT
from test_forget_person import NAME, records, traces
from test_writer import all_strings, counts, make_record

pytestmark = pytest.mark.neo4j


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "samverkan.cli", *args], cwd=REPO_ROOT, env=dict(os.environ),
                          capture_output=True, text=True, timeout=300)


def _people(db, name):
    return run_read(db, "MATCH (p:Person {name: $n}) RETURN p.uid AS uid ORDER BY uid", {"n": name})


def test_no_match_is_an_error_with_the_closest_names(clean_db):
    db = clean_db
    init_schema(db)
    for record in records():
        write_record(db, record)
    before = (counts(db), sorted(all_strings(db)))
    res = CliRunner().invoke(main, ["forget-person", "Maja Lindkvist"])  # misspelt
    assert res.exit_code == 1
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("error: no person named 'Maja Lindkvist'") and "nothing erased" in line
    assert "closest names: Maja Lindqvist" in line
    assert res.stdout == ""
    assert (counts(db), sorted(all_strings(db))) == before


def test_namesakes_are_listed_and_the_uid_says_which(clean_db):
    db = clean_db
    init_schema(db)
    with db.session() as s:
        s.run("""CREATE (a:Person {uid: 'anna-berg-1', name: 'Anna Berg'})-[:WORKS_FOR]->(:Organization {uid: 'lund', name: 'Lunds kommun'}),
                        (b:Person {uid: 'anna-berg-2', name: 'Anna  berg'})-[:WORKS_FOR]->(:Organization {uid: 'af', name: 'Arbetsförmedlingen'})""").consume()
    res = CliRunner().invoke(main, ["forget-person", "anna berg"])
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert any("anna-berg-1" in ln and "Lunds kommun" in ln for ln in lines)
    assert any("anna-berg-2" in ln and "Arbetsförmedlingen" in ln for ln in lines)
    assert lines[-1].startswith("error: 2 persons are named 'anna berg'") and "--uid" in lines[-1]
    assert len(run_read(db, "MATCH (p:Person) RETURN p")) == 2            # nothing erased
    res = CliRunner().invoke(main, ["forget-person", "Anna Berg", "--uid", "anna-berg-3"])
    assert res.exit_code == 1 and "anna-berg-1, anna-berg-2" in res.stderr
    res = CliRunner().invoke(main, ["forget-person", "Anna Berg", "--uid", "anna-berg-2"])
    assert res.exit_code == 0 and "persons: 1" in res.stdout
    assert [r["uid"] for r in run_read(db, "MATCH (p:Person) RETURN p.uid AS uid")] == ["anna-berg-1"]
    with db.session() as s:
        s.run("CREATE (:Person {uid: 'anna-berg-3', name: 'ANNA BERG'})").consume()
    res = CliRunner().invoke(main, ["forget-person", "Anna Berg", "--all"])
    assert res.exit_code == 0 and "persons: 2" in res.stdout
    assert not run_read(db, "MATCH (p:Person) RETURN p")


def test_a_later_load_leaves_the_erased_person_out_unless_asked(clean_db, tmp_path):
    db = clean_db
    init_schema(db)
    first, second = records()
    for record in (first, second):
        write_record(db, record, keep_contact_details=True)
    assert _cli("forget-person", NAME).returncode == 0
    keys = run_read(db, "MATCH (e:ErasedPerson) RETURN e.key AS key")
    assert [k["key"] for k in keys] == [erasure.name_key(NAME)]           # the hash, not the name
    assert traces(db) == []

    # the same document again: skipped by its hash, she stays erased
    assert write_record(db, first, keep_contact_details=True).status == "unchanged"
    assert traces(db) == [] and not _people(db, NAME)

    # a changed version of the file, naming her: written without her
    changed = make_record("Ny version: " + NAME + " leder projektet.", first["path"],
                          **{k: first[k] for k in ("organizations", "projects", "people", "relations")})
    erasure.reset_suppressed()
    assert write_record(db, changed, keep_contact_details=True).status == "changed"
    assert not _people(db, NAME) and traces(db) == []
    assert erasure.suppressed()["persons"] == 1
    assert _people(db, "Maja Holm")                                         # the other Maja is loaded

    # through the CLI: a new file naming her is loaded without her, and the summary says so
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ny.txt").write_text(f"Projektet Samverkan mot utanförskap.\nKontaktperson: {NAME}, "
                                   "projektledare på Skåne Stadsmission.\n", encoding="utf-8")
    res = _cli("load", str(folder))
    assert res.returncode == 0, res.stderr
    assert not _people(db, NAME) and traces(db) == []
    assert "left out 1 mention(s) of erased persons" in res.stderr
    # asked for: she comes back and the erasure record goes
    (folder / "ny.txt").write_text(f"Projektet Samverkan mot utanförskap.\nKontaktperson: {NAME}, "
                                   "projektledare på Skåne Stadsmission. Ny text.\n", encoding="utf-8")
    res = _cli("load", "--restore-erased", str(folder))
    assert res.returncode == 0, res.stderr
    assert _people(db, NAME) and "restored 1 erased person name(s)" in res.stderr
    assert not run_read(db, "MATCH (e:ErasedPerson) RETURN e")


def _no_notifications(stderr: str) -> None:
    for marker in ("GqlStatusObject", "Received notification", "notice:", "warn:"):
        assert marker not in stderr, stderr


def test_no_notification_on_a_first_load_and_an_erasure(clean_db):
    """The load into an empty graph and forget-person are quiet: the queries no longer read
    properties that may not exist yet, and the driver asks for no notifications."""
    res = _cli("load", str(REPO_ROOT / "data" / "seeds"))
    assert res.returncode == 0, res.stderr
    _no_notifications(res.stderr)
    name = run_read(clean_db, "MATCH (p:Person) RETURN p.name AS n ORDER BY n LIMIT 1")[0]["n"]
    res = _cli("forget-person", name)
    assert res.returncode == 0, res.stderr
    _no_notifications(res.stderr)


def test_verbose_shows_the_notifications(neo4j_driver, monkeypatch, caplog):
    from graph.connection import VERBOSE_ENV, get_driver, notifications_min_severity

    assert notifications_min_severity() == "OFF"
    monkeypatch.setenv(VERBOSE_ENV, "1")
    assert notifications_min_severity() == "INFORMATION"
    with get_driver() as driver, caplog.at_level(logging.INFO, logger="neo4j.notifications"):
        with driver.session() as session:
            session.run("MATCH (n:NoSuchLabelAnywhere) RETURN n").consume()
    assert "NoSuchLabelAnywhere" in caplog.text
