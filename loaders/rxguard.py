"""A pattern searched sentence by sentence, skipped where it cannot match (speed only).

The big cue alternations of the relation rules (``relations.OWN_CUES`` …) have no literal
prefix that ``re`` could scan for, so each search tries every branch at every position of
the sentence. Every match of such a pattern contains one of a few literal strings, read off
the pattern's own parse tree (one per branch); a sentence that holds none of them cannot
match, and ``search`` returns None for it without running the pattern. Where one of them
occurs the pattern runs as before, so the result is always ``rx.search(text)``.

The literals are derived from the pattern when it is first used, so a cue added to a pattern
is covered without anything to update here. A pattern whose branches do not all require a
literal (or that changes case-sensitivity inside) is simply always run.
"""
from __future__ import annotations

import re
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

#: characters that ``re``'s IGNORECASE folds to an ASCII letter but ``str.lower`` does not
#: ("İ" lowers to two characters, "ı" and "ſ" match "i" and "s"): a text with one of them is
#: always searched
_FOLD_ODD = ("İ", "ı", "ſ")

_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)
_MAX_CLAUSES = 64

Clauses = list  # of frozenset[str]: every string of one of the sets is in any text that matches


def _simplify(clauses: Clauses) -> Clauses:
    out = []
    for c in clauses:
        c = frozenset(x for x in c if not any(o != x and x in o for o in c))  # "dr" in "driv": implied
        if c not in out:
            out.append(c)
    return out


def _required(seq) -> Clauses | None:
    """What every match of the parsed sequence holds: a list of alternatives, each a set of
    strings that all occur in the text (inside the match, or in a lookaround); None: nothing."""
    result: Clauses = [frozenset()]
    run: list[str] = []

    def conj(d: Clauses | None):
        nonlocal result
        if not d:
            return
        if len(result) * len(d) <= _MAX_CLAUSES or len(result) == 1:
            result = _simplify([a | b for a in result for b in d])

    def flush():
        if run:
            conj([frozenset(["".join(run)])])
            run.clear()
    for op, av in seq:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is _C.SUBPATTERN:
            _group, add_flags, del_flags, p = av
            if (add_flags | del_flags) & (re.IGNORECASE | re.LOCALE):
                raise _NoGuard  # case rules change inside: no guard at all (always correct)
            conj(_required(p))
        elif op is _C.BRANCH:
            alts = [_required(b) for b in av[1]]
            if alts and all(alts):
                conj([c for a in alts for c in a])
        elif op in _REPEATS:
            lo, _hi, item = av
            if lo >= 1:
                conj(_required(item))
        elif op is _C.ATOMIC_GROUP:
            conj(_required(av))
        elif op is _C.ASSERT:  # a lookahead or lookbehind that must match: inside the text too
            conj(_required(av[1]))
        elif op is _C.IN and 1 < len(av) <= 12 and all(o is _C.LITERAL for o, _v in av):
            conj([frozenset([chr(v)]) for _o, v in av])  # one of a few characters: quotes, dashes
    flush()
    return None if result == [frozenset()] else result


class _NoGuard(Exception):
    pass


def _implies(c: frozenset, o: frozenset) -> bool:
    """A text holding every string of ``c`` holds every string of ``o``."""
    return all(any(x in y for y in c) for x in o)


def literals(rx: re.Pattern) -> tuple[bool, tuple[tuple[str, ...], ...]] | None:
    """(ignores case, alternatives) where every match of ``rx`` lies in a text holding every
    string of one alternative (lowercased if the pattern ignores case); None where the pattern
    gives no such strings."""
    pattern, flags = getattr(rx, "pattern", None), getattr(rx, "flags", None)
    if not isinstance(pattern, str) or not isinstance(flags, int):
        return None  # not a compiled text pattern (a rule's own matcher): always run
    try:
        parsed = _parser.parse(pattern, flags)
        flags = parsed.state.flags
        if flags & re.LOCALE:
            return None
        req = _required(parsed)
    except Exception:
        return None
    if not req or any(not c or not all(c) for c in req):
        return None
    icase = bool(flags & re.IGNORECASE)
    if icase:
        req = _simplify([frozenset(x.lower() for x in c) for c in req])
    # a clause whose strings hold all of another one's (each of the other's strings is inside
    # one of its own) adds nothing: the other is true whenever it is ("bedriver" or "driver"
    # is "driver"; of two that imply each other the first stays). Fewer strings to look for in
    # a text that holds none of them, which is what most sentences are for most patterns.
    req = [c for i, c in enumerate(req)
           if not any(j != i and _implies(c, o) and (j < i or not _implies(o, c)) for j, o in enumerate(req))]
    order = sorted(req, key=lambda c: (-min(map(len, c)), sorted(c)))
    return icase, tuple(tuple(sorted(c, key=lambda x: (-len(x), x))) for c in order)


