// export_participants — the participants table of `kb export participants`: one row per (event,
// person, role) — lead, accompanying, chair, attendee … — with the titles written next to the name
// in that event (joined with 、 as printed). In event date, event id, role, person id order.
//
// Parameters (null = no filter):
// :param from => null;
// :param to => null;
// :param limit => null;
//
//   from   first day of the event, ISO date, inclusive; null = from the beginning
//   to     last day, inclusive; null = to the end
//   limit  at most this many events (all their participants); null = every event
//
// Columns: event_id, type, date, person_id, person_name, role, title.
//
// Example:
// :param from => '2020-01-01';
// :param to => '2020-12-31';
// :param limit => 100;
MATCH (e:Event)
WHERE ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
WITH e ORDER BY e.date, e.id
LIMIT toInteger(coalesce($limit, 9223372036854775807))
MATCH (p:Person)-[r:PARTICIPATED_IN]->(e)
WITH e, p, r ORDER BY e.date, e.id, r.role, p.id
RETURN e.id AS event_id, e.type AS type, e.date AS date, p.id AS person_id, p.name AS person_name,
       r.role AS role,
       CASE WHEN size(coalesce(r.titles, [])) = 0 THEN null
            ELSE reduce(s = head(r.titles), t IN tail(r.titles) | s + '、' + t) END AS title;
