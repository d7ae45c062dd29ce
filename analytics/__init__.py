"""Pure analytics over plain rows and NetworkX graphs: no database in here.

``graph.projection.load_projection`` reads a :class:`Projection` out of Neo4j,
:func:`analyze` computes everything from it, and
``graph.projection.write_scores`` writes the scores back onto the nodes.
"""
from analytics.analysis import COLLAB_ROLES, SCORE_PROPERTIES, AnalysisResult, Projection, analyze
from analytics.centrality import (
    EXACT_BETWEENNESS_MAX_NODES,
    bridges_and_cut_points,
    centrality_table,
    communities,
    pagerank,
    plan_methods,
)
from analytics.coverage import coverage_matrix, ranked_gaps, read_need_csv
from analytics.links import missing_links
from analytics.network import ROLES, bipartite_graph, collaboration_graph
from analytics.paths import brokers_between
from analytics.period import filter_by_period, is_active, undated_count, year_of
from analytics.scale import betweenness_sampling_error
from analytics.synthetic import synthetic_projection

__all__ = [
    "AnalysisResult", "COLLAB_ROLES", "brokers_between", "EXACT_BETWEENNESS_MAX_NODES", "Projection", "ROLES",
    "SCORE_PROPERTIES", "analyze", "bipartite_graph", "bridges_and_cut_points",
    "centrality_table", "collaboration_graph", "communities", "coverage_matrix",
    "filter_by_period", "is_active", "missing_links", "pagerank", "ranked_gaps",
    "read_need_csv", "undated_count", "year_of", "plan_methods", "betweenness_sampling_error",
    "synthetic_projection",
]
