"""The app's Swedish for what the rest of the code names in English: the curated queries'
titles, descriptions, parameters and columns, the loader's summary and its reasons.

The query files (``queries/*.cypher``) and the command line stay in English; the console
shows these instead. ``tests/test_app_swedish.py`` checks that every query, parameter and
column the queries return has its Swedish here.
"""
from __future__ import annotations

import re

#: query file stem -> (title, description)
QUERIES = {
    "communities": ("Samverkansgrupper",
                    "Grupperna av aktörer som samverkar mer med varandra än med andra (Louvain-metoden), "
                    "störst först, med deras mest centrala medlemmar. Kräver att analysen är körd."),
    "documents_mentioning_actor": ("Dokument som nämner en aktör",
                                   "De inlästa dokument som nämner en organisation, person eller ett projekt, "
                                   "nyast först."),
    "edge_provenance": ("Varifrån kommer en koppling?",
                        "Varje relation mellan två namngivna noder med dokumenten den lästes ur och citatet "
                        "ur vart och ett."),
    "funding_flows": ("Finansieringsflöden",
                      "Finansiär → projekt → projektägare, med beloppet på finansieringen (eller projektets "
                      "ESF-stöd när beloppet saknas), störst först."),
    "gaps_in_lan": ("Luckor i ett län",
                    "För varje kommun i länet: målgrupperna som inget projekt arbetar med där."),
    "kommuner_without_projects": ("Kommuner utan projekt",
                                  "Kommuner där inget inläst projekt är verksamt, per län: kartans vita fläckar."),
    "organisations_in_kommun": ("Organisationer i en kommun",
                                "Organisationer med säte i kommunen eller som äger eller deltar i ett projekt "
                                "som är verksamt där."),
    "partners_of_organisation": ("En organisations partner",
                                 "Organisationer som delar ett projekt med den valda (som ägare, finansiär eller "
                                 "partner) eller uttalat samverkar med den, flest delade projekt först."),
    "people_connecting_organisations": ("Personer som förbinder organisationer",
                                        "Personer som arbetar för, eller är kontakt för projekt hos, minst det "
                                        "angivna antalet olika organisationer."),
    "projects_by_period": ("Projekt under en period",
                           "Projekt som är aktiva någon gång mellan två år (båda inräknade). Ett projekt med bara "
                           "startdatum räknas som pågående; projekt utan datum visas sist och markeras."),
    "projects_for_target_group_in_lan": ("Projekt för en målgrupp i ett län",
                                         "Projekt för målgruppen som är verksamma i minst en kommun i länet, med "
                                         "kommuner och projektägare."),
    "projects_of_organisation": ("En organisations projekt",
                                 "Projekten en organisation äger, finansierar eller deltar i, med period, "
                                 "målgrupper och kommuner, nyast först."),
    "projects_without_target_group": ("Projekt utan målgrupp",
                                      "Projekt där ingen målgrupp lästs ut – värda en närmare läsning – med "
                                      "ägare och dokumenten som nämner dem."),
    "samordningsforbund_members": ("Samordningsförbundens medlemmar",
                                   "Varje samordningsförbund (eller organisation med medlemmar) med sina medlemmar."),
    "shortest_collaboration_path": ("Kortaste väg mellan två aktörer (alla kopplingar)",
                                    "Den kortaste kedjan av projekt, uttalad samverkan och medlemskap mellan två "
                                    "organisationer (högst 10 steg). Bara projekt: sidan Vägar mellan aktörer."),
    "target_groups_per_kommun": ("Målgrupper per kommun",
                                 "För varje kommun med projekt: målgrupperna och hur många projekt som arbetar "
                                 "med var och en."),
    "top_brokers": ("Främsta mäklare",
                    "Organisationerna med högst mäklarroll i samverkansnätverket. Kräver att analysen är "
                    "körd (knappen Kör analysen på sidan Läs in dokument)."),
}

