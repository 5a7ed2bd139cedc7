"""Writing to and describing the graph. The driver is passed in; every call names its database."""
from __future__ import annotations

import os
import time
from datetime import date

from . import cypher


def apply_schema(driver, database: str) -> list[str]:
    """Create constraints and indexes (idempotent). Returns the statements run."""
    stmts = cypher.statements(cypher.read("schema"))
    for stmt in stmts:
        driver.execute_query(stmt, database_=database, routing_="w")
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database, routing_="r")
    return stmts


def stats(driver, database: str) -> dict:
    """Node counts per label and relationship counts per type, from the count store (fast at any size)."""
    recs, _, _ = driver.execute_query(
        "CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data", database_=database, routing_="r")
    data = recs[0]["data"]
    nodes = {n["label"]: n["count"] for n in data["nodes"] if n.get("label")}
    rels = {r["relationshipType"]: r["count"] for r in data["relationships"]
            if r.get("relationshipType") and "startLabel" not in r and "endLabel" not in r}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}


# ====================================================================== writing pages
#
# A page is written in ONE write transaction: (delete the page's old content when it changed or when
# forced) + a fixed list of `UNWIND $rows AS row …` statements, one per node/relationship kind, each
# run over chunks of at most `batch_size` rows. Rows are plain dicts built in Python by `page_rows`
# (a pure function: the loader runs it in worker processes). Labels and types are fixed in the query
# text; values are parameters.
#
# Page-owned data (Page, Article, Event and every relationship hanging off an article or an event) is
# CREATEd: the page's old content is gone by then, and an article id (hash of source + offsets) is
# only ever written by its own page. Shared entities (Person, Organization, Place) and the aggregated
# relationships (HELD, LOCATED_IN, PART_OF) are MERGEd, with order-independent updates (min/max of
# dates), so loading pages in any order, or re-running after a crash, gives the same graph.

PAGE_OWNED = {"articles", "events", "participated_in", "visited_place", "visited_org", "in", "wrote"}
HELD_IDS_CAP = 100   # HELD.article_ids keeps the first 100 articles seen; HELD.mentions counts all

_PAGE_HASH = "MATCH (p:Page {id: $id}) RETURN p.content_hash AS h"

W_PAGE = "MERGE (p:Page {id: $row.id}) SET p += $row"

ARTICLE_PROPS = ["id", "title", "kicker", "subtitle", "published", "published_inferred", "published_basis",
                 "source", "outlet", "start", "end", "kind", "dateline", "reprint_source", "page_id", "held", "text",
                 "post_titles", "post_acts", "post_refs"]   # the last three: kb/posts/scan.py
EVENT_PROPS = ["id", "type", "trigger", "date", "end_date", "date_precision", "name", "summary", "planned", "lead",
               "article_id", "published", "evidence", "evidence_start", "evidence_end"]
REL_PROPS = ["role", "title", "titles", "order", "name", "date", "article_id", "evidence_start", "evidence_end"]


def _map(src: str, names: list[str]) -> str:
    """A Cypher map literal ``{a: src.a, …}`` (null values are simply not stored by CREATE). Explicit
    property lists instead of ``SET n = map``: no Eager operator in the plan."""
    return "{" + ", ".join(f"`{n}`: {src}.`{n}`" for n in names) + "}"


W_ARTICLES = f"""
UNWIND $rows AS row
MATCH (p:Page {{id: row.page_id}})
CREATE (a:Article {_map("row", ARTICLE_PROPS)})
CREATE (p)-[:CONTAINS {{date: row.published, article_id: row.id}}]->(a)
"""

W_PLACES = """
UNWIND $rows AS row
MERGE (n:Place {id: row.id})
ON CREATE SET n.name = row.name, n.code = row.code, n.level = row.level, n.scope = row.scope
WITH n, row WHERE n.level IS NULL AND row.level IS NOT NULL
SET n.level = row.level
"""

W_ORGS = """
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
ON CREATE SET n.name = row.name, n.scope = row.scope, n.kind = row.kind, n.aliases = row.aliases
WITH n, row, [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])] AS new
FOREACH (_ IN CASE WHEN size(new) > 0 THEN [1] ELSE [] END | SET n.aliases = coalesce(n.aliases, []) + new)
FOREACH (_ IN CASE WHEN n.kind IS NULL AND row.kind IS NOT NULL THEN [1] ELSE [] END | SET n.kind = row.kind)
"""

