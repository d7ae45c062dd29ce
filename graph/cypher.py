"""All Cypher text of the writer, the reference loader and the test fixtures.

Values always travel as parameters (``$rows``, ``$doc_uid``, ...). Labels,
relationship types and property names cannot be parameters in Cypher, so the
statements that need them are generated from :mod:`graph.schema` — a whitelist,
never user input — and every generated name is checked and back-quoted.

Provenance, as stored:

* ``(d:Document)-[m:MENTIONS]->(n)`` for every entity a document names; ``m`` carries
  the properties that document stated for ``n`` (so node properties can be recomputed
  when a document is retracted) and, when the record gives one, ``m.evidence``: a
  one-element list with the quote where the document names it (a list like ``r.evidence``).
  Nodes carry no list of their documents: a hub node (mentioned by most documents) would
  be rewritten with an ever longer list by every document, and the transaction log grows
  quadratically; the MENTIONS edges are that list.
* every extracted relationship ``r`` has parallel lists: ``r.doc_uids`` (documents
  stating it), ``r.evidence`` (the quote from each, ``""`` when there was none) and, for
  types with properties (role, amount_sek), ``r.doc_props`` (what each document stated,
  as a JSON object string; Cypher lists cannot hold maps or nulls), from which ``r.role``
  etc. are recomputed when a document is retracted. ``r.evidence`` is capped at
  :data:`EVIDENCE_CAP` quotes (a hub edge such as LOCATED_IN can be stated by thousands of
  documents, and every statement rewrites the whole list): it stays a *prefix* aligned
  with ``r.doc_uids`` (``r.evidence[i]`` is the quote of ``r.doc_uids[i]``), may be shorter,
  and a quote is only appended while the two lists have the same length, so the
  alignment survives retraction. ``size(r.doc_uids)`` is the number of documents.
* reference data (``loaders/reference.py``) is marked ``reference: true`` on nodes and
  relationships; retraction never deletes it.
"""
from __future__ import annotations

import re
from functools import cache

from graph.schema import NAME_KEY_LABELS, NODES, RELS

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

#: at most this many evidence quotes are kept on a relationship (see the module docstring)
EVIDENCE_CAP = 20

#: prefix of the writer's batch statements. Their plans are index seeks on the label keys'
#: uniqueness constraints whatever the statistics say, but a graph growing under a load
#: changes the statistics enough that Neo4j re-plans every one of them again and again
#: (after a wipe: all of them within the first few batches, ~1 s of planning);
#: ``replan=skip`` keeps the cached plan. (A schema change still clears the plan cache.)
BATCH = "CYPHER replan=skip"

#: node properties with set-union semantics (lists); all others are scalars
LIST_PROPERTIES = frozenset({"aliases", "roles"})


def q(name: str) -> str:
    """Back-quote a schema name for Cypher text, refusing anything that is not an identifier."""
    if not _NAME.match(name):
        raise ValueError(f"not a schema identifier: {name!r}")
    return f"`{name}`"


def name_keys(var: str) -> str:
    """SET items that keep ``var``'s case-insensitive lookup keys current (see
    ``graph.schema.NAME_KEY_LABELS``): ``name_key`` is ``toLower(name)``, ``alias_keys`` the
    lower-cased aliases, absent (null) when the node has none. For a ``SET`` clause of its
    own after the one that changes ``name`` or ``aliases``, so it reads their new values."""
    v = q(var)
    # a RANGE index holds keys of at most ≈8 kB: a name over 1,000 characters gets no key, and
    # only the first 25 aliases of at most 120 characters are keyed (a hostile or garbled value
    # is stored verbatim but found only by its exact spelling, never fails the write)
    return (f"{v}.name_key = CASE WHEN size({v}.name) <= 1000 THEN toLower({v}.name) END, "
            f"{v}.alias_keys = CASE WHEN size([a IN coalesce({v}.aliases, []) WHERE size(a) <= 120]) > 0 "
            f"THEN [a IN [a IN {v}.aliases WHERE size(a) <= 120][..25] | toLower(a)] END")


def project_years(var: str) -> str:
    """The SET item that keeps a project's ``start_year`` current: the year of its ``start``
    as ``queries/projects_by_period`` reads it, ``toInteger(left(toString(start), 4))``
    (absent when that is null); indexed, so the query walks the dated projects in the order
    it sorts them by."""
    v = q(var)
    return f"{v}.start_year = toInteger(left(toString({v}.start), 4))"


