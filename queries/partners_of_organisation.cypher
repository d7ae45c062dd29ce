// title: Partners of an organisation
// description: Organisations that share a project with the given one (as owner, funder or partner) or state a collaboration with it, most shared projects first.
// params: name (organisation name, alias or uid, case-insensitive)
// example: name=Arbetsförmedlingen
MATCH (o:Organization)
WHERE toLower(o.name) = toLower(toString($name))
   OR o.uid = toString($name)
   OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = toLower(toString($name)))
CALL (o) {
  MATCH (o)-[:OWNS|FUNDS|PARTNER_IN]->(p:Project)<-[:OWNS|FUNDS|PARTNER_IN]-(partner:Organization)
  WHERE partner <> o
  RETURN partner, p.name AS project, false AS stated
  UNION
  MATCH (o)-[:COLLABORATES_WITH]-(partner:Organization)
  WHERE partner <> o
  RETURN partner, null AS project, true AS stated
}
RETURN o.name AS organisation,
       partner.name AS partner,
       partner.kind AS kind,
       count(DISTINCT project) AS shared_projects,
       collect(DISTINCT project)[..10] AS projects,
       any(s IN collect(stated) WHERE s) AS stated_collaboration
ORDER BY shared_projects DESC, partner
