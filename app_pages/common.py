"""What every page shares: the cached driver, cached projections, the error box, the sidebar.

Pages stay thin: they call the cached functions here, which call
``graph.projection`` once per TTL and hand the rows to the pure functions of
``app_pages.views`` and ``analytics``. The driver lives in ``st.cache_resource``
(one per connection setting); query results in ``st.cache_data(ttl=TTL)`` — the
sidebar's "Uppdatera" button and a load clear them.

When Neo4j is down, :func:`require_driver` shows one line saying what to do and
stops the script; :func:`run_page` turns any driver error raised later (server
stopped mid-session) into the same kind of line, never a traceback.
"""
from __future__ import annotations

from typing import Any, Callable

import pandas as pd
import streamlit as st

from app_pages import views
from graph.connection import DatabaseUnavailable

#: seconds a projection stays cached; a load through the app clears the cache at once
TTL = 600

#: URL paths of the pages (app.py); used for links between pages
PAGE_FILES = {
    "oversikt": "app_pages/overview.py",
    "natverk": "app_pages/network.py",
    "profil": "app_pages/actor.py",
    "luckor": "app_pages/gaps.py",
    "karta": "app_pages/map.py",
    "cypher": "app_pages/console.py",
    "ladda": "app_pages/load.py",
}


# --- connection ------------------------------------------------------------------------------

def _settings_key() -> tuple[str, str, str]:
    from samverkan.settings import get_settings

    s = get_settings()
    return (s.neo4j_uri, s.neo4j_user, s.neo4j_database)


@st.cache_resource(show_spinner=False)
def _driver_for(key: tuple[str, str, str]):
    # one verified driver per connection setting; a failure is not cached, so the next
    # rerun tries again once the server is up
    from graph.connection import get_driver

    return get_driver()


def driver():
    """The app's Neo4j driver (raises DatabaseUnavailable with a one-line message)."""
    return _driver_for(_settings_key())


def db_error_box(message: str) -> None:
    st.error(f"**Databasen går inte att nå.** {message}", icon=":material/cloud_off:")


def require_driver():
    """The driver, or a one-line error box and ``st.stop()`` when Neo4j does not answer."""
    try:
        return driver()
    except DatabaseUnavailable as exc:
        db_error_box(str(exc))
        st.stop()


def _is_driver_error(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] == "neo4j"


def neo4j_message(exc: BaseException) -> str:
    """One line from a driver exception (its server message, without the stack)."""
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())


def run_page(body: Callable[[], None]) -> None:
    """Run a page body; turn database failures into one line instead of a traceback."""
    require_driver()
    try:
        body()
    except DatabaseUnavailable as exc:
        db_error_box(str(exc))
        st.stop()
    except Exception as exc:
        if not _is_driver_error(exc):
            raise
        name = type(exc).__name__
        if name in ("ServiceUnavailable", "SessionExpired", "AuthError"):
            _driver_for.clear()
            from samverkan.settings import get_settings

            db_error_box(f"Neo4j at {get_settings().neo4j_uri} stopped answering ({name}): "
                         "start it again with `samverkan db start` and reload the page")
        else:
            st.error(f"Neo4j svarade med ett fel: {neo4j_message(exc)}")
        st.stop()


def refresh() -> None:
    """Forget every cached projection (after a load, or on request)."""
    st.cache_data.clear()


def sidebar() -> None:
    from samverkan.settings import get_settings

    with st.sidebar:
        st.caption("Samverkan · vem arbetar med vem, för vilka och var")
        st.caption(f"Databas: `{get_settings().neo4j_uri}`")
        if st.button("Uppdatera data", icon=":material/refresh:",
                     help=f"Läs om grafen från Neo4j (annars sparas resultat i {TTL // 60} min)"):
            refresh()
            st.rerun()


def go_to_profile(uid: str) -> None:
    st.switch_page(PAGE_FILES["profil"], query_params={"uid": uid})


# --- cached projections --------------------------------------------------------------------
# The functions take only hashable arguments; the driver comes from the resource cache.

@st.cache_data(ttl=TTL, show_spinner="Läser grafen …")
def overview() -> dict[str, Any]:
    from graph import projection as p

    drv = driver()
    return {"counts": p.overview_counts(drv), "latest": p.latest_documents(drv, 10),
            "changes": last_load_changes(drv)}


def last_load_changes(drv) -> dict | None:
    """What the last load run brought (``graph.projection.recent_changes``)."""
    from graph.projection import recent_changes

    return recent_changes(drv)


@st.cache_data(ttl=TTL, show_spinner="Läser organisationer, projekt och täckning …")
def projection():
    """Everything the analyses need, read once per TTL (``analytics.Projection``)."""
    from graph.projection import load_projection

    return load_projection(driver())


@st.cache_data(ttl=TTL, show_spinner="Beräknar nätverket …")
def network(filters: views.NetworkFilters) -> views.NetworkView:
    """The filtered collaboration graph with centrality, communities and positions."""
    return views.network_view(projection(), filters)


@st.cache_data(ttl=TTL, show_spinner=False)
def organisations() -> pd.DataFrame:
    """Organisations that take part in a project or state a collaboration (uid, name, kind), by name."""
    return views.organisations_frame(projection())


@st.cache_data(ttl=TTL, show_spinner="Läser aktörens profil …")
def actor_profile(uid: str) -> dict | None:
    from graph.projection import actor_profile as read

    return read(driver(), uid)


@st.cache_data(ttl=TTL, show_spinner=False)
def ego_network(uid: str, depth: int = 1) -> dict:
    from graph.projection import ego_network as read

    return read(driver(), uid, depth=depth)


@st.cache_data(ttl=TTL, show_spinner="Beräknar täckning …")
def coverage(level: str, since: int | None = None, until: int | None = None) -> pd.DataFrame:
    from analytics import coverage_matrix

    proj = projection()
    if since is not None or until is not None:
        proj = proj.for_period(since, until)
    rows = views.expand_coverage(proj.coverage, views.target_hierarchy(proj.target_groups))
    return coverage_matrix(rows, proj.municipalities, proj.target_groups,
                           level=level, counties=proj.counties if level == "lan" else None)


@st.cache_data(ttl=TTL, show_spinner=False)
def missing_links(since: int | None = None, until: int | None = None) -> pd.DataFrame:
    from analytics import missing_links as compute

    proj = projection()
    if since is not None or until is not None:
        proj = proj.for_period(since, until)
    return compute(proj.activity, proj.org_projects, proj.stated)


@st.cache_resource(show_spinner="Läser kommungränser …")
def kommun_geojson() -> dict:
    from app_pages.geo import kommun_geojson as read

    return read()


def hierarchy() -> dict[str, tuple[str, ...]]:
    return views.target_hierarchy(projection().target_groups)


def target_labels() -> dict[str, str]:
    return {t["key"]: t.get("label_sv") or t["key"] for t in projection().target_groups}


def csv_bytes(frame: pd.DataFrame, index: bool = False) -> bytes:
    """CSV for Excel in Sweden: UTF-8 with BOM, semicolon separated, decimal comma; a text
    cell that Excel would run as a formula is defused (``samverkan.safe_output``)."""
    from samverkan.safe_output import defuse_frame

    return defuse_frame(frame).to_csv(index=index, sep=";", decimal=",").encode("utf-8-sig")
