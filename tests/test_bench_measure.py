"""The benchmark's CPU split: a server stopped inside a window, and where --stop-server stops it."""
from __future__ import annotations

import subprocess
import sys
import time

from bench import measure, run
from bench.measure import CpuWindow


def _busy_child() -> subprocess.Popen:
    # burns ~0.3 s of CPU, then waits: CPU time on the clock before the window opens
    code = "import sys,time\nt=time.process_time()\nwhile time.process_time()-t<0.3: pass\nprint('ok',flush=True)\nsys.stdin.read()"
    p = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ok"
    return p


def test_a_server_that_ends_inside_the_window_has_no_split_not_a_negative_one():
    p = _busy_child()
    assert measure._proc_cpu_jiffies(p.pid) > 0
    with CpuWindow(p.pid) as w:
        p.kill()
        p.wait()  # reaped: nothing left to read at the window's end
    assert w.result["neo4j_cores"] is None and w.result["others_cores"] is None
    assert w.result["bench_cores"] >= 0


def test_a_live_server_gets_its_share():
    p = _busy_child()
    try:
        with CpuWindow(p.pid) as w:
            time.sleep(0.05)
        assert w.result["neo4j_cores"] is not None and w.result["neo4j_cores"] >= 0
        assert w.result["others_cores"] is not None and w.result["others_cores"] >= 0
    finally:
        p.kill()
        p.wait()


def test_stop_server_comes_after_the_last_stage_window(tmp_path, monkeypatch):
    from graph import server

    events: list[str] = []
    monkeypatch.delenv("BENCH_NEO4J_URI", raising=False)
    monkeypatch.setattr(server, "stop", lambda *a, **k: events.append("stop") or "stopped")

    class Window:  # records when each stage's window closes
        def __init__(self, pid):
            self.result = {}

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            events.append("window closed")

    monkeypatch.setattr(run, "CpuWindow", Window)
    b = run.Bench(run.parse_args(["--stop-server", "--sizes", "10,20", "--out", str(tmp_path / "r.json")]))

    class Driver:
        def close(self):
            events.append("driver closed")

    b.driver = Driver()
    for name in ("extract", "table_rows", "connect", "writer_vs_naive", "load", "bulk_import", "analytics",
                 "queries", "betweenness_error", "analytics_synthetic", "render_network"):
        monkeypatch.setattr(b, name, lambda *a, _n=name, **k: events.append(_n) or {})
    b.run_stages()
    assert events[-1] == "stop" and events.count("stop") == 1
    assert events[-3:] == ["render_network", "window closed", "stop"]
    assert b.server_pid is None
