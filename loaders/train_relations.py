"""Train the learned relation layer on annotated pages; report it by held-out site.

    python -m loaders.train_relations --eval ../shared/eval --out loaders/models/relations.json
    python -m loaders.train_relations --eval ../shared/eval --cv          # by-site CV table
    python -m loaders.train_relations --eval ../shared/eval --cv --curve  # + learning curve

The annotated sets are read from ``--eval`` (``gold/`` with the seed texts in
``../seeds``, ``dev/``, ``train/``; the layout of FORMAT.md and score.py). Nothing of them
is stored: the model file holds feature weights, one threshold per relation type and the
cross-validation figures that decided which types the model takes over. Training is
deterministic (liblinear, fixed order, weights rounded), so the same data gives the same
file byte for byte; ``tests/test_learned.py`` checks that where the data exists.

Needs scikit-learn (the ``train`` extra); the product itself only reads the JSON.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from loaders import learned
from loaders.extract import analyse_text
from loaders.readers import read_document

C = 0.5
FOLDS = 5
MIN_GAIN = 0.01  # the model takes a type over only where it beats the rules by this much
REPLACE_GAIN = 0.02  # and overrules the rules' own relations only where that beats adding by this much


# -- data ---------------------------------------------------------------------------
def _norm(text) -> str:
    import unicodedata

    text = unicodedata.normalize("NFC", str(text)).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_GOLD_KIND = {"org": "organizations", "project": "projects", "person": "people", "place": "municipalities"}


def _gold_index(gold: dict):
    """name key -> gold index, per entity list (names, aliases, ids, codes) as score.py."""
    idx: dict[str, dict[str, int]] = {}
    for kind in ("organizations", "projects", "people", "municipalities"):
        d: dict[str, int] = {}
        for gi, g in enumerate(gold.get(kind, [])):
            keys = {_norm(g.get("name", ""))} | {_norm(a) for a in g.get("aliases", [])}
            if kind == "projects" and g.get("id"):
                keys.add("id:" + _norm(g["id"]))
            if kind == "municipalities" and g.get("code"):
                keys.add("code:" + _norm(g["code"]))
            for k in keys:
                if k and k not in d:
                    d[k] = gi
        idx[kind] = d
    return idx


def _resolve(idx, kind: str, name: str):
    d = idx[kind]
    n = _norm(name)
    for k in (n, "code:" + n, "id:" + n):
        if k in d:
            return ("g", d[k])
    return ("x", n)


def _gold_relations(gold: dict, idx) -> set:
    out = set()
    for r in gold.get("relations", []):
        t = str(r.get("type", "")).upper()
        if t not in learned.ENDS:
            continue
        st, tt = learned.ENDS[t]
        s = _resolve(idx, _GOLD_KIND[st], r.get("source", ""))
        g = _resolve(idx, _GOLD_KIND[tt], r.get("target", ""))
        if t in learned.UNORDERED:
            s, g = sorted([s, g], key=repr)
        out.add((t, s, g))
    return out


def _sites(eval_dir: Path) -> dict[str, str]:
    """document stem -> the site it comes from (train/SOURCES.md, dev/SOURCES.md)."""
    out: dict[str, str] = {}
    for src in (eval_dir / "train" / "SOURCES.md", eval_dir / "dev" / "SOURCES.md"):
        if not src.exists():
            continue
        for line in src.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\|\s*([\w.\-]+?)(?:\.txt)?\s*\|\s*(https?://[^\s|]+)", line)
            if m:
                host = re.sub(r"^www\.", "", re.sub(r"^https?://", "", m.group(2)).split("/")[0])
                out[Path(m.group(1)).stem] = host
    return out


def documents(eval_dir: Path):
    """(set name, stem, text, gold) for every annotated document, in a fixed order."""
    sets = [("seeds", eval_dir / "gold", eval_dir.parent / "seeds"),
            ("dev", eval_dir / "dev" / "gold", eval_dir / "dev" / "docs"),
            ("train", eval_dir / "train" / "gold", eval_dir / "train" / "docs")]
    for name, gold_dir, docs_dir in sets:
        if not gold_dir.is_dir() or not docs_dir.is_dir():
            continue
        for gf in sorted(gold_dir.glob("*.json")):
            files = [p for p in sorted(docs_dir.iterdir()) if p.stem == gf.stem]
            if not files:
                continue
            raw = read_document(files[0])
            text = "\n\n".join(d.text for d in raw)
            yield name, gf.stem, text, json.loads(gf.read_text(encoding="utf-8"))


def examples(eval_dir: Path, names_model: dict | None = None, docs=None):
    """Per relation type: rows of (group, doc id, features, label, key) and, per doc, the
    gold keys and the rules' keys outside the candidates."""
    sites = _sites(eval_dir)
    rows: dict[str, list] = defaultdict(list)
    gold_keys: dict[str, dict[str, set]] = defaultdict(dict)
    docs_meta = []
    for set_name, stem, text, gold in (docs if docs is not None else documents(eval_dir)):
        doc, _ = analyse_text(text, names_model=names_model)
        view = learned._DocView(doc)
        idx = _gold_index(gold)
        grel = _gold_relations(gold, idx)
        group = sites.get(stem) or f"{set_name}:{stem}"
        docs_meta.append((set_name, stem, group))
        for rtype, (st, tt) in learned.ENDS.items():
            gold_keys[rtype][stem] = {k for k in grel if k[0] == rtype}
            for a, b in learned.candidates(doc, rtype):
                s = _resolve(idx, _GOLD_KIND[st], a.name)
                g = _resolve(idx, _GOLD_KIND[tt], b.name)
                if rtype in learned.UNORDERED:
                    s, g = sorted([s, g], key=repr)
                key = (rtype, s, g)
                feats = learned.pair_features(view, rtype, a, b)
                rows[rtype].append((group, stem, feats, int(key in grel), key))
    return rows, gold_keys, docs_meta


