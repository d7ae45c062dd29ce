"""Load the reference data in ``data/`` into Neo4j: the complete lists documents lean on.

Counties (län), all 290 kommuner (and the foreign municipalities the texts name) with
``IN_COUNTY``, every kommun as an organisation (``municipality_org``, uid = slug of its
official name, ``LOCATED_IN`` its place), the target-group taxonomy, and the reference
organisations (agencies, regions, samordningsförbund, ...) with ``LOCATED_IN`` their seat
and ``MEMBER_OF`` for the members of each samordningsförbund: its kommuner, and
Arbetsförmedlingen, Försäkringskassan and the region of its län where those are in the
reference list (the four parties FINSAM prescribes). Each ``MEMBER_OF`` to a förbund carries
``since``/``until`` (ISO dates or prefixes as the source gives them; null when not known or
still a member): the förbund's ``start``/``end``, or a member's own dated join or leave from
``data/forbund_membership.csv``. Former förbund stay as nodes with ``end`` and ``successor``.

Every node and edge written here has ``reference: true``: retracting documents never
removes it, and documents only fill its gaps. Batched with ``UNWIND``, idempotent
(``MERGE`` on the constrained keys; reference values are re-set on every run).
"""
from __future__ import annotations

from typing import Any, Iterable

import neo4j

from graph import cypher
from graph.connection import database_name
from graph.writer import init_schema
from loaders.record import slug

#: reference organisations that are members of every samordningsförbund (with its kommuner
#: and its region), matched by slug of name or alias
STATE_PARTIES = ("arbetsförmedlingen", "försäkringskassan")


def _foreign_municipalities(reference: Any) -> list:
    fn = getattr(reference, "foreign_municipalities", None)
    return list(fn()) if fn else []


