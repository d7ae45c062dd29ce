"""One row of a project-bank export -> its extraction record, field by field.

The structured columns become the record directly — the project with its id, dates,
budget and region; the owner (OWNS), the partners (PARTNER_IN), the fund with the granted
amount on its FUNDS edge (``esf_support_sek`` only for ESF money), every listed kommun as
ACTIVE_IN with its SCB code (a län listed alone is the project's region, never guessed
down to kommuner), the project leader or contact as a Person with CONTACT_FOR (phone and
e-mail only with ``keep_contact_details``). Only the free-text columns (description,
background, purpose, goals, target group) go through the prose extractor; what it finds
there is merged in and never overrides a field. Evidence quotes are the row's own lines.

A value that could not be read (a kommun name no reference knows, a date in no known form)
is named in the record's ``warnings``, never dropped silently.
"""
from __future__ import annotations

import re

from loaders import extract as X
from loaders import orgs
from loaders import table_values as V
from loaders.doc import Doc, Entity
from loaders.gazetteer import Gazetteer, fold, guess_kind
from loaders.table_columns import LABEL_SV
from loaders.text import Segment, Span

FUND_NAMES = {"ESF": "Europeiska socialfonden", "ERUF": "Europeiska regionala utvecklingsfonden",
              "AMIF": "Asyl-, migrations- och integrationsfonden"}
_FUND_WORDS = (("ESF", re.compile(r"(?i)socialfond|\bESF\+?\b|\bFSE\b|\bESF-")),
               ("ERUF", re.compile(r"(?i)regionalfond|regionala?\s+utvecklingsfond|\bERUF\b|\bERDF\b|\bEFRE\b")),
               ("AMIF", re.compile(r"(?i)\bAMIF\b|asyl-,?\s*migrations")))
FREE = ("description", "background", "purpose", "goals", "target_group", "results")


def fund_key(text) -> str | None:
    for key, rx in _FUND_WORDS:
        if text and rx.search(str(text)):
            return key
    return None


class _Row:
    def __init__(self, doc):
        self.doc = doc
        self.row = doc.row
        self.text = doc.text
        self.fields: dict[str, list] = self.row["fields"]
        self.warnings: list[str] = []

    def first(self, field):
        vals = self.fields.get(field) or []
        return vals[0] if vals else None

    def span(self, field, value: str | None = None) -> Span:
        """The line that states the field (its label and value) in the row text."""
        label = LABEL_SV.get(field, field)
        start = self.text.find(f"{label}:\n")
        if start < 0:
            return Span(0, min(len(self.text), 200))
        vstart = start + len(label) + 2
        end = self.text.find("\n", vstart)
        end = len(self.text) if end < 0 else end
        return Span(start, end)

    def value_pos(self, field, value: str) -> tuple[int, int] | None:
        sp = self.span(field)
        i = self.text.find(value, sp.start, sp.end + 1)
        return (i, i + len(value)) if i >= 0 else None


def _org(d: Doc, r: _Row, field: str, value: str) -> Entity | None:
    value = " ".join(str(value).split()).strip(" ,;")
    if not value:
        return None
    g = Gazetteer.load()
    pos = r.value_pos(field, value) or (None, None)
    ref = g.org(value)
    if ref is None:
        p = g.place(value) or g.place(re.sub(r"(?i)\s+(kommun|stad)$", "", value))
        if p is not None and re.search(r"(?i)\b(kommun|stad)$|^[^\s]+$", value):
            ent = d.add("org", p.org_name, *pos, uid=orgs._uid_for(p.org_name),
                        kind="municipality_org", firm=True, surface=value, place_uid=p.uid)
            d.add("place", p.name, None, None, uid=p.uid, firm=True, country=p.country, code=p.code,
                  county_code=p.county_code or None)
            return ent
        return d.add("org", value, *pos, kind=guess_kind(value), surface=value)
    return d.add("org", ref.name, *pos, kind=ref.kind, firm=True, surface=value)


def _place(d: Doc, r: _Row, value: str) -> Entity | None:
    g = Gazetteer.load()
    name = re.sub(r"(?i)\s+(kommun|stad|kommune)$", "", value.strip())
    p = g.place(name) or g.place_from_genitive(name) or g.fuzzy_place(name)
    if p is None:
        return None
    pos = r.value_pos("kommuner", value) or (None, None)
    return d.add("place", p.name, *pos, uid=p.uid, firm=True, country=p.country, code=p.code,
                 county_code=p.county_code or None, surface=value)


