"""A kommun as a place, computed from plain rows: its neighbours, which target groups its
projects cover and which not, the small network drawn on its page. No Streamlit, no database."""
from __future__ import annotations

import csv
from functools import lru_cache

import networkx as nx
import pandas as pd

from app_pages import graphview
from app_pages.views import ROLE_SV, projects_by_place
from samverkan.settings import DATA_DIR

NEIGHBOURS_CSV = DATA_DIR / "kommun_neighbours.csv"


@lru_cache(maxsize=1)
def _pairs() -> dict[str, tuple[str, ...]]:
    out: dict[str, set[str]] = {}
    with open(NEIGHBOURS_CSV, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["code_a"], set()).add(row["code_b"])
            out.setdefault(row["code_b"], set()).add(row["code_a"])
    return {k: tuple(sorted(v)) for k, v in out.items()}


def neighbours(code: str) -> tuple[str, ...]:
    """The kommuner sharing a border with ``code`` (``data/kommun_neighbours.csv``).

    >>> "1231" in neighbours("1280") and "1280" in neighbours("1231")   # Malmö and Burlöv
    True
    >>> neighbours("0980")                                               # Gotland: an island
    ()
    """
    return _pairs().get(str(code), ())


def coverage(profile: dict, target_groups: list[dict], hierarchy: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """Every target group of the taxonomy with the distinct projects for it (or a sub-group)
    active in the place: columns ``key, målgrupp, projekt`` (0: a gap), most projects first."""
    rows = []
    for t in target_groups:
        keys = set(hierarchy.get(t["key"], (t["key"],)))
        n = len({p["uid"] for p in profile["projects"] if keys & set(p.get("targets") or ())})
        rows.append({"key": t["key"], "målgrupp": t.get("label_sv") or t["key"], "projekt": n})
    frame = pd.DataFrame(rows, columns=["key", "målgrupp", "projekt"])
    return frame.sort_values(["projekt", "målgrupp"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def nearby_for_gaps(gaps: list[str], code: str, projects: list[dict], hierarchy: dict[str, tuple[str, ...]],
                    names: dict[str, str]) -> dict[str, str]:
    """For each uncovered group key: the neighbouring kommuner that have a project for it."""
    out = {}
    near = neighbours(code)
    for key in gaps:
        by_place = projects_by_place(projects, "kommun", hierarchy.get(key, (key,)))
        have = [names.get(c, c) for c in near if by_place.get(c)]
        out[key] = ", ".join(sorted(have))
    return out


def place_graph(profile: dict) -> nx.Graph:
    """The place (a star), its projects and their organisations, and the organisations
    seated there: node ids ``Label:key`` as in the ego networks (``views.page_for``)."""
    G = nx.Graph()
    place = profile["place"]
    centre = f"Municipality:{place['code']}"
    G.add_node(centre, name=place["name"], kind="Municipality", size=3.0,
               title=f"{place['name']}\n{graphview.KIND_LABELS_SV['Municipality']}")
    for p in profile["projects"]:
        pid = f"Project:{p['uid']}"
        G.add_node(pid, name=p["name"], kind="Project", size=1.5, title=f"{p['name']}\nProjekt")
        G.add_edge(pid, centre, label=ROLE_SV["ACTIVE_IN"], title="verksamt i")
    for a in profile["actors"]:
        oid = f"Organization:{a['uid']}"
        kind = a.get("kind") or "other"
        G.add_node(oid, name=a["name"], kind=kind, size=1.0,
                   title=f"{a['name']}\n{graphview.KIND_LABELS_SV.get(kind, kind)}")
        pid = f"Project:{a['project_uid']}"
        if G.has_edge(oid, pid):
            continue
        G.add_edge(oid, pid, label=ROLE_SV.get(a["role"], a["role"]), title=ROLE_SV.get(a["role"], a["role"]))
    for s in profile["seated"]:
        oid = f"Organization:{s['uid']}"
        kind = s.get("kind") or "other"
        if oid not in G:
            G.add_node(oid, name=s["name"], kind=kind, size=1.0,
                       title=f"{s['name']}\n{graphview.KIND_LABELS_SV.get(kind, kind)}")
        G.add_edge(oid, centre, label=ROLE_SV["LOCATED_IN"], title="säte i")
    return G
