"""The bulk-import ceiling: the graph the writer loaded, exported to CSV and imported with
``neo4j-admin database import full`` into an empty database of a scratch instance home.

Neo4j's offline bulk path is the fastest way a graph gets into a store: no transactions, no
MERGE, no constraint checks while it writes. Its rate is the ceiling the incremental writer
is compared against (``bench.run``: the "bulk-import ceiling" row, writer docs/s over
import docs/s).

* :func:`export_csv` reads every node and relationship of the live graph (``id(n)`` as the
  import id, all properties, with their Cypher types inferred per file) into one CSV per
  label set and per relationship type, header on the first line.
* :func:`admin_import` runs the Community jars' ``org.neo4j.cli.AdminTool`` (what the
  ``neo4j-admin`` script of the tarball runs; ``graph/server.py`` fetched these jars) with
  ``NEO4J_HOME``/``NEO4J_CONF`` pointing at a scratch home under ``~/.cache/samverkan/``,
  parses the node and relationship counts it reports and checks them against the export.
  The scratch home (database and CSV files) is deleted afterwards.

The import does not build the schema's constraints and indexes (Community's importer has no
``--schema``) and it writes the reference data too; both favour the ceiling.

    python -m bench.bulk --out DIR     # export the configured database's graph and import it
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Iterable

import neo4j.time

#: between array elements in the CSV (U+001F, the unit separator: never in our texts; checked)
ARRAY_DELIMITER = "\x1f"
SCRATCH_PARENT = Path.home() / ".cache" / "samverkan"


def _scalar_type(v: Any) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "long"
    if isinstance(v, float):
        return "double"
    if isinstance(v, neo4j.time.DateTime) or isinstance(v, dt.datetime):
        return "datetime"
    if isinstance(v, neo4j.time.Date) or isinstance(v, dt.date):
        return "date"
    if isinstance(v, str):
        return "string"
    raise TypeError(f"no CSV import type for {type(v).__name__}")


def _value_type(v: Any) -> str:
    if isinstance(v, list):
        inner = {_scalar_type(x) for x in v}
        if inner <= {"long"} and inner:
            return "long[]"
        if inner <= {"long", "double"} and inner:
            return "double[]"
        if len(inner) > 1:
            raise TypeError(f"mixed list {sorted(inner)}")
        return f"{(inner or {'string'}).pop()}[]"
    return _scalar_type(v)


def _merge_types(a: str | None, b: str) -> str:
    if a is None or a == b:
        return b
    if {a, b} == {"long", "double"}:
        return "double"
    if {a, b} == {"long[]", "double[]"}:
        return "double[]"
    if a.endswith("[]") and b == "string[]":  # an empty list is typed string[] above
        return a
    if b.endswith("[]") and a == "string[]":
        return b
    raise TypeError(f"a property is {a} in one entity and {b} in another")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        parts = [_cell(x) for x in v]
        if any(ARRAY_DELIMITER in p for p in parts):
            raise ValueError("a list element holds the CSV array delimiter U+001F")
        return ARRAY_DELIMITER.join(parts)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (neo4j.time.DateTime, neo4j.time.Date, dt.datetime, dt.date)):
        return v.isoformat()
    return str(v)


class _Group:
    """One CSV file: rows of one label set (or one relationship type) and their properties."""

    def __init__(self, fixed: list[str]):
        self.fixed = fixed
        self.types: dict[str, str] = {}
        self.rows: list[tuple[list[Any], dict[str, Any]]] = []

    def add(self, fixed: list[Any], props: dict[str, Any]) -> None:
        for k, v in props.items():
            if v is not None:
                self.types[k] = _merge_types(self.types.get(k), _value_type(v))
        self.rows.append((fixed, props))

    def write(self, path: Path) -> int:
        keys = sorted(self.types)
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
            w.writerow(self.fixed + [f"{k}:{self.types[k]}" for k in keys])
            for fixed, props in self.rows:
                w.writerow([_cell(x) for x in fixed] + [_cell(props.get(k)) for k in keys])
        return len(self.rows)


def export_csv(driver, folder: Path, *, database: str | None = None) -> dict:
    """Every node and relationship of the graph into CSV files in ``folder``.

    Returns ``{"nodes": [files], "relationships": [files], "node_count", "relationship_count",
    "property_count", "empty_list_count", "seconds", "mb"}``. An empty list property
    (``aliases: []``), an empty string or a list of one has no CSV form (an empty cell): the
    importer leaves it out (counted apart)."""
    from graph.connection import database_name

    t0 = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    node_groups: dict[tuple[str, ...], _Group] = {}
    rel_groups: dict[str, _Group] = {}
    props_total = empty_lists = 0
    with driver.session(database=database_name(database), default_access_mode="READ") as s:
        for rec in s.run("MATCH (n) RETURN id(n) AS id, labels(n) AS labels, properties(n) AS props"):
            labels = tuple(sorted(rec["labels"]))
            g = node_groups.setdefault(labels, _Group([":ID", ":LABEL"]))
            g.add([rec["id"], ";".join(labels)], rec["props"])
            props_total += len(rec["props"])
            empty_lists += sum(1 for v in rec["props"].values() if _cell(v) == "")
        for rec in s.run("MATCH (a)-[r]->(b) RETURN id(a) AS a, id(b) AS b, type(r) AS t, "
                         "properties(r) AS props"):
            g = rel_groups.setdefault(rec["t"], _Group([":START_ID", ":END_ID", ":TYPE"]))
            g.add([rec["a"], rec["b"], rec["t"]], rec["props"])
            props_total += len(rec["props"])
            empty_lists += sum(1 for v in rec["props"].values() if _cell(v) == "")
    out: dict = {"nodes": [], "relationships": [], "node_count": 0, "relationship_count": 0}
    for i, (labels, g) in enumerate(sorted(node_groups.items())):
        path = folder / f"nodes-{i:02d}-{'-'.join(labels) or 'none'}.csv"
        out["node_count"] += g.write(path)
        out["nodes"].append(path)
    for rtype, g in sorted(rel_groups.items()):
        path = folder / f"rels-{rtype}.csv"
        out["relationship_count"] += g.write(path)
        out["relationships"].append(path)
    out["property_count"] = props_total
    # a CSV field cannot hold an empty array or tell an empty string from none: the importer
    # leaves such a property out
    out["empty_list_count"] = empty_lists
    out["seconds"] = round(time.perf_counter() - t0, 2)
    out["mb"] = round(sum(p.stat().st_size for p in [*out["nodes"], *out["relationships"]]) / 1e6, 1)
    return out


_DONE = re.compile(r"IMPORT DONE in (.+?)\.\s")
_COUNT = re.compile(r"^\s*(\d+)\s+(nodes|relationships|properties)\s*$", re.M)


def _duration_s(text: str) -> float:
    """'1m 2s 787ms' -> 62.787"""
    total = 0.0
    for num, unit in re.findall(r"(\d+)\s*(ms|h|m|s)", text):
        total += int(num) * {"h": 3600, "m": 60, "s": 1, "ms": 0.001}[unit]
    return total


def admin_import(node_files: Iterable[Path], rel_files: Iterable[Path], home: Path,
                 *, java: str, lib: Path, timeout: float = 3600) -> dict:
    """``neo4j-admin database import full`` into database ``neo4j`` of the (new) home
    ``home``; wall seconds (JVM start included), the tool's own time and its counts."""
    for sub in ("conf", "data", "logs", "run"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").write_text(
        f"server.directories.data={home / 'data'}\nserver.directories.logs={home / 'logs'}\n"
        f"server.directories.run={home / 'run'}\n", encoding="utf-8")
    cmd = [java, "-Dfile.encoding=UTF-8", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool",
           "database", "import", "full",
           *[f"--nodes={p}" for p in node_files], *[f"--relationships={p}" for p in rel_files],
           "--id-type=integer", "--array-delimiter=U+001F", "--multiline-fields=true",
           "--overwrite-destination=true", "neo4j"]
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=home)
    wall = time.perf_counter() - t0
    text = done.stdout + "\n" + done.stderr
    if done.returncode != 0 or not _DONE.search(text):
        tail = " ".join(text.strip().splitlines()[-5:])[-600:]
        raise RuntimeError(f"neo4j-admin database import exited with {done.returncode}: {tail}")
    counts = {kind: int(n) for n, kind in _COUNT.findall(text.split("IMPORT DONE", 1)[1])}
    return {"wall_s": round(wall, 2), "import_s": round(_duration_s(_DONE.search(text).group(1)), 2),
            "nodes": counts.get("nodes"), "relationships": counts.get("relationships"),
            "properties": counts.get("properties")}


