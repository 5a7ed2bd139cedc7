// organization_timeline — what happened at an organisation and what its people did, in date order:
// events visiting it (an inspection of a company, a hospital, a community …) and, unless members is
// false, the events of the persons who held a post in it (HELD), when the event falls within 90 days
// of the first and last time that post was seen.
//
// Parameters:
// :param organization => '湘潭市委';
// :param from => null;
// :param to => null;
// :param members => true;
// :param limit => 1000;
//
//   organization  part of the organisation's name ('市委', '株洲时代金属') (required)
//   from          first day, ISO date, inclusive; null = from the beginning
//   to            last day, inclusive; null = to the end
//   members       include the events of its post holders; null = true
//   limit         at most this many rows; null = 1000
//
// Columns: date, end_date, type, trigger, name, organization, via ('visited' or the member and post),
// persons (lead or chair first), sites, article_title, source, evidence, event_id.
//
// Example:
// :param organization => '人民医院';
// :param from => null;
// :param to => null;
// :param members => false;
// :param limit => 1000;
CALL () {
  MATCH (o:Organization) WHERE o.name CONTAINS $organization
  MATCH (e:Event)-[:VISITED]->(o)
  RETURN e, o.name AS organization, 'visited' AS via
  UNION
  MATCH (o:Organization) WHERE o.name CONTAINS $organization AND coalesce($members, true)
  MATCH (p:Person)-[h:HELD]->(o)
  MATCH (p)-[:PARTICIPATED_IN]->(e:Event)
  WHERE h.first_seen IS NULL OR e.date IS NULL
     OR (e.date >= h.first_seen - duration('P90D')
         AND e.date <= coalesce(h.last_seen, h.first_seen) + duration('P90D'))
  RETURN e, o.name AS organization, p.name + ' (' + coalesce(h.title, h.post, '?') + ')' AS via
}
WITH e, organization, collect(DISTINCT via) AS vias
WHERE ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
WITH e, a, organization, vias
ORDER BY e.date IS NULL, e.date, a.published, a.source, coalesce(a.start, 0), coalesce(e.evidence_start, 0), e.id, organization
LIMIT toInteger(coalesce($limit, 1000))
RETURN e.date AS date,
       e.end_date AS end_date,
       e.type AS type,
       e.trigger AS trigger,
       e.name AS name,
       organization,
       COLLECT { UNWIND vias AS v RETURN v ORDER BY v } AS via,
       COLLECT { MATCH (x:Person)-[q:PARTICIPATED_IN]->(e)
                 WITH x.name AS n, max(CASE WHEN q.role IN ['lead', 'chair'] THEN 1 ELSE 0 END) AS k
                 RETURN n ORDER BY k DESC, n } AS persons,
       COLLECT { MATCH (e)-[v:VISITED]->(s) RETURN coalesce(v.name, s.name) ORDER BY v.order } AS sites,
       coalesce(a.title, a.subtitle, a.kicker) AS article_title,
       a.source AS source,
       e.evidence AS evidence,
       e.id AS event_id;
