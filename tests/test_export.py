"""`samverkan export` (issue 15): each export opened by the library that reads it.

GraphML and GEXF by networkx (with analyze's scores on the nodes and every edge's document
count), Cytoscape.js JSON by networkx's reader, the CSV folder by `neo4j-admin database
import full` into an empty database of the local server, FollowTheMoney entities by the
followthemoney library. The format comes from --format or the file name's ending; an unknown
one is a usage error (exit 2) and a path in a missing folder one error line (exit 1).
"""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.connection import run_read
from graph.export import ExportError, format_for
from samverkan.cli import main
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture


def _export(*args) -> str:
    res = CliRunner().invoke(main, ["export", *map(str, args)])
    assert res.exit_code == 0, res.output
    return res.output


# --- without a database ----------------------------------------------------------------------

@pytest.mark.parametrize("name, fmt", [("a.graphml", "graphml"), ("a.GEXF", "gexf"), ("a.json", "json"),
                                       ("a.cyjs", "cytoscape"), ("a.ftm.json", "ftm"), ("a.ftm", "ftm")])
def test_the_file_name_says_the_format(name, fmt):
    assert format_for(Path(name), None) == fmt


@pytest.mark.parametrize("name", ["a.csv", "a.xyz", "folder"])
def test_an_ending_that_says_no_format_is_a_usage_error(tmp_path, name):
    with pytest.raises(ExportError):
        format_for(Path(name), None)
    res = CliRunner().invoke(main, ["export", str(tmp_path / name)])
    assert res.exit_code == 2 and "--format" in res.output
    assert not (tmp_path / name).exists()


def test_bad_options_are_usage_errors_before_connecting(tmp_path):
    res = CliRunner().invoke(main, ["export", str(tmp_path / "n.gexf"), "--kind", "kommunen"])
    assert res.exit_code == 2 and "municipality_org" in res.output
    res = CliRunner().invoke(main, ["export", str(tmp_path / "n.gexf"), "--since", "2020", "--until", "2018"])
    assert res.exit_code == 2 and "after" in res.output


def test_a_missing_folder_is_one_error_line(tmp_path):
    res = CliRunner().invoke(main, ["export", str(tmp_path / "saknas" / "n.gexf")])
    assert res.exit_code == 1
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("error: ") and "saknas" in line


# --- against the seed graph ------------------------------------------------------------------


def _scores(db) -> dict:
    return {r["uid"]: r for r in run_read(db, """
        MATCH (o:Organization) WHERE o.betweenness IS NOT NULL
        RETURN o.uid AS uid, o.betweenness AS betweenness, o.pagerank AS pagerank, o.community AS community""")}


@pytest.mark.neo4j
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_carry_the_scores_and_document_counts(seed_graph, tmp_path, fmt):
    import networkx as nx

    out = tmp_path / f"net.{fmt}"
    assert "with analyze's scores" in _export(out)
    G = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    scores = _scores(seed_graph)
    assert G.number_of_nodes() >= 10 and scores
    scored = [n for n, d in G.nodes(data=True) if "betweenness" in d]
    assert set(scored) == set(scores) & set(G.nodes)
    for uid in scored:
        d = G.nodes[uid]
        assert float(d["betweenness"]) == pytest.approx(scores[uid]["betweenness"])
        assert float(d["pagerank"]) == pytest.approx(scores[uid]["pagerank"])
        assert int(d["community"]) == scores[uid]["community"]
    counts = [int(d["doc_count"]) for _, _, d in G.edges(data=True)]
    assert counts and all(c >= 1 for c in counts)
    # a link's count: the documents stating either end's role in a shared project (here checked
    # against the graph for one link)
    a, b, d = next(iter(G.edges(data=True)))
    expected = run_read(seed_graph, """
        WITH COLLECT {
          MATCH (:Organization {uid: $a})-[r1:OWNS|PARTNER_IN]->(p:Project)<-[r2:OWNS|PARTNER_IN]-(:Organization {uid: $b})
          UNWIND r1.doc_uids + r2.doc_uids AS doc RETURN doc
          UNION
          MATCH (:Organization {uid: $a})-[s:COLLABORATES_WITH]-(:Organization {uid: $b})
          UNWIND s.doc_uids AS doc RETURN doc
        } AS docs
        RETURN size(docs) AS n""", {"a": a, "b": b})[0]["n"]
    assert int(d["doc_count"]) == expected


