"""Missing links: actors doing the same thing in the same place who have never worked together.

An *activity row* says that an organisation works on a target group in a
place: a mapping with ``org_uid``, ``org_name``, ``project_uid``,
``target_key``, ``place_code`` and optionally ``via`` (``"active_in"`` when the
place is where the project runs, ``"located_in"`` when it is the
organisation's seat). ``graph.projection.missing_link_rows`` returns them.
A row may also carry lists, ``target_keys`` and ``place_codes`` (one row per
organisation and project instead of one per group × place: several times
fewer rows to read out of Neo4j); it stands for every combination.

Scale. A (target group, kommun) *cell* such as "young people in Stockholm"
can hold thousands of organisations, so the pairs run into hundreds of
millions on a national graph (50,000 organisations: ~200 million pairs of
cell-mates, the old pair-by-pair table needed > 17 GB). So nothing here
enumerates pairs:

* the **total** number of missing links is exact: for every organisation the
  union of its cells' members is a bitset OR (one bit per organisation, one
  row per cell, batched in numpy), which counts the distinct pairs sharing a
  cell; the pairs that are linked already (a shared project or a stated
  collaboration) and share a cell are subtracted;
* only the **strongest** ``limit`` pairs are listed (most shared cells first),
  found exactly by a threshold search: organisations are taken in order of
  their number of cells, each one's overlaps with the organisations after it
  come from one ``bincount`` over its cells' member lists, and the search
  stops when the next organisation has fewer cells than the ``limit``-th best
  overlap found — no pair left can reach it. Ties at the cut are all kept
  before the final sort, so the list is exactly the head of the full sorted
  table.

The table's ``attrs`` hold ``total`` (all missing links) and ``limit``.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from analytics.arrays import gc_paused

__all__ = ["missing_links", "DEFAULT_LIMIT"]

COLUMNS = ["org_a", "org_a_name", "org_b", "org_b_name", "target_groups", "places", "overlap"]
#: rows listed by default (the total is always counted)
DEFAULT_LIMIT = 1_000
_GATHER_BYTES = 32 * 2**20
#: pairs tied at the cut kept for exact name order before giving up on it (memory bound)
TIE_POOL_MAX = 2_000_000


def _codes(values: list) -> tuple[np.ndarray, list]:
    """Integer codes (-1 for None) and the distinct values as strings, equal strings merged."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    names = [str(u) for u in np.asarray(uniques, dtype=object).tolist()]
    merged, distinct = pd.factorize(pd.Series(names, dtype=object))
    codes = np.where(codes >= 0, merged[np.maximum(codes, 0)] if len(merged) else codes, -1)
    return codes.astype(np.int64), list(distinct)


def _column(rows: list, key: str) -> list:
    """``[r.get(key) for r in rows]``, at the speed of ``r[key]`` when every row has the key."""
    try:
        return [r[key] for r in rows]
    except KeyError:
        return [r.get(key) for r in rows]


def _activity_columns(rows: list):
    """Cell columns ``org_uid, target_key, place_code`` (list-shaped rows expanded), the row
    of each entry (None when no row needed expanding), and the ``(org_uid, project_uid)``
    memberships, one per row.

    A row's ``seat_codes`` (the organisation's seats) pair with every target group of every
    row of that organisation; they are expanded once per organisation, not once per row: the
    same cells, without repeating them for each of a national agency's thousands of projects.
    """
    try:                                             # the plain shape: every row has the scalar keys
        keys = [r["target_key"] for r in rows]
        places = [r["place_code"] for r in rows]
    except KeyError:
        pass
    else:
        orgs, projects = _column(rows, "org_uid"), _column(rows, "project_uid")
        return orgs, keys, places, None, orgs, projects, None
    orgs, keys, places, row_of = [], [], [], []

    def emit(org, i: int, ks, ps) -> None:           # one entry per (group, place)
        for k in ks:
            for p in ps:
                orgs.append(org)
                keys.append(k)
                places.append(p)
                row_of.append(i)

    seat_targets: dict = {}                          # org -> (first row, seats, its targets in order)
    for i, r in enumerate(rows):
        org = r["org_uid"]
        ks = r["target_keys"] if "target_keys" in r else [r.get("target_key")]
        ps = r["place_codes"] if "place_codes" in r else [r.get("place_code")]
        seats = r.get("seat_codes") or ()
        ks = ks if ks else [None]
        emit(org, i, ks, ps if ps else ([] if seats else [None]))
        if seats:
            entry = seat_targets.setdefault(org, (i, seats, {}))
            for k in ks:
                entry[2].setdefault(k, None)
    for org, (i, seats, targets) in seat_targets.items():
        emit(org, i, targets, seats)
    # a row whose project has a target group and a place it is active in gives every one of
    # the project's members those cells: two such members share a cell without looking
    # (only where all the project's rows carry the same groups and places, as the projection's do)
    signature: dict = {}
    for r in rows:
        pid = r.get("project_uid")
        ks = tuple(sorted(str(k) for k in (r.get("target_keys") or ()) if k is not None))
        ps = tuple(sorted(str(c) for c in (r.get("place_codes") or ()) if c is not None))
        sig = (ks, ps) if pid is not None and ks and ps else None
        signature[pid] = sig if signature.get(pid, sig) == sig else None
    cellful = [signature.get(r.get("project_uid")) is not None for r in rows]
    return orgs, keys, places, row_of, _column(rows, "org_uid"), _column(rows, "project_uid"), cellful


