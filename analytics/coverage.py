"""Coverage: which places have projects for which target groups, and where nobody does anything.

Gaps are only meaningful against complete reference lists, so the matrix has a
row for *every* kommun (or län) and a column for *every* target group, whether
or not any document mentions them. A *coverage row* is a mapping with
``project_uid``, ``municipality_code``, ``county_code`` and ``target_key``.
"""
from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["coverage_matrix", "ranked_gaps", "read_need_csv"]

LEVELS = {"kommun": "municipality_code", "lan": "county_code"}


def _code(item) -> str:
    return str(item["code"] if isinstance(item, Mapping) else item)


def coverage_matrix(rows: Iterable[Mapping], municipalities: Iterable, target_groups: Iterable,
                    level: str = "kommun", *, counties: Iterable | None = None) -> pd.DataFrame:
    """Number of distinct projects per place and target group.

    Parameters
    ----------
    rows : iterable of mappings
        Coverage rows (one per project × kommun × target group).
    municipalities : iterable of mappings or codes
        The complete kommun list: mappings with ``code`` (and ``name``,
        ``county_code``) or bare codes.
    target_groups : iterable of mappings or keys
        The complete taxonomy: mappings with ``key`` (and ``label_sv``) or bare keys.
    level : {"kommun", "lan"}
        Rows per kommun, or per län (a project active in two kommuner of one län
        counts once there).
    counties : iterable of mappings or codes, optional
        The län list for ``level="lan"``; default: the ``county_code`` values of
        ``municipalities``.

    Returns
    -------
    pandas.DataFrame
        Index: place codes (sorted), columns: target group keys (in the given
        order), values: int. Zero cells are gaps. Rows for places that are not
        in the reference list (e.g. foreign municipalities) are ignored.
        ``attrs`` holds ``level``, ``place_names``, ``county_of`` (kommun
        level) and ``target_labels``.

    Examples
    --------
    >>> rows = [{"project_uid": "p1", "municipality_code": "0180", "county_code": "01", "target_key": "youth"}]
    >>> m = coverage_matrix(rows, ["0180", "0114"], ["youth", "newly_arrived"])
    >>> m["youth"].to_dict()
    {'0114': 0, '0180': 1}
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {sorted(LEVELS)}, not {level!r}")
    munis = list(municipalities)
    groups = list(target_groups)
    keys = [str(g["key"] if isinstance(g, Mapping) else g) for g in groups]
    labels = {str(g["key"]): g.get("label_sv") or str(g["key"]) for g in groups if isinstance(g, Mapping)}
    county_of = {_code(m): str(m["county_code"]) for m in munis
                 if isinstance(m, Mapping) and m.get("county_code") is not None}
    if level == "kommun":
        places = sorted({_code(m) for m in munis})
        names = {_code(m): m.get("name") or _code(m) for m in munis if isinstance(m, Mapping)}
    else:
        source = list(counties) if counties is not None else sorted(set(county_of.values()))
        places = sorted({_code(c) for c in source})
        names = {_code(c): c.get("name") or _code(c) for c in source if isinstance(c, Mapping)}
    column = LEVELS[level]
    rows = rows if isinstance(rows, list) else list(rows)
    raw_places = [r.get(column) for r in rows]
    if level == "lan":
        for i, place in enumerate(raw_places):
            if place is None:
                raw_places[i] = county_of.get(str(rows[i].get("municipality_code")))
    # codes instead of a dict of sets: one sort over (place, group, project) triples
    place_codes, place_values = pd.factorize(pd.Series(raw_places, dtype=object), use_na_sentinel=True)
    place_values = [str(p) for p in place_values]
    key_codes, key_values = pd.factorize(pd.Series([r.get("target_key") for r in rows], dtype=object),
                                         use_na_sentinel=True)
    proj_codes, _ = pd.factorize(pd.Series([r["project_uid"] for r in rows], dtype=object))
    place_set, key_set = set(places), set(keys)
    place_ok = np.array([p in place_set for p in place_values] + [False], dtype=bool)
    key_ok = np.array([k in key_set for k in key_values] + [False], dtype=bool)
    ok = place_ok[place_codes] & key_ok[key_codes]          # -1 (missing) picks the trailing False
    n_keys, n_proj = max(len(key_values), 1), max(int(proj_codes.max(initial=0)) + 1, 1)
    triple = np.sort((place_codes[ok].astype(np.int64) * n_keys + key_codes[ok]) * n_proj + proj_codes[ok])
    if triple.size:
        triple = triple[np.r_[True, triple[1:] != triple[:-1]]]
    cell, counts_of = np.unique(triple // n_proj, return_counts=True)
    counts = pd.Series(counts_of, dtype="int64",
                       index=pd.MultiIndex.from_arrays([[place_values[c // n_keys] for c in cell.tolist()],
                                                        [key_values[c % n_keys] for c in cell.tolist()]]))
    matrix = counts.unstack(fill_value=0) if len(counts) else pd.DataFrame(dtype="int64")
    # every place and every group of the reference lists, in order; unseen cells are 0
    matrix = matrix.reindex(index=places, columns=keys, fill_value=0).astype(int)
    matrix.index.name, matrix.columns.name = level, "target_group"
    matrix.attrs.update(level=level, place_names={p: names.get(p, p) for p in places},
                        county_of=county_of if level == "kommun" else {},
                        target_labels={k: labels.get(k, k) for k in keys})
    return matrix


def _need_lookup(need: pd.Series, matrix: pd.DataFrame) -> dict[str, float]:
    """Match the need series to the matrix's places by code, else by name."""
    by_name = {}
    for code, name in matrix.attrs.get("place_names", {}).items():
        by_name[_norm_place(name)] = code
    out = {}
    for place, value in need.items():
        place = str(place)
        code = place if place in matrix.index else by_name.get(_norm_place(place))
        if code is not None and pd.notna(value):
            out[code] = float(value)
    return out


