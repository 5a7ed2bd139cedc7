"""Deleting a page's content inside a write transaction: its articles and events, its share of the
aggregated relationships (HELD mentions, PART_OF/LOCATED_IN sightings, organisation aliases and kinds)
and the entities nothing else supports. Used by reloads (kb.graph) and unloads (kb.unload)."""
from __future__ import annotations

from collections import Counter
from typing import Optional

# ---------------------------------------------------------------- deleting a page's content

D_ARTICLES = """
UNWIND $ids AS pid
MATCH (:Page {id: pid})-[:CONTAINS]->(a:Article)
RETURN collect(a.id) AS aids, collect(pid) AS pages,
       reduce(acc = [], h IN collect(coalesce(a.held, [])) | acc + h) AS held,
       reduce(acc = [], k IN collect(coalesce(a.links, [])) | acc + k) AS links,
       reduce(acc = [], k IN collect(coalesce(a.entities, [])) | acc + k) AS named
"""

# PART_OF / LOCATED_IN sightings after the pages' articles are gone: first and last sighting again
# from the remaining articles that list the link (Article.links), one scan for all the keys …
R_LINKS_SEEN = """
MATCH (a:Article) WHERE any(x IN a.links WHERE x IN $keys)
UNWIND [x IN a.links WHERE x IN $keys] AS k
WITH k, a ORDER BY a.published, a.id
WITH k, collect(a) AS seen
RETURN k, seen[0].published AS d0, seen[0].id AS a0, seen[-1].published AS d1, seen[-1].id AS a1
"""
# … then each link set to them, or deleted when no remaining article lists it (a0 null)
W_LINKS = """
UNWIND $rows AS row
WITH row, split(row.k, '|') AS p
CALL (p) {
  MATCH (s:Place {id: p[1]})-[r:PART_OF]->(:Place {id: p[2]}) WHERE p[0] = 'P' RETURN r, s
  UNION
  MATCH (s:Organization {id: p[1]})-[r:LOCATED_IN]->(:Place {id: p[2]}) WHERE p[0] = 'L' RETURN r, s
}
WITH r, s, endNode(r) AS t, row
FOREACH (_ IN CASE WHEN row.a0 IS NOT NULL THEN [1] ELSE [] END |
  SET r.date = row.d0, r.article_id = row.a0, r.last_seen = row.d1, r.last_article_id = row.a1)
FOREACH (_ IN CASE WHEN row.a0 IS NULL THEN [1] ELSE [] END | DELETE r)
RETURN collect(DISTINCT elementId(s)) + collect(DISTINCT elementId(t)) AS xs
"""

# entities attached to the page's articles and events: candidates for orphan removal
D_NEIGHBOURS = """
UNWIND $aids AS aid
MATCH (a:Article {id: aid})
CALL (a) {
  MATCH (a)-[:REPORTS]->(:Event)-[]-(x) WHERE x:Person OR x:Organization OR x:Place
  RETURN x
  UNION
  MATCH (a)<-[:WROTE]-(x:Person)
  RETURN x
}
RETURN collect(DISTINCT elementId(x)) AS xs
"""

D_EVENTS = """
UNWIND $aids AS aid
MATCH (:Article {id: aid})-[:REPORTS]->(e:Event)
DETACH DELETE e
"""

D_ARTICLE_NODES = """
UNWIND $aids AS aid
MATCH (a:Article {id: aid})
DETACH DELETE a
"""

# the page's share of HELD: Article.held lists the HELD keys (person id|organisation id|post) it fed
D_HELD = """
UNWIND $held AS h
WITH h, count(*) AS n
WITH split(h, '|') AS k, n
MATCH (p:Person {id: k[0]})-[r:HELD {post: k[2]}]->(o:Organization {id: k[1]})
SET r.mentions = r.mentions - n, r.article_ids = [x IN r.article_ids WHERE NOT x IN $aids]
WITH p, o, r
CALL (r) {
  WITH r WHERE r.mentions > 0 AND size(r.article_ids) > 0
    AND (r.article_id IN $aids OR r.last_article_id IN $aids)
  UNWIND r.article_ids AS aid
  MATCH (a:Article {id: aid})
  WITH r, a ORDER BY a.published, a.id
  WITH r, collect(a) AS arts
  SET r.first_seen = arts[0].published, r.article_id = arts[0].id,
      r.last_seen = arts[-1].published, r.last_article_id = arts[-1].id
}
WITH p, o, r, r.mentions <= 0 OR size(r.article_ids) = 0 AS gone
FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DELETE r)
RETURN collect(DISTINCT elementId(p)) + collect(DISTINCT elementId(o)) AS xs
"""

# an entity is an orphan when nothing but its own LOCATED_IN/PART_OF links remain
D_ORPHANS = """
UNWIND $xs AS x
MATCH (n) WHERE elementId(n) = x
  AND NOT EXISTS { MATCH (n)-[r]-() WHERE NOT (type(r) IN ['LOCATED_IN', 'PART_OF'] AND startNode(r) = n) }
OPTIONAL MATCH (n)-[:LOCATED_IN|PART_OF]->(up)
WITH n, collect(elementId(up)) AS ups
DETACH DELETE n
RETURN reduce(acc = [], u IN collect(ups) | acc + u) AS ups
"""


