"""graph.writer and graph.reference_loader against the real Neo4j.

The fixture texts are small, realistic Swedish project-bank entries; people in them are
invented. Idempotency is the requirement under test: a record loaded twice, a changed
version, a retraction and a failed write must each leave the graph exactly as the
remaining documents alone would.
"""
from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from graph import cypher
from graph.connection import database_name, run_read
from graph.reference_loader import load_reference, reference_rows
from graph.schema import LABEL_OF_LIST, NODES, RELS, RELATION_ENDS
from graph.writer import forget_person, init_schema, plan_record, retract_document, write_record, write_records
from loaders.record import empty_record, slug
from samverkan.settings import DATA_DIR

PERSON = "Maja Lindqvist"

TEXT_V1 = """2016/00112 - Samverkan mot utanförskap
Projektägare: Skåne Stadsmission
Projektnummer: 2016/00112
Planerat antal deltagare: 145
Projektperiod: 2016-09-01 - 2019-08-31
Total projektbudget: 12 116 639
Beviljat ESF-stöd: 5 683 594
Kontaktperson: Maja Lindqvist
E-post: maja.lindqvist@example.se
Projektets målgrupper är långtidsarbetslösa (mer än 12 månader) och personer som varit sjukskrivna.
Genom våra olika etablerade verksamheter i Malmö möter vi dagligen personer i utsatthet.
Stadsmissionen samverkar med Malmö stad kring arbetsträning.
"""


def _quote(text: str, quote: str) -> dict:
    start = text.index(quote)
    return {"evidence": quote, "start": start, "end": start + len(quote)}


def _org(name, kind, *aliases):
    return {"uid": slug(name), "name": name, "kind": kind, "aliases": list(aliases)}


def _rel(text, rtype, source_uid, target_uid, quote, source=None, target=None, **props):
    return {"type": rtype, "source": source or source_uid, "target": target or target_uid,
            "source_uid": source_uid, "target_uid": target_uid, **_quote(text, quote),
            "props": props}


def make_record(text: str, path: str, **lists) -> dict:
    rec = empty_record(path.rsplit("/", 1)[-1], path, hashlib.sha256(text.encode()).hexdigest())
    rec.update(title=text.splitlines()[0], kind="esf_project", published="2016-06-30")
    rec.update(lists)
    return rec


def record_v1(text: str = TEXT_V1, path: str = "/corpus/esf/2016-00112.txt") -> dict:
    t = text
    return make_record(
        t, path,
        organizations=[_org("Skåne Stadsmission", "nonprofit", "Stadsmissionen"),
                       _org("Europeiska socialfonden", "fund", "ESF"),
                       _org("Malmö stad", "municipality_org")],
        municipalities=[{"uid": "1280", "code": "1280", "name": "Malmö", "country": "SE",
                         "county_code": "12"}],
        projects=[{"uid": "2016/00112", "name": "Samverkan mot utanförskap", "id": "2016/00112",
                   "start": "2016-09-01", "end": "2019-08-31", "budget_sek": 12116639,
                   "esf_support_sek": 5683594, "planned_participants": 145, "region": "Sydsverige"}],
        people=[{"uid": slug(PERSON), "name": PERSON, "role": "Kontaktperson",
                 "email": "maja.lindqvist@example.se", "phone": "040-123 45 67"}],
        target_groups=[{"key": "long_term_unemployed"}, {"key": "sick_listed"}],
        relations=[
            _rel(t, "OWNS", "skåne-stadsmission", "2016/00112", "Projektägare: Skåne Stadsmission"),
            _rel(t, "FUNDS", "europeiska-socialfonden", "2016/00112",
                 "Beviljat ESF-stöd: 5 683 594", amount_sek=5683594),
            _rel(t, "TARGETS", "2016/00112", "long_term_unemployed", "långtidsarbetslösa"),
            _rel(t, "TARGETS", "2016/00112", "sick_listed", "personer som varit sjukskrivna"),
            _rel(t, "ACTIVE_IN", "2016/00112", "1280", "verksamheter i Malmö"),
            _rel(t, "CONTACT_FOR", slug(PERSON), "2016/00112", "Kontaktperson: Maja Lindqvist",
                 role="Kontaktperson"),
            # stated object-first: the writer stores the undirected edge in uid order
            _rel(t, "COLLABORATES_WITH", "skåne-stadsmission", "malmö-stad",
                 "Stadsmissionen samverkar med Malmö stad"),
        ],
    )


# --- helpers ---------------------------------------------------------------------------

def _identity(labels: list[str], props: dict) -> tuple:
    label = next(lb for lb in labels if lb in NODES)
    return (label, props.get(NODES[label].key))


