"""Who brokers between two actors: the shortest chains of shared projects that connect them.

Over the collaboration graph (``analytics.network.collaboration_graph``): organisations linked
when they share a project — no memberships (an agency is a member of every samordningsförbund,
so every "path" would run through it) and, unless the caller adds them, no stated
collaborations. The brokers are the organisations in the middle of those chains, ranked by how
many of the shortest chains pass through them.
"""
from __future__ import annotations

from collections import Counter
from itertools import islice

import networkx as nx

__all__ = ["brokers_between"]


def brokers_between(G: nx.Graph, a, b, *, max_paths: int = 50) -> dict:
    """The shortest project chains between ``a`` and ``b`` and who sits in the middle.

    Parameters
    ----------
    G : networkx.Graph
        The collaboration graph; edges may carry ``projects`` and ``project_names``.
    a, b : node
    max_paths : int
        At most this many shortest chains are listed (all have the same length).

    Returns
    -------
    dict
        ``distance`` (links in a shortest chain; None when no chain exists, 0 when a is b),
        ``paths`` (lists of nodes from a to b), ``brokers`` (``(node, chains through it)``,
        most first; each counted over the listed chains), ``complete`` (False when more
        than ``max_paths`` chains exist) and ``steps``: per link of a chain, the projects
        the two ends share.

    Examples
    --------
    >>> G = nx.Graph([("a", "x"), ("x", "b"), ("a", "y"), ("y", "b"), ("b", "c")])
    >>> r = brokers_between(G, "a", "c")
    >>> r["distance"], sorted(r["brokers"])
    (3, [('b', 2), ('x', 1), ('y', 1)])
    >>> brokers_between(G, "a", "z")["distance"] is None
    True
    """
    empty = {"distance": None, "paths": [], "brokers": [], "complete": True, "steps": {}}
    if a not in G or b not in G:
        return empty
    if a == b:
        return {**empty, "distance": 0, "paths": [[a]]}
    try:
        found = list(islice(nx.all_shortest_paths(G, a, b), max_paths + 1))
    except nx.NetworkXNoPath:
        return empty
    complete = len(found) <= max_paths
    paths = sorted(found[:max_paths], key=lambda p: [str(G.nodes[v].get("name") or v) for v in p])
    through = Counter(v for p in paths for v in p[1:-1])
    brokers = sorted(through.items(), key=lambda kv: (-kv[1], str(G.nodes[kv[0]].get("name") or kv[0])))
    steps = {}
    for p in paths:
        for u, v in zip(p, p[1:]):
            d = G.edges[u, v]
            steps[(u, v)] = list(zip(d.get("projects") or [], d.get("project_names") or []))
    return {"distance": len(paths[0]) - 1, "paths": paths, "brokers": brokers, "complete": complete,
            "steps": steps}
