"""Named, curated, read-only Cypher queries (the ``queries/`` folder) and a safe runner.

A query file starts with a header of comment lines::

    // title: Partners of an organisation
    // description: Organisations that share a project with it or state a collaboration.
    // params: name (organisation name or alias, case-insensitive), limit=25 (max rows)

Each parameter is declared on its own ``// param:`` line — its name, its type, a
default (none: the parameter is required), the values allowed, how a name matches, and
after ``--`` what it is::

    // param: name type=text match=exact,case-insensitive,alias,contains -- förbund name
    // param: limit type=int default=100 min=1 max=100000 -- max rows
    // param: kind type=text default=all choices=all|owner|partner -- which role

Types: ``text``, ``int``, ``float``, ``bool``. ``match`` (text only) says how the query
compares a name: ``exact`` (uid or name as stored), ``case-insensitive``, ``alias`` (the
node's aliases too), ``prefix``, ``contains`` — each tried only when the ones before it
find nothing. :func:`typed_params` turns given values (strings from the command line or a
form, or Python values) into the declared types and refuses a wrong one with a message
naming the expected type, before anything is sent; ``samverkan query`` exits 2 on it and
the app's console builds its inputs from the same declaration.

The older one-line form still reads (untyped: values are typed by :func:`parse_param`):
``// params:`` lists the ``$parameters``, comma-separated, each optionally with
``=default`` and a ``(description)``; ``// params: none`` when there are none. An optional ``// example: key=value, key=value`` line gives
values that work on the seed graph (the app pre-fills them, the tests run
every query with them). Everything after the header is the query.

Three guards, from the friendliest to the strictest:

1. ``check_read_only`` refuses texts with writing or admin clauses before
   anything is sent, naming the clause and its line;
2. inside the transaction the query is first ``EXPLAIN``-ed, and the server's
   own verdict (``summary.query_type``) must be ``"r"`` — this catches writes
   hidden where a keyword check cannot see them (a read-only verdict is kept for
   the text, per driver and database: later runs of it skip the EXPLAIN);
3. everything runs in a READ transaction (``execute_read``, READ access mode),
   in which Neo4j itself refuses to write.

Values are passed as parameters, never formatted into the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samverkan.settings import QUERIES_DIR, get_settings

__all__ = ["NamedQuery", "QueryError", "ReadOnlyQueryError", "MissingParameterError",
           "load_queries", "parse_query_file", "parse_param", "check_read_only",
           "query_parameters", "run_query", "to_python", "is_access_mode_error", "Param", "ParameterError",
           "parse_param_line", "typed_params", "resolve_query", "split_param"]


class QueryError(ValueError):
    """A query that cannot be run as given."""


class ReadOnlyQueryError(QueryError):
    """The query text contains a clause that writes or administers the database."""


class MissingParameterError(QueryError):
    """The query uses a ``$parameter`` that was not supplied."""


class ParameterError(QueryError):
    """A parameter value that is not of its declared type or not among its allowed values."""


PARAM_TYPES = ("text", "int", "float", "bool", "date")
MATCH_KINDS = ("exact", "case-insensitive", "alias", "prefix", "contains")
_TRUE, _FALSE = ("true", "yes", "ja", "1"), ("false", "no", "nej", "0")


def _date_value(raw: Any) -> str | None:
    """'2019' -> '2019-01-01', '2019-06' -> '2019-06-01', '2019-06-30' as is, '' as is (no date):
    an ISO date string that compares with the graph's ISO dates and their prefixes; None when
    the value is no date."""
    import datetime as _dt
    if isinstance(raw, (_dt.date, _dt.datetime)):
        return raw.strftime("%Y-%m-%d")
    if not isinstance(raw, (str, int)) or isinstance(raw, bool):
        return None
    text = str(raw).strip()
    if text == "":
        return ""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        return _dt.date(y, mo, d).strftime("%Y-%m-%d")
    except ValueError:
        return None


@dataclass(frozen=True)
class Param:
    """One declared parameter of a curated query (a ``// param:`` line)."""

    name: str
    type: str = "text"
    #: no default (``required``): the parameter must be given
    default: Any = None
    required: bool = True
    choices: tuple = ()
    min: float | None = None
    max: float | None = None
    match: tuple[str, ...] = ()
    doc: str = ""

    def describe(self) -> str:
        """``limit: int, default 100, 1..100000`` — what the parameter takes, in one phrase."""
        parts = [f"{self.name}: {self.type}"]
        if self.choices:
            parts.append("one of " + "|".join(map(str, self.choices)))
        if self.min is not None or self.max is not None:
            parts.append(f"{_num(self.min) if self.min is not None else ''}..{_num(self.max) if self.max is not None else ''}")
        if self.match:
            parts.append("matches " + ", ".join(self.match))
        parts.append("required" if self.required else f"default {self.default!r}")
        return ", ".join(parts)

    def coerce(self, value: Any) -> Any:
        """The value in the declared type (a string is parsed), or :class:`ParameterError`."""
        if isinstance(value, str):
            raw = value.strip()
            if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
                raw = raw[1:-1]
        else:
            raw = value
        expected = {"int": "an integer", "float": "a number", "bool": "true or false",
                    "text": "text", "date": "a date (2019, 2019-06 or 2019-06-30)"}[self.type]
        wrong = ParameterError(f"parameter {self.name}={value!r} is not {expected} ({self.describe()})")
        if self.type == "int":
            if isinstance(raw, bool) or not (isinstance(raw, int) or (isinstance(raw, str)
                                                                     and re.fullmatch(r"[+-]?\d+", raw))):
                raise wrong
            out: Any = int(raw)
        elif self.type == "float":
            try:
                out = float(raw) if not isinstance(raw, bool) else None
            except (TypeError, ValueError):
                out = None
            if out is None or out != out or out in (float("inf"), float("-inf")):
                raise wrong
        elif self.type == "bool":
            if isinstance(raw, bool):
                out = raw
            elif isinstance(raw, str) and raw.lower() in _TRUE + _FALSE:
                out = raw.lower() in _TRUE
            else:
                raise wrong
        elif self.type == "date":
            out = _date_value(raw)
            if out is None:
                raise wrong
        else:
            if raw is None or isinstance(raw, (dict, list)):
                raise wrong
            out = str(raw)
        if self.choices:
            by_low = {str(c).lower(): c for c in self.choices}
            if str(out).lower() not in by_low:
                raise ParameterError(f"parameter {self.name}={value!r} is not one of "
                                     f"{', '.join(map(str, self.choices))} ({self.describe()})")
            out = by_low[str(out).lower()]
        if self.min is not None and out < self.min or self.max is not None and out > self.max:
            raise ParameterError(f"parameter {self.name}={value!r} is out of range ({self.describe()})")
        return out


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def parse_param_line(line: str, where: str = "") -> Param:
    """One ``// param:`` declaration (without the ``// param:``).

    >>> parse_param_line("limit type=int default=100 min=1 -- max rows").describe()
    'limit: int, 1.., default 100'
    >>> parse_param_line("name match=exact,contains -- a name").required
    True
    """
    decl, _, doc = line.partition(" -- ")
    words = decl.split()
    if not words or not re.fullmatch(r"[A-Za-z_]\w*", words[0]):
        raise QueryError(f"{where}cannot read the parameter declaration {line!r}")
    name, attrs = words[0], {}
    for word in words[1:]:
        key, sep, value = word.partition("=")
        if not sep or key not in ("type", "default", "choices", "min", "max", "match"):
            raise QueryError(f"{where}parameter {name}: cannot read {word!r} (type=, default=, choices=, "
                             "min=, max=, match=)")
        attrs[key] = value
    ptype = attrs.get("type", "text")
    if ptype not in PARAM_TYPES:
        raise QueryError(f"{where}parameter {name}: type {ptype!r} is not one of {', '.join(PARAM_TYPES)}")
    match = tuple(m for m in attrs.get("match", "").split(",") if m)
    bad = [m for m in match if m not in MATCH_KINDS]
    if bad:
        raise QueryError(f"{where}parameter {name}: match {', '.join(bad)} is not one of {', '.join(MATCH_KINDS)}")
    bare = Param(name, ptype, match=match, doc=doc.strip())
    bounds = {}
    for key in ("min", "max"):
        if key in attrs:
            try:
                bounds[key] = float(attrs[key]) if ptype == "float" else int(attrs[key])
            except ValueError:
                raise QueryError(f"{where}parameter {name}: {key}={attrs[key]!r} is not a number") from None
    choices: tuple = ()
    if "choices" in attrs:
        choices = tuple(bare.coerce(c) for c in attrs["choices"].split("|"))
    param = Param(name, ptype, choices=choices, match=match, doc=doc.strip(), **bounds)
    if "default" in attrs:
        try:
            default = param.coerce(attrs["default"])
        except ParameterError as exc:
            raise QueryError(f"{where}the default: {exc}") from None
        param = Param(name, ptype, default, False, choices, match=match, doc=doc.strip(), **bounds)
    return param


@dataclass(frozen=True)
class NamedQuery:
    """A curated query: ``name`` is the file stem."""

    name: str
    title: str
    description: str
    params: list[str]
    text: str
    param_docs: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    example: dict[str, Any] = field(default_factory=dict)
    #: the ``// param:`` declarations by name (empty for the older untyped ``params`` line)
    declared: dict[str, Param] = field(default_factory=dict)


_HEADER = re.compile(r"^\s*//\s*(title|description|params|param|example)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def _split_top_level(text: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_query_file(path: str | Path) -> NamedQuery:
    """Read one ``.cypher`` file with its header.

    Raises
    ------
    QueryError
        When the header lacks a title, description or params line.
    """
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    header: dict[str, str] = {}
    declared: dict[str, Param] = {}
    body_start = 0
    for i, line in enumerate(lines):
        m = _HEADER.match(line)
        if m and m.group(1).lower() == "param":
            p = parse_param_line(m.group(2), f"{path}: ")
            if p.name in declared:
                raise QueryError(f"{path}: parameter {p.name} is declared twice")
            declared[p.name] = p
            body_start = i + 1
        elif m:
            key = m.group(1).lower()
            header[key] = (header[key] + " " + m.group(2)).strip() if key in header else m.group(2)
            body_start = i + 1
        elif line.strip().startswith("//") or not line.strip():
            body_start = i + 1
        else:
            break
    if declared and "params" in header:
        raise QueryError(f"{path}: declare the parameters either on '// param:' lines or on one "
                         "'// params:' line, not both")
    if declared:
        header["params"] = "none"
    missing = [k for k in ("title", "description", "params") if k not in header]
    if missing:
        raise QueryError(f"{path}: header lacks {', '.join(missing)} (lines like '// title: ...')")
    params, docs, defaults = list(declared), {n: p.doc for n, p in declared.items()}, {
        n: p.default for n, p in declared.items() if not p.required}
    if header["params"].strip().lower() not in ("", "none", "-"):
        for item in _split_top_level(header["params"]):
            m = re.match(r"^([A-Za-z_]\w*)\s*(?:=\s*([^()]*?))?\s*(?:\((.*)\))?$", item)
            if not m:
                raise QueryError(f"{path}: cannot read parameter {item!r} in the params line")
            name, default, doc = m.groups()
            params.append(name)
            docs[name] = (doc or "").strip()
            if default is not None:
                defaults[name] = parse_param(f"{name}={default}")[1]
    example = dict(parse_param(item) for item in _split_top_level(header.get("example", "")))
    unknown = sorted(set(example) - set(params))
    if unknown:
        raise QueryError(f"{path}: example sets {', '.join(unknown)}, which the params line does not declare")
    try:
        example = {k: declared[k].coerce(v) if k in declared else v for k, v in example.items()}
    except ParameterError as exc:
        raise QueryError(f"{path}: the example: {exc}") from None
    text = "\n".join(lines[body_start:]).strip()
    if not text:
        raise QueryError(f"{path}: no query after the header")
    return NamedQuery(path.stem, header["title"], header["description"], params, text, docs, defaults, path,
                      example, declared)


def load_queries(directory: str | Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """All ``*.cypher`` files of a folder, by name (file stem), sorted."""
    return {p.stem: parse_query_file(p) for p in sorted(Path(directory).glob("*.cypher"))}


def parse_param(item: str) -> tuple[str, Any]:
    """Split ``key=value`` and coerce the value.

    Integers and floats become numbers, ``true``/``false`` booleans, ``null``
    None; everything else stays a string. Digit strings with a leading zero
    (kommun and län codes such as ``0180``) stay strings. Quote a value to
    keep it a string: ``year='2020'``.

    Examples
    --------
    >>> parse_param("limit=10"), parse_param("share=0.5"), parse_param("strict=TRUE")
    (('limit', 10), ('share', 0.5), ('strict', True))
    >>> parse_param("code=0180"), parse_param("name=Malmö stad"), parse_param("year='2020'")
    (('code', '0180'), ('name', 'Malmö stad'), ('year', '2020'))
    """
    key, sep, raw = item.partition("=")
    key = key.strip().lstrip("$")
    if not sep or not re.fullmatch(r"[A-Za-z_]\w*", key):
        raise QueryError(f"parameter {item!r} is not of the form key=value")
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return key, value[1:-1]
    low = value.lower()
    if low in ("true", "false"):
        return key, low == "true"
    if low in ("null", "none"):
        return key, None
    if re.fullmatch(r"[+-]?(0|[1-9]\d*)", value):
        return key, int(value)
    if re.fullmatch(r"[+-]?(0|[1-9]\d*)?\.\d+([eE][+-]?\d+)?|[+-]?(0|[1-9]\d*)[eE][+-]?\d+", value):
        return key, float(value)
    return key, value


# --- the read-only guard ---------------------------------------------------------------------

_TOKENS = re.compile(
    r"//[^\n]*"                      # line comment
    r"|/\*.*?\*/"                    # block comment
    r"|'(?:\\.|[^'\\])*'"            # single-quoted string
    r"|\"(?:\\.|[^\"\\])*\""         # double-quoted string
    r"|`(?:``|[^`])*`",              # quoted identifier
    re.DOTALL,
)

_WORD = r"(?<![\w.$`])"
_FORBIDDEN = [
    (re.compile(_WORD + r"(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|ALTER|GRANT|DENY|REVOKE"
                r"|RENAME|TERMINATE|ENABLE|DEALLOCATE|REALLOCATE)\b", re.I), None),
    (re.compile(_WORD + r"LOAD\s+CSV\b", re.I), "LOAD CSV"),
    (re.compile(r"\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b", re.I), "CALL { } IN TRANSACTIONS"),
    (re.compile(_WORD + r"((?:START|STOP)\s+DATABASE)\b", re.I), None),
    (re.compile(_WORD + r"USE\s+system\b", re.I), "USE system"),
    (re.compile(r"\bCALL\s+(dbms\.[\w.]*)", re.I), None),
    (re.compile(r"\bCALL\s+(db\.(?:create|drop|clear|checkpoint|index\.fulltext\.(?:create|drop)"
                r"|awaitIndex|resampleIndex|resampleOutdatedIndexes|prepareForReplanning)[\w.]*)", re.I), None),
    (re.compile(r"\b(apoc\.(?:create|merge|refactor|periodic|do|atomic|trigger|nodes\.(?:delete|link|collapse)"
                r"|schema\.assert|cypher\.(?:run(?:Write|Schema|Many|File|Files)|doIt)|load|export|import"
                r"|lock|uuid\.install|ttl|custom)[\w.]*)", re.I), None),
    (re.compile(r"\b(gds\.[\w.]*\.(?:write|mutate)|gds\.graph\.(?:drop|project)[\w.]*)", re.I), None),
]


def _strip(text: str) -> str:
    """Blank out comments, string literals and quoted identifiers, keeping line breaks."""
    return _TOKENS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def check_read_only(text: str, name: str | None = None) -> None:
    """Refuse a query that writes or administers the database.

    Comments, string literals and backquoted names are ignored, so
    ``WHERE n.name = 'CREATE'`` passes.

    Raises
    ------
    ReadOnlyQueryError
        Naming the clause and its line.

    Examples
    --------
    >>> check_read_only("MATCH (n) WHERE n.name = 'DELETE me' RETURN n  // SET nothing")
    >>> check_read_only("MATCH (n) DETACH DELETE n")
    Traceback (most recent call last):
    ...
    graph.query.ReadOnlyQueryError: refused: 'DETACH' on line 1 writes or administers the database; \
queries here are read-only (change data with `samverkan load`)
    """
    bare = _strip(text)
    hits = []
    for pattern, label in _FORBIDDEN:
        for m in pattern.finditer(bare):
            found = " ".join(m.group(m.lastindex or 0).split())
            hits.append((m.start(), label or (found if "." in found else found.upper())))
    if hits:
        pos, what = min(hits)
        line = bare.count("\n", 0, pos) + 1
        where = f"query {name!r}: " if name else ""
        raise ReadOnlyQueryError(
            f"{where}refused: {what!r} on line {line} writes or administers the database; "
            "queries here are read-only (change data with `samverkan load`)")


def query_parameters(text: str) -> list[str]:
    """The ``$parameters`` a query text uses, in order of first use.

    Examples
    --------
    >>> query_parameters("MATCH (o {name: $name}) WHERE o.x = '$not' RETURN o LIMIT $limit")
    ['name', 'limit']
    """
    bare = _TOKENS.sub(lambda m: m.group(0) if m.group(0).startswith("`") else " ", text)
    seen: list[str] = []
    for m in re.finditer(r"\$(?:`((?:``|[^`])*)`|([A-Za-z_]\w*))", bare):
        name = (m.group(1) or "").replace("``", "`") or m.group(2)
        if name not in seen:
            seen.append(name)
    return seen


# --- plain Python values -----------------------------------------------------------------------

_SCALARS = (bool, int, float, str)


def to_python(value: Any) -> Any:
    """Driver values to plain Python.

    Nodes become ``{"_labels": [...], **properties}``, relationships
    ``{"_type": TYPE, "_start": key, "_end": key, **properties}`` (``key`` is the
    end node's uid, code or key property when known), paths a list alternating
    nodes and relationships, temporal values ISO strings, points dicts.
    """
    if value is None or isinstance(value, _SCALARS):
        return value                     # most values: before any other check (hot in projections)
    if isinstance(value, list) and all(v is None or isinstance(v, _SCALARS) for v in value):
        return value                     # a list of plain values is plain already
    from neo4j.graph import Node, Path as GraphPath, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: to_python(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, "_start": _node_key(value.start_node),
                "_end": _node_key(value.end_node), **{k: to_python(v) for k, v in value.items()}}
    if isinstance(value, GraphPath):
        out: list = [to_python(value.start_node)]
        for rel, node in zip(value.relationships, value.nodes[1:]):
            out += [to_python(rel), to_python(node)]
        return out
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_python(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "srid"):
        return {"srid": value.srid, "coordinates": list(value)}
    return str(value)


def _node_key(node) -> Any:
    if node is None:
        return None
    for key in ("uid", "code", "key"):
        if key in node:
            return node[key]
    return node.element_id


# --- running ---------------------------------------------------------------------------------

def _resolve(query: str | NamedQuery, queries: dict[str, NamedQuery] | None) -> NamedQuery:
    if isinstance(query, NamedQuery):
        return query
    text = query.strip()
    if queries is None and re.fullmatch(r"[\w-]+", text):
        queries = load_queries()
    if queries and text in queries:
        return queries[text]
    if text.endswith(".cypher") and "\n" not in text and Path(text).is_file():
        return parse_query_file(text)
    if re.fullmatch(r"[\w-]+", text):
        raise QueryError(f"no query named {text!r}; known: {', '.join(sorted(queries or {}))}")
    return NamedQuery("<text>", "", "", query_parameters(text), text)


def resolve_query(query: str | NamedQuery, queries: dict[str, NamedQuery] | None = None) -> NamedQuery:
    """A curated query by name, a ``.cypher`` file, or Cypher text, as a :class:`NamedQuery`."""
    return _resolve(query, queries)


def split_param(item: str) -> tuple[str, str]:
    """``key=value`` as written (the value untyped: a declared query types it)."""
    key, sep, raw = item.partition("=")
    key = key.strip().lstrip("$")
    if not sep or not re.fullmatch(r"[A-Za-z_]\w*", key):
        raise QueryError(f"parameter {item!r} is not of the form key=value")
    return key, raw


def typed_params(q: NamedQuery, given: dict[str, Any]) -> dict[str, Any]:
    """The values to send: given ones typed as declared, defaults for the rest.

    Raises
    ------
    ParameterError
        A value not of its declared type or range, or a parameter the query does not take.
    MissingParameterError
        A required parameter (or, for an undeclared query, any ``$parameter``) without a value.

    >>> q = NamedQuery("q", "", "", ["limit"], "RETURN $limit", declared={"limit": Param("limit", "int", 10, False)})
    >>> typed_params(q, {"limit": "5"}), typed_params(q, {})
    ({'limit': 5}, {'limit': 10})
    """
    label = f"query {q.name!r}" if q.name != "<text>" else "the query"
    if not q.declared:
        values = {**q.defaults, **given}
    else:
        unknown = [k for k in given if k not in q.declared]
        if unknown:
            raise ParameterError(f"{label} takes no parameter {', '.join(unknown)}; it takes "
                                 + "; ".join(p.describe() for p in q.declared.values()))
        values = {}
        for name, p in q.declared.items():
            if name in given:
                values[name] = p.coerce(given[name])
            elif not p.required:
                values[name] = p.default
        missing = [p for n, p in q.declared.items() if n not in values]
        if missing:
            raise MissingParameterError(
                f"{label} needs {', '.join('$' + p.name for p in missing)} ("
                + "; ".join(p.describe() + (f": {p.doc}" if p.doc else "") for p in missing) + "); pass "
                + " ".join(f"{p.name}=VALUE" for p in missing))
    missing_used = [p for p in query_parameters(q.text) if p not in values]
    if missing_used:
        raise MissingParameterError(
            f"{label} needs {', '.join('$' + p for p in missing_used)}; pass "
            + " ".join(f"{p}=VALUE" for p in missing_used))
    return values


class QueryTimeoutError(QueryError):
    """The query ran longer than the read timeout (``SAMVERKAN_QUERY_TIMEOUT``)."""


def query_timeout() -> float:
    """Seconds a read of the console or ``samverkan query`` may run (default 30)."""
    import os

    raw = os.environ.get("SAMVERKAN_QUERY_TIMEOUT", "").strip()
    try:
        value = float(raw) if raw else 30.0
    except ValueError:
        raise QueryError(f"SAMVERKAN_QUERY_TIMEOUT={raw!r} is not a number of seconds") from None
    return value if value > 0 else 30.0


class QueryRowCapError(QueryError):
    """The query returned more rows than ``samverkan query`` passes on (``SAMVERKAN_QUERY_MAX_ROWS``)."""


DEFAULT_QUERY_MAX_ROWS = 100_000


def query_max_rows() -> int:
    """Rows ``samverkan query`` passes on at most (default 100 000); more is an error."""
    import os

    raw = os.environ.get("SAMVERKAN_QUERY_MAX_ROWS", "").strip()
    try:
        value = int(raw) if raw else DEFAULT_QUERY_MAX_ROWS
    except ValueError:
        raise QueryError(f"SAMVERKAN_QUERY_MAX_ROWS={raw!r} is not a whole number of rows") from None
    return value if value > 0 else DEFAULT_QUERY_MAX_ROWS


def _is_timeout(exc: BaseException) -> bool:
    code = getattr(exc, "code", None) or ""
    return "TransactionTimedOut" in code or "Transaction.TransactionTimedOut" in str(exc)


#: texts the server has classified as read-only, per driver and database. EXPLAIN is planned
#: afresh every time (Neo4j keeps no plan for it: ≈ 10 ms on every run of the larger curated
#: queries, as much as running them), and the class of a text does not depend on the values
#: of its parameters, so it is asked once per process. Only read-only verdicts are kept: a
#: text the server refuses is asked again, and refused, every time; under the verdict the
#: READ transaction still refuses any write.
_READ_ONLY_TEXTS: set[tuple] = set()
_READ_ONLY_TEXTS_MAX = 1024


def _execute_read(driver, text: str, params: dict, *, database: str | None = None,
                  max_rows: int | None = None, check_plan: bool = False,
                  label: str | None = None, timeout: float | None = None,
                  row_cap: int | None = None) -> tuple[list[str], list[dict]]:
    """Run ``text`` in a READ transaction; with ``check_plan`` first EXPLAIN it and refuse
    anything the server does not classify as read-only (``query_type`` ``"r"``). The server
    stops it after ``timeout`` seconds (``QueryTimeoutError``); more than ``row_cap`` rows is
    a ``QueryRowCapError`` (``max_rows`` instead keeps the first rows)."""
    import neo4j

    def work(tx):
        verdict = (id(driver), db, text)
        if (check_plan and verdict not in _READ_ONLY_TEXTS
                and not re.match(r"\s*(EXPLAIN|PROFILE)\b", _strip(text), re.I)):
            kind = tx.run("EXPLAIN " + text, params).consume().query_type
            if kind not in ("r", None):
                where = f"query {label!r}: " if label else ""
                raise ReadOnlyQueryError(
                    f"{where}refused: Neo4j classifies this query as {_QUERY_TYPES.get(kind, kind)}; "
                    "queries here are read-only (change data with `samverkan load`)")
            if len(_READ_ONLY_TEXTS) >= _READ_ONLY_TEXTS_MAX:
                _READ_ONLY_TEXTS.clear()
            _READ_ONLY_TEXTS.add(verdict)
        result = tx.run(text, params)
        keys = list(result.keys())
        if row_cap is not None and max_rows is None:
            records = result.fetch(row_cap + 1)
            if len(records) > row_cap:
                raise QueryRowCapError(
                    f"the query returned more than {row_cap:,} rows (add LIMIT to it; "
                    f"SAMVERKAN_QUERY_MAX_ROWS sets the cap)".replace(",", " "))
        else:
            records = result.fetch(max_rows) if max_rows is not None else list(result)
        result.consume()
        return keys, [{k: to_python(v) for k, v in zip(keys, rec.values())} for rec in records]

    db = database or get_settings().neo4j_database
    limit = timeout
    timed = neo4j.unit_of_work(timeout=limit)(work) if limit else work  # the server stops it at the limit
    with driver.session(database=db, default_access_mode=neo4j.READ_ACCESS,
                        notifications_min_severity="OFF") as session:
        try:
            return session.execute_read(timed)
        except QueryError:
            raise
        except Exception as exc:  # noqa: BLE001 - only the timeout is translated
            if _is_timeout(exc):
                raise QueryTimeoutError(
                    f"the query ran longer than {limit:g} s and was stopped "
                    "(SAMVERKAN_QUERY_TIMEOUT sets the limit)") from None
            raise


_QUERY_TYPES = {"w": "a write", "rw": "reading and writing", "s": "a schema or admin operation"}


def is_access_mode_error(exc: BaseException) -> bool:
    """True for the server's refusal to write in a read transaction (or to run admin procedures)."""
    code = getattr(exc, "code", None) or ""
    text = str(getattr(exc, "message", None) or exc)
    return (code in ("Neo.ClientError.Statement.AccessMode", "Neo.ClientError.Security.Forbidden")
            or "read access mode" in text.lower())


def run_query(driver, query: str | NamedQuery, params: dict | None = None, *,
              queries: dict[str, NamedQuery] | None = None, database: str | None = None,
              max_rows: int | None = None) -> tuple[list[str], list[dict]]:
    """Run a curated query (by name), a ``.cypher`` file or Cypher text, read-only.

    Parameters
    ----------
    driver : neo4j.Driver
    query : str or NamedQuery
        A name from ``queries/`` (``"partners_of_organisation"``), a path to a
        ``.cypher`` file, or Cypher text.
    params : dict, optional
        Parameter values; a named query's declared defaults fill the gaps.
    queries : dict, optional
        Preloaded ``load_queries()`` (the default folder is read otherwise).
    max_rows : int, optional
        Fetch at most this many rows (the first ones). Without it, more than
        ``SAMVERKAN_QUERY_MAX_ROWS`` rows (default 100 000) is a ``QueryRowCapError``.

    Returns
    -------
    (columns, rows)
        Column names and a list of dicts of plain Python values.

    Raises
    ------
    ReadOnlyQueryError
        The text writes or administers (checked before anything is sent).
    MissingParameterError
        A ``$parameter`` has no value.
    ParameterError
        A value not of its declared type (see :func:`typed_params`).
    QueryTimeoutError
        The query ran longer than ``SAMVERKAN_QUERY_TIMEOUT`` seconds (default 30).
    QueryRowCapError
        More rows than ``SAMVERKAN_QUERY_MAX_ROWS`` (only without ``max_rows``).
    QueryError
        An unknown query name.
    """
    q = _resolve(query, queries)
    label = q.name if q.name != "<text>" else None
    check_read_only(q.text, label)
    values = typed_params(q, params or {})
    return _execute_read(driver, q.text, values, database=database, max_rows=max_rows,
                         check_plan=True, label=label, timeout=query_timeout(),
                         row_cap=None if max_rows is not None else query_max_rows())
