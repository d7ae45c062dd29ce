// title: Funding flows
// description: Funder → project → owner, with the amount on the FUNDS edge (or the project's ESF support when the edge has none), largest first.
// params: funder='' (funder name or alias; empty for all funders), limit=100 (max rows)
// example: funder=Europeiska socialfonden
MATCH (f:Organization)-[r:FUNDS]->(p:Project)
WHERE toString($funder) = ''
   OR toLower(f.name) = toLower(toString($funder))
   OR any(alias IN coalesce(f.aliases, []) WHERE toLower(alias) = toLower(toString($funder)))
OPTIONAL MATCH (owner:Organization)-[:OWNS]->(p)
WITH f, r, p, collect(DISTINCT owner.name) AS owners
RETURN f.name AS funder,
       p.name AS project,
       owners,
       coalesce(r.amount_sek, p.esf_support_sek) AS amount_sek,
       p.budget_sek AS budget_sek,
       p.start AS start,
       p.end AS end
ORDER BY coalesce(amount_sek, -1) DESC, funder, project
LIMIT toInteger($limit)