def org_num(var: str) -> str:
    """``Organization.num``, a small integer unique among the organisations: the number in
    the node's element id when it is created (dense, so a project's ``org_nums`` list is a
    few bytes stored with the node, read ≈ 4× faster than a list of uid strings). Never
    exported (``graph.export``): an import gets new numbers from ``init_schema``."""
    return f"toInteger(last(split(elementId({q(var)}), ':')))"


#: the labels of ``NAME_KEY_LABELS`` as a predicate on ``n`` (statements for any label)
_HAS_NAME_KEYS = " OR ".join(f"n:{q(label)}" for label in NAME_KEY_LABELS)


def _label(label: str) -> str:
    if label not in NODES:
        raise ValueError(f"unknown label {label!r}")
    return q(label)


def _rel(rel_type: str) -> str:
    if rel_type not in RELS:
        raise ValueError(f"unknown relationship type {rel_type!r}")
    return q(rel_type)


# --- documents ---------------------------------------------------------------------------

DOCUMENT_EXISTS = "MATCH (d:Document {uid: $doc_uid}) RETURN count(d) > 0 AS exists"

#: other versions of the same file: same path, another content hash
OTHER_VERSIONS = """
MATCH (d:Document {path: $path}) WHERE d.uid <> $doc_uid
RETURN d.uid AS uid ORDER BY properties(d).loaded_at, d.uid
"""

#: MERGE, not CREATE: a concurrent loader of the same text then waits and re-uses it
MERGE_DOCUMENT = """
MERGE (d:Document {uid: $doc_uid})
ON CREATE SET d += $props, d.loaded_at = datetime(), d.display_name = coalesce($props.name, $props.title, $props.path)
"""

#: for each of $docs ({uid, path}, no uid or path twice): whether it is loaded, and if not
#: the other loaded versions of its path, oldest first (one statement, not two: a batch's
#: first round trip)
DOCUMENT_STATES = BATCH + """
UNWIND $docs AS doc
OPTIONAL MATCH (d:Document {uid: doc.uid})
WITH doc, d IS NOT NULL AS loaded
OPTIONAL MATCH (o:Document {path: doc.path}) WHERE NOT loaded AND o.uid <> doc.uid
WITH doc, loaded, o ORDER BY properties(o).loaded_at, o.uid
RETURN doc.uid AS doc_uid, loaded, collect(o.uid) AS others
"""

#: ``Document.display_name`` is what the curated queries show and sort a document by,
#: ``coalesce(name, title, path)``: set when the document is created (its properties never
#: change after, but for an erasure's redaction: ``UPDATE_NODE_PROPERTIES``), indexed, so that
#: ``documents_mentioning_actor`` can walk the documents in that order
#:
#: many Documents at once ($docs: {uid, props, seq}); ``loaded_at`` grows with ``seq`` so
#: the documents of one transaction keep their load order. ``created`` is false for a
#: document a concurrent loader committed first (MERGE waited for it and matched it): one
#: row, ``existing``, the uids of those (usually none; one row, not one per document).
MERGE_DOCUMENTS = BATCH + """
WITH datetime() AS now
UNWIND $docs AS doc
WITH doc, now + duration({nanoseconds: doc.seq}) AS at
MERGE (d:Document {uid: doc.uid})
ON CREATE SET d += doc.props, d.loaded_at = at, d.display_name = coalesce(doc.props.name, doc.props.title, doc.props.path)
RETURN collect(CASE WHEN d.loaded_at <> at THEN doc.uid END) AS existing
"""

FIND_DOCUMENTS = """
MATCH (d:Document) WHERE d.uid = $key OR d.path = $key
RETURN d.uid AS uid ORDER BY properties(d).loaded_at, d.uid
"""


_SEP = ",\n    "


def _node_set_items(label: str) -> tuple[list[str], list[str], str]:
    """The ``ON CREATE``, ``ON MATCH`` and trailing ``SET`` items of a label's node MERGE,
    reading the stated properties from the map ``props`` (see :func:`merge_batch`)."""
    node = NODES[label]
    on_create, on_match = [], []
    for p in node.properties:
        if p in LIST_PROPERTIES:
            on_create.append(f"n.{q(p)} = coalesce(props.{q(p)}, [])")
            value = (f"coalesce(n.{q(p)}, []) + "
                     f"[x IN coalesce(props.{q(p)}, []) WHERE NOT x IN coalesce(n.{q(p)}, [])]")
        else:
            on_create.append(f"n.{q(p)} = props.{q(p)}")
            value = f"coalesce(n.{q(p)}, props.{q(p)})"
        # reference data is authoritative: documents never change a reference node's
        # properties (so retracting them restores it exactly); MENTIONS keeps what they said
        on_match.append(f"n.{q(p)} = CASE WHEN coalesce(n.reference, false) THEN n.{q(p)} "
                        f"ELSE {value} END")
    keys = f"\nSET {name_keys('n')}" if label in NAME_KEY_LABELS else ""
    if label == "Organization":
        keys += f", n.num = coalesce(n.num, {org_num('n')})"
    if label == "Project":  # org_nums: kept by UPDATE_PROJECT_ORGANISATIONS once it has organisations
        keys += f", n.org_nums = coalesce(n.org_nums, []), {project_years('n')}"
    return on_create, on_match, keys


