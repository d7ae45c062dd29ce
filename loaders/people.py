"""Recognise named people, their titles and the text that states their affiliation.

A person is a run of two to four capitalised words whose first (or second)
word is a known given name, or any such run in a position that only names take
("Kontaktperson: X", a speaker line "Name, Title, Organisation"). The words
after the name up to the end of its line or sentence are its *affiliation
zone*: the title as written, and the organisations that employ the person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.doc import Doc
from loaders.gazetteer import Gazetteer, fold
from loaders.text import is_speaker_line

U = "A-ZÅÄÖÉÜØÆÁÍÓÚ"
L = "a-zåäöéüøæçšćčžíáóúñ"
NAMEWORD = rf"[{U}][{L}’']+(?:-[{U}]?[{L}’']+)?"
PARTICLE = r"(?:af|von|van|de|da|del|bin|al|El|el|Al)"
_NAME = re.compile(rf"(?<![\w\-])({NAMEWORD}(?:[ ](?:{PARTICLE}[ -])?{NAMEWORD}){{1,3}})(?![\w\-])")
_ROLE_BEFORE = re.compile(
    rf"(?:^|[\s(])((?:(?:(?:^|(?<=[.!?:]\s))[{U}][{L}\-]{{3,}}|[{L}\-]+)(?:chef|ande|are|ör|ledare|log|man|råd|hövding|sekreterare|"
    rf"ordförande|moderator|professor|docent|rektor|direktör|handläggare|samordnare|koordinator|"
    rf"projektledare|minister|talesperson|forskare|utredare))(?:en|n)?)(?:,)?\s+$")
# reporting verbs put a name right after them: "säger Fedja Zunic", "enligt Lena Svensson"
_SAID_BEFORE = re.compile(r"(?:\b(?:säger|sa|berättar|berättade|menar|konstaterar|konstaterade|förklarar|"
                          r"uppger|understryker|betonar|framhåller|tycker|enligt|intervju med)|[,–]\s*säger)\s+$")
_LEADING_WORDS = {"enligt", "säger", "berättar", "och", "men", "även", "också", "nu", "när", "där", "då", "med",
                  "för", "på", "i", "av", "hos", "från", "till", "om", "att", "det", "vi", "han", "hon", "både",
                  "samt", "dessutom", "bland", "tack", "kontakta", "välkommen", "hälsningar", "intervju", "foto",
                  "bild", "text", "av:", "moderator", "medverkande", "talare"}
_ROLE_WORD = re.compile(r"[a-zåäö\-]*(?:chef|hövding|ordförande|direktör|minister|professor|docent|rektor|"
                       r"projektledare|samordnare|handläggare|moderator|forskare|sekreterare|talesperson|"
                       r"konsulent|strateg|handledare|koordinator|utvecklare|coach|assistent)(?:en|n)?")
#: (not a title that a next name follows: "Organizing Integration, docent Sara Brorström")
_ROLE_AFTER = re.compile(rf",[ \t]+[{U}]?(?:{_ROLE_WORD.pattern})(?:[ \t,]|$)(?![ \t]*[{U}][{L}]+[ \t]+[{U}])")
#: a role written as a label ("Projektledare: Anna Berg", or "Projektledare" above the name)
_ROLE_LABEL = (r"[A-ZÅÄÖ][\w\-]*(?:chef|ledare|samordnare|koordinator|ordförande|direktör|handläggare|"
               r"sekreterare|rektor|strateg|utvecklare)")
NOT_NAME_WORDS = {
    "region", "kommun", "stad", "projektet", "projekt", "samordningsförbundet", "finsam", "arbetsförmedlingen",
    # the other head nouns of a project's name, as "projektet" ("Insatsen Vägknuten, som drivs av …")
    "insatsen", "insats", "satsningen", "förstudien", "förprojektet", "delprojektet",
    "försäkringskassan", "svenska", "sveriges", "europeiska", "stiftelsen", "länsstyrelsen", "nationella",
    "beviljat", "total", "planerat", "specifikt", "unionens", "programområde", "kontaktperson", "projektägare",
    "projektnummer", "diarienummer", "namn", "målgrupp", "syfte", "bakgrund", "mål", "ide", "genomförande",
    "delmål", "övergripande", "arbetsmetod", "utlysningen", "styrgrupp", "styrgruppen", "nytt", "ny",
    "samtal", "grundutbildning", "världsdagen", "konferens", "tema", "dagens", "läs", "hoppa", "publicerad",
    "kvinnor", "unga", "personer", "stäng", "mer", "logotyp", "storlek", "download", "save", "starta",
}


_FUNCTION_WORDS = frozenset("på i och för vid hos från med som av till om".split())
_MONTHS = frozenset("januari februari mars april maj juni juli augusti september oktober november december".split())
_LABEL_WORDS = frozenset("datum telefon tel mobil e-post epost mejl adress fax webb hemsida sida foto bild".split())


def _not_a_name_word(tok: str) -> bool:
    """A capitalised word that is a title, a field label or a month, never a surname."""
    low = tok.casefold()
    return (low in _MONTHS or low in _LABEL_WORDS or bool(_ROLE_WORD.fullmatch(low))
            or low.endswith(("chef", "ordförande", "kommunalråd", "ledamot")))


def _inflected_noun(tok: str) -> bool:
    """A capitalised common noun in a definite, genitive or plural form ("Kommunstyrelsens",
    "Ärendet", "Paragrafer"): its lemma is the shorter base it is inflected from. A surname is
    no inflected form (the lemmatiser's guesses for one, "Holm" → "holme", are longer)."""
    from loaders.learned import lemma
    low = tok.casefold()
    if not low.endswith(("ens", "ets", "ernas", "arnas", "erna", "arna", "et", "er", "ar")) or "-" in low:
        return False
    base = lemma(low)
    return base != low and len(base) < len(low) and low.startswith(base[:-1])


@dataclass
class PersonMention:
    uid: str
    start: int
    end: int
    zone_start: int
    zone_end: int
    role: str | None


def _plausible(name: str, strong_context: bool) -> bool:
    g = Gazetteer.load()
    toks = re.split(r"[ ]", name)
    if any(fold(t) in NOT_NAME_WORDS for t in toks):
        return False
    if g.org(name) or g.place(name):
        return False
    if strong_context:
        return True
    first = toks[0]
    return g.is_first_name(first) or g.is_first_name(first.split("-")[0]) or (
        len(toks) > 2 and g.is_first_name(toks[1]))


def _name_runs(text: str):
    """The runs of name-shaped words; two full names run together in a flattened list
    ("Kerstin Berggren-Nilsson Helen Eliasson": first name, surname, first name, surname)
    are two."""
    g = Gazetteer.load()
    for m in _NAME.finditer(text):
        name, s = m.group(1), m.start(1)
        toks = name.split(" ")
        # four name words after a given name and a surname are two people even when the second
        # given name is not in the list ("Kjell Eriksson Khalid Neshati")
        if len(toks) == 4 and g.is_first_name(toks[0].split("-")[0]) and not g.is_first_name(toks[1]) \
                and not g.is_first_name(toks[3]) and not _not_a_name_word(toks[2]) and not _not_a_name_word(toks[3]):
            first = " ".join(toks[:2])
            yield first, s, s + len(first)
            second_start = s + len(first) + 1
            yield " ".join(toks[2:]), second_start, m.end(1)
            continue
        yield name, s, m.end(1)


def find_people(doc: Doc) -> list[PersonMention]:
    text = doc.text
    out: list[PersonMention] = []
    unknown: list[tuple[str, int, int, int]] = []  # name-shaped runs with no known given name
    for name, s, e in _name_runs(text):
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        before = text[line_start:s]
        label_before = re.search(r"(Kontaktperson(?:er)?|Kontakt|Projektledare|Utskickat av|Medverkande|Moderator|"
                                 r"Talare|Föreläsare|Samtalsledare|Panel(?:deltagare)?|Presentatör|Värd)\s*:?\s*$",
                                 text[max(0, s - 40):s])
        said = _SAID_BEFORE.search(text[max(0, s - 30):s])
        strong = bool(label_before) or bool(said) or (not before.strip(" \t•-–*·") and is_speaker_line(line))
        # trim trailing words that are really the start of the next phrase
        toks = name.split(" ")
        # (a place right after a given name is a surname: "Enhetschefen Anna Berg", "Eva Mark")
        while len(toks) > 2 and (fold(toks[-1]) in NOT_NAME_WORDS or (
                Gazetteer.load().place(toks[-1]) and not Gazetteer.load().is_first_name(toks[-2].split("-")[0]))):
            toks.pop()
        while len(toks) > 2 and fold(toks[0]) in _LEADING_WORDS:  # "Enligt Goran Persson"
            s += len(toks.pop(0)) + 1
        # a flattened table or list runs labels and titles into the name: "Ulf Olsson Datum
        # Kommunalråd", "Lotta Berg Projektledare", "Per Ek December"; the words after the
        # surname that are titles, labels or months are not part of it
        trailing_role = None
        if len(toks) == 3 and _inflected_noun(toks[-1]):
            toks.pop()  # "Ulf Olsson Kommunstyrelsens", "Filippa Reinfeldt Ärendet": a flattened table's next cell
        while len(toks) > 2 and (_not_a_name_word(toks[-1]) or toks[-1].casefold() in _FUNCTION_WORDS):
            w = toks.pop()
            if _ROLE_WORD.fullmatch(w.lower()):
                trailing_role = w  # "Lotta Tjärnkvist Projektledare": the title a flattened line runs on with
        # "Datum Ulf Lundström", "Slutord Anders Henriksson", "Statsrådet Johan Pehrson": a word
        # before a given name that is no given name itself starts no name
        g_ = Gazetteer.load()

        def _stray_first_word() -> bool:
            return (len(toks) >= 3 and not g_.is_first_name(toks[0].split("-")[0])
                    and g_.is_first_name(toks[1].split("-")[0]) and not re.fullmatch(PARTICLE, toks[0])
                    and not _ROLE_WORD.fullmatch(toks[0].lower()))
        while _stray_first_word():
            s += len(toks.pop(0)) + 1
        # "Landshövding Lena Sommestad" at a sentence start: the title is not part of the name
        lead_role = None
        if len(toks) >= 3 and _ROLE_WORD.fullmatch(toks[0].lower()):
            lead_role = toks.pop(0)
            s = s + len(lead_role) + 1
            while _stray_first_word():  # "Handläggare Datum Ulf Lundström"
                s += len(toks.pop(0)) + 1
        name = " ".join(toks)
        e = s + len(name)
        # "Lars- Erik Lindh", "Anna- Karin Ingman": a double given name broken after its hyphen
        # (a PDF's line wrap) is one name
        broken = re.search(rf"(?<![\w\-])([{U}][{L}]+)-[ \t]$", text[max(0, s - 20):s])
        if broken and g_.is_first_name(broken.group(1)) and g_.is_first_name(toks[0]):
            s -= len(broken.group(0))
            name = f"{broken.group(1)}-{name}"
        if not strong and not doc.is_taken(s, e) and len(toks) in (2, 3):
            # a name the given-name list does not know, in a position only a person takes: right
            # after a title ("jämställdhetsminister Nyamko Sabuni") or before one after a comma
            # ("Bonian Golmohammadi, generalsekreterare för …")
            prev = re.search(r"(?<![\w\-])([a-zåäö\-]+)[ \t]+$", text[max(line_start, s - 40):s])
            strong = (bool(prev and _ROLE_WORD.fullmatch(prev.group(1))) or bool(_ROLE_AFTER.match(text, e))) and not any(
                g_.place(t) or g_.org(t) for t in toks)
        if not _plausible(name, strong):
            if len(toks) in (2, 3) and _plausible(name, True):
                unknown.append((name, s, e, line_end))
            continue
        if doc.is_taken(s, e):
            continue
        role, zs, ze = _role_and_zone(doc, s, e, line_end)
        if role:
            rs = text.find(role, e, ze + 1)
            if rs >= 0 and any(m.end >= rs + len(role) for m in doc.mentions_in(rs, rs + 1, "org")):
                role = None  # "Per Holm, Arbetsförmedlingen": the employer, not a title
        if role is None:
            rb = _ROLE_BEFORE.search(text[max(line_start, s - 60):s])
            if rb and not before.rstrip().endswith(":"):
                role = rb.group(1)
            elif rb is None:  # "Förbundschef: Johan Ek", "Projektledare: Anna Berg"
                lb = re.search(rf"(?:^|\n)[ \t]*({_ROLE_LABEL})[ \t]*:[ \t]*$", text[line_start:s])
                if lb:
                    role = lb.group(1)
                elif not before.strip() and not text[e:line_end].strip():
                    # "Projektledare" on its own line, the name alone on the next one
                    above = text[:line_start].rstrip()
                    prev_line = above[above.rfind("\n") + 1:].strip()
                    if re.fullmatch(_ROLE_LABEL, prev_line):
                        role = prev_line
        if role and re.match(r"(?i)(?:det|den|de|som|har|är|var|och|men|att|så|inte|också|nu|då|i|på|för|med)\b", role):
            role = None  # words after the name that are not a title
        if role is None and lead_role:
            role = lead_role.lower()
        if role is None and trailing_role and text.startswith(trailing_role, e + 1):
            role = trailing_role
        if label_before and label_before.group(1).lower().startswith("kontaktperson") and role is None:
            role = "Kontaktperson"
        ent = doc.add("person", name, s, e, firm=True, role=role)
        out.append(PersonMention(ent.uid, s, e, zs, ze, role))
    _coordinated_names(doc, out, unknown)
    # "Elin Brännström och Ulrika Larsson som varit samordnare och projektledare": a role after
    # coordinated names is each one's
    for a, b in zip(out, out[1:]):
        if a.role is None and b.role and re.fullmatch(r"[ \t]+(?:och|samt)[ \t]+", text[a.end:b.start]) \
                and re.match(r"[ \t]+som[ \t]+(?:har[ \t]+)?(?:varit|är|var)\b", text[b.end:b.end + 20]):
            a.role = b.role
    return out


#: the joints of a list of names: "A, B, C och D"
_LIST_JOINT = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:och|samt)[ \t]+")


