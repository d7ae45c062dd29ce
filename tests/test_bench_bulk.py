"""The bulk-import ceiling's export and import (bench/bulk.py, issue 16).

The CSV export must carry what the graph holds — quotes, commas, line breaks, lists, dates —
so that ``neo4j-admin database import full`` writes the same number of nodes,
relationships and properties; the round trip runs the real importer of the jars
``graph/server.py`` fetched, against a graph in the test Neo4j.
"""
from __future__ import annotations

import csv

import pytest

from bench import bulk


def test_types_are_inferred_per_property():
    assert bulk._value_type(3) == "long"
    assert bulk._value_type(True) == "boolean"
    assert bulk._value_type(["a", "b"]) == "string[]"
    assert bulk._value_type([1, 2.5]) == "double[]"
    assert bulk._merge_types("long", "double") == "double"
    assert bulk._merge_types("long[]", "string[]") == "long[]"  # an empty list beside numbers
    with pytest.raises(TypeError):
        bulk._merge_types("string", "long")


def test_cells_and_durations():
    assert bulk._cell(["a;b", "c,d"]) == "a;b\x1fc,d"
    assert bulk._cell(False) == "false"
    with pytest.raises(ValueError):
        bulk._cell(["bad\x1fvalue"])
    assert bulk._duration_s("1m 2s 787ms") == pytest.approx(62.787)
    assert bulk._duration_s("950ms") == pytest.approx(0.95)


@pytest.mark.neo4j
def test_round_trip_through_the_importer(clean_db, tmp_path, monkeypatch):
    driver = clean_db
    with driver.session() as s:
        s.run("""
            CREATE (a:Organization {uid: 'a', name: 'Skåne "Stadsmission", Malmö', aliases: ['A; B', 'C,D'],
                                    kind: 'nonprofit'})
            CREATE (b:Organization {uid: 'b', name: 'rad ett\nrad två', aliases: []})
            CREATE (p:Project {uid: 'p', name: 'P', budget_sek: 1200000, esf_support_sek: 10.5})
            CREATE (d:Document {uid: 'd', path: '/x/y.txt', loaded_at: datetime()})
            CREATE (d)-[:MENTIONS {name: 'P'}]->(p)
            CREATE (a)-[:OWNS {doc_uids: ['d'], evidence: ['"citat", med\nradbrytning']}]->(p)
            CREATE (b)-[:PARTNER_IN {doc_uids: ['d'], evidence: ['']}]->(p)
            CREATE (a)-[:COLLABORATES_WITH {doc_uids: ['d'], reference: true}]->(b)
        """).consume()
    monkeypatch.setattr(bulk, "SCRATCH_PARENT", tmp_path)
    folder = tmp_path / "csv"
    exp = bulk.export_csv(driver, folder)
    assert (exp["node_count"], exp["relationship_count"]) == (4, 4)
    assert exp["empty_list_count"] == 2  # b.aliases, the evidence [""] of PARTNER_IN
    with open(next(p for p in exp["nodes"] if "Organization" in p.name), newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:2] == [":ID", ":LABEL"] and "aliases:string[]" in rows[0]
    assert any("rad ett\nrad två" in cell for row in rows for cell in row)

    res = bulk.bulk_ceiling(driver, documents=1)
    assert (res["nodes"], res["relationships"]) == (4, 4)
    assert res["properties_imported"] == res["properties_exported"] - 2
    assert res["import_s"] > 0 and res["import_wall_s"] >= res["import_s"]
    assert not list(tmp_path.glob("bench-import.*")), "the scratch home is deleted"