def _merge_nodes_body(label: str, i: int) -> str:
    """The subquery of :func:`merge_batch` for one label (the ``i``-th): its nodes as the
    list ``nodes_<i>`` (in the order of ``$nodes.<label>``), the MENTIONS it wrote as
    ``written_<i>``, and ``ordered_<i>``, whether the list is in that order."""
    node = NODES[label]
    rows = f"$nodes.{label}"
    on_create, on_match, keys = _node_set_items(label)
    return f"""CALL (docs) {{
UNWIND {rows} AS row
WITH row, coalesce(row.props, $said[row.mentions[0][1]]) AS props
MERGE (n:{_label(label)} {{{q(node.key)}: row.key}})
ON CREATE SET {_SEP.join(on_create)}
ON MATCH SET {_SEP.join(on_match)}{keys}
WITH n, row
CALL (n, row, docs) {{
  UNWIND row.mentions AS mention
  WITH n, docs[mention[0]] AS d, $said[mention[1]] AS stated
  CREATE (d)-[m:MENTIONS]->(n)
  SET m = stated
  RETURN count(*) AS mentioned
}}
RETURN collect(n) AS nodes_{i}, sum(mentioned) AS written_{i},
       collect(row.key) = [x IN {rows} | x.key] AS ordered_{i}
}}"""


def _merge_relationships_body(rel_type: str, j: int, ends: tuple[int, int]) -> str:
    """The subquery of :func:`merge_batch` for one relationship type (the ``j``-th), its
    ends read from the node lists ``nodes_<ends[0]>`` and ``nodes_<ends[1]>``; the document
    entries it wrote as ``edges_<j>``."""
    rel = RELS[rel_type]
    src, tgt = f"nodes_{ends[0]}", f"nodes_{ends[1]}"
    # every entry of a row is new on the edge: the writer only writes the documents its own
    # transaction has just created (``MERGE_DOCUMENTS``; a concurrent loader of the same text
    # skips it), and retraction takes a document's entries out of every list, so no list
    # holds the uid of a document being written (as no MENTIONS of it exists).
    # The lists are appended to without searching them: on a hub edge stated by thousands of
    # documents a membership test per entry read the whole list once per entry and clause.
    ev = "coalesce(r.evidence, [])"
    uids = "[i IN row.docs | $uids[i]]"
    on_create = ["r.evidence = CASE WHEN $evidence_cap > 0 "
                 "THEN [i IN row.evidence[..$evidence_cap] | $quotes[i]] END"]
    on_match = [
        # quotes only while aligned with doc_uids and under the cap (a capped edge, the
        # common case on a hub, does not read doc_uids here)
        f"r.evidence = CASE WHEN size({ev}) >= $evidence_cap THEN r.evidence "
        f"WHEN size({ev}) = size(coalesce(r.doc_uids, [])) "
        f"THEN {ev} + [i IN row.evidence[..($evidence_cap - size({ev}))] | $quotes[i]] "
        f"ELSE r.evidence END",
    ]
    if rel.properties:
        on_create.append("r.doc_props = row.doc_props")
        on_match.append("r.doc_props = coalesce(r.doc_props, []) + row.doc_props")
    on_create.append(f"r.doc_uids = {uids}")
    on_match.append(f"r.doc_uids = coalesce(r.doc_uids, []) + {uids}")
    stated = {p: f"head([x IN row.props WHERE x.{q(p)} IS NOT NULL | x.{q(p)}])" for p in rel.properties}
    on_create += [f"r.{q(p)} = {stated[p]}" for p in rel.properties]
    on_match += [f"r.{q(p)} = coalesce(r.{q(p)}, {stated[p]})" for p in rel.properties]
    return f"""CALL ({src}{'' if src == tgt else ', ' + tgt}) {{
UNWIND $edges.{rel_type} AS row
WITH row, {src}[row.source] AS s, {tgt}[row.target] AS t
MERGE (s)-[r:{_rel(rel_type)}]->(t)
ON CREATE SET {_SEP.join(on_create)}
ON MATCH SET {_SEP.join(on_match)}
RETURN sum(size(row.docs)) AS edges_{j}
}}"""


