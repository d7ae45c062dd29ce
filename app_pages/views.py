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


def documents_table(docs: list[dict]) -> pd.DataFrame:
    """Documents of a profile (``uid, name, title, published, path``) as a Swedish table."""
    return pd.DataFrame([{"titel": d.get("title") or d.get("name"), "fil": d.get("file") or d.get("name"),
                          "publicerat": d.get("published")} for d in docs],
                        columns=["titel", "fil", "publicerat"])


# --- the network page ------------------------------------------------------------------------------

@dataclass(frozen=True)
class NetworkFilters:
    """The network page's choices (hashable, so they can key a cache)."""

    kinds: tuple[str, ...] = ()          # organisation kinds to keep; empty: all
    county: str | None = None            # län code: projects active in the län
    municipality: str | None = None      # kommun code: projects active in the kommun
    target_group: str | None = None      # target group key
    target_group_keys: tuple[str, ...] = ()  # the group and its sub-groups (target_hierarchy)
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
        if f.target_group and not set(f.target_group_keys or (f.target_group,)) & set(p.get("targets") or []):
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
        # shared projects, not the edge weight: a stated collaboration alone weighs 1 but shares none
        G.remove_edges_from([(u, v) for u, v, d in G.edges(data=True)
                             if len(d.get("projects") or ()) < f.min_shared])
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
                      f"mäklarroll {d['betweenness']:.3f} · inflytande {d['pagerank']:.3f}\n"
                      f"samverkansgrupp {d['community']}")
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
                       title=f"{ROLE_SV.get(e['type'], e['type'])} · {e['n_docs']} källdokument")
    if ego["center"] in G:
        G.remove_nodes_from([u for u in list(G) if not nx.has_path(G, ego["center"], u)])
    return G


def facts_frame(items: list[dict], name_key: str = "name") -> pd.DataFrame:
    """One row per (neighbour, fact, source document) with the evidence quote; ``_doc`` and
    ``_quote`` (not shown) say which source a click on the row opens."""
    rows = []
    for item in items:
        for fact in item.get("facts", [item]):
            how = ROLE_SV.get(fact.get("type") or fact.get("role") or fact.get("via"), fact.get("type") or "")
            via = fact.get("project_name") or ""
            sources = fact.get("sources") or [{}]
            for s in sources:
                rows.append({"namn": item.get(name_key) or item.get("label_sv") or item.get("key"),
                             "relation": how, "via projekt": via, "källa": s.get("document") or "",
                             "citat": s.get("quote") or "", "_doc": s.get("doc_uid"), "_quote": s.get("quote")})
    return pd.DataFrame(rows, columns=["namn", "relation", "via projekt", "källa", "citat", "_doc", "_quote"])


def projects_frame(projects: list[dict]) -> pd.DataFrame:
    rows = []
    for p in projects:
        for s in p.get("sources") or [{}]:
            rows.append({"projekt": p["name"], "roll": ROLE_SV.get(p["role"], p["role"]),
                         "start": p.get("start"), "slut": p.get("end"), "belopp (kr)": p.get("amount_sek"),
                         "källa": s.get("document") or "", "citat": s.get("quote") or "",
                         "_doc": s.get("doc_uid"), "_quote": s.get("quote")})
    return pd.DataFrame(rows, columns=["projekt", "roll", "start", "slut", "belopp (kr)", "källa", "citat",
                                       "_doc", "_quote"])


def source_rows(rows: list[dict], columns: dict) -> pd.DataFrame:
    """Rows with ``sources`` as one row per source: ``columns`` maps a row key to its Swedish
    header (a callable value computes the cell from the row); ``källa``, ``citat``, ``_doc`` and
    ``_quote`` are added."""
    out = []
    for r in rows:
        base = {head: (get(r) if callable(get) else r.get(get)) for head, get in columns.items()}
        for s in r.get("sources") or [{}]:
            out.append({**base, "källa": s.get("document") or "", "citat": s.get("quote") or "",
                        "_doc": s.get("doc_uid"), "_quote": s.get("quote")})
    return pd.DataFrame(out, columns=[*columns, "källa", "citat", "_doc", "_quote"])


