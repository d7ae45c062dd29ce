"""Hubs, brokers, communities and weak points of a collaboration graph.

Every metric has a method for small graphs and one for large ones; the
choice is made by size (``scale="auto"``) or forced (``scale="small"`` /
``"large"``), and recorded in ``table.attrs`` (``"betweenness"``,
``"communities"`` and the structured ``"methods"``). Timings below are from
this project's 2-core machines.

Betweenness (hop counts, weights ignored; normalised as networkx does):

* **exact** by rustworkx (Apache-2.0, Rust, both cores: ``parallel_threshold=50``)
  while the estimated cost ``n · m · RX_EXACT_S_PER_NM`` fits
  ``BETWEENNESS_BUDGET_S`` (up to about 5,500 organisations at 3.4 links
  each; 4,000 / 13,400 take 1.1 s here). Identical to networkx's exact
  result (max difference 1e-16). Without rustworkx: networkx up to
  ``EXACT_BETWEENNESS_MAX_NODES`` nodes, numpy (all sources) above.
* **sampled** above that: ``k`` seeded random source nodes (Brandes–Pich)
  with Geisberger's *linear scaling*, computed in numpy
  (:mod:`analytics.brandes`: many BFS trees at once, direction-optimising,
  two threads; 261 sources on 50k nodes / 169k edges take 1.6 s here, where
  networkx's Python loop needs ≈ 120 ms per source). ``k`` is what the budget
  buys, ``BETWEENNESS_BUDGET_S / (m · SAMPLED_S_PER_KM)`` (a cost measured on
  a loaded machine, so idle runs take about half the budget), kept within
  ``[SAMPLE_K_MIN, SAMPLE_K_MAX]``: 259 at 170k links, 639 at 69k, 1,336 at
  33k. Linear scaling credits a path's inner node by its distance from the
  source, which removes the plain estimator's over-crediting of nodes near
  the sampled sources. Error against exact on a 4,000-organisation graph of
  the same shape, k=259, mean of 5 seeds (worst in brackets): top-20 overlap
  0.94 (0.85), Spearman over the exact top 100 0.89 (0.85), over all nodes
  0.98, median relative error of the top-100 scores 0.17; the plain
  estimator gives 0.88 (0.80), 0.82, 0.96 and 0.32. See
  :func:`analytics.scale.betweenness_sampling_error`.
* an explicit ``k`` samples that many sources: networkx's plain estimator up
  to ``EXACT_BETWEENNESS_MAX_NODES`` nodes (as before), numpy above.

Communities: networkx's Louvain (seeded) up to ``LOUVAIN_NX_MAX_EDGES``
links; above, NetworKit's PLM (parallel Louvain with refinement; MIT, C++),
run on one thread with a fixed seed so the labels are the same every run.
On the 50k synthetic graph (50,000 nodes / 168,843 links) it takes 0.14 s
with modularity 0.611, where the numpy Louvain it replaced took 0.83 s for
0.605 (networkx: ≈ 25 s, 0.607). NetworKit's ParallelLeiden (0.616, 0.16 s)
is not seedable to the same labels across runs; graspologic-native's Leiden
(MIT, Rust) gave 0.607 in 0.45 s.

PageRank is computed here with numpy (power iteration, same definition and
defaults as ``networkx.pagerank``), because ``networkx.pagerank`` needs scipy,
which the project does not otherwise depend on. Bridges and cut points come
from rustworkx when installed (Rust; networkx's recursive Python DFS takes
≈ 8 s at 50k nodes), else networkx. igraph and leidenalg would be fast too
but are GPL, so they are not used.
"""
from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from analytics.arrays import GraphArrays, graph_arrays, lap_timer

__all__ = ["EXACT_BETWEENNESS_MAX_NODES", "BETWEENNESS_SAMPLE", "RUSTWORKX_EXACT_MAX_NODES",
           "BETWEENNESS_BUDGET_S", "LOUVAIN_NX_MAX_EDGES", "SCALES", "plan_methods",
           "betweenness", "centrality_table", "communities", "networkit_louvain_labels", "pagerank", "bridges_and_cut_points"]

