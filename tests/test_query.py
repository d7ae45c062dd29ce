"""Curated queries: headers, parameters, the read-only guard — pure, and against the real Neo4j."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.query import (
    MissingParameterError,
    QueryError,
    ReadOnlyQueryError,
    _execute_read,
    check_read_only,
    load_queries,
    parse_param,
    parse_query_file,
    query_parameters,
    run_query,
)
from samverkan.cli import main
from tests.fixtures_graph import fingerprint, seed_graph  # noqa: F401 - fixture

QUERIES = load_queries()

WRITES = [
    "CREATE (n:Probe {x: 1})",
    "MATCH (o:Organization) SET o.name = 'x'",
    "MERGE (n:Probe {x: 1}) RETURN n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Organization) DELETE n",
    "MATCH (o:Organization) REMOVE o.name",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL dbms.listConfig() YIELD name RETURN name",
    "CALL db.createLabel('Probe')",
    "CALL apoc.create.node(['Probe'], {}) YIELD node RETURN node",
    "CREATE INDEX probe IF NOT EXISTS FOR (n:Probe) ON (n.x)",
    "DROP CONSTRAINT organization_uid",
    "match (n) foreach (x in [1] | set n.probe = x)",
    "MATCH (n) CALL (n) { SET n.probe = 1 } IN TRANSACTIONS RETURN count(*)",
    "CREATE USER probe SET PASSWORD 'x'",
    "STOP DATABASE neo4j",
]


# --- headers --------------------------------------------------------------------------------

def test_at_least_twelve_curated_queries_with_full_headers():
    assert len(QUERIES) >= 12
    for name, q in QUERIES.items():
        assert q.title and q.description, name
        used = set(query_parameters(q.text))
        assert used == set(q.params), f"{name}: header params {q.params} vs used {sorted(used)}"
        missing = set(q.params) - set(q.defaults) - set(q.example)
        assert not missing, f"{name}: no example value for {sorted(missing)}"
        check_read_only(q.text, name)


def test_header_parsing(tmp_path):
    f = tmp_path / "demo.cypher"
    f.write_text("// title: Demo\n// description: Two lines\n// description: of text.\n"
                 "// params: name (who, e.g. Malmö, Lund), limit=10 (max rows), code=0180\n"
                 "// example: name=Malmö stad\n\n// a comment\nMATCH (o {name: $name, code: $code})\n"
                 "RETURN o LIMIT $limit\n", encoding="utf-8")
    q = parse_query_file(f)
    assert (q.name, q.title, q.description) == ("demo", "Demo", "Two lines of text.")
    assert q.params == ["name", "limit", "code"]
    assert q.defaults == {"limit": 10, "code": "0180"}
    assert q.param_docs["name"] == "who, e.g. Malmö, Lund"
    assert q.example == {"name": "Malmö stad"}
    assert q.text.startswith("MATCH")


@pytest.mark.parametrize("header, message", [
    ("// title: T\n// params: none\n", "lacks description"),
    ("// title: T\n// description: D\n// params: x\n// example: y=1\n", "does not declare"),
    ("// title: T\n// description: D\n// params: none\n", "no query"),
])
def test_bad_headers_are_refused(tmp_path, header, message):
    f = tmp_path / "bad.cypher"
    f.write_text(header, encoding="utf-8")
    with pytest.raises(QueryError, match=message):
        parse_query_file(f)


def test_parse_param_types():
    assert parse_param("limit=5") == ("limit", 5)
    assert parse_param("code=0180") == ("code", "0180")
    assert parse_param("x=null") == ("x", None)
    assert parse_param("$name='12'") == ("name", "12")
    with pytest.raises(QueryError):
        parse_param("no value")


# --- the keyword guard (no database) ----------------------------------------------------------

@pytest.mark.parametrize("text", WRITES)
def test_writes_and_admin_are_refused_before_sending(text):
    with pytest.raises(ReadOnlyQueryError, match="read-only"):
        check_read_only(text)


@pytest.mark.parametrize("text", [
    "MATCH (n:Organization) WHERE n.name = 'CREATE SET DELETE' RETURN n",
    "MATCH (n) RETURN n.created AS created, n.settled AS s  // DELETE in a comment",
    "MATCH (n:`MERGE`) RETURN n /* SET */",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH p = shortestPath((a)-[*..3]-(b)) RETURN p",
    "RETURN $set AS x",
])
def test_reads_pass_the_guard(text):
    check_read_only(text)


def test_refusal_names_the_clause_and_line():
    with pytest.raises(ReadOnlyQueryError, match=r"'MERGE' on line 2"):
        check_read_only("MATCH (a)\nMERGE (a)-[:X]->(b)", "q")


# --- against the real Neo4j --------------------------------------------------------------------

@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_curated_query_runs_on_the_seed_graph(seed_graph, name):
    q = QUERIES[name]
    columns, rows = run_query(seed_graph, q, q.example)
    assert columns
    assert rows, f"{name} returned no rows on the seed graph with {q.example}"
    assert all(set(r) == set(columns) for r in rows)


@pytest.mark.neo4j
def test_queries_return_known_answers(seed_graph):
    _, rows = run_query(seed_graph, "partners_of_organisation", {"name": "af"})  # an alias
    partners = {r["partner"] for r in rows}
    assert {"Försäkringskassan", "Sigtuna kommun", "Malmö stad"} <= partners
    _, rows = run_query(seed_graph, "top_brokers", {})
    assert rows[0]["organisation"] == "Arbetsförmedlingen"
    _, rows = run_query(seed_graph, "gaps_in_lan", {"lan": "Skåne"})
    assert len({r["kommun_code"] for r in rows}) == 33  # every kommun of Skåne has some gap
    assert all(r["lan"] == "Skåne län" for r in rows)


@pytest.mark.neo4j
def test_missing_parameter_and_unknown_name(seed_graph):
    with pytest.raises(MissingParameterError, match=r"\$name"):
        run_query(seed_graph, "partners_of_organisation", {})
    with pytest.raises(QueryError, match="no query named"):
        run_query(seed_graph, "no_such_query", {})


@pytest.mark.neo4j
@pytest.mark.parametrize("text", WRITES)
def test_writes_are_refused_and_nothing_changes(seed_graph, text):
    before = fingerprint(seed_graph)
    with pytest.raises(ReadOnlyQueryError):
        run_query(seed_graph, text, {})
    assert fingerprint(seed_graph) == before


@pytest.mark.neo4j
@pytest.mark.parametrize("text", [
    "CREATE (n:Probe {x: 1}) RETURN n",
    "MATCH (o:Organization) SET o.probe = 1",
    "CALL db.createLabel('Probe')",
    "CREATE INDEX probe IF NOT EXISTS FOR (n:Probe) ON (n.x)",
])
def test_server_side_guards_hold_without_the_keyword_check(seed_graph, text):
    """The EXPLAIN check, and under it the READ transaction, refuse writes on their own."""
    before = fingerprint(seed_graph)
    with pytest.raises(ReadOnlyQueryError, match="Neo4j classifies"):
        _execute_read(seed_graph, text, {}, check_plan=True)
    from neo4j.exceptions import ClientError

    with pytest.raises(ClientError, match="read access mode"):
        _execute_read(seed_graph, text, {}, check_plan=False)
    assert fingerprint(seed_graph) == before


@pytest.mark.neo4j
def test_the_read_only_verdict_is_kept_for_read_texts_only(seed_graph):
    """EXPLAIN is planned afresh on every run, so a text the server classified as read-only is
    not asked again; one it refused is asked, and refused, every time."""
    from graph import query as Q

    read = "MATCH (o:Organization) RETURN count(o) AS n // verdict probe"
    write = "MATCH (o:Organization) SET o.probe = 1 // verdict probe"
    Q._READ_ONLY_TEXTS.clear()
    assert Q._execute_read(seed_graph, read, {}, check_plan=True)[1][0]["n"] > 0
    assert [k for k in Q._READ_ONLY_TEXTS if k[2] == read]
    for _ in range(2):
        with pytest.raises(ReadOnlyQueryError, match="Neo4j classifies"):
            Q._execute_read(seed_graph, write, {}, check_plan=True)
    assert not [k for k in Q._READ_ONLY_TEXTS if k[2] == write]
    assert Q._execute_read(seed_graph, read, {}, check_plan=True)[1][0]["n"] > 0


@pytest.mark.neo4j
def test_cli_query_formats(seed_graph):
    runner = CliRunner()
    res = runner.invoke(main, ["query", "projects_of_organisation", "--param", "name=Arbetsförmedlingen",
                               "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert {"Etableringslyftet", "Make it work"} <= {r["project"] for r in rows}
    res = runner.invoke(main, ["query", "projects_of_organisation", "-p", "name=Arbetsförmedlingen",
                               "--format", "csv"])
    assert res.output.splitlines()[0] == "organisation,role,project,start,end,target_groups,kommuner"
    res = runner.invoke(main, ["query", "top_brokers", "-p", "limit=3"])
    assert res.exit_code == 0 and "Arbetsförmedlingen" in res.output
    res = runner.invoke(main, ["query", "--list"])
    assert res.exit_code == 0 and all(name in res.output for name in QUERIES)


@pytest.mark.neo4j
def test_cli_refuses_writes_with_one_line(seed_graph):
    before = fingerprint(seed_graph)
    res = CliRunner().invoke(main, ["query", "MATCH (n) DETACH DELETE n"])
    assert res.exit_code == 1
    assert "read-only" in res.output and "Traceback" not in res.output
    assert fingerprint(seed_graph) == before


@pytest.mark.neo4j
def test_name_lookup_exact_first_then_case_insensitive_and_limits(seed_graph):
    """Exact uid/name hits are index seeks; other spellings still resolve (the fallback);
    hub queries honour $limit."""
    for name in ("partners_of_organisation", "projects_of_organisation", "documents_mentioning_actor"):
        _, exact = run_query(seed_graph, name, {"name": "Arbetsförmedlingen"})
        _, folded = run_query(seed_graph, name, {"name": "ARBETSFÖRMEDLINGEN"})
        assert exact and folded == exact, name
        _, one = run_query(seed_graph, name, {"name": "Arbetsförmedlingen", "limit": 1})
        assert one == exact[:1], name
    _, rows = run_query(seed_graph, "shortest_collaboration_path", {"a": "sigtuna kommun", "b": "MALMÖ STAD"})
    assert rows and rows[0]["from_organisation"] == "Sigtuna kommun"
    _, rows = run_query(seed_graph, "people_connecting_organisations", {"limit": 2})
    assert len(rows) <= 2 and all(r["n_organisations"] == len(r["organisations"]) >= 2 for r in rows)
