"""Draw a NetworkX graph as an interactive, offline pyvis/vis-network view.

Physics is off: positions are computed here once (cached by the caller) so that
a graph of thousands of nodes draws in seconds instead of minutes. The
vis-network script is inlined (``cdn_resources="in_line"``) and pyvis's
Bootstrap links are stripped, so the view works without internet;
:func:`external_resources` lists anything that would still be fetched.

Node attributes read: ``label`` (or ``name``), ``kind``, ``community``, the
size metric (``pagerank`` by default), ``title`` (tooltip, plain text).
Edge attributes read: ``weight``, ``title``.
"""
from __future__ import annotations

import json
import math
import re

import networkx as nx
import numpy as np

KIND_COLOURS = {
    "municipality_org": "#1f77b4", "municipal_unit": "#6baed6", "region": "#9467bd",
    "agency": "#d62728", "coordination_association": "#ff7f0e", "nonprofit": "#2ca02c",
    "education": "#8c564b", "company": "#e377c2", "network": "#17becf", "fund": "#bcbd22",
    "other": "#7f7f7f",
    # other labels, for graphs from the Cypher console and ego networks
    "Organization": "#1f77b4", "Project": "#fdd0a2", "Person": "#98df8a",
    "Municipality": "#54278f", "County": "#8c564b", "TargetGroup": "#c51b7d",
    "Document": "#7f7f7f",
}
KIND_LABELS_SV = {
    "municipality_org": "Kommun (organisation)", "municipal_unit": "Kommunal förvaltning", "region": "Region",
    "agency": "Statlig myndighet", "coordination_association": "Samordningsförbund",
    "nonprofit": "Idéburen organisation", "education": "Utbildningsaktör", "company": "Företag",
    "network": "Nätverk", "fund": "Fond/finansiär", "other": "Övrig",
    "Organization": "Organisation", "Project": "Projekt", "Person": "Person",
    "Municipality": "Kommun (plats)", "County": "Län", "TargetGroup": "Målgrupp",
    "Document": "Dokument",
}
#: colour-blind-friendly-ish cycle for communities; the largest community gets the first colour
COMMUNITY_COLOURS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#86bcb6", "#d37295", "#a0cbe8", "#ffbe7d", "#8cd17d", "#b6992d", "#499894",
)
SMALL_COMMUNITY = "#c7c7c7"

#: components at least this large are laid out by force; smaller ones are packed in rows
_DENSE_LIMIT = 500


def _safe_text(value) -> str:
    """Plain text for labels and tooltips (names come from documents)."""
    return str(value if value is not None else "").replace("<", "‹").replace(">", "›")


def _force_layout(G: nx.Graph, seed: int) -> dict:
    """Fruchterman–Reingold positions in the unit square.

    networkx's spring_layout switches to a scipy sparse solver at 500 nodes;
    without scipy we run the same algorithm densely with numpy.
    """
    if len(G) < _DENSE_LIMIT:
        return nx.spring_layout(G, seed=seed, weight=None)
    try:
        import scipy  # noqa: F401

        return nx.spring_layout(G, seed=seed, weight=None, iterations=60)
    except ImportError:
        pass
    nodes = list(G)
    n = len(nodes)
    adj = nx.to_numpy_array(G, nodelist=nodes, weight=None, dtype=np.float32)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k = np.float32(1 / math.sqrt(n))
    iterations = 40
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        # pairwise distances and forces without an n x n x 2 tensor
        sq = (pos ** 2).sum(1)
        dist = np.sqrt(np.maximum(sq[:, None] + sq[None, :] - 2 * pos @ pos.T, 1e-4))
        force = k * k / dist ** 2 - adj * dist / k
        np.fill_diagonal(force, 0)
        disp = pos * force.sum(1)[:, None] - force @ pos
        length = np.sqrt((disp ** 2).sum(-1))
        length[length < 0.01] = 0.1
        pos += disp * (t / length)[:, None]
        t -= dt
    return dict(zip(nodes, pos))


