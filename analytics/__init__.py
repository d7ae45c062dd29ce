"""Pure analytics over plain rows and NetworkX graphs: no database in here.

``graph.projection`` reads the rows out of Neo4j; ``graph.scores.analyze`` runs
the whole chain and writes the scores back.
"""
from analytics.centrality import (
    EXACT_BETWEENNESS_MAX_NODES,
    bridges_and_cut_points,
    centrality_table,
    communities,
    pagerank,
)
from analytics.coverage import coverage_matrix, ranked_gaps, read_need_csv
from analytics.links import missing_links
from analytics.network import ROLES, bipartite_graph, collaboration_graph
from analytics.period import filter_by_period, is_active, undated_count, year_of

__all__ = [
    "EXACT_BETWEENNESS_MAX_NODES", "ROLES", "bipartite_graph", "bridges_and_cut_points",
    "centrality_table", "collaboration_graph", "communities", "coverage_matrix",
    "filter_by_period", "is_active", "missing_links", "pagerank", "ranked_gaps",
    "read_need_csv", "undated_count", "year_of",
]
