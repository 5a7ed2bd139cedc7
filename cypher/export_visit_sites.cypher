// export_visit_sites — the visit-sites table of `kb export visit-sites`: one row per (visit, site), in
// visit order, with the site as written, the node it resolved to (a Place, or an Organization located
// in a place) and the GB/T 2260 code of the nearest coded place it lies in.
//
// Parameters (null = no filter):
// :param from => null;
// :param to => null;
// :param limit => null;
//
//   from   first day of the visit, ISO date, inclusive; null = from the beginning
//   to     last day, inclusive; null = to the end
//   limit  at most this many visits (all their sites); null = every visit
//
// Columns: event_id, date, order, site, site_id, site_kind, place_id, place_name, place_code,
// place_level.
//
// Example:
// :param from => '2020-01-01';
// :param to => '2020-12-31';
// :param limit => 100;
MATCH (e:Event)
WHERE e.type = 'inspection'
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
WITH e ORDER BY e.date, e.id
LIMIT toInteger(coalesce($limit, 9223372036854775807))
MATCH (e)-[v:VISITED]->(s)
WITH e, v, s ORDER BY e.date, e.id, v.order
CALL (s) {
  OPTIONAL MATCH path = (s)-[:LOCATED_IN|PART_OF*0..6]->(y:Place)
  WHERE y.code IS NOT NULL
  RETURN y ORDER BY length(path) LIMIT 1
}
WITH e, v, s, y,
     CASE WHEN s:Place THEN s
          ELSE COLLECT { MATCH (s)-[:LOCATED_IN]->(l:Place) RETURN l ORDER BY l.id LIMIT 1 }[0] END AS pl
RETURN e.id AS event_id,
       e.date AS date,
       v.order AS order,
       coalesce(v.name, s.name) AS site,
       s.id AS site_id,
       CASE WHEN s:Place THEN 'place' ELSE 'organization' END AS site_kind,
       pl.id AS place_id,
       pl.name AS place_name,
       y.code AS place_code,
       y.level AS place_level;
