// title: Where does this edge come from?
// description: Every relationship between two named nodes with the documents it was read from and the evidence quote from each.
// param: a type=text match=exact,case-insensitive,alias -- name, alias, uid or code of the first node
// param: b type=text match=exact,case-insensitive,alias -- name, alias, uid or code of the second node
// example: a=Skåne Stadsmission, b=Samverkan mot utanförskap
// Each end is resolved by exact uid/code/key or name first (index seeks per label; County and
// TargetGroup are a few dozen nodes); only when nothing matches are names and aliases compared
// case-insensitively, through the lower-cased name_key and alias_keys the writer keeps on the
// four actor labels (graph/schema.py NAME_KEY_LABELS): index seeks, and index scans of the
// nodes that have aliases, instead of scanning ≈ 84k names at 50k documents.
WITH COLLECT {
  MATCH (x:Organization {uid: toString($a)}) RETURN x
  UNION
  MATCH (x:Organization {name: toString($a)}) RETURN x
  UNION
  MATCH (x:Project {uid: toString($a)}) RETURN x
  UNION
  MATCH (x:Project {name: toString($a)}) RETURN x
  UNION
  MATCH (x:Person {uid: toString($a)}) RETURN x
  UNION
  MATCH (x:Person {name: toString($a)}) RETURN x
  UNION
  MATCH (x:Municipality {code: toString($a)}) RETURN x
  UNION
  MATCH (x:Municipality {name: toString($a)}) RETURN x
  UNION
  MATCH (x:County) WHERE x.code = toString($a) OR toLower(x.name) = toLower(toString($a)) RETURN x
  UNION
  MATCH (x:TargetGroup) WHERE x.key = toString($a) OR toLower(x.label_sv) = toLower(toString($a)) RETURN x
} AS exact
CALL (exact) {
  UNWIND exact AS x
  RETURN x
  UNION
  WITH exact WHERE size(exact) = 0
  CALL () {
    MATCH (x:Organization {name_key: toLower(toString($a))}) RETURN x
    UNION
    MATCH (x:Organization) WHERE x.alias_keys IS NOT NULL AND toLower(toString($a)) IN x.alias_keys RETURN x
    UNION
    MATCH (x:Project {name_key: toLower(toString($a))}) RETURN x
    UNION
    MATCH (x:Project) WHERE x.alias_keys IS NOT NULL AND toLower(toString($a)) IN x.alias_keys RETURN x
    UNION
    MATCH (x:Person {name_key: toLower(toString($a))}) RETURN x
    UNION
    MATCH (x:Person) WHERE x.alias_keys IS NOT NULL AND toLower(toString($a)) IN x.alias_keys RETURN x
    UNION
    MATCH (x:Municipality {name_key: toLower(toString($a))}) RETURN x
    UNION
    MATCH (x:Municipality) WHERE x.alias_keys IS NOT NULL AND toLower(toString($a)) IN x.alias_keys RETURN x
  }
  RETURN x
}
WITH x AS xa
WITH xa, COLLECT {
  MATCH (x:Organization {uid: toString($b)}) RETURN x
  UNION
  MATCH (x:Organization {name: toString($b)}) RETURN x
  UNION
  MATCH (x:Project {uid: toString($b)}) RETURN x
  UNION
  MATCH (x:Project {name: toString($b)}) RETURN x
  UNION
  MATCH (x:Person {uid: toString($b)}) RETURN x
  UNION
  MATCH (x:Person {name: toString($b)}) RETURN x
  UNION
  MATCH (x:Municipality {code: toString($b)}) RETURN x
  UNION
  MATCH (x:Municipality {name: toString($b)}) RETURN x
  UNION
  MATCH (x:County) WHERE x.code = toString($b) OR toLower(x.name) = toLower(toString($b)) RETURN x
  UNION
  MATCH (x:TargetGroup) WHERE x.key = toString($b) OR toLower(x.label_sv) = toLower(toString($b)) RETURN x
} AS exact
CALL (exact) {
  UNWIND exact AS x
  RETURN x
  UNION
  WITH exact WHERE size(exact) = 0
  CALL () {
    MATCH (x:Organization {name_key: toLower(toString($b))}) RETURN x
    UNION
    MATCH (x:Organization) WHERE x.alias_keys IS NOT NULL AND toLower(toString($b)) IN x.alias_keys RETURN x
    UNION
    MATCH (x:Project {name_key: toLower(toString($b))}) RETURN x
    UNION
    MATCH (x:Project) WHERE x.alias_keys IS NOT NULL AND toLower(toString($b)) IN x.alias_keys RETURN x
    UNION
    MATCH (x:Person {name_key: toLower(toString($b))}) RETURN x
    UNION
    MATCH (x:Person) WHERE x.alias_keys IS NOT NULL AND toLower(toString($b)) IN x.alias_keys RETURN x
    UNION
    MATCH (x:Municipality {name_key: toLower(toString($b))}) RETURN x
    UNION
    MATCH (x:Municipality) WHERE x.alias_keys IS NOT NULL AND toLower(toString($b)) IN x.alias_keys RETURN x
  }
  RETURN x
}
WITH xa, x AS y
WITH xa AS x, y
MATCH (x)-[r]-(y)
WITH r, coalesce(r.doc_uids, []) AS docs, coalesce(r.evidence, []) AS quotes
UNWIND (CASE size(docs) WHEN 0 THEN [-1] ELSE range(0, size(docs) - 1) END) AS i
OPTIONAL MATCH (d:Document {uid: docs[i]})
RETURN coalesce(startNode(r).name, startNode(r).label_sv) AS source,
       type(r) AS relationship,
       coalesce(endNode(r).name, endNode(r).label_sv) AS target,
       coalesce(d.name, d.title, d.path, docs[i]) AS document,
       quotes[i] AS evidence
ORDER BY relationship, document
