"""Resolution: which real actor each organisation of a record is (a stage of its own).

Runs on every finished extraction record — after the rules and the learned layers, before
``samverkan extract --json`` prints it and before the writer writes it (``loaders.pipeline``).
Pure: a record (and its document's text) in, a new record out; no database.

What it does, in order, each step with a sentence of why on the entities it changes
(``resolution``: ``[{"from", "why"}]``):

1. **Split names rejoined**: a spreadsheet cell split at "och" ("Sveriges Kommuner" +
   "Regioner") is one name again where the joined form is a known body.
2. **Legal forms and fragments**: a legal form is part of a name, never an actor — "AB",
   "Ekonomisk Fören", "ideell förening" alone go into the organisation they belong to (the one
   written before them, or the one they were made PART_OF), and "Göteborg AB" cut out of
   "Business Region Göteborg AB" goes into the whole name.
3. **Coordinated förbund**: "Göteborgs, Insjörikets och Stockholms stads samordningsförbund"
   and "samordningsförbunden i A, B och C" are three förbund; kommun organisations read out
   of such a phrase (and nowhere else in the text) are dropped.
4. **Abbreviations defined in the text**: "Full name (ABBR)" makes a separate ABBR the same
   organisation.
5. **One key per actor** (``loaders.compare``): names equal apart from case, punctuation, legal
   form or a kommun's genitive share a key; a reference name or alias gives the reference
   body's key; a former name (``data/successors.csv``; every landsting) its successor's; an
   agency's local office ("Arbetsförmedlingen i Malmö") is the agency.
6. **Generic forms per document**: bare "Länsstyrelsen", "regionen", "förbundet",
   "kommunen", an unqualified unit ("Socialförvaltningen") resolve from the document's own
   context — the one such body it names, or the body of its län — or stay a mention local to
   the document (key ``name~<document>``); never one node for the whole country.
7. **People's decisions** (``loaders.decisions``, ``data/decisions.csv``): a split keeps two
   names apart, a merge makes one the other; replayed on every record.

The document's own name for an organisation stays its ``name`` (what the text says, what the
gold sets score); the actor's name in the graph is ``canonical`` where it differs, and every
name seen is in ``aliases``. Relations follow their ends' new keys and keep their evidence;
a relation made twice by a merge is kept once (its first quote), a relation of an actor to
itself is dropped.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from loaders import compare as C
from loaders import successors
from loaders.record import slug

#: which ends of each relation type are organisations (source, target)
ORG_ENDS: dict[str, tuple[bool, bool]] = {
    "OWNS": (True, False), "FUNDS": (True, False), "PARTNER_IN": (True, False),
    "WORKS_FOR": (False, True), "COLLABORATES_WITH": (True, True), "PART_OF": (True, True),
    "LOCATED_IN": (True, False), "MEMBER_OF": (True, True),
}
#: marks a key local to one document: ``länsstyrelsen~<first 12 hex of its doc_uid>``
LOCAL = "~"

#: generic forms -> what they stand for on a page
GENERIC: dict[str, str] = {
    "länsstyrelsen": "county_board", "landstinget": "region", "regionen": "region", "region": "region",
    "förbundet": "forbund", "samordningsförbundet": "forbund", "finsam": "forbund",
    "kommunen": "kommun", "staden": "kommun", "stadsdelen": "local",
    "myndigheten": "local", "partnerskapet": "local", "strukturfondspartnerskapet": "local",
    "samordningsförbunden": "local", "länsstyrelserna": "local", "kommunerna": "local",
    "regionerna": "local", "landstingen": "local", "myndigheterna": "local",
}


# ---------------------------------------------------------------- the working state

@dataclass
class _Org:
    item: dict[str, Any]          # the record's entity (a copy, changed in place)
    orig_uid: str
    why: list[dict[str, str]] = field(default_factory=list)

    @property
    def uid(self) -> str:
        return self.item["uid"]

    @property
    def name(self) -> str:
        return self.item.get("name") or ""

    @property
    def kind(self) -> str:
        return self.item.get("kind") or ""

    def names(self) -> list[str]:
        return [self.name, *self.item.get("aliases", [])]

    def add_alias(self, *names: str) -> None:
        aliases = list(self.item.get("aliases") or [])
        for n in names:
            if n and n.casefold() != self.name.casefold() and n not in aliases:
                aliases.append(n)
        self.item["aliases"] = aliases

    def note(self, source: str, why: str) -> None:
        self.why.append({"from": source, "why": why})


class _State:
    def __init__(self, record: dict, text: str | None):
        self.record = record
        self.text = text or ""
        self.orgs: list[_Org] = [_Org(dict(o, aliases=list(o.get("aliases") or [])), o.get("uid", ""))
                                 for o in record.get("organizations") or [] if isinstance(o, dict)]
        self.others = [o for o in record.get("organizations") or [] if not isinstance(o, dict)]
        self.places = [dict(p) for p in record.get("municipalities") or [] if isinstance(p, dict)]
        self.relations = [dict(r) for r in record.get("relations") or [] if isinstance(r, dict)]
        self.bad_relations = [r for r in record.get("relations") or [] if not isinstance(r, dict)]
        self.dropped_places: set[str] = set()
        self._low: str | None = None  # the text lowercased, once (``occurrences``), where that is exact

    def by_uid(self, uid: str) -> _Org | None:
        return next((o for o in self.orgs if o.uid == uid), None)

    def org_relations(self, org: _Org) -> list[dict]:
        out = []
        for r in self.relations:
            s, t = ORG_ENDS.get(r.get("type"), (False, False))
            if (s and r.get("source_uid") == org.uid) or (t and r.get("target_uid") == org.uid):
                out.append(r)
        return out

    def rekey(self, old: str, new: str, name: str | None = None) -> None:
        """Relations of the organisation keyed ``old`` now end at ``new``."""
        if old == new:
            return
        for r in self.relations:
            s, t = ORG_ENDS.get(r.get("type"), (False, False))
            if s and r.get("source_uid") == old:
                r["source_uid"] = new
                if name:
                    r["source"] = name
            if t and r.get("target_uid") == old:
                r["target_uid"] = new
                if name:
                    r["target"] = name

    def merge(self, drop: _Org, keep: _Org, why: str) -> None:
        """``drop`` is ``keep``: its names become aliases, its relations move (evidence kept)."""
        if drop is keep:
            return
        keep.add_alias(*drop.names())
        if drop.item.get("evidence") and not keep.item.get("evidence"):
            keep.item["evidence"] = drop.item["evidence"]
        keep.note(drop.name, why)
        keep.why.extend(drop.why)
        self.rekey(drop.uid, keep.uid, keep.name)
        self.orgs = [o for o in self.orgs if o is not drop]

    def drop(self, org: _Org) -> None:
        """An organisation that is none (a fragment nothing can take): it and its relations go."""
        gone = set(map(id, self.org_relations(org)))
        self.relations = [r for r in self.relations if id(r) not in gone]
        self.orgs = [o for o in self.orgs if o is not org]

    def occurrences(self, name: str) -> list[tuple[int, int]]:
        """Where the text writes ``name`` as a whole word, any case: the spans of
        ``_name_rx(name).finditer(text)``.

        The pattern ignores case, so ``re`` has no prefix to skip by and tries it at every
        position of the page. Where neither the name nor the text holds a character whose
        case rules differ between ``str.lower`` and ``re`` (``_case_plain``), a match can only
        start where the lowercased text holds the lowercased name: those places are found by
        ``str.find`` and the pattern is tried there alone, in order, from the end of each
        match on, as ``finditer`` does (the same spans)."""
        text = self.text
        if not name or not text:
            return []
        rx = _name_rx(name)
        if self._low is None:
            self._low = text.lower() if _case_plain(text) else ""
        if not self._low or not _case_plain(name):
            return [(m.start(), m.end()) for m in rx.finditer(text)]
        low, key, out = self._low, name.lower(), []
        at = low.find(key)
        while at != -1:
            m = rx.match(text, at)
            if m is not None:
                out.append(m.span())
                at = low.find(key, m.end())
            else:
                at = low.find(key, at + 1)
        return out


def _case_plain(text: str) -> bool:
    """No character in ``text`` for which ``str.lower`` equality and ``re.IGNORECASE``
    equality can differ: "İ" (two characters lowercased), "ı" and "ſ" (``re`` takes them for
    "i" and "s"), and any letter or mark past Latin Extended-A (Greek, Cyrillic and the other
    scripts whose case ``re`` extends beyond a lowercase comparison, the Kelvin sign …).
    "µ" is the one such letter before: ``re`` takes it for the Greek "μ", which is past."""
    for c in set(text):
        if c in _CASE_ODD or c >= "\u0180" and (c.isalpha() or unicodedata.category(c)[0] == "M"):
            return False
    return True


_CASE_ODD = frozenset("İıſ")


@lru_cache(maxsize=4096)
def _name_rx(name: str) -> re.Pattern:
    """A name as a whole word, any case (compiled once per name: a compile per call cost more
    than the search and pushed the module patterns out of re's cache)."""
    return re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", re.I)


# ---------------------------------------------------------------- reference lookups

_REF_INDEX: dict[str, Any] | None = None


def _ref_index() -> dict[str, Any]:
    """identity key of every reference name and alias -> the reference organisation."""
    global _REF_INDEX
    if _REF_INDEX is None:
        from loaders import reference

        idx: dict[str, Any] = {}
        joined: dict[str, Any] = {}
        for o in reference.organizations():
            for n in (o.name, *o.aliases):
                if len(n) > 4 or not n.isupper():  # abbreviations only where a text defines them
                    idx.setdefault(C.identity_key(_forbund_key(n)), o)
                    joined.setdefault(C.identity_key(_forbund_key(_unbroken(n))), o)
        _REF_INDEX = {"key": idx, "unbroken": joined}
    return _REF_INDEX


def _unbroken(name: str) -> str:
    """A name without the hyphens of words broken at a line end ('Försäkrings-kassan')."""
    return re.sub(r"(?<=\w)-(?=\w)", "", name)


def reference_of(name: str):
    """The reference organisation a name denotes (its name or an alias, any legal form,
    spelling of case or a kommun's genitive, a word broken by a hyphen), else None."""
    idx = _ref_index()
    hit = idx["key"].get(C.identity_key(_forbund_key(name)))
    if hit is None and "-" in name:
        hit = idx["unbroken"].get(C.identity_key(_forbund_key(_unbroken(name))))
    return hit


_FORBUND_I = re.compile(r"(?i)^(samordningsförbund(?:et)?)\s+i\s+")
_FORBUND_GEN = re.compile(r"(?i)^(.+?)s\s+samordningsförbund$")


@lru_cache(maxsize=1 << 15)
def _forbund_key(name: str) -> str:
    """'Samordningsförbundet i Lund', 'Samordningsförbund Lund', 'Lunds samordningsförbund' ->
    'Samordningsförbundet Lund' (the key of one förbund however it is written)."""
    n = " ".join((name or "").split())
    n = _FORBUND_I.sub("Samordningsförbundet ", n)
    n = re.sub(r"(?i)^samordningsförbund\s+", "Samordningsförbundet ", n)
    m = _FORBUND_GEN.match(n)
    if m and not m.group(1).lower().endswith(" och"):
        n = f"Samordningsförbundet {m.group(1)}"
    return n


def _key_of(name: str) -> str:
    return slug(C.identity_key(_forbund_key(name)))


def key_for_name(name: str) -> str:
    """The node key resolution gives a name written on its own (a reference body's, a renamed
    body's successor's, else the name's identity key)."""
    ref = reference_of(name)
    if ref is not None:
        return slug(ref.name)
    s = successors.successor_of(name)
    if s is not None and s.change == "renamed":
        ref = reference_of(s.successor)
        return slug(ref.name if ref is not None else s.successor)
    return _key_of(name)


def own_key(name: str) -> str:
    """A name's own key, whatever it resolves to (what a split keeps apart)."""
    return _key_of(name)


# ---------------------------------------------------------------- 1. split names rejoined

def _rejoin_split_names(st: _State) -> None:
    if len(st.orgs) < 2:
        return
    for a in list(st.orgs):
        for b in list(st.orgs):
            if a is b or a not in st.orgs or b not in st.orgs:
                continue
            joined = f"{a.name} och {b.name}"
            ref = reference_of(joined) or _successor_ref(joined)
            if ref is None:
                continue
            if st.text and not re.search(rf"{re.escape(a.name)}-?\s+och\s+{re.escape(b.name)}", st.text):
                continue
            written = re.search(rf"{re.escape(a.name)}-?\s+och\s+{re.escape(b.name)}", st.text)
            a.item["name"] = " ".join(written.group(0).split()) if written else joined
            a.item["kind"] = ref.kind
            st.merge(b, a, "one name split at 'och' in a list; the joined name is a known body")
            a.note(joined, "rejoined from the parts of a split list")


def _successor_ref(name: str):
    s = successors.successor_of(name)
    return reference_of(s.successor) if s is not None else None


# ---------------------------------------------------------------- 2. legal forms, fragments

_CAPWORD = r"[A-ZÅÄÖÉÜ][\w&\-]*"
#: a capitalised word that starts a sentence, not a name ("I Stockholms läns landsting …")
_NOT_FUNCTION = r"(?!(?:I|Av|Från|Med|Och|Till|På|Inom|Hos|För|Om|Vid|Mellan|Där|Nu|Även|Det|Den|Vi)[ \t])"


def _host_before(st: _State, frag: _Org) -> _Org | None:
    """The organisation whose name is written just before the fragment ('X, ideell förening')."""
    for s, _e in st.occurrences(frag.name):
        before = st.text[max(0, s - 200):s]
        for other in sorted(st.orgs, key=lambda o: -len(o.name)):
            if other is frag:
                continue
            for n in other.names():
                if n and re.search(rf"{re.escape(n)}[ \t]*[,(]?[ \t]*$", before):
                    return other
    return None


def _host_containing(st: _State, frag: _Org) -> _Org | None:
    """A longer organisation name of the record that ends with (or holds) the fragment."""
    key = C.fold(frag.name)
    quotes = [r.get("evidence") or "" for r in st.org_relations(frag)]
    ranked = []
    for other in st.orgs:
        if other is frag:
            continue
        hits = [n for n in other.names() if C.fold(n) != key and
                (C.fold(n).endswith(" " + key) or f" {key} " in f" {C.fold(n)} ")]
        if not hits:
            continue
        # the one the fragment's own quotes name, else the one written first
        quoted = sum(1 for q in quotes for n in hits if n in q)
        first = min((s for n in hits for s, _ in st.occurrences(n)), default=len(st.text) + 1)
        ranked.append((-quoted, first, -len(other.name), other))
    return min(ranked, key=lambda t: t[:3])[3] if ranked else None


def _extended_name(st: _State, frag: _Org) -> str | None:
    """The capitalised words written before a fragment: 'Business Region Göteborg AB'."""
    for s, e in st.occurrences(frag.name):
        m = re.search(rf"(?<![\w\-])((?:{_NOT_FUNCTION}{_CAPWORD}[ \t]+){{1,3}})$", st.text[max(0, s - 120):s])
        if m:
            words = m.group(1).split()
            ext = " ".join([*words, st.text[s:e]])
            if len(ext) > len(frag.name) + 2:
                return ext
    return None


def _is_place_fragment(name: str) -> bool:
    """'Göteborg AB', 'Kalmar AB', 'Region AB': a kommun (or the word Region) and a legal form."""
    from loaders.gazetteer import Gazetteer

    base, form = C.strip_legal_form(name)
    if form is None:
        return False
    words = base.split()
    if not words:
        return True
    if all(w.casefold() == "region" for w in words):
        return True
    g = Gazetteer.load()
    return len(words) <= 2 and g.place(base) is not None or (len(words) == 2 and words[0] == "Region"
                                                            and g.place(words[1]) is not None)


#: a landsting's name ("Götalands läns landsting" cut out of "Västra Götalands läns landsting")
_LANDSTING_NAME = re.compile(r"(?i)\bläns\s+landsting$|^landstinget\s+i?\s*[A-ZÅÄÖ]")


def _only_inside_longer(st: _State, short: _Org) -> _Org | None:
    """The longer organisation name of the record that every occurrence of ``short`` in the
    text is the start of ("Coompanion" only ever in "Coompanion Kalmar län"), else None."""
    if short.kind in ("municipality_org", "municipal_unit") or C.fold(short.name) in GENERIC:
        return None
    spots = st.occurrences(short.name)
    if not spots:
        return None
    linked = {r.get("source_uid") for r in st.relations if r.get("target_uid") == short.uid} | \
             {r.get("target_uid") for r in st.relations if r.get("source_uid") == short.uid}
    for longer in sorted(st.orgs, key=lambda o: -len(o.name)):
        if longer is short or longer.uid in linked or longer.kind in ("municipal_unit", "other"):
            continue
        forms = {f for n in longer.names() for f in (n, C.strip_legal_form(n)[0])
                 if C.fold(f).startswith(C.fold(short.name) + " ")}
        if not forms:
            continue
        inside = [o for f in forms for o in st.occurrences(f)]
        if inside and all(any(a <= s < b for a, b in inside) for s, _ in spots):
            return longer
    return None


def _fragments(st: _State) -> None:
    for short in list(st.orgs):
        if short in st.orgs:
            longer = _only_inside_longer(st, short)
            if longer is not None:
                st.merge(short, longer, f"{short.name!r} is only ever the start of {longer.name!r} in the text")
    for frag in list(st.orgs):
        if frag not in st.orgs:
            continue
        name = frag.name
        if C.is_legal_form(name):
            parent = next((st.by_uid(r["target_uid"]) for r in st.relations
                           if r.get("type") == "PART_OF" and r.get("source_uid") == frag.uid), None)
            host = parent or _host_before(st, frag) or _host_containing(st, frag)
            if host is not None:
                written = None
                for n in host.names():
                    m = re.search(rf"{re.escape(n)}[ \t]*,?[ \t]*{re.escape(name)}", st.text)
                    if m:
                        written = " ".join(m.group(0).split())
                        break
                if written:
                    host.add_alias(written)
                st.merge(frag, host, f"{name!r} is the legal form of {host.name!r}, not an organisation")
            else:
                st.drop(frag)
            continue
        if _is_place_fragment(name) or (_LANDSTING_NAME.search(name)
                                        and successors.county_of_landsting(name) is None):
            host = _host_containing(st, frag)
            if host is not None:
                st.merge(frag, host, f"{name!r} is a piece of the name {host.name!r}")
                continue
            ext = _extended_name(st, frag)
            if ext is not None:
                old = frag.name
                frag.item["name"] = ext
                frag.item["uid"] = new_uid = slug(ext)
                frag.add_alias()
                frag.note(old, f"{old!r} is a piece of the name {ext!r} written in the text")
                st.rekey(frag.orig_uid, new_uid, ext)
                from loaders.gazetteer import guess_kind

                frag.item["kind"] = guess_kind(ext)


# ---------------------------------------------------------------- 3. coordinated förbund

_GEN_ITEM = r"(?:[A-ZÅÄÖ][\w\-]*[ \t]+)?[A-ZÅÄÖ][\w\-]*s(?:[ \t]+stads)?"
_GEN_LIST = re.compile(rf"({_GEN_ITEM}(?:,[ \t]+{_GEN_ITEM})*[ \t]+(?:och|samt)[ \t]+{_GEN_ITEM})[ \t]+$")
_PL_ITEM = r"[A-ZÅÄÖ][\w\-]*(?:[ \t]+\([^()\n]{0,80}\))?"
_PL_LIST = re.compile(rf"\b[Ss]amordningsförbunden[ \t]+(?:i|för)[ \t]+"
                      rf"({_PL_ITEM}(?:,[ \t]+{_PL_ITEM})*[ \t]+(?:och|samt)[ \t]+{_PL_ITEM})")
_SPLIT = re.compile(r",[ \t]+|[ \t]+(?:och|samt)[ \t]+")


def _split_items(text: str) -> list[str]:
    # a bracket after an item ("MittSkåne (Eslöv, Hörby och Höör)") belongs to that item
    items, depth, cur = [], 0, ""
    for part in re.split(r"(\(|\))", text):
        if part == "(":
            depth += 1
        elif part == ")":
            depth -= 1
        if depth == 0 and part not in ("(", ")"):
            pieces = _SPLIT.split(part)
            cur += pieces[0]
            for p in pieces[1:]:
                items.append(cur.strip())
                cur = p
        else:
            cur += part
    items.append(cur.strip())
    return [re.sub(r"\s*\([^)]*\)\s*$", "", i).strip() for i in items if i.strip()]


def _forbund_entity(st: _State, name: str, key_name: str, why: str, span: tuple[int, int]) -> _Org:
    ref = reference_of(key_name)
    uid = slug(ref.name) if ref is not None else _key_of(key_name)
    org = st.by_uid(uid)
    if org is None:
        item = {"uid": uid, "name": name, "kind": "coordination_association", "aliases": []}
        org = _Org(item, uid)
        st.orgs.append(org)
    elif org.name != name:
        org.add_alias(name)
    if ref is not None and ref.name != org.name:
        org.item["canonical"] = ref.name
    org.note(st.text[span[0]:span[1]], why)
    return org


def _coordinated_forbund(st: _State) -> None:
    if not st.text or "amordningsförbund" not in st.text:
        return
    from loaders.gazetteer import Gazetteer

    g = Gazetteer.load()
    phrases: list[tuple[tuple[int, int], list[tuple[str, _Org]]]] = []
    for m in re.finditer(r"(?<![\w\-])samordningsförbund(?:s|en|ens)?(?![\w\-])", st.text):
        lm = _GEN_LIST.search(st.text, max(0, m.start() - 200), m.start())
        if not lm:
            continue
        items = _split_items(lm.group(1))
        if len(items) < 2:
            continue
        made = []
        for item in items:
            stem = item[:-1] if item.endswith("s") else item
            made.append((stem, _forbund_entity(st, f"{item} samordningsförbund", f"Samordningsförbundet {stem}",
                                               "a coordinated genitive names each förbund", (lm.start(1), m.end()))))
        phrases.append(((lm.start(1), m.end()), made))
    for m in _PL_LIST.finditer(st.text):
        items = _split_items(m.group(1))
        made = [(item, _forbund_entity(st, f"Samordningsförbundet i {item}", f"Samordningsförbundet {item}",
                                       "a coordinated plural names each förbund", (m.start(), m.end())))
                for item in items]
        phrases.append(((m.start(), m.end()), made))
        # the phrase read as one organisation ("samordningsförbunden i A") goes into the first
        for org in list(st.orgs):
            if C.fold(org.name).startswith("samordningsförbunden ") and made:
                st.merge(org, made[0][1], "a plural phrase of förbund, not one organisation")
    for span, made in phrases:
        for stem, forbund in made:
            place = g.place_from_genitive(stem) or g.place(stem) or g.place(re.sub(r"s? stad$", "", stem))
            if place is None:
                continue
            for org in list(st.orgs):
                if org.kind != "municipality_org" or org.item.get("uid") != slug(place.org_name):
                    continue
                outside = [o for n in org.names() if len(n) > len(stem) for o in st.occurrences(n)
                           if not (span[0] <= o[0] < span[1])]
                if outside:
                    continue
                for r in st.org_relations(org):
                    if r.get("type") == "LOCATED_IN":
                        st.relations.remove(r)
                st.merge(org, forbund, f"{org.name!r} was read out of the förbund's name")
                forbund.item["aliases"] = [a for a in forbund.item["aliases"] if a != org.name]
            if not any(not (span[0] <= s < span[1]) for n in (place.name,) for s, _ in st.occurrences(n)) \
                    and not any(r.get("target_uid") == place.uid for r in st.relations):
                st.dropped_places.add(place.uid)


# ---------------------------------------------------------------- 4. abbreviations

_ABBR = re.compile(r"\(\s*([A-ZÅÄÖ][A-ZÅÄÖa-zåäö\-]{1,9})\s*\)")


def _defined_abbreviations(st: _State) -> None:
    if not st.text or "(" not in st.text:
        return
    for m in _ABBR.finditer(st.text):
        abbr = m.group(1)
        if sum(c.isupper() for c in abbr) < 2:
            continue
        short = next((o for o in st.orgs if o.name == abbr), None)
        if short is None:
            continue
        before = st.text[max(0, m.start() - 160):m.start()]
        full = None
        for o in sorted(st.orgs, key=lambda x: -len(x.name)):
            if o is not short and any(n and n != abbr and re.search(rf"{re.escape(n)}s?\s*$", before)
                                      for n in o.names()):
                full = o
                break
        if full is not None:
            st.merge(short, full, f"{abbr} is defined in the text as the abbreviation of {full.name}")


# ---------------------------------------------------------------- 5. one key per actor

_LOCAL_OFFICE = re.compile(r"^(?P<agency>.+?)s?(?:[ \t]+i)?[ \t]+(?P<place>[A-ZÅÄÖ][\w\-]*(?:[ \t][A-ZÅÄÖ][\w\-]*)?)$")


def _local_office(name: str):
    """'Arbetsförmedlingen i Malmö' -> (Arbetsförmedlingen, Malmö); None for a body per län."""
    from loaders.gazetteer import Gazetteer

    m = _LOCAL_OFFICE.match(name.strip())
    if not m:
        return None
    ref = reference_of(m.group("agency"))
    if ref is None or ref.kind != "agency":
        return None
    g = Gazetteer.load()
    place = g.place(m.group("place"))
    if place is None or place.country != "SE":
        return None
    if C.fold(ref.name) == "länsstyrelsen":  # "Länsstyrelsen Västerås": the board of the seat's län
        board = _county_body("county_board", place.county_code)
        return (board, place) if board is not None else None
    if reference_of(name) is not None or reference_of(f"{m.group('agency')} i {m.group('place')} län"):
        return None  # "Länsstyrelsen i Skåne": a body of its own
    return ref, place


def _identity(st: _State, org: _Org) -> None:
    """The actor's key (and name in the graph) for one organisation of the record."""
    uid, name = org.uid, org.name
    if not name or org.kind in ("municipal_unit", "municipality_org") or "/" in uid or uid.startswith("unit:"):
        return
    if LOCAL in uid:
        return
    office = _local_office(name)
    if office is not None:
        ref, place = office
        org.item["uid"] = slug(ref.name)
        org.item["kind"] = ref.kind
        if ref.name.startswith("Länsstyrelsen i "):
            org.item["canonical"] = ref.name
            org.note(name, f"the county board at {place.name} is {ref.name}")
            return
        org.item["name"] = ref.name
        org.add_alias(name)
        org.note(name, f"a local office of {ref.name} ({place.name}) is the agency")
        return
    s = successors.successor_of(name)
    if s is not None and s.change == "renamed":
        ref = reference_of(s.successor)
        target = ref.name if ref is not None else s.successor
        org.item["uid"] = slug(target)
        org.item["canonical"] = target
        if ref is not None:
            org.item["kind"] = ref.kind
        org.note(name, f"{name!r} was renamed {target!r} ({s.date}; source: {s.source})")
        return
    if s is not None and s.change == "merged":
        org.item["successor"] = {"name": s.successor, "date": s.date, "source": s.source}
    ref = reference_of(name)
    if ref is not None:
        new = slug(ref.name)
        if new != uid:
            org.item["uid"] = new
            org.note(name, f"{name!r} is the reference body {ref.name!r} "
                           f"({'; '.join(m.reason for m in C.compare(name, ref.name)) or 'a reference alias'})")
        if ref.name != name and ref.kind != "coordination_association":
            org.item["canonical"] = ref.name
        return
    if uid != slug(name) and uid != _key_of(name):
        return  # the rules keyed it on purpose (a landsting under its region, a förbund's form)
    key = _key_of(name)
    if key and key != uid:
        org.item["uid"] = key
        reason = (C.same_apart_from_legal_form(name, C.strip_legal_form(name)[0])
                  or C.same_apart_from_genitive(name, C.identity_key(name)))
        org.note(name, reason.reason if reason else f"{name!r} keyed as {C.identity_key(name)!r}")


# ---------------------------------------------------------------- 6. generic forms

def _document_county(st: _State) -> str | None:
    """The län a document is about: the one most of its kommuner and bodies are in (≥ 60 %)."""
    counts: dict[str, int] = {}
    for p in st.places:
        if p.get("county_code") and p.get("country", "SE") == "SE":
            counts[p["county_code"]] = counts.get(p["county_code"], 0) + 1
    for o in st.orgs:
        ref = reference_of(o.item.get("canonical") or o.name)
        if ref is not None and ref.county_code:
            counts[ref.county_code] = counts.get(ref.county_code, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top, n = ranked[0]
    if n / sum(counts.values()) >= 0.6 and (len(ranked) == 1 or n > ranked[1][1]):
        return top
    return None


def _county_body(kind: str, county: str):
    from loaders import reference

    for o in reference.organizations():
        if o.county_code != county:
            continue
        if kind == "region" and o.kind == "region":
            return o
        if kind == "county_board" and o.kind == "agency" and o.name.startswith("Länsstyrelsen i "):
            return o
    return None


def _of_kind(st: _State, kind: str, besides: _Org) -> list[_Org]:
    def is_kind(o: _Org) -> bool:
        if o is besides or LOCAL in o.uid or C.fold(o.name) in GENERIC:
            return False
        if kind == "county_board":
            return C.fold(o.item.get("canonical") or o.name).startswith("länsstyrelsen i ")
        if kind == "region":
            return o.kind == "region"
        if kind == "forbund":
            return o.kind == "coordination_association"
        if kind == "kommun":
            return o.kind == "municipality_org"
        return False
    return [o for o in st.orgs if is_kind(o)]


def _generic_forms(st: _State) -> None:
    doc = (st.record.get("doc_uid") or st.record.get("path") or "document")[:12]
    county: list[str | None] = []  # computed once, when first needed
    for org in list(st.orgs):
        if org not in st.orgs:
            continue
        key = C.fold(org.name)
        what = GENERIC.get(key)
        if what is None and org.kind == "municipal_unit" and "/" not in org.uid and LOCAL not in org.uid:
            what = "unit"
        if what is None:
            continue
        if what == "unit":
            kommuner = [o for o in st.orgs if o.kind == "municipality_org" and LOCAL not in o.uid]
            if len(kommuner) == 1:
                new = f"{kommuner[0].uid}/{org.uid}"
                org.note(org.name, f"an unqualified unit of the document's one kommun, {kommuner[0].name}")
            else:
                new = f"{org.uid}{LOCAL}{doc}"
                org.note(org.name, "an unqualified unit and no one kommun on the page: local to this document")
            st.rekey(org.uid, new)
            org.item["uid"] = new
            continue
        same = _of_kind(st, what, org) if what != "local" else []
        if len(same) == 1:
            st.merge(org, same[0], f"the bare {org.name!r} on a page that names one such body, {same[0].name}")
            continue
        body = None
        if what in ("county_board", "region") and not same:
            if not county:
                county.append(_document_county(st))
            body = _county_body(what, county[0]) if county[0] else None
        if body is not None:
            new = slug(body.name)
            org.item["canonical"] = body.name
            org.note(org.name, f"the bare {org.name!r} on a page about {body.name.split(' i ')[-1]}")
        else:
            new = f"{slug(org.name)}{LOCAL}{doc}"
            org.note(org.name, f"the bare {org.name!r} names no one body: a mention local to this document")
        st.rekey(org.uid, new)
        org.item["uid"] = new


# ---------------------------------------------------------------- 7. decisions

def _decisions(st: _State, decisions) -> None:
    if decisions is None or not decisions:
        return
    for org in st.orgs:
        own = {org.orig_uid, slug(org.name), _key_of(org.name)}
        if decisions.kept_apart(org.uid, own):
            new = org.orig_uid if org.orig_uid != org.uid else _key_of(org.name)
            org.note(org.name, f"kept apart from {org.uid} by a decision ({decisions.describe_split(org.uid, own)})")
            org.item["uid"] = new
            org.item.pop("canonical", None)
        target = decisions.merged_into(org.uid)
        if target is not None and target[0] != org.uid:
            org.note(org.name, f"merged into {target[1]!r} by a decision ({target[2]})")
            org.item["uid"] = target[0]
            org.item["canonical"] = target[1]


# ---------------------------------------------------------------- the stage

def resolve_record(record: dict, text: str | None = None, *, decisions=None) -> dict:
    """The record with its organisations resolved (a new dict; the input is not changed)."""
    if not isinstance(record, dict) or not record.get("organizations"):
        return record
    st = _State(record, text)
    _rejoin_split_names(st)
    _fragments(st)
    _coordinated_forbund(st)
    _defined_abbreviations(st)
    before = {id(o): o.uid for o in st.orgs}
    for org in st.orgs:
        _identity(st, org)
    _generic_forms(st)
    _decisions(st, decisions)
    return _finish(st, before)


def _finish(st: _State, before: dict[int, str]) -> dict:
    # relations follow every key change made after the merges (identity, generic, decisions)
    remap: dict[str, str] = {}
    for o in st.orgs:
        old = before.get(id(o))
        if old is not None and old != o.uid:
            remap.setdefault(old, o.uid)
    names: dict[str, str] = {}
    out_orgs: dict[str, _Org] = {}
    for o in st.orgs:
        if o.uid in out_orgs:  # two entities of one actor: one, with every name
            keep = out_orgs[o.uid]
            keep.add_alias(*o.names())
            keep.why.extend(o.why)
            for k in ("canonical", "evidence"):
                if o.item.get(k) and not keep.item.get(k):
                    keep.item[k] = o.item[k]
            continue
        out_orgs[o.uid] = o
    # a unit's key carries its parent's: it follows the parent's new key
    prefix = {old: new for old, new in remap.items()}
    for o in out_orgs.values():
        uid = o.uid
        if "/" in uid and LOCAL not in uid:
            head, _, rest = uid.partition("/")
            if head in prefix:
                remap[uid] = o.item["uid"] = f"{prefix[head]}/{rest}"
    final = {}
    for o in out_orgs.values():
        final[o.uid] = o
        names[o.uid] = o.name
    relations, seen = [], set()
    for r in st.relations:
        s, t = ORG_ENDS.get(r.get("type"), (False, False))
        if s and r.get("source_uid") in remap:
            r["source_uid"] = remap[r["source_uid"]]
        if t and r.get("target_uid") in remap:
            r["target_uid"] = remap[r["target_uid"]]
        if s and r.get("source_uid") in names:
            r["source"] = names[r["source_uid"]]
        if t and r.get("target_uid") in names:
            r["target"] = names[r["target_uid"]]
        if s and t and r.get("source_uid") == r.get("target_uid"):
            continue  # an actor related to itself by a merge
        if (s and r.get("source_uid") not in final and r.get("source_uid") is not None) or \
                (t and r.get("target_uid") not in final and r.get("target_uid") is not None):
            continue  # an end that resolution removed
        if r.get("type") == "LOCATED_IN" and r.get("target_uid") in st.dropped_places:
            continue
        ends = (r.get("source_uid"), r.get("target_uid"))
        if r.get("type") == "COLLABORATES_WITH":
            ends = tuple(sorted(map(str, ends)))
            if r.get("source_uid") != ends[0]:
                r["source_uid"], r["target_uid"] = ends
                r["source"], r["target"] = r.get("target"), r.get("source")
        k = (r.get("type"), *ends)
        if k in seen:
            continue
        seen.add(k)
        relations.append(r)
    used_places = {r.get("target_uid") for r in relations}
    orgs = []
    for o in final.values():
        item = o.item
        if item.get("canonical") and item["canonical"] == item.get("name"):
            item.pop("canonical")
        item["aliases"] = sorted({a for a in item.get("aliases", []) if a.casefold() != item["name"].casefold()})
        if o.why:
            item["resolution"] = o.why
        orgs.append(item)
    out = dict(st.record)
    out["organizations"] = orgs + st.others
    out["municipalities"] = [p for p in st.places if p.get("uid") not in st.dropped_places
                             or p.get("uid") in used_places]
    out["relations"] = relations + st.bad_relations
    return out


# ---------------------------------------------------------------- merge candidates (review)

@dataclass
class Candidate:
    a: dict
    b: dict
    score: float
    reasons: list[str]
    shared_places: list[str]
    shared_projects: list[str]

    def as_dict(self) -> dict:
        return {"a": {k: self.a.get(k) for k in ("uid", "name", "kind", "documents")},
                "b": {k: self.b.get(k) for k in ("uid", "name", "kind", "documents")},
                "score": round(self.score, 3), "reasons": self.reasons,
                "shared_places": self.shared_places, "shared_projects": self.shared_projects}


def merge_candidates(nodes: Iterable[dict], decisions=None, *, limit: int | None = None) -> list[Candidate]:
    """Pairs of organisation nodes that may be one actor, with the evidence for each.

    ``nodes``: ``{uid, name, kind, aliases, reference, documents, places, projects}``.
    Pairs of two reference bodies are not proposed (the reference lists distinct bodies), nor
    pairs a decision already settled, nor a kommun organisation with a body of another kind.
    """
    nodes = [n for n in nodes if n.get("uid") and n.get("name")]
    by_key: dict[str, list[int]] = {}
    by_head: dict[str, list[int]] = {}
    for i, n in enumerate(nodes):
        for name in {n["name"], *(n.get("aliases") or [])}:
            if len(name) < 3:
                continue
            by_key.setdefault(C.identity_key(_forbund_key(name)), []).append(i)
        head = C.identity_key(n["name"])[:4]
        by_head.setdefault(head, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for group in (*by_key.values(), *by_head.values()):
        uniq = sorted(set(group))
        if len(uniq) > 60:  # a head shared by very many names: only exact keys there
            continue
        for x in range(len(uniq)):
            for y in range(x + 1, len(uniq)):
                pairs.add((uniq[x], uniq[y]))
    for group in by_key.values():
        uniq = sorted(set(group))
        for x in range(len(uniq)):
            for y in range(x + 1, len(uniq)):
                pairs.add((uniq[x], uniq[y]))
    out: list[Candidate] = []
    for i, j in pairs:
        a, b = nodes[i], nodes[j]
        if a["uid"] == b["uid"] or (a.get("reference") and b.get("reference")):
            continue
        if decisions is not None and decisions.settled(a["uid"], b["uid"]):
            continue
        kinds = {a.get("kind"), b.get("kind")}
        if "municipality_org" in kinds and len(kinds) > 1:
            continue
        if LOCAL in a["uid"] and LOCAL in b["uid"]:
            continue  # two generic mentions, each local to its page: nothing says they are one
        heads = {u.split("/", 1)[0] for u in (a["uid"], b["uid"]) if "/" in u}
        if len(heads) > 1 or (len(heads) == 1 and ("/" in a["uid"]) != ("/" in b["uid"])):
            continue  # units of two different parents (or a unit and a body) are not one
        reasons: list[str] = []
        score = 0.0
        for na in {a["name"], *(a.get("aliases") or [])}:
            for nb in {b["name"], *(b.get("aliases") or [])}:
                for m in C.compare(na, nb):
                    if m.reason not in reasons:
                        reasons.append(m.reason)
                    score = max(score, m.score)
        if LOCAL in a["uid"] or LOCAL in b["uid"]:
            score *= 0.6
            reasons.append("one of them is a generic form local to one document")
        if score < 0.5:
            continue
        places = sorted(set(a.get("places") or []) & set(b.get("places") or []))
        projects = sorted(set(a.get("projects") or []) & set(b.get("projects") or []))
        if places:
            reasons.append(f"both are placed in {', '.join(places[:5])}")
        if projects:
            reasons.append(f"both take part in {', '.join(projects[:5])}")
        score = min(1.0, score + 0.05 * bool(places) + 0.05 * bool(projects))
        out.append(Candidate(a, b, score, reasons[:8], places, projects))
    out.sort(key=lambda c: (-c.score, c.a["name"], c.b["name"]))
    return out[:limit] if limit else out
