"""Read projections: the graph as plain rows for the analytics and the app.

The only module of the analytics side that talks to Neo4j. Every query is
parameterised and runs in a READ transaction; every value comes back as plain
Python (temporal values as ISO strings). The row shapes are the ones the
``analytics`` package documents.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from analytics.arrays import gc_paused
from analytics.period import filter_by_period
from graph.query import _execute_read, to_python
from graph.schema import NODES, RELS

__all__ = [
    "load_projection", "write_scores", "recent_changes", "org_project_rows", "stated_collaboration_rows", "coverage_rows", "reference_municipalities",
    "reference_counties", "reference_target_groups", "missing_link_rows", "ego_network",
    "actor_profile", "overview_counts", "latest_documents", "search_actors",
]


def _rows(driver, cypher: str, **params: Any) -> list[dict]:
    return _execute_read(driver, cypher, params)[1]


#: rows per record when :func:`_read_many` reads a query's rows in chunks
CHUNK_ROWS = 2000


_SCALARS = (bool, int, float, str)


def _plain(value: Any) -> Any:
    """``graph.query.to_python``, without its per-call work for (nested) lists of plain values:
    the projection's lists of lists (a project's members and places) are most of what is read."""
    if value is None or isinstance(value, _SCALARS):
        return value
    if type(value) is list:
        for v in value:
            if not (v is None or isinstance(v, _SCALARS)):
                return [_plain(v) for v in value]
        return value
    return to_python(value)


def _same(value: Any) -> Any:
    return value


def _read_many(driver, statements: dict[str, tuple]) -> dict[str, list[dict]]:
    """Several queries in one READ transaction (a consistent snapshot for one page).

    ``statements`` maps a name to ``(cypher, params)`` or ``(cypher, params, plain)``, where
    ``plain`` names columns that hold only strings, numbers, None and lists of them by
    construction: they are taken as the driver gives them, without a conversion walk.
    """
    import neo4j

    from samverkan.settings import get_settings

    def work(tx):
        out = {}
        for key, (cypher, params, *rest) in statements.items():
            plain = set(rest[0]) if rest else set()
            # the columns, then the rows in chunks of lists: the driver spends ~30 µs of Python
            # per record, so 200k one-row records cost 6.6 s and the same rows as 200 records
            # of 1,000 lists 0.6 s
            keys = list(tx.run("EXPLAIN " + cypher, params).keys())
            cols = ", ".join(f"`{k}`" for k in keys)
            chunked = (f"CALL () {{\n{cypher}\n}}\nWITH collect([{cols}]) AS rows\n"
                       f"UNWIND range(0, size(rows) - 1, $samverkan_chunk) AS i\n"
                       f"RETURN rows[i..i + $samverkan_chunk] AS chunk")
            convert = [_same if k in plain else _plain for k in keys]
            rows = []
            for rec in tx.run(chunked, {**params, "samverkan_chunk": CHUNK_ROWS}):
                rows.extend({k: f(v) for k, f, v in zip(keys, convert, values)} for values in rec[0])
            out[key] = rows
        return out

    with driver.session(database=get_settings().neo4j_database,
                        default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF") as session:
        return session.execute_read(work)


ORG_PROJECT = """
MATCH (o:Organization)-[r:OWNS|FUNDS|PARTNER_IN]->(p:Project)
RETURN o.uid AS org_uid, o.name AS org_name, o.kind AS org_kind, type(r) AS role,
       p.uid AS project_uid, p.name AS project_name, p.start AS start, p.end AS end,
       r.amount_sek AS amount_sek
ORDER BY org_uid, project_uid, role
"""


def org_project_rows(driver, start_year: int | None = None, end_year: int | None = None, *,
                     keep_undated: bool = True) -> list[dict]:
    """One row per (organisation, OWNS/FUNDS/PARTNER_IN, project), optionally for a period.

    Keys: ``org_uid, org_name, org_kind, role, project_uid, project_name, start,
    end, amount_sek``. The period rule is ``analytics.period.filter_by_period``'s.
    """
    return filter_by_period(_rows(driver, ORG_PROJECT), start_year, end_year, keep_undated=keep_undated)


STATED = """
MATCH (a:Organization)-[r:COLLABORATES_WITH]-(b:Organization)
WHERE a.uid < b.uid
RETURN a.uid AS org_a, a.name AS org_a_name, a.kind AS org_a_kind,
       b.uid AS org_b, b.name AS org_b_name, b.kind AS org_b_kind, r.doc_uids AS doc_uids
