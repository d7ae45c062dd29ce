"""Build NetworkX graphs from plain rows read out of Neo4j.

The rows are the ones ``graph.projection`` returns; tests build them by hand.
An *org-project row* is a mapping with the keys

``org_uid``, ``org_name``, ``org_kind``, ``project_uid``, ``project_name``, ``role``

where ``role`` is ``"OWNS"``, ``"FUNDS"`` or ``"PARTNER_IN"`` (extra keys such as
``start``/``end``/``amount_sek`` are ignored here). A *stated row* has ``org_a`` and
``org_b`` (uids) and optionally ``org_a_name``, ``org_b_name``, ``doc_uids``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations

import networkx as nx

import numpy as np

from analytics.arrays import gc_paused

ROLES = ("OWNS", "FUNDS", "PARTNER_IN")

__all__ = ["ROLES", "bipartite_graph", "collaboration_graph"]


def _roles_filter(roles: Iterable[str] | None) -> frozenset[str]:
    chosen = frozenset(ROLES if roles is None else roles)
    unknown = chosen - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}; choose from {ROLES}")
    return chosen


def bipartite_graph(org_project_rows: Iterable[Mapping], *, roles: Iterable[str] | None = None) -> nx.Graph:
    """Organisations and the projects they own, fund or take part in.

    Parameters
    ----------
    org_project_rows : iterable of mappings
        One row per (organisation, role, project), see the module docstring.
    roles : iterable of str, optional
        Keep only these relationship types (default: all of OWNS, FUNDS, PARTNER_IN).

    Returns
    -------
    networkx.Graph
        Nodes are uids. Organisation nodes have ``kind="organization"``,
        ``bipartite=0``, ``name`` and ``org_kind``; project nodes have
        ``kind="project"``, ``bipartite=1`` and ``name``. Every node has ``uid``.
        If a project uid equals an organisation uid, the project node is keyed
        ``"project:" + uid`` so that the two stay apart. Each edge has ``roles``,
        the set of relationship types between the two.

    Examples
    --------
    >>> rows = [
    ...     {"org_uid": "a", "org_name": "A", "org_kind": "nonprofit",
    ...      "project_uid": "p1", "project_name": "P1", "role": "OWNS"},
    ...     {"org_uid": "a", "org_name": "A", "org_kind": "nonprofit",
    ...      "project_uid": "p1", "project_name": "P1", "role": "FUNDS"},
    ... ]
    >>> B = bipartite_graph(rows)
    >>> sorted(B.edges["a", "p1"]["roles"])
    ['FUNDS', 'OWNS']
    >>> B.nodes["p1"]["kind"]
    'project'
    """
    keep = _roles_filter(roles)
    rows = [r for r in org_project_rows if r["role"] in keep]
    org_uids = {r["org_uid"] for r in rows}
    B = nx.Graph()
    for r in rows:
        org = r["org_uid"]
        if org not in B:
            B.add_node(org, uid=org, kind="organization", bipartite=0,
                       name=r.get("org_name") or org, org_kind=r.get("org_kind"))
        proj_uid = r["project_uid"]
        proj = f"project:{proj_uid}" if proj_uid in org_uids else proj_uid
        if proj not in B:
            B.add_node(proj, uid=proj_uid, kind="project", bipartite=1,
                       name=r.get("project_name") or proj_uid)
        if B.has_edge(org, proj):
            B.edges[org, proj]["roles"].add(r["role"])
        else:
            B.add_edge(org, proj, roles={r["role"]})
    return B


def collaboration_graph(
    org_project_rows: Iterable[Mapping],
    stated_rows: Iterable[Mapping] = (),
    *,
    roles: Iterable[str] | None = None,
) -> nx.Graph:
    """Organisations linked when they share a project or state a collaboration.

    Parameters
    ----------
    org_project_rows : iterable of mappings
        One row per (organisation, role, project), see the module docstring.
    stated_rows : iterable of mappings, optional
        Explicit ``COLLABORATES_WITH`` pairs (``org_a``, ``org_b``).
    roles : iterable of str, optional
        Which project roles make two organisations collaborators (default all
        three). Pass ``("OWNS", "PARTNER_IN")`` to leave funders out: a funder
        such as the ESF council that funds hundreds of projects otherwise
        becomes the hub of everything.

    Returns
    -------
    networkx.Graph
        Nodes are organisation uids with ``name``, ``org_kind`` and
        ``n_projects``. Edge attributes: ``weight`` (number of shared projects,
        at least 1 when only stated), ``projects`` (sorted project uids),
        ``project_names`` (in the same order), ``stated`` (bool) and
        ``stated_doc_uids``.

    Examples
    --------
    >>> def row(o, p):
    ...     return {"org_uid": o, "org_name": o.upper(), "org_kind": None,
    ...             "project_uid": p, "project_name": p.upper(), "role": "PARTNER_IN"}
    >>> G = collaboration_graph([row("a", "p1"), row("b", "p1"), row("a", "p2"), row("b", "p2")],
    ...                         [{"org_a": "b", "org_b": "c"}])
    >>> G.edges["a", "b"]["weight"], G.edges["a", "b"]["projects"]
    (2, ['p1', 'p2'])
    >>> G.edges["b", "c"]["stated"], G.edges["b", "c"]["weight"]
    (True, 1)
    """
    keep = _roles_filter(roles)
    with gc_paused():
        return _collaboration_graph_fast(org_project_rows, stated_rows, keep)


def _collaboration_graph(org_project_rows, stated_rows, keep) -> nx.Graph:
    """The plain builder: the reference :func:`_collaboration_graph_fast` must equal."""
    # one pass over the rows: nodes in order of first appearance, members per project
    node_attrs: dict = {}
    members: dict[str, set[str]] = defaultdict(set)
    project_names: dict[str, str] = {}
    for r in org_project_rows:
        org = r["org_uid"]
        if org not in node_attrs:
            node_attrs[org] = {"name": r.get("org_name") or org, "org_kind": r.get("org_kind"), "n_projects": 0}
        if r["role"] not in keep:
            continue
        proj = r["project_uid"]
        members[proj].add(org)
        if proj not in project_names:
            project_names[proj] = r.get("project_name") or proj

    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for proj in sorted(members):
        orgs = sorted(members[proj])
        for org in orgs:
            node_attrs[org]["n_projects"] += 1
        if len(orgs) == 2:
            shared[orgs[0], orgs[1]].append(proj)
        else:
            for pair in combinations(orgs, 2):
                shared[pair].append(proj)
    G = nx.Graph()
    G.add_nodes_from(node_attrs.items())
    G.add_edges_from((a, b, {"weight": len(projs), "projects": projs,
                             "project_names": [project_names[p] for p in projs],
                             "stated": False, "stated_doc_uids": []})
                     for (a, b), projs in shared.items())
    _add_stated(G, stated_rows)
    return G


def _collaboration_graph_fast(org_project_rows, stated_rows, keep) -> nx.Graph:
    """:func:`_collaboration_graph` with the pairs found in numpy: the same graph, built
    in the same order (nodes, each node's neighbours, edge attributes), so that
    everything downstream that depends on the order (Louvain, sampled
    betweenness) gives the same result.

    The plain builder appends every project to every pair of its members in
    Python (1.3 million appends for 300k links at 50k documents) and then
    has networkx add each edge; here:

    * organisations and projects get their rank by uid (the order ``sorted``
      gives), the distinct (project, organisation) pairs are one ``np.unique``,
      i.e. the members of each project, projects and members in sorted order;
    * every pair of members of a project in ``combinations`` order comes from
      one ``np.repeat``; the links in order of their first pair (the plain
      builder's dict order), and each link's projects in sorted order, from
      one ``np.unique`` and one stable sort;
    * the edge dicts go straight into the new graph's adjacency, in the order
      ``add_edges_from`` would put them there.

    Uids that are not all ``str`` take the plain builder.
    """
    node_attrs: dict = {}
    org_index: dict = {}
    proj_index: dict = {}
    project_names: list = []
    pair_org: list[int] = []
    pair_proj: list[int] = []
    for r in org_project_rows:
        org = r["org_uid"]
        i = org_index.get(org)
        if i is None:
            i = org_index[org] = len(org_index)
            node_attrs[org] = {"name": r.get("org_name") or org, "org_kind": r.get("org_kind"), "n_projects": 0}
        if r["role"] not in keep:
            continue
        proj = r["project_uid"]
        j = proj_index.get(proj)
        if j is None:
            j = proj_index[proj] = len(proj_index)
            project_names.append(r.get("project_name") or proj)
        pair_org.append(i)
        pair_proj.append(j)
    orgs = list(org_index)
    projs = list(proj_index)
    if not all(type(u) is str for u in orgs) or not all(type(p) is str for p in projs):
        return _collaboration_graph(org_project_rows, stated_rows, keep)

    n_org, n_proj = max(len(orgs), 1), max(len(projs), 1)
    if n_org * n_org * n_proj >= 2 ** 62:                            # the packed keys below: int64
        return _collaboration_graph(org_project_rows, stated_rows, keep)
    org_by_rank = sorted(orgs)
    org_rank = np.empty(len(orgs), dtype=np.int64)
    org_rank[[org_index[u] for u in org_by_rank]] = np.arange(len(orgs))
    proj_order = sorted(range(len(projs)), key=projs.__getitem__)  # project positions by uid
    proj_rank = np.empty(len(projs), dtype=np.int64)
    proj_rank[proj_order] = np.arange(len(projs))

    # members of every project: (project rank, organisation rank), distinct, sorted
    key = np.unique(proj_rank[np.array(pair_proj, dtype=np.int64)] * n_org
                    + org_rank[np.array(pair_org, dtype=np.int64)])
    m_proj, m_org = np.divmod(key, n_org)
    n_projects = np.bincount(m_org, minlength=len(orgs))
    for u, c in zip(org_by_rank, n_projects.tolist()):
        node_attrs[u]["n_projects"] = c

    # every pair of members of a project, as combinations(sorted members, 2) lists them
    starts = np.flatnonzero(np.r_[True, m_proj[1:] != m_proj[:-1]]) if key.size else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, key.size])
    later = np.repeat(starts + sizes, sizes) - np.arange(key.size) - 1   # members after each one
    first = np.repeat(np.arange(key.size), later)
    second = first + 1 + np.arange(first.size) - np.repeat(np.cumsum(later) - later, later)
    # (link, project) sorted: the links by their pair of ranks, each link's projects sorted
    # (sorting packed values, not argsort: several times faster)
    both = np.sort((m_org[first] * n_org + m_org[second]) * n_proj + m_proj[first])
    pair, proj_of_pair = np.divmod(both, n_proj)
    link_start = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]]) if both.size else np.zeros(0, np.int64)
    n_links = link_start.size
    weights = np.diff(np.r_[link_start, both.size])
    # the plain builder meets the links by their first project, then in combinations order,
    # which is the order of their pairs of ranks
    seen = np.sort(proj_of_pair[link_start] * n_links + np.arange(n_links)) % max(n_links, 1)
    lo = link_start[seen]
    hi = lo + weights[seen]
    a_rank, b_rank = np.divmod(pair[lo], n_org)
    flat_uids = _objects([projs[k] for k in proj_order])[proj_of_pair].tolist()
    flat_names = _objects([project_names[k] for k in proj_order])[proj_of_pair].tolist()

    G = nx.Graph()
    node, adj = G._node, G._adj
    for u, attrs in node_attrs.items():
        node[u] = attrs
        adj[u] = {}
    edges = [{"weight": w, "projects": flat_uids[i:j], "project_names": flat_names[i:j],
              "stated": False, "stated_doc_uids": []}
             for w, i, j in zip(weights[seen].tolist(), lo.tolist(), hi.tolist())]
    for a, b, d in zip([org_by_rank[x] for x in a_rank.tolist()], [org_by_rank[x] for x in b_rank.tolist()],
                       edges):
        adj[a][b] = d                                              # what add_edges_from does
        adj[b][a] = d
    nx._clear_cache(G)
    _add_stated(G, stated_rows)
    return G


def _objects(items: list) -> np.ndarray:
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _add_stated(G: nx.Graph, stated_rows) -> None:
    for r in stated_rows:
        a, b = r["org_a"], r["org_b"]
        if a == b:
            continue
        for uid, end in ((a, "org_a"), (b, "org_b")):
            if uid not in G:
                G.add_node(uid, name=r.get(f"{end}_name") or uid, org_kind=r.get(f"{end}_kind"),
                           n_projects=0)
        if not G.has_edge(a, b):
            G.add_edge(a, b, weight=1, projects=[], project_names=[], stated=True, stated_doc_uids=[])
        edge = G.edges[a, b]
        edge["stated"] = True
        edge["weight"] = max(edge["weight"], 1)
        edge["stated_doc_uids"] = sorted(set(edge["stated_doc_uids"]) | set(r.get("doc_uids") or ()))
