"""graph.writer.write_records: many documents per transaction, the semantics of one at a time."""
from __future__ import annotations

import copy

import pytest

from graph import cypher
from graph.connection import run_read
from graph.writer import write_record, write_records
from test_writer import (counts, record_b, record_v1, record_v2, snapshot, wipe)
from graph.writer import init_schema


@pytest.fixture
def db(clean_db):
    init_schema(clean_db)
    return clean_db


@pytest.fixture(scope="module")
def corpus_records(tmp_path_factory):
    """Records of a small synthetic corpus (bench.corpus): hubs mentioned by many documents."""
    from bench.corpus import corpus_paths, ensure_corpus
    from loaders.pipeline import extract_stream
    from loaders.readers import iter_documents
    root = ensure_corpus(40, 1, tmp_path_factory.mktemp("corpus"))
    recs = [r for r in extract_stream(iter_documents(corpus_paths(root, 40))) if isinstance(r, dict)]
    assert len(recs) >= 30
    return recs


def _mixed(corpus: list[dict]) -> list[dict]:
    """Corpus records plus a changed version and a repeat inside the same list."""
    v1, b, v2 = record_v1(), record_b(), record_v2()
    return [*copy.deepcopy(corpus[:15]), v1, b, *copy.deepcopy(corpus[15:25]), v2,
            copy.deepcopy(corpus[3]), record_b(), *copy.deepcopy(corpus[25:])]


def _statuses(results) -> list[str]:
    return [r.status for r in results]


@pytest.mark.neo4j
@pytest.mark.parametrize("batch_size", [7, 100])
def test_batch_equals_one_by_one(db, corpus_records, batch_size):
    recs = _mixed(corpus_records)
    one = [write_record(db, r) for r in copy.deepcopy(recs)]
    want, n_want = snapshot(db), counts(db)
    wipe(db)
    init_schema(db)
    got = write_records(db, copy.deepcopy(recs), batch_size=batch_size)
    assert _statuses(got) == _statuses(one)
    assert "changed" in _statuses(got) and "unchanged" in _statuses(got)
    assert counts(db) == n_want
    assert snapshot(db) == want
    # totals of the counters are exact
    for attr in ("nodes_created", "relationships_created", "relationships_deleted", "nodes_deleted"):
        assert sum(getattr(r, attr) for r in got) == sum(getattr(r, attr) for r in one), attr


@pytest.mark.neo4j
def test_no_node_has_doc_uids(db, corpus_records):
    write_records(db, _mixed(corpus_records), batch_size=10)
    assert run_read(db, "MATCH (n) WHERE n.doc_uids IS NOT NULL RETURN count(n) AS n")[0]["n"] == 0


@pytest.mark.neo4j
def test_a_bad_record_in_a_batch_fails_alone(db, corpus_records):
    recs = copy.deepcopy(corpus_records[:10])
    bad_db = record_v1()  # refused by Neo4j (a map as a property value), after other statements ran
    bad_db["relations"][5]["props"] = {"role": {"title": "Kontaktperson", "since": 2016}}
    bad_plan = record_b()  # refused by validation
    bad_plan["relations"].append({"type": "HIRES", "source": "a", "target": "b"})
    batch = [*recs[:4], bad_db, *recs[4:7], bad_plan, *recs[7:]]
    results = write_records(db, batch, batch_size=100)
    assert [r.status for r in results] == ["new"] * 4 + ["failed"] + ["new"] * 3 + ["failed"] + ["new"] * 3
    assert isinstance(results[8].error, ValueError)
    assert not isinstance(results[4].error, ValueError)
    for bad in (bad_db, bad_plan):
        assert not run_read(db, "MATCH (d:Document {uid: $u}) RETURN d", {"u": bad["doc_uid"]})
    got = snapshot(db)
    wipe(db)
    init_schema(db)
    for r in copy.deepcopy(recs):
        write_record(db, r)
    assert snapshot(db) == got


@pytest.mark.neo4j
def test_reloading_unchanged_is_a_no_op(db, corpus_records):
    recs = copy.deepcopy(corpus_records)
    write_records(db, recs, batch_size=16)
    before, n_before = snapshot(db), counts(db)
    again = write_records(db, copy.deepcopy(recs), batch_size=16)
    assert {r.status for r in again} == {"unchanged"}
    assert all((r.nodes_created, r.relationships_created, r.relationships_deleted,
                r.nodes_deleted) == (0, 0, 0, 0) for r in again)
    assert counts(db) == n_before and snapshot(db) == before


@pytest.mark.neo4j
def test_a_changed_document_in_a_batch_replaces_its_facts(db, corpus_records):
    b = record_b()
    write_records(db, [record_v1(), b])
    results = write_records(db, [*copy.deepcopy(corpus_records[:5]), record_v2()])
    assert results[-1].status == "changed" and results[-1].retracted == [record_v1()["doc_uid"]]
    targets = {r["t"]: r["d"] for r in run_read(
        db, "MATCH ()-[r:TARGETS]->(t:TargetGroup) WHERE r.doc_uids IS NOT NULL "
            "RETURN t.key AS t, r.doc_uids AS d")}
    assert b["doc_uid"] in targets["long_term_unemployed"]
    assert record_v1()["doc_uid"] not in {u for d in targets.values() for u in d}
    assert not run_read(db, "MATCH (p:Person {uid: 'maja-lindqvist'}) RETURN p")  # only v1 named her


