// title: Projects for a target group in a län
// description: Projects that target the given group and run in at least one kommun of the given län, with their kommuner and owners.
// param: target type=text match=exact,case-insensitive -- target group key or Swedish/English label
// param: lan type=text match=exact,case-insensitive -- län code such as 12, or name such as Skåne
// param: limit type=int default=500 min=1 -- max rows
// example: target=persons_with_disabilities, lan=12
// The län's kommuner are collected once; each project of the target group is kept when one
// of its ACTIVE_IN kommuner is among them (a list test, not one row per kommun), ordered and
// cut at $limit (ties by uid, then län code); kommun names (in the län's order) and owners
// are read only for the rows kept.
MATCH (t:TargetGroup)
WHERE t.key = toString($target)
   OR toLower(t.label_sv) = toLower(toString($target))
   OR toLower(t.label_en) = toLower(toString($target))
MATCH (c:County)
WHERE c.code = toString($lan)
   OR (size(toString($lan)) = 1 AND c.code = '0' + toString($lan))
   OR toLower(c.name) IN [toLower(toString($lan)), toLower(toString($lan)) + ' län', toLower(toString($lan)) + 's län']
WITH DISTINCT c, t
WITH c, t, COLLECT { MATCH (c)<-[:IN_COUNTY]-(m:Municipality) RETURN m } AS in_lan
MATCH (p:Project)-[:TARGETS]->(t)
WITH c, in_lan, p, [(p)-[:ACTIVE_IN]->(m) WHERE m IN in_lan | m] AS here
WHERE size(here) > 0
WITH DISTINCT c, in_lan, p, here
WITH c, in_lan, p, here, p.start AS start, p.name AS project
ORDER BY start DESC, project, p.uid, c.code
LIMIT toInteger($limit)
RETURN project,
       p.uid AS uid,
       start,
       p.end AS end,
       c.name AS lan,
       reduce(acc = [], name IN [m IN in_lan WHERE m IN here | m.name] |
              CASE WHEN name IN acc THEN acc ELSE acc + name END) AS kommuner,
       COLLECT { MATCH (owner:Organization)-[:OWNS]->(p) RETURN DISTINCT owner.name } AS owners
ORDER BY start DESC, project, uid, c.code
