"""The whole extraction measured by held-out site: both learned layers retrained per fold.

    python -m loaders.cv_pipeline --eval ../shared/eval            # per-type table
    python -m loaders.cv_pipeline --eval ../shared/eval --curve    # + learning curve
    python -m loaders.cv_pipeline --eval ../shared/eval --dump cv.jsonl  # + held-out records

Five folds of whole sites (``train/SOURCES.md``; seeds and dev pages each their own site).
In each fold the name CRF and then the relation classifier (with its own inner choice of
types, modes and thresholds) are trained on the other four folds only, and the fold's pages
are extracted with those models, passed through the resolution stage as ``extract --json`` does
(``loaders.resolve``, without people's decisions: they are curation, not extraction) and scored
with score.py's own matching. This is the
figure to trust for pages nobody tuned the rules for; the stored models are trained on all.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from loaders import train_names as N
from loaders import train_relations as R
from loaders.resolve import resolve_record


def run(eval_dir: Path, frac: float = 1.0, only: str | None = None, log=print, dump=None):
    rows = N.examples(eval_dir)
    sc = N._scorer(eval_dir)
    folds = R._group_folds([r[0] for r in rows], N.FOLDS)
    ent, rels, flds = sc.Counts(), sc.Counts(), sc.Counts()
    per_set = {}
    for k, fold in enumerate(folds):
        train = [r for r in rows if r[0] not in fold]
        if frac < 1.0:
            keep = sorted({r[0] for r in train})
            keep = set(keep[: max(1, int(len(keep) * frac))])
            train = [r for r in train if r[0] in keep]
        names_model = N._as_runtime(N.fit(train))
        docs = [(r[1], r[2], r[3], r[4]) for r in train]
        rel_rows, gold_keys, meta = R.examples(eval_dir, names_model=names_model, docs=docs)
        rel_model = R.train_from(rel_rows, gold_keys, meta, log=lambda *_: None)
        log(f"fold {k + 1}: {len(fold)} sites held out; relation model takes {', '.join(rel_model['types']) or 'none'}")
        for r in rows:
            if r[0] not in fold or (only and r[1] != only):
                continue
            pred = resolve_record(N._predict(r[3], r[2], names_model, rel_model), r[3])
            if dump is not None:
                dump.write(json.dumps({**pred, "set": r[1]}, ensure_ascii=False) + "\n")
            sc.score_document(r[4], pred, ent, rels, flds, [])
            c = per_set.setdefault(r[1], (sc.Counts(), sc.Counts(), sc.Counts()))
            sc.score_document(r[4], pred, *c, [])
    return ent, rels, flds, per_set


def table(ent, rels, flds) -> str:
    out = [f"{'type':24s}  P      R      F1     tp   fp   fn"]
    for c, kinds in ((ent, ("organizations", "municipalities", "projects", "people", "target_groups")),
                     (rels, sorted(set(rels.tp) | set(rels.fn)))):
        for k in kinds:
            p, r, f, tp, fp, fn = c.prf([k])
            out.append(f"{k:24s} {p:.3f}  {r:.3f}  {f:.3f}  {tp:4d} {fp:4d} {fn:4d}")
    pe, re_, fe, *_ = ent.prf()
    pr, rr, fr, *_ = rels.prf()
    out.append(f"entities F1={fe:.3f} P={pe:.3f} R={re_:.3f} | relations F1={fr:.3f} P={pr:.3f} R={rr:.3f} "
               f"| fields F1={flds.prf()[2]:.3f}")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--eval", required=True, type=Path)
    ap.add_argument("--curve", action="store_true", help="learning curve 25/50/75/100 %% of training sites")
    ap.add_argument("--dump", type=Path, metavar="FILE",
                    help="write every page's held-out prediction (one JSON record per line) for error analysis")
    args = ap.parse_args(argv)
    if not (args.eval / "train").is_dir():
        print(f"error: {args.eval}: no annotated sets (train/) there", file=sys.stderr)
        return 1
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as dump:
            ent, rels, flds, per_set = run(args.eval, dump=dump)
    else:
        ent, rels, flds, per_set = run(args.eval)
    print(table(ent, rels, flds))
    for name, c in sorted(per_set.items()):
        print(f"  {name}: entities F1={c[0].prf()[2]:.3f} relations F1={c[1].prf()[2]:.3f}")
    if args.curve:
        for frac in (0.25, 0.5, 0.75):
            e, r, _f, _ = run(args.eval, frac=frac, log=lambda *_: None)
            print(f"curve {int(frac * 100):3d} %: entities F1={e.prf()[2]:.3f} relations F1={r.prf()[2]:.3f}")
        print(f"curve 100 %: entities F1={ent.prf()[2]:.3f} relations F1={rels.prf()[2]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