def _norm_place(name: str) -> str:
    name = str(name).strip().lower()
    return re.sub(r"\s+(kommun|stad|län|lan)$", "", name)


def ranked_gaps(matrix: pd.DataFrame, need: pd.Series | None = None) -> pd.DataFrame:
    """The zero cells of a coverage matrix, most striking first.

    Ranking, in order of the sort keys:

    1. ``need`` descending, when a need series is given (places without a need
       value go last);
    2. ``place_projects`` descending: the project–target links the place has
       for *other* groups. An active place with nothing for this group is a
       specific gap its existing partners could fill;
    3. ``nearby_projects`` descending: the group's projects in the rest of the
       place's län (kommun level) or in the rest of the country (län level), so
       the know-how exists close by;
    4. place code and target key.

    Parameters
    ----------
    matrix : pandas.DataFrame
        From ``coverage_matrix``.
    need : pandas.Series, optional
        Need per place, indexed by the matrix's place codes or names (e.g.
        ``read_need_csv``). Use per-kommun values with a kommun matrix, per-län
        values with a län matrix.

    Returns
    -------
    pandas.DataFrame
        Columns ``place``, ``place_name``, ``target_group``, ``target_label``,
        ``need``, ``place_projects``, ``nearby_projects``, ``rank`` (1 = first).

    Examples
    --------
    >>> m = coverage_matrix([], ["0180", "1280"], ["youth"])
    >>> ranked_gaps(m, pd.Series({"1280": 5.0, "0180": 2.0}))["place"].tolist()
    ['1280', '0180']
    """
    columns = ["place", "place_name", "target_group", "target_label", "need",
               "place_projects", "nearby_projects", "rank"]
    names = matrix.attrs.get("place_names", {})
    labels = matrix.attrs.get("target_labels", {})
    county_of = matrix.attrs.get("county_of", {})
    needs = _need_lookup(need, matrix) if need is not None else {}
    # plain arrays: a pandas lookup per gap copies the matrix's attrs each time (seconds at 5,000 gaps)
    values = matrix.to_numpy()
    place_list, key_list = list(matrix.index), list(matrix.columns)
    row_total = values.sum(axis=1)
    col_total = values.sum(axis=0)
    gap_rows, gap_cols = np.nonzero(values == 0)              # row-major: by place, then group (as stack())
    gap_places = [place_list[i] for i in gap_rows.tolist()]
    gap_keys = [key_list[j] for j in gap_cols.tolist()]
    if county_of:
        counties = [county_of.get(p, "") for p in place_list]
        county_codes, county_index = np.unique(np.array(counties, dtype=object).astype(str), return_inverse=True)
        by_county = np.zeros((len(county_codes), values.shape[1]), dtype=np.int64)
        np.add.at(by_county, county_index, values)
        has_county = np.array([bool(c) for c in counties], dtype=bool)
        nearby = np.where(has_county[gap_rows], by_county[county_index[gap_rows], gap_cols], col_total[gap_cols])
    else:
        nearby = col_total[gap_cols]
    records = pd.DataFrame({
        "place": gap_places, "place_name": [names.get(p, p) for p in gap_places],
        "target_group": gap_keys, "target_label": [labels.get(k, k) for k in gap_keys],
        "need": [needs.get(p, float("nan")) for p in gap_places],
        "place_projects": row_total[gap_rows].astype(int), "nearby_projects": nearby.astype(int),
    })
    gaps = records[columns[:-1]]
    if gaps.empty:
        return pd.DataFrame(columns=columns)
    gaps = gaps.sort_values(["need", "place_projects", "nearby_projects", "place", "target_group"],
                            ascending=[False, False, False, True, True], na_position="last",
                            kind="mergesort").reset_index(drop=True)
    gaps["rank"] = range(1, len(gaps) + 1)
    return gaps


