"""Profiles for every organisation, kommun, target group and project, and clicking a node to
open one (AppTest: the component's click is its value in the session state)."""
from __future__ import annotations

import pytest

from app_pages import places, views
from graph.connection import run_read
from tests.app_fixtures import app, graphs, metrics, no_passwords, shows  # noqa: F401 - fixtures
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture

pytestmark = pytest.mark.neo4j


def _n(driver, cypher: str, **params) -> int:
    return run_read(driver, cypher, params)[0]["n"]


def _click(at, key: str, node: str, nonce: float = 1.0):
    """What the graph component sends when a node is clicked."""
    at.session_state[key] = {"node": node, "nonce": nonce}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_clicking_a_node_in_the_network_opens_its_profile(app):
    at = app("network")
    [graph] = graphs(at)
    uid = next(n["id"] for n in graph["nodes"] if n["label"] == "Skåne Stadsmission")
    _click(at, "network", uid)
    assert at.title[0].value == "Aktörsprofil" and at.header[0].value == "Skåne Stadsmission"
    assert at.query_params["uid"] == [uid] or at.query_params["uid"] == uid


def test_clicking_a_place_or_group_in_an_ego_network_opens_its_page(app):
    at = app("actor", uid="skåne-stadsmission")
    [ego] = graphs(at)
    key = "ego_skåne-stadsmission_1_False"                   # the ego network's component (1 step, no memberships)
    place = next(n["id"] for n in ego["nodes"] if n["id"].startswith("Municipality:"))
    _click(at, key, place)
    assert at.title[0].value == "Kommunprofil"
    at = app("actor", uid="skåne-stadsmission")
    group = next(n["id"] for n in graphs(at)[0]["nodes"] if n["id"].startswith("TargetGroup:"))
    _click(at, key, group)
    assert at.title[0].value == "Målgrupp"


def test_a_funder_without_projects_of_its_own_has_a_profile(app, seed_graph):
    # an organisation of the reference data only: a profile, no projects, no scores
    at = app("actor", uid="allmänna-arvsfonden")
    assert not at.exception
    assert at.header[0].value == "Allmänna arvsfonden"
    m = metrics(at)
    assert m["Projekt"] == "0" and m["Mäklarroll"] == "–"
    # every organisation is listed, not only those with projects
    assert len(at.selectbox[0].options) == _n(seed_graph, "MATCH (o:Organization) RETURN count(o) AS n")


def test_the_ego_network_includes_partners(app, seed_graph):
    at = app("actor", uid="arbetsförmedlingen")
    [ego] = graphs(at)
    partners = {r["name"] for r in run_read(seed_graph, """
        MATCH (:Organization {uid: 'arbetsförmedlingen'})-[:OWNS|FUNDS|PARTNER_IN]->(:Project)
              <-[:OWNS|FUNDS|PARTNER_IN]-(x:Organization) RETURN DISTINCT x.name AS name""")}
    assert partners and all(shows(ego, name) for name in partners)


