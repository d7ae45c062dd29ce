"""Output that cannot hurt the people who open it.

* ``defuse`` / ``defuse_frame``: a spreadsheet cell that starts with ``= + - @``, a tab or a
  carriage return is a formula to Excel and LibreOffice (CSV injection); such a text gets a
  leading ``'`` (the OWASP rule). Values are stored as written — only what a CSV or Excel
  file carries out is defused. Numbers are numbers and stay as they are.
* ``one_line``: a file name (or any text) shown in a message, on one line whatever it holds:
  control characters escaped (``\\n``, ``\\x1b``), bytes that were not valid in the file
  system's encoding as ``\\xNN``.
"""
from __future__ import annotations

import os

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def defuse_frame(frame):
    """A copy of a pandas DataFrame whose text cells (and column names) are defused."""
    from pandas.api.types import is_numeric_dtype

    out = frame.copy()
    for col in out.columns:
        if not is_numeric_dtype(out[col]):
            out[col] = out[col].map(defuse).astype(object)
    out.columns = [defuse(c) for c in out.columns]
    if not is_numeric_dtype(out.index):
        out.index = [defuse(i) for i in out.index]
    return out


def one_line(text) -> str:
    s = os.fspath(text) if isinstance(text, os.PathLike) else str(text)
    out = []
    for ch in s:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # a byte the file system's encoding could not decode
            out.append(f"\\x{o - 0xDC00:02x}")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F or 0x80 <= o < 0xA0 or o in (0x2028, 0x2029):
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)
