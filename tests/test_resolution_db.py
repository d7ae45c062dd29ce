"""People's merge and split decisions stick (issue 13), against the real Neo4j.

A merge recorded with ``samverkan merge`` rewrites the documents already loaded, survives
a reload of the same files and a load into an emptied database (the decisions file is
replayed); a split undoes it and survives the same. ``review --stats`` counts them.
"""
from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from graph import cypher
from graph.connection import database_name

A = "Nyhet 2022-05-02\nStiftelsen Gröna Vägen driver projektet Ängsbron tillsammans med Norrtälje kommun.\n"
B = "Nyhet 2022-06-01\nProjektet Skogsbron drivs av Stiftelsen Gröna Stigen i samarbete med Norrtälje kommun.\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    from samverkan.settings import get_settings

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(A, encoding="utf-8")
    (docs / "b.txt").write_text(B, encoding="utf-8")
    monkeypatch.setenv("SAMVERKAN_DECISIONS", str(tmp_path / "decisions.csv"))
    monkeypatch.setenv("SAMVERKAN_USER", "granskare")
    get_settings.cache_clear()
    yield docs
    get_settings.cache_clear()


def _orgs(driver) -> dict[str, dict]:
    records, _, _ = driver.execute_query(
        "MATCH (o:Organization) WHERE o.uid STARTS WITH 'gröna' "
        "OPTIONAL MATCH (o)-[r:OWNS]->(p:Project) "
        "RETURN o.uid AS uid, o.name AS name, o.aliases AS aliases, collect([p.name, r.evidence]) AS owns",
        database_=database_name())
    return {r["uid"]: dict(r) for r in records}


def _wipe(driver) -> None:
    with driver.session(database=database_name()) as session:
        for statement in cypher.DELETE_ALL:
            session.run(statement).consume()


def test_a_merge_and_a_split_survive_reloads(clean_db, corpus):
    from loaders.pipeline import load_paths
    from samverkan.cli import main

    load_paths([corpus], clean_db)
    assert set(_orgs(clean_db)) == {"gröna-vägen", "gröna-stigen"}

    runner = CliRunner()
    out = runner.invoke(main, ["merge", "Stiftelsen Gröna Vägen", "Stiftelsen Gröna Stigen", "--note", "renamed 2022"])
    assert out.exit_code == 0, out.output
    assert "recorded in" in out.output and "written again" in out.output
    merged = _orgs(clean_db)
    assert set(merged) == {"gröna-vägen"}
    node = merged["gröna-vägen"]
    assert "Stiftelsen Gröna Stigen" in node["aliases"]
    # provenance kept through the merge: both projects with their own quotes
    owns = {p.split()[0]: ev for p, ev in node["owns"]}
    assert set(owns) == {"Ängsbron", "Skogsbron"}
    assert any("Stiftelsen Gröna Stigen" in e for e in owns["Skogsbron"])
    assert any("Stiftelsen Gröna Vägen" in e for e in owns["Ängsbron"])
    rows = list(csv.DictReader(open(corpus.parent / "decisions.csv", encoding="utf-8")))
    assert [(r["decision"], r["uid"], r["other_uid"], r["who"]) for r in rows] == [
        ("merge", "gröna-vägen", "gröna-stigen", "granskare")]
    assert rows[0]["when"] and rows[0]["note"] == "renamed 2022"

    again = load_paths([corpus], clean_db)  # the same files: unchanged, and nothing to replay
    assert again.unchanged == 2 and again.decisions is None
    assert set(_orgs(clean_db)) == {"gröna-vägen"}
    _wipe(clean_db)
    load_paths([corpus], clean_db)  # a new graph from the same files and decisions
    assert set(_orgs(clean_db)) == {"gröna-vägen"}

    stats = runner.invoke(main, ["review", "--stats"])
    assert stats.exit_code == 0, stats.output
    assert "1 of 1 merges" in stats.output and "0 decisions waiting" in stats.output

    out = runner.invoke(main, ["split", "Stiftelsen Gröna Vägen", "Stiftelsen Gröna Stigen"])
    assert out.exit_code == 0, out.output
    assert set(_orgs(clean_db)) == {"gröna-vägen", "gröna-stigen"}
    load_paths([corpus], clean_db)
    assert set(_orgs(clean_db)) == {"gröna-vägen", "gröna-stigen"}
    _wipe(clean_db)
    load_paths([corpus], clean_db)
    assert set(_orgs(clean_db)) == {"gröna-vägen", "gröna-stigen"}


def test_a_decisions_file_edited_by_hand_is_applied_by_the_next_load(clean_db, corpus):
    from loaders import decisions as D
    from loaders.pipeline import load_paths

    load_paths([corpus], clean_db)
    D.append("merge", "gröna-vägen", "Stiftelsen Gröna Vägen", "gröna-stigen", "Stiftelsen Gröna Stigen")
    summary = load_paths([corpus], clean_db)  # nothing new to load; the decision is replayed
    assert summary.decisions and "1 new" in summary.decisions
    assert set(_orgs(clean_db)) == {"gröna-vägen"}
    assert load_paths([corpus], clean_db).decisions is None  # idempotent: nothing the second time
    # withdrawing the line (the header stays) undoes it at the next load
    path = D.default_path()
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    summary = load_paths([corpus], clean_db)
    assert summary.decisions and "1 withdrawn" in summary.decisions
    assert set(_orgs(clean_db)) == {"gröna-vägen", "gröna-stigen"}


def test_review_lists_candidates_with_evidence(clean_db, tmp_path, monkeypatch):
    from loaders.pipeline import load_paths
    from samverkan.cli import main
    from samverkan.settings import get_settings

    monkeypatch.setenv("SAMVERKAN_DECISIONS", str(tmp_path / "decisions.csv"))
    get_settings.cache_clear()
    (tmp_path / "c.txt").write_text("Nyhet 2022-01-10\nStiftelsen Gröna Vägen i Norrtälje driver projektet Taket "
                                    "tillsammans med Norrtälje kommun.\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("Nyhet 2022-02-10\nProjektet Golvet drivs av Stiftelsen Gröna Vägen Norrtälje "
                                    "i samarbete med Norrtälje kommun.\n", encoding="utf-8")
    load_paths([tmp_path / "c.txt", tmp_path / "d.txt"], clean_db)
    out = CliRunner().invoke(main, ["review", "--json"])
    get_settings.cache_clear()
    assert out.exit_code == 0, out.output
    import json

    cands = [json.loads(line) for line in out.output.splitlines() if line.strip()]
    pair = [c for c in cands if {c["a"]["name"], c["b"]["name"]} ==
            {"Stiftelsen Gröna Vägen", "Stiftelsen Gröna Vägen Norrtälje"}]
    assert pair, cands
    assert pair[0]["reasons"] and pair[0]["a"]["documents"] and pair[0]["b"]["documents"]
    assert "Norrtälje" in pair[0]["shared_places"]  # both projects are active in Norrtälje
