"""Extraction: document text -> entities and relations with evidence (a record).

``extract_text`` is a pure function of the text and the reference data; it needs
no database and is what ``samverkan extract --json`` prints. The steps:

1. recognise the document kind and cut it into segments (news items, sessions);
2. read the labelled fields of a project record, if any;
3. find organisations, kommuner, people, projects (``orgs``, ``people``, ``projects``);
4. draw relations inside each segment (``relations``) and target groups (``targets``);
5. emit the record (``loaders/record.py``), a superset of ``eval/FORMAT.md``.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from loaders import fields as F
from loaders import learned, names, orgs, people, projects, relations, rxguard, targets
from loaders.doc import LIST_OF, Doc, Entity
from loaders.gazetteer import Gazetteer, fold, guess_kind
from loaders.record import empty_record, slug
from loaders.text import DATE_LINE, TIME_LINE, Segment, Span, news_segments, session_segments

ESF_FUND = "Europeiska socialfonden"


def detect_kind(text: str, fields: dict) -> str:
    if "owner" in fields and ("project_id" in fields or "esf_support" in fields or "period" in fields
                              or "name" in fields):  # a project-bank row with few columns
        return "esf_project"
    speaker_lines = len(re.findall(r"(?m)^[•\-– \t]*(?:(?:Medverkande|Moderator|Talare|Föreläsare)[ \t]*:[ \t]*)?"
                                   r"[A-ZÅÄÖ]\w+(?: [A-ZÅÄÖ][\w\-]+){1,3}, [^\n]+, [^\n]+$", text))
    timed = len(TIME_LINE.findall(text))
    event_word = re.search(r"(?i)\b(?:konferens\w*|seminari\w*|program\w*|webbinari\w*|dagordning)\b", text[:300])
    if speaker_lines >= 3 or (speaker_lines >= 2 and (event_word or timed >= 2)) or (event_word and timed >= 3):
        return "conference"  # a timed programme, whatever form its speaker lines take
    if re.search(r"(?im)^\s*(Kontaktpersoner|Utskickat av|Pressmeddelande)", text):
        return "press_release"
    if len(DATE_LINE.findall(text)) >= 2:
        return "finsam_news"
    return "general"


def _segments(text: str, kind: str) -> list[Segment]:
    if kind == "conference":
        return session_segments(text)
    if kind == "esf_project":
        return [Segment(0, len(text))]
    segs = news_segments(text)
    # headed sub-lists ("Utlysningen …") each hold their own grants
    out = []
    for seg in segs:
        heads = [m.start() for m in re.finditer(r"(?m)^[ \t]*Utlysning(?:en)?\b", text[seg.start:seg.end])]
        cuts = [seg.start] + [seg.start + h for h in heads if h > 0] + [seg.end]
        out += [Segment(a, b, seg.date, seg.kind) for a, b in zip(cuts, cuts[1:]) if b > a]
    return out


_INSATS_LABELS = re.compile(r"(?im)^[ \t]*(syfte|målgrupp(?:er)?|insats(?:en)?|beviljad finansiering|finansiering|"
                            r"bakgrund|mål|målsättning|samverkansparter|parter|period|tidsperiod|kontakt|"
                            r"ansvarig aktör|ansvarig organisation|budget|när|var|orter?)[ \t]*(?::|$)")
# rule_report: fires on at most one of the 199 annotated pages; kept: words that are a page's section, not an insats' name (guard of _titled_insats)
_NOT_A_TITLE = re.compile(r"(?i)^(?:insatser|insats|aktuellt|nyheter|om oss|om förbundet|projekt|pågående \w+|"
                          r"avslutade \w+|verksamhet\w*|start|hem|meny|innehåll|läs mer|tillbaka)$")


# rule_report: fires on at most one of the 199 annotated pages; kept: layout: an insats page headed by its name over Syfte/Målgrupp labels; the title rule in projects reads such pages first, this is the fallback where no 'Projektet …' follows
def _titled_insats(doc: Doc) -> None:
    """An insats page whose heading is the insats' name: "Motivationslyftet" on its own
    line, then Syfte, Målgrupp, Samverkansparter, Finansiering … as headings or labels."""
    if doc.of_type("project") or not doc.segments:
        return
    text = doc.text
    first = doc.segments[0]
    labels = list(_INSATS_LABELS.finditer(text, first.start, first.end))
    if len({m.group(1).lower() for m in labels}) < 2:
        return
    before = text[first.start:labels[0].start()].rstrip()
    line_start = before.rfind("\n") + 1
    candidates = [(line_start, False)]
    # the page's heading above a short introduction that names it again ("Unga in (Sverige)"
    # … "I Unga in samlas aktörer …")
    head_start = len(before) - len(before.lstrip())
    if head_start < line_start and before.count("\n\n") <= 4:
        candidates.append((head_start, True))
    g = Gazetteer.load()
    for line_start, must_recur in candidates:
        line = before[line_start:].split("\n", 1)[0]
        # "Unga in (Sverige)": a qualifier in brackets after the name is not part of it
        title = re.sub(r"\s*\([^()]{1,40}\)$", "", line.strip())
        s = first.start + line_start + (len(line) - len(line.lstrip()))
        if not title or len(title.split()) > 6 or not title[0].isupper() or re.search(r"[.!?:;]$", title) \
                or _NOT_A_TITLE.match(title) or g.org(title) or g.place(title) or doc.is_taken(s, s + len(title)):
            continue
        if must_recur and not re.search(rf"(?<![\w-]){re.escape(title)}(?![\w-])", text[s + len(line):labels[0].start()]):
            continue
        projects.add_project(doc, title, s, s + len(title))
        return
# rule_report: fires on at most one of the 199 annotated pages; kept: 'Styrgrupp för X' names the insats a page describes (layout of förbund insats pages)
_STEERING_NAME = re.compile(r"[Ss]tyrgrupp(?:en)?\s+(?:för\s+)?")


def _page_project(doc: Doc) -> None:
    """A FINSAM insats page: a title that is not a name, then Syfte/Målgrupp/Finansiering…,
    then news items that name the insats ("Styrgrupp Utebliven etablering SFI"). The
    described insats is that project: the one its steering group is named after, or the
    only project on the page."""
    if not doc.segments:
        return
    first = doc.segments[0]
    named_here = bool(relations.segment_projects(doc, first))
    labels = {m.group(1).lower() for m in _INSATS_LABELS.finditer(doc.text, first.start, first.end)}
    if len(labels) < 2:
        return
    projs = doc.of_type("project")
    steered = [p for p in projs if any(_STEERING_NAME.search(doc.text, max(0, s - 30), s) and
                                       doc.text[max(0, s - 30):s].rstrip().lower().endswith(("styrgrupp", "styrgruppen", "för"))
                                       for s, _ in p.mentions)]
    chosen = steered[0] if len(steered) == 1 else (projs[0] if len(projs) == 1 else None)
    if chosen is not None:
        if not named_here:
            doc.page_project = (first.start, chosen.uid)
        # "Beviljad finansiering:\n1 september 2021 – 30/6 2024": the insats' period
        pm = re.search(r"(?im)^[ \t]*(?:beviljad finansiering|finansiering|period|projektperiod|"
                       r"insatsperiod|tidsperiod)[ \t]*:[ \t]*\n?[ \t]*\n?([^\n]{6,60})",
                       doc.text[first.start:first.end])
        if pm:
            start, end = F.parse_period(pm.group(1))
            if start and "start" not in chosen.props:
                chosen.props["start"] = start
            if end and "end" not in chosen.props:
                chosen.props["end"] = end


def _participants(fld: dict) -> int | None:
    """'Planerat antal deltagare', or in a project-bank record a bare 'Antal deltagare'
    (the number the project was granted for)."""
    for key in ("planned_participants", "participants"):
        if key in fld:
            n = F.parse_int(fld[key].value)
            if n is not None:
                return n
    return None


def _field_props(fld: dict) -> dict:
    """A project's facts from the labelled fields of its page."""
    start, end = F.parse_period(fld["period"].value) if "period" in fld else (None, None)
    if "start" in fld and not start:
        start = F.parse_date(fld["start"].value)
    if "end" in fld and not end:
        end = F.parse_date(fld["end"].value)
    return dict(start=start, end=end,
                budget_sek=F.parse_amount_sek(fld["budget"].value) if "budget" in fld else None,
                esf_support_sek=F.parse_amount_sek(fld["esf_support"].value) if "esf_support" in fld else None,
                planned_participants=_participants(fld),
                region=fld["region"].value if "region" in fld else None,
                specific_objective=fld["specific_objective"].value if "specific_objective" in fld else None)


def _is_place_name(part: str) -> bool:
    """A town alone ("Uppsala"), no organisation's name."""
    g = Gazetteer.load()
    return " " not in part.strip() and g.place(part.strip()) is not None and g.org(part.strip()) is None


