// title: Shortest collaboration path between two actors
// description: The shortest chain of projects, stated collaborations and memberships that connects two organisations (up to 10 steps).
// param: a type=text match=exact,case-insensitive,alias -- first organisation name, alias or uid
// param: b type=text match=exact,case-insensitive,alias -- second organisation name, alias or uid
// example: a=Sigtuna kommun, b=Malmö stad
// Each end is resolved by an exact uid or name first (index seeks); the case-insensitive
// name/alias comparison (a scan of :Organization alone) runs only when neither matches.
WITH COLLECT {
  MATCH (o:Organization {uid: toString($a)}) RETURN o
  UNION
  MATCH (o:Organization {name: toString($a)}) RETURN o
} AS exact
CALL (exact) {
  UNWIND exact AS o
  RETURN o
  UNION
  WITH exact WHERE size(exact) = 0
  CALL () {
    MATCH (o:Organization)
    WHERE toLower(o.name) = toLower(toString($a))
       OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = toLower(toString($a)))
    RETURN o
  }
  RETURN o
}
WITH o AS a
WITH a, COLLECT {
  MATCH (o:Organization {uid: toString($b)}) RETURN o
  UNION
  MATCH (o:Organization {name: toString($b)}) RETURN o
} AS exact
CALL (exact) {
  UNWIND exact AS o
  RETURN o
  UNION
  WITH exact WHERE size(exact) = 0
  CALL () {
    MATCH (o:Organization)
    WHERE toLower(o.name) = toLower(toString($b))
       OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = toLower(toString($b)))
    RETURN o
  }
  RETURN o
}
WITH a, o AS b
WHERE a <> b
MATCH path = shortestPath((a)-[:OWNS|FUNDS|PARTNER_IN|COLLABORATES_WITH|MEMBER_OF|PART_OF*..10]-(b))
RETURN a.name AS from_organisation,
       b.name AS to_organisation,
       length(path) AS hops,
       [n IN nodes(path) | coalesce(n.name, n.uid)] AS steps,
       [r IN relationships(path) | type(r)] AS via
ORDER BY hops
LIMIT 1
