"""The local Neo4j server: the running one, a throw-away instance's life cycle, and the
one-line errors when Java, Maven, Maven Central or a port is missing.

The error-path tests need no network and no server. Tests marked ``neo4j`` use the server
the test command started (settings from the environment) and are skipped without one,
except under CI=true, where a missing server fails them.
"""
from __future__ import annotations

import dataclasses
import os
import shutil
import socket
import stat
from pathlib import Path

import pytest

from graph import server
from graph.server import ServerError
from samverkan.settings import Settings, get_settings


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def _unavailable(reason: str) -> None:
    if _in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _instance(tmp_path: Path, *, cache: Path | None = None, **changes) -> Settings:
    """Settings for a separate instance: own home, own free ports, local URI."""
    bolt = _free_port()
    base = dict(cache=cache or tmp_path / "cache", home=tmp_path / "home", bolt_port=bolt,
                http_port=_free_port(), neo4j_uri=f"bolt://127.0.0.1:{bolt}")
    return dataclasses.replace(get_settings(), **{**base, **changes})


def _assert_one_line(exc: pytest.ExceptionInfo) -> str:
    text = str(exc.value)
    assert text and "\n" not in text and "Traceback" not in text
    return text


@pytest.fixture
def no_java(monkeypatch, tmp_path):
    """An environment whose PATH holds nothing, and no JAVA_HOME / SAMVERKAN_JAVA."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("SAMVERKAN_JAVA", raising=False)
    return empty


def _real_java() -> str:
    try:
        java, _ = server.find_java()
    except ServerError as exc:
        _unavailable(f"needs Java 17 or 21: {exc}")
    return java


# ---------------------------------------------------------------- the running server


@pytest.mark.neo4j
def test_status_of_the_running_server():
    settings = get_settings()
    try:
        info = server.status(settings)
    except ServerError as exc:
        _unavailable(f"no Neo4j server for the tests: {exc}")
    assert info["running"] is True
    assert info["version"].startswith("5.26."), info["version"]
    assert info["uri"] == settings.neo4j_uri
    assert isinstance(info["relationships"], int) and info["relationships"] >= 0
    assert all(isinstance(n, int) and n >= 0 for n in info["labels"].values())
    assert server.is_running(settings)
    if settings.manages_local_server:
        assert info["pid"] == server.server_pid(settings)


@pytest.mark.neo4j
def test_start_when_running_starts_nothing():
    settings = get_settings()
    if not server.is_running(settings):
        _unavailable(f"no Neo4j server answers at {settings.neo4j_uri}")
    pid = server.server_pid(settings)
    message = server.start(settings, timeout=10)
    if settings.manages_local_server:
        assert "already running" in message
        assert server.server_pid(settings) == pid
    else:
        assert "nothing was started" in message


# ---------------------------------------------------------------- a throw-away instance


@pytest.fixture
def cached_jars():
    """The shared jar cache, provided the jars are already there (no download in tests)."""
    settings = get_settings()
    if not (server.lib_dir(settings).parent / server.STAMP).is_file():
        _unavailable(f"Neo4j {settings.neo4j_version} jars are not cached in "
                     f"{settings.cache} (run `python -m graph.server start` once)")
    return settings.cache


@pytest.mark.neo4j
def test_life_cycle_of_a_separate_instance(tmp_path, cached_jars):
    settings = _instance(tmp_path, cache=cached_jars)
    try:
        message = server.start(settings, timeout=180)
        assert message.startswith(f"Neo4j {settings.neo4j_version} running at "
                                  f"bolt://127.0.0.1:{settings.bolt_port}"), message
        pid = server.server_pid(settings)
        assert pid and f"pid {pid}" in message
        conf = (settings.home / "conf" / "neo4j.conf").read_text()
        assert f"server.bolt.listen_address=127.0.0.1:{settings.bolt_port}" in conf
        assert "dbms.security.auth_enabled=true" in conf

        info = server.status(settings)
        assert info["version"] == settings.neo4j_version and info["labels"] == {}

        assert "already running" in server.start(settings)
        assert server.server_pid(settings) == pid

        wrong = dataclasses.replace(settings, neo4j_password="not-the-password")
        with pytest.raises(ServerError) as exc:
            server.status(wrong)
        assert "NEO4J_PASSWORD" in _assert_one_line(exc)
        assert not server.is_running(wrong)
    finally:
        stopped = server.stop(settings)
    assert "stopped" in stopped, stopped
    assert not server.is_running(settings)
    assert not server.pid_file(settings).exists()
    assert "not running" in server.stop(settings)


@pytest.mark.neo4j
def test_a_server_dying_at_start_up_is_reported_with_its_log(tmp_path, cached_jars):
    settings = _instance(tmp_path, cache=cached_jars)
    # a file where Neo4j wants its databases folder makes it exit while starting
    (settings.home / "data").mkdir(parents=True)
    (settings.home / "data" / "databases").write_text("not a folder")
    with pytest.raises(ServerError) as exc:
        server.start(settings, timeout=120)
    text = _assert_one_line(exc)
    assert "exited during start-up" in text and "neo4j.log" in text
    assert server.server_pid(settings) is None


@pytest.mark.neo4j
def test_too_short_password_is_refused_before_start(tmp_path, cached_jars):
    settings = _instance(tmp_path, cache=cached_jars, neo4j_password="short")
    with pytest.raises(ServerError) as exc:
        server.start(settings, timeout=60)
    assert "initial Neo4j password" in _assert_one_line(exc)
    assert server.server_pid(settings) is None


@pytest.mark.neo4j
@pytest.mark.parametrize("password", ["-starts-with-a-dash", "--verbose-looking", "@not-an-argfile"])
def test_a_password_that_looks_like_an_option_is_set_as_given(tmp_path, cached_jars, password):
    # generated passwords are token_urlsafe: one in 64 begins with "-" (CI once drew one)
    settings = _instance(tmp_path, cache=cached_jars, neo4j_password=password)
    server.write_conf(settings)
    java, _ = server.find_java()
    server.set_initial_password(settings, java, server.lib_dir(settings))
    auth = (settings.home / "data" / "dbms" / "auth.ini").read_text(encoding="utf-8")
    assert auth.startswith("neo4j:")


def test_neo4j_admin_failure_is_reported_by_its_reason_without_the_password():
    usage = ("Unknown option: '-secretpw1'\nUsage: neo4j-admin dbms set-initial-password\n"
             "      [--expand-commands] [--verbose] <password>\n"
             "      --verbose   Enable verbose output.\n")
    reason = server._admin_reason(usage, "-secretpw1")
    assert reason == "Unknown option: '***'"
    assert server._admin_reason("", "x") == "no output"
    assert server._admin_reason("something odd happened\n", "x") == "something odd happened"


# ---------------------------------------------------------------- errors, no network


def test_java_missing(tmp_path, no_java):
    with pytest.raises(ServerError) as exc:
        server.start(_instance(tmp_path))
    text = _assert_one_line(exc)
    assert "Java 17 or 21" in text and "found none on PATH" in text
    assert "docker compose up -d" in text and "NEO4J_URI" in text


def test_java_override_that_does_not_exist(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMVERKAN_JAVA", str(tmp_path / "no-such-java"))
    with pytest.raises(ServerError) as exc:
        server.start(_instance(tmp_path))
    assert "SAMVERKAN_JAVA" in _assert_one_line(exc)


def test_java_of_the_wrong_version(tmp_path, monkeypatch):
    fake = tmp_path / "java"
    fake.write_text('#!/bin/sh\necho \'openjdk version "11.0.22" 2024-01-16\' >&2\n')
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("SAMVERKAN_JAVA", str(fake))
    with pytest.raises(ServerError) as exc:
        server.start(_instance(tmp_path))
    text = _assert_one_line(exc)
    assert "is Java 11" in text and "17 or 21" in text


def test_maven_missing(tmp_path, monkeypatch):
    java = _real_java()
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("SAMVERKAN_JAVA", java)
    with pytest.raises(ServerError) as exc:
        server.start(_instance(tmp_path))
    text = _assert_one_line(exc)
    assert "Maven (mvn)" in text and "Maven Central" in text


def test_maven_central_unreachable(tmp_path, monkeypatch):
    """Maven forced offline with an empty cache: reported as Maven Central unreachable,
    and nothing half-downloaded is left to be mistaken for the jars."""
    _real_java()
    if not shutil.which("mvn"):
        _unavailable("needs Maven (mvn)")
    monkeypatch.setenv("SAMVERKAN_MAVEN_OFFLINE", "1")
    settings = _instance(tmp_path)
    with pytest.raises(ServerError) as exc:
        server.start(settings)
    text = _assert_one_line(exc)
    assert f"Could not download Neo4j {settings.neo4j_version} from Maven Central" in text
    assert "offline" in text
    leftovers = [p.name for p in settings.cache.iterdir() if not p.name.endswith(".lock")]
    assert leftovers == []
    assert not settings.home.joinpath("run", "neo4j.pid").exists()


@pytest.mark.parametrize(("output", "expected"), [
    ("[ERROR] Failed to execute goal on project x: Could not resolve dependencies: Could not "
     "transfer artifact org.neo4j:neo4j:pom:5.26.30 from/to central "
     "(https://repo.maven.apache.org/maven2): Unknown host repo.maven.apache.org",
     "from Maven Central"),
    ("[ERROR] Failed to execute goal on project x: Could not resolve dependencies for project "
     "x: Could not find artifact org.neo4j:neo4j:jar:5.26.99 in central",
     "is not on Maven Central"),
])
def test_maven_failures_are_named(output, expected):
    assert expected in str(server._maven_failure("5.26.x", output))


def test_port_in_use_by_something_else(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        settings = _instance(tmp_path, bolt_port=port, neo4j_uri=f"bolt://127.0.0.1:{port}")
        with pytest.raises(ServerError) as exc:
            server.start(settings)
    text = _assert_one_line(exc)
    assert f"Port {port}" in text and "in use" in text and "SAMVERKAN_BOLT_PORT" in text


def test_stale_pid_file_is_never_signalled(tmp_path):
    settings = _instance(tmp_path)
    server.pid_file(settings).parent.mkdir(parents=True)
    server.pid_file(settings).write_text(f"{os.getpid()}\n")  # alive, but not Neo4j
    assert server.server_pid(settings) is None
    assert "not running" in server.stop(settings)
    assert not server.pid_file(settings).exists()


def test_remote_uri_is_only_checked(tmp_path):
    closed = _free_port()
    settings = _instance(tmp_path, neo4j_uri=f"bolt://127.0.0.1:{closed}")
    assert not settings.manages_local_server
    with pytest.raises(ServerError) as exc:
        server.start(settings)
    assert "NEO4J_URI" in _assert_one_line(exc)
    assert "nothing stopped" in server.stop(settings)
    assert not server.is_running(settings)
    assert not (settings.home / "conf").exists()  # nothing was set up for a remote server


def test_a_bad_memory_size_is_refused_before_anything_starts(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMVERKAN_JAVA", _real_java())
    settings = _instance(tmp_path, cache=tmp_path / "no-jars", neo4j_heap="lots")
    (settings.cache / f"neo4j-{settings.neo4j_version}").mkdir(parents=True)
    (settings.cache / f"neo4j-{settings.neo4j_version}" / server.STAMP).write_text("{}")
    with pytest.raises(ServerError) as exc:
        server.start(settings)
    assert "SAMVERKAN_NEO4J_HEAP='lots' is not a memory size" in _assert_one_line(exc)
    assert server.server_pid(settings) is None
