// title: Projects of an organisation
// description: The projects an organisation owns, funds or takes part in, with period, target groups and kommuner.
// params: name (organisation name, alias or uid, case-insensitive)
// example: name=Arbetsförmedlingen
MATCH (o:Organization)
WHERE toLower(o.name) = toLower(toString($name))
   OR o.uid = toString($name)
   OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = toLower(toString($name)))
MATCH (o)-[r:OWNS|FUNDS|PARTNER_IN]->(p:Project)
OPTIONAL MATCH (p)-[:TARGETS]->(t:TargetGroup)
OPTIONAL MATCH (p)-[:ACTIVE_IN]->(m:Municipality)
RETURN o.name AS organisation,
       type(r) AS role,
       p.name AS project,
       p.start AS start,
       p.end AS end,
       collect(DISTINCT coalesce(t.label_sv, t.key)) AS target_groups,
       collect(DISTINCT m.name) AS kommuner
ORDER BY start DESC, project