def _collaboration_records(n: int) -> list[dict]:
    """n documents, /c/0.txt … each stating that Skåne Stadsmission and Malmö stad
    collaborate, with its own quote "Dokument i"."""
    from test_writer import make_record, _rel, _org
    recs = []
    for i in range(n):
        text = f"Dokument {i}: Skåne Stadsmission och Malmö stad samverkar."
        recs.append(make_record(text, f"/c/{i}.txt",
                                organizations=[_org("Skåne Stadsmission", "nonprofit"),
                                               _org("Malmö stad", "municipality")],
                                relations=[_rel(text, "COLLABORATES_WITH", "skåne-stadsmission",
                                                "malmö-stad", f"Dokument {i}")]))
    return recs


@pytest.mark.neo4j
def test_evidence_is_capped_and_stays_aligned(db):
    """A relationship stated by more documents than EVIDENCE_CAP keeps the first quotes,
    aligned with doc_uids, also after retracting one of them."""
    from graph.writer import retract_document
    n = cypher.EVIDENCE_CAP + 5
    recs = _collaboration_records(n)
    write_records(db, recs, batch_size=10)
    row = run_read(db, "MATCH ()-[r:COLLABORATES_WITH]->() RETURN r.doc_uids AS d, r.evidence AS e")[0]
    assert len(row["d"]) == n and len(row["e"]) == cypher.EVIDENCE_CAP
    assert row["e"] == [f"Dokument {i}" for i in range(cypher.EVIDENCE_CAP)]
    retract_document(db, "/c/2.txt")
    write_records(db, [recs[2]])
    row = run_read(db, "MATCH ()-[r:COLLABORATES_WITH]->() RETURN r.doc_uids AS d, r.evidence AS e")[0]
    assert len(row["d"]) == n
    uid_of = {r["doc_uid"]: i for i, r in enumerate(recs)}
    for k, quote in enumerate(row["e"]):
        assert quote == f"Dokument {uid_of[row['d'][k]]}"


@pytest.mark.neo4j
def test_evidence_cap_holds_inside_one_batch(db):
    """More documents than EVIDENCE_CAP stating one edge in the same transaction: the cap
    holds as if they were written one by one (each row sees the entries of the rows before)."""
    n = cypher.EVIDENCE_CAP + 6
    recs = _collaboration_records(n)
    write_records(db, recs[:3], batch_size=100)  # the edge exists before the big batch
    write_records(db, recs[3:], batch_size=100)
    row = run_read(db, "MATCH ()-[r:COLLABORATES_WITH]->() RETURN r.doc_uids AS d, r.evidence AS e")[0]
    assert row["d"] == [r["doc_uid"] for r in recs]
    assert row["e"] == [f"Dokument {i}" for i in range(cypher.EVIDENCE_CAP)]


@pytest.mark.neo4j
def test_a_node_named_by_many_documents_of_a_batch_is_written_as_one_by_one(db):
    """The writer MERGEs each node once per batch with what its documents state folded in
    load order (graph.writer._node_rows): a scalar from the first document that states it,
    aliases as a union in first-seen order, a reference node unchanged, one MENTIONS per
    document with what that document said; the same graph as one document at a time."""
    from graph.reference_loader import load_reference
    from test_writer import make_record, _org

    def recs():
        out = []
        for i, (kind, aliases, region) in enumerate([(None, ["VH"], None), ("nonprofit", ["Vargtassen", "VH"], "Syd"),
                                                     ("foundation", ["Hunddagiset"], "Väst"),
                                                     (None, [], None)]):
            text = f"Dokument {i}: Vargtassens hunddagis, Arbetsförmedlingen och Malmö."
            org = {"uid": "vargtassens-hunddagis", "name": "Vargtassens hunddagis", "aliases": aliases}
            if kind:
                org["kind"] = kind
            project = {"uid": "2016/00112", "name": "Samverkan", "id": "2016/00112"}
            if region:
                project["region"] = region
            out.append(make_record(text, f"/n/{i}.txt", organizations=[
                org, _org("Arbetsförmedlingen", "agency", "AF" if i % 2 else "Af")],
                municipalities=[{"uid": "1280", "code": "1280", "name": "Malmö kommun" if i else "Malmö",
                                 "country": "SE"}],
                projects=[project] if i != 3 else [],
                target_groups=[{"key": "long_term_unemployed"}],
                people=[{"uid": "anna-berg", "name": "Anna Berg", "role": "Projektledare" if i == 2 else None,
                         "roles": [r for r in ("Projektledare", "Kontaktperson")[: i % 3]]}]))
        return out

    load_reference(db)
    for rec in recs():
        write_record(db, rec)
    want = snapshot(db)
    wipe(db)
    init_schema(db)
    load_reference(db)
    got = write_records(db, recs(), batch_size=100)
    assert [r.status for r in got] == ["new"] * 4
    assert snapshot(db) == want
    org = run_read(db, "MATCH (o:Organization {uid: 'vargtassens-hunddagis'}) "
                       "RETURN o.kind AS kind, o.aliases AS aliases, o.alias_keys AS keys")[0]
    assert org == {"kind": "nonprofit", "aliases": ["VH", "Vargtassen", "Hunddagiset"],
                   "keys": ["vh", "vargtassen", "hunddagiset"]}
    assert run_read(db, "MATCH (p:Project {uid: '2016/00112'}) RETURN p.region AS r")[0]["r"] == "Syd"
    assert run_read(db, "MATCH (:Document)-[m:MENTIONS]->(:Organization {uid: 'vargtassens-hunddagis'}) "
                        "RETURN count(m) AS n")[0]["n"] == 4