#: networkx computes exact betweenness up to this many nodes (backend="networkx", or no rustworkx)
EXACT_BETWEENNESS_MAX_NODES = 1000
#: networkx's sample above that (backend="networkx")
BETWEENNESS_SAMPLE = 256
#: backend="rustworkx" is exact at any size; kept for callers that read it
RUSTWORKX_EXACT_MAX_NODES = 20000
#: seconds of betweenness aimed at (idle 2-core machine); sets the exact/sampled switch and k
BETWEENNESS_BUDGET_S = 3.0
#: measured cost models (2 cores): rustworkx exact per n·m, numpy sampling per k·m
RX_EXACT_S_PER_NM = 3.0e-8
SAMPLED_S_PER_KM = 6.8e-8
SAMPLE_K_MIN, SAMPLE_K_MAX = 128, 2048
#: networkx Louvain up to this many links, NetworKit's PLM above
LOUVAIN_NX_MAX_EDGES = 20000
SCALES = ("auto", "small", "large")


def _rustworkx():
    try:
        import rustworkx
    except ImportError:
        return None
    return rustworkx


def plan_methods(n: int, m: int, *, scale: str = "auto", betweenness_k: int | None = None,
                 backend: str = "auto") -> dict:
    """Which betweenness and community methods a graph of ``n`` nodes and ``m`` edges gets.

    Returns
    -------
    dict
        ``{"betweenness": {"method": "exact" | "sampled", "backend": ..., "k": int | None,
        "scaling": "linear" | "plain" | None}, "communities": {"method": "louvain",
        "backend": "networkx" | "networkit"}, "scale": "small" | "large"}``

    Examples
    --------
    >>> plan_methods(500, 2000)["betweenness"]["method"], plan_methods(50_000, 170_000)["betweenness"]["k"]
    ('exact', 259)
    >>> plan_methods(50_000, 170_000)["communities"]["backend"]
    'networkit'
    """
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {SCALES}, not {scale!r}")
    if backend not in ("auto", "networkx", "rustworkx", "numpy"):
        raise ValueError(f"backend must be auto, networkx, rustworkx or numpy, not {backend!r}")
    rx = _rustworkx() is not None
    if backend == "rustworkx" and not rx:
        raise ImportError("backend='rustworkx' needs the rustworkx package (pip install rustworkx)")
    exact_fits = n * m * RX_EXACT_S_PER_NM <= BETWEENNESS_BUDGET_S
    large = scale == "large" or (scale == "auto" and not exact_fits)
    budget_k = int(BETWEENNESS_BUDGET_S / max(m * SAMPLED_S_PER_KM, 1e-12))
    planned_k = max(SAMPLE_K_MIN, min(SAMPLE_K_MAX, budget_k))
    k = betweenness_k
    if backend == "networkx" or (backend == "auto" and k is not None and n <= EXACT_BETWEENNESS_MAX_NODES
                                 and scale != "large"):
        if k is None and n > EXACT_BETWEENNESS_MAX_NODES:
            k = min(n, BETWEENNESS_SAMPLE)
        k = None if k is not None and k >= n else k
        between = {"method": "exact" if k is None else "sampled", "backend": "networkx", "k": k,
                   "scaling": None if k is None else "plain"}
    elif backend == "rustworkx" and k is None:
        between = {"method": "exact", "backend": "rustworkx", "k": None, "scaling": None}
    elif backend == "rustworkx":                      # a sample asked of rustworkx: networkx samples
        k = None if k >= n else k
        between = {"method": "exact" if k is None else "sampled", "backend": "networkx", "k": k,
                   "scaling": None if k is None else "plain"}
    else:
        if k is None and large:
            k = planned_k
            if scale == "large" and k >= n > 2:       # forced on a small graph: really sample (half)
                k = max(2, n // 2)
        if k is None or k >= n:
            exact_backend = "numpy" if backend == "numpy" else (
                "rustworkx" if rx else "networkx" if n <= EXACT_BETWEENNESS_MAX_NODES else "numpy")
            between = {"method": "exact", "backend": exact_backend, "k": None, "scaling": None}
        else:
            between = {"method": "sampled", "backend": "numpy", "k": int(k), "scaling": "linear"}
    large_louvain = scale == "large" or (scale == "auto" and m > LOUVAIN_NX_MAX_EDGES)
    return {"betweenness": between,
            "communities": {"method": "louvain", "backend": "networkit" if large_louvain else "networkx"},
            "scale": "large" if large else "small"}


def _label(plan: dict) -> str:
    if plan["method"] == "exact":
        return f"exact ({plan['backend']})"
    scaling = " linear-scaled" if plan["scaling"] == "linear" else ""
    return f"sampled k={plan['k']}{scaling} ({plan['backend']})"


def _betweenness_array(G: nx.Graph, A: GraphArrays, plan: dict, seed: int) -> np.ndarray:
    from analytics.brandes import betweenness_from_sources, sample_sources

    backend = plan["backend"]
    if backend == "rustworkx":
        rx = _rustworkx()
        scores = rx.betweenness_centrality(A.rustworkx_graph(), normalized=True, parallel_threshold=50)
        return np.array([scores[i] for i in range(A.n)], dtype=np.float64)
    if backend == "networkx":
        scores = nx.betweenness_centrality(G, k=plan["k"], normalized=True, seed=seed)
        return np.array([scores[u] for u in A.nodes], dtype=np.float64)
    if plan["k"] is None:
        return betweenness_from_sources(A.indptr, A.indices, range(A.n))
    return betweenness_from_sources(A.indptr, A.indices, sample_sources(A.n, plan["k"], seed),
                                    linear=plan["scaling"] == "linear")


def betweenness(G: nx.Graph, *, k: int | None = None, seed: int = 0, backend: str = "auto",
                scale: str = "auto") -> tuple[dict, str]:
    """Normalised betweenness per node (hops; weights ignored) and how it was computed.

    Parameters
    ----------
    k : int, optional
        Sample this many source nodes; None chooses by size (module docstring).
    backend : {"auto", "networkx", "rustworkx", "numpy"}
    scale : {"auto", "small", "large"}
        ``"large"`` samples even where exact would be affordable, ``"small"``
        is exact at any size.

    Returns
    -------
    (dict, str)
        Scores and a label such as ``"exact (rustworkx)"``,
        ``"sampled k=256 linear-scaled (numpy)"`` or ``"sampled k=50 (networkx)"``.

    Examples
    --------
    >>> scores, how = betweenness(nx.star_graph(3), backend="networkx")
    >>> scores[0], how
    (1.0, 'exact (networkx)')
    """
    n = G.number_of_nodes()
    plan = plan_methods(n, G.number_of_edges(), scale=scale, betweenness_k=k, backend=backend)["betweenness"]
    if G.is_directed() and plan["backend"] != "networkx":         # only networkx does directed paths
        plan = {"method": plan["method"], "backend": "networkx", "k": plan["k"],
                "scaling": None if plan["k"] is None else "plain"}
    if n == 0:
        return {}, _label(plan)
    A = graph_arrays(G, weight=None)
    return dict(zip(A.nodes, _betweenness_array(G, A, plan, seed).tolist())), _label(plan)


COLUMNS = ["name", "org_kind", "degree", "weighted_degree", "betweenness", "pagerank", "community"]


def _pagerank_entries(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, *, alpha: float = 0.85,
                      tol: float = 1.0e-6, max_iter: int = 100) -> np.ndarray:
    out = np.bincount(src, weights=w, minlength=n)
    dangling = out == 0
    share = np.divide(w, out[src], out=np.zeros_like(w), where=out[src] != 0)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * np.bincount(dst, weights=last[src] * share, minlength=n)
        x += (alpha * last[dangling].sum() + 1.0 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def pagerank(G: nx.Graph, *, alpha: float = 0.85, weight: str | None = "weight",
             tol: float = 1.0e-6, max_iter: int = 100) -> dict:
    """PageRank by power iteration with numpy; the same result as ``networkx.pagerank``.

    Dangling nodes (no edges) spread their rank uniformly, as in networkx.

    Examples
    --------
    >>> pr = pagerank(nx.star_graph(3))
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    (0, 1.0)
    """
    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    if G.is_directed():
        index = {u: i for i, u in enumerate(nodes)}
        src, dst, w = [], [], []
        for u, v, d in G.edges(data=True):
            src.append(index[u]), dst.append(index[v])
            w.append(1.0 if weight is None else float(d.get(weight, 1.0)))
        src, dst, w = np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(w, dtype=float)
    else:
        src, dst, w = graph_arrays(G, weight=weight).directed_entries()
    x = _pagerank_entries(n, src, dst, w, alpha=alpha, tol=tol, max_iter=max_iter)
    return dict(zip(nodes, x.tolist()))


def _sorted_groups(groups) -> list[list]:
    groups = [sorted(c, key=str) for c in groups]
    return sorted(groups, key=lambda c: (-len(c), str(c[0])))


def networkit_louvain_labels(A: GraphArrays, *, seed: int = 0, resolution: float = 1.0) -> np.ndarray:
    """Community id per node position by NetworKit's PLM (Louvain with refinement), deterministic.

    One thread and ``networkit.setSeed(seed)``: PLM's parallel moves depend on
    thread timing, so the thread count is set to 1 for the call (0.14 s → about
    0.2 s at 50k nodes) and restored after.
    """
    import networkit as nk

    g = nk.Graph(A.n, weighted=True)
    if A.m:
        g.addEdges((A.weight.astype(np.float64), (A.src.astype(np.uint64), A.dst.astype(np.uint64))))
    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)
    try:
        nk.setSeed(seed, False)
        plm = nk.community.PLM(g, refine=True, gamma=resolution, turbo=True)
        plm.run()
        return np.asarray(plm.getPartition().getVector(), dtype=np.int64)
    finally:
        nk.setNumberOfThreads(threads)


def _groups_of(nodes: list, raw: np.ndarray) -> list[list]:
    groups: dict[int, list] = {}
    for u, c in zip(nodes, raw.tolist()):
        groups.setdefault(c, []).append(u)
    return list(groups.values())


def communities(G: nx.Graph, *, seed: int = 0, weight: str = "weight", resolution: float = 1.0,
                method: str = "auto") -> list[list]:
    """Louvain communities, largest first, each a sorted list of nodes.

    Deterministic for a given ``seed``. Isolated nodes form their own communities.
    ``method``: ``"networkx"``, ``"networkit"`` (PLM, :func:`networkit_louvain_labels`) or
    ``"auto"`` (networkx up to ``LOUVAIN_NX_MAX_EDGES`` links).

    Examples
    --------
    >>> G = nx.barbell_graph(4, 0)
    >>> communities(G, seed=1)
    [[0, 1, 2, 3], [4, 5, 6, 7]]
    """
    if method not in ("auto", "networkx", "networkit"):
        raise ValueError(f"method must be auto, networkx or networkit, not {method!r}")
    if G.number_of_nodes() == 0:
        return []
    if method == "networkit" or (method == "auto" and G.number_of_edges() > LOUVAIN_NX_MAX_EDGES):
        A = graph_arrays(G, weight=weight)
        return _sorted_groups(_groups_of(A.nodes, networkit_louvain_labels(A, seed=seed, resolution=resolution)))
    found = nx.community.louvain_communities(G, weight=weight, resolution=resolution, seed=seed)
    return _sorted_groups(found)


def _community_labels(G: nx.Graph, A: GraphArrays, backend: str, seed: int, weight: str) -> np.ndarray:
    """Community number per node position: 0 = the largest, ties by the smallest member (as a string)."""
    if backend == "networkit":
        found = _groups_of(A.nodes, networkit_louvain_labels(A, seed=seed))
    else:
        found = nx.community.louvain_communities(G, weight=weight, seed=seed)
    index = {u: i for i, u in enumerate(A.nodes)}
    labels = np.empty(A.n, dtype=np.int64)
    for i, group in enumerate(_sorted_groups(found)):
        labels[[index[u] for u in group]] = i
    return labels


def centrality_table(G: nx.Graph, *, seed: int = 0, betweenness_k: int | None = None,
                     weight: str = "weight", backend: str = "auto", scale: str = "auto",
                     arrays: GraphArrays | None = None, timings: dict | None = None) -> pd.DataFrame:
    """Degree, weighted degree, betweenness, PageRank and community per node.

    Parameters
    ----------
    G : networkx.Graph
        Typically ``collaboration_graph(...)``; node attributes ``name`` and
        ``org_kind`` are copied into the table when present.
    seed : int
        Seed for Louvain and for betweenness sampling.
    betweenness_k : int, optional
        Number of sampled sources. None: chosen by size and time budget
        (module docstring; :func:`plan_methods`).
    backend : {"auto", "networkx", "rustworkx", "numpy"}
        See :func:`betweenness`.
    scale : {"auto", "small", "large"}
        Force the methods for small or large graphs (see :func:`plan_methods`).
    weight : str
        Edge attribute with the tie strength (shared projects). It weighs
        ``weighted_degree``, PageRank and Louvain. Betweenness counts hops and
        ignores it: a strength is not a distance.
    arrays : GraphArrays, optional
        ``graph_arrays(G, weight)`` if the caller has it already.
    timings : dict, optional
        Filled with seconds per metric (``betweenness``, ``pagerank``, ``communities``, …).

    Returns
    -------
    pandas.DataFrame
        Indexed by node (``uid``), sorted by betweenness, PageRank and degree
        (descending) then uid. Betweenness is normalised to [0, 1]; communities
        are numbered from 0 (the largest). ``attrs["betweenness"]`` says how
        betweenness was computed, e.g. ``"exact (rustworkx)"`` or
        ``"sampled k=256 linear-scaled (numpy)"``; ``attrs["communities"]``
        likewise; ``attrs["methods"]`` is :func:`plan_methods`' dict.

    Examples
    --------
    >>> t = centrality_table(nx.star_graph(4))
    >>> t.index.tolist()[0], t["degree"].tolist()[0], t["betweenness"].tolist()[0]
    (0, 4, 1.0)
    """
    n = G.number_of_nodes()
    plan = plan_methods(n, G.number_of_edges(), scale=scale, betweenness_k=betweenness_k, backend=backend)
    if G.is_directed() and plan["betweenness"]["backend"] != "networkx":
        b = plan["betweenness"]
        plan["betweenness"] = {"method": b["method"], "backend": "networkx", "k": b["k"],
                               "scaling": None if b["k"] is None else "plain"}
    comm_label = f"louvain ({plan['communities']['backend']})"
    if n == 0:
        table = pd.DataFrame(columns=COLUMNS)
        table.index.name = "uid"
        table.attrs.update(betweenness="exact", communities=comm_label, methods=plan)
        return table
    timings = {} if timings is None else timings
    lap = lap_timer(timings)

    A = arrays if arrays is not None else graph_arrays(G, weight=weight)
    lap("arrays")
    between = _betweenness_array(G, A, plan["betweenness"], seed)
    lap("betweenness")
    if G.is_directed():
        ranks = pagerank(G, weight=weight)
        ranks = np.array([ranks[u] for u in A.nodes])
    else:
        ranks = _pagerank_entries(A.n, *A.directed_entries())
    lap("pagerank")
    member = _community_labels(G, A, plan["communities"]["backend"], seed, weight)
    lap("communities")
    if G.is_directed():
        degree = np.array([d for _, d in G.degree()], dtype=np.int64)
        wdeg = np.array([d for _, d in G.degree(weight=weight)], dtype=np.float64)
    else:
        degree = np.bincount(A.src, minlength=A.n) + np.bincount(A.dst, minlength=A.n)
        wdeg = np.bincount(A.src, weights=A.weight, minlength=A.n) + np.bincount(A.dst, weights=A.weight,
                                                                               minlength=A.n)
    attrs = G.nodes(data=True)
    table = pd.DataFrame(
        {
            "name": [d.get("name", u) for u, d in attrs],
            "org_kind": [d.get("org_kind") for _, d in attrs],
            "degree": degree,
            "weighted_degree": wdeg,
            "betweenness": between,
            "pagerank": ranks,
            "community": member,
        },
        index=pd.Index(A.nodes, name="uid"),
        columns=COLUMNS,
    )
    order = np.lexsort((np.array([str(u) for u in A.nodes], dtype=object).argsort().argsort(),
                        -degree, -ranks, -between))
    table = table.iloc[order]
    table.attrs.update(betweenness=_label(plan["betweenness"]), communities=comm_label, methods=plan)
    lap("table")
    return table


def bridges_and_cut_points(G: nx.Graph, *, arrays: GraphArrays | None = None,
                           backend: str = "auto") -> dict[str, list]:
    """Edges and nodes whose removal splits the graph.

    A bridge is a collaboration that is the only link between two groups of
    actors; a cut point is an actor whose disappearance disconnects others.
    ``backend``: ``"rustworkx"`` (when installed, the default) or ``"networkx"``.

    Returns
    -------
    dict
        ``bridges``: sorted list of ``(u, v)`` tuples with ``u < v``;
        ``cut_points``: sorted list of nodes.

    Examples
    --------
    >>> bridges_and_cut_points(nx.barbell_graph(3, 0))
    {'bridges': [(2, 3)], 'cut_points': [2, 3]}
    """
    rx = _rustworkx() if backend != "networkx" else None
    if rx is not None:
        A = arrays if arrays is not None else graph_arrays(G, weight=None)
        R = A.rustworkx_graph()
        pairs = [(A.nodes[a], A.nodes[b]) for a, b in rx.bridges(R)]
        cut_nodes = [A.nodes[i] for i in rx.articulation_points(R)]
    else:
        H = G.to_undirected(as_view=True) if G.is_directed() else G
        pairs = list(nx.bridges(H))
        cut_nodes = list(nx.articulation_points(H))
    bridges = sorted((tuple(sorted(e, key=str)) for e in pairs), key=lambda e: (str(e[0]), str(e[1])))
    return {"bridges": bridges, "cut_points": sorted(cut_nodes, key=str)}
