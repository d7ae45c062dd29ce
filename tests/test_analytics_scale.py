"""The large-graph methods of ``analytics``, checked on small graphs (no database, no timings).

Speed is measured in ``bench/``; here: which method is chosen when, and that
the fast methods give the right answers where the answer is known or where
the exact method can check them.
"""
from __future__ import annotations

import gc
import itertools
import random
from collections import defaultdict

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from analytics import Projection, analyze, centrality_table, communities, missing_links
from analytics.arrays import graph_arrays
from analytics.brandes import betweenness_from_sources, csr_adjacency, sample_sources, sampled_betweenness
from analytics.centrality import (
    SAMPLE_K_MAX,
    SAMPLE_K_MIN,
    betweenness,
    bridges_and_cut_points,
    plan_methods,
)
from analytics.scale import betweenness_sampling_error, compare_scores, synthetic_network
from analytics.synthetic import synthetic_projection


def op(org, project, role="PARTNER_IN"):
    return {"org_uid": org, "org_name": org.title(), "org_kind": "nonprofit", "role": role,
            "project_uid": project, "project_name": project.upper(), "start": None, "end": None}


def star_projection(n=12):
    return Projection(org_projects=[r for i in range(n) for r in (op("hub", f"p{i}"), op(f"leaf{i:02d}", f"p{i}"))])


def barbell_projection():
    rows = [op(f"a{i}", "pa") for i in range(5)] + [op(f"b{i}", "pb") for i in range(5)]
    return Projection(org_projects=rows + [op("a4", "bridge"), op("b0", "bridge")])


def graphs():
    yield "karate", nx.karate_club_graph()
    yield "ba", nx.barabasi_albert_graph(300, 2, seed=1)
    yield "caveman", nx.connected_caveman_graph(6, 5)
    yield "disconnected+isolated", nx.disjoint_union_all(
        [nx.empty_graph(3), nx.gnm_random_graph(120, 300, seed=2), nx.path_graph(9), nx.star_graph(5)])
    yield "synthetic", synthetic_network(400, seed=3)


# --- which method when ----------------------------------------------------------------------------

def test_small_graphs_get_exact_betweenness_and_networkx_louvain():
    plan = plan_methods(800, 3000)
    assert plan["betweenness"]["method"] == "exact" and plan["betweenness"]["k"] is None
    assert plan["communities"]["backend"] == "networkx" and plan["scale"] == "small"


def test_large_graphs_get_sampled_betweenness_and_networkit_louvain():
    plan = plan_methods(50_000, 170_000)
    b = plan["betweenness"]
    assert (b["method"], b["backend"], b["scaling"]) == ("sampled", "numpy", "linear")
    assert SAMPLE_K_MIN <= b["k"] <= SAMPLE_K_MAX
    assert plan["communities"]["backend"] == "networkit" and plan["scale"] == "large"
    # a bigger graph buys fewer sources within the same budget, never fewer than the floor
    assert plan_methods(100_000, 400_000)["betweenness"]["k"] <= b["k"]
    assert plan_methods(10**6, 10**7)["betweenness"]["k"] == SAMPLE_K_MIN


def test_scale_can_be_forced_either_way():
    assert plan_methods(50, 100, scale="large")["betweenness"]["method"] == "sampled"
    assert plan_methods(50_000, 170_000, scale="small")["betweenness"]["method"] == "exact"
    assert plan_methods(50_000, 170_000, scale="small")["communities"]["backend"] == "networkx"
    with pytest.raises(ValueError):
        plan_methods(10, 10, scale="huge")
    with pytest.raises(ValueError):
        plan_methods(10, 10, backend="igraph")


def test_explicit_k_on_small_graphs_stays_networkx():
    assert plan_methods(200, 400, betweenness_k=50)["betweenness"]["backend"] == "networkx"
    assert plan_methods(5000, 20000, betweenness_k=50)["betweenness"] == {
        "method": "sampled", "backend": "numpy", "k": 50, "scaling": "linear"}
    assert plan_methods(60, 100, betweenness_k=500)["betweenness"]["method"] == "exact"


# --- numpy betweenness ----------------------------------------------------------------------------

@pytest.mark.parametrize("name,G", list(graphs()))
def test_numpy_brandes_with_every_source_is_exact(name, G):
    ref = nx.betweenness_centrality(G)
    nodes, indptr, indices = csr_adjacency(G)
    for kwargs in ({}, {"batch": 1, "workers": 1}, {"batch": 7, "workers": 2}, {"linear": True}):
        got = betweenness_from_sources(indptr, indices, range(len(nodes)), **kwargs)
        assert max(abs(got[i] - ref[u]) for i, u in enumerate(nodes)) < 1e-9, (name, kwargs)


