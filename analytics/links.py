"""Missing links: actors doing the same thing in the same place who have never worked together.

An *activity row* says that an organisation works on a target group in a
place: a mapping with ``org_uid``, ``org_name``, ``project_uid``,
``target_key``, ``place_code`` and optionally ``via`` (``"active_in"`` when the
place is where the project runs, ``"located_in"`` when it is the
organisation's seat). ``graph.projection.missing_link_rows`` returns them.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations

import pandas as pd

__all__ = ["missing_links"]

COLUMNS = ["org_a", "org_a_name", "org_b", "org_b_name", "target_groups", "places", "overlap"]


def missing_links(rows: Iterable[Mapping], org_project_rows: Iterable[Mapping] = (),
                  stated_rows: Iterable[Mapping] = ()) -> pd.DataFrame:
    """Pairs of organisations with the same target group in the same place but no shared project.

    Parameters
    ----------
    rows : iterable of mappings
        Activity rows (see the module docstring).
    org_project_rows : iterable of mappings, optional
        All organisation–project rows (``org_uid``, ``project_uid``). Two
        organisations that share *any* project, including one without a
        target group, are linked already. Without them, shared projects are
        read from ``rows`` alone.
    stated_rows : iterable of mappings, optional
        ``COLLABORATES_WITH`` pairs (``org_a``, ``org_b``); a stated
        collaboration is a link too, so those pairs are left out.

    Returns
    -------
    pandas.DataFrame
        One row per pair (``org_a`` < ``org_b`` by uid) with ``target_groups``
        and ``places`` (sorted lists of what they have in common) and
        ``overlap``, the number of (target group, place) combinations they
        share. Sorted by overlap (descending), then names.

    Examples
    --------
    >>> def act(org, proj, key, place):
    ...     return {"org_uid": org, "org_name": org.upper(), "project_uid": proj,
    ...             "target_key": key, "place_code": place}
    >>> rows = [act("a", "p1", "youth", "0180"), act("b", "p2", "youth", "0180"),
    ...         act("c", "p2", "youth", "0180")]
    >>> missing_links(rows)[["org_a", "org_b", "target_groups", "places"]].values.tolist()
    [['a', 'b', ['youth'], ['0180']], ['a', 'c', ['youth'], ['0180']]]
    """
    rows = list(rows)
    names: dict[str, str] = {}
    projects_of: dict[str, set] = defaultdict(set)
    active: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        org = r["org_uid"]
        names.setdefault(org, r.get("org_name") or org)
        if r.get("project_uid") is not None:
            projects_of[org].add(r["project_uid"])
        if r.get("target_key") is not None and r.get("place_code") is not None:
            active[str(r["target_key"]), str(r["place_code"])].add(org)
    for r in org_project_rows:
        projects_of[r["org_uid"]].add(r["project_uid"])
    stated = {frozenset((r["org_a"], r["org_b"])) for r in stated_rows}

    shared: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for (key, place), orgs in active.items():
        for a, b in combinations(sorted(orgs), 2):
            shared[a, b].add((key, place))

    records = []
    for (a, b), cells in shared.items():
        if projects_of[a] & projects_of[b] or frozenset((a, b)) in stated:
            continue
        records.append({
            "org_a": a, "org_a_name": names[a], "org_b": b, "org_b_name": names[b],
            "target_groups": sorted({k for k, _ in cells}), "places": sorted({p for _, p in cells}),
            "overlap": len(cells),
        })
    table = pd.DataFrame.from_records(records, columns=COLUMNS)
    if table.empty:
        return table
    return table.sort_values(["overlap", "org_a_name", "org_b_name", "org_a", "org_b"],
                             ascending=[False, True, True, True, True]).reset_index(drop=True)
