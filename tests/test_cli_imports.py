"""The CLI starts without NetworKit: only Louvain at scale (``analytics.centrality``) needs it.

Importing networkit takes 1.5-2.7 s on the development machine; a ``samverkan --help``,
``load`` or an ``analyze`` of a graph below ``LOUVAIN_NX_MAX_EDGES`` links must not pay it.
"""
from __future__ import annotations

import subprocess
import sys

import pytest


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize("code", [
    # the CLI group and every command's --help
    "from samverkan.cli import main\ntry:\n    main(['analyze', '--help'])\nexcept SystemExit:\n    pass",
    # what `samverkan analyze` imports before it reads the graph
    "import analytics, analytics.arrays, analytics.coverage, graph.projection, graph.writer, loaders.pipeline",
])
def test_cli_paths_do_not_import_networkit(code):
    assert "networkit" not in _modules_after(code)


def test_analyze_of_a_small_graph_does_not_import_networkit():
    code = ("import networkx as nx\nfrom analytics.centrality import communities, LOUVAIN_NX_MAX_EDGES\n"
            "G = nx.barbell_graph(5, 1)\nassert G.number_of_edges() <= LOUVAIN_NX_MAX_EDGES\n"
            "assert len(communities(G, seed=1)) == 2")
    assert "networkit" not in _modules_after(code)


def test_louvain_at_scale_still_uses_networkit():
    pytest.importorskip("networkit")
    code = ("import networkx as nx\nfrom analytics.centrality import communities\n"
            "communities(nx.barbell_graph(5, 1), seed=1, method='networkit')")
    assert "networkit" in _modules_after(code)
