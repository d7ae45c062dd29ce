"""Namesakes (issue 17): people keyed by name and organisation where the text gives one.

Two "Anja Isaksson" at two organisations are two nodes whatever the load order; one person
seen with two titles at one organisation stays one node with both titles; forget-person
still finds every node of the name."""
from __future__ import annotations

import hashlib

import pytest

from graph.connection import run_read
from graph.writer import forget_person, init_schema, plan_record, write_record
from loaders.person_key import person_keys
from loaders.record import empty_record, slug

NAME = "Anja Isaksson"


def _record(path: str, org: str, role: str, *, unit: str | None = None) -> dict:
    text = f"{NAME}, {role} på {unit + ', ' if unit else ''}{org}, leder projektet Steget."
    rec = empty_record(path, f"/corpus/{path}", hashlib.sha256(text.encode()).hexdigest())
    orgs = [{"uid": slug(org), "name": org, "kind": "agency", "aliases": []}]
    rels = []
    employer = slug(org)
    if unit:
        unit_uid = f"{slug(org)}/{slug(unit)}"
        orgs.append({"uid": unit_uid, "name": unit, "kind": "municipal_unit", "aliases": []})
        rels.append({"type": "PART_OF", "source": unit, "target": org, "source_uid": unit_uid,
                     "target_uid": slug(org), "evidence": text, "start": 0, "end": len(text), "props": {}})
        employer = unit_uid
    rels.append({"type": "WORKS_FOR", "source": NAME, "target": unit or org, "source_uid": slug(NAME),
                 "target_uid": employer, "evidence": text, "start": 0, "end": len(text),
                 "props": {"role": role}})
    rec.update(organizations=orgs, people=[{"uid": slug(NAME), "name": NAME, "role": role}], relations=rels)
    return rec


FK = _record("a.txt", "Försäkringskassan", "processledare")
GU = _record("b.txt", "Göteborgs universitet", "arbetsterapeut")
FK2 = _record("c.txt", "Försäkringskassan", "projektledare")
FK_UNIT = _record("d.txt", "Försäkringskassan", "handläggare", unit="Lokalkontor Väst")


def test_a_person_is_keyed_by_name_and_organisation():
    out = person_keys(FK)
    (person,) = out["people"]
    assert person["uid"] == "anja-isaksson@försäkringskassan" and person["roles"] == ["processledare"]
    assert out["relations"][-1]["source_uid"] == person["uid"]
    assert FK["people"][0]["uid"] == "anja-isaksson"  # the record itself is as extraction wrote it
    assert person_keys(GU)["people"][0]["uid"] == "anja-isaksson@göteborgs-universitet"
    # a unit counts as the organisation it is part of
    assert person_keys(FK_UNIT)["people"][0]["uid"] == "anja-isaksson@försäkringskassan"
    # no organisation in the text: the name alone
    alone = {**FK, "relations": [], "people": [{"uid": "anja-isaksson", "name": NAME}]}
    assert person_keys(alone)["people"][0]["uid"] == "anja-isaksson"
    # the writer's plan uses the key
    assert [r["key"] for r in plan_record(FK).nodes["Person"]] == ["anja-isaksson@försäkringskassan"]


def _people(db) -> list[dict]:
    return run_read(db, "MATCH (p:Person) OPTIONAL MATCH (p)-[w:WORKS_FOR]->(o) "
                        "RETURN p.uid AS uid, p.name AS name, p.role AS role, p.roles AS roles, "
                        "collect(o.uid) AS orgs ORDER BY uid")


@pytest.mark.neo4j
@pytest.mark.parametrize("order", [(FK, GU), (GU, FK)])
def test_namesakes_at_two_organisations_are_two_people_in_either_order(clean_db, order):
    init_schema(clean_db)
    for rec in order:
        write_record(clean_db, rec)
    people = _people(clean_db)
    assert [(p["uid"], p["role"], p["orgs"]) for p in people] == [
        ("anja-isaksson@försäkringskassan", "processledare", ["försäkringskassan"]),
        ("anja-isaksson@göteborgs-universitet", "arbetsterapeut", ["göteborgs-universitet"])]


@pytest.mark.neo4j
def test_one_person_with_two_titles_at_one_organisation_is_one_node_with_both(clean_db):
    init_schema(clean_db)
    for rec in (FK, FK2, FK_UNIT):
        write_record(clean_db, rec)
    (person,) = _people(clean_db)
    assert person["uid"] == "anja-isaksson@försäkringskassan"
    assert person["roles"] == ["processledare", "projektledare", "handläggare"]


@pytest.mark.neo4j
def test_forget_person_finds_every_namesake(clean_db):
    init_schema(clean_db)
    for rec in (FK, GU):
        write_record(clean_db, rec)
    counts = forget_person(clean_db, NAME)
    assert counts["persons"] == 2
    assert _people(clean_db) == []