_GUARDS: dict = {}


def _guard(rx):
    # by id: hashing a compiled pattern hashes its whole code; the entry keeps ``rx`` alive, so
    # its id is not reused while the entry is there
    hit = _GUARDS.get(id(rx))
    if hit is not None and hit[0] is rx:
        return hit[1]
    lit = literals(rx)
    g = None
    if lit is not None:
        icase, alts = lit
        # each alternative by its longest string, checked once for all that share it
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for c in alts:
            by_first.setdefault(c[0], []).append(c[1:])
        checks = tuple((k, None if any(not r for r in rest) else tuple(rest)) for k, rest in by_first.items())

        def holds(text: str) -> bool:
            for k, rests in checks:
                if k in text:
                    if rests is None:
                        return True
                    for rest in rests:
                        for x in rest:
                            if x not in text:
                                break
                        else:
                            return True
            return False
        if icase:
            odd1, odd2, odd3 = _FOLD_ODD

            def g(text: str) -> bool:  # (the three odd characters tested inline: no generator per call)
                return holds(_lower(text)) or odd1 in text or odd2 in text or odd3 in text
        else:
            g = holds
    _GUARDS[id(rx)] = (rx, g)
    return g


_LAST = ("", "")  # the text last lowered and its lowercase: a page's patterns share it


def _lower(text: str) -> str:
    global _LAST
    last = _LAST  # one tuple, replaced whole: a thread never sees one page's text with another's lowercase
    if text is last[0]:
        return last[1]
    low = text.lower()
    if len(text) > 400:  # a page, searched by pattern after pattern (a sentence is lowered once)
        _LAST = (text, low)
    return low


# -- where a match can start ------------------------------------------------------------------
# A pattern that begins with a word boundary, a lookbehind or an alternation gives ``re`` no
# prefix to scan for, so it tries the whole pattern at every position. Every match starts with
# one of a few characters, read off the same parse tree (the first character each branch
# consumes); a twin ``(?=[those])(?:pattern)`` fails at once at every other position. The twin
# only finds where the leftmost match starts: the match returned is ``rx``'s own match there,
# which is the match ``rx.search`` finds (it tries the positions in order and the twin shows
# none before can match), so results are unchanged.

#: at most this many first characters (a range counts its characters, \d ten): a twin that lets
#: most positions through costs more than it saves. Any number where none of them is a
#: lowercase letter (capitals, digits, quotes: a name's or a heading's first character), since
#: running text is mostly lowercase letters and spaces, which then fail at once; and up to
#: ``_MAX_FIRST_ICASE`` for a pattern that ignores case, which ``re`` can give no prefix at all
#: (so it tries every branch at every position). Measured on the rule patterns over 500 bench
#: pages: every scout these allow beyond 20 ran 1.05-3.6× faster than the plain scan (a
#: capitals-first pattern), 1.14-2.07× (ignoring case), while classes of more than 20 that
#: hold lowercase letters ran 0.68-1.07×.
_MAX_FIRST = 20
_MAX_FIRST_ICASE = 30
#: a pattern anchored at a (line) start is already tried only there, or rejected at once
_ANCHORS = (_C.AT_BEGINNING, _C.AT_BEGINNING_STRING, _C.AT_BEGINNING_LINE)
_SCOUTS: dict = {}


class _NoScout(Exception):
    pass


def _class_item(op, av, out: set) -> None:
    # (\d of the categories: \w and \s hold nearly every character, no use)
    if op is _C.LITERAL:
        out.add(("c", av))
    elif op is _C.RANGE:
        out.add(("r", av[0], av[1]))
    elif op is _C.CATEGORY and av is _C.CATEGORY_DIGIT:
        out.add(("d",))
    else:
        raise _NoScout


#: the mark in a set of first characters that some of them are read ignoring case (in a
#: ``(?i:…)`` group): the twin's class is then matched ignoring case, a superset of the
#: characters a match can start with, which is all a scout needs
_ICASE = ("i",)


def _width(items: set) -> int:
    return sum(10 if x[0] == "d" else x[2] - x[1] + 1 if x[0] == "r" else 1 for x in items if x is not _ICASE)


def _few_enough(items: set, flags: int) -> bool:
    """A twin over these first characters skips enough positions to pay (``_MAX_FIRST``)."""
    width = _width(items)
    if width <= _MAX_FIRST:
        return True
    if flags & re.IGNORECASE or _ICASE in items:
        return width <= _MAX_FIRST_ICASE
    return not any(chr(x[1]).islower() if x[0] == "c" else x[0] == "r" and any(chr(c).islower() for c in range(x[1], x[2] + 1))
                   for x in items)


def _class(items: set) -> str:
    return "".join(sorted(r"\d" if x[0] == "d" else re.escape(chr(x[1])) + "-" + re.escape(chr(x[2])) if x[0] == "r"
                          else re.escape(chr(x[1])) for x in items if x is not _ICASE))