def snapshot(driver) -> tuple[list, list]:
    """Every node and relationship with its properties (without the load's time and run id), sorted."""
    nodes = run_read(driver, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = run_read(driver, """
        MATCH (a)-[r]->(b)
        RETURN type(r) AS type, labels(a) AS al, properties(a) AS ap,
               labels(b) AS bl, properties(b) AS bp, properties(r) AS props""")

    def dump(x):
        return json.dumps(x, sort_keys=True, default=str, ensure_ascii=False)

    # Organization.num comes from the node's element id (graph.cypher.org_num), like an id: two
    # equal graphs written apart number their organisations apart; Project.org_nums is
    # compared as the uids it names
    uid_of = {n["props"]["num"]: n["props"].get("uid") for n in nodes if "num" in n["props"]}

    def comparable(props: dict) -> dict:
        out = {k: v for k, v in props.items() if k not in ("loaded_at", "load_id", "num")}
        if "org_nums" in out:
            out["org_nums"] = sorted(uid_of.get(x, f"<no organisation {x}>") for x in out["org_nums"])
        return out

    node_rows = sorted(dump([sorted(n["labels"]), comparable(n["props"])]) for n in nodes)
    rel_rows = sorted(dump([r["type"], _identity(r["al"], r["ap"]), _identity(r["bl"], r["bp"]),
                            r["props"]]) for r in rels)
    return node_rows, rel_rows


def counts(driver) -> tuple[int, int]:
    n = run_read(driver, cypher.COUNT_NODES)[0]["n"]
    r = run_read(driver, cypher.COUNT_RELATIONSHIPS)[0]["n"]
    return n, r


def wipe(driver) -> None:
    with driver.session(database=database_name()) as session:
        for statement in cypher.DELETE_ALL:
            session.run(statement).consume()


def rel_props(driver, rtype: str) -> list[dict]:
    return run_read(driver, f"""
        MATCH (a)-[r:{cypher.q(rtype)}]->(b)
        RETURN coalesce(a.uid, a.code, a.key) AS source, coalesce(b.uid, b.code, b.key) AS target,
               properties(r) AS props ORDER BY source, target""")


def all_strings(driver) -> list[str]:
    """Every string and string-list element stored on any node or relationship."""
    rows = run_read(driver, "MATCH (n) RETURN properties(n) AS p UNION ALL "
                            "MATCH ()-[r]->() RETURN properties(r) AS p")
    out = []
    for row in rows:
        for value in row["p"].values():
            if isinstance(value, str):
                out.append(value)
            elif isinstance(value, list):
                out += [v for v in value if isinstance(v, str)]
    return out


@pytest.fixture
def db(clean_db):
    init_schema(clean_db)
    return clean_db


# --- pure planning ---------------------------------------------------------------------

def test_plan_rejects_unknown_relation_type_naming_the_document():
    rec = record_v1()
    rec["relations"].append({"type": "EMPLOYS", "source": "Skåne Stadsmission",
                             "target": PERSON})
    with pytest.raises(ValueError, match=r"^2016-00112\.txt: .*EMPLOYS"):
        plan_record(rec)


def test_plan_rejects_an_end_that_is_not_in_the_record():
    rec = record_v1()
    rec["relations"].append(_rel(TEXT_V1, "PARTNER_IN", "arbetsförmedlingen", "2016/00112",
                                 "Skåne Stadsmission"))
    with pytest.raises(ValueError, match="2016-00112.txt: .*arbetsförmedlingen.*organizations"):
        plan_record(rec)
    rec = record_v1()
    rec["relations"].append(_rel(TEXT_V1, "TARGETS", "2016/00112", "skåne-stadsmission",
                                 "Skåne Stadsmission"))  # an organisation is not a target group
    with pytest.raises(ValueError, match="target_groups"):
        plan_record(rec)


def test_plan_resolves_ends_by_name_and_orders_undirected_edges():
    rec = record_v1()
    for rel in rec["relations"]:
        rel.pop("source_uid"), rel.pop("target_uid")
    rec["relations"][-1].update(source="Malmö stad", target="Skåne Stadsmission")
    plan = plan_record(rec)
    collab = plan.rels["COLLABORATES_WITH"]
    assert [(r["source"], r["target"]) for r in collab] == [("malmö-stad", "skåne-stadsmission")]
    assert plan.rels["ACTIVE_IN"][0]["target"] == "1280"


def test_plan_drops_contact_details_unless_asked():
    person = plan_record(record_v1()).nodes["Person"][0]["props"]
    assert person == {"name": PERSON, "role": "Kontaktperson", "roles": ["Kontaktperson"]}
    person = plan_record(record_v1(), keep_contact_details=True).nodes["Person"][0]["props"]
    assert person["email"] == "maja.lindqvist@example.se" and person["phone"]


def test_every_extracted_relation_type_has_a_writer_statement():
    from graph.writer import EDGE_TYPES, NODE_LABELS
    text = cypher.merge_batch(NODE_LABELS, EDGE_TYPES)
    for rtype in RELATION_ENDS:
        assert f"[r:`{rtype}`]" in text and f"$edges.{rtype}" in text
    with pytest.raises(ValueError):
        cypher.q("OWNS]->() DETACH DELETE (x")


def test_the_batch_statement_takes_the_same_map_parameters_whatever_a_batch_states():
    """Neo4j caches a plan by the text and the parameters' types; an empty list is typed
    apart from a list of maps, so one list parameter per label or type would replan the
    statement for every new combination of stated types (a one-document write nearly every
    time). The rows come as maps ($nodes.<Label>, $edges.<TYPE>), the same parameters for
    every batch."""
    import re
    from graph.writer import EDGE_TYPES, NODE_LABELS
    text = cypher.merge_batch(NODE_LABELS, EDGE_TYPES)
    assert set(re.findall(r"\$(\w+)", text)) == {"uids", "nodes", "edges", "quotes", "said", "evidence_cap"}
    for rtype in EDGE_TYPES:
        assert f"UNWIND $edges.{rtype} AS row" in text and f"[r:`{rtype}`]" in text
    for label in NODE_LABELS:
        assert f"UNWIND $nodes.{label} AS row" in text and f"MERGE (n:`{label}`" in text
    assert set(EDGE_TYPES) == set(RELATION_ENDS)
    assert set(NODE_LABELS) == set(LABEL_OF_LIST.values())
    with pytest.raises(ValueError):
        cypher.merge_batch(NODE_LABELS, ("OWNS]->() DETACH DELETE (x",))
    with pytest.raises(ValueError):  # an end's label must be merged by the statement
        cypher.merge_batch(("Person",), ("OWNS",))


def test_batch_rows_fold_each_node_and_edge_once_with_positions_and_shared_quotes():
    """graph.writer._batch_rows: a node named by two documents is one row (the props the
    first stated, gaps filled by the second), an edge stated by both one row with both
    documents and quote indexes, its ends as positions in the node rows."""
    from graph.writer import _batch_rows
    a = make_record("A", "/a.txt", organizations=[{"uid": "x", "name": "X", "aliases": ["X1"]},
                                                  {"uid": "y", "name": "Y"}],
                    relations=[{"type": "COLLABORATES_WITH", "source_uid": "x", "target_uid": "y",
                                "evidence": "X och Y"}])
    b = make_record("B", "/b.txt", organizations=[{"uid": "y", "name": "Y", "kind": "company"},
                                                  {"uid": "x", "name": "X", "aliases": ["X2"]}],
                    relations=[{"type": "COLLABORATES_WITH", "source_uid": "y", "target_uid": "x",
                                "evidence": "X och Y"}])
    rows = _batch_rows([plan_record(a), plan_record(b)])
    assert rows["uids"] == [a["doc_uid"], b["doc_uid"]]
    orgs = rows["nodes"]["Organization"]
    assert [o["key"] for o in orgs] == ["x", "y"]
    assert orgs[0]["props"] == {"name": "X", "aliases": ["X1", "X2"]}
    assert orgs[1]["props"] == {"name": "Y", "kind": "company"}
    assert [m[0] for m in orgs[0]["mentions"]] == [0, 1]
    # what a document said about a node is sent once per batch however many say it
    assert rows["said"][orgs[1]["mentions"][0][1]] == {"name": "Y"}
    assert rows["said"][orgs[1]["mentions"][1][1]] == {"name": "Y", "kind": "company"}
    assert len(rows["said"]) == 4
    one = make_record("C", "/c.txt", organizations=[{"uid": "z", "name": "Z"}])
    assert _batch_rows([plan_record(one)])["nodes"]["Organization"][0]["props"] is None  # = the mention's
    assert rows["edges"]["COLLABORATES_WITH"] == [{"source": 0, "target": 1, "docs": [0, 1], "evidence": [0, 0]}]
    assert rows["quotes"] == ["X och Y"]


# --- against Neo4j ---------------------------------------------------------------------


@pytest.mark.neo4j
def test_init_schema_creates_a_constraint_per_label_key(clean_db):
    init_schema(clean_db)
    init_schema(clean_db)  # idempotent
    rows = run_read(clean_db, cypher.SHOW_CONSTRAINTS)
    have = {(tuple(r["labelsOrTypes"]), tuple(r["properties"])) for r in rows}
    for node in NODES.values():
        assert ((node.label,), (node.key,)) in have


@pytest.mark.neo4j
def test_round_trip_of_a_project_record(db):
    rec = record_v1()
    result = write_record(db, rec)
    assert result.status == "new" and result.document == "2016-00112.txt"
    entities = sum(len(rec[k]) for k in ("organizations", "municipalities", "projects",
                                         "people", "target_groups"))
    assert result.nodes_created == entities + 1
    assert result.relationships_created == entities + len(rec["relations"])  # MENTIONS + facts

    doc = run_read(db, "MATCH (d:Document) RETURN properties(d) AS p")[0]["p"]
    assert doc["uid"] == rec["doc_uid"] and doc["path"] == rec["path"]
    assert doc["name"] == "2016-00112.txt" and doc["kind"] == "esf_project"
    assert doc["display_name"] == "2016-00112.txt"  # kept for documents_mentioning_actor
    assert doc["title"].startswith("2016/00112") and doc["published"] == "2016-06-30"
    assert doc["loaded_at"] is not None

    # and what the writer keeps for the curated queries: lower-cased name and aliases
    # (name_key, alias_keys), the organisation's number and the numbers of a project's
    # owners, funders and partners (num, org_nums: partners_of_organisation)
    nums = {r["uid"]: r["num"] for r in run_read(db, "MATCH (o:Organization) RETURN o.uid AS uid, o.num AS num")}
    assert all(isinstance(n, int) for n in nums.values()) and len(set(nums.values())) == len(nums)
    org = run_read(db, "MATCH (o:Organization {uid: 'skåne-stadsmission'}) RETURN properties(o) AS p")
    assert org[0]["p"] == {"uid": "skåne-stadsmission", "name": "Skåne Stadsmission",
                           "kind": "nonprofit", "aliases": ["Stadsmissionen"],
                           "name_key": "skåne stadsmission", "alias_keys": ["stadsmissionen"],
                           "num": nums["skåne-stadsmission"]}
    project = run_read(db, "MATCH (p:Project {uid: '2016/00112'}) RETURN properties(p) AS p")[0]["p"]
    assert sorted(project.pop("org_nums")) == sorted([nums["skåne-stadsmission"], nums["europeiska-socialfonden"]])
    assert project == {"uid": "2016/00112", "name": "Samverkan mot utanförskap", "name_key": "samverkan mot utanförskap",
                       "start_year": 2016,
                       "diarienummer": "2016/00112", "start": "2016-09-01", "end": "2019-08-31",
                       "budget_sek": 12116639, "esf_support_sek": 5683594,
                       "planned_participants": 145, "region": "Sydsverige"}
    person = run_read(db, "MATCH (p:Person) RETURN properties(p) AS p")[0]["p"]
    # n_organisations: the one organisation she connects (the contact of a project owned by
    # Skåne Stadsmission), kept by the writer for people_connecting_organisations
    assert person == {"uid": "maja-lindqvist", "name": PERSON, "role": "Kontaktperson",
                      "roles": ["Kontaktperson"], "n_organisations": 1, "name_key": "maja lindqvist"}
    place = run_read(db, "MATCH (m:Municipality) RETURN properties(m) AS p")[0]["p"]
    assert place == {"code": "1280", "name": "Malmö", "country": "SE", "county_code": "12",
                     "name_key": "malmö"}

    # every fact carries its provenance: this document and the quote
    quotes = {(r["type"], r["source_uid"], r["target_uid"]): r["evidence"] for r in rec["relations"]}
    quotes[("COLLABORATES_WITH", "malmö-stad", "skåne-stadsmission")] = quotes.pop(
        ("COLLABORATES_WITH", "skåne-stadsmission", "malmö-stad"))
    seen = 0
    for rtype in RELATION_ENDS:
        for row in rel_props(db, rtype):
            assert row["props"]["doc_uids"] == [rec["doc_uid"]]
            assert row["props"]["evidence"] == [quotes[(rtype, row["source"], row["target"])]]
            assert TEXT_V1.count(row["props"]["evidence"][0]) >= 1
            seen += 1
    assert seen == len(rec["relations"])
    assert rel_props(db, "FUNDS")[0]["props"]["amount_sek"] == 5683594
    assert rel_props(db, "CONTACT_FOR")[0]["props"]["role"] == "Kontaktperson"
    assert json.loads(rel_props(db, "CONTACT_FOR")[0]["props"]["doc_props"][0]) == {
        "role": "Kontaktperson"}
    mentions = run_read(db, "MATCH (:Document)-[m:MENTIONS]->(n) RETURN count(n) AS n")[0]["n"]
    assert mentions == entities


@pytest.mark.neo4j
def test_loading_twice_changes_nothing(db):
    rec = record_v1()
    write_record(db, rec)
    before, n_before = snapshot(db), counts(db)
    again = write_record(db, rec)
    assert again.status == "unchanged"
    assert (again.nodes_created, again.relationships_created, again.relationships_deleted,
            again.nodes_deleted) == (0, 0, 0, 0)
    assert counts(db) == n_before
    assert snapshot(db) == before
    for rtype in RELATION_ENDS:
        for row in rel_props(db, rtype):
            assert len(row["props"]["doc_uids"]) == len(set(row["props"]["doc_uids"])) == 1
            assert len(row["props"]["evidence"]) == 1
    aliases = run_read(db, "MATCH (o:Organization) RETURN o.aliases AS a")
    assert all(len(r["a"]) == len(set(r["a"])) for r in aliases)


@pytest.mark.neo4j
def test_every_node_and_relationship_has_provenance(db):
    """With reference data and overlapping documents loaded, each relationship is either
    reference data, a MENTIONS from its document, or carries one evidence entry per
    supporting document, all of them loaded; each entity node is reference data or lists
    the documents that mention it, each of which has a MENTIONS edge to it."""
    if (DATA_DIR / "municipalities.csv").exists():
        load_reference(db)
    v1, b = record_v1(), record_b()
    v1["organizations"][0]["evidence"] = "Projektägare: Skåne Stadsmission"
    write_record(db, v1)
    write_record(db, b)
    docs = {r["uid"] for r in run_read(db, "MATCH (d:Document) RETURN d.uid AS uid")}
    assert docs == {v1["doc_uid"], b["doc_uid"]}

    rels = run_read(db, "MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a) AS al, "
                        "properties(r) AS p")
    assert rels
    for rel in rels:
        p = rel["p"]
        if p.get("reference"):
            continue
        if rel["type"] == "MENTIONS":
            assert rel["al"] == ["Document"]
            continue
        assert p["doc_uids"] and set(p["doc_uids"]) <= docs, rel
        assert len(p["evidence"]) == len(p["doc_uids"]), rel
        assert all(isinstance(q, str) and q for q in p["evidence"]), rel

    nodes = run_read(db, """
        MATCH (n) WHERE NOT n:Document
        OPTIONAL MATCH (d:Document)-[:MENTIONS]->(n)
        RETURN labels(n) AS labels, n.reference AS reference, n.doc_uids AS doc_uids,
               collect(d.uid) AS mentioned_by""")
    for node in nodes:
        assert node["doc_uids"] is None, node  # provenance of a node: its MENTIONS
        if node["reference"]:
            continue
        assert node["mentioned_by"], node
    shared = run_read(db, "MATCH (d:Document)-[:MENTIONS]->(o:Organization {uid: "
                          "'skåne-stadsmission'}) WITH d ORDER BY d.loaded_at "
                          "RETURN collect(d.uid) AS d")[0]["d"]
    assert shared == [v1["doc_uid"], b["doc_uid"]]  # load order
    quotes = run_read(db, "MATCH (d:Document)-[m:MENTIONS]->(:Organization {uid: "
                          "'skåne-stadsmission'}) RETURN d.uid AS d, m.evidence AS e")
    assert {(q["d"], q["e"] and tuple(q["e"])) for q in quotes} == {
        (v1["doc_uid"], ("Projektägare: Skåne Stadsmission",)), (b["doc_uid"], None)}


@pytest.mark.neo4j
def test_contact_details_only_when_asked(db):
    write_record(db, record_v1())
    assert not any("example.se" in s or "040-123" in s for s in all_strings(db))
    wipe(db)
    write_record(db, record_v1(), keep_contact_details=True)
    person = run_read(db, "MATCH (p:Person) RETURN p.email AS email, p.phone AS phone")[0]
    assert person == {"email": "maja.lindqvist@example.se", "phone": "040-123 45 67"}


TEXT_B = """Nyhet från FINSAM: Skåne Stadsmission driver Samverkan mot utanförskap för långtidsarbetslösa.
Projektet har fått stöd från Europeiska socialfonden.
"""


def record_b() -> dict:
    t = TEXT_B
    return make_record(
        t, "/corpus/news/finsam-2017.txt",
        organizations=[_org("Skåne Stadsmission", "nonprofit"),
                       _org("Europeiska socialfonden", "fund")],
        projects=[{"uid": "2016/00112", "name": "Samverkan mot utanförskap"}],
        target_groups=[{"key": "long_term_unemployed"}],
        relations=[
            _rel(t, "OWNS", "skåne-stadsmission", "2016/00112",
                 "Skåne Stadsmission driver Samverkan mot utanförskap"),
            _rel(t, "TARGETS", "2016/00112", "long_term_unemployed", "för långtidsarbetslösa"),
            _rel(t, "FUNDS", "europeiska-socialfonden", "2016/00112",
                 "stöd från Europeiska socialfonden"),
        ],
    )


def record_v2() -> dict:
    """The project page, edited: a new budget, long-term unemployed and the contact dropped,
    young people and a partner added."""
    t = (TEXT_V1.replace("12 116 639", "13 000 000")
         .replace("Kontaktperson: Maja Lindqvist\nE-post: maja.lindqvist@example.se\n", "")
         .replace("långtidsarbetslösa (mer än 12 månader) och personer som varit sjukskrivna",
                  "unga vuxna och personer som varit sjukskrivna")
         + "Arbetsförmedlingen deltar i projektet.\n")
    rec = record_v1()
    rec["doc_uid"] = hashlib.sha256(t.encode()).hexdigest()
    rec["projects"][0]["budget_sek"] = 13000000
    rec["people"] = []
    rec["organizations"].append(_org("Arbetsförmedlingen", "agency"))
    rec["target_groups"] = [{"key": "young_people"}, {"key": "sick_listed"}]
    rels = [{**r, **_quote(t, r["evidence"])} for r in rec["relations"]
            if r["type"] != "CONTACT_FOR" and r["target_uid"] != "long_term_unemployed"]
    rels += [_rel(t, "TARGETS", "2016/00112", "young_people", "unga vuxna"),
             _rel(t, "PARTNER_IN", "arbetsförmedlingen", "2016/00112",
                  "Arbetsförmedlingen deltar i projektet")]
    rec["relations"] = rels
    return rec


@pytest.mark.neo4j
def test_a_failed_write_leaves_no_trace(db):
    write_record(db, record_b())
    before, n_before = snapshot(db), counts(db)
    bad = record_v1()
    # CONTACT_FOR is written after OWNS, FUNDS, TARGETS and ACTIVE_IN: those already ran
    # in the transaction when Neo4j refuses a map as a property value
    bad["relations"][5]["props"] = {"role": {"title": "Kontaktperson", "since": 2016}}
    with pytest.raises(Exception) as info:
        write_record(db, bad)
    assert not isinstance(info.value, ValueError)  # refused by Neo4j, not by validation
    assert counts(db) == n_before
    assert snapshot(db) == before
    assert not run_read(db, "MATCH (d:Document {uid: $u}) RETURN d", {"u": bad["doc_uid"]})


@pytest.mark.neo4j
def test_the_writer_gives_the_garbage_collector_back_on_success_and_on_failure(db):
    import gc
    bad = record_v1()
    bad["relations"][5]["props"] = {"role": {"title": "Kontaktperson", "since": 2016}}
    assert gc.isenabled()
    out = write_records(db, [record_b(), bad])
    assert [r.status for r in out] == ["new", "failed"]
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    try:
        write_records(db, [record_b()])
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.neo4j
def test_an_invalid_record_writes_nothing(db):
    write_record(db, record_b())
    before = snapshot(db)
    bad = record_v1()
    bad["relations"].append({"type": "HIRES", "source": "Skåne Stadsmission", "target": PERSON})
    with pytest.raises(ValueError, match="2016-00112.txt"):
        write_record(db, bad)
    assert snapshot(db) == before


@pytest.mark.neo4j
def test_a_changed_document_replaces_only_its_own_facts(db):
    v1, b, v2 = record_v1(), record_b(), record_v2()
    assert v1["path"] == v2["path"] and v1["doc_uid"] != v2["doc_uid"]
    write_record(db, v1)
    write_record(db, b)
    result = write_record(db, v2)
    assert result.status == "changed" and result.retracted == [v1["doc_uid"]]

    docs = run_read(db, "MATCH (d:Document) RETURN d.uid AS uid ORDER BY uid")
    assert {d["uid"] for d in docs} == {b["doc_uid"], v2["doc_uid"]}
    targets = {r["target"]: r["props"] for r in rel_props(db, "TARGETS")}
    # dropped by v2 but stated by b: survives with only b's provenance
    assert targets["long_term_unemployed"]["doc_uids"] == [b["doc_uid"]]
    assert targets["long_term_unemployed"]["evidence"] == ["för långtidsarbetslösa"]
    assert targets["young_people"]["doc_uids"] == [v2["doc_uid"]]  # added
    assert targets["sick_listed"]["doc_uids"] == [v2["doc_uid"]]  # kept, re-stated
    owns = rel_props(db, "OWNS")[0]["props"]
    assert owns["doc_uids"] == [b["doc_uid"], v2["doc_uid"]]
    assert owns["evidence"] == ["Skåne Stadsmission driver Samverkan mot utanförskap",
                                "Projektägare: Skåne Stadsmission"]
    assert [r["target"] for r in rel_props(db, "PARTNER_IN")] == ["2016/00112"]
    # v1's own facts are gone: the contact and the person with them
    assert not rel_props(db, "CONTACT_FOR")
    assert not run_read(db, "MATCH (p:Person) RETURN p")
    # node properties follow the surviving documents: b (loaded first) has no budget
    budget = run_read(db, "MATCH (p:Project) RETURN p.budget_sek AS b")[0]["b"]
    assert budget == 13000000

    # exactly what loading b and v2 alone gives
    after = snapshot(db)
    wipe(db)
    write_record(db, b)
    write_record(db, v2)
    assert snapshot(db) == after


@pytest.mark.neo4j
def test_retract_document_by_path_or_uid(db):
    write_record(db, record_b())
    only_b = snapshot(db)
    v1 = record_v1()
    write_record(db, v1)
    result = retract_document(db, v1["path"])
    assert result.status == "retracted" and result.retracted == [v1["doc_uid"]]
    assert snapshot(db) == only_b
    write_record(db, v1)
    assert retract_document(db, v1["doc_uid"]).status == "retracted"
    assert snapshot(db) == only_b
    assert retract_document(db, "/no/such/file.txt").status == "absent"


@pytest.mark.neo4j
def test_forget_person_leaves_no_trace(db):
    v1 = record_v1()
    v1["projects"][0]["summary"] = f"Projektet leds av {PERSON} på Skåne Stadsmission."
    write_record(db, v1, keep_contact_details=True)
    t = "Maja Lindqvist berättar att Skåne Stadsmission driver Samverkan mot utanförskap."
    other = make_record(
        t, "/corpus/news/intervju.txt",
        organizations=[_org("Skåne Stadsmission", "nonprofit")],
        projects=[{"uid": "2016/00112", "name": "Samverkan mot utanförskap"}],
        relations=[_rel(t, "OWNS", "skåne-stadsmission", "2016/00112", t[:-1])])
    write_record(db, other)
    assert any(PERSON.lower() in s.lower() for s in all_strings(db))

    result = forget_person(db, "maja LINDQVIST")
    # CONTACT_FOR and MENTIONS go with the node; the OWNS quote of the interview stays, redacted
    assert result["persons"] == 1 and result["relationships"] == 2 and result["quotes"] == 1
    assert result["nodes_redacted"] == 2  # the project summary, the interview's title
    assert result["relationships_redacted"] == 1  # the summary as v1 stated it (MENTIONS)
    assert not any(PERSON.lower() in s.lower() for s in all_strings(db))
    assert not run_read(db, "MATCH (p:Person) RETURN p")
    owns = rel_props(db, "OWNS")[0]["props"]
    # the quote is gone, the provenance stays
    assert owns["doc_uids"] == [v1["doc_uid"], other["doc_uid"]]
    assert owns["evidence"] == ["Projektägare: Skåne Stadsmission", "[removed]"]
    assert run_read(db, "MATCH (p:Project) RETURN p.summary AS s")[0]["s"] == \
        "Projektet leds av [removed] på Skåne Stadsmission."
    assert forget_person(db, PERSON) == {"persons": 0, "relationships": 0, "quotes": 0,
                                         "nodes_redacted": 0, "relationships_redacted": 0}


# --- retraction is exact, for any documents ---------------------------------------------

POOL = {
    "organizations": [_org("Skåne Stadsmission", "nonprofit", "Stadsmissionen"),
                      _org("Arbetsförmedlingen", "agency", "AF"),
                      _org("Trelleborgs kommun", "municipality_org", "Trelleborg"),
                      _org("Samordningsförbundet Trelleborg", "coordination_association", "FINSAM")],
    "projects": [{"uid": "2016/00112", "name": "Samverkan mot utanförskap", "budget_sek": 100},
                 {"uid": "jobbspåret", "name": "Jobbspåret", "start": "2020"}],
    "municipalities": [{"uid": "1287", "name": "Trelleborg", "country": "SE"},
                       {"uid": "1280", "name": "Malmö", "country": "SE"}],
    "people": [{"uid": "maja-lindqvist", "name": PERSON, "role": "Projektledare"},
               {"uid": "erik-holm", "name": "Erik Holm"}],
    "target_groups": [{"key": "young_people"}, {"key": "newly_arrived"}],
}


@st.composite
def documents(draw, index: int) -> dict:
    lists = {}
    for name, pool in POOL.items():
        chosen = draw(st.lists(st.sampled_from(range(len(pool))), unique=True, max_size=len(pool)))
        entities = []
        for i in sorted(chosen):
            entity = dict(pool[i])
            # documents disagree about scalar properties and aliases
            for prop in ("budget_sek", "role", "start"):
                if prop in entity and draw(st.booleans()):
                    entity[prop] = draw(st.sampled_from([entity[prop], 200, "Samordnare", "2021"]
                                                        if prop != "budget_sek" else [100, 200]))
            if "aliases" in entity:
                entity["aliases"] = draw(st.lists(st.sampled_from(["AF", "Stadsmissionen", "X"]),
                                                  unique=True, max_size=2))
            entities.append(entity)
        lists[name] = entities
    relations = []
    for rtype, (src_list, tgt_list) in RELATION_ENDS.items():
        sources = [e.get("uid") or e.get("key") for e in lists[src_list]]
        targets = [e.get("uid") or e.get("key") for e in lists[tgt_list]]
        if not sources or not targets or not draw(st.booleans()):
            continue
        s, t = draw(st.sampled_from(sources)), draw(st.sampled_from(targets))
        if s == t:
            continue
        props = {p: draw(st.sampled_from([1000, 2000] if p == "amount_sek" else ["Ordförande", "Chef"]))
                 for p in RELS[rtype].properties if draw(st.booleans())}
        relations.append({"type": rtype, "source_uid": s, "target_uid": t, "source": s, "target": t,
                          "evidence": draw(st.sampled_from(["", f"citat {index}", "samma citat"])),
                          "props": props})
    text = f"dokument {index} " + json.dumps([lists, relations], sort_keys=True)
    return make_record(text, f"/corpus/doc{index}.txt", relations=relations, **lists)


@pytest.mark.neo4j
@hsettings(max_examples=10, deadline=None, derandomize=True,
           suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(docs=st.tuples(documents(0), documents(1), documents(2)), drop=st.integers(0, 2))
def test_retracting_any_document_equals_never_loading_it(db, docs, drop):
    wipe(db)
    for rec in docs:
        write_record(db, rec)
    retract_document(db, docs[drop]["path"])
    after = snapshot(db)
    wipe(db)
    for i, rec in enumerate(docs):
        if i != drop:
            write_record(db, rec)
    assert snapshot(db) == after


# --- reference data --------------------------------------------------------------------

@pytest.mark.neo4j
def test_load_reference_gives_the_complete_lists(db):
    if not (DATA_DIR / "municipalities.csv").exists():
        pytest.skip("data/municipalities.csv is not there yet")
    first = load_reference(db)
    assert first["counties"] == 21
    one = lambda q: run_read(db, q)[0]["n"]  # noqa: E731
    assert one("MATCH (m:Municipality {country: 'SE'}) RETURN count(m) AS n") == 290
    assert one("MATCH (c:County) RETURN count(c) AS n") == 21
    assert one("MATCH (:Municipality {country: 'SE'})-[:IN_COUNTY]->(:County) "
               "RETURN count(*) AS n") == 290
    assert one("MATCH (t:TargetGroup) RETURN count(t) AS n") == first["target_groups"] >= 19
    # every kommun is an actor seated in its place; Gotland's kommun is Region Gotland
    assert one("MATCH (o:Organization {kind: 'municipality_org'})-[:LOCATED_IN]->"
               "(:Municipality {country: 'SE'}) RETURN count(DISTINCT o) AS n") == 289
    assert {"name": "Region Gotland", "kind": "region"} in run_read(
        db, "MATCH (o:Organization)-[:LOCATED_IN]->(:Municipality {code: '0980'}) "
            "RETURN o.name AS name, o.kind AS kind")
    assert one("MATCH (n) WHERE n.reference IS NULL RETURN count(n) AS n") == 0
    assert first["member_of"] > 0 and first["unresolved_members"] == 0
    malmo = run_read(db, "MATCH (m:Municipality {code: '1280'})-[:IN_COUNTY]->(c) "
                         "RETURN m.name AS m, c.code AS c")
    assert malmo == [{"m": "Malmö", "c": "12"}]

    loaded = snapshot(db)
    assert load_reference(db) == first  # idempotent
    assert snapshot(db) == loaded

    # documents lean on reference nodes; retracting them leaves the reference intact
    rec = record_v1()
    write_record(db, rec)
    assert one("MATCH (:Document)-[:MENTIONS]->(m:Municipality {code: '1280', reference: true}) "
               "RETURN count(m) AS n") == 1
    retract_document(db, rec["path"])
    assert snapshot(db) == loaded


def test_reference_rows_are_consistent():
    if not (DATA_DIR / "municipalities.csv").exists():
        pytest.skip("data/municipalities.csv is not there yet")
    rows = reference_rows()
    codes = {m["code"] for m in rows["municipalities"]}
    assert len({m["code"] for m in rows["municipalities"] if m["country"] == "SE"}) == 290
    assert all(r["target"] in codes for r in rows["located_in"])
    uids = {o["uid"] for o in rows["organizations"]}
    assert all(r["source"] in uids and r["target"] in uids for r in rows["member_of"])


def test_a_node_takes_the_reference_name_while_the_record_keeps_the_written_one():
    """A page writing only "ESF-rådet" gives a record naming it so; the node is still the
    reference organisation's, with its reference name (pure: no server)."""
    from loaders.extract import extract_text

    rec = extract_text("ESF-rådet och Polisen har beviljat projektet Unga i Norrby stöd.", "w.txt")
    org = next(o for o in rec["organizations"] if o["name"] == "ESF-rådet")
    plan = plan_record(rec)
    node = next(r for r in plan.nodes["Organization"] if r["key"] == org["uid"])
    assert node["props"]["name"] == org["canonical"] == "Svenska ESF-rådet"
