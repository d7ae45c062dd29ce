"""What the pages show, computed from plain rows: pure functions, no Streamlit, no database.

The pages call these through the cached wrappers in ``app_pages.common``; tests
call them directly.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from analytics import COLLAB_ROLES, Projection, centrality_table, collaboration_graph
from analytics.period import undated_count
from app_pages import graphview

LABELS_SV = {
    "Organization": "Organisationer", "Project": "Projekt", "Person": "Personer",
    "Municipality": "Kommuner (platser)", "County": "Län", "TargetGroup": "Målgrupper",
    "Document": "Dokument",
}
ROLE_SV = {"OWNS": "äger", "FUNDS": "finansierar", "PARTNER_IN": "partner i",
           "COLLABORATES_WITH": "samverkar med", "PART_OF": "del av", "MEMBER_OF": "medlem i",
           "WORKS_FOR": "arbetar för", "CONTACT_FOR": "kontakt för", "LOCATED_IN": "säte i",
           "ACTIVE_IN": "verksamt i", "TARGETS": "målgrupp"}
SIZE_BY = {"pagerank": "PageRank", "betweenness": "Mäklarroll (betweenness)", "degree": "Antal partner",
           "weighted_degree": "Antal delade projekt"}


def counts_frame(counts: dict) -> pd.DataFrame:
    """Node counts as a two-column table in Swedish."""
    rows = [{"typ": LABELS_SV.get(k, k), "antal": v} for k, v in counts["nodes"].items()]
    return pd.DataFrame(rows)


def documents_frame(rows: list[dict]) -> pd.DataFrame:
    cols = {"name": "dokument", "title": "titel", "kind": "typ", "published": "publicerat",
            "loaded_at": "inläst", "mentions": "omnämnanden"}
    frame = pd.DataFrame(rows, columns=list(cols) + ["uid", "path"])[list(cols)].rename(columns=cols)
    frame["inläst"] = frame["inläst"].astype(str).str.slice(0, 16).str.replace("T", " ")
    return frame


# --- the network page ------------------------------------------------------------------------------

@dataclass(frozen=True)
class NetworkFilters:
    """The network page's choices (hashable, so they can key a cache)."""

    kinds: tuple[str, ...] = ()          # organisation kinds to keep; empty: all
    county: str | None = None            # län code: projects active in the län
    municipality: str | None = None      # kommun code: projects active in the kommun
    target_group: str | None = None      # target group key
    since: int | None = None
    until: int | None = None
    min_shared: int = 1                  # least shared projects for a link
    with_funders: bool = False
    keep_undated: bool = True
    seed: int = 0


@dataclass
class NetworkView:
    graph: nx.Graph
    table: pd.DataFrame
    positions: dict
    n_projects: int
    undated: int
    filters: NetworkFilters
    notes: list[str] = field(default_factory=list)


def _project_keep(proj: Projection, f: NetworkFilters) -> set[str] | None:
    """Project uids that pass the place and target-group filters (None: no such filter)."""
    if not (f.county or f.municipality or f.target_group):
        return None
    keep = set()
    for p in proj.projects:
        if f.municipality and f.municipality not in (p.get("municipalities") or []):
            continue
        if f.county and f.county not in (p.get("counties") or []):
            continue
        if f.target_group and f.target_group not in (p.get("targets") or []):
            continue
        keep.add(p["project_uid"])
    return keep


