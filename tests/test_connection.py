"""graph.connection: one-line errors a user can act on."""
from __future__ import annotations

import dataclasses

import pytest

from graph.connection import DatabaseUnavailable, get_driver, run_read
from samverkan.settings import get_settings


def _settings(**changes):
    return dataclasses.replace(get_settings(), **changes)


def test_unreachable_server_gives_one_line_with_the_fix():
    with pytest.raises(DatabaseUnavailable) as info:
        get_driver(_settings(neo4j_uri="bolt://127.0.0.1:1"))
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("Neo4j is not reachable at bolt://127.0.0.1:1")
    assert "`samverkan db start`" in message
    assert "docker compose up -d" in message
    assert "NEO4J_URI" in message


def test_bad_uri_gives_one_line():
    with pytest.raises(DatabaseUnavailable) as info:
        get_driver(_settings(neo4j_uri="http://127.0.0.1:7474"))
    assert "\n" not in str(info.value)
    assert "NEO4J_URI" in str(info.value) and "bolt://" in str(info.value)


@pytest.mark.neo4j
def test_wrong_password_names_the_credentials(neo4j_driver):
    settings = get_settings()
    try:
        driver = get_driver(_settings(neo4j_password=settings.password + "-wrong"))
    except DatabaseUnavailable as exc:
        message = str(exc)
    else:
        driver.close()
        pytest.skip("the server accepts any password (authentication disabled)")
    assert "\n" not in message
    assert message.startswith(f"Neo4j at {settings.neo4j_uri} refused the credentials "
                              f"for user '{settings.neo4j_user}'")
    assert "NEO4J_USER / NEO4J_PASSWORD" in message


@pytest.mark.neo4j
def test_run_read_returns_plain_rows(neo4j_driver):
    rows = run_read(neo4j_driver, "UNWIND $xs AS x RETURN x, x * 2 AS double", {"xs": [1, 2]})
    assert rows == [{"x": 1, "double": 2}, {"x": 2, "double": 4}]
