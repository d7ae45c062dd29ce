"""Erasing a person for good: ``samverkan forget-person`` and what a later load does.

:func:`find_persons` says who a name means: the Person nodes whose name is it (any case,
any whitespace) or whose uid it is. No match is an error that names the closest names in
the graph (:func:`closest_names`); several (namesakes at different organisations) must be
told apart by uid. :func:`forget_person` then erases the chosen node in one transaction:
the node and its relationships, every quote naming them (the name, or an e-mail address or
phone number stored for them) becomes ``"[removed]"`` beside its document uid, their name
and contact details inside any other string property become ``"[removed]"`` — and an
``(:ErasedPerson {key})`` node records the SHA-256 of the normalised name (never the name).

On a later load (:func:`suppress_erased`, called by ``graph.writer.write_records``): an
unchanged file is skipped by its hash, as always, so nothing comes back; a changed or new
document that names an erased person is written without them — no Person node, none of
their relationships, their name ``"[removed]"`` in the quotes and texts written — and the
count is kept for the load's summary (:func:`suppressed`). Inside :func:`restoring` (``load
--restore-erased``) they are loaded as named, and the erasure records of the names loaded
are deleted. Emptying the database deletes the erasure records with everything else.

A hash of a name is no secret from someone who guesses the name: it keeps the name out of
the database, it does not make it unguessable.
"""
from __future__ import annotations

import contextlib
import contextvars
import copy
import hashlib
import re
from typing import Any, Iterator

import neo4j

from graph.connection import database_name

__all__ = ["ERASED_LABEL", "name_key", "find_persons", "closest_names", "forget_person",
           "suppress_erased", "restoring", "suppressed", "reset_suppressed"]

ERASED_LABEL = "ErasedPerson"
_SALT = "samverkan:erased-person:v1:"

_RESTORE: contextvars.ContextVar[bool] = contextvars.ContextVar("samverkan_restore_erased", default=False)
#: persons left out of documents written in this process: {"persons": n, "documents": m}
_SUPPRESSED = {"persons": 0, "documents": 0, "restored": 0}


def normalise(name: str) -> str:
    """Case and whitespace do not make another person: ``' maja  LINDQVIST'`` is ``'maja lindqvist'``."""
    return " ".join(str(name).split()).casefold()


def name_key(name: str) -> str:
    """The SHA-256 (hex) an erasure records for a name.

    >>> name_key("Maja  Lindqvist") == name_key("maja lindqvist")
    True
    """
    return hashlib.sha256((_SALT + normalise(name)).encode("utf-8")).hexdigest()


# --- who does a name mean ----------------------------------------------------------------------

_FIND = """
MATCH (p:Person)
WHERE p.uid = $name OR p.name =~ $exact
RETURN p.uid AS uid, p.name AS name, properties(p).role AS role,
       COLLECT { MATCH (p)-[:WORKS_FOR]->(o) RETURN DISTINCT o.name } AS organisations,
       COLLECT { MATCH (p)-[:CONTACT_FOR]->(x) RETURN DISTINCT x.name } AS projects
ORDER BY uid
"""
_NAMES = "MATCH (p:Person) RETURN DISTINCT p.name AS name"


def _exact_pattern(name: str) -> str:
    """A Java regex for the name in any case with any whitespace between its words."""
    from graph.writer import _java_literal

    return "(?iuU)\\s*" + r"\s+".join(_java_literal(p) for p in name.split()) + "\\s*"


def _read(driver, query: str, database: str | None = None, **params) -> list[dict]:
    def work(tx):
        return tx.run(query, params).data()

    with driver.session(database=database_name(database), default_access_mode=neo4j.READ_ACCESS,
                        notifications_min_severity="OFF") as session:
        return session.execute_read(work)


def find_persons(driver, name: str, *, database: str | None = None) -> list[dict]:
    """The persons ``name`` means: uid, name, role, organisations, projects (by uid)."""
    clean = " ".join(name.split())
    if not clean:
        raise ValueError("forget-person needs a name")
    return _read(driver, _FIND, database, name=clean, exact=_exact_pattern(clean))


def closest_names(driver, name: str, *, limit: int = 5, database: str | None = None) -> list[str]:
    """The person names in the graph most like ``name`` (rapidfuzz), best first."""
    from rapidfuzz import fuzz, process

    names = [r["name"] for r in _read(driver, _NAMES, database) if r["name"]]
    hits = process.extract(normalise(name), names, scorer=fuzz.WRatio, processor=normalise, limit=limit,
                           score_cutoff=60)
    return [hit[0] for hit in hits]


# --- erasing -------------------------------------------------------------------------------------

_CONTACTS = """
MATCH (p:Person) WHERE p.uid IN $uids
OPTIONAL MATCH (:Document)-[m:MENTIONS]->(p)
RETURN [x IN collect(properties(p).email) + collect(properties(m).email) WHERE x IS :: STRING] AS emails,
       [x IN collect(properties(p).phone) + collect(properties(m).phone) WHERE x IS :: STRING] AS phones
"""
_DELETE = """
MATCH (p:Person) WHERE p.uid IN $uids
OPTIONAL MATCH (p)-[r]-()
WITH p, count(r) AS rels
DETACH DELETE p
RETURN count(p) AS persons, sum(rels) AS relationships
"""
_RECORD = f"""
MERGE (e:{ERASED_LABEL} {{key: $key}})
ON CREATE SET e.erased_at = datetime()
"""
_CONSTRAINT = (f"CREATE CONSTRAINT erased_person_key IF NOT EXISTS "
               f"FOR (e:{ERASED_LABEL}) REQUIRE e.key IS UNIQUE")


