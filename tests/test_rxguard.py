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


# -- the scout: where a match can start ------------------------------------------------------------
SCOUTED = [v for mod in (orgs, projects, extract, fields, relations) for v in vars(mod).values()
           if isinstance(v, re.Pattern) and rxguard._scout(v) is not None]
SCOUTED += [v for v in targets.PATTERNS.values() if rxguard._scout(v) is not None]


def test_the_cue_patterns_without_a_literal_prefix_get_a_scout():
    assert rxguard._scout(relations.FUND_CUES) is not None
    assert len(SCOUTED) >= 20


@pytest.mark.parametrize("pattern,scouted", [
    (r"\b(?:drivs|leds)\s+av", True),
    (r"(?<![\w\-])(?:ab|cd)e", True),
    (r"(?i)\b(?:x|y\d)", True),
    (r"abc", False),  # a literal prefix: re scans for it already
    (r"(?m)^(?:ab|cd)", False),  # anchored: tried only at line starts
    (r"\b\w+(?:ab|cd)", False),  # any word character may start it
    (r"(?:ab)?", False),  # may match the empty string
    (r"\b(?i:ab|cd)", True),  # a group that ignores case: the twin's class ignores it too
    (r"(?i)\b(?-i:ab|cd)", False),  # case rules that change inside otherwise
    (r"\b(?:[a-z]x|y)", False),  # too many first characters to help
    (r"\b(?:[A-ZÅÄÖ]x|[0-9]y)", True),  # as many, but none lowercase: running text fails at once
    (r"(?i)\b(?:[a-v]x|y)", True),  # ignoring case: up to 30
    (r"(?i)\b(?:[a-z]x|[0-9]y)", False),
])
def test_which_patterns_get_a_scout(pattern, scouted):
    assert (rxguard._scout(re.compile(pattern)) is not None) == scouted


def test_a_scout_of_a_group_that_ignores_case_finds_every_case():
    rx = re.compile(r"(?<![\w\-])(?i:sju|kommun)\w*")
    text = "SJU Kommuner, ſju kommunerna, Sju och KOMMUN och \u212aommun"
    assert [m.span() for m in rxguard.scan(rx, text)] == [m.span() for m in rx.finditer(text)]
    assert len(list(rx.finditer(text))) == 7


def test_a_scouted_search_returns_the_patterns_own_match():
    rx = re.compile(r"(?i)\b(?:drivs|leds)\s+(av)\b")
    m = rxguard.search(rx, "Projektet DRIVS av kommunen och leds av X")
    assert m.re is rx and m.span() == (10, 18) and m.group(1) == "av"
    assert [x.span() for x in rxguard.finditer(rx, "drivs av, leds av")] == [(0, 8), (10, 17)]


@settings(max_examples=600, deadline=None)
@given(data=st.data(), which=st.integers(0, len(SCOUTED) - 1))
def test_a_scouted_pattern_finds_the_same_matches(data, which):
    rx = SCOUTED[which]
    words = _pieces(rx) if rxguard.literals(rx) is not None else []
    parts = data.draw(st.lists(st.one_of(st.sampled_from(words or [" "]), _FILL), max_size=12))
    text = "".join(parts)
    want = rx.search(text)
    got = rxguard._search(rx, text)
    assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))
    assert [(m.span(), m.groups(), m.re is rx) for m in rxguard._finditer(rx, text)] == \
        [(m.span(), m.groups(), True) for m in rx.finditer(text)]
