"""Analytics on small graphs with known answers (no database)."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from analytics import (
    Projection,
    analyze,
    bipartite_graph,
    bridges_and_cut_points,
    centrality_table,
    collaboration_graph,
    communities,
    coverage_matrix,
    filter_by_period,
    missing_links,
    pagerank,
    ranked_gaps,
    read_need_csv,
)


def op(org, project, role="PARTNER_IN", *, kind="nonprofit", start=None, end=None):
    return {"org_uid": org, "org_name": org.title(), "org_kind": kind, "role": role,
            "project_uid": project, "project_name": project.upper(), "start": start, "end": end}


def star_rows(n=5):
    """A hub sharing one project with each of n leaves."""
    return [r for i in range(n) for r in (op("hub", f"p{i}"), op(f"leaf{i}", f"p{i}"))]


def clique_rows(prefix, size, project):
    return [op(f"{prefix}{i}", project) for i in range(size)]


def barbell_rows():
    """Two 4-cliques (one project each) joined by one project shared by a2 and b0."""
    return clique_rows("a", 4, "pa") + clique_rows("b", 4, "pb") + [op("a3", "bridge"), op("b0", "bridge")]


# --- network ----------------------------------------------------------------------------------

def test_collaboration_graph_weights_and_projects_on_edges():
    rows = [op("x", "p1"), op("y", "p1"), op("x", "p2"), op("y", "p2", "OWNS"), op("z", "p2")]
    G = collaboration_graph(rows)
    assert G.edges["x", "y"]["weight"] == 2
    assert G.edges["x", "y"]["projects"] == ["p1", "p2"]
    assert G.edges["x", "y"]["project_names"] == ["P1", "P2"]
    assert G.edges["x", "z"]["weight"] == 1
    assert G.nodes["x"]["n_projects"] == 2


def test_collaboration_graph_leaves_funders_out_when_asked():
    rows = [op("fund", "p1", "FUNDS"), op("fund", "p2", "FUNDS"), op("a", "p1", "OWNS"), op("b", "p2", "OWNS")]
    with_funders = collaboration_graph(rows)
    assert with_funders.has_edge("fund", "a") and with_funders.has_edge("fund", "b")
    without = collaboration_graph(rows, roles=("OWNS", "PARTNER_IN"))
    assert without.number_of_edges() == 0
    with pytest.raises(ValueError, match="unknown roles"):
        collaboration_graph(rows, roles=("SPONSORS",))


def test_stated_collaboration_adds_an_edge_without_projects():
    G = collaboration_graph([op("a", "p1")], [{"org_a": "a", "org_b": "new", "org_b_name": "New Org",
                                                "doc_uids": ["d1"]}])
    e = G.edges["a", "new"]
    assert (e["stated"], e["weight"], e["projects"], e["stated_doc_uids"]) == (True, 1, [], ["d1"])
    assert G.nodes["new"]["name"] == "New Org"


def _graph_in_order(G):
    """Everything order-sensitive code downstream sees: nodes, each node's neighbours, attributes."""
    return (list(G.nodes(data=True)), [(u, list(nbrs.items())) for u, nbrs in G.adjacency()],
            list(G.edges(data=True)))