def _esf_record(doc: Doc, fld: dict) -> Entity | None:
    """The project of a project-bank record, its owner, funder and contact."""
    text = doc.text
    name_f = fld.get("name")
    pid = fld.get("project_id")
    name, s, e = (name_f.value, name_f.start, name_f.end) if name_f else (None, None, None)
    if name is None:
        # "2016/00112 - Samverkan mot utanförskap" heading, or the title line above the fields
        m = re.search(r"(?m)^\s*\d{4}/\d{3,6}\s+[-–]\s+(.+?)\s*$", text)
        if m:
            name, s, e = m.group(1), m.start(1), m.end(1)
        else:
            first = min(f.label_start for f in fld.values())
            for line in reversed(text[:first].rstrip().split("\n")):
                cand = line.strip()
                if cand and len(cand.split()) <= 14 and not cand.endswith((".", ":")):
                    s = text.rfind(cand, 0, first)
                    name, e = cand, s + len(cand)
                    break
    if not name:
        return None
    if s is not None:
        # "Projektnamn: ”Av egen kraft – självständiga sociala företag”,": the quotes and the
        # list's comma are no part of the name
        q = re.fullmatch(r"\s*[”\"“«„]([^”\"“»]+)[”\"“»]\s*[,.;:]?\s*", name)
        if q:
            s, name = s + q.start(1), q.group(1)
            e = s + len(name)
        elif re.search(r"[,;]\s*$", name):
            name = re.sub(r"[,;]\s*$", "", name)
            e = s + len(name)
    head = re.match(r"(?i)(?:projektet|projekt|insatsen|ESF-projektet)\s*:?\s+(?=\S)", name)
    if head and s is not None:  # a title "Projektet Steg för steg": the name is what follows
        name, s = name[head.end():], s + head.end()
    short = re.fullmatch(r"(.+?)\s+\(([A-ZÅÄÖ][A-ZÅÄÖ0-9\-]{1,9})\)\s*", name)
    if short:
        # "Projekt: Unga Vuxna i Arbete (UVA)": the short name in brackets is an alias. It finds
        # the project's further mentions ("UVA"); the record has no aliases for projects (see
        # loaders/record.py), so the graph keeps the long name only.
        name = short.group(1)
        e = s + len(name) if s is not None else e
    proj = doc.add("project", name.strip(), s, e, uid=pid.value if pid else None, firm=True,
                   id=pid.value if pid else None, **_field_props(fld))
    if short:
        proj.aliases.add(short.group(2))
    if "owner" in fld:
        f = fld["owner"]
        # the levels of an owner field: "Länsstyrelsen i X län - Samhällsutvecklingsenheten",
        # "Arbetslivsförvaltningen / Integrationsenheten", "Filipstads kommun, Arbetsmarknad…";
        # a street address after the name is no part of it; a lowercase field of
        # responsibility after a slash ("Nordmalings kommun/utbildning") is no unit
        value = re.split(r"\s+\S+(?:vägen|gatan|gränd|torget|backe|allé|plan)\s+\d", f.value)[0]
        parts = [p.strip() for p in re.split(r",|\s+[–—-]\s+|\s*/\s*", value) if p.strip()]
        parts = parts[:1] + [p for p in parts[1:] if p[:1].isupper() or " " in p]
        # the last level a town alone ("…, Kyrkokansliet, Uppsala"): the owner's seat, no unit
        seat = parts.pop() if len(parts) > 1 and _is_place_name(parts[-1]) else None
        # "Rädda Barnen, Rädda Barnens Riksförbund AB": the same body's legal name, no level
        legal = [p for p in parts[1:] if fold(p).startswith(fold(parts[0]) + "s ")]
        parts = [p for p in parts if p not in legal]
        ents = []
        pos = f.start
        for part in dict.fromkeys(parts):
            ps = text.find(part, pos, f.end + 1)
            pe = ps + len(part)
            ref = Gazetteer.load().org(part)
            existing = [m for m in doc.mentions_in(ps, pe, "org")]
            covers = [m for m in existing if m.end - m.start >= len(part.rstrip(" .")) - 1]
            if covers:
                ent = doc.get("org", covers[0].uid)
            else:
                nm = ref.name if ref else part[0].upper() + part[1:]
                kind_ = ref.kind if ref else guess_kind(part)
                ent = doc.add("org", nm, ps, pe, kind=kind_, firm=bool(ref), surface=part,
                              uid=orgs.unit_uid(nm) if kind_ == "municipal_unit" else None)
                for m in existing:  # "Socialförvaltningen" found alone is this "Socialförvaltningen Centrum"
                    if m.uid != ent.uid and doc.get("org", m.uid) is not None and \
                            fold(nm).startswith(fold(doc.get("org", m.uid).name)):
                        doc.merge("org", m.uid, ent.uid)
                        # (a part named before that was folded into this one is this one now)
                        ents = [ent if e.uid == m.uid else e for e in ents]
            ents.append(ent)
            pos = pe
        owner = ents[-1]
        sp = Span(f.label_start, f.end)
        doc.relate("OWNS", owner, proj, sp)
        for lg in legal:
            ents[0].aliases.add(lg)
        if seat is not None:
            ss = text.find(seat, pos, f.end + 1)
            here = [m for m in doc.mentions_in(ss, ss + len(seat), "place")] if ss >= 0 else []
            if here:
                doc.relate("LOCATED_IN", owner, doc.get("place", here[0].uid), sp)
        for child, parent in zip(ents[1:], ents):
            doc.relate("PART_OF", child, parent, sp)
    if "esf_support" in fld:
        f = fld["esf_support"]
        fund = doc.add("org", ESF_FUND, None, None, uid=slug(ESF_FUND), kind="fund", firm=True)
        doc.relate("FUNDS", fund, proj, Span(f.label_start, f.end), amount_sek=proj.props.get("esf_support_sek"))
    if "fund" in fld:
        # "Berörd fond: ESF+" (the ESF+ project bank): the fund the project's grant is from
        f = fld["fund"]
        ref = Gazetteer.load().org(f.value.strip())
        if ref is not None and ref.kind == "fund":
            fund = doc.add("org", ref.name, f.start, f.end, uid=slug(ref.name), kind="fund", firm=True,
                           surface=f.value.strip())
            doc.relate("FUNDS", fund, proj, Span(f.label_start, f.end))
    if "contact" in fld:
        f = fld["contact"]
        m = re.match(r"[^\n,;]+", f.value)
        if m and not doc.mentions_in(f.start, f.end, "person"):
            nm = m.group(0).strip()
            if len(nm.split()) >= 2:
                person = doc.add("person", nm, f.start, f.start + len(nm), firm=True, role="Kontaktperson")
                doc.relate("CONTACT_FOR", person, proj, Span(f.label_start, f.start + len(nm)), role="Kontaktperson")
    return proj


# rule_report: fires on 0–1 annotated pages; kept: found with sentences of my own (tests/test_extract.py), the label–value lists outside a project bank
#: a label–value list outside a project bank: "Projekt: Jobbstegen" over (or under) "Finansiering: A
#: och B" or "Ägare: X" — the name label names the project the funding or owner label is about
_MONEY_OR_OWNER_LABEL = re.compile(r"(?im)^[ \t•\-–*]*(?:(?:med|sam)?finansiering|(?:med)?finansiär(?:er)?|finansieras\s+av|"
                                   r"projektägare|ägare|huvudman|stödmottagare|drivs\s+av)[ \t]*:")


# rule_report: fires on 0–1 annotated pages; kept: found with sentences of my own (tests/test_extract.py), the label–value lists outside a project bank
def _labelled_project(doc: Doc, fld: dict) -> None:
    f = fld.get("name")
    if f is None or not _MONEY_OR_OWNER_LABEL.search(doc.text):
        return
    name = f.value.strip()
    if not name[:1].isupper() or len(name.split()) > 8 or re.search(r"[.!?]\s|[.!?]$", name) \
            or doc.mentions_in(f.start, f.end, "org") or doc.mentions_in(f.start, f.end, "person"):
        return
    s = doc.text.find(name, f.start, f.end + 1)
    if s >= 0:
        doc.add("project", name, s, s + len(name), firm=True)


#: the units of a sum of money as grant texts write them (fields.parse_amount_sek reads them all)
_UNIT = rf"(?:(?i:{F.MONEY_UNIT})\b|(?i:milj\.))"
_AMOUNT_RX = rf"(?:drygt\s+|cirka\s+|ca\s+)?[\d][\d\s,.]*\s*{_UNIT}(?:\s+kronor)?"
_ITEM_HEAD = r"(?m)^[ \t]*(?:[•\-–*][ \t]*)?"
_GRANT_VERB = r"(?:får|har\s+beviljats|beviljas|tilldelas)"
_PROJECT_WORD = r"(?:projektet|förstudien|insatsen|satsningen)"
#: the ways a grant announcement writes one grant; each has a name and an amount, most
#: the grantee (``org``), some the fund between (``via``)
_GRANTS = (
    # "Krokoms kommun får 6,3 miljoner kronor till projektet SETA"
    re.compile(_ITEM_HEAD + rf"(?P<org>[^\n•]{{3,90}}?)\s+{_GRANT_VERB}\s+(?P<amount>{_AMOUNT_RX})"
               rf"(?P<via>(?:\s+[\w+\-]+){{0,6}}?)\s+(?:till|för)\s+{_PROJECT_WORD}\s+(?P<name>[^\n]+?)\s*$"),
    # "Framtidslabbet med Järfälla kommun som projektägare får 7,6 miljoner kr."
    re.compile(_ITEM_HEAD + rf"(?P<name>[A-ZÅÄÖ0-9][^\n,]{{1,70}}?)\s+med\s+(?P<org>[^\n,]{{3,80}}?)\s+som\s+"
               rf"projektägare,?\s+{_GRANT_VERB}\s+(?P<amount>{_AMOUNT_RX})"),
    # "Jobbvägen, ett samverkansprojekt mellan A, B och C, får 9,9 miljoner kr." (no owner)
    re.compile(_ITEM_HEAD + rf"(?P<name>[A-ZÅÄÖ0-9][^\n,]{{1,70}}?),\s+(?:ett|en)\s+(?:\w*projekt|insats|satsning|"
               rf"förstudie)\w*\b[^\n]{{0,160}}?,\s+{_GRANT_VERB}\s+(?P<amount>{_AMOUNT_RX})"),
    # "Svalövs kommun för projektet Mötesplats Ung kraft med 2 395 000 kronor"
    re.compile(_ITEM_HEAD + rf"(?P<org>[^\n•]{{3,90}}?)\s+för\s+{_PROJECT_WORD}\s+(?P<name>[^\n]+?)\s+(?:med|[:–])\s+"
               rf"(?P<amount>{_AMOUNT_RX})[ \t.]*$"),
)


_GRANT_WORDS = re.compile(r"får|bevilja|tilldelas|för (?:projektet|förstudien|insatsen|satsningen)")


def _grant_matches(text: str) -> list[re.Match]:
    """Every grant the text writes, the first pattern winning where two read the same line."""
    out: list[re.Match] = []
    if not _GRANT_WORDS.search(text):
        return out  # no grant verb, no "för projektet": none of the (slower) patterns can match
    for rx in _GRANTS:
        for m in rxguard.finditer(rx, text):
            if not any(o.start() < m.end() and m.start() < o.end() for o in out):
                out.append(m)
    return sorted(out, key=lambda m: m.start())


