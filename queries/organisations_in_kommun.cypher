// title: Organisations in a kommun
// description: Organisations seated in the kommun (LOCATED_IN) or owning or taking part in a project active there.
// param: kommun type=text match=exact,case-insensitive -- kommun code such as 0180, or name such as Malmö
// param: limit type=int default=500 min=1 -- max rows
// example: kommun=Malmö
MATCH (m:Municipality)
WHERE m.code = toString($kommun)
   OR (size(toString($kommun)) = 3 AND m.code = '0' + toString($kommun))
   OR toLower(m.name) IN [toLower(toString($kommun)), toLower(toString($kommun)) + ' kommun']
CALL (m) {
  MATCH (o:Organization)-[:LOCATED_IN]->(m)
  RETURN o, 'seated here' AS how
  UNION
  MATCH (o:Organization)-[:OWNS|PARTNER_IN]->(:Project)-[:ACTIVE_IN]->(m)
  RETURN o, 'project here' AS how
}
WITH m, o, collect(DISTINCT how) AS how
WITH m, o, how, o.name AS organisation
ORDER BY organisation
LIMIT toInteger($limit)
RETURN m.name AS kommun,
       organisation,
       o.kind AS kind,
       how
ORDER BY organisation
