"""A project-bank export (.xlsx, .csv, .tsv) -> one document per row, its fields kept.

Each column is mapped to a field of a project record by meaning (``loaders.table_columns``:
folded headers, Swedish and English synonyms, a user's ``--columns`` file); each row becomes

* a text that reads like a project-bank page, one "Label:" line and one value line per field
  under canonical Swedish labels, unknown columns under their own header, free-text columns
  (Sammanfattning, Bakgrund, Syfte, Målgrupp …) as paragraphs at the end — the document's
  identity and the source of every evidence quote::

    Namn:
    Samverkan mot utanförskap
    Projektnummer:
    2016/00112
    Projektperiod:
    2016-09-01 - 2019-08-31

* and the row's cells by field (``RawDocument.row``), from which ``loaders.table_record``
  builds the record directly: dates, amounts, kommuner and contacts never pass through the
  sentence rules. Phone numbers and e-mail addresses are kept on the row only, never in the
  text. Rows are read lazily, one at a time.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from . import table_columns as TC
from .readers_base import ReadError, check_zip, clean_text, decode_bytes

#: options a command sets for the files it reads (``samverkan load/extract --columns --fund``)
OPTIONS: dict = {"columns": None, "fund": None}
HEADER_SEARCH_ROWS = 20
#: the order of a row's lines: the project's own fields, then lists, then contacts
_LINE_ORDER = ("name", "id", "owner", "partners", "programme", "priority", "thematic", "region", "county", "kommuner",
               "postcode", "period", "start", "end", "budget", "granted", "granted_eur", "cofinancing",
               "eu_rate", "fund", "participants", "contact", "updated")
#: never written into the text (a quote must not carry them): kept on the row, used only
#: with --keep-contact-details
_PRIVATE = ("phone", "email")


def norm_header(header) -> str:
    """'Total projektbudget (kr)' -> 'totalprojektbudget'; 'Ärende-nr' -> 'arendenr'."""
    return TC.fold(header)


def _fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def format_value(value, kind: str = "text") -> str:
    """A cell as text: integral floats as integers, money with thousands spaces, dates ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer():
            value = int(value)
        else:
            return repr(value)
    if isinstance(value, int):
        return _fmt_int(value) if kind == "money" else str(value)
    text = str(value).strip()
    if kind in ("money", "int"):
        match = re.fullmatch(r"(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,]0+)?", text)
        if match:
            n = int(re.sub(r"\D", "", match.group(1)))
            return _fmt_int(n) if kind == "money" else str(n)
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[ T]00:00(:00)?", text)
    if match:
        return match.group(1)
    return text


def _header_index(rows: list[list]) -> int | None:
    """The first row (below any title block) with a column that names the project."""
    user = OPTIONS.get("columns") or {}
    for i, row in enumerate(rows):
        cells = [c for c in row if c is not None and str(c).strip()]
        if any(user.get(TC.fold(c)) == "name" or (TC.fold(c) not in user and TC.guess(c) == "name") for c in cells):
            return i
    return None


def _found_columns(rows: list[list]) -> str:
    for row in rows:
        names = [" ".join(str(c).split()) for c in row if c is not None and str(c).strip()]
        if names:
            shown = ", ".join(names[:20])
            return shown + (", …" if len(names) > 20 else "")
    return "nothing"


class Layout:
    """A file's header read once: each column's field, the label its line gets, currencies
    and a fund the amount column names."""

    def __init__(self, header: list):
        self.mapping = TC.map_columns(header, OPTIONS.get("columns"))
        self.unused = [h for h, f in self.mapping if h and f is None]
        self.currency = {f: TC.currency(h) for h, f in self.mapping if f in ("granted", "budget", "cofinancing")}
        funds = [TC.fund_in_header(h) for h, f in self.mapping if f in ("granted", "granted_eur")]
        self.fund = next((x for x in funds if x), None)
        self.contact_header = next((h for h, f in self.mapping if f == "contact"), None)
        self.labels = dict(TC.LABEL_SV)
        self.labels["granted"] = "Beviljat ESF-stöd" if self.fund == "ESF" else "Beviljat stöd"
        self.labels["granted_eur"] = "Beviljat stöd (EUR)"

    def describe(self, name) -> str:
        return TC.describe(name, self.mapping)


