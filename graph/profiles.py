"""Read projections for the app's profile pages: a place (kommun), a target group, a project,
a source document, and the list of every organisation.

Like ``graph.projection`` (whose helpers these use): parameterised READ transactions, plain
Python values back. Every fact carries ``sources``: ``[{doc_uid, document, quote}]``, the
documents stating it and the quote from each (``r.doc_uids`` / ``r.evidence``).
"""
from __future__ import annotations

from typing import Any

from graph.projection import _FACT_KEYS, _read_many, _rows, _sources

__all__ = ["all_organisations", "place_profile", "target_profile", "project_profile", "document_view", "find_documents",
           "document_names", "with_sources"]

_DOC_NAME = "coalesce(d.title, d.name, d.path, d.uid)"


def document_names(driver, uids) -> dict[str, str]:
    """Document uid -> what a reader calls it (title, else file name)."""
    uids = sorted({u for u in uids if u})
    if not uids:
        return {}
    return {r["uid"]: r["name"] for r in _rows(driver, f"""
        MATCH (d:Document) WHERE d.uid IN $uids RETURN d.uid AS uid, {_DOC_NAME} AS name""", uids=uids)}


def with_sources(driver, sections: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Each row's ``doc_uids``/``evidence`` replaced by ``sources`` (named documents)."""
    names = document_names(driver, [u for rows in sections.values() for r in rows for u in (r.get("doc_uids") or [])])
    return {k: [{kk: v for kk, v in r.items() if kk not in _FACT_KEYS} | ({"sources": _sources(r, names)}
                                                                       if "doc_uids" in r else {})
                for r in rows]
            for k, rows in sections.items()}


ALL_ORGANISATIONS = """
MATCH (o:Organization)
RETURN o.uid AS uid, o.name AS name, o.kind AS kind,
       COUNT { (o)-[:OWNS|FUNDS|PARTNER_IN]->(:Project) } AS projects,
       COUNT { (:Document)-[:MENTIONS]->(o) } AS documents
ORDER BY toLower(o.name), o.uid
"""


def all_organisations(driver) -> list[dict]:
    """Every organisation (reference data too): ``uid, name, kind, projects, documents``."""
    return _rows(driver, ALL_ORGANISATIONS)


_PLACE = {
    "place": ("""
        MATCH (m:Municipality {code: $code})
        OPTIONAL MATCH (m)-[:IN_COUNTY]->(c:County)
        RETURN m.code AS code, m.name AS name, coalesce(m.county_code, c.code) AS county_code,
               c.name AS county, coalesce(m.country, 'SE') AS country, m.reference AS reference""", {}),
    "projects": ("""
        MATCH (p:Project)-[r:ACTIVE_IN]->(:Municipality {code: $code})
        RETURN p.uid AS uid, p.name AS name, p.start AS start, p.end AS end,
               [(o:Organization)-[:OWNS]->(p) | o.name] AS owners,
               [(p)-[:TARGETS]->(t:TargetGroup) | t.key] AS targets,
               r.doc_uids AS doc_uids, r.evidence AS evidence
        ORDER BY p.start DESC, p.name""", {}),
    "actors": ("""
        MATCH (p:Project)-[:ACTIVE_IN]->(:Municipality {code: $code})
        MATCH (o:Organization)-[r:OWNS|FUNDS|PARTNER_IN]->(p)
        RETURN o.uid AS uid, o.name AS name, o.kind AS kind, type(r) AS role, p.uid AS project_uid,
               p.name AS project_name, r.doc_uids AS doc_uids, r.evidence AS evidence
        ORDER BY toLower(o.name), p.name""", {}),
    "seated": ("""
        MATCH (o:Organization)-[r:LOCATED_IN]->(:Municipality {code: $code})
        RETURN o.uid AS uid, o.name AS name, o.kind AS kind, coalesce(r.reference, false) AS reference,
               COUNT { (o)-[:OWNS|FUNDS|PARTNER_IN]->(:Project) } AS projects,
               r.doc_uids AS doc_uids, r.evidence AS evidence
        ORDER BY projects DESC, toLower(o.name)""", {}),
    "forbund": ("""
        MATCH (:Municipality {code: $code})<-[:LOCATED_IN]-(k:Organization {kind: 'municipality_org'})
              -[r:MEMBER_OF]->(f:Organization)
        WHERE r.until IS NULL OR toString(r.until) > toString(date())
        RETURN DISTINCT f.uid AS uid, f.name AS name, f.kind AS kind, k.name AS member,
               [(x:Organization)-[m:MEMBER_OF]->(f) WHERE m.until IS NULL OR toString(m.until) > toString(date())
                | x.name] AS members,
               COUNT { (f)-[:OWNS|FUNDS|PARTNER_IN]->(:Project) } AS projects
        ORDER BY name""", {}),
}


def place_profile(driver, code: str) -> dict | None:
    """One kommun as a place: ``place`` (code, name, county_code, county, country),
    ``projects`` active there (owners, target keys, the ACTIVE_IN sources), ``actors`` (the
    organisations of those projects, one row per organisation × project with the role's
    sources), ``seated`` (organisations LOCATED_IN it) and ``forbund`` (the samordningsförbund
    its kommun organisation is a member of now: memberships that ended, as in a förbund merged
    into another, are history). None for an unknown code."""
    raw = _read_many(driver, {k: (q, {"code": str(code)}) for k, (q, _) in _PLACE.items()})
    if not raw["place"]:
        return None
    out = with_sources(driver, {k: raw[k] for k in ("projects", "actors", "seated")})
    return {"place": raw["place"][0], **out, "forbund": raw["forbund"]}


_TARGET = {
    "groups": ("""
        MATCH (t:TargetGroup) WHERE t.key IN $keys
        RETURN t.key AS key, t.label_sv AS label_sv, t.label_en AS label_en""", {}),
    "projects": ("""
        MATCH (p:Project)-[r:TARGETS]->(t:TargetGroup) WHERE t.key IN $keys
        RETURN p.uid AS uid, p.name AS name, p.start AS start, p.end AS end, t.key AS key,
               [(o:Organization)-[:OWNS]->(p) | o.name] AS owners,
               [(p)-[:ACTIVE_IN]->(m:Municipality) | m.code] AS places,
               r.doc_uids AS doc_uids, r.evidence AS evidence
        ORDER BY p.start DESC, p.name""", {}),
    "actors": ("""
        MATCH (o:Organization)-[r:OWNS|FUNDS|PARTNER_IN]->(p:Project)-[:TARGETS]->(t:TargetGroup)
        WHERE t.key IN $keys
        WITH o, p, r, collect(DISTINCT t.key) AS keys
        RETURN o.uid AS uid, o.name AS name, o.kind AS kind, type(r) AS role, p.uid AS project_uid,
               p.name AS project_name, r.doc_uids AS doc_uids, r.evidence AS evidence
        ORDER BY toLower(o.name), p.name""", {}),
}


def target_profile(driver, keys: tuple[str, ...] | list[str]) -> dict:
    """A target group with its sub-groups (``keys``, the group first): ``groups``,
    ``projects`` targeting any of them (one row per project × group, with the TARGETS
    sources) and ``actors`` (organisations of those projects, with the role's sources)."""
    raw = _read_many(driver, {k: (q, {"keys": list(keys)}) for k, (q, _) in _TARGET.items()})
    out = with_sources(driver, {k: raw[k] for k in ("projects", "actors")})
    return {"groups": raw["groups"], **out}


_PROJECT = {
    "project": ("MATCH (p:Project {uid: $uid}) RETURN p AS node", {}),
    "members": ("""
        MATCH (o:Organization)-[r:OWNS|FUNDS|PARTNER_IN]->(:Project {uid: $uid})
        RETURN o.uid AS uid, o.name AS name, o.kind AS kind, type(r) AS role, r.amount_sek AS amount_sek,
               r.doc_uids AS doc_uids, r.evidence AS evidence
        ORDER BY CASE type(r) WHEN 'OWNS' THEN 0 WHEN 'PARTNER_IN' THEN 1 ELSE 2 END, toLower(o.name)""", {}),
    "places": ("""
        MATCH (:Project {uid: $uid})-[r:ACTIVE_IN]->(m:Municipality)
        RETURN m.code AS code, m.name AS name, m.county_code AS county_code,
               r.doc_uids AS doc_uids, r.evidence AS evidence ORDER BY m.name""", {}),
    "targets": ("""
        MATCH (:Project {uid: $uid})-[r:TARGETS]->(t:TargetGroup)
        RETURN t.key AS key, t.label_sv AS label_sv, r.doc_uids AS doc_uids, r.evidence AS evidence
        ORDER BY t.label_sv""", {}),
    "contacts": ("""
        MATCH (pe:Person)-[r:CONTACT_FOR]->(:Project {uid: $uid})
        RETURN pe.uid AS uid, pe.name AS name, r.role AS role, r.doc_uids AS doc_uids, r.evidence AS evidence
        ORDER BY pe.name""", {}),
    "documents": (f"""
        MATCH (d:Document)-[:MENTIONS]->(:Project {{uid: $uid}})
        RETURN d.uid AS uid, {_DOC_NAME} AS name, d.name AS file, d.published AS published
        ORDER BY published DESC, name""", {}),
}


def project_profile(driver, uid: str) -> dict | None:
    """One project: ``project`` (its properties), ``members`` (owner, partners, funders),
    ``places``, ``targets``, ``contacts`` and ``documents``; None for an unknown uid."""
    raw = _read_many(driver, {k: (q, {"uid": str(uid)}) for k, (q, _) in _PROJECT.items()})
    if not raw["project"]:
        return None
    out = with_sources(driver, {k: raw[k] for k in ("members", "places", "targets", "contacts")})
    node = {k: v for k, v in raw["project"][0]["node"].items() if k != "_labels"}
    return {"project": node, **out, "documents": raw["documents"]}


#: the facts a document states: every relationship whose doc_uids hold it, between two nodes it
#: mentions (the writer mentions both ends of what a document states), with its quote
_DOCUMENT = {
    "document": ("MATCH (d:Document {uid: $uid}) RETURN d AS node", {}),
    "facts": ("""
        MATCH (d:Document {uid: $uid})-[:MENTIONS]->(a)
        MATCH (a)-[r]->(b)
        WHERE type(r) <> 'MENTIONS' AND $uid IN coalesce(r.doc_uids, [])
        WITH r, a, b, [i IN range(0, size(r.doc_uids) - 1) WHERE r.doc_uids[i] = $uid][0] AS i
        RETURN type(r) AS type, labels(a)[0] AS source_label, coalesce(a.uid, a.code, a.key) AS source_key,
               coalesce(a.name, a.label_sv, a.uid) AS source, labels(b)[0] AS target_label,
               coalesce(b.uid, b.code, b.key) AS target_key, coalesce(b.name, b.label_sv, b.uid) AS target,
               CASE WHEN i < size(coalesce(r.evidence, [])) THEN r.evidence[i] END AS quote
        ORDER BY type, source, target""", {}),
    "mentions": ("""
        MATCH (d:Document {uid: $uid})-[m:MENTIONS]->(n)
        RETURN labels(n)[0] AS label, coalesce(n.uid, n.code, n.key) AS key,
               coalesce(n.name, n.label_sv, n.uid) AS name, m.evidence AS evidence
        ORDER BY label, name""", {}),
}


def document_view(driver, uid: str) -> dict | None:
    """What the graph stores about one document: ``document`` (its properties), ``facts``
    (the relationships it states: type, both ends with label and key, its quote) and
    ``mentions`` (the nodes it names, with the quote where it names each). None when unknown."""
    raw = _read_many(driver, {k: (q, {"uid": str(uid)}) for k, (q, _) in _DOCUMENT.items()})
    if not raw["document"]:
        return None
    node = {k: v for k, v in raw["document"][0]["node"].items() if k != "_labels"}
    mentions = [dict(m, evidence=(m.get("evidence") or [None])[0]) for m in raw["mentions"]]
    return {"document": node, "facts": raw["facts"], "mentions": mentions}


def quote_sources(rows: list[dict[str, Any]]) -> list[dict]:
    """Flatten rows with ``sources`` into one entry per (row, source)."""
    return [dict({k: v for k, v in r.items() if k != "sources"}, **s) for r in rows for s in r.get("sources") or []]


def find_documents(driver, text: str = "", limit: int = 50) -> list[dict]:
    """Documents whose title, file name or path contains ``text`` (case-insensitive), newest
    loaded first: ``uid, name, file, kind, published, loaded_at``."""
    return _rows(driver, f"""
        MATCH (d:Document)
        WHERE $text = '' OR toLower({_DOC_NAME}) CONTAINS toLower($text)
           OR toLower(coalesce(d.name, '')) CONTAINS toLower($text)
           OR toLower(coalesce(d.path, '')) CONTAINS toLower($text)
        RETURN d.uid AS uid, {_DOC_NAME} AS name, d.name AS file, d.kind AS kind, d.published AS published,
               d.loaded_at AS loaded_at
        ORDER BY d.loaded_at DESC, name
        LIMIT $limit""", text=str(text or "").strip(), limit=int(limit))
