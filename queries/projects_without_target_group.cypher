// title: Projects without target group
// description: Projects with no TARGETS edge — candidates for a closer reading of their documents — with their owners and the documents that mention them.
// params: limit=500 (max rows)
// Owners and documents are looked up only for the rows kept after ORDER BY … LIMIT.
MATCH (p:Project)
WHERE NOT EXISTS { (p)-[:TARGETS]->(:TargetGroup) }
WITH p, p.name AS project
ORDER BY project
LIMIT toInteger($limit)
RETURN project,
       p.uid AS uid,
       COLLECT { MATCH (o:Organization)-[:OWNS]->(p) RETURN DISTINCT o.name } AS owners,
       COLLECT { MATCH (d:Document)-[:MENTIONS]->(p) RETURN DISTINCT coalesce(d.name, d.title, d.path) }[..5] AS documents
ORDER BY project