# unloads: a person, organisation or place stays while a remaining article names it (Article.entities)
D_STILL_NAMED = """
MATCH (a:Article) WHERE any(x IN a.entities WHERE x IN $ids)
UNWIND a.entities AS x
WITH DISTINCT x WHERE x IN $ids
RETURN collect(x) AS kept
"""
D_UNNAMED = {label: f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) DETACH DELETE n"
             for label in ("Person", "Organization", "Place")}
OLD_ARTICLES = "MATCH (a:Article) WHERE a.entities IS NULL RETURN count(a) > 0 AS old"


D_STILL_SAID = """
MATCH (a:Article) WHERE any(k IN a.links WHERE k IN $keys)
UNWIND a.links AS k
WITH DISTINCT k WHERE k IN $keys
RETURN collect(k) AS kept
"""
D_ALIAS = """
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
SET n.aliases = [x IN n.aliases WHERE NOT x IN row.gone]
"""
D_KIND = """
UNWIND $ids AS id
MATCH (n:Organization {id: id})
CALL (n) {
  MATCH (a:Article) WHERE any(k IN a.links WHERE k STARTS WITH 'K|' + n.id + '|')
  UNWIND [k IN a.links WHERE k STARTS WITH 'K|' + n.id + '|'] AS k
  RETURN min(substring(k, size(n.id) + 3)) AS kind
}
SET n.kind = kind
"""


def _take_back_org_facts(tx, keys: list[str]) -> None:
    """Aliases and kinds only the removed articles gave: taken off the organisations."""
    keys = [k for k in dict.fromkeys(keys) if k[:2] in ("A|", "K|")]
    if not keys:
        return
    kept = set(tx.run(D_STILL_SAID, keys=keys).single()["kept"])
    gone_alias: dict[str, list] = {}
    kinds = []
    for k in keys:
        if k in kept:
            continue
        tag, oid, value = k.split("|", 2)
        if tag == "A":
            gone_alias.setdefault(oid, []).append(value)
        else:
            kinds.append(oid)
    tx.run(D_ALIAS, rows=[{"id": o, "gone": g} for o, g in gone_alias.items()]).consume()
    tx.run(D_KIND, ids=kinds).consume()


def _remove_unnamed(tx, named: list[str]) -> int:
    """Delete the entities in ``named`` that no remaining article names; how many went."""
    kept = set(tx.run(D_STILL_NAMED, ids=named).single()["kept"])
    gone = [x for x in named if x not in kept]
    n = 0
    for stmt in D_UNNAMED.values():
        n += tx.run(stmt, ids=gone).consume().counters.nodes_deleted
    return n


def delete_page_content(tx, page: str, exact: bool = False) -> dict:
    """Delete a page's articles and events and its share of the aggregated relationships. ``exact``
    (unloads): also every entity no remaining article names, found by a scan of Article.entities;
    otherwise (reloads, where the page comes back at once) entities left with no relationship."""
    return delete_pages_content(tx, [page], exact)


def _relink(tx, links: list[str]) -> list[str]:
    """The links the removed articles listed, set from the articles left (one scan for them all); the
    ends of those links (orphan candidates)."""
    keys = list(dict.fromkeys(links))
    seen = {r["k"]: dict(r) for r in tx.run(R_LINKS_SEEN, keys=keys)}
    rows = [seen.get(k, {"k": k, "d0": None, "a0": None, "d1": None, "a1": None}) for k in keys]
    rec = tx.run(W_LINKS, rows=rows).single()
    return rec["xs"] if rec else []


def delete_pages_content(tx, pages: list[str], exact: bool = False, old: Optional[bool] = None) -> dict:
    """:func:`delete_page_content` for several pages at once: the scans of the remaining articles run
    once for all of them. ``old``: whether articles loaded before Article.entities remain (asked when
    None). Returns articles (total and per page) and orphans removed."""
    rec = tx.run(D_ARTICLES, ids=pages).single()
    aids, held, named = rec["aids"], rec["held"], rec["named"]
    if not aids:
        return {"articles": 0, "per_page": {}}
    per_page = Counter(rec["pages"])
    if exact:
        exact = not (tx.run(OLD_ARTICLES).single()["old"] if old is None else old)   # loaded before Article.entities
    xs = tx.run(D_NEIGHBOURS, aids=aids).single()["xs"]
    hx = tx.run(D_HELD, held=held, aids=aids).single()
    xs = list(dict.fromkeys(xs + (hx["xs"] if hx else [])))
    tx.run(D_EVENTS, aids=aids).consume()
    tx.run(D_ARTICLE_NODES, aids=aids).consume()
    if rec["links"]:
        xs = list(dict.fromkeys(xs + _relink(tx, rec["links"])))
    if exact:
        _take_back_org_facts(tx, rec["links"])
        return {"articles": len(aids), "per_page": per_page,
                "orphans": _remove_unnamed(tx, list(dict.fromkeys(named)))}
    removed = 0
    for _round in range(4):  # place → its parent → …: a few rounds reach the top
        if not xs:
            break
        res = tx.run(D_ORPHANS, xs=xs)
        rec = res.single()
        removed += res.consume().counters.nodes_deleted
        xs = list(dict.fromkeys(rec["ups"])) if rec else []
    return {"articles": len(aids), "per_page": per_page, "orphans": removed}
