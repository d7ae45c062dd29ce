"""Which rules and cues fire on how many documents.

    python -m loaders.rule_report data/seeds ../shared/eval/dev/docs ../shared/eval/train/docs
    python -m loaders.rule_report DOCS... --max 1        # only the rules firing on ≤ 1 document
    python -m loaders.rule_report DOCS... --tsv > rules.tsv

Every extraction module (orgs, projects, people, relations, targets, fields, text, extract)
is instrumented for the run, without changing what it computes:

* each module-level pattern (a compiled regex: a cue list, a name shape, a label) counts a
  document when it matches anything in it;
* each pattern written inline (``re.search(r"…", …)`` inside a function) counts the same,
  named by its module and line;
* each rule function (a module-level function taking the document's ``Doc``) counts a
  document when it changed it: an entity, its name, aliases or fields, a mention, a
  relation, the segments or the page's project. Functions that only answer a question about
  the document (return a value, change nothing) are helpers and are not listed.

A rule that fires on one document only is a rule written for that document: remove it, or
say in a comment beside it why it is a construction of the language or of a layout. The
names given on the command line may be files or folders (their files, sorted); the count is
of distinct documents.
"""
from __future__ import annotations

import argparse
import functools
import re
import sys
import types
from collections import defaultdict
from pathlib import Path

MODULES = ("orgs", "projects", "people", "relations", "targets", "fields", "text", "extract", "gazetteer")

_current = {"doc": None}
_hits: dict[str, set[str]] = defaultdict(set)
_defined: dict[str, str] = {}
_answers: set[str] = set()


def _record(key: str, matched, alts=()) -> None:
    if matched and _current["doc"] is not None:
        _hits[key].add(_current["doc"])
        if alts and isinstance(matched, re.Match):
            for k, a in alts:
                m2 = a.match(matched.string, matched.start())
                if m2 is not None and m2.end() == matched.end():
                    _hits[k].add(_current["doc"])


def _alternatives(rx: re.Pattern) -> list[tuple[str, re.Pattern]]:
    """The top-level alternatives of a cue list ("a|b|c"), each compiled on its own."""
    src, out, depth, cls, esc, cur = rx.pattern, [], 0, False, False, ""
    for ch in src:
        if esc:
            cur += ch
            esc = False
            continue
        if ch == "\\":
            esc = True
        elif cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
            continue
        cur += ch
    out.append(cur)
    if len(out) < 2:
        return []
    alts = []
    for a in out:
        try:
            alts.append((a.strip(), re.compile(a, rx.flags)))
        except re.error:
            return []
    return alts


class _Pattern:
    """A compiled pattern that remembers the documents it matched in (and, for a cue list,
    which of its alternatives matched)."""

    def __init__(self, key: str, rx: re.Pattern):
        self._key, self._rx = key, rx
        self._alts = [(f"{key} | {src[:70]}", a) for src, a in _alternatives(rx)]
        for k, _ in self._alts:
            _defined[k] = "cue"

    def __getattr__(self, name):
        return getattr(self._rx, name)

    def search(self, *a, **k):
        m = self._rx.search(*a, **k)
        _record(self._key, m, self._alts)
        return m

    def match(self, *a, **k):
        m = self._rx.match(*a, **k)
        _record(self._key, m, self._alts)
        return m

    def fullmatch(self, *a, **k):
        m = self._rx.fullmatch(*a, **k)
        _record(self._key, m, self._alts)
        return m

    def finditer(self, *a, **k):
        for m in self._rx.finditer(*a, **k):
            _record(self._key, m, self._alts)
            yield m

    def findall(self, *a, **k):
        out = self._rx.findall(*a, **k)
        _record(self._key, out)
        return out

    def sub(self, repl, string, *a, **k):
        out, n = self._rx.subn(repl, string, *a, **k)
        _record(self._key, n)
        return out

    def subn(self, *a, **k):
        out = self._rx.subn(*a, **k)
        _record(self._key, out[1])
        return out

    def split(self, *a, **k):
        out = self._rx.split(*a, **k)
        _record(self._key, len(out) > 1)
        return out


