"""Every page of the Streamlit app on the seed graph (AppTest: headless, no browser).

AppTest does not run the JavaScript of the graph component (app_pages/netview.py); it sees
the nodes and edges sent to it, and a click is the component's value set in the session
state. tests/test_browser.py runs the JavaScript in Chromium.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from app_pages import graphview, views
from tests.app_fixtures import app, document_store, graphs, metrics, no_passwords, shows  # noqa: F401 - fixtures
from tests.fixtures_graph import fingerprint, seed_graph  # noqa: F401 - fixture

pytestmark = pytest.mark.neo4j


def test_overview(app):
    at = app()
    assert at.title[0].value == "Översikt"
    m = metrics(at)
    assert m["Dokument"] == "5" and int(m["Projekt"]) >= 5
    assert m["Kommuner med projekt"].endswith("av 290")
    top = at.dataframe[0].value
    assert top["organisation"].iloc[0] == "Arbetsförmedlingen"
    assert any("Senaste inläsning" in md.value for md in at.markdown)


def test_network_draws_offline_graph_and_filters(app):
    at = app("network")
    m = metrics(at)
    assert int(m["Organisationer"]) >= 10 and int(m["Samverkanslänkar"]) >= 10
    [graph] = graphs(at)
    assert graph["options"]["physics"]["enabled"] is False      # positions precomputed
    assert all("x" in n and "y" in n for n in graph["nodes"])
    assert len(graph["nodes"]) == int(m["Organisationer"]) and len(graph["edges"]) == int(m["Samverkanslänkar"])
    assert shows(graph, "Arbetsförmedlingen") and shows(graph, "Sigtuna kommun")
    # the component's files are served by the app itself: nothing from a CDN
    from app_pages import netview

    index = (netview.component_dir() / "index.html").read_text(encoding="utf-8")
    assert graphview.external_resources(index) == [] and (netview.component_dir() / "vis-network.min.js").is_file()
    # Skåne only: the Malmö projects, not the Stockholm ones
    at.sidebar.selectbox[0].set_value("12").run()             # Län
    assert not at.exception
    [graph] = graphs(at)
    assert shows(graph, "Malmö stad") or shows(graph, "Funktionsstödsförvaltningen")
    assert not shows(graph, "Sigtuna kommun")
    # "open a profile" lists the organisations drawn
    pick = at.selectbox(key="network_pick")
    assert pick.options and len(pick.options) == int(metrics(at)["Organisationer"])


def test_network_kind_filter_and_min_shared(app):
    at = app("network")
    before = int(metrics(at)["Organisationer"])
    at.sidebar.slider[-1].set_value(2).run()                   # min shared projects
    after = int(metrics(at)["Organisationer"])
    assert after < before


def test_actor_profile_shows_facts_with_evidence(app, seed_graph):
    from graph.connection import run_read

    uid = run_read(seed_graph, "MATCH (o:Organization {name: 'Skåne Stadsmission'}) RETURN o.uid AS uid")[0]["uid"]
    at = app("actor", uid=uid)
    assert at.header[0].value == "Skåne Stadsmission"
    projects = at.dataframe[0].value
    assert "Samverkan mot utanförskap" in set(projects["projekt"])
    assert projects["källa"].str.len().gt(0).all()             # every fact names its document
    assert projects["citat"].str.contains("Skåne Stadsmission").any()
    [ego] = graphs(at)                                         # the ego network, with the partners
    assert shows(ego, "Kristianstads kommun") and shows(ego, "Skurups kommun")


def test_actor_profile_of_a_hub(app, seed_graph):
    from graph.connection import run_read

    uid = run_read(seed_graph, "MATCH (o:Organization {name: 'Arbetsförmedlingen'}) RETURN o.uid AS uid")[0]["uid"]
    at = app("actor")
    assert "Arbetsförmedlingen (3 projekt)" in at.selectbox[0].options    # options are shown by name
    at.selectbox[0].set_value(uid).run()
    assert not at.exception
    assert at.header[0].value == "Arbetsförmedlingen"
    assert int(metrics(at)["Samverkanspartner"]) >= 5
    assert at.query_params["uid"]


def test_gaps_heatmap_ranked_list_and_csv(app):
    at = app("gaps")
    assert at.title[0].value == "Täckningsluckor"
    n_gaps, _, total = metrics(at)["Luckor"].split(" ")[0], None, metrics(at)["Luckor"].split()[-2]
    assert int(total) == 21 * 19 and 0 < int(n_gaps) < int(total)
    assert len(at.get("plotly_chart")) == 1
    ranked = at.dataframe[1].value
    assert list(ranked["rang"][:3]) == [1, 2, 3]
    assert len(at.get("download_button")) == 5                 # CSV ×3, the list as Excel and as a report
    at.radio[0].set_value("kommun").run()                      # Skåne's 33 kommuner by default
    assert not at.exception
    assert metrics(at)["Luckor"].endswith(f"av {33 * 19} celler")


def test_map_uses_offline_boundaries(app):
    at = app("map")
    m = metrics(at)
    assert m["Kommuner med projekt"].endswith("av 290")
    chart = at.get("plotly_chart")[0].proto
    assert "white-bg" in chart.spec                             # no tile server
    assert "1280" in chart.spec                                 # Malmö's kommun code


def test_console_runs_a_curated_query(app):
    at = app("console")
    at.selectbox[0].set_value("partners_of_organisation").run()
    assert at.text_input[0].value == "Arbetsförmedlingen"       # the header's example
    assert at.text_input[0].label == "namn"                      # the parameter in Swedish
    at.button[0].click().run()
    assert not at.error, [e.value for e in at.error]
    frame = at.dataframe[0].value
    assert "Försäkringskassan" in set(frame["partner"])
    assert {"organisation", "partner", "typ", "delade projekt"} <= set(frame.columns)   # Swedish headers
    assert "agency" not in set(frame["typ"]) and "Statlig myndighet" in set(frame["typ"])


def test_console_draws_paths_as_a_graph(app):
    at = app("console")
    at.selectbox[0].set_value("__own__").run()
    at.text_area[0].set_value("MATCH p = (o:Organization)-[:OWNS]->(:Project) RETURN p LIMIT 5").run()
    at.button[0].click().run()
    assert not at.error
    assert len(graphs(at)) == 1


@pytest.mark.parametrize("text", ["MATCH (n) DETACH DELETE n", "CREATE (n:Probe) RETURN n",
                                  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
                                  "CALL dbms.listConfig() YIELD name RETURN name"])
def test_console_refuses_writes_and_nothing_changes(app, seed_graph, text):
    before = fingerprint(seed_graph)
    at = app("console")
    at.selectbox[0].set_value("__own__").run()
    at.text_area[0].set_value(text).run()
    at.button[0].click().run()
    assert at.error and "bara att läsa" in at.error[0].value
    assert not at.dataframe
    assert fingerprint(seed_graph) == before


def _values(v) -> list:
    """A plotly array as a list (typed arrays are written as {dtype, bdata})."""
    if isinstance(v, dict) and "bdata" in v:
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).tolist()
    return list(v)


def _spec(at, i=0) -> dict:
    """The chart's figure as plain lists (plotly writes numeric arrays base64-encoded)."""
    import plotly.io as pio

    return pio.from_json(at.get("plotly_chart")[i].proto.spec).to_plotly_json()


