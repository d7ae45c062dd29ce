// title: Shortest collaboration path between two actors
// description: The shortest chain of projects, stated collaborations and memberships that connects two organisations (up to 10 steps).
// params: a (first organisation name, alias or uid), b (second organisation name, alias or uid)
// example: a=Sigtuna kommun, b=Malmö stad
MATCH (a:Organization)
WHERE toLower(a.name) = toLower(toString($a)) OR a.uid = toString($a)
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower(toString($a)))
MATCH (b:Organization)
WHERE toLower(b.name) = toLower(toString($b)) OR b.uid = toString($b)
   OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower(toString($b)))
WITH a, b
WHERE a <> b
MATCH path = shortestPath((a)-[:OWNS|FUNDS|PARTNER_IN|COLLABORATES_WITH|MEMBER_OF|PART_OF*..10]-(b))
RETURN a.name AS from_organisation,
       b.name AS to_organisation,
       length(path) AS hops,
       [n IN nodes(path) | coalesce(n.name, n.uid)] AS steps,
       [r IN relationships(path) | type(r)] AS via
ORDER BY hops
LIMIT 1
