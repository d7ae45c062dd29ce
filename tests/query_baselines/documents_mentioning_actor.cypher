// title: Documents that mention an actor
// description: The loaded documents that mention an organisation, person or project, newest first.
// param: name type=text match=exact,case-insensitive,alias -- name, alias or uid of the organisation, person or project
// param: limit type=int default=200 min=1 -- max rows
// example: name=Arbetsförmedlingen
// Resolved by an exact uid or name first (index seeks on :Organization, :Person, :Project);
// only when nothing matches are names and aliases compared case-insensitively (label scans of
// those three labels, never of all nodes). No label check on the mentioning end: MENTIONS
// always starts at a Document (graph/schema.py RELS).
CALL () {
  MATCH (x:Organization {uid: toString($name)}) RETURN x
  UNION
  MATCH (x:Organization {name: toString($name)}) RETURN x
  UNION
  MATCH (x:Person {uid: toString($name)}) RETURN x
  UNION
  MATCH (x:Person {name: toString($name)}) RETURN x
  UNION
  MATCH (x:Project {uid: toString($name)}) RETURN x
  UNION
  MATCH (x:Project {name: toString($name)}) RETURN x
}
WITH collect(x) AS exact
CALL (exact) {
  UNWIND exact AS x
  RETURN x
  UNION
  WITH exact WHERE size(exact) = 0
  CALL () {
    MATCH (x:Organization) RETURN x
    UNION
    MATCH (x:Person) RETURN x
    UNION
    MATCH (x:Project) RETURN x
  }
  WITH x
  WHERE toLower(x.name) = toLower(toString($name))
     OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower(toString($name)))
  RETURN x
}
MATCH (d)-[:MENTIONS]->(x)
WITH x, d, d.published AS published, coalesce(d.name, d.title, d.path) AS document
ORDER BY published DESC, document
LIMIT toInteger($limit)
RETURN x.name AS actor,
       labels(x)[0] AS kind,
       document,
       d.title AS title,
       d.kind AS format,
       published,
       d.path AS path
ORDER BY published DESC, document
