// title: Partners of an organisation
// description: Organisations that share a project with the given one (as owner, funder or partner) or state a collaboration with it, most shared projects first.
// param: name type=text match=exact,case-insensitive,alias -- organisation name, alias or uid
// param: limit type=int default=100 min=1 -- max rows
// example: name=Arbetsförmedlingen
// The organisation is resolved first by an exact uid or name (index seeks); only when neither
// matches are names and aliases compared case-insensitively (a scan of :Organization alone).
// Shared projects: each of the organisation's projects once (WITH DISTINCT p), each
// (project, partner) pair once, then counted per partner — no count(DISTINCT) per group. No
// label checks on the far ends: the schema (graph/schema.py RELS) fixes OWNS/FUNDS/PARTNER_IN
// as Organization → Project and COLLABORATES_WITH as Organization → Organization, and the
// writer enforces it. Ties (same count, same partner name) are ordered by the partner's and
// the organisation's uid.
CALL () {
  MATCH (o:Organization {uid: toString($name)}) RETURN o
  UNION
  MATCH (o:Organization {name: toString($name)}) RETURN o
}
WITH collect(o) AS exact
CALL (exact) {
  UNWIND exact AS o
  RETURN o
  UNION
  WITH exact WHERE size(exact) = 0
  CALL () {
    MATCH (o:Organization)
    WHERE toLower(o.name) = toLower(toString($name))
       OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = toLower(toString($name)))
    RETURN o
  }
  RETURN o
}
CALL (o) {
  MATCH (o)-[:OWNS|FUNDS|PARTNER_IN]->(p)
  WITH DISTINCT p
  MATCH (p)<-[:OWNS|FUNDS|PARTNER_IN]-(partner)
  WHERE partner <> o
  WITH DISTINCT p, partner
  RETURN partner, count(*) AS shared_projects, collect(p)[..10] AS projects, false AS stated
  UNION ALL
  MATCH (o)-[:COLLABORATES_WITH]-(partner)
  WHERE partner <> o
  RETURN DISTINCT partner, 0 AS shared_projects, [] AS projects, true AS stated
}
WITH o, partner, sum(shared_projects) AS shared_projects,
     reduce(acc = [], ps IN collect(projects) | acc + ps) AS projects, any(s IN collect(stated) WHERE s) AS stated
WITH o, partner, shared_projects, projects, stated, partner.name AS partner_name,
     partner.uid AS partner_uid, o.uid AS organisation_uid
ORDER BY shared_projects DESC, partner_name, partner_uid, organisation_uid
LIMIT toInteger($limit)
RETURN o.name AS organisation,
       partner_name AS partner,
       partner.kind AS kind,
       shared_projects,
       [p IN projects | p.name] AS projects,
       stated AS stated_collaboration
ORDER BY shared_projects DESC, partner, partner_uid, organisation_uid
