"""Project-bank exports as coordinators have them: one fixture per layout (names and
contacts invented), header variants, every value format, the fund as stated, contacts.

Pure: no database. Records come from the same path as ``samverkan extract --json``.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from loaders import readers_table
from loaders import table_columns as TC
from loaders import table_values as V
from loaders.pipeline import extract_stream
from loaders.readers import iter_documents, iter_file
from samverkan.cli import main


@pytest.fixture(autouse=True)
def _no_options():
    readers_table.OPTIONS.update(columns=None, fund=None, on_layout=None)
    yield
    readers_table.OPTIONS.update(columns=None, fund=None, on_layout=None)


def write_csv(path: Path, rows, delimiter=";") -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        ws.title = title
        first = False
        for r in rows:
            ws.append(r)
    wb.save(str(path))
    return path


def records(path, keep=False):
    out = []
    for r in extract_stream(iter_documents([path]), keep_contact_details=keep):
        assert not isinstance(r, str), r
        out.append(r)
    return out


def rels(rec, rtype):
    return [(r["source"], r["target"], r.get("props", {})) for r in rec["relations"] if r["type"] == rtype]


# -- layouts ---------------------------------------------------------------------------
REGIONAL = [
    ["ärende-id", "stödmottagare", "beviljat_belopp_sek", "beviljat_belopp_eur", "projektnamn",
     "projektbeskrivning", "projekt_starttid", "projekt_sluttid", "projektledare", "telnr", "e-post",
     "län", "kommuner", "område", "insatsområde", "tematiskt_mål"],
    ["20201234", "Region Västerbotten", "12 500 000", "1 190 000", "Smart industri i norr",
     "Projektet ska skapa jobb för unga i inlandet.", "2020-03-01", "2022-12-31", "Karin Testsson",
     "070-123 45 67", "karin.testsson@example.se", "Västerbottens län", "Umeå, Skellefteå, Lycksele och Vilhelmina",
     "Övre Norrland", "1. Forskning och innovation", "Stärka forskning"],
    ["20205678", "Umeå universitet", "3,4 MSEK", "320 000", "Grön omställning", "", "44000", "44500",
     "Per Provsson", "", "", "Västerbottens län", "", "Övre Norrland", "2", "Koldioxidsnål ekonomi"],
]


def test_a_regional_fund_export_keeps_dates_amounts_places_and_contacts(tmp_path):
    path = write_csv(tmp_path / "regionalfonden-projekt.csv", REGIONAL)
    a, b = records(path)
    (p,) = a["projects"]
    assert (p["name"], p["id"], p["start"], p["end"]) == ("Smart industri i norr", "20201234", "2020-03-01", "2022-12-31")
    assert "esf_support_sek" not in p  # regional-fund money is no ESF support
    (funds,) = rels(a, "FUNDS")
    assert funds[0] == "Europeiska regionala utvecklingsfonden"  # the file's name says which fund
    assert funds[2] == {"amount_sek": 12500000, "amount_eur": 1190000}
    places = {m["name"]: m["code"] for m in a["municipalities"]}
    assert places == {"Umeå": "2480", "Skellefteå": "2482", "Lycksele": "2481", "Vilhelmina": "2462"}
    assert {t for _, t, _ in rels(a, "ACTIVE_IN")} == set(places)
    assert rels(a, "OWNS")[0][:2] == ("Region Västerbotten", "Smart industri i norr")
    assert rels(a, "CONTACT_FOR")[0][:2] == ("Karin Testsson", "Smart industri i norr")
    assert a["people"][0]["role"] == "Projektledare"
    text = json.dumps([a, b], ensure_ascii=False)
    assert "070-123" not in text and "@" not in text  # no contact detail without the flag
    # a decimal comma and MSEK, Excel serial dates; a län alone is the project's region
    (q,) = b["projects"]
    assert (q["start"], q["end"]) == ("2020-06-18", "2021-10-31")
    assert rels(b, "FUNDS")[0][2]["amount_sek"] == 3400000
    assert "Västerbottens län" in q["region"] and not rels(b, "ACTIVE_IN")


def test_contact_details_only_when_asked(tmp_path):
    path = write_csv(tmp_path / "regionalfonden.csv", REGIONAL[:2])
    (rec,) = records(path, keep=True)
    (person,) = rec["people"]
    assert person["phone"] == "070-123 45 67" and person["email"] == "karin.testsson@example.se"


def test_esf_project_bank_export_in_xlsx_with_a_title_block_and_two_sheets(tmp_path):
    header = ["Projektnamn", "Diarienummer", "Projektägare", "Programområde", "Region", "Startdatum",
              "Slutdatum", "Beviljat ESF-stöd", "Total projektbudget", "Kontaktperson", "E-post",
              "Samverkansparter", "Kommun", "Målgrupp"]
    rows = [["Export från projektbanken 2024-01-10"], [],
            header,
            ["Vägen framåt", "2019/00231", "Ystads kommun", "PO2", "Sydsverige", dt.datetime(2019, 9, 1),
             "28 februari 2022", "4 322 881 kr", "9 100 000", "Anna Provare", "anna@example.se",
             "Arbetsförmedlingen; Försäkringskassan", "Ystad / Skurup", "Unga som varken arbetar eller studerar"]]
    other = [header, ["Nästa steg", "2020/00111", "Skurups kommun", "PO2", "Sydsverige", "2020-01",
                      "2021-12", "1 000 000", "", "", "", "", "Skurup", ""]]
    path = write_xlsx(tmp_path / "esf.xlsx", {"Projekt": rows, "Fler": other})
    docs = list(iter_file(path))
    assert [d.name for d in docs] == ["esf.xlsx#row-1", "esf.xlsx#row-Fler-1"]
    a, b = records(path)
    (p,) = a["projects"]
    assert (p["start"], p["end"], p["esf_support_sek"], p["budget_sek"]) == ("2019-09-01", "2022-02-28", 4322881, 9100000)
    assert rels(a, "FUNDS")[0][0] == "Europeiska socialfonden" and rels(a, "FUNDS")[0][2] == {"amount_sek": 4322881}
    assert {s for s, _, _ in rels(a, "PARTNER_IN")} == {"Arbetsförmedlingen", "Försäkringskassan"}
    assert {t for _, t, _ in rels(a, "ACTIVE_IN")} == {"Ystad", "Skurup"}
    assert {g["key"] for g in a["target_groups"]} & {"neet", "young_people"}
    assert b["projects"][0]["start"] == "2020-01" and b["projects"][0]["end"] == "2021-12"
    # every quote is the row's own words
    text = docs[0].text
    for r in a["relations"]:
        assert text[r["start"]:r["end"]] == r["evidence"]


def test_an_eu_list_of_operations_in_english(tmp_path):
    rows = [["Beneficiary name", "Operation name", "Operation summary", "Operation start date",
             "Operation end date", "Total eligible expenditure", "Union co-financing rate", "Postcode",
             "Category of intervention", "Fund", "Country"],
            ["Malmö stad", "Jobs for all", "Support for long-term unemployed people.", "01/03/2022",
             "31/12/2024", "2,500,000.00", "40 %", "211 20", "ESO4.1", "ESF+", "Sverige"]]
    path = write_csv(tmp_path / "operations.csv", rows, delimiter=",")
    (rec,) = records(path)
    (p,) = rec["projects"]
    assert (p["start"], p["end"], p["budget_sek"]) == ("2022-03-01", "2024-12-31", 2500000)
    assert rels(rec, "OWNS")[0][0] == "Malmö stad"
    assert rec["unused_columns"] == ["Country"]


def test_a_kohesio_export(tmp_path):
    rows = [["Project name", "Beneficiary", "Start date", "End date", "Total budget", "EU contribution",
             "Co-financing rate", "Programme", "Municipality"],
            ["Green skills", "Region Skåne", "2021-05-01", "2023-04-30", "EUR 1 200 000", "EUR 600 000",
             "0.5", "Regionala utvecklingsfonden Skåne-Blekinge", "Lund, Eslöv"]]
    path = write_csv(tmp_path / "kohesio.csv", rows, delimiter=",")
    (rec,) = records(path)
    (f,) = rels(rec, "FUNDS")
    assert f[0] == "Europeiska regionala utvecklingsfonden" and f[2] == {"amount_eur": 600000}
    assert "budget_sek" not in rec["projects"][0]  # euros are kept apart from kronor
    assert {t for _, t, _ in rels(rec, "ACTIVE_IN")} == {"Lund", "Eslöv"}


# -- headers, values, options, errors -----------------------------------------------------
@pytest.mark.parametrize("header,field", [
    ("PROJEKT NAMN", "name"), ("projekt_namn", "name"), ("Projektnamn:", "name"), ("Ärende-ID", "id"),
    ("Diarie nr", "id"), ("Stödmottagare", "owner"), ("Beneficiary", "owner"), ("Medsökande", "partners"),
    ("Projekt start", "start"), ("slut_datum", "end"), ("Total budget (kr)", "budget"),
    ("Beviljat belopp (SEK)", "granted"), ("Kommun(er)", "kommuner"), ("Län", "county"),
    ("Kontakt person", "contact"), ("Tel.nr", "phone"), ("E-mail", "email"), ("Insatsområde", "priority"),
    ("Okänd kolumn", None),
])
def test_headers_are_mapped_by_meaning(header, field):
    assert TC.guess(header) == field


def test_values_as_they_come():
    assert V.split_list("A; B | C\nD och E samt F") == ["A", "B", "C", "D", "E", "F"]
    assert V.parse_amount("1 234 567 kr") == (1234567, "SEK")
    assert V.parse_amount("12,5 MSEK") == (12500000, "SEK")
    assert V.parse_amount("4,2 miljoner kronor") == (4200000, "SEK")
    assert V.parse_amount("€ 1,234,567.50") == (1234568, "EUR")
    assert V.parse_amount("250 tkr") == (250000, "SEK")
    assert V.parse_date("2019-03-01 00:00:00") == "2019-03-01"
    assert V.parse_date("1 mars 2019") == "2019-03-01"
    assert V.parse_date("mars 2019") == "2019-03"
    assert V.parse_date("March 1, 2019") == "2019-03-01"
    assert V.parse_date(43525) == "2019-03-01"  # an Excel serial day
    assert V.parse_date(dt.date(2020, 1, 31)) == "2020-01-31"
    assert V.parse_date("snart") is None
    assert V.parse_period("2016-09-01 - 2019-08-31") == ("2016-09-01", "2019-08-31")
    assert V.parse_rate("40 %") == 0.4 and V.parse_rate("0,5") == 0.5


def test_a_user_mapping_overrides_the_guess_and_fund_option(tmp_path):
    path = write_csv(tmp_path / "lista.csv", [["Insats", "Huvudman", "Pengar", "Orter"],
                                             ["Steget", "Sala kommun", "900 000", "Sala"]])
    mapping = write_csv(tmp_path / "map.csv", [["column", "field"], ["Huvudman", "owner"], ["Pengar", "granted"],
                                               ["Orter", "kommuner"]], delimiter=",")
    res = CliRunner().invoke(main, ["extract", "--json", str(path), "--columns", str(mapping),
                                    "--fund", "Allmänna arvsfonden"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout.splitlines()[0])
    assert rels(rec, "OWNS")[0][0] == "Sala kommun"
    assert rels(rec, "FUNDS")[0][:1] == ("Allmänna arvsfonden",) and rels(rec, "FUNDS")[0][2] == {"amount_sek": 900000}
    assert [t for _, t, _ in rels(rec, "ACTIVE_IN")] == ["Sala"]


def test_a_bad_mapping_file_is_one_line(tmp_path):
    path = write_csv(tmp_path / "lista.csv", [["Projektnamn"], ["Steget"]])
    mapping = write_csv(tmp_path / "map.csv", [["Projektnamn", "nonsense"]], delimiter=",")
    res = CliRunner().invoke(main, ["extract", "--json", str(path), "--columns", str(mapping)])
    assert res.exit_code == 1
    assert res.stderr.strip().count("\n") == 0 and str(mapping) in res.stderr and "nonsense" in res.stderr


def test_unused_columns_are_named_once_per_file_and_kept(tmp_path):
    path = write_csv(tmp_path / "export.csv", [["Projektnamn", "Intern kod", "Kommun"],
                                               ["Steget", "X1", "Sala"], ["Bryggan", "X2", "Salaa"]])
    res = CliRunner().invoke(main, ["extract", "--json", str(path)])
    assert res.exit_code == 0
    warnings = [w for w in res.stderr.splitlines() if w.startswith("warning:")]
    assert sum("Intern kod" in w for w in warnings) == 1
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    assert all(r["unused_columns"] == ["Intern kod"] for r in recs)
    res = CliRunner().invoke(main, ["load", "--dry-run", str(path)])
    assert "Projektnamn → name" in res.stderr and "Intern kod" in res.stderr


def test_a_file_whose_columns_map_to_nothing_is_a_one_line_error(tmp_path):
    path = write_csv(tmp_path / "konstig.csv", [["A", "B"], ["1", "2"]])
    res = CliRunner().invoke(main, ["extract", "--json", str(path)])
    assert res.exit_code == 1
    (line,) = res.stderr.strip().splitlines()
    assert line == f"error: {path}: no project-name column (found: A, B)"


def test_rows_stream_one_at_a_time(tmp_path):
    rows = [["Projektnamn", "Kommun"]] + [[f"Projekt {i}", "Sala"] for i in range(2000)]
    path = write_csv(tmp_path / "stor.csv", rows)
    it = iter_file(path)
    first = next(it)
    assert first.name == "stor.csv#row-1" and first.row["fields"]["name"] == ["Projekt 0"]
    assert sum(1 for _ in it) == 1999


def test_a_thematic_objective_of_the_regional_fund_states_the_fund(tmp_path):
    rows = [["projektnamn", "stödmottagare", "beviljat_belopp_sek", "tematiskt_mål"],
            ["Smart industri", "Region Västerbotten", "1 000 000", "1. Stärka forskning, teknisk utveckling och innovation"],
            ["Jobb för alla", "Umeå kommun", "2 000 000", "8. Främja hållbar sysselsättning"],
            ["Grön omställning", "Umeå universitet", "3 000 000", "Stödja övergången till en koldioxidsnål ekonomi"]]
    a, b, c = records(write_csv(tmp_path / "export.csv", rows))
    assert rels(a, "FUNDS")[0][0] == "Europeiska regionala utvecklingsfonden"
    assert rels(c, "FUNDS")[0][0] == "Europeiska regionala utvecklingsfonden"
    assert not rels(b, "FUNDS") and "without a stated fund" in b["warnings"][0]  # 8 is shared: no guess


@pytest.mark.neo4j
def test_a_rows_amounts_and_unused_columns_reach_the_graph(tmp_path, clean_db):
    from graph.connection import database_name
    from graph.writer import init_schema
    from loaders.pipeline import load_paths

    init_schema(clean_db)
    path = write_csv(tmp_path / "regionalfonden.csv", [REGIONAL[0] + ["intern kod"], REGIONAL[1] + ["X1"]])
    summary = load_paths([path], clean_db)
    assert summary.failed == 0, summary.errors
    with clean_db.session(database=database_name()) as s:
        f = s.run("MATCH (:Organization)-[f:FUNDS]->(p:Project {uid: '20201234'}) "
                  "RETURN f.amount_sek AS sek, f.amount_eur AS eur").single()
        d = s.run("MATCH (d:Document) RETURN d.unused_columns AS unused").single()
        places = s.run("MATCH (:Project {uid: '20201234'})-[:ACTIVE_IN]->(m:Municipality) RETURN count(m) AS n").single()
    assert (f["sek"], f["eur"]) == (12500000, 1190000)
    assert d["unused"] == ["intern kod"]
    assert places["n"] == 4