@cache  # the text never changes: built once, not per batch
def merge_batch(labels: tuple[str, ...], rel_types: tuple[str, ...]) -> str:
    """The nodes, MENTIONS and relationships of a batch of documents in one statement.

    Parameters (``graph.writer._batch_rows``), all in load order:

    * ``$uids``: the batch's document uids (their Documents exist: the writer has just
      created them);
    * ``$nodes.<Label>``: one row per node of the batch, ``{key, props, mentions}``:
      ``props`` is what the batch's documents state about the node folded in load order (a
      scalar from the first document that states it, lists as a union in first-seen order;
      null when that is what the first mention states), ``mentions`` the ``[document index,
      index in $said]`` pairs, one per document naming the node: ``$said`` holds the
      batch's distinct statements about a node (its properties, and ``evidence: [quote]``
      when the record has a quote; a hub's documents mostly state the same). So a hub node that most
      documents of the batch name (Arbetsförmedlingen, a target group) is sought, locked
      and has its properties written once per batch, not once per document;
    * ``$edges.<TYPE>``: one row per relationship of the batch, ``{source, target, docs,
      evidence}``: its ends as positions in their labels' node rows, the indexes of the
      documents stating it and of their quotes in ``$quotes`` (``""`` when there was none),
      plus ``doc_props`` (the documents' properties as JSON object strings) and ``props``
      (their property maps) for types with properties. So an edge that many documents of
      the batch state (a hub's LOCATED_IN) is locked and has its lists rewritten once per
      batch, and its ends are the nodes just merged, not sought again;
    * ``$quotes``: the batch's distinct quotes; ``$said`` (above); ``$evidence_cap``.

    Nodes: a new node takes the stated properties; on an existing one a scalar property is
    only written where the node has none (``coalesce``): a later document fills gaps but
    neither blanks nor overwrites. Lists (aliases) grow as a set union in first-seen order
    (the fold gives the result of the documents one at a time). Reference nodes keep their
    properties as the reference data set them. Every right-hand side reads the property
    it sets, so Cypher write-locks ``n`` before reading: concurrent loaders never lose each
    other's entries. The MENTIONS edge keeps what its document said (so node properties can
    be recomputed when a document is retracted). It is CREATEd, not MERGEd: the writer only
    writes the entities of a Document its own transaction has just created (a concurrent
    loader of the same text waits on the Document's constraint lock and then skips it), and
    a document names each node once, so no such edge can exist yet; a MERGE would search it
    among the node's MENTIONS, thousands on a hub.

    Relationships: the rule is that of one document at a time, in load order: ``doc_uids``
    (and ``doc_props``) get every document's entry (none is there yet, for the same reason
    as the MENTIONS: a rerun writes nothing, and retraction takes a document's entries out);
    ``evidence`` gets the quotes of the new entries only while it is aligned with
    ``doc_uids``, up to ``$evidence_cap`` quotes (a prefix of the new ones). Properties
    (role, amount_sek) fill gaps like node properties: the first document that states one
    sets it. A new relationship gets its lists in ``ON CREATE`` (nothing to read); an
    existing one in ``ON MATCH``, where every right-hand side reads ``r`` only after the
    first item has locked it (it reads the property it sets), and ``evidence`` is set
    before ``doc_uids``, whose old size its condition reads.

    One statement, one round trip (a ``CALL`` subquery per label, then per type, in the
    order given; a label or type the batch does not state: an empty list). The rows come in
    map parameters, not a list parameter per label or type: Neo4j caches a plan by the
    statement's text *and its parameters' types*, and an empty list is typed apart from a
    list of maps, so a parameter per type gave every combination of stated types a plan of
    its own (a one-document write stated a new combination nearly every time and replanned
    the whole statement, ~1.2 s). A map is one type whatever it holds.

    Returns one row (none when a Document of ``$uids`` is missing): ``nodes``, the MENTIONS
    written per label; ``edges``, the document entries written per type (the writer
    compares both with what it sent); ``ordered``, whether every label's node list came in
    the order of its rows (the edges' ends are read by position; the writer refuses a
    batch where one did not).
    """
    index = {label: i for i, label in enumerate(labels)}
    for label in labels:
        _label(label)
    for t in rel_types:
        _rel(t)
        if RELS[t].source not in index or RELS[t].target not in index:
            raise ValueError(f"{t}: an end's label is not among {labels}")
    node_calls = "\n".join(_merge_nodes_body(label, i) for i, label in enumerate(labels))
    edge_calls = "\n".join(_merge_relationships_body(t, j, (index[RELS[t].source], index[RELS[t].target]))
                           for j, t in enumerate(rel_types))
    written = ", ".join(f"written_{i}" for i in range(len(labels)))
    ordered = ", ".join(f"ordered_{i}" for i in range(len(labels)))
    edges = ", ".join(f"edges_{j}" for j in range(len(rel_types)))
    return f"""{BATCH}
CALL () {{
  UNWIND $uids AS uid
  MATCH (d:Document {{uid: uid}})
  RETURN collect(d) AS docs
}}
WITH docs WHERE size(docs) = size($uids)
{node_calls}
{edge_calls}
{_derived_counts(index, rel_types)}
RETURN [{written}] AS nodes, [{edges}] AS edges, [{ordered}] AS ordered
"""


