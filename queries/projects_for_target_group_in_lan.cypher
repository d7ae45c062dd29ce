// title: Projects for a target group in a län
// description: Projects that target the given group and run in at least one kommun of the given län, with their kommuner and owners.
// params: target (target group key or Swedish/English label), lan (län code such as 12, or name such as Skåne), limit=500 (max rows)
// example: target=persons_with_disabilities, lan=12
MATCH (t:TargetGroup)
WHERE t.key = toString($target)
   OR toLower(t.label_sv) = toLower(toString($target))
   OR toLower(t.label_en) = toLower(toString($target))
MATCH (c:County)
WHERE c.code = toString($lan)
   OR (size(toString($lan)) = 1 AND c.code = '0' + toString($lan))
   OR toLower(c.name) IN [toLower(toString($lan)), toLower(toString($lan)) + ' län', toLower(toString($lan)) + 's län']
MATCH (p:Project)-[:TARGETS]->(t)
MATCH (p)-[:ACTIVE_IN]->(m:Municipality)-[:IN_COUNTY]->(c)
OPTIONAL MATCH (owner:Organization)-[:OWNS]->(p)
RETURN p.name AS project,
       p.uid AS uid,
       p.start AS start,
       p.end AS end,
       c.name AS lan,
       collect(DISTINCT m.name) AS kommuner,
       collect(DISTINCT owner.name) AS owners
ORDER BY start DESC, project
LIMIT toInteger($limit)
