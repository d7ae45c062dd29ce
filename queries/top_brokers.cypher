// title: Top brokers
// description: Organisations with the highest betweenness in the collaboration network, as written by `samverkan analyze` (run it first; empty otherwise).
// param: limit type=int default=20 min=1 -- max rows
MATCH (o:Organization)
WHERE o.betweenness IS NOT NULL
RETURN o.name AS organisation,
       o.kind AS kind,
       round(o.betweenness, 4) AS betweenness,
       round(o.pagerank, 4) AS pagerank,
       o.degree AS partners,
       o.weighted_degree AS shared_projects,
       o.community AS community,
       o.scores_period AS period
ORDER BY o.betweenness DESC, o.pagerank DESC, organisation
LIMIT toInteger($limit)
