"""People's decisions in the graph: merge candidates, and replaying the decisions file.

Decisions (``loaders.decisions``) act where every record is resolved (``loaders.resolve``),
so a document loaded after a decision is written resolved. The documents already in the
graph are written again: :func:`replay` compares the decisions of the file with the ones
the graph has applied (``(:ResolutionDecision {key})``, one node per applied decision), and
for the decisions added or removed since it re-extracts the documents that mention either
organisation from their files and writes them again (retract, then write: their facts,
evidence and MENTIONS move to the resolved node). Running it again finds nothing to do
(idempotent). ``samverkan merge``/``split`` call it after appending their line, and every
``samverkan load`` calls it after writing, so a decisions file edited by hand or pulled from
a colleague takes effect at the next load.

A document whose file is gone cannot be re-extracted: it is reported and keeps its old
resolution until it is loaded again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import neo4j
from neo4j import RoutingControl

from graph.connection import database_name
from loaders import decisions as D

ORG_NODES = """
MATCH (o:Organization)
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(o)
WITH o, collect(DISTINCT d.path) AS docs
OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
WITH o, docs, collect(DISTINCT m.name) AS seats
OPTIONAL MATCH (o)-[:OWNS|PARTNER_IN|FUNDS]->(p:Project)
OPTIONAL MATCH (p)-[:ACTIVE_IN]->(pm:Municipality)
WITH o, docs, seats, collect(DISTINCT p.name) AS projects, collect(DISTINCT pm.name) AS active
RETURN o.uid AS uid, o.name AS name, o.kind AS kind, coalesce(o.aliases, []) AS aliases,
       coalesce(o.reference, false) AS reference, docs[..20] AS documents, size(docs) AS n_documents,
       seats + [x IN active WHERE NOT x IN seats] AS places, projects
"""

FIND_ORG = """
MATCH (o:Organization)
WHERE o.uid = $key OR toLower(o.name) = toLower($key)
   OR any(a IN coalesce(o.aliases, []) WHERE toLower(a) = toLower($key))
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(o)
RETURN o.uid AS uid, o.name AS name, o.kind AS kind, coalesce(o.aliases, []) AS aliases,
       coalesce(o.reference, false) AS reference, count(d) AS n_documents,
       CASE WHEN o.uid = $key THEN 0 WHEN toLower(o.name) = toLower($key) THEN 1 ELSE 2 END AS rank
