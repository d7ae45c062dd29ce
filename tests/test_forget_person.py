"""Personal data (issue 6, item 5): `samverkan forget-person "NAME"` removes the person, their
relationships and every stored quote that names them, and nothing of them remains.

The graph is loaded with the person everywhere a name can end up: their Person node with
contact details (kept on purpose), WORKS_FOR and CONTACT_FOR with quotes, a quote of
another document's relationship with the name broken over two lines and in the genitive,
a quote holding only their e-mail address, a project summary, a document title. Another
person whose name shares a word with theirs must survive untouched.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from graph.connection import run_read
from graph.writer import init_schema, write_record
from samverkan.settings import REPO_ROOT
from test_writer import all_strings, counts, make_record

NAME = "Maja Lindqvist"
EMAIL = "maja.lindqvist@example.se"
PHONE = "040-123 45 67"
OTHER = "Maja Holm"


def _org(uid, name, kind="nonprofit"):
    return {"uid": uid, "name": name, "kind": kind, "aliases": []}


def records() -> list[dict]:
    t1 = (f"Samverkan mot utanförskap\nKontaktperson: {NAME}, projektledare på Skåne "
          f"Stadsmission.\nE-post: {EMAIL}, telefon {PHONE}.\n{OTHER} är samordnare.")
    project = {"uid": "2016/00112", "name": "Samverkan mot utanförskap",
               "summary": f"Projektet leds av {NAME} och {OTHER}."}
    r1 = make_record(
        t1, "/corpus/esf/2016-00112.txt",
        organizations=[_org("skåne-stadsmission", "Skåne Stadsmission")],
        projects=[project],
        people=[{"uid": "maja-lindqvist", "name": NAME, "role": "Projektledare",
                 "email": EMAIL, "phone": PHONE},
                {"uid": "maja-holm", "name": OTHER, "role": "Samordnare"}],
        relations=[
            {"type": "CONTACT_FOR", "source_uid": "maja-lindqvist", "target_uid": "2016/00112",
             "evidence": f"Kontaktperson: {NAME}", "props": {"role": "Kontaktperson"}},
            {"type": "WORKS_FOR", "source_uid": "maja-lindqvist",
             "target_uid": "skåne-stadsmission",
             "evidence": f"{NAME}, projektledare på Skåne Stadsmission",
             "props": {"role": "projektledare"}},
            {"type": "WORKS_FOR", "source_uid": "maja-holm", "target_uid": "skåne-stadsmission",
             "evidence": f"{OTHER} är samordnare"},
            {"type": "OWNS", "source_uid": "skåne-stadsmission", "target_uid": "2016/00112",
             "evidence": f"E-post: {EMAIL}"},  # names her only by her address
        ])
    r1["title"] = f"Samverkan mot utanförskap – kontakt {NAME}"
    t2 = ("Intervju: Maja\nLindqvists projekt på Skåne Stadsmission når unga vuxna. "
          f"{OTHER} berättar om Samverkan mot utanförskap.")
    r2 = make_record(
        t2, "/corpus/news/intervju.txt",
        organizations=[_org("skåne-stadsmission", "Skåne Stadsmission")],
        projects=[{"uid": "2016/00112", "name": "Samverkan mot utanförskap"}],
        people=[{"uid": "maja-holm", "name": OTHER}],
        target_groups=[{"key": "young_people"}],
        relations=[
            {"type": "TARGETS", "source_uid": "2016/00112", "target_uid": "young_people",
             "evidence": "Maja\nLindqvists projekt på Skåne Stadsmission når unga vuxna"},
            {"type": "CONTACT_FOR", "source_uid": "maja-holm", "target_uid": "2016/00112",
             "evidence": f"{OTHER} berättar om Samverkan mot utanförskap"},
        ])
    return [r1, r2]


def traces(db) -> list[str]:
    """Every stored string that still names her (any case or whitespace), her address or
    her phone number (digits in any grouping)."""
    name = re.compile(r"maja\s+lindqvist", re.I)
    digits = re.sub(r"\D", "", PHONE)
    return [s for s in all_strings(db)
            if name.search(s) or EMAIL in s.lower() or digits in re.sub(r"\D", "", s)]


@pytest.mark.neo4j
def test_forget_person_leaves_nothing_of_them(clean_db):
    db = clean_db
    init_schema(db)
    for record in records():
        write_record(db, record, keep_contact_details=True)
    assert len(traces(db)) >= 7  # loaded: she is everywhere
    nodes_before, rels_before = counts(db)
    her_rels = run_read(db, f"MATCH (:Person {{name: '{NAME}'}})-[r]-() RETURN count(r) AS n")

    done = subprocess.run([sys.executable, "-m", "samverkan.cli", "forget-person", "maja  LINDQVIST"],
                          cwd=REPO_ROOT, env=dict(os.environ), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "persons: 1" in done.stdout

    assert traces(db) == []
    assert not run_read(db, "MATCH (p:Person {uid: 'maja-lindqvist'}) RETURN p")
    # her node and its relationships (CONTACT_FOR, WORKS_FOR, 1 MENTIONS) went, nothing else;
    # one (:ErasedPerson) records the hash of her name (traces() above: not the name itself)
    assert counts(db) == (nodes_before - 1 + 1, rels_before - her_rels[0]["n"])
    assert run_read(db, "MATCH (e:ErasedPerson) RETURN count(e) AS n")[0]["n"] == 1
    # the quotes that named her are gone, the provenance beside them stays
    owns = run_read(db, "MATCH ()-[r:OWNS]->() RETURN r.doc_uids AS d, r.evidence AS e")[0]
    assert len(owns["d"]) == 1 and owns["e"] == ["[removed]"]
    targets = run_read(db, "MATCH ()-[r:TARGETS]->() RETURN r.evidence AS e")[0]
    assert targets["e"] == ["[removed]"]
    summary = run_read(db, "MATCH (p:Project) RETURN p.summary AS s")[0]["s"]
    assert summary == f"Projektet leds av [removed] och {OTHER}."
    # the other Maja is untouched, with her quotes (two nodes: one document names her
    # organisation, the other does not; loaders.person_key)
    other = run_read(db, "MATCH (p:Person {name: $name})-[r]->() "
                         "RETURN p.name AS name, collect(r.evidence[0]) AS quotes", {"name": OTHER})
    assert other[0]["name"] == OTHER
    assert sorted(other[0]["quotes"]) == [f"{OTHER} berättar om Samverkan mot utanförskap",
                                          f"{OTHER} är samordnare"]

    again = subprocess.run([sys.executable, "-m", "samverkan.cli", "forget-person", NAME],
                           cwd=REPO_ROOT, env=dict(os.environ), capture_output=True, text=True,
                           timeout=120)
    # gone: a second erasure is an error, not all-zero counts that look like success
    assert again.returncode == 1 and again.stdout == ""
    assert again.stderr.startswith(f"error: no person named {NAME!r}")
