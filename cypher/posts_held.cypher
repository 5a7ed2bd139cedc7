// posts_held — posts held over time: who held which post in which organisation, as written in the
// papers, from the first to the last day it was seen, and in how many articles.
//
// Parameters (null = no filter):
// :param person => null;
// :param organization => null;
// :param limit => 1000;
//
//   person        the person's name; null = everyone
//   organization  part of the organisation's name ('市委'); null = every organisation
//   limit         at most this many rows; null = 1000
//
// Columns: person, title (as written: 市委书记), post (书记), organization, first_seen, last_seen,
// articles (how many articles gave it).
//
// Example:
// :param person => '周立言';
// :param organization => null;
// :param limit => 1000;
MATCH (p:Person)-[h:HELD]->(o:Organization)
WHERE ($person IS NULL OR p.name = $person)
  AND ($organization IS NULL OR o.name CONTAINS $organization)
RETURN p.name AS person,
       h.title AS title,
       h.post AS post,
       o.name AS organization,
       h.first_seen AS first_seen,
       h.last_seen AS last_seen,
       coalesce(h.mentions, size(coalesce(h.article_ids, []))) AS articles
ORDER BY person, first_seen, last_seen, title, organization
LIMIT toInteger(coalesce($limit, 1000));