def _coordinated_names(doc: Doc, out: list[PersonMention], unknown) -> None:
    """A name-shaped run whose given name the list does not know is a person where it is an
    item of a list of people: a person before it and one after it, joined by commas or "och"
    ("Marie Olsson, Mirzal Celhahasic, Niclas Knuts"). The item was read as the title of the
    person before it; it is not."""
    text = doc.text
    for name, s, e, line_end in unknown:
        if doc.is_taken(s, e):
            continue
        before = next((p for p in reversed(out) if p.end <= s), None)
        after = next((p for p in out if p.start >= e), None)
        if before is None or after is None or not re.fullmatch(r"[ \t]*,[ \t]*", text[before.end:s]) \
                or not _LIST_JOINT.fullmatch(text[e:after.start]):
            continue
        if before.role == name:
            before.role = None
            ent = doc.get("person", before.uid)
            if ent is not None and ent.props.get("role") == name:
                del ent.props["role"]
        role, zs, ze = _role_and_zone(doc, s, e, line_end)
        ent = doc.add("person", name, s, e, firm=True, role=role)
        out.append(PersonMention(ent.uid, s, e, zs, ze, role))
        out.sort(key=lambda p: p.start)


#: abbreviations in titles whose full stop does not end the title
_TITLE_ABBREV = re.compile(r"(?<![\w.])(?:[Ll]eg|[Ff]il|[Mm]ed|[Dd]r|[Bb]itr|[Tt]f|[Tt]\.f|[Ff]\.d|[Ff]d|[Aa]dj|"
                           r"[Pp]rof|[Oo]rdf|[Aa]vd|[Ee]nh|[Uu]niv|[Ss]t[fv]|[Ss]ekr|[Ll]ic)$")
