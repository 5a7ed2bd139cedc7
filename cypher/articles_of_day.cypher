// articles_of_day — the articles of one issue day, in page order, with their reporters, how many
// events each reports and who took part in them.
//
// Parameters:
// :param day => null;
// :param outlet => null;
// :param limit => 1000;
//
//   day     the issue date, ISO date; null = the latest day in the graph
//   outlet  the outlet's name ('株洲日报'); null = every outlet
//   limit   at most this many rows; null = 1000
//
// Columns: published, outlet, source, kicker, title, subtitle, authors (WROTE), events, persons,
// article_id.
//
// Example:
// :param day => '2020-03-08';
// :param outlet => null;
// :param limit => 1000;
CALL () {
  MATCH (a:Article) WHERE $day IS NULL
  RETURN max(a.published) AS day
  UNION
  RETURN date($day) AS day
}
WITH day WHERE day IS NOT NULL
MATCH (a:Article {published: day})
WHERE $outlet IS NULL OR a.outlet = $outlet
WITH a ORDER BY a.source, coalesce(a.start, 0), a.id
LIMIT toInteger(coalesce($limit, 1000))
RETURN a.published AS published,
       a.outlet AS outlet,
       a.source AS source,
       a.kicker AS kicker,
       a.title AS title,
       a.subtitle AS subtitle,
       COLLECT { MATCH (w:Person)-[:WROTE]->(a) RETURN DISTINCT w.name AS n ORDER BY n } AS authors,
       COUNT { (a)-[:REPORTS]->(:Event) } AS events,
       COLLECT { MATCH (a)-[:REPORTS]->(:Event)<-[:PARTICIPATED_IN]-(p:Person)
                 RETURN DISTINCT p.name AS n ORDER BY n } AS persons,
       a.id AS article_id;
