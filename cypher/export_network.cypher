// export_network — the edges of `kb export network`: pairs of persons by id, either the accompaniment
// network (lead or chair → each person who accompanied them) or the co-appearance network (any two
// persons in the same event, any roles), with the number of events together and their days.
//
// Parameters (null = no filter):
// :param kind => 'accompaniment';
// :param from => null;
// :param to => null;
//
//   kind  'accompaniment' (directed: lead → accompanying) or 'co-appearance' (undirected pairs)
//   from  first day, ISO date, inclusive; null = from the beginning
//   to    last day, inclusive; null = to the end
//
// Columns: source, source_name, target, target_name, weight, first, last, dates.
//
// Example:
// :param kind => 'co-appearance';
// :param from => '2020-01-01';
// :param to => null;
MATCH (a:Person)-[ra:PARTICIPATED_IN]->(e:Event)<-[rb:PARTICIPATED_IN]-(b:Person)
WHERE a <> b
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
  AND CASE WHEN $kind = 'co-appearance' THEN a.id < b.id
           ELSE ra.role IN ['lead', 'chair'] AND rb.role = 'accompanying' END
WITH a, b, count(DISTINCT e) AS weight, min(e.date) AS first, max(e.date) AS last,
     collect(DISTINCT e.date) AS ds
RETURN a.id AS source, a.name AS source_name, b.id AS target, b.name AS target_name, weight, first, last,
       COLLECT { UNWIND ds AS d RETURN d ORDER BY d } AS dates
ORDER BY source, target;