def forget_person(driver, name: str, uids: list[str], *, database: str | None = None) -> dict[str, int]:
    """Erase the persons ``uids`` (found by :func:`find_persons` for ``name``), redact ``name``
    everywhere and record its hash; one transaction. Returns what was done, by count.

    Every text naming ``name`` is redacted, also quotes about a namesake who stays.
    """
    from graph.writer import redact_name

    clean = " ".join(name.split())
    if not clean or not uids:
        raise ValueError("forget-person needs a name and the persons to erase")
    with driver.session(database=database_name(database), notifications_min_severity="OFF") as session:
        session.run(_CONSTRAINT).consume()  # schema: its own transaction, before the erasure

    def work(tx: neo4j.ManagedTransaction) -> dict[str, int]:
        contacts = tx.run(_CONTACTS, uids=list(uids)).single()
        deleted = tx.run(_DELETE, uids=list(uids)).single()
        counts = {"persons": deleted["persons"], "relationships": deleted["relationships"] or 0,
                  **redact_name(tx, clean, contacts["emails"], contacts["phones"])}
        tx.run(_RECORD, key=name_key(clean)).consume()
        return counts

    with driver.session(database=database_name(database), notifications_min_severity="OFF") as session:
        return session.execute_write(work)


# --- a later load --------------------------------------------------------------------------------

@contextlib.contextmanager
def restoring() -> Iterator[None]:
    """Inside the block erased persons are loaded as their documents name them (``--restore-erased``)."""
    token = _RESTORE.set(True)
    try:
        yield
    finally:
        _RESTORE.reset(token)


def suppressed() -> dict[str, int]:
    """Persons left out (and documents they were left out of), or restored, since the last reset."""
    return dict(_SUPPRESSED)


def reset_suppressed() -> None:
    for k in _SUPPRESSED:
        _SUPPRESSED[k] = 0


_ERASED_KEYS = f"MATCH (e:{ERASED_LABEL}) WHERE e.key IN $keys RETURN collect(e.key) AS keys"
_UNRECORD = f"MATCH (e:{ERASED_LABEL}) WHERE e.key IN $keys DELETE e"


def _strip_person(record: dict, people: list[dict]) -> dict:
    """The record without ``people``, their relations, and with their names and contact details redacted."""
    from graph.writer import REDACTED, _needles

    out = copy.deepcopy(record)
    uids = {p.get("uid") for p in people}
    needles: list[str] = []
    for p in people:  # the name, and the e-mail address and phone number the document gives
        name = " ".join(str(p.get("name") or "").split())
        if name:
            needles += _needles(name, [str(p.get("email") or "")], [str(p.get("phone") or "")])[1]
    pattern = re.compile("|".join(sorted(set(needles), key=len, reverse=True)), re.IGNORECASE) if needles else None
    out["people"] = [p for p in out.get("people") or [] if p.get("uid") not in uids]
    out["relations"] = [r for r in out.get("relations") or []
                        if r.get("source_uid") not in uids and r.get("target_uid") not in uids]

    def redact(value: Any) -> Any:
        if isinstance(value, str):
            return pattern.sub(REDACTED, value) if pattern else value
        if isinstance(value, list):
            return [redact(v) for v in value]
        if isinstance(value, dict):
            return {k: v if k in ("uid", "source_uid", "target_uid", "key", "code", "doc_uid", "path")
                    else redact(v) for k, v in value.items()}
        return value

    for key, value in list(out.items()):
        if key not in ("doc_uid", "path", "people"):
            out[key] = redact(value)
    return out


def suppress_erased(driver, records: list, *, database: str | None = None) -> list:
    """``records`` with every erased person left out (see the module docstring); one read.

    Inside :func:`restoring` the records are returned as they are, and the erasure records
    of the names they contain are deleted.
    """
    by_key: dict[str, list[tuple[int, dict]]] = {}
    for i, record in enumerate(records):
        if isinstance(record, dict):
            for person in record.get("people") or []:
                if isinstance(person, dict) and person.get("name"):
                    by_key.setdefault(name_key(person["name"]), []).append((i, person))
    if not by_key:
        return records
    found = _read(driver, _ERASED_KEYS, database, keys=list(by_key))
    erased = set(found[0]["keys"]) if found else set()
    if not erased:
        return records
    if _RESTORE.get():
        with driver.session(database=database_name(database), notifications_min_severity="OFF") as session:
            session.execute_write(lambda tx: tx.run(_UNRECORD, keys=sorted(erased)).consume())
        _SUPPRESSED["restored"] += len(erased)
        return records
    drop: dict[int, list[dict]] = {}
    for key in erased:
        for i, person in by_key[key]:
            drop.setdefault(i, []).append(person)
    out = list(records)
    for i, people in drop.items():
        out[i] = _strip_person(records[i], people)
        _SUPPRESSED["persons"] += len(people)
        _SUPPRESSED["documents"] += 1
    return out