def _derived_counts(index: dict[str, int], rel_types: tuple[str, ...]) -> str:
    """The end of :func:`merge_batch`: what ``UPDATE_PERSON_ORGANISATIONS`` and
    ``UPDATE_PROJECT_ORGANISATIONS`` keep, for the batch's persons and the contacts of the
    projects it gives an owner or partner, and ``Project.org_nums`` of the projects it gives
    an owner, funder or partner: read after the batch's relationships are written (a later
    clause of the statement sees them), each node locked before its count is read."""
    if "Person" not in index or "Project" not in index:
        return ""
    people, projects = f"nodes_{index['Person']}", f"nodes_{index['Project']}"

    def targets(types: tuple[str, ...]) -> str:
        lists = " + ".join(f"$edges.{t}" for t in types if t in rel_types) or "[]"
        return f"[row IN {lists} | {projects}[row.target]]"

    return f"""CALL ({people}, {projects}) {{
  CALL ({people}, {projects}) {{
    UNWIND {people} AS person
    RETURN person
    UNION
    UNWIND {targets(("OWNS", "PARTNER_IN"))} AS project
    MATCH (project)<-[:CONTACT_FOR]-(person:Person)
    RETURN person
  }}
  SET person.n_organisations = coalesce(person.n_organisations, 0)
  WITH person
  SET person.n_organisations = size({PERSON_ORGANISATIONS})
  RETURN count(person) AS persons_counted
}}
CALL ({projects}) {{
  UNWIND {targets(("OWNS", "FUNDS", "PARTNER_IN"))} AS p
  WITH DISTINCT p
  SET p.org_nums = coalesce(p.org_nums, [])
  WITH p
  SET p.org_nums = {PROJECT_ORGANISATIONS}
  RETURN count(p) AS projects_counted
}}"""


# --- derived counts kept by the writer -------------------------------------------------

#: the organisations a person connects: those they work for (WORKS_FOR) and those that own
#: or take part in a project they are a contact for (CONTACT_FOR, OWNS|PARTNER_IN); ``person``
#: is bound where it is used. ``Person.n_organisations`` is this collection's size.
PERSON_ORGANISATIONS = """COLLECT {
  MATCH (person)-[:WORKS_FOR]->(o)
  RETURN o
  UNION
  MATCH (person)-[:CONTACT_FOR]->()<-[:OWNS|PARTNER_IN]-(o)
  RETURN o
}"""

#: ``Person.n_organisations`` (what ``queries/people_connecting_organisations.cypher``
#: ranks by, from an index) for the persons ``$persons`` and the contacts of the projects
#: ``$projects`` (uids): after a write or retraction, the persons it mentioned and the
#: contacts of the projects it mentioned are the only ones whose count can have changed
#: (every written or retracted edge has both ends mentioned by its document). Each person
#: is locked (the first SET) before its count is read, so that of two concurrent loads that
#: change one person's organisations the later one counts the earlier one's committed edges.
#: The hint keeps the project lookup an index seek: planned on a small graph (the plan is
#: kept, ``BATCH``) the anonymous ``(:Project {uid: uid})`` became a scan of every project's
#: uid per row (113 projects x 345 = 39k db hits in a batch of 100 documents; x 34k projects
#: at 50k documents).
UPDATE_PERSON_ORGANISATIONS = BATCH + """
CALL () {
  UNWIND $persons AS uid
  MATCH (person:Person {uid: uid})
  RETURN person
  UNION
  UNWIND $projects AS uid
  MATCH (project:Project {uid: uid})
  USING INDEX project:Project(uid)
  MATCH (project)<-[:CONTACT_FOR]-(person:Person)
  RETURN person
}
SET person.n_organisations = coalesce(person.n_organisations, 0)
WITH person
SET person.n_organisations = size(""" + PERSON_ORGANISATIONS + """)
RETURN count(person) AS updated
"""

