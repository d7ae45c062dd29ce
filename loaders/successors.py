"""Former names and successor bodies: ``data/successors.csv`` and the landsting of each län.

A body that was **renamed** (SKL -> SKR 2019-11-27, Ungdomsstyrelsen -> MUCF 2014, each
landsting -> its region) is one actor under two names: resolution gives both one node. A
body that was **merged** into another (Malmöhus läns landsting -> Region Skåne 1999, the
Göteborg förbund -> Samordningsförbundet Göteborg) stays an actor of its own — history that
older documents name — and its successor and the date are kept beside it.

Besides the rows of the file, every form a text gives a landsting ("Kalmar läns landsting",
"Landstinget i Kalmar län", "Landstinget Kalmar") resolves to the region of its län; the date
and source are those of the file's row for that region.

    >>> successor_of("Skåne läns landsting").successor
    'Region Skåne'
    >>> successor_of("Landstinget i Kalmar län").date
    '2019-01-01'
    >>> successor_of("SKL") is None   # an abbreviation is resolved by the reference aliases
    True
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from loaders import reference
from loaders.compare import fold, identity_key


@dataclass(frozen=True)
class Succession:
    former: str
    successor: str
    change: str      # "renamed" (one actor, one node) | "merged" (the former stays its own actor)
    date: str        # ISO date, or year-month / year where the source gives no more
    source: str
    note: str = ""


@lru_cache(maxsize=1)
def table() -> dict[str, Succession]:
    """identity key of the former name -> its succession (``data/successors.csv``)."""
    with open(reference.DATA / "successors.csv", encoding="utf-8", newline="") as f:
        rows = [Succession(r["former"], r["successor"], r["change"], r["date"], r["source"], r.get("note") or "")
                for r in csv.DictReader(f)]
    return {identity_key(s.former): s for s in rows}


@lru_cache(maxsize=1)
def _counties() -> dict[str, str]:
    """folded county word (short name, its genitive, 'X län') -> county code."""
    out: dict[str, str] = {}
    for c in reference.counties():
        short = fold(c.short_name)
        for form in (short, short + "s", fold(c.name), fold(c.name.removesuffix(" län"))):
            out.setdefault(form, c.code)
    out.update({"sörmland": "04", "sörmlands": "04", "jämtland härjedalen": "23"})
    return out


@lru_cache(maxsize=1)
def _region_of_county() -> dict[str, str]:
    return {o.county_code: o.name for o in reference.organizations()
            if o.kind == "region" and o.county_code}


_LANDSTING = (re.compile(r"^(?P<x>.+?) läns landsting$"), re.compile(r"^landstinget i (?P<x>.+?)(?: län)?$"),
              re.compile(r"^landstinget (?P<x>.+)$"), re.compile(r"^(?P<x>.+?) landsting$"))


def county_of_landsting(name: str) -> str | None:
    """The county code of a landsting named in any of the forms texts use, else None."""
    key = fold(name)
    if "landsting" not in key:
        return None
    counties = _counties()
    for rx in _LANDSTING:
        m = rx.match(key)
        if m:
            x = m.group("x")
            code = counties.get(x) or counties.get(x.removesuffix(" län"))
            if code:
                return code
    return None


def successor_of(name: str) -> Succession | None:
    """The succession a former name stands for (the file's rows, then the landsting of a län)."""
    s = table().get(identity_key(name))
    if s is not None:
        return s
    code = county_of_landsting(name)
    region = _region_of_county().get(code or "")
    if region is None:
        return None
    row = next((t for t in table().values() if t.successor == region and t.change == "renamed"), None)
    return Succession(name, region, "renamed", row.date if row else "", row.source if row else
                      "data/counties.csv: the landsting of the län is its region", row.note if row else "")
