// export_visits — the visits table of `kb export visits`: one row per inspection event (dated or not),
// with its reporting article, its lead official and the lead's title, the number of sites and
// accompanying officials, and the GB/T 2260 codes of every coded place the sites and the trip area
// lie in (kb.export derives the county and prefecture columns from them). In date order, then id.
//
// Parameters (null = no filter):
// :param from => null;
// :param to => null;
// :param limit => null;
//
//   from   first day, ISO date, inclusive; null = from the beginning (undated visits only without from/to)
//   to     last day, inclusive; null = to the end
//   limit  at most this many rows; null = every row
//
// Columns: event_id, article_id, outlet, published, date, end_date, date_precision, trigger,
// lead_person_id, lead_name, lead_titles, n_sites, n_accompanying, codes (a list of [code, name]
// pairs: every coded place above a site or the trip area), evidence.
//
// Example:
// :param from => '2020-01-01';
// :param to => '2020-12-31';
// :param limit => 100;
MATCH (e:Event)
WHERE e.type = 'inspection'
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
WITH e ORDER BY e.date, e.id
LIMIT toInteger(coalesce($limit, 9223372036854775807))
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
WITH e, a, COLLECT { MATCH (p:Person)-[r:PARTICIPATED_IN]->(e) WHERE r.role = 'lead'
                     RETURN [p.id, p.name] + coalesce(r.titles, []) AS l ORDER BY p.name LIMIT 1 } AS leads
WITH e, a, CASE WHEN size(leads) > 0 THEN leads[0] ELSE [null, e.lead] END AS lead
RETURN e.id AS event_id,
       coalesce(a.id, e.article_id) AS article_id,
       a.outlet AS outlet,
       coalesce(a.published, e.published) AS published,
       e.date AS date,
       e.end_date AS end_date,
       e.date_precision AS date_precision,
       e.trigger AS trigger,
       lead[0] AS lead_person_id,
       lead[1] AS lead_name,
       CASE WHEN size(lead) > 2 THEN lead[2..]
            ELSE COLLECT { MATCH (lp:Person {id: lead[0]})-[h:HELD]->(:Organization)
                           WHERE a.id IN coalesce(h.article_ids, [])
                              OR (h.first_seen <= e.date AND e.date <= h.last_seen)
                           RETURN DISTINCT h.title AS t ORDER BY t } END AS lead_titles,
       COUNT { (e)-[:VISITED]->() } AS n_sites,
       COUNT { (c:Person)-[r:PARTICIPATED_IN]->(e) WHERE r.role = 'accompanying' } AS n_accompanying,
       COLLECT { MATCH (e)-[:VISITED|IN]->(s)-[:LOCATED_IN|PART_OF*0..6]->(y:Place)
                 WHERE y.code IS NOT NULL
                 RETURN DISTINCT [y.code, y.name] AS c ORDER BY c } AS codes,
       e.evidence AS evidence;