def _first(seq, out: set) -> bool:
    """Add to ``out`` (class items) every character a match of ``seq`` can start with; True
    where ``seq`` can match the empty string (then what follows it can start the match)."""
    for op, av in seq:
        if op is _C.LITERAL or op is _C.CATEGORY:
            _class_item(op, av, out)
            return False
        if op is _C.IN:
            for o, v in av:
                _class_item(o, v, out)  # (a negated class raises)
            return False
        if op is _C.AT or op is _C.ASSERT or op is _C.ASSERT_NOT:
            continue  # zero-width
        if op is _C.SUBPATTERN:
            _group, add_flags, del_flags, p = av
            if add_flags == re.IGNORECASE and not del_flags:
                out.add(_ICASE)  # "(?i:två|tre …)": the twin's class ignores case too
            elif add_flags or del_flags:
                raise _NoScout
            if not _first(p, out):
                return False
        elif op is _C.ATOMIC_GROUP:
            if not _first(av, out):
                return False
        elif op is _C.BRANCH:
            empty = False
            for b in av[1]:
                empty = _first(b, out) or empty
            if not empty:
                return False
        elif op in _REPEATS:
            lo, hi, item = av
            if hi == 0:
                continue
            if not _first(item, out) and lo >= 1:
                return False
        else:
            raise _NoScout  # any character, a back reference …: every position
    return True


def _scout(rx):
    hit = _SCOUTS.get(id(rx))
    if hit is not None and hit[0] is rx:
        return hit[1]
    twin = None
    pattern, flags = getattr(rx, "pattern", None), getattr(rx, "flags", None)
    if isinstance(pattern, str) and isinstance(flags, int):
        try:
            from re import _compiler  # type: ignore[attr-defined]

            parsed = _parser.parse(pattern, flags)
            pflags = parsed.state.flags
            out: set = set()
            if not (pflags & re.LOCALE) and not (parsed.data and parsed.data[0][0] is _C.AT and parsed.data[0][1] in _ANCHORS) \
                    and not _first(parsed, out) and _few_enough(out, pflags) \
                    and not _compiler._get_literal_prefix(parsed, pflags)[0] \
                    and not _compiler._get_charset_prefix(parsed, pflags):
                body = pattern
                while True:  # the global flags stay in front (rx.flags holds them too)
                    lead = re.match(r"\(\?[aiLmsux]+\)", body)
                    if not lead:
                        break
                    body = body[lead.end():]
                end = "\n)" if pflags & re.VERBOSE else ")"
                first = "(?i:[" + _class(out) + "])" if _ICASE in out and not pflags & re.IGNORECASE else "[" + _class(out) + "]"
                twin = re.compile("(?=" + first + ")(?:" + body + end, pflags)
                if twin.groups != rx.groups:
                    twin = None
        except Exception:
            twin = None
    _SCOUTS[id(rx)] = (rx, twin)
    return twin


def _search(rx, text: str, pos: int = 0):
    twin = _scout(rx)
    if twin is None:
        return rx.search(text, pos)
    t = twin.search(text, pos)
    if t is None:
        return None
    m = rx.match(text, t.start())
    return m if m is not None else rx.search(text, pos)


def _finditer(rx, text: str, pos: int = 0, endpos: int | None = None):
    twin = _scout(rx)
    if twin is None:  # (also a rule's own matcher, which takes the text alone)
        if endpos is not None:
            yield from rx.finditer(text, pos, endpos)
        else:
            yield from rx.finditer(text, pos) if pos else rx.finditer(text)
        return
    n = len(text) if endpos is None else max(0, min(endpos, len(text)))
    while pos <= n:
        t = twin.search(text, pos, n)
        if t is None:
            return
        m = rx.match(text, t.start(), n)
        if m is None or m.end() == m.start():  # not expected: the plain scan from here on
            for m in rx.finditer(text, pos, n):
                yield m
            return
        yield m
        pos = m.end()


def scan(rx, text: str, pos: int = 0, endpos: int | None = None):
    """``rx.finditer(text, pos, endpos)`` (no guard: for a caller that checked it already)."""
    return _finditer(rx, text, pos, endpos)


def search(rx, text: str):
    """``rx.search(text)``, without running ``rx`` on a text that cannot hold a match."""
    g = _guard(rx)
    if g is not None and not g(text):
        return None
    return _search(rx, text)


def may_match(rx, text: str) -> bool:
    """False only where ``rx`` cannot match anywhere in ``text``."""
    g = _guard(rx)
    return g is None or g(text)


def finditer(rx, text: str):
    """``rx.finditer(text)``, or nothing at once where ``rx`` cannot match in ``text``."""
    g = _guard(rx)
    if g is not None and not g(text):
        return iter(())
    return _finditer(rx, text)
