// title: Projects of an organisation
// description: The projects an organisation owns, funds or takes part in, with period, target groups and kommuner, newest first.
// param: name type=text match=exact,case-insensitive,alias -- organisation name, alias or uid
// param: limit type=int default=200 min=1 -- max rows
// example: name=Arbetsförmedlingen
// Resolved by an exact uid or name first (index seeks); the case-insensitive name/alias
// comparison (a scan of :Organization alone) runs only when neither matches.
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
MATCH (o)-[r:OWNS|FUNDS|PARTNER_IN]->(p:Project)
WITH o, r, p, p.start AS start, p.name AS project
ORDER BY start DESC, project
LIMIT toInteger($limit)
RETURN o.name AS organisation,
       type(r) AS role,
       project,
       start,
       p.end AS end,
       COLLECT { MATCH (p)-[:TARGETS]->(t:TargetGroup) RETURN DISTINCT coalesce(t.label_sv, t.key) } AS target_groups,
       COLLECT { MATCH (p)-[:ACTIVE_IN]->(m:Municipality) RETURN DISTINCT m.name } AS kommuner
ORDER BY start DESC, project
