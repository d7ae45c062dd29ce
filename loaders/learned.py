"""The learned relation layer: a classifier over candidate entity pairs.

The rules (``relations.py``) vote; this layer decides. For every relation type it knows,
each pair of entities of the right types in one document is a candidate, described by
features that carry across documents and sites: the rules' own vote, the kinds of both
ends, how close their mentions are (same line, sentence, segment), the lemmas between
them and before them, the label or heading a mention sits under, how many projects and
organisations the page names. A logistic model per relation type (trained by
``python -m loaders.train_relations`` on the annotated pages; weights in
``loaders/models/relations.json``) scores each candidate; a candidate at or above the
type's threshold is a relation; one below is not — also when a rule proposed it, for the
types the model replaces the rules in (``"mode": "replace"``), while for ``"add"`` types the
rules' relations stay and the model only adds.

Types the model file does not list keep exactly the rules' relations (a type is only
handed to the model where it beat the rules under cross-validation by site).

Pure: no database, no network; the model file is read once per process.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from loaders.doc import Doc, Entity

MODEL_PATH = Path(__file__).with_name("models") / "relations.json"

#: relation type -> (source entity type, target entity type) in Doc terms
ENDS = {
    "OWNS": ("org", "project"),
    "FUNDS": ("org", "project"),
    "PARTNER_IN": ("org", "project"),
    "ACTIVE_IN": ("project", "place"),
    "WORKS_FOR": ("person", "org"),
    "CONTACT_FOR": ("person", "project"),
    "COLLABORATES_WITH": ("org", "org"),
    "PART_OF": ("org", "org"),
    "LOCATED_IN": ("org", "place"),
    "MEMBER_OF": ("org", "org"),
}
UNORDERED = {"COLLABORATES_WITH"}

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.U)
_LABEL = re.compile(r"^[ \t•\-–*]*([A-ZÅÄÖa-zåäö][\wåäöÅÄÖ /&-]{1,40}?)\s*:", re.M)


@lru_cache(maxsize=1)
def _lemmatizer():
    try:
        import simplemma
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    return simplemma


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    w = word.casefold()
    sm = _lemmatizer()
    if sm is None or len(w) < 3:
        return w
    try:
        return sm.lemmatize(w, lang="sv").casefold()
    except Exception:  # pragma: no cover - simplemma never raises on words
        return w


def _lemmas(text: str, limit: int = 12) -> list[str]:
    return [lemma(w) for w in _WORD.findall(text)[:limit]]


def _bucket(n: float, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


class _DocView:
    """What the features need of one document, computed once."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.sents = doc.sents
        self._sent_idx: dict[int, int] = {}
        self.n_proj = len([e for e in doc.of_type("project") if e.mentions])
        self.n_org = len([e for e in doc.of_type("org") if e.mentions])
        self.forbund = doc.page_forbund()
        projs = [e for e in doc.of_type("project") if e.mentions]
        self.main_project = max(projs, key=lambda e: (len(e.mentions), -min(e.mentions)[0]), default=None)
        self.rel_types: dict[tuple[str, str], set[str]] = {}
        for (t, s, g) in doc.relations:
            self.rel_types.setdefault((s, g), set()).add(t)
            self.rel_types.setdefault((g, s), set()).add("~" + t)
        self.segs = doc.segments or []

    def sent_index(self, pos: int) -> int:
        idx = self._sent_idx.get(pos)
        if idx is None:
            lo, hi = 0, len(self.sents)
            while lo < hi:
                mid = (lo + hi) // 2
                if self.sents[mid].end <= pos:
                    lo = mid + 1
                else:
                    hi = mid
            idx = self._sent_idx[pos] = lo
        return idx

    def seg_index(self, pos: int) -> int:
        for i, seg in enumerate(self.segs):
            if seg.start <= pos < seg.end:
                return i
        return -1

    def line_label(self, pos: int) -> str | None:
        """The "Label:" a mention's line starts with, or the heading line above it."""
        cache = self.__dict__.setdefault("_labels", {})
        if pos not in cache:
            cache[pos] = self._line_label(pos)
        return cache[pos]

    def sentence_lemmas(self, si: int) -> set[str]:
        cache = self.__dict__.setdefault("_sent_lemmas", {})
        if si not in cache:
            sp = self.sents[si]
            cache[si] = set(_lemmas(self.text[sp.start:sp.end], 40))
        return cache[si]

    def _line_label(self, pos: int) -> str | None:
        ls = self.text.rfind("\n", 0, pos) + 1
        m = _LABEL.match(self.text, ls)
        if m and m.end() <= pos + 1:
            return m.group(1)
        # the label on the line above ("Projektägare:\nNorrby kommun")
        prev_end = ls - 1
        if prev_end > 0:
            ps = self.text.rfind("\n", 0, prev_end) + 1
            line = self.text[ps:prev_end].strip()
            if line.endswith(":") and len(line) < 45:
                return line[:-1]
        return None


