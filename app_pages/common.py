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
    "karta": "app_pages/map.py",
    "profil": "app_pages/actor.py",
    "plats": "app_pages/place.py",
    "malgrupp": "app_pages/target.py",
    "projekt": "app_pages/project.py",
    "kalla": "app_pages/source.py",
    "luckor": "app_pages/gaps.py",
    "vagar": "app_pages/paths.py",
    "saknade": "app_pages/missing.py",
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


def db_error_box(detail: str) -> None:
    """One Swedish line saying what to do; the driver's own words as a technical detail."""
    from samverkan.settings import get_settings

    st.error(f"**Databasen går inte att nå.** Neo4j på `{get_settings().neo4j_uri}` svarar inte. Starta "
             "den med `samverkan db start` (eller be den som driftar tjänsten) och ladda om sidan.",
             icon=":material/cloud_off:")
    if detail:
        st.caption(f"Tekniskt: {detail}")


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
            db_error_box(f"{name}: {neo4j_message(exc)}")
        else:
            st.error(f"Neo4j svarade med ett fel: {neo4j_message(exc)}")
        st.stop()


def refresh() -> None:
    """Forget every cached projection (after a load, or on request)."""
    st.cache_data.clear()


def sidebar() -> None:
    from app_pages import auth
    from samverkan.settings import get_settings

    with st.sidebar:
        st.caption("Samverkan · vem arbetar med vem, för vilka och var")
        auth.sidebar()
        st.caption(f"Databas: `{get_settings().neo4j_uri}`")
        if st.button("Uppdatera data", icon=":material/refresh:",
                     help=f"Läs om grafen från Neo4j (annars sparas resultat i {TTL // 60} min)"):
            refresh()
            st.rerun()


# --- links between pages ---------------------------------------------------------------------

def go_to(page: str, **params) -> None:
    """Open another page (a key of PAGE_FILES) in this session, with its query parameters."""
    st.switch_page(PAGE_FILES[page], query_params={k: str(v) for k, v in params.items() if v is not None})


def go_to_profile(uid: str) -> None:
    go_to("profil", uid=uid)


def go_to_source(doc_uid: str, quote: str | None = None) -> None:
    from app_pages.evidence import quote_id

    go_to("kalla", dok=doc_uid, citat=quote_id(quote) if quote else None)


def open_node(node_id: str, default_label: str = "Organization") -> bool:
    """Open the profile page of a drawn node (``uid`` or ``Label:key``); False when it has none."""
    target = views.page_for(node_id, default_label)
    if target is None:
        st.toast("Den här noden har ingen egen sida.", icon=":material/info:")
        return False
    page, params = target
    go_to(page, **params)
    return True


def show_graph(G, pos=None, *, key: str, height: int = 600, size_by: str | None = "pagerank",
               color_by: str = "community", size_label: str | None = None, highlight=None,
               default_label: str = "Organization", caption: str | None = None) -> None:
    """Draw a graph with its colour/size legend; a click on a node opens its page."""
    from app_pages import graphview

    clicked = graphview.show(G, pos, height=height, key=key, size_by=size_by, color_by=color_by,
                             highlight=highlight)
    show_legend(graphview.legend(G, color_by, size_by, size_label))
    st.caption((caption + " " if caption else "") + "Klicka på en punkt för att öppna dess sida; håll "
               "muspekaren över den för detaljer. Dra för att flytta vyn, scrolla för att zooma.")
    if clicked and clicked != highlight:
        open_node(clicked, default_label)


def page_links(page: str, param: str, items: list[tuple[str, str]], limit: int = 24) -> None:
    """A row of links to the pages of a table's entities (opened in this session)."""
    items = list(dict(items).items())
    if not items:
        return
    cols = st.columns(min(len(items[:limit]), 6))
    for i, (key, name) in enumerate(items[:limit]):
        cols[i % len(cols)].page_link(PAGE_FILES[page], label=str(name), query_params={param: key},
                                      icon=":material/arrow_forward:")
    if len(items) > limit:
        st.caption(f"… och {len(items) - limit} till.")