#: the same count for every person that has none yet (a graph written before the count
#: existed); ``graph.writer.init_schema`` runs it
BACKFILL_PERSON_ORGANISATIONS = """
MATCH (person:Person) WHERE person.n_organisations IS NULL
SET person.n_organisations = size(""" + PERSON_ORGANISATIONS + """)
RETURN count(person) AS updated
"""


#: the organisations that own, fund or take part in a project (``p`` bound where it is used),
#: by ``Organization.num`` (:func:`org_num`): ``Project.org_nums`` is this list, which
#: ``queries/partners_of_organisation`` reads instead of expanding every project's
#: relationships again (≈ 150k at 50k documents for Arbetsförmedlingen)
PROJECT_ORGANISATIONS = """COLLECT {
  MATCH (p)<-[:OWNS|FUNDS|PARTNER_IN]-(o)
  RETURN DISTINCT o.num
}"""

#: ``Project.org_nums`` of the projects ``$projects`` (uids): after a write, the targets of its
#: OWNS/FUNDS/PARTNER_IN rows; after a retraction, the projects its document mentioned (every
#: retracted edge has both ends mentioned by its document). Locked (the first SET) before the
#: edges are read, as in ``UPDATE_PERSON_ORGANISATIONS``.
UPDATE_PROJECT_ORGANISATIONS = BATCH + """
UNWIND $projects AS uid
MATCH (p:Project {uid: uid})
SET p.org_nums = coalesce(p.org_nums, [])
WITH p
SET p.org_nums = """ + PROJECT_ORGANISATIONS + """
RETURN count(p) AS updated
"""

#: the same for every project that has none yet (after ``Organization.num`` for every
#: organisation without one), and ``Document.display_name`` for every document without it
#: (a graph written before they existed, or imported from an export); ``graph.writer.init_schema``
BACKFILL_ORGANIZATION_NUMS = """
MATCH (o:Organization) WHERE o.num IS NULL
SET o.num = """ + org_num('o') + """
RETURN count(o) AS updated
"""
BACKFILL_PROJECT_ORGANISATIONS = """
MATCH (p:Project) WHERE p.org_nums IS NULL
SET p.org_nums = """ + PROJECT_ORGANISATIONS + """
RETURN count(p) AS updated
"""
BACKFILL_PROJECT_YEARS = f"""
MATCH (p:Project)
WHERE p.start IS NOT NULL AND p.start_year IS NULL
SET {project_years('p')}
RETURN count(p) AS updated
"""
BACKFILL_DISPLAY_NAMES = """
MATCH (d:Document) WHERE d.display_name IS NULL
SET d.display_name = coalesce(d.name, d.title, d.path)
RETURN count(d) AS updated
"""

#: ``name_key``/``alias_keys`` (see :func:`name_keys`) for every node of ``label`` that lacks
#: them (a graph written before the keys existed); ``graph.writer.init_schema`` runs it per
#: label of ``graph.schema.NAME_KEY_LABELS``. A node written since has both or needs neither.
def backfill_name_keys(label: str) -> str:
    return f"""
MATCH (n:{_label(label)})
WHERE (n.name_key IS NULL AND n.name IS NOT NULL)
   OR (n.alias_keys IS NULL AND size(coalesce(n.aliases, [])) > 0)
SET {name_keys('n')}
RETURN count(n) AS updated
"""


# --- retraction ------------------------------------------------------------------------

#: drop the document's entry from every relationship it supports; delete the ones left
#: without any document unless they are reference data; return the survivors' per-document
#: properties so the caller can recompute role/amount_sek. Every such relationship
#: touches a node the document MENTIONS (the writer requires both ends in the record),
#: which keeps this a local traversal instead of a scan of all relationships.
RETRACT_RELATIONSHIPS = """
MATCH (:Document {uid: $doc_uid})-[:MENTIONS]->()-[r]-()
WHERE $doc_uid IN r.doc_uids
WITH DISTINCT r
WITH r, [i IN range(0, size(r.doc_uids) - 1) WHERE r.doc_uids[i] <> $doc_uid] AS keep
SET r.evidence = [i IN keep WHERE i < size(coalesce(r.evidence, [])) | r.evidence[i]],
    r.doc_props = CASE WHEN r.doc_props IS NULL THEN null ELSE [i IN keep | r.doc_props[i]] END,
    r.doc_uids = [i IN keep | r.doc_uids[i]]
WITH r, elementId(r) AS id, type(r) AS type, r.doc_props AS doc_props,
     size(r.doc_uids) = 0 AND NOT coalesce(r.reference, false) AS gone
FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DELETE r)
RETURN id, type, doc_props, gone
"""