@pytest.mark.parametrize("name,G", list(graphs())[:4])
def test_numpy_sampling_is_networkx_estimator_for_the_same_sources(name, G):
    k = 10
    ref = nx.betweenness_centrality(G, k=k, seed=5)
    chosen = random.Random(5).sample(list(G.nodes()), k)       # networkx's own draw for seed=5
    nodes, indptr, indices = csr_adjacency(G)
    index = {u: i for i, u in enumerate(nodes)}
    got = betweenness_from_sources(indptr, indices, [index[u] for u in chosen])
    assert max(abs(got[i] - ref[u]) for i, u in enumerate(nodes)) < 1e-9


def test_sampling_is_seed_deterministic():
    G = synthetic_network(300, seed=2)
    assert sampled_betweenness(G, 40, seed=1) == sampled_betweenness(G, 40, seed=1)
    assert sample_sources(300, 40, seed=1).tolist() != sample_sources(300, 40, seed=2).tolist()


def test_forced_large_mode_ranks_the_star_centre_first():
    r = analyze(star_projection(12), scale="large")
    assert r.betweenness_method.startswith("sampled k=") and "linear-scaled (numpy)" in r.betweenness_method
    assert r.methods["betweenness"]["method"] == "sampled" and r.methods["communities"]["backend"] == "networkit"
    assert r.centrality.index[0] == "hub"
    assert r.centrality.loc["hub", "betweenness"] == pytest.approx(1.0)
    assert (r.centrality.drop(index="hub")["betweenness"] == 0).all()
    assert r.cut_points == ["hub"]


def test_forced_large_mode_finds_the_brokers_and_the_two_cliques():
    r = analyze(barbell_projection(), scale="large", seed=2)
    assert set(r.centrality.index[:2]) == {"a4", "b0"}
    assert sorted(map(sorted, r.communities)) == [[f"a{i}" for i in range(5)], [f"b{i}" for i in range(5)]]
    assert r.bridges == [("a4", "b0")]


def test_sampled_estimate_finds_the_hubs_of_a_skewed_graph():
    G = synthetic_network(600, seed=4)
    exact = nx.betweenness_centrality(G)
    scores, how = betweenness(G, k=120, seed=0, backend="numpy")
    assert how == "sampled k=120 linear-scaled (numpy)"
    top_exact = sorted(exact, key=exact.get, reverse=True)[:10]
    top_sampled = set(sorted(scores, key=scores.get, reverse=True)[:20])
    assert len(set(top_exact) & top_sampled) >= 8


def test_sampling_error_report_has_the_numbers_bench_prints():
    err = betweenness_sampling_error(synthetic_network(400, seed=5), k=80, seeds=(0, 1))
    assert err["k"] == 80 and err["nodes"] == 400 and err["runs"] == 2
    assert err["method"] == "sampled k=80 linear-scaled (numpy)"
    assert 0.5 <= err["top20_overlap"] <= 1 and err["worst_top20_overlap"] <= err["top20_overlap"]
    assert err["spearman_top100"] > 0.3 and err["spearman"] > 0.5
    both = betweenness_sampling_error(synthetic_network(300, seed=5), k=60, seeds=(0,),
                                      estimators=("linear", "plain"))
    assert set(both) == {"linear", "plain"}
    perfect = compare_scores(np.array([3.0, 2.0, 1.0]), np.array([6.0, 4.0, 2.0]), top=2, top_rank=3)
    assert perfect["spearman"] == 1.0 and perfect["top2_overlap"] == 1.0


# --- communities ----------------------------------------------------------------------------------

def test_networkit_louvain_partitions_and_is_deterministic():
    G = synthetic_network(500, seed=6)
    found = communities(G, seed=3, method="networkit")
    assert sorted(u for c in found for u in c) == sorted(G)
    assert communities(G, seed=3, method="networkit") == found       # same labels, run after run


def test_networkit_louvain_is_about_as_good_as_networkx():
    """What is compared: modularity (labels differ between Louvain implementations). PLM must
    reach at least 99 % of networkx's Louvain on the same graph and seed."""
    G = synthetic_network(1500, seed=7)
    ours = nx.community.modularity(G, communities(G, seed=0, method="networkit"), weight="weight")
    theirs = nx.community.modularity(G, nx.community.louvain_communities(G, seed=0, weight="weight"),
                                     weight="weight")
    assert ours >= 0.99 * theirs


