"""Train the learned name layer (a CRF over tokens) on annotated pages; report it by site.

    python -m loaders.train_names --eval ../shared/eval --out loaders/models/names.json
    python -m loaders.train_names --eval ../shared/eval --cv [--curve]

Gold names (organisations other than kommuner, which the rules read from reference data,
and projects, with their aliases) are found in each page's text, longest first, and
their tokens labelled B-/I-ORG, B-/I-PRJ; every other token is O. Features are those of
``loaders.names`` computed on the rules' reading of the page. ``--cv`` trains on four
fifths of the sites and scores the whole extraction (score.py's own matching) on the
fifth it did not see, with the layer off and on. Training (L-BFGS, fixed order) is
deterministic; the weights are rounded into ``loaders/models/names.json``.

Needs sklearn-crfsuite (the ``train`` extra); the product itself only reads the JSON.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

from loaders import learned, names
from loaders.extract import _record, analyse_text
from loaders.train_relations import _group_folds, _sites, documents, write_model

import os

C1, C2, ITERATIONS = (float(os.environ.get("NAMES_C1", 0.05)), float(os.environ.get("NAMES_C2", 0.05)),
                      int(os.environ.get("NAMES_ITER", 150)))
#: the name types the layer adds: organisations and people. Projects too were measured
#: (5-fold by site, all sets): +3 projects found, +14 wrong ones, relations +0.002 — not
#: worth the wrong nodes; the model still learns them (they shape the other labels)
TYPES = tuple(os.environ.get("NAMES_TYPES", "ORG,PER").split(","))
FOLDS = 5


def gold_labels(text: str, gold: dict, seq: list[tuple[str, int, int]], spans_: list) -> list[str]:
    out = []
    for _, s, _e in seq:
        lab = "O"
        for typ, a, b in spans_:
            if a <= s < b:
                lab = ("B-" if s == a else "I-") + typ
                break
        out.append(lab)
    return out


def gold_spans(text: str, gold: dict) -> list[tuple[str, int, int]]:
    forms = []
    for g in gold.get("organizations", []):
        if g.get("kind") == "municipality_org":
            continue
        forms += [("ORG", f) for f in {g.get("name", ""), *g.get("aliases", [])} if len(f) >= 2]
    for g in gold.get("projects", []):
        forms += [("PRJ", f) for f in {g.get("name", ""), *g.get("aliases", [])} if len(f) >= 2]
    for g in gold.get("people", []):
        forms += [("PER", f) for f in {g.get("name", ""), *g.get("aliases", [])} if len(f) >= 2]
    forms.sort(key=lambda x: (-len(x[1]), x[1], x[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for typ, f in forms:
        for m in re.finditer(rf"(?<![\w\-]){re.escape(f)}(?![\w\-])", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((typ, m.start(), m.end()))
    return out


def examples(eval_dir: Path):
    """Per document: (group, set, stem, text, gold, sequences' features, labels)."""
    sites = _sites(eval_dir)
    out = []
    for set_name, stem, text, gold in documents(eval_dir):
        seen = {}

        def grab(doc):
            seen["x"] = names.doc_features(doc)

        analyse_text(text, names_model={}, on_names=grab)
        seqs, feats = seen["x"]
        gs = gold_spans(text, gold)
        labels = [gold_labels(text, gold, s, gs) for s in seqs]
        group = sites.get(stem) or f"{set_name}:{stem}"
        out.append((group, set_name, stem, text, gold, feats, labels))
    return out


def fit(rows) -> dict:
    import sklearn_crfsuite

    X = [[dict.fromkeys(tok, 1.0) for tok in seq] for r in rows for seq in r[5]]
    y = [lab for r in rows for lab in r[6]]
    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=C1, c2=C2, max_iterations=ITERATIONS,
                               all_possible_transitions=True)
    crf.fit(X, y)
    labels = list(names.LABELS)
    state: dict[str, dict[str, float]] = {}
    for (attr, lab), w in sorted(crf.state_features_.items()):
        w = round(float(w), 3)
        if abs(w) >= 0.01 and lab in labels:
            state.setdefault(attr, {})[str(labels.index(lab))] = w
    trans: dict[str, dict[str, float]] = {}
    for (a, b), w in sorted(crf.transition_features_.items()):
        trans.setdefault(a, {})[b] = round(float(w), 3)
    return {"labels": labels, "state": state, "transitions": trans}


def _as_runtime(raw: dict) -> dict:
    return names.runtime({**raw, "types": list(TYPES)})


def _scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _predict(text: str, stem: str, names_model: dict, rel_model: dict) -> dict:
    doc, keys = analyse_text(text, names_model=names_model)
    learned.apply(doc, rel_model)
    return _record(doc, stem + ".txt", None, keys, False)


def cross_validate(eval_dir: Path, rows, frac: float = 1.0, rel_model: dict | None = None, log=print):
    sc = _scorer(eval_dir)
    folds = _group_folds([r[0] for r in rows], FOLDS)
    res = {}
    for mode in ("off", "on"):
        res[mode] = (sc.Counts(), sc.Counts(), sc.Counts())
    for fold in folds:
        train = [r for r in rows if r[0] not in fold]
        if frac < 1.0:
            keep = sorted({r[0] for r in train})
            keep = set(keep[: max(1, int(len(keep) * frac))])
            train = [r for r in train if r[0] in keep]
        model = _as_runtime(fit(train))
        for r in rows:
            if r[0] not in fold:
                continue
            for mode, nm in (("off", {}), ("on", model)):
                if frac < 1.0 and mode == "off":
                    continue
                pred = _predict(r[3], r[2], nm, rel_model or {"types": {}})
                ent, rels, flds = res[mode]
                sc.score_document(r[4], pred, ent, rels, flds, [])
    for mode, (ent, rels, _f) in res.items():
        if not ent.tp and not ent.fn:
            continue
        log(f"names {mode:3s}: entities P/R/F1 {_fmt(ent.prf())}  relations {_fmt(rels.prf())}")
        for kind in ("organizations", "projects", "people"):
            log(f"    {kind:14s} {_fmt(ent.prf([kind]))}")
    return res


def _fmt(prf) -> str:
    p, r, f, tp, fp, fn = prf
    return f"{p:.3f} {r:.3f} {f:.3f} ({tp}/{fp}/{fn})"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--eval", required=True, type=Path, help="the annotated sets (../shared/eval)")
    ap.add_argument("--out", type=Path, help="write the model file here")
    ap.add_argument("--cv", action="store_true", help="only report cross-validation by site")
    ap.add_argument("--curve", action="store_true", help="with --cv: learning curve 25/50/75/100 %%")
    args = ap.parse_args(argv)
    if not (args.eval / "train").is_dir():
        print(f"error: {args.eval}: no annotated sets (train/) there", file=sys.stderr)
        return 1
    rows = examples(args.eval)
    if args.cv:
        cross_validate(args.eval, rows)
        if args.curve:
            for frac in (0.25, 0.5, 0.75):
                print(f"curve {int(frac * 100)} % of the training sites:")
                cross_validate(args.eval, rows, frac=frac)
        return 0
    model = fit(rows)
    model["about"] = ("learned name layer; rebuild: python -m loaders.train_names --eval ../shared/eval "
                      "--out loaders/models/names.json")
    model["documents"] = len(rows)
    model["types"] = list(TYPES)
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    return write_model(args.out, text, f"{len(model['state'])} attributes")


if __name__ == "__main__":
    raise SystemExit(main())