def network_view(proj: Projection, f: NetworkFilters) -> NetworkView:
    """The filtered collaboration network with scores, communities and fixed positions."""
    if f.since is not None or f.until is not None:
        proj = proj.for_period(f.since, f.until, keep_undated=f.keep_undated)
    keep = _project_keep(proj, f)
    rows = [r for r in proj.org_projects if keep is None or r["project_uid"] in keep]
    stated = proj.stated if keep is None else []  # stated links carry no project, place or group
    G = collaboration_graph(rows, stated, roles=None if f.with_funders else COLLAB_ROLES)
    if f.min_shared > 1:
        G.remove_edges_from([(u, v) for u, v, d in G.edges(data=True)
                             if d["weight"] < f.min_shared and not d["stated"]])
    if f.kinds:
        G.remove_nodes_from([u for u, d in G.nodes(data=True) if (d.get("org_kind") or "other") not in f.kinds])
    G.remove_nodes_from([u for u in list(G) if G.degree(u) == 0 and G.nodes[u]["n_projects"] == 0])
    if f.min_shared > 1:
        G.remove_nodes_from(list(nx.isolates(G)))
    table = centrality_table(G, seed=f.seed)
    for u, r in table.iterrows():
        d = G.nodes[u]
        d.update(degree=int(r["degree"]), weighted_degree=float(r["weighted_degree"]),
                 betweenness=float(r["betweenness"]), pagerank=float(r["pagerank"]),
                 community=int(r["community"]), kind=d.get("org_kind") or "other")
        d["title"] = (f"{d['name']}\n{graphview.KIND_LABELS_SV.get(d['kind'], d['kind'])}\n"
                      f"{d['n_projects']} projekt · {d['degree']} partner\n"
                      f"betweenness {d['betweenness']:.3f} · PageRank {d['pagerank']:.3f}\n"
                      f"grupp {d['community']}")
    for u, v, d in G.edges(data=True):
        names = d.get("project_names") or []
        d["title"] = (f"{G.nodes[u]['name']} – {G.nodes[v]['name']}\n"
                      + (f"{len(names)} delade projekt: " + ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
                         if names else "")
                      + ("\nuttalad samverkan" if d.get("stated") else ""))
    notes = []
    undated = undated_count(rows)
    if (f.since or f.until) and undated and f.keep_undated:
        notes.append(f"{undated} projekt saknar datum och visas ändå.")
    if keep is not None and proj.stated:
        notes.append("Uttalad samverkan (utan projekt) visas bara utan plats- och målgruppsfilter.")
    return NetworkView(graph=G, table=table, positions=graphview.layout(G, seed=f.seed),
                       n_projects=len({r["project_uid"] for r in rows}), undated=undated, filters=f,
                       notes=notes)


def organisations_frame(proj: Projection) -> pd.DataFrame:
    """Organisations with at least one project or stated collaboration: uid, name, kind, projects."""
    seen: dict[str, dict] = {}
    for r in proj.org_projects:
        item = seen.setdefault(r["org_uid"], {"uid": r["org_uid"], "name": r.get("org_name") or r["org_uid"],
                                               "kind": r.get("org_kind"), "projects": set()})
        item["projects"].add(r["project_uid"])
    for r in proj.stated:
        for end in ("a", "b"):
            uid = r[f"org_{end}"]
            seen.setdefault(uid, {"uid": uid, "name": r.get(f"org_{end}_name") or uid,
                                  "kind": r.get(f"org_{end}_kind"), "projects": set()})
    rows = [dict(v, projects=len(v["projects"])) for v in seen.values()]
    frame = pd.DataFrame(rows, columns=["uid", "name", "kind", "projects"])
    return frame.sort_values(["name", "uid"], key=lambda s: s.str.lower()).reset_index(drop=True)


def ego_graph(ego: dict, *, memberships: bool = True) -> nx.Graph:
    """An ego network from ``graph.projection.ego_network`` as a NetworkX graph for ``graphview``.

    ``memberships=False`` leaves out MEMBER_OF edges (an agency is a member of every
    samordningsförbund, which would drown its projects) and what hangs only on them.
    """
    G = nx.Graph()
    for n in ego["nodes"]:
        G.add_node(n["id"], name=n["name"], kind=n["label"] if n["label"] != "Organization" else (n["kind"] or "other"),
                   title=f"{n['name']}\n{graphview.KIND_LABELS_SV.get(n['label'], n['label'])}",
                   size=3.0 if n["id"] == ego["center"] else 1.0)
    for e in ego["edges"]:
        if not memberships and e["type"] == "MEMBER_OF":
            continue
        if G.has_edge(e["source"], e["target"]):
            G.edges[e["source"], e["target"]]["label"] += ", " + ROLE_SV.get(e["type"], e["type"])
        else:
            G.add_edge(e["source"], e["target"], label=ROLE_SV.get(e["type"], e["type"]),
                       title=f"{e['type']} · {e['n_docs']} källdokument")
    if ego["center"] in G:
        G.remove_nodes_from([u for u in list(G) if not nx.has_path(G, ego["center"], u)])
    return G


