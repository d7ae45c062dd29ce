"""Sharing the app: `samverkan app --host` refuses an open address without a password, the
login, and the two roles (viewers explore and query, loaders also upload and analyse)."""
from __future__ import annotations

import pytest
import streamlit as st
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from samverkan import access
from samverkan.cli import main
from samverkan.settings import get_settings
from tests.app_fixtures import APP
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture

VIEWER, LOADER = "läs-hemlis-1", "ladda-hemlis-2"


@pytest.fixture
def passwords(monkeypatch):
    """Set the app's passwords (``None`` unsets one, whatever .env says)."""
    def set_(viewer: str | None = VIEWER, loader: str | None = LOADER) -> None:
        monkeypatch.setenv("SAMVERKAN_APP_PASSWORD", viewer or "")
        monkeypatch.setenv("SAMVERKAN_APP_LOADER_PASSWORD", loader or "")
        get_settings.cache_clear()

    yield set_
    get_settings.cache_clear()


@pytest.fixture
def started(monkeypatch):
    """What `samverkan app` would start: the argv given to subprocess.call (nothing runs)."""
    import subprocess

    calls = []
    monkeypatch.setattr(subprocess, "call", lambda argv, *a, **k: calls.append(argv) or 0)
    return calls


# --- the command ----------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_app_refuses_an_open_address_without_a_password(passwords, started, host):
    passwords(None, None)
    result = CliRunner().invoke(main, ["app", "--host", host])
    assert result.exit_code == 1 and not started
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: refusing to listen on")
    assert "SAMVERKAN_APP_PASSWORD" in lines[0]


def test_app_starts_on_an_open_address_with_a_password(passwords, started):
    passwords()
    result = CliRunner().invoke(main, ["app", "--host", "0.0.0.0", "--port", "8622"])
    assert result.exit_code == 0, result.output
    [argv] = started
    assert argv[argv.index("--server.address") + 1] == "0.0.0.0"
    assert argv[argv.index("--server.port") + 1] == "8622"


def test_app_on_this_machine_needs_no_password(passwords, started):
    passwords(None, None)
    result = CliRunner().invoke(main, ["app"])
    assert result.exit_code == 0 and started[0][started[0].index("--server.address") + 1] == "127.0.0.1"


@pytest.mark.parametrize("viewer, loader, problem", [
    ("samma", "samma", "same_passwords"),
    (None, "bara-inläsare", "loader_without_viewer"),
])
def test_app_refuses_passwords_that_break_the_roles(passwords, started, viewer, loader, problem):
    passwords(viewer, loader)
    result = CliRunner().invoke(main, ["app"])
    assert result.exit_code == 1 and not started
    assert result.output.strip() == "error: " + access.problem_text(problem, "127.0.0.1")


def test_roles_from_passwords(passwords):
    passwords()
    s = get_settings()
    assert access.role_for(LOADER, s) == access.LOADER
    assert access.role_for(VIEWER, s) == access.VIEWER
    assert access.role_for("fel", s) is None and access.role_for("", s) is None
    assert access.may_load(access.LOADER) and not access.may_load(access.VIEWER)
    assert "hemlis" not in repr(s)                      # passwords are not printed with the settings
    passwords(VIEWER, None)                             # no loader password: nobody loads in the app
    assert access.role_for(LOADER, get_settings()) is None


def test_throttle_blocks_after_many_failures():
    t = access.Throttle(limit=3, window=60)
    for now in (0, 1, 2):
        assert not t.blocked(now)
        t.failed(now)
    assert t.blocked(3) and not t.blocked(62.5)


# --- the app ------------------------------------------------------------------------------


def _open(page: str | None = None, **query) -> AppTest:
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _login(at: AppTest, password: str) -> AppTest:
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()      # the form's submit button
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.neo4j
def test_a_password_asks_for_a_login_before_any_page(seed_graph, passwords):
    passwords()
    at = _open(None, uid="skåne-stadsmission")
    assert at.title[0].value == "Samverkan" and not at.metric and not at.dataframe
    assert at.text_input(key="login_password").label == "Lösenord"
    _login(at, "gissning")
    assert at.error and at.error[0].value == "Fel lösenord."
    assert not at.metric


@pytest.mark.neo4j
def test_a_viewer_explores_but_is_refused_the_upload_page(seed_graph, passwords):
    passwords()
    at = _login(_open(), VIEWER)
    assert at.title[0].value == "Översikt" and at.metric
    assert "läsare" in " ".join(c.value for c in at.sidebar.caption)
    at.switch_page("app_pages/console.py").run()             # queries: allowed
    at.selectbox[0].set_value("partners_of_organisation").run()
    at.button[0].click().run()
    assert not at.error and at.dataframe
    at.switch_page("app_pages/load.py").run()                # uploads and analysis: refused
    assert at.warning and "Bara inläsare" in at.warning[0].value
    assert not at.get("file_uploader") and not [b for b in at.button if b.key in ("analyze", "load")]


@pytest.mark.neo4j
def test_a_loader_may_upload_and_analyse(seed_graph, passwords):
    passwords()
    at = _login(_open(), LOADER)
    at.switch_page("app_pages/load.py").run()
    assert not at.warning
    assert at.get("file_uploader") and at.button(key="analyze").label == "Kör analysen"
    at.button(key="logout").click().run()                    # logging out asks again
    assert at.text_input(key="login_password")


@pytest.mark.neo4j
def test_without_passwords_the_local_visitor_is_a_loader(seed_graph, passwords):
    passwords(None, None)
    at = _open("load")
    assert at.get("file_uploader") and not at.warning


@pytest.mark.neo4j
def test_the_app_itself_refuses_an_open_address_without_a_password(seed_graph, passwords, monkeypatch):
    # `streamlit run app.py --server.address 0.0.0.0`, past the command's check
    from app_pages import auth

    passwords(None, None)
    real = st.get_option
    monkeypatch.setattr(auth.st, "get_option", lambda k: "0.0.0.0" if k == "server.address" else real(k))
    at = _open()
    assert at.error and "inget lösenord" in at.error[0].value and not at.metric