def _shown(field: str, value) -> str:
    kind = TC.KIND.get(field, "text")
    return clean_text(format_value(value, kind if kind in ("money", "int") else "text"))


def row_record(header: list, row: list, layout: Layout | None = None) -> tuple[str, str | None, dict]:
    """One data row -> (record text, project name, the row's fields for table_record)."""
    layout = layout or Layout(header)
    fields: dict[str, list] = {}
    extra: list[tuple[str, str]] = []
    for (col, field), cell in zip(layout.mapping, row):
        text = _shown(field or "", cell)
        if not text or field == "-":
            continue
        if field is None:
            if col:
                extra.append((col, text))
            continue
        keep_raw = TC.KIND.get(field) in ("date", "money", "int", "rate") and not isinstance(cell, str)
        fields.setdefault(field, []).append(cell if keep_raw else text)
    labels = dict(layout.labels)
    values: dict[str, str] = {}
    for f, vals in fields.items():
        if f in _PRIVATE:
            continue
        shown = [_shown(f, v) for v in vals]
        if f in TC.MULTI or TC.KIND.get(f) in ("list", "free"):
            values[f] = ("\n\n" if TC.KIND.get(f) == "free" else "; ").join(dict.fromkeys(x for x in shown if x))
        else:
            values[f] = shown[0]
    if "start" in values and "end" in values and "period" not in values:
        values["period"] = f"{values.pop('start')} - {values.pop('end')}"
        labels["start"] = labels["end"] = labels["period"]
    lines: list[str] = []
    paragraphs: list[str] = []
    order = {f: i for i, f in enumerate(_LINE_ORDER)}
    for f in sorted((f for f in values if TC.KIND.get(f) != "free"), key=lambda f: order.get(f, len(order))):
        lines.append(f"{labels.get(f, f)}:\n{' '.join(values[f].split())}")
    for name, value in extra:
        if "\n" in value or len(value) > 200:
            paragraphs.append(f"{name}:\n{value}")
        else:
            lines.append(f"{name}:\n{value}")
    head = "\n\n".join(filter(None, ["\n".join(lines)] + paragraphs))
    free_text = "\n\n".join(f"{labels[f]}:\n{values[f]}" for f in TC.FIELDS if TC.KIND[f] == "free" and f in values)
    text = "\n\n".join(filter(None, [head, free_text]))
    info = {"fields": fields, "labels": labels, "unused": layout.unused, "currency": layout.currency,
            "fund_from_header": layout.fund, "fund_option": OPTIONS.get("fund"),
            "contact_header": layout.contact_header,
            "free_start": (len(head) + 2 if head else 0) if free_text else None}
    return text, values.get("name"), info


def table_rows(rows_iter, path):
    """Rows (header somewhere in the first rows) -> (data row number, text, name, row) for
    each non-empty row, lazily: a 10,000-row export is never held whole.

    Yields nothing when no header row names a project-name column.
    """
    head: list[list] = []
    for row in rows_iter:
        head.append(list(row))
        if len(head) >= HEADER_SEARCH_ROWS or _header_index(head[-1:]) is not None:
            break
    index = _header_index(head)
    if index is None:
        return
    header = head[index]
    layout = Layout(header)
    described = layout.describe(Path(str(path)).name)
    if OPTIONS.get("on_layout"):
        OPTIONS["on_layout"](str(path), layout)
    if not any(f and f != "-" for _, f in layout.mapping if f != "name"):
        pass  # a name column alone is still a list of projects
    data = head[index + 1:]

    def all_rows():
        yield from data
        yield from rows_iter

    for n, row in enumerate(all_rows(), start=1):
        if not any(c is not None and str(c).strip() for c in row):
            continue
        text, name, info = row_record(header, list(row), layout)
        if text.strip():
            info["layout"] = described
            yield n, text, name, info