#: parameter name -> (label, help)
PARAMS = {
    "name": ("namn", "Namn, förkortning eller id (stora/små bokstäver spelar ingen roll)."),
    "a": ("första aktören", "Namn, förkortning eller id."),
    "b": ("andra aktören", "Namn, förkortning eller id."),
    "limit": ("högst antal rader", "Hur många rader som visas som mest."),
    "top": ("medlemmar per grupp", "Hur många medlemmar som visas per grupp."),
    "date": ("datum", "Medlemmarna vid detta datum (2019, 2019-06 eller 2019-06-30; ett år = dess första dag); "
                      "tomt för dagens medlemmar."),
    "kommun": ("kommun", "Kommunkod (t.ex. 0180) eller namn (t.ex. Malmö); tomt för alla."),
    "lan": ("län", "Länskod (t.ex. 12) eller namn (t.ex. Skåne); tomt för hela landet."),
    "target": ("målgrupp", "Målgruppens namn (t.ex. Unga) eller nyckel."),
    "funder": ("finansiär", "Finansiärens namn eller förkortning; tomt för alla."),
    "from_year": ("från år", "Första året, t.ex. 2018."),
    "to_year": ("till år", "Sista året, t.ex. 2022."),
    "min_orgs": ("minst antal organisationer", "Minsta antal olika organisationer per person."),
}

#: result column -> Swedish header (columns already in Swedish are left as they are)
COLUMNS = {
    "community": "samverkansgrupp", "size": "antal aktörer", "central_members": "centrala medlemmar",
    "actor": "aktör", "kind": "typ", "document": "dokument", "title": "titel", "format": "format",
    "published": "publicerat", "path": "sökväg", "source": "från", "relationship": "relation",
    "target": "till", "evidence": "citat", "funder": "finansiär", "project": "projekt",
    "owners": "projektägare", "amount_sek": "belopp (kr)", "budget_sek": "budget (kr)", "start": "start", "successor": "efterföljare",
    "end": "slut", "lan": "län", "kommun_code": "kommunkod", "kommun": "kommun", "n_gaps": "antal luckor",
    "target_groups_without_project": "målgrupper utan projekt", "organisation": "organisation",
    "how": "hur", "partner": "partner", "shared_projects": "delade projekt", "projects": "projekt",
    "stated_collaboration": "uttalad samverkan", "person": "person", "role": "roll",
    "n_organisations": "antal organisationer", "organisations": "organisationer", "uid": "id",
    "undated": "utan datum", "kommuner": "kommuner", "target_groups": "målgrupper",
    "documents": "dokument", "forbund": "förbund", "n_members": "antal medlemmar", "members": "medlemmar",
    "from_organisation": "från organisation", "to_organisation": "till organisation", "hops": "antal steg",
    "steps": "steg", "via": "via", "target_group": "målgrupp", "label": "benämning",
    "betweenness": "mäklarroll", "pagerank": "inflytande (PageRank)", "partners": "partner",
    "period": "period", "name": "namn", "namn": "namn", "typ": "typ",
}

#: words in cells that the queries return in English (kinds, roles, flags)
VALUES = {
    "OWNS": "äger", "FUNDS": "finansierar", "PARTNER_IN": "partner i", "COLLABORATES_WITH": "samverkar med",
    "PART_OF": "del av", "MEMBER_OF": "medlem i", "WORKS_FOR": "arbetar för", "CONTACT_FOR": "kontakt för",
    "LOCATED_IN": "säte i", "ACTIVE_IN": "verksamt i", "TARGETS": "målgrupp", "IN_COUNTY": "i län",
    "MENTIONS": "nämner", "owner": "ägare", "funder": "finansiär", "partner": "partner",
    "seated": "säte", "seat": "säte", "project": "projekt", "member": "medlem",
}

_TYPES = {"text": "text", "int": "heltal", "float": "tal", "bool": "ja/nej"}
_MATCH = {"exact": "exakt", "case-insensitive": "oavsett stora/små bokstäver", "alias": "förkortning",
          "prefix": "början av namnet", "contains": "del av namnet"}


def query_title(name: str, fallback: str = "") -> str:
    return QUERIES.get(name, (fallback or name, ""))[0]


def query_description(name: str, fallback: str = "") -> str:
    return QUERIES.get(name, ("", fallback))[1]


def param_label(name: str) -> str:
    return PARAMS.get(name, (name, ""))[0]