ORDER BY org_a, org_b
"""


def stated_collaboration_rows(driver) -> list[dict]:
    """Stated ``COLLABORATES_WITH`` pairs, each once with ``org_a < org_b``."""
    return _rows(driver, STATED)


COVERAGE = """
MATCH (p:Project)-[:ACTIVE_IN]->(m:Municipality)
MATCH (p)-[:TARGETS]->(t:TargetGroup)
OPTIONAL MATCH (m)-[:IN_COUNTY]->(c:County)
RETURN DISTINCT p.uid AS project_uid, p.name AS project_name, m.code AS municipality_code,
       coalesce(m.county_code, c.code) AS county_code, t.key AS target_key,
       p.start AS start, p.end AS end
ORDER BY project_uid, municipality_code, target_key
"""


def coverage_rows(driver, start_year: int | None = None, end_year: int | None = None, *,
                  keep_undated: bool = True) -> list[dict]:
    """One row per (project, kommun it is active in, target group), optionally for a period."""
    return filter_by_period(_rows(driver, COVERAGE), start_year, end_year, keep_undated=keep_undated)


def reference_municipalities(driver) -> list[dict]:
    """The Swedish reference kommuner (``reference = true``): ``code, name, county_code``, by code."""
    return _rows(driver, _REF_MUNICIPALITIES)


def reference_counties(driver) -> list[dict]:
    """All län: ``code, name``, by code."""
    return _rows(driver, "MATCH (c:County) RETURN c.code AS code, c.name AS name ORDER BY code")


def reference_target_groups(driver) -> list[dict]:
    """The target-group taxonomy: ``key, label_sv, label_en``, by key."""
    return _rows(driver, """
        MATCH (t:TargetGroup)
        RETURN t.key AS key, t.label_sv AS label_sv, t.label_en AS label_en ORDER BY key""")


#: The activity rows (``analytics.links``): one per (organisation, project) with the
#: project's target groups (``target_keys``), the places it is active in (``place_codes``)
#: and the organisation's seats (``seat_codes``), as lists. Expanded to one row per
#: (organisation, project, target group, place) they were ~7.4 million dicts (5.8 GB) at
#: 50k documents: a national agency seated in a hundred kommuner, with thirty thousand
#: projects, repeats the same (target group, seat) cells for every project.
#: ``analytics.links`` expands the seats once per organisation instead.
ACTIVITY_COMPACT = """
MATCH (o:Organization)-[:OWNS|PARTNER_IN]->(p:Project)
WITH DISTINCT o, p
WITH o, p, COLLECT { MATCH (p)-[:TARGETS]->(t:TargetGroup) RETURN DISTINCT t.key } AS targets
WHERE size(targets) > 0
RETURN o.uid AS org_uid, o.name AS org_name, p.uid AS project_uid, targets,
       COLLECT { MATCH (p)-[:ACTIVE_IN]->(m:Municipality) RETURN DISTINCT m.code } AS places,
       p.start AS start, p.end AS end
