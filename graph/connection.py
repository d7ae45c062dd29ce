"""The one place that opens a Neo4j driver, and turns connection failures into one line.

Only ``graph/`` imports the ``neo4j`` package; the rest of the code gets a verified
driver from :func:`get_driver` and catches :class:`DatabaseUnavailable`, whose message
is a single line meant to be shown to the user as it is (no traceback).
"""
from __future__ import annotations

from typing import Any

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

from samverkan.settings import Settings, get_settings


#: URI schemes that speak Bolt (neo4j* route through a cluster; +s/+ssc use TLS)
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class DatabaseUnavailable(Exception):
    """Neo4j cannot be used: not reachable, credentials refused, or a bad URI.

    ``str(exc)`` is one line that says what to do about it.
    """


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def unreachable_message(uri: str) -> str:
    return (f"Neo4j is not reachable at {uri}: start it with `samverkan db start`, "
            f"or `docker compose up -d`, or set NEO4J_URI to a running server")


def credentials_message(uri: str, user: str, settings: Settings | None = None) -> str:
    """One line naming the user and where the password came from."""
    origin = ""
    if settings is not None and not settings.password_from_env:
        origin = (f" (NEO4J_PASSWORD is unset, so the generated password in "
                  f"{settings.password_file} was used)" if settings.manages_local_server
                  else " (NEO4J_PASSWORD is not set)")
    return (f"Neo4j at {uri} refused the credentials for user '{user}': "
            f"check NEO4J_USER / NEO4J_PASSWORD{origin}")


#: environment variable: "1" shows the server's notifications (``samverkan --verbose``)
VERBOSE_ENV = "SAMVERKAN_VERBOSE"


def verbose() -> bool:
    """Whether the server's notifications are wanted (``samverkan --verbose`` sets it)."""
    import os

    return os.environ.get(VERBOSE_ENV, "").strip().lower() in ("1", "true", "yes")


def notifications_min_severity() -> str:
    """The driver's ``notifications_min_severity``: ``"OFF"`` (quiet, the default), or
    ``"INFORMATION"`` (every notification, logged by the driver) when :func:`verbose`."""
    return "INFORMATION" if verbose() else "OFF"


def show_notifications() -> None:
    """Send the driver's notification log (``neo4j.notifications``) to stderr, all severities."""
    import logging

    logger = logging.getLogger("neo4j.notifications")
    if not any(getattr(h, "_samverkan", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("notice: %(message)s"))
        handler._samverkan = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def get_driver(settings: Settings | None = None) -> neo4j.Driver:
    """A driver for the configured server, already verified to answer; the server's
    notifications are off unless :func:`verbose`.

    Raises :class:`DatabaseUnavailable` with a one-line message when the server does not
    answer, refuses the credentials, or the URI is not a Neo4j URI. The caller owns the
    driver (``with get_driver() as driver: ...`` closes it).
    """
    s = settings or get_settings()
    scheme = s.neo4j_uri.partition("://")[0].lower()
    if scheme not in BOLT_SCHEMES:
        raise DatabaseUnavailable(
            f"NEO4J_URI={s.neo4j_uri!r} is not a Bolt URI: use bolt://host:7687 or "
            f"neo4j://host:7687 (neo4j+s:// for Aura)")
    try:
        # quiet by default: a query that reads a property no node has yet (a first load into an
        # empty graph) makes the server send a warning the driver would log on stderr
        driver = neo4j.GraphDatabase.driver(s.neo4j_uri, auth=(s.neo4j_user, s.password),
                                            notifications_min_severity=notifications_min_severity())
    except (ConfigurationError, ValueError) as exc:
        raise DatabaseUnavailable(
            f"NEO4J_URI={s.neo4j_uri!r} is not a usable Neo4j URI: {_one_line(exc)}") from None
    try:
        driver.verify_connectivity()
    except AuthError:
        driver.close()
        raise DatabaseUnavailable(credentials_message(s.neo4j_uri, s.neo4j_user, s)) from None
    except Neo4jError as exc:
        driver.close()
        # e.g. Neo.ClientError.Security.AuthenticationRateLimit after repeated failures
        if (exc.code or "").startswith("Neo.ClientError.Security."):
            raise DatabaseUnavailable(
                credentials_message(s.neo4j_uri, s.neo4j_user, s)
                + f" ({_one_line(exc.message or exc.code)})") from None
        raise DatabaseUnavailable(
            f"Neo4j at {s.neo4j_uri} is not usable: {_one_line(exc.message or exc)}") from None
    except (ServiceUnavailable, OSError):
        driver.close()
        raise DatabaseUnavailable(unreachable_message(s.neo4j_uri)) from None
    return driver


def database_name(database: str | None = None) -> str:
    """The database to use: the argument, else ``NEO4J_DATABASE`` from the settings."""
    return database or get_settings().neo4j_database


def run_read(driver: neo4j.Driver, cypher: str, params: dict[str, Any] | None = None, *,
             database: str | None = None) -> list[dict[str, Any]]:
    """Run a read-only query in a read transaction (routed to a reader in a cluster).

    Returns the rows as plain dicts (``Record.data()``: nodes and relationships become
    dicts of their properties). A write inside ``cypher`` fails on a cluster reader and
    on servers that enforce read access; do not rely on it succeeding anywhere.

    >>> run_read(driver, "MATCH (c:County) RETURN c.code AS code ORDER BY code LIMIT 1")
    [{'code': '01'}]
    """
    def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
        return tx.run(cypher, params or {}).data()

    with driver.session(database=database_name(database),
                        default_access_mode=neo4j.READ_ACCESS) as session:
        return session.execute_read(work)
