"""Loading the seed corpus into the real Neo4j: idempotent, and shared actors are single nodes."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.connection import database_name
from graph.writer import init_schema
from loaders.pipeline import load_paths

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"

pytestmark = pytest.mark.neo4j


def snapshot(driver) -> tuple:
    """Every node and relationship with all its properties, in a canonical order."""
    with driver.session(database=database_name()) as s:
        nodes = sorted(repr((sorted(r["labels"]), sorted(r["props"].items(), key=str)))
                       for r in s.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"))
        rels = sorted(repr((r["a"], r["t"], r["b"], sorted(r["props"].items(), key=str)))
                      for r in s.run("MATCH (a)-[r]->(b) RETURN elementId(a) AS a0, type(r) AS t, "
                                     "coalesce(a.uid, a.code, a.key) AS a, coalesce(b.uid, b.code, b.key) AS b, "
                                     "properties(r) AS props"))
    return nodes, rels


def _without_load_times(snap):
    nodes, rels = snap
    return [n for n in nodes if "loaded_at" not in n], rels


def test_loading_the_seeds_twice_changes_nothing(clean_db):
    init_schema(clean_db)
    first = load_paths([SEEDS], clean_db)
    assert first.failed == 0 and first.new == 5, first.errors
    before = snapshot(clean_db)
    second = load_paths([SEEDS], clean_db)
    assert (second.new, second.changed, second.unchanged) == (0, 0, 5)
    assert second.nodes_created == 0 and second.relationships_created == 0
    assert snapshot(clean_db) == before


def test_actors_shared_by_seeds_are_single_nodes(clean_db):
    init_schema(clean_db)
    load_paths([SEEDS], clean_db)
    with clean_db.session(database=database_name()) as s:
        rows = s.run("MATCH (o:Organization) WITH o.name AS name, count(*) AS n WHERE n > 1 "
                     "RETURN name, n").data()
        assert rows == []
        af = s.run("MATCH (o:Organization {name: 'Arbetsförmedlingen'})<-[:MENTIONS]-(d:Document) "
                   "RETURN count(DISTINCT d) AS docs").single()["docs"]
        assert af >= 3  # named in several seeds, one node
        malmo = s.run("MATCH (m:Municipality {code: '1280'}) RETURN count(m) AS n").single()["n"]
        assert malmo == 1
        # every extracted relationship knows its documents and its words
        bare = s.run("MATCH ()-[r]->() WHERE NOT type(r) IN ['MENTIONS', 'IN_COUNTY'] "
                     "AND (r.doc_uids IS NULL OR size(r.doc_uids) = 0 OR r.evidence IS NULL) "
                     "AND r.reference IS NULL RETURN type(r) AS t, count(*) AS n").data()
        assert bare == []