#: delete the document's MENTIONS and return the nodes they pointed at
RETRACT_MENTIONS = """
MATCH (:Document {uid: $doc_uid})-[m:MENTIONS]->(n)
DELETE m
WITH DISTINCT n
RETURN elementId(n) AS id, labels(n) AS labels, n.uid AS uid
"""

DELETE_ORPHANS = """
UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
  AND NOT coalesce(n.reference, false) AND NOT EXISTS { (n)--() }
DELETE n
"""

DELETE_DOCUMENT = "MATCH (d:Document {uid: $doc_uid}) DETACH DELETE d"


def recompute_node_properties(label: str) -> str:
    """Rebuild document-derived nodes' properties from the MENTIONS that remain.

    Same rule as :func:`merge_batch` replayed in load order: for a scalar, the first
    remaining document (by ``loaded_at``) that states it; lists are the union. Reference
    nodes keep their properties (reference data wins, documents only filled gaps).
    """
    node = NODES[label]
    sets = []
    for p in node.properties:
        if p in LIST_PROPERTIES:
            sets.append(f"n.{q(p)} = reduce(acc = [], x IN ms | "
                        f"acc + [a IN coalesce(x.{q(p)}, []) WHERE NOT a IN acc])")
        else:
            sets.append(f"n.{q(p)} = head([x IN ms WHERE x.{q(p)} IS NOT NULL | x.{q(p)}])")
    keys = f"\nSET {name_keys('n')}" if label in NAME_KEY_LABELS else ""
    if label == "Project":
        keys += f", {project_years('n')}"
    return f"""
UNWIND $ids AS id
MATCH (n:{_label(label)}) WHERE elementId(n) = id AND NOT coalesce(n.reference, false)
MATCH (doc:Document)-[m:MENTIONS]->(n)
WITH n, m, doc ORDER BY doc.loaded_at, doc.uid
WITH n, collect(m) AS ms
SET {(','+chr(10)+'    ').join(sets)}{keys}
"""


# --- forgetting a person ---------------------------------------------------------------
# $exact and $contains are Java regular expressions built by graph.writer.forget_person
# from the name (every character quoted); they are parameters like any other value.

#: the persons to forget and the contact details stored for them (node or MENTIONS)
FORGET_PERSON_CONTACTS = """
MATCH (p:Person) WHERE p.uid = $uid OR p.name =~ $exact
OPTIONAL MATCH (:Document)-[m:MENTIONS]->(p)
RETURN [x IN collect(properties(p).email) + collect(properties(m).email) WHERE x IS :: STRING] AS emails,
       [x IN collect(properties(p).phone) + collect(properties(m).phone) WHERE x IS :: STRING] AS phones
"""

FORGET_PERSON_NODES = """
MATCH (p:Person) WHERE p.uid = $uid OR p.name =~ $exact
OPTIONAL MATCH (p)-[r]-()
WITH p, count(r) AS rels
DETACH DELETE p
RETURN count(p) AS persons, sum(rels) AS relationships
"""

#: quotes that name the person become "[removed]"; the doc uid beside it stays
FORGET_EVIDENCE = """
MATCH ()-[r]->()
WHERE r.evidence IS :: LIST<STRING NOT NULL> AND any(x IN r.evidence WHERE x =~ $contains)
WITH r, size([x IN r.evidence WHERE x =~ $contains]) AS hits
SET r.evidence = [x IN r.evidence | CASE WHEN x =~ $contains THEN '[removed]' ELSE x END]
RETURN count(r) AS relationships, sum(hits) AS quotes
"""

_HAS_NEEDLE = """any(k IN keys({v}) WHERE
      ({v}[k] IS :: STRING AND {v}[k] =~ $contains)
   OR ({v}[k] IS :: LIST<STRING NOT NULL> AND any(x IN {v}[k] WHERE x =~ $contains)))"""

#: any other string or string-list property that still names the person
FIND_NODES_NAMING = f"""
MATCH (n) WHERE {_HAS_NEEDLE.format(v='n')}
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
"""

