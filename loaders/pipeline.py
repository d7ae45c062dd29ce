"""Read -> extract -> write, streaming, for the CLI, the app and the benchmark.

Documents are read and extracted one at a time (or by a pool of worker
processes, ``jobs > 1``) and written ``WRITE_BATCH`` documents per transaction
(with the semantics of one transaction per document, see
``graph.writer.write_records``), so memory stays flat however large the corpus is. A document whose text hash is already
in the graph is skipped before extraction: reloading an unchanged corpus costs
one hash and one index lookup per document.

Failure handling (issue 6): every way a document can fail becomes one line
``"<file>: <reason>"`` in ``LoadSummary.errors`` and one count in ``failed``,
and the run goes on with the next document:

* the file cannot be read (``ReadError``: empty, binary, too large, corrupt, no text
  layer, no permission, symlink loop …);
* extraction raises, or takes longer than ``SAMVERKAN_EXTRACT_TIMEOUT`` seconds
  (default 120; 0 switches the limit off), or returns something that is not a record;
* with ``jobs > 1``, the worker process dies (out of memory, a crash in a C library):
  the pool is replaced and the other documents are extracted again;
* the writer refuses the record or its transaction fails (rolled back: nothing of the
  document is written).

Only a complete record ever reaches the writer, and a document the writer refuses
is written by nothing (a failed batch is written again one document per
transaction), so nothing of a failed document is in the graph. A database that goes
away in the middle of a load stops the load with ``DatabaseUnavailable`` (carrying
the summary so far as ``.summary``) instead of failing every remaining document;
running the same load again completes it.

A spreadsheet row is its own document: its record's ``path`` is ``file#row-N`` so
that the rows of one export do not replace each other as "new versions" of one path.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from loaders.extract import extract_text
from loaders.readers import RawDocument, ReadError, iter_documents
from loaders.readers_base import alarm_after

#: environment variable: seconds one document's extraction may take (0: no limit)
EXTRACT_TIMEOUT_ENV = "SAMVERKAN_EXTRACT_TIMEOUT"
DEFAULT_EXTRACT_TIMEOUT = 120.0
#: documents written per transaction (graph.writer.write_records)
WRITE_BATCH = 100
_RECORD_LISTS = ("organizations", "municipalities", "projects", "people", "target_groups", "relations")


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
    #: what replaying the decisions file did (graph.resolution.replay), when it did anything
    decisions: str | None = None

    @property
    def documents(self) -> int:
        return self.new + self.changed + self.unchanged + self.failed

    def line(self) -> str:
        return (f"{self.documents} documents: {self.new} new, {self.changed} changed, "
                f"{self.unchanged} unchanged, {self.failed} failed; "
                f"{self.nodes_created} nodes and {self.relationships_created} relationships created"
                + (f", {self.relationships_deleted} relationships and {self.nodes_deleted} nodes removed"
                   if self.relationships_deleted or self.nodes_deleted else "")
                + (f"; {self.decisions}" if self.decisions else ""))


# ---------------------------------------------------------------- one document

def _one_line(text, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def document_key(doc: RawDocument) -> str:
    """The identity a document's record is written under: its path, ``file#row-N`` for a row."""
    if doc.media_type == "spreadsheet-row" and "#" in doc.name:
        return f"{doc.path}#{doc.name.rsplit('#', 1)[1]}"
    return doc.path


MAX_LINE_ENV = "SAMVERKAN_MAX_LINE_CHARS"
DEFAULT_MAX_LINE = 200_000


def shape_problem(text: str) -> str | None:
    """A cheap look before the expensive rules: a document that is one enormous line, or
    whose characters are nearly all no letters, is no prose to read (a 5 MB line of commas
    used to spend the whole extraction time limit). The reason, or None."""
    raw = os.environ.get(MAX_LINE_ENV, "").strip()
    try:
        limit = int(raw) if raw else DEFAULT_MAX_LINE
    except ValueError:
        limit = DEFAULT_MAX_LINE
    longest = max((len(x) for x in text.split("\n")), default=0) if len(text) > limit else 0
    if longest > limit:
        def n(x: int) -> str:
            return f"{x:,}".replace(",", " ")
        return f"a line of {n(longest)} characters is no document text ({MAX_LINE_ENV} sets the limit, now {n(limit)})"
    if len(text) > 20_000:
        sample = text[:200_000]
        letters = sum(ch.isalpha() for ch in sample)
        if letters < 0.2 * len(sample):
            return f"only {100 * letters // len(sample)} % of its characters are letters: no prose to read"
    return None


