"""Source documents: the page per document with its text and the evidence marked, the
document store that keeps uploads, and finding a quote in its text."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app_pages import evidence
from graph.connection import run_read
from samverkan import docstore
from tests.app_fixtures import app, document_store, no_passwords  # noqa: F401 - fixtures
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture


# --- pure -----------------------------------------------------------------------------------

def test_locate_finds_quotes_across_line_breaks_and_cuts():
    text = "Namn:\nSamverkan mot utanförskap\nProjektägare:\n\nSkåne Stadsmission\nAnna Berg leder projektet i Malmö."
    assert [text[a:b] for a, b in evidence.locate(text, "Projektägare: Skåne Stadsmission")] == \
        ["Projektägare:\n\nSkåne Stadsmission"]
    # the privacy cut replaced the name: the rest is still found
    spans = evidence.locate(text, "[removed] leder projektet i Malmö.")
    assert [text[a:b] for a, b in spans] == ["leder projektet i Malmö"]
    assert evidence.locate(text, "Helt annan text som inte finns här") == []


def test_marked_html_escapes_the_text():
    html = evidence.marked_html("<script>x</script> Malmö", [(19, 24, "q", False)])
    assert "<script>" not in html and "&lt;script&gt;" in html and '<mark id="q">Malmö</mark>' in html


def test_safe_names_stay_in_the_store(tmp_path):
    for name in ("../../x.txt", "/etc/passwd", "..", "a\x00b.txt", "C:\\temp\\rapport.pdf"):
        path = docstore.store_upload(name, b"text", home=tmp_path)
        assert (tmp_path / "documents" / "uploads") in path.parents and path.parent.parent.name == "uploads"
    assert docstore.safe_name("C:\\temp\\rapport.pdf") == "rapport.pdf"


def test_store_keeps_each_content_once_and_two_versions_apart(tmp_path):
    a = docstore.store_upload("plan.txt", b"version 1", home=tmp_path, url="https://example.se/plan")
    again = docstore.store_upload("plan.txt", b"version 1", home=tmp_path)
    b = docstore.store_upload("plan.txt", b"version 2", home=tmp_path)
    assert a == again and a != b and a.read_bytes() == b"version 1" and b.read_bytes() == b"version 2"
    assert a.parent.name == hashlib.sha256(b"version 1").hexdigest()[:16]
    info = docstore.upload_info(str(a), home=tmp_path)
    assert info["original_name"] == "plan.txt" and info["bytes"] == 9
    assert docstore.upload_info("/somewhere/else.txt", home=tmp_path) is None
    with pytest.raises(ValueError):
        docstore.check_url("javascript:alert(1)")


def test_document_text_is_checked_against_the_document_id(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Malmö stad driver projektet.\n", encoding="utf-8")
    uid = hashlib.sha256("Malmö stad driver projektet.".encode()).hexdigest()
    from loaders.readers import read_document

    [doc] = read_document(path)
    assert docstore.document_text(doc.sha256, str(path)).text == doc.text
    path.write_text("Något annat.\n", encoding="utf-8")          # changed since the load
    got = docstore.document_text(doc.sha256, str(path))
    assert got.text is None and "ändrats" in got.problem
    assert docstore.document_text(uid, str(tmp_path / "borta.txt")).problem.startswith("filen finns inte")


# --- the page ----------------------------------------------------------------------------------

@pytest.mark.neo4j
def test_source_page_shows_the_text_with_the_evidence_marked(app, seed_graph):
    doc = run_read(seed_graph, """
        MATCH (:Organization {uid: 'skåne-stadsmission'})-[r:OWNS]->(:Project) RETURN r.doc_uids[0] AS uid,
               r.evidence[0] AS quote""")[0]
    at = app("source", dok=doc["uid"], citat=evidence.quote_id(doc["quote"]))
    assert at.title[0].value == "Källdokument"
    htmls = [h.proto.body for h in at.get("html")]
    excerpt = next(h for h in htmls if "source-excerpt" in h)
    assert '<mark class="chosen"' in excerpt and "Skåne Stadsmission" in excerpt
    text = next(h for h in htmls if "source-text" in h)
    assert text.count("<mark") >= 3 and 'class="chosen"' in text     # every quote marked, the chosen one apart
    facts = at.dataframe[0].value
    assert {"relation", "från", "till", "citat", "stöd", "i texten"} <= set(facts.columns)
    assert (facts["i texten"] == "ja").mean() > 0.8                  # the stored quotes are found in the text
    assert "data/seeds/002_bb0d9fcb3cec7a01.txt" in " ".join(c.value for c in at.caption)


@pytest.mark.neo4j
def test_every_fact_on_a_profile_names_a_source_document_that_has_a_page(app, seed_graph):
    at = app("actor", uid="skåne-stadsmission")
    docs = {r["uid"] for r in run_read(seed_graph, "MATCH (d:Document) RETURN d.uid AS uid")}
    # the tables carry the document of each row (a click opens it): check the frame behind them
    from app_pages import common, views

    profile = common.actor_profile("skåne-stadsmission")
    frame = views.projects_frame(profile["projects"])
    assert set(frame["_doc"]) <= docs and frame["_doc"].notna().all()
    at = app("source", dok=frame["_doc"].iloc[0])
    assert not at.warning and at.header[0].value


@pytest.mark.neo4j
def test_an_uploaded_document_keeps_its_text_and_address(app, seed_graph, document_store):
    text = ("Vägen vidare i Lund\n\nProjektet Vägen vidare drivs av Lunds kommun tillsammans med "
            "Arbetsförmedlingen. Målgruppen är unga med aktivitetsersättning i Lund.\n")
    at = app("load")
    at.file_uploader[0].set_value(("vagen.txt", text.encode("utf-8"), "text/plain")).run()
    at.text_input(key="upload_url").input("https://lund.se/vagen-vidare").run()
    at.button(key="load").click().run()
    assert not at.error, [e.value for e in at.error]
    [doc] = run_read(seed_graph, "MATCH (d:Document) WHERE d.path ENDS WITH 'vagen.txt' RETURN d.uid AS uid, "
                                 "d.path AS path")
    assert document_store in Path(doc["path"]).parents
    at = app("source", dok=doc["uid"])
    assert any("lund.se/vagen-vidare" in md.value for md in at.markdown)
    assert any("Vägen vidare drivs av Lunds kommun" in h.proto.body for h in at.get("html"))
    assert any("dokumentarkiv" in c.value for c in at.caption)


@pytest.mark.neo4j
def test_source_page_without_the_file_shows_what_the_graph_stores(app, seed_graph, tmp_path):
    from app_pages import common
    from samverkan.docstore import DocumentText

    uid = run_read(seed_graph, "MATCH (d:Document) RETURN d.uid AS uid ORDER BY uid LIMIT 1")[0]["uid"]
    # the page when the file has moved when the file has moved: the quotes and mentions, and why there is no text
    import samverkan.docstore as ds

    real = ds.document_text
    try:
        ds.document_text = lambda u, p: DocumentText(None, "filen finns inte längre där den lästes in (x)")
        common.document_text.clear()
        at = app("source", dok=uid)
        assert at.info and "filen finns inte längre" in at.info[0].value
        assert len(at.dataframe[0].value) > 0                        # the facts and their quotes
    finally:
        ds.document_text = real
        common.document_text.clear()


@pytest.mark.neo4j
def test_source_page_lists_documents_to_choose_from(app, seed_graph):
    n = run_read(seed_graph, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
    at = app("source")
    assert any(f"{n} dokument" in md.value for md in at.markdown)
    assert len(at.get("page_link")) == n
