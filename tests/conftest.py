"""Fixtures for tests that need the real Neo4j.

``make test`` runs them against a separate test instance (NEO4J_URI on port 7688,
SAMVERKAN_TEST_DB=1). Without a server they are skipped, except under CI=true, where a
missing Neo4j is a failure. ``clean_db`` wipes the database, so it refuses to run unless
SAMVERKAN_TEST_DB=1 says the database is a disposable test one.
"""
from __future__ import annotations

import os

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
        session.run(cypher.DELETE_ALL_NODES).consume()
    yield neo4j_driver