def layout(G: nx.Graph, seed: int = 0, spacing: float = 170.0) -> dict:
    """Pixel positions for every node: components laid out separately and packed.

    The largest component sits at the top, smaller ones follow in rows below, so
    that isolated pairs do not fly off to the edges as in one global layout.
    Deterministic for a given ``seed``.

    >>> pos = layout(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2]
    True
    """
    if len(G) == 0:
        return {}
    comps = sorted(nx.connected_components(G.to_undirected(as_view=True)),
                   key=lambda c: (-len(c), min(map(str, c))))
    margin = spacing / 2
    placed: list[tuple[dict, float, float]] = []  # positions around 0, half width, half height
    for comp in comps:
        H = G.subgraph(comp)
        if len(H) == 1:
            local = {next(iter(comp)): np.zeros(2)}
        else:
            raw = _force_layout(H, seed)
            arr = np.array([raw[v] for v in H], dtype=float)
            arr -= arr.mean(axis=0)
            # turn the long axis horizontal: screens are wider than tall
            _, vecs = np.linalg.eigh(np.cov(arr.T))
            arr = arr @ vecs[:, ::-1]
            radius = float(np.abs(arr).max()) or 1.0
            # the long side grows with sqrt(size): roughly constant node density
            arr *= (spacing * math.sqrt(len(H)) / 2) / radius
            local = dict(zip(H, arr))
        pts = np.array(list(local.values()))
        half_w = max(float(np.abs(pts[:, 0]).max()), spacing / 3) + margin
        half_h = max(float(np.abs(pts[:, 1]).max()), spacing / 3) + margin
        placed.append((local, half_w, half_h))

    # the largest component on top, the others in rows beneath it
    width = max(2 * placed[0][1], spacing * 8)
    pos: dict = {}
    y = 0.0
    x = width  # forces a new row for the first small component
    row_h = 2 * placed[0][2]
    for i, (local, half_w, half_h) in enumerate(placed):
        if i == 0:
            centre = (0.0, placed[0][2])
        else:
            if x + 2 * half_w > width / 2:
                x = -width / 2
                y += row_h
                row_h = 0.0
            centre = (x + half_w, y + half_h)
            x += 2 * half_w
            row_h = max(row_h, 2 * half_h)
        for v, p in local.items():
            pos[v] = (float(p[0] + centre[0]), float(p[1] + centre[1]))
    return pos


def community_colours(G: nx.Graph, attr: str = "community", max_colours: int = len(COMMUNITY_COLOURS)) -> dict:
    """Node -> colour, the largest communities first; the rest light grey."""
    sizes: dict = {}
    for _, c in G.nodes(data=attr):
        sizes[c] = sizes.get(c, 0) + 1
    ranked = [c for c, n in sorted(sizes.items(), key=lambda kv: (-kv[1], str(kv[0]))) if c is not None]
    colour_of = {c: COMMUNITY_COLOURS[i] for i, c in enumerate(ranked[:max_colours]) if sizes[c] > 1}
    return {v: colour_of.get(c, SMALL_COMMUNITY) for v, c in G.nodes(data=attr)}


def _options(big: bool) -> dict:
    return {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "font": {"face": "Source Sans Pro, Arial, sans-serif", "color": "#222222",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"min": 6, "max": 36,
                              "label": {"enabled": True, "min": 11, "max": 26,
                                        "drawThreshold": 9 if big else 5}}},
        "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}},
    }


def node_colours(G: nx.Graph, color_by: str = "community") -> dict:
    """Node -> colour: by community (largest first) or by kind (:data:`KIND_COLOURS`)."""
    if color_by == "community":
        return community_colours(G)
    return {v: KIND_COLOURS.get(k or "other", "#7f7f7f") for v, k in G.nodes(data="kind")}


def vis_data(
    G: nx.Graph,
    pos: dict | None = None,
    *,
    size_by: str | None = "pagerank",
    color_by: str = "community",
    highlight=None,
    seed: int = 0,
) -> dict:
    """vis-network's ``nodes``, ``edges`` and ``options`` for ``G`` (plain JSON-able data).

    Node ids are ``str(node)``; positions are fixed (``layout``), physics is off.
    """
    if pos is None:
        pos = layout(G, seed=seed)
    colours = node_colours(G, color_by)
    values = {v: float(d.get(size_by) or 0.0) if size_by else 1.0 for v, d in G.nodes(data=True)}
    top = max(values.values(), default=1.0) or 1.0
    nodes = []
    for v, d in G.nodes(data=True):
        x, y = pos.get(v, (0.0, 0.0))
        label = _safe_text(d.get("label") or d.get("name") or v)
        node = {
            "id": str(v),
            "label": label,
            "title": _safe_text(d.get("title") or label),
            "color": colours.get(v, "#7f7f7f"),
            "value": 1 + 20 * math.sqrt(values[v] / top),
            "x": float(x), "y": float(y),
        }
        if highlight is not None and v == highlight:
            node.update(borderWidth=4, color={"background": node["color"], "border": "#000000"},
                        shape="star")
        nodes.append(node)
    edges = []
    for u, w, d in G.edges(data=True):
        weight = float(d.get("weight") or 1.0)
        edge = {"from": str(u), "to": str(w), "width": min(1 + math.log2(weight) * 1.5, 8), "color": "#b0b0b0"}
        if d.get("title"):
            edge["title"] = _safe_text(d["title"])
        if d.get("label"):
            edge["label"] = _safe_text(d["label"])
        edges.append(edge)
    return {"nodes": nodes, "edges": edges, "options": _options(len(G) > 300)}


