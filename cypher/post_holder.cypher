// post_holder — who held a post on a given day (the post register, kb posts): the holder of each
// matching seat that day, with the tenure's dates, how certain they are, and the evidence articles.
//
// Parameters (null = no filter):
// :param post => '市长';
// :param on => '2020-03-05';
// :param organization => null;
//
//   post          the post as held ('市长', '书记', '代市长'); '市长' also finds an acting 代市长 (required)
//   on            the day, 'YYYY-MM-DD' (required)
//   organization  part of the organisation's name ('岚川市', '中共鹤屿县委'); null = every organisation
//
// Columns: person, title (as printed), organization, from, to (null: still in post as far as the
// archive shows), certainty (exact: from appointment/election reports; interval: from sightings),
// post, first_seen, last_seen, first_article, last_article (ids), first_title, last_title, imported.
//
// Example:
// :param post => '市长';
// :param on => '2021-06-01';
// :param organization => '岚川市';
MATCH (p:Person)-[h:HELD_POST]->(s:Post)
WHERE (s.post = $post OR s.base = $post)
  AND ($organization IS NULL OR s.organization CONTAINS $organization)
  AND coalesce(h.from, date('0001-01-01')) <= date($on)
  AND (h.to IS NULL OR h.to >= date($on))
OPTIONAL MATCH (fa:Article {id: h.first_article})
OPTIONAL MATCH (la:Article {id: h.last_article})
RETURN p.name AS person,
       h.title AS title,
       s.organization AS organization,
       h.from AS from,
       h.to AS to,
       h.certainty AS certainty,
       s.post AS post,
       h.first_seen AS first_seen,
       h.last_seen AS last_seen,
       h.first_article AS first_article,
       h.last_article AS last_article,
       fa.title AS first_title,
       la.title AS last_title,
       coalesce(h.imported, false) AS imported
ORDER BY organization, post, from, person;
