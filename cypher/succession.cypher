// succession — the holders of a post in order (the post register, kb posts): who followed whom, from
// when to when, how certain, an acting post (代市长) next to the post it stands in for.
//
// Parameters (null = no filter):
// :param post => '市长';
// :param organization => null;
// :param limit => 1000;
//
//   post          the post ('市长', '书记'); '市长' also lists the acting 代市长 rows (required)
//   organization  part of the organisation's name ('岚川市'); null = every organisation
//   limit         at most this many rows; null = 1000
//
// Columns: organization, post, person, title (as printed), from, to (null: open), certainty,
// predecessor, successor, start_basis (appointment | election | sighting | import | unknown),
// end_basis (successor | removal | election | last_sighting | import | open), first_article,
// last_article, mentions (articles that print it), imported.
//
// Example:
// :param post => '书记';
// :param organization => '中共岚川市委';
// :param limit => 100;
MATCH (p:Person)-[h:HELD_POST]->(s:Post)
WHERE (s.post = $post OR s.base = $post)
  AND ($organization IS NULL OR s.organization CONTAINS $organization)
RETURN s.organization AS organization,
       s.post AS post,
       p.name AS person,
       h.title AS title,
       h.from AS from,
       h.to AS to,
       h.certainty AS certainty,
       h.predecessor AS predecessor,
       h.successor AS successor,
       h.start_basis AS start_basis,
       h.end_basis AS end_basis,
       h.first_article AS first_article,
       h.last_article AS last_article,
       h.mentions AS mentions,
       coalesce(h.imported, false) AS imported
ORDER BY organization, coalesce(from, date('0001-01-01')), post DESC, person
LIMIT toInteger(coalesce($limit, 1000));