def _random_org_project_rows(seed, n_rows, n_orgs, n_projects):
    import random

    rng = random.Random(seed)
    rows = []
    for _ in range(n_rows):
        o, p = rng.randrange(n_orgs), rng.randrange(n_projects)
        # skewed project sizes (a few large ones), repeated (org, project) pairs with another role
        p = p % 3 if rng.random() < 0.2 else p
        rows.append({"org_uid": f"o{o}", "org_name": rng.choice([f"Org {o}", None, ""]), "org_kind": "k",
                     "role": rng.choice(["OWNS", "FUNDS", "PARTNER_IN", "PARTNER_IN"]),
                     "project_uid": f"p{p}", "project_name": rng.choice([f"P {p}", None]),
                     "start": None, "end": None})
    stated = [{"org_a": f"o{rng.randrange(n_orgs + 5)}", "org_b": f"o{rng.randrange(n_orgs + 5)}",
               "org_b_name": "Stated", "doc_uids": [f"d{rng.randrange(4)}"]} for _ in range(n_rows // 10)]
    return rows, stated


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("roles", [None, ("OWNS", "PARTNER_IN"), ("FUNDS",)])
def test_fast_collaboration_graph_is_the_plain_one_in_the_same_order(seed, roles):
    from analytics.network import _collaboration_graph, _collaboration_graph_fast, _roles_filter

    n_rows, n_orgs, n_projects = [(0, 1, 1), (1, 1, 1), (5, 3, 2), (40, 10, 8), (300, 40, 60),
                                  (2000, 150, 300)][seed % 6]
    rows, stated = _random_org_project_rows(seed, n_rows, n_orgs, n_projects)
    keep = _roles_filter(roles)
    fast = _collaboration_graph_fast(rows, stated, keep)
    assert _graph_in_order(fast) == _graph_in_order(_collaboration_graph(rows, stated, keep))
    assert _graph_in_order(collaboration_graph(rows, stated, roles=roles)) == _graph_in_order(fast)
    # each edge has its own lists, as add_edges_from would give it
    lists = [id(d[k]) for _, _, d in fast.edges(data=True) for k in ("projects", "project_names",
                                                                       "stated_doc_uids")]
    assert len(set(lists)) == len(lists)


def test_fast_collaboration_graph_takes_the_plain_path_for_other_uids():
    from analytics.network import _collaboration_graph, _collaboration_graph_fast, _roles_filter

    rows = [dict(op("a", "p1"), org_uid=2), dict(op("b", "p1"), org_uid=1), dict(op("c", "p1"), org_uid=3)]
    keep = _roles_filter(None)
    G = _collaboration_graph_fast(rows, [], keep)
    assert _graph_in_order(G) == _graph_in_order(_collaboration_graph(rows, [], keep))
    assert list(G) == [2, 1, 3] and G.number_of_edges() == 3


def test_bipartite_graph_keeps_org_and_project_with_same_uid_apart():
    B = bipartite_graph([op("same", "same"), op("b", "same")])
    assert B.nodes["same"]["kind"] == "organization"
    assert B.nodes["project:same"]["kind"] == "project"
    assert nx.is_bipartite(B)


# --- hubs, brokers, communities, weak points ----------------------------------------------------

def test_star_hub_tops_every_centrality():
    G = collaboration_graph(star_rows(5))
    t = centrality_table(G)
    assert t.index[0] == "hub"
    assert t.loc["hub", "degree"] == 5
    assert t.loc["hub", "betweenness"] == pytest.approx(1.0)
    assert (t.drop(index="hub")["betweenness"] == 0).all()
    assert t["pagerank"].idxmax() == "hub"
    assert t.attrs["betweenness"].startswith("exact")


def test_pagerank_matches_networkx_definition():
    G = nx.karate_club_graph()
    ours = pagerank(G, weight="weight")
    # networkx.pagerank needs scipy; its pure-python twin is the reference
    ref = nx.algorithms.link_analysis.pagerank_alg._pagerank_python(G, weight="weight")
    assert max(abs(ours[u] - ref[u]) for u in G) < 1e-5
    assert sum(ours.values()) == pytest.approx(1.0)


def test_bridge_between_two_cliques_is_found():
    G = collaboration_graph(barbell_rows())
    weak = bridges_and_cut_points(G)
    assert weak["bridges"] == [("a3", "b0")]
    assert weak["cut_points"] == ["a3", "b0"]
    t = centrality_table(G, seed=1)
    assert set(t.index[:2]) == {"a3", "b0"}  # the brokers


def test_louvain_splits_the_barbell_and_is_deterministic():
    G = collaboration_graph(barbell_rows())
    found = communities(G, seed=3)
    assert sorted(map(sorted, found)) == [["a0", "a1", "a2", "a3"], ["b0", "b1", "b2", "b3"]]
    assert communities(G, seed=3) == found
    t = centrality_table(G, seed=3)
    assert t.loc["a0", "community"] == t.loc["a3", "community"] != t.loc["b0", "community"]


def test_communities_are_a_partition_on_a_random_graph():
    G = nx.gnm_random_graph(60, 150, seed=7)
    found = communities(G, seed=7)
    members = [u for c in found for u in c]
    assert sorted(members) == sorted(G)
    assert [len(c) for c in found] == sorted((len(c) for c in found), reverse=True)


def test_sampled_betweenness_is_labelled():
    G = nx.barabasi_albert_graph(200, 2, seed=1)
    t = centrality_table(G, betweenness_k=50, seed=1)
    assert t.attrs["betweenness"] == "sampled k=50 (networkx)"
    hub = max(dict(G.degree()).items(), key=lambda kv: kv[1])[0]
    assert hub in set(t.index[:5])


def test_empty_graph_gives_empty_table():
    t = centrality_table(nx.Graph())
    assert t.empty and "betweenness" in t.columns
    assert bridges_and_cut_points(nx.Graph()) == {"bridges": [], "cut_points": []}


# --- coverage -----------------------------------------------------------------------------------

MUNIS = [{"code": "0180", "name": "Stockholm", "county_code": "01"},
         {"code": "0114", "name": "Upplands Väsby", "county_code": "01"},
         {"code": "1280", "name": "Malmö", "county_code": "12"},
         {"code": "1281", "name": "Lund", "county_code": "12"}]
COUNTIES = [{"code": "01", "name": "Stockholms län"}, {"code": "12", "name": "Skåne län"}]
GROUPS = [{"key": "youth", "label_sv": "Unga"}, {"key": "newly_arrived", "label_sv": "Nyanlända"}]


def cov(project, muni, key, county=None):
    return {"project_uid": project, "municipality_code": muni, "county_code": county or muni[:2],
            "target_key": key}


def test_coverage_matrix_has_every_place_and_group_and_a_known_gap():
    rows = [cov("p1", "0180", "youth"), cov("p1", "0180", "newly_arrived"), cov("p2", "0180", "youth"),
            cov("p3", "1280", "youth"), cov("p3", "1281", "youth"), cov("p4", "9999", "youth")]
    m = coverage_matrix(rows, MUNIS, GROUPS)
    assert list(m.index) == ["0114", "0180", "1280", "1281"]
    assert list(m.columns) == ["youth", "newly_arrived"]
    assert m.loc["0180", "youth"] == 2
    assert m.loc["1280", "newly_arrived"] == 0           # the known gap
    assert (m.loc["0114"] == 0).all()                     # a kommun nobody mentions is a row of gaps
    assert m.values.sum() == 5                            # the unknown kommun 9999 is ignored
    lan = coverage_matrix(rows, MUNIS, GROUPS, level="lan", counties=COUNTIES)
    assert lan.loc["12", "youth"] == 1                    # p3 in two kommuner of one län counts once
    assert lan.loc["12", "newly_arrived"] == 0
    assert lan.attrs["place_names"]["12"] == "Skåne län"


def test_ranked_gaps_prefer_need_then_active_places():
    rows = [cov("p1", "0180", "youth"), cov("p2", "1280", "youth"), cov("p3", "1280", "newly_arrived"),
            cov("p4", "1281", "newly_arrived")]
    m = coverage_matrix(rows, MUNIS, GROUPS)
    gaps = ranked_gaps(m)
    assert len(gaps) == int((m == 0).sum().sum())
    # without need data: active places first, then where the län already has such projects
    # (Lund: active, nothing for youth, but Malmö next door has a youth project)
    assert gaps[["place", "target_group"]].values.tolist()[:2] == [["1281", "youth"], ["0180", "newly_arrived"]]
    need = pd.Series({"Upplands Väsby": 9.0, "1281": 1.0})
    ranked = ranked_gaps(m, need)
    assert ranked.iloc[0]["place"] == "0114" and ranked.iloc[0]["need"] == 9.0
    assert list(ranked["rank"]) == list(range(1, len(ranked) + 1))


def test_read_need_csv_with_decimal_comma_and_lost_zeros(tmp_path):
    f = tmp_path / "behov.csv"
    f.write_text("kommunkod;behov\n180;2,5\n1280;7\n", encoding="utf-8")
    assert read_need_csv(f).to_dict() == {"0180": 2.5, "1280": 7.0}
    bad = tmp_path / "bad.csv"
    bad.write_text("kommun,behov\nMalmö,mycket\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a number"):
        read_need_csv(bad)


# --- missing links and time filter ---------------------------------------------------------------

def act(org, project, key, place):
    return {"org_uid": org, "org_name": org.title(), "project_uid": project, "target_key": key,
            "place_code": place}


def test_missing_links_same_group_same_place_no_shared_project():
    rows = [act("a", "p1", "youth", "0180"), act("b", "p2", "youth", "0180"),
            act("c", "p2", "youth", "0180"), act("d", "p3", "youth", "1280"),
            act("e", "p4", "newly_arrived", "0180")]
    links = missing_links(rows)
    pairs = [tuple(x) for x in links[["org_a", "org_b"]].values]
    assert pairs == [("a", "b"), ("a", "c")]       # b and c share p2; d elsewhere; e other group
    # a shared project elsewhere, or a stated collaboration, is a link already
    assert missing_links(rows, [op("a", "px"), op("b", "px")])[["org_a", "org_b"]].values.tolist() == [["a", "c"]]
    assert missing_links(rows, stated_rows=[{"org_a": "c", "org_b": "a"}])["org_b"].tolist() == ["b"]


def test_time_filter_keeps_overlapping_and_undated_projects():
    rows = [op("a", "old", start="2010-01-01", end="2012-12-31"),
            op("a", "running", start="2019-03-01", end=None),
            op("a", "ended", start=None, end="2018"),
            op("a", "undated"),
            op("a", "future", start="2030", end="2031")]
    kept = [r["project_uid"] for r in filter_by_period(rows, 2018, 2022)]
    assert kept == ["running", "ended", "undated"]
    assert [r["project_uid"] for r in filter_by_period(rows, 2018, 2022, keep_undated=False)] == ["running", "ended"]
    with pytest.raises(ValueError):
        filter_by_period(rows, 2022, 2018)


# --- the whole analysis ---------------------------------------------------------------------------

def barbell_projection():
    rows = barbell_rows() + [op("esf", p, "FUNDS", kind="agency") for p in ("pa", "pb", "bridge")]
    for r in rows:
        r["start"], r["end"] = ("2015", "2016") if r["project_uid"] == "pb" else ("2019", "2021")
    coverage = [cov("pa", "0180", "youth"), cov("pb", "1280", "youth"), cov("bridge", "0180", "newly_arrived")]
    for r in coverage:
        r.update(start="2015", end="2016") if r["project_uid"] == "pb" else r.update(start="2019", end=None)
    activity = [act("a0", "pa", "youth", "0180"), act("x", "px", "youth", "0180")]
    return Projection(org_projects=rows, coverage=coverage, activity=activity,
                      municipalities=MUNIS, counties=COUNTIES, target_groups=GROUPS)


def test_analyze_end_to_end_on_the_barbell():
    r = analyze(barbell_projection(), seed=0)
    assert "esf" not in r.network                       # funders stay out by default
    assert set(r.centrality.index[:2]) == {"a3", "b0"}
    assert r.bridges == [("a3", "b0")] and r.cut_points == ["a3", "b0"]
    assert sorted(map(len, r.communities)) == [4, 4]
    assert r.coverage_kommun.loc["0180", "youth"] == 1
    assert r.coverage_kommun.loc["1280", "newly_arrived"] == 0
    assert r.missing_links[["org_a", "org_b"]].values.tolist() == [["a0", "x"]]
    rows = {row["uid"]: row for row in r.score_rows()}
    assert rows["a3"]["is_cut_point"] and not rows["a0"]["is_cut_point"]
    assert set(rows["a0"]) == {"uid", "degree", "weighted_degree", "betweenness", "pagerank",
                               "community", "is_cut_point"}
    s = r.summary()
    assert (s["organisations"], s["bridges"], s["period"]) == (8, 1, "all")
    assert set(r.timings) >= {"network", "centrality", "coverage", "missing_links"}


def test_analyze_with_funders_makes_the_funder_the_hub():
    r = analyze(barbell_projection(), with_funders=True)
    assert r.centrality.index[0] == "esf"


def test_analyze_period_drops_inactive_projects():
    proj = barbell_projection().for_period(2018, 2022)
    r = analyze(proj)
    assert not any(u.startswith("b") and u != "b0" for u in r.network)  # pb (2015–2016) is gone
    assert r.coverage_kommun.loc["1280", "youth"] == 0
    assert r.period == "2018–2022"


def test_analyze_is_deterministic_for_a_seed():
    G = nx.connected_caveman_graph(6, 5)
    rows = [op(f"o{u}", f"p{u}-{v}") for u, v in G.edges] + [op(f"o{v}", f"p{u}-{v}") for u, v in G.edges]
    one, two = analyze(Projection(org_projects=rows), seed=4), analyze(Projection(org_projects=rows), seed=4)
    pd.testing.assert_frame_equal(one.centrality, two.centrality)
    assert one.communities == two.communities


def test_analyze_empty_projection():
    r = analyze(Projection(municipalities=MUNIS, target_groups=GROUPS))
    assert r.centrality.empty and r.communities == [] and r.score_rows() == []
    assert len(r.gaps) == len(MUNIS) * len(GROUPS)


def test_betweenness_backends_agree():
    pytest.importorskip("rustworkx")
    from analytics.centrality import betweenness

    G = nx.relabel_nodes(nx.connected_caveman_graph(5, 6), lambda u: f"org{u}")
    exact, how = betweenness(G, backend="networkx")
    fast, how_fast = betweenness(G, backend="rustworkx")
    assert (how, how_fast) == ("exact (networkx)", "exact (rustworkx)")
    assert max(abs(exact[u] - fast[u]) for u in G) < 1e-9
    with pytest.raises(ValueError):
        betweenness(G, backend="igraph")
