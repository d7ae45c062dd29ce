"""Exports of the graph for the tools analysts use: Gephi, yEd, Cytoscape, neo4j-admin, Aleph.

Two views of the graph, read in one READ transaction (a consistent snapshot):

* **the collaboration network** (``graphml``, ``gexf``, ``json``, ``cytoscape``): the network
  ``samverkan analyze`` scores — organisations, linked when they own or take part in the same
  project or state a collaboration (funders left out, as in ``analyze``). Each node carries
  ``name``, ``org_kind``, ``n_projects`` and the scores ``analyze`` wrote onto it
  (``degree``, ``weighted_degree``, ``betweenness``, ``pagerank``, ``community``,
  ``is_cut_point``, ``scores_period``); each edge ``weight`` (shared projects), ``projects``,
  ``stated`` and ``doc_count``: the number of distinct documents that state either end's
  role in a shared project or the collaboration itself.
* **the actor graph** (``csv``, ``ftm``): organisations, projects, people, kommuner, län and
  target groups with every relationship between them but ``MENTIONS`` (documents are
  provenance: each relationship carries ``doc_count``, the number of documents that state
  it). ``csv`` is a folder of node and relationship files in the layout of
  ``neo4j-admin database import full``; ``ftm`` is FollowTheMoney entities as JSON Lines
  (Organization/PublicBody, Project, Person, Address, ProjectParticipant — owners, partners,
  funders and contacts —, Membership, Employment, UnknownLink) for Aleph and OpenSanctions tools.

Filters: ``since``/``until`` keep the projects active in the period (the rule of
``analytics.period.filter_by_period``; undated projects are kept, as in ``analyze``) and
``kinds`` the organisations of those kinds; relationships to what is left out go with it,
and with a filter, nodes left without any relationship are left out too.

Contact details of people (``email``, ``phone``) are never exported. Every file is written
under a temporary name and renamed when complete: a failed export leaves no partial file.
"""
from __future__ import annotations

import csv
import json
import os
import shlex
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from graph.schema import NODES, ORG_KINDS, RELS

__all__ = ["FORMATS", "SUFFIXES", "ExportError", "Export", "format_for", "read_export",
           "collaboration_network", "write_export", "neo4j_admin_command"]

#: format -> what it is (for --help and error messages)
FORMATS = {
    "graphml": "GraphML: the collaboration network (Gephi, yEd, networkx)",
    "gexf": "GEXF 1.2: the collaboration network (Gephi)",
    "json": "node-link JSON of the collaboration network (networkx, d3)",
    "cytoscape": "Cytoscape.js JSON (elements) of the collaboration network",
    "csv": "a folder of CSV files for `neo4j-admin database import full` (the actor graph)",
    "ftm": "FollowTheMoney entities, JSON Lines (the actor graph; Aleph, OpenSanctions)",
}
#: file name ending -> format (the longest ending that matches wins)
SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".cyjs": "cytoscape",
            ".cytoscape.json": "cytoscape", ".ftm": "ftm", ".ftm.json": "ftm", ".ftm.jsonl": "ftm",
            ".ijson": "ftm"}
NETWORK_FORMATS = ("graphml", "gexf", "json", "cytoscape")
#: labels of the actor graph (Document is provenance, not an actor)
ACTOR_LABELS = tuple(label for label in NODES if label != "Document")
#: relationship types of the actor graph
ACTOR_RELS = tuple(t for t, r in RELS.items() if t != "MENTIONS")
SCORES = ("degree", "weighted_degree", "betweenness", "pagerank", "community", "is_cut_point",
          "scores_period")
NEVER_EXPORTED = ("email", "phone")
#: the writer's numbers for partners_of_organisation (graph.cypher.org_num): taken from element
#: ids, meaningless elsewhere; a graph imported from an export gets its own from init_schema
WRITER_NUMBERS = ("num", "org_nums")
#: the array delimiter of the CSV files (a control character no name contains)
ARRAY_DELIMITER = "\x1f"


class ExportError(ValueError):
    """An export that cannot be made as asked; ``str(exc)`` is one line."""


def format_for(path: Path, fmt: str | None) -> str:
    """The format: ``fmt`` when given, else the one the file name's ending says.

    >>> format_for(Path("net.GEXF"), None), format_for(Path("x.ftm.json"), None)
    ('gexf', 'ftm')
    >>> format_for(Path("x.json"), "cytoscape")
    'cytoscape'
    """
    if fmt:
        if fmt not in FORMATS:
            raise ExportError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
        return fmt
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    raise ExportError(
        f"{path}: the file name does not say the format; give --format ({', '.join(FORMATS)}) or "
        f"an ending {', '.join(SUFFIXES)} (csv is a folder: --format csv)")