def _grantee(doc: Doc, m: re.Match) -> Entity | None:
    if "org" not in m.re.groupindex:
        return None
    org_text = m.group("org").strip()
    os_ = m.start("org")
    abbr = re.search(r"\s*\(([A-ZÅÄÖ][\w\- ]{1,20})\)$", org_text)
    if abbr:  # "Samordningsförbundet Mölndal, Partille, … (SOF MPHLA)": the name and its short form
        org_text = org_text[:abbr.start()]
    existing = doc.mentions_in(os_, os_ + len(org_text), "org")
    covers = [x for x in existing if x.end - x.start >= len(org_text) - 1]
    if covers:
        return doc.get("org", covers[0].uid)
    # the item names the grantee whole: "Folkuniversitetet Stiftelsen Kurs- Verksamhet VI"
    ref = Gazetteer.load().org(org_text)
    owner = doc.add("org", ref.name if ref else org_text, os_, os_ + len(org_text),
                    kind=ref.kind if ref else guess_kind(org_text), firm=bool(ref), surface=org_text)
    for x in existing:  # its parts found alone are this organisation
        part = doc.get("org", x.uid)
        if part is not None and part is not owner and len(part.mentions) <= 1:
            doc.merge("org", x.uid, owner.uid)
    if abbr:
        owner.aliases.add(abbr.group(1))
    return owner


def _grants(doc: Doc, funder: Entity | None) -> None:
    """Grant lists and announcements: "Krokoms kommun får 6,3 miljoner kronor till projektet
    SETA", "får 3,1 mnkr i stöd från socialfonden för projektet X", "X med Y som projektägare
    får …", "X, ett samverkansprojekt mellan …, får …", "Y för projektet X med 2 395 000 kronor".

    Each grant is a segment of its own, from its heading line (the project's name alone on
    the line before) to the next grant, so that what the item says of whom the project is
    for or who takes part stays with that project.
    """
    items: list[int] = []
    default_funder = funder
    for m in _grant_matches(doc.text):
        funder = default_funder
        if "via" in m.re.groupindex:
            named = [doc.get("org", x.uid) for x in doc.mentions_in(m.start("via"), m.end("via"), "org")]
            named = [o for o in named if o is not None and o.kind == "fund"]
            if named:  # the money's source is written in the sentence: that fund, not the page's
                funder = named[0]
        owner = _grantee(doc, m)
        # in a grant list the name runs to the end of the line; in prose it ends with its sentence
        raw = re.split(r"[.!?]\s+(?=[A-ZÅÄÖ–-])", m.group("name"))[0]
        name = re.split(r"\s+\(", raw)[0].strip(" .")
        alias = raw.strip(" .")
        amount = F.parse_amount_sek(m.group("amount"))
        proj = doc.add("project", name, m.start("name"), m.start("name") + len(name), firm=True,
                       esf_support_sek=amount if funder is not None and funder.uid == slug(ESF_FUND) else None)
        if alias != name:
            proj.aliases.add(alias)
        sp = Span(min(m.start(g) for g in ("org", "name") if g in m.re.groupindex),
                  max(m.end("name"), m.end("amount")))
        if owner is not None:
            doc.relate("OWNS", owner, proj, sp)
        if funder is not None and funder is not owner:
            doc.relate("FUNDS", funder, proj, sp, amount_sek=amount)
        items.append(_item_start(doc.text, m.start(), name))
    if len(items) >= 2:
        bounds = items + [doc.segment_of(items[-1]).end]
        _split_segments(doc, list(zip(bounds, bounds[1:])))


def _item_start(text: str, line_start: int, name: str) -> int:
    """Where a grant item begins: its own line, or the heading line before it that is the
    project's name alone (a bullet "• Vägen till jobb" over "Botkyrka kommun får …")."""
    prev_end = text.rfind("\n", 0, line_start)
    if prev_end <= 0:
        return line_start
    prev_start = text.rfind("\n", 0, prev_end) + 1
    heading = text[prev_start:prev_end].strip().lstrip("•-–*·▪ \t").strip()
    if heading and heading.casefold().rstrip(" .:") == name.casefold():
        return prev_start
    return line_start


_LIST_INTRO = re.compile(
    r"(?im)^[^\n]*(?:(?:följande|dessa|nedanstående|nya|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d{1,2})\s+(?:insatser|projekt|satsningar|verksamheter)|"
    r"(?:beviljat|beviljats|beviljade|finansierar|finansiera|finansieras|(?:del|med)?finansierade|stöttar|stödjer)\b[^\n]*)[^\n]*:[ \t]*$")
# rule_report: fires on at most one of the 199 annotated pages; kept: layout: a bulleted list of insatser after a funding intro (one annotated page; also tests)
_BULLET_ITEM = re.compile(r"[ \t]*(?:[•\-–*·▪]|\d{1,2}[.)])[ \t]+(?P<body>[^\n]+)")


def _list_intro_lines(text: str):
    """``_LIST_INTRO.finditer(text)`` (speed only). A match starts at a line start and ends at
    the end of a line ending in a colon; it reaches past its first line only through the
    whitespace after a count word ("fem\ninsatser:"). So the pattern is tried only at the
    start of a line that ends in a colon or in a letter or digit, instead of backtracking
    over every line of the page."""
    if not rxguard.may_match(_LIST_INTRO, text):
        return
    n, ls, done = len(text), 0, 0
    while ls <= n:
        le = text.find("\n", ls)
        le = n if le < 0 else le
        if ls >= done:
            line = text[ls:le]
            if line.rstrip(" \t").endswith(":") or line.rstrip()[-1:].isalnum():
                m = _LIST_INTRO.match(text, ls)
                if m:
                    yield m
                    done = m.end()
        ls = le + 1


_ITEM_NAME = re.compile(
    r"(?P<name>[A-ZÅÄÖ0-9][^\n,:(–—]{1,60}?)\s*(?:\s[–—-]\s|:\s|,\s|\s\()")


#: "Under 2023 finansierade förbundet fyra insatser: Steg för steg, Jobbstart, IPS Gävle och
#: Kompetensnavet." — the list written inline after the colon
# rule_report: fires on at most one of the 199 annotated pages; kept: a financing sentence ending in a colon and its inline list (annual reports); the counted-plural rule now reads most such lists first, this one adds their funder
_INLINE_LIST = re.compile(
    r"(?im)^[^\n:]*?(?:\b(?:finansier\w*|beviljat?\w*|stött\w*|stöttar|drivit|bedrivit)\b[^\n:]*?"
    r"\b(?:insatser(?:na)?|projekt(?:en)?|satsningar(?:na)?)|"
    # the noun first, with its participle or relative clause: "Insatser finansierade av förbundet
    # under 2022: A, B och C", "Projekt som förbundet har beviljat medel: A och B"
    r"\b(?:insatser(?:na)?|projekt(?:en)?|satsningar(?:na)?)[ \t]+(?:som[ \t]+[^\n:]*?)?"
    r"\b(?:(?:del|med)?finansier\w*|beviljat?\w*|stött\w*|stöttar)\b[^\n:]*?)"
    r"[ \t]*:[ \t]*(?P<list>[^\n]+?)\.?[ \t]*$")
_LIST_NOUN_COLON = re.compile(r"(?i)(?:nsatser|rojekt|atsningar)(?:na|en)?(?:[ \t]*|[ \t]+[^\n:]*?(?:finansier|beviljat?|stött)[^\n:]*):")
_LIST_SPLIT = re.compile(r",\s+|\s+(?:och|samt)\s+")


_FUNDER_KINDS = ("coordination_association", "fund", "region", "agency")


def _intro_funders(doc: Doc, start: int, end: int) -> list[Entity]:
    """The bodies that may fund what a sentence's stretch ``start``–``end`` announces: a förbund,
    fund, region or agency named there, else the page's förbund where it says "förbundet",
    "styrelsen" or "vi"."""
    named = [doc.get("org", m.uid) for m in doc.mentions_in(start, end, "org")]
    funders = [o for o in named if o is not None and o.kind in _FUNDER_KINDS]
    if not funders and re.search(r"(?i)\b(?:styrelsen|förbundet|vi)\b", doc.text[start:end]):
        funders = [f for f in [doc.page_forbund()] if f is not None]
    return funders


def _inline_insatser(doc: Doc) -> None:
    """Insatser listed inline after a financing sentence: each a project, funded by the
    organisation of the sentence (or the page's förbund when it says 'förbundet')."""
    text = doc.text
    if not _LIST_NOUN_COLON.search(text):
        return  # the (slower) line pattern needs "insatser:", "projekt:" or "satsningar:"
    g = Gazetteer.load()
    for m in _INLINE_LIST.finditer(text):
        funders = _intro_funders(doc, m.start(), m.start("list"))
        items, pos = [], m.start("list")
        for part in _LIST_SPLIT.split(m.group("list")):
            s = text.find(part, pos)
            pos = s + len(part)
            name = part.strip()
            if not name or not name[0].isupper() or len(name.split()) > 6 or re.search(r"[.!?;:]", name) \
                    or g.org(name) or g.place(name) or doc.mentions_in(s, s + len(name), "org"):
                items = []
                break  # not a list of names
            items.append((name, s))
        if len(items) < 2:
            continue
        for name, s in items:
            proj = doc.add("project", name, s, s + len(name), firm=True)
            for f in funders[:1]:
                doc.relate("FUNDS", f, proj, Span(m.start(), m.end()))


# rule_report: fires on at most one of the 199 annotated pages; kept: layout: an owner's line over its bullets in a grant list, a name no reference data knows
#: a line shaped as an organisation's name: capitalised words (a few lowercase ones between),
#: no sentence punctuation, no digits
_OWNER_LINE = re.compile(r"[A-ZÅÄÖ][\w&\-]*(?:[ \t]+(?:[A-ZÅÄÖ][\w&\-]*|[a-zåäö]{1,3}|[a-zåäö][\w\-]*(?:förening|förbund|konsthall|bibliotek|stiftelse)\w*)){0,5}")


def _bullet_follows(text: str, line_end: int) -> bool:
    j = line_end + 1
    while j < len(text) and text[j] == "\n":
        j += 1
    return bool(_BULLET_ITEM.match(text, j))


# rule_report: fires on 0–1 annotated pages; kept: found with sentences of my own (tests/test_extract.py), layout: a list item's dash, then its owner
_DASH_OWNER = re.compile(r"[ \t]+[–—\-][ \t]+")