"""

ORG_SEATS = """
MATCH (o:Organization)-[:LOCATED_IN]->(m:Municipality)
RETURN o.uid AS org_uid, collect(DISTINCT m.code) AS seats
"""


def _activity_rows(compact: list[dict], seats: list[dict]) -> list[dict]:
    """Activity rows in list form, sorted by (org_uid, project_uid)."""
    seats_of = {r["org_uid"]: [c for c in r["seats"] if c is not None] for r in seats}
    out = [{"org_uid": r["org_uid"], "org_name": r["org_name"], "project_uid": r["project_uid"],
            "target_keys": [k for k in r["targets"] if k is not None],
            "place_codes": [c for c in r["places"] if c is not None],
            "seat_codes": seats_of.get(r["org_uid"], []), "start": r["start"], "end": r["end"]}
           for r in compact]
    out.sort(key=lambda row: (str(row["org_uid"]), str(row["project_uid"])))
    return out


def missing_link_rows(driver, start_year: int | None = None, end_year: int | None = None) -> list[dict]:
    """Activity rows for ``analytics.missing_links``.

    An organisation works on a target group in a place when it owns or takes
    part in (funding does not count) a project for that group that is active
    there, or when it is seated there (``via`` says which).
    """
    raw = _read_many(driver, {"compact": (ACTIVITY_COMPACT, {}), "seats": (ORG_SEATS, {})})
    return filter_by_period(_activity_rows(raw["compact"], raw["seats"]), start_year, end_year)


# --- one actor ---------------------------------------------------------------------------------

_FIND = """
CALL () {
  MATCH (n:Organization {uid: $uid}) RETURN n
  UNION MATCH (n:Project {uid: $uid}) RETURN n
  UNION MATCH (n:Person {uid: $uid}) RETURN n
  UNION MATCH (n:Municipality {code: $uid}) RETURN n
  UNION MATCH (n:TargetGroup {key: $uid}) RETURN n
}
WITH n LIMIT 1
"""
_ACTOR_RELS = "OWNS|FUNDS|PARTNER_IN|COLLABORATES_WITH|PART_OF|MEMBER_OF|WORKS_FOR|CONTACT_FOR"
_CONTEXT_RELS = "TARGETS|ACTIVE_IN|LOCATED_IN"
# Variable-length bounds cannot be parameters, so there is one fixed text per allowed depth.
_EGO = {
    depth: _FIND + f"""
OPTIONAL MATCH path = (n)-[:{_ACTOR_RELS}*1..{depth}]-(m)
WITH n, path LIMIT $max_paths
UNWIND (CASE WHEN path IS NULL THEN [null] ELSE relationships(path) END) AS r
WITH n, collect(DISTINCT r) AS rels
CALL (n) {{
  // the partners: the other owners, partners and funders of the centre's own projects
  OPTIONAL MATCH (n)-[:OWNS|FUNDS|PARTNER_IN]->(:Project)<-[r:OWNS|FUNDS|PARTNER_IN]-(x:Organization)
  WHERE x <> n
  WITH r LIMIT $max_paths
  RETURN collect(DISTINCT r) AS partner_rels
}}
WITH n, rels + [x IN partner_rels WHERE NOT x IN rels] AS rels
CALL (n, rels) {{
  WITH n, rels WHERE $context
  UNWIND [n] + [x IN rels WHERE startNode(x) = n | endNode(x)]
             + [x IN rels WHERE endNode(x) = n | startNode(x)] AS y
  WITH DISTINCT y
  MATCH (y)-[c:{_CONTEXT_RELS}]->()
  RETURN collect(DISTINCT c)[..$max_paths] AS ctx
}}
RETURN n AS center,
       [x IN rels + ctx | {{type: type(x), a: startNode(x), b: endNode(x),
                           n_docs: size(coalesce(x.doc_uids, []))}}] AS edges