def bulk_ceiling(driver, documents: int, *, settings=None) -> dict:
    """Export the live graph, import it into a scratch home, delete the scratch home.

    ``documents``: how many documents the graph holds (for docs/s). Raises when the import
    reports other node, relationship or property counts than were exported (empty lists,
    which CSV cannot carry, apart)."""
    from graph import server
    from samverkan.settings import get_settings

    s = settings or get_settings()
    java, _ = server.find_java()
    lib = server.ensure_jars(s, java)
    SCRATCH_PARENT.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="bench-import.", dir=SCRATCH_PARENT))
    try:
        exp = export_csv(driver, scratch / "csv")
        imp = admin_import(exp["nodes"], exp["relationships"], scratch / "home", java=java, lib=lib)
        if (imp["nodes"], imp["relationships"]) != (exp["node_count"], exp["relationship_count"]):
            raise RuntimeError(f"the import wrote {imp['nodes']} nodes / {imp['relationships']} relationships, "
                               f"the export had {exp['node_count']} / {exp['relationship_count']}")
        if imp["properties"] != exp["property_count"] - exp["empty_list_count"]:
            raise RuntimeError(f"the import wrote {imp['properties']} properties, the export had "
                               f"{exp['property_count']} ({exp['empty_list_count']} of them empty lists)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return {"documents": documents, "nodes": exp["node_count"], "relationships": exp["relationship_count"],
            "properties_exported": exp["property_count"], "properties_imported": imp["properties"],
            "empty_lists_left_out": exp["empty_list_count"],
            "csv_files": len(exp["nodes"]) + len(exp["relationships"]), "csv_mb": exp["mb"],
            "export_s": exp["seconds"], "import_wall_s": imp["wall_s"], "import_s": imp["import_s"],
            "docs_per_s_wall": round(documents / max(imp["wall_s"], 1e-9), 1),
            "docs_per_s_import": round(documents / max(imp["import_s"], 1e-9), 1)}


def main(argv=None) -> int:
    import argparse
    import json

    from graph.connection import get_driver, run_read

    ap = argparse.ArgumentParser(prog="python -m bench.bulk", description=__doc__.split("\n")[0])
    ap.parse_args(argv)
    with get_driver() as driver:
        n = run_read(driver, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
        print(json.dumps(bulk_ceiling(driver, n), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
