// title: Where does this edge come from?
// description: Every relationship between two named nodes with the documents it was read from and the evidence quote from each.
// params: a (name, alias, uid or code of the first node), b (name, alias, uid or code of the second node)
// example: a=Skåne Stadsmission, b=Samverkan mot utanförskap
MATCH (x)
WHERE (x:Organization OR x:Project OR x:Person OR x:Municipality OR x:County OR x:TargetGroup)
  AND (toLower(x.name) = toLower(toString($a)) OR x.uid = toString($a) OR x.code = toString($a)
       OR x.key = toString($a) OR toLower(x.label_sv) = toLower(toString($a))
       OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower(toString($a))))
MATCH (y)
WHERE (y:Organization OR y:Project OR y:Person OR y:Municipality OR y:County OR y:TargetGroup)
  AND (toLower(y.name) = toLower(toString($b)) OR y.uid = toString($b) OR y.code = toString($b)
       OR y.key = toString($b) OR toLower(y.label_sv) = toLower(toString($b))
       OR any(alias IN coalesce(y.aliases, []) WHERE toLower(alias) = toLower(toString($b))))
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
