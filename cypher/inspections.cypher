// inspections — officials' inspection visits (调研, 督导, 考察, 检查, 走访 …): who went where, on which
// day, in what order, with whom, reported in which article. One row per visit (an inspection event
// and its lead official), in date order. Visits whose date the text does not give in full (a month-day
// in an article with no year anywhere: date_precision 'year_unknown') have no date; they come after the
// dated ones, with date_text as written, and only when no date range is asked for.
//
// Parameters (null = no filter):
// :param person => null;
// :param from => null;
// :param to => null;
// :param place => null;
// :param limit => 1000;
//
//   person  the lead official's name, e.g. '李明远'; null = every official
//   from    first day, ISO date string or date, inclusive; null = from the beginning
//   to      last day, inclusive; null = to the end
//   place   part of a place name: the trip's area, a site, or any division they lie in (PART_OF,
//           LOCATED_IN), e.g. '岳塘区' or '韶山'; null = anywhere
//   limit   at most this many rows; null = 1000
//
// Columns: person, titles (as written next to the name in this event, else the posts seen in the
// reporting article, else every post seen), date, end_date,
// date_precision, sites (as written, in visit order), places, accompanying, article_title, source,
// evidence, trigger, event_id, article_id, published, date_text (the date as written).
//
// Example — one official in March 2020:
// :param person => '周立言';
// :param from => '2020-03-01';
// :param to => '2020-03-31';
// :param place => null;
// :param limit => 1000;
//
// From the shell: kb query inspections --param person=周立言 --param from=2020-03-01
// or the report: kb timeline inspections --person 周立言 --from 2020-03
CALL () {
  // one official: start from the person (index person_name)
  MATCH (p:Person {name: $person})-[pi:PARTICIPATED_IN]->(e:Event)
  WHERE pi.role = 'lead' AND e.type = 'inspection'
    AND (e.date IS NOT NULL OR ($from IS NULL AND $to IS NULL))
  RETURN p, pi, e
  UNION
  // every official: start from the inspections in the date range (index event_type_date);
  // the range is empty (null bounds) when one official is asked for
  MATCH (e:Event)
  WHERE e.type = 'inspection'
    AND e.date >= CASE WHEN $person IS NULL THEN coalesce(date($from), date('0001-01-01')) END
    AND e.date <= CASE WHEN $person IS NULL THEN coalesce(date($to), date('9999-12-31')) END
  MATCH (p:Person)-[pi:PARTICIPATED_IN]->(e)
  WHERE pi.role = 'lead'
  RETURN p, pi, e
  UNION
  // every official, no range: the visits with no date (year unknown) too
  MATCH (e:Event)
  WHERE e.type = 'inspection' AND e.date IS NULL AND $person IS NULL AND $from IS NULL AND $to IS NULL
  MATCH (p:Person)-[pi:PARTICIPATED_IN]->(e)
  WHERE pi.role = 'lead'
  RETURN p, pi, e
}
WITH p, pi, e
WHERE ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
  AND ($place IS NULL OR EXISTS {
        MATCH (e)-[:IN|VISITED]->(x)-[:PART_OF|LOCATED_IN*0..6]->(y)
        WHERE y.name CONTAINS $place
      } OR EXISTS {
        MATCH (e)-[v:VISITED]->() WHERE v.name CONTAINS $place
      })
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
WITH p, pi, e, a
ORDER BY e.date, p.name, a.published, a.source, coalesce(a.start, 0), coalesce(e.evidence_start, 0), e.id
LIMIT toInteger(coalesce($limit, 1000))
WITH p, pi, e, a,
     COLLECT { MATCH (p)-[h:HELD]->(:Organization)
               RETURN h ORDER BY h.first_seen, h.title } AS held
WITH p, pi, e, a, held, [h IN held WHERE a.id IN coalesce(h.article_ids, [])] AS here
RETURN p.name AS person,
       reduce(ts = [], t IN CASE WHEN size(coalesce(pi.titles, [])) > 0 THEN pi.titles
                                 WHEN size(here) > 0 THEN [h IN here | h.title]
                                 ELSE [h IN held | h.title] END |
              CASE WHEN t IS NULL OR t IN ts THEN ts ELSE ts + t END) AS titles,
       e.date AS date,
       e.end_date AS end_date,
       e.date_precision AS date_precision,
       COLLECT { MATCH (e)-[v:VISITED]->(s) RETURN coalesce(v.name, s.name) ORDER BY v.order } AS sites,
       COLLECT { MATCH (e)-[:IN]->(pl:Place) RETURN DISTINCT pl.name AS n ORDER BY n } AS places,
       COLLECT { MATCH (c:Person)-[r:PARTICIPATED_IN]->(e) WHERE r.role = 'accompanying'
                 RETURN DISTINCT c.name AS n ORDER BY n } AS accompanying,
       coalesce(a.title, a.subtitle, a.kicker) AS article_title,
       a.source AS source,
       e.evidence AS evidence,
       e.trigger AS trigger,
       e.id AS event_id,
       a.id AS article_id,
       a.published AS published,
       e.date_text AS date_text;
