"""The app speaks Swedish: no English word in what the pages write (their sources, and what
each page shows on the seed graph), every curated query's title, parameters and columns in
Swedish, no ``None`` in a table cell."""
from __future__ import annotations

import ast
import math
import re

import pytest

from app_pages import sv
from graph import query as q
from samverkan.settings import REPO_ROOT
from tests.app_fixtures import app, no_passwords  # noqa: F401 - fixtures
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture

PAGES = sorted((REPO_ROOT / "app_pages").glob("*.py")) + [REPO_ROOT / "app.py"]

#: words that are English and not Swedish (a UI string holding one is not translated)
ENGLISH = set("""
the and of with for to is are was were not from this that these please click select choose show shows
loading loaded load error errors failed found page pages running run database query queries rows row
unknown document documents upload uploaded download file files search count total projects project
people target targets group groups place places open view missing links link network none yes true false
null name names organisation's organization organizations kind kinds role partners funder funders owner
owners member members stop refresh settings value values default required optional limit
""".split())

#: Streamlit calls whose text a visitor reads, and the keyword arguments that hold such text
UI_CALLS = {"title", "header", "subheader", "caption", "write", "markdown", "info", "warning", "error",
            "success", "toast", "button", "download_button", "selectbox", "multiselect", "radio", "slider",
            "toggle", "checkbox", "text_input", "text_area", "number_input", "file_uploader", "metric", "tabs",
            "page_link", "expander", "spinner", "form_submit_button", "Page", "status", "Column", "TextColumn",
            "page_links", "fact_table", "exports", "show_graph", "db_error_box"}
UI_KEYWORDS = {"label", "help", "placeholder", "title", "empty", "caption", "show_spinner"}


def english_words(text: str) -> set[str]:
    """The English words of a UI string, leaving out code (`…`), URLs, file paths and keys
    (an option ``"kind"`` shown through its ``format_func``)."""
    if re.fullmatch(r"[a-z_]+|[\w./-]+\.(py|csv|xlsx|html)", str(text)):
        return set()
    text = re.sub(r"`[^`]*`", " ", str(text))
    text = re.sub(r"https?://\S+|\{[^}]*\}|:material/\w+:|\$\w+|[A-Z_]{3,}\w*", " ", text)
    return {w for w in re.findall(r"[a-zåäöéü']+", text.lower()) if w in ENGLISH}


def _strings(node) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else " " for v in node.values)]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [s for e in node.elts for s in _strings(e)]
    if isinstance(node, ast.BinOp):
        return _strings(node.left) + _strings(node.right)
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def ui_strings(path) -> list[tuple[int, str]]:
    """(line, text) of every string a UI call in ``path`` shows."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in UI_CALLS:
            for arg in node.args:
                out += [(node.lineno, s) for s in _strings(arg)]
        for kw in node.keywords:
            if kw.arg in UI_KEYWORDS:
                out += [(node.lineno, s) for s in _strings(kw.value)]
    return out


def test_the_detector_catches_english():
    assert english_words("Loading the network …") == {"loading", "the", "network"}
    assert english_words("Läser nätverket …") == set()
    assert english_words("Kör `samverkan load` med PageRank på https://x.se/the") == set()


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_sources_write_no_english(path):
    found = [(line, text) for line, text in ui_strings(path) if english_words(text)]
    assert not found, "\n".join(f"{path.name}:{line}: {text!r} ({', '.join(sorted(english_words(text)))})"
                                for line, text in found)


def test_every_curated_query_has_swedish_words():
    queries = q.load_queries()
    assert set(queries) <= set(sv.QUERIES), f"without a Swedish title: {sorted(set(queries) - set(sv.QUERIES))}"
    for name, named in queries.items():
        title, description = sv.QUERIES[name]
        assert title and description and not english_words(title + " " + description), name
        for param in q.query_parameters(named.text):
            assert param in sv.PARAMS, f"{name}: parameter {param} has no Swedish label"
            label, doc = sv.PARAMS[param]
            assert not english_words(label + " " + doc), param
        for decl in named.declared.values():
            assert not english_words(sv.describe_param(decl)), (name, decl.name)


@pytest.mark.neo4j
def test_every_column_of_the_curated_queries_is_swedish(seed_graph):
    from samverkan.settings import get_settings

    with seed_graph.session(database=get_settings().neo4j_database) as session:
        for name, named in q.load_queries().items():
            keys = session.run("EXPLAIN " + named.text, {p: None for p in q.query_parameters(named.text)}).keys()
            for key in keys:
                header = sv.column(key)
                assert not english_words(header.replace("_", " ")) and "_" not in header, \
                    f"{name}: column {key!r} shows as {header!r}"


def _shown(at) -> list[str]:
    """Every label and text a page shows (not the data in its tables)."""
    texts = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "success"):
        texts += [e.value for e in getattr(at, kind)]
    texts += [m.label for m in at.metric]
    for kind in ("button", "selectbox", "multiselect", "radio", "slider", "toggle", "checkbox", "text_input",
                 "text_area", "number_input"):
        texts += [w.label for w in getattr(at, kind)] + [w.help or "" for w in getattr(at, kind)]
    texts += [t.label for t in at.tabs]
    texts += [b.proto.label for b in at.get("download_button")] + [p.proto.label for p in at.get("page_link")]
    for frame in at.dataframe:
        texts += [str(c) for c in frame.value.columns]
    return texts


PAGE_QUERIES = {"overview": {}, "network": {}, "map": {}, "actor": {"uid": "skåne-stadsmission"},
                "place": {"kod": "1280"}, "target": {"grupp": "foreign_born"}, "project": {"uid": "make-it-work"},
                "source": {}, "gaps": {}, "paths": {"a": "sigtuna-kommun", "b": "region-skåne"}, "missing": {},
                "console": {}, "load": {}}


@pytest.mark.neo4j
@pytest.mark.parametrize("page", sorted(PAGE_QUERIES))
def test_each_page_shows_swedish_and_no_none(app, page):
    at = app(page, **PAGE_QUERIES[page])
    english = {t: english_words(t) for t in _shown(at) if english_words(t)}
    # names of organisations and projects are data; a label of the app is not
    english = {t: w for t, w in english.items() if not _is_data(t)}
    assert not english, english
    for frame in at.dataframe:
        cells = frame.value.astype(object).to_numpy().ravel().tolist()
        assert not [c for c in cells if c is None or (isinstance(c, float) and math.isnan(c)) or c == "None"], \
            f"{page}: a cell shows None"


def _is_data(text: str) -> bool:
    # project names such as "Make it work" appear in page links and captions as themselves
    return text in {"Make it work"} or text.startswith(("Make it work", "Källdokument: "))
