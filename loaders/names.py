"""The learned name layer: a sequence model that finds organisation and project names.

The rules find names by reference data, head nouns and patterns; this layer finds the
ones they miss by shape and context — capitalised runs with lowercase function words and
digits, unit head nouns, names inside labels and lists — the way the annotated pages
write them. A linear-chain CRF (trained by ``python -m loaders.train_names`` on the
annotated pages; weights in ``loaders/models/names.json``) labels each token
B-/I-ORG, B-/I-PRJ or O, using the word, its affixes and shape, its neighbours, the
line it sits on and the rules' own reading of it (which mention covers it). A span it
labels that no rule mention overlaps becomes a new organisation or project; the rules'
own mentions are never removed.

Decoding is plain Viterbi over the stored weights: no runtime dependency, no network.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path

from loaders.doc import Doc

MODEL_PATH = Path(__file__).with_name("models") / "names.json"
LABELS = ("O", "B-ORG", "I-ORG", "B-PRJ", "I-PRJ", "B-PER", "I-PER")

_TOKEN = re.compile(r"\w+(?:[’'\-.]\w+)*|[^\w\s]", re.U)
_ORG_HEAD = re.compile(
    r"(?:förvaltning|förvaltningen|förbund|förbundet|kontor|kontoret|enhet|enheten|nämnd|nämnden|"
    r"skola|skolan|högskola|universitet|rådet|råd|verket|verk|institut|institutet|departementet|"
    r"centrum|center|stiftelse|stiftelsen|föreningen|förening|kyrkan|mission|missionen|huset|"
    r"akademi|akademin|gruppen|byrå|byrån|styrelsen|inspektionen|myndigheten|kommunförbund|"
    r"samordningsförbund|landsting|landstinget|region|regionen|sektionen|avdelningen|avdelning)$")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    end = len(text) if end is None else end
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


_SHAPE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ"},
                        **{c: "x" for c in "abcdefghijklmnopqrstuvwxyzåäöéüæøç"},
                        **{c: "d" for c in "0123456789"}})


@lru_cache(maxsize=100_000)
def _shape(w: str) -> str:
    return re.sub(r"(.)\1{2,}", r"\1\1", w.translate(_SHAPE))


@lru_cache(maxsize=100_000)
def _word_features(w: str) -> tuple[str, ...]:
    """What a word says about itself, whatever its place (cached: words repeat)."""
    from loaders.gazetteer import Gazetteer

    lw = w.casefold()
    f = ["b", "w=" + lw, "s3=" + lw[-3:], "s4=" + lw[-4:], "s5=" + lw[-5:], "p3=" + lw[:3], "sh=" + _shape(w)]
    if w[:1].isupper():
        f.append("title")
    if w.isupper() and len(w) > 1:
        f.append("upper")
    if w.isdigit():
        f.append("digit")
    if _ORG_HEAD.search(lw):
        f.append("orghead")
    if len(w) > 2 and w[:1].isupper():
        g = Gazetteer.load()
        if g.place(w):
            f.append("gaz:place")
        if g.is_first_name(w):
            f.append("gaz:first")
    return tuple(f)


def sequences(doc: Doc) -> list[list[tuple[str, int, int]]]:
    """The document as token sequences: one per line, long lines split at sentences."""
    out = []
    text = doc.text
    pos = 0
    # the page's tokens in one scan: no token holds a line break, so a line's tokens are the
    # same as the line's own scan (``tokens(text, a, b)``) gives; a line's last token found by
    # bisection of the tokens' starts (they ascend), not a step per token
    page_toks, i, n = tokens(text), 0, 0
    starts = [t[1] for t in page_toks]
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        n = bisect_left(starts, b, n)
        toks, i = page_toks[i:n], n
        if not line.strip():
            continue
        if len(toks) > 60:
            # a long line: its sentences
            cut = [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-ZÅÄÖ])", line)]
            bounds = [a] + [a + c for c in cut] + [b]
            for s, e in zip(bounds, bounds[1:]):
                t = [x for x in toks if s <= x[1] < e]
                if t:
                    out.append(t)
        elif toks:
            out.append(toks)
    return out


def _rule_tags(doc: Doc) -> dict[int, str]:
    """Token start offset -> the rules' reading of it ("org:B", "project:I", "place:B" …)."""
    tags: dict[int, str] = {}
    for m in doc.mentions:
        first = True
        for _, s, _e in tokens(doc.text, m.start, m.end):
            key = f"{m.type}:{'B' if first else 'I'}"
            first = False
            tags.setdefault(s, key)
    return tags


