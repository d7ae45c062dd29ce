"""Regenerate data/foreign_municipalities.csv (Danish, Norwegian, Finnish municipalities).

Run from the repository root:  .venv/bin/python data/tools/build_foreign.py

Names are the municipalities' own (Danish / Norwegian / Finnish or, for
Swedish-majority Finnish municipalities, Swedish) forms, written from the
compiler's knowledge of the 2007 Danish municipal reform (98 kommuner,
unchanged since) and of the Norwegian and Finnish municipalities nearest to
Sweden. ``org_name`` is how a Swedish text writes the municipality as an
actor ("Helsingørs kommun"); ``org_aliases`` holds the home-language form
("Helsingør Kommune") and the Swedish-letter spelling ("Helsingörs kommun").
"""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent

# The 98 Danish kommuner by region (Kommunalreformen 2007).
DK = {
    "Hovedstaden": """Albertslund Allerød Ballerup Bornholm Brøndby Dragør Egedal Fredensborg
        Frederiksberg Frederikssund Furesø Gentofte Gladsaxe Glostrup Gribskov Halsnæs
        Helsingør Herlev Hillerød Hvidovre Høje-Taastrup Hørsholm Ishøj København
        Lyngby-Taarbæk Rudersdal Rødovre Tårnby Vallensbæk""",
    "Sjælland": """Faxe Greve Guldborgsund Holbæk Kalundborg Køge Lejre Lolland Næstved
        Odsherred Ringsted Roskilde Slagelse Solrød Sorø Stevns Vordingborg""",
    "Syddanmark": """Assens Billund Esbjerg Fanø Fredericia Faaborg-Midtfyn Haderslev Kerteminde
        Kolding Langeland Middelfart Nordfyn Nyborg Odense Svendborg Sønderborg Tønder Varde
        Vejen Vejle Ærø Aabenraa""",
    "Midtjylland": """Favrskov Hedensted Herning Holstebro Horsens Ikast-Brande Lemvig Norddjurs
        Odder Randers Ringkøbing-Skjern Samsø Silkeborg Skanderborg Skive Struer Syddjurs
        Viborg Aarhus""",
    "Nordjylland": """Brønderslev Frederikshavn Hjørring Jammerbugt Læsø Mariagerfjord Morsø
        Rebild Thisted Vesthimmerland Aalborg""",
}

# Danish names with an established Swedish form or an older spelling.
DK_ALT = {
    "København": ["Köpenhamn", "Copenhagen"],
    "Aarhus": ["Århus"],
    "Aalborg": ["Ålborg"],
    "Aabenraa": ["Åbenrå"],
    "Helsingør": ["Helsingör", "Elsinore"],
}
DK_ORG = {  # official Danish org names that are not "<name> Kommune"
    "København": ("Köpenhamns kommun", ["Københavns Kommune"]),
    "Bornholm": ("Bornholms kommun", ["Bornholms Regionskommune", "Bornholms regionkommun"]),
}

# Norwegian municipalities near the border, or large and often named, by their
# 2024 names. (name, Swedish alt names)
NO = [
    ("Oslo", []), ("Halden", []), ("Fredrikstad", []), ("Sarpsborg", []), ("Moss", []),
    ("Aremark", []), ("Marker", []), ("Kongsvinger", []), ("Eidskog", []), ("Trysil", []),
    ("Engerdal", []), ("Røros", ["Röros"]), ("Meråker", []), ("Stjørdal", ["Stjördal"]),
    ("Trondheim", []), ("Narvik", []), ("Bodø", ["Bodö"]), ("Tromsø", ["Tromsö"]),
    ("Bergen", []), ("Stavanger", []), ("Kristiansand", []), ("Drammen", []),
]

