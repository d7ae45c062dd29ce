"""One array view of a NetworkX graph, shared by the fast paths of :mod:`analytics.centrality`.

Walking a 170k-edge ``nx.Graph`` in Python costs a few tenths of a second, so
it is done once: edge endpoints as node positions, tie strengths, a CSR
adjacency, and (on demand) the same graph as a ``rustworkx.PyGraph``.

Examples
--------
>>> import networkx as nx
>>> A = graph_arrays(nx.path_graph(3))
>>> A.n, A.m, A.indptr.tolist(), A.indices.tolist()
(3, 2, [0, 1, 3, 4], [1, 0, 2, 1])
"""
from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from itertools import chain, compress
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

__all__ = ["GraphArrays", "graph_arrays", "gc_paused", "freeze_survivors"]


@dataclass
class GraphArrays:
    """Node list, edges (``src``, ``dst``, ``weight``: one entry per undirected edge) and CSR."""

    nodes: list
    src: np.ndarray
    dst: np.ndarray
    weight: np.ndarray
    indptr: np.ndarray
    indices: np.ndarray
    _rx: object = field(default=None, repr=False)

    @property
    def n(self) -> int:
        return len(self.nodes)

    @property
    def m(self) -> int:
        return int(self.src.size)

    def directed_entries(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Both directions of every edge (a self-loop once): the symmetric weight matrix's entries."""
        loop = self.src == self.dst
        s = np.concatenate([self.src, self.dst[~loop]])
        d = np.concatenate([self.dst, self.src[~loop]])
        w = np.concatenate([self.weight, self.weight[~loop]])
        return s, d, w

    def rustworkx_graph(self):
        """The graph as a ``rustworkx.PyGraph`` (node i = ``nodes[i]``, no self-loops), built once."""
        if self._rx is None:
            import rustworkx as rx

            R = rx.PyGraph()                  # the edges are distinct already
            R.add_nodes_from(range(self.n))
            keep = self.src != self.dst
            R.add_edges_from_no_data(list(zip(self.src[keep].tolist(), self.dst[keep].tolist())))
            self._rx = R
        return self._rx


def graph_arrays(G: nx.Graph, weight: str | None = "weight") -> GraphArrays:
    """Arrays of an undirected graph (a directed one is read as undirected)."""
    nodes = list(G)
    index = {u: i for i, u in enumerate(nodes)}
    directed = G.is_directed()
    # G.edges() order, without its view machinery and without a Python loop per entry
    nbr_dicts = [nbrs for _, nbrs in G.adjacency()]
    count = sum(map(len, nbr_dicts))
    src = np.repeat(np.arange(len(nodes), dtype=np.int64), np.fromiter(map(len, nbr_dicts), np.int64,
                                                                       len(nbr_dicts)))
    dst = np.fromiter(map(index.__getitem__, chain.from_iterable(nbr_dicts)), np.int64, count)
    keep = np.ones(count, dtype=bool) if directed else dst >= src    # an undirected edge once
    if not directed:
        src, dst = src[keep], dst[keep]
    if weight is None:
        w = np.ones(src.size, dtype=np.float64)
    else:                                       # reading the edge dicts is the slow part: only kept ones
        kept = compress(chain.from_iterable(d.values() for d in nbr_dicts), keep.tolist())
        w = np.array([d.get(weight, 1.0) for d in kept], dtype=np.float64).reshape(-1)
    if G.is_directed():                       # read as undirected: one entry per node pair
        lo, hi = np.minimum(src, dst), np.maximum(src, dst)
        _, first = np.unique(lo * max(len(nodes), 1) + hi, return_index=True)
        src, dst, w = lo[first], hi[first], w[first]
    keep = src != dst
    a = np.concatenate([src[keep], dst[keep]])
    b = np.concatenate([dst[keep], src[keep]])
    # the (a, b) pairs are distinct: sorting a * n + b is the lexsort, and b is its remainder
    indices = (np.sort(a * len(nodes) + b) % max(len(nodes), 1)).astype(np.int32)
    indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
    np.cumsum(np.bincount(a, minlength=len(nodes)), out=indptr[1:])
    return GraphArrays(nodes, src, dst, w, indptr, indices)


def lap_timer(timings: dict[str, float]):
    """A ``lap(name)`` function that records, under ``name``, the seconds since the previous
    lap (or since the timer was made), rounded to 0.1 ms."""
    last = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        timings[name] = round(now - last[0], 4)
        last[0] = now

    return lap


@contextmanager
def gc_paused():
    """Pause Python's cyclic garbage collector for a block (restored after, nesting-safe).

    Building hundreds of thousands of small dicts and lists (edges, rows)
    triggers a full collection again and again, and each one walks every
    object alive — including the projection's million row dicts. At 50k
    organisations that tripled the time to build the collaboration network.
    Nothing built here forms reference cycles that would need the collector.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze_survivors() -> None:
    """Move every object alive now into the collector's permanent generation (``gc.freeze``).

    For a short-lived process that keeps what it built until it exits (``samverkan
    analyze``): the projection and the analysis are built with the collector paused
    (:func:`gc_paused`), so their ~2 million lists and dicts (the network's 300k edges with
    their project lists, the projection's rows) all sit in the youngest generation, and the
    next collections, triggered by whatever runs next (the score write-back), walk all of
    them at least twice: 1.2 s for the first generation and 1.4 s for the oldest on the
    50k-document graph. None of them is cyclic garbage, so nothing is lost by never walking
    them; they are still freed by reference counting when dropped. Not for a long-running
    process (the app), where garbage already unreachable at the freeze would stay.
    """
    gc.freeze()