_CODE_COLUMNS = ("kommunkod", "kommun_code", "kommunkod_scb", "code", "kod", "lanskod", "länskod", "county_code")
_NAME_COLUMNS = ("kommun", "kommunnamn", "municipality", "name", "namn", "län", "lan", "place")
_VALUE_COLUMNS = ("need", "behov", "value", "värde", "varde")


def read_need_csv(path: str | Path) -> pd.Series:
    """Read a need indicator per kommun (or län) from a CSV file.

    The file needs a header with a place column — a code (``kommunkod``,
    ``code``, ``kod`` …) or a name (``kommun``, ``name``, ``namn`` …) — and a
    numeric value column (``need``, ``behov``, ``value``, or else the first
    other column). Comma, semicolon and tab separators are recognised; with
    semicolons a decimal comma is accepted. Codes lose leading zeros in
    spreadsheets, so numeric codes are padded to 4 digits (kommun) or 2 (län).

    Returns
    -------
    pandas.Series
        Float values indexed by place code or name (index name ``place``);
        the series name is the value column's name.

    Raises
    ------
    ValueError
        Naming the file, when it is empty, lacks a place or value column, or
        holds a value that is not a number.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
    ...     _ = f.write("kommunkod;behov\\n180;2,5\\n1280;7\\n")
    >>> read_need_csv(f.name).to_dict()
    {'0180': 2.5, '1280': 7.0}
    >>> os.unlink(f.name)
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the need file ({exc})") from exc
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        raise ValueError(f"{path}: the need file needs a header and at least one row")
    try:
        sep = csv.Sniffer().sniff(lines[0], delimiters=",;\t").delimiter
    except csv.Error:
        sep = ","
    table = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=sep))
    header = [h.strip().lower() for h in table[0]]
    place_col = next((header.index(c) for c in _CODE_COLUMNS + _NAME_COLUMNS if c in header), None)
    if place_col is None:
        raise ValueError(f"{path}: no place column; expected one of {', '.join(_CODE_COLUMNS + _NAME_COLUMNS)}"
                         f" (found {', '.join(header)})")
    value_col = next((header.index(c) for c in _VALUE_COLUMNS if c in header), None)
    if value_col is None:
        value_col = next((i for i in range(len(header)) if i != place_col), None)
    if value_col is None:
        raise ValueError(f"{path}: no value column besides {header[place_col]!r}")
    is_code = header[place_col] in _CODE_COLUMNS
    values: dict[str, float] = {}
    for lineno, row in enumerate(table[1:], start=2):
        if len(row) <= max(place_col, value_col):
            raise ValueError(f"{path}, line {lineno}: expected {len(header)} columns, found {len(row)}")
        place, raw = row[place_col].strip(), row[value_col].strip().replace("\u00a0", "").replace(" ", "")
        if is_code and place.isdigit():
            place = place.zfill(4 if len(place) > 2 else 2)
        if sep != "," and "," in raw and "." not in raw:
            raw = raw.replace(",", ".")
        if raw == "":
            continue
        try:
            values[place] = float(raw)
        except ValueError:
            raise ValueError(f"{path}, line {lineno}: {row[value_col]!r} in column "
                             f"{header[value_col]!r} is not a number") from None
    if not values:
        raise ValueError(f"{path}: no values in column {header[value_col]!r}")
    series = pd.Series(values, name=header[value_col], dtype=float)
    series.index.name = "place"
    return series
