// accompanied_graph — the accompaniment network as a picture for the Neo4j Browser: lead officials,
// the inspections they led and the persons who accompanied them (paths Person-Event-Person).
//
// Parameters (null = no filter):
// :param person => null;
// :param from => null;
// :param to => null;
// :param limit => 300;
//
//   person  a name on either side; null = everyone
//   from    first day, ISO date, inclusive; null = from the beginning
//   to      last day, inclusive; null = to the end
//   limit   at most this many paths; null = 300
//
// Columns: path.
//
// Example:
// :param person => '周立言';
// :param from => '2020-01-01';
// :param to => null;
// :param limit => 300;
MATCH path = (l:Person)-[rl:PARTICIPATED_IN]->(e:Event)<-[rc:PARTICIPATED_IN]-(c:Person)
WHERE rl.role IN ['lead', 'chair'] AND rc.role = 'accompanying' AND l <> c
  AND ($person IS NULL OR l.name = $person OR c.name = $person)
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
RETURN path
ORDER BY e.date, l.name, c.name
LIMIT toInteger(coalesce($limit, 300));
