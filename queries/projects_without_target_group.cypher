// title: Projects without target group
// description: Projects with no TARGETS edge — candidates for a closer reading of their documents — with their owners and the documents that mention them.
// params: none
MATCH (p:Project)
WHERE NOT EXISTS { (p)-[:TARGETS]->(:TargetGroup) }
OPTIONAL MATCH (o:Organization)-[:OWNS]->(p)
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(p)
RETURN p.name AS project,
       p.uid AS uid,
       collect(DISTINCT o.name) AS owners,
       collect(DISTINCT coalesce(d.name, d.title, d.path))[..5] AS documents
ORDER BY project