def _listed_insatser(doc: Doc) -> None:
    """'Förbundet har beslutat att finansiera följande insatser:' and a bullet list of
    'Name – description, som drivs av X': each item a project of its own (its own segment),
    funded by the organisation of the intro sentence."""
    text = doc.text
    new_segments: list[tuple[int, int]] = []
    for intro in _list_intro_lines(text):
        # ("Styrelsen har beslutat om finansiering av tre insatser:" on a förbund's own page)
        funders = _intro_funders(doc, intro.start(), intro.end())
        # rule_report: the passive form fires on one annotated page; kept: the passive of the grant verbs above
        if not funders and (re.search(r"(?i)\b(?:medel|medlen|pengar|bidrag|stöd)\b[^\n]*\b(?:fördela|bevilja|dela)\w*", intro.group(0))
                            or re.search(r"(?i)\b(?:har|hade)\s+(?:beviljats|fått|tilldelats)\b[^\n]*\b(?:kronor|kr|medel|bidrag)\b",
                                         intro.group(0))):
            # "Årets medel har fördelats till fyra insatser:": the money of whoever the page says
            # distributes it ("Länsstyrelsen fördelar …")
            funders = [f for f in [_distributor(doc)] if f is not None]
        pos = intro.end()
        owner: Entity | None = None
        while True:
            nl = text.find("\n", pos)
            if nl == -1:
                break
            j = nl + 1
            while j < len(text) and text[j] in " \t\n" and text[j:j + 1] == "\n":
                j += 1
            m = _BULLET_ITEM.match(text, j)
            if not m:
                # "Köpings kommun:" over its bullets: the line is one organisation, the owner of
                # the insatser listed under it
                line_end = text.find("\n", j)
                line_end = len(text) if line_end < 0 else line_end
                head = text[j:line_end].strip().rstrip(":").strip()
                hs = text.find(head, j) if head else -1
                orgs_here = doc.mentions_in(hs, hs + len(head), "org") if hs >= 0 else []
                if orgs_here and len(orgs_here) == 1 and (orgs_here[0].start, orgs_here[0].end) == (hs, hs + len(head)):
                    owner = doc.get("org", orgs_here[0].uid)
                    pos = line_end
                    continue
                if owner is not None and hs >= 0 and _OWNER_LINE.fullmatch(head) and not orgs_here \
                        and not doc.mentions_in(hs, hs + len(head), "person") and _bullet_follows(text, line_end):
                    # a line between two owners' bullets, shaped as a name ("Föreningen Virsbo
                    # Konsthall" between "ABF" and "Sensus Studieförbund"): the next owner
                    owner = doc.add("org", head, hs, hs + len(head), kind=guess_kind(head))
                    pos = line_end
                    continue
                break
            pos = m.end()
            body = m.group("body").strip()
            nm = _ITEM_NAME.match(body)
            if re.fullmatch(r"[A-ZÅÄÖ0-9][^\n–—(]{1,70}", body) and len(body.split()) <= 7 and not re.search(r",\s", body):
                name = body.rstrip(".;")  # the whole line is the name ("Pratdax: Arbetsmarknad")
            elif nm:
                name = nm.group("name").strip()
            else:
                continue
            if len(name.split()) > 7 or name.lower().startswith(("det ", "vi ", "en ", "ett ", "att ")):
                continue
            ns = m.start("body")
            if doc.mentions_in(ns, ns + len(name), "org") or doc.mentions_in(ns, ns + len(name), "person"):
                continue  # "Lunds kommun – …": an organisation, not an insats
            inner = [x for x in doc.mentions_in(ns, ns + len(name), "project")]
            # "• Fritidsbanken – en inkluderande mötesplats" where the page quotes the whole line
            # as the name ("Projektet ”Fritidsbanken – en inkluderande mötesplats”"): the whole
            whole = [x for x in inner if x.start == ns and x.end > ns + len(name) and x.end <= m.end("body")
                     and doc.get("project", x.uid) is not None and len(doc.get("project", x.uid).mentions) > 1]
            if whole:
                proj = doc.get("project", whole[0].uid)
                proj.firm = True
            else:
                proj = doc.add("project", name, ns, ns + len(name), firm=True)
            for x in inner:  # "Aktivitetshuset" found alone inside "Aktivitetshuset i Norsjö"
                if x.uid != proj.uid:
                    doc.merge("project", x.uid, proj.uid)
            new_segments.append((m.start(), m.end()))
            item_owner = owner
            if item_owner is None:
                # "• Steget – Motala kommun": the item's dash, then only its owner
                dash = _DASH_OWNER.match(text, ns + len(name))
                at = [x for x in doc.mentions_in(ns + len(name), m.end("body"), "org")] if dash else []
                if at and at[0].start == dash.end() and not text[at[0].end:m.end("body")].strip(" .;"):
                    item_owner = doc.get("org", at[0].uid)
            if item_owner is not None:
                doc.relate("OWNS", item_owner, proj, Span(m.start(), m.end()))
            for f in funders[:1]:
                doc.relate("FUNDS", f, proj, Span(intro.start(), m.end()) if m.end() - intro.start() < 400
                           else Span(m.start(), m.end()))
    if new_segments:
        _split_segments(doc, new_segments)


# rule_report: may fire on one annotated page; kept: the structure layer: a list's announcing sentence speaks for every item (its funder, as its target groups)
_FUNDING_VERB = re.compile(r"(?i)\b(?:har|hade)\s+(?:\w+\s+){0,4}?(?:finansierat|beviljat|fördelat|delfinansierat|"
                           r"stöttat)\b|\b(?:finansierar|finansierade|beviljar|beviljade|fördelar|fördelade)\b")


def _list_end(text: str, intro_end: int) -> int:
    """Where the lines under a list's announcing sentence end: at the first line of prose."""
    pos, end = intro_end + 1, intro_end + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end]
        if line.strip() and (len(line.split()) > 9 or re.search(r"[.!?]\s*$", line.rstrip())):
            break  # prose: the list is over
        end = line_end
        pos = line_end + 1
    return end


def _headed_items_end(doc: Doc, intro_end: int) -> int:
    """Where a list of headed items ends: "… finansierat följande insatser:⏎⏎Steget⏎Steget är en
    insats …⏎⏎Arbetslust⏎Arbetslust drivs av …": each item a line that is a project's name alone,
    its paragraph under it; the list ends at the first line that is neither. ``intro_end`` when
    fewer than two such items follow."""
    text = doc.text
    pos, end, items, in_item = intro_end + 1, intro_end, 0, False
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end]
        stripped = line.strip()
        if not stripped:
            in_item = False
        else:
            a = pos + (len(line) - len(line.lstrip()))
            whole = [m for m in doc.mentions_in(a, a + len(stripped), "project") if (m.start, m.end) == (a, a + len(stripped))]
            if whole:
                items, in_item, end = items + 1, True, line_end
            elif in_item:
                end = line_end  # the item's paragraph
            else:
                break
        pos = line_end + 1
    return end if items >= 2 else intro_end


# rule_report: may fire on one annotated page; kept: the structure layer (a relation stated once is distributed over the list it announces)
def _announced_lists(doc: Doc):
    """Each list a sentence announces ("… tre olika projekt …:" over its lines): the announcing
    match, its sentence, the list's end and the projects the list names."""
    for intro in rxguard.finditer(projects._LIST_INTRO, doc.text):
        end = max(_list_end(doc.text, intro.end()), _headed_items_end(doc, intro.end()))
        yield intro, doc.sentence(intro.start()), end, relations._ents(doc, doc.mentions_in(intro.end(), end, "project"))


def _funded_list(doc: Doc) -> None:
    """"Sedan 2011 har Samordningsförbundet X finansierat tre olika projekt …:" over the lines
    naming them (bulleted or not): the funder of the announcing sentence funds each project
    the list names, up to the prose that ends it."""
    for intro, sp, end, listed in _announced_lists(doc):
        if _FUNDING_VERB.search(doc.text, sp.start, intro.start()) is None:
            continue
        funders = _intro_funders(doc, sp.start, intro.start())
        if len(funders) != 1:
            continue
        for p in listed:
            doc.relate("FUNDS", funders[0], p, Span(sp.start, min(end, sp.start + 400)))


def _listed_targets(doc: Doc, found) -> None:
    """"… tre olika projekt vars utgångspunkt har varit samverkan kring personer som varit
    sjukskrivna:" over the projects' lines, "De prioriterade insatserna är verksamhet som riktar
    sig till nyanlända … Årets medel har fördelats till fyra insatser:": the groups of the
    announcing sentence (or the one before it) are each listed project's."""
    text = doc.text
    for intro, sp, _end, listed in _announced_lists(doc):
        if len(listed) < 2:
            continue
        prev = doc.sentence(sp.start - 1) if sp.start > 0 else sp
        lo = prev.start if re.search(r"(?i)\b(?:insatser|insatserna|projekten|projekt|verksamhet\w*)\b",
                                     text[prev.start:prev.end]) else sp.start
        for g in found:
            if lo <= g.start < intro.end():
                grp = doc.add("group", g.key, None, None, uid=g.key)
                for p in listed:
                    doc.relate("TARGETS", p, grp, doc.sentence(g.start))


# rule_report: fires on at most one of the 199 annotated pages; kept: layout: a heading over its block of labelled facts scopes what follows it (the headings and labels)
_FACT_LINE_AFTER = re.compile(r"\n[ \t]*(?:Ägare|Projektägare|Huvudman|Målgrupp(?:er)?|Finansiär(?:er)?|Partners?|"
                              r"Samverkansparter|Period|Projektperiod|Plats)[ \t]*:[ \t]*\S")


