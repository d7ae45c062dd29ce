// title: People who connect organisations
// description: Persons who work for, or are contacts for projects of, at least min_orgs different organisations.
// param: min_orgs type=int default=2 min=1 -- least number of organisations
// param: limit type=int default=50 min=1 -- max rows
// Per person, the distinct organisations are collected as nodes (no property reads), and
// names are read only for the rows kept after ORDER BY … LIMIT. No label checks on the far
// ends: the schema (graph/schema.py RELS) fixes WORKS_FOR → Organization, CONTACT_FOR →
// Project and OWNS/PARTNER_IN from Organization, and the writer enforces it.
MATCH (person:Person)
WITH person, COLLECT {
  MATCH (person)-[:WORKS_FOR]->(o)
  RETURN o
  UNION
  MATCH (person)-[:CONTACT_FOR]->()<-[:OWNS|PARTNER_IN]-(o)
  RETURN o
} AS orgs
WITH person, orgs, size(orgs) AS n_organisations
WHERE n_organisations >= toInteger($min_orgs)
WITH person, orgs, n_organisations, person.name AS name
ORDER BY n_organisations DESC, name
LIMIT toInteger($limit)
RETURN name AS person,
       person.role AS role,
       n_organisations,
       [o IN orgs | o.name] AS organisations
ORDER BY n_organisations DESC, person