def _fund(r: _Row) -> str | None:
    """The fund the row states: a fund column, the amount column's header, ``--fund``, or
    the programme/priority the row names."""
    for v in r.fields.get("fund") or []:
        k = fund_key(v)
        if k:
            return k
        ref = Gazetteer.load().org(str(v))
        if ref is not None and ref.kind == "fund":
            return ref.name
    if r.row.get("fund_from_header"):
        return r.row["fund_from_header"]
    if r.row.get("fund_option"):
        return fund_key(r.row["fund_option"]) or r.row["fund_option"]
    for f in ("programme", "priority", "region"):
        for v in r.fields.get(f) or []:
            k = fund_key(v)
            if k:
                return k
    # the file's own name ("regionalfonden-projekt.xlsx") or a column the mapping left alone
    k = fund_key(r.doc.path.rsplit("/", 1)[-1]) or fund_key(r.text[:r.row.get("free_start") or len(r.text)])
    if k:
        return k
    # the EU thematic objective the row states: objectives 1–7 (research and innovation, ICT,
    # SME competitiveness, low carbon, climate, environment, transport) are the Regional
    # Development Fund's; the Social Fund's own are 8–11 (Regulations 1303/2013 art. 9 and
    # 1304/2013 art. 3), which other funds share, so they say nothing
    for v in r.fields.get("thematic") or []:
        if _thematic_number(str(v)) in range(1, 8):
            return "ERUF"
    return None


_TO_WORDS = ((1, r"forskning|innovation"), (2, r"informations-\s*och\s*kommunikationsteknik|\bIKT\b|bredband"),
             (3, r"konkurrenskraft|små\s+och\s+medelstora\s+företag|\bSMF\b"), (4, r"koldioxidsnål"),
             (5, r"klimatförändring|riskförebyggande"), (6, r"miljön|resurseffektiv"), (7, r"transport"))


def _thematic_number(value: str) -> int | None:
    m = re.match(r"\s*(?:TO|tematiskt\s+mål)?\s*0?(\d{1,2})\b", value, re.I)
    if m:
        return int(m.group(1))
    for n, rx in _TO_WORDS:
        if re.search(rx, value, re.I):
            return n
    return None


def _dates(d: Doc, r: _Row) -> tuple[str | None, str | None]:
    start = end = None
    raw_s, raw_e = r.first("start"), r.first("end")
    if raw_s is not None:
        start = V.parse_date(raw_s)
        if start is None:
            r.warnings.append(f"start date not read: {raw_s!r}")
    if raw_e is not None:
        end = V.parse_date(raw_e)
        if end is None:
            r.warnings.append(f"end date not read: {raw_e!r}")
    if (start is None or end is None) and r.first("period") is not None:
        ps, pe = V.parse_period(r.first("period"))
        start, end = start or ps, end or pe
    return start, end


def _money(r: _Row, field: str):
    raw = r.first(field)
    if raw is None:
        return None
    cur = (r.row.get("currency") or {}).get(field, "EUR" if field == "granted_eur" else "SEK")
    a = V.parse_amount(raw, cur)
    if a is None:
        r.warnings.append(f"{LABEL_SV.get(field, field)} not read as an amount: {raw!r}")
    return a


def _contact(d: Doc, r: _Row, proj: Entity) -> Entity | None:
    raw = r.first("contact")
    if not raw:
        return None
    text = " ".join(str(raw).split())
    name, _, rest = text.partition(",")
    name = name.strip()
    if not re.match(r"[A-ZÅÄÖÉÜ][\w'’\-]+(?:\s+[A-ZÅÄÖÉÜ][\w'’\-]+)+$", name):
        r.warnings.append(f"contact not read as a person's name: {name!r}")
        return None
    header = (r.row.get("contact_header") or "").casefold()
    role = rest.strip() or ("Projektledare" if "projektledare" in header or "manager" in header
                            or "leader" in header else "Kontaktperson")
    pos = r.value_pos("contact", name) or (None, None)
    person = d.add("person", name, *pos, firm=True, role=role)
    d.relate("CONTACT_FOR", person, proj, r.span("contact"), role=role)
    return person


def _merge_prose(d: Doc, r: _Row, proj: Entity, owners: set[str]) -> list[str]:
    """Run the prose extractor over the free-text part and merge what it finds."""
    start = r.row.get("free_start")
    if start is None or start >= len(r.text):
        return []
    sub = r.text[start:]
    pd, keys = X.analyse_text(sub)
    pname = fold(proj.name)
    uid_map: dict[tuple[str, str], Entity] = {}
    for (t, uid), e in pd.entities.items():
        if t == "group":
            continue
        if t == "project" and (fold(e.name) == pname or any(fold(a) == pname for a in e.aliases)):
            uid_map[(t, uid)] = proj
            continue
        if t == "place":
            ent = d.add("place", e.name, None, None, uid=e.uid, firm=True, **{k: v for k, v in e.props.items()
                                                                              if k in ("country", "code", "county_code")})
        else:
            ent = d.add(t, e.name, None, None, uid=e.uid, kind=e.kind, firm=e.firm,
                        **{k: v for k, v in e.props.items() if k not in ("id", "start", "end")})
        for s, en in e.mentions:
            ent.mentions.append((s + start, en + start))
        uid_map[(t, uid)] = ent
    for (rtype, su, tu), rel in pd.relations.items():
        st, tt = rel["_types"]
        src = uid_map.get((st, su))
        tgt = uid_map.get((tt, tu)) if tt != "group" else d.add("group", tu, None, None, uid=tu)
        if src is None or tgt is None:
            continue
        if tgt is proj and rtype in ("OWNS", "FUNDS") and (owners or rtype == "FUNDS"):
            continue  # the row's own fields say who owns and funds it
        if tgt is proj and rtype == "PARTNER_IN" and src.uid in owners:
            continue
        d.relate(rtype, src, tgt, Span(rel["start"] + start, rel["end"] + start), **rel["props"])
    # a row is one project: the groups its free text is aimed at are that project's
    for k in keys:
        if not any(k2[0] == "TARGETS" and k2[2] == k for k2 in d.relations):
            grp = d.add("group", k, None, None, uid=k)
            d.relate("TARGETS", proj, grp, Span(start, min(len(r.text), start + 300)))
    return keys


