// title: Collaboration communities
// description: The communities (Louvain) of the collaboration network written by `samverkan analyze`, largest first, with their most central members.
// param: limit type=int default=20 min=1 -- max communities
// param: top type=int default=8 min=1 -- members listed per community
MATCH (o:Organization)
WHERE o.community IS NOT NULL
WITH o ORDER BY o.pagerank DESC
WITH o.community AS community, collect(o.name) AS members
RETURN community,
       size(members) AS size,
       members[..toInteger($top)] AS central_members
ORDER BY size DESC, community
LIMIT toInteger($limit)
