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
    """Cell columns as integer codes: ``org, uids, key, keys, place, places`` (``_codes``
    of the columns ``org_uid, target_key, place_code`` with list-shaped rows expanded), the
    row of each organisation's first entry (``first_row``), and the ``(org_uid, project_uid)``
    memberships, one per row, and which of those memberships give cells for sure (``cellful``,
    None for plain rows).

    A row's ``seat_codes`` (the organisation's seats) pair with every target group of every
    row of that organisation; they are expanded once per organisation, not once per row: the
    same cells, without repeating them for each of a national agency's thousands of projects.

    List-shaped rows are coded row by row and expanded to one entry per (group, place) in
    numpy: a national graph expands to millions of entries (5.8 million at 50k documents),
    which as Python lists took 15 s to build and 5 s to code. The codes are the same as
    coding the expanded columns: values are numbered in order of first appearance, and an
    entry's group (place) first appears where its row's list has it first.
    """
    try:                                             # the plain shape: every row has the scalar keys
        keys = [r["target_key"] for r in rows]
        places = [r["place_code"] for r in rows]
    except KeyError:
        pass
    else:
        orgs, projects = _column(rows, "org_uid"), _column(rows, "project_uid")
        org, uids = _codes(orgs)
        first = np.unique(org, return_index=True)[1]
        return (org, uids, *_codes(keys), *_codes(places), first, orgs, projects, None)
    # pseudo-rows: every row that emits an entry, then one per seated organisation
    row_org, row_of, key_len, place_len, flat_keys, flat_places = [], [], [], [], [], []

    def emit(org, i: int, ks, ps) -> None:           # one entry per (group, place), group-major
        row_org.append(org)
        row_of.append(i)
        key_len.append(len(ks))
        place_len.append(len(ps))
        flat_keys.extend(ks)
        flat_places.extend(ps)

    seat_targets: dict = {}                          # org -> (first row, seats, its targets in order)
    listed = []                                      # per row: its pseudo-row if it has both lists, else -1
    for i, r in enumerate(rows):
        org = r["org_uid"]
        ks = r["target_keys"] if "target_keys" in r else [r.get("target_key")]
        ps = r["place_codes"] if "place_codes" in r else [r.get("place_code")]
        seats = r.get("seat_codes") or ()
        ks = ks if ks else [None]
        ps = ps if ps else ([] if seats else [None])
        if ps:
            listed.append(len(row_org) if "target_keys" in r and "place_codes" in r else -1)
            emit(org, i, ks, ps)
        else:
            listed.append(-1)
        if seats:
            entry = seat_targets.setdefault(org, (i, seats, {}))
            for k in ks:
                entry[2].setdefault(k, None)
    for org, (i, seats, targets) in seat_targets.items():
        emit(org, i, list(targets), list(seats))
    row_code, uids = _codes(row_org)
    key_code, keys = _codes(flat_keys)
    place_code, places = _codes(flat_places)
    nk = np.array(key_len, dtype=np.int64)
    npl = np.array(place_len, dtype=np.int64)
    k_ptr = np.r_[0, np.cumsum(nk)[:-1]] if nk.size else nk
    p_ptr = np.r_[0, np.cumsum(npl)[:-1]] if npl.size else npl
    per_row = nk * npl
    which = np.repeat(np.arange(per_row.size, dtype=np.int64), per_row)
    step = np.arange(which.size, dtype=np.int64) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    width = npl[which]
    org = row_code[which]
    key = key_code[k_ptr[which] + step // width]
    place = place_code[p_ptr[which] + step % width]
    first_pseudo = np.unique(row_code, return_index=True)[1]
    first = np.asarray(row_of, dtype=np.int64)[first_pseudo]
    projects = [r.get("project_uid") for r in rows]
    listed = np.array(listed, dtype=np.int64)
    cellful = _cellful(projects, _row_lists(listed, key_code, k_ptr, nk), _row_lists(listed, place_code, p_ptr, npl))
    return (org, uids, key, keys, place, places, first, _column(rows, "org_uid"), projects, cellful)


def _row_lists(pseudo: np.ndarray, codes: np.ndarray, ptr: np.ndarray, length: np.ndarray):
    """Each row's list (the codes of its pseudo-row ``pseudo[i]``; none where -1), None (-1)
    left out and sorted, laid end to end, and the list sizes."""
    rows = np.flatnonzero(pseudo >= 0)
    own = pseudo[rows]
    data = _expand(None, codes, None, ptr[own], ptr[own] + length[own])
    owner = np.repeat(rows, length[own])
    keep = data >= 0
    data, owner = data[keep], owner[keep]
    order = np.lexsort((data, owner))
    return data[order], np.bincount(owner, minlength=pseudo.size)


def _same_as_first(project: np.ndarray, first_of: np.ndarray, data: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Per row: whether its sorted list (``data``/``sizes`` CSR) equals that of its project's first row."""
    ref = first_of[project]
    ptr = np.r_[0, np.cumsum(sizes)]
    same = sizes == sizes[ref]
    rows = np.flatnonzero(same & (sizes > 0))
    mine = _expand(ptr, data, rows)
    theirs = _expand(ptr, data, ref[rows])
    differ = np.repeat(rows, sizes[rows])[mine != theirs]
    same[differ] = False
    return same


def _cellful(projects: list, key_lists: tuple, place_lists: tuple) -> list[bool]:
    """Per row: whether every row of its project carries the same target groups and places (as
    sorted lists of strings, None left out; ``_row_lists``), none of them empty.

    A row whose project has a target group and a place it is active in gives every one of
    the project's members those cells: two such members share a cell without looking
    (only where all the project's rows carry the same groups and places, as the
    projection's do). Compared as integer codes in numpy: sorting two short lists of
    strings per row took a second or two for 140k rows.
    """
    n_rows = len(projects)
    if n_rows == 0:
        return []
    keys, key_sizes = key_lists
    places, place_sizes = place_lists
    project, _ = pd.factorize(pd.Series(projects, dtype=object), use_na_sentinel=True)
    project = project.astype(np.int64)
    valid = (project >= 0) & (key_sizes > 0) & (place_sizes > 0)
    has = np.flatnonzero(project >= 0)
    first_of = np.zeros(int(project.max(initial=-1)) + 1, dtype=np.int64)
    seen, first = np.unique(project[has], return_index=True)
    first_of[seen] = has[first]
    pid = np.where(project >= 0, project, 0)
    ok = valid & _same_as_first(pid, first_of, keys, key_sizes) & _same_as_first(pid, first_of, places, place_sizes)
    good = np.ones(first_of.size, dtype=bool)
    good[pid[~ok & (project >= 0)]] = False
    return (good[pid] & (project >= 0)).tolist()


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
    org, uids, key, keys, place, places, first_row, proj_org_col, proj_col, cellful = _activity_columns(rows)
    n = len(uids)
    names = [rows[i].get("org_name") or uids[o] for o, i in enumerate(first_row.tolist())]
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
                   org_ptr, org_cells, limit)
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
    n_cells = len(cell_ptr) - 1
    nnz_from = np.r_[np.cumsum(sorted_ncell[::-1])[::-1], 0]       # cells of ranks >= r
    dense = None                                 # (first rank, partners from rank, counts) of a block
    for i in range(n):
        if sorted_ncell[i] < threshold or i + 1 >= limit_rank:
            break
        if dense is None or i >= dense[0] + dense[2].shape[0]:
            dense = _dense_block(i, limit_rank, sorted_ncell, nnz_from, order, org_ptr, org_cells, n_cells)
        if dense is not None:
            # the same counts as below, from the block's bitsets: partners (i, limit_rank)
            row = dense[2][i - dense[0], i + 1 - dense[1]:limit_rank - dense[1]]
            partner = np.flatnonzero(row >= threshold)
            weight = row[partner]
            partner += i + 1
        else:
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


#: a block of organisations is counted from bitsets (one bit per cell, AND + popcount) when
#: the product of the densities of its rows and of its partners' rows (cells held / cells) is
#: at least this: a popcounted word costs some hundred times less than a gathered member in
#: the sparse path, per bit
DENSE_MIN_DENSITY = 0.01
#: organisations per dense block, the most bitset rows (partners) built at once, and the
#: size of the AND temporary
DENSE_BLOCK = 32
DENSE_MAX_ENTRIES = 2**25
_DENSE_CHUNK_WORDS = 2**21


def _bitsets(ranks, order, sorted_ncell, org_ptr, org_cells, n_cells) -> np.ndarray:
    """0/1 rows of the organisations of these ranks over the cells, packed 64 cells a word."""
    words = (n_cells + 63) // 64
    m = np.zeros((ranks.size, words * 64), dtype=bool)
    m[np.repeat(np.arange(ranks.size), sorted_ncell[ranks]), _expand(org_ptr, org_cells, order[ranks])] = True
    return np.packbits(m, axis=1).view(np.uint64)


def _dense_block(i, limit_rank, sorted_ncell, nnz_from, order, org_ptr, org_cells, n_cells):
    """Overlaps of the organisations of ranks ``[i, i + DENSE_BLOCK)`` with those of ranks
    ``[i + 1, limit_rank)``: ``(i, i + 1, counts)``, counted from bitsets; or None where the
    rows are too sparse (or too many) for that to pay.

    The top of a national graph is dense: at 50k documents the 350 organisations that can
    reach the strongest overlaps each hold 2,500–5,000 of 5,300 cells, and gathering their
    cell-mates member by member was 200 million gathered entries (5–10 s); their bitsets are
    84 words each. (A float32 matrix product is as fast on an idle machine, but BLAS threads
    slow down tenfold when other processes share the two cores.)
    """
    stop = min(i + DENSE_BLOCK, limit_rank)
    partners = limit_rank - (i + 1)
    if partners <= 0 or n_cells == 0 or partners * n_cells > DENSE_MAX_ENTRIES:
        return None
    d_rows = sorted_ncell[i:stop].sum() / ((stop - i) * n_cells)
    d_partners = (nnz_from[i + 1] - nnz_from[limit_rank]) / (partners * n_cells)
    if d_rows * d_partners < DENSE_MIN_DENSITY:
        return None
    rows = _bitsets(np.arange(i, stop), order, sorted_ncell, org_ptr, org_cells, n_cells)
    part = _bitsets(np.arange(i + 1, limit_rank), order, sorted_ncell, org_ptr, org_cells, n_cells)
    counts = np.empty((rows.shape[0], part.shape[0]), dtype=np.int64)
    step = max(1, _DENSE_CHUNK_WORDS // (rows.shape[0] * rows.shape[1]))
    for j in range(0, part.shape[0], step):
        counts[:, j:j + step] = np.bitwise_count(rows[:, None, :] & part[None, j:j + step, :]).sum(
            axis=2, dtype=np.int64)
    return i, i + 1, counts


def _table(a, b, w, uids, names, keys, places, n_places, cell_codes, org_ptr, org_cells,
           limit=None) -> pd.DataFrame:
    """The pairs sorted (overlap descending, then names and uids), the first ``limit`` with what
    they have in common: sorted first, so the groups and places of pairs tied below the cut
    are never computed, and each from a 0/1 row of the organisation's cells (the strongest
    pairs hold thousands of cells each, and intersecting them as Python sets took seconds)."""
    light = []
    for x, y, overlap in zip(a.tolist(), b.tolist(), w.tolist()):
        if uids[x] > uids[y]:
            x, y = y, x
        light.append((x, y, names[x], names[y], uids[x], uids[y], int(overlap)))
    if not light:
        return pd.DataFrame.from_records([], columns=COLUMNS)
    order = pd.DataFrame.from_records(
        [(o, na, nb, ua, ub) for _, _, na, nb, ua, ub, o in light],
        columns=["overlap", "org_a_name", "org_b_name", "org_a", "org_b"]).sort_values(
        ["overlap", "org_a_name", "org_b_name", "org_a", "org_b"],
        ascending=[False, True, True, True, True]).index
    if limit is not None:
        order = order[:limit]
    n_cells = len(cell_codes)
    key_rank = np.empty(len(keys), dtype=np.int64)
    key_rank[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys))
    place_rank = np.empty(len(places), dtype=np.int64)
    place_rank[sorted(range(len(places)), key=places.__getitem__)] = np.arange(len(places))
    keys_sorted, places_sorted = sorted(keys), sorted(places)
    cell_key = key_rank[cell_codes // n_places]
    cell_place = place_rank[cell_codes % n_places]
    rows_of: dict[int, np.ndarray] = {}

    def cells(x: int) -> np.ndarray:
        if x not in rows_of:
            row = np.zeros(n_cells, dtype=bool)
            row[org_cells[org_ptr[x]:org_ptr[x + 1]]] = True
            rows_of[x] = row
        return rows_of[x]

    records = []
    for i in order.tolist():
        x, y, na, nb, ua, ub, overlap = light[i]
        common = cells(x) & cells(y)
        records.append({
            "org_a": ua, "org_a_name": na, "org_b": ub, "org_b_name": nb,
            "target_groups": [keys_sorted[k] for k in np.unique(cell_key[common]).tolist()],
            "places": [places_sorted[c] for c in np.unique(cell_place[common]).tolist()],
            "overlap": overlap,
        })
    return pd.DataFrame.from_records(records, columns=COLUMNS)
