"""Cell values of project-bank exports as they come: lists, amounts, dates, rates.

    >>> split_list("Malmö, Lund och Eslöv")
    ['Malmö', 'Lund', 'Eslöv']
    >>> parse_amount("12,5 MSEK"), parse_amount("1 234 567 kr"), parse_amount("€ 1,234,567.50")
    ((12500000, 'SEK'), (1234567, 'SEK'), (1234568, 'EUR'))
    >>> parse_date("1 mars 2019"), parse_date("2019-03"), parse_date(43525), parse_date("01.03.2019")
    ('2019-03-01', '2019-03', '2019-03-01', '2019-03-01')
"""
from __future__ import annotations

import datetime as dt
import re

_LIST_SPLIT = re.compile(r"\s*(?:[,;|\n]|\s/\s|(?<=[a-zåäöé])/(?=[A-ZÅÄÖa-zåäö])|\s+och\s+|\s+samt\s+|\s+and\s+|\s+&\s+)\s*")


def split_list(value) -> list[str]:
    """A cell listing several things: split on , ; | / newlines, 'och', 'samt', 'and'."""
    if value is None:
        return []
    text = str(value).strip()
    if not text:
        return []
    return [p.strip(" .•-–") for p in _LIST_SPLIT.split(text) if p.strip(" .•-–")]


_MONEY = re.compile(
    r"(?P<cur1>€|eur|sek|kr)?\s*(?P<num>[-+]?\d[\d\s\u00a0.,']*)\s*(?P<unit>miljarder|mdkr|miljoner|miljon|mnkr|mkr|msek|meur|"
    r"tkr|tsek|teur|tusen|k(?![a-zåäö]))?\s*(?P<cur2>€|eur|euro|sek|kr|kronor)?", re.I)
_SCALE = {"miljarder": 10**9, "mdkr": 10**9, "miljoner": 10**6, "miljon": 10**6, "mnkr": 10**6, "mkr": 10**6,
          "msek": 10**6, "meur": 10**6, "tkr": 10**3, "tsek": 10**3, "teur": 10**3, "tusen": 10**3, "k": 10**3}


def _number(text: str) -> float | None:
    t = text.replace("\u00a0", " ").replace("'", "").strip()
    t = re.sub(r"\s+", "", t)
    if not t or not re.search(r"\d", t):
        return None
    if "," in t and "." in t:  # 1,234,567.50 or 1.234.567,50: the last separator is the decimal one
        if t.rfind(",") > t.rfind("."):
            t = t.replace(".", "").replace(",", ".")
        else:
            t = t.replace(",", "")
    elif "," in t:
        parts = t.split(",")
        t = t.replace(",", "") if len(parts) > 2 or (len(parts) == 2 and len(parts[1]) == 3 and len(parts[0]) <= 3
                                                   and False) else t.replace(",", ".")
    elif t.count(".") > 1 or (t.count(".") == 1 and len(t.split(".")[1]) == 3 and len(t.split(".")[0]) <= 3
                              and t.split(".")[0] != "0"):
        t = t.replace(".", "")  # 1.234.567 or 1.234: thousands points
    try:
        return float(t)
    except ValueError:
        return None


def parse_amount(value, default_currency: str = "SEK") -> tuple[int, str] | None:
    """(whole amount, 'SEK' | 'EUR') or None: spaces, 'kr', 'MSEK', decimal commas."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if value != value:
            return None
        return int(round(value)), default_currency
    m = _MONEY.search(str(value))
    if not m:
        return None
    n = _number(m.group("num"))
    if n is None:
        return None
    unit = (m.group("unit") or "").casefold()
    n *= _SCALE.get(unit, 1)
    cur = (m.group("cur1") or m.group("cur2") or "").casefold()
    currency = "EUR" if cur in ("€", "eur", "euro") or unit == "meur" or unit == "teur" else (
        "SEK" if cur in ("sek", "kr", "kronor") or unit in ("mnkr", "mkr", "msek", "tkr", "tsek", "mdkr") else default_currency)
    return int(round(n)), currency


_MONTHS = {"januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2, "mars": 3, "mar": 3,
           "march": 3, "april": 4, "apr": 4, "maj": 5, "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7,
           "jul": 7, "july": 7, "augusti": 8, "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9,
           "oktober": 10, "okt": 10, "oct": 10, "october": 10, "november": 11, "nov": 11, "december": 12,
           "dec": 12}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))


def _iso(y: int, m: int, d: int | None = None) -> str | None:
    try:
        if d is None:
            dt.date(y, m, 1)
            return f"{y:04d}-{m:02d}"
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(value) -> str | None:
    """ISO date ('YYYY-MM-DD', 'YYYY-MM' or 'YYYY') or None: ISO, Swedish and English forms,
    d.m.yyyy, Excel serial numbers and date objects."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        if 20000 <= value <= 80000:  # an Excel serial day (1954–2119)
            return (dt.date(1899, 12, 30) + dt.timedelta(days=int(value))).isoformat()
        if 1950 <= value <= 2100 and float(value).is_integer():
            return str(int(value))
        return None
    t = str(value).strip().casefold()
    if not t:
        return None
    if re.fullmatch(r"\d{5}(?:\.0+)?", t):
        return parse_date(float(t))
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b", t)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.match(r"(\d{4})(\d{2})(\d{2})$", t)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.match(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b", t)
    if m:
        return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.match(rf"(\d{{1,2}})\s*(?::[ae])?\.?\s*({_MON})\.?,?\s+(\d{{4}})", t)
    if m:
        return _iso(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    m = re.match(rf"({_MON})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", t)
    if m:
        return _iso(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
    m = re.match(rf"({_MON})\.?\s+(\d{{4}})", t)
    if m:
        return _iso(int(m.group(2)), _MONTHS[m.group(1)])
    m = re.match(r"(\d{4})[-/](\d{1,2})$", t)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})", t)
    if m and 1950 <= int(t) <= 2100:
        return t
    return None


def parse_period(value) -> tuple[str | None, str | None]:
    """'2019-03-01 - 2021-02-28', '2019-03-01 till 2021-02-28', 'mars 2019 – juni 2021'."""
    if value is None:
        return None, None
    t = str(value).strip()
    parts = re.split(r"\s+(?:-|–|—|till|to|until)\s+|(?<=\d)\s*[–—]\s*(?=\d)|(?<=\d{4})-(?=\d{4})", t, maxsplit=1)
    if len(parts) == 2:
        return parse_date(parts[0]), parse_date(parts[1])
    return parse_date(t), None


def parse_rate(value) -> float | None:
    """'50 %', '0,5', 50 -> 0.5."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        v = float(value)
    else:
        m = re.search(r"\d+(?:[.,]\d+)?", str(value))
        if not m:
            return None
        v = float(m.group(0).replace(",", "."))
        if "%" in str(value):
            v /= 100
    if v > 1:
        v /= 100
    return round(v, 4) if 0 <= v <= 1 else None


def parse_int(value) -> int | None:
    a = parse_amount(value)
    return a[0] if a else None
