"""Learned filter over the rules' target-group mentions (see loaders/train_targets.py).

``keep(text, found)`` returns the mentions whose key the model keeps for the document: a key
is kept if any of its mentions scores >= the model's threshold. Without a model file, or with
one that says ``"use": false`` (it did not beat the rules under by-site CV), it returns
``found`` unchanged. Features are general cues of language and layout, never document strings.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from loaders import targets
from loaders.learned import lemma

MODEL_PATH = Path(__file__).with_name("models") / "targets.json"
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+")
_AIM = re.compile(r"riktar sig|målgrupp|för (?:unga|personer|kvinnor|de) som|deltagar|vänder sig till|ska stödja|syftar till", re.I)
_FUTURE = re.compile(r"möjlighet\w* att|skulle kunna|kan (?:även|också) |på sikt|framöver|utvidga|sprida metoden|fler målgrupper", re.I)
_BACKGROUND = re.compile(r"forskning|studie|rapport|statistik|undersökning|enligt|visar att|bakgrund|seminari|konferens|jämställdhet|tillgänglighet|horisontell", re.I)
_STATS = re.compile(r"\d|%|procent|andel|antal", re.I)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return a, (min(ends) if ends else len(text))


def features(text: str, m, found, sections=None) -> dict[str, float]:
    f: dict[str, float] = {"bias": 1.0, "key=" + m.key: 1.0}
    a, b = _sentence(text, m.start, m.end)
    sent = text[a:b]
    for w in {lemma(w) for w in _WORD.findall(sent)}:
        f["s:" + w] = 1.0
    for w in {lemma(w) for w in _WORD.findall(text[max(0, m.start - 60):m.start])}:
        f["b:" + w] = 1.0
    for w in {lemma(w) for w in _WORD.findall(text[m.end:m.end + 60])}:
        f["a:" + w] = 1.0
    secs = sections if sections is not None else targets.target_sections(text)
    f["in_section"] = float(any(s <= m.start < e for s, e in _spans(secs)))
    line_start = text.rfind("\n", 0, m.start) + 1
    prev = text[max(0, text.rfind("\n", 0, max(0, line_start - 1)) + 1):line_start].strip()
    for w in {lemma(w) for w in _WORD.findall(prev)[:4]}:
        f["h:" + w] = 1.0
    f["stats"] = float(bool(_STATS.search(sent)))
    f["paren"] = float(text.rfind("(", a, m.start) > text.rfind(")", a, m.start))
    f["bullet"] = float(bool(re.match(r"\s*[-•*–]", text[line_start:m.start + 1])))
    n = len({x.key for x in found if a <= x.start < b})
    f["n_groups"] = min(n, 5) / 5.0
    f["pos"] = m.start / max(1, len(text))
    f["aim"] = float(bool(_AIM.search(sent)))
    f["future"] = float(bool(_FUTURE.search(sent)))
    f["background"] = float(bool(_BACKGROUND.search(sent)))
    return f


def _spans(secs):
    out = []
    for s in secs or ():
        if isinstance(s, tuple) and len(s) >= 2:
            out.append((s[0], s[1]))
        elif hasattr(s, "start") and hasattr(s, "end"):
            out.append((s.start, s.end))
    return out


@lru_cache(maxsize=1)
def load(path: str = str(MODEL_PATH)) -> dict | None:
    p = Path(path)
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def score(weights: dict, feats: dict) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep(text: str, found: list, model: dict | None = None) -> list:
    model = model if model is not None else load()
    if not model or not model.get("use") or not found:
        return found
    w, th = model["weights"], model["threshold"]
    try:
        secs = targets.target_sections(text)
    except Exception:
        secs = None
    kept = {m.key for m in found if score(w, features(text, m, found, secs)) >= th}
    return [m for m in found if m.key in kept]
