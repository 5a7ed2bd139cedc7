// post_career — the posts one person held, in order (the post register, kb posts): a career
// timeline with each tenure's dates, certainty and evidence.
//
// Parameters:
// :param person => '周立新';
// :param limit => 1000;
//
//   person  the person's name (required)
//   limit   at most this many rows; null = 1000
//
// Columns: person, organization, post, title (as printed), from, to (null: open), certainty,
// predecessor, successor, first_article, last_article, mentions, imported, scope (the person's
// region key: namesakes in different cities are different people).
//
// Example:
// :param person => '郑明远';
// :param limit => 100;
MATCH (p:Person {name: $person})-[h:HELD_POST]->(s:Post)
RETURN p.name AS person,
       s.organization AS organization,
       s.post AS post,
       h.title AS title,
       h.from AS from,
       h.to AS to,
       h.certainty AS certainty,
       h.predecessor AS predecessor,
       h.successor AS successor,
       h.first_article AS first_article,
       h.last_article AS last_article,
       h.mentions AS mentions,
       coalesce(h.imported, false) AS imported,
       p.scope AS scope
ORDER BY scope, coalesce(from, date('0001-01-01')), organization, post
LIMIT toInteger(coalesce($limit, 1000));