# rule_report: fires on one annotated page; kept: the structure layer (headings and sections scope what follows them), for pages of several projects
def _project_headings(doc: Doc) -> None:
    """"Hållbart Arbetsliv⏎⏎Projektet prioriterades …⏎⏎Ung Kraft Arena⏎⏎Projektet riktar sig
    till …": on a page of two or more projects, a line that is one project's name alone heads
    what follows it, up to the next such line (headings scope what follows them)."""
    projs = doc.of_type("project")
    if len(projs) < 2:
        return
    names = {fold(n): p for p in projs for n in (p.name, *p.aliases) if len(n) >= 3}
    heads = []
    for m in re.finditer(r"(?m)^[ \t]*(\S[^\n]{1,90}?)[ \t]*$", doc.text):
        p = names.get(fold(m.group(1)))
        # a heading: a blank line before it (or the page's start) and prose after it
        # (or a block of its labelled facts: "Hälsosteget⏎Ägare: Region X⏎Målgrupp: …")
        if p is not None and m.start() > 0 and doc.text[max(0, m.start() - 2):m.start()] == "\n\n" \
                and (re.match(r"\n\s*\n?\s*\S[^\n]{40,}", doc.text[m.end():m.end() + 200])
                     or _FACT_LINE_AFTER.match(doc.text, m.end())):
            heads.append((m.start(), p))
    if len({p.uid for _, p in heads}) < 2:
        return
    bounds = [a for a, _ in heads] + [len(doc.text)]
    _split_segments(doc, [(a, b) for a, b in zip(bounds, bounds[1:])])


#: a paragraph's start, and the head noun its first sentence may open with
_PARAGRAPH_START = re.compile(r"(?:^|\n[ \t]*\n)[ \t]*(?:(?:Projektet|Insatsen|Satsningen|Förstudien)[ \t]+)?(?=\S)")


_SUBJECT_PREDICATE = re.compile(r"[ \t]+(?:drivs|drevs|ägs|ägdes|leds|är|var|riktar|riktade|vänder|vände|pågår|pågick|startade|"
                                r"startar|finansieras|finansierades|syftar|syftade|har|hade|ska|erbjuder|genomförs|bedrivs|"
                                # (or the sentence saying what it is, glued to its name: "Framtid tillsammans Ett IOP mellan …")
                                r"(?-i:Ett|En))\b")
# rule_report: fires on at most one of the 199 annotated pages; kept: the structure layer (the subject carried from sentence to sentence), for paragraphs that each open with their project
def _paragraph_subjects(doc: Doc) -> None:
    """ "Ung Framtid drivs av …⏎⏎Jobbverkstan är ett samarbete mellan … Målgruppen är …": on a
    page of two or more projects, a paragraph that opens with a project's name is about that
    project, and so are its sentences that name none (its "Målgruppen är …", "Verksamheten
    finns i …"), up to the next paragraph that opens with another."""
    if len(doc.of_type("project")) < 2:
        return
    starts: list[tuple[int, str]] = []
    for m in _PARAGRAPH_START.finditer(doc.text):
        at = [x for x in doc.mentions_in(m.end(), m.end() + 1, "project") if x.start == m.end()]
        # (the name the subject of a predicate about the work, not "Vägen, ett tidigare projekt, …")
        if at and _SUBJECT_PREDICATE.match(doc.text, at[0].end):
            para = m.start() + (len(m.group(0)) - len(m.group(0).lstrip("\n \t")) if m.start() else 0)
            starts.append((para, at[0].uid))
    if len({u for _, u in starts}) < 2:
        return
    bounds = [a for a, _ in starts] + [len(doc.text)]
    _split_segments(doc, [(a, b) for a, b in zip(bounds, bounds[1:])])


def _split_segments(doc: Doc, spans: list[tuple[int, int]]) -> None:
    """Cut the segments so that each span is a segment of its own."""
    cuts = sorted({p for a, b in spans for p in (a, b)})
    out = []
    for seg in doc.segments:
        inner = [c for c in cuts if seg.start < c < seg.end]
        bounds = [seg.start, *inner, seg.end]
        out += [Segment(a, b, seg.date, seg.kind) for a, b in zip(bounds, bounds[1:]) if b > a]
    doc.segments = out


def _merge_short_project_names(doc: Doc) -> None:
    """'Vårsta Antiloopen' and 'Vårsta Antiloopen – din väg till egen försörjning' are one
    project: a name that is the head of another before a dash, colon or bracket is its alias."""
    projs = sorted(doc.of_type("project"), key=lambda p: len(p.name))
    for short in projs:
        for long_ in projs:
            if long_ is short or len(long_.name) <= len(short.name):
                continue
            rest = long_.name[len(short.name):] if long_.name.startswith(short.name) else None
            if rest is not None and re.match(r"\s*[–—:(-]\s", rest + " ") and doc.get("project", short.uid):
                if short.firm and short.props.get("id") and not long_.props.get("id"):
                    doc.merge("project", long_.uid, short.uid)
                else:
                    doc.merge("project", short.uid, long_.uid)
                break
            if rest is None and long_.name.casefold().startswith(short.name.casefold()):
                rest = long_.name[len(short.name):]
            # (a comma inside the longer name too: "projektet Arbete för gemenskap, samarbete i
            # Eskilstuna" under the record's "Namn: Arbete för gemenskap, samarbete i Eskilstuna")
            if rest is not None and rest[:1] in (" ", ",") and short.mentions and not short.firm and all(
                    doc.text[s:s + len(long_.name)].casefold() == long_.name.casefold()
                    for s, _ in short.mentions):
                # "förlänga insatsen Steg framåt till …" read as "Steg": a cut reading of the
                # longer name written at every one of its places, not another project (also
                # in another case: "projektet Värmland tillsammans" under "Värmland Tillsammans")
                cut = set(short.mentions)
                doc.merge("project", short.uid, long_.uid)
                long_.aliases.discard(short.name)
                # its mentions there cover the whole name (the clause's words after it begin where it ends)
                n = len(long_.name)
                long_.mentions = [(a, a + n) if (a, b) in cut else (a, b) for a, b in long_.mentions]
                doc.mentions = [type(m)(m.type, m.uid, m.start, m.start + n)
                                if m.type == "project" and m.uid == long_.uid and (m.start, m.end) in cut else m
                                for m in doc.mentions]
                break


_PROSE_GRANT = re.compile(
    # "X har beviljats 9,8 miljoner kronor i finansiering från Europeiska socialfonden"
    # (any tense of being granted or receiving: "har blivit beviljat", "beviljades", "fick", "har tilldelats")
    rf"(?:har\s+(?:blivit\s+)?beviljats?|blivit\s+beviljad|beviljades|beviljas|får|fick|har\s+fått|(?:har\s+)?tilldelats)\s+"
    rf"(?:drygt\s+|cirka\s+|ca\s+|nästan\s+|närmare\s+)?((?:[\d][\d\s,.]*)\s*{_UNIT}(?:\s+kronor)?)(?:\s+i\s+\w+)?\s+(?:från|av|ur)\s+"
    # "Det är totalt 5,5 miljoner kronor som beviljats av Svenska ESF-rådet"
    rf"|\b((?:[\d][\d\s,.]*)\s*{_UNIT}(?:\s+kronor)?)\s+som\s+(?:har\s+)?beviljats\s+(?:av|från)\s+")


# rule_report: fires on one annotated page (t004); kept: a counted plural's referents (the one statement for several entities), only where the page names exactly that many
_COUNT_WORDS = {**F._WORDNUM, "båda": 2, "bägge": 2}
_COUNTED_PROJECTS = re.compile(r"(?i)\btill\s+(?:de\s+)?(två|tre|fyra|fem|båda|bägge)\s+(?:\w+\s+)?(?:projekt|projekten|insatser|insatserna)\b")


def _grant_amount_in_prose(doc: Doc, owners: dict) -> None:
    """A grant written in a sentence: its funder, sum and (named before it) its owner."""
    for m in rxguard.finditer(_PROSE_GRANT, doc.text):
        sp = doc.sentence(m.start())
        funders = doc.mentions_in(m.end(), m.end() + 60, "org")
        seg = doc.segment_of(m.start())
        proj = relations.sentence_project(doc, sp, seg)
        if proj is None or not funders:
            continue
        funder = doc.get("org", funders[0].uid)
        before = [x for x in doc.mentions_in(sp.start, m.start(), "org")]
        amount = F.parse_amount_sek(m.group(1) or m.group(2))
        # "X är en del av projektet Y som har beviljats …": the project is the one granted, its
        # antecedent the relative clause's subject; X is not said to have applied
        granted_project = re.search(r"\bsom\s+(?:nu\s+)?$", doc.text[sp.start:m.start()]) is not None
        # "Projektet X, som är ett samarbete mellan A och B, får 12 miljoner …": the project is
        # the subject that gets the sum; the bodies of its relative clause did not apply
        projects_first = [x for x in doc.mentions_in(sp.start, m.start(), "project") if before and x.start < before[0].start]
        if before and proj.uid not in owners and not granted_project and not projects_first:
            owner = doc.get("org", before[0].uid)
            owners[proj.uid] = owner
            doc.relate("OWNS", owner, proj, sp)
        # "Sundsvalls kommun får 17,2 Mkr från ESF till två stora projekt": a grant to a counted
        # plural the sentence does not name is one for each project of the page, where it names
        # as many as the sentence counts (the headline of a press release over its projects)
        counted = _COUNTED_PROJECTS.search(doc.text, m.end(), sp.end)
        n = _COUNT_WORDS.get(counted.group(1).lower()) if counted else None
        if n and not doc.mentions_in(sp.start, sp.end, "project") and len(doc.of_type("project")) == n:
            for other in doc.of_type("project"):
                if other is proj:
                    continue
                if before and other.uid not in owners and not projects_first:
                    owners[other.uid] = doc.get("org", before[0].uid)
                    doc.relate("OWNS", owners[other.uid], other, sp)
                doc.relate("FUNDS", funder, other, sp)
        if funder.uid in (slug(ESF_FUND), slug("Svenska ESF-rådet")):
            # a sum from the fund or from the council that grants it is ESF support; the funder
            # is the one the sentence names (CONVENTIONS: ESF-rådet where the money is said to
            # come from it)
            if amount and "esf_support_sek" not in proj.props:
                proj.props["esf_support_sek"] = amount
        doc.relate("FUNDS", funder, proj, sp, amount_sek=amount)


_DISTRIBUTES = re.compile(r"\b(?:har|hade)\s+(?:fördelat|beviljat|delat\s+ut)\b|\b(?:fördelar|beviljar|delar\s+ut)\b")


