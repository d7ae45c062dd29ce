// title: Funding flows
// description: Funder → project → owner, with the amount on the FUNDS edge (or the project's ESF support when the edge has none), largest first.
// param: funder type=text default='' match=exact,case-insensitive,alias -- funder name or alias; empty for all funders
// param: limit type=int default=100 min=1 -- max rows
// example: funder=Europeiska socialfonden
// A named funder is resolved by exact name first (index seek), then case-insensitively by name
// or alias only when that finds nothing; owners are looked up only for the rows kept.
CALL () {
  WITH 1 AS one WHERE toString($funder) <> ''
  MATCH (f:Organization {name: toString($funder)})
  RETURN f
}
WITH collect(f) AS exact
CALL (exact) {
  UNWIND exact AS f
  RETURN f
  UNION
  WITH exact WHERE size(exact) = 0 AND toString($funder) <> ''
  CALL () {
    MATCH (f:Organization)
    WHERE toLower(f.name) = toLower(toString($funder))
       OR any(alias IN coalesce(f.aliases, []) WHERE toLower(alias) = toLower(toString($funder)))
    RETURN f
  }
  RETURN f
  UNION
  WITH exact WHERE toString($funder) = ''
  CALL () {
    MATCH (f:Organization)-[:FUNDS]->(:Project)
    RETURN DISTINCT f
  }
  RETURN f
}
MATCH (f)-[r:FUNDS]->(p:Project)
WITH f, r, p, coalesce(r.amount_sek, p.esf_support_sek) AS amount_sek, f.name AS funder, p.name AS project
ORDER BY coalesce(amount_sek, -1) DESC, funder, project
LIMIT toInteger($limit)
RETURN funder,
       project,
       COLLECT { MATCH (owner:Organization)-[:OWNS]->(p) RETURN DISTINCT owner.name } AS owners,
       amount_sek,
       p.budget_sek AS budget_sek,
       p.start AS start,
       p.end AS end
ORDER BY coalesce(amount_sek, -1) DESC, funder, project
