"""From files on disk to clean document text and metadata.

``read_document(path)`` reads one file and returns its documents (a spreadsheet export
gives one per row, every other format one); ``iter_documents(paths)`` walks files and
directories and yields documents and, for files that cannot be read, ``ReadError``s,
one file at a time::

    >>> for item in iter_documents(["docs/"]):           # doctest: +SKIP
    ...     if isinstance(item, ReadError):
    ...         print(item)                              # "docs/x.pdf: no text layer (scanned PDF?)"
    ...     else:
    ...         print(item.name, item.sha256[:12], item.title)

Formats: plain text (.txt .md .text, and files without a suffix), HTML (.html .htm),
PDF, Word (.docx), project-bank exports (.xlsx .xlsm .csv .tsv; .xls when it is really
a zip, HTML or text export). Every text is NFC with "\\n" newlines and no control
characters; ``sha256`` of the UTF-8 text is the document's identity.

Limits, so that one bad file cannot exhaust memory or stall a load:

* a file larger than ``SAMVERKAN_MAX_DOC_MB`` megabytes (default 20) is refused from its
  size before it is opened, and never more than that many bytes are read;
* a .docx/.xlsx whose zip parts unpack to more than 5 x that limit is refused from the
  zip directory before any XML is parsed (a 750 kB "zip bomb" held 300 MB of XML);
* an HTML page nested more than ``SAMVERKAN_MAX_NESTING`` elements deep (default 10 000), or
  whose unclosed formatting tags would cost the parser as much, is refused from a linear scan
  of its tags before it is parsed (the parser's time grows with the square of the depth);
* reading a file (other than a spreadsheet, whose rows stream) and extracting each document
  may each take ``SAMVERKAN_EXTRACT_TIMEOUT`` seconds (default 120; ``loaders.pipeline``).

Every failure is a ``ReadError`` whose ``str()`` is one line, ``"<path>: <reason>"``;
the reasons are listed in ``tests/test_bad_input.py``.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .readers_base import (RawDocument, ReadError, clean_text, decode_bytes, make_document, read_bytes,
                           read_time_limit)
from .readers_html import check_nesting, decode_html, html_to_text
from .readers_office import docx_text, pdf_text
from .readers_table import delimited_rows, html_table_rows, xlsx_rows

__all__ = ["RawDocument", "ReadError", "SUPPORTED_SUFFIXES", "read_document", "iter_documents"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".csv", ".tsv"})
#: suffixes ``read_document`` reads (lower case); files without a suffix are read as text too
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | SHEET_SUFFIXES | {".pdf", ".docx"}

_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def _suffix(path: Path) -> str:
    """The file type suffix, lower case; "" for none ("2016.00112 - Projekt" has none)."""
    match = _SUFFIX.search(path.name)
    return match.group(0).lower() if match and match.start() > 0 else ""


def read_document(path: str | os.PathLike) -> list[RawDocument]:
    """Read one file into its documents; any problem is a one-line ``ReadError``."""
    return list(iter_file(path))


def iter_file(path: str | os.PathLike) -> Iterator[RawDocument]:
    """One file's documents as they are read (a spreadsheet's rows one at a time); any
    problem is a one-line ``ReadError``, raised where it is met."""
    path = Path(path)
    suffix = _suffix(path)
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(path, f"unsupported file type {suffix}")
    data = read_bytes(path)
    try:
        yield from _read(path, suffix, data)
    except (ReadError, MemoryError, RecursionError) as exc:
        if isinstance(exc, RecursionError):
            raise ReadError(path, "document nested too deeply to read") from None
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a load
        raise ReadError(path, f"could not read ({type(exc).__name__}: {exc})") from None


def _read(path: Path, suffix: str, data: bytes) -> Iterable[RawDocument]:
    if not data.strip():
        raise ReadError(path, "empty file")
    if suffix == "":
        suffix = _sniff(data)
    if suffix in TEXT_SUFFIXES:
        text, encoding = decode_bytes(data, path)
        return [make_document(path, clean_text(text), "text", encoding=encoding)]
    if suffix in HTML_SUFFIXES:
        markup, encoding = decode_html(data, path)
        text, title = html_to_text(markup, path)
        return [make_document(path, text, "html", title=title, encoding=encoding)]
    if suffix == ".pdf":
        return [make_document(path, pdf_text(data, path), "pdf")]
    if suffix == ".docx":
        text, title = docx_text(data, path)
        return [make_document(path, text, "docx", title=title)]
    return _read_sheet(path, suffix, data)


def _sniff(data: bytes) -> str:
    """The format of a file without a suffix, from its first bytes."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            names = set()
        if "word/document.xml" in names:
            return ".docx"
        if "xl/workbook.xml" in names:
            return ".xlsx"
    if head.startswith((b"<!doctype html", b"<html")):
        return ".html"
    return ".txt"  # decode_bytes refuses what is not text


def _read_sheet(path: Path, suffix: str, data: bytes) -> Iterator[RawDocument]:
    encoding = None
    if suffix == ".xls" and data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(path, "old Excel .xls format is not supported: save it as .xlsx or .csv")
    if suffix in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        rows = xlsx_rows(data, path)
    elif suffix == ".xls" and data.lstrip()[:1].startswith(b"<"):
        markup, encoding = decode_html(data, path)
        check_nesting(markup, path)
        rows = html_table_rows(markup, path)
    else:
        rows, encoding = delimited_rows(data, path, "\t" if suffix == ".tsv" else None)
    for n, text, name, info in rows:
        yield make_document(path, text, "spreadsheet-row", name=f"{path.name}#row-{n}",
                            title=name, encoding=encoding, row=info)


# ---------------------------------------------------------------- many files

def iter_documents(paths: Iterable[str | os.PathLike]) -> Iterator[RawDocument | ReadError]:
    """Documents from files and directories, one file at a time, in a stable order.

    Directories are walked recursively in sorted order; hidden files and directories,
    Office lock files (``~$x.docx``) and unsupported suffixes are skipped silently.
    A file that cannot be read (broken link, no permission, corrupt, empty …) yields
    its ``ReadError`` and the walk goes on. A file named explicitly is always tried.
    """
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, seen_dirs)
        else:
            yield from _read_one(path)


def _read_one(path: Path) -> Iterator[RawDocument | ReadError]:
    # a spreadsheet's rows stream one at a time; any other file is read whole first
    sheet = _suffix(path) in SHEET_SUFFIXES
    try:
        if sheet:
            for doc in iter_file(path):
                yield doc
            return
        with read_time_limit(path):  # the document's time limit covers reading too
            docs = read_document(path)
    except ReadError as exc:
        yield exc
        return
    except Exception as exc:  # noqa: BLE001 - belt and braces: never stop the walk
        yield ReadError(path, f"could not read ({type(exc).__name__}: {exc})")
        return
    yield from docs


def _wanted(name: str) -> bool:
    if name.startswith((".", "~$")):
        return False
    suffix = _suffix(Path(name))
    return suffix == "" or suffix in SUPPORTED_SUFFIXES


def _walk(directory: Path, seen: set[tuple[int, int]]) -> Iterator[RawDocument | ReadError]:
    try:
        st = directory.stat()
        key = (st.st_dev, st.st_ino)
        if key in seen:  # a symlink loop, or the same folder given twice
            return
        seen.add(key)
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        yield ReadError(directory, f"cannot list directory ({exc.strerror or exc})")
        return
    for name in names:
        if name.startswith((".", "~$")):
            continue
        child = directory / name
        try:
            is_dir = child.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(child, seen)
        elif _wanted(name):
            yield from _read_one(child)

