"""Small comparison functions for organisation names, each explaining itself.

In the style of nomenklatura's comparers: every function looks at one aspect of two names
(or of one name) and returns a :class:`Match` — a score in 0..1 and one sentence saying why —
or ``None`` when that aspect says nothing. ``loaders.resolve`` decides with them; ``samverkan
review`` shows their sentences to the person who decides.

    >>> identity_key("Chalmers Tekniska Högskola AB") == identity_key("Chalmers tekniska högskola")
    True
    >>> strip_legal_form("Coompanion Kalmar län, Ekonomisk Fören")
    ('Coompanion Kalmar län', 'ekonomisk förening')
    >>> abbreviation_of("SKR", "Sveriges Kommuner och Regioner").reason
    'SKR is the initials of Sveriges Kommuner och Regioner'
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz


@dataclass(frozen=True)
class Match:
    score: float   # 1.0: the same actor by this aspect; lower: a hint for a person to judge
    reason: str    # one sentence for a person


# -- legal forms ----------------------------------------------------------------------------
#: a legal form written after the name (possibly after a comma or in brackets), with the
#: abbreviated and truncated spellings of project-bank exports ("Ekonomisk Fören", "ek. för.")
_SUFFIX_FORMS: tuple[tuple[str, str], ...] = (
    (r"ab\s*\(publ\)|aktiebolag(?:et)?|ab", "aktiebolag"),
    (r"handelsbolag|hb", "handelsbolag"),
    (r"kommanditbolag|kb", "kommanditbolag"),
    (r"ekonomisk[a]?\s+fören(?:ing(?:en)?)?\.?|ek(?:on)?\.?\s*för(?:en(?:ing)?)?\.?|ek\s+för", "ekonomisk förening"),
    (r"ideell[a]?\s+fören(?:ing(?:en)?)?\.?|ideell\s+för\.?", "ideell förening"),
    (r"stiftelse(?:n)?", "stiftelse"),
)
_SUFFIX = re.compile(
    r"(?:\s*,\s*|\s+|\s*\(\s*)(?P<form>" + "|".join(f"(?:{p})" for p, _ in _SUFFIX_FORMS) + r")\s*\)?\s*$",
    re.I)
#: a legal form written first ("Stiftelsen Activa", "Ideella föreningen Kvinnors nätverk")
_PREFIX = re.compile(r"^(?P<form>stiftelsen|ideella\s+föreningen|ekonomiska\s+föreningen|aktiebolaget)\s+(?=\S)", re.I)
_ONLY_FORM = re.compile(r"^\s*(?:" + "|".join(f"(?:{p})" for p, _ in _SUFFIX_FORMS)
                        + r"|stiftelsen|ideella\s+föreningen|ekonomiska\s+föreningen|aktiebolaget|förening(?:en)?)\s*$",
                        re.I)


def _form_name(matched: str) -> str:
    for pattern, name in _SUFFIX_FORMS:
        if re.fullmatch(pattern, matched.strip(), re.I):
            return name
    low = matched.strip().casefold()
    return {"stiftelsen": "stiftelse", "ideella föreningen": "ideell förening",
            "ekonomiska föreningen": "ekonomisk förening", "aktiebolaget": "aktiebolag"}.get(
        re.sub(r"\s+", " ", low), low)


def is_legal_form(name: str) -> bool:
    """The name is nothing but a legal form ("AB", "Ekonomisk Fören", "ideell förening")."""
    return bool(_ONLY_FORM.match(name or ""))


def strip_legal_form(name: str) -> tuple[str, str | None]:
    """(the name without its legal form, the legal form or None). Only one form is taken from
    each end; a name that is nothing but a form is returned unchanged."""
    if is_legal_form(name):
        return name, None
    base, form = name.strip(), None
    m = _SUFFIX.search(base)
    if m and m.start() > 0:
        base, form = base[:m.start()].rstrip(" ,(-–"), _form_name(m.group("form"))
    m = _PREFIX.match(base)
    if m and len(base) > m.end() + 1:
        form = form or _form_name(m.group("form"))
        base = base[m.end():]
    return base, form


# -- normalised names -----------------------------------------------------------------------
_DASHES = re.compile(r"[\u2010-\u2015]")
_SUSPENDED = re.compile(r"(?<=\w)-\s+(?=och\b|eller\b|samt\b)")
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Case folded, NFC, dashes unified, punctuation to spaces, spaces collapsed (å ä ö kept)."""
    text = unicodedata.normalize("NFC", name or "").casefold()
    text = _DASHES.sub("-", text)
    text = _SUSPENDED.sub(" ", text)  # "ungdoms- och" = "ungdoms och"
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=1 << 15)
def identity_key(name: str) -> str:
    """The form two names of one actor share: folded, without the legal form, and with a
    leading kommun name in its genitive ("Karlstad universitet" = "Karlstads universitet")."""
    base, _form = strip_legal_form(name or "")
    key = fold(base)
    words = key.split(" ")
    if len(words) >= 2 and words[1] in _GENITIVE_HEADS:
        first = _place_genitive(words[0])
        if first:
            words[0] = first
    return " ".join(words)


#: words that follow a kommun's name in the genitive in the name of a body ("Karlstads
#: universitet", "Skåne Stadsmission"); only before these is a missing s the same name
_GENITIVE_HEADS = frozenset({"universitet", "högskola", "folkhögskola", "stadsmission", "tekniska",
                             "lasarett", "sjukhus", "församling", "stadsbibliotek", "domkyrkoförsamling",
                             "konsthall", "museum", "kommunförbund", "samordningsförbund"})


