// shared_names — names borne by more than one person node (different scopes: maybe one person seen
// from two regions, maybe two people), most shared first.
//
// Columns: name, persons, scopes.
MATCH (p:Person)
WITH p.name AS name, count(p) AS persons, collect(DISTINCT coalesce(p.scope_name, p.scope)) AS scopes
WHERE persons > 1
RETURN name, persons, scopes
ORDER BY persons DESC, name;
