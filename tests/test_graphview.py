"""The graph view's HTML (no database, no browser): every node and edge once, positions fixed."""
from __future__ import annotations

import json
import re

import networkx as nx

from app_pages import graphview


def _dataset(html: str, name: str) -> list[dict]:
    m = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", html, re.S)
    assert m, f"no {name} DataSet in the HTML"
    return json.loads(m.group(1))


def test_every_edge_once_with_its_ends_and_weight():
    G = nx.Graph()
    G.add_edge("a", "b", weight=4, title="Projekt X")
    G.add_edge("b", "c")
    G.add_node("d")
    for v in G:
        G.nodes[v].update(name=f"Org {v}", community=0, pagerank=0.1)
    html = graphview.to_html(G, size_by="pagerank")
    nodes, edges = _dataset(html, "nodes"), _dataset(html, "edges")
    assert sorted(n["id"] for n in nodes) == ["a", "b", "c", "d"]
    assert sorted((e["from"], e["to"]) for e in edges) == [("a", "b"), ("b", "c")]
    ab = next(e for e in edges if {e["from"], e["to"]} == {"a", "b"})
    assert ab["title"] == "Projekt X" and ab["width"] > 1
    assert all("x" in n and "y" in n for n in nodes)          # laid out once, no physics
    assert '"enabled": false' in html.replace("'", '"')
    assert graphview.external_resources(html) == []


def test_a_large_view_has_every_edge():
    G = nx.barabasi_albert_graph(2000, 3, seed=1)
    html = graphview.to_html(G, pos={v: (float(v), 0.0) for v in G})
    assert len(_dataset(html, "edges")) == G.number_of_edges()
