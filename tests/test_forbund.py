"""The samordningsförbund list (data/samordningsforbund.csv, data/forbund_membership.csv):
every row sourced, real kommuner and regions, dates that parse; MEMBER_OF since/until in the
graph and the members query at a date."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.query import ParameterError, parse_param_line
from graph.reference_loader import load_reference, reference_rows
from loaders import reference
from loaders.record import slug
from samverkan.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _parses(value: str) -> bool:
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return False
    y, m, d = (list(map(int, value.split("-"))) + [1, 1])[:3]
    dt.date(y, m, d)  # ValueError on 2019-02-30
    return True


FORBUND = _rows("samordningsforbund.csv")
MEMBERSHIP = _rows("forbund_membership.csv")
KOMMUNER = {r["code"]: r for r in _rows("municipalities.csv")}
COUNTIES = {r["code"] for r in _rows("counties.csv")}


def test_every_row_has_a_source_and_names_are_unique():
    assert len(FORBUND) >= 50
    for r in FORBUND:
        assert r["source"].startswith(("http://", "https://", "../shared/")), r["name"]
    names = [r["name"].casefold() for r in FORBUND]
    assert len(names) == len(set(names))
    forms = [n for r in FORBUND for n in {x.casefold() for x in (r["name"], *filter(None, r["aliases"].split("|")))}]
    assert len(forms) == len(set(forms)), "a name or alias used by two förbund"
    for m in MEMBERSHIP:
        assert m["source"].startswith(("http://", "https://")), m


def test_every_member_is_a_real_kommun_and_every_region_a_real_region():
    regions = {o.county_code for o in reference.organizations() if o.kind == "region"}
    for r in FORBUND:
        codes = [c for c in r["members"].split("|") if c]
        assert set(codes) <= set(KOMMUNER), r["name"]
        assert [KOMMUNER[c]["name"] for c in codes] == [n for n in r["member_names"].split("|") if n], r["name"]
        assert r["county_code"] in COUNTIES, r["name"]
        lan = [c for c in r["regions"].split("|") if c]
        assert lan and set(lan) <= COUNTIES and set(lan) <= regions, r["name"]
        assert {c[:2] for c in codes} <= set(lan), r["name"]
    for m in MEMBERSHIP:
        assert KOMMUNER[m["kommun_code"]]["name"] == m["kommun_name"], m


def test_every_date_parses_and_successors_are_listed():
    names = {r["name"] for r in FORBUND}
    for r in FORBUND:
        for key in ("start", "end"):
            assert not r[key] or _parses(r[key]), (r["name"], key, r[key])
        if r["start"] and r["end"]:
            assert r["start"] < r["end"], r["name"]
        assert not r["successor"] or r["successor"] in names, r["name"]
        if r["successor"]:
            assert r["successor"] != r["name"]
    for m in MEMBERSHIP:
        assert m["forbund"] in names, m
        for key in ("since", "until"):
            assert not m[key] or _parses(m[key]), m


def test_a_former_forbund_hands_over_to_a_listed_successor():
    """A merged or dissolved förbund names a successor that is itself a row: the chain ends at a
    förbund without a successor (no cycle), the successor does not start after the former ends
    (compared at the precision both give), and the former's member kommuner went on in it."""
    by_name = {r["name"]: r for r in FORBUND}
    for r in FORBUND:
        if not r["successor"]:
            continue
        seen, cur = {r["name"]}, by_name[r["successor"]]
        while cur["successor"]:
            assert cur["successor"] not in seen, ("successor cycle", r["name"])
            seen.add(cur["name"])
            cur = by_name[cur["successor"]]
        nxt = by_name[r["successor"]]
        if r["end"] and nxt["start"]:
            k = min(len(r["end"]), len(nxt["start"]))
            assert nxt["start"][:k] <= r["end"][:k], (r["name"], r["end"], nxt["name"], nxt["start"])
        members = {c for c in r["members"].split("|") if c}
        assert members <= {c for c in nxt["members"].split("|") if c}, (r["name"], nxt["name"])
    # the former förbund in Luleå, merged 2020 into Södra Norrbotten (finsam.se 2019-12-09)
    pyramis = by_name["Samordningsförbundet Pyramis"]
    assert pyramis["end"] == "2020" and pyramis["successor"] == "Samordningsförbundet Södra Norrbotten"
    assert pyramis["member_names"] == "Luleå"


