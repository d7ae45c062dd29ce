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
        return _collaboration_graph(org_project_rows, stated_rows, keep)


def _collaboration_graph(org_project_rows, stated_rows, keep) -> nx.Graph:
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
    return G
