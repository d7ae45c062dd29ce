// title: People who connect organisations
// description: Persons who work for, or are contacts for projects of, at least min_orgs different organisations.
// param: min_orgs type=int default=2 min=1 -- least number of organisations
// param: limit type=int default=50 min=1 -- max rows
// The count is Person.n_organisations, kept current by the writer for every person a write or
// retraction can change (graph/cypher.py UPDATE_PERSON_ORGANISATIONS) and read from its index,
// so only the rows kept after ORDER BY … LIMIT collect their organisations: WORKS_FOR, and
// OWNS/PARTNER_IN of the projects they are CONTACT_FOR (graph/cypher.py PERSON_ORGANISATIONS;
// the schema fixes the far ends' labels). Ranking every person from its paths read ≈ 3.5 M
// paths at 50k documents (3.1 s); the rows are the same (tests/test_query_rewrites.py).
MATCH (person:Person)
WHERE person.n_organisations >= toInteger($min_orgs)
WITH person, person.n_organisations AS n_organisations, person.name AS name
ORDER BY n_organisations DESC, name, person.uid
LIMIT toInteger($limit)
WITH person AS p, n_organisations, name, COLLECT {
  MATCH (person)-[:WORKS_FOR]->(o)
  RETURN o
  UNION
  MATCH (person)-[:CONTACT_FOR]->()<-[:OWNS|PARTNER_IN]-(o)
  RETURN o
} AS orgs
RETURN name AS person,
       p.role AS role,
       n_organisations,
       [o IN orgs | o.name] AS organisations
ORDER BY n_organisations DESC, person, p.uid