@lru_cache(maxsize=4096)
def _place_genitive(word: str) -> str | None:
    """A kommun name or its genitive -> the genitive ('karlstad' and 'karlstads' -> 'karlstads')."""
    from loaders.gazetteer import Gazetteer, genitive_forms

    g = Gazetteer.load()
    p = g.places.get(word) or (g.places.get(word[:-1]) if word.endswith("s") else None)
    if p is None or p.country != "SE":
        return None
    return fold(genitive_forms(p.name)[0])


# -- comparers ------------------------------------------------------------------------------
def same_name(a: str, b: str) -> Match | None:
    """Equal once case, punctuation and spacing are set aside."""
    if a != b and fold(a) == fold(b):
        return Match(1.0, f"{a!r} and {b!r} differ only in case or punctuation")
    return None


def same_apart_from_legal_form(a: str, b: str) -> Match | None:
    """Equal once the legal form (AB, ekonomisk förening, stiftelse …) is folded into the name."""
    (ba, fa), (bb, fb) = strip_legal_form(a), strip_legal_form(b)
    if (fa or fb) and fold(ba) == fold(bb) and fold(ba):
        forms = " / ".join(f for f in (fa, fb) if f)
        return Match(1.0, f"{a!r} and {b!r} are one name with and without its legal form ({forms})")
    return None


def same_apart_from_genitive(a: str, b: str) -> Match | None:
    """'Karlstad universitet' and 'Karlstads universitet': a kommun name with and without its s."""
    if fold(strip_legal_form(a)[0]) != fold(strip_legal_form(b)[0]) and identity_key(a) == identity_key(b):
        return Match(1.0, f"{a!r} and {b!r} differ in the genitive of the kommun name")
    return None


_SMALL_WORDS = {"och", "för", "i", "av", "på", "med", "till", "samt", "the", "of", "and", "for"}


def initials(name: str) -> str:
    """Initials of the words that count ('Sveriges Kommuner och Regioner' -> 'SKR'); a compound
    joined by a hyphen counts each part ('Arbetsmarknads- och socialförvaltningen' -> 'AS')."""
    words = [w for w in re.split(r"[\s\-]+", strip_legal_form(name)[0]) if w]
    return "".join(w[0] for w in words if w.casefold() not in _SMALL_WORDS and w[0].isalpha()).upper()


def abbreviation_of(abbr: str, name: str) -> Match | None:
    """``abbr`` is written in capitals and is the initials of ``name`` (or their start)."""
    short = abbr.strip()
    if not (2 <= len(short) <= 8 and short.replace("-", "").isalpha() and sum(c.isupper() for c in short) >= 2):
        return None
    ini = initials(name)
    if len(ini) >= 2 and ini == short.upper().replace("-", ""):
        return Match(1.0, f"{short} is the initials of {name}")
    return None


def former_name(a: str, b: str) -> Match | None:
    """One is a former name of the other (data/successors.csv, the landsting of each län)."""
    from loaders import successors

    for x, y in ((a, b), (b, a)):
        s = successors.successor_of(x)
        if s is not None and s.change == "renamed" and identity_key(s.successor) == identity_key(y):
            return Match(1.0, f"{x!r} was renamed {s.successor!r} ({s.date}; {s.source})")
    return None


def similar_spelling(a: str, b: str, cutoff: float = 92) -> Match | None:
    """A near spelling of the same name: for a person to judge, never merged by itself."""
    ka, kb = identity_key(a), identity_key(b)
    if ka == kb or min(len(ka), len(kb)) < 6 or ka[:3] != kb[:3]:
        return None
    score = fuzz.ratio(ka, kb)
    if score >= cutoff:
        return Match(score / 100 * 0.8, f"{a!r} and {b!r} are spelt alike ({score:.0f} %)")
    return None


def same_apart_from_place(a: str, b: str) -> Match | None:
    """'Gröna Vägen' and 'Gröna Vägen Norrtälje' / 'Gröna Vägen i Norrtälje': one name with a
    kommun's name after it — the same body, or its local branch: for a person to judge."""
    from loaders.gazetteer import Gazetteer

    ka, kb = identity_key(a), identity_key(b)
    short, long_ = sorted((ka, kb), key=len)
    if not short or short == long_ or not long_.startswith(short + " "):
        return None
    rest = long_[len(short) + 1:]
    rest = rest[2:] if rest.startswith("i ") else rest
    place = Gazetteer.load().place(rest)
    if place is None or len(short.split()) < 2:
        return None
    longer, shorter = (b, a) if kb == long_ else (a, b)
    return Match(0.75, f"{longer!r} is {shorter!r} with the kommun name {place.name}: "
                       f"the same body or a local branch of it")


#: the comparers that decide a merge by themselves (score 1.0), and the ones that only hint
DECIDING = (same_name, same_apart_from_legal_form, same_apart_from_genitive, former_name)
HINTING = (similar_spelling, same_apart_from_place)


def compare(a: str, b: str) -> list[Match]:
    """Every comparer's say about two names, strongest first."""
    out = [m for fn in (*DECIDING, *HINTING) if (m := fn(a, b)) is not None]
    for x, y in ((a, b), (b, a)):
        m = abbreviation_of(x, y)
        if m:
            out.append(Match(0.7, m.reason + " (an abbreviation means it only where the text defines it)"))
    return sorted(out, key=lambda m: -m.score)
