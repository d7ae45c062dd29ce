"""The whole analysis in one call: projection rows in, scores, gaps and missing links out.

``graph.projection.load_projection(driver, since, until)`` reads a
:class:`Projection` out of Neo4j; :func:`analyze` is pure and needs no
database, so tests and the benchmark build projections by hand.

Choices made here (and why):

* Funders are left out of the collaboration network by default
  (``roles=("OWNS", "PARTNER_IN")``): a managing authority such as the ESF
  council funds most projects and would otherwise be linked to everybody,
  which turns betweenness and communities into noise. ``with_funders=True``
  keeps them.
* Every metric has a method for small graphs and one for large ones, chosen
  by size and a time budget (``scale="auto"``) or forced (``"small"`` /
  ``"large"``): betweenness exact (rustworkx) or sampled (numpy, linear
  scaling, ``k`` by budget), Louvain by networkx or vectorised in numpy; see
  :mod:`analytics.centrality`. The choice is in ``AnalysisResult.methods``
  and ``betweenness_method``.
* Missing links are counted in full but only the ``missing_links_limit``
  strongest are listed (``missing_links_total`` has the count); on a national
  graph there are over a hundred million. See :mod:`analytics.links`.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from analytics.arrays import gc_paused, graph_arrays, lap_timer
from analytics.centrality import bridges_and_cut_points, centrality_table
from analytics.coverage import coverage_matrix, ranked_gaps
from analytics.links import DEFAULT_LIMIT, missing_links
from analytics.network import collaboration_graph
from analytics.period import filter_by_period, undated_count

__all__ = ["Projection", "AnalysisResult", "analyze", "SCORE_PROPERTIES", "COLLAB_ROLES"]

#: the project roles that make two organisations collaborators (funders left out, see above)
COLLAB_ROLES = ("OWNS", "PARTNER_IN")
#: the node properties ``samverkan analyze`` writes onto Organization nodes
SCORE_PROPERTIES = ("degree", "weighted_degree", "betweenness", "pagerank", "community",
                    "is_cut_point")


@dataclass
class Projection:
    """The graph as plain rows (the shapes the ``analytics`` modules document).

    Attributes
    ----------
    org_projects : list of dict
        ``org_uid, org_name, org_kind, role, project_uid, project_name, start, end``.
    stated : list of dict
        ``org_a, org_b`` (+ names, kinds, ``doc_uids``): stated collaborations.
    coverage : list of dict
        ``project_uid, municipality_code, county_code, target_key, start, end``.
    activity : list of dict
        ``org_uid, org_name, project_uid, target_key, place_code, via, start, end``.
    municipalities, counties, target_groups : list of dict
        The complete reference lists (``code, name, county_code`` / ``code, name`` /
        ``key, label_sv``).
    projects : list of dict
        One row per project: ``project_uid, project_name, start, end,
        municipalities, counties, targets`` (lists of codes/keys), for filters.
    since, until : int or None
        The period the rows were read for (already applied by the loader;
        :meth:`for_period` applies another one).
    """

    org_projects: list[dict] = field(default_factory=list)
    stated: list[dict] = field(default_factory=list)
    coverage: list[dict] = field(default_factory=list)
    activity: list[dict] = field(default_factory=list)
    municipalities: list[dict] = field(default_factory=list)
    counties: list[dict] = field(default_factory=list)
    target_groups: list[dict] = field(default_factory=list)
    since: int | None = None
    until: int | None = None
    projects: list[dict] = field(default_factory=list)

    def for_period(self, since: int | None, until: int | None, *, keep_undated: bool = True) -> "Projection":
        """The same projection restricted to projects active between two years (inclusive)."""
        def cut(rows):
            return filter_by_period(rows, since, until, keep_undated=keep_undated)

        return Projection(cut(self.org_projects), list(self.stated), cut(self.coverage), cut(self.activity),
                          self.municipalities, self.counties, self.target_groups, since, until,
                          cut(self.projects))

    @property
    def period_label(self) -> str:
        if self.since is None and self.until is None:
            return "all"
        return f"{self.since if self.since is not None else '…'}–{self.until if self.until is not None else '…'}"


@dataclass
class AnalysisResult:
    """What :func:`analyze` computed.

    ``centrality`` is indexed by organisation uid (columns ``name, org_kind,
    degree, weighted_degree, betweenness, pagerank, community``; see
    :func:`analytics.centrality_table`); ``timings`` gives seconds per step.
    """

    network: nx.Graph
    centrality: pd.DataFrame
    communities: list[list]
    bridges: list[tuple]
    cut_points: list
    coverage_kommun: pd.DataFrame
    coverage_lan: pd.DataFrame
    gaps: pd.DataFrame
    missing_links: pd.DataFrame
    undated_projects: int
    period: str
    betweenness_method: str
    timings: dict[str, float] = field(default_factory=dict)
    #: how each metric was computed: ``analytics.centrality.plan_methods`` plus ``missing_links``
    methods: dict[str, Any] = field(default_factory=dict)
    #: all missing links; ``missing_links`` lists the strongest ``methods["missing_links"]["limit"]``
    missing_links_total: int | None = None
    #: seconds per metric inside the ``centrality`` step (betweenness, pagerank, communities, …)
    centrality_timings: dict[str, float] = field(default_factory=dict)

    def score_rows(self) -> list[dict[str, Any]]:
        """One row per organisation with the properties to write back (``uid`` + SCORE_PROPERTIES)."""
        cuts = set(self.cut_points)
        t = self.centrality
        return [{"uid": uid, "degree": int(deg), "weighted_degree": float(wdeg), "betweenness": float(btw),
                 "pagerank": float(pr), "community": int(com), "is_cut_point": uid in cuts}
                for uid, deg, wdeg, btw, pr, com in zip(t.index, t["degree"], t["weighted_degree"],
                                                       t["betweenness"], t["pagerank"], t["community"])]

    def summary(self) -> dict[str, Any]:
        """Counts for a one-screen report."""
        return {
            "organisations": self.network.number_of_nodes(),
            "links": self.network.number_of_edges(),
            "communities": len(self.communities),
            "bridges": len(self.bridges),
            "cut_points": len(self.cut_points),
            "kommun_gaps": int((self.coverage_kommun == 0).sum().sum()),
            "lan_gaps": int((self.coverage_lan == 0).sum().sum()),
            "missing_links": (len(self.missing_links) if self.missing_links_total is None
                              else self.missing_links_total),
            "missing_links_listed": len(self.missing_links),
            "undated_projects": self.undated_projects,
            "period": self.period,
            "betweenness": self.betweenness_method,
            "communities_method": self.methods.get("communities", {}).get("label", ""),
        }


def analyze(projection: Projection, *, seed: int = 0, betweenness_k: int | None = None,
            with_funders: bool = False, need: pd.Series | Mapping | None = None,
            backend: str = "auto", scale: str = "auto",
            missing_links_limit: int | None = DEFAULT_LIMIT) -> AnalysisResult:
    """Collaboration network, centrality, communities, weak points, coverage gaps, missing links.

    Parameters
    ----------
    projection : Projection
        Rows from ``graph.projection.load_projection`` (or built by hand).
    seed : int
        Seed for Louvain and betweenness sampling; the same seed gives the same result.
    betweenness_k : int, optional
        Sampled sources for betweenness; None: exact where the time budget
        allows it, sampled with ``k`` by budget above
        (:func:`analytics.centrality.plan_methods`).
    backend : {"auto", "networkx", "rustworkx", "numpy"}
        Betweenness backend, see :func:`analytics.centrality.betweenness`.
    scale : {"auto", "small", "large"}
        Methods chosen by size (``"auto"``), or those for small graphs (exact
        betweenness, networkx Louvain) or for large ones (sampled, numpy
        Louvain) whatever the size.
    missing_links_limit : int or None
        List this many missing links, the strongest (None: all; the total is
        counted either way).
    with_funders : bool
        Let FUNDS edges link organisations too (default: owners and partners only).
    need : pandas.Series or mapping, optional
        A need indicator per kommun (code or name) to rank the gaps by.

    Returns
    -------
    AnalysisResult

    Examples
    --------
    >>> def row(o, p):
    ...     return {"org_uid": o, "org_name": o, "org_kind": None, "role": "PARTNER_IN",
    ...             "project_uid": p, "project_name": p, "start": None, "end": None}
    >>> proj = Projection(org_projects=[row("hub", "p1"), row("a", "p1"), row("hub", "p2"), row("b", "p2")])
    >>> r = analyze(proj)
    >>> r.centrality.index[0], r.cut_points
    ('hub', ['hub'])
    """
    with gc_paused():
        return _analyze(projection, seed=seed, betweenness_k=betweenness_k, with_funders=with_funders,
                        need=need, backend=backend, scale=scale, missing_links_limit=missing_links_limit)


def _analyze(projection: Projection, *, seed, betweenness_k, with_funders, need, backend, scale,
             missing_links_limit) -> AnalysisResult:
    timings: dict[str, float] = {}
    lap = lap_timer(timings)

    roles = None if with_funders else COLLAB_ROLES
    G = collaboration_graph(projection.org_projects, projection.stated, roles=roles)
    if not with_funders:
        # organisations that only fund stay out of the network instead of hanging there isolated
        G.remove_nodes_from([u for u, d in G.nodes(data=True) if d["n_projects"] == 0 and G.degree(u) == 0])
    lap("network")
    arrays = graph_arrays(G)
    detail: dict[str, float] = {}
    table = centrality_table(G, seed=seed, betweenness_k=betweenness_k, backend=backend, scale=scale,
                             arrays=arrays, timings=detail)
    lap("centrality")
    weak = bridges_and_cut_points(G, arrays=arrays)
    lap("bridges")
    groups = _groups(table)
    for uid, deg, wdeg, btw, pr, com in zip(table.index, table["degree"].tolist(),
                                            table["weighted_degree"].tolist(), table["betweenness"].tolist(),
                                            table["pagerank"].tolist(), table["community"].tolist()):
        G.nodes[uid].update(degree=int(deg), weighted_degree=float(wdeg), betweenness=float(btw),
                            pagerank=float(pr), community=int(com))
    lap("scores")
    kommun = coverage_matrix(projection.coverage, projection.municipalities, projection.target_groups)
    lan = coverage_matrix(projection.coverage, projection.municipalities, projection.target_groups,
                          level="lan", counties=projection.counties or None)
    need_series = pd.Series(need, dtype=float) if need is not None and not isinstance(need, pd.Series) else need
    gaps = ranked_gaps(kommun, need_series)
    lap("coverage")
    links = missing_links(projection.activity, projection.org_projects, projection.stated,
                          limit=missing_links_limit)
    lap("missing_links")
    methods = dict(table.attrs.get("methods", {}))
    if methods:
        methods["betweenness"] = dict(methods["betweenness"], label=table.attrs.get("betweenness", "exact"))
        methods["communities"] = dict(methods["communities"], label=table.attrs.get("communities", ""))
    methods["bridges"] = {"backend": "rustworkx" if _has_rustworkx() else "networkx"}
    methods["missing_links"] = {"limit": missing_links_limit, "total": links.attrs.get("total", len(links)),
                                "listed": len(links), "exact_order": links.attrs.get("exact_order", True)}
    return AnalysisResult(
        network=G, centrality=table, communities=groups,
        bridges=weak["bridges"], cut_points=weak["cut_points"], coverage_kommun=kommun,
        coverage_lan=lan, gaps=gaps, missing_links=links,
        undated_projects=undated_count(projection.org_projects), period=projection.period_label,
        betweenness_method=table.attrs.get("betweenness", "exact"), timings=timings, methods=methods,
        missing_links_total=links.attrs.get("total", len(links)), centrality_timings=detail)


def _has_rustworkx() -> bool:
    from analytics.centrality import _rustworkx

    return _rustworkx() is not None


def _groups(table: pd.DataFrame) -> list[list]:
    """Community members per community number (0 = largest), each sorted by str."""
    if not len(table):
        return []
    by: dict[int, list] = {}
    for uid, com in zip(table.index, table["community"].tolist()):
        by.setdefault(int(com), []).append(uid)
    return [sorted(by[c], key=str) for c in sorted(by)]
