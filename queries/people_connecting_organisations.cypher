// title: People who connect organisations
// description: Persons who work for, or are contacts for projects of, at least min_orgs different organisations.
// params: min_orgs=2 (least number of organisations), limit=50 (max rows)
CALL () {
  MATCH (person:Person)-[:WORKS_FOR]->(o:Organization)
  RETURN person, o
  UNION
  MATCH (person:Person)-[:CONTACT_FOR]->(:Project)<-[:OWNS|PARTNER_IN]-(o:Organization)
  RETURN person, o
}
WITH person, collect(DISTINCT o.name) AS organisations
WHERE size(organisations) >= toInteger($min_orgs)
RETURN person.name AS person,
       person.role AS role,
       size(organisations) AS n_organisations,
       organisations
ORDER BY n_organisations DESC, person
LIMIT toInteger($limit)
