"""PDF (pypdf text layer) and Word .docx (python-docx) -> text.

Both libraries raise a zoo of exceptions on damaged files (zip errors, KeyError,
XML errors, struct errors, RecursionError); every one becomes a one-line ReadError.
"""
from __future__ import annotations

import io
import logging
import zipfile

from .readers_base import ReadError, check_zip, clean_text, fix_pdf_accents, join_wrapped_words

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def _why(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:160] if text else type(exc).__name__


# ---------------------------------------------------------------- PDF

def pdf_text(data: bytes, path) -> str:
    """Text per page joined with a blank line; no text at all is a scanned PDF."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if b"%PDF-" not in data[:1024]:
        raise ReadError(path, "not a valid PDF (no %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are noise per file
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):  # many "protected" PDFs only restrict printing
                    raise ReadError(path, "encrypted PDF (password protected)")
            except (DependencyError, NotImplementedError) as exc:
                raise ReadError(path, f"encrypted PDF that cannot be decrypted here ({_why(exc)})")
        pages = reader.pages
        count = len(pages)
    except ReadError:
        raise
    except FileNotDecryptedError:
        raise ReadError(path, "encrypted PDF (password protected)") from None
    except Exception as exc:  # noqa: BLE001 - any parser failure means a broken file
        raise ReadError(path, f"not a valid PDF ({_why(exc)})") from None
    texts, failures = [], 0
    for i in range(count):
        try:
            texts.append(pages[i].extract_text() or "")
        except FileNotDecryptedError:
            raise ReadError(path, "encrypted PDF (password protected)") from None
        except Exception:  # noqa: BLE001 - one broken page should not lose the others
            failures += 1
    text = join_wrapped_words(clean_text(fix_pdf_accents("\n\n".join(t.strip("\n") for t in texts if t.strip()))))
    if not text.strip():
        if failures and failures == count:
            raise ReadError(path, "not a valid PDF (no page could be read)")
        raise ReadError(path, "no text layer (scanned PDF?)")
    return text


# ---------------------------------------------------------------- DOCX

def docx_text(data: bytes, path) -> tuple[str, str | None]:
    """Paragraphs and tables in document order -> (text, core-properties title)."""
    import docx
    from docx.table import Table

    if data.startswith(_OLE_MAGIC):
        raise ReadError(path, "not a valid .docx (an old .doc file, or an encrypted document)")
    if not data.startswith(b"PK"):
        raise ReadError(path, "not a valid .docx (not a zip file)")
    check_zip(data, path, ".docx")
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
        title = document.core_properties.title or None
    except zipfile.BadZipFile:
        raise ReadError(path, "not a valid .docx (truncated or corrupt zip)") from None
    except Exception as exc:  # noqa: BLE001
        raise ReadError(path, f"not a valid .docx ({_why(exc)})") from None
    out: list[str] = []
    try:
        style_names = _style_names(document)
        for block in blocks:
            if isinstance(block, Table):
                lines = _table_lines(block)
                if lines:
                    out.append("\n".join(lines))
            else:
                text = block.text.strip()
                if not text:
                    continue
                style = _style_name(block, style_names)
                if style.lower().startswith(("list", "liststycke")) or _has_numbering(block):
                    text = "• " + text
                    if out and out[-1].startswith("• "):
                        out[-1] += "\n" + text
                        continue
                out.append(text)
    except Exception as exc:  # noqa: BLE001 - a damaged part inside a valid zip
        raise ReadError(path, f"not a valid .docx ({_why(exc)})") from None
    return clean_text("\n\n".join(out)), title


def _style_names(document) -> dict[str, str]:
    """Style id -> name, read once: python-docx's ``paragraph.style`` scans every style
    on each call, which made a 5,000-paragraph document take a minute."""
    names: dict[str, str] = {}
    try:
        for style in document.styles:
            if style.style_id:
                names[style.style_id] = style.name or ""
    except Exception:  # noqa: BLE001 - a broken styles part only costs us list bullets
        pass
    return names


def _style_name(paragraph, names: dict[str, str]) -> str:
    ppr = paragraph._p.pPr
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    if not style_id:
        return ""
    return names.get(style_id, style_id) or ""


def _has_numbering(paragraph) -> bool:
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _table_lines(table) -> list[str]:
    """Rows as "cell | cell"; a table of two columns is a form: "Label:" / "Value" lines."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in every grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        rows.append(cells)
    rows = [r for r in rows if any(r)]
    lines: list[str] = []
    if rows and all(len(r) == 2 for r in rows):
        for label, value in rows:
            if label and value:
                lines.append(label if label.endswith(":") else label + ":")
                lines.append(value)
            elif label or value:
                lines.append(label or value)
        return lines
    return [" | ".join(c for c in r if c) for r in rows]
