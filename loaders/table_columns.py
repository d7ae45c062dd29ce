"""Which field of a project record each column of a project-bank export holds.

Headers are compared folded — case, accents, spaces, underscores, hyphens, units in
parentheses ignored — against Swedish and English synonyms of each field (ESF-rådet's
project bank, Tillväxtverket's, the managing authorities' lists of operations, Kohesio);
a header no synonym matches is tried by the words it contains ("projekt_starttid" is a
start, "beviljat_belopp_eur" a granted amount in euro). A user's mapping file
(``--columns map.csv``: ``column,field`` per line) overrides the guess; ``-`` as the field
ignores a column on purpose. A column mapped to nothing is reported, never silently dropped.

Fields (``FIELDS``): the record's keys in ``loaders.table_record``.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

#: field -> (kind, synonyms). kind: text | list | date | money | rate | int | free | contact
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("text", ("Namn", "Projektnamn", "Projektets namn", "Project name", "Name", "Projekt", "Project",
                      "Projekttitel", "Titel", "Title", "Insats", "Insatsens namn", "Operation name",
                      "Name of operation", "Insatsnamn", "Projektets titel")),
    "id": ("text", ("Projektnummer", "Diarienummer", "Ärendenummer", "Ärende-id", "Ärende id", "Dnr", "Diarienr",
                    "Projektnr", "Projekt-id", "Project number", "Project id", "Ärendenr", "Reference number",
                    "Case number", "Operation id", "Operation code", "Identifier", "Id", "Ärende")),
    "owner": ("text", ("Projektägare", "Stödmottagare", "Organisation", "Organization", "Sökande",
                       "Sökande organisation", "Project owner", "Beneficiary", "Beneficiary name",
                       "Name of beneficiary", "Huvudman", "Lead partner", "Stödmottagarens namn",
                       "Projektägare organisation", "Mottagare")),
    "partners": ("list", ("Samverkansparter", "Samverkanspartner", "Partner", "Partners", "Medsökande",
                          "Medverkande organisationer", "Deltagande organisationer", "Samarbetspartner",
                          "Samarbetspartners", "Project partners", "Co-applicants")),
    "start": ("date", ("Startdatum", "Start", "Projektstart", "Start date", "Från", "Projekt starttid",
                       "Starttid", "Operation start date", "Startdatum för insatsen", "Beslutad start")),
    "end": ("date", ("Slutdatum", "Slut", "Projektslut", "End date", "End", "Till", "Projekt sluttid", "Sluttid",
                     "Operation end date", "Slutdatum för insatsen", "Beslutat slut")),
    "period": ("text", ("Projektperiod", "Period", "Project period", "Projekttid")),
    "budget": ("money", ("Total projektbudget", "Total budget", "Budget", "Projektbudget", "Total kostnad",
                         "Total eligible expenditure", "Total eligible cost", "Total eligible budget",
                         "Totala stödberättigande utgifter", "Stödberättigande kostnader", "Totalbudget",
                         "Total cost")),
    "granted": ("money", ("Beviljat ESF-stöd", "ESF-stöd", "Beviljat stöd", "Beviljat belopp", "ESF support",
                          "Beviljade ESF-medel", "Beviljade medel", "EU-stöd", "Beviljat EU-stöd",
                          "EU co-financing", "Union co-financing", "EU contribution", "Beviljat", "Stöd",
                          "Beviljat belopp SEK", "Regionalfondsstöd", "Beviljat regionalfondsstöd")),
    "cofinancing": ("money", ("Medfinansiering", "Offentlig medfinansiering", "Nationell medfinansiering",
                              "Co-financing", "National co-financing", "Privat medfinansiering")),
    "eu_rate": ("rate", ("Union co-financing rate", "Co-financing rate", "EU rate", "Medfinansieringsgrad",
                         "Stödandel", "EU-andel", "EU co-financing rate")),
    "fund": ("text", ("Fond", "Fund", "Finansiär", "Funder", "Fonder", "Programme fund")),
    "programme": ("text", ("Program", "Programme", "Operativt program", "Operational programme", "Programnamn")),
    "priority": ("text", ("Programområde", "Insatsområde", "Prioritering", "Priority",
                          "Priority axis", "Specifikt mål", "Specific objective",
                          "Category of intervention", "Interventionskategori", "Åtgärd")),
    "thematic": ("text", ("Tematiskt mål", "Thematic objective", "Tematiskt område", "TO")),
    "region": ("text", ("Region", "ESF-region", "Område", "Programregion", "NUTS2", "Region name")),
    "county": ("list", ("Län", "County", "Län namn", "Genomförandelän")),
    "kommuner": ("list", ("Kommun", "Kommuner", "Municipality", "Municipalities", "Genomförandekommun",
                          "Genomförandekommuner", "Berörda kommuner", "Deltagande kommuner", "Ort", "Place",
                          "Location", "Plats", "City", "Town", "Genomförandeort")),
    "postcode": ("text", ("Postnummer", "Postnr", "Postcode", "Postal code", "Zip code", "Zip")),
    "contact": ("contact", ("Kontaktperson", "Kontakt", "Contact", "Contact person", "Projektledare",
                            "Project manager", "Project leader", "Kontaktpersoner")),
    "phone": ("text", ("Telefon", "Telefonnummer", "Telnr", "Tel", "Phone", "Mobil", "Telephone")),
    "email": ("text", ("E-post", "Epost", "E-postadress", "Email", "Mail", "E-mail", "Mejl")),
    "participants": ("int", ("Planerat antal deltagare", "Antal deltagare", "Planerade deltagare",
                             "Planned participants")),
    "updated": ("date", ("Uppdaterad", "Senast uppdaterad", "Updated", "Last updated", "Ändrad")),
    "description": ("free", ("Sammanfattning", "Summary", "Abstract", "Beskrivning", "Projektbeskrivning",
                             "Description", "Operation summary", "Summary of operation", "Kort beskrivning",
                             "Projektsammanfattning")),
    "background": ("free", ("Bakgrund", "Background")),
    "purpose": ("free", ("Syfte", "Purpose", "Syfte och mål", "Objective", "Objectives")),
    "goals": ("free", ("Mål", "Goal", "Goals", "Förväntat resultat", "Expected results")),
    "target_group": ("free", ("Målgrupp", "Målgrupper", "Target group", "Target groups")),
    "results": ("free", ("Resultat", "Results")),
}
KIND = {f: k for f, (k, _) in FIELDS.items()}
#: what the Swedish record line calls each field (the row text reads like a project page)
LABEL_SV = {
    "name": "Namn", "id": "Projektnummer", "owner": "Projektägare", "partners": "Samverkansparter",
    "start": "Startdatum", "end": "Slutdatum", "period": "Projektperiod", "budget": "Total projektbudget",
    "granted": "Beviljat stöd", "cofinancing": "Medfinansiering", "eu_rate": "EU-andel", "fund": "Fond",
    "programme": "Program", "priority": "Programområde", "region": "Region", "county": "Län",
    "kommuner": "Kommun", "postcode": "Postnummer", "contact": "Kontaktperson", "phone": "Telefon",
    "email": "E-post", "participants": "Planerat antal deltagare", "updated": "Uppdaterad",
    "description": "Sammanfattning", "background": "Bakgrund", "purpose": "Syfte", "goals": "Mål",
    "target_group": "Målgrupp", "results": "Resultat", "thematic": "Tematiskt mål",
}


def fold(header) -> str:
    """'Total projektbudget (kr)' -> 'totalprojektbudget'; 'Ärende-id' -> 'arendeid'."""
    text = unicodedata.normalize("NFKD", str(header or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    text = re.sub(r"\b(i\s+)?(kr|kronor|sek|tkr|msek|mkr)\b\.?\s*:?\s*$", "", text.strip())
    return re.sub(r"[\W_]+", "", text)


_SYNONYMS = {fold(s): f for f, (_, syns) in FIELDS.items() for s in syns}
#: words inside a header, in order of precedence: (folded fragment, field)
_CONTAINS: tuple[tuple[str, str], ...] = (
    ("projektnamn", "name"), ("projectname", "name"), ("operationname", "name"), ("titel", "name"),
    ("diarie", "id"), ("arende", "id"), ("dnr", "id"), ("projektnummer", "id"), ("reference", "id"),
    ("stodmottagare", "owner"), ("beneficiary", "owner"), ("projektagare", "owner"), ("sokande", "owner"),
    ("medsokande", "partners"), ("partner", "partners"), ("samverkanspart", "partners"),
    ("medfinansieringsgrad", "eu_rate"), ("cofinancingrate", "eu_rate"), ("rate", "eu_rate"),
    ("^euandel", "eu_rate"), ("stodandel", "eu_rate"),
    ("medfinansiering", "cofinancing"), ("cofinancing", "cofinancing"),
    ("beviljat", "granted"), ("beviljade", "granted"), ("granted", "granted"), ("^stod", "granted"),
    ("eusupport", "granted"), ("contribution", "granted"),
    ("budget", "budget"), ("totalkostnad", "budget"), ("eligible", "budget"), ("stodberattigande", "budget"),
    ("start", "start"), ("fran", "start"), ("begin", "start"),
    ("slut", "end"), ("^till", "end"), ("enddate", "end"), ("^end", "end"),
    ("period", "period"),
    ("kommun", "kommuner"), ("municipal", "kommuner"), ("^ort", "kommuner"),
    ("^lan", "county"), ("county", "county"),
    ("postnr", "postcode"), ("postnummer", "postcode"), ("postcode", "postcode"), ("postal", "postcode"),
    ("omrade", "region"), ("region", "region"),
    ("tematisk", "thematic"), ("thematic", "thematic"),
    ("insatsomrade", "priority"), ("programomrade", "priority"),
    ("priorit", "priority"), ("objective", "priority"), ("intervention", "priority"),
    ("program", "programme"),
    ("projektledare", "contact"), ("kontakt", "contact"), ("contact", "contact"), ("manager", "contact"),
    ("telnr", "phone"), ("telefon", "phone"), ("phone", "phone"), ("mobil", "phone"),
    ("epost", "email"), ("email", "email"), ("mail", "email"),
    ("deltagare", "participants"), ("participants", "participants"),
    ("uppdaterad", "updated"), ("updated", "updated"),
    ("beskrivning", "description"), ("sammanfattning", "description"), ("summary", "description"),
    ("description", "description"),
    ("bakgrund", "background"), ("syfte", "purpose"), ("malgrupp", "target_group"), ("resultat", "results"),
    ("fond", "fund"), ("fund", "fund"),
)
_FIELD_NAMES = set(FIELDS) | {"-", "granted_eur"}
#: single-valued fields that several columns may each add to ("insatsområde" and "tematiskt mål")
MULTI = frozenset({"priority", "programme", "region"})


class ColumnsError(ValueError):
    """A mapping file that cannot be used: one line naming the file and the reason."""


def guess(header) -> str | None:
    h = fold(header)
    if not h:
        return None
    if h in _SYNONYMS:
        return _SYNONYMS[h]
    for frag, f in _CONTAINS:
        if (h.startswith(frag[1:]) if frag.startswith("^") else frag in h):
            return f
    return None


def currency(header) -> str:
    """The currency a money column's header names: EUR or SEK (the default)."""
    h = fold(re.sub(r"[()\[\]]", " ", str(header or "")))
    return "EUR" if re.search(r"eur|€", str(header or "").casefold()) or h.endswith("eur") else "SEK"