def test_member_of_rows_carry_since_and_until():
    rows = reference_rows()
    edge = {(r["source"], r["target"]): r for r in rows["member_of"]}
    norrbotten = slug("Samordningsförbundet Södra Norrbotten")
    assert edge[(slug("Bodens kommun"), norrbotten)]["since"] == "2021-06-01"
    assert edge[(slug("Luleå kommun"), norrbotten)]["since"] == "2020"
    centrum = slug("Samordningsförbundet Göteborg Centrum")
    assert edge[(slug("Göteborgs stad"), centrum)]["until"] == "2019-07-01"
    assert edge[(slug("Arbetsförmedlingen"), centrum)]["until"] == "2019-07-01"
    assert edge[(slug("Göteborgs stad"), slug("Samordningsförbundet Göteborg"))]["until"] is None
    former = {r["uid"]: r for r in rows["organizations"]}[centrum]
    assert former["end"] == "2019-07-01" and former["successor"] == "Samordningsförbundet Göteborg"
    assert not rows["unresolved_members"]
    # a member's own dated join beats the förbund's start; the others get the start
    klar = slug("Klarälvdalens Samordningsförbund")
    assert edge[(slug("Hagfors kommun"), klar)]["since"] == "2008-01-01"
    assert edge[(slug("Forshaga kommun"), klar)]["since"] == "2007-04-01"
    # a merger the source dates only to the month: the predecessor ends when the successor starts
    osk = slug("Samordningsförbundet Östra Skaraborg")
    assert edge[(slug("Skövde kommun"), slug("Samordningsförbundet SkövdeHjoTiBorg"))]["until"] == "2015-01"
    assert edge[(slug("Skövde kommun"), osk)]["since"] == "2015-01"


def test_the_readme_states_the_lists_real_counts():
    """The completeness statement in the README is the list's, not a stale copy."""
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    para = " ".join(readme[readme.index("**The förbund list**"):].split("\n\n")[0].split())
    former = [r for r in FORBUND if r["successor"] or r["end"]]
    expected = {
        "rows": len(FORBUND), "current": len(FORBUND) - len(former), "former": len(former),
        "with members": sum(1 for r in FORBUND if r["members"]),
        "without members": sum(1 for r in FORBUND if not r["members"]),
        "with start": sum(1 for r in FORBUND if r["start"]),
    }
    m = re.search(r"names (\d+) samordningsförbund \((\d+) current, (\d+) former\)", para)
    assert m, para[:200]
    m2 = re.search(r"(\d+) rows list their member kommuner, (\d+) do not", para)
    m3 = re.search(r"only (\d+) rows have a start date", para)
    assert m2 and m3, para[:400]
    stated = {"rows": int(m[1]), "current": int(m[2]), "former": int(m[3]), "with members": int(m2[1]),
              "without members": int(m2[2]), "with start": int(m3[1])}
    assert stated == expected
    for r in FORBUND:  # a row without members says why
        if not r["members"]:
            assert "not" in r["note"], r["name"]


def test_a_date_parameter_is_typed_before_the_database_is_asked():
    p = parse_param_line("date type=date default='' -- at")
    assert p.coerce("2019") == "2019-01-01"
    assert p.coerce("2019-06") == "2019-06-01"
    assert p.coerce("2019-06-30") == "2019-06-30"
    assert p.coerce("") == ""
    for bad in ("2019-02-30", "igår", "19"):
        with pytest.raises(ParameterError):
            p.coerce(bad)


def _members(name: str, date: str | None = None) -> dict[str, list[str]]:
    args = ["query", "samordningsforbund_members", "-p", f"name={name}", "--format", "json"]
    if date:
        args += ["-p", f"date={date}"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines() if line.strip()]
    if len(rows) == 1 and isinstance(rows[0], list):
        rows = rows[0]
    return {r["forbund"]: r["members"] for r in rows}


@pytest.mark.neo4j
def test_members_at_a_date(clean_db):
    first = load_reference(clean_db)
    again = load_reference(clean_db)  # idempotent: the same edges, no duplicates
    assert first == again
    with clean_db.session() as s:
        n = s.run("MATCH ()-[r:MEMBER_OF]->() RETURN count(r) AS n").single()["n"]
    assert n == first["member_of"]

    now = _members("Samordningsförbundet Södra Norrbotten")["Samordningsförbundet Södra Norrbotten"]
    assert "Bodens kommun" in now and "Luleå kommun" in now
    in_2020 = _members("Samordningsförbundet Södra Norrbotten", "2020-12-31")["Samordningsförbundet Södra Norrbotten"]
    assert "Bodens kommun" not in in_2020 and "Luleå kommun" in in_2020
    assert "Region Norrbotten" in in_2020 and "Arbetsförmedlingen" in in_2020
    assert _members("Samordningsförbundet Södra Norrbotten", "2019") == {"Samordningsförbundet Södra Norrbotten": []}

    # a former förbund: its members while it existed, none after it merged
    assert "Göteborgs stad" in _members("Samordningsförbundet Göteborg Centrum", "2015")["Samordningsförbundet Göteborg Centrum"]
    assert _members("Samordningsförbundet Göteborg Centrum") == {"Samordningsförbundet Göteborg Centrum": []}
    # all förbund at a date: the former ones then, not the later ones
    everyone_2015 = _members("", "2015")
    assert "Samordningsförbundet Göteborg Centrum" in everyone_2015
    assert "Samordningsförbundet Göteborg" not in everyone_2015
    everyone_now = _members("")
    assert "Samordningsförbundet Göteborg" in everyone_now
    assert "Samordningsförbundet Göteborg Centrum" not in everyone_now
