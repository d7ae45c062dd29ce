"""The app's Dubbletter page: the candidates `samverkan review` lists, with "Slå ihop" / "Håll
isär" for inläsare only; a click writes exactly one decision row (who, when) to the decisions
file the CLI uses and the pair leaves the list. Real test Neo4j with two texts of our own
that make one candidate pair, no mocks."""
from __future__ import annotations

import csv

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.app_fixtures import APP

C = ("Nyhet 2023-03-01\nStiftelsen Blå Bryggan i Gnesta driver projektet Vägvisaren tillsammans med "
     "Gnesta kommun.\n")
D = ("Nyhet 2023-04-01\nProjektet Ledstången drivs av Stiftelsen Blå Bryggan Gnesta i samarbete med "
     "Gnesta kommun.\n")

pytestmark = pytest.mark.neo4j


@pytest.fixture
def decisions_file(tmp_path, monkeypatch):
    from samverkan.settings import get_settings

    path = tmp_path / "decisions.csv"
    monkeypatch.setenv("SAMVERKAN_DECISIONS", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


@pytest.fixture
def graph_with_pair(clean_db, decisions_file, tmp_path):
    """Two documents naming one body two ways: a merge candidate `samverkan review` lists."""
    from loaders.pipeline import load_paths

    (tmp_path / "c.txt").write_text(C, encoding="utf-8")
    (tmp_path / "d.txt").write_text(D, encoding="utf-8")
    load_paths([tmp_path / "c.txt", tmp_path / "d.txt"], clean_db)
    return clean_db


def _open(monkeypatch, role=None):
    """The Dubbletter page: without passwords (the visitor may load) or logged in as `role`."""
    from app_pages import auth
    from samverkan.settings import get_settings

    monkeypatch.setenv("SAMVERKAN_APP_PASSWORD", "las-pw" if role else "")
    monkeypatch.setenv("SAMVERKAN_APP_LOADER_PASSWORD", "inlas-pw" if role else "")
    get_settings.cache_clear()
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=120)
    if role:
        at.session_state[auth.ROLE_KEY] = role
    at.run()
    at.switch_page("app_pages/review.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _rows(path):
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _cli_candidates(driver):
    from graph import resolution
    from loaders.decisions import current

    return resolution.candidates(driver, current(), limit=20)


def _buttons(at, label):
    return [b for b in at.button if b.label == label]


def test_loader_sees_the_cli_list_and_a_merge_writes_one_row(graph_with_pair, decisions_file, monkeypatch):
    seed_graph = graph_with_pair
    cands = _cli_candidates(seed_graph)
    assert any({c.a["name"], c.b["name"]} == {"Stiftelsen Blå Bryggan", "Stiftelsen Blå Bryggan Gnesta"}
               for c in cands), [(c.a["name"], c.b["name"]) for c in cands]
    at = _open(monkeypatch)
    text = " ".join(m.value for m in at.markdown)
    first = cands[0]
    assert first.a["name"] in text and first.b["name"] in text
    assert all(r in text for r in first.reasons)            # the same evidence as the CLI
    assert len(_buttons(at, "Slå ihop")) == len(cands) == len(_buttons(at, "Håll isär"))

    _buttons(at, "Slå ihop")[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    rows = _rows(decisions_file)
    assert len(rows) == 1
    row = rows[0]
    assert (row["decision"], row["uid"], row["other_uid"]) == ("merge", first.a["uid"], first.b["uid"])
    assert row["who"] and row["when"]
    assert any("slogs ihop med" in s.value and str(decisions_file) in s.value for s in at.success)
    left = {(c.a["uid"], c.b["uid"]) for c in _cli_candidates(seed_graph)}
    assert (first.a["uid"], first.b["uid"]) not in left      # decided pairs leave the list
    with seed_graph.session() as sess:                     # and the graph has one node for them now
        n = sess.run("MATCH (o:Organization) WHERE o.name STARTS WITH 'Stiftelsen Blå Bryggan' "
                     "RETURN count(o) AS n").single()["n"]
    assert n == 1


def test_keep_apart_writes_one_split_row(graph_with_pair, decisions_file, monkeypatch):
    first = _cli_candidates(graph_with_pair)[0]
    at = _open(monkeypatch)
    _buttons(at, "Håll isär")[0].click().run()
    rows = _rows(decisions_file)
    assert [(r["decision"], r["uid"], r["other_uid"]) for r in rows] == [("split", first.a["uid"], first.b["uid"])]
    assert any("hålls isär från" in s.value for s in at.success)
    assert (first.a["uid"], first.b["uid"]) not in {(c.a["uid"], c.b["uid"]) for c in _cli_candidates(graph_with_pair)}


def test_reader_sees_the_list_without_buttons(graph_with_pair, decisions_file, monkeypatch):
    from samverkan import access

    at = _open(monkeypatch, access.VIEWER)
    first = _cli_candidates(graph_with_pair)[0]
    assert first.a["name"] in " ".join(m.value for m in at.markdown)
    assert not _buttons(at, "Slå ihop") and not _buttons(at, "Håll isär")
    assert any("läsare" in i.value for i in at.info)
    assert _rows(decisions_file) == []