def facts_frame(items: list[dict], name_key: str = "name") -> pd.DataFrame:
    """One row per (neighbour, fact, source document) with the evidence quote."""
    rows = []
    for item in items:
        for fact in item.get("facts", [item]):
            how = ROLE_SV.get(fact.get("type") or fact.get("role") or fact.get("via"), fact.get("type") or "")
            via = fact.get("project_name") or ""
            sources = fact.get("sources") or [{}]
            for s in sources:
                rows.append({"namn": item.get(name_key) or item.get("label_sv") or item.get("key"),
                             "relation": how, "via projekt": via, "källa": s.get("document") or "",
                             "citat": s.get("quote") or ""})
    return pd.DataFrame(rows, columns=["namn", "relation", "via projekt", "källa", "citat"])


def projects_frame(projects: list[dict]) -> pd.DataFrame:
    rows = []
    for p in projects:
        for s in p.get("sources") or [{}]:
            rows.append({"projekt": p["name"], "roll": ROLE_SV.get(p["role"], p["role"]),
                         "start": p.get("start"), "slut": p.get("end"), "belopp (kr)": p.get("amount_sek"),
                         "källa": s.get("document") or "", "citat": s.get("quote") or ""})
    return pd.DataFrame(rows, columns=["projekt", "roll", "start", "slut", "belopp (kr)", "källa", "citat"])


# --- results of the Cypher console as a graph --------------------------------------------------------

def _node_id(node: dict) -> str | None:
    labels = node.get("_labels") or []
    for key in ("uid", "code", "key"):
        if key in node:
            return f"{labels[0] if labels else '?'}:{node[key]}"
    return None


def result_graph(rows: list[dict]) -> nx.Graph | None:
    """Nodes, relationships and paths found in console results, as a graph (None when there are none)."""
    G = nx.Graph()

    def add_node(n: dict) -> str | None:
        nid = _node_id(n)
        if nid is None:
            return None
        label = (n.get("_labels") or ["?"])[0]
        name = n.get("name") or n.get("label_sv") or nid.split(":", 1)[1]
        G.add_node(nid, name=str(name), kind=label, title=f"{name}\n{label}")
        return nid

    def walk(value):
        if isinstance(value, dict) and "_labels" in value:
            add_node(value)
        elif isinstance(value, list):
            # a path alternates node, relationship, node ...
            if len(value) >= 3 and all(isinstance(v, dict) for v in value) and "_labels" in value[0] \
                    and "_type" in value[1]:
                for i in range(0, len(value) - 2, 2):
                    a, r, b = add_node(value[i]), value[i + 1], add_node(value[i + 2])
                    if a and b:
                        G.add_edge(a, b, label=ROLE_SV.get(r["_type"], r["_type"]), title=r["_type"])
            else:
                for v in value:
                    walk(v)

    for row in rows:
        for value in row.values():
            walk(value)
    return G if len(G) else None


def flat_frame(columns: list[str], rows: list[dict]) -> pd.DataFrame:
    """Console results as a table of readable cells (nodes by name, lists joined)."""
    def cell(v):
        if isinstance(v, dict):
            if "_labels" in v:
                return f"({(v['_labels'] or ['?'])[0]}) {v.get('name') or v.get('label_sv') or _node_id(v)}"
            if "_type" in v:
                return f"[{v['_type']}]"
            return str(v)
        if isinstance(v, list):
            return "; ".join(str(cell(x)) for x in v)
        return v

    return pd.DataFrame([[cell(r.get(c)) for c in columns] for r in rows], columns=columns)
