// search_text — full-text search over article bodies (the full-text index `article_text`, CJK
// analyser): the articles that mention the words, in issue date order, with the body for picking the
// matching sentence (`kb search` shows that sentence instead of the body).
//
// Parameters (null = no filter):
// :param q => '疫情';
// :param from => null;
// :param to => null;
// :param outlet => null;
// :param limit => 100;
//
//   q       words to look for, Lucene syntax ("小龙虾" as a phrase, 复工 AND 企业 …) (required)
//   from    first issue date, ISO date, inclusive; null = from the beginning
//   to      last issue date, inclusive; null = to the end
//   outlet  part of the outlet's name; null = every outlet
//   limit   at most this many articles; null = 100
//
// Columns: article_id, published, outlet, title, source, score, text.
//
// Example:
// :param q => '"复工复产"';
// :param from => '2020-01-01';
// :param to => '2020-12-31';
// :param outlet => '日报';
// :param limit => 20;
CALL db.index.fulltext.queryNodes('article_text', $q) YIELD node, score
WITH node AS a, score
WHERE ($from IS NULL OR a.published >= date($from))
  AND ($to IS NULL OR a.published <= date($to))
  AND ($outlet IS NULL OR a.outlet CONTAINS $outlet)
RETURN a.id AS article_id, a.published AS published, a.outlet AS outlet,
       coalesce(a.title, a.subtitle, a.kicker) AS title, a.source AS source, round(score, 3) AS score,
       a.text AS text
ORDER BY published, source, a.start, article_id
LIMIT toInteger(coalesce($limit, 100));