def _inline_re(module_name: str) -> types.SimpleNamespace:
    """A stand-in for ``re`` inside one module: the same functions, counting by line."""

    def where() -> str:
        f = sys._getframe(2)
        return f"{module_name}:{f.f_lineno} (inline)"

    def wrap(fn_name, judge):
        real = getattr(re, fn_name)

        @functools.wraps(real)
        def call(*a, **k):
            key = where()
            _defined.setdefault(key, "inline pattern")
            out = real(*a, **k)
            if fn_name == "finditer":
                return _tap(key, out)
            _record(key, judge(out))
            return out
        return call

    def _tap(key, it):
        for m in it:
            _record(key, m)
            yield m

    ns = types.SimpleNamespace(**{n: getattr(re, n) for n in dir(re) if not n.startswith("__")})
    for name, judge in (("search", bool), ("match", bool), ("fullmatch", bool), ("findall", bool),
                        ("finditer", bool), ("split", lambda out: len(out) > 1)):
        setattr(ns, name, wrap(name, judge))
    real_sub = re.subn

    def sub(pattern, repl, string, *a, **k):
        key = where()
        _defined.setdefault(key, "inline pattern")
        out, n = real_sub(pattern, repl, string, *a, **k)
        _record(key, n)
        return out
    ns.sub = sub
    return ns


def _changes(doc) -> int:
    """A fingerprint of everything a rule can change: entities (names, aliases, fields),
    mentions, relations, segments and the page's project."""
    ents = tuple((k, e.name, e.kind, len(e.aliases), tuple(sorted((p, str(v)) for p, v in e.props.items())))
                 for k, e in doc.entities.items())
    return hash((ents, len(doc.mentions), tuple(doc.relations), len(doc.segments), doc.page_project))


def _rule_function(key: str, fn):
    from loaders.doc import Doc

    @functools.wraps(fn)
    def call(*a, **k):
        doc = a[0] if a and isinstance(a[0], Doc) else None
        before = _changes(doc) if doc is not None else None
        out = fn(*a, **k)
        if doc is not None and _changes(doc) != before:
            _record(key, True)
        if out is not None:
            _answers.add(key)  # it answers a question (a helper), it is no rule of its own
        return out
    return call


def instrument() -> None:
    """Swap every module's patterns, inline ``re`` and rule functions for counting ones."""
    import importlib

    mods = {n: importlib.import_module(f"loaders.{n}") for n in MODULES}
    wrapped: dict[int, _Pattern] = {}
    for name, mod in mods.items():
        for attr, val in list(vars(mod).items()):
            if isinstance(val, re.Pattern):
                if id(val) not in wrapped:
                    key = f"{name}.{attr}"
                    wrapped[id(val)] = _Pattern(key, val)
                    _defined[key] = "pattern"
    for name, mod in mods.items():
        for attr, val in list(vars(mod).items()):
            if isinstance(val, re.Pattern):
                setattr(mod, attr, wrapped[id(val)])
            elif isinstance(val, types.FunctionType) and val.__module__ == mod.__name__:
                import inspect

                params = list(inspect.signature(val).parameters)
                if params and params[0] == "doc":
                    key = f"{name}.{attr}()"
                    _defined[key] = "rule function"
                    setattr(mod, attr, _rule_function(key, val))
        if getattr(mod, "re", None) is re:
            mod.re = _inline_re(name)


def files_of(paths: list[str]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in
                          (".txt", ".html", ".htm", ".pdf", ".docx", ".md"))
        elif p.is_file():
            out.append(p)
        else:
            raise SystemExit(f"error: {p}: no such file or folder")
    return out


def run(paths: list[str]) -> tuple[dict[str, set[str]], dict[str, str], int]:
    _hits.clear()
    _defined.clear()
    instrument()
    from loaders.extract import extract_text
    from loaders.readers import read_document

    files = files_of(paths)
    for f in files:
        _current["doc"] = str(f)
        for d in read_document(f):
            extract_text(d.text, d.name, d.path)
    _current["doc"] = None
    return dict(_hits), dict(_defined), len(files)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("paths", nargs="+", help="documents or folders of documents")
    ap.add_argument("--max", type=int, default=None, help="only rules firing on at most this many documents")
    ap.add_argument("--tsv", action="store_true", help="tab-separated: rule, kind, documents")
    args = ap.parse_args(argv)
    hits, defined, n = run(args.paths)
    defined = {k: ("helper" if k in _answers and not hits.get(k) else kind) for k, kind in defined.items()}
    defined = {k: kind for k, kind in defined.items() if kind != "helper"}
    rows = sorted(((len(hits.get(k, ())), k, kind) for k, kind in defined.items()), key=lambda r: (r[0], r[1]))
    if args.max is not None:
        rows = [r for r in rows if r[0] <= args.max]
    if args.tsv:
        print("rule\tkind\tdocuments")
        for c, k, kind in rows:
            print(f"{k}\t{kind}\t{c}")
    else:
        print(f"{len(defined)} rules and cues over {n} documents; documents each fires on:")
        for c, k, kind in rows:
            print(f"{c:5d}  {k}  [{kind}]")
        one = sum(1 for c, _, _ in rows if c == 1)
        zero = sum(1 for c, _, _ in rows if c == 0)
        print(f"fire on no document: {zero}; on one document only: {one}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