def test_networkit_louvain_finds_the_caves():
    G = nx.connected_caveman_graph(8, 6)
    found = communities(G, seed=1, method="networkit")
    assert sorted(map(sorted, found)) == [list(range(i, i + 6)) for i in range(0, 48, 6)]


# --- bridges, arrays ------------------------------------------------------------------------------

@pytest.mark.parametrize("name,G", list(graphs()))
def test_rustworkx_bridges_and_cut_points_match_networkx(name, G):
    pytest.importorskip("rustworkx")
    G = nx.relabel_nodes(G, lambda u: f"n{u}")
    assert bridges_and_cut_points(G) == bridges_and_cut_points(G, backend="networkx")


def test_graph_arrays_keep_edges_weights_and_order():
    G = nx.Graph()
    G.add_edge("b", "a", weight=2)
    G.add_edge("a", "c")
    G.add_edge("c", "c", weight=5)
    A = graph_arrays(G)
    assert [(A.nodes[s], A.nodes[d], w) for s, d, w in zip(A.src, A.dst, A.weight)] == \
        [(u, v, float(d.get("weight", 1))) for u, v, d in G.edges(data=True)]
    assert A.indptr[-1] == 4                      # the self-loop stays out of the CSR


def _graph_arrays_by_loop(G, weight="weight"):
    """graph_arrays as a plain loop over G.edges and a lexsort: the reference."""
    index = {u: i for i, u in enumerate(G)}
    pairs = {}
    for u, v, d in G.edges(data=True):
        i, j = index[u], index[v]
        key = (min(i, j), max(i, j)) if G.is_directed() else (i, j)
        pairs.setdefault(key, 1.0 if weight is None else d.get(weight, 1.0))
    if G.is_directed():
        pairs = dict(sorted(pairs.items()))
    src = np.array([i for i, _ in pairs], dtype=np.int64)
    dst = np.array([j for _, j in pairs], dtype=np.int64)
    keep = src != dst
    a, b = np.r_[src[keep], dst[keep]], np.r_[dst[keep], src[keep]]
    indices = b[np.lexsort((b, a))].astype(np.int32)
    indptr = np.r_[0, np.cumsum(np.bincount(a, minlength=len(index)))]
    return src, dst, np.array(list(pairs.values()), dtype=np.float64), indptr, indices


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_graph_arrays_are_the_plain_loop(seed, directed):
    rng = random.Random(seed)
    G = nx.gnp_random_graph([0, 5, 60, 400][seed], 0.05, seed=seed, directed=directed)
    G = nx.relabel_nodes(G, {u: f"n{rng.randrange(10 ** 6)}-{u}" for u in G})
    for u, v in rng.sample(sorted(G.edges), len(G.edges) // 2):
        G.edges[u, v]["weight"] = rng.choice([2, 0.5, 7])
    for u in rng.sample(sorted(G), min(3, len(G))):
        G.add_edge(u, u, weight=3)
    for weight in ("weight", None):
        A = graph_arrays(G, weight=weight)
        src, dst, w, indptr, indices = _graph_arrays_by_loop(G, weight)
        assert A.nodes == list(G)
        for got, want in ((A.src, src), (A.dst, dst), (A.weight, w), (A.indptr, indptr), (A.indices, indices)):
            assert got.dtype == want.dtype and got.tolist() == want.tolist()


def test_table_is_the_same_whatever_the_scale_where_it_is_exact():
    G = synthetic_network(300, seed=8)
    small = centrality_table(G, scale="small", seed=1)
    exact_numpy = centrality_table(G, backend="numpy", seed=1)
    assert small.attrs["betweenness"] == "exact (rustworkx)" or small.attrs["betweenness"].startswith("exact")
    assert exact_numpy.attrs["betweenness"] == "exact (numpy)"
    pd.testing.assert_series_equal(small["betweenness"].sort_index(), exact_numpy["betweenness"].sort_index(),
                                   atol=1e-12, check_exact=False)


def test_analyze_leaves_the_garbage_collector_as_it_found_it():
    assert gc.isenabled()
    analyze(star_projection(3))
    assert gc.isenabled()
    gc.disable()
    try:
        analyze(star_projection(3))
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- missing links: capped list, exact total ------------------------------------------------------

def _reference_missing_links(rows, org_project_rows=(), stated_rows=()):
    """The old pair-by-pair definition, for checking."""
    names, projects_of, active = {}, defaultdict(set), defaultdict(set)
    for r in rows:
        names.setdefault(r["org_uid"], r.get("org_name") or r["org_uid"])
        if r.get("project_uid") is not None:
            projects_of[r["org_uid"]].add(r["project_uid"])
        if r.get("target_key") is not None and r.get("place_code") is not None:
            active[str(r["target_key"]), str(r["place_code"])].add(r["org_uid"])
    for r in org_project_rows:
        projects_of[r["org_uid"]].add(r["project_uid"])
    stated = {frozenset((r["org_a"], r["org_b"])) for r in stated_rows}
    shared = defaultdict(set)
    for cell, orgs in active.items():
        for a, b in itertools.combinations(sorted(orgs), 2):
            shared[a, b].add(cell)
    out = [{"org_a": a, "org_a_name": names[a], "org_b": b, "org_b_name": names[b],
            "target_groups": sorted({k for k, _ in c}), "places": sorted({p for _, p in c}), "overlap": len(c)}
           for (a, b), c in shared.items() if not (projects_of[a] & projects_of[b]) and frozenset((a, b)) not in stated]
    table = pd.DataFrame.from_records(out, columns=["org_a", "org_a_name", "org_b", "org_b_name",
                                                    "target_groups", "places", "overlap"])
    if table.empty:
        return table
    return table.sort_values(["overlap", "org_a_name", "org_b_name", "org_a", "org_b"],
                             ascending=[False, True, True, True, True]).reset_index(drop=True)


def _random_activity(seed):
    rng = random.Random(seed)
    n_org, n_proj = rng.randint(2, 30), rng.randint(1, 20)
    rows = []
    for _ in range(rng.randint(1, 120)):
        org = f"o{rng.randint(0, n_org)}"
        rows.append({"org_uid": org, "org_name": rng.choice([None, org.upper(), "Same name"]),
                     "project_uid": rng.choice([None] + [f"p{i}" for i in range(n_proj)]),
                     "target_key": rng.choice([None, "youth", "newly_arrived", "disabled"]),
                     "place_code": rng.choice([None, "0180", "1280", "1480"])})
    org_projects = [{"org_uid": f"o{rng.randint(0, n_org)}", "project_uid": f"p{rng.randint(0, n_proj)}"}
                    for _ in range(rng.randint(0, 20))]
    stated = [{"org_a": f"o{rng.randint(0, n_org)}", "org_b": f"o{rng.randint(0, n_org)}"}
              for _ in range(rng.randint(0, 6))]
    return rows, org_projects, stated


@pytest.mark.parametrize("seed", range(60))
def test_capped_missing_links_are_the_head_of_the_full_list(seed):
    rows, org_projects, stated = _random_activity(seed)
    full = _reference_missing_links(rows, org_projects, stated)
    for limit in (None, 0, 1, 5, 1000):
        got = missing_links(rows, org_projects, stated, limit=limit)
        want = full if limit is None else full.head(limit)
        assert got.attrs["total"] == len(full)
        assert len(got) == len(want)
        if len(want):
            pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))


