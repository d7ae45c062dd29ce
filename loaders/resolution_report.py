"""Duplicate and fragment actors in the extraction of a corpus, with and without resolution.

    python -m loaders.resolution_report data/seeds ../shared/eval/dev/docs ../shared/eval/train/docs bank.xlsx

Extracts every document as ``samverkan extract`` does, once without the resolution stage and
once with it, and counts in each what makes a network lie (issue 13):

* **known duplicate pairs**: two names of one actor (``KNOWN_SAME``: a landsting and its region,
  SKL and SKR, a body with and without its legal form or genitive s …) that both occur in the
  corpus under different node keys; and every pair of keys whose names are equal once case,
  punctuation and the legal form are set aside (a check of its own, not resolution's code);
* **fragment organisations**: a legal form alone ("AB", "Ekonomisk Fören"), a kommun or the
  word Region with a legal form cut out of a longer name ("Göteborg AB"), a piece of a
  landsting's name, a kommun organisation read out of a coordinated förbund name, and a
  generic form ("Länsstyrelsen", "Samordningsförbundet") keyed alike in several documents —
  one national node.

Exit status 0; ``--fail`` exits 1 when the resolved extraction has any duplicate or fragment.
Only measurement: the product never runs this.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict

#: pairs of names known to denote one actor (each pair counted once where both occur)
KNOWN_SAME: tuple[tuple[str, str], ...] = (
    ("Skåne läns landsting", "Region Skåne"), ("Västerbottens läns landsting", "Region Västerbotten"),
    ("Landstinget i Kalmar län", "Region Kalmar län"), ("Örebro läns landsting", "Region Örebro län"),
    ("Landstinget Dalarna", "Region Dalarna"), ("Stockholms läns landsting", "Region Stockholm"),
    ("Landstinget i Uppsala län", "Region Uppsala"), ("Landstinget i Värmland", "Region Värmland"),
    ("Jämtlands läns landsting", "Region Jämtland Härjedalen"), ("Norrbottens läns landsting", "Region Norrbotten"),
    ("Landstinget Västernorrland", "Region Västernorrland"), ("Landstinget Sörmland", "Region Sörmland"),
    ("Landstinget Blekinge", "Region Blekinge"), ("Landstinget Gävleborg", "Region Gävleborg"),
    ("Landstinget Kronoberg", "Region Kronoberg"), ("Landstinget i Östergötland", "Region Östergötland"),
    ("Landstinget Halland", "Region Halland"), ("Landstinget Västmanland", "Region Västmanland"),
    ("Västerbottens Läns Landsting", "Region Västerbotten"), ("Västra Götalands läns landsting", "Västra Götalandsregionen"),
    ("Sveriges Kommuner och Landsting", "Sveriges Kommuner och Regioner"), ("SKL", "Sveriges Kommuner och Regioner"),
    ("Ungdomsstyrelsen", "Myndigheten för ungdoms- och civilsamhällesfrågor"),
    ("Malmö högskola", "Malmö universitet"),
    ("Chalmers Tekniska Högskola AB", "Chalmers tekniska högskola"), ("Karlstad universitet", "Karlstads universitet"),
    ("Arbetsförmedlingen i Malmö", "Arbetsförmedlingen"),
)


def _known_pairs() -> list[tuple[str, str]]:
    """KNOWN_SAME and "X läns landsting" / "Landstinget i X" beside the region of each län."""
    from loaders import reference

    regions = {o.county_code: o.name for o in reference.organizations() if o.kind == "region" and o.county_code}
    pairs = list(KNOWN_SAME)
    for c in reference.counties():
        region = regions.get(c.code)
        if region is None or c.code == "09":
            continue
        gen = c.short_name if c.short_name[-1] in "sxz" or c.short_name[-1] in "aeiouyåäö" else c.short_name + "s"
        pairs += [(f"{gen} läns landsting", region), (f"Landstinget i {c.name}", region),
                  (f"Landstinget {c.short_name}", region)]
    return pairs

_FORMS = r"ab|aktiebolag|hb|kb|ekonomisk\s+fören\w*|ek\.?\s*för\.?|ideell\s+fören\w*|stiftelse|stiftelsen"
_LEGAL_ONLY = re.compile(rf"^\s*(?:{_FORMS}|förening)\s*$", re.I)
_LEGAL_END = re.compile(rf"(?:,?\s+)(?:{_FORMS})\s*$", re.I)
_GENERIC = {"länsstyrelsen", "landstinget", "regionen", "förbundet", "samordningsförbundet", "finsam",
            "kommunen", "staden", "samordningsförbunden", "länsstyrelserna"}


_BEFORE = r"(?<![\w\-])(?!(?:I|Av|Från|Med|Och|Till|På|Inom|Hos|För|Om|Vid|Mellan|Där|Nu|Även)[ \t])[A-ZÅÄÖ][\w\-]*[ \t]+"


def _slug(name: str) -> str:
    from loaders.record import slug

    return slug(name)


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _bare(name: str) -> str:
    """Without the legal form at either end (this report's own rule)."""
    n = _LEGAL_END.sub("", name.strip())
    n = re.sub(r"(?i)^(?:stiftelsen|ideella föreningen)\s+", "", n)
    return _norm(n)


def _reference_names() -> set[str]:
    from loaders import reference

    return {_norm(n) for o in reference.organizations() for n in (o.name, *o.aliases) if " och " in n}


def _records(paths: list[str], resolve: bool) -> list[tuple[dict, str]]:
    from loaders import pipeline
    from loaders.readers import ReadError, iter_documents

    saved = pipeline._resolved
    if not resolve:
        pipeline._resolved = lambda record, text: record
    try:
        out = []
        for doc in iter_documents(paths):
            if isinstance(doc, ReadError):
                continue
            rec = pipeline._extract(doc, False)
            if isinstance(rec, dict):
                out.append((rec, doc.text))
        return out
    finally:
        pipeline._resolved = saved


def measure(records: list[tuple[dict, str]]) -> dict:
    from loaders.gazetteer import Gazetteer

    g = Gazetteer.load()
    uids_of: dict[str, set[str]] = defaultdict(set)     # normalised name -> keys
    names_of: dict[str, set[str]] = defaultdict(set)    # key -> names
    generic_docs: dict[str, set[str]] = defaultdict(set)
    fragments: list[str] = []
    for rec, text in records:
        doc = rec.get("document", "")
        for o in rec.get("organizations", []):
            uid, name = o["uid"], o["name"]
            for n in (name, *o.get("aliases", [])):
                uids_of[_norm(n)].add(uid)
            names_of[uid].add(name)
            norm = _norm(name)
            if norm in _GENERIC and uid == _slug(name):
                generic_docs[uid].add(doc)
            why = None
            if _LEGAL_ONLY.match(name):
                why = "a legal form alone"
            elif _LEGAL_END.search(name):
                base = _LEGAL_END.sub("", name).strip()
                words = base.split()
                if not words or all(w.casefold() == "region" for w in words) or (
                        len(words) <= 2 and g.place(" ".join(w for w in words if w != "Region")) is not None
                        and re.search(rf"{_BEFORE}{re.escape(name)}", text)):
                    why = "a kommun or 'Region' with a legal form, cut out of a longer name"
            elif re.search(r"(?i)läns landsting$", name) and re.search(
                    rf"{_BEFORE}{re.escape(name)}", text) and not re.search(
                    rf"(?<![\w\-]){re.escape(name)}", re.sub(rf"{_BEFORE}{re.escape(name)}", "", text)):
                why = "a piece of a landsting's name"
            elif o.get("kind") == "municipality_org" and not re.search(rf"{re.escape(name)}(?![\w\-])", text, re.I):
                stem = name.split()[0]
                lists = re.findall(r"(?:[A-ZÅÄÖ][\w\-]*s(?:[ \t]+stads)?,?[ \t]+)+(?:och|samt)[ \t]+"
                                   r"[A-ZÅÄÖ][\w\-]*s(?:[ \t]+stads)?[ \t]+samordningsförbund", text)
                if any(re.search(rf"(?<![\w\-]){re.escape(stem)}(?![\w\-])", x) for x in lists):
                    why = "a kommun organisation read out of a coordinated förbund name"
            if why:
                fragments.append(f"{doc}: {name!r} ({why})")
        names = [o["name"] for o in rec.get("organizations", [])]
        for a in names:
            for b in names:
                if a != b and _norm(f"{a} och {b}") in _reference_names():
                    fragments.append(f"{doc}: {a!r} and {b!r} (one name, {a} och {b}, split in two)")
    for uid, docs in generic_docs.items():
        if len(docs) > 1 and "~" not in uid:
            fragments.append(f"{len(docs)} documents: {sorted(names_of[uid])[0]!r} keyed {uid!r} in all of them "
                             f"(a generic form as one national node)")
    dupes: list[str] = []
    for a, b in _known_pairs():
        ua, ub = uids_of.get(_norm(a), set()), uids_of.get(_norm(b), set())
        if ua and ub and (ua | ub) and not (ua & ub):
            dupes.append(f"known: {a!r} {sorted(ua)} and {b!r} {sorted(ub)}")
    by_bare: dict[str, set[str]] = defaultdict(set)
    for uid, names in names_of.items():
        for n in names:
            if "~" not in uid and "/" not in uid and len(_bare(n)) > 3 and _norm(n) not in _GENERIC:
                by_bare[_bare(n)].add(uid)
    for bare, uids in sorted(by_bare.items()):
        if len(uids) > 1:
            dupes.append(f"same name: {bare!r} under {sorted(uids)}")
    return {"documents": len(records), "organisations": len(names_of),
            "duplicates": dupes, "fragments": fragments}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", help="documents, folders or spreadsheets")
    ap.add_argument("--fail", action="store_true", help="exit 1 if the resolved extraction has any")
    ap.add_argument("--quiet", "-q", action="store_true", help="only the counts")
    args = ap.parse_args(argv)
    results = {}
    for label, flag in (("without resolution", False), ("with resolution", True)):
        res = measure(_records(args.paths, flag))
        results[label] = res
        print(f"{label}: {res['documents']} documents, {res['organisations']} organisation keys, "
              f"{len(res['duplicates'])} duplicate pairs, {len(res['fragments'])} fragment organisations")
        if not args.quiet:
            for line in res["duplicates"] + res["fragments"]:
                print(f"  {line}")
    final = results["with resolution"]
    return 1 if args.fail and (final["duplicates"] or final["fragments"]) else 0


if __name__ == "__main__":
    sys.exit(main())
