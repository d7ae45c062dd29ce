"""Regenerate data/organizations.csv and data/samordningsforbund.csv.

Run from the repository root:  .venv/bin/python data/tools/build_organizations.py

The curated content lives in the tables below (edit here, then re-run); members
are written by kommun *name* and resolved to SCB codes through
data/municipalities.csv, so a misspelt member fails the build instead of
silently pointing at the wrong kommun. Sources and uncertainties: data/SOURCES.md.
"""
from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
KINDS = {"municipality_org", "municipal_unit", "region", "agency", "coordination_association",
         "nonprofit", "education", "company", "network", "fund", "other"}


def _load_kommuner() -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    by_name, by_county, county_short = {}, {}, {}
    with open(DATA / "municipalities.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            by_name[r["name"]] = r["code"]
            by_county.setdefault(r["county_code"], []).append(r["code"])
    with open(DATA / "counties.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            county_short[r["code"]] = (r["name"], r["short_name"])
    return by_name, by_county, county_short


KOMMUN, COUNTY, LAN = _load_kommuner()
NAME_OF = {code: name for name, code in KOMMUN.items()}


def codes(names: str) -> list[str]:
    """'Haninge, Nynäshamn, Tyresö' -> ['0136', '0192', '0138']; '*01' -> every kommun in län 01."""
    out: list[str] = []
    for part in (p.strip() for p in names.split(",") if p.strip()):
        if part.startswith("*"):
            out.extend(COUNTY[part[1:]])
        else:
            out.append(KOMMUN[part])  # KeyError = misspelt kommun
    return out


# (name, kind, aliases, seat kommun name or "", county code or "", members spec, note)
AGENCIES = [
    ("Arbetsförmedlingen", "agency", "AF|Af|Arbetsförmedling", "Stockholm", "", "", "public employment service; member of every samordningsförbund"),
    ("Försäkringskassan", "agency", "FK|Försäkringskassa", "Stockholm", "", "", "social insurance agency; member of every samordningsförbund"),
    ("Inspektionen för socialförsäkringen", "agency", "ISF", "Stockholm", "", "", ""),
    ("Svenska ESF-rådet", "agency", "ESF-rådet|Rådet för Europeiska socialfonden i Sverige", "Stockholm", "", "", "managing authority of the ESF in Sweden; the fund itself is Europeiska socialfonden"),
    ("Socialstyrelsen", "agency", "", "Stockholm", "", "", ""),
    ("Skolverket", "agency", "Statens skolverk", "Stockholm", "", "", "official name Statens skolverk"),
    ("Migrationsverket", "agency", "", "Norrköping", "", "", ""),
    ("Delegationen för migrationsstudier", "agency", "Delmi", "Stockholm", "", "", "committee (kommitté) under the government; texts often write only Delmi"),
    ("Delegationen för unga och nyanlända till arbete", "agency", "DUA|Delegationen för unga till arbete", "Stockholm", "", "",
     "government delegation (kommitté) 2014–2023 for local agreements between kommuner and Arbetsförmedlingen; named DUA throughout"),
    ("Vetenskapsrådet", "agency", "VR", "Stockholm", "", "", ""),
    ("Myndigheten för delaktighet", "agency", "MFD", "", "", "", ""),
    ("Kriminalvården", "agency", "", "Norrköping", "", "", ""),
    ("Tillväxtverket", "agency", "", "Stockholm", "", "", ""),
    ("Folkhälsomyndigheten", "agency", "", "Solna", "", "", "also offices in Östersund"),
    ("Arbetsmiljöverket", "agency", "", "Stockholm", "", "", ""),
    ("Skatteverket", "agency", "", "Solna", "", "", ""),
    ("Centrala studiestödsnämnden", "agency", "CSN", "Sundsvall", "", "", ""),
    ("Specialpedagogiska skolmyndigheten", "agency", "SPSM", "Härnösand", "", "", ""),
    ("Myndigheten för yrkeshögskolan", "agency", "MYH|YH-myndigheten", "Västerås", "", "", ""),
    ("Inspektionen för vård och omsorg", "agency", "IVO", "Stockholm", "", "", ""),
    ("Statens institutionsstyrelse", "agency", "SiS", "Stockholm", "", "", ""),
    ("Institutet för arbetsmarknads- och utbildningspolitisk utvärdering", "agency", "IFAU", "Uppsala", "", "", ""),
    ("Jämställdhetsmyndigheten", "agency", "", "Göteborg", "", "", "seat in Angered, Göteborg"),
    ("Myndigheten för ungdoms- och civilsamhällesfrågor", "agency", "MUCF|Ungdomsstyrelsen", "Växjö", "", "", "named Ungdomsstyrelsen until 2014"),
    ("Diskrimineringsombudsmannen", "agency", "DO", "", "", "", ""),
    ("Statistiska centralbyrån", "agency", "SCB", "", "", "", "offices in Stockholm and Örebro"),
    ("Pensionsmyndigheten", "agency", "", "Stockholm", "", "", ""),
    ("Boverket", "agency", "", "Karlskrona", "", "", ""),
    ("Universitets- och högskolerådet", "agency", "UHR", "", "", "", ""),
    ("Polismyndigheten", "agency", "Rikspolisstyrelsen|Polisen", "Stockholm", "", "", "formed in 2015 from Rikspolisstyrelsen and the 21 police authorities"),
    ("Vinnova", "agency", "Verket för innovationssystem", "Stockholm", "", "", ""),
    ("Forskningsrådet för hälsa, arbetsliv och välfärd", "agency", "Forte", "Stockholm", "", "", ""),
    ("Regeringskansliet", "agency", "", "Stockholm", "", "", ""),
    ("Arbetsmarknadsdepartementet", "agency", "", "Stockholm", "", "", "a ministry, part of Regeringskansliet"),
    ("Socialdepartementet", "agency", "", "Stockholm", "", "", "a ministry, part of Regeringskansliet"),
    ("Arbetsmarknadsstyrelsen", "agency", "AMS", "Stockholm", "", "", "historical: merged into Arbetsförmedlingen 2008"),
    ("Länsarbetsnämnden", "agency", "", "", "", "", "historical: the county labour boards, merged into Arbetsförmedlingen 2008; texts add 'i <län>'"),
    ("Riksförsäkringsverket", "agency", "RFV", "Stockholm", "", "", "historical: merged with the försäkringskassor into Försäkringskassan 2005"),
    ("Integrationsverket", "agency", "", "Norrköping", "", "", "historical: 1998-2007"),
    ("Länsstyrelsen", "agency", "", "", "", "", "generic: a county administrative board whose län the text does not name"),
]

# Regions: (county code, current name, seat kommun, former names / other forms, note)
REGIONS = [
    ("01", "Region Stockholm", "Stockholm", "Stockholms läns landsting|SLL", "named Stockholms läns landsting until 2019"),
    ("03", "Region Uppsala", "Uppsala", "Landstinget i Uppsala län", "named Landstinget i Uppsala län until 2017"),
    ("04", "Region Sörmland", "Nyköping", "Landstinget Sörmland", "named Landstinget Sörmland until 2019"),
    ("05", "Region Östergötland", "Linköping", "Landstinget i Östergötland", "named Landstinget i Östergötland until 2015"),
    ("06", "Region Jönköpings län", "Jönköping", "Landstinget i Jönköpings län", "named Landstinget i Jönköpings län until 2015"),
    ("07", "Region Kronoberg", "Växjö", "Landstinget Kronoberg", "named Landstinget Kronoberg until 2015"),
    ("08", "Region Kalmar län", "Kalmar", "Landstinget i Kalmar län", "named Landstinget i Kalmar län until 2019"),
    ("09", "Region Gotland", "Gotland", "", "also the kommun (Gotlands kommun) as an organisation: a kommun with regional responsibility"),
    ("10", "Region Blekinge", "Karlskrona", "Landstinget Blekinge", "named Landstinget Blekinge until 2019"),
    ("12", "Region Skåne", "Kristianstad", "Skåne läns landsting", "formally Skåne läns landsting; regional council seat Kristianstad, many offices in Malmö"),
    ("13", "Region Halland", "Halmstad", "Landstinget Halland", "named Landstinget Halland until 2011"),
    ("14", "Västra Götalandsregionen", "Vänersborg", "VGR|Region Västra Götaland", "the region of Västra Götalands län since 1999"),
    ("17", "Region Värmland", "Karlstad", "Landstinget i Värmland", "named Landstinget i Värmland until 2019"),
    ("18", "Region Örebro län", "Örebro", "Örebro läns landsting", "named Örebro läns landsting until 2015"),
    ("19", "Region Västmanland", "Västerås", "Landstinget Västmanland", "named Landstinget Västmanland until 2017"),
    ("20", "Region Dalarna", "Falun", "Landstinget Dalarna", "named Landstinget Dalarna until 2019"),
    ("21", "Region Gävleborg", "Gävle", "Landstinget Gävleborg", "named Landstinget Gävleborg until 2015"),
    ("22", "Region Västernorrland", "Härnösand", "Landstinget Västernorrland", "named Landstinget Västernorrland until 2019"),
    ("23", "Region Jämtland Härjedalen", "Östersund", "Jämtlands läns landsting", "named Jämtlands läns landsting until 2015"),
    ("24", "Region Västerbotten", "Umeå", "Västerbottens läns landsting", "named Västerbottens läns landsting until 2019"),
    ("25", "Region Norrbotten", "Luleå", "Norrbottens läns landsting", "named Norrbottens läns landsting until 2019"),
]

# Residence city of each länsstyrelse.
LANSSTYRELSE_SEAT = {
    "01": "Stockholm", "03": "Uppsala", "04": "Nyköping", "05": "Linköping", "06": "Jönköping",
    "07": "Växjö", "08": "Kalmar", "09": "Gotland", "10": "Karlskrona", "12": "Malmö",
    "13": "Halmstad", "14": "Göteborg", "17": "Karlstad", "18": "Örebro", "19": "Västerås",
    "20": "Falun", "21": "Gävle", "22": "Härnösand", "23": "Östersund", "24": "Umeå", "25": "Luleå",
}

EDUCATION = [
    ("Göteborgs universitet", "GU|University of Gothenburg", "Göteborg", ""),
    ("Lunds universitet", "Lund University", "Lund", ""),
    ("Malmö universitet", "Malmö högskola|Malmö University", "Malmö", "named Malmö högskola until 2018"),
    ("Örebro universitet", "Örebro University", "Örebro", ""),
    ("Umeå universitet", "Umeå University", "Umeå", ""),
    ("Stockholms universitet", "Stockholm University", "Stockholm", ""),
    ("Uppsala universitet", "Uppsala University", "Uppsala", ""),
    ("Linköpings universitet", "LiU|Linköping University", "Linköping", ""),
    ("Karolinska institutet", "KI", "Solna", ""),
    ("Mittuniversitetet", "Miun|Mid Sweden University", "Sundsvall", "campuses in Sundsvall and Östersund"),
    ("Luleå tekniska universitet", "LTU", "Luleå", ""),
    ("Kungliga Tekniska högskolan", "KTH", "Stockholm", ""),
    ("Chalmers tekniska högskola", "Chalmers", "Göteborg", ""),
    ("Karlstads universitet", "Karlstad University", "Karlstad", ""),
    ("Linnéuniversitetet", "Linnaeus University", "Växjö", "campuses in Växjö and Kalmar"),
    ("Mälardalens universitet", "Mälardalens högskola|MDU", "Västerås", "named Mälardalens högskola until 2022; campuses Västerås and Eskilstuna"),
    ("Södertörns högskola", "", "Huddinge", ""),
    ("Högskolan i Borås", "", "Borås", ""),
    ("Högskolan i Gävle", "", "Gävle", ""),
    ("Högskolan i Halmstad", "", "Halmstad", ""),
    ("Högskolan Dalarna", "", "Falun", "campuses in Falun and Borlänge"),
    ("Högskolan Kristianstad", "", "Kristianstad", ""),
    ("Högskolan i Skövde", "", "Skövde", ""),
    ("Högskolan Väst", "", "Trollhättan", ""),
    ("Jönköping University", "Högskolan i Jönköping", "Jönköping", ""),
    ("Blekinge tekniska högskola", "BTH", "Karlskrona", ""),
    ("Marie Cederschiöld högskola", "Ersta Sköndal Bräcke högskola", "Stockholm", "renamed from Ersta Sköndal Bräcke högskola in the early 2020s"),
    ("Gymnastik- och idrottshögskolan", "GIH", "Stockholm", ""),
    ("Handelshögskolan i Stockholm", "Stockholm School of Economics", "Stockholm", ""),
    ("Handelshögskolan vid Göteborgs universitet", "Handelshögskolan i Göteborg|School of Business, Economics and Law", "Göteborg", "bare 'Handelshögskolan' is ambiguous (Stockholm/Göteborg) and is not an alias"),
    ("Gothenburg Research Institute", "GRI", "Göteborg", "research institute at Handelshögskolan vid Göteborgs universitet"),
    ("Sveriges lantbruksuniversitet", "SLU", "Uppsala", ""),
    ("Sophiahemmet högskola", "", "Stockholm", ""),
    # studieförbund: adult-education associations (kind education, as the gold treats Folkuniversitetet)
    ("Folkuniversitetet", "", "", "studieförbund; regional foundations (e.g. 'Folkuniversitetet Stiftelsen Kurs- Verksamhet VI') are separate legal bodies"),
    ("ABF", "Arbetarnas bildningsförbund", "", "studieförbund"),
    ("Studiefrämjandet", "", "", "studieförbund"),
    ("Studieförbundet Vuxenskolan", "SV", "", "studieförbund"),
    ("Medborgarskolan", "", "", "studieförbund"),
    ("Sensus studieförbund", "Sensus", "", "studieförbund"),
    ("Studieförbundet Bilda", "", "", "studieförbund; bare 'Bilda' is a Swedish verb and is not an alias"),
    ("Ibn Rushd studieförbund", "Studieförbundet Ibn Rushd", "", "studieförbund"),
    ("NBV", "Nykterhetsrörelsens bildningsverksamhet", "", "studieförbund"),
]

NONPROFITS = [
    ("Skåne Stadsmission", "nonprofit", "", "Malmö", ""),
    ("Stockholms Stadsmission", "nonprofit", "", "Stockholm", ""),
    ("Göteborgs Stadsmission", "nonprofit", "", "Göteborg", ""),
    ("Uppsala Stadsmission", "nonprofit", "", "Uppsala", ""),
    ("Linköpings Stadsmission", "nonprofit", "", "Linköping", ""),
    ("Västerås Stadsmission", "nonprofit", "", "Västerås", ""),
    ("Svenska Röda Korset", "nonprofit", "Röda Korset", "Stockholm", ""),
    ("Rädda Barnen", "nonprofit", "Save the Children Sverige", "", ""),
    ("Individuell Människohjälp", "nonprofit", "IM", "Lund", ""),
    ("Hela Människan", "nonprofit", "", "", "the phrase 'hela människan' also occurs as ordinary words"),
    ("Coompanion", "nonprofit", "Coompanion Sverige", "", "advisory organisation for cooperative enterprise; regional Coompanion associations are separate bodies"),
    ("Fryshuset", "nonprofit", "Stiftelsen Fryshuset", "Stockholm", ""),
    ("Svenska kyrkan", "nonprofit", "", "", "religious community; parishes (församlingar) are separate bodies"),
    ("Frälsningsarmén", "nonprofit", "", "", ""),
    ("Caritas Sverige", "nonprofit", "", "", ""),
    ("Funktionsrätt Sverige", "nonprofit", "", "", "umbrella body of disability organisations (formerly Handikappförbunden)"),
    ("Riksförbundet för Social och Mental Hälsa", "nonprofit", "RSMH", "", ""),
    ("Riksidrottsförbundet", "nonprofit", "RF", "", ""),
    ("IOGT-NTO", "nonprofit", "", "", ""),
    ("Läkare i Världen", "nonprofit", "", "", ""),
    ("Samhall", "company", "Samhall AB", "Stockholm", "state-owned company providing work for people with disabilities"),
    ("Lernia", "company", "Lernia AB", "", "state-owned training and staffing company"),
    ("Misa AB", "company", "Misa", "", "supported-employment company"),
]

NETWORKS = [
    # (name, kind, aliases, seat, county, members spec, note)
    ("Sveriges Kommuner och Regioner", "other", "SKR|Sveriges Kommuner och Landsting|SKL", "Stockholm", "", "", "named Sveriges Kommuner och Landsting (SKL) until 2019"),
    ("Nationella rådet", "other", "Nationella rådet för finansiell samordning", "", "", "", "national council of Arbetsförmedlingen, Försäkringskassan, SKR and Socialstyrelsen for Finsam; the full name is written in several ways"),
    ("Nationella nätverket för samordningsförbund", "network", "NNS", "", "", "", "association of the samordningsförbund"),
    ("Europeiska kommissionen", "other", "EU-kommissionen", "", "", "", ""),
    ("Göteborgsregionen", "other", "GR|Göteborgsregionens kommunalförbund", "Göteborg", "", "Ale, Alingsås, Göteborg, Härryda, Kungsbacka, Kungälv, Lerum, Lilla Edet, Mölndal, Partille, Stenungsund, Tjörn, Öckerö", "kommunalförbund"),
    ("Skaraborgs kommunalförbund", "other", "", "Skövde", "14", "Essunga, Falköping, Grästorp, Gullspång, Götene, Hjo, Karlsborg, Lidköping, Mariestad, Skara, Skövde, Tibro, Tidaholm, Töreboda, Vara", "kommunalförbund"),
    ("Fyrbodals kommunalförbund", "other", "Kommunalförbundet Fyrbodal", "", "14", "Bengtsfors, Dals-Ed, Färgelanda, Lysekil, Mellerud, Munkedal, Orust, Sotenäs, Strömstad, Tanum, Trollhättan, Uddevalla, Vänersborg, Åmål", "kommunalförbund"),
    ("Boråsregionen Sjuhärads kommunalförbund", "other", "Sjuhärads kommunalförbund", "Borås", "14", "Bollebygd, Borås, Herrljunga, Mark, Svenljunga, Tranemo, Ulricehamn, Vårgårda", "kommunalförbund; member list from memory"),
    ("VästKom", "other", "Västsvenska Kommunförbundens Samorganisation", "", "14", "", "joint body of the four kommunalförbund in Västra Götaland"),
    ("Skånes Kommuner", "other", "Kommunförbundet Skåne", "", "12", "*12", "association of the 33 kommuner in Skåne; named Kommunförbundet Skåne until 2020"),
    ("Storsthlm", "other", "Kommunförbundet Stockholms län|KSL", "Stockholm", "01", "*01", "association of the 26 kommuner in Stockholms län; formerly Kommunförbundet Stockholms län"),
    ("Norrbottens Kommuner", "other", "Kommunförbundet Norrbotten", "Luleå", "25", "*25", "association of the 14 kommuner in Norrbotten"),
    ("Familjen Helsingborg", "network", "", "", "12", "Bjuv, Båstad, Helsingborg, Höganäs, Klippan, Landskrona, Perstorp, Svalöv, Ängelholm, Åstorp, Örkelljunga", "cooperation of eleven kommuner in north-west Skåne; member list from memory"),
    ("Koordination Norrort", "network", "", "Sollentuna", "01", "", "cooperation of the 15 northern Stockholm kommuner on refugee reception, hosted by Sollentuna"),
    ("Sveriges Stadsmissioner", "network", "", "", "", "", ""),
    ("Famna", "network", "", "", "", "", "association of non-profit health and social-care providers"),
    ("Forum – idéburna organisationer med social inriktning", "network", "Forum idéburna organisationer med social inriktning", "", "", "", "bare 'Forum' is not an alias"),
    ("Skoopi", "network", "", "", "", "", "association of work-integrating social enterprises"),
    ("Jobbtorg Stockholm", "municipal_unit", "", "Stockholm", "01", "", "unit of Stockholms stad"),
]

FUNDS = [
    ("Europeiska socialfonden", "ESF|Socialfonden|Europeiska socialfonden+|ESF+|Socialfonden+", "the EU fund; in Sweden managed by Svenska ESF-rådet"),
    ("Europeiska regionala utvecklingsfonden", "ERUF|Regionalfonden", ""),
    ("Asyl-, migrations- och integrationsfonden", "AMIF", ""),
    ("Allmänna arvsfonden", "Arvsfonden", ""),
    ("Fonden för europeiskt bistånd till dem som har det sämst ställt", "FEAD", ""),
    ("Interreg Öresund-Kattegat-Skagerrak", "Interreg ÖKS", "EU programme for cross-border cooperation between Sweden, Denmark and Norway"),
    ("Interreg Sverige-Norge", "", "EU programme for cross-border cooperation"),
    ("Interreg Aurora", "", "EU programme for cross-border cooperation in the north (Sweden, Finland, Norway, Sápmi)"),
    ("Interreg Central Baltic", "", "EU programme for cooperation around the central Baltic Sea"),
    ("Interreg Nord", "", "EU programme 2014–2020 for cross-border cooperation in the north; succeeded by Interreg Aurora"),
    ("Europeiska globaliseringsfonden", "EGF", "European Globalisation Adjustment Fund"),
]

# Samordningsförbund: (name, aliases, county, members spec, note)
FORBUND = [
    # Stockholms län: the eight förbund listed by Region Stockholm (vårdgivarguiden.se, state 2020-12-31)
    ("Samordningsförbundet Stockholms stad", "", "01", "Stockholm", ""),
    ("Samordningsförbundet Södertälje", "Samordningsförbundet i Södertälje", "01", "Södertälje", ""),
    ("Samordningsförbundet VärNa", "", "01", "Värmdö, Nacka", ""),
    ("Samordningsförbundet Botkyrka Huddinge Salem", "Samordningsförbundet Huddinge, Botkyrka och Salem", "01", "Botkyrka, Huddinge, Salem", ""),
    ("Samordningsförbundet Östra Södertörn", "", "01", "Haninge, Nynäshamn, Tyresö", ""),
    ("Samordningsförbundet Roslagen", "", "01", "Danderyd, Norrtälje, Täby, Vallentuna, Vaxholm, Österåker", ""),
    ("Samordningsförbundet Sollentuna, Upplands Väsby och Sigtuna", "Samordningsförbundet Sollentuna-Upplands Väsby-Sigtuna|Samordningsförbundet Sollentuna Upplands-Väsby", "01", "Sollentuna, Upplands Väsby, Sigtuna", "started 2017 as Samordningsförbundet Sollentuna Upplands-Väsby; Sigtuna joined later"),
    ("Samordningsförbundet Sundbybergs stad", "", "01", "Sundbyberg", ""),
    # Uppsala län
    ("Samordningsförbundet Uppsala län", "Samordningsförbundet i Uppsala län", "03", "*03", "county-wide, started 2008 with the county's eight kommuner"),
    # Södermanlands län
    ("Samordningsförbundet RAR i Sörmland", "Samordningsförbundet RAR|RAR i Sörmland|RAR Sörmland", "04", "*04", "RAR = rehabilitera och aktivera med gemensamma resurser; county-wide (all nine kommuner believed members; Vingåker confirmed)"),
    # Östergötlands län
    ("Samordningsförbundet Centrala Östergötland", "", "05", "Linköping", "members incomplete: only Linköping confirmed"),
    # Gotland
    ("Samordningsförbundet Gotland", "", "09", "Gotland", "existence from memory (a Gotland Finsam is reported in the dev set); name not verified"),
    # Skåne län (14 förbund in 2019; only these are listed)
    ("Finsam i Malmö", "Samordningsförbundet Finsam i Malmö|FINSAM Malmö", "12", "Malmö", "texts write 'Finsam i Malmö' / 'FINSAM i Malmö'"),
    ("Samordningsförbundet FINSAM i Helsingborg", "FINSAM i Helsingborg", "12", "Helsingborg", ""),
    ("Samordningsförbundet Eslöv, Höör och Hörby", "Finsam MittSkåne|Samordningsförbundet MittSkåne", "12", "Eslöv, Höör, Hörby", "formed 2011-04-01"),
    ("Samordningsförbundet NNV Skåne", "", "12", "", "members not verified (five kommuner in north-west Skåne)"),
    # Hallands län
    ("Samordningsförbundet Halland", "Samordningsförbundet i Halland", "13", "*13", "county-wide: all six Halland kommuner"),
    # Västra Götalands län
    ("Samordningsförbundet Göteborg", "", "14", "Göteborg", "started 2019-07-01 by merging the four Göteborg förbund below"),
    ("Samordningsförbundet Göteborg Centrum", "", "14", "Göteborg", "historical: merged into Samordningsförbundet Göteborg 2019"),
    ("Samordningsförbundet Göteborg Nordost", "", "14", "Göteborg", "historical: merged into Samordningsförbundet Göteborg 2019"),
    ("Samordningsförbundet Göteborg Väster", "", "14", "Göteborg", "historical: merged into Samordningsförbundet Göteborg 2019"),
    ("Samordningsförbundet Göteborg Hisingen Delta", "", "14", "Göteborg", "historical: merged into Samordningsförbundet Göteborg 2019"),
    ("Samordningsförbundet Väst", "", "14", "Uddevalla, Orust, Färgelanda, Lysekil, Munkedal, Sotenäs, Strömstad, Tanum", "formed 2015 from Samordningsförbundet Norra Bohuslän and Samordningsförbundet Uddevalla, Orust och Färgelanda; the Norra Bohuslän members are from memory"),
    ("Samordningsförbundet Norra Bohuslän", "", "14", "Lysekil, Munkedal, Sotenäs, Strömstad, Tanum", "historical: merged into Samordningsförbundet Väst 2015; members from memory"),
    ("Samordningsförbundet Östra Skaraborg", "", "14", "Skövde, Hjo, Tibro, Karlsborg, Falköping, Tidaholm", "formed 2015 from SkövdeHjoTiBorg and Falköping Tidaholm; later members not verified"),
    ("Samordningsförbundet Sjuhärad", "", "14", "Borås, Bollebygd, Mark, Svenljunga, Tranemo, Ulricehamn", "uncertain: merger of the three Sjuhärad förbund (Borås; Bollebygd-Mark-Svenljunga; Tranemo-Ulricehamn) planned 2010; name and members after that not verified"),
    ("Samordningsförbundet Norra Dalsland", "", "14", "", "exists per 2010 news; members not verified (Säffle and Årjäng in Värmland sought to join)"),
    # Värmlands län
    ("Samordningsförbundet Östra Värmland", "", "17", "", "uncertain: seen as a web address only; members not verified"),
    # Västmanlands län
    ("Samordningsförbundet Västra Mälardalen", "", "19", "Köping, Arboga, Kungsör", ""),
    # Gävleborgs län
    ("Samordningsförbund Gävleborg", "Samordningsförbundet Gävleborg", "21", "", "members not verified"),
    # Västernorrlands län
    ("Samordningsförbund Ånge", "Samordningsförbundet Ånge", "22", "Ånge", ""),
    # Jämtlands län
    ("Samordningsförbundet Jämtlands län", "Samordningsförbundet i Jämtlands län", "23", "*23", "uncertain: county-wide förbund from memory, not verified"),
    # Västerbottens län
    ("Samordningsförbundet Umeå", "", "24", "Umeå", "org. nr 222000-1834; formed May 2005"),
]


#: earlier names of a body, with the abbreviation they had: a text that uses one is about
#: the same body (one node), but it names it as it was then (CONVENTIONS: no outside
#: knowledge), as the regions keep "Västerbottens läns landsting"
FORMER_NAMES = {
    "Sveriges Kommuner och Regioner": "Sveriges Kommuner och Landsting (SKL)",
    "Myndigheten för ungdoms- och civilsamhällesfrågor": "Ungdomsstyrelsen",
    "Polismyndigheten": "Rikspolisstyrelsen",
    "Malmö universitet": "Malmö högskola",
    "Mälardalens universitet": "Mälardalens högskola",
}


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def seat(name: str) -> str:
    return KOMMUN[name] if name else ""


def main() -> None:
    rows: list[list[str]] = []

    def add(name, kind, aliases, seat_code, county, members, note):
        assert kind in KINDS, kind
        rows.append([name, kind, aliases, seat_code, county, "|".join(members),
                     "|".join(NAME_OF[c] for c in members), note, FORMER_NAMES.get(name, "")])

    for name, kind, aliases, s, county, members, note in AGENCIES:
        add(name, kind, aliases, seat(s), county, codes(members), note)
    for code, (lan, short) in sorted(LAN.items()):
        official = f"Länsstyrelsen i {lan}"
        aliases = [f"Länsstyrelsen {short}", f"Länsstyrelsen i {short}"]
        add(official, "agency", "|".join(a for a in aliases if a != official),
            seat(LANSSTYRELSE_SEAT[code]), code, [], "")
    for code, name, s, aliases, note in REGIONS:
        add(name, "region", aliases, seat(s), code, [], note)
    for name, aliases, s, note in EDUCATION:
        add(name, "education", aliases, seat(s), "", [], note)
    for name, kind, aliases, s, note in NONPROFITS:
        add(name, kind, aliases, seat(s), "", [], note)
    for name, kind, aliases, s, county, members, note in NETWORKS:
        add(name, kind, aliases, seat(s), county, codes(members), note)
    for name, aliases, note in FUNDS:
        add(name, "fund", aliases, "", "", [], note)

    names = [r[0].casefold() for r in rows]
    assert len(names) == len(set(names)), "duplicate organisation name"
    assert set(FORMER_NAMES) <= {r[0] for r in rows}, "a former name of an unknown organisation"
    for name, former in FORMER_NAMES.items():  # every former form must also be matched as an alias
        aliases = next(r[2] for r in rows if r[0] == name).split("|")
        for f in former.split("|"):
            full, _, abbr = f.partition(" (")
            assert full in aliases and (not abbr or abbr.rstrip(")") in aliases), (name, f)
    header = ["name", "kind", "aliases", "seat_code", "county_code", "members", "member_names", "note",
              "former_names"]
    write(DATA / "organizations.csv", header, rows)

    frows = []
    for name, aliases, county, members, note in FORBUND:
        cs = codes(members)
        assert all(c[:2] == county for c in cs), (name, cs)
        frows.append([name, aliases, county, "|".join(cs), "|".join(NAME_OF[c] for c in cs), note])
    fnames = [r[0].casefold() for r in frows]
    assert len(fnames) == len(set(fnames)) and not set(fnames) & set(names)
    write(DATA / "samordningsforbund.csv",
          ["name", "aliases", "county_code", "members", "member_names", "note"], frows)
    print(f"organizations.csv: {len(rows)} rows; samordningsforbund.csv: {len(frows)} rows")


if __name__ == "__main__":
    main()
