"""The reference data in ``data/`` as typed, cached records.

Everything that resolves a name (kommun, län, agency, region, samordningsförbund,
target group, first name) reads it through this module, so the CSV layout lives
in one place. Sources: ``data/SOURCES.md``.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split("|") if p.strip())


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@dataclass(frozen=True)
class County:
    code: str
    name: str
    short_name: str


@dataclass(frozen=True)
class Municipality:
    code: str                 # SCB code ("1287"), or "DK-helsingor" abroad
    name: str
    county_code: str
    org_name: str             # the kommun as an organisation ("Trelleborgs kommun")
    alt_names: tuple[str, ...] = ()
    org_aliases: tuple[str, ...] = ()
    ambiguous: bool = False   # the bare name is also an ordinary word ("Mark", "Vara", "Ale")
    country: str = "SE"


@dataclass(frozen=True)
class RefOrganization:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    seat_code: str = ""
    county_code: str = ""
    members: tuple[str, ...] = ()        # kommun codes of a samordningsförbund's members
    member_names: tuple[str, ...] = ()
    note: str = ""
    #: earlier names, each "Full name" or "Full name (ABBR)" (data/organizations.csv former_names)
    former_names: tuple[str, ...] = ()
    #: a samordningsförbund's dates as precise as its source gives them ("2005", "2019-07-01");
    #: a former förbund has ``end`` and, when it went on in another, ``successor`` (its name)
    start: str = ""
    end: str = ""
    successor: str = ""
    regions: tuple[str, ...] = ()        # länskoder whose region is a member (data/samordningsforbund.csv)
    source: str = ""


@dataclass(frozen=True)
class Membership:
    """A dated change of one member kommun (data/forbund_membership.csv): it belongs to the
    förbund from ``since`` until ``until`` instead of from the förbund's start to its end."""
    forbund: str
    kommun_code: str
    since: str = ""
    until: str = ""
    source: str = ""


@dataclass(frozen=True)
class TargetGroup:
    key: str
    label_sv: str
    label_en: str
    scope: str = ""


@lru_cache(maxsize=1)
def counties() -> tuple[County, ...]:
    return tuple(County(r["code"], r["name"], r["short_name"]) for r in _rows("counties.csv"))


@lru_cache(maxsize=1)
def municipalities() -> tuple[Municipality, ...]:
    return tuple(
        Municipality(r["code"], r["name"], r["county_code"], r["org_name"], _split(r["alt_names"]),
                     _split(r["org_aliases"]), bool(r.get("ambiguous")), "SE")
        for r in _rows("municipalities.csv"))


@lru_cache(maxsize=1)
def foreign_municipalities() -> tuple[Municipality, ...]:
    return tuple(
        Municipality(r["uid"], r["name"], "", r["org_name"], _split(r["alt_names"]),
                     _split(r["org_aliases"]), bool(r.get("ambiguous")), r["country"])
        for r in _rows("foreign_municipalities.csv"))


@lru_cache(maxsize=1)
def municipality_by_code() -> dict[str, Municipality]:
    return {m.code: m for m in (*municipalities(), *foreign_municipalities())}


@lru_cache(maxsize=1)
def organizations() -> tuple[RefOrganization, ...]:
    """State agencies, regions, funds, networks and every samordningsförbund."""
    out = [RefOrganization(r["name"], r["kind"], _split(r["aliases"]), r.get("seat_code") or "",
                           r.get("county_code") or "", _split(r.get("members")),
                           _split(r.get("member_names")), r.get("note") or "", _split(r.get("former_names")))
           for r in _rows("organizations.csv")]
    out += [RefOrganization(r["name"], "coordination_association", _split(r["aliases"]), "",
                            r.get("county_code") or "", _split(r.get("members")),
                            _split(r.get("member_names")), r.get("note") or "",
                            start=r.get("start") or "", end=r.get("end") or "",
                            successor=r.get("successor") or "", regions=_split(r.get("regions")),
                            source=r.get("source") or "")
            for r in _rows("samordningsforbund.csv")]
    return tuple(out)


@lru_cache(maxsize=1)
def forbund_membership() -> tuple[Membership, ...]:
    """Dated joins and leaves of member kommuner (empty when the file is absent)."""
    if not (DATA / "forbund_membership.csv").exists():
        return ()
    return tuple(Membership(r["forbund"], r["kommun_code"], r.get("since") or "", r.get("until") or "",
                            r.get("source") or "")
                 for r in _rows("forbund_membership.csv"))


@lru_cache(maxsize=1)
def target_groups() -> tuple[TargetGroup, ...]:
    return tuple(TargetGroup(r["key"], r["label_sv"], r["label_en"], r.get("scope") or "")
                 for r in _rows("target_groups.csv"))


@lru_cache(maxsize=1)
def first_names() -> tuple[str, ...]:
    """Given names common in Sweden (one per line; '#' comments)."""
    path = DATA / "first_names.txt"
    if not path.exists():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(n.strip() for line in lines for n in line.split("#")[0].split(",") if n.strip())