# --- reading ---------------------------------------------------------------------------------

def _key_expr(var: str) -> str:
    """The node's key property, whatever its label (uid, code or key, see graph/schema.py)."""
    cases = " ".join(f"WHEN {var}:{label} THEN {var}.{NODES[label].key}" for label in ACTOR_LABELS)
    return f"CASE {cases} END"


_NODES_QUERY = {
    label: f"MATCH (n:{label}) RETURN properties(n) AS props ORDER BY n.{NODES[label].key}"
    for label in ACTOR_LABELS
}
_RELS_QUERY = f"""
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
RETURN type(r) AS type, labels(a)[0] AS source_label, {_key_expr('a')} AS source,
       labels(b)[0] AS target_label, {_key_expr('b')} AS target,
       size(coalesce(r.doc_uids, [])) AS doc_count, coalesce(r.doc_uids, []) AS doc_uids,
       properties(r) AS props
ORDER BY type, source, target
"""


@dataclass
class Export:
    """The actor graph as read: nodes by label (key -> properties) and relationships."""

    nodes: dict[str, dict[Any, dict]] = field(default_factory=dict)
    #: dicts with type, source_label, source, target_label, target, doc_count, doc_uids, props
    rels: list[dict] = field(default_factory=list)

    def counts(self) -> tuple[int, int]:
        return sum(len(v) for v in self.nodes.values()), len(self.rels)


def _check_filters(since: int | None, until: int | None, kinds: Iterable[str]) -> list[str]:
    if since is not None and until is not None and since > until:
        raise ExportError(f"--since {since} is after --until {until}")
    kinds = list(dict.fromkeys(kinds or ()))
    unknown = [k for k in kinds if k not in ORG_KINDS]
    if unknown:
        raise ExportError(f"unknown organisation kind {', '.join(map(repr, unknown))}; "
                          f"known: {', '.join(ORG_KINDS)}")
    return kinds


def read_export(driver, *, since: int | None = None, until: int | None = None,
                kinds: Iterable[str] = ()) -> Export:
    """The actor graph, filtered (see the module docstring)."""
    from analytics.period import filter_by_period
    from graph.projection import _read_many

    kinds = _check_filters(since, until, kinds)
    statements = {label: (q, {}) for label, q in _NODES_QUERY.items()}
    statements["rels"] = (_RELS_QUERY, {"types": list(ACTOR_RELS)})
    rows = _read_many(driver, statements)
    out = Export()
    for label in ACTOR_LABELS:
        key = NODES[label].key
        out.nodes[label] = {
            r["props"][key]: {k: v for k, v in r["props"].items()
                              if k not in NEVER_EXPORTED and k not in WRITER_NUMBERS}
            for r in rows[label] if r["props"].get(key) is not None}
    out.rels = rows["rels"]
    filtered = since is not None or until is not None or bool(kinds)
    if since is not None or until is not None:
        projects = [dict(p, _key=k) for k, p in out.nodes["Project"].items()]
        kept = {p["_key"] for p in filter_by_period(projects, since, until, keep_undated=True)}
        out.nodes["Project"] = {k: v for k, v in out.nodes["Project"].items() if k in kept}
    if kinds:
        out.nodes["Organization"] = {k: v for k, v in out.nodes["Organization"].items()
                                     if v.get("kind") in kinds}
    out.rels = [r for r in out.rels
                if r["source"] in out.nodes.get(r["source_label"], {})
                and r["target"] in out.nodes.get(r["target_label"], {})]
    if filtered:
        linked = {(r["source_label"], r["source"]) for r in out.rels}
        linked |= {(r["target_label"], r["target"]) for r in out.rels}
        out.nodes = {label: {k: v for k, v in nodes.items() if (label, k) in linked}
                     for label, nodes in out.nodes.items()}
    return out


