"""The graph model as written by kb.graph.write_page: dated relationships with their article, DATE
values, stable ids, one transaction per page, --force and changed pages. Real Neo4j, no mock."""
from __future__ import annotations

from datetime import date

import pytest

from kb import graph, ids
from loaders.models import (Article, Byline, Event, Evidence, ExtractedArticle, Organization, Participant,
                            Person, Place, Site, Title)

pytestmark = pytest.mark.neo4j

OUTLET = "株洲日报"
DAY = date(2020, 3, 8)


# ------------------------------------------------------------------ builders (also used by test_identity)

def article(source="t1.txt", start=0, title="张三到石峰区调研", published=DAY, persons=(), events=(),
            places=(), orgs=(), bylines=(), outlet=OUTLET):
    a = Article(source=source, start=start, end=start + 200, published=published, published_inferred=False,
                published_basis="manifest", outlet=outlet, kicker="引题", title=title, subtitle=None,
                reporters=[], correspondents=[], dateline="株洲日报讯", reprint_source=None,
                text="3月6日，张三到石峰区调研。", char_map=list(range(14)), bylines=list(bylines))
    return ExtractedArticle(article=a, persons=list(persons), organizations=list(orgs), places=list(places),
                            events=list(events))


def inspection(lead="张三", lead_title="市委书记", others=(("李四", "市委副书记"),), day=date(2020, 3, 6),
               sites=("株洲市中心医院", "石峰区"), places=("石峰区",), ev_start=10):
    parts = [Participant(lead, "lead", [lead_title])] + [Participant(n, "accompanying", [t]) for n, t in others]
    return Event(type="inspection", trigger="调研", date=day, end_date=None, date_precision="day", lead=lead,
                 participants=parts,
                 sites=[Site(s, i + 1, place="株洲市石峰区" if i == 0 else None,
                             evidence=Evidence(s, ev_start + i * 10, ev_start + i * 10 + len(s)))
                        for i, s in enumerate(sites)],
                 places=list(places), summary=f"{lead}调研", evidence=Evidence(f"{lead}到石峰区调研", ev_start, ev_start + 30))


def full_article(source="t1.txt", start=0, published=DAY):
    persons = [Person("张三", [Title("市委书记", "株洲市委", "书记")], "official"),
               Person("李四", [Title("市委副书记", "株洲市委", "副书记")], "official")]
    places = [Place("株洲市石峰区", code="430204", level="county", parent="株洲市", parent_code="430200",
                    aliases=["石峰区"])]
    orgs = [Organization("株洲市中心医院", aliases=["市中心医院"], kind="hospital", place="株洲市石峰区")]
    meeting = Event(type="meeting", trigger="主持召开", date=date(2020, 3, 7), end_date=None, date_precision="day",
                    lead="张三", participants=[Participant("张三", "chair", ["市委书记"])], name="市委常委会",
                    summary="张三主持召开市委常委会", evidence=Evidence("张三主持召开市委常委会", 60, 75))
    return article(source, start, persons=persons, events=[inspection(), meeting], places=places, orgs=orgs,
                   bylines=[Byline("温琳", "株洲日报记者", "reporter", start + 1, start + 3)], published=published)


def write(driver, database, source="t1.txt", h="h1", arts=None, **kw):
    arts = arts if arts is not None else [full_article(source)]
    return graph.write_page(driver, database, source, h, DAY, OUTLET, arts, **kw)


def node_ids(driver, database):
    recs, _, _ = driver.execute_query("MATCH (n) RETURN labels(n)[0] AS l, n.id AS id", database_=database)
    return sorted((r["l"], r["id"]) for r in recs)


def rel_keys(driver, database):
    recs, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b", database_=database)
    return sorted((r["t"], r["a"], r["b"]) for r in recs)


def q(driver, database, query, **params):
    recs, _, _ = driver.execute_query(query, params, database_=database)
    return [r.data() for r in recs]


# ------------------------------------------------------------------ tests

def test_every_relationship_has_date_and_article(empty_db):
    driver, database = empty_db
    res = write(driver, database)
    assert not res["skipped"]
    st = graph.stats(driver, database)
    for t in ("CONTAINS", "REPORTS", "PARTICIPATED_IN", "VISITED", "IN", "HELD", "WROTE", "PART_OF", "LOCATED_IN"):
        assert st["relationships"][t] > 0, t
    bad = q(driver, database, """
        MATCH ()-[r]->() WHERE type(r) <> 'HELD' AND (r.date IS NULL OR r.article_id IS NULL)
        RETURN type(r) AS t""")
    assert bad == []
    held = q(driver, database, """
        MATCH ()-[r:HELD]->() RETURN r.first_seen AS f, r.last_seen AS l, r.article_ids AS ids, r.post AS post,
               r.mentions AS m""")
    assert held and all(h["f"] and h["l"] and h["ids"] and h["post"] and h["m"] == 1 for h in held)
    # article ids on relationships name real articles
    dangling = q(driver, database, """
        MATCH ()-[r]->() WHERE r.article_id IS NOT NULL AND NOT EXISTS { MATCH (:Article {id: r.article_id}) }
        RETURN type(r) AS t""")
    assert dangling == []