ORDER BY rank, n_documents DESC
"""

DOCUMENTS_OF = """
UNWIND $uids AS uid
MATCH (d:Document)-[:MENTIONS]->(o:Organization)
WHERE (o.uid = uid OR o.uid STARTS WITH uid + '/') AND NOT d.uid IN $skip
RETURN DISTINCT d.uid AS uid, d.path AS path
"""

APPLIED = "MATCH (x:ResolutionDecision) RETURN x.key AS key, x.uid AS uid, x.other_uid AS other_uid"
SET_APPLIED = """
MATCH (x:ResolutionDecision) WHERE NOT x.key IN [r IN $rows | r.key] DELETE x
WITH count(*) AS _
UNWIND $rows AS r
MERGE (x:ResolutionDecision {key: r.key})
SET x += r
"""


def _db(database: str | None) -> str:
    return database_name(database)


def org_nodes(driver: neo4j.Driver, *, database: str | None = None) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(ORG_NODES, routing_=RoutingControl.READ, database_=_db(database))
    return [dict(r) for r in records]


def find_org(driver: neo4j.Driver, key: str, *, database: str | None = None) -> list[dict[str, Any]]:
    """The organisation nodes a uid, name or alias names (best first)."""
    records, _, _ = driver.execute_query(FIND_ORG, key=key, routing_=RoutingControl.READ, database_=_db(database))
    return [dict(r) for r in records]


def candidates(driver: neo4j.Driver, decisions: D.Decisions | None = None, *, limit: int | None = None,
               database: str | None = None):
    from loaders.resolve import merge_candidates

    return merge_candidates(org_nodes(driver, database=database),
                            decisions if decisions is not None else D.current(), limit=limit)


@dataclass
class ReplayResult:
    added: int = 0
    removed: int = 0
    documents: int = 0
    rewritten: int = 0
    missing: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)

    def line(self) -> str:
        if not self.changed:
            return "decisions: nothing new to replay"
        out = (f"decisions: {self.added} new, {self.removed} withdrawn; {self.rewritten} of "
               f"{self.documents} affected documents written again")
        if self.missing:
            out += f"; {len(self.missing)} could not be read again (their files are gone)"
        return out


def _reread(path: str, keep_contact_details: bool) -> dict | str | None:
    """The document at a stored path (``file#row-N`` for a spreadsheet row), extracted and
    resolved as a load would; None when its file is gone."""
    from loaders.pipeline import _extract, document_key
    from loaders.readers import ReadError, iter_documents

    file = path.split("#row-")[0] if "#row-" in path else path
    if not Path(file).exists():
        return None
    for doc in iter_documents([file]):
        if isinstance(doc, ReadError):
            return str(doc)
        if document_key(doc) == path:
            return _extract(doc, keep_contact_details)
    return None


def rewrite_documents(driver: neo4j.Driver, docs: list[dict[str, str]], *, keep_contact_details: bool = False,
                      progress: Callable[[str], None] | None = None, database: str | None = None,
                      result: ReplayResult | None = None) -> ReplayResult:
    """Re-extract each document from its file and write it again (retract, then write)."""
    from graph import writer

    result = result or ReplayResult()
    result.documents += len(docs)
    for d in docs:
        record = _reread(d["path"], keep_contact_details)
        if record is None:
            result.missing.append(d["path"])
            continue
        if isinstance(record, str):
            result.errors.append(record)
            continue
        writer.retract_document(driver, d["uid"], database=database)
        out = writer.write_records(driver, [record], keep_contact_details=keep_contact_details, database=database)
        if out and out[0].status == "failed":
            result.errors.append(f"{d['path']}: not written again ({out[0].error})")
        else:
            result.rewritten += 1
        if progress:
            progress(d["path"])
    return result


def replay(driver: neo4j.Driver, decisions: D.Decisions | None = None, *, keep_contact_details: bool = False,
           progress: Callable[[str], None] | None = None, database: str | None = None,
           skip: set[str] | frozenset[str] = frozenset()) -> ReplayResult:
    """Bring the graph in line with the decisions: the documents of every decision added or
    withdrawn since the last replay are written again; then the applied set is recorded.
    ``skip``: uids of documents just written, resolved with these decisions already (a
    load's own replay leaves them alone)."""
    decisions = decisions if decisions is not None else D.current()
    records, _, _ = driver.execute_query(APPLIED, routing_=RoutingControl.READ, database_=_db(database))
    applied = {r["key"]: (r["uid"], r["other_uid"]) for r in records}
    wanted = {d.key: d for d in decisions.rows}
    added = [d for k, d in wanted.items() if k not in applied]
    removed = [v for k, v in applied.items() if k not in wanted]
    result = ReplayResult(added=len(added), removed=len(removed))
    if not added and not removed:
        return result
    uids = sorted({u for d in added for u in (d.uid, d.other_uid)} | {u for pair in removed for u in pair if u})
    docs, _, _ = driver.execute_query(DOCUMENTS_OF, uids=uids, skip=sorted(skip),
                                      routing_=RoutingControl.READ, database_=_db(database))
    rewrite_documents(driver, [dict(r) for r in docs], keep_contact_details=keep_contact_details,
                      progress=progress, database=database, result=result)
    rows = [{"key": d.key, "decision": d.decision, "uid": d.uid, "other_uid": d.other_uid,
             "who": d.who, "when": d.when} for d in decisions.rows]
    driver.execute_query(SET_APPLIED, rows=rows, database_=_db(database))
    return result


def stats(driver: neo4j.Driver, decisions: D.Decisions | None = None, *, database: str | None = None) -> dict:
    """Candidate count and decisions applied: for watching a growing graph."""
    decisions = decisions if decisions is not None else D.current()
    records, _, _ = driver.execute_query(APPLIED, routing_=RoutingControl.READ, database_=_db(database))
    applied = {r["key"] for r in records}
    cands = candidates(driver, decisions, database=database)
    nodes = org_nodes(driver, database=database)
    return {
        "organisations": len(nodes),
        "candidates": len(cands),
        "merges": len(decisions.merges),
        "splits": len(decisions.splits),
        "merges_applied": sum(1 for d in decisions.merges if d.key in applied),
        "splits_applied": sum(1 for d in decisions.splits if d.key in applied),
        "pending": sum(1 for d in decisions.rows if d.key not in applied),
        "local_mentions": sum(1 for n in nodes if "~" in (n["uid"] or "")),
    }