def features(doc: Doc, seq: list[tuple[str, int, int]], tags: dict[int, str], line_of) -> list[list[str]]:
    out = []
    words = [w for w, _, _ in seq]
    lows = [w.casefold() for w in words]
    shapes = [_shape(w) for w in words]
    rtags = [tags.get(s) or "none" for _, s, _ in seq]
    n = len(seq)
    short = n <= 8
    for i, (w, s, e) in enumerate(seq):
        f = list(_word_features(w))
        f.extend(_context(i, n, s, short, lows, shapes, rtags, line_of))
        out.append(f)
    return out


def _context(i, n, s, short, lows, shapes, rtags, line_of) -> list[str]:
    """What a token's place says: line position, the rules' reading, its neighbours."""
    f: list[str] = []
    if i == 0:
        f.append("first")
        if line_of(s) == s:
            f.append("linestart")
    if i == n - 1:
        f.append("last")
    if short:
        f.append("shortline")
    f.append("r=" + rtags[i])
    for d in (-2, -1, 1, 2):
        j = i + d
        if 0 <= j < n:
            f.append(f"w{d:+d}=" + lows[j])
            if d == -1 or d == 1:
                f.append(f"sh{d:+d}=" + shapes[j])
                f.append(f"r{d:+d}=" + rtags[j])
        else:
            f.append(f"w{d:+d}=<edge>")
    return f


def _line_start_fn(text: str):
    def line_of(pos: int) -> int:
        return text.rfind("\n", 0, pos) + 1
    return line_of


def doc_features(doc: Doc):
    """(sequences, their feature lists) of a Doc as the rules left it."""
    seqs = sequences(doc)
    tags = _rule_tags(doc)
    line_of = _line_start_fn(doc.text)
    return seqs, [features(doc, s, tags, line_of) for s in seqs]


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> dict | None:
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        return None
    return runtime(json.loads(p.read_text(encoding="utf-8")))


def runtime(raw: dict) -> dict:
    """The stored weights as decoding wants them: per attribute a weight per label (in
    label order), transitions as a label-by-label table."""
    labels = list(raw["labels"])
    k = len(labels)
    state = {}
    for attr, per in raw["state"].items():
        row = [0.0] * k
        for i, w in per.items():
            row[int(i)] = w
        state[attr] = row
    trans = [[raw["transitions"].get(a, {}).get(b, 0.0) for b in labels] for a in labels]
    return {"labels": labels, "state": state, "trans": trans, "types": tuple(raw.get("types", ("ORG", "PRJ")))}


def viterbi(model: dict, feats: list[list[str]]) -> list[str]:
    """The best labelling of a sequence given each token's features (``decode`` over the sums
    of their weights)."""
    if not feats:
        return []
    state, k = model["state"], len(model["labels"])
    emit = []
    for f in feats:
        rows = [r for r in map(state.get, f) if r is not None]
        emit.append([sum(col) for col in zip(*rows)] if rows else [0.0] * k)
    return decode(model, emit)


def spans(seq, labels) -> list[tuple[str, int, int]]:
    """(type, start, end) of each labelled run; an I- after O starts a run too."""
    out = []
    cur = None
    for (w, s, e), lab in zip(seq, labels):
        if lab == "O":
            if cur:
                out.append(cur)
            cur = None
            continue
        bio, typ = lab.split("-")
        if bio == "B" or cur is None or cur[0] != typ:
            if cur:
                out.append(cur)
            cur = [typ, s, e]
        else:
            cur[2] = e
    if cur:
        out.append(cur)
    return [tuple(x) for x in out]


_BAD_NAME = re.compile(r"^[\W\d_]+$")


def _add(acc: list[float], row) -> None:
    for j, w in enumerate(row):
        acc[j] += w


def _word_base(model: dict, w: str) -> list[float]:
    """A word's word-feature rows summed once (cached on the model: words repeat)."""
    wcache = model.setdefault("_wcache", {})
    base = wcache.get(w)
    if base is None:
        state = model["state"]
        base = [0.0] * len(model["labels"])
        for a in _word_features(w):
            row = state.get(a)
            if row is not None:
                _add(base, row)
        wcache[w] = base
    return base


