"""How good is sampled betweenness? Sampled against exact on a graph small enough for exact.

The benchmark calls :func:`betweenness_sampling_error` next to the 50k-organisation
analysis: same estimator and the same ``k`` as the big run
(``AnalysisResult.methods["betweenness"]["k"]``), on a graph of the same shape
that exact betweenness can still afford (a few thousand organisations from
:func:`analytics.synthetic.synthetic_projection`, or a graph of your own).

The estimator's error depends on ``k`` (its spread shrinks like
``1/sqrt(k)``), hardly on ``n``, so the same ``k`` on a smaller graph of the
same shape is a fair (slightly flattering: the sampled share ``k/n`` is
larger) measure of the error at 50k.

Examples
--------
>>> err = betweenness_sampling_error(nodes=300, k=64, seeds=(0,))
>>> err["k"], 0.0 <= err["top20_overlap"] <= 1.0
(64, True)
"""
from __future__ import annotations

import time
from collections.abc import Iterable

import networkx as nx
import numpy as np
import pandas as pd

from analytics.arrays import graph_arrays

__all__ = ["betweenness_sampling_error", "compare_scores", "synthetic_network"]


def synthetic_network(n_orgs: int, *, seed: int = 1) -> nx.Graph:
    """The collaboration network ``analyze`` builds from ``synthetic_projection(n_orgs, seed=seed)``."""
    from analytics.analysis import COLLAB_ROLES
    from analytics.network import collaboration_graph
    from analytics.synthetic import synthetic_projection

    p = synthetic_projection(n_orgs, seed=seed)
    G = collaboration_graph(p.org_projects, p.stated, roles=COLLAB_ROLES)
    G.remove_nodes_from([u for u, d in G.nodes(data=True) if d["n_projects"] == 0 and G.degree(u) == 0])
    return G


def compare_scores(exact: np.ndarray, estimate: np.ndarray, *, top: int = 20, top_rank: int = 100) -> dict:
    """Agreement of an estimate with exact scores (same node order).

    Returns
    -------
    dict
        ``spearman`` (all nodes; ties such as the many zeros get average ranks),
        ``spearman_top{top_rank}`` (over the exact top ``top_rank`` nodes),
        ``top{top}_overlap`` (share of the exact top ``top`` also in the
        estimate's top ``top``), ``l1_relative_error`` (sum of absolute
        errors over the sum of scores) and ``median_relative_error_top{top_rank}``.

    Examples
    --------
    >>> compare_scores(np.array([3.0, 2.0, 1.0, 0.0]), np.array([3.0, 1.0, 2.0, 0.0]), top=2, top_rank=3)["top2_overlap"]
    0.5
    """
    exact = np.asarray(exact, dtype=float)
    estimate = np.asarray(estimate, dtype=float)
    top = min(top, exact.size)
    top_rank = min(top_rank, exact.size)
    order = np.lexsort((np.arange(exact.size), -exact))
    best = order[:top_rank]

    def spearman(a, b) -> float:
        if a.size < 2:
            return float("nan")
        return float(pd.Series(a).rank().corr(pd.Series(b).rank()))

    top_exact = set(order[:top].tolist())
    top_estimate = set(np.lexsort((np.arange(estimate.size), -estimate))[:top].tolist())
    relative = np.abs(estimate[best] - exact[best]) / np.where(exact[best] > 0, exact[best], np.nan)
    return {
        "spearman": round(spearman(exact, estimate), 4),
        f"spearman_top{top_rank}": round(spearman(exact[best], estimate[best]), 4),
        f"top{top}_overlap": round(len(top_exact & top_estimate) / max(top, 1), 4),
        "l1_relative_error": round(float(np.abs(estimate - exact).sum() / max(exact.sum(), 1e-300)), 4),
        f"median_relative_error_top{top_rank}": round(float(np.nanmedian(relative)) if np.isfinite(relative).any()
                                                      else float("nan"), 4),
    }


def betweenness_sampling_error(G: nx.Graph | None = None, *, nodes: int = 4000, k: int | None = None,
                               seeds: Iterable[int] = range(5), top: int = 20, top_rank: int = 100,
                               estimators: Iterable[str] = ("linear",), graph_seed: int = 1) -> dict:
    """Sampled betweenness (as ``analyze`` computes it on large graphs) against exact.

    Parameters
    ----------
    G : networkx.Graph, optional
        The graph to measure on; default ``synthetic_network(nodes, seed=graph_seed)``.
    nodes : int
        Size of the synthetic graph when ``G`` is not given (3,000–5,000 keeps
        exact betweenness to seconds).
    k : int, optional
        Sampled sources; default the ``k`` that ``analyze`` picks for a
        50,000-organisation / 170,000-link graph (:func:`analytics.centrality.plan_methods`).
        Pass the big run's ``k`` to measure exactly what it did.
    seeds : iterable of int
        One sampled run per seed; the result gives the mean and the worst.
    estimators : iterable of {"linear", "plain"}
        ``"linear"`` is what ``analyze`` uses; ``"plain"`` (networkx's
        estimator) for comparison.

    Returns
    -------
    dict
        ``nodes``, ``edges``, ``k``, ``exact_method``, ``exact_s``, ``sampled_s``
        (mean per run), the metrics of :func:`compare_scores` averaged over the
        seeds, ``worst_top{top}_overlap`` and ``worst_spearman_top{top_rank}``,
        ``runs``; with several estimators, one such dict per estimator under
        its name.
    """
    from analytics.brandes import betweenness_from_sources, sample_sources
    from analytics.centrality import _rustworkx, plan_methods

    if G is None:
        G = synthetic_network(nodes, seed=graph_seed)
    A = graph_arrays(G, weight=None)
    if k is None:
        k = plan_methods(50_000, 170_000, scale="large")["betweenness"]["k"]
    seeds = list(seeds)
    t0 = time.perf_counter()
    rx = _rustworkx()
    if rx is not None:
        scores = rx.betweenness_centrality(A.rustworkx_graph(), normalized=True, parallel_threshold=50)
        exact = np.array([scores[i] for i in range(A.n)], dtype=float)
        exact_method = "exact (rustworkx)"
    else:
        exact = betweenness_from_sources(A.indptr, A.indices, range(A.n))
        exact_method = "exact (numpy)"
    exact_s = time.perf_counter() - t0
    results = {}
    for estimator in estimators:
        if estimator not in ("linear", "plain"):
            raise ValueError(f"estimator must be linear or plain, not {estimator!r}")
        runs, seconds = [], []
        for seed in seeds:
            t0 = time.perf_counter()
            est = betweenness_from_sources(A.indptr, A.indices, sample_sources(A.n, k, seed),
                                           linear=estimator == "linear")
            seconds.append(time.perf_counter() - t0)
            runs.append(compare_scores(exact, est, top=top, top_rank=top_rank))
        mean = {key: round(float(np.mean([r[key] for r in runs])), 4) for key in runs[0]}
        results[estimator] = {
            "nodes": A.n, "edges": A.m, "k": int(k), "estimator": estimator,
            "method": f"sampled k={k}{' linear-scaled' if estimator == 'linear' else ''} (numpy)",
            "exact_method": exact_method, "exact_s": round(exact_s, 3),
            "sampled_s": round(float(np.mean(seconds)), 3), **mean,
            f"worst_top{top}_overlap": min(r[f"top{top}_overlap"] for r in runs),
            f"worst_spearman_top{top_rank}": min(r[f"spearman_top{top_rank}"] for r in runs),
            "runs": len(runs), "seeds": seeds,
        }
    if len(results) == 1:
        return next(iter(results.values()))
    return results
