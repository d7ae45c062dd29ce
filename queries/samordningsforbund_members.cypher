// title: Members of each samordningsförbund
// description: Each samordningsförbund (coordination association, or any organisation with MEMBER_OF members) with its members.
// param: name type=text default='' match=exact,case-insensitive,alias,contains -- one förbund's name, alias or a part of either (Norra Bohuslän); empty for all
// param: date type=date default='' -- members at this date (2019 = 2019-01-01; 2019-06-30); empty for the current members
// example: name=Finsam i Malmö
// A membership counts at the date when it began on or before it (``since`` <= date, or its
// start is not known) and had not ended (``until`` is null or after it); without a date, the
// memberships that have not ended. Dates in the graph are ISO dates or their prefixes as the
// sources give them ("2005", "2021-06-01"), compared as text. Listing all förbund shows those
// that existed at the date (or exist now); a förbund asked for by name is shown even when it
// had ended by then, with the members it had at the date (name=Södra Norrbotten, date=2021).
// A named förbund is resolved by exact name first (index seek), case-insensitively by name or
// alias only when that finds nothing, and by a part of its name or an alias (case-insensitive
// CONTAINS, among förbund only) when that finds nothing either; all förbund are found through
// the kind index and the MEMBER_OF edges.
CALL () {
  WITH 1 AS one WHERE toString($name) <> ''
  MATCH (f:Organization {name: toString($name)})
  RETURN f
}
WITH collect(f) AS exact
CALL (exact) {
  UNWIND exact AS f
  RETURN f
  UNION
  WITH exact WHERE size(exact) = 0 AND toString($name) <> ''
  CALL () {
    MATCH (f:Organization)
    WHERE toLower(f.name) = toLower(toString($name))
       OR any(alias IN coalesce(f.aliases, []) WHERE toLower(alias) = toLower(toString($name)))
    RETURN f
  }
  RETURN f
  UNION
  WITH exact WHERE toString($name) = ''
  CALL () {
    MATCH (f:Organization {kind: 'coordination_association'})
    RETURN f
    UNION
    MATCH (:Organization)-[:MEMBER_OF]->(f:Organization)
    RETURN f
  }
  RETURN f
}
WITH f
WHERE f.kind = 'coordination_association' OR EXISTS { (:Organization)-[:MEMBER_OF]->(f) }
WITH collect(f) AS named
CALL (named) {
  UNWIND named AS f
  RETURN f
  UNION
  WITH named WHERE size(named) = 0 AND toString($name) <> ''
  CALL () {
    MATCH (f:Organization)
    WHERE (f.kind = 'coordination_association' OR EXISTS { (:Organization)-[:MEMBER_OF]->(f) })
      AND (toLower(f.name) CONTAINS toLower(trim(toString($name)))
           OR any(alias IN coalesce(f.aliases, []) WHERE toLower(alias) CONTAINS toLower(trim(toString($name)))))
    RETURN f
  }
  RETURN f
}
WITH f, CASE WHEN toString($date) = '' THEN toString(date()) ELSE toString($date) END AS at
WHERE toString($name) <> ''
   OR ((f.start IS NULL OR toString(f.start) <= at)
       AND (f.end IS NULL OR toString(f.end) > at))
OPTIONAL MATCH (member:Organization)-[m:MEMBER_OF]->(f)
WHERE (m.since IS NULL OR toString(m.since) <= at)
  AND (m.until IS NULL OR toString(m.until) > at)
WITH f, member
ORDER BY member.name
RETURN f.name AS forbund,
       count(member) AS n_members,
       collect(member.name) AS members,
       f.start AS start,
       f.end AS end,
       f.successor AS successor
ORDER BY forbund