def extract_row(raw, keep_contact_details: bool = False, key: str | None = None) -> dict:
    """The record of one spreadsheet row (``RawDocument.row`` set by the table reader)."""
    r = _Row(raw)
    text = r.text
    d = Doc(text, "esf_project", [Segment(0, len(text))])
    name = " ".join(str(r.first("name") or "").split())
    start, end = _dates(d, r)
    budget = _money(r, "budget")
    granted = _money(r, "granted")
    granted_eur = _money(r, "granted_eur")
    fund = _fund(r)
    county = [c for v in r.fields.get("county") or [] for c in V.split_list(v)]
    region = "; ".join(dict.fromkeys(str(v) for v in (r.fields.get("region") or []) if str(v).strip())) or None
    if county and not r.fields.get("kommuner"):
        # a län listed alone is where the project works: kept on it, never guessed down to kommuner
        region = "; ".join(x for x in (region, "; ".join(county)) if x)
    participants = V.parse_int(r.first("participants")) if r.first("participants") is not None else None
    pid = " ".join(str(r.first("id") or "").split()) or None
    pos = r.value_pos("name", name) or (None, None)
    esf = granted[0] if granted and granted[1] == "SEK" and fund == "ESF" else None
    proj = d.add("project", name, *pos, uid=pid, firm=True, id=pid, start=start, end=end,
                 budget_sek=budget[0] if budget and budget[1] == "SEK" else None, esf_support_sek=esf,
                 planned_participants=participants, region=region or None)
    owners: set[str] = set()
    owner_val = r.first("owner")
    if owner_val:
        o = _org(d, r, "owner", str(owner_val))
        if o is not None:
            owners.add(o.uid)
            d.relate("OWNS", o, proj, r.span("owner"))
    for v in r.fields.get("partners") or []:
        for part in V.split_list(v):
            o = _org(d, r, "partners", part)
            if o is not None and o.uid not in owners:
                d.relate("PARTNER_IN", o, proj, r.span("partners"))
    if granted or granted_eur:
        if fund is None:
            r.warnings.append("granted amount without a stated fund (a fund column, the amount column's "
                              "name, or --fund says which)")
        else:
            fname = FUND_NAMES.get(fund, fund)
            ref = Gazetteer.load().org(fname)
            f_ent = d.add("org", ref.name if ref else fname, None, None, kind="fund", firm=True)
            props = {}
            if granted:
                props["amount_sek" if granted[1] == "SEK" else "amount_eur"] = granted[0]
            if granted_eur:
                props["amount_eur"] = granted_eur[0]
            d.relate("FUNDS", f_ent, proj, r.span("granted_eur" if not granted else "granted"), **props)
    unknown = []
    for v in r.fields.get("kommuner") or []:
        for part in V.split_list(v):
            p = _place(d, r, part)
            if p is None:
                unknown.append(part)
            else:
                d.relate("ACTIVE_IN", proj, p, r.span("kommuner"))
    if unknown:
        r.warnings.append("not a kommun: " + ", ".join(unknown[:10]) + (" …" if len(unknown) > 10 else ""))
    person = _contact(d, r, proj)
    keys = _merge_prose(d, r, proj, owners)
    rec = X._record(d, raw.name, key or raw.path, keys, keep_contact_details)
    rec["title"] = name or None
    if r.row.get("unused"):
        rec["unused_columns"] = list(r.row["unused"])
    if r.warnings:
        rec["warnings"] = r.warnings
    if keep_contact_details and person is not None:
        for item in rec["people"]:
            if item["uid"] == person.uid:
                for f in ("phone", "email"):
                    v = r.first(f)
                    if v:
                        item[f] = " ".join(str(v).split())
    else:
        for item in rec["people"]:
            item.pop("phone", None)
            item.pop("email", None)
    return rec
