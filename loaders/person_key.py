"""Which person a record's person is: the name, and the organisation where the text gives one.

Extraction keys a person by the slug of their name; two people of one name (common in
Sweden) would be one node, its title whichever document came first. The graph keys a person
by name *and* organisation where the record says where they work (a ``WORKS_FOR``):
``anna-isaksson@försäkringskassan`` and ``anna-isaksson@göteborgs-universitet`` are two
people, while one person seen with two titles at one organisation stays one node that keeps
both titles (``roles``). A unit counts as the organisation it is part of (``PART_OF`` in the
record), so "utvecklingschef på Arbetsmarknadsenheten i Laholms kommun" and "Laholms kommun"
name one employer. A person the text gives no organisation keeps the name alone.

``forget-person`` finds every node of a name whatever its key (it matches the name).
"""
from __future__ import annotations

from typing import Any

#: between the name's slug and the organisation's uid in a person's key
SEPARATOR = "@"


def _top(uid: str, parent: dict[str, str]) -> str:
    seen = {uid}
    while uid in parent and parent[uid] not in seen:
        uid = parent[uid]
        seen.add(uid)
    return uid


def person_keys(record: dict[str, Any]) -> dict[str, Any]:
    """The record with its people keyed by name and organisation (a new dict; the input is
    not changed). Relations follow their people's new keys; each person's ``role`` is also
    in ``roles``, the list of every title the graph keeps."""
    people = record.get("people")
    if not isinstance(people, list) or not people:
        return record
    relations = record.get("relations") if isinstance(record.get("relations"), list) else []
    parent: dict[str, str] = {}
    employer: dict[str, str] = {}
    for rel in relations:
        if not isinstance(rel, dict):
            continue
        src, tgt = rel.get("source_uid"), rel.get("target_uid")
        if not (isinstance(src, str) and isinstance(tgt, str) and src and tgt):
            continue
        if rel.get("type") == "PART_OF":
            parent.setdefault(src, tgt)
        elif rel.get("type") == "WORKS_FOR":
            employer.setdefault(src, tgt)  # the first organisation the text gives
    remap: dict[str, str] = {}
    out_people = []
    for person in people:
        if not isinstance(person, dict):
            out_people.append(person)  # the writer refuses it, naming the document
            continue
        person = dict(person)
        uid = person.get("uid")
        if isinstance(uid, str) and uid in employer and SEPARATOR not in uid:
            remap[uid] = person["uid"] = f"{uid}{SEPARATOR}{_top(employer[uid], parent)}"
        if isinstance(person.get("role"), str) and person["role"].strip() and "roles" not in person:
            person["roles"] = [person["role"]]
        out_people.append(person)
    out = {**record, "people": out_people}
    if remap:
        def moved(uid):
            return remap.get(uid, uid) if isinstance(uid, str) else uid

        out["relations"] = [
            {**rel, "source_uid": moved(rel.get("source_uid")), "target_uid": moved(rel.get("target_uid"))}
            if isinstance(rel, dict) and (moved(rel.get("source_uid")) != rel.get("source_uid")
                                          or moved(rel.get("target_uid")) != rel.get("target_uid"))
            else rel
            for rel in relations]
    return out
