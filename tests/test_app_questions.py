"""The strategist's questions without Cypher: who brokers between two actors (project links
only), and the missing links filtered by place and target group with a reason per pair."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from analytics import brokers_between, missing_links
from app_pages import pairs
from graph.connection import run_read
from tests.app_fixtures import app, graphs, metrics, no_passwords, shows  # noqa: F401 - fixtures
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture


def test_brokers_are_the_middles_of_the_shortest_chains():
    G = nx.Graph()
    G.add_edge("a", "m", projects=["p1"], project_names=["P1"])
    G.add_edge("m", "b", projects=["p2"], project_names=["P2"])
    G.add_edge("a", "n", projects=["p3"], project_names=["P3"])
    G.add_edge("n", "k", projects=["p4"], project_names=["P4"])
    G.add_edge("k", "b", projects=["p5"], project_names=["P5"])
    r = brokers_between(G, "a", "b")
    assert r["distance"] == 2 and r["paths"] == [["a", "m", "b"]] and r["brokers"] == [("m", 1)]
    assert r["steps"][("a", "m")] == [("p1", "P1")]
    assert brokers_between(G, "a", "zz")["paths"] == []


def test_missing_link_reasons_and_filters():
    activity = [
        {"org_uid": "a", "org_name": "A", "project_uid": "p", "target_keys": ["unga"], "place_codes": ["1280"],
         "seat_codes": []},
        {"org_uid": "b", "org_name": "B", "project_uid": "q", "target_keys": ["unga", "kvinnor"],
         "place_codes": ["1280", "0180"], "seat_codes": []},
        {"org_uid": "c", "org_name": "C", "project_uid": "r", "target_keys": ["kvinnor"], "place_codes": ["0180"],
         "seat_codes": []},
    ]
    links = missing_links(activity, [], [])
    names = {"1280": "Malmö", "0180": "Stockholm"}
    every = pairs.explain(links, activity, labels={"unga": "Unga"}, place_names=names,
                          project_names={"p": "P", "q": "Q", "r": "R"})
    assert sorted(zip(every["organisation A"], every["organisation B"])) == [("A", "B"), ("B", "C")]
    skane = pairs.explain(links, activity, place="12", place_names=names)
    assert list(zip(skane["organisation A"], skane["organisation B"])) == [("A", "B")]
    assert skane["skäl"][0] == ("Båda arbetar med unga i Malmö (A genom «p»; B genom «q») men de delar "
                                "inget projekt.")
    assert pairs.explain(links, activity, group_keys=("kvinnor",))["organisation A"].tolist() == ["B"]
    assert pairs.explain(links, activity, place="1280", group_keys=("kvinnor",)).empty


@pytest.mark.neo4j
def test_paths_page_names_the_broker(app):
    at = app("paths", a="sigtuna-kommun", b="region-skåne")
    assert not at.warning, [w.value for w in at.warning]
    assert "2 led" in at.success[0].value
    brokers = at.dataframe[0].value
    assert brokers["mäklare"].iloc[0] == "Arbetsförmedlingen"
    [graph] = graphs(at)
    assert shows(graph, "Arbetsförmedlingen") and len(graph["nodes"]) == 3


@pytest.mark.neo4j
def test_paths_run_over_projects_not_memberships(app, seed_graph):
    # Malmö stad and Trelleborgs kommun are both members of Skånes Kommuner: a path over any
    # relationship runs through that membership; over projects there is none
    any_path = run_read(seed_graph, """
        MATCH p = shortestPath((:Organization {uid: 'malmö-stad'})-[*..10]-(:Organization {uid: 'trelleborgs-kommun'}))
        RETURN [r IN relationships(p) | type(r)] AS types""")
    assert any_path and "MEMBER_OF" in any_path[0]["types"]
    at = app("paths", a="malmö-stad", b="trelleborgs-kommun")
    assert at.warning and "Ingen kedja av gemensamma projekt" in at.warning[0].value
    assert any("Gemensamt medlemskap" in md.value and "Skånes Kommuner" in md.value for md in at.markdown)


@pytest.mark.neo4j
def test_paths_page_waits_for_two_actors(app):
    at = app("paths")
    assert at.info and at.info[0].value == "Välj två aktörer."
    at.selectbox(key="path_a").set_value("sigtuna-kommun").run()
    at.selectbox(key="path_b").set_value("region-skåne").run()
    assert at.success and at.dataframe[0].value["mäklare"].iloc[0] == "Arbetsförmedlingen"


@pytest.mark.neo4j
def test_missing_links_page_filters_by_place_and_group(app):
    at = app("missing")
    every = int(metrics(at)["Saknade kopplingar"])
    table = at.dataframe[0].value
    assert every == len(table) > 0
    assert {"organisation A", "organisation B", "målgrupper", "platser", "skäl"} <= set(table.columns)
    assert table["skäl"].str.startswith("Båda arbetar med").all()
    at.selectbox(key="missing_county").set_value("12").run()           # Skåne
    skane = at.dataframe[0].value if at.dataframe else pd.DataFrame()
    assert int(metrics(at)["Saknade kopplingar"]) == len(skane) <= every
    stockholm_places = {"Sollentuna", "Sigtuna", "Upplands Väsby", "Stockholm"}
    assert not any(set(p.split(", ")) & stockholm_places for p in skane.get("platser", []))
    at.selectbox(key="missing_group").set_value("foreign_born_women").run()
    assert int(metrics(at)["Saknade kopplingar"]) <= len(skane)
