"""Run the benchmarks of issue 5 in one go, print a table, save JSON under ``bench/results/``.

    python -m bench.run                 # full: 10k end to end, 50k for queries/analytics/memory
    python -m bench.run --quick         # small: 500 / 1,000 documents, a couple of minutes
    python -m bench.run --sizes 2000,5000 --no-db
    python -m bench.run --report [bench/results/bench-….json]   # the table of a (partial) run

Stages (each is timed with the CPU use of the machine, of the benchmark, of Neo4j and of
everybody else, so contention on a shared machine shows in the results):

1. corpus      generate (or reuse) the synthetic corpus (``bench.corpus``);
2. extract     read + extract, documents/s on 1 process and on ``--jobs`` processes;
3. writer      ``graph.writer.write_record`` vs the naive baseline (``bench.naive``) on the
               same records, same server, both on an empty graph with the reference data;
4. load        end to end at the first size (read, extract, resolve, write; a subprocess,
               whose process-tree RSS is polled), then a reload of the same unchanged files;
5. analytics   projection + ``analytics.analyze`` (+ writing the scores) on that graph;
   bulk        the graph of that load exported to CSV and imported with ``neo4j-admin
               database import full`` into a scratch home (``bench.bulk``): the ceiling the
               writer is compared against;
6. big         a fresh load at the last size (subprocess, RSS), analytics on it, the error
               of sampled betweenness against exact on a smaller graph, and every curated
               query in ``queries/`` (p50/p95 over repeated runs, plus PROFILE db hits).

The benchmark uses its own Neo4j instance (``~/.cache/samverkan/bench-instance``, Bolt 7690,
HTTP 7477), which it starts if needed and **wipes**; it never touches the demo or test
instances. ``BENCH_NEO4J_URI`` points it at another server instead (also wiped).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import secrets
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from bench import measure
from bench.measure import CpuWindow, TreeRss, mb, percentile

WARMUP_DOCS = 30
REPO = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
BENCH_HOME = Path.home() / ".cache" / "samverkan" / "bench-instance"

GOALS = {
    "writer_ratio": 30.0,          # writer >= 30x naive
    "e2e_10k_s": 60.0,             # 10k documents end to end <= 60 s
    "reload_ratio": 10.0,          # reload >= 10x faster than the first load
    "rss_ratio": 1.5,              # peak RSS at 50k <= 1.5x at 10k
    "query_p95_ms": 100.0,         # every curated query p95 <= 100 ms on the 50k graph
    "analytics_50k_s": 15.0,       # analytics on the 50k graph <= 15 s
}


# ------------------------------------------------------------------------------- environment

def bench_environment() -> None:
    """Point settings at the benchmark's own Neo4j instance (before settings are read)."""
    import logging
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    uri = os.environ.get("BENCH_NEO4J_URI")
    if uri:
        os.environ["NEO4J_URI"] = uri
        return
    os.environ["SAMVERKAN_HOME"] = str(BENCH_HOME)
    os.environ["SAMVERKAN_BOLT_PORT"] = "7690"
    os.environ["SAMVERKAN_HTTP_PORT"] = "7477"
    os.environ["NEO4J_URI"] = "bolt://127.0.0.1:7690"
    os.environ.pop("NEO4J_DATABASE", None)
    # a random password for this disposable instance, kept beside it (mode 0600)
    pw_file = BENCH_HOME / "bench-password"
    if not pw_file.exists():
        BENCH_HOME.mkdir(parents=True, exist_ok=True)
        old = os.umask(0o077)
        try:
            pw_file.write_text(secrets.token_urlsafe(18) + "\n")
        finally:
            os.umask(old)
    os.environ["NEO4J_PASSWORD"] = pw_file.read_text().strip()


def machine() -> dict:
    info = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    try:
        with open("/proc/meminfo") as f:
            info["mem_gb"] = round(int(f.readline().split()[1]) / 1e6, 1)
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return info


def txlog_bytes() -> int | None:
    """Size of the bench instance's transaction logs (None for another server).

    Coarse: Neo4j preallocates its log files in rotation-size steps (256 MiB), so a small
    load can show 0 and a large one is right to within one file."""
    if os.environ.get("BENCH_NEO4J_URI"):
        return None
    d = BENCH_HOME / "data" / "transactions"
    return sum(f.stat().st_size for f in d.rglob("*") if f.is_file()) if d.exists() else 0


#: the machine is shared: stop a load before it fills the disk (the writer's transaction
#: logs grew by ~3.7 MB per document at 20k documents and filled a 250 GB disk once)
MIN_FREE_GB = float(os.environ.get("BENCH_MIN_FREE_GB", "20"))


def disk_guard() -> str | None:
    st = os.statvfs(BENCH_HOME if BENCH_HOME.exists() else Path.home())
    free_gb = st.f_bavail * st.f_frsize / 1e9
    if free_gb < MIN_FREE_GB:
        return f"only {free_gb:.1f} GB free on the disk of {BENCH_HOME} (BENCH_MIN_FREE_GB={MIN_FREE_GB:g})"
    return None


# ------------------------------------------------------------------------------- the run

