"""loaders.rxguard: a pattern is skipped only on texts where it cannot match. Pure."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import extract, fields, orgs, projects, relations, rxguard, targets

CUES = [getattr(relations, n) for n in ("OWN_CUES", "FUND_CUES", "PARTNER_CUES", "MEMBER_CUES", "COLLAB_CUES",
                                        "AGREEMENT", "_ARRANGERS", "_STILL_MEMBERS")]
#: and every whole-text pattern of the rule modules that has literals (the guarded ones among them)
PATTERNS = CUES + [v for mod in (orgs, projects, extract, fields, relations) for v in vars(mod).values()
                   if isinstance(v, re.Pattern) and v not in CUES and rxguard.literals(v) is not None]
PATTERNS += [v for v in targets.PATTERNS.values() if rxguard.literals(v) is not None]


def test_every_cue_pattern_of_the_relation_rules_gets_a_guard():
    for rx in CUES:
        assert rxguard.literals(rx) is not None, rx.pattern[:60]


@pytest.mark.parametrize("pattern,flags,expected", [
    (r"abc|de+f", 0, (False, (("abc",), ("d", "e", "f")))),
    (r"(?i)Drivs\s+av", 0, (True, (("drivs", "av"),))),
    (r"\bx(?=yz)", 0, (False, (("yz", "x"),))),  # a lookahead's text is in the text too
    (r"a|\w+", 0, None),  # a branch without a literal: always run
    (r"ab(?i:cd)", 0, None),  # case rules that change inside: always run
    (r"(?:ab)?c*", 0, None),
])
def test_the_literals_every_match_holds(pattern, flags, expected):
    assert rxguard.literals(re.compile(pattern, flags)) == expected


def _pieces(rx):
    icase, alts = rxguard.literals(rx)
    words = sorted({w for c in alts for w in c})
    return words + [w.upper() for w in words] + [w.capitalize() for w in words]


_FILL = st.sampled_from([" ", "  ", "\n", ".", ",", ":", "s", "i", "ett", "av", "med", "X", "AB", "ska",
                         "İ", "ı", "ſ", "K", "Å", "”", "3 000 kr", "projektet", "förbundet", "kommunen"])


@settings(max_examples=600, deadline=None)
@given(data=st.data(), which=st.integers(0, len(PATTERNS) - 1))
def test_a_skipped_text_has_no_match_and_a_searched_one_the_same(data, which):
    rx = PATTERNS[which]
    parts = data.draw(st.lists(st.one_of(st.sampled_from(_pieces(rx)), _FILL), max_size=12))
    text = "".join(parts)
    got = rxguard.search(rx, text)
    want = rx.search(text)
    assert (got and got.span()) == (want and want.span())
    assert [m.span() for m in rxguard.finditer(rx, text)] == [m.span() for m in rx.finditer(text)]
    if want is not None:
        assert rxguard.may_match(rx, text)


def test_a_matcher_that_is_no_compiled_pattern_always_runs():
    assert rxguard.literals(projects._CALLED) is None
    text = "Vägen Vidare, som projektet kallas, startade i maj."
    assert [m.span() for m in rxguard.finditer(projects._CALLED, text)] == [m.span() for m in projects._CALLED.finditer(text)]


def test_sentences_of_the_genre():
    texts = ["Projektet drivs av Norrby kommun tillsammans med Arbetsförmedlingen.",
             "Samordningsförbundet finansierar insatsen med 2 miljoner kronor från ESF.",
             "Medlemmar i förbundet är Region Norr och fyra kommuner.",
             "I projektet deltar A, B och C.", "Vi SAMVERKAR med skolan.", "İNGÅR i förbundet",
             "Insatsen leds av Socialförvaltningen.", "Det var en fin dag."]
    for rx in CUES:
        for t in texts:
            a, b = rx.search(t), rxguard.search(rx, t)
            assert (a and a.span()) == (b and b.span())


# -- orgs._bare_place_matches: the place-name alternation tried only where a name can start
def _place_names():
    from loaders.gazetteer import Gazetteer
    return sorted({p.name for p in Gazetteer.load().places.values()})


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_bare_place_matches_are_the_patterns_own(data):
    names = _place_names()
    pieces = st.one_of(st.sampled_from(names), st.sampled_from([n.lower() for n in names[:40]]),
                       st.sampled_from([" ", "s", "s ", "-", "–", "\n", ",", "i ", "x", "Ö", "Stora ", "läns", "_"]))
    text = "".join(data.draw(st.lists(pieces, max_size=14)))
    want = [(m.span(), m.groups()) for m in orgs._bare_place_regex().finditer(text)]
    assert [(m.span(), m.groups()) for m in orgs._bare_place_matches(text)] == want
