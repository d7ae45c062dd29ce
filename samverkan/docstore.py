"""The instance's own document store: the files uploaded in the app, kept under
``<SAMVERKAN_HOME>/documents/`` so that every fact read from them can be shown in its text.

Layout: ``uploads/<sha256 of the bytes, 16 hex>/<file name>`` with a hidden
``.meta.json`` beside it (original name, upload time, the uploader's role, the web address it
came from when given). A folder per content: the same file uploaded twice is stored once;
two files of the same name with other contents are two documents, neither replaces the other.
``samverkan load`` of a folder reads them as any other files (hidden files are skipped).

:func:`document_text` gives a loaded document's text back from wherever its ``path`` points
(the store, or the folder ``samverkan load`` read), re-read with the loader's readers and
checked against the document's id, the SHA-256 of its text: what it returns is exactly the
text the facts were extracted from, or nothing.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

META = ".meta.json"
_MAX_NAME = 120


def store_root(home: Path | None = None) -> Path:
    from samverkan.settings import get_settings

    return (home / "documents") if home is not None else get_settings().documents


def safe_name(name: str | None) -> str:
    """A file name that stays one plain component in the store.

    >>> safe_name("../../etc/passwd"), safe_name("rapport\\n2023.pdf"), safe_name(".."), safe_name("a/b:c.txt")
    ('passwd', 'rapport 2023.pdf', 'dokument', 'b:c.txt')
    """
    text = unicodedata.normalize("NFC", str(name or ""))
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    text = re.sub(r"\s+", " ", text).strip().lstrip(".").strip()
    if not text:
        return "dokument"
    if len(text) > _MAX_NAME:
        stem, dot, suffix = text.rpartition(".")
        text = (stem[: _MAX_NAME - len(suffix) - 1] + "." + suffix) if dot and len(suffix) <= 5 else text[:_MAX_NAME]
    return text


def check_url(url: str | None) -> str | None:
    """The web address as given (stripped), None when empty; ValueError unless http(s).

    >>> check_url(" https://example.se/a "), check_url("")
    ('https://example.se/a', None)
    """
    url = (url or "").strip()
    if not url:
        return None
    if not re.match(r"^https?://[^\s/]+", url, re.I) or any(ch.isspace() for ch in url):
        raise ValueError("en webbadress börjar med http:// eller https:// och har inga mellanslag")
    return url


def store_upload(name: str, data: bytes, *, url: str | None = None, role: str | None = None,
                 home: Path | None = None) -> Path:
    """Keep an uploaded file in the store; returns its path there (the path the load records)."""
    digest = hashlib.sha256(data).hexdigest()
    folder = store_root(home) / "uploads" / digest[:16]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_name(name)
    if not path.is_file() or path.read_bytes() != data:
        tmp = folder / f".{path.name}.part"
        tmp.write_bytes(data)
        tmp.replace(path)
    meta_path = folder / META
    meta = _read_meta(meta_path)
    meta.setdefault("files", {})[path.name] = {
        "original_name": str(name), "sha256": digest, "bytes": len(data),
        "uploaded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "role": role, "url": check_url(url)}
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _read_meta(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def file_of(doc_path: str) -> Path:
    """The file behind a Document's ``path`` (a spreadsheet row's is ``file#row-N``)."""
    return Path(re.sub(r"#row-\d+$", "", str(doc_path)))


def upload_info(doc_path: str, home: Path | None = None) -> dict | None:
    """What the store knows about an uploaded file (original name, time, role, url), or None
    when the document was not uploaded through the app."""
    path = file_of(doc_path)
    try:
        path.resolve().relative_to(store_root(home).resolve())
    except (ValueError, OSError):
        return None
    return _read_meta(path.parent / META).get("files", {}).get(path.name)


@dataclass(frozen=True)
class DocumentText:
    text: str | None
    #: why there is no text (Swedish, for the page), None when there is
    problem: str | None = None


def document_text(doc_uid: str, doc_path: str | None) -> DocumentText:
    """The text the document ``doc_uid`` was loaded from, re-read from ``doc_path``.

    Only a text whose SHA-256 is ``doc_uid`` is returned; otherwise ``problem`` says why
    (the file is gone, was changed since, or cannot be read now).
    """
    from loaders.readers import ReadError, read_document

    if not doc_path:
        return DocumentText(None, "grafen har ingen sökväg till dokumentet")
    path = file_of(doc_path)
    if not path.is_file():
        return DocumentText(None, f"filen finns inte längre där den lästes in ({path})")
    try:
        docs = read_document(path)
    except ReadError as exc:
        return DocumentText(None, f"filen kan inte läsas nu ({exc.reason})")
    for doc in docs:
        if doc.sha256 == doc_uid:
            return DocumentText(doc.text)
    return DocumentText(None, "filen har ändrats sedan den lästes in; texten nedan är det grafen sparade")