def test_many_ties_at_the_cut_keep_the_overlaps_right(monkeypatch):
    import analytics.links as links

    monkeypatch.setattr(links, "TIE_POOL_MAX", 2)
    rows = [{"org_uid": f"o{i:02d}", "org_name": f"O{i:02d}", "project_uid": f"p{i}", "target_key": "youth",
             "place_code": "0180"} for i in range(12)]
    rows += [{"org_uid": "o00", "org_name": "O00", "project_uid": "p0", "target_key": "youth", "place_code": "1280"},
             {"org_uid": "o05", "org_name": "O05", "project_uid": "p5", "target_key": "youth", "place_code": "1280"}]
    got = missing_links(rows, limit=4)
    assert got.attrs["total"] == 66
    assert got["overlap"].tolist() == [2, 1, 1, 1]
    assert got.iloc[0][["org_a", "org_b"]].tolist() == ["o00", "o05"]


def test_analyze_reports_the_total_and_lists_the_strongest():
    rows = [{"org_uid": f"o{i}", "org_name": f"O{i}", "project_uid": f"p{i}", "target_key": "youth",
             "place_code": "0180"} for i in range(6)]
    proj = Projection(org_projects=[op(f"o{i}", f"p{i}") for i in range(6)], activity=rows)
    r = analyze(proj, missing_links_limit=4)
    assert r.missing_links_total == 15 and len(r.missing_links) == 4
    assert r.summary()["missing_links"] == 15 and r.summary()["missing_links_listed"] == 4
    assert r.methods["missing_links"] == {"limit": 4, "total": 15, "listed": 4, "exact_order": True}


