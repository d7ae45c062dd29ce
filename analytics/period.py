"""Keep the projects that were active in a span of years.

Project dates come from documents as ISO strings (``"2016-09-01"``), a month
(``"2019-05"``), a bare year (``"2019"``), or not at all. Only the year counts.

Rule for incomplete dates (chosen because most documents never state both
dates, and silently dropping undated projects would hide most of the actors):

* both dates known: kept when ``start <= end_year`` and ``end >= start_year``;
* only the start known: the project is taken as running on from its start, so
  it is kept when ``start <= end_year``;
* only the end known: taken as having run up to its end, kept when
  ``end >= start_year``;
* no dates at all: kept when ``keep_undated`` is true (the default), dropped
  otherwise. Callers that show a filtered view should say how many undated
  projects it includes (``undated_count``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["year_of", "is_active", "filter_by_period", "undated_count"]

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")


def year_of(value: Any) -> int | None:
    """The year of a date-ish value, or None.

    Examples
    --------
    >>> year_of("2016-09-01"), year_of("2019"), year_of(2020), year_of(None), year_of("okänt")
    (2016, 2019, 2020, None, None)
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    year = getattr(value, "year", None)  # date, datetime, neo4j.time.Date
    if isinstance(year, int):
        return year
    m = _YEAR.search(str(value))
    return int(m.group(1)) if m else None


def is_active(start: Any, end: Any, start_year: int | None, end_year: int | None,
              *, keep_undated: bool = True) -> bool:
    """Whether a project with these dates overlaps ``[start_year, end_year]``.

    Either bound may be None (open). See the module docstring for incomplete dates.

    Examples
    --------
    >>> is_active("2016-09-01", "2018-12-31", 2018, 2020)
    True
    >>> is_active("2016", "2017", 2018, 2020)
    False
    >>> is_active("2021", None, 2018, 2020), is_active(None, None, 2018, 2020)
    (False, True)
    """
    y0, y1 = year_of(start), year_of(end)
    if y0 is None and y1 is None:
        return keep_undated or (start_year is None and end_year is None)
    if y0 is not None and end_year is not None and y0 > end_year:
        return False
    if y1 is not None and start_year is not None and y1 < start_year:
        return False
    return True


def filter_by_period(rows, start_year: int | None = None, end_year: int | None = None, *,
                     keep_undated: bool = True, start_key: str = "start", end_key: str = "end"):
    """Keep the rows whose project was active between two years (inclusive).

    Parameters
    ----------
    rows : iterable of mappings or pandas.DataFrame
        Rows with the project's start and end under ``start_key``/``end_key``.
        Several rows may belong to one project; each is judged by its own dates.
    start_year, end_year : int, optional
        The span; None leaves that side open. Both None returns every row.
    keep_undated : bool
        Keep projects with no date at all (default True; see module docstring).

    Returns
    -------
    list of dict, or a DataFrame when given one

    Examples
    --------
    >>> rows = [{"p": 1, "start": "2015", "end": "2016"}, {"p": 2, "start": "2019-01-01", "end": None},
    ...         {"p": 3, "start": None, "end": None}]
    >>> [r["p"] for r in filter_by_period(rows, 2018, 2020)]
    [2, 3]
    >>> [r["p"] for r in filter_by_period(rows, 2018, 2020, keep_undated=False)]
    [2]
    """
    if start_year is not None and end_year is not None and start_year > end_year:
        raise ValueError(f"start_year {start_year} is after end_year {end_year}")
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a dependency
        pd = None
    if pd is not None and isinstance(rows, pd.DataFrame):
        if start_year is None and end_year is None:
            return rows.copy()
        if rows.empty:
            return rows.copy()
        mask = [is_active(s, e, start_year, end_year, keep_undated=keep_undated)
                for s, e in zip(rows[start_key], rows[end_key])]
        return rows.loc[mask].copy()
    if start_year is None and end_year is None:
        return [dict(r) for r in rows]
    cache: dict = {}

    def active(start, end) -> bool:
        # rows of one project repeat its dates: judge each distinct pair once
        slot = (type(start), start, type(end), end)      # True and 1 are equal keys, not equal dates
        try:
            return cache[slot]
        except KeyError:
            cache[slot] = result = is_active(start, end, start_year, end_year, keep_undated=keep_undated)
            return result
        except TypeError:                                # unhashable: no caching
            return is_active(start, end, start_year, end_year, keep_undated=keep_undated)

    return [dict(r) for r in rows if active(r.get(start_key), r.get(end_key))]


def undated_count(rows: Iterable[Mapping], *, key: str = "project_uid",
                  start_key: str = "start", end_key: str = "end") -> int:
    """How many distinct projects among ``rows`` have no usable date.

    Examples
    --------
    >>> undated_count([{"project_uid": "a", "start": None, "end": None},
    ...                {"project_uid": "a", "start": None, "end": None},
    ...                {"project_uid": "b", "start": "2020", "end": None}])
    1
    """
    cache: dict = {}

    def undated(value) -> bool:
        slot = (type(value), value)                # True and 1 are equal keys, not equal dates
        try:
            return cache[slot]
        except KeyError:
            cache[slot] = result = year_of(value) is None
            return result
        except TypeError:                          # unhashable: no caching
            return year_of(value) is None

    return len({r[key] for r in rows if undated(r.get(start_key)) and undated(r.get(end_key))})