def show_legend(legend: dict) -> None:
    """The colour chips and the size rule under a graph."""
    import html

    chips = "".join(
        f'<span style="display:inline-block;margin:0 14px 4px 0;white-space:nowrap">'
        f'<span style="display:inline-block;width:11px;height:11px;border-radius:50%;background:{colour};'
        f'margin-right:5px;vertical-align:middle;border:1px solid #888"></span>{html.escape(text)}</span>'
        for colour, text in legend["colours"])
    size = f'<div style="margin-top:2px">{html.escape(legend["size"])}</div>' if legend.get("size") else ""
    st.html(f'<div data-testid="graph-legend" style="font-size:0.85rem;color:#333">'
            f'<b>Färger:</b> {chips}{size}</div>')


def fact_table(frame: pd.DataFrame, *, key: str, empty: str, height: int | str = "auto") -> None:
    """A table of facts with their source (``_doc``, ``_quote`` columns, not shown): a click on
    a row opens its source document with the quote marked."""
    if frame.empty:
        st.info(empty)
        return
    hidden = [c for c in frame.columns if str(c).startswith("_")]
    shown = views.no_none(frame.drop(columns=hidden))
    config = {c: st.column_config.TextColumn(width="large") for c in ("citat",) if c in shown.columns}
    event = st.dataframe(shown, hide_index=True, width="stretch", height=height, on_select="rerun",
                         selection_mode="single-row", key=key, column_config=config)
    st.caption("Klicka på en rad för att öppna källdokumentet med citatet markerat.")
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if rows and "_doc" in frame.columns:
        row = frame.iloc[rows[0]]
        if row.get("_doc"):
            go_to_source(row["_doc"], row.get("_quote"))
        else:
            st.toast("Raden har inget källdokument (referensdata).", icon=":material/info:")


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
def all_organisations() -> pd.DataFrame:
    """Every organisation (reference data too): uid, name, kind, projects, documents."""
    from graph.profiles import all_organisations as read

    return pd.DataFrame(read(driver()), columns=["uid", "name", "kind", "projects", "documents"])


@st.cache_data(ttl=TTL, show_spinner="Läser kommunen …")
def place_profile(code: str) -> dict | None:
    from graph.profiles import place_profile as read

    return read(driver(), code)


@st.cache_data(ttl=TTL, show_spinner="Läser målgruppen …")
def target_profile(keys: tuple[str, ...]) -> dict:
    from graph.profiles import target_profile as read

    return read(driver(), keys)


@st.cache_data(ttl=TTL, show_spinner="Läser projektet …")
def project_profile(uid: str) -> dict | None:
    from graph.profiles import project_profile as read

    return read(driver(), uid)


@st.cache_data(ttl=TTL, show_spinner="Läser dokumentet …")
def document_view(uid: str) -> dict | None:
    from graph.profiles import document_view as read

    return read(driver(), uid)


@st.cache_data(ttl=TTL, show_spinner="Läser dokumentets text …", max_entries=32)
def document_text(uid: str, path: str | None):
    from samverkan.docstore import document_text as read

    return read(uid, path)


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


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An Excel workbook with one sheet per table (hidden ``_`` columns left out, formulas defused)."""
    import io

    from samverkan.safe_output import defuse_frame

    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for name, frame in sheets.items():
            frame = frame[[c for c in frame.columns if not str(c).startswith("_")]]
            defuse_frame(views.no_none(frame, "")).to_excel(xl, sheet_name=name[:31], index=False)
    return buf.getvalue()


def report_bytes(title: str, sections: list[tuple[str, pd.DataFrame | str]]) -> bytes:
    """A printable HTML report (one file, no scripts): the browser's Skriv ut makes it a PDF."""
    return views.report_html(title, sections).encode("utf-8")


def exports(stem: str, title: str, sections: list[tuple[str, pd.DataFrame | str]], key: str) -> None:
    """Excel and printable-report downloads of a page's tables, side by side."""
    tables = {h: f for h, f in sections if isinstance(f, pd.DataFrame)}
    c1, c2 = st.columns(2)
    c1.download_button("Ladda ner som Excel", xlsx_bytes(tables), f"{stem}.xlsx", XLSX, key=f"{key}_xlsx",
                       icon=":material/table_view:")
    c2.download_button("Rapport för utskrift (HTML)", report_bytes(title, sections), f"{stem}.html", "text/html",
                       key=f"{key}_html", icon=":material/print:",
                       help="Öppna filen i webbläsaren och välj Skriv ut (eller spara som PDF).")


@st.cache_data(ttl=TTL, show_spinner=False)
def find_documents(text: str = "", limit: int = 50) -> list[dict]:
    from graph.profiles import find_documents as read

    return read(driver(), text, limit)
