"""Write extraction records into Neo4j: idempotent, batched, many documents per transaction.

A record (``loaders/record.py``) becomes:

* a ``Document`` node keyed by ``doc_uid`` (sha256 of the text); a record whose uid is
  already loaded is ``"unchanged"`` and writes nothing;
* one ``MERGE`` per entity on its label's key (no list of documents on the node: the
  MENTIONS edges are that list) and ``(Document)-[:MENTIONS]->(entity)`` carrying what this document said about it (and the
  entity's ``evidence`` quote when the record has one);
* one ``MERGE`` per relation, with provenance in two parallel lists ``r.doc_uids`` and
  ``r.evidence`` (one entry per supporting document; quotes capped at
  ``cypher.EVIDENCE_CAP``).

:func:`write_records` writes many records per transaction (about 10x faster than one
transaction each) with the same per-document semantics; :func:`write_record` is a batch of one.

Property rule: the first document (in load order) that states a scalar property sets it;
later documents only fill gaps, never blank or overwrite; aliases are a set union.
Retracting a document recomputes its nodes' properties from the documents that remain.

A record whose ``path`` was loaded before with other content is ``"changed"``: the old
version is retracted first, in the same transaction, so facts other documents support
stay and only the old version's own facts go.
"""
from __future__ import annotations

import contextlib
import contextvars
import gc
import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Iterator

import neo4j

from loaders.person_key import person_keys

from graph import cypher
from graph.connection import database_name
from graph.schema import LABEL_OF_LIST, NAME_KEY_LABELS, NODES, RELATION_ENDS, RELS, constraint_statements

#: record fields whose name differs from the graph property they fill
RECORD_FIELD = {"diarienummer": "id"}
#: Document properties from record fields (loaded_at is set by the server)
DOCUMENT_FIELD = {"name": "document"}
CONTACT_PROPERTIES = ("email", "phone")

#: the id of this load run, written as ``Document.load_id`` on every document it creates, so
#: "what the last load changed" is one run, not everything loaded within some window. One per
#: process by default (``samverkan load`` is one run); :func:`load_run` starts a new one (the
#: app's upload page: one per click).
_PROCESS_LOAD_ID = uuid.uuid4().hex
_LOAD_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("samverkan_load_id", default=None)


def current_load_id() -> str:
    """The load-run id documents written now get (see :func:`load_run`)."""
    return _LOAD_ID.get() or _PROCESS_LOAD_ID


@contextlib.contextmanager
def load_run(load_id: str | None = None) -> Iterator[str]:
    """Documents written inside the block get one new load-run id (yielded)."""
    token = _LOAD_ID.set(load_id or uuid.uuid4().hex)
    try:
        yield _LOAD_ID.get()
    finally:
        _LOAD_ID.reset(token)


@dataclass
class WriteResult:
    document: str
    status: str  # "new" | "changed" | "unchanged" (| "failed" from write_records)
    nodes_created: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    nodes_deleted: int = 0
    #: uids of the earlier versions retracted (status "changed")
    retracted: list[str] = field(default_factory=list)
    #: status "failed" (write_records only): why
    error: BaseException | None = field(default=None, repr=False, compare=False)

    def add(self, counters: Any) -> None:
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.relationships_deleted += counters.relationships_deleted
        self.nodes_deleted += counters.nodes_deleted


@dataclass(frozen=True)
class _Plan:
    document: str
    doc_uid: str
    path: str
    doc_props: dict[str, Any]
    nodes: dict[str, list[dict[str, Any]]]  # label -> rows {key, props}
    rels: dict[str, list[dict[str, Any]]]   # type -> rows {source, target, evidence, props}


