"""The network page in real headless Chromium: the graph canvas is drawn, with nothing fetched
from the internet. Screenshots are kept in tests/artifacts/.

Needs Debian's ``chromium`` and ``playwright-core`` in tests/browser (``make browser-deps``).
Without them the test is skipped, except under CI=true, where that is a failure.
Set SAMVERKAN_SCREENSHOTS=docs/screenshots to also refresh the README's screenshots.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from samverkan.settings import REPO_ROOT
from tests.fixtures_graph import seed_graph  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

BROWSER_DIR = REPO_ROOT / "tests" / "browser"
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"


def _chromium() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _missing() -> str | None:
    if not _chromium():
        return "chromium is not installed (apt-get install -y chromium, or `make browser-deps`)"
    if not shutil.which("node"):
        return "node is not installed"
    if not (BROWSER_DIR / "node_modules" / "playwright-core").is_dir():
        return "playwright-core is missing: cd tests/browser && npm install"
    return None


@pytest.fixture(scope="module")
def browser_ready():
    reason = _missing()
    if reason:
        if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return _chromium()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(browser_ready, seed_graph):
    """A Streamlit server for app.py on a free port, against the test Neo4j."""
    port = _free_port()
    log = (ARTIFACTS / "streamlit.log")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "app.py"), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false"],
            cwd=REPO_ROOT, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail(f"streamlit did not start; see {log}", pytrace=False)
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def snap(url: str, out: Path, *flags: str) -> dict:
    cmd = ["node", str(BROWSER_DIR / "snap.mjs"), "--url", url, "--out", str(out), "--chromium", _chromium(),
           "--timeout", "150000", *flags]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=240, cwd=BROWSER_DIR)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"snap.mjs printed nothing: {done.stderr[-2000:]}"
    result = json.loads(lines[-1])
    assert result["ok"], result
    return result


def _keep(shot: Path) -> None:
    target = os.environ.get("SAMVERKAN_SCREENSHOTS")
    if target:
        dest = (REPO_ROOT / target) if not Path(target).is_absolute() else Path(target)
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, dest / shot.name)


def test_network_page_draws_the_graph_canvas(app_url):
    shot = ARTIFACTS / "network.png"
    t0 = time.perf_counter()
    result = snap(app_url + "/natverk", shot, "--canvas")
    seconds = time.perf_counter() - t0
    assert not result["exceptions"] and not result["errors"], result
    canvas = result["canvas"]
    assert canvas["width"] > 300 and canvas["height"] > 300
    assert canvas["nodes"] >= 10                       # vis-network's DataSet of the seed network
    assert canvas["nonBlank"] > 2000                   # something was actually drawn
    assert result["externalRequests"] == []            # works offline: no CDN
    assert shot.stat().st_size > 20_000
    (ARTIFACTS / "network.json").write_text(json.dumps(result | {"seconds": round(seconds, 1)}, indent=2))
    _keep(shot)


def test_gaps_page_renders_the_heatmap(app_url):
    shot = ARTIFACTS / "gaps.png"
    result = snap(app_url + "/luckor", shot, "--plot")
    assert not result["exceptions"] and not result["errors"], result
    assert result["plots"] >= 1
    assert result["externalRequests"] == []
    _keep(shot)
