"""Writing to and describing the graph. The driver is passed in; every call names its database."""
from __future__ import annotations

import os
import time



def apply_schema(driver, database: str) -> list[str]:
    """Create constraints and indexes (idempotent). Returns the statements run."""
    from . import schema
    return schema.apply(driver, database)


R_STATS = "CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data"


def stats(driver, database: str) -> dict:
    """Node counts per label and relationship counts per type, from the count store (fast at any size)."""
    recs, _, _ = driver.execute_query(R_STATS, database_=database, routing_="r")
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

ARTICLE_PROPS = ["id", "title", "kicker", "subtitle", "published", "published_precision", "published_inferred",
                 "published_basis",
                 "source", "outlet", "start", "end", "kind", "dateline", "reprint_source", "page_id", "held", "links",
                 "entities", "text", "post_titles", "post_acts", "post_refs"]   # the last three: kb/posts/scan.py
EVENT_PROPS = ["id", "type", "trigger", "date", "end_date", "date_precision", "date_text", "name", "summary", "planned", "lead",
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

# order-independent, so any load order (and an unload) gives the same node: aliases are the sorted
# union, kind the smallest kind any article gives
W_ORGS = """
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
ON CREATE SET n.name = row.name, n.scope = row.scope, n.kind = row.kind, n.aliases = row.aliases
WITH n, row, [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])] AS new
CALL (n, new) {
  WITH n, new WHERE size(new) > 0
  UNWIND coalesce(n.aliases, []) + new AS x
  WITH n, x ORDER BY x
  WITH n, collect(DISTINCT x) AS al
  SET n.aliases = al
}
FOREACH (_ IN CASE WHEN row.kind IS NOT NULL AND (n.kind IS NULL OR row.kind < n.kind) THEN [1] ELSE [] END |
         SET n.kind = row.kind)
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
    dependency order, each reading its own list ``$p.<kind>``. Used when every kind fits in one batch.

    One map parameter, not one list per kind: Neo4j caches plans by the parameters' types, and an
    empty list's type differs from a list of maps', so 13 list parameters would give a plan per
    pattern of empty kinds (pages without PART_OF, without HELD …): a 2-4 s replan of this statement
    every few transactions, most of an incremental load's time. A map's type is always MAP.

    Planned once per server (``replan=skip``): a graph growing from empty drifts from the statistics
    the plan was made with every few seconds, each replan of this statement costs seconds, and its
    plan (index seeks on ids) is the right one at any size."""
    parts = ["CYPHER replan=skip"]
    for kind, stmt, _name in WRITES:
        parts.append("CALL () {" + stmt.replace("$rows", "$p." + kind).rstrip() + "\n}")
    return "\n".join(parts)


W_ALL = _combined()


def warm_plans(driver, database: str, statements=None) -> None:
    """Plan statements without running them (EXPLAIN caches the plan): on a server just started,
    planning W_ALL takes seconds, which the first page's transaction would otherwise pay. Run beside
    the work before the first write (kb load), or after kb import started the server. ``statements``:
    (statement, parameters of the types sent) pairs; None: the page writes and the loader's reads.
    Only a head start: errors are ignored (the real runs plan what is not planned yet)."""
    try:
        with driver.session(database=database, notifications_min_severity="OFF") as s:
            for stmt, params in (page_plans() if statements is None else statements):
                s.run("EXPLAIN " + stmt, params).consume()
    except Exception:  # noqa: BLE001
        pass


def page_plans() -> list[tuple[str, dict]]:
    """The loader's statements, with parameters of the types it sends (the plan cache keys on them)."""
    from .page_rows import KINDS as _kinds
    return [(W_ALL, {"p": {k: [] for k in _kinds}, "cap": HELD_IDS_CAP}), (_PAGES_HASH, {"ids": ["x"]}),
            (W_PAGES, {"rows": [{"id": "x"}]}), (R_PAGE_INFO, {"ids": ["x"]}), (R_SOURCES, {"hs": ["x"]}),
            (R_STATS, {})]


from .page_delete import OLD_ARTICLES, delete_page_content, delete_pages_content  # noqa: E402,F401 - re-exported: part of this module's API
from .page_rows import KINDS, count_rows, page_rows  # noqa: E402,F401

assert tuple(k for k, _s, _n in WRITES) == KINDS, "kb.page_rows.KINDS must follow WRITES"

# ---------------------------------------------------------------- the transaction

def _chunks(rows: list, n: int):
    for i in range(0, len(rows), n):
        yield rows[i:i + n]


# MERGE, not MATCH: it takes the page's unique-index lock, so a second loader writing the same page
# at the same moment waits for the first to commit and then finds the page loaded (no clash)
_PAGES_HASH = ("UNWIND $ids AS id MERGE (p:Page {id: id}) "
               "RETURN p.id AS id, p.content_hash AS h")
W_PAGES = "UNWIND $rows AS row MERGE (p:Page {id: row.id}) SET p += row"


def _write_tx(tx, pages: list, force: bool, batch_size: int, sleep: float) -> list:
    """Write ``pages`` (rows of page_rows) in this transaction; one result dict per page."""
    recs = tx.run(_PAGES_HASH, ids=[r["page"]["id"] for r in pages]).data()
    old = {r["id"]: r["h"] for r in recs if r["h"] is not None}
    results, todo, replaced = [], [], []
    for rows in pages:
        pid = rows["page"]["id"]
        if pid in old and old[pid] == rows["page"].get("content_hash") and not force:
            results.append({"skipped": True})
            continue
        res = {"skipped": False, "replaced": pid in old, "nodes": {"Page": 0 if pid in old else 1},
               "relationships": {}}
        if pid in old:
            replaced.append(pid)
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
    if replaced:   # the old content of the pages written again, all at once (one scan of the links left)
        delete_pages_content(tx, replaced)
    tx.run(W_PAGES, rows=[r["page"] for r in todo]).consume()
    if sleep:
        time.sleep(sleep)  # test hook: widen the window in which a kill lands mid-transaction
    merged = {kind: [x for r in todo for x in (r.get(kind) or [])] for kind, _s, _n in WRITES}
    if all(len(v) <= batch_size for v in merged.values()):
        # one statement for everything (one round trip)
        tx.run(W_ALL, {"p": merged, "cap": HELD_IDS_CAP}).consume()
    else:
        for kind, stmt, _name in WRITES:
            for chunk in _chunks(merged[kind], batch_size):
                tx.run(stmt, {"rows": chunk, "cap": HELD_IDS_CAP}).consume()
    return results


def write_pages(driver, database: str, pages: list, force: bool = False, batch_size: int = 1000) -> list:
    """Write several pages' rows in ONE transaction (bulk loads: fewer commits). Each page is still
    whole or absent; a page already there with the same content hash is skipped unless ``force``."""
    sleep = float(os.environ.get("KB_TEST_SLEEP_IN_TX") or 0)
    try:
        with driver.session(database=database, default_access_mode="WRITE", notifications_min_severity="OFF") as s:
            return s.execute_write(_write_tx, pages, force, max(1, int(batch_size)), sleep)
    except KeyboardInterrupt:
        if os.environ.get("KB_TEST_HANG_ON_INTERRUPT"):
            time.sleep(3600)   # tests: a clean-up that never returns (kb load's watchdog must still exit)
        raise


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


R_PAGE_INFO = ("UNWIND $ids AS id MATCH (p:Page {id: id}) WHERE p.content_hash IS NOT NULL "
               "RETURN p.id AS id, p.content_hash AS hash, p.path AS path, p.source AS source")
R_SOURCES = "UNWIND $hs AS h MATCH (p:Page {content_hash: h}) RETURN h, collect(p.source) AS sources"


def page_info(driver, database: str, page_ids: list[str]) -> dict[str, dict]:
    """Pages already loaded: id → {"hash", "path", "source"} (path: the file it was loaded from)."""
    out: dict[str, dict] = {}
    for chunk in _chunks(page_ids, 10000):
        recs, _, _ = driver.execute_query(R_PAGE_INFO, ids=chunk, database_=database, routing_="r")
        out.update({r["id"]: dict(r) for r in recs})
    return out


def sources_by_hash(driver, database: str, hashes: list[str]) -> dict[str, list[str]]:
    """Content hash → sources of the loaded pages with exactly those bytes."""
    out: dict[str, list[str]] = {}
    for chunk in _chunks(sorted(set(hashes)), 10000):
        recs, _, _ = driver.execute_query(R_SOURCES, hs=chunk, database_=database, routing_="r")
        out.update({r["h"]: sorted(r["sources"]) for r in recs})
    return out


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
