"""A project-bank export of our own (no real rows copied) holding the forms that made
duplicate and fragment actors (issue 13): landsting beside their regions, SKL beside SKR,
legal forms in owner and partner cells, company names with a place and "AB", a coordinated
genitive of förbund, an agency's local office and bare "Länsstyrelsen" in two län.

``python -m tests.fixtures_bank OUT.xlsx`` writes it (for ``loaders.resolution_report``);
``write_bank(path)`` is the test fixture.
"""
from __future__ import annotations

import sys
from pathlib import Path

HEADER = ["Projektnamn", "Diarienummer", "Projektägare", "Samverkansparter", "Kommuner", "Län",
          "Startdatum", "Slutdatum", "Beviljat ESF-stöd", "Sammanfattning"]

ROWS = [
    ["Vägen till vården", "2009-3010301", "Skåne Läns Landsting", "Malmö stad, Region Skåne", "Malmö", "Skåne",
     "2009-02-01", "2011-01-31", "2 100 000",
     "Skåne läns landsting och Malmö stad prövar en väg till vårdyrken för unga vuxna."],
    ["Vård i norr", "2010-3020302", "Västerbottens Läns Landsting", "Umeå kommun", "Umeå", "Västerbotten",
     "2010-01-01", "2012-12-31", "1 800 000", "Landstinget i Västerbotten och Umeå kommun samarbetar."],
    ["Omsorgsspåret", "2011-3030303", "Kalmar Läns Landsting", "Region Kalmar län, Kalmar kommun", "Kalmar",
     "Kalmar", "2011-03-01", "2013-02-28", "950 000", "Ett spår in i omsorgen."],
    ["Hälsa i arbete", "2012-3040304", "Örebro läns landsting", "Region Örebro län", "Örebro", "Örebro",
     "2012-01-01", "2014-06-30", "1 100 000", "Örebro läns landsting driver projektet."],
    ["Nya vägar Dalarna", "2013-3050305", "Dalarnas Läns Landsting", "Region Dalarna", "Falun", "Dalarna",
     "2013-01-01", "2014-12-31", "700 000", "Landstinget Dalarna äger projektet."],
    ["Rehab i Värmland", "2012-3050315", "Värmlands Läns Landsting", "Region Värmland", "Karlstad", "Värmland",
     "2012-01-01", "2013-12-31", "720 000", "Värmlands läns landsting driver projektet."],
    ["Rehab i Gävleborg", "2012-3050325", "Gävleborgs Läns Landsting", "Region Gävleborg", "Gävle", "Gävleborg",
     "2012-01-01", "2013-12-31", "730 000", "Gävleborgs läns landsting driver projektet."],
    ["Rehab i Uppsala", "2012-3050335", "Uppsala Läns Landsting", "Region Uppsala", "Uppsala", "Uppsala",
     "2012-01-01", "2013-12-31", "740 000", "Uppsala läns landsting driver projektet."],
    ["Rehab i Västmanland", "2012-3050345", "Västmanlands Läns Landsting", "Region Västmanland", "Västerås",
     "Västmanland", "2012-01-01", "2013-12-31", "750 000", "Västmanlands läns landsting driver projektet."],
    ["Rehab i Västra Götaland", "2012-3050355", "Västra Götalands Läns Landsting", "Västra Götalandsregionen",
     "Borås", "Västra Götaland", "2012-01-01", "2013-12-31", "760 000",
     "Västra Götalands läns landsting och Borås stad samarbetar."],
    ["Kommunal utveckling", "2012-3060306", "Sveriges Kommuner och Landsting", "Sveriges Kommuner och Regioner",
     "", "", "2012-01-01", "2013-12-31", "500 000", "SKL leder ett nationellt lärande."],
    ["Unga röster", "2013-3070307", "Ungdomsstyrelsen", "Myndigheten för ungdoms- och civilsamhällesfrågor",
     "", "", "2013-01-01", "2014-12-31", "650 000", "Ungdomsstyrelsen driver projektet."],
    ["Teknikbron", "2013-3080308", "Chalmers Tekniska Högskola AB", "Chalmers tekniska högskola", "Göteborg",
     "Västra Götaland", "2013-01-01", "2014-12-31", "800 000", "Chalmers Tekniska Högskola AB håller i arbetet."],
    ["Studier i Värmland", "2014-3090309", "Karlstad universitet", "Karlstads universitet", "Karlstad", "Värmland",
     "2014-01-01", "2015-12-31", "600 000", "Karlstad universitet erbjuder korta kurser."],
    ["Biogas i norr", "2009-3100310", "BioFuel Region AB", "Umeå universitet, Skellefteå kommun", "Skellefteå",
     "Västerbotten", "2009-01-01", "2011-12-31", "2 000 000",
     "BioFuel Region AB driver projektet tillsammans med Umeå universitet."],
    ["Företag i väst", "2010-3110311", "Business Region Göteborg AB", "Göteborgs stad", "Göteborg",
     "Västra Götaland", "2010-03-01", "2012-02-28", "1 500 000",
     "Projektet drivs av Business Region Göteborg AB."],
    ["Besöksnäring Kalmar", "2011-3120312", "Destination Kalmar AB", "Kalmar kommun", "Kalmar", "Kalmar",
     "2011-01-01", "2013-06-30", "900 000", "Destination Kalmar AB och Kalmar kommun samarbetar."],
    ["Social ekonomi öst", "2012-3130313", "Coompanion Kalmar län, Ekonomisk Fören", "Kalmar kommun", "Kalmar",
     "Kalmar", "2012-01-01", "2014-12-31", "1 200 000", "Coompanion Kalmar län driver projektet."],
    ["Stöd i vardagen", "2012-3140314", "Stiftelsen Vårdkedjan i Örebro län",
     "Hela Människan Riksorganisation, ideell förening", "Örebro", "Örebro", "2012-01-01", "2013-12-31", "400 000",
     "Stiftelsen Vårdkedjan i Örebro län driver arbetet."],
    ["Tre förbund tillsammans", "2016-3150315", "Göteborgs stad", "Arbetsförmedlingen i Malmö", "Göteborg",
     "Västra Götaland", "2016-01-01", "2017-12-31", "1 000 000",
     "Göteborgs, Insjörikets och Stockholms stads samordningsförbund deltar i en gemensam utvärdering."],
    ["Nyanlända i Kronoberg", "2015-3160316", "Växjö kommun", "Länsstyrelsen, Alvesta kommun", "Växjö, Alvesta",
     "Kronoberg", "2015-01-01", "2016-12-31", "750 000",
     "Länsstyrelsen samordnar arbetet med Växjö kommun och Alvesta kommun."],
    ["Nyanlända i Norrbotten", "2015-3170317", "Luleå kommun", "Länsstyrelsen, Bodens kommun", "Luleå, Boden",
     "Norrbotten", "2015-01-01", "2016-12-31", "750 000",
     "Länsstyrelsen samordnar arbetet med Luleå kommun och Bodens kommun."],
]


def write_bank(path: Path | str) -> Path:
    import openpyxl

    path = Path(path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Projekt"
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    wb.save(path)
    return path


if __name__ == "__main__":
    print(write_bank(sys.argv[1] if len(sys.argv) > 1 else "projektbank.xlsx"))
