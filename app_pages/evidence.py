"""Evidence quotes in their document: where a quote stands in the text, the text with the
quotes marked, and whether a quote names what its fact says. Pure functions, no Streamlit.

A stored quote is the document's own words, but not always character for character: the
writer joins lines, and the privacy cut (``[removed]``) or a cut before a contact detail
shortens it. :func:`locate` therefore tries the exact text, then the text with whitespace
runs as one space, then the longest pieces of the quote that are in the text.
"""
from __future__ import annotations

import hashlib
import html
import re
from difflib import SequenceMatcher

#: a quote piece shorter than this is not marked on its own (it would match anywhere)
MIN_PIECE = 16
_CUTS = re.compile(r"\[removed\]|\[borttaget\]|…|\.\.\.")
_NAME_STOP = {"kommun", "kommuns", "stad", "stads", "region", "regionen", "i", "och", "för", "av", "med",
              "samordningsförbundet", "förbund", "förbundet", "projekt", "projektet", "the", "of", "på"}


def quote_id(quote: str | None) -> str:
    """A short stable id for a quote, for links (``kalla?dok=…&citat=<id>``).

    >>> quote_id("Malmö stad driver projektet") == quote_id("Malmö stad driver projektet")
    True
    """
    return hashlib.sha1((quote or "").encode("utf-8")).hexdigest()[:10]


def _squeezed(text: str) -> tuple[str, list[int]]:
    """``text`` with each whitespace run as one space, and the original index of each character."""
    out, where = [], []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
        where.append(i)
    return "".join(out), where


def locate(text: str, quote: str | None) -> list[tuple[int, int]]:
    """Spans of ``text`` (start, end) that show ``quote``: one span for the whole quote when
    it is in the text (whitespace aside), else the quote's longest pieces found there.

    >>> t = "Projektägare:\\n\\nSkåne Stadsmission driver projektet i Malmö."
    >>> [t[a:b] for a, b in locate(t, "Projektägare: Skåne Stadsmission")]
    ['Projektägare:\\n\\nSkåne Stadsmission']
    >>> locate(t, "något helt annat")
    []
    """
    quote = (quote or "").strip()
    if not quote or not text:
        return []
    start = text.find(quote)
    if start >= 0:
        return [(start, start + len(quote))]
    flat, where = _squeezed(text)
    q = " ".join(quote.split())
    start = flat.find(q)
    if start >= 0:
        return [(where[start], where[start + len(q) - 1] + 1)]
    spans = []
    for piece in _CUTS.split(q):
        piece = piece.strip(" ,.;:")
        if len(piece) < MIN_PIECE:
            continue
        at = flat.find(piece)
        if at < 0:
            # the longest stretch of the piece that the text has (a word changed or joined)
            m = SequenceMatcher(None, flat, piece, autojunk=False).find_longest_match(0, len(flat), 0, len(piece))
            if m.size < MIN_PIECE:
                continue
            at, length = m.a, m.size
        else:
            length = len(piece)
        spans.append((where[at], where[at + length - 1] + 1))
    return sorted(set(spans))


def marked_html(text: str, marks: list[tuple[int, int, str, bool]]) -> str:
    """The text as HTML (escaped) with each span ``(start, end, id, chosen)`` in a ``<mark>``;
    the chosen quote is marked more strongly. Overlapping spans are merged into the first.

    >>> marked_html("a <b> c", [(2, 5, "q1", True)])
    'a <mark id="q1" class="chosen">&lt;b&gt;</mark> c'
    """
    out, pos = [], 0
    for start, end, ident, chosen in sorted(marks):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        cls = ' class="chosen"' if chosen else ""
        out.append(f'<mark id="{html.escape(ident)}"{cls}>{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def excerpt(text: str, span: tuple[int, int], context: int = 240) -> tuple[str, str, str]:
    """The span with up to ``context`` characters of text either side: (before, quote, after)."""
    a, b = span
    lo, hi = max(0, a - context), min(len(text), b + context)
    before, after = text[lo:a], text[b:hi]
    return (("… " if lo > 0 else "") + before, text[a:b], after + (" …" if hi < len(text) else ""))


def _tokens(name: str) -> list[str]:
    words = re.findall(r"\w[\w-]*", (name or "").casefold())
    return [w.rstrip("s") if len(w) > 5 and w.endswith("s") else w
            for w in words if w not in _NAME_STOP and len(w) >= 3]


def names_in_quote(quote: str | None, name: str | None) -> bool:
    """Whether a quote names ``name`` (a word of it, genitive aside; "kommun", "stad" … do not
    count). A quote that names neither end of its fact does not support it on its own.

    >>> names_in_quote("Trelleborgs kommun och Svedala samarbetar", "Trelleborgs kommun")
    True
    >>> names_in_quote("Anders Sjöholm, projektledare", "Funktionsstödsförvaltningen")
    False
    """
    if not quote or not name:
        return False
    text = quote.casefold()
    return any(t in text for t in _tokens(name))


def support(quote: str | None, source: str | None, target: str | None) -> str:
    """What a quote says about its fact's two ends, in Swedish (for a column "stöd"). A quote
    that names one end often stands under a heading naming the other (the project of a
    project page); one that names neither is the weak kind.

    >>> support("Malmö stad driver Make it work", "Malmö stad", "Make it work")
    'nämner båda'
    >>> support("Anders Sjöholm, projektledare", "Funktionsstödsförvaltningen", "Make it work")
    'nämner ingen av dem'
    """
    if not quote:
        return "inget citat"
    a, b = names_in_quote(quote, source), names_in_quote(quote, target)
    if a and b:
        return "nämner båda"
    if a or b:
        return f"nämner bara {source if a else target}"
    return "nämner ingen av dem"
