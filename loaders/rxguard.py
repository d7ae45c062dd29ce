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
    # a clause that holds another one's strings adds nothing (the other is true whenever it is)
    req = [c for c in req if not any(o is not c and o <= c for o in req)]
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
            def g(text: str) -> bool:
                return holds(_lower(text)) or any(c in text for c in _FOLD_ODD)
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


def search(rx, text: str):
    """``rx.search(text)``, without running ``rx`` on a text that cannot hold a match."""
    g = _guard(rx)
    if g is not None and not g(text):
        return None
    return rx.search(text)


def may_match(rx, text: str) -> bool:
    """False only where ``rx`` cannot match anywhere in ``text``."""
    g = _guard(rx)
    return g is None or g(text)


def finditer(rx, text: str):
    """``rx.finditer(text)``, or nothing at once where ``rx`` cannot match in ``text``."""
    g = _guard(rx)
    if g is not None and not g(text):
        return iter(())
    return rx.finditer(text)