def _emissions(model: dict, seq, tags, line_of) -> list[list[float]]:
    """Each token's score per label: the same sums as over ``features`` (word features summed
    once per distinct word, then the token's context)."""
    state = model["state"]
    words = [w for w, _, _ in seq]
    lows = [w.casefold() for w in words]
    shapes = [_shape(w) for w in words]
    rtags = [tags.get(s) or "none" for _, s, _ in seq]
    n = len(seq)
    short = n <= 8
    # the context attributes of ``_context`` (the training side's source of truth; a test holds
    # the two equal), in its order, built once per token and looked
    # up once per distinct string (the same rows summed in the same order: the same floats)
    get = state.get
    r0 = [get("r=" + t) for t in rtags]
    wm2, wm1 = [get("w-2=" + x) for x in lows], [get("w-1=" + x) for x in lows]
    wp1, wp2 = [get("w+1=" + x) for x in lows], [get("w+2=" + x) for x in lows]
    shm1, shp1 = [get("sh-1=" + x) for x in shapes], [get("sh+1=" + x) for x in shapes]
    rm1, rp1 = [get("r-1=" + t) for t in rtags], [get("r+1=" + t) for t in rtags]
    edge = {d: get(f"w{d:+d}=<edge>") for d in (-2, -1, 1, 2)}
    first, linestart, last, shortline = get("first"), get("linestart"), get("last"), get("shortline")
    out = []
    for i, (w, s, _e) in enumerate(seq):
        base = _word_base(model, w)
        ctx = []
        if i == 0:
            ctx.append(first)
            if line_of(s) == s:
                ctx.append(linestart)
        if i == n - 1:
            ctx.append(last)
        if short:
            ctx.append(shortline)
        ctx.append(r0[i])
        ctx.append(wm2[i - 2] if i >= 2 else edge[-2])
        if i >= 1:
            ctx += (wm1[i - 1], shm1[i - 1], rm1[i - 1])
        else:
            ctx.append(edge[-1])
        if i + 1 < n:
            ctx += (wp1[i + 1], shp1[i + 1], rp1[i + 1])
        else:
            ctx.append(edge[1])
        ctx.append(wp2[i + 2] if i + 2 < n else edge[2])
        rows = [r for r in ctx if r is not None]
        out.append([sum(col) for col in zip(base, *rows)] if rows else list(base))
    return out


def _gain(model: dict) -> list[float]:
    labels, trans = model["labels"], model["trans"]
    gain = model.get("_gain")
    if gain is None:
        o, rng = labels.index("O"), range(len(labels))
        gain = model["_gain"] = [
            max(trans[p][j] - trans[p][o] for p in rng) + max(trans[j][q] - trans[o][q] for q in rng)
            if j != o else 0.0 for j in rng]
    return gain


def decode(model: dict, emit: list[list[float]]) -> list[str]:
    """The best labelling of a sequence from its emissions. A token far more O than any other
    label (by more than any pair of transitions can gain) is O in the best labelling; the
    runs between such tokens are solved on their own (exactly: each run starts after and ends
    before a known O)."""
    labels, trans = model["labels"], model["trans"]
    o, k = labels.index("O"), len(labels)
    gain = _gain(model)
    others = [j for j in range(k) if j != o]
    certain = [all(sc[o] - sc[j] > gain[j] for j in others) for sc in emit]
    path = [o] * len(emit)
    i, n = 0, len(emit)
    while i < n:
        if certain[i]:
            i += 1
            continue
        a = i
        while i < n and not certain[i]:
            i += 1
        b = i
        path[a:b] = _viterbi_run(trans, emit[a:b], o if a > 0 else None, o if b < n else None)
    return [labels[x] for x in path]


def _viterbi_run(trans, emit, before: int | None, after: int | None) -> list[int]:
    k = len(emit[0])
    rng = range(k)
    prev = [emit[0][j] + (trans[before][j] if before is not None else 0.0) for j in rng]
    back = []
    for e in emit[1:]:
        cur, bp = [0.0] * k, [0] * k
        for j in rng:
            best_p, best_v = 0, prev[0] + trans[0][j]
            for p in range(1, k):
                v = prev[p] + trans[p][j]
                if v > best_v:
                    best_p, best_v = p, v
            cur[j] = best_v + e[j]
            bp[j] = best_p
        back.append(bp)
        prev = cur
    if after is not None:
        prev = [prev[j] + trans[j][after] for j in rng]
    j = max(rng, key=lambda x: prev[x])
    path = [j]
    for bp in reversed(back):
        j = bp[j]
        path.append(j)
    return path[::-1]