W_PERSONS = """
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
ON CREATE SET n.name = row.name, n.scope = row.scope, n.scope_name = row.scope_name
"""

# aggregated "seen from … to …" relationships: date/article_id = the first sighting (ties: smallest
# article id), last_seen/last_article_id = the last one. Only written when something changes.
_SEEN = """
ON CREATE SET r.date = row.date, r.article_id = row.article_id, r.last_seen = row.date,
              r.last_article_id = row.article_id
WITH r, row
WHERE row.date < r.date OR (row.date = r.date AND row.article_id < r.article_id)
   OR row.date > r.last_seen OR (row.date = r.last_seen AND row.article_id > r.last_article_id)
SET r.article_id = CASE WHEN row.date < r.date OR (row.date = r.date AND row.article_id < r.article_id)
                        THEN row.article_id ELSE r.article_id END,
    r.date = CASE WHEN row.date < r.date THEN row.date ELSE r.date END,
    r.last_article_id = CASE WHEN row.date > r.last_seen OR (row.date = r.last_seen AND row.article_id > r.last_article_id)
                        THEN row.article_id ELSE r.last_article_id END,
    r.last_seen = CASE WHEN row.date > r.last_seen THEN row.date ELSE r.last_seen END
"""

W_PART_OF = """
UNWIND $rows AS row
MATCH (c:Place {id: row.s})
MATCH (p:Place {id: row.t})
MERGE (c)-[r:PART_OF]->(p)
""" + _SEEN

W_LOCATED_IN = """
UNWIND $rows AS row
MATCH (o:Organization {id: row.s})
MATCH (p:Place {id: row.t})
MERGE (o)-[r:LOCATED_IN]->(p)
""" + _SEEN

W_EVENTS = f"""
UNWIND $rows AS row
MATCH (a:Article {{id: row.article_id}})
CREATE (e:Event {_map("row.props", EVENT_PROPS)})
CREATE (a)-[:REPORTS {{date: row.date, article_id: row.article_id}}]->(e)
"""


def _rel(start: str, typ: str, end: str) -> str:
    # start/typ/end are constants from this module, never input
    return f"""
UNWIND $rows AS row
MATCH (s:{start} {{id: row.s}})
MATCH (t:{end} {{id: row.t}})
CREATE (s)-[:{typ} {_map("row.props", REL_PROPS)}]->(t)
"""


W_PARTICIPATED_IN = _rel("Person", "PARTICIPATED_IN", "Event")
W_VISITED_PLACE = _rel("Event", "VISITED", "Place")
W_VISITED_ORG = _rel("Event", "VISITED", "Organization")
W_IN = _rel("Event", "IN", "Place")
W_WROTE = _rel("Person", "WROTE", "Article")

W_HELD = """
UNWIND $rows AS row
MATCH (p:Person {id: row.s})
MATCH (o:Organization {id: row.t})
MERGE (p)-[r:HELD {post: row.post}]->(o)
ON CREATE SET r.title = row.title, r.first_seen = row.date, r.last_seen = row.date,
              r.article_id = row.article_id, r.last_article_id = row.article_id,
              r.article_ids = [row.article_id], r.mentions = 1
WITH r, row WHERE NOT row.article_id IN r.article_ids
SET r.mentions = r.mentions + 1
FOREACH (_ IN CASE WHEN size(r.article_ids) < $cap THEN [1] ELSE [] END |
         SET r.article_ids = r.article_ids + row.article_id)
FOREACH (_ IN CASE WHEN row.date < r.first_seen OR (row.date = r.first_seen AND row.article_id < r.article_id)
                   THEN [1] ELSE [] END |
         SET r.article_id = row.article_id, r.first_seen = row.date)
FOREACH (_ IN CASE WHEN row.date > r.last_seen OR (row.date = r.last_seen AND row.article_id > r.last_article_id)
                   THEN [1] ELSE [] END |
         SET r.last_article_id = row.article_id, r.last_seen = row.date)
"""

