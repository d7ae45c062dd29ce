"""Measuring helpers with no dependencies: CPU contention, process-tree RSS, percentiles.

All readings come from ``/proc`` (Linux), so nothing needs psutil.
"""
from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass, field

CLK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0..100) by linear interpolation between closest ranks."""
    if not values:
        return float("nan")
    xs = sorted(values)
    k = (len(xs) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def _machine_busy_jiffies() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot."""
    with open("/proc/stat") as f:
        parts = f.readline().split()[1:]
    vals = [int(x) for x in parts[:8]]
    idle = vals[3] + vals[4]  # idle + iowait
    total = sum(vals)
    return total - idle, total


def _proc_cpu_jiffies(pid: int, with_children: bool = False) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            data = f.read()
    except OSError:
        return 0
    fields = data[data.rindex(")") + 2:].split()
    # fields[11..14] = utime, stime, cutime, cstime (stat fields 14..17)
    t = int(fields[11]) + int(fields[12])
    if with_children:
        t += int(fields[13]) + int(fields[14])
    return t


def _children_map() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                data = f.read()
        except OSError:
            continue
        ppid = int(data[data.rindex(")") + 2:].split()[1])
        out.setdefault(ppid, []).append(int(name))
    return out


def descendants(pid: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += kids.get(p, [])
    return out


def rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except OSError:
        return 0


@dataclass
class CpuWindow:
    """CPU use during a stage: the whole machine, this benchmark, and everyone else.

    ``others_cores`` is the average number of cores busy with processes that are neither
    this benchmark (its process and reaped children) nor the Neo4j server it measures -
    other engineers' tests, builds and servers on a shared machine.
    """

    server_pid: int | None = None
    t0: float = 0.0
    m0: tuple[int, int] = (0, 0)
    own0: int = 0
    srv0: int = 0
    load0: float = 0.0
    result: dict = field(default_factory=dict)

    def __enter__(self) -> "CpuWindow":
        self.t0 = time.perf_counter()
        self.m0 = _machine_busy_jiffies()
        self.own0 = _proc_cpu_jiffies(os.getpid(), True)
        self.srv0 = _proc_cpu_jiffies(self.server_pid) if self.server_pid else 0
        self.load0 = os.getloadavg()[0]
        return self

    def __exit__(self, *exc) -> None:
        wall = time.perf_counter() - self.t0
        busy1, _ = _machine_busy_jiffies()
        own = _proc_cpu_jiffies(os.getpid(), True) - self.own0
        srv = (_proc_cpu_jiffies(self.server_pid) - self.srv0) if self.server_pid else 0
        busy = busy1 - self.m0[0]
        secs = max(wall, 1e-9)
        # a server that ended inside the window has no CPU time to read at its end: its
        # share (and so the others') is unknown, not negative
        split = srv >= 0
        self.result = {
            "wall_s": round(wall, 3),
            "machine_cores_busy": round(busy / CLK / secs, 2),
            "bench_cores": round(own / CLK / secs, 2),
            "neo4j_cores": round(srv / CLK / secs, 2) if split else None,
            "others_cores": round(max(0.0, (busy - own - srv) / CLK / secs), 2) if split else None,
            "loadavg_1m_start": round(self.load0, 2),
        }


class TreeRss:
    """Poll the summed RSS of a process and its descendants (pool workers) until it ends."""

    def __init__(self, proc: subprocess.Popen, interval: float = 0.2, guard=None):
        self.proc, self.interval, self.guard = proc, interval, guard
        self.peak_tree = 0
        self.peak_main = 0
        self.stopped: str | None = None
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self) -> None:
        n = 0
        while self.proc.poll() is None:
            n += 1
            if self.guard is not None and n % 25 == 0:  # every ~5 s
                why = self.guard()
                if why:
                    self.stopped = why
                    for pid in reversed(descendants(self.proc.pid)):
                        try:
                            os.kill(pid, 15)
                        except OSError:
                            pass
                    break
            pids = descendants(self.proc.pid)
            main = rss_bytes(self.proc.pid)
            total = sum(rss_bytes(p) for p in pids)
            self.peak_main = max(self.peak_main, main)
            self.peak_tree = max(self.peak_tree, total)
            time.sleep(self.interval)

    def join(self) -> None:
        self._t.join()


def mb(nbytes: float) -> float:
    return round(nbytes / 1e6, 1)
