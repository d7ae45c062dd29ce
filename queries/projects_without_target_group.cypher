// title: Projects without target group
// description: Projects with no TARGETS edge — candidates for a closer reading of their documents — with their owners and the documents that mention them.
// param: limit type=int default=500 min=1 -- max rows
// Owners and documents are looked up only for the rows kept after ORDER BY … LIMIT. The
// TARGETS test is a degree read (no label check on the far end: the schema, graph/schema.py
// RELS, fixes TARGETS as Project → TargetGroup and the writer enforces it).
MATCH (p:Project)
WHERE COUNT { (p)-[:TARGETS]->() } = 0
WITH p, p.name AS project
ORDER BY project
LIMIT toInteger($limit)
RETURN project,
       p.uid AS uid,
       COLLECT { MATCH (o:Organization)-[:OWNS]->(p) RETURN DISTINCT o.name } AS owners,
       COLLECT { MATCH (d:Document)-[:MENTIONS]->(p) RETURN DISTINCT coalesce(d.name, d.title, d.path) }[..5] AS documents
ORDER BY project