@pytest.mark.neo4j
def test_period_and_kind_filters(seed_graph, tmp_path):
    import networkx as nx

    everything = tmp_path / "all.graphml"
    _export(everything)
    G = nx.read_graphml(everything)
    kinds = {d.get("org_kind") for _, d in G.nodes(data=True)} - {None}
    kind = sorted(kinds)[0]
    only = tmp_path / "kind.graphml"
    _export(only, "--kind", kind)
    K = nx.read_graphml(only)
    assert 0 < K.number_of_nodes() < G.number_of_nodes()
    assert {d.get("org_kind") for _, d in K.nodes(data=True)} == {kind}
    # seed projects start 2016 or later: before that only undated projects remain
    early = tmp_path / "early.graphml"
    _export(early, "--until", "2015")
    E = nx.read_graphml(early)
    assert E.number_of_edges() < G.number_of_edges()


@pytest.mark.neo4j
def test_cytoscape_json_is_read_back_by_networkx(seed_graph, tmp_path):
    import networkx as nx

    out = tmp_path / "net.cyjs"
    _export(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"nodes", "edges"} <= set(data["elements"])
    assert all({"id", "source", "target", "doc_count"} <= set(e["data"]) for e in data["elements"]["edges"])
    G = nx.cytoscape_graph(data)
    graphml = tmp_path / "net.graphml"
    _export(graphml)
    assert G.number_of_nodes() == nx.read_graphml(graphml).number_of_nodes()


@pytest.mark.neo4j
def test_followthemoney_entities_validate(seed_graph, tmp_path):
    from followthemoney import model

    out = tmp_path / "graph.ftm.json"
    _export(out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    schemata = {r["schema"] for r in rows}
    assert {"Project", "ProjectParticipant", "Person"} <= schemata
    assert schemata & {"Organization", "PublicBody"}
    ids = {r["id"] for r in rows}
    for row in rows:
        proxy = model.get_proxy(row, cleaned=False)  # parses every value by its property type
        assert proxy.schema.name == row["schema"]
        # each value is valid for its property's type
        for prop, values in row["properties"].items():
            ptype = proxy.schema.get(prop).type
            assert all(ptype.clean(v) is not None for v in values), (row["schema"], prop, values)
        for prop in proxy.schema.required:
            assert proxy.get(prop), (row["schema"], prop)
        # every entity reference points at an exported entity
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids
    n_orgs = run_read(seed_graph, "MATCH (o:Organization) RETURN count(o) AS n")[0]["n"]  # no filter: all
    assert sum(r["schema"] in ("Organization", "PublicBody") for r in rows) == n_orgs
    assert not any("email" in r["properties"] or "phone" in r["properties"] for r in rows)


def _admin(tmp_path) -> list[str]:
    """java … AdminTool in a throwaway Neo4j home that shares the local server's jars."""
    from graph import server
    from samverkan.settings import get_settings

    try:
        java, _major = server.find_java()
    except server.ServerError as exc:
        pytest.skip(str(exc))
    lib = server.lib_dir(get_settings())
    if not lib.is_dir():
        pytest.skip(f"no Neo4j jars in {lib} (run `samverkan db start` once)")
    return [java, "-cp", f"{lib}/*", server.ADMIN_TOOL]


@pytest.mark.neo4j
def test_csv_folder_imports_with_neo4j_admin(seed_graph, tmp_path):
    """The heavy one: the CSV folder through `neo4j-admin database import full` into an empty
    database; its report must name every node and relationship of the graph (no bad rows,
    which would fail the import)."""
    folder = tmp_path / "neo4j-import"
    out = _export(folder, "--format", "csv")
    assert "neo4j-admin database import full" in out
    header = (folder / "nodes_Organization.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("uid:ID(Organization),:LABEL,")
    assert (folder / "relationships_OWNS.csv").read_text(encoding="utf-8").startswith(
        ":START_ID(Organization),:END_ID(Project),:TYPE,doc_count:long")
    command = shlex.split(out.split("import with: ", 1)[1])
    assert command[:4] == ["neo4j-admin", "database", "import", "full"]
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text(
        f"server.directories.data={home / 'data'}\nserver.directories.logs={home / 'logs'}\n", encoding="utf-8")
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    report_file = f"--report-file={tmp_path / 'import.report'}"  # not into the working folder
    done = subprocess.run(_admin(tmp_path) + command[1:] + [report_file], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = done.stdout + done.stderr
    imported = re.search(r"Imported:\s*(\d+) nodes\s*(\d+) relationships", report)
    assert imported, report[-2000:]
    expected = run_read(seed_graph, """
        RETURN COUNT { MATCH (n) WHERE NOT n:Document } AS nodes,
               COUNT { MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' } AS rels""")[0]
    assert (int(imported.group(1)), int(imported.group(2))) == (expected["nodes"], expected["rels"])
