// export_people — the people table of `kb export people`: one row per person, with the region that
// scopes the name (GB/T 2260 code and name), how many events they took part in and led, and the first
// and last day of those events. In id order.
//
// Parameters (null = no filter):
// :param limit => null;
//
//   limit  at most this many rows; null = every row
//
// Columns: person_id, name, scope_code, scope_name, n_events, n_visits_led, first_date, last_date.
//
// Example:
// :param limit => 100;
MATCH (p:Person)
WITH p ORDER BY p.id
LIMIT toInteger(coalesce($limit, 9223372036854775807))
CALL (p) {
  OPTIONAL MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
  RETURN count(DISTINCT e) AS n_events,
         count(DISTINCT CASE WHEN r.role = 'lead' AND e.type = 'inspection' THEN e END) AS n_led,
         min(e.date) AS first_date, max(e.date) AS last_date
}
RETURN p.id AS person_id, p.name AS name, p.scope AS scope_code, p.scope_name AS scope_name,
       n_events, n_led AS n_visits_led, first_date, last_date;
