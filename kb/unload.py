"""Removing pages: a page's articles, events and their relationships, its share of the aggregated
relationships (HELD mentions, PART_OF/LOCATED_IN sightings), and every person, organisation and place
that no remaining page names. One write transaction per batch of pages (the scans of what the remaining
articles still say run once a batch), so an interrupted unload leaves whole pages; the result equals a
clean load of the pages that remain."""
from __future__ import annotations

from typing import Optional

from . import graph, timeline
from .errors import KbError


class NothingToUnload(KbError):
    exit_code = 1


SELECT = """
MATCH (p:Page)
WHERE ($sources IS NULL OR p.source IN $sources)
  AND ($outlet IS NULL OR p.outlet = $outlet)
  AND ($from IS NULL OR p.published >= $from)
  AND ($to IS NULL OR p.published <= $to)
RETURN p.id AS id, p.source AS source, p.outlet AS outlet, p.published AS published
ORDER BY p.source
"""

D_PAGE = "MATCH (p:Page {id: $id}) DETACH DELETE p"


def select(driver, database: str, sources=None, outlet=None, date_from=None, date_to=None) -> list[dict]:
    """The loaded pages matching every filter given (sources: exact page sources)."""
    f = timeline.parse_day(date_from) if date_from else None
    t = timeline.parse_day(date_to, end=True) if date_to else None
    recs, _, _ = driver.execute_query(SELECT, sources=list(sources) if sources else None, outlet=outlet,
                                      database_=database, routing_="r", **{"from": f, "to": t})
    return [dict(r) for r in recs]


# pages removed in one write transaction: the scans of the remaining articles (which entities, links,
# aliases are still said) run once for the batch, not once a page
BATCH = 64
D_PAGES = "UNWIND $ids AS id MATCH (p:Page {id: id}) DETACH DELETE p"


def _unload_tx(tx, page_ids: list[str], old: Optional[bool] = None) -> dict:
    res = graph.delete_pages_content(tx, page_ids, exact=True, old=old)
    tx.run(D_PAGES, ids=page_ids).consume()
    return res


def unload_pages(driver, database: str, page_ids: list[str], old: Optional[bool] = None) -> dict:
    """Remove pages in one write transaction."""
    with driver.session(database=database, default_access_mode="WRITE", notifications_min_severity="OFF") as s:
        return s.execute_write(_unload_tx, page_ids, old)


def unload_page(driver, database: str, page_id: str) -> dict:
    """Remove one page in one write transaction."""
    return unload_pages(driver, database, [page_id])


def unload(driver, database: str, pages: list[dict], on_page=None, batch: int = BATCH) -> dict:
    """Remove ``pages`` (rows of :func:`select`), ``batch`` to a transaction; totals removed."""
    total = {"pages": 0, "articles": 0, "orphans": 0}
    recs, _, _ = driver.execute_query(graph.OLD_ARTICLES, database_=database, routing_="r")
    old = bool(recs and recs[0]["old"])   # articles loaded before Article.entities: the same all along
    for i in range(0, len(pages), batch):
        part = pages[i:i + batch]
        res = unload_pages(driver, database, [p["id"] for p in part], old)
        total["pages"] += len(part)
        total["articles"] += res.get("articles", 0)
        total["orphans"] += res.get("orphans", 0)
        for p in part:
            if on_page:
                on_page(p, {"articles": res.get("per_page", {}).get(p["id"], 0)})
    if total["pages"]:
        from .posts.build import build   # the post register follows what the pages left say
        build(driver, database)
    return total
