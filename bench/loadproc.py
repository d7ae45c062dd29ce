"""One load of the benchmark corpus, run in its own process so its memory can be measured.

    python -m bench.loadproc --root DIR -n 10000 --jobs 2 [--dry-run] [PATH ...]

Prints one JSON line: seconds, the LoadSummary counts, and the peak RSS (VmHWM) of itself and of
its (reaped) worker processes. ``bench.run`` polls the summed RSS of the process tree
from outside as well.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time


def _vmhwm_kb() -> int | None:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("-n", type=int, required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("extra", nargs="*", help="more paths to load after the corpus (e.g. data/seeds)")
    a = ap.parse_args(argv)
    import logging
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)

    from bench.corpus import corpus_paths
    from loaders.pipeline import load_paths

    paths = [*corpus_paths(a.root, a.n), *a.extra]
    driver = None
    if not a.dry_run:
        from graph.connection import get_driver
        driver = get_driver()
    t0 = time.perf_counter()
    seen = [0]

    def progress(_name: str) -> None:
        seen[0] += 1
        if seen[0] % 1000 == 0:
            rss = (_vmhwm_kb() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) // 1000
            print(f"  loader: {seen[0]} documents, {time.perf_counter() - t0:.0f} s, "
                  f"max RSS {rss} MB", file=sys.stderr, flush=True)

    # where the time goes: the writer's and the hash lookups' share (wall time in this process)
    from graph import documents, writer
    spent = {"write_s": 0.0, "known_uids_s": 0.0}

    def timed(fn, key):
        def wrapper(*args, **kw):
            t = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                spent[key] += time.perf_counter() - t
        return wrapper

    # the loader writes through write_records (whose retries of a failed batch are inside it)
    writer.write_records = timed(writer.write_records, "write_s")
    documents.known_uids = timed(documents.known_uids, "known_uids_s")
    summary = load_paths(paths, driver, dry_run=a.dry_run, jobs=a.jobs, progress=progress)
    seconds = time.perf_counter() - t0
    if driver is not None:
        driver.close()
    out = {
        "seconds": round(seconds, 3),
        "documents": summary.documents, "new": summary.new, "changed": summary.changed,
        "unchanged": summary.unchanged, "failed": summary.failed,
        "nodes_created": summary.nodes_created,
        "relationships_created": summary.relationships_created,
        "errors": summary.errors[:5],
        "write_s": round(spent["write_s"], 3), "known_uids_s": round(spent["known_uids_s"], 3),
        # VmHWM: this process image's own peak (ru_maxrss would keep the high-water mark
        # of the benchmark process it was forked from, which holds the analytics results)
        "maxrss_self_kb": _vmhwm_kb() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "maxrss_children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
