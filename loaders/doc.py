"""The working state of one document's extraction: entities, mentions, relations.

Recognisers add mentions; the registry merges repeated mentions of the same
actor into one entity (keyed by its uid), keeps every alias seen, and turns
relations into FORMAT.md rows with an evidence quote and exact offsets.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from dataclasses import dataclass, field

from loaders.record import slug
from loaders.text import Segment, Span, sentence_at, sentences, with_listed_items

#: the words before a body named as a predecessor: "det tidigare X", "före detta X", "f.d. X"
_FORMER = re.compile(r"(?i)\b(?:(?:det|den|de)\s+(?:tidigare|gamla|förra)|före\s+detta|f\.\s?d\.)\s+$")

LIST_OF = {"org": "organizations", "place": "municipalities", "project": "projects",
           "person": "people", "group": "target_groups"}


@dataclass
class Entity:
    type: str                 # org | place | project | person | group
    uid: str
    name: str
    kind: str | None = None
    aliases: set[str] = field(default_factory=set)
    props: dict = field(default_factory=dict)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    #: the name was taken from reference data or an explicit field, not guessed
    firm: bool = False


@dataclass(frozen=True)
class Mention:
    type: str
    uid: str
    start: int
    end: int


def _mention_start(m: Mention) -> int:
    return m.start


def fold_name(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


@dataclass
class Doc:
    text: str
    kind: str = "general"
    segments: list[Segment] = field(default_factory=list)
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: dict[tuple[str, str, str], dict] = field(default_factory=dict)
    #: spans that are names or titles; target-group search skips them
    taken: list[tuple[int, int]] = field(default_factory=list)
    #: the insats a project page describes without naming it in its own text (see extract)
    page_project: tuple[int, str] | None = None
    #: the project whose name is the page's title over the labels of its facts (projects.py)
    title_project: str | None = None
    #: spans of kommun names listed after "kommunerna", "medverkande kommuner är" (orgs.py):
    #: the kommuner as actors in what the sentence says
    listed_kommuner: set[tuple[int, int]] = field(default_factory=set)
    #: a line announcing kommuner over bullets of their names: (start, end, the names' spans)
    kommun_list_intros: list[tuple[int, int, list[tuple[int, int]]]] = field(default_factory=list)
    _sentences: list[Span] | None = None

    # -- entities -----------------------------------------------------------------
    def add(self, type_: str, name: str, start: int | None = None, end: int | None = None, /, *,
            uid: str | None = None, kind: str | None = None, firm: bool = False,
            surface: str | None = None, **props) -> Entity:
        if "\n" in name or "\t" in name or "  " in name:
            name = " ".join(name.split())  # "Samordningsförbundet⏎Östra Södertörn": a name wrapped over lines
        if surface and ("\n" in surface or "\t" in surface):
            surface = " ".join(surface.split())
        if uid is None and type_ == "project":
            # one project, however it was first found: "Nyckelprojektet" under its diarienummer
            uid = next((e.uid for (t, _), e in self.entities.items() if t == "project"
                        and fold_name(name) in {fold_name(e.name), *map(fold_name, e.aliases)}), None)
        uid = uid or slug(name)
        key = (type_, uid)
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(type_, uid, name, kind, firm=firm)
        else:
            if firm and not ent.firm:
                ent.aliases.add(ent.name)
                ent.name, ent.firm = name, True
            elif not ent.firm and len(name) > len(ent.name):
                ent.aliases.add(ent.name)
                ent.name = name
            if kind and (ent.kind in (None, "other")):
                ent.kind = kind
        if surface and surface != ent.name:
            ent.aliases.add(surface)
        for k, v in props.items():
            if v is not None and ent.props.get(k) is None:
                ent.props[k] = v
        if start is not None and end is not None:
            ent.mentions.append((start, end))
            self.mentions.append(Mention(type_, uid, start, end))
            self.taken.append((start, end))
        return ent

    def get(self, type_: str, uid: str) -> Entity | None:
        return self.entities.get((type_, uid))

    def of_type(self, type_: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.type == type_]

    def page_forbund(self) -> Entity | None:
        """The samordningsförbund a page is about: the only one it names (else None), for
        "Förbundet finansierar …", "Styrelsen har beslutat …", "Medlemmar är …"."""
        forb = [o for o in self.of_type("org") if o.kind == "coordination_association"]
        if len(forb) > 1:
            # "bygger på det tidigare Samordningsförbundet X": a predecessor named only as such
            # is not the förbund the page is about
            current = [o for o in forb if not all(_FORMER.search(self.text, max(0, s - 30), s) for s, _ in o.mentions)]
            forb = current or forb
        if len(forb) == 1:
            return forb[0]
        if not forb:
            return None
        # a förbund's news page that also reports on another förbund: the one named at the
        # top of the page and far more often than any other
        ranked = sorted(forb, key=lambda o: len(o.mentions), reverse=True)
        top, second = ranked[0], ranked[1]
        head = min(400, len(self.text))
        if len(top.mentions) >= 3 * max(1, len(second.mentions)) and any(s < head for s, _ in top.mentions):
            return top
        # the förbund the page's title names, named more often than any other
        first = len(self.text) - len(self.text.lstrip())
        title_end = self.text.find("\n", first)
        title_end = len(self.text) if title_end < 0 else title_end
        in_title = [o for o in forb if any(first <= s and e <= title_end for s, e in o.mentions)]
        if in_title == [top] and len(top.mentions) > len(second.mentions):
            return top
        return None

    def page_publisher(self) -> Entity | None:
        """Who "vi" is on the page, outside quotes: the page's förbund, else the organisation
        the page's text opens with as its first sentence's subject ("Sveriges
        Kvinnoorganisationer arbetar för … Vi genomför studien i samarbete med …")."""
        forb = self.page_forbund()
        if forb is not None or not self.sents:
            return forb
        first = self.sents[0]
        lead = len(self.text[first.start:first.end]) - len(self.text[first.start:first.end].lstrip())
        at = first.start + lead
        # (also after a capitalised kind noun: "Kooperativet Basta", "Föreningen Gränslös" over the text)
        opening = [m for m in self.mentions if m.type == "org" and (m.start == at or at < m.start <= at + 24 and re.fullmatch(
            r"(?:Kooperativet|Föreningen|Stiftelsen|Företaget|Bolaget|Nätverket|Organisationen)[ \t]+", self.text[at:m.start]))]
        ent = self.get("org", opening[0].uid) if opening else None
        return ent if ent is not None and ent.kind != "fund" else None

    def _tight(self, start: int, end: int, source: Entity, target: Entity) -> tuple[int, int]:
        """The lines of a long block (a field list, a bullet list) that name both ends.

        Keeps quotes to the words that support the fact, and keeps neighbouring lines
        (an e-mail address under a name) out of them.
        """
        inside = [(s, e) for ent in (source, target) for s, e in ent.mentions if start <= s and e <= end]
        if not inside:
            return start, end
        a = min(s for s, _ in inside)
        b = max(e for _, e in inside)
        a = self.text.rfind("\n", start, a) + 1 or start
        nl = self.text.find("\n", b, end)
        b = end if nl == -1 else nl
        a = max(a, start)
        while a < b and self.text[a].isspace():
            a += 1
        return a, b

    def merge(self, type_: str, from_uid: str, into_uid: str) -> None:
        """Fold one entity into another: mentions re-pointed, its name kept as an alias."""
        src, dst = self.entities.get((type_, from_uid)), self.entities.get((type_, into_uid))
        if src is None or dst is None or src is dst:
            return
        dst.aliases |= {src.name, *src.aliases}
        dst.mentions.extend(src.mentions)
        self.mentions = [Mention(m.type, into_uid, m.start, m.end) if (m.type == type_ and m.uid == from_uid)
                         else m for m in self.mentions]
        self.entities.pop((type_, from_uid))
        # the relations already stated of the folded entity are the other's (one between the two is none)
        for key in [k for k in self.relations if from_uid in (k[1], k[2])]:
            r = self.relations.pop(key)
            src_type, tgt_type = r["_types"]
            s_uid = into_uid if key[1] == from_uid and src_type == type_ else key[1]
            t_uid = into_uid if key[2] == from_uid and tgt_type == type_ else key[2]
            if (s_uid, t_uid) == (key[1], key[2]):
                self.relations[key] = r  # (an entity of another type under the same uid)
                continue
            if s_uid == t_uid or (key[0], s_uid, t_uid) in self.relations:
                continue
            r.update(source_uid=s_uid, target_uid=t_uid)
            if s_uid == into_uid:
                r["source"] = dst.name
            if t_uid == into_uid and tgt_type != "group":
                r["target"] = dst.name
            self.relations[(key[0], s_uid, t_uid)] = r

    def drop(self, type_: str, uid: str) -> None:
        self.entities.pop((type_, uid), None)
        self.mentions = [m for m in self.mentions if not (m.type == type_ and m.uid == uid)]
        self.relations = {k: v for k, v in self.relations.items()
                          if not ((k[1] == uid) or (k[2] == uid))}

    def mentions_in(self, start: int, end: int, type_: str | None = None) -> list[Mention]:
        # the mentions sorted by start (stably: in the order they were added, where two start
        # at one offset) once, for as long as ``mentions`` is the same list of the same length
        # (it is only appended to, or replaced whole); then the ones from start to end by
        # bisection, in the order a sort of the filtered list gives. Each type's mentions get
        # the same index of their own when first asked for (that sorted list filtered by type,
        # so a slice of it is the filtered slice of the whole): most calls name a type, and
        # filtering every call's slice cost more than the bisection
        ms = self.mentions
        ix = self.__dict__.get("_mention_index")
        if ix is None or ix[0] is not ms or ix[1] != len(ms):
            order = sorted(ms, key=_mention_start)
            ix = self.__dict__["_mention_index"] = (ms, len(ms), {None: ([m.start for m in order], order)})
        by_type = ix[2]
        hit = by_type.get(type_)
        if hit is None:
            every = by_type[None][1]
            of_type = [m for m in every if m.type == type_]
            hit = by_type[type_] = ([m.start for m in of_type], of_type)
        starts, order = hit
        a = bisect_left(starts, start)
        return order[a:bisect_left(starts, end, a)]

    def name_span(self, m: Mention) -> tuple[int, int]:
        """A name mention at its full length: a mention read short ("Rätt stöd" in a
        heading) where the text writes the entity's whole name ("Rätt stöd i Södertälje")."""
        ent = self.get(m.type, m.uid)
        full = m.start + len(ent.name) if ent is not None and self.text.startswith(ent.name, m.start) else m.end
        return m.start, max(m.end, full)

    def is_taken(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.taken)

    # -- text structure -----------------------------------------------------------
    @property
    def sents(self) -> list[Span]:
        if self._sentences is None:
            self._sentences = with_listed_items(self.text, sentences(self.text))
        return self._sentences

    def sents_from(self, start: int, end: int) -> list[Span]:
        """The sentences that start in [start, end), in order: a slice of ``sents`` found by
        bisection (the sentences are in text order, so their starts ascend), not a filter of
        every sentence of the page for each segment of each rule family."""
        sents = self.sents
        ix = self.__dict__.get("_sent_starts")
        if ix is None or ix[0] is not sents or ix[1] != len(sents):
            starts = [sp.start for sp in sents]
            ix = self.__dict__["_sent_starts"] = (sents, len(sents), starts if starts == sorted(starts) else None)
        starts = ix[2]
        if starts is None:  # (never: sentences come in text order)
            return [sp for sp in sents if start <= sp.start < end]
        a = bisect_left(starts, start)
        return sents[a:bisect_left(starts, end, a)]

    def sentence(self, pos: int) -> Span:
        sp = sentence_at(self.sents, pos)
        if sp is None:
            line_start = self.text.rfind("\n", 0, pos) + 1
            line_end = self.text.find("\n", pos)
            sp = Span(line_start, len(self.text) if line_end < 0 else line_end)
        return sp

    def segment_of(self, pos: int) -> Segment:
        for seg in self.segments:
            if seg.start <= pos < seg.end:
                return seg
        return Segment(0, len(self.text))

    # -- relations ------------------------------------------------------------------
    def relate(self, rtype: str, source: Entity, target: Entity, where: int | Span | None = None,
               **props) -> None:
        if source.uid == target.uid and source.type == target.type:
            return
        if rtype == "COLLABORATES_WITH" and source.uid > target.uid:
            source, target = target, source
        key = (rtype, source.uid, target.uid)
        if key in self.relations:
            return
        if isinstance(where, int):
            where = self.sentence(where)
        if where is None:
            pos = min((s for s, _ in target.mentions or source.mentions or [(0, 0)]), default=0)
            where = self.sentence(pos)
        start, end = where.start, where.end
        if "\n" in self.text[start:end] and end - start > 160:
            start, end = self._tight(start, end, source, target)
        if end - start > 400:  # keep quotes short: cut around the middle of long blocks
            end = start + 400
        self.relations[key] = {
            "type": rtype, "source": source.name, "target": target.name if target.type != "group" else target.uid,
            "source_uid": source.uid, "target_uid": target.uid,
            "evidence": self.text[start:end], "start": start, "end": end,
            "props": {k: v for k, v in props.items() if v is not None},
            "_types": (source.type, target.type),
        }
