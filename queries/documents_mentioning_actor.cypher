// title: Documents that mention an actor
// description: The loaded documents that mention an organisation, person or project, newest first.
// params: name (name, alias or uid of the organisation, person or project)
// example: name=Arbetsförmedlingen
MATCH (x)
WHERE (x:Organization OR x:Person OR x:Project)
  AND (toLower(x.name) = toLower(toString($name)) OR x.uid = toString($name)
       OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower(toString($name))))
MATCH (d:Document)-[:MENTIONS]->(x)
RETURN x.name AS actor,
       labels(x)[0] AS kind,
       coalesce(d.name, d.title, d.path) AS document,
       d.title AS title,
       d.kind AS format,
       d.published AS published,
       d.path AS path
ORDER BY published DESC, document
