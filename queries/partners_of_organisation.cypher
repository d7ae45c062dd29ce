// title: Partners of an organisation
// description: Organisations that share a project with the given one (as owner, funder or partner) or state a collaboration with it, most shared projects first.
// params: name (organisation name, alias or uid, case-insensitive), limit=100 (max rows)
// example: name=Arbetsförmedlingen
// The organisation is resolved first by an exact uid or name (index seeks); only when neither
// matches are names and aliases compared case-insensitively (a scan of :Organization alone).
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
  MATCH (o)-[:OWNS|FUNDS|PARTNER_IN]->(p:Project)<-[:OWNS|FUNDS|PARTNER_IN]-(partner:Organization)
  WHERE partner <> o
  RETURN partner, p AS project, false AS stated
  UNION
  MATCH (o)-[:COLLABORATES_WITH]-(partner:Organization)
  WHERE partner <> o
  RETURN partner, null AS project, true AS stated
}
WITH o, partner, count(DISTINCT project) AS shared_projects,
     collect(DISTINCT project)[..10] AS projects, any(s IN collect(stated) WHERE s) AS stated
WITH o, partner, shared_projects, projects, stated, partner.name AS partner_name
ORDER BY shared_projects DESC, partner_name
LIMIT toInteger($limit)
RETURN o.name AS organisation,
       partner_name AS partner,
       partner.kind AS kind,
       shared_projects,
       [p IN projects | p.name] AS projects,
       stated AS stated_collaboration
ORDER BY shared_projects DESC, partner