def legend(G: nx.Graph, color_by: str = "community", size_by: str | None = None,
           size_label: str | None = None, max_groups: int = 8) -> dict:
    """What the colours and sizes of a drawn graph mean, in Swedish.

    Returns ``{"colours": [(colour, text)], "size": text or None}``: by kind, one entry per
    kind drawn; by community, the largest groups with their best-known members (the rest
    grey).
    """
    colours = node_colours(G, color_by)
    entries: list[tuple[str, str]] = []
    if color_by == "community":
        groups: dict = {}
        for v, d in G.nodes(data=True):
            groups.setdefault(d.get("community"), []).append(v)
        ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
        shown = 0
        for c, members in ranked:
            colour = colours[members[0]]
            if colour == SMALL_COMMUNITY or shown >= max_groups:
                continue
            best = sorted(members, key=lambda v: -float(G.nodes[v].get("pagerank") or 0))[:2]
            names = ", ".join(_safe_text(G.nodes[v].get("name") or v) for v in best)
            entries.append((colour, f"grupp {c}: {names}{' …' if len(members) > 2 else ''} "
                                    f"({len(members)} aktörer)"))
            shown += 1
        if any(col == SMALL_COMMUNITY for col in colours.values()) or shown < sum(
                1 for _, m in ranked if colours[m[0]] != SMALL_COMMUNITY):
            entries.append((SMALL_COMMUNITY, "mindre grupper och ensamma aktörer"))
    else:
        seen: dict[str, str] = {}
        for v, k in G.nodes(data="kind"):
            k = k or "other"
            seen.setdefault(k, colours[v])
        entries = [(colour, KIND_LABELS_SV.get(k, k)) for k, colour in
                   sorted(seen.items(), key=lambda kv: KIND_LABELS_SV.get(kv[0], kv[0]))]
    size = None
    if size_by and size_label:
        size = f"Större punkt: högre {size_label.lower()}."
    return {"colours": entries, "size": size}


def to_html(
    G: nx.Graph,
    pos: dict | None = None,
    *,
    size_by: str | None = "pagerank",
    color_by: str = "community",
    height: int = 640,
    highlight=None,
    seed: int = 0,
) -> str:
    """Self-contained HTML (no network access needed) for ``G``, through pyvis: the file a
    browser opens on its own (the benchmark, exports). The app draws the same
    :func:`vis_data` through its component (``app_pages.netview``), which also reports clicks.
    """
    from pyvis.network import Network

    data = vis_data(G, pos, size_by=size_by, color_by=color_by, highlight=highlight, seed=seed)
    net = Network(height=f"{height - 10}px", width="100%", directed=False,
                  cdn_resources="in_line", bgcolor="#ffffff")
    for node in data["nodes"]:
        node = dict(node)
        net.add_node(node.pop("id"), **node)
    # what pyvis's add_edge appends, without its checks: it scans every node and every
    # edge already added for each new one (quadratic: 7.6 s of 8.6 s at 2,000 nodes);
    # a networkx graph has each edge once and both ends as nodes already
    net.edges.extend(data["edges"])
    net.set_options(json.dumps(data["options"]))
    html = net.generate_html(notebook=False)
    html = _strip_external(html)
    html = html.replace("<center>\n<h1></h1>\n</center>", "").replace(
        "<center>\n          <h1></h1>\n        </center>", "")
    html = html.replace('<div class="card" style="width: 100%">',
                        '<div class="card" style="width: 100%; border: none">')
    extra = ["#mynetwork { border: none !important; }", "body { margin: 0; }",
             "div.vis-tooltip { white-space: pre-line; font-family: sans-serif;"
             " font-size: 13px; max-width: 420px; }"]
    html = html.replace("</style>", "\n".join(extra) + "\n</style>", 1)
    html = html.replace("drawGraph();\n", "drawGraph();\nwindow.samverkanNetworkReady = true;\n", 1)
    return html


_EXTERNAL_TAG = re.compile(
    r"<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*[\"']?(?:https?:)?//[^>]*>(?:\s*</script>)?",
    re.IGNORECASE | re.DOTALL)


def _strip_external(html: str) -> str:
    """Drop pyvis's Bootstrap CDN links (only cosmetic, and they need internet)."""
    return _EXTERNAL_TAG.sub("", html)


def external_resources(html: str) -> list[str]:
    """URLs that a browser would fetch from the network to show ``html``.

    >>> external_resources('<script src="https://x.org/a.js"></script><p>https://ok</p>')
    ['https://x.org/a.js']
    """
    pattern = r"<(?:link|script|img|iframe)\b[^>]*\b(?:href|src)\s*=\s*[\"']?((?:https?:)?//[^\"' >]+)"
    return re.findall(pattern, html, re.IGNORECASE)


def show(G: nx.Graph, pos: dict | None = None, *, height: int = 640, key: str = "graph",
         clickable: bool = True, **kwargs) -> str | None:
    """Draw ``G`` in the page (``app_pages.netview``); returns the id of a node just clicked
    (once per click), else None."""
    from app_pages import netview

    return netview.show(vis_data(G, pos, **kwargs), height=height, key=key, clickable=clickable)