def predicted_spans(doc: Doc, model: dict) -> list[tuple[str, int, int]]:
    seqs = sequences(doc)
    tags = _rule_tags(doc)
    line_of = _line_start_fn(doc.text)
    taken = sorted((m.start, m.end) for m in doc.mentions)
    # a line whose every capitalised word the rules have read already gives the model
    # nothing to add (its names start with a capital): not decoded
    todo = [seq for seq in seqs if any(w[:1].isupper() and not _covered(taken, s) for w, s, _ in seq)]
    out = []
    for seq, labels in zip(todo, _decode_all(model, todo, tags, line_of)):
        out.extend(spans(seq, labels))
    return out


# -- the same emissions and labels for all of a document's sequences at once (numpy) ---------
# ``_emissions`` + ``decode`` per sequence is the reference; this computes the same floats (each
# token's rows added in the same order, a missing row as a row of zeros: x + 0.0 == x) and the
# same labelling (Viterbi's maximum and the first index reaching it, run by run), for the whole
# page in a few array operations instead of ~80 Python-level additions per token.

#: the context slots of ``_emissions``, in the order it adds their rows
_SLOTS = ("first", "linestart", "last", "shortline", "r0", "w-2", "w-1", "sh-1", "r-1", "w+1", "sh+1", "r+1", "w+2")


def _arrays(model: dict) -> dict:
    a = model.get("_np")
    if a is None:
        import numpy as np

        state, k = model["state"], len(model["labels"])
        attrs = list(state)
        W = np.zeros((len(attrs) + 1, k))  # row 0: no such attribute
        if attrs:
            W[1:] = np.array([state[x] for x in attrs], dtype=float)
        index = {x: i + 1 for i, x in enumerate(attrs)}
        get = index.get
        a = model["_np"] = {
            "np": np, "W": W, "T": np.array(model["trans"], dtype=float), "get": get,
            "words": _Rows(np, k, 6), "tags": _Rows(np, 0, 3),
            "edge": tuple(get(f"w{d:+d}=<edge>", 0) for d in (-2, -1, 1, 2)),
            "fixed": tuple(get(x, 0) for x in ("first", "linestart", "last", "shortline")),
        }
    return a


class _Rows:
    """A growing table of one row per distinct key (a word, a rule tag): its float row (a
    word's summed word-feature weights) and its int row (the attribute rows its neighbours
    look up), as arrays a page's tokens index all at once instead of a list of Python rows
    per token converted to an array page by page."""

    def __init__(self, np, width: int, iwidth: int):
        self.np, self.ids = np, {}
        self.floats, self.ints = np.zeros((64, width)), np.zeros((64, iwidth), dtype=np.int64)

    def add(self, key, floats, ints) -> int:
        i = self.ids[key] = len(self.ids)
        if i == len(self.ints):  # full: twice the room
            np = self.np
            self.floats = np.concatenate([self.floats, np.zeros_like(self.floats)])
            self.ints = np.concatenate([self.ints, np.zeros_like(self.ints)])
        self.floats[i] = floats
        self.ints[i] = ints
        return i


def _decode_all(model: dict, seqs, tags, line_of) -> list[list[str]]:
    """``decode(model, _emissions(model, seq, tags, line_of))`` of each sequence."""
    if not seqs:
        return []
    return _decode_page(model, seqs, _page_emissions(model, seqs, tags, line_of))


