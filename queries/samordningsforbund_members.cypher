// title: Members of each samordningsförbund
// description: Each samordningsförbund (coordination association, or any organisation with MEMBER_OF members) with its members.
// params: name='' (one förbund's name or alias; empty for all)
// example: name=Finsam i Malmö
MATCH (f:Organization)
WHERE (f.kind = 'coordination_association' OR EXISTS { (:Organization)-[:MEMBER_OF]->(f) })
  AND (toString($name) = ''
       OR toLower(f.name) = toLower(toString($name))
       OR any(alias IN coalesce(f.aliases, []) WHERE toLower(alias) = toLower(toString($name))))
OPTIONAL MATCH (member:Organization)-[:MEMBER_OF]->(f)
WITH f, member
ORDER BY member.name
RETURN f.name AS forbund,
       count(member) AS n_members,
       collect(member.name) AS members
ORDER BY forbund
