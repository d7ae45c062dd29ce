// title: Documents that mention an actor
// description: The loaded documents that mention an organisation, person or project, newest first.
// param: name type=text match=exact,case-insensitive,alias -- name, alias or uid of the organisation, person or project
// param: limit type=int default=200 min=1 -- max rows
// example: name=Arbetsförmedlingen
// Resolved by an exact uid or name first (index seeks on :Organization, :Person, :Project);
// only when nothing matches are names and aliases compared case-insensitively, through the
// lower-cased name_key and alias_keys the writer keeps (graph/schema.py NAME_KEY_LABELS: index
// seeks, and scans of the nodes with aliases only). No label check on the mentioning end: MENTIONS
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
    MATCH (x:Organization {name_key: toLower(toString($name))}) RETURN x
    UNION
    MATCH (x:Organization) WHERE x.alias_keys IS NOT NULL AND toLower(toString($name)) IN x.alias_keys RETURN x
    UNION
    MATCH (x:Person {name_key: toLower(toString($name))}) RETURN x
    UNION
    MATCH (x:Person) WHERE x.alias_keys IS NOT NULL AND toLower(toString($name)) IN x.alias_keys RETURN x
    UNION
    MATCH (x:Project {name_key: toLower(toString($name))}) RETURN x
    UNION
    MATCH (x:Project) WHERE x.alias_keys IS NOT NULL AND toLower(toString($name)) IN x.alias_keys RETURN x
  }
  RETURN x
}
// An actor that more than a tenth of the documents mention (Arbetsförmedlingen: two thirds of
// them) would have all its documents read and sorted for the first $limit (≈ 33k at 50k
// documents). Its first rows are its documents without a date (DESC puts nulls first) by
// display name (Document.display_name = coalesce(name, title, path), set by the writer,
// indexed): the undated documents are walked in that order (a range seek from '' that is
// empty, bound null, for any other actor), at most 10 × $limit of them, and those that mention
// it kept; when $limit are found, they are its first rows. Otherwise (few mentions, or mostly
// dated ones) all its documents are read and sorted, as before.
WITH x, 10 * COUNT { (x)<-[:MENTIONS]-() } > COUNT { (:Document) } AS hub
CALL (x, hub) {
  MATCH (d:Document) WHERE d.display_name >= CASE WHEN hub THEN '' END AND d.published IS NULL
  WITH x, d ORDER BY d.display_name LIMIT 10 * toInteger($limit)
  WITH d WHERE EXISTS { (d)-[:MENTIONS]->(x) }
  LIMIT toInteger($limit)
  RETURN collect(d) AS walked
}
CALL (x, walked) {
  WITH walked WHERE size(walked) = toInteger($limit)
  UNWIND walked AS d
  RETURN d
  UNION ALL
  WITH x, walked WHERE size(walked) < toInteger($limit)
  MATCH (d)-[:MENTIONS]->(x)
  RETURN d
}
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