def _no_name_column(path, rows: list[list]):
    return ReadError(path, f"no project-name column (found: {_found_columns(rows)})")


# ---------------------------------------------------------------- formats

def xlsx_rows(data: bytes, path: Path):
    """Every sheet that has a project-name column (the first one's rows "#row-N", a later
    sheet's "#<sheet>-row-N"), below any title block; rows read lazily."""
    import openpyxl

    check_zip(data, path, ".xlsx")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile:
        raise ReadError(path, "not a valid .xlsx (truncated or corrupt zip)") from None
    except Exception as exc:  # noqa: BLE001
        raise ReadError(path, f"not a valid .xlsx ({type(exc).__name__}: {exc})") from None
    try:
        first_rows: list[list] = []
        found = 0
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            head = [list(r) for _, r in zip(range(HEADER_SEARCH_ROWS), rows)]
            if not first_rows and any(any(c is not None for c in r) for r in head):
                first_rows = head
            if _header_index(head) is None:
                continue
            prefix = "" if not found else f"{sheet.title}-"
            found += 1
            count = 0
            for n, text, name, info in _chain(head, rows, path):
                count += 1
                yield f"{prefix}{n}", text, name, info
            if count == 0 and found == 1 and len(workbook.worksheets) == 1:
                raise ReadError(path, "no data rows below the header")
        if not found:
            if not any(any(c is not None for c in r) for r in first_rows):
                raise ReadError(path, "empty spreadsheet")
            raise _no_name_column(path, first_rows)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML inside a valid zip
        raise ReadError(path, f"not a valid .xlsx ({type(exc).__name__}: {exc})") from None
    finally:
        workbook.close()


def _chain(head: list[list], rest, path):
    def rows():
        yield from head
        yield from rest

    yield from table_rows(rows(), path)


def _nonempty(rows, path):
    """The rows of a file that has a header; "no data rows below the header" when none."""
    any_row = False
    for item in rows:
        any_row = True
        yield item
    if not any_row:
        raise ReadError(path, "no data rows below the header")


def delimited_rows(data: bytes, path: Path, delimiter: str | None = None):
    """CSV/TSV: encoding as for text files, delimiter sniffed from the header line.
    Returns (rows, encoding); the rows are read lazily."""
    text, encoding = decode_bytes(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError(path, "empty file")
    if delimiter is None:
        first = next((line for line in text.split("\n") if line.strip()), "")
        counts = {d: first.count(d) for d in (";", "\t", ",", "|")}
        delimiter = max(counts, key=counts.get) if max(counts.values()) else ","
    if csv.field_size_limit() < len(text):  # a long description is a cell, not an error
        csv.field_size_limit(len(text) + 1)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        head = [row for _, row in zip(range(HEADER_SEARCH_ROWS), reader)]
    except csv.Error as exc:
        raise ReadError(path, f"not a valid CSV file ({exc})") from None
    if _header_index(head) is None:
        raise _no_name_column(path, head)

    def rows():
        try:
            yield from _chain(head, reader, path)
        except csv.Error as exc:
            raise ReadError(path, f"not a valid CSV file ({exc})") from None

    return _nonempty(rows(), path), encoding


def html_table_rows(markup: str, path: Path):
    """An "Excel export" that is really an HTML table (common from web project banks)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    tables = tree.css("table")
    if not tables:
        raise ReadError(path, "not a spreadsheet (HTML without a table)")
    table = max(tables, key=lambda t: len(t.css("tr")))
    rows = [[" ".join((c.text(deep=True, separator=" ") or "").split())
             for c in tr.iter() if c.tag in ("td", "th")] for tr in table.css("tr")]
    if _header_index(rows[:HEADER_SEARCH_ROWS]) is None:
        raise _no_name_column(path, rows)
    return _nonempty(table_rows(iter(rows), path), path)