def test_gaps_heatmap_labels_every_kommun_in_column_order(app, seed_graph):
    from graph.connection import run_read

    at = app("gaps")
    at.radio[0].set_value("kommun").run()
    fig = _spec(at)
    xaxis = fig["layout"]["xaxis"]
    skane = run_read(seed_graph, "MATCH (m:Municipality {reference: true}) WHERE m.code STARTS WITH '12' "
                                 "RETURN m.name AS name ORDER BY m.code")
    assert xaxis["tickmode"] == "array" and list(xaxis["ticktext"]) == [r["name"] for r in skane]
    assert len(xaxis["ticktext"]) == 33 and list(xaxis["tickvals"]) == list(range(33))
    z = [list(row) for row in fig["data"][0]["z"]]            # rows: target groups, columns: kommuner
    malmo = list(xaxis["ticktext"]).index("Malmö")
    assert sum(row[malmo] for row in z) > 0                   # Malmö's projects sit under "Malmö"
    empty = list(xaxis["ticktext"]).index("Båstad")
    assert sum(row[empty] for row in z) == 0


def _distinct_projects(driver, code: str, keys=None) -> int:
    from graph.connection import run_read

    return run_read(driver, """
        MATCH (p:Project)-[:ACTIVE_IN]->(:Municipality {code: $code})
        WHERE $keys IS NULL OR EXISTS { MATCH (p)-[:TARGETS]->(t:TargetGroup) WHERE t.key IN $keys }
        RETURN count(DISTINCT p) AS n""", {"code": code, "keys": keys})[0]["n"]