def _distributor(doc: Doc) -> Entity | None:
    """The agency, region, fund or förbund the page says distributes money ("Länsstyrelsen
    fördelar statliga ersättningar …", "MUCF har fördelat 17 miljoner kronor till …")."""
    for v in _DISTRIBUTES.finditer(doc.text):
        sp = doc.sentence(v.start())
        before = [doc.get("org", x.uid) for x in doc.mentions_in(sp.start, v.start(), "org")]
        before = [o for o in before if o is not None and o.kind in ("agency", "region", "fund", "coordination_association")]
        if before:
            return before[-1]
    return None


def _doc_funder(doc: Doc) -> Entity | None:
    """Whose money a page's grants are: the ESF where the page names it, else the agency,
    region or förbund that the page says distributes it ("MUCF har fördelat 17 miljoner
    kronor till …"), else the förbund whose page it is."""
    if re.search(r"(?i)europeiska\s+socialfonden|\bESF\b(?![\-–]?\s?rådet)|socialfonden", doc.text):
        return doc.add("org", ESF_FUND, None, None, uid=slug(ESF_FUND), kind="fund", firm=True)
    return _distributor(doc) or doc.page_forbund()


_ESF_COMPOUND = re.compile(r"\bESF\+?-(?:projekt\w*|finansier\w*|medel|pengar|stöd(?:et)?\b)|"
                           r"(?i:\bsocialfonds(?:projekt\w*|finansier\w*|medel|pengar|stöd(?:et)?\b))")
#: the sum right before "i ESF-stöd": "har beviljats 3 miljoner kronor i ESF-stöd" (not "drygt", "cirka": approximate)
_SUM_IN_ESF = re.compile(rf"(?<!drygt )(?<!cirka )(?<!ca )(\d[\d \t,.]*[ \t]*(?:miljoner|miljon|mkr|mnkr|kr|kronor)(?:[ \t]+kronor)?)[ \t]+i[ \t]+$")


def _esf_compounds(doc: Doc) -> None:
    """"det nystartade ESF-projektet Vägen", "ett ESF-finansierat projekt", "socialfondsprojekt": the fund named by
    its abbreviation inside a compound funds the project the compound speaks of — the one
    named right after it, else the one its sentence or segment is about (CONVENTIONS)."""
    for m in rxguard.scan(_ESF_COMPOUND, doc.text):
        sp = doc.sentence(m.start())
        named = [x for x in doc.mentions_in(m.end(), m.end() + 4, "project") if x.start - m.end() <= 3]
        if named:
            proj = doc.get("project", named[0].uid)
        else:
            here = relations._ents(doc, doc.mentions_in(sp.start, sp.end, "project"))
            proj = here[0] if len(here) == 1 else (relations.main_project(doc, doc.segment_of(m.start())) if not here else None)
        if m.group(0).startswith("ESF"):
            fund = doc.add("org", ESF_FUND, m.start(), m.start() + 3, uid=slug(ESF_FUND), kind="fund", firm=True,
                           surface="ESF")
            fund.aliases.add("ESF")
        else:  # "Sveriges största socialfondsprojekt - SOLARIS": the fund is named inside the word
            fund = doc.add("org", ESF_FUND, None, None, uid=slug(ESF_FUND), kind="fund", firm=True)
        if proj is not None:
            doc.relate("FUNDS", fund, proj, sp)
            sm = _SUM_IN_ESF.search(doc.text, max(sp.start, m.start() - 50), m.start()) if "stöd" in m.group(0) else None
            amount = F.parse_amount_sek(sm.group(1)) if sm else None
            if amount and "esf_support_sek" not in proj.props:
                proj.props["esf_support_sek"] = amount  # CONVENTIONS: an ESF sum granted → esf_support_sek


# rule_report: fires on one annotated page; kept: a construction of the layout every stored page shares (pages cut at a length, mid-word), a guard that only removes
def _cut_name_at_the_end(doc: Doc) -> None:
    """A page stored up to a length ends mid-word ("… det övergripande målet för EU-programmet
    Smål"): a project named only there, whose last word is the start of a longer word the page
    writes elsewhere ("Småland"), is a cut word, no name."""
    text = doc.text
    end = len(text.rstrip())
    if not end or text[end - 1] in ".!?)”\"»:;":
        return
    for p in [*doc.of_type("project"), *doc.of_type("org")]:
        if p.firm or not p.mentions or any(e < end for _, e in p.mentions):
            continue
        last = text[p.mentions[-1][0]:p.mentions[-1][1]].split()[-1]
        # (an organisation too: "Läs mer hos Studieförbundet Vux" where the page wrote "Vuxenskolan")
        if len(last) >= 2 and re.search(r"(?<![\w\-])" + re.escape(last) + r"\w", text[:end - len(last)], re.I):
            doc.drop(p.type, p.uid)


def _no_places_in_project_names(doc: Doc) -> None:
    """A kommun inside a project's name ("Rätt stöd i Södertälje", "Jobbspåret Norrby")
    identifies the project; it is no mention of the place (CONVENTIONS: no place entry,
    no relation)."""
    names = [doc.name_span(m) for m in doc.mentions if m.type == "project"]
    if not names:
        return
    inside = [m for m in doc.mentions if m.type == "place" and any(a <= m.start and m.end <= b for a, b in names)]
    if not inside:
        return
    gone = {(m.uid, m.start, m.end) for m in inside}
    doc.mentions = [m for m in doc.mentions if not (m.type == "place" and (m.uid, m.start, m.end) in gone)]
    for uid in {m.uid for m in inside}:
        ent = doc.get("place", uid)
        if ent is not None:
            ent.mentions = [(s, e) for s, e in ent.mentions if (uid, s, e) not in gone]


def _start_years(doc: Doc) -> None:
    for year, s, e in F.find_start_years(doc.text):
        sp = doc.sentence(s)
        ps = relations._ents(doc, doc.mentions_in(sp.start, sp.end, "project"))
        if not ps and not re.search(r"(?i)projekt|insats|teamet", doc.text[sp.start:sp.end]):
            continue
        if doc.mentions_in(sp.start, s, "person"):
            continue
        proj = ps[0] if ps else relations.main_project(doc, doc.segment_of(s))
        if proj is not None and "start" not in proj.props:
            proj.props["start"] = year
    # "… kommer att pågå mellan februari 2020 och maj 2022", "ska pågå till den 31 mars 2024"
    # dates are parsed only in the sentences whose verb says something runs (parsing every
    # date of the text cost a tenth of the extraction)
    sentences = {(sp.start, sp.end) for sp in (doc.sentence(v.start()) for v in rxguard.finditer(_RUNS, doc.text))}
    # a period under its own heading ("Tidsperiod" / blank line / "1 juni 2012 till 2014.")
    for h in _PERIOD_HEADING.finditer(doc.text):
        line = re.compile(r"[ \t]*(\S[^\n]*)").match(doc.text, h.end())
        if line:
            sentences.add((line.start(1), line.end(1)))
    sentences = sorted(sentences)
    spans = []
    for a0, b0 in sentences:
        chunk = doc.text[a0:b0]
        if not _YEAR.search(chunk):
            continue  # no year, no period or end date to read
        spans += [(a, b, a0 + s, a0 + e) for a, b, s, e in F.find_periods(chunk)]
        spans += [(None, end, a0 + s, a0 + e) for end, s, e in F.find_end_dates(chunk)]
    for start, end, s, e in spans:
        sp = doc.sentence(s)
        headed = _PERIOD_HEADING.search(doc.text, max(0, sp.start - 40), s + 1) is not None
        if not (headed or _RUNS.search(doc.text, sp.start, e)) or doc.mentions_in(sp.start, s, "person"):
            continue  # a range of years in a report, a person's time somewhere
        ps = relations._ents(doc, doc.mentions_in(sp.start, sp.end, "project"))
        if not ps and not headed and not re.search(r"(?i)projekt|insats", doc.text[sp.start:sp.end]):
            continue
        proj = ps[0] if ps else relations.main_project(doc, doc.segment_of(s))
        if proj is None and headed and len(doc.of_type("project")) == 1:
            proj = doc.of_type("project")[0]  # the page's only project, under its "När:" label
        if proj is None:
            continue
        if start and "start" not in proj.props:
            proj.props["start"] = start
        if end and "end" not in proj.props:
            proj.props["end"] = end


