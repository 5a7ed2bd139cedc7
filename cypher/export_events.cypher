// export_events — the events table of `kb export events`: one row per event of every type (inspection,
// meeting …), with its article, dates, name, trigger word, lead (or chair), counts of participants,
// sites and places, and the evidence sentence with its offsets. In date order, then id.
//
// Parameters (null = no filter):
// :param from => null;
// :param to => null;
// :param type => null;
// :param limit => null;
//
//   from   first day, ISO date, inclusive; null = from the beginning
//   to     last day, inclusive; null = to the end
//   type   one event type (inspection, meeting …); null = every type
//   limit  at most this many rows; null = every row
//
// Columns: event_id, type, article_id, published, date, end_date, date_precision, planned, trigger,
// name, summary, lead_person_id, lead_name, n_participants, n_sites, n_places, evidence, evidence_start,
// evidence_end.
//
// Example:
// :param from => '2020-01-01';
// :param to => '2020-12-31';
// :param type => 'meeting';
// :param limit => 100;
MATCH (e:Event)
WHERE ($type IS NULL OR e.type = $type)
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
WITH e ORDER BY e.date, e.id
LIMIT toInteger(coalesce($limit, 9223372036854775807))
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
WITH e, a, COLLECT { MATCH (p:Person)-[r:PARTICIPATED_IN]->(e) WHERE r.role IN ['lead', 'chair']
                     RETURN [p.id, p.name] AS l ORDER BY r.role DESC, p.name LIMIT 1 } AS leads
RETURN e.id AS event_id, e.type AS type, coalesce(a.id, e.article_id) AS article_id,
       coalesce(a.published, e.published) AS published, e.date AS date, e.end_date AS end_date,
       e.date_precision AS date_precision, e.planned AS planned, e.trigger AS trigger, e.name AS name,
       e.summary AS summary, leads[0][0] AS lead_person_id, coalesce(leads[0][1], e.lead) AS lead_name,
       COUNT { (:Person)-[:PARTICIPATED_IN]->(e) } AS n_participants,
       COUNT { (e)-[:VISITED]->() } AS n_sites,
       COUNT { (e)-[:IN]->(:Place) } AS n_places,
       e.evidence AS evidence, e.evidence_start AS evidence_start, e.evidence_end AS evidence_end;
