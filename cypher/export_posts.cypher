// export_posts — the posts table of `kb export posts`: one row per (person, organisation, post) held,
// with the title as written, the first and last day it was seen, the articles of those sightings and
// how many articles mention it. In person id, first_seen order.
//
// Parameters (null = no filter):
// :param limit => null;
//
//   limit  at most this many rows; null = every row
//
// Columns: person_id, person_name, organization_id, organization_name, post, title, first_seen,
// last_seen, first_article_id, last_article_id, mentions.
//
// Example:
// :param limit => 100;
MATCH (p:Person)-[h:HELD]->(o:Organization)
WITH p, h, o ORDER BY p.id, h.first_seen, o.id, h.title
LIMIT toInteger(coalesce($limit, 9223372036854775807))
RETURN p.id AS person_id, p.name AS person_name, o.id AS organization_id, o.name AS organization_name,
       h.post AS post, h.title AS title, h.first_seen AS first_seen, h.last_seen AS last_seen,
       h.article_id AS first_article_id, coalesce(h.last_article_id, h.article_id) AS last_article_id,
       coalesce(h.mentions, size(coalesce(h.article_ids, []))) AS mentions;