FIND_RELATIONSHIPS_NAMING = f"""
MATCH ()-[r]->() WHERE {_HAS_NEEDLE.format(v='r')}
RETURN elementId(r) AS id, null AS labels, properties(r) AS props
"""

UPDATE_NODE_PROPERTIES = f"""
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.id
SET n += row.props
FOREACH (_ IN CASE WHEN n:Document THEN [1] ELSE [] END |
  SET n.display_name = coalesce(n.name, n.title, n.path))
FOREACH (_ IN CASE WHEN n:Project THEN [1] ELSE [] END |
  SET {project_years('n')})
WITH n WHERE {_HAS_NAME_KEYS}
SET {name_keys('n')}
"""

UPDATE_RELATIONSHIP_PROPERTIES = """
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.id
SET r += row.props
"""


# --- reference data --------------------------------------------------------------------

MERGE_COUNTIES = """
UNWIND $rows AS row
MERGE (c:County {code: row.code})
SET c.name = row.name, c.short_name = row.short_name, c.reference = true
RETURN count(*) AS written
"""

MERGE_MUNICIPALITIES = """
UNWIND $rows AS row
MERGE (m:Municipality {code: row.code})
SET m.name = row.name, m.county_code = row.county_code, m.country = row.country,
    m.aliases = coalesce(m.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(m.aliases, [])],
    m.reference = true
SET """ + name_keys('m') + """
RETURN count(*) AS written
"""

MERGE_IN_COUNTY = """
UNWIND $rows AS row
MATCH (m:Municipality {code: row.code})
MATCH (c:County {code: row.county_code})
MERGE (m)-[r:IN_COUNTY]->(c)
SET r.reference = true
RETURN count(*) AS written
"""

MERGE_TARGET_GROUPS = """
UNWIND $rows AS row
MERGE (t:TargetGroup {key: row.key})
SET t.label_sv = row.label_sv, t.label_en = row.label_en, t.scope = row.scope, t.reference = true
RETURN count(*) AS written
"""

MERGE_REFERENCE_ORGANIZATIONS = """
UNWIND $rows AS row
MERGE (o:Organization {uid: row.uid})
SET o.name = row.name, o.kind = row.kind,
    o.aliases = coalesce(o.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(o.aliases, [])],
    o.county_code = coalesce(row.county_code, o.county_code),
    o.start = coalesce(row.start, o.start), o.end = coalesce(row.end, o.end),
    o.successor = coalesce(row.successor, o.successor), o.source = coalesce(row.source, o.source),
    o.reference = true
SET """ + name_keys('o') + ", o.num = coalesce(o.num, " + org_num('o') + """)
RETURN count(*) AS written
"""

#: a member of a samordningsförbund with the period of its membership: ``since``/``until`` are
#: ISO dates or their prefixes ("2005", "2021-06-01"; null = not known / still a member), re-set
#: on every load so a corrected date replaces the old one
MERGE_REFERENCE_MEMBERSHIP = """
UNWIND $rows AS row
MATCH (s:Organization {uid: row.source})
MATCH (t:Organization {uid: row.target})
MERGE (s)-[r:MEMBER_OF]->(t)
SET r.reference = true, r.since = row.since, r.until = row.until
RETURN count(*) AS written
"""

#: reference edges between organisations (MEMBER_OF) or to places (LOCATED_IN)
def merge_reference_relationships(rel_type: str) -> str:
    rel = RELS[rel_type]
    src, tgt = NODES[rel.source], NODES[rel.target]
    return f"""
UNWIND $rows AS row
MATCH (s:{_label(rel.source)} {{{q(src.key)}: row.source}})
MATCH (t:{_label(rel.target)} {{{q(tgt.key)}: row.target}})
MERGE (s)-[r:{_rel(rel_type)}]->(t)
SET r.reference = true
RETURN count(*) AS written
"""


# --- tests -----------------------------------------------------------------------------

#: wipe everything in batches; auto-commit only (CALL ... IN TRANSACTIONS)
#: empty the database: relationships first, in batches (a DETACH DELETE of 10,000 nodes that
#: include a hub with 100,000 relationships ran out of the transaction memory pool), then nodes
DELETE_ALL_RELATIONSHIPS = """
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS
"""
DELETE_ALL_NODES = """
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
"""
DELETE_ALL = (DELETE_ALL_RELATIONSHIPS, DELETE_ALL_NODES)

COUNT_NODES = "MATCH (n) RETURN count(n) AS n"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS n"
SHOW_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN *"