#: node label -> (page, query parameter) of its profile; people have none
PROFILE_PAGES = {"Organization": ("profil", "uid"), "Municipality": ("plats", "kod"),
                 "TargetGroup": ("malgrupp", "grupp"), "Project": ("projekt", "uid"),
                 "Document": ("kalla", "dok")}


def page_for(node_id: str, default_label: str = "Organization") -> tuple[str, dict] | None:
    """The page and query parameters that show a drawn node: ids are ``Label:key`` (ego and
    console graphs) or a bare key of ``default_label`` (the collaboration network).

    >>> page_for("Municipality:1280"), page_for("malmö-stad"), page_for("Person:anna")
    (('plats', {'kod': '1280'}), ('profil', {'uid': 'malmö-stad'}), None)
    """
    label, sep, key = str(node_id).partition(":")
    if not sep or label not in PROFILE_PAGES and label != "Person":
        label, key = default_label, str(node_id)
    if label not in PROFILE_PAGES or not key:
        return None
    page, param = PROFILE_PAGES[label]
    return page, {param: key}


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
        G.add_node(nid, name=str(name), kind=label,
                   title=f"{name}\n{graphview.KIND_LABELS_SV.get(label, label)}")
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
                        G.add_edge(a, b, label=ROLE_SV.get(r["_type"], r["_type"]),
                                   title=ROLE_SV.get(r["_type"], r["_type"]))
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
                label = (v["_labels"] or ["?"])[0]
                return (f"({graphview.KIND_LABELS_SV.get(label, label)}) "
                        f"{v.get('name') or v.get('label_sv') or _node_id(v)}")
            if "_type" in v:
                return f"[{ROLE_SV.get(v['_type'], v['_type'])}]"
            return str(v)
        if isinstance(v, list):
            return "; ".join(str(cell(x)) for x in v)
        return v

    return pd.DataFrame([[cell(r.get(c)) for c in columns] for r in rows], columns=columns)


# --- Swedish words for what the pages show -----------------------------------------------------

#: centrality columns: Swedish header and one sentence saying what the number means
CENTRALITY_SV = {
    "name": ("organisation", "Organisationens namn."),
    "org_kind": ("typ", "Vilken sorts organisation (kommun, myndighet, förbund …)."),
    "degree": ("partner", "Antal organisationer som aktören delar minst ett projekt med eller uttalat "
                          "samverkar med."),
    "weighted_degree": ("delade projekt", "Summan av delade projekt över alla partner: två partner i "
                                          "tre gemensamma projekt ger 6."),
    "betweenness": ("mäklarroll", "Andelen kortaste vägar mellan två andra aktörer som går genom aktören "
                                  "(0–1). Högt värde: aktören förmedlar kontakt mellan grupper som annars "
                                  "inte möts."),
    "pagerank": ("inflytande (PageRank)", "Högt när aktören samverkar med många som själva är välkopplade. "
                                          "Summerar till 1 över hela nätverket."),
    "community": ("samverkansgrupp", "Grupp av aktörer som samverkar mer med varandra än med andra "
                                     "(Louvain-metoden). Numret är bara ett namn på gruppen."),
}
#: one sentence per metric for captions and help texts
METRIC_HELP = {k: v[1] for k, v in CENTRALITY_SV.items()}


def kind_sv(kind) -> str:
    kind = kind or "other"
    return graphview.KIND_LABELS_SV.get(kind, kind)


def centrality_frame(table: pd.DataFrame, digits: int = 3) -> pd.DataFrame:
    """The centrality table with Swedish headers and kinds, index kept (uid)."""
    cols = [c for c in CENTRALITY_SV if c in table.columns]
    frame = table[cols].copy()
    if "org_kind" in frame:
        frame["org_kind"] = frame["org_kind"].map(kind_sv)
    for c in ("betweenness", "pagerank"):
        if c in frame:
            frame[c] = frame[c].astype(float).round(digits)
    if "weighted_degree" in frame:
        frame["weighted_degree"] = frame["weighted_degree"].astype(float).round(0).astype(int)
    return frame.rename(columns={c: CENTRALITY_SV[c][0] for c in cols})


def no_none(frame: pd.DataFrame, blank: str = "–") -> pd.DataFrame:
    """The same table with missing cells as ``blank`` (no ``None`` on screen)."""
    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object or out[c].isna().any():
            out[c] = out[c].astype(object).where(out[c].notna(), blank)
    return out


