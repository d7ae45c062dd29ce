"""The naive baseline writer: one auto-commit ``MERGE`` per node and per relationship.

It writes the same data as :func:`graph.writer.write_record` - the Document, every entity
with its properties, a ``MENTIONS`` edge per entity, every relation with this document's
provenance (``doc_uids``, ``evidence``) and properties - but the way a first script would:
one statement and one transaction (auto-commit) per node and per relationship, values
still passed as parameters (no query-plan cache misses, which would make it far slower
still). The rows come from the writer's own planner (``graph.writer.plan_record``), so both
sides write exactly the same facts.
"""
from __future__ import annotations

from graph.connection import database_name
from graph.schema import NODES, RELS
from graph.writer import plan_record


def _q(name: str) -> str:
    return f"`{name}`"


# the documents of a node are its MENTIONS edges (the writer keeps no list on the node)
_NODE = {label: f"MERGE (n:{_q(label)} {{{_q(n.key)}: $key}}) SET n += $props"
         for label, n in NODES.items()}
_MENTION = {label: (f"MATCH (d:Document {{uid: $doc_uid}}) MATCH (n:{_q(label)} {{{_q(n.key)}: $key}}) "
                    f"MERGE (d)-[m:MENTIONS]->(n) SET m = $props, m.evidence = $evidence")
            for label, n in NODES.items()}
_REL = {}
for _t, _r in RELS.items():
    if _r.source == "*" or _r.target == "*" or not _r.extracted:
        continue
    _s, _g = NODES[_r.source], NODES[_r.target]
    _REL[_t] = (f"MATCH (a:{_q(_s.label)} {{{_q(_s.key)}: $source}}) "
                f"MATCH (b:{_q(_g.label)} {{{_q(_g.key)}: $target}}) "
                f"MERGE (a)-[r:{_q(_t)}]->(b) "
                f"SET r += $props, r.doc_uids = coalesce(r.doc_uids, []) + $doc_uid, "
                f"r.evidence = coalesce(r.evidence, []) + $evidence")


def write_naive(session, record: dict) -> int:
    """Write one record statement by statement (each its own auto-commit transaction).

    Returns the number of statements sent.
    """
    plan = plan_record(record)
    n = 0
    session.run("MERGE (d:Document {uid: $uid}) SET d += $props, d.loaded_at = datetime()",
                uid=plan.doc_uid, props=plan.doc_props).consume()
    n += 1
    for label, rows in plan.nodes.items():
        for row in rows:
            session.run(_NODE[label], key=row["key"], props=row["props"], doc_uid=plan.doc_uid).consume()
            session.run(_MENTION[label], doc_uid=plan.doc_uid, key=row["key"], props=row["props"],
                        evidence=None if row.get("evidence") is None else [row["evidence"]]).consume()
            n += 2
    for rtype, rows in plan.rels.items():
        for row in rows:
            session.run(_REL[rtype], source=row["source"], target=row["target"], props=row["props"],
                        doc_uid=plan.doc_uid, evidence=row["evidence"]).consume()
            n += 1
    return n


def load_naive(driver, records: list[dict], database: str | None = None) -> int:
    statements = 0
    with driver.session(database=database_name(database)) as session:
        for rec in records:
            statements += write_naive(session, rec)
    return statements