# --- the generator --------------------------------------------------------------------------------

def test_synthetic_projection_has_the_realistic_shape():
    p = synthetic_projection(800, seed=9)
    assert p.org_projects == synthetic_projection(800, seed=9).org_projects
    orgs = {r["org_uid"] for r in p.org_projects if r["role"] != "FUNDS"}
    assert len(orgs) == 800                                     # everybody takes part
    sizes = defaultdict(int)
    for r in p.org_projects:
        if r["role"] != "FUNDS":
            sizes[r["project_uid"]] += 1
    assert 1 <= min(sizes.values()) and max(sizes.values()) <= 6
    G = synthetic_network(800, seed=9)
    degrees = sorted((d for _, d in G.degree()), reverse=True)
    assert degrees[0] > 10 * np.median(degrees)                 # hubs exist
    assert len(p.municipalities) == 290 and len(p.target_groups) == 19
    r = analyze(p, seed=0)
    assert r.summary()["organisations"] == 800 and r.missing_links_total >= len(r.missing_links)


def test_missing_links_accept_rows_with_lists_of_groups_and_places():
    rows, org_projects, stated = _random_activity(7)
    grouped = defaultdict(lambda: {"target_keys": [], "place_codes": []})
    for r in rows:
        g = grouped[r["org_uid"], r["project_uid"], r["target_key"]]
        g.update(org_uid=r["org_uid"], org_name=g.get("org_name", r["org_name"]), project_uid=r["project_uid"])
        g["target_keys"] = [r["target_key"]]
        g["place_codes"].append(r["place_code"])
    listed = list(grouped.values())
    flat = [dict(org_uid=g["org_uid"], org_name=g["org_name"], project_uid=g["project_uid"],
                 target_key=g["target_keys"][0], place_code=p) for g in listed for p in g["place_codes"]]
    pd.testing.assert_frame_equal(missing_links(listed, org_projects, stated, limit=None),
                                  missing_links(flat, org_projects, stated, limit=None))
    assert missing_links(listed, org_projects, stated).attrs["total"] == len(
        _reference_missing_links(flat, org_projects, stated))


def test_seat_codes_pair_with_every_target_of_the_organisation_once():
    """The projection's rows carry an organisation's seats as ``seat_codes``: the same
    missing links as one flat row per (organisation, project, group, place or seat)."""
    rng = random.Random(11)
    orgs = [f"o{i}" for i in range(40)]
    seats = {o: rng.sample(["0180", "1280", "1480", "0380"], rng.randint(0, 2)) for o in orgs}
    listed, flat, org_projects = [], [], []
    for j in range(60):
        members = rng.sample(orgs, rng.randint(1, 4))
        keys = rng.sample(["youth", "newly_arrived", "sick_listed"], rng.randint(1, 2))
        places = rng.sample(["0180", "1280", "2480", "0580"], rng.randint(0, 2))
        for o in members:
            org_projects.append({"org_uid": o, "project_uid": f"p{j}"})
            listed.append({"org_uid": o, "org_name": o.upper(), "project_uid": f"p{j}", "target_keys": keys,
                           "place_codes": places, "seat_codes": seats[o]})
            flat += [{"org_uid": o, "org_name": o.upper(), "project_uid": f"p{j}", "target_key": k, "place_code": c}
                     for k in keys for c in places + seats[o]]
    got = missing_links(listed, org_projects, [], limit=None)
    want = missing_links(flat, org_projects, [], limit=None)
    assert got.attrs["total"] == want.attrs["total"] == len(_reference_missing_links(flat, org_projects, []))
    pd.testing.assert_frame_equal(got, want)


def test_period_filter_and_undated_count_tell_true_from_one():
    from analytics.period import filter_by_period, is_active, undated_count

    rows = [{"project_uid": "a", "start": True, "end": None}, {"project_uid": "b", "start": 1, "end": None},
            {"project_uid": "c", "start": "2019", "end": None}, {"project_uid": "c", "start": "2019", "end": None},
            {"project_uid": "d", "start": ["2019"], "end": None}]
    kept = filter_by_period(rows, 2018, 2020, keep_undated=False)
    assert [r["project_uid"] for r in kept] == [r["project_uid"] for r in rows
                                                if is_active(r["start"], r["end"], 2018, 2020, keep_undated=False)]
    assert kept[0] is not rows[2]                                # copies, as before
    assert undated_count(rows) == 1                              # only True: 1 is year 1, ["2019"] has a year


