// site_visits — who visited a site (a company, community, hospital, checkpoint, village …) and when,
// with the place of the trip, the visit's position in that day's route and the reporting article.
//
// Parameters:
// :param site => '社区';
// :param from => null;
// :param to => null;
// :param limit => 1000;
//
//   site   part of the site's name as written or of the visited node's name (required)
//   from   first day, ISO date, inclusive; null = from the beginning
//   to     last day, inclusive; null = to the end
//   limit  at most this many rows; null = 1000
//
// Columns: date, site, order (position in the route), of (sites in that route), persons (lead
// first), places, article_title, source, event_id.
//
// Example:
// :param site => '人民医院';
// :param from => null;
// :param to => null;
// :param limit => 1000;
MATCH (e:Event)-[v:VISITED]->(s)
WHERE (v.name CONTAINS $site OR s.name CONTAINS $site)
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
WITH e, v, s, a
ORDER BY e.date IS NULL, e.date, a.source, e.id, v.order
LIMIT toInteger(coalesce($limit, 1000))
RETURN e.date AS date,
       coalesce(v.name, s.name) AS site,
       v.order AS order,
       COUNT { (e)-[:VISITED]->() } AS of,
       COLLECT { MATCH (x:Person)-[q:PARTICIPATED_IN]->(e)
                 WITH x.name AS n, max(CASE WHEN q.role IN ['lead', 'chair'] THEN 1 ELSE 0 END) AS k
                 RETURN n ORDER BY k DESC, n } AS persons,
       COLLECT { MATCH (e)-[:IN]->(pl:Place) RETURN DISTINCT pl.name AS n ORDER BY n } AS places,
       coalesce(a.title, a.subtitle, a.kicker) AS article_title,
       a.source AS source,
       e.id AS event_id;