def test_dates_are_date_values(empty_db):
    driver, database = empty_db
    write(driver, database)
    rows = q(driver, database, """
        MATCH ()-[r]->() UNWIND [k IN ['date', 'first_seen', 'last_seen'] WHERE r[k] IS NOT NULL | r[k]] AS v
        RETURN valueType(v) AS t, count(*) AS n
        UNION ALL
        MATCH (n) WHERE n:Event OR n:Article OR n:Page
        UNWIND [k IN ['date', 'end_date', 'published'] WHERE n[k] IS NOT NULL | n[k]] AS v
        RETURN valueType(v) AS t, count(*) AS n""")
    assert rows and {r["t"] for r in rows} == {"DATE NOT NULL"}
    ev = q(driver, database, "MATCH (e:Event {type: 'inspection'}) RETURN e.date = date('2020-03-06') AS ok")
    assert ev == [{"ok": True}]


def test_model_shape(empty_db):
    driver, database = empty_db
    write(driver, database)
    # sites: a gazetteer place → Place, anything else → Organization; in visit order
    visits = q(driver, database, """
        MATCH (e:Event {type: 'inspection'})-[v:VISITED]->(s)
        RETURN v.order AS o, labels(s)[0] AS l, v.name AS name, v.evidence_start AS es ORDER BY o""")
    assert [(v["o"], v["l"], v["name"]) for v in visits] == [(1, "Organization", "株洲市中心医院"), (2, "Place", "石峰区")]
    assert visits[0]["es"] == 10
    # the hospital lies in the district, which is part of the city; the trip was in the district
    assert q(driver, database, """
        MATCH (:Organization {name: '株洲市中心医院'})-[:LOCATED_IN]->(d:Place {code: '430204'})-[:PART_OF]->
              (c:Place {code: '430200'}) MATCH (:Event {type: 'inspection'})-[:IN]->(d) RETURN count(*) AS n""") == [{"n": 1}]
    # evidence and offsets on events; the article keeps its text and offsets; bylines → WROTE
    ev = q(driver, database, "MATCH (a:Article)-[:REPORTS]->(e:Event {type: 'inspection'}) "
                             "RETURN e.evidence AS s, e.evidence_start AS es, e.evidence_end AS ee, a.text AS text, "
                             "a.start AS st, a.`end` AS en, e.trigger AS tr, e.planned AS pl")
    assert ev == [{"s": "张三到石峰区调研", "es": 10, "ee": 40, "text": "3月6日，张三到石峰区调研。", "st": 0, "en": 200,
                   "tr": "调研", "pl": False}]
    assert q(driver, database, "MATCH (p:Person {name: '温琳'})-[w:WROTE {role: 'reporter'}]->(:Article) "
                               "RETURN w.date AS d") == [{"d": DAY}]
    roles = q(driver, database, "MATCH (p:Person)-[r:PARTICIPATED_IN]->(:Event {type: 'inspection'}) "
                                "RETURN p.name AS n, r.role AS r ORDER BY n")
    assert roles == [{"n": "张三", "r": "lead"}, {"n": "李四", "r": "accompanying"}]
    assert q(driver, database, "MATCH (:Person {name: '张三'})-[h:HELD]->(o:Organization) "
                               "RETURN h.post AS p, h.title AS t, o.name AS o") == [
        {"p": "书记", "t": "市委书记", "o": "株洲市委"}]


def test_ids_stable_across_reloads(empty_db):
    driver, database = empty_db
    write(driver, database)
    first_nodes, first_rels = node_ids(driver, database), rel_keys(driver, database)
    st = graph.stats(driver, database)
    assert write(driver, database) == {"skipped": True}          # same content hash: nothing done
    assert graph.stats(driver, database) == st
    res = write(driver, database, force=True)                      # forced: deleted and written again
    assert res["replaced"] and not res["skipped"]
    assert graph.stats(driver, database) == st
    assert node_ids(driver, database) == first_nodes and rel_keys(driver, database) == first_rels
    graph.reset(driver, database)
    write(driver, database)
    assert node_ids(driver, database) == first_nodes and rel_keys(driver, database) == first_rels
    assert graph.stats(driver, database) == st
    # small batches: several statements per kind, the same graph
    graph.reset(driver, database)
    write(driver, database, batch_size=1)
    assert node_ids(driver, database) == first_nodes and rel_keys(driver, database) == first_rels
    assert graph.stats(driver, database) == st