# --- missing links: the fast paths against the plain ones -----------------------------------------

def _random_listed_activity(seed):
    """List-shaped activity rows (with seats, Nones, empty lists, a few plain rows mixed in) and
    the same rows expanded one entry per (group, place), as the module docstring defines them."""
    rng = random.Random(seed)
    orgs = [f"o{i}" for i in range(rng.randint(2, 25))]
    seats = {o: rng.sample(["0180", "1280", "1480", None], rng.randint(0, 2)) for o in orgs}
    groups, places = ["youth", "newly_arrived", "disabled", None], ["0180", "1280", "2480", "0580", None]
    listed, flat, org_projects = [], [], []
    for j in range(rng.randint(1, 40)):
        pid = rng.choice([None, f"p{j}", f"p{rng.randint(0, 5)}"])
        keys, here = rng.sample(groups, rng.randint(0, 3)), rng.sample(places, rng.randint(0, 3))
        for o in rng.sample(orgs, rng.randint(1, min(5, len(orgs)))):
            if pid is not None:
                org_projects.append({"org_uid": o, "project_uid": pid})
            if rng.random() < 0.1:           # a plain row among the lists
                row = {"org_uid": o, "org_name": o.upper(), "project_uid": pid,
                       "target_key": rng.choice(groups), "place_code": rng.choice(places)}
                listed.append(row)
                flat.append(dict(row))
                continue
            row = {"org_uid": o, "org_name": o.upper(), "project_uid": pid, "target_keys": list(keys),
                   "place_codes": list(here), "seat_codes": seats[o]}
            listed.append(row)
    # the expansion: each row's groups x places, and each seated organisation's groups x seats
    seat_groups = {}
    for r in listed:
        if "target_keys" not in r:
            continue
        ks = r["target_keys"] or [None]
        flat += [{"org_uid": r["org_uid"], "org_name": r["org_name"], "project_uid": r["project_uid"],
                  "target_key": k, "place_code": c} for k in ks for c in r["place_codes"]]
        if r["seat_codes"]:
            seat_groups.setdefault(r["org_uid"], (r, {}))[1].update(dict.fromkeys(ks))
    for o, (r, ks) in seat_groups.items():
        flat += [{"org_uid": o, "org_name": r["org_name"], "project_uid": r["project_uid"],
                  "target_key": k, "place_code": c} for k in ks for c in r["seat_codes"]]
    return listed, flat, org_projects


@pytest.mark.parametrize("seed", range(40))
def test_listed_rows_expand_to_the_flat_rows_missing_links(seed):
    listed, flat, org_projects = _random_listed_activity(seed)
    full = _reference_missing_links(flat, org_projects)
    got = missing_links(listed, org_projects, limit=None)
    assert got.attrs["total"] == len(full)
    if len(full):
        pd.testing.assert_frame_equal(got.reset_index(drop=True), full)
    for limit in (1, 3):
        head = missing_links(listed, org_projects, limit=limit)
        if len(full):
            pd.testing.assert_frame_equal(head, full.head(limit))


@pytest.mark.parametrize("tie_pool", [2_000_000, 3])
@pytest.mark.parametrize("seed", range(30))
def test_dense_bitset_blocks_give_what_the_sparse_search_gives(monkeypatch, seed, tie_pool):
    """The threshold search counts dense blocks of organisations from bitsets and sparse ones
    member by member; the same pairs in the same order either way (ties at the cut included)."""
    import analytics.links as links

    rng = random.Random(seed)
    rows = [{"org_uid": f"o{rng.randint(0, 60)}", "org_name": rng.choice(["Same", None, f"N{rng.randint(0, 9)}"]),
             "project_uid": f"p{rng.randint(0, 80)}", "target_key": rng.choice(["a", "b", "c", "d"]),
             "place_code": str(rng.randint(0, rng.choice([3, 20])))} for _ in range(rng.randint(5, 600))]
    monkeypatch.setattr(links, "TIE_POOL_MAX", tie_pool)
    results = []
    for density, block in ((float("inf"), 32), (0.0, 32), (0.0, 1), (0.0, 5)):
        monkeypatch.setattr(links, "DENSE_MIN_DENSITY", density)
        monkeypatch.setattr(links, "DENSE_BLOCK", block)
        results.append(missing_links(rows, limit=7))
    for got in results[1:]:
        pd.testing.assert_frame_equal(got, results[0])
        assert got.attrs == results[0].attrs
