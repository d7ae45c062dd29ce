"""The analysis against the real Neo4j: projection, `samverkan analyze`, scores written back."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from analytics import SCORE_PROPERTIES, analyze
from graph.connection import run_read
from graph.projection import load_projection, write_scores
from samverkan.cli import main
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture

pytestmark = pytest.mark.neo4j


def test_projection_of_the_seed_graph(seed_graph):
    proj = load_projection(seed_graph)
    assert len(proj.municipalities) == 290                      # Swedish kommuner only
    assert len(proj.counties) == 21 and len(proj.target_groups) >= 19
    assert {"OWNS", "PARTNER_IN"} <= {r["role"] for r in proj.org_projects}
    assert any(r["org_name"] == "Arbetsförmedlingen" for r in proj.org_projects)
    assert proj.coverage and proj.activity and proj.projects
    assert all(isinstance(r["start"], (str, type(None))) for r in proj.org_projects)  # plain values


def test_projection_from_one_query_per_project_is_the_rows_of_the_separate_queries(seed_graph):
    """``load_projection`` reads projects once (``BY_PROJECT``) and splits the records; the
    rows, and their order, are those of the queries that read them one table at a time."""
    from graph import projection as P

    proj = load_projection(seed_graph)
    assert proj.org_projects == P.org_project_rows(seed_graph)
    assert proj.coverage == P.coverage_rows(seed_graph)
    assert proj.activity == P.missing_link_rows(seed_graph)
    assert proj.projects == P._rows(seed_graph, P.PROJECTS)
    assert len(proj.org_projects) >= 10 and len(proj.coverage) >= 10 and len(proj.activity) >= 10


def test_period_filter_on_the_projection(seed_graph):
    everything = load_projection(seed_graph)
    early = load_projection(seed_graph, 2010, 2015)
    dated = {r["project_uid"] for r in everything.org_projects if r["start"] or r["end"]}
    kept = {r["project_uid"] for r in early.org_projects}
    assert dated and not (dated & kept)                         # seed projects start 2016 or later
    assert early.period_label == "2010–2015"


def test_cli_analyze_writes_scores_and_prints_a_table(seed_graph):
    res = CliRunner().invoke(main, ["analyze", "--top", "5"])
    assert res.exit_code == 0, res.output
    assert "Top 5 organisations by betweenness (exact" in res.output
    assert res.output.splitlines()[2].split()[1] == "Arbetsförmedlingen"
    assert "coverage gaps:" in res.output and "missing links:" in res.output
    rows = run_read(seed_graph, """
        MATCH (o:Organization) WHERE o.scores_at IS NOT NULL
        RETURN o.name AS name, o.betweenness AS b, o.community AS c, o.degree AS d, o.is_cut_point AS cut,
               o.scores_period AS period ORDER BY b DESC""")
    assert rows[0]["name"] == "Arbetsförmedlingen" and rows[0]["b"] > 0 and rows[0]["cut"] is True
    assert all(r["c"] is not None and r["period"] == "all" for r in rows)
    # funders are not in the network, so they carry no score
    funders_only = run_read(seed_graph, """
        MATCH (o:Organization)-[:FUNDS]->() WHERE NOT (o)-[:OWNS|PARTNER_IN]->()
        RETURN collect(o.betweenness) AS scores""")[0]["scores"]
    assert funders_only == []


def test_rescoring_a_period_removes_stale_scores(seed_graph):
    result = analyze(load_projection(seed_graph, 2016, 2017))
    write_scores(seed_graph, result.score_rows(), period="2016–2017")
    scored = run_read(seed_graph, "MATCH (o:Organization) WHERE o.scores_at IS NOT NULL "
                                  "RETURN collect(o.scores_period) AS p, count(o) AS n")[0]
    assert scored["n"] == len(result.score_rows())
    assert set(scored["p"]) <= {"2016–2017"}
    # back to the full scores for the other tests
    full = analyze(load_projection(seed_graph))
    assert write_scores(seed_graph, full.score_rows()) == len(full.score_rows())
    props = run_read(seed_graph, "MATCH (o:Organization) WHERE o.scores_at IS NOT NULL "
                                 "RETURN keys(o) AS k LIMIT 1")[0]["k"]
    assert set(SCORE_PROPERTIES) <= set(props)


def test_cli_analyze_no_write_and_bad_period(seed_graph):
    res = CliRunner().invoke(main, ["analyze", "--no-write", "--since", "2016", "--until", "2018"])
    assert res.exit_code == 0 and "scores not written" in res.output
    res = CliRunner().invoke(main, ["analyze", "--since", "2020", "--until", "2018"])
    assert res.exit_code == 2 and "after" in res.output


def test_cli_export_graphml(seed_graph, tmp_path):
    import networkx as nx

    out = tmp_path / "net.graphml"
    res = CliRunner().invoke(main, ["export", str(out)])
    assert res.exit_code == 0, res.output
    G = nx.read_graphml(out)
    assert G.number_of_nodes() >= 10
    assert any(d.get("name") == "Arbetsförmedlingen" for _, d in G.nodes(data=True))
    # the extension says the format: a .gexf file is GEXF that networkx reads back
    gexf = tmp_path / "net.gexf"
    assert CliRunner().invoke(main, ["export", str(gexf)]).exit_code == 0
    assert nx.read_gexf(gexf).number_of_nodes() == G.number_of_nodes()


def test_scores_are_written_and_cleared_in_small_transactions(seed_graph):
    """batch=2: many transactions each way; the result is that of one big one (stale scores gone)."""
    part = analyze(load_projection(seed_graph, 2016, 2017))
    full = analyze(load_projection(seed_graph))
    assert write_scores(seed_graph, full.score_rows(), batch=3) == len(full.score_rows())
    assert write_scores(seed_graph, part.score_rows(), period="2016–2017", batch=2) == len(part.score_rows())
    scored = run_read(seed_graph, "MATCH (o:Organization) WHERE o.scores_at IS NOT NULL "
                                  "RETURN collect(DISTINCT o.scores_period) AS p, count(o) AS n, "
                                  "count(DISTINCT o.scores_at) AS stamps")[0]
    assert scored == {"p": ["2016–2017"], "n": len(part.score_rows()), "stamps": 1}
    assert len(part.score_rows()) < len(full.score_rows())          # so something was cleared
    write_scores(seed_graph, full.score_rows(), batch=2)              # back to the full scores