_PERIOD_HEADING = re.compile(r"(?im)^[ \t]*(?:tidsperiod|projektperiod|projekttid|löptid|period|när)"
                             r"(?:[ \t]*:[ \t]*(?=\S)|[ \t]*:?[ \t]*\n(?:[ \t]*\n)?)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: a project's running time: the verb that says it runs over the period
_RUNS = re.compile(r"(?i)\b(?:pågå\w*|pågick|löper|löpt|varar|varade|bedrivs|bedrevs|drivs|drevs|genomförs|"
                   r"genomfördes|projektperiod\w*|projekttid\w*|tidsperiod\w*|avslutas|avslutades|slutar|upphör|"
                   # "Samordningsförbundet finansierar insatsen under perioden 2018-03-01 – 2022-02-28"
                   r"(?:under|för)\s+perioden)\b")


_RESEARCH_BEFORE = re.compile(r"(?i)\b(?:forskningsprojekt\w*|forskningsstudie\w*|studien|avhandling\w*|"
                              r"utvärdering(?:en)?\s+av)\s*[\"”“']?$")


def _is_research(doc: Doc, proj: Entity) -> bool:
    """The project is introduced as research ("forskningsprojektet X", "studien X")."""
    return any(_RESEARCH_BEFORE.search(doc.text, max(0, s - 40), s) for s, _ in proj.mentions)


# a planned number of participants written in prose (CONVENTIONS fields), by the clause around the count
#: the people a project counts: "120 deltagare", "600 unga vuxna", "60 långtidsarbetslösa"
_PEOPLE = (r"(?:(?:unika|nya|fler|olika)\s+)?(?:deltagare|personer|individer|unga(?:\s+vuxna)?|ungdomar|kvinnor|män|"
           r"långtidsarbetslösa|arbetslösa|arbetssökande|nyanlända|elever|familjer)\b")
_COUNT = r"(?:cirka\s+|ca\.?\s+|drygt\s+|minst\s+|totalt\s+|upp\s+till\s+)?(\d{1,3}(?:[ \u00a0]\d{3})*|\d+)"
_PLANNED = re.compile(
    # "ska nå 120 deltagare", "ska stödja 60 långtidsarbetslösa", "kommer att erbjudas till 400 personer"
    rf"(?i)\b(?:ska|skall|planerar att|beräknas|förväntas|räknar med att|kommer att)\s+(?:\w+\s+)?"
    rf"(?:nå|omfatta|ta emot|involvera|stötta|stödja|hjälpa|ha|erbjuda|erbjudas(?:\s+till)?|arbeta med|rusta|coacha)\s+"
    rf"{_COUNT}\s+{_PEOPLE}"
    # "totalt 250 deltagare ska ha varit med", "100 långtidsarbetslösa ska få hjälp", "Målet är att 210
    # unika deltagare har deltagit i projektet": the people, then their taking part (not an outcome:
    # "1000 personer ska lämna arbetslösheten")
    rf"|(?<![\d%,.])\b{_COUNT}\s+{_PEOPLE}[^.\n]{{0,60}}?\s+(?:ska|skall|kommer\s+att|har)\s+(?:ha\s+)?"
    rf"(?:få\s+(?:hjälp|stöd)|deltagit|delta|varit\s+med|genomgå|ta\s+del)")


_PLANNED_LABEL = re.compile(r"(?i)\bplanerat antal deltagare\s*(?:är|:)?\s*(?:cirka\s+|ca\.?\s+)?"
                            r"(\d{1,3}(?:[ \u00a0]\d{3})*|\d+)\b"
                            r"|\b(?:beräknat|beräknade|planerat|planerade|förväntat|förväntade)\s+(?:antal\s+)?"
                            r"(\d{1,3}(?:[ \u00a0]\d{3})*|\d+)\s+deltagare\b")
#: "Projektet har en totalbudget om 24 miljoner kronor"
_BUDGET_PROSE = re.compile(rf"(?i)\b(?:total|projekt)?budget(?:en)?\s+(?:om|på|är|uppgår\s+till)\s+"
                           rf"(?P<amount>{_AMOUNT_RX})"
                           # "Totalt omfattar projektet 4,2 miljoner kronor", "projektet omfattar totalt …"
                           rf"|\b(?:totalt|sammanlagt)\s+omfattar\s+(?:projektet|insatsen)\s+(?P<amount2>{_AMOUNT_RX})"
                           rf"|\b(?:projektet|insatsen)\s+omfattar\s+(?:totalt|sammanlagt)\s+(?P<amount3>{_AMOUNT_RX})")


# CONVENTIONS fields: a planned number of participants in prose (the patterns above)
def _planned_in_prose(doc: Doc) -> None:
    """"Insatsen … ska nå 120 deltagare", "… Planerat antal deltagare: 240." inside a
    paragraph: a planned number of participants (not an actual count: only with a future
    or planning verb, or the label)."""
    for m in [*rxguard.finditer(_PLANNED, doc.text), *rxguard.finditer(_PLANNED_LABEL, doc.text)]:
        sp = doc.sentence(m.start())
        seg = doc.segment_of(m.start())
        proj = relations.sentence_project(doc, sp, seg)
        n = F.parse_int(next(g for g in m.groups() if g))
        if re.search(r"(?i)\b(?:minst|upp\s+till)\s+\d", m.group(0)):
            continue  # CONVENTIONS: "minst N", "upp till N" are not planned numbers
        if proj is not None and n and "planned_participants" not in proj.props:
            proj.props["planned_participants"] = n
    low = doc.text.lower()
    for m in (_BUDGET_PROSE.finditer(doc.text) if "budget" in low or "omfattar" in low else ()):
        proj = relations.sentence_project(doc, doc.sentence(m.start()), doc.segment_of(m.start()))
        amount = F.parse_amount_sek(m.group("amount") or m.group("amount2") or m.group("amount3"))
        if proj is not None and amount and "budget_sek" not in proj.props:
            proj.props["budget_sek"] = amount


#: a programme's session line: its time (``TIME_LINE``) or the kind of session before a topic ("09.30 Seminarium: Unga
#: med psykisk ohälsa – hur når vi dem?", "Paneldebatt: Nyanlända kvinnors väg till arbete")
_SESSION_LABEL = re.compile(r"[ \t]*(?:Seminarium|Seminarier|Panel\w*|Workshop|Föreläsning|Samtal|Tema)[ \t]*:")


def _session_topic(doc: Doc, pos: int) -> bool:
    """A group in a programme's session title is the session's topic, not whom some work is for
    (the issue: "target groups taken from … seminar topics"), unless the line names a project."""
    a = doc.text.rfind("\n", 0, pos) + 1
    b = doc.text.find("\n", pos)
    b = len(doc.text) if b == -1 else b
    session = TIME_LINE.match(doc.text, a) or _SESSION_LABEL.match(doc.text, a)  # (its time, or its kind and a colon)
    return bool(session) and not doc.mentions_in(a, b, "project")


# rule_report: fires on at most one of the 199 annotated pages; kept: clause structure (a relative clause belongs to the name it follows), for pages naming two projects
#: a relative clause from a name to the group in it, with no clause break between: ", som riktade sig till …"
_RELATIVE_TO = re.compile(r"[ \t]*,?[ \t]+som\b[^,.;:!?()\n]*")


def _relative_clause_project(doc: Doc, sent_start: int, pos: int):
    """The project whose name the relative clause holding ``pos`` hangs on, or None."""
    before = doc.mentions_in(sent_start, pos, "project")
    if not before:
        return None
    last = max(before, key=lambda m: m.end)
    if last.end <= pos and _RELATIVE_TO.fullmatch(doc.text, last.end, pos):
        return doc.get("project", last.uid)
    return None


def _targets(doc: Doc) -> list[str]:
    text = doc.text
    skip = sorted(doc.taken)
    found = targets.find_groups(text, 0, len(text), skip_spans=skip)
    found = [g for g in found if not _session_topic(doc, g.start)]
    doc_keys = list(dict.fromkeys(g.key for g in found))
    sections = targets.target_sections(text)
    for seg in doc.segments:
        projs = relations.segment_projects(doc, seg)
        if not projs:
            continue
        seg_groups = [g for g in found if seg.start <= g.start < seg.end]
        in_sections = [g for g in seg_groups if any(a <= g.start < b for a, b in sections)]
        chosen = in_sections or seg_groups
        proj_targets = [relations.main_project(doc, seg)]
        if not in_sections and proj_targets[0] is not None and _is_research(doc, proj_targets[0]):
            continue  # a research project studies the people the text is about; it is not aimed at them
        for g in chosen:
            grp = doc.add("group", g.key, None, None, uid=g.key)
            sp = doc.sentence(g.start)
            # "Jobbstart … riktar sig till unga vuxna": a sentence that names one project
            # speaks of that project's people, whichever project the item is mostly about
            here = relations._ents(doc, doc.mentions_in(sp.start, sp.end, "project"))
            # "två insatser, Bryggan och Navigatorn, som båda riktar sig till …": coordinated
            # projects share what the sentence says of them
            chain = relations.sentence_projects(doc, sp, seg) if len(here) > 1 else []
            # "… en fortsättning på projektet Beta, som riktade sig till långtidsarbetslösa": of two
            # projects not coordinated, the group in a relative clause is the one's the clause hangs on
            rel = _relative_clause_project(doc, sp.start, g.start) if len(here) > 1 and len(chain) <= 1 else None
            if len(here) == 1 and len(projs) > 1:
                owners = here
            elif rel is not None:
                owners = [rel]
            else:
                owners = chain if len(chain) > 1 else proj_targets
            for p in owners:
                if p is not None:
                    doc.relate("TARGETS", p, grp, sp)
    _listed_targets(doc, found)
    return doc_keys


def extract_text(text: str, document: str = "document.txt", path: str | None = None, *,
                 keep_contact_details: bool = False) -> dict:
    """Extract one document's entities and relations (pure: no database).

    The rules find the mentions and vote on relations (``analyse_text``); the learned
    layer (``loaders.learned``) decides the relation types its model covers.
    E-mail addresses and phone numbers of people are included only with
    ``keep_contact_details``.
    """
    doc, keys = analyse_text(text)
    learned.apply(doc)
    relations.drop_comember_collaboration(doc)  # members the model found are not collaborators either
    return _record(doc, document, path, keys, keep_contact_details)


def analyse_text(text: str, *, names_model: dict | None = None, on_names=None) -> tuple[Doc, list[str]]:
    """The rules' reading of a text: its Doc (entities, mentions, the rules' relations)
    and the document's target-group keys; what the learned relation layer starts from.

    The learned name layer (``loaders.names``) adds the names the rules missed before any
    relation rule runs; ``names_model`` replaces its stored model ({} turns it off) and
    ``on_names(doc)`` sees the Doc just before it (training reads its features there).
    """
    fld = F.parse_fields(text)
    kind = detect_kind(text, fld)
    doc = Doc(text, kind, _segments(text, kind))
    orgs.find_all(doc)
    proj = _esf_record(doc, fld) if kind == "esf_project" else None
    pms = people.find_people(doc)
    orgs.employers_after_titles(doc, pms)
    projects.find_projects(doc)
    if proj is None:
        _labelled_project(doc, fld)
    if doc.title_project and proj is None and fld:
        # a page titled by a project over its labelled facts: the facts are the project's
        titled = doc.get("project", doc.title_project)
        for k, v in _field_props(fld).items():
            if v is not None and titled.props.get(k) is None:
                titled.props[k] = v
    funder = _doc_funder(doc)
    _grants(doc, funder)
    _listed_insatser(doc)
    _inline_insatser(doc)
    _funded_list(doc)
    _merge_short_project_names(doc)
    _titled_insats(doc)
    projects.mark_all_mentions(doc)
    projects.extend_names(doc)
    projects.mark_all_mentions(doc)
    _page_project(doc)
    _cut_name_at_the_end(doc)
    _no_places_in_project_names(doc)
    projects.clean_names(doc)
    projects.bracketed_ids(doc)
    orgs.coordinated_names(doc)
    orgs.acronym_subjects(doc)
    orgs.bare_heads(doc)
    orgs.office_bodies(doc)
    orgs.mark_all_mentions(doc)
    if on_names is not None:
        on_names(doc)
    if names.apply(doc, names_model, pms):
        projects.mark_all_mentions(doc)
    _project_headings(doc)
    _paragraph_subjects(doc)
    owners: dict[str, Entity] = {}
    funders: dict[str, set[str]] = {}
    for (t, s, tgt), r in doc.relations.items():
        if t == "OWNS":
            owners[tgt] = doc.get("org", s)
    relations.part_of_rules(doc)
    _grant_amount_in_prose(doc, owners)
    relations.listed_owner_rules(doc, owners)
    for seg in doc.segments:
        relations.owner_rules(doc, seg, owners)
        relations.funder_rules(doc, seg, owners, funders)
    relations.person_rules(doc, pms, doc.segment_of)
    relations.role_for_contacts(doc)
    # no owner stated: the organisation of the project's leader runs it
    for p in doc.of_type("project"):
        if p.uid not in owners:
            for (t, s, tgt), r in list(doc.relations.items()):
                if t == "CONTACT_FOR" and tgt == p.uid and re.search(r"projektledare", r["props"].get("role") or "", re.I):
                    works = [k for k in doc.relations if k[0] == "WORKS_FOR" and k[1] == s]
                    if works:
                        o = doc.get("org", works[0][2])
                        if o is not None and o.uid not in funders.get(p.uid, set()):
                            owners[p.uid] = o
                            doc.relate("OWNS", o, p, Span(r["start"], r["end"]))
                    break
    relations.plural_project_rules(doc, owners)
    for seg in doc.segments:
        relations.partner_rules(doc, seg, owners, funders)
        relations.collaboration_rules(doc, seg)
        relations.active_in_rules(doc, seg)
        relations.where_label_rules(doc, seg)
    relations.affiliation_rules(doc, pms)
    relations.pronoun_rules(doc, pms)
    relations._zone_orgs(doc, pms)
    relations.board_rules(doc, pms)
    relations.most_specific_employer(doc)
    relations.most_specific_party(doc)
    relations.member_rules(doc)
    relations.drop_comember_collaboration(doc)
    relations.drop_owner_partners(doc)
    _esf_compounds(doc)
    relations.located_in_rules(doc)
    _start_years(doc)
    _planned_in_prose(doc)
    keys = _targets(doc)
    return doc, keys


def _record(doc: Doc, document: str, path: str | None, keys: list[str], keep_contact_details: bool) -> dict:
    rec = empty_record(document, path or document, hashlib.sha256(doc.text.encode("utf-8")).hexdigest())
    rec["kind"] = doc.kind
    first = next((ln.strip() for ln in doc.text.split("\n") if ln.strip()), "")
    rec["title"] = first[:200] or None
    dm = DATE_LINE.search(doc.text[:200])
    rec["published"] = dm.group(1) if dm and dm.group(1) else None
    related = {u for (_, a, b) in doc.relations for u in (a, b)}
    for ent in doc.entities.values():
        if ent.type == "group":
            continue
        if not ent.mentions and ent.uid not in related:
            continue  # implied (the ESF behind a grant list) but never used: not in the text
        item = {"uid": ent.uid, "name": ent.name}
        if ent.type == "org":
            item["kind"] = ent.kind or guess_kind(ent.name)
            item["aliases"] = sorted(a for a in ent.aliases if a.casefold() != ent.name.casefold())
        elif ent.type == "place":
            item["country"] = ent.props.get("country", "SE")
            if ent.props.get("code"):
                item["code"] = ent.props["code"]
            if ent.props.get("county_code"):
                item["county_code"] = ent.props["county_code"]
        elif ent.type == "project":
            for k in ("id", "start", "end", "budget_sek", "esf_support_sek", "planned_participants",
                      "region", "specific_objective"):
                if ent.props.get(k) is not None:
                    item[k] = ent.props[k]
        elif ent.type == "person":
            if ent.props.get("role"):
                item["role"] = ent.props["role"]
            if keep_contact_details and ent.mentions:
                s0, e0 = ent.mentions[0]
                item.update(people.find_phones_and_emails(doc.text, s0, min(len(doc.text), e0 + 200)))
        rec[LIST_OF[ent.type]].append(item)
    rec["target_groups"] = [{"key": k} for k in keys]
    for r in doc.relations.values():
        row = {k: v for k, v in r.items() if not k.startswith("_")}
        # the names as the entities end up (a rule that renames an entity after a relation was
        # stated of it, "Projekt Alfa" → "Alfa", leaves no relation naming what no entity is)
        src, tgt = doc.get(r["_types"][0], r["source_uid"]), doc.get(r["_types"][1], r["target_uid"])
        if src is not None:
            row["source"] = src.name
        if tgt is not None and tgt.type != "group":
            row["target"] = tgt.name
        if not keep_contact_details:
            _drop_contact_lines(doc.text, row)
        rec["relations"].append(row)
    _qualify_unit_uids(rec)
    _names_as_written(rec, doc.text)
    return rec


_WORDS = re.compile(r"\w+")


def _shorthand(alias: str, name: str) -> bool:
    """A form that is not another name but the same one cut short: a two-letter abbreviation
    ("AF", "FK"), or the name in another inflection ("Arbetsförmedling", "Folkuniversitet")."""
    a, n = alias.casefold().strip(), name.casefold().strip()
    if len(re.sub(r"\W", "", a)) <= 2:
        return True
    if n.endswith(" i " + a):
        return True  # "Lund" of "samordningsförbunden i Lund och Eslöv": the piece, not a name of its own
    if re.sub(r"\s+(?:ab|hb|kb)$", "", n) == a:
        return False  # "Misa AB" written "MISA": the legal form is not written, the name is
    return (n.startswith(a) or a.startswith(n)) and abs(len(n) - len(a)) <= 3


def _names_as_written(rec: dict, text: str) -> None:
    """An organisation is named in the record as the document writes it; the reference name
    it resolved to stays as ``canonical`` (the graph's name for the node, its uid unchanged).

    "ESF-rådet" on a page that never writes "Svenska ESF-rådet", "SKL" where the full name is
    absent: the record reports what the text says (FORMAT.md, CONVENTIONS.md: no outside
    knowledge in names) while the node still merges with every other spelling. The longest
    alias the text contains wins; a kommun organisation keeps its official form unless the
    text writes another full form of it (a bare kommun name is a place, not a name of it)."""
    words = " ".join(_WORDS.findall(text.casefold()))

    def written(name: str, genitive: bool = False) -> bool:
        key = " ".join(_WORDS.findall(name.casefold()))
        # with ``genitive`` also in that form ("samordningsförbundet Hallands ordförande")
        return bool(key) and (f" {key} " in f" {words} " or genitive and f" {key}s " in f" {words} ")

    renamed: dict[str, str] = {}
    for item in rec["organizations"]:
        name = item["name"]
        if written(name):
            continue
        if item.get("kind") == "fund":
            continue  # a fund by its name: "ESF-stöd" is money from Europeiska socialfonden
        kommun = item.get("kind") == "municipality_org"
        # a kommun's other full form has another head word ("Haparanda kommun" for Haparanda
        # stad); with the same head it is the official name misspelt ("Halmstad kommun",
        # "Trollhättan Stad" without the genitive s, a typo): the official form is the name
        found = [a for a in item.get("aliases", ()) if written(a) and not _shorthand(a, name)
                 and (not kommun or a.split()[-1].casefold() in ("kommun", "stad")
                      and a.split()[-1].casefold() != name.split()[-1].casefold())]
        if not found:
            continue
        if written(name, genitive=True) and all(len(a) <= len(name) for a in found):
            continue  # the name itself is written, in the genitive; a shorter alias ("Finsam") is no better
        best = max(found, key=lambda a: (len(a), a))
        hit = re.search(r"(?<!\w)" + re.escape(best) + r"(?!\w)", text, re.I)
        best = hit.group(0) if hit and " ".join(hit.group(0).split()) == hit.group(0) else best  # its case as written
        item["canonical"] = name
        item["name"] = best
        item["aliases"] = sorted({*(a for a in item["aliases"] if a != best), name})
        renamed[item["uid"]] = best
    if renamed:
        for r in rec["relations"]:
            if r.get("source_uid") in renamed:
                r["source"] = renamed[r["source_uid"]]
            if r.get("target_uid") in renamed:
                r["target"] = renamed[r["target_uid"]]


_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<!\d)(?:\+46|0)\d{1,3}[\s\-/]*\d{2,3}(?:[\s\-]*\d{2}){2,3}(?!\d)")