_ZONE_STOP = re.compile(r"\.\s|\.$|\n|\s–\s|\s-\s(?=[A-ZÅÄÖ])|[;]")


_ZONE_TENSE = re.compile(r"[ \t,]+(?:och|samt|men)?[ \t]*(?:blivande|tillträdande|tidigare|före[ \t]+detta|f\.[ \t]?d\.|fd)[ \t]+[a-zåäö]|"
                         # "med lång erfarenhet från Arbetsförmedlingen", "som kommer närmast från X": a past office
                         r"[ \t,]+(?:med[ \t]+(?:\w+[ \t]+)?erfarenhet(?:er)?[ \t]+(?:från|av)|(?:som[ \t]+)?kommer[ \t]+(?:närmast[ \t]+)?från)\b")


#: a dash after a name before its title ("Hanna Åberg – projektledare, Timrå kommun"), not before a
#: clause ("Vi träffade Per Sten – han berättade om …")
_DASH_TITLE = re.compile(r"[ \t]+[–—-][ \t]+(?=(?!(?:han|hon|hen|de|dom|vi|det|den|man|jag|du|som|och|men|när|då|här|där|nu)\b)"
                         r"[a-zåäö]|[A-ZÅÄÖ]{2,5}-[a-zåäö])")


def _role_and_zone(doc: Doc, s: int, e: int, line_end: int) -> tuple[str | None, int, int]:
    """The title after the name and the stretch that may name the employer."""
    text = doc.text
    zone_end = line_end
    dash = _DASH_TITLE.match(text[e:line_end])
    if dash is None and not text[text.rfind("\n", 0, s) + 1:s].strip(" \t•*·▪-–"):
        # "Per Sten – Försäkringskassan" on a list line of its own: the dash is the name's comma
        dash = re.match(r"[ \t]+[–—-][ \t]+(?=[A-ZÅÄÖ])", text[e:line_end])
    # "Hanna Åberg – projektledare, Timrå kommun", "Lina Holm – IPS-coach, Landskrona stad":
    # the dash is the name's comma
    stop = _ZONE_STOP.search(text, e + dash.end() if dash else e, line_end)
    while stop and stop.group(0).startswith(".") and _TITLE_ABBREV.search(text, max(e, stop.start() - 6), stop.start()):
        stop = _ZONE_STOP.search(text, stop.end(), line_end)  # "Leg. sfi-lärare", "Fil. dr", "bitr. chef"
    if stop:
        zone_end = stop.start()
    # "generalsekreterare i BRIS och blivande generaldirektör för MUCF": an office to come or
    # left ends what employs the person now
    cut = _ZONE_TENSE.search(text, e, zone_end)
    if cut:
        zone_end = cut.start()
    # another person's name ends this person's zone ("…, via Ursula Savonius, …")
    nxt = _NAME.search(text, e + 1, zone_end)
    while nxt and not _plausible(nxt.group(1), False):
        nxt = _NAME.search(text, nxt.end(), zone_end)
    if nxt:
        start = nxt.start()
        toks = nxt.group(1).split(" ")
        g = Gazetteer.load()
        if len(toks) > 2 and not g.is_first_name(toks[0].split("-")[0]) and g.is_first_name(toks[1].split("-")[0]):
            # "Lars-Erik Holm GD Socialstyrelsen Adriana Lender": the next person begins at the
            # given name; the body before it is still this person's
            start = nxt.start() + len(toks[0]) + 1
        zone_end = max(e, re.search(r"\s*(?:via|och|samt|,)?\s*$", text[e:start]).start() + e)
    block = _block_zone(text, s, e, line_end)
    if block is not None:
        return block
    zone = text[e:zone_end]
    role = None
    m = re.match(r"(?:,|\s[–—-])\s*(?:som är\s+)?([^,]+)", zone)
    if m:
        role = m.group(1).strip().rstrip(",")
    else:
        m = re.match(r"\s+(?:som\s+(?:är|var)|jobbar som|arbetar som|som|är)\s+([^,]+?)(?:\s+(?:på|vid|hos|från|i)\s|,|$)", zone)
        if m:
            role = m.group(1).strip()
    if role:
        role = re.split(r",?\s*(?:telefon|tel\.?|mobil|e-post|mejl)\b", role, flags=re.I)[0].strip(" ,")
        role = role or None
        if role and (re.fullmatch(r"[\d\s\-+()]+", role) or len(role) > 120 or "@" in role
                     or re.search(r"https?://|www\.", role)):
            role = None  # an e-mail address, phone number or web address is no title (nor kept)
        if role and re.match(r"(?:säger|uppger|berättar|menar|konstaterar)\b", role):
            role = None
    return role, e, zone_end


