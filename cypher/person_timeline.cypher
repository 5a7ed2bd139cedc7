// person_timeline — everything one person took part in (inspections, meetings, appointments …), in
// date order, with their role, the others present, the sites and the reporting article. Undated
// events come last and only when no date range is given.
//
// Parameters:
// :param person => '李明远';
// :param from => null;
// :param to => null;
// :param type => null;
// :param limit => 1000;
//
//   person  the person's name (required)
//   from    first day, ISO date, inclusive; null = from the beginning
//   to      last day, inclusive; null = to the end
//   type    event type: 'inspection' | 'meeting' | 'appointment' | …; null = every type
//   limit   at most this many rows; null = 1000
//
// Columns: date, end_date, date_precision, type, trigger, name, role, with (the other participants,
// "name (role)"), sites (in visit order), places, article_title, source, evidence, event_id.
//
// Example — the inspections of one official in 2020:
// :param person => '周立言';
// :param from => '2020-01-01';
// :param to => '2020-12-31';
// :param type => 'inspection';
// :param limit => 1000;
MATCH (p:Person {name: $person})-[r:PARTICIPATED_IN]->(e:Event)
WHERE ($type IS NULL OR e.type = $type)
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
WITH p, r, e, a
ORDER BY e.date IS NULL, e.date, a.published, a.source, coalesce(a.start, 0), coalesce(e.evidence_start, 0), e.id
LIMIT toInteger(coalesce($limit, 1000))
RETURN e.date AS date,
       e.end_date AS end_date,
       e.date_precision AS date_precision,
       e.type AS type,
       e.trigger AS trigger,
       e.name AS name,
       r.role AS role,
       COLLECT { MATCH (o:Person)-[q:PARTICIPATED_IN]->(e) WHERE o <> p
                 RETURN DISTINCT o.name + ' (' + coalesce(q.role, '?') + ')' AS w ORDER BY w } AS with,
       COLLECT { MATCH (e)-[v:VISITED]->(s) RETURN coalesce(v.name, s.name) ORDER BY v.order } AS sites,
       COLLECT { MATCH (e)-[:IN]->(pl:Place) RETURN DISTINCT pl.name AS n ORDER BY n } AS places,
       coalesce(a.title, a.subtitle, a.kicker) AS article_title,
       a.source AS source,
       e.evidence AS evidence,
       e.id AS event_id;