def init_schema(driver: neo4j.Driver, *, database: str | None = None) -> list[str]:
    """Create the schema's constraints and indexes that are missing; returns their names.

    Idempotent: existing names are skipped (one ``SHOW`` instead of a dozen schema
    transactions), and every statement says ``IF NOT EXISTS`` for a concurrent ``db init``.
    What the writer keeps for the curated queries is filled in where a graph from before it
    kept them lacks it: ``Person.n_organisations``, ``name_key``/``alias_keys``,
    ``Organization.num``, ``Project.org_nums`` and ``start_year``,
    ``Document.display_name``.
    """
    db = database_name(database)
    have = {r["name"] for show in ("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name")
            for r in driver.execute_query(show, database_=db)[0]}
    created = []
    for statement in constraint_statements():
        name = statement.split()[2]  # CREATE CONSTRAINT|INDEX <name> IF NOT EXISTS ...
        if name not in have:
            driver.execute_query(statement, database_=db)
            created.append(name)
    # a graph written before the writer kept Person.n_organisations gets it once
    driver.execute_query(cypher.BACKFILL_PERSON_ORGANISATIONS, database_=db)
    # and the lookup keys of names and aliases (graph.schema.NAME_KEY_LABELS)
    for label in NAME_KEY_LABELS:
        driver.execute_query(cypher.backfill_name_keys(label), database_=db)
    driver.execute_query(cypher.BACKFILL_ORGANIZATION_NUMS, database_=db)
    driver.execute_query(cypher.BACKFILL_PROJECT_ORGANISATIONS, database_=db)
    driver.execute_query(cypher.BACKFILL_DISPLAY_NAMES, database_=db)
    driver.execute_query(cypher.BACKFILL_PROJECT_YEARS, database_=db)
    return created


# --- planning (pure) -------------------------------------------------------------------

def _entity_key(label: str, entity: dict[str, Any]) -> Any:
    key = entity.get("uid")
    if key is None:
        key = entity.get(NODES[label].key)
    return key


def _entity_props(label: str, entity: dict[str, Any], keep_contact_details: bool) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for p in NODES[label].properties:
        if p in CONTACT_PROPERTIES and not keep_contact_details:
            continue
        value = entity.get(RECORD_FIELD.get(p, p), entity.get(p))
        if value is None:
            continue
        if p in cypher.LIST_PROPERTIES:
            value = list(dict.fromkeys(value))
        props[p] = value
    canonical = entity.get("canonical")
    if isinstance(canonical, str) and canonical and "name" in props and canonical != props["name"]:
        # resolution (loaders.resolve): the document's name for the actor is an alias of the
        # node, whose name is the actor's ("Skåne läns landsting" -> Region Skåne)
        props["aliases"] = list(dict.fromkeys([*props.get("aliases", []), props["name"]]))
        props["name"] = canonical
    return props


