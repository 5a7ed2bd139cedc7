// pages_per_month — pages loaded per issue month (undated pages as "(undated)").
//
// Columns: month, pages.
MATCH (p:Page)
WITH CASE WHEN p.published IS NULL THEN '(undated)'
          ELSE toString(p.published.year) + '-' + right('0' + toString(p.published.month), 2) END AS month
RETURN month, count(*) AS pages
ORDER BY month;