def test_map_counts_distinct_projects(app, seed_graph):
    from graph.connection import run_read

    at = app("map")
    fig = _spec(at)
    trace = fig["data"][0]
    counts = dict(zip(_values(trace["locations"]), _values(trace["z"])))
    assert counts["1280"] == _distinct_projects(seed_graph, "1280") == 4   # Malmö: 4 projects, not pairs
    total = run_read(seed_graph, "MATCH (p:Project) WHERE (p)-[:ACTIVE_IN]->(:Municipality) "
                                 "RETURN count(p) AS n")[0]["n"]
    assert metrics(at)["Projekt"] == str(total)
    # "Unga" includes its sub-group "Unga med aktivitetsersättning"
    at.selectbox[0].set_value("young_people").run()
    trace = _spec(at)["data"][0]
    counts = dict(zip(_values(trace["locations"]), _values(trace["z"])))
    expected = _distinct_projects(seed_graph, "1280", ["young_people", "young_activity_compensation"])
    assert expected > _distinct_projects(seed_graph, "1280", ["young_people"])   # the sub-group adds one
    assert counts["1280"] == expected


def test_gaps_counts_are_distinct_projects(app, seed_graph):
    at = app("gaps")
    at.radio[0].set_value("kommun").run()
    ranked = at.dataframe[1].value
    malmo = ranked[ranked["plats"] == "Malmö"]
    assert not malmo.empty and set(malmo["projekt på platsen"]) == {_distinct_projects(seed_graph, "1280")}


def test_gaps_lists_kommuner_without_projects_for_unga(app, seed_graph):
    from graph.connection import run_read

    at = app("gaps")                                          # defaults: Skåne, Unga
    listed = set(at.dataframe[0].value["kommun"])
    have = {r["name"] for r in run_read(seed_graph, """
        MATCH (m:Municipality {reference: true})<-[:ACTIVE_IN]-(p:Project)-[:TARGETS]->(t:TargetGroup)
        WHERE m.code STARTS WITH '12' AND t.key IN ['young_people', 'young_activity_compensation']
        RETURN DISTINCT m.name AS name""")}
    assert have and not listed & have                         # Malmö has a project for unga
    assert len(listed) + len(have) == 33


def test_min_shared_hides_links_sharing_fewer(app):
    from app_pages import common

    at = app("network")
    at.sidebar.slider[-1].set_value(2).run()
    view = common.network(views.NetworkFilters(min_shared=2))
    assert view.graph.number_of_edges() == int(metrics(at)["Samverkanslänkar"])
    assert all(len(d["projects"]) >= 2 for _, _, d in view.graph.edges(data=True))


def test_network_table_in_swedish(app):
    at = app("network")
    cols = set(at.dataframe[0].value.columns)
    assert {"organisation", "typ", "mäklarroll", "inflytande (PageRank)"} <= cols
    assert not cols & {"org_kind", "betweenness", "pagerank", "weighted_degree"}
    assert "municipality_org" not in set(at.dataframe[0].value["typ"])


def test_views_are_pure():
    assert views.result_graph([{"x": 1}]) is None
    frame = views.flat_frame(["n"], [{"n": {"_labels": ["Organization"], "uid": "a", "name": "A"}}])
    assert frame["n"][0] == "(Organisation) A"


# Last: it changes the graph (the seed fixture rebuilds it for the next module).
NEW_DOC = """Nytt samverkansprojekt i Lund

Projektet Vägen vidare drivs av Lunds kommun tillsammans med Arbetsförmedlingen och
Försäkringskassan. Målgruppen är unga med aktivitetsersättning i Lund.
Projektägare: Lunds kommun
Projektperiod: 2023-01-01 – 2025-12-31
"""


def test_load_page_uses_the_cli_loader(app, seed_graph, document_store):
    at = app("load")
    at.file_uploader[0].set_value(("vagen_vidare.txt", NEW_DOC.encode("utf-8"), "text/plain")).run()
    at.button(key="load").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "1 nya" in at.success[0].value
    from graph.connection import run_read

    docs = run_read(seed_graph, "MATCH (d:Document) WHERE d.path ENDS WITH 'vagen_vidare.txt' RETURN d.path AS path")
    assert len(docs) == 1
    # kept in the instance's document store, not in a temporary folder deleted after the load
    stored = Path(docs[0]["path"])
    assert stored.is_file() and document_store in stored.parents
    assert stored.read_text(encoding="utf-8") == NEW_DOC
    # the same file again changes nothing
    at.file_uploader[0].set_value(("vagen_vidare.txt", NEW_DOC.encode("utf-8"), "text/plain")).run()
    at.button(key="load").click().run()
    assert "1 oförändrade" in at.success[0].value
    # "what changed at the last load" is this one upload, not every document of the last hour
    st.cache_data.clear()
    over = app()
    line = next(md.value for md in over.markdown if "Senaste inläsning" in md.value)
    assert line.endswith(": 1 dokument."), line
