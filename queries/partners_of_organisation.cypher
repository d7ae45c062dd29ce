// title: Partners of an organisation
// description: Organisations that share a project with the given one (as owner, funder or partner) or state a collaboration with it, most shared projects first.
// param: name type=text match=exact,case-insensitive,alias -- organisation name, alias or uid
// param: limit type=int default=100 min=1 -- max rows
// example: name=Arbetsförmedlingen
// The organisation is resolved first by an exact uid or name (index seeks); only when neither
// matches are names and aliases compared case-insensitively, through the lower-cased name_key
// and alias_keys the writer keeps (graph/schema.py NAME_KEY_LABELS; index seek and scan).
// Shared projects: each of the organisation's projects once (WITH DISTINCT p), and of each
// its owners, funders and partners from Project.org_nums, the writer's list of their
// Organization.num (graph/cypher.py UPDATE_PROJECT_ORGANISATIONS; small integers stored with
// the node), counted per number — instead of expanding every project's relationships again
// (≈ 150k edges for Arbetsförmedlingen at 50k documents). The organisations are looked up
// (by num, an index) only for the rows that can be kept: those whose count reaches the
// $limit-th largest of this organisation's; whether they state a collaboration is asked of
// those rows only. No label checks on the far ends: the schema
// (graph/schema.py RELS) fixes OWNS/FUNDS/PARTNER_IN as Organization → Project and
// COLLABORATES_WITH as Organization → Organization, and the writer enforces it. Ties (same
// count, same partner name) are ordered by the partner's and the organisation's uid.
CALL () {
  MATCH (o:Organization {uid: toString($name)}) RETURN o
  UNION
  MATCH (o:Organization {name: toString($name)}) RETURN o
}
WITH collect(o) AS exact
CALL (exact) {
  UNWIND exact AS o
  RETURN o
  UNION
  WITH exact WHERE size(exact) = 0
  CALL () {
    MATCH (o:Organization {name_key: toLower(toString($name))}) RETURN o
    UNION
    MATCH (o:Organization) WHERE o.alias_keys IS NOT NULL AND toLower(toString($name)) IN o.alias_keys RETURN o
  }
  RETURN o
}
CALL (o) {
  MATCH (o)-[:OWNS|FUNDS|PARTNER_IN]->(p)
  WITH DISTINCT p
  UNWIND p.org_nums AS num
  RETURN num, count(*) AS shared_projects, collect(p)[..10] AS projects
}
WITH o, num, shared_projects, projects WHERE num <> o.num
WITH o, collect({num: num, shared_projects: shared_projects, projects: projects}) AS shared
// a stated collaboration with no shared project ranks after every shared one (count 0): such
// partners are read only when fewer than $limit share a project
CALL (o, shared) {
  WITH o, shared WHERE size(shared) < toInteger($limit)
  MATCH (o)-[:COLLABORATES_WITH]-(partner)
  WHERE partner <> o
  WITH DISTINCT shared, partner.num AS num
  WHERE NONE(row IN shared WHERE row.num = num)
  RETURN collect({num: num, shared_projects: 0, projects: []}) AS stated_only
}
WITH o, shared + stated_only AS rows
CALL (rows) {
  UNWIND rows AS row
  WITH row.shared_projects AS n
  ORDER BY n DESC
  LIMIT toInteger($limit)
  RETURN min(n) AS least
}
UNWIND rows AS row
WITH o, row WHERE row.shared_projects >= least
MATCH (partner:Organization {num: row.num})
WITH o, partner, row.shared_projects AS shared_projects, row.projects AS projects,
     EXISTS { (o)-[:COLLABORATES_WITH]-(partner) } AS stated,
     partner.name AS partner_name,
     partner.uid AS partner_uid, o.uid AS organisation_uid
ORDER BY shared_projects DESC, partner_name, partner_uid, organisation_uid
LIMIT toInteger($limit)
RETURN o.name AS organisation,
       partner_name AS partner,
       partner.kind AS kind,
       shared_projects,
       [p IN projects | p.name] AS projects,
       stated AS stated_collaboration
ORDER BY shared_projects DESC, partner, partner_uid, organisation_uid