def extract_timeout() -> float:
    raw = os.environ.get(EXTRACT_TIMEOUT_ENV, "").strip()
    try:
        return float(raw) if raw else DEFAULT_EXTRACT_TIMEOUT
    except ValueError:
        return DEFAULT_EXTRACT_TIMEOUT


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` in a rule eats it."""


def _time_limit(seconds: float):
    """SIGALRM after ``seconds`` where possible (``readers_base.alarm_after``): regular
    expressions check for signals while they backtrack, so a runaway pattern stops too."""
    return alarm_after(seconds, _Timeout)


def _record_problem(record, doc: RawDocument) -> str | None:
    if not isinstance(record, dict):
        return f"a {type(record).__name__}, not a record"
    for name in _RECORD_LISTS:
        if not isinstance(record.get(name, []), list):
            return f"{name} is not a list"
    if record.get("doc_uid") != doc.sha256:
        return "its doc_uid is not the hash of the document text"
    return None


def _extract(doc: RawDocument, keep_contact_details: bool, timeout: float | None = None) -> dict | str:
    """One document -> its record, or a one-line error naming it. Never raises."""
    key = document_key(doc)
    limit = extract_timeout() if timeout is None else timeout
    problem = shape_problem(doc.text)
    if problem:
        return f"{key}: {problem}"
    try:
        try:
            with _time_limit(limit):
                if doc.row is not None:  # a spreadsheet row: its fields, then its free text
                    from loaders.table_record import extract_row

                    record = extract_row(doc, keep_contact_details, key)
                else:
                    record = extract_text(doc.text, doc.name, key, keep_contact_details=keep_contact_details)
                record = _resolved(record, doc.text)
        except _Timeout:
            return (f"{key}: extraction took longer than {limit:g} s "
                    f"(a document too large or too odd; {EXTRACT_TIMEOUT_ENV} sets the limit)")
        except RecursionError:
            return f"{key}: extraction failed (RecursionError: document nested too deeply)"
        except Exception as exc:  # noqa: BLE001 - a bug in a rule must not stop a corpus load
            return f"{key}: extraction failed ({type(exc).__name__}: {_one_line(exc)})"
    except _Timeout:  # the alarm went off just as extraction finished
        return f"{key}: extraction took longer than {limit:g} s ({EXTRACT_TIMEOUT_ENV} sets the limit)"
    problem = _record_problem(record, doc)
    if problem:
        return f"{key}: extraction returned an unusable record ({problem})"
    if doc.title:  # the reader knows it better: <h1>/<title>, the Word title, the row's project
        record["title"] = doc.title
    return record


def _resolved(record, text: str):
    """The finished record through the resolution stage (``loaders.resolve``: one key per
    real actor, people's decisions replayed), which both ``extract --json`` and the writer see."""
    from loaders import decisions
    from loaders.resolve import resolve_record

    if not isinstance(record, dict):
        return record
    return resolve_record(record, text, decisions=decisions.current())


def _extract_star(args):
    return _extract(*args)


# ---------------------------------------------------------------- many documents

def _results(items: Iterable[RawDocument | ReadError], jobs: int, keep_contact_details: bool,
             chunk: int) -> Iterator[tuple[RawDocument | ReadError, dict | str]]:
    """(item, record or error line) in input order."""
    if jobs <= 1:
        for item in items:
            if isinstance(item, ReadError):
                yield item, str(item)
            else:
                yield item, _extract(item, keep_contact_details)
        return
    yield from _parallel(items, jobs, keep_contact_details, chunk)


def _parallel(items, jobs: int, keep_contact_details: bool, chunk: int):
    """A pool of workers; a worker that dies costs only its own document.

    The next batch is submitted before the current one is handed out, so the workers
    extract while the caller writes. When the pool breaks, every unfinished document is
    extracted again, one at a time in a new pool; the one that breaks that pool too is
    the culprit.
    """
    timeout = extract_timeout()
    it = iter(items)
    pool = ProcessPoolExecutor(max_workers=jobs)
    generation = 0

    def submit(batch):
        return [(b, None if isinstance(b, ReadError)
                 else pool.submit(_extract, b, keep_contact_details, timeout), generation) for b in batch]

    def alone(item):
        return pool.submit(_extract, item, keep_contact_details, timeout).result()

    try:
        current = submit(list(islice(it, chunk)))
        while current:
            upcoming = submit(list(islice(it, chunk)))
            for item, future, gen in current:
                if future is None:
                    yield item, str(item)
                    continue
                try:
                    # a future of a pool that broke since: extract it again in the new one
                    result = future.result() if gen == generation else alone(item)
                except BrokenProcessPool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = ProcessPoolExecutor(max_workers=jobs)
                    generation += 1
                    try:
                        result = alone(item)
                    except BrokenProcessPool:
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = ProcessPoolExecutor(max_workers=jobs)
                        generation += 1
                        result = (f"{document_key(item)}: extraction failed (the worker process "
                                  f"died: out of memory, or a crash in a library)")
                yield item, result
            current = upcoming
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def extract_stream(items: Iterable[RawDocument | ReadError], *, jobs: int = 1,
                   keep_contact_details: bool = False, chunk: int = 64) -> Iterator[dict | str]:
    """Extraction results (records, or one-line error strings) in input order."""
    for _item, result in _results(items, jobs, keep_contact_details, chunk):
        yield result


def _database_gone(exc: BaseException, where: str):
    """A DatabaseUnavailable for a connection lost in the middle of a load."""
    from graph.connection import DatabaseUnavailable, unreachable_message
    from samverkan.settings import get_settings

    try:
        uri = get_settings().neo4j_uri
    except Exception:  # noqa: BLE001
        uri = "NEO4J_URI"
    return DatabaseUnavailable(
        f"{unreachable_message(uri)} (lost at {where}: {type(exc).__name__}; nothing of that "
        f"document was written; run the same load again to complete the graph)")


def load_paths(paths: Iterable[str | Path], driver=None, *, dry_run: bool = False,
               keep_contact_details: bool = False, jobs: int | None = None,
               progress: Callable[[str], None] | None = None) -> LoadSummary:
    """Load documents into Neo4j (or only extract them, ``dry_run``).

    Failures are counted and listed in the summary (see the module docstring); the
    caller decides the exit status (``summary.failed``). Raises ``DatabaseUnavailable``
    when the database goes away, with the summary so far as its ``summary`` attribute.
    """
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    from graph import documents, writer
    from graph.connection import DatabaseUnavailable

    jobs = jobs if jobs is not None else 1
    summary = LoadSummary()
    writing = driver is not None and not dry_run
    where = ["the start"]

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
        seen = documents.known_uids(driver, [d.sha256 for d in docs]) if writing and docs else set()
        for b in buf:
            if isinstance(b, RawDocument) and b.sha256 in seen:
                summary.unchanged += 1
                if progress:
                    progress(b.name)
                continue
            yield b

    # items in stream order, waiting for their records to be written: errors and progress
    # are reported in input order, as if every document were written on its own
    pending: list[tuple[str, RawDocument | ReadError, dict | str]] = []
    n_records = [0]
    written: set[str] = set()  # documents this load wrote (resolved with today's decisions)

    def count(res) -> None:
        setattr(summary, res.status, getattr(summary, res.status) + 1)
        summary.nodes_created += res.nodes_created
        summary.relationships_created += res.relationships_created
        summary.relationships_deleted += getattr(res, "relationships_deleted", 0)
        summary.nodes_deleted += getattr(res, "nodes_deleted", 0)

    def report(label: str, item, result, res) -> None:
        if isinstance(result, str):
            summary.failed += 1
            summary.errors.append(result)
        elif not writing:
            summary.new += 1
        elif res.status == "failed":
            summary.failed += 1
            summary.errors.append(f"{label}: not written ({type(res.error).__name__}: "
                                  f"{_one_line(res.error)})")
        else:
            count(res)
        if progress:
            progress(item.name if isinstance(item, RawDocument) else item.path)

    def flush_pending() -> None:
        # many documents per transaction (graph.writer.write_records): the same semantics
        # as one at a time; a document that fails still fails alone
        batch = pending[:]
        pending.clear()
        n_records[0] = 0
        records = [(k, entry) for k, entry in enumerate(batch) if isinstance(entry[2], dict)]
        results: dict[int, object] = {}
        if records:
            where[0] = records[0][1][0]
            try:
                out = writer.write_records(driver, [entry[2] for _, entry in records],
                                           keep_contact_details=keep_contact_details,
                                           batch_size=WRITE_BATCH)
            except (DatabaseUnavailable, ServiceUnavailable, SessionExpired, AuthError) as exc:
                done = getattr(exc, "written", None) or []  # the records before the lost one
                lost = records[len(done)][0] if len(done) < len(records) else len(batch)
                for k, entry in enumerate(batch[:lost]):
                    res = done[[r[0] for r in records].index(k)] if isinstance(entry[2], dict) else None
                    report(*entry, res)
                if lost < len(batch):
                    where[0] = batch[lost][0]
                raise
            results = {k: res for (k, _), res in zip(records, out)}
            written.update(entry[2]["doc_uid"] for (_, entry), res in zip(records, out)
                           if getattr(res, "status", None) in ("new", "changed"))
        for k, entry in enumerate(batch):
            report(*entry, results.get(k))

    try:
        for item, result in _results(fresh(iter_documents(paths)), jobs, keep_contact_details, 64):
            label = item.path if isinstance(item, ReadError) else document_key(item)
            if not writing or (isinstance(result, str) and not pending):
                report(label, item, result, None)
                continue
            pending.append((label, item, result))
            if isinstance(result, dict):
                n_records[0] += 1
                if n_records[0] >= WRITE_BATCH:
                    flush_pending()
        flush_pending()
        from loaders.decisions import default_path

        if writing and default_path().exists():  # decisions added or withdrawn since the last load
            from graph.resolution import replay

            where[0] = "the replay of the decisions"
            replayed = replay(driver, keep_contact_details=keep_contact_details, skip=written)
            if replayed.changed:
                summary.decisions = replayed.line()
                summary.errors += replayed.errors
    except DatabaseUnavailable as exc:
        exc.summary = summary
        raise
    except (ServiceUnavailable, SessionExpired) as exc:
        err = _database_gone(exc, where[0])
        err.summary = summary
        raise err from None
    except AuthError as exc:
        err = DatabaseUnavailable(f"Neo4j refused the credentials during the load ({_one_line(exc)})")
        err.summary = summary
        raise err from None
    return summary


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
