// outlets — each outlet's pages and its first and last issue day.
//
// Columns: outlet, pages, first_issue, last_issue.
MATCH (p:Page)
RETURN coalesce(p.outlet, '(none)') AS outlet, count(p) AS pages,
       min(p.published) AS first_issue, max(p.published) AS last_issue
ORDER BY pages DESC, outlet;