def reference_rows(reference: Any = None) -> dict[str, list[dict[str, Any]]]:
    """The parameter rows for every reference statement (pure: no database)."""
    if reference is None:
        from loaders import reference  # noqa: PLW0621 - the module, imported lazily

    counties = [{"code": c.code, "name": c.name, "short_name": getattr(c, "short_name", None)}
                for c in reference.counties()]
    munis = list(reference.municipalities())
    foreign = [m for m in _foreign_municipalities(reference) if m.code not in {x.code for x in munis}]
    municipalities = [
        {"code": m.code, "name": m.name, "county_code": m.county_code or None,
         "country": m.country or "SE", "aliases": list(dict.fromkeys(getattr(m, "alt_names", ()) or ()))}
        for m in (*munis, *foreign)
    ]
    in_county = [{"code": m["code"], "county_code": m["county_code"]}
                 for m in municipalities if m["county_code"]]
    target_groups = [{"key": t.key, "label_sv": t.label_sv, "label_en": t.label_en,
                      "scope": getattr(t, "scope", None) or None}
                     for t in reference.target_groups()]

    orgs: dict[str, dict[str, Any]] = {}
    located: dict[tuple[str, str], dict[str, str]] = {}
    for m in (*munis, *foreign):
        if getattr(m, "org_name", None):
            uid = slug(m.org_name)
            orgs.setdefault(uid, {"uid": uid, "name": m.org_name, "kind": "municipality_org",
                                  "aliases": [], "county_code": m.county_code or None})
            located[(uid, m.code)] = {"source": uid, "target": m.code}

    # a generic form ("Länsstyrelsen": a board whose län the text does not name) helps the
    # rules recognise it, but is no actor: resolution gives each document its own board
    ref_orgs = [o for o in reference.organizations() if not (getattr(o, "note", "") or "").startswith("generic:")]
    for o in ref_orgs:
        uid = slug(o.name)
        row = orgs.setdefault(uid, {"uid": uid, "name": o.name, "kind": o.kind, "aliases": [],
                                    "county_code": None})
        row.update(name=o.name, kind=o.kind or row["kind"],
                   **{k: getattr(o, k, "") or None for k in ("start", "end", "successor", "source")})
        row["aliases"] = list(dict.fromkeys([*row["aliases"], *(o.aliases or ())]))
        row["county_code"] = getattr(o, "county_code", None) or row["county_code"]
        seat = getattr(o, "seat_code", None)
        if seat:
            located[(uid, seat)] = {"source": uid, "target": seat}

    # resolve member references: kommun code or name, an organisation's name or alias
    codes = {m.code: m for m in (*munis, *foreign)}
    by_name: dict[str, str] = {}
    for m in (*munis, *foreign):
        if getattr(m, "org_name", None):
            for n in (m.name, m.org_name, *(getattr(m, "alt_names", ()) or ())):
                by_name.setdefault(slug(n), slug(m.org_name))
    for uid, row in orgs.items():
        for n in (row["name"], *row["aliases"]):
            by_name.setdefault(slug(n), uid)

    unresolved: list[str] = []

    def resolve(member: str) -> str | None:
        member = str(member).strip()
        if member in codes and getattr(codes[member], "org_name", None):
            return slug(codes[member].org_name)
        return by_name.get(slug(member))

    # a member's own dated join or leave, by (förbund uid, member uid)
    dated: dict[tuple[str, str], Any] = {}
    for m in (getattr(reference, "forbund_membership", lambda: ())() or ()):
        uid = resolve(m.kommun_code)
        if uid is None:
            unresolved.append(f"{m.forbund}: {m.kommun_code}")
        else:
            dated[(slug(m.forbund), uid)] = m

    member_of: dict[tuple[str, str], dict[str, Any]] = {}
    for o in ref_orgs:
        members = list(getattr(o, "members", ()) or ())
        if o.kind != "coordination_association" and not members:
            continue
        forbund = slug(o.name)
        parties: list[str | None] = [resolve(m) for m in members]
        unresolved += [f"{o.name}: {m}" for m, uid in zip(members, parties) if uid is None]
        if o.kind == "coordination_association":
            parties += [uid for uid in STATE_PARTIES if uid in orgs]
            county = getattr(o, "county_code", None)
            if county:
                parties += [uid for uid, row in orgs.items()
                            if row["kind"] == "region" and row["county_code"] == county]
        if o.kind == "coordination_association":
            regions = [c for c in (getattr(o, "regions", ()) or ()) if c != getattr(o, "county_code", None)]
            parties += [uid for uid, row in orgs.items() if row["kind"] == "region" and row["county_code"] in regions]
        start, end = getattr(o, "start", "") or None, getattr(o, "end", "") or None
        for uid in parties:
            if uid and uid != forbund:
                d = dated.get((forbund, uid))
                since = (d.since or start) if d else start
                until = (d.until or end) if d else end
                member_of[(uid, forbund)] = {"source": uid, "target": forbund, "since": since, "until": until}

    known_codes = {m["code"] for m in municipalities}
    return {
        "counties": counties,
        "municipalities": municipalities,
        "in_county": in_county,
        "target_groups": target_groups,
        "organizations": list(orgs.values()),
        "located_in": [r for r in located.values() if r["target"] in known_codes],
        "member_of": list(member_of.values()),
        "unresolved_members": [{"member": u} for u in unresolved],
    }


def load_reference(driver: neo4j.Driver, *, reference: Any = None,
                   database: str | None = None) -> dict[str, int]:
    """MERGE all reference data; returns how many rows of each kind were written.

    Runs :func:`graph.writer.init_schema` first. One transaction (a few thousand rows).

    >>> load_reference(driver)["municipalities"] >= 290
    True
    """
    rows = reference_rows(reference)
    init_schema(driver, database=database)

    def work(tx: neo4j.ManagedTransaction) -> dict[str, int]:
        counts: dict[str, int] = {}
        steps: Iterable[tuple[str, str]] = (
            ("counties", cypher.MERGE_COUNTIES),
            ("municipalities", cypher.MERGE_MUNICIPALITIES),
            ("in_county", cypher.MERGE_IN_COUNTY),
            ("target_groups", cypher.MERGE_TARGET_GROUPS),
            ("organizations", cypher.MERGE_REFERENCE_ORGANIZATIONS),
            ("located_in", cypher.merge_reference_relationships("LOCATED_IN")),
            ("member_of", cypher.MERGE_REFERENCE_MEMBERSHIP),
        )
        for name, statement in steps:
            counts[name] = tx.run(statement, rows=rows[name]).single()["written"]
        counts["unresolved_members"] = len(rows["unresolved_members"])
        return counts

    with driver.session(database=database_name(database)) as session:
        return session.execute_write(work)
