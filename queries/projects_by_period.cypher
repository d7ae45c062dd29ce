// title: Projects by period
// description: Projects active at some time between two years (inclusive). A project with only a start is taken as still running; with only an end, as having run up to it; undated projects are listed last, flagged.
// param: from_year type=int min=1900 max=2100 -- first year, e.g. 2018
// param: to_year type=int min=1900 max=2100 -- last year, e.g. 2022
// param: limit type=int default=500 min=1 -- max rows
// example: from_year=2017, to_year=2018
// Owners are looked up only for the rows kept after ORDER BY … LIMIT.
// The rows start with the projects that have a start year, by year and name: those are
// walked in that order through Project.start_year (the year of p.start as below, kept by
// the writer: graph/cypher.py project_years, indexed), reading the end year of each until
// $limit are in (a year's ties sorted by name), instead of reading start and end of every
// project (≈ 34k at 50k documents). Only when fewer than $limit dated projects qualify are
// the others (no start year) read and added.
CALL () {
  MATCH (p:Project)
  WHERE p.start_year <= toInteger($to_year)
  WITH p, p.start_year AS y0, toInteger(left(toString(p.end), 4)) AS y1
  WHERE y1 IS NULL OR y1 >= toInteger($from_year)
  WITH p, y0, y1, p.name AS project
  ORDER BY y0, project
  LIMIT toInteger($limit)
  RETURN collect({p: p, y0: y0, y1: y1, project: project}) AS dated
}
CALL (dated) {
  UNWIND dated AS row
  RETURN row.p AS p, row.y0 AS y0, row.y1 AS y1, row.project AS project
  UNION ALL
  UNWIND (CASE WHEN size(dated) < toInteger($limit) THEN [true] ELSE [] END) AS too_few
  MATCH (p:Project)
  WHERE p.start_year IS NULL
  WITH p, toInteger(left(toString(p.start), 4)) AS y0, toInteger(left(toString(p.end), 4)) AS y1
  WHERE (y0 IS NULL OR y0 <= toInteger($to_year))
    AND (y1 IS NULL OR y1 >= toInteger($from_year))
  RETURN p, y0, y1, p.name AS project
}
WITH p, y0, y1, (y0 IS NULL AND y1 IS NULL) AS undated, project
ORDER BY undated, y0, project
LIMIT toInteger($limit)
RETURN project,
       p.uid AS uid,
       p.start AS start,
       p.end AS end,
       COLLECT { MATCH (o:Organization)-[:OWNS]->(p) RETURN DISTINCT o.name } AS owners,
       undated
ORDER BY undated, y0, project