def _page_emissions(model: dict, seqs, tags, line_of):
    """The rows of ``_emissions`` of each sequence, one after the other, as one array."""
    A = _arrays(model)
    np, W, get = A["np"], A["W"], A["get"]
    words, rtags = A["words"], A["tags"]
    flat = [t for seq in seqs for t in seq]
    wid = words.ids.get
    wix = [wid(w, -1) for w, _s, _e in flat]
    if -1 in wix:  # a word no page before had: its rows, once
        for i, (w, _s, _e) in enumerate(flat):
            if wix[i] == -1:
                c = wid(w, -1)
                wix[i] = c if c != -1 else words.add(w, *_word_entry(model, w))
    tid = rtags.ids.get
    tix = [tid(tags.get(s) or "none", -1) for _w, s, _e in flat]
    if -1 in tix:
        for i, (_w, s, _e) in enumerate(flat):
            if tix[i] == -1:
                rt = tags.get(s) or "none"
                c = tid(rt, -1)
                tix[i] = c if c != -1 else rtags.add(rt, (), (get("r=" + rt, 0), get("r-1=" + rt, 0), get("r+1=" + rt, 0)))
    wix, tix = np.array(wix, dtype=np.intp), np.array(tix, dtype=np.intp)
    E = words.floats[wix]  # the base rows (a copy: the sums below do not touch the table)
    wi = words.ints[wix]  # w-2, w-1, w+1, w+2, sh-1, sh+1 of the token's own word
    ti = rtags.ints[tix]
    si = wi[:, 4:]
    ns = np.array([len(seq) for seq in seqs])
    firsts = np.cumsum(ns) - ns  # each sequence's first token
    lens = np.repeat(ns, ns)
    pos = np.arange(len(flat)) - np.repeat(firsts, ns)
    linestart = np.zeros(len(flat), dtype=bool)
    linestart[firsts] = [line_of(seq[0][1]) == seq[0][1] for seq in seqs]
    e_m2, e_m1, e_p1, e_p2 = A["edge"]
    f_first, f_line, f_last, f_short = A["fixed"]
    zero = np.zeros(len(pos), dtype=wi.dtype)
    has_m1, has_m2, has_p1, has_p2 = pos >= 1, pos >= 2, pos + 1 < lens, pos + 2 < lens

    def shifted(col, d, ok, edge):  # the neighbour d tokens away in the same sequence, or edge
        return np.where(ok, np.roll(col, -d), edge)
    slots = (
        np.where(pos == 0, f_first, 0),
        np.where(linestart, f_line, 0),
        np.where(pos == lens - 1, f_last, 0),
        np.where(lens <= 8, f_short, 0),
        ti[:, 0],
        shifted(wi[:, 0], -2, has_m2, e_m2),
        shifted(wi[:, 1], -1, has_m1, e_m1),
        shifted(si[:, 0], -1, has_m1, zero),
        shifted(ti[:, 1], -1, has_m1, zero),
        shifted(wi[:, 2], 1, has_p1, e_p1),
        shifted(si[:, 1], 1, has_p1, zero),
        shifted(ti[:, 2], 1, has_p1, zero),
        shifted(wi[:, 3], 2, has_p2, e_p2),
    )
    for ix in slots:
        E += W[ix]
    return E


def _decode_page(model: dict, seqs, E) -> list[list[str]]:
    """``decode`` of each sequence from its rows of ``_page_emissions``."""
    A = _arrays(model)
    np = A["np"]
    # decode: the tokens that are O whatever the transitions, then Viterbi over the runs between
    labels, o = model["labels"], model["labels"].index("O")
    gain = _gain(model)
    others = [j for j in range(len(labels)) if j != o]
    certain = ((E[:, [o]] - E[:, others]) > np.array([gain[j] for j in others])).all(axis=1).tolist()
    runs = []  # (first token, length, before, after, sequence number, offset in it)
    paths = []
    start = 0
    for q, seq in enumerate(seqs):
        n = len(seq)
        paths.append([o] * n)
        i = 0
        while i < n:
            if certain[start + i]:
                i += 1
                continue
            a = i
            while i < n and not certain[start + i]:
                i += 1
            runs.append((start + a, i - a, o if a > 0 else None, o if i < n else None, q, a))
        start += n
    if runs:
        for (first, length, _b, _a, q, a), path in zip(runs, _viterbi_runs(A, E, runs)):
            paths[q][a:a + length] = path
    return [[labels[x] for x in p] for p in paths]


def _word_entry(model: dict, w: str) -> tuple:
    """A word's summed word-feature rows (``_emissions``'s base, shared cache) and the attribute
    rows its neighbours look up: w-2, w-1, w+1, w+2 of its folded form, sh-1, sh+1 of its shape."""
    get = model["_np"]["get"]
    base = _word_base(model, w)
    lw, sh = w.casefold(), _shape(w)
    return base, (get("w-2=" + lw, 0), get("w-1=" + lw, 0), get("w+1=" + lw, 0), get("w+2=" + lw, 0),
                  get("sh-1=" + sh, 0), get("sh+1=" + sh, 0))