"""
    for depth in (1, 2, 3)
}


def _node_view(node: dict) -> dict:
    labels = [lab for lab in node.get("_labels", []) if lab in NODES]
    label = labels[0] if labels else (node.get("_labels") or ["?"])[0]
    key = node.get(NODES[label].key) if label in NODES else None
    return {"id": f"{label}:{key}", "label": label, "key": key,
            "name": node.get("name") or node.get("label_sv") or key, "kind": node.get("kind")}


def ego_network(driver, uid: str, depth: int = 1, *, max_paths: int = 500, context: bool = True) -> dict:
    """The neighbourhood of one actor, for drawing.

    Parameters
    ----------
    uid : str
        Organization/Project/Person uid, or a Municipality code or TargetGroup key.
    depth : {1, 2, 3}
        Hops along actor relationships (projects, collaborations, memberships, people). The
        partners of the centre's projects (their other owners, partners and funders) are
        always in, also at depth 1.
    max_paths : int
        Cap on the paths followed (and on context edges); large hubs are cut, not all shown.
    context : bool
        Also show target groups and places of the centre and its direct neighbours.

    Returns
    -------
    dict
        ``center`` (node id or None when the uid is unknown), ``nodes`` (``id``,
        ``label``, ``key``, ``name``, ``kind``) and ``edges`` (``source``,
        ``target``, ``type``, ``n_docs``). Node ids are ``"Label:key"``.
    """
    if depth not in _EGO:
        raise ValueError(f"depth must be 1, 2 or 3, not {depth!r}")
    rows = _rows(driver, _EGO[depth], uid=str(uid), max_paths=int(max_paths), context=bool(context))
    if not rows:
        return {"center": None, "nodes": [], "edges": []}
    center = _node_view(rows[0]["center"])
    nodes = {center["id"]: center}
    edges = {}
    for e in rows[0]["edges"]:
        a, b = _node_view(e["a"]), _node_view(e["b"])
        nodes.setdefault(a["id"], a), nodes.setdefault(b["id"], b)
        edges[a["id"], b["id"], e["type"]] = {"source": a["id"], "target": b["id"], "type": e["type"],
                                              "n_docs": e["n_docs"]}
    return {"center": center["id"], "nodes": sorted(nodes.values(), key=lambda n: n["id"]),
            "edges": sorted(edges.values(), key=lambda e: (e["source"], e["target"], e["type"]))}


_PROFILE = {
    "actor": ("MATCH (o:Organization {uid: $uid}) RETURN o AS node", {}),
    "projects": ("""
        MATCH (o:Organization {uid: $uid})-[r:OWNS|FUNDS|PARTNER_IN]->(p:Project)
        RETURN p.uid AS uid, p.name AS name, type(r) AS role, p.start AS start, p.end AS end,
               r.amount_sek AS amount_sek, r.doc_uids AS doc_uids, r.evidence AS evidence
        ORDER BY start DESC, name""", {}),
    "partners": ("""
        MATCH (o:Organization {uid: $uid})-[:OWNS|FUNDS|PARTNER_IN]->(p:Project)
              <-[r:OWNS|FUNDS|PARTNER_IN]-(x:Organization)
        WHERE x <> o
        RETURN x.uid AS uid, x.name AS name, x.kind AS kind, 'project' AS via, type(r) AS type,
               p.uid AS project_uid, p.name AS project_name, r.doc_uids AS doc_uids, r.evidence AS evidence
        UNION ALL
        MATCH (o:Organization {uid: $uid})-[r:COLLABORATES_WITH|PART_OF|MEMBER_OF]-(x:Organization)
        WHERE x <> o
        RETURN x.uid AS uid, x.name AS name, x.kind AS kind,
               CASE WHEN startNode(r) = o THEN 'out' ELSE 'in' END AS via, type(r) AS type,
               null AS project_uid, null AS project_name, r.doc_uids AS doc_uids, r.evidence AS evidence""", {}),
    "people": ("""
        MATCH (pe:Person)-[r:WORKS_FOR]->(o:Organization {uid: $uid})
        RETURN pe.uid AS uid, pe.name AS name, coalesce(r.role, pe.role) AS role, 'WORKS_FOR' AS type,
               null AS project_uid, null AS project_name, r.doc_uids AS doc_uids, r.evidence AS evidence
        UNION ALL
        MATCH (o:Organization {uid: $uid})-[:OWNS|FUNDS|PARTNER_IN]->(p:Project)<-[r:CONTACT_FOR]-(pe:Person)
        RETURN pe.uid AS uid, pe.name AS name, coalesce(r.role, pe.role) AS role, 'CONTACT_FOR' AS type,
               p.uid AS project_uid, p.name AS project_name, r.doc_uids AS doc_uids, r.evidence AS evidence""",
               {}),
    "target_groups": ("""
        MATCH (o:Organization {uid: $uid})-[:OWNS|FUNDS|PARTNER_IN]->(p:Project)-[r:TARGETS]->(t:TargetGroup)
        RETURN t.key AS key, t.label_sv AS label_sv, t.label_en AS label_en, p.uid AS project_uid,
               p.name AS project_name, r.doc_uids AS doc_uids, r.evidence AS evidence""", {}),
    "places": ("""
        MATCH (o:Organization {uid: $uid})-[r:LOCATED_IN]->(m:Municipality)
        RETURN m.code AS code, m.name AS name, m.county_code AS county_code, 'LOCATED_IN' AS type,
               null AS project_uid, null AS project_name, r.doc_uids AS doc_uids, r.evidence AS evidence
        UNION ALL
        MATCH (o:Organization {uid: $uid})-[:OWNS|FUNDS|PARTNER_IN]->(p:Project)-[r:ACTIVE_IN]->(m:Municipality)
        RETURN m.code AS code, m.name AS name, m.county_code AS county_code, 'ACTIVE_IN' AS type,
               p.uid AS project_uid, p.name AS project_name, r.doc_uids AS doc_uids, r.evidence AS evidence""",
               {}),
    "documents": ("""
        MATCH (d:Document)-[:MENTIONS]->(o:Organization {uid: $uid})
        RETURN d.uid AS uid, coalesce(d.name, d.title, d.path) AS name, d.title AS title,
               d.published AS published, d.path AS path
        ORDER BY published DESC, name""", {}),
}

_FACT_KEYS = ("doc_uids", "evidence")


def _sources(row: dict, doc_names: dict[str, str]) -> list[dict]:
    uids = row.get("doc_uids") or []
    quotes = row.get("evidence") or []
    return [{"doc_uid": u, "document": doc_names.get(u, u), "quote": quotes[i] if i < len(quotes) else None}
            for i, u in enumerate(uids)]


def _group(rows: list[dict], key: str, keep: tuple[str, ...], doc_names: dict[str, str]) -> list[dict]:
    """Merge rows about the same neighbour; each keeps its ``facts`` with their sources."""
    grouped: dict[Any, dict] = {}
    for r in rows:
        item = grouped.setdefault(r[key], {k: r.get(k) for k in keep} | {"facts": []})
        fact = {k: v for k, v in r.items() if k not in keep and k not in _FACT_KEYS}
        item["facts"].append(fact | {"sources": _sources(r, doc_names)})
    return list(grouped.values())


def actor_profile(driver, uid: str) -> dict | None:
    """Everything the graph knows about one organisation, each fact with its sources.

    Returns
    -------
    dict or None
        None when there is no Organization with this uid. Otherwise
        ``organization`` (its properties, scores included), ``projects``,
        ``partners``, ``people``, ``target_groups``, ``places`` and
        ``documents``. Every project row and every entry of a neighbour's
        ``facts`` list carries ``sources``: a list of ``{doc_uid, document,
        quote}`` (document = the Document's name, title or path).
    """
    params = {"uid": str(uid)}
    raw = _read_many(driver, {k: (cypher, params) for k, (cypher, _) in _PROFILE.items()})
    if not raw["actor"]:
        return None
    doc_uids = sorted({u for section in raw.values() for r in section for u in (r.get("doc_uids") or [])})
    names = {r["uid"]: r["name"] for r in _rows(driver, """
        MATCH (d:Document) WHERE d.uid IN $uids
        RETURN d.uid AS uid, coalesce(d.name, d.title, d.path, d.uid) AS name""", uids=doc_uids)} if doc_uids else {}
    node = raw["actor"][0]["node"]
    projects = [{k: v for k, v in r.items() if k not in _FACT_KEYS} | {"sources": _sources(r, names)}
                for r in raw["projects"]]
    return {
        "organization": {k: v for k, v in node.items() if k != "_labels"},
        "projects": projects,
        "partners": sorted(_group(raw["partners"], "uid", ("uid", "name", "kind"), names),
                           key=lambda p: (-len(p["facts"]), str(p["name"]))),
        "people": sorted(_group(raw["people"], "uid", ("uid", "name"), names), key=lambda p: str(p["name"])),
        "target_groups": sorted(_group(raw["target_groups"], "key", ("key", "label_sv", "label_en"), names),
                                key=lambda t: (-len(t["facts"]), t["key"])),
        "places": sorted(_group(raw["places"], "code", ("code", "name", "county_code"), names),
                         key=lambda p: (-len(p["facts"]), str(p["name"]))),
        "documents": raw["documents"],
    }


# Built from the schema once; labels and types cannot be parameters.
_COUNTS = "RETURN " + ",\n       ".join(
    [f"COUNT {{ (:{label}) }} AS n_{label}" for label in NODES]
    + [f"COUNT {{ ()-[:{rel}]->() }} AS r_{rel}" for rel in RELS]
    + ["COUNT { (m:Municipality) WHERE coalesce(m.country, 'SE') = 'SE'"
       " AND EXISTS { (m)<-[:ACTIVE_IN]-(:Project) } } AS kommuner_with_projects",
       "COUNT { (m:Municipality) WHERE m.reference = true AND coalesce(m.country, 'SE') = 'SE' }"
       " AS kommuner_in_reference"]
)


def overview_counts(driver) -> dict:
    """Node counts per label, relationship counts per type, and kommun coverage.

    Returns
    -------
    dict
        ``nodes`` {label: n}, ``relationships`` {type: n},
        ``kommuner_with_projects``, ``kommuner_in_reference``.
    """
    row = _rows(driver, _COUNTS)[0]
    return {
        "nodes": {label: row[f"n_{label}"] for label in NODES},
        "relationships": {rel: row[f"r_{rel}"] for rel in RELS},
        "kommuner_with_projects": row["kommuner_with_projects"],
        "kommuner_in_reference": row["kommuner_in_reference"],
    }


def latest_documents(driver, n: int = 10) -> list[dict]:
    """The ``n`` most recently loaded documents with how many nodes each mentions."""
    return _rows(driver, """
        MATCH (d:Document)
        RETURN d.uid AS uid, coalesce(d.name, d.title, d.path) AS name, d.title AS title,
               d.kind AS kind, d.path AS path, d.published AS published, d.loaded_at AS loaded_at,
               COUNT { (d)-[:MENTIONS]->() } AS mentions
        ORDER BY loaded_at DESC, name
        LIMIT $n""", n=int(n))


def search_actors(driver, text: str, limit: int = 20) -> list[dict]:
    """Organisations, projects and people whose name or alias contains ``text`` (case-insensitive).

    Returns rows ``label, uid, name, kind`` — exact matches first, then by name.
    """
    return _rows(driver, """
        CALL () {
          MATCH (n:Organization)
          WHERE toLower(n.name) CONTAINS toLower($text)
             OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS toLower($text))
          RETURN n, 'Organization' AS label
          UNION
          MATCH (n:Project) WHERE toLower(n.name) CONTAINS toLower($text) OR n.uid = $text
          RETURN n, 'Project' AS label
          UNION
          MATCH (n:Person) WHERE toLower(n.name) CONTAINS toLower($text)
          RETURN n, 'Person' AS label
        }
        RETURN label, n.uid AS uid, n.name AS name, n.kind AS kind
        ORDER BY toLower(n.name) = toLower($text) DESC, size(n.name), name
        LIMIT $limit""", text=str(text), limit=int(limit))


# --- everything the analysis needs, and the scores written back ------------------------------

def load_projection(driver, since: int | None = None, until: int | None = None, *,
                    keep_undated: bool = True):
    """Read the rows :func:`analytics.analyze` needs, in one READ transaction.

    Parameters
    ----------
    since, until : int, optional
        Keep only projects active between these years (inclusive); the rule for
        incomplete dates is ``analytics.period``'s.

    Returns
    -------
    analytics.Projection
    """
    with gc_paused():                    # 600k row dicts: no collector walks over them meanwhile
        return _load_projection(driver, since, until, keep_undated)


def _load_projection(driver, since, until, keep_undated):
    from analytics.analysis import Projection

    raw = _read_many(driver, {
        "by_project": (BY_PROJECT, {}, ("members", "places", "targets")),
        "orgs": (ORGS, {}),
        "stated": (STATED, {}),
        "org_seats": (ORG_SEATS, {}),
        "municipalities": (_REF_MUNICIPALITIES, {}),
        "counties": ("MATCH (c:County) RETURN c.code AS code, c.name AS name ORDER BY code", {}),
        "target_groups": ("""MATCH (t:TargetGroup)
            RETURN t.key AS key, t.label_sv AS label_sv, t.label_en AS label_en ORDER BY key""", {}),
    })
    org_projects, coverage, activity, projects = _split_by_project(raw.pop("by_project"), raw.pop("orgs"),
                                                                   raw.pop("org_seats"))
    proj = Projection(org_projects=org_projects, coverage=coverage, activity=activity, projects=projects, **raw)
    return proj.for_period(since, until, keep_undated=keep_undated) if (since or until) else proj


#: Everything :func:`load_projection` needs about projects, one record per project: its
#: members (``[org uid, role, amount_sek]`` per OWNS/FUNDS/PARTNER_IN relationship), the
#: places it is active in (``[code, county_code, [IN_COUNTY codes]]`` per ACTIVE_IN) and its
#: target groups (per TARGETS). :func:`_split_by_project` makes the rows of ``ORG_PROJECT``,
#: ``COVERAGE``, ``ACTIVITY_COMPACT`` and ``PROJECTS`` out of it, in their order. Those four
#: queries walked the same projects four times and sent 580k rows (organisation and project
#: names repeated on each): 17 s of the 20 s it took to read the 50k-document graph.
BY_PROJECT = """
MATCH (p:Project)
RETURN p.uid AS project_uid, p.name AS project_name, p.start AS start, p.end AS end,
       [(o:Organization)-[r:OWNS|FUNDS|PARTNER_IN]->(p) | [o.uid, type(r), r.amount_sek]] AS members,
       [(p)-[:ACTIVE_IN]->(m:Municipality) | [m.code, m.county_code, [(m)-[:IN_COUNTY]->(c:County) | c.code]]]
         AS places,
       [(p)-[:TARGETS]->(t:TargetGroup) | t.key] AS targets
