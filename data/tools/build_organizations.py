"""Regenerate data/organizations.csv, data/samordningsforbund.csv and data/forbund_membership.csv.

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
    ("Folkuniversitetet", "Folkuniversitet", "", "studieförbund (also written without the article); regional foundations (e.g. 'Folkuniversitetet Stiftelsen Kurs- Verksamhet VI') are separate legal bodies"),
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
    # the labour market's parties: the union confederations and the largest unions, and the
    # employers' and farmers' organisations, which sit on panels, boards and agreements of the field
    # (named as texts write them; "Unionen" is left out: "Europeiska unionen" writes it too)
    ("LO", "other", "Landsorganisationen i Sverige|Landsorganisationen", "Stockholm", "trade union confederation"),
    ("TCO", "other", "Tjänstemännens centralorganisation", "Stockholm", "trade union confederation"),
    ("Saco", "other", "SACO|Sveriges akademikers centralorganisation", "Stockholm", "trade union confederation"),
    ("IF Metall", "other", "", "Stockholm", "trade union (LO)"),
    ("Svenskt Näringsliv", "other", "", "Stockholm", "employers' confederation"),
    ("LRF", "other", "Lantbrukarnas Riksförbund", "Stockholm", "farmers' organisation; its kommungrupper are local bodies of their own"),
    ("Almega", "other", "", "Stockholm", "employers' organisation of the service sector"),
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

#: every samordningsförbund a public source we read names (data/SOURCES.md, README "The förbund
#: list"): (name, aliases, county code, members, note, start, end, successor, source). Members
#: by kommun name ('*13' = every kommun of län 13); only members the source names (or the
#: förbund's own name spells out, said in the note). start/end: ISO date or its prefix (2005,
#: 2010-05, 2019-07-01) as the source gives it; empty = not given. A former förbund keeps its
#: row (end, successor) so older documents still resolve. Dated joins/leaves of single
#: members: FORBUND_MEMBERSHIP below (data/forbund_membership.csv).
_T = "https://docplayer.se/35266595-Landstingsstyrelsens-forslag-till-beslut.html"
_GBG = "https://www.finsam.se/nyhetsarkiv/nyheter/2019-09-27-samordningsforbundet-goteborg-har-startat"
_LYS = "http://docplayer.se/3708270-Lysekils-kommun-sammantradesprotokoll-kommunstyrelsen-2014-04-09.html"
_UMA = "https://docplayer.se/105776201-Uma-unga-med-aktivitetsersattning.html"
#: Samordningsförbundet Östra Södertörn's own page (in English): founded as the Haninge förbund 2007-02-01, renamed when
#: Nynäshamn and Tyresö joined on 2010-04-01
_OSO = "https://www.samordningsforbundetostrasodertorn.se/about-us-37340128"
#: Samordningsförbundet i Södertälje's page on its cooperation: the other förbund of the län and 'ett förbund i Sundbyberg'
#: formed 1 June 2018
_SFRIS = "https://www.sfris.se/om-oss/samverkan-37994700"
#: Region Stockholm's list of the eight förbund in its län on 2020-12-31, with their kommuner
_VG = "https://vardgivarguiden.se/nyheter/2021/augusti/samordningsforbundens-arsredovisningar-till-beslut/"
#: a list of förbund documents (annual reports, plans) naming several förbund
_DP = "https://docplayer.se/amp/1294214-Arsredovisning-for-rakenskapsaret-2014.html"
#: Stockholm's landsting on the förbund for Botkyrka, Huddinge and Salem replacing the two 2009 ones
_BHS = "http://docplayer.se/34013930-Forslag-till-inrattande-av-samordningsforbundet-botkyrka-huddinge-och-salem-samt-fortida-upphorande-av-botkyrka-och-huddinge-samordningsforbund.html"
#: Östra Skaraborg's own page: formed January 2015 by merging SkövdeHjoTiBorg and Falköping Tidaholm
_OSK = "http://www.ostraskaraborg.se/verksamhetens-m%C3%A5l/sofs-bildande-33113638"
#: the common page of the three förbund of Jönköpings län, naming each one's kommuner
_JKP = "https://finsamjonkopingslan.se/"
#: finsam.se, 2019-12-09: the förbund in Piteå, Älvsbyn and Luleå (Pyramis) merge into Södra Norrbotten in early 2020
_SNB = "https://www.finsam.se/nyhetsarkiv/nyheter/2019-12-09-nytt-forbund-for-sodra-norrbotten"
#: Älv & Kust's own page: the Ale–Kungälv–Stenungsund–Tjörn förbund and the Öckerö förbund, one förbund from 2018-01-01
_AOK = "https://www.alvokust.se/page.php?kat=80&prodID=457"
#: Länsstyrelsen Kronoberg 2020: the parties of the regional agreement include both Kronoberg förbund
_KRO = ("https://www.lansstyrelsen.se/kronoberg/om-oss/nyheter-och-press/arkiv-nyheter-2020/"
        "2020-05-04-regional-overenskommelse-ger-effektivare-mottagande-av-asylsokande-och-nyanlanda-i-lanet.html")
_KRO_PARTIES = ("beside the kommuner Alvesta, Lessebo, Ljungby, Tingsryd, Uppvidinge, Växjö and Älmhult, "
                "without saying which kommun is in which förbund")
#: finsam.se, 2022-02-14: Samordningsförbundet Mellerud Vänersborg ended at the turn of the year; Mellerud went into
#: Samordningsförbundet Väst, Vänersborg into Samordningsförbundet Södra Vänern
_MV = "https://www.finsam.se/nyhetsarkiv/nyheter/2022-02-14-halla-dar-dan-ordforande-i-nybildade-forbundet-sodra-vanern"
#: Sjuhärads kommunalförbund, 2010-08-18: 'I Sjuhärad finns tre samordningsförbund, Tranemo och Ulricehamn, Bollebygd -
#: Mark och Svenljunga samt Borås'; a majority of the owners wanted the three merged (and widened)
_SJU = ("http://docplayer.se/3275201-Boras-2010-08-18-direktionen-for-sjuharads-kommunalforbund-olovholmsgatan-32-"
        "boras-sammantradesrum-stinas-rum-plan-1.html")
_SJU_NOTE = ("one of the three förbund in Sjuhärad in 2010 (" + _SJU + ": 'I Sjuhärad finns tre samordningsförbund, Tranemo "
             "och Ulricehamn, Bollebygd - Mark och Svenljunga samt Borås', and a majority of the owners wanted them merged); "
             "name as that paper lists it, the formal name not read; members from the name; its kommuner are members of "
             "Sjuhärads samordningsförbund by 2013; start and end dates not confirmed")
#: Norra Västmanlands Samordningsförbund's own page: formed 2005-09-01, Samordningsförbundet Västmanland from 2024-01-01
_NVS = "https://nvsam.se/om-oss/"
#: Samordningsförbundet Västmanland's page on the county förbund being prepared (2022-2023)
_VMLAN = "https://samordningvastmanland.se/lanssamordningsforbund-2024/"
_VMLAN_NOTE = ("all members of the län's three förbund backed a county förbund in 2022 and its förbundsordning went out for "
               "decision by 2023-03-31 (" + _VMLAN + "); Norra Västmanlands Samordningsförbund became Samordningsförbundet "
               "Västmanland from 2024-01-01 (" + _NVS + ")")
#: Samordningsförbundet Västmanland's own page: the county förbund, started 2024 by merging the län's three förbund
_VMOM = "https://samordningvastmanland.se/om-oss/"
_VMOM_NOTE = ("'Förbundet startade 2024 och är en sammanslagning av tre lokala Samordningsförbund i länet – Samordningsförbundet "
              "Västra Mälardalen, Samordningsförbundet Västerås och Norra Västmanlands Samordningsförbund' (" + _VMOM + ")")
#: Samordningsförbundet Umeåregionen's own page: formed 2005 as Samordningsförbundet Umeå, grown by five kommuner and renamed
_UMR = "https://samordningsforbund.se/umearegionen-social-redovisning/om-oss/"
FORBUND = [
    # Stockholms län
    ("Samordningsförbundet Stockholms stad", "", "01", "Stockholm", "one of the eight förbund of Region Stockholm on 2020-12-31 (" + _VG + ")", "", "", "",
     "http://docplayer.se/7159909-Inrattande-av-samordningsforbund-i-stockholms-stad.html"),
    ("Samordningsförbundet VärNa", "Samordningsförbundet Värmdö Nacka", "01", "Värmdö, Nacka",
     "the long form as its own page heads it ('SAMORDNINGSFÖRBUNDET VÄRMDÖ NACKA', https://finsamvarna.se/utveckling-av-samverkan/"
     "varnamodellen/); start not in the texts read", "", "", "", _VG),
    ("Samordningsförbundet Huddinge, Botkyrka och Salem", "Samordningsförbundet Botkyrka Huddinge Salem", "01", "Huddinge, Botkyrka, Salem",
     "replaces Samordningsförbundet i Botkyrka and Samordningsförbundet i Huddinge, which ended early when it was formed (" + _BHS
     + "); start 2013-01-01 from Huddinge kommun's report on the förbund's 2016 accounts "
     "(https://docplayer.se/50455987-Fraga-om-ansvarsfrihet-for-styrelsen-och-de-enskilda-ledamoterna-i-styrelsen-for-"
     "samordningsforbundet-botkyrka-huddinge-och-salem-for-ar-2016.html: 'Huddinge kommun har tillsammans med Botkyrka kommun, "
     "Salems kommun, Försäkringskassan, Arbetsförmedlingen och Stockholms läns landsting från och med den 1 januari 2013 bildat "
     "Samordningsförbundet Botkyrka, Huddinge och Salem')", "2013-01-01", "", "", _VG),
    ("Samordningsförbundet Roslagen", "Samordningsförbundet Södra Roslagen", "01", "Täby, Österåker, Vaxholm, Vallentuna, Danderyd, Norrtälje",
     "a förbund page at http://samordningsodraroslagen.se/vart-uppdrag/agare/ names the same six kommuner with AF, FK and "
     "Region Stockholm as its 'medlemsparter' (the förbund's name is not in the text read); its own page "
     "(https://finsamroslagen.se/vart-uppdrag/): 'bildades Samordningsförbundet Södra Roslagen den 7 maj 2014. Förbundet "
     "utökades 2019 och finansieras idag av Arbetsförmedlingen, Försäkringskassan, Region Stockholm samt kommunerna Danderyd, "
     "Norrtälje, Täby, Vallentuna, Vaxholm och Österåker' (start from it; which kommun joined in 2019 is not said, so no "
     "kommun has a joining date); 'Södra Roslagen' also on " + _SFRIS,
     "2014-05-07", "", "", _VG),
    ("Samordningsförbundet Sollentuna, Upplands Väsby och Sigtuna",
     "Samordningsförbundet Sollentuna Upplands-Väsby|Samordningsförbundet Sollentuna-Upplands Väsby-Sigtuna", "01",
     "Sollentuna, Upplands Väsby, Sigtuna",
     "started 2017-04-01 as Samordningsförbundet Sollentuna Upplands-Väsby (docplayer.se/46085131); Sigtuna a member by 2020-12-31, date of joining not confirmed",
     "2017-04-01", "", "", _VG),
    ("Samordningsförbundet Sundbybergs stad", "", "01", "Sundbyberg",
     "a new förbund in 2018: finsam.se, 2018-09-24 (https://www.finsam.se/nyhetsarkiv/nyheter/2018-09-24-halla-dar-catarina-ortengren), "
     "asks its new förbundschef 'Hur känns det att starta ett nytt förbund i Sundbyberg?'; start from Samordningsförbundet i "
     "Södertälje's page (" + _SFRIS + "): '1 juni 2018 bildades ett förbund i Sundbyberg'",
     "2018-06-01", "", "", _VG),
    ("Samordningsförbundet Södertälje", "Samordningsförbundet i Södertälje|Samordningsförbundet för rehabilitering i Södertälje", "01", "Södertälje",
     "active in 2009 (one of four förbund in Stockholms län then, " + _T + "); a proposal for a förbund for Södertälje and Nykvarn "
     "(http://docplayer.se/32984136-Forslag-till-samordningsforbund-for-rehabilitering-i-sodertalje-och-nykvarn.html): "
     "Nykvarn's membership not confirmed; 'Samordningsförbundet för rehabilitering i Södertälje - Sfris' is the title of its "
     "annual report 2014 (https://abcdocz.com/doc/4286229/p-4-%E2%80%93-bilaga-3-%E2%80%93-s%C3%B6dert%C3%A4lje)", "", "", "", _VG),
    ("Samordningsförbundet i Botkyrka", "Finansiella samordningsförbundet i Botkyrka|Finsam i Botkyrka", "01", "Botkyrka",
     "member from the name; active in 2009; ended early when Samordningsförbundet Huddinge, Botkyrka och Salem was formed ("
     + _BHS + "); end date not in the text read", "", "", "Samordningsförbundet Huddinge, Botkyrka och Salem", _T),
    ("Samordningsförbundet i Huddinge", "", "01", "Huddinge",
     "member from the name; active in 2009; ended early when Samordningsförbundet Huddinge, Botkyrka och Salem was formed ("
     + _BHS + "); end date not in the text read", "", "", "Samordningsförbundet Huddinge, Botkyrka och Salem", _T),
    ("Samordningsförbundet i Haninge", "Samordningsförbundet Haninge", "01", "Haninge",
     "member from the name; active in 2009; 'The Coordination Association Haninge was founded the first of February 2007. On "
     "the first of April 2010 two further municipalities joined the Association, Nynäshamn and Tyresö, the name was changed to "
     "the Coordination Association Östra Södertörn' (" + _OSO + "; in Swedish, 'det samarbete kring rehabilitering som startat "
     "2007 i Samordningsförbundet Haninge', https://www.samordningsforbundetostrasodertorn.se/2019/01/08/agneta-tj%C3%A4rnhammar,"
     "-nyn%C3%A4shamn,-ny-ordf%C3%B6rande-41410805): the same förbund, renamed, so the row ends when the new name starts",
     "2007-02-01", "2010-04-01", "Samordningsförbundet Östra Södertörn", _T),
    ("Samordningsförbundet i Värmdö", "Samordningsförbundet Värmdö", "01", "Värmdö",
     "proposed 2009 by the landsting to start on 1 April (year not in the text read); Värmdö is in Samordningsförbundet VärNa by 2020, the link not confirmed", "", "", "", _T),
    ("Samordningsförbundet Östra Södertörn", "", "01", "Haninge, Nynäshamn, Tyresö",
     "Samordningsförbundet i Haninge (from 2007-02-01) under the name it took when Nynäshamn and Tyresö joined on 2010-04-01 (" + _OSO
     + "); start is that date; members also on Tyresö kommun's page (https://www.tyreso.se/organisation--styrning/forvaltningar-"
     "bolag-och-fastigheter/samverkan-och-samarbeten/samordningsforbundet-ostra-sodertorn.html: 'ägs och finansieras gemensamt av "
     "Arbetsförmedlingen, Försäkringskassan, landstinget och kommunerna Haninge, Nynäshamn och Tyresö')", "2010-04-01", "", "", _VG),
    # Uppsala län
    ("Samordningsförbundet Uppsala län", "Samordningsförbundet i Uppsala län", "03", "*03",
     "county-wide: 'länets åtta kommuner' with AF, FK and the landsting", "2008", "", "",
     "https://www.unt.se/nyheter/tierp/fick-fram-17-jobb-for-51-miljoner-1371083.aspx"),
    # Södermanlands län
    ("Samordningsförbundet RAR i Sörmland", "Samordningsförbundet RAR|RAR i Sörmland|RAR Sörmland|Samordningsförbundet RAR Sörmland", "04", "*04",
     "county-wide: 'Vi är ett förbund som består av våra medlemmar Arbetsförmedlingen, Försäkringskassan, Region Sörmland och "
     "samtliga kommuner i länet' (the förbund's own page); also 'ett länsförbund som ägs gemensamt av samtliga nio sörmländska "
     "kommuner' (its förbundschef, https://www.folkhalsasverige.se/psykisk-halsa/samordnade-insatser-bryter-utanforskap-och-skapar-sysselsattning-i-sormland/); "
     "RAR = rehabilitera och aktivera med gemensamma resurser; formed 2005 ("
     "http://radioeskilstuna.se/dev/blog/ola-wiktorsson-forbundschef-for-rar-i-sormland-gastade-radio-och-tv-eskilstuna/: "
     "'Samordningsförbundet bildades 2005'); the page is undated, so no kommun's joining date is known", "2005", "", "",
     "https://rarsormland.se/om/"),
    # Östergötlands län
    ("Samordningsförbundet Centrala Östergötland", "SCÖ", "05", "Kinda, Linköping, Åtvidaberg", "", "", "", "",
     "https://samordning.org/sco/om-oss/forbundet"),
    ("Norrköpings Samordningsförbund", "", "05", "Norrköping",
     "extended with Söderköping and Valdemarsvik into Samordningsförbundet Östra Östergötland", "2005-01-01", "2009-04-01",
     "Samordningsförbundet Östra Östergötland",
     "https://www.soderkoping.se/stod-omsorg/organisation/samordningsforbundet/?view=search"),
    ("Samordningsförbundet Östra Östergötland", "", "05", "Norrköping, Söderköping, Valdemarsvik", "", "2009-04-01", "", "",
     "https://www.soderkoping.se/stod-omsorg/organisation/samordningsforbundet/?view=search"),
    ("Samordningsförbundet Västra Östergötland", "", "05", "Boxholm, Mjölby, Motala, Vadstena, Ödeshög",
     "members: the five kommuner of the förbundsordning's ändamål with AF, FK and Region Östergötland; start not in the text read",
     "", "", "", "https://samordning.org/svo/om-oss/forbundsordning"),
    # Jönköpings län
    ("Höglandets samordningsförbund", "", "06", "Aneby, Eksjö, Nässjö, Sävsjö, Tranås, Vetlanda", "", "2011-04-01", "", "",
     "https://www.finsamjonkopingslan.se/hoglandet"),
    ("Finnvedens samordningsförbund", "", "06", "Gislaved, Gnosjö, Värnamo",
     "members: the common page of the län's three förbund ('För dig som bor eller arbetar i Gislaved - Gnosjö - Värnamo'; "
     "Vaggeryd is under Södra Vätterbygden there); exists 2023 (chair from Gnosjö kommun, "
     "finsamjonkopingslan.se/finnveden/nyheter/nyheter-finnvedens-samordningsforbund/2023-02-14-ny-ordforande-och-sociala-foretag); "
     "start not in the texts read", "", "", "", _JKP),
    ("Södra Vätterbygdens samordningsförbund", "Samordningsförbundet Södra Vätterbygden", "06", "Habo, Jönköping, Mullsjö, Vaggeryd",
     "members: the common page of the län's three förbund ('För dig som bor eller arbetar i Habo - Jönköping - Mullsjö - Vaggeryd'); "
     "its own pages sign 'Samordningsförbundet Södra Vätterbygden, c/o Jönköpings kommun'; start not in the texts read",
     "", "", "", _JKP),
    # Blekinge län
    ("Samordningsförbundet i Blekinge län", "Samordningsförbundet i Blekinge|Samordningsförbundet Blekinge", "10",
     "Karlshamn, Karlskrona, Olofström, Sölvesborg, Ronneby", "county-wide (the län's five kommuner); org. nr 222000-2451", "2006-11-27", "", "",
     "https://5dok.org/document/q7wlmg8d-%C3%A5rsredovisning-f%C3%B6r-r%C3%A4kenskaps%C3%A5ret.html"),
    # Kalmar län
    ("Samordningsförbundet i Kalmar län", "Samordningsförbundet Kalmar län", "08", "*08",
     "county-wide: 'länets tolv kommuner' with FK, AF and Landstinget i Kalmar län (annual report 2012)", "2005-10-01", "", "",
     "http://docplayer.se/567946-1-26-arsredovisning.html"),
    # Gotlands län
    ("Finsam Gotland", "", "09", "Gotland",
     "'ett samordningsförbund för Gotlands kommun' with FK and AF (Gotland is kommun and region in one); "
     "formed at a turn of the year that the texts read do not date (helagotland.se/start/?articleid=3573357)", "", "", "",
     "https://www.helagotland.se/start/?articleid=5069768"),
    # Kronobergs län
    ("Samordningsförbundet Värend", "", "07", "", "named as a party in 2020 " + _KRO_PARTIES + "; its own page on a pilot project it finances "
     "(https://sfvarend.se/l/insatser/81626: 'Samverkansteam Värend är ett pilotprojekt som finansieras av Samordningsförbundet "
     "Värend. Deltar gör Lessebo, Tingsryd, Uppvidinge, Växjö och Alvesta kommun.') names the kommuner taking part in that project, "
     "not the förbund's members, so members not confirmed by a source read", "", "", "", _KRO),
    ("Sunnerbo samordningsförbund", "", "07", "", "named as a party in 2020 " + _KRO_PARTIES + "; members not confirmed by a source read",
     "", "", "", _KRO),
    # Skåne län
    ("Finsam i Malmö", "Samordningsförbundet Finsam i Malmö|FINSAM Malmö|FINSAM i Malmö", "12", "Malmö",
     "member from the name", "", "", "",
     "https://finsamimalmo.se/vad-haender/finsam-blogg/storstadssamarbete-inom-finsam/?p=213"),
    ("Samordningsförbundet FINSAM i Helsingborg", "FINSAM i Helsingborg|Samordningsförbundet i Helsingborg", "12", "Helsingborg",
     "member from the name and the page (Helsingborgs stad); the page calls itself 'Samordningsförbundet'", "", "", "",
     "https://sfhelsingborg.se/aktuellt/2021-01-18/foerlaengning-av-paagaaende-utvecklingsprocesser"),
    ("Samordningsförbundet Eslöv, Höör och Hörby", "Finsam MittSkåne|Samordningsförbundet MittSkåne|Samordningsförbundet i MittSkåne", "12",
     "Eslöv, Höör, Hörby", "formed 2011-04-01; members AF, FK, Region Skåne and the three kommuner (also " + _UMA + ")",
     "2011-04-01", "", "", "https://www.finsammittskane.se/om-oss/"),
    ("Samordningsförbundet i Burlöv-Staffanstorp", "", "12", "Burlöv, Staffanstorp", "members from the name", "", "", "", _UMA),
    ("Samordningsförbundet i Kävlinge-Lomma", "", "12", "Kävlinge, Lomma", "members from the name", "", "", "", _UMA),
    ("Samordningsförbundet i Lund", "", "12", "Lund", "member from the name", "", "", "", _UMA),
    ("Samordningsförbundet i Trelleborg", "", "12", "Trelleborg", "member from the name; financed projects 2011–2015", "", "", "",
     "https://abcdocz.com/doc/4207223/koordinera-mera--om-koordinatorn-som-motor-f%C3%B6r"),
    ("Samordningsförbundet Skåne nordost", "Samordningsförbundet Skåne Nordost", "12",
     "Kristianstad, Hässleholm, Östra Göinge, Bromölla, Osby", "", "", "", "",
     "https://www.sfsno.se/category/intressant/"),
    ("Samordningsförbundet NNV Skåne", "", "12", "",
     "name as its own page writes it ('Samordningsförbundet NNV Skånes utvecklings- och beredningsgrupp'); the page says "
     "'De åtta samverkansparterna har bildat en styrelse som består av en ledamot och en ersättare från varje part' but does "
     "not name the parties, so members not confirmed by a source read; start not in the text read", "", "", "",
     "https://www.finsamnnvskane.se/om/"),
    ("Sydöstra Skånes samordningsförbund", "", "12", "Simrishamn, Sjöbo, Tomelilla, Ystad",
     "'inom kommunerna Simrishamn, Sjöbo, Tomelilla och Ystad' (Sjöbo kommun's page on its cooperations); start not in the text read",
     "", "", "", "https://www.sjobo.se/kommun-och-politik/kommunens-organisation/samarbeten.html"),
    # Hallands län
    ("Samordningsförbundet Halland", "Samordningsförbundet i Halland", "13", "*13",
     "county-wide: 'samtliga kommuner' with AF, FK and Region Halland; started 2010 (finsam.se, 2020-02-06, "
     "https://www.finsam.se/nyhetsarkiv/nyheter/2020-02-06-samordningsforbundet-halland-firar-10-ar: 'Samordningsförbundet "
     "Halland startade 2010 som ett av de sista länsförbunden'); start to the year as that text gives it", "2010", "", "",
     "https://www.sfhalland.se/node/38/sidfot"),
    # Västra Götalands län
    ("Samordningsförbundet Göteborg", "Samordningsförbundet i Göteborg", "14", "Göteborg",
     "merger of the four Göteborg förbund below", "2019-07-01", "", "", _GBG),
    ("Samordningsförbundet Göteborg Centrum", "", "14", "Göteborg", "merged into Samordningsförbundet Göteborg", "2005",
     "2019-07-01", "Samordningsförbundet Göteborg", _GBG),
    ("Samordningsförbundet Göteborg Nordost", "", "14", "Göteborg", "merged into Samordningsförbundet Göteborg", "",
     "2019-07-01", "Samordningsförbundet Göteborg", _GBG),
    ("Samordningsförbundet Göteborg Väster", "", "14", "Göteborg", "merged into Samordningsförbundet Göteborg", "",
     "2019-07-01", "Samordningsförbundet Göteborg", _GBG),
    ("Samordningsförbundet Göteborg Hisingen Delta", "", "14", "Göteborg", "merged into Samordningsförbundet Göteborg", "",
     "2019-07-01", "Samordningsförbundet Göteborg", _GBG),
    ("Samordningsförbundet Väst", "", "14", "Uddevalla, Orust, Färgelanda, Lysekil, Munkedal, Sotenäs, Tanum, Strömstad, Mellerud",
     "formed by merging Samordningsförbundet Norra Bohuslän and Samordningsförbundet Uddevalla, Orust och Färgelanda (decided 2014): "
     "members are the two förbunds' members; start date not confirmed; Mellerud joined at the turn of 2021/2022 when "
     "Samordningsförbundet Mellerud Vänersborg ended (" + _MV + ", forbund_membership.csv)", "", "", "", _LYS),
    ("Samordningsförbundet Norra Bohuslän", "", "14", "Lysekil, Munkedal, Sotenäs, Tanum, Strömstad",
     "merged into Samordningsförbundet Väst (decided 2014, " + _LYS + "; date not confirmed)", "2006-04-01", "",
     "Samordningsförbundet Väst", "http://docplayer.se/2529957-Arsredovisning-med-tillhorande-verksamhetsberattelse-2010.html"),
    ("Samordningsförbundet Uddevalla, Orust och Färgelanda", "", "14", "Uddevalla, Orust, Färgelanda",
     "members from the name; merged into Samordningsförbundet Väst (decided 2014; date not confirmed)", "", "",
     "Samordningsförbundet Väst", _LYS),
    ("Samordningsförbundet Ale, Kungälv, Stenungsund och Tjörn", "", "14", "Ale, Kungälv, Stenungsund, Tjörn",
     "members from the name; from 1 January 2018 joined with Samordningsförbundet Öckerö and named Samordningsförbundet Älv & Kust ("
     + _AOK + ")", "", "2018-01-01", "Samordningsförbundet Älv & Kust", "https://www.sofvg.se/alvochkust/page.php?kat=13&prodID=305"),
    ("Samordningsförbundet Öckerö", "", "14", "Öckerö",
     "member from the name; went together with Samordningsförbundet Ale, Kungälv, Stenungsund och Tjörn into Samordningsförbundet "
     "Älv & Kust from 1 January 2018; start not in the text read", "", "2018-01-01", "Samordningsförbundet Älv & Kust", _AOK),
    ("Samordningsförbundet Älv & Kust", "Samordningsförbundet Älv och Kust", "14", "Ale, Kungälv, Stenungsund, Tjörn, Öckerö",
     "'Tidigare hette vi Samordningsförbundet Ale, Kungälv, Stenungsund och Tjörn men från 1 januari 2018 har vi gått samman med "
     "Samordningsförbundet Öckerö'; members: the two predecessors' kommuner", "2018-01-01", "", "", _AOK),
    ("Samordningsförbundet Mölndal, Partille, Lerum, Härryda, Alingsås", "", "14", "Mölndal, Partille, Lerum, Härryda, Alingsås",
     "members from the name", "", "", "",
     "https://www.mucf.se/om-oss/aktuellt/pengar-till-kommuner-och-samordningsforbund-som-hjalper-unga-till-arbete"),
    ("Samordningsförbundet Trollhättan, Lilla Edet och Grästorp", "", "14", "Trollhättan, Lilla Edet, Grästorp",
     "members from the name; became Samordningsförbundet Södra Vänern with Vänersborg as a new member", "", "2022-01-01",
     "Samordningsförbundet Södra Vänern", "https://sofsv.se/page-valt.php?sida=1&inID=76"),
    ("Samordningsförbundet Södra Vänern", "", "14", "Trollhättan, Vänersborg, Lilla Edet, Grästorp",
     "Vänersborg came from Samordningsförbundet Mellerud Vänersborg, which ended at the turn of the year (" + _MV + ")",
     "2022-01-01", "", "",
     "https://sofsv.se/page-valt.php?sida=1&inID=76"),
    ("Samordningsförbundet Mellerud Vänersborg", "", "14", "Mellerud, Vänersborg",
     "members from the name; 'Sedan årsskiftet finns inte Samordningsförbundet Mellerud Vänersborg längre, istället ingår "
     "Mellerud i Samordningsförbundet Väst och Vänersborg ingår i Samordningsförbundet Södra Vänern' (finsam.se, 2022-02-14): "
     "its two kommuner went to two förbund, so no single successor; start not in the text read", "", "2022-01-01", "", _MV),
    ("Samordningsförbundet Bollebygd, Mark och Svenljunga", "", "14", "Bollebygd, Mark, Svenljunga",
     "three member kommuner (annual report 2008); a merger of the three Sjuhärad förbund was planned in 2010 (" + _SJU + "); "
     "end date not confirmed", "",
     "", "Sjuhärads samordningsförbund",
     "http://docplayer.se/24368116-Arsredovisning-2008-samordningsforbundet-bollebygd-mark-och-svenljunga.html"),
    ("Samordningsförbundet Tranemo och Ulricehamn", "", "14", "Tranemo, Ulricehamn", _SJU_NOTE, "", "",
     "Sjuhärads samordningsförbund", _SJU),
    ("Samordningsförbundet i Borås", "", "14", "Borås", _SJU_NOTE, "", "", "Sjuhärads samordningsförbund", _SJU),
    ("Sjuhärads samordningsförbund", "", "14", "Bollebygd, Borås, Herrljunga, Mark, Svenljunga, Tranemo, Ulricehamn, Vårgårda",
     "members as of the annual report 2013, the same eight on the förbund's own page (https://www.sjusam.se/om-forbundet/: "
     "'de åtta kommunerna; Bollebygd, Borås, Herrljunga, Mark, Svenljunga, Tranemo, Ulricehamn och Vårgårda'); start date not confirmed", "", "", "",
     "http://docplayer.se/977534-Arsredovisning-2013-for-sjuharads-samordningsforbund.html"),
    ("Samordningsförbundet Östra Skaraborg", "", "14", "Skövde, Hjo, Falköping, Tidaholm",
     "formed January 2015 by merging SkövdeHjoTiBorg and Falköping Tidaholm; members: the kommuner the two predecessors' names "
     "spell out ('TiBorg' is presumably Tibro and Karlsborg: not confirmed, so not listed)", "2015-01", "", "", _OSK),
    ("Samordningsförbundet SkövdeHjoTiBorg", "SkövdeHjoTiBorg", "14", "Skövde, Hjo",
     "name as the source writes it; members Skövde and Hjo from the name ('TiBorg' not confirmed); merged into Samordningsförbundet Östra Skaraborg",
     "", "2015-01", "Samordningsförbundet Östra Skaraborg", _OSK),
    ("Samordningsförbundet Falköping Tidaholm", "", "14", "Falköping, Tidaholm",
     "name as the source writes it; members from the name; merged into Samordningsförbundet Östra Skaraborg",
     "", "2015-01", "Samordningsförbundet Östra Skaraborg", _OSK),
    ("Samordningsförbundet Norra Skaraborg", "", "14", "", "named at the national Finsam conference 2013; members not confirmed by a source read", "", "", "",
     "http://docplayer.se/3965382-Nationell-finsamkonferens-10-11-april-2013-i-skovde.html"),
    ("Samordningsförbundet Norra Dalsland", "", "14", "",
     "exists (Värmland's landsting applied to join so that Säffle and Årjäng could); members not confirmed (a 2015 document list "
     "names a 'Samordningsförbundet Bengtsfors, Åmål, Dals-Ed, Säffle, Årjäng', docplayer.se/amp/17876345: perhaps this förbund, not confirmed); "
     "members not confirmed by a source read",
     "", "", "",
     "https://sverigesradio.se/sida/artikel.aspx?programid=93&artikel=4510289"),
    # Värmlands län
    ("Samordningsförbundet Samspelet", "", "17", "Karlstad, Hammarö, Grums, Kristinehamn",
     "owned by AF, FK, Region Värmland and the four kommuner; start not in the text read", "", "", "",
     "https://www.samspelet.se/om-oss/styrning-och-ledning/"),
    ("Klarälvdalens Samordningsförbund", "", "17", "Forshaga, Hagfors, Munkfors",
     "Forshaga and Munkfors from 2007-04-01, Hagfors joined 2008-01-01 (ESF project 2008); current status not confirmed",
     "2007-04-01", "", "",
     "https://www.esf.se/sv/Resultat/Projektbanken/Behallare-for-projekt/Norra-Mellansverige/Forprojekt---Utvecklad-Samverkan-i-Klaralvdalen/"),
    ("Fryksdalens samordningsförbund", "Fryksdalens samordningsförbund FINSAM", "17", "Torsby",
     "name as Torsby kommun's fullmäktige agenda of 2014-01-20 writes it ('Val till Fryksdalens samordningsförbund FINSAM efter "
     "Håkan Laack (S)'): Torsby elects a member of its board, so Torsby is a member; the other members not confirmed by a "
     "source read; start not in the text read", "", "", "",
     "https://slideum.com/doc/4926602/v%C3%A4rmlands-l%C3%A4ns---torsby-kommun"),
    ("Arvika-Eda samordningsförbund", "Arvika Eda samordningsförbund", "17", "Arvika, Eda",
     "name as its own pages head it ('Arvika-Eda samordningsförbund'; 'Arvika Eda samordningsförbund' in its 2020 notice on the "
     "corona risk, https://aesam.se/nyheter/smittspridning-risk.html, which says 'Våra finansierade insatser ligger inom Arvika "
     "kommuns arbetsmiljöansvar'); members from the name (no page read lists them); start not in the texts read",
     "", "", "", "https://aesam.se/nyheter/?page=3"),
    # Örebro län
    ("Samordningsförbundet Finsam i Örebro", "Finsam i Örebro", "18", "Örebro",
     "members 2010: FK, AF, Örebro läns landsting and Örebro kommun; org. nr 222000-2493", "", "", "",
     "https://docplayer.se/amp/141419804-Arsredovisning-januari-december-2010.html"),
    ("Samordningsförbundet Sydnärke", "", "18", "", "board minutes 2016 (Askersund, Kumla); members not confirmed by a source read (the minutes list no members; "
     "the minutes of 2016-04-25, https://5dok.org/document/q05xkjw9-sammantr%C3%A4desprotokoll-samordningsf%C3%B6rbundet-sydn%C3%A4rke-plats-tid-kumla-stadshus-kl.html, "
     "name applications from Hallsbergs kommun and Laxå kommun, not members)", "", "", "",
     "https://5dok.org/document/zlgvkxoo-plats-galeasen-western-hotell-norra-v%C3%A4ttern-askersund-n%C3%A4rvarande.html"),
    ("Finsam Samordningsförbundet Degerfors - Karlskoga", "Finsam Degerfors - Karlskoga|Finsam Degerfors-Karlskoga|Samordningsförbundet Degerfors-Karlskoga", "18",
     "Degerfors, Karlskoga", "'täcker de två kommuner som ingår i namnet'", "", "", "",
     "https://nwt.se/karlskoga-degerfors/2016/03/12/avmyndigfierad-plats"),
    # Västmanlands län
    ("Samordningsförbundet Västra Mälardalen", "", "19", "Köping, Arboga, Kungsör",
     "the same three kommuner with AF, FK and Region Västmanland on https://samordningvm.se/om-oss/om-samordningsforbund/; "
     + _VMLAN_NOTE + "; went into it: " + _VMOM_NOTE + "; end to the year as that page gives it",
     "2010-05", "2024", "Samordningsförbundet Västmanland",
     "http://samordningvastmanland.se/vm/om-forbundet/uppdrag.shtml"),
    ("Samordningsförbundet Västerås", "", "19", "Västerås", "member from the name; " + _VMLAN_NOTE
     + "; went into it: " + _VMOM_NOTE + "; start not in the texts read, end to the year as that page gives it",
     "", "2024", "Samordningsförbundet Västmanland", "http://vkl.se/"),
    ("Norra Västmanlands Samordningsförbund", "", "19", "Norberg, Skinnskatteberg, Fagersta, Sala, Hallstahammar, Surahammar",
     "members: the kommuner with board members in the minutes of 2010-11-18; formed 2005-09-01 and from 2024-01-01 "
     "Samordningsförbundet Västmanland (its own page, " + _NVS + ": 'Norra Västmanlands Samordningsförbund bildades "
     "2005-09-01. Från och med 2024-01-01 är vi Samordningsförbundet Västmanland.')", "2005-09-01", "2024-01-01",
     "Samordningsförbundet Västmanland",
     "https://docplayer.se/amp/16979200-Sida-sammantradesprotokoll-sammantradesdatum-2010-11-18-1.html"),
    ("Samordningsförbundet Västmanland", "", "19", "*19",
     "the county förbund: its own page (" + _VMOM + ") says it is to further rehabilitation cooperation 'mellan kommunerna i "
     "länet, Region Västmanland, Arbetsförmedlingen och Försäkringskassan' and " + _VMOM_NOTE + "; start 2024-01-01 from "
     "Norra Västmanlands Samordningsförbund's page (" + _NVS + "), the förbund's own page says only 2024; " + _VMLAN_NOTE
     + "; no kommun's own joining date is known", "2024-01-01", "", "", _VMOM),
    # Dalarnas län
    ("Samordningsförbundet Finsam Västerdalarna", "Finsam Västerdalarna", "20", "Malung-Sälen, Vansbro", "", "2008-01-01", "", "",
     "http://docplayer.se/1334944-Insa-vasterdalarna-arsredovisning-2010-samordningsforbundet-landstinget-dalarna-organisationsnummer-222000-2568.html"),
    ("Norra Dalarnas Finsamförbund", "Norra Dalarnas samordningsförbund", "20", "Mora, Orsa, Älvdalen",
     "the seventh förbund in Dalarna; 'Norra Dalarnas samordningsförbund bildades 1 maj 2013 ... Medlemmar i förbundet är "
     "kommunerna Mora, Orsa och Älvdalen, Arbetsförmedlingen, Försäkringskassan samt Region Dalarna' (its own page, "
     "https://www.finsamdalarna.se/norradalarna/); the Mora page in source dates the start of its work to 2 September 2013",
     "2013-05-01", "", "",
     "http://morakommun.se/Stod--omsorg/Nyheter-Stod--omsorg/Norra-Dalarnas-Finsamforbund-startar/"),
    ("Nedansiljans samordningsförbund", "Finsam Nedansiljan", "20", "Gagnef, Leksand, Rättvik",
     "'Nedansiljans samordningsförbund bildades 1 april 2007 ... Medlemmar i förbundet är kommunerna Gagnef, Leksand och Rättvik, "
     "Arbetsförmedlingen, Försäkringskassan och Landstinget Dalarna' (the page heads 'Hänt i Finsam Nedansiljan')", "2007-04-01", "", "",
     "https://www.finsamdalarna.se/nedansiljan/arkiv/ns-flytt/"),
    ("Finsam Falun", "", "20", "Falun", "merged with Finsam Borlänge", "", "2023-01-01", "Samordningsförbundet Finsam Falun-Borlänge",
     "https://www.finsamdalarna.se/fabo/f-hant-ny/f-fordjupat-samarbete-med-borlange/"),
    ("Finsam Borlänge", "", "20", "Borlänge", "merged with Finsam Falun", "", "2023-01-01", "Samordningsförbundet Finsam Falun-Borlänge",
     "https://www.finsamdalarna.se/fabo/f-hant-ny/f-fordjupat-samarbete-med-borlange/"),
    ("Samordningsförbundet Finsam Falun-Borlänge", "", "20", "Falun, Borlänge", "", "2023-01-01", "", "",
     "https://www.finsamdalarna.se/fabo/f-hant-ny/f-fordjupat-samarbete-med-borlange/"),
    ("Södra Dalarnas Samordningsförbund", "", "20", "Avesta, Hedemora, Säter",
     "members: the förbund's invitation to a 'lokalt medlemssamråd för Södra Dalarnas Samordningsförbund (SDS)' for 'medlemmarnas "
     "politiska och tjänstemannaledning ... i Avesta, Hedemora och Säter', with the board's proposed medelstilldelning 2020 "
     "'(FK/AF 50%, RegD 25%, Av 11%, He 8%, Sä 6%)' and results 'genom den finansiella samordningen 2014-2018' (undated page, "
     "spring 2019); in 2013 Säter was the one Dalarna kommun outside every förbund (Mora kommun, "
     "http://morakommun.se/Stod--omsorg/Nyheter-Stod--omsorg/Norra-Dalarnas-Finsamforbund-startar/), so Säter joined later, "
     "date not confirmed; start not in the text read", "", "", "",
     "https://www.finsamdalarna.se/lokalt-medlemsamrad/?titel=sodra-dalarna"),
    # Gävleborgs län
    ("Samordningsförbund Gävleborg", "Samordningsförbundet Gävleborg", "21", "*21",
     "county-wide: 'Samordningsförbund Gävleborg bildades i december 2014 ... är ett så kallat länsförbund genom att samtliga "
     "kommuner i länet är medlemmar tillsammans med Region Gävleborg, Arbetsförmedlingen och Försäkringskassan' (the foreword "
     "of FoU rapport 2017:1, FoU Välfärd Region Gävleborg, in source); start to the month as that text gives it; also "
     "Söderhamn's fullmäktige adopting the förbundsordning (http://www.soderhamn.se/omsorgochstod/nyhetsarkivomsorgochstod/"
     "nyheteromsorgochstod/samordningsforbundforrehabilitering.5.29cee6fb14939362c9213085.html) and the förbund's own page "
     "('ett av sju länsförbund i Sverige', http://finsamgavleborg.se/om-forbundet/om.aspx); no kommun's own joining date is known",
     "2014-12", "", "",
     "https://docplayer.se/107929347-En-baslinjematning-av-samverkansklimatet-fou-valfard-fou-rapport-2017-1.html"),
    # Västernorrlands län
    ("Samordningsförbund Ånge", "Samordningsförbundet Ånge", "22", "Ånge", "member from the name; plan and budget 2017 listed", "", "", "", _DP),
    ("Samordningsförbundet i Örnsköldsvik", "Samordningsförbundet Örnsköldsvik", "22", "Örnsköldsvik", "member from the page", "", "", "",
     "http://samordningsforbundet.se/ornskoldsvik/lokal-samverkansgrupp/"),
    # Jämtlands län
    ("Samordningsförbundet Jämtlands län", "Samordningsförbundet i Jämtlands län", "23", "", "exists (title of the source); its own page on its 10-year day "
     "(https://www.samjamt.se/samjamtdagen-forbundet-firar-10-ar/) says 'Digitalt deltog deltagarna från alla åtta kommuner, Region "
     "Jämtland Härjedalen, Arbetsförmedling (AF) och Försäkringskassan (FK), Länsstyrelsen, Mittuniversitetet och WSP': who took part "
     "that day, not the förbund's members, so members not confirmed by a source read; start not in the texts read (the page is undated)", "", "", "",
     "https://studylibsv.com/doc/1132974/bakgrund---samordningsf%C3%B6rbundet-i-j%C3%A4mtlands-l%C3%A4n"),
    # Västerbottens län
    ("Samordningsförbundet Umeå", "", "24", "Umeå", "org. nr 222000-1834; annual report 2011 (dev corpus h36); the same förbund "
     "later grew and was renamed Samordningsförbundet Umeåregionen (" + _UMR + "), the date of the name change not in the text read",
     "2005-05", "", "Samordningsförbundet Umeåregionen", "../shared/eval/dev/docs/h36_sf-umea-arsredovisning-2011.txt"),
    ("Samordningsförbundet Umeåregionen", "", "24", "Umeå, Vindeln, Vännäs, Robertsfors, Nordmaling, Bjurholm",
     "its own page: AF, FK, Region Västerbotten 'samt Umeå, Vindeln, Vännäs, Robertsfors, Nordmaling och Bjurholms kommuner som "
     "medlemmar'; 'Förbundet bildades 2005 under namnet Samordningsförbundet Umeå och har sedan successivt växt i och med att Vännäs, "
     "Vindeln, Nordmaling, Robertsfors och senast Bjurholm blivit medlemmar ... och därmed också bytt namn'; no join dates and no "
     "date of the new name in the text read, so start is left empty", "", "", "", _UMR),
    ("Samordningsförbundet Skellefteå", "", "24", "Skellefteå",
     "became Samordningsförbundet Skellefteå–Norsjö when Norsjö joined; start 2005-12-01 by Skellefteå kommun's page on its "
     "förbund members (https://troint.skelleftea.se/index.asp?page=detailNS&namnd=styrrehab: 'med start 2005-12-01')",
     "2005-12-01", "2014-01-01", "Samordningsförbundet Skellefteå–Norsjö", "https://samordningsforbund.se/skelleftea-norsjo/om-oss/"),
    ("Samordningsförbundet Skellefteå–Norsjö", "Samordningsförbundet Skellefteå-Norsjö", "24", "Skellefteå, Norsjö", "", "2014-01-01", "", "",
     "https://samordningsforbund.se/skelleftea-norsjo/om-oss/"),
    ("Samordningsförbundet Södra Lappland", "", "24", "Lycksele, Malå, Sorsele, Åsele, Storuman, Dorotea, Vilhelmina", "", "2005-06-09", "", "",
     "https://samordningsforbund.se/sodralappland/om-oss/"),
    # Norrbottens län
    ("Samordningsförbundet Consensus", "Consensus i Älvsbyn Samordningsförbund", "25", "Älvsbyn",
     "the förbund in Älvsbyn (" + _DP + "); merged 2020 into Samordningsförbundet Södra Norrbotten", "", "2020",
     "Samordningsförbundet Södra Norrbotten", "https://www.samordningnorrbotten.se/nyheter-210607"),
    ("Samordningsförbundet Pyramis", "Samordningsförbundet Pyramis i Luleå", "25", "Luleå",
     "'samordningsförbundet Pyramis i Luleå' (its förbundschef in the source); member Luleå from 'i Luleå'; one of the three "
     "förbund (Piteå, Älvsbyn, Luleå) whose boards agreed to merge from 1 January 2020 into Samordningsförbundet Södra Norrbotten; "
     "start not in the text read", "", "2020", "Samordningsförbundet Södra Norrbotten", _SNB),
    ("Samordningsförbundet Södra Norrbotten", "Samordningsförbundet södra Norrbotten", "25", "Luleå, Piteå, Älvsbyn, Boden",
     "formed 2020 by merging the förbund in Piteå, Älvsbyn (Samordningsförbundet Consensus) and Luleå (Samordningsförbundet Pyramis, "
     + _SNB + "; the Piteå förbund's name not confirmed); Boden joined 2021-06-01", "2020", "", "",
     "https://www.samordningnorrbotten.se/nyheter-210607"),
]

#: dated joins and leaves of single members (a member without a row here belongs from the
#: förbund's start to its end): (förbund, kommun name, since, until, source)
FORBUND_MEMBERSHIP = [
    ("Samordningsförbundet Södra Norrbotten", "Boden", "2021-06-01", "", "https://www.samordningnorrbotten.se/nyheter-210607"),
    ("Samordningsförbundet Väst", "Mellerud", "2022-01-01", "", _MV),
    ("Klarälvdalens Samordningsförbund", "Hagfors", "2008-01-01", "",
     "https://www.esf.se/sv/Resultat/Projektbanken/Behallare-for-projekt/Norra-Mellansverige/Forprojekt---Utvecklad-Samverkan-i-Klaralvdalen/"),
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


def _iso_prefix(value: str) -> bool:
    """'2005', '2010-05' and '2019-07-01' are dates as precise as the source gives them."""
    import re
    from datetime import date
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return False
    y, m, d = (list(map(int, value.split("-"))) + [1, 1])[:3]
    date(y, m, d)
    return True


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
    for name, aliases, county, members, note, start, end, successor, source in FORBUND:
        cs = codes(members)
        assert source, f"{name}: every förbund row needs the source it was read from"
        for d in (start, end):
            assert not d or _iso_prefix(d), (name, d)
        frows.append([name, aliases, county, "|".join(cs), "|".join(NAME_OF[c] for c in cs), note,
                      start, end, successor, "|".join(sorted({c[:2] for c in cs} | {county})), source])
    fnames = [r[0].casefold() for r in frows]
    assert len(fnames) == len(set(fnames)) and not set(fnames) & set(names)
    assert all(r[8].casefold() in fnames for r in frows if r[8]), "a successor that is not in the list"
    write(DATA / "samordningsforbund.csv",
          ["name", "aliases", "county_code", "members", "member_names", "note", "start", "end", "successor",
           "regions", "source"], frows)
    mrows = []
    for forbund, kommun, since, until, source in FORBUND_MEMBERSHIP:
        assert forbund.casefold() in fnames and source and all(not d or _iso_prefix(d) for d in (since, until))
        mrows.append([forbund, KOMMUN[kommun], kommun, since, until, source])
    write(DATA / "forbund_membership.csv", ["forbund", "kommun_code", "kommun_name", "since", "until", "source"], mrows)
    print(f"organizations.csv: {len(rows)} rows; samordningsforbund.csv: {len(frows)} rows")


if __name__ == "__main__":
    main()
