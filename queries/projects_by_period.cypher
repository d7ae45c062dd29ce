// title: Projects by period
// description: Projects active at some time between two years (inclusive). A project with only a start is taken as still running; with only an end, as having run up to it; undated projects are listed last, flagged.
// params: from_year (first year, e.g. 2018), to_year (last year, e.g. 2022)
// example: from_year=2017, to_year=2018
MATCH (p:Project)
WITH p, toInteger(left(toString(p.start), 4)) AS y0, toInteger(left(toString(p.end), 4)) AS y1
WHERE (y0 IS NULL OR y0 <= toInteger($to_year))
  AND (y1 IS NULL OR y1 >= toInteger($from_year))
OPTIONAL MATCH (o:Organization)-[:OWNS]->(p)
WITH p, y0, y1, collect(DISTINCT o.name) AS owners
RETURN p.name AS project,
       p.uid AS uid,
       p.start AS start,
       p.end AS end,
       owners,
       (y0 IS NULL AND y1 IS NULL) AS undated
ORDER BY undated, y0, project
