// title: Projects by period
// description: Projects active at some time between two years (inclusive). A project with only a start is taken as still running; with only an end, as having run up to it; undated projects are listed last, flagged.
// param: from_year type=int min=1900 max=2100 -- first year, e.g. 2018
// param: to_year type=int min=1900 max=2100 -- last year, e.g. 2022
// param: limit type=int default=500 min=1 -- max rows
// example: from_year=2017, to_year=2018
// Owners are looked up only for the rows kept after ORDER BY … LIMIT.
MATCH (p:Project)
WITH p, toInteger(left(toString(p.start), 4)) AS y0, toInteger(left(toString(p.end), 4)) AS y1
WHERE (y0 IS NULL OR y0 <= toInteger($to_year))
  AND (y1 IS NULL OR y1 >= toInteger($from_year))
WITH p, y0, y1, (y0 IS NULL AND y1 IS NULL) AS undated, p.name AS project
ORDER BY undated, y0, project
LIMIT toInteger($limit)
RETURN project,
       p.uid AS uid,
       p.start AS start,
       p.end AS end,
       COLLECT { MATCH (o:Organization)-[:OWNS]->(p) RETURN DISTINCT o.name } AS owners,
       undated
ORDER BY undated, y0, project
