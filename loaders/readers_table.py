"""A project-bank export (.xlsx, .csv, .tsv) -> one ESF-style record text per row.

Each row is written the way an ESF project-bank page reads, one "Label:" line and one
value line per field, under canonical Swedish labels, so that the extraction that
understands those pages understands the exports too::

    Namn:
    Samverkan mot utanförskap
    Projektnummer:
    2016/00112
    Projektperiod:
    2016-09-01 - 2019-08-31
    Total projektbudget:
    12 116 639

Column names are matched case-, accent- and spacing-insensitively against synonyms
(``FIELDS``); unknown columns keep their own header as label; free-text columns
(Sammanfattning, Beskrivning, Syfte, Målgrupp …) follow as paragraphs.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from pathlib import Path

from .readers_base import ReadError, check_zip, clean_text, decode_bytes

# (canonical label, kind, synonyms) in the order the record lists them
FIELDS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Namn", "text", ("Namn", "Projektnamn", "Projektets namn", "Project name", "Name",
                      "Projekt", "Project", "Projekttitel", "Titel", "Title", "Insats",
                      "Insatsens namn")),
    ("Projektnummer", "text", ("Projektnummer", "Diarienummer", "Ärendenummer", "Dnr", "Diarienr",
                               "Projektnr", "Projekt-id", "Project number", "Project id",
                               "Ärendenr", "Reference number")),
    ("Projektägare", "text", ("Projektägare", "Stödmottagare", "Organisation", "Organization",
                              "Sökande", "Sökande organisation", "Project owner", "Beneficiary",
                              "Huvudman")),
    ("Region", "text", ("Region", "ESF-region")),
    ("Län", "text", ("Län", "County")),
    ("Kommun", "text", ("Kommun", "Kommuner", "Municipality")),
    ("Projektperiod", "text", ("Projektperiod", "Period", "Project period")),
    ("Startdatum", "date", ("Startdatum", "Start", "Projektstart", "Start date", "Från")),
    ("Slutdatum", "date", ("Slutdatum", "Slut", "Projektslut", "End date", "End", "Till")),
    ("Total projektbudget", "money", ("Total projektbudget", "Total budget", "Budget",
                                      "Projektbudget", "Total kostnad")),
    ("Beviljat ESF-stöd", "money", ("Beviljat ESF-stöd", "ESF-stöd", "Beviljat stöd",
                                    "Beviljat belopp", "ESF support", "Beviljade ESF-medel",
                                    "Beviljade medel")),
    ("Planerat antal deltagare", "int", ("Planerat antal deltagare", "Antal deltagare",
                                         "Planerade deltagare", "Deltagare",
                                         "Planned participants")),
    ("Kontaktperson", "text", ("Kontaktperson", "Kontakt", "Contact", "Contact person")),
    ("Projektledare", "text", ("Projektledare", "Project manager")),
    ("E-post", "text", ("E-post", "Epost", "E-postadress", "Email", "Mail")),
    ("Telefon", "text", ("Telefon", "Telefonnummer", "Phone", "Tel")),
    ("Programområde", "text", ("Programområde",)),
    ("Specifikt mål", "text", ("Specifikt mål",)),
    ("Samverkansparter", "text", ("Samverkansparter", "Samverkanspartner", "Partner", "Partners",
                                  "Medverkande organisationer", "Deltagande organisationer")),
    # free text: written last, as paragraphs
    ("Sammanfattning", "free", ("Sammanfattning", "Summary", "Abstract")),
    ("Beskrivning", "free", ("Beskrivning", "Projektbeskrivning", "Description")),
    ("Bakgrund", "free", ("Bakgrund", "Background")),
    ("Syfte", "free", ("Syfte", "Purpose", "Syfte och mål")),
    ("Mål", "free", ("Mål", "Goal", "Goals")),
    ("Målgrupp", "free", ("Målgrupp", "Målgrupper", "Target group")),
    ("Resultat", "free", ("Resultat", "Results")),
]
_KIND = {label: kind for label, kind, _ in FIELDS}
_ORDER = {label: i for i, (label, _, _) in enumerate(FIELDS)}
HEADER_SEARCH_ROWS = 20


def norm_header(header) -> str:
    """'Total projektbudget (kr)' -> 'totalprojektbudget'; 'Ärende-nr' -> 'arendenr'."""
    text = unicodedata.normalize("NFKD", str(header or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    text = re.sub(r"\b(i\s+)?(kr|kronor|sek|tkr)\b\.?\s*:?\s*$", "", text.strip())
    return re.sub(r"[\W_]+", "", text)


_SYNONYMS = {norm_header(s): label for label, _, synonyms in FIELDS for s in synonyms}


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
    for i, row in enumerate(rows):
        if any(_SYNONYMS.get(norm_header(c)) == "Namn" for c in row if c is not None):
            return i
    return None


def _found_columns(rows: list[list]) -> str:
    for row in rows:
        names = [" ".join(str(c).split()) for c in row if c is not None and str(c).strip()]
        if names:
            shown = ", ".join(names[:20])
            return shown + (", …" if len(names) > 20 else "")
    return "nothing"


def row_record(header: list, row: list) -> tuple[str, str | None]:
    """One data row -> (record text, project name)."""
    values: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for col, cell in zip(header, row):
        label = _SYNONYMS.get(norm_header(col))
        text = clean_text(format_value(cell, _KIND.get(label, "text")))
        if not text:
            continue
        if label is None:
            name = " ".join(str(col or "").split()).rstrip(":")
            if name:
                extra.append((name, text))
        elif label not in values:  # the first non-empty of synonymous columns wins
            values[label] = text
    if "Startdatum" in values and "Slutdatum" in values and "Projektperiod" not in values:
        values["Projektperiod"] = f"{values.pop('Startdatum')} - {values.pop('Slutdatum')}"
    lines: list[str] = []
    paragraphs: list[str] = []
    for label in sorted(values, key=_ORDER.__getitem__):
        value = values[label]
        if _KIND[label] == "free":
            paragraphs.append(f"{label}:\n{value}")
        else:
            lines.append(f"{label}:\n{' '.join(value.split())}")
    for name, value in extra:
        if "\n" in value or len(value) > 200:
            paragraphs.append(f"{name}:\n{value}")
        else:
            lines.append(f"{name}:\n{value}")
    text = "\n\n".join(filter(None, ["\n".join(lines)] + paragraphs))
    return text, values.get("Namn")


def table_rows(rows_iter, path) -> list[tuple[int, str, str | None]]:
    """Rows (header somewhere in the first rows) -> [(data row number, text, name)].

    Raises ReadError when no header row names a project-name column.
    """
    head: list[list] = []
    for row in rows_iter:
        head.append(list(row))
        if len(head) >= HEADER_SEARCH_ROWS or _header_index(head[-1:]) is not None:
            break
    index = _header_index(head)
    if index is None:
        return []
    header = head[index]
    out = []
    data = head[index + 1:]

    def all_rows():
        yield from data
        yield from rows_iter

    for n, row in enumerate(all_rows(), start=1):
        if not any(c is not None and str(c).strip() for c in row):
            continue
        text, name = row_record(header, list(row))
        if text.strip():
            out.append((n, text, name))
    return out


def _no_name_column(path, rows: list[list]):
    return ReadError(path, f"no project-name column (found: {_found_columns(rows)})")


# ---------------------------------------------------------------- formats

def xlsx_rows(data: bytes, path: Path) -> list[tuple[int, str, str | None]]:
    """The first sheet that has a project-name column."""
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
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            head = [list(r) for _, r in zip(range(HEADER_SEARCH_ROWS), rows)]
            if not first_rows and any(any(c is not None for c in r) for r in head):
                first_rows = head
            if _header_index(head) is None:
                continue
            return _with_header(head, rows, path)
        if not any(any(c is not None for c in r) for r in first_rows):
            raise ReadError(path, "empty spreadsheet")
        raise _no_name_column(path, first_rows)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML inside a valid zip
        raise ReadError(path, f"not a valid .xlsx ({type(exc).__name__}: {exc})") from None
    finally:
        workbook.close()


def _with_header(head: list[list], rest, path) -> list[tuple[int, str, str | None]]:
    def rows():
        yield from head
        yield from rest

    out = table_rows(rows(), path)
    if not out:
        raise ReadError(path, "no data rows below the header")
    return out


def delimited_rows(data: bytes, path: Path, delimiter: str | None = None):
    """CSV/TSV: encoding as for text files, delimiter sniffed from the header line."""
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
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise ReadError(path, f"not a valid CSV file ({exc})") from None
    if _header_index(rows[:HEADER_SEARCH_ROWS]) is None:
        raise _no_name_column(path, rows)
    out = table_rows(iter(rows), path)
    if not out:
        raise ReadError(path, "no data rows below the header")
    return out, encoding


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
    out = table_rows(iter(rows), path)
    if not out:
        raise ReadError(path, "no data rows below the header")
    return out
