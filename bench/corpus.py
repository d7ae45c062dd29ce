"""A deterministic synthetic corpus: ESF-style project records and FINSAM-style news pages.

The documents look like the real ones in ``data/seeds`` and ``eval/dev/docs``: an ESF
record has the project bank's label lines (``Projektnummer:``, ``Projektägare:``,
``Beviljat ESF-stöd:`` …, the value on the line below) followed by prose; a FINSAM page is a
list of dated news items about insatser, with quotes, contact lines and teasers.

Actors come from the reference data (``loaders.reference``: the 290 kommuner, the agencies
and regions, every samordningsförbund with its members, the target-group taxonomy, common
given names) plus a pool of synthetic organisations (foundations, companies, folkhögskolor,
stadsmissioner, municipal units) and people. Every draw is Zipf-like over a fixed,
seed-shuffled ranking, so a few actors (Arbetsförmedlingen, Försäkringskassan, the large
kommuner, a handful of busy foundations) appear in a large share of documents - as in a
real project bank, which is what makes name resolution and ``MERGE`` contention realistic -
while the long tail keeps adding new actors as the corpus grows.

Determinism: document ``i`` depends only on ``(seed, i)`` (its own ``random.Random``), and
the pools only on ``seed``. So a corpus of 10k documents is exactly the first 10k documents
of the 50k corpus of the same seed, documents can be generated in any order or in parallel,
and nothing is held in memory but the pools (a few MB).

Files are written 1,000 to a folder (``000/000000_esf.txt`` …), so a prefix of the corpus
is a list of folders: :func:`corpus_paths`.

    python -m bench.corpus OUT_DIR -n 10000 --seed 1
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import json
import os
import random
import sys
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from loaders import reference as ref

#: bump when the generator's output changes (cached corpora are regenerated)
VERSION = 1
PER_DIR = 1000
ESF_SHARE = 0.6

# ---------------------------------------------------------------------------- vocabulary

SURNAMES = (
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
    "Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson "
    "Lindström Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist "
    "Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Ali Engström "
    "Mohammed Eklund Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson "
    "Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist "
    "Claesson Nordström Mårtensson Lundström Ahmed Viklund Björklund Eliasson Pålsson Hassan Berggren "
    "Sandström Lund Nordin Ström Åberg Hermansson Ekström Holmgren Sundberg Hedlund Dahlberg "
    "Hellström Sjögren Abdi Månsson Martinsson Öberg Strand Hedberg Nordqvist Falk Sundström Ek "
    "Blom Lindholm Jonasson Andreasson Sundqvist Dahl Lindblom Norberg Åkesson Hosseini Nguyen "
    "Söderström Hussein Omar Ivarsson Nordlund Kovač Berisha Yilmaz Haddad Karimi Rahimi Lindahl "
    "Hägglund Backman Nyholm Sandin Edlund Bäckström Engberg Wahlström Rosén Östlund Ekberg Lundell "
    "Hammar Granath Forslund Grönlund Westberg Åström Lindén Kjellberg Melin Borg Strömberg"
).split()

ROLES = ("projektledare", "samordnare", "förbundschef", "enhetschef", "verksamhetschef",
         "koordinator", "processledare", "arbetsmarknadskonsulent", "utvecklingsledare",
         "handläggare", "projektsamordnare", "avdelningschef", "arbetsterapeut", "studie- och yrkesvägledare")

UNITS = ("Arbetsmarknadsförvaltningen", "Socialförvaltningen", "Arbetsmarknadsenheten",
         "Vuxenutbildningen", "Integrationsenheten", "Utbildningsförvaltningen",
         "Funktionsstödsförvaltningen", "Arbetsmarknads- och vuxenutbildningsförvaltningen",
         "Individ- och familjeomsorgen", "Kompetenscenter")

FOUNDATION_A = ("Nya", "Gröna", "Öppna", "Starka", "Hela", "Goda", "Framtida", "Trygga", "Unga",
                "Lokala", "Gemensamma", "Breda", "Ljusa", "Fria", "Aktiva", "Stora", "Nära", "Egna")
FOUNDATION_B = ("Vägar", "Steg", "Broar", "Händer", "Möten", "Rötter", "Kliv", "Dörrar", "Vingar",
                "Kraft", "Hopp", "Gården", "Huset", "Platsen", "Nätet", "Spåret", "Bron", "Porten",
                "Källan", "Verkstaden", "Navet", "Hamnen", "Stigen", "Ljuset")
TRADES = ("Kompetens", "Utbildning", "Rekrytering", "Omsorg", "Bemanning", "Konsult", "Coaching",
          "Integration", "Service", "Friskvård", "Logistik", "Fastighetsservice", "Vård", "Städ")
NETWORK_WORDS = ("Hela Människan", "Individuell Människohjälp", "Röda Korset", "Frälsningsarmén",
                 "Studieförbundet Vuxenskolan", "ABF", "Folkuniversitetet", "Medborgarskolan")

PROJECT_A = ("Vägen", "Steget", "Bron", "Nyckeln", "Kliv", "Språnget", "Resan", "Spåret", "Porten",
             "Navet", "Kompassen", "Starten", "Vändpunkten", "Lotsen", "Trampolinen", "Växthuset",
             "Plattformen", "Motorn", "Stegen", "Hamnen", "Pusslet", "Verkstan")
PROJECT_B = ("till arbete", "vidare", "framåt", "in", "mot egen försörjning", "till jobb",
             "till studier", "ut", "hem", "mot framtiden", "till självförsörjning", "i arbetslivet",
             "för alla", "tillsammans", "2.0", "i samverkan", "mot arbetsmarknaden")
PROJECT_ONEWORD = ("Jobbstart", "Integrationslyftet", "Kompetenslyftet", "Arbetsnyckeln",
                   "Framtidsverkstan", "Språkbron", "Samverkanslotsen", "Hälsolyftet", "Jobbsprånget",
                   "Vägledningscentrum", "Aktivitetshuset", "Ungdomslotsen", "Mentorskraft",
                   "Individsamverkansteamet", "Arbetsträningsnavet", "Stegvis", "Nystart", "Livslust")

ESF_REGIONS = {
    "01": "Stockholm", "03": "Östra Mellansverige", "04": "Östra Mellansverige",
    "05": "Östra Mellansverige", "18": "Östra Mellansverige", "19": "Östra Mellansverige",
    "06": "Småland och öarna", "07": "Småland och öarna", "08": "Småland och öarna",
    "09": "Småland och öarna", "10": "Sydsverige", "12": "Sydsverige", "13": "Västsverige",
    "14": "Västsverige", "17": "Norra Mellansverige", "20": "Norra Mellansverige",
    "21": "Norra Mellansverige", "22": "Mellersta Norrland", "23": "Mellersta Norrland",
    "24": "Övre Norrland", "25": "Övre Norrland",
}
SPECIFIC_OBJECTIVES = ("1.1", "1.2", "2.1", "2.2", "2.3", "3.1")

#: how each target group is written in running text and in a bullet list
TARGET_PHRASES = {
    "long_term_unemployed": ("långtidsarbetslösa", "Långtidsarbetslösa (mer än 12 månader)"),
    "far_from_labour_market": ("personer som står långt från arbetsmarknaden",
                               "Personer som står långt från arbetsmarknaden"),
    "not_registered_af": ("personer som inte är inskrivna på Arbetsförmedlingen",
                          "Personer utanför arbetsmarknaden, d.v.s. som inte är inskrivna på AF"),
    "newly_arrived": ("nyanlända", "Nyanlända inom etableringen"),
    "foreign_born": ("utrikes födda", "Utrikes födda"),
    "foreign_born_women": ("utrikes födda kvinnor", "Utrikes födda kvinnor"),
    "low_swedish_proficiency": ("personer med svaga kunskaper i svenska",
                                "Personer med svaga kunskaper i svenska språket"),
    "sfi_students": ("sfi-studerande", "Sfi-studerande som riskerar att avbryta sina studier"),
    "short_education": ("personer med kort utbildning", "Personer med kort skolbakgrund"),
    "social_assistance_recipients": ("personer med försörjningsstöd",
                                     "Personer med försörjningsstöd"),
    "persons_with_disabilities": ("personer med funktionsnedsättning",
                                  "Personer med funktionsnedsättning som medför nedsatt arbetsförmåga"),
    "daily_activity_participants": ("personer i daglig verksamhet", "Personer i daglig verksamhet"),
    "sick_listed": ("sjukskrivna", "Personer som varit sjukskrivna och behöver stöd för återgång i arbete"),
    "mental_ill_health": ("personer med psykisk ohälsa", "Personer med psykisk ohälsa"),
    "young_activity_compensation": ("unga med aktivitetsersättning", "Unga med aktivitetsersättning"),
    "young_people": ("unga vuxna", "Unga mellan 16 och 29 år"),
    "women": ("kvinnor", "Kvinnor"),
    "professionals": ("handläggare och medarbetare", "Handläggare och medarbetare i de samverkande organisationerna"),
    "employers": ("arbetsgivare", "Arbetsgivare"),
}

PROSE_ESF = (
    "Projektet bygger på erfarenheter från tidigare insatser där samordningen mellan aktörerna har varit svag.",
    "Många deltagare har under lång tid bollats mellan olika myndigheter utan att komma närmare arbete.",
    "Genom individuellt anpassat stöd ska deltagarna stärka sina möjligheter till arbete eller studier.",
    "Metoden utgår från varje deltagares egna förutsättningar, mål och drivkrafter.",
    "En viktig del är att utveckla arbetssätt som kan leva kvar i ordinarie verksamhet efter projekttiden.",
    "Erfarenheterna ska spridas till andra kommuner med liknande utmaningar.",
    "Projektet kommer att följas av en extern utvärderare som ger löpande återkoppling.",
    "Deltagarna erbjuds arbetsträning, praktik, studiebesök och vägledning i grupp och individuellt.",
    "Arbetet sker i nära samverkan med lokala arbetsgivare som erbjuder praktikplatser.",
    "Jämställdhet, tillgänglighet och icke-diskriminering ska genomsyra hela projektet.",
    "Behovsanalysen visar att andelen som går vidare till arbete efter avslutade insatser är låg.",
    "Styrgruppen följer projektets resultat och ansvarar för att lärdomarna tas tillvara.",
    "Kompetensutveckling för personalen är en förutsättning för att nya arbetssätt ska fungera.",
    "Projektet arbetar med tydliga mål för varje individ och ett långsiktigt perspektiv.",
    "Under projekttiden prövas en modell för tidiga och samordnade insatser.",
    "Språkinlärning kombineras med praktik så att deltagarna kan använda svenskan i vardagen.",
    "Hälsofrämjande aktiviteter ingår eftersom ohälsa ofta är ett hinder för att komma vidare.",
    "Målet är att minst hälften av deltagarna ska ha gått vidare till arbete eller studier vid avslut.",
    "Projektet ska bidra till en strukturell och långsiktig förändring i hur aktörerna samverkar.",
    "Det saknas i dag en gemensam bild av målgruppens behov hos de berörda aktörerna.",
    "Coachning och motiverande samtal är centrala delar av arbetsmetoden.",
    "Deltagarna ska få stöd under hela vägen, från kartläggning till anställning.",
    "Digitala verktyg används för att nå deltagare som bor långt från projektets lokaler.",
    "En metodbok kommer att tas fram och spridas till andra verksamheter i regionen.",
)
PROSE_NEWS = (
    "Insatsen har fått goda omdömen från både deltagare och handläggare.",
    "Målet är att fler ska komma ut i arbete eller studier och bli självförsörjande.",
    "Arbetet har pågått sedan förra året och nu finns de första resultaten.",
    "Styrelsen beslutade vid sitt senaste möte att förlänga insatsen ytterligare ett år.",
    "Under hösten genomförs en uppföljning av hur deltagarna har gått vidare.",
    "Insatsen utvärderas med hjälp av det gemensamma uppföljningssystemet SUS.",
    "Förbundet arbetar för att parterna ska samordna sina resurser kring individen.",
    "Det handlar om att hitta vägar så att ingen faller mellan myndigheternas stolar.",
    "Nu ska arbetssättet implementeras i ordinarie verksamhet hos parterna.",
    "Intresset för insatsen har varit stort och fler deltagare än väntat har skrivits in.",
    "Flera deltagare har redan fått anställning eller börjat studera.",
    "Beredningsgruppen har arbetat fram ett förslag som nu har godkänts.",
)
HEADLINES = (
    "{project} får fortsatt finansiering",
    "Ny insats ska ge fler chansen till arbete",
    "{project} har startat",
    "Goda resultat för {project}",
    "Satsning på samverkan kring {target}",
    "{owner} driver ny insats för {target}",
    "Förbundet beviljar medel till {project}",
    "Erfarenheter från {project} sprids",
)
TEASERS = (
    "Styrgruppen för {project} träffades idag för att följa upp arbetet.",
    "{org} och förbundet bjuder in till dialogmöte om samverkan.",
    "Förbundet har ny förbundschef. Den nya förbundschefen heter {person}.",
    "Nu finns årsredovisningen för förra året publicerad.",
    "Välkommen till frukostseminarium om {target} den 12 mars.",
    "{org} besöker förbundet för att diskutera uppföljningen av {project}.",
    "Beredningsgruppen har haft sitt sista möte för terminen.",
)
QUOTES = (
    "Samarbetet är avgörande för att individuella styrkor ska kunna tas till vara på arbetsmarknaden",
    "Vi ser redan att fler deltagare tar steget vidare till arbete eller studier",
    "Det viktiga nu är att vi tar hem kunskaperna till ordinarie verksamhet",
    "Vi jobbar med dem som står allra längst bort från arbetsmarknaden",
    "Genom att arbeta parallellt kan vi korta tiden för den enskilde",
)
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december")


# ---------------------------------------------------------------------------- sampling

class Zipf:
    """Ranks 0..n-1 drawn with weight 1/(rank+1)**s (inverse CDF, O(log n) per draw)."""

    def __init__(self, n: int, s: float):
        self.n = n
        self.cum = list(itertools.accumulate(1.0 / (k + 1) ** s for k in range(n)))
        self.total = self.cum[-1]

    def draw(self, rng: random.Random) -> int:
        return min(bisect.bisect_left(self.cum, rng.random() * self.total), self.n - 1)

    def draw_distinct(self, rng: random.Random, k: int) -> list[int]:
        out: list[int] = []
        for _ in range(k * 4):
            if len(out) >= min(k, self.n):
                break
            r = self.draw(rng)
            if r not in out:
                out.append(r)
        return out


@dataclass(frozen=True)
class Org:
    name: str
    kind: str
    county: str = ""          # county code ("12"), "" when national
    kommun: str = ""          # seat kommun code, when known
    domain: str = ""


def _ascii(s: str) -> str:
    s = s.replace("å", "a").replace("ä", "a").replace("ö", "o").replace("Å", "A").replace("Ä", "A").replace("Ö", "O")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _domain(name: str) -> str:
    words = [w for w in _ascii(name).lower().replace(",", " ").split() if w not in {"ab", "och", "i"}]
    return ("".join(words[:2]) or "org") + ".se"


def _sek(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def _join(names: list[str]) -> str:
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


# ---------------------------------------------------------------------------- the corpus

class Corpus:
    """The pools of one seed, and the documents drawn from them."""

    def __init__(self, seed: int = 1):
        self.seed = seed
        rng = random.Random(f"samverkan-bench/{seed}/pools")
        kommuner = [m for m in ref.municipalities()]
        # big kommuner first (rank ~ size), then a seeded shuffle of the rest
        big = ["0180", "1480", "1280", "0380", "0580", "1880", "0581", "1980", "2480", "1283",
               "0680", "1281", "2180", "0880", "1780", "1380", "0780", "2281", "1290", "2080"]
        by_code = {m.code: m for m in kommuner}
        rest = [m for m in kommuner if m.code not in big]
        rng.shuffle(rest)
        self.kommuner = [by_code[c] for c in big if c in by_code] + rest
        self.kommun_zipf = Zipf(len(self.kommuner), 0.9)
        self.kommuner_in_county: dict[str, list] = {}
        for m in self.kommuner:
            self.kommuner_in_county.setdefault(m.county_code, []).append(m)

        refs = ref.organizations()
        agencies = [o for o in refs if o.kind == "agency"]
        top = {"Arbetsförmedlingen": 0, "Försäkringskassan": 1}
        agencies.sort(key=lambda o: top.get(o.name, 2))
        head, tail = agencies[:2], agencies[2:]
        rng.shuffle(tail)
        self.agencies = [Org(o.name, "agency", o.county_code, o.seat_code, _domain(o.name)) for o in head + tail]
        self.agency_zipf = Zipf(len(self.agencies), 1.6)
        self.regions = {o.county_code: Org(o.name, "region", o.county_code, o.seat_code, _domain(o.name))
                        for o in refs if o.kind == "region" and o.county_code}
        fb = [o for o in refs if o.kind == "coordination_association" and o.members]
        rng.shuffle(fb)
        self.forbund = fb
        self.forbund_zipf = Zipf(len(fb), 0.8)
        others = [o for o in refs if o.kind in ("education", "nonprofit", "network", "company", "other")]
        self.ref_others = [Org(o.name, o.kind, o.county_code, o.seat_code, _domain(o.name)) for o in others]

        # synthetic organisations: every combination, seed-shuffled, then Zipf over the ranking
        synth: list[Org] = []
        for a, b in itertools.product(FOUNDATION_A, FOUNDATION_B):
            synth.append(Org(f"Stiftelsen {a} {b}", "nonprofit"))
        for s, t in itertools.product(SURNAMES, TRADES):
            synth.append(Org(f"{s} {t} AB", "company"))
        for m in kommuner:
            synth.append(Org(f"{m.name} folkhögskola", "education", m.county_code, m.code))
            if rng.random() < 0.25:
                synth.append(Org(f"{m.name} Stadsmission", "nonprofit", m.county_code, m.code))
            for u in UNITS:
                synth.append(Org(f"{m.org_name}, {u}", "municipal_unit", m.county_code, m.code))
        rng.shuffle(synth)
        synth = self.ref_others + synth
        self.orgs = [Org(o.name, o.kind, o.county, o.kommun, o.domain or _domain(o.name)) for o in synth]
        self.org_zipf = Zipf(len(self.orgs), 1.05)

        firsts = [n for n in ref.first_names() if " " not in n]
        people = [(f, s) for f in firsts for s in SURNAMES]
        rng.shuffle(people)
        self.people = people
        self.people_zipf = Zipf(len(people), 0.75)

        tgs = [t.key for t in ref.target_groups() if t.key in TARGET_PHRASES]
        tgs.sort(key=lambda k: list(TARGET_PHRASES).index(k))
        self.targets = tgs
        self.target_zipf = Zipf(len(tgs), 0.9)

    # ---- draws
    def kommun(self, rng, county: str | None = None):
        if county and county in self.kommuner_in_county and rng.random() < 0.8:
            return rng.choice(self.kommuner_in_county[county])
        return self.kommuner[self.kommun_zipf.draw(rng)]

    def kommun_org(self, m) -> Org:
        return Org(m.org_name, "municipality_org", m.county_code, m.code, _domain(m.name + " kommun"))

    def agency(self, rng) -> Org:
        return self.agencies[self.agency_zipf.draw(rng)]

    def org(self, rng) -> Org:
        return self.orgs[self.org_zipf.draw(rng)]

    def person(self, rng) -> tuple[str, str]:
        return self.people[self.people_zipf.draw(rng)]

    def target_keys(self, rng, k: int) -> list[str]:
        return [self.targets[r] for r in self.target_zipf.draw_distinct(rng, k)]

    def project_name(self, i: int) -> str:
        """The name of the project of document ``i`` (stable, so later pages can cite it)."""
        rng = random.Random(f"samverkan-bench/{self.seed}/project/{i}")
        r = rng.random()
        if r < 0.25:
            base = rng.choice(PROJECT_ONEWORD)
        else:
            base = f"{rng.choice(PROJECT_A)} {rng.choice(PROJECT_B)}"
        if rng.random() < 0.5:
            base = f"{base} {self.kommuner[self.kommun_zipf.draw(rng)].name}"
        return base

    @staticmethod
    def kind_of(seed: int, i: int) -> str:
        return "esf" if random.Random(f"samverkan-bench/{seed}/kind/{i}").random() < ESF_SHARE else "news"

    def document(self, i: int) -> tuple[str, str]:
        """(relative path, text) of document ``i``."""
        kind = self.kind_of(self.seed, i)
        rng = random.Random(f"samverkan-bench/{self.seed}/doc/{i}")
        text = self._esf(i, rng) if kind == "esf" else self._news(i, rng)
        return f"{i // PER_DIR:03d}/{i:06d}_{kind}.txt", text

    def iter_documents(self, n: int, start: int = 0):
        for i in range(start, n):
            yield self.document(i)

    # ---- ESF project record
    def _owner(self, rng) -> Org:
        r = rng.random()
        if r < 0.30:
            return self.kommun_org(self.kommun(rng))
        if r < 0.40:
            return self.regions[rng.choice(sorted(self.regions))]
        if r < 0.48:
            f = self.forbund[self.forbund_zipf.draw(rng)]
            return Org(f.name, "coordination_association", f.county_code, f.members[0], _domain(f.name))
        if r < 0.53:
            return self.agency(rng)
        return self.org(rng)

    def _esf(self, i: int, rng: random.Random) -> str:
        name = self.project_name(i)
        year = 2008 + (i % 17)
        pid = f"{year}/{(i // 17) + 100:05d}"  # unique per i (i < 1.7M)
        owner = self._owner(rng)
        county = owner.county or self.kommun(rng).county_code
        home = (ref.municipality_by_code().get(owner.kommun) if owner.kommun else None) or self.kommun(rng, county)
        county = county or home.county_code
        region = ESF_REGIONS.get(county, "Stockholm")
        start_m = rng.randint(1, 12)
        start = f"{year}-{start_m:02d}-01"
        months = rng.choice((12, 18, 24, 30, 36))
        end_y, end_m = year + (start_m - 1 + months) // 12, (start_m - 1 + months) % 12 + 1
        end = f"{end_y}-{end_m:02d}-{28 if end_m == 2 else 30 if end_m in (4, 6, 9, 11) else 31}"
        budget = rng.randint(15, 600) * 100_000 + rng.randint(0, 99_999)
        support = int(budget * rng.uniform(0.4, 0.7))
        participants = rng.choice((40, 60, 80, 100, 120, 145, 200, 250, 300, 500))
        first, last = self.person(rng)
        email = f"{_ascii(first).lower()}.{_ascii(last).lower()}@{owner.domain or 'example.se'}"
        unit = rng.choice(UNITS) if owner.kind == "municipality_org" and rng.random() < 0.6 else None
        owner_line = f"{owner.name}, {unit}" if unit else f"{owner.name}, {owner.name}" if rng.random() < 0.3 else owner.name

        # label lines: the project bank's two layouts (value below the label, or on the same line)
        fields = [("Projektnamn" if rng.random() < 0.5 else "Namn", name), ("Region", region),
                  ("Projektägare", owner_line), ("Projektnummer", pid),
                  ("Planerat antal deltagare", str(participants)), ("Projektperiod", f"{start} - {end}"),
                  ("Total projektbudget", _sek(budget)), ("Beviljat ESF-stöd", _sek(support)),
                  ("Kontaktperson", f"{first} {last}"), ("E-post", email),
                  ("Specifikt mål", rng.choice(SPECIFIC_OBJECTIVES))]
        if rng.random() < 0.3:
            fields.insert(0, ("Diarienummer", pid))
        inline = rng.random() < 0.3
        head = "\n".join(f"{k}: {v}" if inline else f"{k}:\n{v}" for k, v in fields)

        partners: list[Org] = []
        for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
            r = rng.random()
            o = (self.agency(rng) if r < 0.45 else self.kommun_org(self.kommun(rng, county)) if r < 0.7
                 else self.regions.get(county) or self.org(rng) if r < 0.8 else self.org(rng))
            if o.kind == "municipal_unit":  # "X kommun, Enheten" would read as two partners in a list
                o = self.kommun_org(ref.municipality_by_code()[o.kommun])
            if o.name != owner.name and o.name not in [p.name for p in partners]:
                partners.append(o)
        places = [home] + [self.kommun(rng, county) for _ in range(rng.choice((0, 0, 1, 2, 3)))]
        places = list({m.code: m for m in places}.values())
        targets = self.target_keys(rng, rng.choice((1, 2, 2, 3, 4)))

        body = [name, ""]
        body.append(" ".join(rng.sample(PROSE_ESF, 3)))
        body.append(f"{owner.name} driver projektet tillsammans med {_join([p.name for p in partners])}."
                    if partners else f"{owner.name} driver projektet.")
        body.append("Projektets målgrupper är:")
        body += [f"- {TARGET_PHRASES[t][1]}" for t in targets]
        body.append("")
        body.append("Bakgrund")
        body.append(" ".join(rng.sample(PROSE_ESF, rng.randint(3, 6))))
        body.append(f"Projektet genomförs i {_join([m.name for m in places])}, där behoven hos "
                    f"{TARGET_PHRASES[targets[0]][0]} är stora.")
        body.append("Genomförande")
        body.append(" ".join(rng.sample(PROSE_ESF, rng.randint(4, 8))))
        if partners and rng.random() < 0.6:
            p = rng.choice(partners)
            body.append(f"I samverkan med {p.name} utvecklas en gemensam modell för stöd till "
                        f"{TARGET_PHRASES[rng.choice(targets)][0]}.")
        body.append("Mål")
        body.append(" ".join(rng.sample(PROSE_ESF, rng.randint(2, 4))))
        return f"{pid} - {name}\n\n{head}\n\n" + "\n".join(body) + "\n"

    # ---- FINSAM news page
    def _news(self, i: int, rng: random.Random) -> str:
        fb = self.forbund[self.forbund_zipf.draw(rng)]
        members = [ref.municipality_by_code()[c] for c in fb.members if c in ref.municipality_by_code()]
        county = fb.county_code or (members[0].county_code if members else "")
        y = 2012 + rng.randint(0, 13)
        m0, d0 = rng.randint(1, 12), rng.randint(1, 28)
        items = []
        for k in range(rng.choice((2, 3, 3, 4, 5))):
            d = max(1, d0 - 3 * k)
            date = f"{y}-{m0:02d}-{d:02d}"
            items.append(self._news_item(i, k, rng, fb, members, county, date, long=k < 2))
        return f"{fb.name}\n\nNyheter\n\n" + "\n\n".join(items) + f"\n\nPublicerad av {fb.name} · artikel {i + 1000}\n"

    def _news_item(self, i, k, rng, fb, members, county, date, long) -> str:
        # an insats of its own, or a project of an earlier record (resolution across documents)
        if i > 0 and rng.random() < 0.35:
            project = self.project_name(rng.randrange(0, i))
        else:
            project = self.project_name(10_000_000 + i * 8 + k)
        member = rng.choice(members) if members else self.kommun(rng, county)
        owner = self.kommun_org(member) if rng.random() < 0.6 else (
            self.agency(rng) if rng.random() < 0.5 else self.org(rng))
        targets = self.target_keys(rng, rng.choice((1, 1, 2, 3)))
        tgt = TARGET_PHRASES[targets[0]][0]
        fmt = dict(project=project, owner=owner.name, target=tgt)
        if not long:
            first, last = self.person(rng)
            teaser = rng.choice(TEASERS).format(project=project, org=self.agency(rng).name,
                                                person=f"{first} {last}", target=tgt)
            return f"{date}\n\n{rng.choice(HEADLINES).format(**fmt)}\n\n{teaser}"
        partners = [self.agency(rng) for _ in range(rng.choice((1, 2, 2)))]
        if rng.random() < 0.5:
            partners.append(self.org(rng))
        if rng.random() < 0.4 and county in self.regions:
            partners.append(self.regions[county])
        partners = [p for p in dict.fromkeys(partners) if p.name != owner.name and p.kind != "municipal_unit"]
        amount = rng.randint(5, 80) * 100_000
        fb_name = fb.name if rng.random() < 0.7 else (fb.aliases[0] if fb.aliases else fb.name)
        intro = (f"{project} är en insats som {fb_name} finansierar med {_sek(amount)} kronor. "
                 if rng.random() < 0.6 else
                 f"{fb_name} har beviljat {_sek(amount)} kronor till insatsen ”{project}”. ")
        p1 = (intro +
              f"{owner.name} driver insatsen i samverkan med {_join([p.name for p in partners]) or 'parterna'}. "
              f"Insatsen riktar sig till {_join([TARGET_PHRASES[t][0] for t in targets])} i {member.name}.")
        p2 = " ".join(rng.sample(PROSE_NEWS, rng.randint(2, 4)))
        first, last = self.person(rng)
        role = rng.choice(ROLES)
        quote = f"– {rng.choice(QUOTES)}, säger {first} {last}, {role} på {owner.name}."
        c_first, c_last = self.person(rng)
        c_org = rng.choice(partners) if partners and rng.random() < 0.5 else owner
        contact = f"Kontaktperson:\n{c_first} {c_last}, {rng.choice(ROLES)}, {c_org.name}"
        if rng.random() < 0.4:
            p3 = " ".join(rng.sample(PROSE_NEWS, 2))
            return f"{date}\n\n{rng.choice(HEADLINES).format(**fmt)}\n\n{p1}\n\n{p2}\n\n{quote}\n\n{p3}\n\n{contact}"
        return f"{date}\n\n{rng.choice(HEADLINES).format(**fmt)}\n\n{p1}\n\n{p2}\n\n{quote}\n\n{contact}"


# ---------------------------------------------------------------------------- on disk

@lru_cache(maxsize=8)
def corpus(seed: int = 1) -> Corpus:
    return Corpus(seed)


def default_root() -> Path:
    return Path(os.environ.get("SAMVERKAN_BENCH_CORPUS",
                               Path.home() / ".cache" / "samverkan" / "bench-corpus"))


def write_corpus(out_dir: str | Path, n: int, seed: int = 1, *, progress=None) -> Path:
    """Write documents 0..n-1 under ``out_dir`` (idempotent: existing complete folders stay).

    A hidden ``.manifest.json`` records seed, version and size; a corpus written for the
    same seed and version is extended, not rewritten. Returns ``out_dir``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / ".manifest.json"
    have = 0
    if manifest.exists():
        m = json.loads(manifest.read_text())
        if m.get("seed") == seed and m.get("version") == VERSION:
            have = m.get("n", 0)
        else:
            raise SystemExit(f"{out} holds a corpus of another seed/version ({m}); use another folder")
    if have >= n:
        return out
    c = corpus(seed)
    for i in range(have, n):
        rel, text = c.document(i)
        path = out / rel
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if progress and (i + 1) % 5000 == 0:
            progress(i + 1)
    manifest.write_text(json.dumps({"seed": seed, "version": VERSION, "n": n}))
    return out


def corpus_paths(root: str | Path, n: int) -> list[Path]:
    """The folders (and, for a partial last folder, files) holding documents 0..n-1."""
    root = Path(root)
    full, rest = divmod(n, PER_DIR)
    paths: list[Path] = [root / f"{d:03d}" for d in range(full)]
    if rest:
        last = root / f"{full:03d}"
        paths += sorted(last.glob("*.txt"))[:rest]
    return paths


def ensure_corpus(n: int, seed: int = 1, root: str | Path | None = None, progress=None) -> Path:
    root = Path(root) if root else default_root() / f"seed{seed}-v{VERSION}"
    return write_corpus(root, n, seed, progress=progress)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n")[0])
    ap.add_argument("out", nargs="?", help="output folder (default: ~/.cache/samverkan/bench-corpus/seedS-vV)")
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--print", dest="show", type=int, metavar="I", help="print document I and exit")
    a = ap.parse_args(argv)
    if a.show is not None:
        rel, text = corpus(a.seed).document(a.show)
        print(f"# {rel}\n{text}")
        return 0
    t0 = time.perf_counter()
    out = ensure_corpus(a.n, a.seed, a.out)
    print(f"{a.n} documents in {out} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
