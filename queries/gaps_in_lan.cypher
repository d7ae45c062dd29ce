// title: Gaps in a län
// description: For each kommun of the län, the target groups for which no project is active there (kommun × target group cells with no project).
// param: lan type=text match=exact,case-insensitive -- län code such as 12, or name such as Skåne
// example: lan=12
MATCH (c:County)
WHERE c.code = toString($lan)
   OR (size(toString($lan)) = 1 AND c.code = '0' + toString($lan))
   OR toLower(c.name) IN [toLower(toString($lan)), toLower(toString($lan)) + ' län', toLower(toString($lan)) + 's län']
MATCH (m:Municipality)-[:IN_COUNTY]->(c)
MATCH (t:TargetGroup)
WHERE NOT EXISTS { MATCH (m)<-[:ACTIVE_IN]-(:Project)-[:TARGETS]->(t) }
WITH c, m, t
ORDER BY t.key
RETURN c.name AS lan,
       m.code AS kommun_code,
       m.name AS kommun,
       count(t) AS n_gaps,
       collect(coalesce(t.label_sv, t.key)) AS target_groups_without_project
ORDER BY n_gaps DESC, kommun
