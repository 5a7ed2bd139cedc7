// place_timeline — the events held in a place or visiting a site in it, in date order: the place,
// every division under it (PART_OF) and every organisation located in those (LOCATED_IN).
//
// Parameters:
// :param place => '岳塘区';
// :param from => null;
// :param to => null;
// :param type => null;
// :param limit => 1000;
//
//   place   part of the place's name ('岳塘区' finds 株洲市岳塘区); sites whose name as written
//           contains it count too (required)
//   from    first day, ISO date, inclusive; null = from the beginning
//   to      last day, inclusive; null = to the end
//   type    event type ('inspection', 'meeting' …); null = every type
//   limit   at most this many rows; null = 1000
//
// Columns: date, end_date, type, trigger, name, lead (lead or chair), participants, sites (in visit
// order), matched (the places or sites that tie the event to the place), article_title, source,
// evidence, event_id.
//
// Example:
// :param place => '韶山';
// :param from => '2020-01-01';
// :param to => '2020-12-31';
// :param type => 'inspection';
// :param limit => 1000;
CALL () {
  MATCH (x) WHERE (x:Place OR x:Organization) AND x.name CONTAINS $place
  MATCH (y)-[:PART_OF|LOCATED_IN*0..6]->(x)
  MATCH (e:Event)-[r:IN|VISITED]->(y)
  RETURN e, coalesce(r.name, y.name) AS via
  UNION
  MATCH (e:Event)-[v:VISITED]->()
  WHERE v.name CONTAINS $place
  RETURN e, v.name AS via
}
WITH e, collect(DISTINCT via) AS matched
WHERE ($type IS NULL OR e.type = $type)
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
WITH e, a, matched
ORDER BY e.date IS NULL, e.date, a.published, a.source, coalesce(a.start, 0), coalesce(e.evidence_start, 0), e.id
LIMIT toInteger(coalesce($limit, 1000))
RETURN e.date AS date,
       e.end_date AS end_date,
       e.type AS type,
       e.trigger AS trigger,
       e.name AS name,
       COLLECT { MATCH (o:Person)-[q:PARTICIPATED_IN]->(e) WHERE q.role IN ['lead', 'chair']
                 RETURN DISTINCT o.name AS n ORDER BY n } AS lead,
       COLLECT { MATCH (o:Person)-[q:PARTICIPATED_IN]->(e) WHERE NOT q.role IN ['lead', 'chair']
                 RETURN DISTINCT o.name AS n ORDER BY n } AS participants,
       COLLECT { MATCH (e)-[v:VISITED]->(s) RETURN coalesce(v.name, s.name) ORDER BY v.order } AS sites,
       COLLECT { UNWIND matched AS m RETURN m ORDER BY m } AS matched,
       coalesce(a.title, a.subtitle, a.kicker) AS article_title,
       a.source AS source,
       e.evidence AS evidence,
       e.id AS event_id;