def _pairs_within(member: np.ndarray, n: int) -> tuple[list, list]:
    """Every pair (a < b) of organisations inside each group of ``member`` (sorted
    ``group * n + org`` codes), as lists of arrays."""
    by_group, who = member // n, member % n
    starts = np.flatnonzero(np.r_[True, by_group[1:] != by_group[:-1]]) if member.size else member
    sizes = np.diff(np.r_[starts, by_group.size])
    out_a, out_b = [], []
    for size in np.unique(sizes[sizes > 1]).tolist():
        grid = who[starts[sizes == size][:, None] + np.arange(size)]
        ia, ib = np.triu_indices(size, 1)
        out_a.append(grid[:, ia].ravel())
        out_b.append(grid[:, ib].ravel())
    return out_a, out_b


def _distinct(x: np.ndarray) -> np.ndarray:
    """Sorted distinct values (``np.unique`` without its slow hash path for wide integer ranges)."""
    x = np.sort(x)
    if x.size:
        x = x[np.r_[True, x[1:] != x[:-1]]]
    return x


def _expand(ptr: np.ndarray, data: np.ndarray, rows: np.ndarray, lo: np.ndarray | None = None,
            hi: np.ndarray | None = None) -> np.ndarray:
    """``data[lo[i]:hi[i]]`` for every i laid end to end (default: the CSR rows ``rows`` of ``ptr``)."""
    lo = ptr[rows] if lo is None else lo
    hi = ptr[rows + 1] if hi is None else hi
    length = np.maximum(hi - lo, 0)
    ends = np.cumsum(length)
    total = int(ends[-1]) if ends.size else 0
    if total == 0:
        return data[:0]
    nonempty = length > 0
    lo, length, ends = lo[nonempty], length[nonempty], ends[nonempty]
    step = np.ones(total, dtype=np.int64)
    step[0] = lo[0]
    step[ends[:-1]] = lo[1:] - (lo[:-1] + length[:-1]) + 1
    return data[np.cumsum(step)]


