// export_articles — the articles table of `kb export articles`: one row per article, with its page,
// outlet, issue date (and whether it was inferred), headline parts, kind, source file and offsets, the
// length of its body and how many events it reports. In issue date, source, offset order.
//
// Parameters (null = no filter):
// :param from => null;
// :param to => null;
// :param limit => null;
//
//   from   first issue date, ISO date, inclusive; null = from the beginning
//   to     last issue date, inclusive; null = to the end
//   limit  at most this many rows; null = every row
//
// Columns: article_id, page_id, outlet, published, published_inferred, title, subtitle, kicker, kind,
// dateline, source, start_offset, end_offset, n_chars, n_events.
//
// Example:
// :param from => '2020-01-01';
// :param to => '2020-12-31';
// :param limit => 100;
MATCH (a:Article)
WHERE ($from IS NULL OR a.published >= date($from))
  AND ($to IS NULL OR a.published <= date($to))
WITH a ORDER BY a.published, a.source, a.start, a.id
LIMIT toInteger(coalesce($limit, 9223372036854775807))
RETURN a.id AS article_id,
       coalesce(a.page_id, COLLECT { MATCH (g:Page)-[:CONTAINS]->(a) RETURN g.id LIMIT 1 }[0]) AS page_id,
       a.outlet AS outlet, a.published AS published, a.published_inferred AS published_inferred,
       a.title AS title, a.subtitle AS subtitle, a.kicker AS kicker, a.kind AS kind, a.dateline AS dateline,
       a.source AS source, a.start AS start_offset, a.end AS end_offset,
       CASE WHEN a.text IS NULL THEN null ELSE size(a.text) END AS n_chars,
       COUNT { (a)-[:REPORTS]->(:Event) } AS n_events;
