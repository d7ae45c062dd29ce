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
* Betweenness is exact where affordable (rustworkx, Apache-2.0, up to 20,000
  organisations; networkx up to 1,000) and sampled (``k=256`` sources,
  Brandes–Pich, networkx) above; see :mod:`analytics.centrality` for the
  accuracy and the timings.
"""
from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from analytics.centrality import bridges_and_cut_points, centrality_table
from analytics.coverage import coverage_matrix, ranked_gaps
from analytics.links import missing_links
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

    def score_rows(self) -> list[dict[str, Any]]:
        """One row per organisation with the properties to write back (``uid`` + SCORE_PROPERTIES)."""
        cuts = set(self.cut_points)
        rows = []
        for uid, r in self.centrality.iterrows():
            rows.append({
                "uid": uid, "degree": int(r["degree"]), "weighted_degree": float(r["weighted_degree"]),
                "betweenness": float(r["betweenness"]), "pagerank": float(r["pagerank"]),
                "community": int(r["community"]), "is_cut_point": uid in cuts,
            })
        return rows

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
            "missing_links": len(self.missing_links),
            "undated_projects": self.undated_projects,
            "period": self.period,
            "betweenness": self.betweenness_method,
        }


def analyze(projection: Projection, *, seed: int = 0, betweenness_k: int | None = None,
            with_funders: bool = False, need: pd.Series | Mapping | None = None,
            backend: str = "auto") -> AnalysisResult:
    """Collaboration network, centrality, communities, weak points, coverage gaps, missing links.

    Parameters
    ----------
    projection : Projection
        Rows from ``graph.projection.load_projection`` (or built by hand).
    seed : int
        Seed for Louvain and betweenness sampling; the same seed gives the same result.
    betweenness_k : int, optional
        Sampled sources for betweenness (networkx); None: exact where affordable
        (rustworkx up to 20,000 nodes when installed, networkx up to 1,000), k=256 above.
    backend : {"auto", "networkx", "rustworkx"}
        Betweenness backend, see :func:`analytics.centrality.betweenness`.
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
    timings: dict[str, float] = {}
    t = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        timings[name] = round(now - t, 4)
        t = now

    roles = None if with_funders else COLLAB_ROLES
    G = collaboration_graph(projection.org_projects, projection.stated, roles=roles)
    if not with_funders:
        # organisations that only fund stay out of the network instead of hanging there isolated
        G.remove_nodes_from([u for u, d in G.nodes(data=True) if d["n_projects"] == 0 and G.degree(u) == 0])
    lap("network")
    table = centrality_table(G, seed=seed, betweenness_k=betweenness_k, backend=backend)
    lap("centrality")
    groups = [sorted(members, key=str) for _, members in
              sorted(table.groupby("community").groups.items())] if len(table) else []
    weak = bridges_and_cut_points(G)
    lap("bridges")
    for uid, r in table.iterrows():
        G.nodes[uid].update(degree=int(r["degree"]), weighted_degree=float(r["weighted_degree"]),
                            betweenness=float(r["betweenness"]), pagerank=float(r["pagerank"]),
                            community=int(r["community"]))
    kommun = coverage_matrix(projection.coverage, projection.municipalities, projection.target_groups)
    lan = coverage_matrix(projection.coverage, projection.municipalities, projection.target_groups,
                          level="lan", counties=projection.counties or None)
    need_series = pd.Series(need, dtype=float) if need is not None and not isinstance(need, pd.Series) else need
    gaps = ranked_gaps(kommun, need_series)
    lap("coverage")
    links = missing_links(projection.activity, projection.org_projects, projection.stated)
    lap("missing_links")
    return AnalysisResult(
        network=G, centrality=table, communities=groups,
        bridges=weak["bridges"], cut_points=weak["cut_points"], coverage_kommun=kommun,
        coverage_lan=lan, gaps=gaps, missing_links=links,
        undated_projects=undated_count(projection.org_projects), period=projection.period_label,
        betweenness_method=table.attrs.get("betweenness", "exact"), timings=timings)
