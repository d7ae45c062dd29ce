// title: Kommuner without any project
// description: Kommuner of the reference list where no loaded project is active, by län — the blank spots of the map.
// param: lan type=text default='' match=exact,case-insensitive -- län code or name; empty for the whole country
// example: lan=Skåne
MATCH (m:Municipality)-[:IN_COUNTY]->(c:County)
WHERE (toString($lan) = ''
       OR c.code = toString($lan)
       OR (size(toString($lan)) = 1 AND c.code = '0' + toString($lan))
       OR toLower(c.name) IN [toLower(toString($lan)), toLower(toString($lan)) + ' län', toLower(toString($lan)) + 's län'])
  AND NOT EXISTS { (m)<-[:ACTIVE_IN]-(:Project) }
RETURN c.name AS lan,
       m.code AS kommun_code,
       m.name AS kommun
ORDER BY lan, kommun
