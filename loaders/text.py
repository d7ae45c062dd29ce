"""Offsets-preserving views of a document's text: lines, sentences and segments.

Extraction never rewrites the text it reads: every function here returns spans
``(start, end)`` into the original string, so evidence quotes can always be
cut back out of the document (``text[start:end]``).

A *segment* is a stretch of text that talks about one thing: an item in a
dated news list, a session of a conference programme, or the whole body of a
project record. Relations are only drawn between mentions in the same segment,
which is what keeps a news item about one insats from leaking its partners
into the next.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: an ISO date or a Swedish "8 juni 2021" date on a line of its own
DATE_LINE = re.compile(
    r"^[ \t]*(?:(?:Publicerad|Publicerat|Uppdaterad|Nyhet|Pressmeddelande)[: ]\s*)?(?:(\d{4}-\d{2}-\d{2})|(\d{1,2} (?:januari|februari|mars|april|maj|juni|juli|"
    r"augusti|september|oktober|november|december|January|February|March|April|May|June|July|"
    r"August|September|October|November|December) \d{4}))[ \t]*$",
    re.M | re.I,
)
#: a line that opens with a label of one to three words and its value ("Ägare: X", "Medverkande: …")
LABEL_START = r"[ \t]*[A-ZÅÄÖ][\w\-/]*(?:[ \t][\w\-/]+){0,2}[ \t]*:[ \t]*\S"
_SENT_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"”“–—-]?\s*[A-ZÅÄÖÉ0-9•])|\n\s*\n|\n(?=\s*(?:[•\-–*]|\d+[.)]|[a-z]\)) )|"
                       # a label's line ("Ägare: X⏎Partner: Y⏎Finansiär: Z"): each field says its own thing
                       rf"\n(?={LABEL_START})")
# abbreviations after which a full stop does not end a sentence
_ABBREV = re.compile(r"(?:\b(?:bl\.a|t\.ex|t\. ex|m\.m|d\.v\.s|dvs|ca|resp|inkl|exkl|bl|t|kl|nr|tel|Leg|leg|f\.d|s\.k|o\.s\.v|mfl|m\.fl|e\.d|fr\.o\.m|t\.o\.m)\.)$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


def lines(text: str) -> list[Span]:
    """Every line as a span without its newline (empty lines included)."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return out


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans in ``text[start:end]``, whitespace-trimmed.

    Sentences end at ., ! or ? before a capital, at blank lines and before
    bullet lines; common Swedish abbreviations (bl.a., t.ex., ca.) do not end one.
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    cur = start
    for m in _SENT_END.finditer(text, start, end):
        if _ABBREV.search(text[max(cur, m.start() - 8):m.start()]):
            continue
        if m.group(0).count("\n") >= 2 and text[max(cur, m.start() - 1):m.start()] == "," \
                and re.match(r"[A-ZÅÄÖa-zåäö]", text[m.end():m.end() + 1]):
            continue  # "… Stockholm\nStadsmission,\n\nBlå Vägen, …": a PDF's paragraph break inside a list
        _push(text, cur, m.start(), out)
        cur = m.end()
    _push(text, cur, end, out)
    return out


_BULLET_START = re.compile(r"[ \t]*(?:[•\-–*·▪◦]|\d{1,2}[.)])[ \t]+")