# -- model --------------------------------------------------------------------------
def _fit(rows):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([r[2] for r in rows]).tocsr()
    X.indices = X.indices.astype("int32")  # liblinear takes 32-bit sparse indices only
    X.indptr = X.indptr.astype("int32")
    y = [r[3] for r in rows]
    if len(set(y)) < 2:
        return None
    clf = LogisticRegression(C=C, solver="liblinear", fit_intercept=False, max_iter=1000, random_state=0)
    clf.fit(X, y)
    return dict(zip(vec.get_feature_names_out(), (float(w) for w in clf.coef_[0])))


def _prf(pred_rows, gold_keys: dict[str, set], stems) -> tuple[int, int, int]:
    """tp, fp, fn as score.py counts them (distinct keys per document)."""
    pred: dict[str, set] = defaultdict(set)
    for r in pred_rows:
        pred[r[1]].add(r[4])
    tp = fp = fn = 0
    for stem in stems:
        g, p = gold_keys.get(stem, set()), pred.get(stem, set())
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    return tp, fp, fn


def _f1(tp, fp, fn) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _chosen(p: float, r, th: float, mode: str) -> bool:
    return p >= th or (mode == "add" and bool(r[2].get("rule")))


def _best_threshold(scored, gold_keys, stems, mode: str = "replace") -> float:
    best, best_f = 0.5, -1.0
    for th in [x / 100 for x in range(10, 96, 5)]:
        f = _f1(*_prf([r for p, r in scored if _chosen(p, r, th, mode)], gold_keys, stems))
        if f > best_f + 1e-9:
            best, best_f = th, f
    return best


def _group_folds(groups: list[str], k: int) -> list[set[str]]:
    """Whole sites to folds, deterministically (sorted sites dealt round-robin by size)."""
    counts: dict[str, int] = defaultdict(int)
    for g in groups:
        counts[g] += 1
    folds: list[set[str]] = [set() for _ in range(k)]
    sizes = [0] * k
    for g in sorted(counts, key=lambda g: (-counts[g], g)):
        i = min(range(k), key=lambda j: (sizes[j], j))
        folds[i].add(g)
        sizes[i] += counts[g]
    return folds


def _oof(rows, gold_keys, stems_by_group, folds, frac: float = 1.0, mode: str = "replace"):
    """Out-of-fold scores with a threshold picked inside each training part (nested)."""
    out = []
    for fold in folds:
        train = [r for r in rows if r[0] not in fold]
        if frac < 1.0:
            keep = sorted({r[0] for r in train})
            keep = set(keep[: max(1, int(len(keep) * frac))])
            train = [r for r in train if r[0] in keep]
        test = [r for r in rows if r[0] in fold]
        w = _fit(train)
        if w is None:
            continue
        # threshold: inner folds over the training sites
        inner = _group_folds([r[0] for r in train], 3)
        scored_inner = []
        for f2 in inner:
            w2 = _fit([r for r in train if r[0] not in f2])
            if w2 is None:
                continue
            scored_inner += [(learned.score(w2, r[2]), r) for r in train if r[0] in f2]
        train_stems = {r[1] for r in train}
        th = _best_threshold(scored_inner, gold_keys, train_stems, mode) if scored_inner else 0.5
        out += [(_chosen(learned.score(w, r[2]), r, th, mode), r) for r in test]
    return out