def _merge_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Two mentions of one entity in a record: the same fill-gaps rule as the graph."""
    out = dict(old)
    for p, value in new.items():
        if p in cypher.LIST_PROPERTIES:
            out[p] = list(dict.fromkeys([*out.get(p, []), *value]))
        else:
            out.setdefault(p, value)
    return out


def plan_record(record: dict[str, Any], *, keep_contact_details: bool = False) -> _Plan:
    """Check a record against the schema and turn it into parameter rows.

    Raises ``ValueError`` naming the document for an unknown relation type, or a
    relation end that is not an entity of the right kind in the record. Values are not
    checked here: Neo4j refuses what it cannot store, and the transaction rolls back.
    """
    document = record.get("document") or record.get("path") or "<record>"
    record = person_keys(record)  # namesakes at two organisations are two people

    def fail(msg: str) -> ValueError:
        return ValueError(f"{document}: {msg}")

    doc_uid = record.get("doc_uid")
    if not doc_uid or not isinstance(doc_uid, str):
        raise fail("record has no doc_uid")
    path = record.get("path") or record.get("document")
    if not path:
        raise fail("record has neither path nor document name")

    doc_props = {p: record.get(DOCUMENT_FIELD.get(p, p)) for p in NODES["Document"].properties
                 if p != "loaded_at"}
    doc_props["path"] = path
    doc_props = {k: v for k, v in doc_props.items() if v is not None}

    nodes: dict[str, list[dict[str, Any]]] = {}
    by_name: dict[str, dict[str, Any]] = {}  # record list -> {casefolded name: key}
    for list_name, label in LABEL_OF_LIST.items():
        rows: dict[Any, dict[str, Any]] = {}
        names: dict[str, Any] = {}
        for i, entity in enumerate(record.get(list_name) or []):
            if not isinstance(entity, dict):
                raise fail(f"{list_name}[{i}] is not an object")
            key = _entity_key(label, entity)
            if key is None or key == "":
                raise fail(f"{list_name}[{i}] ({entity.get('name')!r}) has no uid")
            props = _entity_props(label, entity, keep_contact_details)
            evidence = entity.get("evidence")
            if evidence is not None and not isinstance(evidence, str):
                raise fail(f"{list_name}[{i}] evidence is not a string")
            if key in rows:
                rows[key]["props"] = _merge_props(rows[key]["props"], props)
                rows[key]["evidence"] = rows[key]["evidence"] or evidence
            else:
                rows[key] = {"key": key, "props": props, "evidence": evidence or None}
            for written in (entity.get("name"), entity.get("canonical")):
                if isinstance(written, str):
                    names.setdefault(written.casefold(), key)
        for row in rows.values():
            # what the document says about the node, its quote included: the MENTIONS edge
            row["said"] = (row["props"] if row["evidence"] is None
                           else {**row["props"], "evidence": [row["evidence"]]})
        nodes[label] = list(rows.values())
        by_name[list_name] = names

    keys = {LABEL_OF_LIST[ln]: {row["key"] for row in nodes[LABEL_OF_LIST[ln]]}
            for ln in LABEL_OF_LIST}

    def end(list_name: str, uid: Any, name: Any) -> Any:
        label = LABEL_OF_LIST[list_name]
        if uid is not None:
            return uid if uid in keys[label] else None
        if isinstance(name, str):
            if name in keys[label]:  # target groups are named by their key
                return name
            return by_name[list_name].get(name.casefold())
        return None

    rels: dict[str, dict[tuple, dict[str, Any]]] = {}
    for i, rel in enumerate(record.get("relations") or []):
        if not isinstance(rel, dict):
            raise fail(f"relations[{i}] is not an object")
        rtype = rel.get("type")
        if rtype not in RELATION_ENDS:
            raise fail(f"relations[{i}] has unknown type {rtype!r} "
                       f"(known: {', '.join(RELATION_ENDS)})")
        src_list, tgt_list = RELATION_ENDS[rtype]
        source = end(src_list, rel.get("source_uid"), rel.get("source"))
        target = end(tgt_list, rel.get("target_uid"), rel.get("target"))
        for side, found, list_name in (("source", source, src_list), ("target", target, tgt_list)):
            if found is None:
                raise fail(f"relations[{i}] {rtype}: {side} "
                           f"{rel.get(side + '_uid') or rel.get(side)!r} is not one of the "
                           f"record's {list_name}")
        evidence = rel.get("evidence")
        if evidence is None:
            evidence = ""
        if not isinstance(evidence, str):
            raise fail(f"relations[{i}] {rtype}: evidence is not a string")
        props = rel.get("props") or {}
        if not isinstance(props, dict):
            raise fail(f"relations[{i}] {rtype}: props is not an object")
        props = {p: props[p] for p in RELS[rtype].properties if props.get(p) is not None}
        if RELS[rtype].undirected and str(target) < str(source):
            source, target = target, source
        row = {"source": source, "target": target, "evidence": evidence, "props": props}
        bucket = rels.setdefault(rtype, {})
        pair = (source, target)
        if pair in bucket:  # one entry per document: first quote, props fill gaps
            bucket[pair]["props"] = _merge_props(bucket[pair]["props"], props)
            if not bucket[pair]["evidence"]:
                bucket[pair]["evidence"] = evidence
        else:
            bucket[pair] = row

    rel_rows: dict[str, list[dict[str, Any]]] = {}
    for rtype, bucket in rels.items():
        rel_rows[rtype] = list(bucket.values())
        if RELS[rtype].properties:
            for row in rel_rows[rtype]:
                # values Neo4j cannot store (a nested map) are refused when r.<prop> is set
                row["doc_props"] = json.dumps(row["props"], ensure_ascii=False,
                                              sort_keys=True, default=str)

    return _Plan(document=document, doc_uid=doc_uid, path=path, doc_props=doc_props,
                 nodes={label: rows for label, rows in nodes.items() if rows},
                 rels=rel_rows)


# --- transaction functions -------------------------------------------------------------

#: the relationship types a record can state, in schema order: the relationship subqueries
#: of the writer's one batch statement (``cypher.merge_batch``)
EDGE_TYPES = tuple(rtype for rtype in RELS if rtype in RELATION_ENDS)
#: the labels a record names, in schema order: its node subqueries
NODE_LABELS = tuple(label for label in NODES if label in LABEL_OF_LIST.values())

def _run(tx: neo4j.ManagedTransaction, result: WriteResult, statement: str, **params: Any) -> list:
    res = tx.run(statement, params)
    records = list(res)
    result.add(res.consume().counters)
    return records


def relationship_props(rel_type: str, doc_props: list[str]) -> dict[str, Any]:
    """A relationship's properties from its documents' statements, in load order.

    The rule of :func:`graph.cypher.merge_batch` replayed: the first document that
    states a property sets it. Unstated properties map to ``None`` (``SET r += ...``
    removes them).
    """
    stated = [json.loads(x) for x in doc_props]
    return {p: next((s[p] for s in stated if s.get(p) is not None), None)
            for p in RELS[rel_type].properties}


def _retract_in_tx(tx: neo4j.ManagedTransaction, doc_uid: str, result: WriteResult) -> None:
    survivors = _run(tx, result, cypher.RETRACT_RELATIONSHIPS, doc_uid=doc_uid)
    rows = [{"id": rec["id"], "props": relationship_props(rec["type"], rec["doc_props"])}
            for rec in survivors
            if not rec["gone"] and rec["doc_props"] is not None and rec["type"] in RELS]
    if rows:
        _run(tx, result, cypher.UPDATE_RELATIONSHIP_PROPERTIES, rows=rows)
    touched = _run(tx, result, cypher.RETRACT_MENTIONS, doc_uid=doc_uid)
    ids = [rec["id"] for rec in touched]
    _run(tx, result, cypher.DELETE_ORPHANS, ids=ids)
    by_label: dict[str, list[str]] = {}
    for rec in touched:
        for label in rec["labels"]:
            if label in NODES:
                by_label.setdefault(label, []).append(rec["id"])
    for label, label_ids in by_label.items():
        _run(tx, result, cypher.recompute_node_properties(label), ids=label_ids)
    _run(tx, result, cypher.DELETE_DOCUMENT, doc_uid=doc_uid)
    _run(tx, result, cypher.UPDATE_PERSON_ORGANISATIONS,
         persons=[rec["uid"] for rec in touched if "Person" in rec["labels"]],
         projects=[rec["uid"] for rec in touched if "Project" in rec["labels"]])
    _run(tx, result, cypher.UPDATE_PROJECT_ORGANISATIONS,
         projects=[rec["uid"] for rec in touched if "Project" in rec["labels"]])


def _segments(plans: list[_Plan]) -> list[list[_Plan]]:
    """Consecutive runs of plans with no uid or path twice: a later version of a path (or
    the same text again) in the same batch must see the earlier one written."""
    out: list[list[_Plan]] = []
    uids: set[str] = set()
    paths: set[str] = set()
    for plan in plans:
        if not out or plan.doc_uid in uids or plan.path in paths:
            out.append([])
            uids, paths = set(), set()
        out[-1].append(plan)
        uids.add(plan.doc_uid)
        paths.add(plan.path)
    return out


def _write_plans(tx: neo4j.ManagedTransaction, plans: list[_Plan]) -> list[WriteResult]:
    """Write many documents in this transaction, with the semantics of one at a time.

    Per segment (see :func:`_segments`): documents already loaded are ``unchanged``; the
    earlier versions of the others' paths are retracted (per document, so its counters are
    its own); then every Document, every label's nodes and every relationship type is one
    statement over the rows of all documents, in load order. The counters of those shared
    statements cannot be split by document: they go to the first document written (the
    totals stay exact; a batch of one is exact per document).
    """
    results: list[WriteResult] = []
    seq = 0
    for segment in _segments(plans):
        by_uid = {plan.doc_uid: WriteResult(document=plan.document, status="new") for plan in segment}
        results.extend(by_uid.values())
        loaded: set[str] = set()
        old: dict[str, list[str]] = {}
        for rec in tx.run(cypher.DOCUMENT_STATES,
                          docs=[{"uid": plan.doc_uid, "path": plan.path} for plan in segment]):
            if rec["loaded"]:
                loaded.add(rec["doc_uid"])
            elif rec["others"]:
                old[rec["doc_uid"]] = list(rec["others"])
        for uid in loaded:
            by_uid[uid].status = "unchanged"
        todo = [plan for plan in segment if plan.doc_uid not in loaded]
        if not todo:
            continue
        for plan in todo:
            result = by_uid[plan.doc_uid]
            for old_uid in old.get(plan.doc_uid, []):
                _retract_in_tx(tx, old_uid, result)
            if plan.doc_uid in old:
                result.status = "changed"
                result.retracted = old[plan.doc_uid]
        shared = WriteResult(document="", status="new")
        docs = []
        for plan in todo:
            docs.append({"uid": plan.doc_uid, "props": {**plan.doc_props, "load_id": current_load_id()},
                         "seq": seq})
            seq += 1
        existing = set(_run(tx, shared, cypher.MERGE_DOCUMENTS, docs=docs)[0]["existing"])
        written = []
        for plan in todo:
            if plan.doc_uid not in existing:
                written.append(plan)
            else:
                # a concurrent load of the same text committed it while this one waited for
                # the Document's constraint lock: everything is written already
                by_uid[plan.doc_uid].status = "unchanged"
        if not written:
            continue
        # every label's nodes, their MENTIONS and every relationship type in one statement
        # (schema order), each node and edge once per batch (see cypher.merge_batch)
        res = _run(tx, shared, cypher.merge_batch(NODE_LABELS, EDGE_TYPES),
                   **_batch_rows(written), evidence_cap=cypher.EVIDENCE_CAP)
        row = res[0] if res else {"nodes": [0] * len(NODE_LABELS), "edges": [0] * len(EDGE_TYPES),
                                  "ordered": [True] * len(NODE_LABELS)}
        if not all(row["ordered"]):  # the edges' ends were read by position: never written so
            raise RuntimeError(f"{written[0].document}: the batch's nodes came back out of order; rolled back")
        for label, got in zip(NODE_LABELS, row["nodes"]):
            _check_written(written, label, [{"written": got}])
        for rtype, got in zip(EDGE_TYPES, row["edges"]):
            _check_written(written, rtype, [{"written": got}])
        # Person.n_organisations and Project.org_nums: kept by the same statement
        first = by_uid[written[0].doc_uid]
        first.nodes_created += shared.nodes_created
        first.relationships_created += shared.relationships_created
        first.relationships_deleted += shared.relationships_deleted
        first.nodes_deleted += shared.nodes_deleted
    return results


def _batch_rows(plans: list[_Plan]) -> dict[str, Any]:
    """The parameters of ``cypher.merge_batch`` for these documents (in load order):
    ``uids``, ``nodes`` (per label, one row per node), ``edges`` (per type, one row per
    relationship, its ends as positions in their labels' rows) and ``quotes``."""
    said: dict[str, int] = {}
    statements: list[dict[str, Any]] = []
    nodes = {label: _node_rows(plans, label, said, statements) for label in NODE_LABELS}
    position = {label: {row["key"]: i for i, row in enumerate(rows)} for label, rows in nodes.items()}
    quotes: dict[str, int] = {}
    edges = {rtype: _edge_rows(plans, rtype, position[RELS[rtype].source],
                               position[RELS[rtype].target], quotes)
             for rtype in EDGE_TYPES}
    return {"uids": [plan.doc_uid for plan in plans], "nodes": nodes, "edges": edges,
            "quotes": list(quotes), "said": statements}


def _node_rows(plans: list[_Plan], label: str, said: dict[str, int],
               statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The batch's rows of one label, one per node: ``props``, what its documents state
    folded in load order (the rule of one document at a time: a scalar from the first that
    states it, lists as a union in first-seen order; ``None`` when that is what the first
    mention states), and ``mentions``, the ``[index of the document in plans, index of
    what it said in statements]`` of every document naming it (``said``: canonical JSON
    -> index in ``statements``, both grown here; see ``cypher.merge_batch``)."""
    def said_index(stated: dict[str, Any]) -> int:
        try:  # equal statements (a value's type included) are sent once
            text = json.dumps(stated, ensure_ascii=False, sort_keys=True,
                              default=lambda o: f"{type(o).__qualname__}:{o!r}")
        except (TypeError, ValueError):  # not comparable as JSON: sent as it is
            text = f"\0{len(said)}"
        i = said.get(text)
        if i is None:
            i = said[text] = len(said)
            statements.append(stated)
        return i

    rows: dict[Any, dict[str, Any]] = {}
    first: dict[Any, dict[str, Any]] = {}
    for i, plan in enumerate(plans):
        for row in plan.nodes.get(label, ()):
            node = rows.get(row["key"])
            if node is None:
                rows[row["key"]] = {"key": row["key"], "props": None,
                                    "mentions": [[i, said_index(row["said"])]]}
                first[row["key"]] = row["props"]
            else:
                folded = _merge_props(node["props"] or first[row["key"]], row["props"])
                # what the first document said (its "said" holds the same properties) unless
                # a later one filled a gap
                node["props"] = None if folded == first[row["key"]] else folded
                node["mentions"].append([i, said_index(row["said"])])
    return list(rows.values())


def _edge_rows(plans: list[_Plan], rtype: str, sources: dict[Any, int], targets: dict[Any, int],
               quotes: dict[str, int]) -> list[dict[str, Any]]:
    """The batch's rows of one relationship type, one per edge: its ends as positions in
    their labels' node rows (``sources``, ``targets``: key -> position), the indexes of the
    documents that state it (load order) and of their quotes in ``quotes`` (quote -> index,
    grown here), see ``cypher.merge_batch``."""
    with_props = bool(RELS[rtype].properties)
    edges: dict[tuple, dict[str, Any]] = {}
    for i, plan in enumerate(plans):
        for row in plan.rels.get(rtype, ()):
            pair = (row["source"], row["target"])
            edge = edges.get(pair)
            if edge is None:
                edge = edges[pair] = {"source": sources[row["source"]], "target": targets[row["target"]],
                                      "docs": [], "evidence": []}
                if with_props:
                    edge["doc_props"], edge["props"] = [], []
            edge["docs"].append(i)
            quote = quotes.get(row["evidence"])
            if quote is None:
                quote = quotes[row["evidence"]] = len(quotes)
            edge["evidence"].append(quote)
            if with_props:
                edge["doc_props"].append(row["doc_props"])
                edge["props"].append(row["props"])
    return list(edges.values())


def _check_written(plans: list[_Plan], what: str, counts: list) -> None:
    """Refuse (roll back) a batch where a statement wrote fewer rows than it was sent: an
    end that did not MATCH. The statements return one total (not a row per document), so
    a batch of many names its documents; :func:`write_records` then writes them one per
    transaction, where the one that fails is named alone."""
    got = counts[0]["written"] if counts else 0
    want = sum(len(plan.nodes.get(what, ())) if what in NODES else len(plan.rels.get(what, ()))
               for plan in plans)
    if got != want:
        # an end that did not MATCH: refuse rather than drop facts silently
        who = plans[0].document if len(plans) == 1 else f"{len(plans)} documents from {plans[0].document}"
        raise RuntimeError(f"{who}: wrote {got} of {want} {what} rows; rolled back")


# --- public API ------------------------------------------------------------------------

#: documents per transaction in :func:`write_records`
DEFAULT_BATCH_SIZE = 100


def _connection_error(exc: BaseException) -> bool:
    from graph.connection import DatabaseUnavailable
    return isinstance(exc, (DatabaseUnavailable, neo4j.exceptions.ServiceUnavailable,
                            neo4j.exceptions.SessionExpired, neo4j.exceptions.AuthError))


def _failed(document: str, exc: BaseException) -> WriteResult:
    return WriteResult(document=document, status="failed", error=exc)


def write_records(driver: neo4j.Driver, records: list[dict[str, Any]], *,
                  keep_contact_details: bool = False, batch_size: int = DEFAULT_BATCH_SIZE,
                  database: str | None = None) -> list[WriteResult]:
    """Write many records, ``batch_size`` documents per transaction; one result per record.

    The same per-document semantics as :func:`write_record` (unchanged skipped, a new
    version of a path replaces the old one, facts and properties in load order). A record
    that does not fit the schema fails alone (status ``"failed"``, the exception in
    ``error``) without touching the database. When a batch's transaction fails (after the
    driver's retries of transient errors), its documents are written again one per
    transaction (:func:`write_record`), so a bad document fails alone and nothing of it is written. A lost
    connection or refused credentials are raised (``written`` on the exception: the
    results of the records before the failing one).
    """
    # the cyclic garbage collector off while a batch is planned and sent: the records and
    # their parameter rows are many small containers and no cycles, and its passes over
    # them took a tenth of the writer's time (reference counting still frees everything)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _write_records(driver, records, keep_contact_details=keep_contact_details,
                              batch_size=batch_size, database=database)
    finally:
        if collecting:
            gc.enable()


def _write_records(driver: neo4j.Driver, records: list[dict[str, Any]], *,
                   keep_contact_details: bool, batch_size: int, database: str | None) -> list[WriteResult]:
    from graph.erasure import suppress_erased

    records = suppress_erased(driver, records, database=database)  # erased persons stay out
    results: list[WriteResult | None] = [None] * len(records)
    plans: list[tuple[int, _Plan]] = []
    for i, record in enumerate(records):
        try:
            plans.append((i, plan_record(record, keep_contact_details=keep_contact_details)))
        except Exception as exc:  # noqa: BLE001 - ValueError, or a record that is not one
            document = (record.get("document") or record.get("path") or "<record>"
                        if isinstance(record, dict) else "<record>")
            results[i] = _failed(str(document), exc)

    size = max(1, batch_size)
    db_kw = {} if database is None else {"database": database}
    for start in range(0, len(plans), size):
        batch = plans[start:start + size]
        try:
            with driver.session(database=database_name(database)) as session:
                written = session.execute_write(_write_plans, [plan for _, plan in batch])
        except Exception as exc:  # noqa: BLE001 - written again one by one below
            if _connection_error(exc):
                exc.written = [r for r in results[:batch[0][0]] if r is not None]
                raise
            for i, plan in batch:
                try:
                    results[i] = write_record(driver, records[i],
                                              keep_contact_details=keep_contact_details, **db_kw)
                except Exception as one:  # noqa: BLE001 - rolled back: nothing of it written
                    if _connection_error(one):
                        one.written = [r for r in results[:i] if r is not None]
                        raise
                    results[i] = _failed(plan.document, one)
        else:
            for (i, _), result in zip(batch, written):
                results[i] = result
    return results  # type: ignore[return-value]


def write_record(driver: neo4j.Driver, record: dict[str, Any], *,
                 keep_contact_details: bool = False, database: str | None = None) -> WriteResult:
    """Write one extraction record in one transaction; see the module docstring.

    Raises ``ValueError`` (nothing written) when the record does not fit the schema;
    any failure while writing rolls back the whole document.
    """
    from graph.erasure import suppress_erased

    record = suppress_erased(driver, [record], database=database)[0]  # erased persons stay out
    plan = plan_record(record, keep_contact_details=keep_contact_details)
    with driver.session(database=database_name(database)) as session:
        return session.execute_write(_write_plans, [plan])[0]


def retract_document(driver: neo4j.Driver, path_or_uid: str, *,
                     database: str | None = None) -> WriteResult:
    """Remove every loaded version of a document (by path or uid) and the facts only it supports.

    Its entries leave ``doc_uids``/``evidence`` of every relationship; relationships left
    with no document go (reference edges stay); its MENTIONS go; nodes left unmentioned
    and unconnected go (reference nodes stay); the others' properties are recomputed from
    the remaining documents. ``status`` is ``"retracted"`` or ``"absent"``.
    """
    def work(tx: neo4j.ManagedTransaction) -> WriteResult:
        result = WriteResult(document=path_or_uid, status="absent")
        uids = [rec["uid"] for rec in tx.run(cypher.FIND_DOCUMENTS, key=path_or_uid)]
        for uid in uids:
            _retract_in_tx(tx, uid, result)
        if uids:
            result.status = "retracted"
            result.retracted = uids
        return result

    with driver.session(database=database_name(database)) as session:
        return session.execute_write(work)


REDACTED = "[removed]"


def _redact_value(value: Any, pattern: re.Pattern[str]) -> Any:
    if isinstance(value, str):
        return pattern.sub(REDACTED, value)
    if isinstance(value, list):
        return [_redact_value(v, pattern) for v in value]
    return value


def _java_literal(text: str) -> str:
    """``text`` as a literal inside a Java regular expression (``\\Q...\\E``)."""
    return "\\Q" + text.replace("\\E", "\\E\\\\E\\Q") + "\\E"


def _needles(name: str, emails: list[str], phones: list[str]) -> tuple[list[str], list[str]]:
    """The person's identifying strings as (Java, Python) regex alternatives.

    The name matches with any run of whitespace (also a line break) between its words;
    a phone number matches its digits with any spaces or dashes between them.
    """
    java, py = [], []
    parts = name.split()
    # a whole name: not inside a longer word ("Anna" is not in "Hannah", "Berg" not in
    # "Bergström"), but with a genitive -s ("Anna Bergs projekt")
    java.append(r"(?<!\w)" + r"\s+".join(_java_literal(p) for p in parts) + r"s?(?!\w)")
    py.append(r"(?<!\w)" + r"\s+".join(re.escape(p) for p in parts) + r"s?(?!\w)")
    for email in dict.fromkeys(e.strip() for e in emails if e.strip()):
        java.append(_java_literal(email))
        py.append(re.escape(email))
    for phone in dict.fromkeys(phones):
        digits = re.sub(r"\D", "", phone)
        if len(digits) >= 5:
            java.append(r"[\s-]*".join(digits))
            py.append(r"[\s-]*".join(digits))
    return java, py


def forget_person(driver: neo4j.Driver, name: str, *, database: str | None = None) -> dict[str, int]:
    """Erase a person: their nodes, their relationships, and their name everywhere.

    Deletes every ``Person`` whose name is ``name`` (case-insensitive, any whitespace) or
    whose uid is its slug, with all its relationships. Then every evidence quote that names
    them (the name, or an e-mail address or phone number stored for them) becomes
    ``"[removed]"``; the document uid beside it stays, so the provenance of the edge is
    still known. Last, the name and contact details are replaced by ``"[removed]"`` inside
    any other string or string-list property of any node or relationship (a project
    summary, a document title). One transaction: all of it or nothing.

    The source files are not touched: loading them again brings the person back.

    >>> forget_person(driver, "Dorota Calus")
    {'persons': 1, 'relationships': 3, 'quotes': 2, 'nodes_redacted': 0, 'relationships_redacted': 0}
    """
    from loaders.record import slug

    clean = " ".join(name.split())
    if not clean:
        raise ValueError("forget_person needs a name")
    exact = "(?iuU)\\s*" + r"\s+".join(_java_literal(p) for p in clean.split()) + "\\s*"

    def work(tx: neo4j.ManagedTransaction) -> dict[str, int]:
        contacts = tx.run(cypher.FORGET_PERSON_CONTACTS, uid=slug(clean), exact=exact).single()
        deleted = tx.run(cypher.FORGET_PERSON_NODES, uid=slug(clean), exact=exact).single()
        return {"persons": deleted["persons"], "relationships": deleted["relationships"] or 0,
                **redact_name(tx, clean, contacts["emails"], contacts["phones"])}

    with driver.session(database=database_name(database)) as session:
        return session.execute_write(work)


def redact_name(tx: neo4j.ManagedTransaction, name: str, emails, phones) -> dict[str, int]:
    """Inside one erasure's transaction: every evidence quote naming ``name`` (or one of the
    e-mail addresses and phone numbers) becomes ``"[removed]"``, and the name is replaced by
    ``"[removed]"`` inside every other text property of any node or relationship. Counts."""
    java, py = _needles(name, emails, phones)
    contains = "(?isuU).*(?:" + "|".join(java) + ").*"
    pattern = re.compile("|".join(py), re.IGNORECASE)
    quotes = tx.run(cypher.FORGET_EVIDENCE, contains=contains).single()
    counts = {"quotes": quotes["quotes"] or 0}
    for kind, find, update in (
        ("nodes_redacted", cypher.FIND_NODES_NAMING, cypher.UPDATE_NODE_PROPERTIES),
        ("relationships_redacted", cypher.FIND_RELATIONSHIPS_NAMING, cypher.UPDATE_RELATIONSHIP_PROPERTIES),
    ):
        rows = []
        for rec in tx.run(find, contains=contains):
            # other people whose name contains this one's are other people
            keep = ("uid", "name") if "Person" in (rec["labels"] or ()) else ()
            props = {k: v if k in keep else _redact_value(v, pattern) for k, v in rec["props"].items()}
            changed = {k: v for k, v in props.items() if v != rec["props"][k]}
            if changed:
                rows.append({"id": rec["id"], "props": changed})
        if rows:
            tx.run(update, rows=rows).consume()
        counts[kind] = len(rows)
    return counts
