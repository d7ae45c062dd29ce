"""What every reader shares: the document type, the error, decoding and text cleaning.

Kept apart from ``loaders.readers`` so that the per-format helpers can import it
without a cycle; use ``loaders.readers`` from the outside.
"""
from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import io
import os
import re
import signal
import stat
import threading
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_DOC_MB = 20.0


@dataclass(frozen=True)
class RawDocument:
    """One document's clean text and what we know about where it came from.

    ``sha256`` (of the UTF-8 text) is the document's identity: the same text read
    from a .txt and from an .html file gets the same id.
    """

    name: str  # file name, or "export.xlsx#row-3" for a spreadsheet row
    path: str  # absolute path of the file
    text: str  # NFC, "\n" newlines, no NUL or other control characters except tab
    sha256: str
    media_type: str  # "text" | "html" | "pdf" | "docx" | "spreadsheet-row"
    title: str | None = None
    encoding: str | None = None
    #: a spreadsheet row's cells by field, the file's column mapping and what it did not use
    #: (``loaders.table_record`` builds the record from it; None for every other document)
    row: dict | None = field(default=None, hash=False, compare=False)


class ReadError(Exception):
    """A file that cannot be read as a document; ``str()`` is one line: ``path: reason``."""

    def __init__(self, path: str | os.PathLike, reason: str):
        from samverkan.safe_output import one_line

        self.path = one_line(path)  # a newline or control character in a file name stays on one line
        self.reason = " ".join(str(reason).split())  # always one line
        super().__init__(f"{self.path}: {self.reason}")


def make_document(path: Path, text: str, media_type: str, *, name: str | None = None,
                  title: str | None = None, encoding: str | None = None, row: dict | None = None) -> RawDocument:
    """A RawDocument from already-cleaned text; empty text is a ReadError."""
    if not text.strip():
        raise ReadError(path, "empty file" if media_type == "text" else "no text content")
    if title is not None:
        title = " ".join(clean_text(title).split()) or None
    return RawDocument(
        name=name or path.name,
        path=str(path.absolute()),
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type=media_type,
        title=title,
        encoding=encoding,
        row=row,
    )


# ---------------------------------------------------------------- size limit and reading

