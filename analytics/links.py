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
    """The organisation x cell incidence of the activity rows: ``uids`` (organisation codes,
    ``_codes`` of ``org_uid`` in order of first appearance), ``first_row`` (the row of each
    organisation's first entry, for its name), ``inc_org`` and ``inc_cell`` (the distinct
    (organisation, cell) pairs, sorted, a cell numbered ``key * len(places) + place``), the
    distinct target groups ``keys`` and places ``places`` (as strings), and the
    ``(org_uid, project_uid)`` memberships, one per row.

    A row's ``seat_codes`` (the organisation's seats) pair with every target group of every
    row of that organisation; they are expanded once per organisation, not once per row: the
    same cells, without repeating them for each of a national agency's thousands of projects.

    List-shaped rows are not expanded to one entry per (group, place) at all: a national
    graph has millions of those (5.8 million at 50k documents; as numpy arrays, sorted to
    their distinct pairs, they took 2–3 s). Each distinct place list becomes a bitset over
    the places; an organisation's places for one target group are the OR of the bitsets of
    its rows with that group (a few hundred thousand (row, group) entries), and only the
    distinct (organisation, group, place) cells are unpacked from those bits.
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
        key, key_names = _codes(keys)
        place, place_names = _codes(places)
        ok = (key >= 0) & (place >= 0)
        cell_id = key[ok] * max(len(place_names), 1) + place[ok]
        width = int(cell_id.max(initial=0)) + 1
        pairs = _distinct(org[ok] * width + cell_id)
        return uids, first, pairs // width, pairs % width, key_names, place_names, orgs, projects
    # pseudo-rows: every row that emits entries (one per group x place), then one per seated
    # organisation; each pseudo-row's places as the number of a distinct place list
    row_org, row_of, key_len, flat_keys, row_list = [], [], [], [], []
    list_of: dict = {}

    seat_targets: dict = {}                          # org -> (first row, seats, its targets in order)
    for i, r in enumerate(rows):
        org = r["org_uid"]
        ks = r["target_keys"] if "target_keys" in r else [r.get("target_key")]
        ps = r["place_codes"] if "place_codes" in r else [r.get("place_code")]
        seats = r.get("seat_codes") or ()
        ks = ks if ks else [None]
        ps = ps if ps else ([] if seats else [None])
        if ps:
            row_org.append(org)
            row_of.append(i)
            key_len.append(len(ks))
            flat_keys.extend(ks)
            row_list.append(list_of.setdefault(tuple(ps), len(list_of)))
        if seats:
            entry = seat_targets.setdefault(org, (i, seats, {}))
            entry[2].update(dict.fromkeys(ks))        # new groups appended, in order
    for org, (i, seats, targets) in seat_targets.items():
        row_org.append(org)
        row_of.append(i)
        key_len.append(len(targets))
        flat_keys.extend(targets)
        row_list.append(list_of.setdefault(tuple(seats), len(list_of)))
    row_code, uids = _codes(row_org)
    key_code, key_names = _codes(flat_keys)
    lists = list(list_of)
    list_len = np.fromiter(map(len, lists), np.int64, len(lists))
    place_code, place_names = _codes([c for ps in lists for c in ps])
    n_places = max(len(place_names), 1)
    first = np.asarray(row_of, dtype=np.int64)[np.unique(row_code, return_index=True)[1]]
    projects = [r.get("project_uid") for r in rows]
    empty = np.zeros(0, dtype=np.int64)
    # one bitset per distinct place list (None left out)
    words = (n_places + 63) // 64
    owner = np.repeat(np.arange(len(lists), dtype=np.int64), list_len)
    keep = place_code >= 0
    list_bits = np.zeros((len(lists), words), dtype=np.uint64)
    np.bitwise_or.at(list_bits, (owner[keep], place_code[keep] >> 6),
                     np.left_shift(np.uint64(1), (place_code[keep] & 63).astype(np.uint64)))
    # (organisation, group) -> OR of its place lists' bitsets
    entry_row = np.repeat(np.arange(len(row_org), dtype=np.int64), np.asarray(key_len, dtype=np.int64))
    ok = key_code >= 0
    entry_row, entry_key = entry_row[ok], key_code[ok]
    n_keys = max(len(key_names), 1)
    group = row_code[entry_row] * n_keys + entry_key
    order = np.argsort(group, kind="stable")
    group, entry_list = group[order], np.asarray(row_list, dtype=np.int64)[entry_row[order]]
    if group.size == 0:
        return uids, first, empty, empty, key_names, place_names, _column(rows, "org_uid"), projects
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    bits = np.bitwise_or.reduceat(list_bits[entry_list], starts, axis=0)
    groups = group[starts]
    # the cells, sorted by (organisation, group, place) = (organisation, cell number)
    inc_org, inc_cell = [], []
    step = max(1, 2**24 // (words * 64))
    for j in range(0, groups.size, step):
        flags = np.unpackbits(bits[j:j + step].view(np.uint8), axis=1, bitorder="little")[:, :n_places]
        g, p = np.nonzero(flags)
        g = groups[j + g]
        inc_org.append(g // n_keys)
        inc_cell.append((g % n_keys) * n_places + p)
    return (uids, first, np.concatenate(inc_org), np.concatenate(inc_cell), key_names, place_names,
            _column(rows, "org_uid"), projects)


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


#: the most bytes of organisation x cell bitsets :func:`_shares_cell` builds (above: sorted lookups)
SHARES_BITS_MAX_BYTES = 256 * 2**20


def _shares_cell(a: np.ndarray, b: np.ndarray, org_ptr, org_cells, n_cells: int,
                 chunk: int = 1 << 23) -> np.ndarray:
    """Whether organisations ``a[i]`` and ``b[i]`` have a cell in common (vectorised).

    One bitset row per organisation (a bit per cell; 84 words at 50k documents): a pair
    shares a cell when the AND of its two rows is not all zero. The linked pairs of a national
    graph are ~300k, many between organisations with thousands of cells each, which as
    sorted lookups of the smaller list in the larger probed half a billion cells (1–3 s);
    as bitsets they are 300k × 84 words. Where the bitsets would not fit
    ``SHARES_BITS_MAX_BYTES``, the smaller list of each pair is looked up in the larger one,
    ``chunk`` cells at a time.
    """
    out = np.zeros(a.size, dtype=bool)
    if a.size == 0:
        return out
    n_orgs = len(org_ptr) - 1
    ncell = np.diff(org_ptr)
    words = (n_cells + 63) // 64
    if n_orgs * words * 8 <= SHARES_BITS_MAX_BYTES:
        bits = np.zeros((n_orgs, words), dtype=np.uint64)
        slot = np.repeat(np.arange(n_orgs, dtype=np.int64), ncell) * words + (org_cells >> 6)
        value = np.left_shift(np.uint64(1), (org_cells & 63).astype(np.uint64))
        starts = np.flatnonzero(np.r_[True, slot[1:] != slot[:-1]])      # sorted by org, then cell
        bits.reshape(-1)[slot[starts]] = np.bitwise_or.reduceat(value, starts)
        step = max(1, (1 << 21) // max(words, 1))           # 16 MB temporaries
        for i in range(0, a.size, step):
            out[i:i + step] = (bits[a[i:i + step]] & bits[b[i:i + step]]).any(axis=1)
        return out
    swap = ncell[a] > ncell[b]                  # look up the smaller list's cells in the larger one
    small, large = np.where(swap, b, a), np.where(swap, a, b)
    keys = np.repeat(np.arange(n_orgs, dtype=np.int64), ncell) * n_cells + org_cells
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
    uids, first_row, inc_org, inc_cell_raw, keys, places, proj_org_col, proj_col = _activity_columns(rows)
    n = len(uids)
    names = [rows[i].get("org_name") or uids[o] for o, i in enumerate(first_row.tolist())]
    index = {u: i for i, u in enumerate(uids)}

    # cells: (target group, place) combinations; incidence org x cell, both ways as CSR
    if inc_org.size == 0:
        return empty
    present = np.zeros(int(inc_cell_raw.max()) + 1, dtype=bool)       # np.unique without sorting
    present[inc_cell_raw] = True
    cell_codes = np.flatnonzero(present)
    inc_cell = (np.cumsum(present) - 1)[inc_cell_raw]
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
    linked_sharing = int(_shares_cell(la, lb, org_ptr, org_cells, n_cells).sum())

    # the total, exact: distinct cell-mates per organisation (bitset union), minus the links
    # stable: by cell, then organisation (a radix sort where the cell numbers fit 16 bits)
    cell_order = np.argsort(org_cells.astype(np.uint16) if n_cells <= 2**16 else org_cells, kind="stable")
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
    key = np.sort(cell_of * n + member_rank)                    # = lexsort((member_rank, cell_of))
    member_rank = key % max(n, 1)
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


def _present(values: np.ndarray, size: int) -> list[int]:
    """The distinct values (all in ``range(size)``), sorted: ``np.unique`` without its hashing."""
    seen = np.zeros(size, dtype=bool)
    seen[values] = True
    return np.flatnonzero(seen).tolist()


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
            "target_groups": [keys_sorted[k] for k in _present(cell_key[common], len(keys))],
            "places": [places_sorted[c] for c in _present(cell_place[common], len(places))],
            "overlap": overlap,
        })
    return pd.DataFrame.from_records(records, columns=COLUMNS)