def _drop_contact_lines(text: str, row: dict) -> None:
    """An evidence quote keeps no e-mail address or phone number unless asked to: it is cut
    to the lines before the first one that holds such a detail (offsets stay exact)."""
    ev = row.get("evidence") or ""
    m = _CONTACT.search(ev)
    if not m:
        return
    start = row["start"]
    cut = ev.rfind("\n", 0, m.start())
    if cut > 0:
        end = start + cut
    else:  # the detail is on the first line: keep the words before it
        end = start + len(ev[:m.start()].rstrip(" ,;:(–-"))
    row["end"], row["evidence"] = end, text[start:end]


def _qualify_unit_uids(rec: dict) -> None:
    """A unit's node key includes its parent's, so the 'Arbetsmarknadsenheten' of two kommuner
    stay two nodes while two spellings of one unit in one kommun become one."""
    parent = {r["source_uid"]: r["target_uid"] for r in rec["relations"] if r["type"] == "PART_OF"}
    remap: dict[str, str] = {}
    for item in rec["organizations"]:
        uid = item["uid"]
        if item.get("kind") != "municipal_unit" and not uid.startswith("unit:"):
            continue
        base = slug(uid[5:] if uid.startswith("unit:") else orgs.unit_uid(item["name"])[5:])
        up = parent.get(uid)
        remap[uid] = f"{up}/{base}" if up else base
    if not remap:
        return
    for item in rec["organizations"]:
        item["uid"] = remap.get(item["uid"], item["uid"])
    for r in rec["relations"]:
        r["source_uid"] = remap.get(r["source_uid"], r["source_uid"])
        r["target_uid"] = remap.get(r["target_uid"], r["target_uid"])


def extract_file(path: str | Path) -> list[dict]:
    """Read a file (any supported format) and extract each document in it."""
    from loaders.readers import read_document

    return [extract_text(d.text, d.name, d.path) for d in read_document(path)]
