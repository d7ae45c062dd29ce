"""What the app tests share: a fresh AppTest on the seed graph, the document store in a
temporary folder, and readers for what a page shows (metrics, the graphs sent to the
component)."""
from __future__ import annotations

import json

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from samverkan.settings import REPO_ROOT
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture

APP = str(REPO_ROOT / "app.py")


@pytest.fixture
def no_passwords(monkeypatch):
    """The app without passwords (local use: the visitor is a loader), whatever .env says."""
    from samverkan.settings import get_settings

    monkeypatch.setenv("SAMVERKAN_APP_PASSWORD", "")
    monkeypatch.setenv("SAMVERKAN_APP_LOADER_PASSWORD", "")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def app(seed_graph, no_passwords):
    """A fresh AppTest on the seed graph with empty caches, without passwords."""
    st.cache_data.clear()

    def open_page(page: str | None = None, **query) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        for k, v in query.items():
            at.query_params[k] = v
        at.run()
        if page:
            at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_page


@pytest.fixture
def document_store(tmp_path, monkeypatch):
    """The app's document store in a temporary folder (SAMVERKAN_DOCUMENTS)."""
    from samverkan.settings import get_settings

    monkeypatch.setenv("SAMVERKAN_DOCUMENTS", str(tmp_path / "documents"))
    get_settings.cache_clear()
    yield tmp_path / "documents"
    get_settings.cache_clear()


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def graphs(at) -> list[dict]:
    """What each graph component on the page was sent: nodes, edges, options, height."""
    return [json.loads(el.proto.json_args) for el in at.get("component_instance")]


def shows(graph: dict, name: str) -> bool:
    """Whether a node labelled ``name`` is drawn."""
    return any(n["label"] == name for n in graph["nodes"])


