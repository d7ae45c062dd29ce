// title: Funding flows
// description: Funder → project → owner, with the amount on the FUNDS edge (or the project's ESF support when the edge has none), largest first.
// param: funder type=text default='' match=exact,case-insensitive,alias -- funder name or alias; empty for all funders
// param: limit type=int default=100 min=1 -- max rows
// example: funder=Europeiska socialfonden
// A named funder is resolved by exact name first (index seek), then case-insensitively by name
// or alias only when that finds nothing (the writer's lower-cased name_key and alias_keys,
// indexed: graph/schema.py NAME_KEY_LABELS); owners are looked up only for the rows kept.
// The funder's name is read once, not per edge, and the far end is not checked for :Project
// (graph/schema.py RELS fixes FUNDS as Organization → Project; the writer enforces it). Only
// the amounts are read for every edge (30k for Europeiska socialfonden at 50k documents): the
// project names that break ties are read for the edges whose amount reaches the funder's
// $limit-th largest, not for all of them.
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
    MATCH (f:Organization {name_key: toLower(toString($funder))}) RETURN f
    UNION
    MATCH (f:Organization) WHERE f.alias_keys IS NOT NULL AND toLower(toString($funder)) IN f.alias_keys RETURN f
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
WITH f, f.name AS funder
MATCH (f)-[r:FUNDS]->(p)
WITH funder, collect({p: p, amount: coalesce(r.amount_sek, p.esf_support_sek)}) AS flows
CALL (flows) {
  UNWIND flows AS flow
  WITH coalesce(flow.amount, -1) AS key
  ORDER BY key DESC
  LIMIT toInteger($limit)
  RETURN min(key) AS least
}
UNWIND flows AS flow
WITH funder, flow WHERE coalesce(flow.amount, -1) >= least
WITH funder, flow.p AS p, flow.amount AS amount_sek, flow.p.name AS project
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