#: a line of a contact block: short, no sentence, no other person ("Projektledare", "Härnösands kommun", a phone)
_BLOCK_LINE = re.compile(r"[ \t]*([^\n.!?]{2,60}?)[ \t]*(?:\n|$)")


def _is_person_line(line: str) -> bool:
    return bool(_NAME.fullmatch(line)) and Gazetteer.load().is_first_name(line.split()[0].split("-")[0])


def _block_zone(text: str, s: int, e: int, line_end: int) -> tuple[str | None, int, int] | None:
    """A name alone on its line heading a contact block ("Erik Lund⏎Projektledare⏎Härnösands
    kommun⏎070-…"): the zone runs over the block's short lines, up to a blank line or a line
    that is prose; its first line is the title where it is one. None where the name is not
    laid out so."""
    line_start = text.rfind("\n", 0, s) + 1
    if text[line_start:s].strip() or text[e:line_end].strip() or line_end >= len(text):
        return None
    pos, end, lines = line_end + 1, line_end, []
    while len(lines) < 4:
        m = _BLOCK_LINE.match(text, pos)
        if m is None or not m.group(1).strip() or _is_person_line(m.group(1).strip()):
            break  # a blank line, prose, or the next person's own block
        lines.append(m.group(1).strip())
        end = m.end(1)
        pos = m.end()
    if not lines:
        return None
    role = lines[0] if _ROLE_WORD.fullmatch(lines[0].lower()) or re.fullmatch(_ROLE_LABEL, lines[0]) else None
    return role, e, end


def find_phones_and_emails(text: str, start: int, end: int) -> dict:
    zone = text[start:end]
    out = {}
    em = re.search(r"[\w.+-]+@[\w-]+\.[\w.-]+", zone)
    if em:
        out["email"] = em.group(0)
    # "010-486 00 00", "08-123 456 78", "0221-250 00" (a five-digit local number), "+46 8 123 45"
    ph = re.search(r"(?<![\d\-/.])(?:\+46[\s\-]?|0)\d{1,3}[\s\-–]*\d{2,3}[\s\-]*\d{2,3}(?:[\s\-]*\d{2,3})?(?![\d])", zone)
    if ph:
        out["phone"] = ph.group(0)
    return out
