// accompanied — who accompanied whom: for each lead official (lead or chair of an event) and each
// person said to accompany them (陪同, 参加: role 'accompanying'), how often, first and last day. The
// edges of the accompaniment network; see accompanied_graph for the picture in the Browser.
//
// Parameters (null = no filter):
// :param person => null;
// :param from => null;
// :param to => null;
// :param type => 'inspection';
// :param limit => 1000;
//
//   person  a name on either side (lead or companion); null = everyone
//   from    first day, ISO date, inclusive; null = from the beginning
//   to      last day, inclusive; null = to the end
//   type    event type; null = every type ('inspection' by default)
//   limit   at most this many rows; null = 1000
//
// Columns: lead, accompanying, times, first, last, dates.
//
// Example:
// :param person => '周立言';
// :param from => null;
// :param to => null;
// :param type => null;
// :param limit => 1000;
MATCH (l:Person)-[rl:PARTICIPATED_IN]->(e:Event)<-[rc:PARTICIPATED_IN]-(c:Person)
WHERE rl.role IN ['lead', 'chair'] AND rc.role = 'accompanying' AND l <> c
  AND ($person IS NULL OR l.name = $person OR c.name = $person)
  AND ($type IS NULL OR e.type = $type)
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
WITH l.name AS lead, c.name AS accompanying, count(DISTINCT e) AS times,
     min(e.date) AS first, max(e.date) AS last, collect(DISTINCT e.date) AS ds
RETURN lead, accompanying, times, first, last,
       COLLECT { UNWIND ds AS d RETURN d ORDER BY d } AS dates
ORDER BY times DESC, lead, accompanying
LIMIT toInteger(coalesce($limit, 1000));