# Finnish municipalities near Sweden and the largest cities.
# (name as used by the municipality's majority language, Swedish/Finnish alt names, is_city)
FI = [
    ("Helsinki", ["Helsingfors"], True), ("Espoo", ["Esbo"], True), ("Vantaa", ["Vanda"], True),
    ("Turku", ["Åbo"], True), ("Tampere", ["Tammerfors"], True), ("Oulu", ["Uleåborg"], True),
    ("Vaasa", ["Vasa"], True), ("Kokkola", ["Karleby"], True), ("Jakobstad", ["Pietarsaari"], True),
    ("Tornio", ["Torneå"], True), ("Kemi", [], True), ("Rovaniemi", [], True),
    ("Mariehamn", ["Maarianhamina"], True), ("Raseborg", ["Raasepori"], True),
    ("Pargas", ["Parainen"], True), ("Porvoo", ["Borgå"], True),
    ("Korsholm", ["Mustasaari"], False), ("Närpes", ["Närpiö"], True),
    ("Pedersöre", [], False), ("Larsmo", ["Luoto"], False),
    ("Nykarleby", ["Uusikaarlepyy"], True),
    ("Ylitornio", [], False), ("Pello", [], False), ("Kolari", [], False),
    ("Muonio", [], False), ("Enontekiö", ["Enontekis"], False),
]
# Swedish names a Swedish text would use for the organisation.
FI_SV = {"Helsinki": "Helsingfors", "Espoo": "Esbo", "Vantaa": "Vanda", "Turku": "Åbo",
         "Tampere": "Tammerfors", "Oulu": "Uleåborg", "Vaasa": "Vasa", "Kokkola": "Karleby",
         "Tornio": "Torneå", "Porvoo": "Borgå", "Enontekiö": "Enontekis"}

# Names that are also ordinary Swedish words ("bergen", "marker", "greve", "kemi").
AMBIGUOUS = {"Bergen", "Marker", "Greve", "Kemi", "Moss"}

VOWELS = set("aeiouyåäöøæéAEIOUYÅÄÖØÆÉ")


def genitive(name: str) -> str:
    return name if name[-1] in VOWELS or name[-1].lower() in "sxz" else name + "s"


def swedify(name: str) -> str:
    return name.replace("ø", "ö").replace("Ø", "Ö").replace("æ", "ä").replace("Æ", "Ä")


def ascii_slug(name: str) -> str:
    s = name.lower()
    for a, b in (("ø", "o"), ("æ", "ae"), ("å", "aa"), ("ä", "a"), ("ö", "o")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def rows():
    for region, names in DK.items():
        for name in names.split():
            alts = list(DK_ALT.get(name, []))
            if name not in DK_ALT and swedify(name) != name:
                alts.append(swedify(name))
            if name in DK_ORG:
                org, org_aliases = DK_ORG[name]
            else:
                org = f"{genitive(name)} kommun"
                org_aliases = [f"{name} Kommune"]
                if swedify(org) != org:
                    org_aliases.append(swedify(org))
            yield (f"DK-{ascii_slug(name)}", name, "DK", org, alts, org_aliases, f"Region {region}")
    for name, alts in NO:
        org = f"{genitive(name)} kommun"
        org_aliases = [f"{name} kommune"]
        if swedify(org) != org:
            org_aliases.append(swedify(org))
        yield (f"NO-{ascii_slug(name)}", name, "NO", org, alts, org_aliases, "")
    for name, alts, city in FI:
        sv = FI_SV.get(name, name)
        org = f"{genitive(sv)} {'stad' if city else 'kommun'}"
        yield (f"FI-{ascii_slug(name)}", name, "FI", org, alts, [], "")


def main() -> None:
    out = list(rows())
    assert sum(1 for r in out if r[2] == "DK") == 98
    assert len({r[0] for r in out}) == len(out)
    assert AMBIGUOUS <= {r[1] for r in out}
    with open(DATA / "foreign_municipalities.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["uid", "name", "country", "org_name", "alt_names", "org_aliases", "ambiguous", "note"])
        for uid, name, country, org, alts, org_aliases, note in out:
            w.writerow([uid, name, country, org, "|".join(alts), "|".join(org_aliases),
                        "1" if name in AMBIGUOUS else "", note])


if __name__ == "__main__":
    main()