def _closest(a: Entity, b: Entity) -> tuple[int, int, int, int] | None:
    best = None
    for s1, e1 in a.mentions:
        for s2, e2 in b.mentions:
            if s1 < e2 and s2 < e1:
                continue  # overlapping: one name inside the other
            d = s2 - e1 if s2 >= e1 else s1 - e2
            if best is None or d < best[0]:
                best = (d, s1, e1, s2, e2)
    return None if best is None else best[1:]


def _kind(e: Entity) -> str:
    return e.kind or e.type


def pair_features(view: _DocView, rtype: str, src: Entity, tgt: Entity) -> dict[str, float]:
    doc, text = view.doc, view.text
    f: dict[str, float] = {"bias": 1.0}
    types = view.rel_types.get((src.uid, tgt.uid), set())
    if rtype in types or (rtype in UNORDERED and "~" + rtype in types):
        f["rule"] = 1.0
    for t in types:
        if t != rtype and t != "~" + rtype:
            f["other:" + t] = 1.0
    sk, tk = _kind(src), _kind(tgt)
    f["sk:" + sk] = 1.0
    f["tk:" + tk] = 1.0
    f["skk:" + sk + "|" + tk] = 1.0
    f["doc:" + doc.kind] = 1.0
    f["nproj:" + _bucket(view.n_proj, (1, 2, 4))] = 1.0
    f["norg:" + _bucket(view.n_org, (2, 5, 10, 20))] = 1.0
    f["smen:" + _bucket(len(src.mentions), (1, 2, 4))] = 1.0
    f["tmen:" + _bucket(len(tgt.mentions), (1, 2, 4))] = 1.0
    if view.forbund is not None:
        if src.uid == view.forbund.uid:
            f["s_forbund"] = 1.0
        if tgt.uid == view.forbund.uid:
            f["t_forbund"] = 1.0
    if view.main_project is not None and tgt.type == "project" and tgt.uid == view.main_project.uid:
        f["t_main_project"] = 1.0
    if src.type == "project" and view.main_project is not None and src.uid == view.main_project.uid:
        f["s_main_project"] = 1.0
    first_s = min((s for s, _ in src.mentions), default=len(text))
    first_t = min((s for s, _ in tgt.mentions), default=len(text))
    if first_t < 300:
        f["t_top"] = 1.0
    if first_s < 300:
        f["s_top"] = 1.0
    for lab_of, e in (("slab:", src), ("tlab:", tgt)):
        for s, _ in e.mentions[:3]:
            lab = view.line_label(s)
            if lab:
                for w in _lemmas(lab, 4):
                    f[lab_of + w] = 1.0
    c = _closest(src, tgt)
    if c is None:
        f["nomention"] = 1.0
        return f
    s1, e1, s2, e2 = c
    lo_end, hi_start = (e1, s2) if s1 < s2 else (e2, s1)
    dist = max(0, hi_start - lo_end)
    f["dist:" + _bucket(dist, (3, 15, 40, 100, 250, 600, 1500))] = 1.0
    f["order:" + ("st" if s1 < s2 else "ts")] = 1.0
    si, ti = view.sent_index(s1), view.sent_index(s2)
    sd = abs(si - ti)
    f["sents:" + _bucket(sd, (0, 1, 3, 8))] = 1.0
    between = text[lo_end:hi_start]
    if "\n" not in between:
        f["same_line"] = 1.0
    if view.seg_index(s1) == view.seg_index(s2):
        f["same_seg"] = 1.0
    if sd == 0 and dist <= 200:
        bl = _lemmas(between, 12)
        for w in bl:
            f["btw:" + w] = 1.0
        if not bl:
            f["btw_empty:" + between.strip()[:3]] = 1.0
        if re.fullmatch(r"[\s,]*(?:och|samt|&|,)?[\s,]*", between):
            f["coord"] = 1.0
        if "(" in between and ")" not in between:
            f["paren_open"] = 1.0
        # the clause around the pair: lemmas of the sentence before the first mention
        sp = view.sents[si] if si < len(view.sents) else None
        if sp is not None:
            for w in view.sentence_lemmas(si):
                f["sent:" + w] = 0.5
            n_here = len({(m.type, m.uid) for m in doc.mentions_in(sp.start, sp.end, src.type)})
            f["sent_n:" + _bucket(n_here, (1, 2, 3, 5, 8))] = 1.0
            first = min(s1, s2)
            for w in _lemmas(text[max(sp.start, first - 80):first], 8)[-5:]:
                f["pre:" + w] = 1.0
            last = max(e1, e2)
            for w in _lemmas(text[last:min(sp.end, last + 60)], 4):
                f["post:" + w] = 1.0
    else:
        # prose across sentences: the lemmas before each mention
        for tag, s in (("spre:", s1), ("tpre:", s2)):
            for w in _lemmas(text[max(0, s - 40):s], 6)[-3:]:
                f[tag + w] = 1.0
    return f