def collaboration_network(data: Export):
    """The organisation network ``analyze`` scores, with the scores and per-edge document counts."""
    from analytics import COLLAB_ROLES, collaboration_graph

    orgs, projects = data.nodes["Organization"], data.nodes["Project"]
    org_project, docs = [], {}
    for r in data.rels:
        if r["type"] in ("OWNS", "FUNDS", "PARTNER_IN"):
            o, p = orgs[r["source"]], projects[r["target"]]
            org_project.append({"org_uid": r["source"], "org_name": o.get("name"), "org_kind": o.get("kind"),
                                "role": r["type"], "project_uid": r["target"],
                                "project_name": p.get("name"), "start": p.get("start"), "end": p.get("end")})
            if r["type"] in COLLAB_ROLES:
                docs.setdefault((r["source"], r["target"]), set()).update(r["doc_uids"])
    stated, stated_docs = [], {}
    for r in data.rels:
        if r["type"] == "COLLABORATES_WITH" and r["source"] != r["target"]:
            a, b = sorted((r["source"], r["target"]))
            stated.append({"org_a": a, "org_a_name": orgs[a].get("name"), "org_a_kind": orgs[a].get("kind"),
                           "org_b": b, "org_b_name": orgs[b].get("name"), "org_b_kind": orgs[b].get("kind"),
                           "doc_uids": r["doc_uids"]})
            stated_docs.setdefault((a, b), set()).update(r["doc_uids"])
    org_project.sort(key=lambda r: (r["org_uid"], r["project_uid"], r["role"]))
    G = collaboration_graph(org_project, stated, roles=COLLAB_ROLES)
    for uid in list(G.nodes):
        if uid not in orgs:  # a stated collaboration with an organisation filtered out
            G.remove_node(uid)
    G.remove_nodes_from([u for u, d in G.nodes(data=True) if d["n_projects"] == 0 and G.degree(u) == 0])
    for uid, attrs in G.nodes(data=True):
        for score in SCORES:
            value = orgs[uid].get(score)
            if value is not None:
                attrs[score] = float(value) if score in ("betweenness", "pagerank") else value
    for a, b, attrs in G.edges(data=True):
        support = set(stated_docs.get(tuple(sorted((a, b))), ()))
        for p in attrs.get("projects") or ():
            support |= docs.get((a, p), set()) | docs.get((b, p), set())
        attrs["doc_count"] = len(support)
        attrs.pop("stated_doc_uids", None)
    return G


# --- writing ---------------------------------------------------------------------------------

def _flat(G):
    """A copy whose attributes GraphML and GEXF can hold: lists joined with '; ', no None."""
    H = G.copy()
    for attrs in [d for _, d in H.nodes(data=True)] + [d for _, _, d in H.edges(data=True)]:
        for k, v in list(attrs.items()):
            if v is None:
                del attrs[k]
            elif isinstance(v, (list, set, tuple)):
                attrs[k] = "; ".join(map(str, v))
    return H


def _write_network(G, fmt: str, target: Path) -> None:
    import networkx as nx

    if fmt == "graphml":
        nx.write_graphml(_flat(G), target)
    elif fmt == "gexf":
        nx.write_gexf(_flat(G), target)
    elif fmt == "json":
        target.write_text(json.dumps(nx.node_link_data(G, edges="links"), ensure_ascii=False, default=str),
                          encoding="utf-8")
    else:
        data = nx.cytoscape_data(G)
        for element in data["elements"]["edges"]:
            d = element["data"]
            d["id"] = f"{d['source']}|{d['target']}"
        target.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")


def _csv_type(values: list) -> str:
    """The neo4j-admin header type of a property from its values (a list anywhere: an array).

    >>> _csv_type([1, 2]), _csv_type([1, 2.5]), _csv_type([True]), _csv_type(["a", 1]), _csv_type([["a"], "b"])
    ('long', 'double', 'boolean', 'string', 'string[]')
    """
    array = any(isinstance(v, list) for v in values)
    flat = [x for v in values for x in (v if isinstance(v, list) else [v])]
    kinds = {type(v) for v in flat}
    if kinds <= {bool}:
        kind = "boolean"
    elif kinds <= {int}:
        kind = "long"
    elif kinds <= {int, float}:
        kind = "double"
    else:
        kind = "string"
    return kind + "[]" if array else kind