class Bench:
    def __init__(self, args):
        self.a = args
        self.small, self.big = args.sizes[0], args.sizes[-1]
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        RESULTS.mkdir(parents=True, exist_ok=True)
        self.out = Path(args.out) if args.out else RESULTS / f"bench-{stamp}.json"
        self.r: dict = {
            "started": dt.datetime.now().isoformat(timespec="seconds"),
            "args": {k: v for k, v in vars(args).items()},
            "machine": machine(),
            "git": self._git(),
            "stages": {},
            "errors": {},
        }
        self.driver = None
        self.server_pid = None
        self.records: list[dict] = []

    @staticmethod
    def _git() -> str:
        try:
            return subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=REPO, capture_output=True,
                                  text=True, timeout=10).stdout.strip()
        except Exception:  # noqa: BLE001
            return ""

    def log(self, msg: str) -> None:
        print(f"[{dt.datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)

    def save(self) -> None:
        self.r["finished"] = dt.datetime.now().isoformat(timespec="seconds")
        self.out.write_text(json.dumps(self.r, indent=2, ensure_ascii=False, default=str))

    def stage(self, name: str, fn, *args, **kw):
        """Run one stage; record its result and CPU window, or its error, and save."""
        self.log(f"{name} …")
        try:
            with CpuWindow(self.server_pid) as w:
                res = fn(*args, **kw) or {}
            res["cpu"] = w.result
            self.r["stages"][name] = res
            self.log(f"{name}: {json.dumps({k: v for k, v in res.items() if k not in ('queries', 'cpu')}, default=str)[:400]}")
        except Exception as exc:  # noqa: BLE001 - one failing stage must not lose the others
            self.r["errors"][name] = f"{type(exc).__name__}: {exc}"
            self.log(f"{name} FAILED: {type(exc).__name__}: {exc}")
            traceback.print_exc()
            res = None
        self.save()
        return res

    # ---- corpus and extraction (no database)
    def corpus(self):
        from bench.corpus import VERSION, ensure_corpus
        t0 = time.perf_counter()
        self.root = ensure_corpus(self.big, self.a.seed, self.a.corpus_dir,
                                  progress=lambda i: self.log(f"  generated {i}"))
        size = sum(p.stat().st_size for p in self.root.rglob("*.txt"))
        return {"root": str(self.root), "documents": self.big, "seed": self.a.seed, "version": VERSION,
                "seconds": round(time.perf_counter() - t0, 2), "mb_on_disk": mb(size)}

    def extract(self, jobs: int, keep_records: int = 0):
        from bench.corpus import corpus_paths
        from loaders.pipeline import extract_stream
        from loaders.readers import iter_documents
        n = min(self.a.extract_docs, self.big)
        t0 = time.perf_counter()
        count = failed = ents = rels = 0
        for res in extract_stream(iter_documents(corpus_paths(self.root, n)), jobs=jobs):
            if isinstance(res, str):
                failed += 1
                continue
            count += 1
            ents += sum(len(res[k]) for k in ("organizations", "municipalities", "projects", "people",
                                               "target_groups"))
            rels += len(res["relations"])
            if len(self.records) < keep_records:
                self.records.append(res)
        secs = time.perf_counter() - t0
        return {"jobs": jobs, "documents": count, "failed": failed, "seconds": round(secs, 2),
                "docs_per_s": round(count / secs, 1), "entities_per_doc": round(ents / max(count, 1), 1),
                "relations_per_doc": round(rels / max(count, 1), 1)}

    def table_rows(self):
        """A 10,000-row project-bank export (2,500 with --quick): rows/s, and the peak of
        Python memory against a quarter of the rows (streaming keeps the ratio near 1)."""
        from bench.tables import run
        return run(2500 if self.a.quick else 10000, self.a.seed)

    # ---- database
    def connect(self):
        from graph import server
        from graph.connection import get_driver
        from samverkan.settings import get_settings
        msg = server.start(get_settings(), timeout=300, progress=self.log)
        self.server_pid = server.server_pid(get_settings()) if get_settings().manages_local_server else None
        self.driver = get_driver()
        return {"server": msg, "uri": get_settings().neo4j_uri}

    def wipe(self, reference: bool = True) -> None:
        from graph import cypher
        from graph.connection import database_name
        from graph.reference_loader import load_reference
        from graph.writer import init_schema
        with self.driver.session(database=database_name()) as s:
            for statement in cypher.DELETE_ALL:
                s.run(statement).consume()
        init_schema(self.driver)
        if reference:
            load_reference(self.driver)

    def counts(self) -> dict:
        from graph.connection import run_read
        nodes = run_read(self.driver, "MATCH (n) RETURN count(n) AS n")[0]["n"]
        rels = run_read(self.driver, "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
        return {"nodes": nodes, "relationships": rels}

    def writer_vs_naive(self):
        """The project's writer as the loader uses it (``write_records``: 100 documents per
        transaction, one statement per batch: each node and relationship merged once) against
        the naive baseline, same records, same server; and ``write_record`` (one document
        per transaction, the same statements) for the cost of a commit per document."""
        from bench.naive import load_naive
        from graph.writer import write_record, write_records
        warm = self.records[: WARMUP_DOCS]
        recs = self.records[WARMUP_DOCS: WARMUP_DOCS + self.a.writer_docs]
        if not recs:
            raise RuntimeError("no records (the extraction stage failed)")
        # each side starts from the reference data plus the same warm-up documents, so that
        # query planning (and re-planning while the statistics of a fresh graph change) is
        # not what is measured

        def timed(write) -> tuple[float, dict]:
            self.wipe()
            write(warm)
            t0 = time.perf_counter()
            out = write(recs)
            secs = time.perf_counter() - t0
            if isinstance(out, list) and any(r.status == "failed" for r in out):
                raise RuntimeError("the writer failed on a benchmark record")
            return secs, self.counts()

        # interleaved repetitions (writer, naive, writer, naive, …): one sample of each side
        # cannot carry a ratio on a shared machine (the naive side alone moved 108 -> 59 ms/doc
        # between two runs two minutes apart); the ratio of the medians and its range over the
        # pairs is what is reported
        statements = {}
        writer_runs, naive_runs, graphs = [], [], set()
        for _ in range(max(1, self.a.writer_reps)):
            secs, after = timed(lambda rs: write_records(self.driver, rs))
            writer_runs.append(secs)
            graphs.add(("writer", tuple(sorted(after.items()))))
            secs, after_naive = timed(lambda rs: statements.__setitem__("n", load_naive(self.driver, rs)))
            naive_runs.append(secs)
            graphs.add(("naive", tuple(sorted(after_naive.items()))))
        single_s, after_single = timed(lambda rs: [write_record(self.driver, r) for r in rs])
        if len({g for _, g in graphs} | {tuple(sorted(after_single.items()))}) != 1:
            raise RuntimeError(f"different graphs: {sorted(graphs)}, one per transaction {after_single}")
        n = len(recs)
        writer_s, naive_s = percentile(writer_runs, 50), percentile(naive_runs, 50)
        pair_ratios = [nv / wr for wr, nv in zip(writer_runs, naive_runs)]
        return {"documents": n, "warmup_documents": len(warm), "repetitions": len(writer_runs),
                "writer_s": round(writer_s, 3), "naive_s": round(naive_s, 3),
                "writer_runs_s": [round(x, 3) for x in writer_runs],
                "naive_runs_s": [round(x, 3) for x in naive_runs],
                "writer_ms_per_doc": round(1000 * writer_s / n, 2),
                "single_ms_per_doc": round(1000 * single_s / n, 2),
                "naive_ms_per_doc": round(1000 * naive_s / n, 2),
                "naive_statements": statements.get("n"), "ratio": round(naive_s / writer_s, 2),
                "ratio_min": round(min(pair_ratios), 2), "ratio_max": round(max(pair_ratios), 2),
                "pair_ratios": [round(x, 2) for x in pair_ratios],
                "single_ratio": round(naive_s / single_s, 2),
                "graph_writer": after, "graph_naive": after_naive}

    def load(self, n: int, fresh: bool, extra: list[str] | None = None):
        """One load in a subprocess (jobs = --jobs), with its process tree's peak RSS."""
        if fresh:
            self.wipe()
        cmd = [sys.executable, "-m", "bench.loadproc", "--root", str(self.root), "-n", str(n),
               "--jobs", str(self.a.jobs), *(extra or [])]
        tx0 = txlog_bytes()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
        poll = TreeRss(proc, guard=disk_guard)
        out, _ = proc.communicate()
        poll.join()
        if poll.stopped:
            raise RuntimeError(f"loader stopped by the disk guard: {poll.stopped}")
        if proc.returncode != 0:
            raise RuntimeError(f"loader exited with {proc.returncode}")
        res = json.loads(out.strip().splitlines()[-1])
        res.update({"size": n, "jobs": self.a.jobs,
                    "docs_per_s": round(res["documents"] / max(res["seconds"], 1e-9), 1),
                    "peak_rss_tree_mb": mb(poll.peak_tree), "peak_rss_main_mb": mb(poll.peak_main),
                    "maxrss_main_mb": round(res["maxrss_self_kb"] / 1000, 1),
                    "maxrss_worker_mb": round(res["maxrss_children_kb"] / 1000, 1)})
        if tx0 is not None:
            added = txlog_bytes() - tx0
            res.update({"txlog_mb_added": mb(added),
                        "txlog_kb_per_new_doc": round(added / 1000 / max(res["new"], 1), 1)})
        res.update(self.counts())
        return res

    def bulk_import(self):
        """The bulk-import ceiling: the graph the writer just loaded end to end (reference
        data + the small corpus), exported to CSV and imported by ``neo4j-admin database
        import full`` into an empty database of a scratch home (deleted after)."""
        from bench.bulk import bulk_ceiling
        from graph.connection import run_read
        docs = run_read(self.driver, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
        return bulk_ceiling(self.driver, docs)

    def analytics(self, write: bool = True):
        from analytics import analyze
        from analytics.arrays import freeze_survivors
        from graph.projection import load_projection, write_scores
        t0 = time.perf_counter()
        proj = load_projection(self.driver)
        t_proj = time.perf_counter() - t0
        result = analyze(proj, seed=0)
        freeze_survivors()             # as `samverkan analyze` does before it writes the scores
        t_an = time.perf_counter() - t0 - t_proj
        written = write_scores(self.driver, result.score_rows()) if write else 0
        total = time.perf_counter() - t0
        self._network = result.network
        return {"projection_s": round(t_proj, 2), "analyze_s": round(t_an, 2),
                "write_scores_s": round(total - t_proj - t_an, 2), "total_s": round(total, 2),
                "steps": result.timings, "summary": result.summary(), "scores_written": written,
                "rows": {k: len(getattr(proj, k)) for k in ("org_projects", "stated", "coverage", "activity")}}

    def betweenness_error(self, nodes: int = 1500, k: int = 256):
        """Sampled (k sources) vs exact betweenness on a smaller graph: a BFS ball of the network."""
        import networkx as nx
        import pandas as pd
        G = self._network
        if G.number_of_nodes() == 0:
            return {"skipped": "empty network"}
        comp = max(nx.connected_components(G), key=len)
        hub = max(comp, key=G.degree)
        ball = [hub] + [v for _, v in nx.bfs_edges(G, hub)]
        H = G.subgraph(ball[:nodes]).copy()
        t0 = time.perf_counter()
        exact = nx.betweenness_centrality(H, normalized=True)
        t_exact = time.perf_counter() - t0
        t0 = time.perf_counter()
        sampled = nx.betweenness_centrality(H, k=min(k, H.number_of_nodes()), normalized=True, seed=0)
        t_sampled = time.perf_counter() - t0
        df = pd.DataFrame({"exact": exact, "sampled": sampled})
        spearman = df["exact"].rank().corr(df["sampled"].rank())
        top = 20
        top_exact = set(df["exact"].nlargest(top).index)
        top_sampled = set(df["sampled"].nlargest(top).index)
        rel_err = ((df["sampled"] - df["exact"]).abs().sum() / max(df["exact"].sum(), 1e-12))
        return {"nodes": H.number_of_nodes(), "edges": H.number_of_edges(), "k": k,
                "exact_s": round(t_exact, 2), "sampled_s": round(t_sampled, 2),
                "spearman": round(float(spearman), 4), f"top{top}_overlap": len(top_exact & top_sampled) / top,
                "l1_relative_error": round(float(rel_err), 4),
                "full_graph_nodes": G.number_of_nodes(), "full_graph_edges": G.number_of_edges()}

    def analytics_synthetic(self, n_orgs: int = 50_000):
        """``analyze`` on a synthetic projection of ``n_orgs`` collaborating organisations
        (``analytics.synthetic``: Zipf-skewed partners, kommuner, län, target groups), no
        database: the size of a national project bank's actor network."""
        from analytics import analyze, synthetic_projection
        t0 = time.perf_counter()
        proj = synthetic_projection(n_orgs, seed=0)
        t_gen = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = analyze(proj, seed=0)
        secs = time.perf_counter() - t0
        return {"organisations": n_orgs, "generate_s": round(t_gen, 2), "analyze_s": round(secs, 2),
                "steps": result.timings, "summary": result.summary(), "methods": result.methods,
                "libraries": self.library_comparison(result.network, result.methods["betweenness"].get("k"))}

    @staticmethod
    def library_comparison(G, k: int | None) -> dict:
        """One run each, same graph: sampled betweenness (numpy Brandes, linear-scaled, as
        ``analyze`` does) against NetworKit's ``EstimateBetweenness`` at the same ``k``, and
        NetworKit's PLM (what ``analyze`` uses) against networkx's Louvain when the graph is small
        enough for it (<= 20k links). Ratios of one run on a shared machine: a comparison, not a goal."""
        import networkit as nk
        import networkx as nx
        import numpy as np

        from analytics.arrays import graph_arrays
        from analytics.brandes import betweenness_from_sources, sample_sources
        from analytics.centrality import networkit_louvain_labels
        A = graph_arrays(G)
        k = min(k or 256, A.n)
        t0 = time.perf_counter()
        betweenness_from_sources(A.indptr, A.indices, sample_sources(A.n, k, 0), linear=True)
        t_np = time.perf_counter() - t0
        g = nk.Graph(A.n)
        keep = A.src != A.dst
        g.addEdges((A.src[keep].astype(np.uint64), A.dst[keep].astype(np.uint64)))
        nk.setSeed(0, False)
        t0 = time.perf_counter()
        nk.centrality.EstimateBetweenness(g, k, True, True).run()
        t_nk = time.perf_counter() - t0
        t0 = time.perf_counter()
        labels = networkit_louvain_labels(A, seed=0)
        t_plm = time.perf_counter() - t0
        groups: dict = {}
        for u, c in zip(A.nodes, labels.tolist()):
            groups.setdefault(c, set()).add(u)
        res = {"k": k, "numpy_brandes_s": round(t_np, 3), "networkit_estimate_s": round(t_nk, 3),
               "networkit_over_numpy": round(t_nk / max(t_np, 1e-9), 2), "networkit_plm_s": round(t_plm, 3),
               "plm_modularity": round(nx.community.modularity(G, groups.values(), weight="weight"), 4)}
        if G.number_of_edges() <= 20_000:
            t0 = time.perf_counter()
            found = nx.community.louvain_communities(G, weight="weight", seed=0)
            res.update(networkx_louvain_s=round(time.perf_counter() - t0, 3),
                       networkx_modularity=round(nx.community.modularity(G, found, weight="weight"), 4))
        return res

    def render_network(self, nodes: int = 2000, runs: int = 3):
        """The Network page's graph view with ``nodes`` organisations in headless Chromium:
        layout once in Python (positions, physics off), the self-contained HTML the page
        embeds (``app_pages.graphview.to_html``), then navigation → drawn canvas."""
        import shutil
        import threading
        from functools import partial
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        import networkx as nx

        from analytics.scale import synthetic_network
        from app_pages import graphview

        chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
        player = REPO / "tests" / "browser" / "node_modules" / "playwright-core"
        if not chromium or not shutil.which("node") or not player.is_dir():
            return {"skipped": "needs chromium, node and tests/browser's playwright-core (make browser-deps)"}
        G = synthetic_network(int(nodes * 1.6), seed=3)
        comp = max(nx.connected_components(G), key=len)
        hub = max(comp, key=G.degree)
        keep = [hub] + [v for _, v in nx.bfs_edges(G, hub)][: nodes - 1]
        G = G.subgraph(keep).copy()
        total = max(1, 2 * G.number_of_edges())
        pr = {v: d / total for v, d in G.degree()}  # node size (the page sizes by a centrality)
        comm = nx.community.louvain_communities(G, seed=0)
        for i, members in enumerate(comm):
            for v in members:
                G.nodes[v]["community"] = i
        for v in G:
            G.nodes[v]["pagerank"] = pr[v]
            G.nodes[v]["name"] = f"Organisation {v}"
        t0 = time.perf_counter()
        pos = graphview.layout(G, seed=0)
        t_layout = time.perf_counter() - t0
        t0 = time.perf_counter()
        html = graphview.to_html(G, pos, size_by="pagerank", color_by="community", height=620)
        t_html = time.perf_counter() - t0
        tmp = Path(tempfile.mkdtemp(prefix="samverkan-render-"))
        (tmp / "graph.html").write_text(html, encoding="utf-8")
        handler = partial(SimpleHTTPRequestHandler, directory=str(tmp))
        handler.log_message = lambda *a, **k: None
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            url = f"http://127.0.0.1:{httpd.server_address[1]}/graph.html"
            done = subprocess.run(["node", str(REPO / "bench" / "render.mjs"), "--url", url, "--chromium", chromium,
                                   "--runs", str(runs)], capture_output=True, text=True, timeout=900, cwd=REPO)
        finally:
            httpd.shutdown()
            shutil.rmtree(tmp, ignore_errors=True)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise RuntimeError(f"render.mjs printed nothing: {done.stderr[-500:]}")
        res = json.loads(lines[-1])
        if not res.get("ok"):
            raise RuntimeError(f"render failed: {res.get('error')}")
        ms = sorted(r["ms"] for r in res["runs"])
        return {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "layout_s": round(t_layout, 2),
                "html_s": round(t_html, 2), "html_mb": round(len(html.encode()) / 1e6, 2),
                "render_ms": ms, "render_median_ms": ms[len(ms) // 2], "runs": res["runs"]}

    def queries(self):
        from graph.connection import database_name
        from graph.query import load_queries, run_query
        from loaders.pipeline import load_paths
        # the seed documents, so that every query's example parameters name something
        load_paths([REPO / "data" / "seeds"], self.driver, jobs=1)
        fallback = {"name": "Arbetsförmedlingen", "kommun": "Malmö", "lan": "12", "a": "Arbetsförmedlingen",
                    "b": "Försäkringskassan", "target": "long_term_unemployed", "from_year": 2015,
                    "to_year": 2018}
        out = {}
        for name, q in sorted(load_queries().items()):
            params = dict(q.defaults)
            params.update(q.example)
            for p in q.params:
                if p not in params:
                    params[p] = fallback.get(p, "")
            try:
                for _ in range(self.a.query_warmup):
                    run_query(self.driver, q, params)
                times, rows = [], 0
                for _ in range(self.a.query_reps):
                    t0 = time.perf_counter()
                    _, data = run_query(self.driver, q, params)
                    times.append((time.perf_counter() - t0) * 1000)
                    rows = len(data)
                try:
                    prof = self._profile(q.text, params, database_name())
                except Exception as exc:  # noqa: BLE001 - the timings stand without it
                    prof = {"profile_error": f"{type(exc).__name__}: {exc}"[:200], "db_hits": None, "access": []}
                out[name] = {"params": params, "rows": rows, "p50_ms": round(percentile(times, 50), 1),
                             "p95_ms": round(percentile(times, 95), 1), "max_ms": round(max(times), 1),
                             **prof}
            except Exception as exc:  # noqa: BLE001
                out[name] = {"params": params, "error": f"{type(exc).__name__}: {exc}"}
            self.log(f"  {name}: {out[name].get('p50_ms')} / {out[name].get('p95_ms')} ms "
                     f"{out[name].get('error', '')}")
        p95 = [v["p95_ms"] for v in out.values() if "p95_ms" in v]
        return {"queries": out, "reps": self.a.query_reps, "worst_p95_ms": max(p95) if p95 else None,
                "worst_query": max(out, key=lambda k: out[k].get("p95_ms", -1)) if out else None,
                "over_goal": sorted(k for k, v in out.items() if v.get("p95_ms", 0) > GOALS["query_p95_ms"]),
                "failed": sorted(k for k, v in out.items() if "error" in v)}

    def _profile(self, text: str, params: dict, database: str) -> dict:
        """PROFILE once: total db hits and the scan operators of the plan (index use)."""
        def walk(plan, acc):
            acc["db_hits"] += plan.get("dbHits", 0) or 0
            op = plan.get("operatorType", "")
            if "Scan" in op or "Seek" in op:
                acc["access"].add(op.split("@")[0])
            for child in plan.get("children", []):
                walk(child, acc)
            return acc

        with self.driver.session(database=database, default_access_mode="READ") as s:
            result = s.run("PROFILE " + text, params)
            for _ in result:  # PROFILE stats exist only once every row is materialised
                pass
            summary = result.consume()
        acc = walk(summary.profile or {}, {"db_hits": 0, "access": set()})
        return {"db_hits": acc["db_hits"], "access": sorted(acc["access"])}

    # ---- the whole run
    def stage_if(self, name: str, fn, *args, **kw):
        """A stage unless ``--only`` leaves it out (then an earlier result, if any, stays)."""
        if self.a.only and name not in self.a.only:
            return self.r["stages"].get(name)
        return Bench.stage(self, name, fn, *args, **kw)

    def run(self) -> int:
        a = self.a
        if a.resume:
            old = json.loads(Path(a.resume).read_text())
            self.r["stages"].update(old.get("stages", {}))
            self.r["errors"].update(old.get("errors", {}))
            self.r["continued_from"] = {"file": a.resume, "started": old.get("started"), "git": old.get("git")}
        self.stage("corpus", self.corpus)
        if "corpus" not in self.r["stages"]:
            return 1
        self.run_stages()
        self.r["table"] = table(self.r, self.small, self.big)
        self.save()
        print(render(self.r["table"], self.r, self.small, self.big))
        self.log(f"results: {self.out}")
        return 0

    def run_stages(self) -> None:
        a = self.a
        self.stage = self.stage_if  # type: ignore[method-assign]
        self.stage("extract_1", self.extract, 1, keep_records=WARMUP_DOCS + a.writer_docs)
        if a.jobs > 1:
            self.stage(f"extract_{a.jobs}", self.extract, a.jobs)
        self.stage("table_rows", self.table_rows)
        if not a.no_db:
            if Bench.stage(self, "server", self.connect) is not None:
                self.stage("writer_vs_naive", self.writer_vs_naive)
                self.stage("load_small", self.load, self.small, True)
                self.stage("reload_small", self.load, self.small, False)
                self.stage("bulk_import", self.bulk_import)
                self.stage("analytics_small", self.analytics)
                if self.big != self.small:
                    self.stage("queries_small", self.queries)
                    # on top of the small graph: its documents are skipped by hash, the rest
                    # (big - small) are extracted and written; the loader still walks all
                    self.stage("load_big", self.load, self.big, not a.big_incremental)
                    self.stage("analytics_big", self.analytics)
                else:
                    self.r["stages"]["load_big"] = self.r["stages"].get("load_small")
                    self.r["stages"]["analytics_big"] = self.r["stages"].get("analytics_small")
                self.stage("betweenness_error", self.betweenness_error)
                self.stage("queries_big", self.queries)
                self.driver.close()
        # no database: the actor network of a national project bank, and the graph view
        self.stage("analytics_50k_orgs", self.analytics_synthetic, 50_000 if self.big >= 10_000 else 5_000)
        self.stage("render_2000", self.render_network, 2000, 3 if self.big >= 10_000 else 1)
        # after the last stage's CPU window is closed: stopping Neo4j inside a window took the
        # server's process (and its CPU time) away mid-window, and that stage's split read
        # -47 cores for Neo4j and +48 for the others
        if not a.no_db and a.stop_server and os.environ.get("BENCH_NEO4J_URI") is None:
            from graph import server
            self.log(server.stop())
            self.server_pid = None


# ------------------------------------------------------------------------------- reporting

def _k(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 and n >= 1000 else str(n)


def table(r: dict, small: int, big: int) -> list[dict]:
    """Rows: metric, value, goal, verdict (None when there is no goal or no value)."""
    st = r["stages"]
    rows: list[dict] = []

    def add(metric, value, goal="", ok=None, note=""):
        rows.append({"metric": metric, "value": value, "goal": goal, "ok": ok, "note": note})

    for key in sorted(k for k in st if k.startswith("extract_")):
        e = st[key]
        cpu_s = e["cpu"]["bench_cores"] * e["cpu"]["wall_s"]
        add(f"extraction, {e['jobs']} process{'es' if e['jobs'] > 1 else ''} ({e['documents']} docs)",
            f"{e['docs_per_s']} docs/s", note=f"{round(e['documents'] / max(cpu_s, 1e-9), 1)} docs per CPU-second "
            f"(it got {e['cpu']['bench_cores']} cores; others used {e['cpu']['others_cores']})")
    t = st.get("table_rows")
    if t:
        add(f"project-bank export, {t['big']['rows']} rows (read + extract, 1 process)",
            f"{t['big']['rows_per_s']} rows/s", "memory flat", t["peak_ratio"] <= 1.5,
            f"peak Python memory {t['big']['peak_mb']} MB vs {t['small']['peak_mb']} MB for "
            f"{t['small']['rows']} rows ({t['peak_ratio']}x)")
    w = st.get("writer_vs_naive")
    if w:
        reps = (f"median of {w['repetitions']} interleaved pairs, pair ratios {w['ratio_min']}–{w['ratio_max']}x; "
                if w.get("repetitions", 1) > 1 else "one sample of each side; ")
        add(f"writer vs naive ({w['documents']} docs)", f"{w['ratio']}x ({w['writer_ms_per_doc']} vs "
            f"{w['naive_ms_per_doc']} ms/doc)", f">= {GOALS['writer_ratio']:.0f}x", w["ratio"] >= GOALS["writer_ratio"],
reps + (f"one document per transaction (write_record) {w['single_ms_per_doc']} ms/doc "
             f"= {w['single_ratio']}x naive; " if "single_ms_per_doc" in w else "") + f"others used {w['cpu']['others_cores']} cores")
    ls, rl = st.get("load_small"), st.get("reload_small")
    if ls:
        goal = f"<= {GOALS['e2e_10k_s']:.0f} s" if small == 10000 else ""
        add(f"end to end {_k(small)} (jobs={ls['jobs']})", f"{ls['seconds']} s ({ls['docs_per_s']} docs/s)",
            goal, ls["seconds"] <= GOALS["e2e_10k_s"] if small == 10000 else None,
            (f"writing {ls['write_s']} s of it; " if "write_s" in ls else "") +
            (f"transaction log +{ls['txlog_mb_added']} MB ({ls['txlog_kb_per_new_doc']} kB/doc); "
             if "txlog_mb_added" in ls else "") +
            f"CPU used: loader {ls['cpu']['bench_cores']} cores, neo4j {ls['cpu']['neo4j_cores']}, "
            f"others {ls['cpu']['others_cores']}")
    bi = st.get("bulk_import")
    if bi and "import_wall_s" in bi:
        # the writer's rate inside the end-to-end load (its own wall time in the loader) and
        # in the writer-vs-naive stage, over the import's rate on the same graph
        parts, share = [], ""
        if ls and ls.get("write_s"):
            wr = (ls.get("new") or ls["documents"]) / max(ls["write_s"], 1e-9)
            parts.append(f"writer in the {_k(small)} load {wr:.0f} docs/s = "
                         f"{100 * wr / bi['docs_per_s_wall']:.0f} % of it "
                         f"({100 * wr / bi['docs_per_s_import']:.0f} % of the importer's own time)")
            share = f"; writer's share {wr / bi['docs_per_s_wall']:.2f}"
        if w and w.get("writer_ms_per_doc"):
            wr = 1000 / w["writer_ms_per_doc"]
            parts.append(f"writer vs naive stage {wr:.0f} docs/s = {100 * wr / bi['docs_per_s_wall']:.0f} %")
        add(f"bulk-import ceiling ({bi['documents']} docs: {bi['nodes']} nodes, {bi['relationships']} relationships)",
            f"{bi['docs_per_s_wall']} docs/s ({bi['import_wall_s']} s){share}", "", None,
            "; ".join(parts) + f"; neo4j-admin database import full into an empty database, JVM start "
            f"included (the importer's own time {bi['import_s']} s = {bi['docs_per_s_import']} docs/s), no "
            f"constraints or indexes built; CSV export {bi['export_s']} s ({bi['csv_mb']} MB)")
    if ls and rl:
        ratio = round(ls["seconds"] / max(rl["seconds"], 1e-9), 1)
        add(f"reload {_k(small)} unchanged", f"{rl['seconds']} s = {ratio}x faster",
            f">= {GOALS['reload_ratio']:.0f}x", ratio >= GOALS["reload_ratio"])
    for key, n in (("analytics_small", small), ("analytics_big", big)):
        an = st.get(key)
        if an and (key == "analytics_small" or big != small):
            goal = f"<= {GOALS['analytics_50k_s']:.0f} s" if key == "analytics_big" and big == 50000 else ""
            add(f"analytics {_k(n)} ({an['summary']['organisations']} orgs, {an['summary']['links']} links)",
                f"{an['total_s']} s", goal,
                an["total_s"] <= GOALS["analytics_50k_s"] if goal else None,
                f"projection {an['projection_s']} s, analyze {an['analyze_s']} s, write {an['write_scores_s']} s; "
                f"betweenness {an['summary']['betweenness']}")
    syn = st.get("analytics_50k_orgs")
    if syn and "analyze_s" in syn:
        n = syn["organisations"]
        goal = f"<= {GOALS['analytics_50k_s']:.0f} s" if n >= 50_000 else ""
        slow = sorted(syn["steps"].items(), key=lambda kv: -kv[1])[:3]
        add(f"analytics, synthetic {n:,} organisations ({syn['summary'].get('links')} links, no database)",
            f"{syn['analyze_s']} s", goal, syn["analyze_s"] <= GOALS["analytics_50k_s"] if goal else None,
            "slowest steps: " + ", ".join(f"{k} {v:.1f} s" for k, v in slow) +
            f"; betweenness {syn['summary'].get('betweenness')}")
    lib = (syn or {}).get("libraries")
    if lib:
        add(f"graph libraries, synthetic {syn['organisations']:,} organisations (one run each)",
            f"NetworKit sampled betweenness {lib['networkit_over_numpy']}x the numpy Brandes' time", "", None,
            f"k={lib['k']}: numpy {lib['numpy_brandes_s']} s (linear-scaled, kept), NetworKit EstimateBetweenness "
            f"{lib['networkit_estimate_s']} s (plain); communities NetworKit PLM {lib['networkit_plm_s']} s, "
            f"modularity {lib['plm_modularity']}" + (f" (networkx Louvain {lib['networkx_louvain_s']} s, "
                                                     f"{lib['networkx_modularity']})" if "networkx_louvain_s" in lib else ""))
    rn = st.get("render_2000")
    if rn and "render_median_ms" in rn:
        add(f"network view, {rn['nodes']} nodes / {rn['edges']} links, headless Chromium",
            f"{rn['render_median_ms'] / 1000:.1f} s to a drawn canvas (median of {len(rn['render_ms'])})", "", None,
            f"layout once {rn['layout_s']} s, HTML {rn['html_s']} s ({rn['html_mb']} MB), physics off; "
            f"runs {', '.join(str(m) for m in rn['render_ms'])} ms")
    be = st.get("betweenness_error")
    if be and "spearman" in be:
        add(f"sampled vs exact betweenness ({be['nodes']} nodes, k={be['k']})",
            f"Spearman {be['spearman']}, top-20 overlap {be['top20_overlap']:.2f}", "",
            None, f"exact {be['exact_s']} s, sampled {be['sampled_s']} s")
    lb = st.get("load_big")
    if ls and lb:
        # the main process's own high-water mark (getrusage: exact), and the polled sum over
        # the process tree (main + extraction workers, sampled every 0.2 s)
        ratio = round(lb["maxrss_main_mb"] / max(ls["maxrss_main_mb"], 1e-9), 2)
        tree = round(lb["peak_rss_tree_mb"] / max(ls["peak_rss_tree_mb"], 1e-9), 2)
        add(f"loader peak RSS {_k(small)} → {_k(big)} (main process)",
            f"{ls['maxrss_main_mb']} → {lb['maxrss_main_mb']} MB = {ratio}x", f"<= {GOALS['rss_ratio']}x",
            ratio <= GOALS["rss_ratio"] and tree <= GOALS["rss_ratio"],
            f"with {ls['jobs']} workers (polled tree sum) {ls['peak_rss_tree_mb']} → {lb['peak_rss_tree_mb']} MB "
            f"= {tree}x")
        if big != small:
            how = "fresh" if lb["unchanged"] == 0 else f"on top of {_k(small)}: {lb['unchanged']} skipped"
            add(f"load {_k(big)} ({how})", f"{lb['seconds']} s ({round(lb['new'] / max(lb['seconds'], 1e-9), 1)} "
                f"new docs/s)", "", None, f"{lb['nodes']} nodes, {lb['relationships']} relationships" +
                (f"; transaction log +{lb['txlog_mb_added']} MB ({lb['txlog_kb_per_new_doc']} kB/new doc)"
                 if "txlog_mb_added" in lb else ""))
    for key, n in (("queries_small", small), ("queries_big", big)):
        qb = st.get(key)
        if qb and qb.get("worst_p95_ms") is not None:
            ok = (not qb["over_goal"] and not qb["failed"]) if key == "queries_big" else None
            add(f"curated queries on {_k(n)} ({len(qb['queries'])}, worst p95)",
                f"{qb['worst_p95_ms']} ms ({qb['worst_query']})",
                f"<= {GOALS['query_p95_ms']:.0f} ms" if key == "queries_big" else "", ok,
                ("over 100 ms: " + ", ".join(qb["over_goal"]) if qb["over_goal"] else "") +
                (" failed: " + ", ".join(qb["failed"]) if qb["failed"] else ""))
    return rows


def render(rows: list[dict], r: dict, small: int, big: int) -> str:
    m = r["machine"]
    head = (f"samverkan bench · {r['started']} · {m.get('cpus')} cores ({m.get('cpu', '?')}), "
            f"{m.get('mem_gb', '?')} GB · sizes {_k(small)}/{_k(big)} · seed {r['args']['seed']} · {r['git']}")
    lines = [head, "", "| metric | value | goal | met | note |", "|---|---|---|---|---|"]
    for row in rows:
        ok = "" if row["ok"] is None else ("yes" if row["ok"] else "**no**")
        lines.append(f"| {row['metric']} | {row['value']} | {row['goal']} | {ok} | {row['note']} |")
    for key, n in (("queries_small", small), ("queries_big", big)):
        qb = r["stages"].get(key)
        if not qb or (key == "queries_big" and big == small):
            continue
        lines += ["", f"Curated queries on the {_k(n)} graph ({qb['reps']} runs each after warm-up):", "",
                  "| query | p50 ms | p95 ms | rows | db hits | access |", "|---|---|---|---|---|---|"]
        for name, q in qb["queries"].items():
            if "error" in q:
                lines.append(f"| {name} | error | {q['error'][:80]} | | | |")
            else:
                lines.append(f"| {name} | {q['p50_ms']} | {q['p95_ms']} | {q['rows']} | {q['db_hits']} | "
                             f"{', '.join(q['access'])} |")
    cont = [(k, v["cpu"]) for k, v in r["stages"].items() if isinstance(v, dict) and "cpu" in v]
    if cont:
        lines += ["", "CPU per stage, in cores busy on average (2 = the whole machine); *others* are "
                  "processes that are neither this benchmark nor its Neo4j:", "",
                  "| stage | wall s | bench | neo4j | others | load avg at start |", "|---|---|---|---|---|---|"]
        lines += [f"| {k} | {c['wall_s']:.0f} | {c['bench_cores']} | {c['neo4j_cores']} | {c['others_cores']} | "
                  f"{c['loadavg_1m_start']} |" for k, c in cont]
    if r["errors"]:
        lines += ["", "Errors: " + "; ".join(f"{k}: {v}" for k, v in r["errors"].items())]
    return "\n".join(lines)


def parse_args(argv=None):
    ap = argparse.ArgumentParser(prog="bench/run", description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default=None,
                    help="comma-separated document counts: the first is loaded end to end and "
                         "reloaded, the last is the big graph (default 10000,50000)")
    ap.add_argument("--quick", action="store_true", help="sizes 500,1000 and fewer repetitions (minutes)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2, help="extraction processes for the parallel runs")
    ap.add_argument("--extract-docs", type=int, default=None, help="documents per extraction measurement")
    ap.add_argument("--writer-docs", type=int, default=None, help="documents for writer vs naive")
    ap.add_argument("--writer-reps", type=int, default=5,
                    help="interleaved repetitions of writer and naive (median ratio and range)")
    ap.add_argument("--query-reps", type=int, default=None)
    ap.add_argument("--query-warmup", type=int, default=3)
    ap.add_argument("--fresh-big", dest="big_incremental", action="store_false",
                    help="load the big graph from empty (default: on top of the small one)")
    ap.add_argument("--only", default="", help="comma-separated stages to run (the others keep the "
                    "results of --continue, if given); e.g. load_big,analytics_big,betweenness_error,queries_big")
    ap.add_argument("--continue", dest="resume", default=None, metavar="FILE",
                    help="start from the stages of an earlier results file (with --only: finish a cut run "
                         "on the graph it left in the bench Neo4j)")
    ap.add_argument("--no-db", action="store_true", help="only the corpus and extraction stages")
    ap.add_argument("--stop-server", action="store_true", help="stop the bench Neo4j at the end")
    ap.add_argument("--corpus-dir", default=None, help="where the corpus lives (default ~/.cache/samverkan/bench-corpus)")
    ap.add_argument("--out", default=None, help="JSON results file (default bench/results/bench-<time>.json)")
    a = ap.parse_args(argv)
    sizes = a.sizes or ("500,1000" if a.quick else "10000,50000")
    a.sizes = [int(x) for x in sizes.split(",") if x.strip()]
    a.only = {x.strip() for x in a.only.split(",") if x.strip()}
    a.extract_docs = a.extract_docs or (200 if a.quick else 2000)
    a.writer_docs = a.writer_docs or (100 if a.quick else 300)
    a.query_reps = a.query_reps or (10 if a.quick else 30)
    return a


def report(path: str) -> int:
    """Print the table of a results file (also of a partial one, from a run that was cut)."""
    r = json.loads(Path(path).read_text())
    sizes = r["args"]["sizes"]
    print(render(table(r, sizes[0], sizes[-1]), r, sizes[0], sizes[-1]))
    return 0


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--report"]:
        return report(argv[1] if len(argv) > 1 else str(max(RESULTS.glob("bench-*.json"))))
    args = parse_args(argv)
    bench_environment()
    return Bench(args).run()


if __name__ == "__main__":
    sys.exit(main())