# --- target groups as a hierarchy ----------------------------------------------------------------

def target_hierarchy(target_groups: list[dict]) -> dict[str, tuple[str, ...]]:
    """Each target group key with the keys of its sub-groups: ``{key: (key, sub, ...)}``.

    A sub-group is a group whose Swedish label is the parent's label followed by a
    qualification ("Unga med aktivitetsersättning" under "Unga", "Utrikes födda kvinnor"
    under "Utrikes födda").

    >>> h = target_hierarchy([{"key": "young_people", "label_sv": "Unga"},
    ...                       {"key": "young_activity_compensation", "label_sv": "Unga med aktivitetsersättning"},
    ...                       {"key": "women", "label_sv": "Kvinnor"}])
    >>> h["young_people"], h["women"]
    (('young_people', 'young_activity_compensation'), ('women',))
    """
    labels = {str(t["key"]): str(t.get("label_sv") or t["key"]).strip().lower() for t in target_groups}
    out = {}
    for key, label in labels.items():
        subs = sorted(k for k, other in labels.items() if k != key and other.startswith(label + " "))
        out[key] = (key, *subs)
    return out


def expand_coverage(rows: list[dict], hierarchy: dict[str, tuple[str, ...]]) -> list[dict]:
    """Coverage rows with a copy under each parent group of a row's group (a parent includes its sub-groups)."""
    parents: dict[str, list[str]] = {}
    for parent, keys in hierarchy.items():
        for k in keys[1:]:
            parents.setdefault(k, []).append(parent)
    out = list(rows)
    for r in rows:
        for parent in parents.get(r.get("target_key"), ()):
            out.append({**r, "target_key": parent})
    return out


# --- distinct projects per place ---------------------------------------------------------------

def projects_by_place(projects: list[dict], level: str = "kommun",
                      keys: tuple[str, ...] | set[str] | None = None) -> dict[str, set[str]]:
    """Place code -> the distinct project uids active there (for any of ``keys`` when given).

    A project counts once per place however many target groups or kommuner it has.

    >>> ps = [{"project_uid": "p", "municipalities": ["1280", "1281"], "counties": ["12", "12"],
    ...        "targets": ["a", "b"]}]
    >>> {k: len(v) for k, v in projects_by_place(ps, "lan").items()}
    {'12': 1}
    """
    field_name = "municipalities" if level == "kommun" else "counties"
    wanted = set(keys) if keys is not None else None
    out: dict[str, set[str]] = {}
    for p in projects:
        if wanted is not None and not wanted & set(p.get("targets") or ()):
            continue
        for code in dict.fromkeys(p.get(field_name) or ()):
            if code is not None:
                out.setdefault(str(code), set()).add(p["project_uid"])
    return out


def distinct_gap_counts(gaps: pd.DataFrame, projects: list[dict], level: str,
                        hierarchy: dict[str, tuple[str, ...]], county_of: dict[str, str]) -> pd.DataFrame:
    """Ranked gaps with ``place_projects`` and ``nearby_projects`` as distinct projects, re-ranked.

    ``place_projects``: projects active at the place (any group); ``nearby_projects``:
    projects for the group (or a sub-group) in the rest of the place's län (kommun level)
    or in the rest of the country (län level).
    """
    if gaps.empty:
        return gaps
    at_place = projects_by_place(projects, level)
    out = gaps.copy()
    out["place_projects"] = [len(at_place.get(p, ())) for p in out["place"]]
    cache: dict[str, dict[str, set[str]]] = {}
    nearby = []
    for place, key in zip(out["place"], out["target_group"]):
        if key not in cache:
            cache[key] = projects_by_place(projects, level, hierarchy.get(key, (key,)))
        by_place = cache[key]
        if level == "kommun" and county_of.get(place):
            county = county_of[place]
            others = [c for c in by_place if c != place and county_of.get(c) == county]
        else:
            others = [c for c in by_place if c != place]
        nearby.append(len(set().union(*(by_place[c] for c in others))) if others else 0)
    out["nearby_projects"] = nearby
    sort = ["need", "place_projects", "nearby_projects", "place", "target_group"]
    out = out.sort_values(sort, ascending=[False, False, False, True, True], na_position="last",
                          kind="mergesort").reset_index(drop=True)
    out["rank"] = range(1, len(out) + 1)
    return out


