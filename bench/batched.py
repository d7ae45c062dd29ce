"""An experiment, not a writer: the project's writer statements, batched across documents.

``graph.writer`` sends about 15 statements and one commit per document. Its statements
already ``UNWIND`` the rows of one document; this module runs the same statements (text
derived from ``graph.cypher``, with ``$doc_uid`` moved into each row) over the rows of many
*new* documents at once, one transaction per batch - to measure how far that design is
from the goal of 30x the naive baseline. It skips what a real writer must keep: the
unchanged check, the retraction of an earlier version of a changed file, per-document
rollback and the written-row checks. Use it only on documents known to be new.
"""
from __future__ import annotations

import re

from graph import cypher
from graph.connection import database_name
from graph.schema import RELS
from graph.writer import plan_record

_DOCS = """
UNWIND $docs AS doc
MERGE (d:Document {uid: doc.uid})
ON CREATE SET d += doc.props, d.loaded_at = datetime()
"""


def _per_row(statement: str) -> str:
    s = statement.replace("MATCH (d:Document {uid: $doc_uid})\nUNWIND $rows AS row\n",
                          "UNWIND $rows AS row\nMATCH (d:Document {uid: row.doc_uid})\n")
    s = s.replace("$doc_uid", "row.doc_uid")
    if "$doc_uid" in s or not re.search(r"UNWIND \$rows AS row", s):
        raise RuntimeError("graph.cypher changed shape; bench/batched.py needs updating")
    return s


def write_batch(driver, records: list[dict], *, database: str | None = None) -> None:
    plans = [plan_record(r) for r in records]
    nodes: dict[str, list] = {}
    rels: dict[str, list] = {}
    for p in plans:
        for label, rows in p.nodes.items():
            nodes.setdefault(label, []).extend({**row, "doc_uid": p.doc_uid} for row in rows)
        for rtype, rows in p.rels.items():
            rels.setdefault(rtype, []).extend({**row, "doc_uid": p.doc_uid} for row in rows)

    def work(tx):
        tx.run(_DOCS, docs=[{"uid": p.doc_uid, "props": p.doc_props} for p in plans]).consume()
        for label, rows in nodes.items():
            tx.run(_per_row(cypher.merge_nodes(label)), rows=rows).consume()
        for rtype in RELS:
            if rels.get(rtype):
                tx.run(_per_row(cypher.merge_relationships(rtype)), rows=rels[rtype]).consume()

    with driver.session(database=database_name(database)) as session:
        session.execute_write(work)


def load_batched(driver, records: list[dict], batch: int = 100) -> None:
    for i in range(0, len(records), batch):
        write_batch(driver, records[i:i + batch])