def test_held_aggregates_over_pages_and_force_keeps_counts(empty_db):
    driver, database = empty_db
    write(driver, database, "a.txt", arts=[full_article("a.txt", published=date(2020, 3, 8))])
    write(driver, database, "b.txt", arts=[full_article("b.txt", published=date(2020, 5, 1))])
    write(driver, database, "c.txt", arts=[full_article("c.txt", published=date(2019, 12, 1))])
    held = q(driver, database, "MATCH (:Person {name: '张三'})-[h:HELD]->() RETURN h.first_seen AS f, "
                               "h.last_seen AS l, h.mentions AS m, size(h.article_ids) AS n")
    assert held == [{"f": date(2019, 12, 1), "l": date(2020, 5, 1), "m": 3, "n": 3}]
    st = graph.stats(driver, database)
    write(driver, database, "c.txt", arts=[full_article("c.txt", published=date(2019, 12, 1))], force=True)
    assert graph.stats(driver, database) == st
    assert q(driver, database, "MATCH (:Person {name: '张三'})-[h:HELD]->() RETURN h.first_seen AS f, "
                               "h.last_seen AS l, h.mentions AS m") == [
        {"f": date(2019, 12, 1), "l": date(2020, 5, 1), "m": 3}]


def test_changed_page_replaces_its_content(empty_db):
    driver, database = empty_db
    write(driver, database, "a.txt", "h1")
    other = article("a.txt", 0, title="别的", persons=[Person("王五", [Title("市长", "株洲市人民政府", "市长")])],
                    events=[inspection(lead="王五", lead_title="市长", others=(), sites=("某某公司",), places=())])
    res = write(driver, database, "a.txt", "h2", arts=[other])
    assert res["replaced"]
    names = {r["n"] for r in q(driver, database, "MATCH (p:Person) RETURN p.name AS n")}
    assert names == {"王五"}                              # 张三, 李四, 温琳: orphans, removed
    assert {r["n"] for r in q(driver, database, "MATCH (o:Organization) RETURN o.name AS n")} == {
        "株洲市人民政府", "某某公司"}
    assert q(driver, database, "MATCH (n:Page) RETURN n.content_hash AS h") == [{"h": "h2"}]
    assert q(driver, database, "MATCH (a:Article) RETURN a.title AS t") == [{"t": "别的"}]


def test_a_failing_page_leaves_nothing(empty_db):
    driver, database = empty_db
    write(driver, database, "good.txt")
    st = graph.stats(driver, database)
    bad = full_article("bad.txt")
    bad.events[0].name = {"not": "storable"}   # a map property: the server rejects the event statement
    with pytest.raises(Exception):
        write(driver, database, "bad.txt", arts=[bad])
    assert graph.stats(driver, database) == st
    assert q(driver, database, "MATCH (p:Page {source: 'bad.txt'}) RETURN count(p) AS n") == [{"n": 0}]
    assert q(driver, database, "MATCH (a:Article {source: 'bad.txt'}) RETURN count(a) AS n") == [{"n": 0}]


def test_reset_deletes_everything(empty_db):
    driver, database = empty_db
    write(driver, database)
    deleted = graph.reset(driver, database, batch=2)
    assert deleted["Event"] == 2 and deleted["Article"] == 1
    assert q(driver, database, "MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


def test_page_rows_are_plain_data():
    rows = graph.page_rows("t1.txt", "h", DAY, OUTLET, [full_article()])
    assert rows["page"]["id"] == ids.page_id("t1.txt")
    ev = rows["events"][0]["props"]
    assert ev["id"] == ids.event_id(ids.article_id("t1.txt", 0, 200), "inspection", "张三", date(2020, 3, 6), 10, 40)
    # rows are lists of dicts of plain values (what the driver sends)
    def plain(v):
        if isinstance(v, dict):
            return all(isinstance(k, str) and plain(x) for k, x in v.items())
        if isinstance(v, list):
            return all(plain(x) for x in v)
        return v is None or isinstance(v, (str, int, float, bool, date))
    assert plain(rows)


def test_several_pages_in_one_transaction(empty_db):
    driver, database = empty_db
    write(driver, database, "a.txt", "h1")
    pages = [graph.page_rows(src, h, DAY, OUTLET, [full_article(src)]) for src, h in
             (("a.txt", "h1"), ("b.txt", "h1"), ("c.txt", "h1"))]
    res = graph.write_pages(driver, database, pages)
    assert [r["skipped"] for r in res] == [True, False, False]
    st = graph.stats(driver, database)
    graph.reset(driver, database)
    for src in ("a.txt", "b.txt", "c.txt"):
        write(driver, database, src, "h1", arts=[full_article(src)])
    assert graph.stats(driver, database) == st
    # a group with a page the server rejects: the whole transaction is rolled back
    bad = full_article("d.txt")
    bad.events[0].name = {"not": "storable"}
    rows = [graph.page_rows("e.txt", "h", DAY, OUTLET, [full_article("e.txt")]),
            graph.page_rows("d.txt", "h", DAY, OUTLET, [bad])]
    with pytest.raises(Exception):
        graph.write_pages(driver, database, rows)
    assert graph.stats(driver, database) == st