ORDER BY project_uid
"""
ORGS = "MATCH (o:Organization) RETURN o.uid AS uid, o.name AS name, o.kind AS kind"


def _nulls_last(value):
    return (value is None, "" if value is None else value)


def _split_by_project(by_project: list[dict], orgs: list[dict], seats: list[dict]):
    """The rows of ``ORG_PROJECT``, ``COVERAGE``, the activity rows (``_activity_rows`` of
    ``ACTIVITY_COMPACT`` and ``ORG_SEATS``) and ``PROJECTS``, in their order, out of the
    ``BY_PROJECT`` records."""
    org_of = {o["uid"]: o for o in orgs}
    seats_of = {r["org_uid"]: [c for c in r["seats"] if c is not None] for r in seats}
    org_projects, coverage, activity, projects = [], [], [], []
    for p in by_project:
        uid, name, start, end = p["project_uid"], p["project_name"], p["start"], p["end"]
        places, targets = p["places"], p["targets"]
        for org_uid, role, amount in p["members"]:
            o = org_of[org_uid]
            org_projects.append({"org_uid": org_uid, "org_name": o["name"], "org_kind": o["kind"], "role": role,
                                 "project_uid": uid, "project_name": name, "start": start, "end": end,
                                 "amount_sek": amount})
        projects.append({"project_uid": uid, "project_name": name, "start": start, "end": end,
                         "municipalities": [m[0] for m in places],
                         "counties": [c for m in places for c in m[2]], "targets": targets})
        if targets:
            # COVERAGE: DISTINCT (kommun, its county: own code, else each IN_COUNTY's, target group)
            cells = dict.fromkeys((code, county if county is not None else c, t)
                                  for code, county, in_county in places for c in (in_county or [None])
                                  for t in targets)
            for code, county, t in sorted(cells, key=lambda x: (_nulls_last(x[0]), _nulls_last(x[2]))):
                coverage.append({"project_uid": uid, "project_name": name, "municipality_code": code,
                                 "county_code": county, "target_key": t, "start": start, "end": end})
            # ACTIVITY_COMPACT: owners and partners once each, with DISTINCT groups and places
            keys = [k for k in dict.fromkeys(targets) if k is not None]
            codes = [c for c in dict.fromkeys(m[0] for m in places) if c is not None]
            for org_uid in dict.fromkeys(o for o, role, _ in p["members"] if role != "FUNDS"):
                activity.append({"org_uid": org_uid, "org_name": org_of[org_uid]["name"], "project_uid": uid,
                                 "target_keys": list(keys), "place_codes": list(codes),
                                 "seat_codes": seats_of.get(org_uid, []), "start": start, "end": end})
    org_projects.sort(key=lambda r: (r["org_uid"], r["project_uid"], r["role"]))
    activity.sort(key=lambda row: (str(row["org_uid"]), str(row["project_uid"])))
    return org_projects, coverage, activity, projects


PROJECTS = """
MATCH (p:Project)
RETURN p.uid AS project_uid, p.name AS project_name, p.start AS start, p.end AS end,
       [(p)-[:ACTIVE_IN]->(m:Municipality) | m.code] AS municipalities,
       [(p)-[:ACTIVE_IN]->(:Municipality)-[:IN_COUNTY]->(c:County) | c.code] AS counties,
       [(p)-[:TARGETS]->(t:TargetGroup) | t.key] AS targets
