"""Read -> extract -> write, streaming, for the CLI, the app and the benchmark.

Documents are read and extracted one at a time (or by a pool of worker
processes, ``jobs > 1``) and written one transaction per document, so memory
stays flat however large the corpus is. A document whose text hash is already
in the graph is skipped before extraction: reloading an unchanged corpus costs
one hash and one index lookup per document.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from loaders.extract import extract_text
from loaders.readers import RawDocument, ReadError, iter_documents


@dataclass
class LoadSummary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    nodes_deleted: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.new + self.changed + self.unchanged + self.failed

    def line(self) -> str:
        return (f"{self.documents} documents: {self.new} new, {self.changed} changed, "
                f"{self.unchanged} unchanged, {self.failed} failed; "
                f"{self.nodes_created} nodes and {self.relationships_created} relationships created"
                + (f", {self.relationships_deleted} relationships and {self.nodes_deleted} nodes removed"
                   if self.relationships_deleted or self.nodes_deleted else ""))


def _extract(doc: RawDocument, keep_contact_details: bool) -> dict | str:
    try:
        return extract_text(doc.text, doc.name, doc.path, keep_contact_details=keep_contact_details)
    except Exception as exc:  # a bug in a rule must not stop a corpus load
        return f"{doc.path}: extraction failed ({type(exc).__name__}: {exc})"


def _extract_star(args):
    return _extract(*args)


def extract_stream(items: Iterable[RawDocument | ReadError], *, jobs: int = 1,
                   keep_contact_details: bool = False, chunk: int = 64) -> Iterator[dict | str]:
    """Extraction results (records, or one-line error strings) in input order."""
    if jobs <= 1:
        for it in items:
            yield str(it) if isinstance(it, ReadError) else _extract(it, keep_contact_details)
        return
    it = iter(items)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        while True:
            batch = list(islice(it, chunk))
            if not batch:
                return
            docs = [(b, keep_contact_details) for b in batch if not isinstance(b, ReadError)]
            results = iter(pool.map(_extract_star, docs, chunksize=8))
            for b in batch:
                yield str(b) if isinstance(b, ReadError) else next(results)


def load_paths(paths: Iterable[str | Path], driver=None, *, dry_run: bool = False,
               keep_contact_details: bool = False, jobs: int | None = None,
               progress: Callable[[str], None] | None = None) -> LoadSummary:
    """Load documents into Neo4j (or only extract them, ``dry_run``)."""
    from graph import writer
    from graph.documents import known_uids

    jobs = jobs if jobs is not None else 1
    summary = LoadSummary()

    def fresh(items: Iterable[RawDocument | ReadError]) -> Iterator[RawDocument | ReadError]:
        # skip documents whose exact text is already loaded, in batches of lookups
        buf: list[RawDocument | ReadError] = []
        for item in items:
            buf.append(item)
            if len(buf) >= 256:
                yield from flush(buf)
                buf = []
        yield from flush(buf)

    def flush(buf):
        docs = [b for b in buf if isinstance(b, RawDocument)]
        seen = known_uids(driver, [d.sha256 for d in docs]) if (driver is not None and not dry_run) else set()
        for b in buf:
            if isinstance(b, RawDocument) and b.sha256 in seen:
                summary.unchanged += 1
                if progress:
                    progress(b.name)
                continue
            yield b

    for result in extract_stream(fresh(iter_documents(paths)), jobs=jobs,
                                 keep_contact_details=keep_contact_details):
        if isinstance(result, str):
            summary.failed += 1
            summary.errors.append(result)
        elif dry_run or driver is None:
            summary.new += 1
        else:
            try:
                res = writer.write_record(driver, result, keep_contact_details=keep_contact_details)
            except Exception as exc:  # the transaction rolled back: nothing of it is written
                from graph.connection import DatabaseUnavailable

                if isinstance(exc, DatabaseUnavailable):
                    raise
                summary.failed += 1
                summary.errors.append(f"{result['path']}: not written ({type(exc).__name__}: {exc})")
            else:
                setattr(summary, res.status, getattr(summary, res.status) + 1)
                summary.nodes_created += res.nodes_created
                summary.relationships_created += res.relationships_created
                summary.relationships_deleted += getattr(res, "relationships_deleted", 0)
                summary.nodes_deleted += getattr(res, "nodes_deleted", 0)
        if progress:
            progress(result["document"] if isinstance(result, dict) else result.split(":")[0])
    return summary


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
