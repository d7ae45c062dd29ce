// title: Target groups per kommun
// description: For each kommun with projects, the target groups served and how many projects serve each.
// param: kommun type=text default='' match=exact,case-insensitive -- kommun code or name; empty for all kommuner
// example: kommun=Malmö
MATCH (m:Municipality)
WHERE toString($kommun) = ''
   OR m.code = toString($kommun)
   OR (size(toString($kommun)) = 3 AND m.code = '0' + toString($kommun))
   OR toLower(m.name) IN [toLower(toString($kommun)), toLower(toString($kommun)) + ' kommun']
MATCH (m)<-[:ACTIVE_IN]-(p:Project)-[:TARGETS]->(t:TargetGroup)
RETURN m.code AS kommun_code,
       m.name AS kommun,
       t.key AS target_group,
       t.label_sv AS label,
       count(DISTINCT p) AS projects
ORDER BY kommun, projects DESC, target_group