# (kind in the rows dict, statement, label or type it creates) — in dependency order
WRITES = [
    ("articles", W_ARTICLES, "Article"),
    ("places", W_PLACES, "Place"),
    ("organizations", W_ORGS, "Organization"),
    ("persons", W_PERSONS, "Person"),
    ("part_of", W_PART_OF, "PART_OF"),
    ("located_in", W_LOCATED_IN, "LOCATED_IN"),
    ("events", W_EVENTS, "Event"),
    ("participated_in", W_PARTICIPATED_IN, "PARTICIPATED_IN"),
    ("visited_place", W_VISITED_PLACE, "VISITED"),
    ("visited_org", W_VISITED_ORG, "VISITED"),
    ("in", W_IN, "IN"),
    ("wrote", W_WROTE, "WROTE"),
    ("held", W_HELD, "HELD"),
]


def _combined() -> str:
    """All WRITES in one statement (one round trip per page): ``CALL () { … }`` unit subqueries in
    dependency order, each reading its own ``$<kind>`` list. Used when every kind fits in one batch."""
    parts = []
    for kind, stmt, _name in WRITES:
        parts.append("CALL () {" + stmt.replace("$rows", "$" + kind).rstrip() + "\n}")
    return "\n".join(parts)


W_ALL = _combined()

# ---------------------------------------------------------------- deleting a page's content

