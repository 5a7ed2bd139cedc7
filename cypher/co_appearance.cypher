// co_appearance — persons who appear in the same events (any role: lead, chair, accompanying,
// attendee, speaker): for each pair, how many events, which types, first and last day.
//
// Parameters (null = no filter):
// :param person => null;
// :param from => null;
// :param to => null;
// :param min_events => 1;
// :param limit => 1000;
//
//   person      one side of the pair; null = every pair
//   from        first day, ISO date, inclusive; null = from the beginning
//   to          last day, inclusive; null = to the end
//   min_events  only pairs seen together at least this often; null = 1
//   limit       at most this many rows; null = 1000
//
// Columns: person, other, events, types, first, last.
//
// Example:
// :param person => '李明远';
// :param from => null;
// :param to => null;
// :param min_events => 1;
// :param limit => 1000;
MATCH (a:Person)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Person)
WHERE a <> b
  AND (CASE WHEN $person IS NULL THEN a.name < b.name ELSE a.name = $person END)
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
WITH a.name AS person, b.name AS other, count(DISTINCT e) AS events,
     collect(DISTINCT e.type) AS ts, min(e.date) AS first, max(e.date) AS last
WHERE events >= coalesce($min_events, 1)
RETURN person, other, events,
       COLLECT { UNWIND ts AS t RETURN t ORDER BY t } AS types,
       first, last
ORDER BY events DESC, person, other
LIMIT toInteger(coalesce($limit, 1000));