def with_listed_items(text: str, spans: list[Span]) -> list[Span]:
    """A sentence that ends with ":" and the bullet items right under it are one statement
    ("Förbundet består av:\n • A\n • B", "Samverkansparter:\n - A\n - B"): what it says is
    said of every item. Only lists of names (short items, not items that are sentences of
    their own, each about its own insats); other sentences are unchanged."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        sp = spans[i]
        if text[sp.end - 1:sp.end] == ":" and i + 1 < len(spans):
            j = i + 1
            while j < len(spans) and _BULLET_START.match(text, text.rfind("\n", 0, spans[j].start) + 1) \
                    and "\n\n\n" not in text[spans[j - 1].end:spans[j].start] and spans[j].end - spans[j].start < 80 \
                    and len(text[spans[j].start:spans[j].end].split()) <= 8:
                j += 1
            if j > i + 1:
                out.append(Span(sp.start, spans[j - 1].end))
                i = j
                continue
        out.append(sp)
        i += 1
    return out


def _push(text: str, s: int, e: int, out: list[Span]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        # a single line break inside a sentence stays; a sentence never spans a heading line
        out.append(Span(s, e))


def sentence_at(spans: list[Span], pos: int) -> Span | None:
    for sp in spans:
        if sp.start <= pos < sp.end:
            return sp
    return None


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    date: str | None = None  # the news item's own date
    kind: str = "body"       # body | news | session


def news_segments(text: str) -> list[Segment]:
    """Split a page with dated items into one segment per item.

    The part before the first date line is the page body; each date line opens
    a news item that runs to the next date line. A page whose only date line is
    at the very top (a single dated article) stays one segment.
    """
    dates = list(DATE_LINE.finditer(text))
    if len(dates) < 2:
        return [Segment(0, len(text), dates[0].group(1) if dates and dates[0].group(1) else None)]
    out: list[Segment] = []
    first = dates[0]
    head_is_article_date = not text[: first.start()].strip()
    if first.start() > 0 and not head_is_article_date:
        out.append(Segment(0, first.start()))
    for i, m in enumerate(dates):
        stop = dates[i + 1].start() if i + 1 < len(dates) else len(text)
        kind = "body" if (i == 0 and head_is_article_date) else "news"
        out.append(Segment(m.start(), stop, m.group(1), kind))
    return out


_SPEAKER_LINE = re.compile(r"^[ \t•\-–]*(?:(?:Medverkande|Talare|Föreläsare|Presentatör(?:er)?|Panel(?:deltagare)?)[ \t]*:[ \t]*)?[A-ZÅÄÖÉ][\w'’\-]+(?: [A-ZÅÄÖÉ][\w'’\-]+){1,3}, [^\n]{2,}$", re.M)


#: a timed programme item ("10.30 IPS i praktiken", "kl. 13.00–14.00 Panel")
TIME_LINE = re.compile(r"(?m)^[ \t]*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s+\S")


def session_segments(text: str) -> list[Segment]:
    """Split a conference programme into sessions.

    A session is a run of text that ends with a block of speaker lines
    ("Name, Title, Organisation"); the next session starts after that block.
    """
    out: list[Segment] = []
    cur = 0
    ls = lines(text)
    i = 0
    while i < len(ls):
        if TIME_LINE.match(ls[i].of(text)) and text[cur:ls[i].start].strip():
            # "13.00 Unga utanför": a timed programme item starts a session of its own,
            # also when the one before ended without a block of speaker lines
            out.append(Segment(cur, ls[i].start, None, "session" if out or TIME_LINE.search(text, cur, ls[i].start) else "body"))
            cur = ls[i].start
        if _SPEAKER_LINE.match(ls[i].of(text)):
            j = i
            while j + 1 < len(ls) and (_SPEAKER_LINE.match(ls[j + 1].of(text))):
                j += 1
            out.append(Segment(cur, ls[j].end, None, "session"))
            cur = ls[j].end
            i = j + 1
            continue
        i += 1
    if text[cur:].strip():
        out.append(Segment(cur, len(text), None, "session" if out else "body"))
    return out


def is_speaker_line(line: str) -> bool:
    return bool(_SPEAKER_LINE.match(line))


def _boundary(ch: str) -> bool:
    return not (ch.isalnum() or ch in "_-")


def word_spans(text: str, form: str, *, genitive_s: bool = False) -> list[tuple[int, int]]:
    """Where ``form`` occurs as a whole word or words (no letter, digit, _ or - on either side;
    with ``genitive_s`` an "s" may follow), as (start, end of the form) — what
    ``re.finditer(rf"(?<![\\w\\-]){re.escape(form)}s?(?![\\w\\-])")`` finds, without compiling
    a pattern per name (a page's names would evict the module patterns from re's cache)."""
    out: list[tuple[int, int]] = []
    if not form:
        return out
    n, size, pos = len(form), len(text), text.find(form)

    def free(k: int) -> bool:  # nothing word-like at k (or the text ends there)
        return k >= size or _boundary(text[k])

    while pos >= 0:
        end = pos + n
        if (pos == 0 or _boundary(text[pos - 1])) and (
                free(end) or (genitive_s and end < size and text[end] == "s" and free(end + 1))):
            out.append((pos, end))
        pos = text.find(form, pos + 1)
    return out