D_ARTICLES = """
MATCH (:Page {id: $id})-[:CONTAINS]->(a:Article)
RETURN collect(a.id) AS aids, reduce(acc = [], h IN collect(coalesce(a.held, [])) | acc + h) AS held
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


def _delete_page_content(tx, page: str) -> dict:
    rec = tx.run(D_ARTICLES, id=page).single()
    aids, held = rec["aids"], rec["held"]
    if not aids:
        return {"articles": 0}
    xs = tx.run(D_NEIGHBOURS, aids=aids).single()["xs"]
    hx = tx.run(D_HELD, held=held, aids=aids).single()
    xs = list(dict.fromkeys(xs + (hx["xs"] if hx else [])))
    tx.run(D_EVENTS, aids=aids).consume()
    tx.run(D_ARTICLE_NODES, aids=aids).consume()
    removed = 0
    for _round in range(4):  # place → its parent → …: a few rounds reach the top
        if not xs:
            break
        res = tx.run(D_ORPHANS, xs=xs)
        rec = res.single()
        removed += res.consume().counters.nodes_deleted
        xs = list(dict.fromkeys(rec["ups"])) if rec else []
    return {"articles": len(aids), "orphans": removed}


# ---------------------------------------------------------------- rows (pure Python)

def _d(v):
    return v if isinstance(v, date) else None


def _strip(props: dict) -> dict:
    """Drop None values: Neo4j does not store nulls, and `SET n = map` would fail on nested Nones."""
    return {k: v for k, v in props.items() if v is not None}


def page_rows(source: str, content_hash: str, published, outlet, articles, store_text: bool = True) -> dict:
    """The rows of one page, per node/relationship kind (see WRITES), as plain lists of dicts.

    ``articles`` are ``loaders.models.ExtractedArticle``s. Pure: no database, no I/O beyond the
    gazetteer used for scopes.
    """
    from . import ids

    pid = ids.page_id(source)
    out: dict = {k: [] for k, _, _ in WRITES}
    out["page"] = _strip({"id": pid, "source": source, "content_hash": content_hash,
                          "published": _d(published), "outlet": outlet})
    places: dict[str, dict] = {}
    orgs: dict[str, dict] = {}
    persons: dict[str, dict] = {}
    seen_rel: dict[str, set] = {k: set() for k in out if k not in ("page",)}
    oscope = ids.outlet_scope(outlet)

    def add_rel(kind, key, row):
        if key in seen_rel[kind]:
            return False
        seen_rel[kind].add(key)
        out[kind].append(row)
        return True

    for ea in articles:
        a = ea.article
        aid = ids.article_id(a.source or source, a.start, a.end)
        day = _d(a.published) or _d(published)
        a_outlet = a.outlet or outlet
        a_scope = ids.outlet_scope(a_outlet) if a_outlet != outlet else oscope

        # ---- places of the article: name/alias -> place id
        place_by_name: dict[str, str] = {}

        def place_node(name, code=None, level=None):
            pid_ = ids.place_id(name, code, a_scope)
            if pid_ not in places:
                places[pid_] = {"id": pid_, "name": ids.norm(name), "code": code or None, "level": level,
                                "scope": None if code else a_scope}
            elif level and not places[pid_]["level"]:
                places[pid_]["level"] = level
            return pid_

        for p in ea.places:
            if not p.name:
                continue
            pl = place_node(p.name, p.code, p.level)
            for n in [p.name, *p.aliases]:
                place_by_name.setdefault(ids.norm(n), pl)
            if p.parent or p.parent_code:
                par = place_node(p.parent or ids.scope_name(p.parent_code) or p.parent_code, p.parent_code)
                if par != pl:
                    add_rel("part_of", (pl, par), {"s": pl, "t": par, "date": day, "article_id": aid})

        def resolve_place(name):
            n = ids.norm(name)
            if n in place_by_name:
                return place_by_name[n]
            code = _gaz_code(n, a_outlet)
            pl = place_node(n, code)
            place_by_name[n] = pl
            return pl

        # ---- organisations
        org_by_name: dict[str, str] = {}
        org_place: dict[str, tuple] = {}

        def org_node(name, kind=None, aliases=(), place=None):
            n = ids.norm(name)
            code = None
            if place:
                pl = resolve_place(place)
                code = places[pl]["code"]
            scope = ids.org_scope(n, a_outlet, code, place)
            oid = ids.organization_id(n, scope)
            al = sorted({ids.norm(x) for x in aliases if x and ids.norm(x) != n})
            if oid not in orgs:
                orgs[oid] = {"id": oid, "name": n, "scope": scope, "kind": kind, "aliases": al}
            else:
                o = orgs[oid]
                o["aliases"] = sorted(set(o["aliases"]) | set(al))
                o["kind"] = o["kind"] or kind
            if place:
                add_rel("located_in", (oid, pl), {"s": oid, "t": pl, "date": day, "article_id": aid})
            return oid

        for o in ea.organizations:
            if not o.name:
                continue
            if o.place:
                pl = resolve_place(o.place)
                org_place[ids.norm(o.name)] = (places[pl]["code"], o.place)
            oid = org_node(o.name, o.kind, o.aliases, o.place)
            for n in [o.name, *o.aliases]:
                org_by_name.setdefault(ids.norm(n), oid)

        def resolve_org(name, place=None):
            n = ids.norm(name)
            if n in org_by_name:
                return org_by_name[n]
            oid = org_node(n, place=place)
            org_by_name[n] = oid
            return oid

        # ---- persons (the identity rule is ids.person_scope)
        person_by_name: dict[str, str] = {}
        held_keys: list[str] = []

        def person_node(name, org_names=()):
            n = ids.norm(name)
            scope = ids.person_scope([ids.norm(x) for x in org_names if x], a_outlet, org_place)
            ppid = ids.person_id(n, scope)
            if ppid not in persons:
                persons[ppid] = {"id": ppid, "name": n, "scope": scope, "scope_name": ids.scope_name(scope)}
            return ppid

        for p in ea.persons:
            if not p.name:
                continue
            ppid = person_node(p.name, [t.organization for t in p.titles])
            person_by_name.setdefault(ids.norm(p.name), ppid)
            for t in p.titles:
                if not t.organization:
                    continue
                oid = resolve_org(t.organization)
                post = ids.norm(t.post or t.text) or "?"
                key = f"{ppid}|{oid}|{post}"
                if add_rel("held", (key, aid), {"s": ppid, "t": oid, "post": post, "title": ids.norm(t.text),
                                                "date": day, "article_id": aid}):
                    held_keys.append(key)

        def resolve_person(name, titles=()):
            n = ids.norm(name)
            if n in person_by_name:
                return person_by_name[n]
            ppid = person_node(n, titles)
            person_by_name[n] = ppid
            return ppid

        # ---- the article
        row = {"id": aid, "title": a.title, "kicker": a.kicker, "subtitle": a.subtitle, "published": day,
               "published_inferred": bool(a.published_inferred), "published_basis": a.published_basis,
               "source": a.source or source, "outlet": a_outlet, "start": a.start, "end": a.end,
               "kind": a.kind, "dateline": a.dateline, "reprint_source": a.reprint_source,
               "page_id": pid, "held": held_keys or None}
        if store_text:
            row["text"] = a.text
        from .posts.scan import article_props   # what the post register reads (kb posts build)
        row.update(article_props(ea, person_by_name))
        out["articles"].append(_strip(row))

        # ---- bylines
        credits = [(b.name, b.role, b.title, b.start, b.end) for b in a.bylines]
        if not credits:
            credits = ([(n, "reporter", None, None, None) for n in a.reporters]
                       + [(n, "correspondent", None, None, None) for n in a.correspondents]
                       + [(n, "author", None, None, None) for n in a.authors])
        for name, role, title, s, e in credits:
            if not ids.norm(name):
                continue
            ppid = resolve_person(name)
            add_rel("wrote", (ppid, aid), {"s": ppid, "t": aid, "props": _strip(
                {"role": role, "title": title, "date": day, "article_id": aid,
                 "evidence_start": s, "evidence_end": e})})

        # ---- events
        for ev in ea.events:
            evd = ev.evidence
            es, ee = (evd.start, evd.end) if evd else (None, None)
            eid = ids.event_id(aid, ev.type, ev.lead, ev.date, es, ee)
            if eid in seen_rel["events"]:
                continue
            seen_rel["events"].add(eid)
            rdate = _d(ev.date) or day
            out["events"].append({"article_id": aid, "date": rdate, "props": _strip({
                "id": eid, "type": ev.type, "trigger": ev.trigger, "date": _d(ev.date),
                "end_date": _d(ev.end_date), "date_precision": ev.date_precision, "name": ev.name,
                "summary": ev.summary, "planned": bool(ev.planned), "lead": ids.norm(ev.lead) or None,
                "article_id": aid, "published": day,
                "evidence": evd.sentence if evd else None, "evidence_start": es, "evidence_end": ee})})
            parts = list(ev.participants)
            if ev.lead and all(ids.norm(p.name) != ids.norm(ev.lead) for p in parts):
                from loaders.models import Participant
                parts.insert(0, Participant(name=ev.lead, role="lead"))
            for part in parts:
                if not ids.norm(part.name):
                    continue
                ppid = resolve_person(part.name, part.titles)
                add_rel("participated_in", (ppid, eid), {"s": ppid, "t": eid, "props": _strip(
                    {"role": part.role, "titles": [t for t in part.titles if t] or None, "date": rdate,
                     "article_id": aid, "evidence_start": es, "evidence_end": ee})})
            for site in ev.sites:
                n = ids.norm(site.name)
                if not n:
                    continue
                sev = site.evidence
                props = _strip({"order": site.order, "date": rdate, "name": site.name, "article_id": aid,
                                "evidence_start": sev.start if sev else None,
                                "evidence_end": sev.end if sev else None})
                if n in place_by_name:
                    add_rel("visited_place", (eid, place_by_name[n]), {"s": eid, "t": place_by_name[n], "props": props})
                else:
                    oid = resolve_org(n, site.place)
                    add_rel("visited_org", (eid, oid), {"s": eid, "t": oid, "props": props})
            for pname in ev.places:
                if not ids.norm(pname):
                    continue
                pl = resolve_place(pname)
                add_rel("in", (eid, pl), {"s": eid, "t": pl, "props": _strip(
                    {"date": rdate, "article_id": aid, "evidence_start": es, "evidence_end": ee})})

    out["places"] = [_strip(p) for p in places.values()]
    out["organizations"] = [_strip(o) | {"aliases": o["aliases"]} for o in orgs.values()]
    out["persons"] = [_strip(p) for p in persons.values()]
    return out


def _gaz_code(name: str, outlet) -> str | None:
    """GB/T 2260 code of a place named as written, near the outlet (None when unknown)."""
    from . import ids
    g = ids._gaz()
    if g is None:
        return None
    try:
        i = g.resolve(name, ids.outlet_region(outlet))
    except Exception:  # noqa: BLE001
        return None
    if i is None or (name != g.names[i] and name != g.short(i)):
        return None
    return g.codes[i]


def count_rows(rows: dict) -> int:
    return sum(len(v) for k, v in rows.items() if k != "page")


# ---------------------------------------------------------------- the transaction

def _chunks(rows: list, n: int):
    for i in range(0, len(rows), n):
        yield rows[i:i + n]


_PAGES_HASH = "UNWIND $ids AS id MATCH (p:Page {id: id}) RETURN p.id AS id, p.content_hash AS h"
W_PAGES = "UNWIND $rows AS row MERGE (p:Page {id: row.id}) SET p += row"


def _write_tx(tx, pages: list, force: bool, batch_size: int, sleep: float) -> list:
    """Write ``pages`` (rows of page_rows) in this transaction; one result dict per page."""
    recs = tx.run(_PAGES_HASH, ids=[r["page"]["id"] for r in pages]).data()
    old = {r["id"]: r["h"] for r in recs}
    results, todo = [], []
    for rows in pages:
        pid = rows["page"]["id"]
        if pid in old and old[pid] == rows["page"].get("content_hash") and not force:
            results.append({"skipped": True})
            continue
        res = {"skipped": False, "replaced": pid in old, "nodes": {"Page": 0 if pid in old else 1},
               "relationships": {}}
        if pid in old:
            res["deleted"] = _delete_page_content(tx, pid)
        for kind, _s, name in WRITES:
            if kind in PAGE_OWNED and rows.get(kind):
                n = len(rows[kind])
                if name in ("Article", "Event"):
                    res["nodes"][name] = res["nodes"].get(name, 0) + n
                rel = {"Article": "CONTAINS", "Event": "REPORTS"}.get(name, name)
                res["relationships"][rel] = res["relationships"].get(rel, 0) + n
        results.append(res)
        todo.append(rows)
    if not todo:
        return results
    tx.run(W_PAGES, rows=[r["page"] for r in todo]).consume()
    if sleep:
        time.sleep(sleep)  # test hook: widen the window in which a kill lands mid-transaction
    merged = {kind: [x for r in todo for x in (r.get(kind) or [])] for kind, _s, _n in WRITES}
    if all(len(v) <= batch_size for v in merged.values()):
        # one statement for everything (one round trip)
        c = tx.run(W_ALL, dict(merged, cap=HELD_IDS_CAP)).consume().counters
    else:
        for kind, stmt, _name in WRITES:
            for chunk in _chunks(merged[kind], batch_size):
                tx.run(stmt, {"rows": chunk, "cap": HELD_IDS_CAP}).consume()
    return results


def write_pages(driver, database: str, pages: list, force: bool = False, batch_size: int = 1000) -> list:
    """Write several pages' rows in ONE transaction (bulk loads: fewer commits). Each page is still
    whole or absent; a page already there with the same content hash is skipped unless ``force``."""
    sleep = float(os.environ.get("KB_TEST_SLEEP_IN_TX") or 0)
    with driver.session(database=database, default_access_mode="WRITE", notifications_min_severity="OFF") as s:
        return s.execute_write(_write_tx, pages, force, max(1, int(batch_size)), sleep)


def write_rows(driver, database: str, rows: dict, force: bool = False, batch_size: int = 1000) -> dict:
    """Write one page's rows (from :func:`page_rows`) in one transaction. Returns what was created.

    Skips the page (``{"skipped": True}``) when a page with the same id and content hash is there,
    unless ``force``; a page whose content hash changed, or a forced one, has its old articles,
    events and their relationships deleted first, in the same transaction.
    """
    return write_pages(driver, database, [rows], force=force, batch_size=batch_size)[0]


def write_page(driver, database: str, source: str, content_hash: str, published, outlet, articles,
               force: bool = False, batch_size: int = 1000, store_text: bool = True) -> dict:
    """Write one page and its extracted articles (``ExtractedArticle``) in ONE transaction."""
    rows = page_rows(source, content_hash, published, outlet, articles, store_text=store_text)
    return write_rows(driver, database, rows, force=force, batch_size=batch_size)


def page_hashes(driver, database: str, page_ids: list[str]) -> dict[str, str]:
    """Content hash of each page already loaded (id → hash), for the loader's skip check."""
    out: dict[str, str] = {}
    for chunk in _chunks(page_ids, 10000):
        recs, _, _ = driver.execute_query(
            "UNWIND $ids AS id MATCH (p:Page {id: id}) RETURN p.id AS id, p.content_hash AS h",
            ids=chunk, database_=database, routing_="r")
        out.update({r["id"]: r["h"] for r in recs})
    return out


# ---------------------------------------------------------------- reset

KB_LABELS = ["Event", "Article", "Page", "Person", "Organization", "Place", "Post"]


def reset(driver, database: str, batch: int = 10000) -> dict:
    """Delete every kb node and relationship in batches (`CALL { … } IN TRANSACTIONS`). Keeps the schema.

    Events and articles go first (they hold most relationships), so no single batch has to detach a
    node with thousands of relationships left.
    """
    deleted = {}
    for label in KB_LABELS:
        with driver.session(database=database, notifications_min_severity="OFF") as s:
            # label fixed from KB_LABELS, never from input
            c = s.run(f"MATCH (n:{label}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF $batch ROWS",
                      batch=batch).consume().counters
            deleted[label] = c.nodes_deleted
    return deleted