ORDER BY project_uid
"""

_REF_MUNICIPALITIES = """
MATCH (m:Municipality) WHERE m.reference = true AND coalesce(m.country, 'SE') = 'SE'
OPTIONAL MATCH (m)-[:IN_COUNTY]->(c:County)
RETURN m.code AS code, m.name AS name, coalesce(m.county_code, c.code) AS county_code
ORDER BY code"""

#: scores of an earlier run (another stamp), removed ``$batch`` nodes per transaction
_CLEAR_SCORES = """
MATCH (o:Organization) WHERE o.scores_at IS NOT NULL AND o.scores_at <> $stamp
WITH o LIMIT $batch
REMOVE o.degree, o.weighted_degree, o.betweenness, o.pagerank, o.community, o.is_cut_point,
       o.scores_period, o.scores_at
RETURN count(o) AS n
"""
_WRITE_SCORES = """
UNWIND $rows AS row
MATCH (o:Organization {uid: row.uid})
SET o.degree = row.degree, o.weighted_degree = row.weighted_degree,
    o.betweenness = row.betweenness, o.pagerank = row.pagerank, o.community = row.community,
    o.is_cut_point = row.is_cut_point, o.scores_period = $period, o.scores_at = $stamp
RETURN count(o) AS n
"""


#: the documents of the last load run (``Document.load_id``, graph.writer) and the nodes no
#: document of another run mentions; a document loaded before load ids existed: its own
#: transaction's documents (same ``loaded_at`` to the second)
RECENT = """
MATCH (d:Document) WHERE d.loaded_at IS NOT NULL
WITH d ORDER BY d.loaded_at DESC LIMIT 1
WITH d.load_id AS run, d.loaded_at AS last
MATCH (d:Document)
WHERE (run IS NOT NULL AND d.load_id = run)
   OR (run IS NULL AND d.load_id IS NULL AND d.loaded_at >= last - duration({seconds: 1}))