def cross_validate(rows_by_type, gold_keys, docs_meta, types=None, frac=1.0, log=print):
    groups = [g for _, _, g in docs_meta]
    folds = _group_folds(groups, FOLDS)
    stems_train = [s for n, s, _ in docs_meta]
    table = {}
    for rtype in types or learned.ENDS:
        rows = rows_by_type[rtype]
        rule = _prf([r for r in rows if r[2].get("rule")], gold_keys[rtype], stems_train)
        res = {"rules": rule}
        for mode in ("replace", "add"):
            oof = _oof(rows, gold_keys[rtype], None, folds, frac, mode)
            res[mode] = _prf([r for ok, r in oof if ok], gold_keys[rtype], stems_train)
        # the rules unless a model beats them by MIN_GAIN; "add" (never removes a rule's relation)
        # unless replacing beats adding by REPLACE_GAIN
        best = max(("rules", "add", "replace"),
                   key=lambda k: _f1(*res[k]) - {"rules": 0.0, "add": MIN_GAIN, "replace": MIN_GAIN + REPLACE_GAIN}[k])
        res["model"], res["mode"] = res[best], best
        table[rtype] = res
        log(f"{rtype:18s} rules {_fmt(rule)}  replace {_fmt(res['replace'])}  add {_fmt(res['add'])}  -> {best}")
    return table


def _fmt(c) -> str:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"{p:.3f} {r:.3f} {_f1(tp, fp, fn):.3f} ({tp}/{fp}/{fn})"


def _total(table, which) -> str:
    tp = sum(v[which][0] for v in table.values())
    fp = sum(v[which][1] for v in table.values())
    fn = sum(v[which][2] for v in table.values())
    return _fmt((tp, fp, fn))


def train(eval_dir: Path, log=print) -> dict:
    return train_from(*examples(eval_dir), log=log)


def train_from(rows, gold_keys, meta, log=print) -> dict:
    table = cross_validate(rows, gold_keys, meta, log=log)
    folds = _group_folds([g for _, _, g in meta], FOLDS)
    stems = [s for _, s, _ in meta]
    out_types = {}
    for rtype, res in table.items():
        mode = res["mode"]
        if mode == "rules":
            continue
        # final threshold from out-of-fold scores over all sites, final weights from all data
        scored = []
        for fold in folds:
            w = _fit([r for r in rows[rtype] if r[0] not in fold])
            if w is not None:
                scored += [(learned.score(w, r[2]), r) for r in rows[rtype] if r[0] in fold]
        th = _best_threshold(scored, gold_keys[rtype], stems, mode)
        w = _fit(rows[rtype])
        out_types[rtype] = {
            "threshold": th, "mode": mode,
            "cv_by_site": {"rules": list(res["rules"]), "model": list(res["model"])},
            "weights": {k: round(v, 4) for k, v in sorted(w.items()) if abs(v) >= 1e-3},
        }
    log(f"{'all':18s} rules P/R/F1 {_total(table, 'rules')}   model {_total(table, 'model')}")
    return {
        "about": "learned relation layer; rebuild: python -m loaders.train_relations --eval ../shared/eval "
                 "--out loaders/models/relations.json",
        "documents": len(meta), "sites": len({g for _, _, g in meta}), "C": C, "folds": FOLDS,
        "types": out_types,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--eval", required=True, type=Path, help="the annotated sets (../shared/eval)")
    ap.add_argument("--out", type=Path, help="write the model file here")
    ap.add_argument("--cv", action="store_true", help="only report cross-validation by site")
    ap.add_argument("--curve", action="store_true", help="with --cv: learning curve 25/50/75/100 %%")
    args = ap.parse_args(argv)
    if not (args.eval / "train").is_dir() and not (args.eval / "gold").is_dir():
        print(f"error: {args.eval}: no annotated sets (gold/, dev/, train/) there", file=sys.stderr)
        return 1
    if args.cv:
        rows, gold_keys, meta = examples(args.eval)
        table = cross_validate(rows, gold_keys, meta)
        print(f"{'all':18s} rules {_total(table, 'rules')}   model {_total(table, 'model')}")
        if args.curve:
            for frac in (0.25, 0.5, 0.75, 1.0):
                t = cross_validate(rows, gold_keys, meta, frac=frac, log=lambda *_: None)
                print(f"curve {int(frac * 100):3d} % of training sites: model {_total(t, 'model')}")
        return 0
    model = train(args.eval)
    text = json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    return write_model(args.out, text, f"types: {', '.join(model['types']) or 'none'}")


def write_model(out: Path | None, text: str, summary: str) -> int:
    """A model file's text to ``out`` (its folder made), or to standard output."""
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out} ({len(text) // 1024} KiB; {summary})")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
