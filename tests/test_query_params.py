"""Declared query parameters (issue 15): each curated query's header declares its parameters'
types, defaults, allowed values and how names match; `samverkan query` types the values
before the database is asked and exits 2 naming the expected type; the console builds its
inputs from the same declaration; `--format table` wraps long cells or, with --wide, shows
them whole.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph import query as q
from samverkan import cli
from samverkan.cli import main
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture

QUERIES = q.load_queries()


@pytest.fixture
def offline(monkeypatch):
    """`samverkan query` must refuse the value without connecting."""
    def no_driver():
        raise AssertionError("connected to Neo4j before checking the parameters")
    monkeypatch.setattr(cli, "_driver", no_driver)


def test_every_curated_query_declares_every_parameter_it_uses():
    for name, nq in QUERIES.items():
        assert nq.declared, f"{name}: no '// param:' lines"
        assert set(nq.declared) == set(q.query_parameters(nq.text)), name
        for p in nq.declared.values():
            assert p.type in q.PARAM_TYPES and p.doc, (name, p)
        # the example values are of the declared types
        assert q.typed_params(nq, nq.example) is not None


@pytest.mark.parametrize("args, expected", [
    (["top_brokers", "-p", "limit=abc"], "is not an integer (limit: int"),
    (["top_brokers", "-p", "limit=2.5"], "is not an integer"),
    (["top_brokers", "-p", "limit=0"], "out of range (limit: int, 1.."),
    (["projects_by_period", "-p", "from_year=2018", "-p", "to_year=x"], "is not an integer (to_year: int, 1900..2100"),
    (["projects_by_period", "-p", "from_year=2018", "-p", "to_year=3000"], "out of range"),
    (["projects_by_period", "-p", "from_year=2018"], "needs $to_year (to_year: int, 1900..2100, required"),
    (["partners_of_organisation"], "needs $name (name: text"),
    (["partners_of_organisation", "-p", "name=x", "-p", "nme=y"], "takes no parameter nme"),
])
def test_a_wrong_or_missing_value_is_a_usage_error_naming_the_type(offline, args, expected):
    res = CliRunner().invoke(main, ["query", *args])
    assert res.exit_code == 2, res.output
    assert expected in " ".join(res.output.split())


def test_bool_float_and_choices(offline, tmp_path):
    f = tmp_path / "typed.cypher"
    f.write_text("// title: T\n// description: D\n"
                 "// param: share type=float default=0.5 min=0 max=1 -- a share\n"
                 "// param: strict type=bool default=false -- strictly\n"
                 "// param: role type=text default=owner choices=owner|partner|funder -- which role\n"
                 "RETURN $share AS share, $strict AS strict, $role AS role\n", encoding="utf-8")
    nq = q.parse_query_file(f)
    assert q.typed_params(nq, {}) == {"share": 0.5, "strict": False, "role": "owner"}
    assert q.typed_params(nq, {"share": "0.25", "strict": "ja", "role": "PARTNER"}) == \
        {"share": 0.25, "strict": True, "role": "partner"}
    for arg, expected in [("share=lots", "is not a number"), ("share=nan", "is not a number"),
                          ("share=2", "out of range"), ("strict=maybe", "is not true or false"),
                          ("role=boss", "is not one of owner, partner, funder")]:
        res = CliRunner().invoke(main, ["query", str(f), "-p", arg])
        assert res.exit_code == 2 and expected in res.output, (arg, res.output)


@pytest.mark.parametrize("line, message", [
    ("x type=integer", "type 'integer' is not one of"),
    ("x match=fuzzy", "match fuzzy is not one of"),
    ("x type=int default=many", "the default"),
    ("x colour=red", "cannot read 'colour=red'"),
])
def test_bad_declarations_are_refused(tmp_path, line, message):
    f = tmp_path / "bad.cypher"
    f.write_text(f"// title: T\n// description: D\n// param: {line}\nRETURN $x\n", encoding="utf-8")
    with pytest.raises(q.QueryError, match=message):
        q.parse_query_file(f)


def test_table_wraps_long_cells_or_shows_them_whole():
    long = "Samordningsförbundet " + "och ".join(f"kommun{i} " for i in range(30))
    wrapped = cli._text_table(["forbund", "n"], [[long, 3]], wide=False)
    lines = wrapped.splitlines()
    assert len(lines) > 2 and max(len(line) for line in lines) <= 60 + 2 + 1
    words = [w for line in lines[1:] for w in line.split()]
    assert " ".join(w for w in words if w != "3") == " ".join(long.split())  # every word, in order, none cut
    assert "…" not in wrapped
    whole = cli._text_table(["forbund", "n"], [[long, 3]], wide=True).splitlines()
    assert len(whole) == 2 and long.strip() in whole[1]


@pytest.mark.neo4j
def test_a_förbund_is_found_by_part_of_its_name(seed_graph):
    for name in ("Norra Bohuslän", "norra bohuslän", "Samordningsförbundet Norra Bohuslän"):
        res = CliRunner().invoke(main, ["query", "samordningsforbund_members", "-p", f"name={name}",
                                        "--format", "json"])
        assert res.exit_code == 0, res.output
        found = {json.loads(line)["forbund"] for line in res.output.splitlines() if line.strip()}
        assert "Samordningsförbundet Norra Bohuslän" in found, name
        assert "Samordningsförbundet Väst" not in found  # named only as Norra Bohuslän's successor
    res = CliRunner().invoke(main, ["query", "samordningsforbund_members", "-p", "name=ingen sådan", "--format", "json"])
    assert res.exit_code == 0 and res.output == ""


@pytest.mark.neo4j
def test_cli_types_values_as_declared(seed_graph):
    res = CliRunner().invoke(main, ["query", "projects_by_period", "-p", "from_year=2017", "-p", "to_year=2018",
                                    "-p", "limit=2", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert len(res.output.splitlines()) == 2
    res = CliRunner().invoke(main, ["query", "gaps_in_lan", "-p", "lan=12", "--wide"])  # a code stays text
    assert res.exit_code == 0 and "Skåne län" in res.output