def _union_sizes(cell_ptr, cell_members, org_ptr, org_cells, n_orgs: int) -> np.ndarray:
    """For every organisation, how many organisations (itself included) share at least one cell with it.

    One bitset row per cell (a bit per organisation); an organisation's row
    is the OR of its cells' rows, computed for a block of organisations at a
    time, column by column of their cell lists (organisations sorted by
    number of cells, so each column is a prefix of the block).
    """
    n_cells = len(cell_ptr) - 1
    words = (n_orgs + 63) // 64
    bits = np.zeros((n_cells, words), dtype=np.uint64)
    # members are sorted by cell, then organisation: OR the bits of each (cell, word) run at once
    cell_of = np.repeat(np.arange(n_cells, dtype=np.int64), np.diff(cell_ptr))
    slot = cell_of * words + (cell_members >> 6)
    value = np.left_shift(np.uint64(1), (cell_members & 63).astype(np.uint64))
    starts = np.flatnonzero(np.r_[True, slot[1:] != slot[:-1]])
    bits.reshape(-1)[slot[starts]] = np.bitwise_or.reduceat(value, starts)
    ncell = np.diff(org_ptr)
    sizes = np.zeros(n_orgs, dtype=np.int64)
    cell_size = np.diff(cell_ptr)
    one = ncell == 1
    sizes[one] = cell_size[org_cells[org_ptr[:-1][one]]]
    many = np.flatnonzero(ncell > 1)
    many = many[np.argsort(-ncell[many], kind="stable")]
    block = max(1, min(1024, (4 * 2**20) // (words * 8)))
    for i in range(0, many.size, block):
        orgs = many[i:i + block]
        counts = ncell[orgs]                            # descending
        width = int(counts[0])
        grid = np.zeros((orgs.size, width), dtype=np.int64)
        grid[np.arange(width)[None, :] < counts[:, None]] = _expand(org_ptr, org_cells, orgs)
        acc = bits[grid[:, 0]]
        prefix = orgs.size
        for j in range(1, width):
            while counts[prefix - 1] <= j:
                prefix -= 1
            acc[:prefix] |= bits[grid[:prefix, j]]
        sizes[orgs] = np.bitwise_count(acc).sum(axis=1, dtype=np.int64)
    return sizes


def _shares_cell(a: np.ndarray, b: np.ndarray, org_ptr, org_cells, n_cells: int,
                 chunk: int = 1 << 23) -> np.ndarray:
    """Whether organisations ``a[i]`` and ``b[i]`` have a cell in common (vectorised, sorted cell lists).

    The smaller list of each pair is looked up in the larger one, ``chunk`` cells at a time:
    the linked pairs of a national graph probe half a billion cells (4 GB at once).
    """
    out = np.zeros(a.size, dtype=bool)
    if a.size == 0:
        return out
    ncell = np.diff(org_ptr)
    swap = ncell[a] > ncell[b]                  # look up the smaller list's cells in the larger one
    small, large = np.where(swap, b, a), np.where(swap, a, b)
    keys = np.repeat(np.arange(len(org_ptr) - 1, dtype=np.int64), ncell) * n_cells + org_cells
    sizes = ncell[small]
    ends = np.cumsum(sizes)
    start = 0
    while start < a.size:
        base = int(ends[start - 1]) if start else 0
        stop = max(start + 1, int(np.searchsorted(ends, base + chunk, side="right")))
        part = slice(start, stop)
        probe = _expand(org_ptr, org_cells, small[part])
        owner = np.repeat(np.arange(stop - start), sizes[part])
        wanted = large[part][owner].astype(np.int64) * n_cells + probe
        pos = np.searchsorted(keys, wanted)
        hit = keys[np.minimum(pos, keys.size - 1)] == wanted
        out[part] = np.bincount(owner[hit], minlength=stop - start) > 0
        start = stop
    return out


def missing_links(rows: Iterable[Mapping], org_project_rows: Iterable[Mapping] = (),
                  stated_rows: Iterable[Mapping] = (), *, limit: int | None = DEFAULT_LIMIT) -> pd.DataFrame:
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
    limit : int or None
        List at most this many pairs, the strongest (module docstring); None
        lists all of them (only sensible on small graphs).

    Returns
    -------
    pandas.DataFrame
        One row per pair (``org_a`` < ``org_b`` by uid) with ``target_groups``
        and ``places`` (sorted lists of what they have in common) and
        ``overlap``, the number of (target group, place) combinations they
        share. Sorted by overlap (descending), then names. ``attrs["total"]``
        is the number of missing links in all, listed or not;
        ``attrs["limit"]`` the cap used.

    Examples
    --------
    >>> def act(org, proj, key, place):
    ...     return {"org_uid": org, "org_name": org.upper(), "project_uid": proj,
    ...             "target_key": key, "place_code": place}
    >>> rows = [act("a", "p1", "youth", "0180"), act("b", "p2", "youth", "0180"),
    ...         act("c", "p2", "youth", "0180")]
    >>> links = missing_links(rows)
    >>> links[["org_a", "org_b", "target_groups", "places"]].values.tolist()
    [['a', 'b', ['youth'], ['0180']], ['a', 'c', ['youth'], ['0180']]]
    >>> links.attrs["total"], len(missing_links(rows, limit=1)), missing_links(rows, limit=1).attrs["total"]
    (2, 1, 2)
    """
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0 or None, not {limit}")
    with gc_paused():
        return _missing_links(rows, org_project_rows, stated_rows, limit)


def _missing_links(rows, org_project_rows, stated_rows, limit) -> pd.DataFrame:
    rows = rows if isinstance(rows, list) else list(rows)
    empty = pd.DataFrame(columns=COLUMNS)
    empty.attrs.update(total=0, limit=limit, exact_order=True)
    if not rows:
        return empty
    org_col, key_col, place_col, row_of, proj_org_col, proj_col, cellful = _activity_columns(rows)
    org, uids = _codes(org_col)
    key, keys = _codes(key_col)
    place, places = _codes(place_col)
    n = len(uids)
    first = np.unique(org, return_index=True)[1]
    names = [rows[i if row_of is None else row_of[i]].get("org_name") or uids[org[i]] for i in first]
    index = {u: i for i, u in enumerate(uids)}

    # cells: (target group, place) combinations; incidence org x cell, both ways as CSR
    ok = (key >= 0) & (place >= 0)
    cell_id = key[ok] * max(len(places), 1) + place[ok]
    pairs = _distinct(org[ok] * (int(cell_id.max(initial=0)) + 1) + cell_id)
    if pairs.size == 0:
        return empty
    width = int(cell_id.max()) + 1
    inc_org, inc_cell_raw = pairs // width, pairs % width
    cell_codes, inc_cell = np.unique(inc_cell_raw, return_inverse=True)
    n_cells = cell_codes.size
    org_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(inc_org, minlength=n), out=org_ptr[1:])
    org_cells = inc_cell                                         # sorted by org, then cell
    ncell = np.diff(org_ptr)

    # links that exist: a shared project (any role) or a stated collaboration
    proj_values = list(proj_col)
    extra_orgs = [index[str(u)] for u in proj_org_col]
    for r in org_project_rows:
        i = index.get(str(r["org_uid"]))
        if i is not None:
            proj_values.append(r["project_uid"])
            extra_orgs.append(i)
    proj, _ = _codes(proj_values)
    proj_orgs = np.array(extra_orgs, dtype=np.int64)
    member = _distinct(proj[proj >= 0] * n + proj_orgs[proj >= 0])
    link_a, link_b = _pairs_within(member, n)
    sure = np.zeros(0, dtype=np.int64)                           # linked pairs known to share a cell
    if cellful is not None and any(cellful):
        flags = np.zeros(len(proj), dtype=bool)
        flags[:len(cellful)] = cellful
        keep = flags & (proj >= 0)
        sa, sb = _pairs_within(_distinct(proj[keep] * n + proj_orgs[keep]), n)
        if sa:
            sure = _distinct(np.concatenate(sa) * n + np.concatenate(sb))
    for r in stated_rows:
        i, j = index.get(str(r["org_a"])), index.get(str(r["org_b"]))
        if i is not None and j is not None and i != j:
            link_a.append(np.array([min(i, j)]))
            link_b.append(np.array([max(i, j)]))
    if link_a:
        linked = _distinct(np.concatenate(link_a) * n + np.concatenate(link_b))
    else:
        linked = np.zeros(0, dtype=np.int64)
    la, lb = linked // n, linked % n
    active = (ncell[la] > 0) & (ncell[lb] > 0)
    la, lb = la[active], lb[active]
    unsure = ~np.isin(la * n + lb, sure, assume_unique=True)
    linked_sharing = int(unsure.size - unsure.sum()) + int(
        _shares_cell(la[unsure], lb[unsure], org_ptr, org_cells, n_cells).sum())

    # the total, exact: distinct cell-mates per organisation (bitset union), minus the links
    cell_order = np.argsort(org_cells, kind="stable")
    cell_members = np.repeat(np.arange(n), ncell)[cell_order]
    cell_ptr = np.zeros(n_cells + 1, dtype=np.int64)
    np.cumsum(np.bincount(org_cells, minlength=n_cells), out=cell_ptr[1:])
    union = _union_sizes(cell_ptr, cell_members, org_ptr, org_cells, n)
    total = int((union[ncell > 0] - 1).sum()) // 2 - linked_sharing

    # the strongest pairs: threshold search over organisations by number of cells
    want = total if limit is None else min(limit, total)
    found_a, found_b, found_w, exact_order = _strongest(want, n, ncell, org_ptr, org_cells, cell_ptr, cell_members,
                                           la, lb)
    table = _table(found_a, found_b, found_w, uids, names, keys, places, len(places), cell_codes,
                   org_ptr, org_cells)
    if limit is not None:
        table = table.head(limit)
    table = table.reset_index(drop=True)
    table.attrs.update(total=total, limit=limit, exact_order=exact_order)
    return table


def _strongest(want, n, ncell, org_ptr, org_cells, cell_ptr, cell_members, la, lb):
    """All unlinked pairs whose overlap is at least the ``want``-th largest (ties included)."""
    none = (np.zeros(0, dtype=np.int64),) * 3
    if want <= 0:
        return none + (True,)
    order = np.lexsort((np.arange(n), -ncell))                  # most cells first
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    # each cell's members by rank, and a sorted key (cell, rank) to cut its list by rank
    member_rank = rank[cell_members]
    cell_of = np.repeat(np.arange(len(cell_ptr) - 1, dtype=np.int64), np.diff(cell_ptr))
    srt = np.lexsort((member_rank, cell_of))
    member_rank = member_rank[srt]
    key = cell_of[srt] * n + member_rank
    # linked partners by rank, as CSR
    ra, rb = rank[la], rank[lb]
    lo_r, hi_r = np.minimum(ra, rb), np.maximum(ra, rb)
    link_order = np.argsort(lo_r, kind="stable")
    link_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(lo_r, minlength=n), out=link_ptr[1:])
    link_to = hi_r[link_order]
    sorted_ncell = ncell[order]
    threshold = 1
    limit_rank = int(np.searchsorted(-sorted_ncell, -threshold, side="right"))   # ranks with >= threshold cells
    cut = np.searchsorted(key, np.arange(len(cell_ptr) - 1, dtype=np.int64) * n + limit_rank)
    pa, pb, pw = [], [], []
    pooled = 0
    next_check = want
    reserve: list[tuple] = []
    exact_order = True
    blocked = np.zeros(n, dtype=bool)
    for i in range(n):
        if sorted_ncell[i] < threshold or i + 1 >= limit_rank:
            break
        a = order[i]
        cells = org_cells[org_ptr[a]:org_ptr[a + 1]]
        lo = np.searchsorted(key, cells * n + i + 1)
        mates = _expand(None, member_rank, None, lo, cut[cells])
        if mates.size == 0:
            continue
        counts = np.bincount(mates - (i + 1))
        partner = np.flatnonzero(counts >= threshold)
        weight = counts[partner]
        partner += i + 1
        linked = link_to[link_ptr[i]:link_ptr[i + 1]]
        if linked.size:
            blocked[linked] = True
            keep = ~blocked[partner]
            blocked[linked] = False
            partner, weight = partner[keep], weight[keep]
        if partner.size == 0:
            continue
        pa.append(np.full(partner.size, i, dtype=np.int64))
        pb.append(partner)
        pw.append(weight)
        pooled += partner.size
        if pooled >= next_check:
            next_check = max(want, pooled + pooled // 2)
            all_w = np.concatenate(pw)
            all_a, all_b = np.concatenate(pa), np.concatenate(pb)
            best = int(np.partition(all_w, all_w.size - want)[all_w.size - want])
            if best > threshold:
                keep = all_w >= best
                threshold = best
            elif pooled > TIE_POOL_MAX:
                # too many pairs tie at the cut to keep them all for the name order: keep the
                # better ones and enough tied ones, and look only for better pairs from here
                keep = all_w > threshold
                tied = np.flatnonzero(~keep)[:max(want - int(keep.sum()), 0)]
                reserve.append((all_a[tied], all_b[tied], all_w[tied]))
                exact_order = False
                threshold += 1
            else:
                pa, pb, pw = [all_a], [all_b], [all_w]
                continue
            pa, pb, pw = [all_a[keep]], [all_b[keep]], [all_w[keep]]
            pooled = int(keep.sum())
            next_check = max(want, pooled + pooled // 2)
            limit_rank = int(np.searchsorted(-sorted_ncell, -threshold, side="right"))
            cut = np.searchsorted(key, np.arange(len(cell_ptr) - 1, dtype=np.int64) * n + limit_rank)
    for x in reserve:
        pa.append(x[0]), pb.append(x[1]), pw.append(x[2])
    if not pa:
        return none + (exact_order,)
    return order[np.concatenate(pa)], order[np.concatenate(pb)], np.concatenate(pw), exact_order


def _table(a, b, w, uids, names, keys, places, n_places, cell_codes, org_ptr, org_cells) -> pd.DataFrame:
    cells_of: dict[int, set] = {}

    def cells(x: int) -> set:
        if x not in cells_of:
            cells_of[x] = set(cell_codes[org_cells[org_ptr[x]:org_ptr[x + 1]]].tolist())
        return cells_of[x]

    records = []
    for x, y, overlap in zip(a.tolist(), b.tolist(), w.tolist()):
        if uids[x] > uids[y]:
            x, y = y, x
        common = cells(x) & cells(y)
        records.append({
            "org_a": uids[x], "org_a_name": names[x], "org_b": uids[y], "org_b_name": names[y],
            "target_groups": sorted({keys[c // n_places] for c in common}),
            "places": sorted({places[c % n_places] for c in common}),
            "overlap": int(overlap),
        })
    table = pd.DataFrame.from_records(records, columns=COLUMNS)
    if table.empty:
        return table
    return table.sort_values(["overlap", "org_a_name", "org_b_name", "org_a", "org_b"],
                             ascending=[False, True, True, True, True])
