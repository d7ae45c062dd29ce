"""A shared fixture: the seed corpus loaded into the (disposable) test Neo4j and analysed.

Loading takes a few seconds, so the graph is built once and rebuilt only when another
test module has changed the database in between (checked by a cheap fingerprint:
document uids and node/relationship counts).
"""
from __future__ import annotations

import os

import pytest

from samverkan.settings import REPO_ROOT

SEEDS = REPO_ROOT / "data" / "seeds"
_FINGERPRINT: dict = {}



def fingerprint(driver) -> tuple:
    from graph.connection import run_read

    row = run_read(driver, """
        CALL () { MATCH (d:Document) RETURN d.uid AS uid ORDER BY uid }
        WITH collect(uid) AS docs
        RETURN docs, COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS rels,
               COUNT { MATCH (o:Organization) WHERE o.betweenness IS NOT NULL } AS scored""")[0]
    return tuple(row["docs"]), row["nodes"], row["rels"], row["scored"]


def build_seed_graph(driver) -> None:
    """Wipe the database, then: constraints, reference data, the seed documents, analyze."""
    from analytics import analyze
    from graph import cypher
    from graph.connection import database_name
    from graph.projection import load_projection, write_scores
    from graph.reference_loader import load_reference
    from graph.writer import init_schema
    from loaders.pipeline import load_paths

    with driver.session(database=database_name()) as session:
        for statement in cypher.DELETE_ALL:
            session.run(statement).consume()
    init_schema(driver)
    load_reference(driver)
    summary = load_paths([SEEDS], driver)
    assert summary.failed == 0, summary.errors
    result = analyze(load_projection(driver), seed=0)
    write_scores(driver, result.score_rows())


@pytest.fixture(scope="module")
def seed_graph(neo4j_driver):
    """The driver, with the seed graph loaded and scored (rebuilt only when it changed)."""
    if os.environ.get("SAMVERKAN_TEST_DB") != "1":
        pytest.fail("refusing to replace the Neo4j database with the seed graph: set SAMVERKAN_TEST_DB=1 "
                    "only for a disposable test instance (`make test` does this)", pytrace=False)
    if _FINGERPRINT.get("value") is None or fingerprint(neo4j_driver) != _FINGERPRINT["value"]:
        build_seed_graph(neo4j_driver)
        _FINGERPRINT["value"] = fingerprint(neo4j_driver)
    return neo4j_driver