def describe_param(decl) -> str:
    """A ``graph.query.Param`` in Swedish: type, range, how names match, default.

    >>> from graph.query import Param
    >>> describe_param(Param("limit", "int", 100, False, min=1))
    'heltal, från 1, standard 100'
    """
    parts = [_TYPES.get(decl.type, decl.type)]
    if decl.choices:
        parts.append("ett av " + ", ".join(map(str, decl.choices)))
    if decl.min is not None and decl.max is not None:
        parts.append(f"{decl.min:g}–{decl.max:g}")
    elif decl.min is not None:
        parts.append(f"från {decl.min:g}")
    elif decl.max is not None:
        parts.append(f"högst {decl.max:g}")
    if decl.match:
        parts.append("jämförs " + ", ".join(_MATCH.get(m, m) for m in decl.match))
    if decl.required:
        parts.append("måste anges")
    elif decl.default not in (None, ""):
        parts.append(f"standard {decl.default}")
    return ", ".join(parts)


def column(name: str) -> str:
    return COLUMNS.get(name, name)


def value(v):
    """A cell value in Swedish where the queries return an English word (kind, role)."""
    from app_pages.graphview import KIND_LABELS_SV

    if isinstance(v, str):
        return VALUES.get(v, KIND_LABELS_SV.get(v, v))
    if isinstance(v, bool):
        return "ja" if v else "nej"
    return v


def load_summary(summary, dry_run: bool = False) -> str:
    """``loaders.pipeline.LoadSummary`` as one Swedish sentence."""
    s = summary
    head = "Provkörning: " if dry_run else ""
    line = (f"{head}{s.documents} dokument: {s.new} nya, {s.changed} ändrade, {s.unchanged} oförändrade, "
            f"{s.failed} misslyckade")
    if not dry_run:
        line += f"; {s.nodes_created} noder och {s.relationships_created} relationer skapade"
        if s.relationships_deleted or s.nodes_deleted:
            line += f", {s.relationships_deleted} relationer och {s.nodes_deleted} noder borttagna"
    return line + "."


#: the readers' reasons (loaders/readers*.py) in Swedish, by their beginning
_REASONS = [
    (r"^empty file", "filen är tom"),
    (r"^no text content", "filen innehåller ingen text"),
    (r"^empty spreadsheet", "kalkylbladet är tomt"),
    (r"^no data rows below the header", "inga rader under rubrikraden"),
    (r"^unsupported file type (\S+).*", r"filtypen \1 stöds inte"),
    (r"^binary file, not a document", "en binär fil, inte ett dokument"),
    (r"^encrypted PDF", "PDF-filen är lösenordsskyddad"),
    (r"^no text layer", "PDF-filen har inget textlager (inskannad?)"),
    (r"^not a valid PDF", "inte en giltig PDF-fil"),
    (r"^not a valid \.docx", "inte en giltig Word-fil (.docx); en gammal .doc kan sparas om som .docx"),
    (r"^not a valid \.xlsx", "inte en giltig Excel-fil (.xlsx)"),
    (r"^not a valid CSV", "inte en giltig CSV-fil"),
    (r"^old Excel \.xls", "gamla Excel-formatet .xls stöds inte: spara som .xlsx eller .csv"),
    (r"^not a spreadsheet", "inte ett kalkylblad (HTML utan tabell)"),
    (r"^no project-name column", "ingen kolumn med projektnamn"),
    (r".*larger than the (\S+) MB limit.*", r"filen är större än gränsen på \1 MB"),
    (r"^HTML nested more than", "HTML-sidan är för djupt nästlad för att läsas"),
    (r"^HTML whose unclosed tags", "HTML-sidan har för många oavslutade taggar för att läsas"),
    (r"^reading took longer than", "läsningen tog för lång tid"),
    (r"^document nested too deeply", "dokumentet är för djupt nästlat för att läsas"),
    (r"^permission denied", "ingen behörighet att läsa filen"),
    (r"^not written", "kunde inte skrivas till grafen"),
]


def load_error(line: str, folder: str | None = None) -> str:
    """One failed document's line (``path: reason``) in Swedish, without the store's folder.

    >>> load_error("/x/uploads/ab/tom.txt: empty file", "/x/uploads/ab")
    'tom.txt: filen är tom'
    """
    text = str(line)
    if folder:
        text = text.replace(folder.rstrip("/") + "/", "")
    name, sep, reason = text.rpartition(": ")
    if not sep:
        return text
    name = re.sub(r"^.*/uploads/[0-9a-f]{16}/", "", name)
    for pattern, sv in _REASONS:
        if re.match(pattern, reason):
            said = re.sub(pattern, sv, reason, count=1) if "\\1" in sv else sv
            return f"{name}: {said}"
    return f"{name}: kunde inte läsas ({reason})"