def candidates(doc: Doc, rtype: str):
    """Every (source, target) pair of the right types, both mentioned in the text (rule
    relations with an end the text never names, an implied funder, are not candidates and
    stay as the rules made them)."""
    st, tt = ENDS[rtype]
    srcs = [e for e in doc.of_type(st) if e.mentions]
    tgts = srcs if st == tt else [e for e in doc.of_type(tt) if e.mentions]
    segs = doc.segments if len(doc.segments) > 1 else None
    page = doc.page_forbund() if segs else None  # the page's förbund speaks in every item
    where = {}
    if segs:
        # a page of items (news, sessions, grants): relations stay inside an item, as the
        # rules' do — the two ends must be named in one segment
        for e in (*srcs, *tgts):
            where[(e.type, e.uid)] = {i for i, sg in enumerate(segs) for s, _ in e.mentions if sg.start <= s < sg.end}
    # a long document (a report of hundreds of names): only pairs named near each other, so
    # the work stays linear in practice (the annotated pages never come near this size)
    near_only = len(srcs) * len(tgts) > MAX_PAIRS
    for a in srcs:
        for b in tgts:
            if a is b or (a.type == b.type and a.uid == b.uid):
                continue
            if rtype in UNORDERED and a.uid > b.uid:
                continue
            if segs and page not in (a, b) and not (where[(a.type, a.uid)] & where[(b.type, b.uid)]):
                continue
            if near_only and not _near(a, b, 600):
                continue
            yield a, b


MAX_PAIRS = 20_000


def _near(a: Entity, b: Entity, chars: int) -> bool:
    ma = sorted(a.mentions)
    for s2, e2 in b.mentions:
        for s1, e1 in ma:
            if abs(s1 - s2) <= chars:
                return True
    return False


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> dict:
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        return {"types": {}}
    return json.loads(p.read_text(encoding="utf-8"))


def score(weights: dict[str, float], feats: dict[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def evidence_span(doc: Doc, src: Entity, tgt: Entity):
    c = _closest(src, tgt)
    if c is None:
        return None
    s1, e1, s2, e2 = c
    a, b = doc.sentence(s1), doc.sentence(s2)
    from loaders.text import Span

    lo, hi = min(a.start, b.start), max(a.end, b.end)
    if hi - lo > 400:  # two far sentences: quote the one of the later mention
        return b if s2 > s1 else a
    return Span(lo, hi)


def _only_a_residence(doc: Doc, place: Entity) -> bool:
    from loaders.relations import _RESIDENCE_BEFORE

    return bool(place.mentions) and all(_RESIDENCE_BEFORE.search(doc.text, max(0, s - 30), s) for s, _e in place.mentions)


def _placed_with_another(doc: Doc, proj: Entity, place: Entity) -> bool:
    """Every mention of the place is written right after another project's name ("B i X"),
    none after this one's: the text says whose place it is."""
    owners = set()
    for s, _e in place.mentions:
        before = [m for m in doc.mentions_in(max(0, s - 80), s, "project")
                  if re.fullmatch(r"[ \t]+i[ \t]+", doc.text[m.end:s])]
        if not before:
            return False
        owners.add(before[-1].uid)
    return bool(owners) and proj.uid not in owners


def apply(doc: Doc, model: dict | None = None) -> None:
    """Replace the rules' relations of every type the model decides by the model's."""
    model = model if model is not None else load_model()
    types = model.get("types") or {}
    if not types:
        return
    view = _DocView(doc)
    for rtype, m in types.items():
        weights, threshold = m["weights"], m["threshold"]
        keep: set[tuple[str, str, str]] = set()
        new: list[tuple[Entity, Entity]] = []
        for a, b in candidates(doc, rtype):
            p = score(weights, pair_features(view, rtype, a, b))
            if p < threshold:
                continue
            s, g = (a, b)
            key = (rtype, s.uid, g.uid)
            rkey = (rtype, g.uid, s.uid)
            if key in doc.relations:
                keep.add(key)
            elif rtype in UNORDERED and rkey in doc.relations:
                keep.add(rkey)
            else:
                new.append((s, g))
        mentioned = {(e.type, e.uid) for e in doc.entities.values() if e.mentions}
        st, tt = ENDS[rtype]
        # "add": the model only adds to the rules (it beat them so, not by replacing them)
        for key in ([] if m.get("mode") == "add" else [k for k in doc.relations if k[0] == rtype]):
            if key in keep:
                continue
            # a rule relation with an end the text never names (an implied funder) is not
            # a candidate the model saw: it stays
            if (st, key[1]) not in mentioned or (tt, key[2]) not in mentioned:
                continue
            del doc.relations[key]
        for s, g in new:
            if rtype == "ACTIVE_IN" and (_placed_with_another(doc, s, g) or _only_a_residence(doc, g)):
                continue  # "Aktivitetsbanken i Lidköping, Unga vuxna i Götene": the text gives the place to the
                # other; "Projektledaren bor i Mora": where someone lives is no place of the work
            doc.relate(rtype, s, g, evidence_span(doc, s, g))
