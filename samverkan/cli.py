"""The `samverkan` command line: thin commands over the library.

Every command's help ends with an example; a failing file or an unreachable
database is reported in one line without a traceback, with a non-zero exit.
Exit codes: 0 success, 1 some input failed or the database/server failed,
2 usage errors (wrong option or parameter).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from samverkan import __version__


class Failure(click.ClickException):
    """One line on stderr and exit 1."""

    exit_code = 1

    def show(self, file=None):
        error_line(self.message)


def error_line(message) -> None:
    """``error: <message>`` on stderr, on one line whatever a file name in it holds (control
    characters escaped, undecodable bytes as ``\\xNN``: ``samverkan.safe_output.one_line``)."""
    from samverkan.safe_output import one_line

    click.echo(f"error: {one_line(message)}", err=True)


def _table_options(columns: Path | None, fund: str | None, show_mapping: bool) -> None:
    """--columns / --fund for the spreadsheets a command reads, and how their columns were
    read: the whole mapping with ``show_mapping`` (dry runs), else the unused columns."""
    from loaders import readers_table
    from loaders.table_columns import ColumnsError, read_mapping

    try:
        readers_table.OPTIONS["columns"] = read_mapping(columns) if columns else None
    except ColumnsError as exc:
        raise Failure(str(exc)) from None
    readers_table.OPTIONS["fund"] = fund

    def on_layout(path, layout):
        if show_mapping:
            click.echo(layout.describe(path), err=True)
        elif layout.unused:
            click.echo(f"warning: {path}: columns not used (kept on the Document): {', '.join(layout.unused)}",
                       err=True)
    readers_table.OPTIONS["on_layout"] = on_layout


_TABLE_OPTIONS = [
    click.option("--columns", type=click.Path(path_type=Path, dir_okay=False),
                 help="CSV file 'column,field' that says which field a spreadsheet column holds "
                      "(overrides the guess; field '-' ignores a column)."),
    click.option("--fund", help="The fund a spreadsheet's granted amounts come from when the file does "
                                "not say (e.g. ESF, ERUF, 'Allmänna arvsfonden')."),
]


def _with_table_options(fn):
    for opt in reversed(_TABLE_OPTIONS):
        fn = opt(fn)
    return fn


def _driver():
    from graph.connection import DatabaseUnavailable, get_driver

    try:
        return get_driver()
    except DatabaseUnavailable as exc:
        raise Failure(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="samverkan")
@click.option("--verbose", "-v", is_flag=True,
              help="Show the Neo4j server's notifications (warnings about the queries), quiet otherwise.")
def main(verbose):
    """Turn documents about Swedish labour-market inclusion work into a Neo4j graph
    of organisations, projects, people, kommuner and target groups, and explore it.

    \b
    Typical session:
      samverkan db start                 # a local Neo4j (or set NEO4J_URI)
      samverkan db init                  # constraints + reference data
      samverkan load data/seeds          # read, extract, write
      samverkan analyze                  # centrality, communities, gaps
      samverkan query partners_of_organisation --param name="Arbetsförmedlingen"
      samverkan app                      # the Streamlit app
    """
    if verbose:
        import os

        from graph.connection import VERBOSE_ENV, show_notifications

        os.environ[VERBOSE_ENV] = "1"  # worker processes and `samverkan app` inherit it
        show_notifications()


# -- db ------------------------------------------------------------------------------------
@main.group()
def db():
    """Run and inspect the Neo4j database.

    \b
    Example:
      samverkan db start && samverkan db init && samverkan db status
    """


@db.command("start")
@click.option("--timeout", default=180, show_default=True, help="Seconds to wait for Bolt to answer.")
def db_start(timeout):
    """Start a local Neo4j 5.26 (fetched from Maven Central on first use).

    With NEO4J_URI pointing elsewhere (a server, a cluster, Aura) nothing is
    started: the command only checks that the server answers.

    \b
    Example:
      samverkan db start
    """
    from graph import server

    try:
        click.echo(server.start(timeout=timeout, progress=lambda m: click.echo(m, err=True)))
    except server.ServerError as exc:
        raise Failure(str(exc)) from None


@db.command("stop")
def db_stop():
    """Stop the local Neo4j started by `samverkan db start`.

    \b
    Example:
      samverkan db stop
    """
    from graph import server

    try:
        click.echo(server.stop())
    except server.ServerError as exc:
        raise Failure(str(exc)) from None


@db.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def db_status(as_json):
    """Print the server version and the graph's counts.

    \b
    Example:
      samverkan db status
    """
    from graph import server

    try:
        st = server.status()
    except server.ServerError as exc:
        raise Failure(str(exc)) from None
    if as_json:
        click.echo(json.dumps(st, ensure_ascii=False, indent=2))
        return
    click.echo(f"Neo4j {st.get('version')} {st.get('edition', '')} at {st.get('uri')} "
               f"({'running' if st.get('running') else 'not running'})")
    if st.get("managed"):
        click.echo(f"  local server pid {st.get('pid')}, home {st.get('home')}, log {st.get('log')}")
    for label, n in sorted((st.get("labels") or {}).items()):
        click.echo(f"  {label:<14}{n:>8}")
    click.echo(f"  {'relationships':<14}{st.get('relationships', 0):>8}")


@db.command("init")
@click.option("--no-reference", is_flag=True, help="Only create constraints and indexes.")
def db_init(no_reference):
    """Create constraints and indexes (idempotent) and load the reference data.

    \b
    Example:
      samverkan db init
    """
    from graph.reference_loader import load_reference
    from graph.writer import init_schema

    driver = _driver()
    init_schema(driver)
    click.echo("constraints and indexes are in place")
    if not no_reference:
        counts = load_reference(driver)
        click.echo("reference data: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


# -- extract / load ------------------------------------------------------------------------
@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, default=True, help="JSON Lines, one object per document (the default).")
@click.option("--keep-contact-details", is_flag=True, help="Keep e-mail addresses and phone numbers of people.")
@click.option("--evidence/--no-evidence", default=True, help="Include evidence quotes and offsets.")
@_with_table_options
def extract(files, as_json, keep_contact_details, evidence, columns, fund):
    """Extract entities and relations from documents, without a database.

    Prints JSON Lines in the format of eval/FORMAT.md (plus uids, evidence
    quotes and their character offsets). Directories are read recursively.
    Unreadable files are reported on stderr, one line each; exit 1 if any failed.

    \b
    Example:
      samverkan extract --json data/seeds/002_bb0d9fcb3cec7a01.txt | jq .relations
      samverkan extract --json export.xlsx --fund ERUF --columns my-columns.csv
    """
    from loaders.pipeline import extract_stream
    from loaders.readers import iter_documents

    _table_options(columns, fund, show_mapping=False)
    failed = 0
    warned: dict[tuple[str, str], int] = {}
    for result in extract_stream(iter_documents(files), keep_contact_details=keep_contact_details):
        if isinstance(result, str):
            failed += 1
            error_line(result)
            continue
        for w in result.get("warnings") or []:  # a spreadsheet row's unread values, once per file
            key = (str(result.get("path", "")).split("#")[0], w if not w.startswith("not a kommun") else "not a kommun")
            warned[key] = warned.get(key, 0) + 1
            if warned[key] == 1:
                click.echo(f"warning: {result.get('document')}: {w}", err=True)
        if not evidence:
            for r in result["relations"]:
                for k in ("evidence", "start", "end"):
                    r.pop(k, None)
        click.echo(json.dumps(result, ensure_ascii=False))
    for (path, w), n in warned.items():
        if n > 1:
            click.echo(f"warning: {path}: {n} rows in all: {w}", err=True)
    if failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Read and extract only; write nothing.")
@click.option("--reference", is_flag=True, help="Also (re)load the reference data: kommuner, län, agencies, förbund.")
@click.option("--keep-contact-details", is_flag=True, help="Store e-mail addresses and phone numbers of people.")
@click.option("--jobs", "-j", default=1, show_default=True, help="Worker processes for extraction.")
@click.option("--restore-erased", is_flag=True,
              help="Load persons erased by forget-person as the documents name them (and drop their erasure).")
@_with_table_options
def load(paths, dry_run, reference, keep_contact_details, jobs, restore_erased, columns, fund):
    """Load documents (txt, html, pdf, docx, xlsx/csv; directories recursively).

    Documents are written 100 per transaction; when a transaction fails its
    documents are written again one by one, so a document that fails leaves
    nothing behind and fails alone. Loading the same document again changes
    nothing; a changed document (same path, new content) replaces its own facts
    only. Persons erased by forget-person are left out (--restore-erased: loaded).

    \b
    Example:
      samverkan load data/seeds --jobs 2
      samverkan load --reference
    """
    from tqdm import tqdm

    from loaders.pipeline import load_paths

    if not paths and not reference:
        raise click.UsageError("give PATH(s) to load, or --reference")
    _table_options(columns, fund, show_mapping=dry_run)
    driver = None if dry_run else _driver()
    if reference and driver is not None:
        from graph.reference_loader import load_reference
        from graph.writer import init_schema

        init_schema(driver)
        counts = load_reference(driver)
        click.echo("reference data: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if not paths:
        return
    if driver is not None:
        from graph.writer import init_schema

        init_schema(driver)
    with tqdm(desc="documents", unit="doc", disable=None, file=sys.stderr) as bar:
        from graph.connection import DatabaseUnavailable

        import contextlib

        from graph import erasure

        erasure.reset_suppressed()
        try:
            with erasure.restoring() if restore_erased else contextlib.nullcontext():
                summary = load_paths(paths, driver, dry_run=dry_run, keep_contact_details=keep_contact_details,
                                     jobs=jobs, progress=lambda _name: bar.update(1))
        except DatabaseUnavailable as exc:
            done = getattr(exc, "summary", None)
            if done is not None:  # what was committed before the server went away is complete
                for err in done.errors:
                    error_line(err)
                click.echo("stopped: " + done.line(), err=True)
            raise Failure(str(exc)) from None
    for err in summary.errors:
        error_line(err)
    click.echo(("dry run: " if dry_run else "") + summary.line())
    left_out = erasure.suppressed()
    if left_out["persons"]:
        click.echo(f"left out {left_out['persons']} mention(s) of erased persons in {left_out['documents']} "
                   "document(s) (forget-person; --restore-erased loads them)", err=True)
    if left_out["restored"]:
        click.echo(f"restored {left_out['restored']} erased person name(s): their erasure records are deleted",
                   err=True)
    if summary.failed:
        sys.exit(1)


@main.command("forget-person")
@click.argument("name")
@click.option("--uid", help="The one to erase when several persons have the name (the uids are listed).")
@click.option("--all", "all_", is_flag=True, help="Erase every person of the name (namesakes too).")
def forget_person(name, uid, all_):
    """Erase a person: the node, their relationships and every stored quote naming them.

    The name matches in any case and spacing (or give a person's uid). No match is an
    error naming the closest names; when several persons have the name (namesakes at
    different organisations) they are listed and --uid says which (or --all). A hash of the name is
    recorded: a later load leaves the person out of any document it writes (see README,
    "Erasing a person"), unless `samverkan load --restore-erased`.

    \b
    Example:
      samverkan forget-person "Dorota Calus"
      samverkan forget-person "Anna Berg" --uid anna-berg-2
    """
    from graph import erasure

    driver = _driver()
    try:
        found = erasure.find_persons(driver, name)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if uid is not None:
        chosen = [p for p in found if p["uid"] == uid]
        if not chosen:
            known = ", ".join(p["uid"] for p in found) or "none"
            raise Failure(f"no person {name!r} has the uid {uid!r} (their uids: {known}); nothing erased")
        found = chosen
    if not found:
        close = erasure.closest_names(driver, name)
        raise Failure(f"no person named {name!r} in the graph; nothing erased"
                      + (f"; closest names: {', '.join(close)}" if close else ""))
    if len(found) > 1 and not all_:
        for p in found:
            where = ", ".join(p["organisations"] or p["projects"] or []) or "no organisation"
            click.echo(f"  {p['uid']}  {p['name']}" + (f" ({p['role']})" if p.get("role") else "")
                       + f" — {where}", err=True)
        raise Failure(f"{len(found)} persons are named {name!r} (listed above); say which with "
                      f"--uid UID, or --all for every one; nothing erased")
    counts = erasure.forget_person(driver, name if uid is None else found[0]["name"], [p["uid"] for p in found])
    click.echo(", ".join(f"{k}: {v}" for k, v in counts.items()))
    who = ", ".join(f"{p['name']} ({p['uid']})" for p in found)
    click.echo(f"Erased {who} from the graph. Unchanged source files "
               "are skipped on a reload; a changed or new document naming them is loaded without "
               "them (--restore-erased brings them back). The source files still name them.", err=True)


# -- query / analyze / export ---------------------------------------------------------------
@main.command()
@click.argument("name_or_file", required=False)
@click.option("--param", "-p", "params", multiple=True,
              help="key=value (repeatable); a curated query types it as its header declares.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--wide", is_flag=True, help="Table: every cell whole on one line (else long cells wrap).")
@click.option("--list", "list_", is_flag=True, help="List the curated queries in queries/ with their parameters.")
def query(name_or_file, params, fmt, wide, list_):
    """Run a curated query (queries/NAME.cypher), a .cypher file, or Cypher text, read-only.

    Writing or admin statements are refused; parameters are always sent as
    parameters, never pasted into the query text. A curated query's header declares
    each parameter's type, default and how names match: a wrong or missing value is a
    usage error (exit 2) naming the expected type, before the database is asked.

    \b
    Example:
      samverkan query --list
      samverkan query partners_of_organisation --param name="Skåne Stadsmission" --format csv
      samverkan query samordningsforbund_members -p name="Norra Bohuslän" --wide
    """
    from graph import query as q

    if list_ or not name_or_file:
        for nq in q.load_queries().values():
            if nq.declared:
                params_doc = "; ".join(p.describe() for p in nq.declared.values())
            else:
                params_doc = ", ".join(p + (f"={nq.defaults[p]!r}" if p in nq.defaults else "") for p in nq.params)
            click.echo(f"{nq.name:<36}{nq.title}" + (f"  [{params_doc}]" if params_doc else ""))
        return
    try:
        named = q.resolve_query(name_or_file)
        if named.declared:  # typed as the header declares, before connecting
            parsed = q.typed_params(named, dict(q.split_param(p) for p in params))
        else:
            parsed = q.typed_params(named, dict(q.parse_param(p) for p in params))
    except (q.ParameterError, q.MissingParameterError) as exc:
        raise click.UsageError(str(exc)) from None
    except q.QueryError as exc:
        if "key=value" in str(exc):
            raise click.BadParameter(str(exc), param_hint="--param") from None
        raise Failure(str(exc)) from None
    driver = _driver()
    try:
        columns, rows = q.run_query(driver, named, parsed)
    except q.QueryError as exc:
        raise Failure(str(exc)) from None
    except Exception as exc:  # a Cypher error from the server: one line
        if q.is_access_mode_error(exc):
            raise Failure("refused by the server: the query tried to write; queries here are read-only") from None
        raise Failure(" ".join(f"query failed: {getattr(exc, 'message', None) or exc}".split())) from None
    _print_rows(columns, rows, fmt, wide=wide)


def _print_rows(columns, rows, fmt, *, wide=False):
    """Rows (dicts or sequences) as an aligned table (long cells wrapped, or whole with
    ``wide``), CSV, or JSON Lines."""
    import pandas as pd

    records = [dict(r) if isinstance(r, dict) else dict(zip(columns, r)) for r in rows]
    if fmt == "json":
        for rec in records:
            click.echo(json.dumps(rec, ensure_ascii=False, default=str))
        return

    def cell(v):
        if isinstance(v, (list, tuple)):
            v = "; ".join("" if x is None else (json.dumps(x, ensure_ascii=False, default=str)
                                                 if isinstance(x, dict) else str(x)) for x in v)
        elif isinstance(v, dict):
            v = json.dumps(v, ensure_ascii=False, default=str)
        return v

    if fmt == "table":
        cells = [[cell(rec.get(c)) for c in columns] for rec in records]
        click.echo(_text_table(list(columns), cells, wide=wide) if cells else "(no rows)")
        if len(cells) > 1:
            click.echo(f"({len(cells)} rows)")
        return
    from samverkan.safe_output import defuse_frame

    df = pd.DataFrame([[cell(rec.get(c)) for c in columns] for rec in records], columns=list(columns))
    click.echo(defuse_frame(df).to_csv(index=False), nl=False)  # no cell runs as a formula in Excel


def _text_table(columns: list[str], cells: list[list], *, wide: bool, max_width: int = 60) -> str:
    """An aligned text table: numbers right-aligned, text left; a cell longer than
    ``max_width`` wraps onto more lines (all of it is shown), or with ``wide`` stays whole."""
    import textwrap

    def text(v):
        return "" if v is None or (isinstance(v, float) and v != v) else str(v)

    numeric = [all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool) or r[i] is None for r in cells)
               for i in range(len(columns))]
    split = []
    for row in cells:
        parts = []
        for v in row:
            lines = text(v).splitlines() or [""]
            if not wide:
                lines = [w for line in lines for w in (textwrap.wrap(line, max_width, break_long_words=True,
                                                                     break_on_hyphens=False) or [""])]
            parts.append(lines)
        split.append(parts)
    widths = [max([len(c)] + [len(line) for parts in split for line in parts[i]]) for i, c in enumerate(columns)]
    pad = lambda s, i: s.rjust(widths[i]) if numeric[i] else s.ljust(widths[i])  # noqa: E731
    out = ["  ".join(pad(c, i) for i, c in enumerate(columns)).rstrip()]
    for parts in split:
        for k in range(max(len(p) for p in parts)):
            out.append("  ".join(pad(p[k] if k < len(p) else "", i) for i, p in enumerate(parts)).rstrip())
    return "\n".join(out)


@main.command()
@click.option("--since", type=int, help="Only projects active in or after this year.")
@click.option("--until", type=int, help="Only projects active in or before this year.")
@click.option("--seed", default=0, show_default=True, help="Seed for communities and sampling.")
@click.option("--top", default=10, show_default=True, help="Rows to print.")
@click.option("--with-funders", is_flag=True, help="Let funders (FUNDS) link organisations too.")
@click.option("--need", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV with a need indicator per kommun (kommunkod;behov) to rank gaps by.")
@click.option("--no-write", is_flag=True, help="Compute and print only; write nothing.")
def analyze(since, until, seed, top, with_funders, need, no_write):
    """Compute hubs, brokers, communities, gaps and missing links; write scores to the nodes.

    Writes degree, weighted_degree, betweenness, pagerank, community and
    is_cut_point onto Organization nodes so Cypher can use them (see
    queries/top_brokers.cypher). Organisations are linked when they own or take
    part in the same project, or state a collaboration; funders only with
    --with-funders (a national funder would otherwise link everybody).

    \b
    Example:
      samverkan analyze --since 2018 --until 2024
    """
    from analytics import SCORE_PROPERTIES, analyze as run
    from analytics.arrays import freeze_survivors
    from analytics.coverage import read_need_csv
    from graph.projection import load_projection, write_scores

    if since is not None and until is not None and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}", param_hint="--since")
    try:
        need_series = read_need_csv(need) if need else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--need") from None
    driver = _driver()
    projection = load_projection(driver, since, until)
    result = run(projection, seed=seed, with_funders=with_funders, need=need_series)
    freeze_survivors()              # kept until exit: the collector need not walk them again
    written = 0 if no_write else write_scores(driver, result.score_rows(), period=projection.period_label)
    table = result.centrality
    if len(table):
        cols = ["name", "org_kind", "degree", "weighted_degree", "betweenness", "pagerank", "community"]
        shown = table[cols].head(top).copy()
        shown["betweenness"] = shown["betweenness"].round(4)
        shown["pagerank"] = shown["pagerank"].round(4)
        shown["name"] = shown["name"].astype(str).str.slice(0, 40)
        click.echo(f"Top {len(shown)} organisations by betweenness ({result.betweenness_method}):")
        click.echo(shown.reset_index(drop=True).to_string())
    else:
        click.echo("no collaboration network yet: load documents first (`samverkan load data/seeds`)")
    s = result.summary()
    click.echo(f"{s['organisations']} organisations, {s['links']} links, {s['communities']} communities, "
               f"{s['bridges']} bridges, {s['cut_points']} cut points; period {s['period']}"
               + (f" ({s['undated_projects']} undated projects kept)" if s["undated_projects"] else ""))
    click.echo(f"coverage gaps: {s['kommun_gaps']} kommun × target group cells, {s['lan_gaps']} län × target group; "
               f"missing links: {s['missing_links']}")
    if len(result.gaps):
        g = result.gaps.head(3)
        click.echo("top gaps: " + "; ".join(f"{r.place_name} – {r.target_label}" for r in g.itertuples()))
    click.echo("scores not written (--no-write)" if no_write else
               f"wrote {', '.join(SCORE_PROPERTIES)} onto {written} Organization nodes")


@main.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "cytoscape", "csv", "ftm"]),
              default=None, help="By default the file name's ending says which: .graphml, .gexf, .json "
                                 "(node-link), .cyjs (Cytoscape.js), .ftm/.ftm.json (FollowTheMoney); "
                                 "csv (a folder for neo4j-admin) needs --format csv.")
@click.option("--since", type=int, help="Only projects active in or after this year.")
@click.option("--until", type=int, help="Only projects active in or before this year.")
@click.option("--kind", "kinds", multiple=True, help="Only organisations of this kind (repeatable), "
                                                     "e.g. --kind municipality_org --kind agency.")
def export(out, fmt, since, until, kinds):
    """Export the graph for Gephi, yEd, Cytoscape, neo4j-admin or Aleph.

    graphml, gexf, json and cytoscape hold the collaboration network `analyze` scores, with
    the scores it wrote as node attributes and on every edge the number of documents
    supporting it (doc_count); csv (neo4j-admin import layout) and ftm (FollowTheMoney
    entities) hold organisations, projects, people, kommuner and target groups with their
    relationships, each with its doc_count. Contact details are never exported.

    \b
    Example:
      samverkan export network.gexf --since 2018 --until 2024
      samverkan export neo4j-import --format csv
      samverkan export aktorer.ftm.json --kind coordination_association
    """
    from graph.export import ExportError, format_for, write_export

    try:
        fmt = format_for(out, fmt)
    except ExportError as exc:
        raise click.UsageError(str(exc)) from None
    if since is not None and until is not None and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}", param_hint="--since")
    from graph.schema import ORG_KINDS

    bad = [k for k in kinds if k not in ORG_KINDS]
    if bad:
        raise click.BadParameter(f"{', '.join(bad)}: not a kind; known: {', '.join(ORG_KINDS)}",
                                 param_hint="--kind")
    if not out.parent.is_dir():
        raise Failure(f"{out}: no folder {out.parent} to write into")
    try:
        click.echo(write_export(_driver(), out, fmt, since=since, until=until, kinds=kinds))
    except (ExportError, OSError) as exc:
        raise Failure(" ".join(str(exc).split())) from None


@main.command()
@click.option("--port", default=8501, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but this machine's own (e.g. 0.0.0.0) needs "
                   "SAMVERKAN_APP_PASSWORD.")
def app(port, host):
    """Start the Streamlit app (network, profiles, places, sources, gaps, map, console, load).

    On 127.0.0.1 without passwords whoever reaches the app may also load documents. To share it,
    set SAMVERKAN_APP_PASSWORD (viewers: explore and query) and SAMVERKAN_APP_LOADER_PASSWORD
    (loaders: also upload and re-run the analysis); every visitor then logs in.

    \b
    Example:
      samverkan app --port 8501
      SAMVERKAN_APP_PASSWORD=… SAMVERKAN_APP_LOADER_PASSWORD=… samverkan app --host 0.0.0.0
    """
    import subprocess

    from samverkan.access import problem_text, sharing_problem
    from samverkan.settings import REPO_ROOT, get_settings

    problem = sharing_problem(host, get_settings())
    if problem:
        raise Failure(problem_text(problem, host))
    sys.exit(subprocess.call([sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "app.py"),
                              "--server.port", str(port), "--server.address", host,
                              "--browser.gatherUsageStats", "false"]))


# -- review / merge / split (samverkan/cli_review.py) ---------------------------------------
from samverkan import cli_review  # noqa: E402 - registered after the group is defined

cli_review.register(main)


if __name__ == "__main__":
    main()