def max_doc_bytes(path: str | os.PathLike) -> int:
    raw = os.environ.get("SAMVERKAN_MAX_DOC_MB", "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MAX_DOC_MB
    except ValueError:
        raise ReadError(path, f"SAMVERKAN_MAX_DOC_MB must be a number of megabytes, not {raw!r}")
    return int(mb * 1_000_000)


def _limit_mb_text() -> str:
    raw = os.environ.get("SAMVERKAN_MAX_DOC_MB", "").strip()
    try:
        return f"{float(raw) if raw else DEFAULT_MAX_DOC_MB:g}"
    except ValueError:
        return raw


def os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read ({exc.strerror or exc})"


def check_file(path: Path) -> int:
    """Stat the file before anything opens it: it must be a regular file within the size limit.

    Returns its size. A FIFO or device would block or never end, so they are refused
    here rather than opened.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "file not found"
        raise ReadError(path, reason) from None
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as exc:
        raise ReadError(path, os_reason(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(path, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(path, "not a regular file")
    limit = max_doc_bytes(path)
    if st.st_size > limit:
        raise ReadError(path, f"{st.st_size / 1_000_000:.1f} MB is larger than the "
                              f"{_limit_mb_text()} MB limit (set SAMVERKAN_MAX_DOC_MB)")
    return st.st_size


def read_bytes(path: Path) -> bytes:
    """The file's bytes, after ``check_file``; never more than the limit (files can grow)."""
    check_file(path)
    limit = max_doc_bytes(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as exc:
        raise ReadError(path, os_reason(exc)) from None
    if len(data) > limit:
        raise ReadError(path, f"larger than the {_limit_mb_text()} MB limit (set SAMVERKAN_MAX_DOC_MB)")
    return data


# ---------------------------------------------------------------- the reading budget

#: the same per-document time limit as extraction (``loaders.pipeline``): reading a file may
#: take at most this many seconds, and so may extracting each of its documents
READ_TIMEOUT_ENV = "SAMVERKAN_EXTRACT_TIMEOUT"
DEFAULT_READ_TIMEOUT = 120.0


def read_timeout() -> float:
    raw = os.environ.get(READ_TIMEOUT_ENV, "").strip()
    try:
        return float(raw) if raw else DEFAULT_READ_TIMEOUT
    except ValueError:
        return DEFAULT_READ_TIMEOUT


class _ReadTimeout(BaseException):
    """Raised by the alarm; a BaseException so that a reader's ``except Exception`` (pypdf's
    and python-docx's zoo of errors) does not take it for a broken file."""


@contextlib.contextmanager
def alarm_after(seconds: float | None, exc: type[BaseException]):
    """Raise ``exc`` in the block after ``seconds`` (SIGALRM), where that is possible: on the
    main thread of a process that has no other timer running. Elsewhere (threads, as in the
    Streamlit app) there is no limit. Reading and extraction share it."""
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
        yield
        return

    def alarm(signum, frame):
        raise exc

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def read_time_limit(path, seconds: float | None = None):
    """Reading ``path`` inside the block stops after ``seconds`` (``SAMVERKAN_EXTRACT_TIMEOUT``)
    with a one-line ReadError. SIGALRM, so only on the main thread of a process with no other
    timer running (the CLI); Python code is stopped, a long call into a C parser is not, so
    the readers refuse what would make one run long (the nesting depth of HTML) beforehand."""
    limit = read_timeout() if seconds is None else seconds
    try:
        with alarm_after(limit, _ReadTimeout):
            yield
    except _ReadTimeout:
        raise ReadError(path, f"reading took longer than {limit:g} s (a file too large or too odd; "
                              f"{READ_TIMEOUT_ENV} sets the limit)") from None


#: an Office file (a zip) may unpack to at most this many times the size limit
ZIP_EXPANSION = 5


def check_zip(data: bytes, path, what: str) -> None:
    """Refuse a zip (.docx/.xlsx) whose parts unpack to more than ZIP_EXPANSION x the limit.

    A 750 kB .docx can hold 300 MB of XML (a "zip bomb"); parsing that takes many
    minutes and gigabytes, so the sizes in the zip directory are checked first.
    A truncated or corrupt zip is a ReadError here too.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise ReadError(path, f"not a valid {what} (truncated or corrupt zip)") from None
    total = sum(max(0, info.file_size) for info in infos)
    allowed = ZIP_EXPANSION * max_doc_bytes(path)
    if total > allowed:
        raise ReadError(path, f"{what} unpacks to {total / 1_000_000:.0f} MB, more than the "
                              f"{allowed / 1_000_000:g} MB allowed ({ZIP_EXPANSION} x the size "
                              f"limit; a zip bomb?)")


# ---------------------------------------------------------------- decoding

_BINARY_MAGIC = {
    b"%PDF-": "a PDF file",
    b"PK\x03\x04": "a zip archive (Office file?)",
    b"\xd0\xcf\x11\xe0": "an old Office file (.doc/.xls)",
    b"\x89PNG": "an image",
    b"\xff\xd8\xff": "an image",
    b"GIF8": "an image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}

# Characters that Swedish text in the right decoding is made of; scoring candidate
# decodings by them tells cp1252 from mac_roman from cp850 where the detector guesses.
_SWEDISH = set("åäöÅÄÖéÉüÜ")
_SINGLE_BYTE_CANDIDATES = ("cp1252", "mac_roman", "cp850")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return bad / len(text)


def _swedish_score(text: str) -> int:
    score = 0
    for ch in text[:200_000]:
        if ch < "\x80":
            continue
        if ch in _SWEDISH:
            score += 2
        elif unicodedata.category(ch) in ("Cc", "Co", "Cn"):
            score -= 3
        elif ch.isalpha():
            score -= 1
    return score


def _decode_single_byte(data: bytes, encoding: str) -> str:
    # cp1252 leaves five bytes undefined; read those as Latin-1 rather than failing
    if encoding == "cp1252":
        return data.decode("cp1252", errors="latin1_fallback")
    return data.decode(encoding, errors="replace")


def _latin1_fallback(exc: UnicodeDecodeError):
    return exc.object[exc.start:exc.end].decode("latin-1"), exc.end


def _cp1252_fallback(exc: UnicodeDecodeError):
    chunk = exc.object[exc.start:exc.end]
    return chunk.decode("cp1252", errors="latin1_fallback"), exc.end


codecs.register_error("latin1_fallback", _latin1_fallback)
codecs.register_error("cp1252_fallback", _cp1252_fallback)


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 32 or len(data) % 2:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, path: str | os.PathLike) -> tuple[str, str]:
    """Bytes of a text file -> (text, encoding); binary data is a ReadError.

    UTF-8 (with or without BOM) first, UTF-16 with a BOM, then the best of
    charset-normalizer's guesses and the single-byte encodings Swedish files come in
    (Windows-1252, Mac Roman, DOS cp850), judged by how Swedish the result looks.
    Mostly-UTF-8 text with a few stray Windows-1252 bytes keeps its UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _check_text(data[3:].decode("utf-8", errors="replace"), path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _check_text(data.decode("utf-16", errors="replace"), path), "utf-16"
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ReadError(path, f"binary file, not a document ({what})")
    if b"\x00" in data:
        utf16 = _looks_utf16(data)
        try:
            text = data.decode(utf16) if utf16 else None
        except UnicodeDecodeError:
            text = None
        if text is None:
            raise ReadError(path, "binary file, not a document")
        return _check_text(text, path), utf16
    try:
        return _check_text(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    stray = replaced.count("\ufffd")
    multibyte = len(replaced) - len(replaced.encode("ascii", errors="ignore")) - stray
    if multibyte and multibyte >= stray:
        text = data.decode("utf-8", errors="cp1252_fallback")
        return _check_text(text, path), "utf-8"
    # judge the candidates on a sample, then decode everything with the winner
    sample = data[:200_000]
    candidates: dict[str, str] = {}
    for enc in _SINGLE_BYTE_CANDIDATES:
        candidates[enc] = _decode_single_byte(sample, enc)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample).best()
    except Exception:  # the detector is a heuristic; never let it fail a read
        best = None
    if best is not None and best.encoding not in candidates:
        try:
            data.decode(best.encoding)
            candidates[best.encoding] = str(best)
        except (UnicodeDecodeError, LookupError):
            pass
    # first candidate wins ties: cp1252 is the usual Swedish legacy encoding
    encoding = max(candidates, key=lambda enc: _swedish_score(candidates[enc]))
    if encoding in _SINGLE_BYTE_CANDIDATES:
        text = _decode_single_byte(data, encoding)
    else:
        text = data.decode(encoding)
    return _check_text(text, path), encoding


def _check_text(text: str, path) -> str:
    if _control_ratio(text[:100_000]) > 0.05:
        raise ReadError(path, "binary file, not a document")
    return text


# ---------------------------------------------------------------- cleaning

# control characters (tab and newline excepted) and invisible format characters
_REMOVE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACE_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_TRAILING_RE = re.compile("[ \t]+(?=\n)")
_PDF_ACCENTS = {  # spacing accents some PDFs emit after the letter
    "a\u02da": "å", "A\u02da": "Å", "a\u00a8": "ä", "A\u00a8": "Ä",
    "o\u00a8": "ö", "O\u00a8": "Ö", "e\u00b4": "é", "E\u00b4": "É", "u\u00a8": "ü",
    "\u02daa": "å", "\u00a8a": "ä", "\u00a8o": "ö", "\u02daA": "Å", "\u00a8A": "Ä", "\u00a8O": "Ö",
}
_PDF_ACCENT_RE = re.compile("|".join(map(re.escape, _PDF_ACCENTS)))


def fix_pdf_accents(text: str) -> str:
    return _PDF_ACCENT_RE.sub(lambda m: _PDF_ACCENTS[m.group(0)], text)


#: a word a PDF's line wrap broke at its hyphen ("Samordnings-⏎förbundet"); not a coordinated
#: compound's first part ("Arbets-⏎och kompetenscenter"), which keeps its hyphen
_WRAP_HYPHEN = re.compile(r"(?<=[A-Za-zÅÄÖåäöÉé])-[ \t]*\n[ \t]*(?=[a-zåäö])(?!(?:och|eller|samt|respektive|till)\b)")


def join_wrapped_words(text: str) -> str:
    """ "Samordnings-⏎förbundet" -> "Samordningsförbundet", "ESF-⏎projektet" -> "ESF-projektet"
    (after a capital the hyphen is the compound's own)."""
    if "-\n" not in text and "- \n" not in text:
        return text
    return _WRAP_HYPHEN.sub(lambda m: "-" if text[m.start() - 1].isupper() else "", text)


def clean_text(text: str) -> str:
    """NFC, "\\n" newlines, Unicode spaces as plain spaces, no control characters but tab,
    no trailing spaces, at most one blank line in a row, no leading/trailing blank lines.

    Written for speed on 20 MB texts: each pass runs only when its characters occur.
    """
    text = text.replace("\r\n", "\n")
    for old, new in (("\r", "\n"), ("\u2028", "\n"), ("\x85", "\n"), ("\v", "\n"),
                     ("\u2029", "\n\n"), ("\f", "\n\n")):
        if old in text:
            text = text.replace(old, new)
    text = _REMOVE_RE.sub("", text)
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text = _SPACE_RE.sub(" ", text)
        text = _SURROGATE_RE.sub("\ufffd", text)  # lone surrogates from a broken decoder
    text = _TRAILING_RE.sub("", text)
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n").rstrip()