WITH run, last, collect(d) AS recent
CALL (recent) {
  UNWIND recent AS d
  MATCH (d)-[:MENTIONS]->(x)
  WHERE NOT EXISTS { MATCH (e:Document)-[:MENTIONS]->(x) WHERE NOT e IN recent }
  WITH DISTINCT x
  RETURN collect({label: labels(x)[0], name: coalesce(x.name, x.label_sv, x.uid, x.code)}) AS new_nodes
}
RETURN run, last, [d IN recent | coalesce(d.title, d.name, d.path)] AS documents, new_nodes
"""


def recent_changes(driver) -> dict | None:
    """What the last load run brought: its documents and the nodes no other run's document
    mentions. None when no document is loaded."""
    rows = _rows(driver, RECENT)
    if not rows or rows[0]["last"] is None:
        return None
    row = rows[0]
    by_label: dict[str, list[str]] = defaultdict(list)
    for n in row["new_nodes"]:
        by_label[n["label"]].append(str(n["name"]))
    return {"last": row["last"], "run": row["run"], "documents": sorted(map(str, row["documents"])),
            "new": {k: sorted(v) for k, v in sorted(by_label.items())}}


def write_scores(driver, rows: list[dict], *, period: str = "all", batch: int = 5000) -> int:
    """Write centrality scores onto Organization nodes, replacing earlier ones.

    ``batch`` nodes per write transaction, so no transaction holds the write
    locks of the whole network for seconds (50k organisations in one
    transaction took 4.4 s): every node of this run gets one stamp
    (``scores_at``, the server's ``datetime()`` at the start), then the scores
    of an earlier run (another stamp: an organisation that dropped out of the
    network, e.g. another period) are removed, again ``batch`` nodes per
    transaction. A reader in between sees each node with either its old or
    its new scores, never without. ``rows`` come from
    ``AnalysisResult.score_rows()``.

    Returns the number of nodes written.
    """
    import neo4j

    from samverkan.settings import get_settings

    def write(tx, chunk, stamp):
        return tx.run(_WRITE_SCORES, rows=chunk, period=period, stamp=stamp).single()["n"]

    def clear(tx, stamp):
        return tx.run(_CLEAR_SCORES, stamp=stamp, batch=batch).single()["n"]

    with driver.session(database=get_settings().neo4j_database,
                        default_access_mode=neo4j.WRITE_ACCESS) as session:
        stamp = session.execute_read(lambda tx: tx.run("RETURN datetime() AS t").single()["t"])
        n = 0
        for i in range(0, len(rows), batch):
            n += session.execute_write(write, rows[i:i + batch], stamp)
        while session.execute_write(clear, stamp) == batch:
            pass
        return n
