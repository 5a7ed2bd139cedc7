// meetings — meetings (会议, 座谈会, 调度会 …) in date order: the chair, the meeting's name, who
// attended or spoke, and the reporting article.
//
// Parameters (null = no filter):
// :param person => null;
// :param from => null;
// :param to => null;
// :param limit => 1000;
//
//   person  a participant's name (chair, attendee, speaker …); null = every meeting
//   from    first day, ISO date, inclusive; null = from the beginning
//   to      last day, inclusive; null = to the end
//   limit   at most this many rows; null = 1000
//
// Columns: date, name, chair, attendees, places, article_title, source, evidence, event_id.
//
// Example:
// :param person => null;
// :param from => '2020-03-01';
// :param to => '2020-03-31';
// :param limit => 1000;
MATCH (e:Event)
WHERE e.type = 'meeting'
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
  AND ($person IS NULL OR EXISTS { (:Person {name: $person})-[:PARTICIPATED_IN]->(e) })
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
WITH e, a
ORDER BY e.date IS NULL, e.date, a.published, a.source, coalesce(a.start, 0), coalesce(e.evidence_start, 0), e.id
LIMIT toInteger(coalesce($limit, 1000))
RETURN e.date AS date,
       e.name AS name,
       COLLECT { MATCH (p:Person)-[r:PARTICIPATED_IN]->(e) WHERE r.role IN ['chair', 'lead']
                 RETURN DISTINCT p.name AS n ORDER BY n } AS chair,
       COLLECT { MATCH (p:Person)-[r:PARTICIPATED_IN]->(e) WHERE NOT r.role IN ['chair', 'lead']
                 RETURN DISTINCT p.name AS n ORDER BY n } AS attendees,
       COLLECT { MATCH (e)-[:IN]->(pl:Place) RETURN DISTINCT pl.name AS n ORDER BY n } AS places,
       coalesce(a.title, a.subtitle, a.kicker) AS article_title,
       a.source AS source,
       e.evidence AS evidence,
       e.id AS event_id;