def places_without(projects: list[dict], places: list[dict], county: str | None,
                   keys: tuple[str, ...]) -> pd.DataFrame:
    """The kommuner (of län ``county``, or all) where no project for any of ``keys`` is active.

    ``places`` are reference kommuner (code, name, county_code). Columns: kommunkod,
    kommun, projekt (all projects active there, any group).
    """
    have = projects_by_place(projects, "kommun", keys)
    every = projects_by_place(projects, "kommun")
    rows = [{"kommunkod": m["code"], "kommun": m["name"], "projekt i kommunen (alla målgrupper)":
             len(every.get(m["code"], ()))}
            for m in places if (county is None or str(m.get("county_code")) == county) and not have.get(m["code"])]
    return pd.DataFrame(rows, columns=["kommunkod", "kommun", "projekt i kommunen (alla målgrupper)"]
                        ).sort_values("kommun").reset_index(drop=True)


# --- the heatmap ----------------------------------------------------------------------------------

def heatmap_figure(shown: pd.DataFrame):
    """Places × target groups as a plotly heatmap with *every* place and group labelled.

    ``shown`` has place names as index and group labels as columns; the figure has
    the places along x (one forced tick per column, rotated) and the groups along y.
    """
    import plotly.graph_objects as go

    z = shown.T.to_numpy()
    places, groups = [str(x) for x in shown.index], [str(y) for y in shown.columns]
    xs, ys = list(range(len(places))), list(range(len(groups)))
    fig = go.Figure(go.Heatmap(
        z=z.tolist(), x=xs, y=ys, text=z.tolist(), texttemplate="%{text}", xgap=1, ygap=1,
        colorscale=[[0, "#ffffff"], [0.01, "#c6dbef"], [0.5, "#2171b5"], [1, "#08306b"]],
        zmin=0, zmax=max(1, int(z.max()) if z.size else 1), colorbar=dict(title="projekt"),
        hovertext=[[f"{places[i]} · {groups[j]}" for i in xs] for j in ys],
        hovertemplate="%{hovertext}: %{z} projekt<extra></extra>"))
    fig.update_layout(
        height=max(420, 26 * len(groups) + 200), margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(tickmode="array", tickvals=xs, ticktext=places, side="top", tickangle=-60,
                   automargin=True, showgrid=False),
        yaxis=dict(tickmode="array", tickvals=ys, ticktext=groups, autorange="reversed",
                   automargin=True, showgrid=False))
    return fig


# --- a printable report ------------------------------------------------------------------------

def report_html(title: str, sections: list[tuple[str, "pd.DataFrame | str"]]) -> str:
    """A self-contained printable HTML page: a heading, then each section's text or table
    (hidden ``_`` columns left out, missing cells as –). Everything is escaped; no scripts.

    >>> "<h2>Luckor</h2>" in report_html("Rapport", [("Luckor", pd.DataFrame({"a": [1]}))])
    True
    """
    import html
    from datetime import date

    parts = [f"<h1>{html.escape(title)}</h1>",
             f"<p class='meta'>Samverkan · utskriven {date.today().isoformat()}</p>"]
    for heading, content in sections:
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        if isinstance(content, pd.DataFrame):
            frame = no_none(content[[c for c in content.columns if not str(c).startswith("_")]], "–")
            if frame.empty:
                parts.append("<p>Inga rader.</p>")
            else:
                parts.append(frame.to_html(index=False, escape=True, border=0))
        else:
            parts.append("".join(f"<p>{html.escape(p)}</p>" for p in str(content).split("\n\n")))
    style = ("body{font-family:Arial,sans-serif;margin:2em;color:#222}h1{font-size:1.6em}"
             "h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}"
             "table{border-collapse:collapse;width:100%;font-size:0.85em}"
             "th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
             "th{background:#f0f0f0}.meta{color:#666}@media print{h2{page-break-after:avoid}"
             "tr{page-break-inside:avoid}}")
    return (f"<!doctype html><html lang='sv'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{style}</style></head><body>{''.join(parts)}</body></html>")
