// search — find persons, organisations, places, events and articles by name, title or summary
// (the full-text index `names`, CJK analyser), best match first.
//
// Parameters:
// :param q => '社区';
// :param limit => 50;
//
//   q      words to look for (Lucene syntax: 幸福 AND 社区, "株洲日报"~2 …) (required)
//   limit  at most this many rows; null = 50
//
// Columns: kind (the node's label), name, score, id.
//
// Example:
// :param q => '疫情防控';
// :param limit => 20;
CALL db.index.fulltext.queryNodes('names', $q) YIELD node, score
RETURN labels(node)[0] AS kind,
       coalesce(node.name, node.title, node.summary) AS name,
       round(score, 3) AS score,
       node.id AS id
ORDER BY score DESC, kind, name
LIMIT toInteger(coalesce($limit, 50));