def fund_in_header(header) -> str | None:
    """"Beviljat ESF-stöd" -> "ESF"; "Regionalfondsstöd", "ERUF-medel" -> "ERUF"."""
    h = fold(header)
    if "esf" in h or "socialfond" in h:
        return "ESF"
    if "regionalfond" in h or "eruf" in h or "erdf" in h:
        return "ERUF"
    if "amif" in h:
        return "AMIF"
    return None


def read_mapping(path: str | Path) -> dict[str, str]:
    """A user's ``column,field`` file -> {folded column: field}."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ColumnsError(f"{p}: cannot read the column mapping ({exc.strerror or exc})") from None
    out: dict[str, str] = {}
    for n, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 2:
            raise ColumnsError(f"{p}: line {n}: expected 'column,field'")
        column, field = row[0].strip(), row[1].strip()
        if n == 1 and fold(column) in ("column", "kolumn") and fold(field) in ("field", "falt"):
            continue  # a header line
        if field not in _FIELD_NAMES:
            raise ColumnsError(f"{p}: line {n}: unknown field {field!r} (one of: {', '.join(sorted(FIELDS))}, -)")
        out[fold(column)] = field
    return out


def map_columns(headers: list, user: dict[str, str] | None = None) -> list[tuple[str, str | None]]:
    """[(header, field or None)] in column order; a field is taken by its first column
    only when the user's mapping does not say otherwise."""
    out: list[tuple[str, str | None]] = []
    taken: set[str] = set()
    for h in headers:
        name = " ".join(str(h or "").split())
        if not name:
            out.append((name, None))
            continue
        field = (user or {}).get(fold(name))
        if field == "-":
            out.append((name, "-"))
            continue
        if field is None:
            field = guess(name)
            # a second column for a single-valued field is kept apart (reported), except the
            # granted amount in another currency
            if field in taken and KIND.get(field) not in ("list", "free", "contact") and field not in MULTI and not (
                    field == "granted" and currency(name) == "EUR"):
                field = None
        if field == "granted" and currency(name) == "EUR":
            field = "granted_eur"
        out.append((name, field))
        if field:
            taken.add(field)
    return out


def describe(path, mapping: list[tuple[str, str | None]]) -> str:
    """One line: how each column was read."""
    parts = [f"{h} → {f}" for h, f in mapping if h and f and f != "-"]
    ignored = [h for h, f in mapping if h and f == "-"]
    unused = [h for h, f in mapping if h and f is None]
    line = f"{path}: columns: " + ", ".join(parts)
    if ignored:
        line += "; ignored as asked: " + ", ".join(ignored)
    if unused:
        line += "; not used (kept on the Document): " + ", ".join(unused)
    return line
