"""Missing links explained: for each pair of organisations that work with the same target group
in the same place without sharing a project, which (group, place) cells they share, how each
side is there (a project, or its seat), filtered by place and group. Pure functions over the
activity rows of ``analytics.links`` — no Streamlit, no database."""
from __future__ import annotations

import pandas as pd

Cell = tuple[str, str]          # (target group key, kommun code)


def cells_of(activity: list[dict], orgs: set[str]) -> dict[str, dict[Cell, list[tuple[str, str]]]]:
    """For each organisation in ``orgs``: its cells and how it is in each, ``("project", uid)``
    or ``("seat", kommun code)`` — the rule of ``analytics.links`` (a seat pairs with every
    group the organisation works with anywhere).

    >>> rows = [{"org_uid": "a", "project_uid": "p", "target_keys": ["unga"], "place_codes": ["1280"],
    ...          "seat_codes": ["1281"]}]
    >>> sorted(cells_of(rows, {"a"})["a"].items())
    [(('unga', '1280'), [('project', 'p')]), (('unga', '1281'), [('seat', '1281')])]
    """
    out: dict[str, dict[Cell, list[tuple[str, str]]]] = {o: {} for o in orgs}
    groups: dict[str, dict[str, None]] = {o: {} for o in orgs}
    seats: dict[str, list[str]] = {}
    for r in activity:
        org = r["org_uid"]
        if org not in orgs:
            continue
        keys = r["target_keys"] if "target_keys" in r else [r.get("target_key")]
        places = r["place_codes"] if "place_codes" in r else [r.get("place_code")]
        for k in keys:
            if k is None:
                continue
            groups[org].setdefault(k, None)
            for p in places:
                if p is not None:
                    out[org].setdefault((k, p), []).append(("project", r["project_uid"]))
        if r.get("seat_codes"):
            seats[org] = list(r["seat_codes"])
    for org, codes in seats.items():
        for k in groups[org]:
            for c in codes:
                out[org].setdefault((k, c), []).append(("seat", c))
    return out


def _place_ok(code: str, place: str | None) -> bool:
    # a län code (2 digits) keeps its kommuner (their codes start with it), a kommun code itself
    return place is None or (code.startswith(place) if len(place) == 2 else code == place)


def explain(links: pd.DataFrame, activity: list[dict], *, place: str | None = None,
            group_keys: tuple[str, ...] | None = None, labels: dict[str, str] | None = None,
            place_names: dict[str, str] | None = None, project_names: dict[str, str] | None = None) -> pd.DataFrame:
    """The missing links (``analytics.missing_links``) that share a cell in ``place`` (a län or
    kommun code) for one of ``group_keys``, each with its shared cells and a reason in Swedish.

    Columns: ``organisation A``, ``organisation B``, ``målgrupper``, ``platser``, ``skäl`` and,
    not shown, ``_a``, ``_b`` (uids) and ``_cells`` (the shared cells kept, with how each side
    is there: ``(key, code, how_a, how_b)``).
    """
    labels, place_names, project_names = labels or {}, place_names or {}, project_names or {}
    cols = ["organisation A", "organisation B", "målgrupper", "platser", "skäl", "_a", "_b", "_cells"]
    if links.empty:
        return pd.DataFrame(columns=cols)
    orgs = set(links["org_a"]) | set(links["org_b"])
    cells = cells_of(activity, orgs)
    wanted = set(group_keys) if group_keys else None
    rows = []
    for r in links.itertuples(index=False):
        a, b = cells.get(r.org_a, {}), cells.get(r.org_b, {})
        shared = sorted(c for c in set(a) & set(b)
                        if (wanted is None or c[0] in wanted) and _place_ok(str(c[1]), place))
        if not shared:
            continue
        kept = [(k, p, a[(k, p)], b[(k, p)]) for k, p in shared]
        rows.append({
            "organisation A": r.org_a_name, "organisation B": r.org_b_name,
            "målgrupper": ", ".join(dict.fromkeys(labels.get(k, k) for k, _ in shared)),
            "platser": ", ".join(dict.fromkeys(place_names.get(p, p) for _, p in shared)),
            "skäl": reason(r.org_a_name, r.org_b_name, kept, labels, place_names, project_names),
            "_a": r.org_a, "_b": r.org_b, "_cells": kept})
    return pd.DataFrame(rows, columns=cols)


def _how(name: str, hows: list[tuple[str, str]], place: str, project_names: dict[str, str]) -> str:
    projects = [project_names.get(u, u) for kind, u in dict.fromkeys(hows) if kind == "project"]
    if projects:
        shown = ", ".join(f"«{p}»" for p in projects[:2]) + (f" och {len(projects) - 2} till" if len(projects) > 2 else "")
        return f"{name} genom {shown}"
    return f"{name} har säte i {place}"


def reason(a_name: str, b_name: str, cells: list, labels: dict[str, str], place_names: dict[str, str],
           project_names: dict[str, str]) -> str:
    """One sentence saying why the pair is a missing link.

    >>> reason("Malmö stad", "Skåne Stadsmission", [("unga", "1280", [("project", "p")], [("seat", "1280")])],
    ...        {"unga": "Unga"}, {"1280": "Malmö"}, {"p": "Vägen"})
    'Båda arbetar med unga i Malmö (Malmö stad genom «Vägen»; Skåne Stadsmission har säte i Malmö) men de delar inget projekt.'
    """
    parts = []
    for key, code, how_a, how_b in cells[:2]:
        place = place_names.get(code, code)
        parts.append(f"{labels.get(key, key).lower()} i {place} ({_how(a_name, how_a, place, project_names)}; "
                     f"{_how(b_name, how_b, place, project_names)})")
    more = f", och {len(cells) - 2} fler målgrupp–plats" if len(cells) > 2 else ""
    return "Båda arbetar med " + " samt ".join(parts) + more + " men de delar inget projekt."