def test_place_page_of_malmo(app, seed_graph):
    at = app("place", kod="1280")
    assert at.header[0].value == "Malmö"
    m = metrics(at)
    assert m["Projekt verksamma här"] == str(_n(seed_graph, """
        MATCH (p:Project)-[:ACTIVE_IN]->(:Municipality {code: '1280'}) RETURN count(DISTINCT p) AS n""")) == "4"
    assert m["Aktörer med säte här"] == str(_n(seed_graph, """
        MATCH (o:Organization)-[:LOCATED_IN]->(:Municipality {code: '1280'}) RETURN count(DISTINCT o) AS n"""))
    assert m["Aktörer i projekten"] == str(_n(seed_graph, """
        MATCH (o:Organization)-[:OWNS|FUNDS|PARTNER_IN]->(:Project)-[:ACTIVE_IN]->(:Municipality {code: '1280'})
        RETURN count(DISTINCT o) AS n"""))
    covered, total = m["Målgrupper med projekt"].split(" av ")
    assert int(total) == _n(seed_graph, "MATCH (t:TargetGroup) RETURN count(t) AS n") and 0 < int(covered) < int(total)
    frames = {tuple(d.value.columns): d.value for d in at.dataframe}
    projects = next(f for cols, f in frames.items() if "projektägare" in cols)
    assert set(projects["projekt"]) >= {"Make it work", "Malmökraften"}
    assert projects["källa"].str.len().gt(0).all()             # every fact names its document
    forbund = next(f for cols, f in frames.items() if "förbund" in cols)
    assert "Finsam i Malmö" in set(forbund["förbund"])
    neighbours = next(f for cols, f in frames.items() if cols == ("kommun", "län", "projekt"))
    assert {"Burlöv", "Vellinge", "Svedala"} <= set(neighbours["kommun"])
    without = next(f for cols, f in frames.items() if "projekt i grannkommuner" in cols)
    assert len(without) == int(total) - int(covered)
    [graph] = graphs(at)
    assert shows(graph, "Malmö") and shows(graph, "Make it work")
    # every kommun has a page, also one without anything loaded
    at = app("place", kod="2584")                                # Kiruna
    assert at.header[0].value == "Kiruna" and metrics(at)["Projekt verksamma här"] == "0"
    assert len(at.selectbox[0].options) == 290


def test_neighbours_are_symmetric_and_real():
    assert set(places.neighbours("1280")) >= {"1231", "1233", "1263"}        # Malmö: Burlöv, Vellinge, Svedala
    assert "1287" in places.neighbours("1263") and "1263" in places.neighbours("1287")
    assert places.neighbours("0980") == ()                                     # Gotland
    assert all(a in places.neighbours(b) for a in ("0180", "1280") for b in places.neighbours(a))


def test_target_group_page_includes_sub_groups(app, seed_graph):
    at = app("target", grupp="foreign_born")
    assert at.header[0].value == "Utrikes födda"
    assert "Utrikes födda kvinnor" in at.caption[0].value     # its sub-group
    expected = _n(seed_graph, """
        MATCH (p:Project)-[:TARGETS]->(t:TargetGroup) WHERE t.key IN ['foreign_born', 'foreign_born_women']
        RETURN count(DISTINCT p) AS n""")
    assert metrics(at)["Projekt"] == str(expected)
    assert expected > _n(seed_graph, "MATCH (p:Project)-[:TARGETS]->(:TargetGroup {key: 'foreign_born'}) "
                                     "RETURN count(DISTINCT p) AS n")
    m = metrics(at)
    assert m["Kommuner med projekt"].endswith("av 290") and m["Län med projekt"].endswith("av 21")


def test_project_page(app):
    at = app("project", uid="make-it-work")
    assert at.header[0].value == "Make it work"
    members = at.dataframe[0].value
    assert {"Funktionsstödsförvaltningen", "Arbetsförmedlingen", "Försäkringskassan"} <= set(members["organisation"])
    assert "äger" in set(members["roll"]) and "finansierar" in set(members["roll"])
    assert metrics(at)["Kommuner"] == "1"


def test_page_for_node_ids():
    assert views.page_for("Organization:malmö-stad") == ("profil", {"uid": "malmö-stad"})
    assert views.page_for("Project:2016/00112") == ("projekt", {"uid": "2016/00112"})
    assert views.page_for("TargetGroup:young_people") == ("malgrupp", {"grupp": "young_people"})
    assert views.page_for("Person:anna-berg") is None
    assert views.page_for("1280", "Municipality") == ("plats", {"kod": "1280"})


def test_profile_exports(app):
    at = app("place", kod="1280")
    downloads = {b.proto.label: b for b in at.get("download_button")}
    assert {"Ladda ner som Excel", "Rapport för utskrift (HTML)"} <= set(downloads)