def _viterbi_runs(A: dict, E, runs) -> list[list[int]]:
    """``_viterbi_run`` of every run at once: step t advances every run longer than t."""
    np, T = A["np"], A["T"]
    order = sorted(range(len(runs)), key=lambda r: -runs[r][1])
    firsts = np.array([runs[r][0] for r in order])
    lengths = [runs[r][1] for r in order]
    prev = E[firsts].copy()
    for row, r in enumerate(order):
        if runs[r][2] is not None:
            prev[row] += T[runs[r][2]]
    back = []
    active = len(order)
    for t in range(1, lengths[0]):
        while lengths[active - 1] <= t:
            active -= 1
        s = prev[:active, :, None] + T  # s[r, p, j] = prev[r][p] + trans[p][j]
        bp = s.argmax(axis=1)  # the first p reaching the maximum, as the loop's strict >
        prev[:active] = s.max(axis=1) + E[firsts[:active] + t]  # the value at bp
        back.append(bp.tolist())
    for row, r in enumerate(order):
        if runs[r][3] is not None:
            prev[row] += T[:, runs[r][3]]
    ends = prev.argmax(axis=1).tolist()
    out: list[list[int]] = [[] for _ in runs]
    for row, r in enumerate(order):
        j = ends[row]
        path = [j]
        for t in range(lengths[row] - 1, 0, -1):
            j = back[t - 1][row][j]
            path.append(j)
        out[r] = path[::-1]
    return out


_INF = float("inf")


def _covered(spans_: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans_, (pos, _INF)) - 1
    return i >= 0 and spans_[i][0] <= pos < spans_[i][1]


_PERSON_SHAPE = re.compile(r"[A-ZÅÄÖÉÜØÆČŠŽ][\w’'\-]+(?:[ ][A-ZÅÄÖÉÜØÆČŠŽ][\w’'\-]+){1,3}")


def apply(doc: Doc, model: dict | None = None, people_out: list | None = None) -> int:
    """Add the names the model finds and no rule mention overlaps; how many it added.

    A person it finds is added as the people rules add theirs (title and zone read the same
    way) and appended to ``people_out`` so the person rules see it."""
    from loaders import people, projects
    from loaders.gazetteer import Gazetteer, guess_kind

    model = model if model is not None else load_model()
    if not model:
        return 0
    g = Gazetteer.load()
    text = doc.text
    added = 0
    types = model.get("types", ("ORG", "PRJ"))
    for typ, s, e in predicted_spans(doc, model):
        if typ not in types:
            continue
        name = text[s:e].strip(" ,.;:–-”\"“()")
        if len(name) < 2 or _BAD_NAME.match(name) or doc.is_taken(s, e):
            continue
        s = text.find(name, s)
        e = s + len(name)
        if typ == "PER":
            if not _PERSON_SHAPE.fullmatch(name) or g.org(name) or g.place(name) or "\n" in name:
                continue
            if any(fold_word in people.NOT_NAME_WORDS for fold_word in name.casefold().split()):
                continue
            line_end = text.find("\n", e)
            line_end = len(text) if line_end < 0 else line_end
            role, zs, ze = people._role_and_zone(doc, s, e, line_end)
            ent = doc.add("person", name, s, e, firm=True, role=role)
            if people_out is not None:
                people_out.append(people.PersonMention(ent.uid, s, e, zs, ze, role))
            added += 1
            continue
        if typ == "ORG":
            if g.place(name):
                continue  # a bare kommun name is the rules' to read (place or actor)
            if name.islower() and " " not in name and g.org(name) is None:
                continue  # "partnerskapet", "strukturfondspartnerskapet": a common noun, not a name
            parts = [x for x in re.split(r",\s*|\s+(?:och|samt)\s+", name) if x]
            if len(parts) > 1 and all(g.place(x) for x in parts):
                continue  # "Eslöv och Höör": a list of kommun names, the rules' to read as well
            ref = g.org(name)
            if ref is not None:
                doc.add("org", ref.name, s, e, kind=ref.kind, firm=True, surface=name)
            else:
                doc.add("org", name, s, e, kind=guess_kind(name), surface=name)
        else:
            if g.org(name) or g.place(name):
                continue
            projects.add_project(doc, name, s, e)
        added += 1
    return added