def _csv_value(value: Any, kind: str) -> str:
    if kind.endswith("[]"):
        items = value if isinstance(value, list) else [value]
        return ARRAY_DELIMITER.join(_csv_value(v, kind[:-2]) for v in items)
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _columns(rows: list[dict], skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    names: dict[str, list] = {}
    for row in rows:
        for k, v in row.items():
            if k not in skip and v is not None and v != []:
                names.setdefault(k, []).append(v)
    return [(k, _csv_type(vs)) for k, vs in sorted(names.items())]


def _write_csv_folder(data: Export, folder: Path) -> list[str]:
    """One file per label and per relationship type; returns the file names."""
    written = []
    for label in ACTOR_LABELS:
        key = NODES[label].key
        rows = list(data.nodes[label].values())
        cols = [c for c in _columns(rows) if c[0] != key]
        name = f"nodes_{label}.csv"
        with open(folder / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([f"{key}:ID({label})", ":LABEL"] + [f"{k}:{t}" for k, t in cols])
            for row in rows:
                w.writerow([row[key], label] + ["" if row.get(k) in (None, []) else _csv_value(row[k], t)
                                                for k, t in cols])
        written.append(name)
    for rel_type in ACTOR_RELS:
        rel = RELS[rel_type]
        rows = [r for r in data.rels if r["type"] == rel_type]
        props = [dict(r["props"], doc_count=r["doc_count"]) for r in rows]
        cols = _columns(props, skip=("doc_uids", "evidence"))
        name = f"relationships_{rel_type}.csv"
        with open(folder / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([f":START_ID({rel.source})", f":END_ID({rel.target})", ":TYPE"]
                       + [f"{k}:{t}" for k, t in cols])
            for r, p in zip(rows, props):
                if r["source_label"] != rel.source or r["target_label"] != rel.target:
                    continue  # the writer enforces the schema; an edge outside it has no id space here
                w.writerow([r["source"], r["target"], rel_type]
                           + ["" if p.get(k) in (None, []) else _csv_value(p[k], t) for k, t in cols])
        written.append(name)
    return written


def neo4j_admin_command(folder: Path, files: list[str], database: str = "neo4j") -> list[str]:
    """The ``neo4j-admin database import full`` arguments that import the CSV folder."""
    # the database first: --nodes/--relationships take one or more values and would swallow it
    args = ["neo4j-admin", "database", "import", "full", database, f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}",
            "--multiline-fields=true"]
    for name in files:
        option = "--nodes" if name.startswith("nodes_") else "--relationships"
        args.append(f"{option}={folder / name}")
    return args


_FTM_ORG_SCHEMA = {"municipality_org": "PublicBody", "municipal_unit": "PublicBody", "region": "PublicBody",
                   "agency": "PublicBody", "coordination_association": "PublicBody"}


def ftm_entities(data: Export) -> list[dict]:
    """The actor graph as FollowTheMoney entities (dicts, as ``EntityProxy.to_dict`` gives them)."""
    from followthemoney import model

    ids: dict[tuple[str, Any], str] = {}
    entities: dict[str, Any] = {}

    def make(schema: str, *key_parts) -> Any:
        e = model.make_entity(schema)
        e.make_id("samverkan", *map(str, key_parts))
        return e

    def add(e, prop: str, value) -> None:
        if value is None or value == "" or value == []:
            return
        for v in value if isinstance(value, list) else [value]:
            e.add(prop, str(v), quiet=True)

    for uid, o in data.nodes["Organization"].items():
        e = make(_FTM_ORG_SCHEMA.get(o.get("kind"), "Organization"), "Organization", uid)
        add(e, "name", o.get("name") or uid)
        add(e, "alias", o.get("aliases"))
        add(e, "classification", o.get("kind"))
        add(e, "country", "se")
        ids["Organization", uid] = e.id
        entities[e.id] = e
    target_labels = {k: t.get("label_sv") or k for k, t in data.nodes["TargetGroup"].items()}
    for uid, p in data.nodes["Project"].items():
        e = make("Project", "Project", uid)
        add(e, "name", p.get("name") or uid)
        add(e, "projectId", p.get("diarienummer") or p.get("id"))
        add(e, "startDate", p.get("start"))
        add(e, "endDate", p.get("end"))
        add(e, "summary", p.get("summary"))
        add(e, "program", p.get("specific_objective"))
        if p.get("budget_sek") is not None:
            add(e, "amount", p.get("budget_sek"))
            add(e, "currency", "SEK")
        add(e, "country", "se")
        ids["Project", uid] = e.id
        entities[e.id] = e
    for uid, person in data.nodes["Person"].items():
        e = make("Person", "Person", uid)
        add(e, "name", person.get("name") or uid)
        add(e, "position", person.get("role"))
        ids["Person", uid] = e.id
        entities[e.id] = e
    counties = {k: c.get("name") for k, c in data.nodes["County"].items()}
    for code, m in data.nodes["Municipality"].items():
        e = make("Address", "Municipality", code)
        add(e, "full", m.get("name") or code)
        add(e, "city", m.get("name"))
        add(e, "region", counties.get(m.get("county_code")))
        add(e, "country", (m.get("country") or "SE").lower())
        ids["Municipality", code] = e.id
        entities[e.id] = e

    def e_id(r: dict) -> str:
        return make("Thing", r["type"], r["source_label"], r["source"], r["target_label"], r["target"]).id

    def link(schema: str, r: dict, props: dict, role: str | None = None) -> None:
        e = make(schema, r["type"], r["source_label"], r["source"], r["target_label"], r["target"])
        for prop, end in props.items():
            e.add(prop, ids[r[end + "_label"], r[end]])
        add(e, "role", role if role is not None else r["props"].get("role"))
        add(e, "description", f"{r['type']}: stated in {r['doc_count']} document(s)")
        entities[e.id] = e

    used_places: set[str] = set()
    for r in data.rels:
        t = r["type"]
        if t in ("OWNS", "PARTNER_IN"):
            link("ProjectParticipant", r, {"participant": "source", "project": "target"},
                 "owner" if t == "OWNS" else "partner")
        elif t == "CONTACT_FOR":
            link("ProjectParticipant", r, {"participant": "source", "project": "target"},
                 r["props"].get("role") or "contact")
        elif t == "FUNDS":
            # a Payment needs a beneficiary, which a grant to a project does not name
            link("ProjectParticipant", r, {"participant": "source", "project": "target"}, "funder")
            amount = r["props"].get("amount_sek")
            if amount is not None:
                add(entities[e_id(r)], "summary", f"{amount:,.0f} SEK".replace(",", " "))
        elif t == "MEMBER_OF":
            link("Membership", r, {"member": "source", "organization": "target"})
        elif t == "WORKS_FOR":
            link("Employment", r, {"employee": "source", "employer": "target"})
        elif t in ("COLLABORATES_WITH", "PART_OF"):
            link("UnknownLink", r, {"subject": "source", "object": "target"},
                 "collaborates with" if t == "COLLABORATES_WITH" else "part of")
        elif t in ("ACTIVE_IN", "LOCATED_IN"):
            entities[ids[r["source_label"], r["source"]]].add("addressEntity", ids["Municipality", r["target"]])
            used_places.add(ids["Municipality", r["target"]])
        elif t == "TARGETS":
            entities[ids["Project", r["source"]]].add("keywords", target_labels.get(r["target"], r["target"]))
    # kommuner are exported where something is active or seated, not the whole reference list
    places = {ids["Municipality", c] for c in data.nodes["Municipality"]}
    return [e.to_dict() for eid, e in entities.items() if eid not in places or eid in used_places]


def _temporary(target: Path, *, folder: bool = False) -> Path:
    if folder:
        return Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    return Path(name)


def write_export(driver, path: str | Path, fmt: str | None = None, *, since: int | None = None,
                 until: int | None = None, kinds: Iterable[str] = ()) -> str:
    """Write the export; returns one line saying what was written.

    Raises
    ------
    ExportError
        An unknown format or kind, a folder that does not exist, a CSV folder that is a file.
    """
    path = Path(path)
    fmt = format_for(path, fmt)
    parent = path.parent
    if not parent.is_dir():
        raise ExportError(f"{path}: no folder {parent} to write into")
    if fmt == "csv" and path.exists() and not path.is_dir():
        raise ExportError(f"{path}: is a file; --format csv writes a folder of files")
    if fmt != "csv" and path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name")
    _check_filters(since, until, kinds)
    data = read_export(driver, since=since, until=until, kinds=kinds)
    if fmt in NETWORK_FORMATS:
        G = collaboration_network(data)
        tmp = _temporary(path)
        try:
            _write_network(G, fmt, tmp)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        scored = sum(1 for _, d in G.nodes(data=True) if "betweenness" in d)
        return (f"wrote {G.number_of_nodes()} organisations ({scored} with analyze's scores) and "
                f"{G.number_of_edges()} links to {path} ({fmt})")
    if fmt == "ftm":
        rows = ftm_entities(data)
        tmp = _temporary(path)
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        return f"wrote {len(rows)} FollowTheMoney entities to {path}"
    tmp = _temporary(path, folder=True)
    try:
        files = _write_csv_folder(data, tmp)
        path.mkdir(exist_ok=True)
        for name in files:
            os.replace(tmp / name, path / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    n_nodes, n_rels = data.counts()
    return (f"wrote {n_nodes} nodes and {n_rels} relationships to {path}/ ({len(files)} files); import with: "
            + shlex.join(neo4j_admin_command(path, files)))
