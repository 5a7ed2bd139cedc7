"""A small hand-built graph for the timeline and query tests (names are made up).

It follows the model in the header of ``cypher/schema.cypher`` exactly and is written with plain
parameterised Cypher, so the report tests do not depend on the extraction stage.

Two pages of the made-up 江城日报:
* p1.txt (2020-03-08): 王建国 (市委书记, 市人大常委会主任) inspects three sites in 东湖区 on 03-06,
  accompanied by 赵丽; 李明华 (市委副书记, 市长) inspects two companies in 西山县 on 03-07; 李明华 chairs
  a meeting on 03-06 that 王建国 and 陈志强 attend.
* p2.txt (2020-02-01): 李明华 inspects two traffic checkpoints on 01-31 accompanied by 陈志强;
  王建国 inspects 西山县 on 02-03 … 02-04 (two days, an announced trip reported early).
"""
from __future__ import annotations

from datetime import date

D = date.fromisoformat

PLACES = [
    # id, name, code, level, parent id
    ("place:1", "江城市", "439900", "city", None),
    ("place:2", "江城市东湖区", "439902", "county", "place:1"),
    ("place:3", "西山县", "439921", "county", "place:1"),
    ("place:4", "东湖区花园街道", None, "town", "place:2"),
]

ORGS = [
    # id, name, kind, located in (place id)
    ("org:1", "江城市委", "party", "place:1"),
    ("org:2", "江城市人大常委会", "government", "place:1"),
    ("org:3", "江城市人民政府", "government", "place:1"),
    ("org:4", "花园社区", "community", "place:4"),
    ("org:5", "江城宾馆", "company", "place:2"),
    ("org:6", "江城机械制造有限公司", "company", "place:3"),
    ("org:7", "西山电子科技有限公司", "company", "place:3"),
    ("org:8", "西山县人民医院", "hospital", "place:3"),
    ("org:9", "东湖区委", "party", "place:2"),
]

PERSONS = [
    ("per:1", "王建国"), ("per:2", "李明华"), ("per:3", "陈志强"), ("per:4", "赵丽"),
    ("per:5", "刘记者"),
]

HELD = [
    # person, org, post, title, first_seen, last_seen, article ids
    ("per:1", "org:1", "书记", "市委书记", "2020-02-01", "2020-03-08", ["art:1", "art:3"]),
    ("per:1", "org:2", "主任", "市人大常委会主任", "2020-03-08", "2020-03-08", ["art:1"]),
    ("per:2", "org:1", "副书记", "市委副书记", "2020-02-01", "2020-03-08", ["art:2", "art:4"]),
    ("per:2", "org:3", "市长", "市长", "2020-02-01", "2020-03-08", ["art:2", "art:4"]),
    ("per:3", "org:3", "副市长", "副市长", "2020-02-01", "2020-03-08", ["art:4", "art:2"]),
    ("per:4", "org:9", "书记", "东湖区委书记", "2020-03-08", "2020-03-08", ["art:1"]),
]

PAGES = [
    ("page:1", "p1.txt", "h1", "2020-03-08", "江城日报"),
    ("page:2", "p2.txt", "h2", "2020-02-01", "江城日报"),
]

ARTICLES = [
    # id, page, title, kicker, subtitle, published, source, start, end
    ("art:1", "page:1", "王建国到东湖区督导疫情防控", None, "压实责任 守住防线", "2020-03-08", "p1.txt", 0, 900),
    ("art:2", "page:1", "李明华调研企业复工复产", "精准施策", None, "2020-03-08", "p1.txt", 900, 1800),
    ("art:3", "page:2", "王建国赴西山县考察", None, None, "2020-02-01", "p2.txt", 0, 500),
    ("art:4", "page:2", "李明华检查交通卡点防控", None, None, "2020-02-01", "p2.txt", 500, 1200),
]

EVENTS = [
    {"id": "evt:1", "article": "art:1", "type": "inspection", "trigger": "督导", "date": "2020-03-06",
     "end_date": None, "date_precision": "day", "name": None, "summary": "王建国督导东湖区疫情防控",
     "evidence": "3月6日，市委书记王建国来到东湖区花园社区督导疫情防控工作。", "evidence_start": 40, "evidence_end": 72,
     "lead": "per:1", "accompanying": ["per:4"], "in": ["place:2"],
     "sites": [("东湖区花园社区", "org:4"), ("江城商场值守点", None), ("江城宾馆", "org:5")]},
    {"id": "evt:2", "article": "art:2", "type": "inspection", "trigger": "调研", "date": "2020-03-07",
     "end_date": None, "date_precision": "day", "name": None, "summary": "李明华调研西山县企业复工",
     "evidence": "3月7日，市长李明华到西山县调研企业复工复产。", "evidence_start": 950, "evidence_end": 975,
     "lead": "per:2", "accompanying": [], "in": ["place:3"],
     "sites": [("江城机械制造有限公司", "org:6"), ("西山电子科技有限公司", "org:7")]},
    {"id": "evt:3", "article": "art:2", "type": "meeting", "trigger": "主持召开", "date": "2020-03-06",
     "end_date": None, "date_precision": "day", "name": "疫情防控工作调度会", "summary": None,
     "evidence": "3月6日，李明华主持召开疫情防控工作调度会，王建国、陈志强出席。", "evidence_start": 1500, "evidence_end": 1530,
     "chair": "per:2", "attendees": ["per:1", "per:3"], "in": [], "sites": []},
    {"id": "evt:4", "article": "art:4", "type": "inspection", "trigger": "检查", "date": "2020-01-31",
     "end_date": None, "date_precision": "day", "name": None, "summary": "李明华检查交通卡点",
     "evidence": "1月31日，市长李明华检查高铁江城西站和江城西高速出口防控工作，副市长陈志强参加。",
     "evidence_start": 520, "evidence_end": 565,
     "lead": "per:2", "accompanying": ["per:3"], "in": [],
     "sites": [("高铁江城西站", None), ("江城西高速出口", None)]},
    {"id": "evt:5", "article": "art:3", "type": "inspection", "trigger": "考察", "date": "2020-02-03",
     "end_date": "2020-02-04", "date_precision": "day", "name": None, "summary": "王建国考察西山县",
     "evidence": "2月3日至4日，王建国赴西山县考察，先后来到西山县人民医院、青石街道青石社区。",
     "evidence_start": 30, "evidence_end": 70,
     "lead": "per:1", "accompanying": [], "in": ["place:3"],
     "sites": [("西山县人民医院", "org:8"), ("青石街道青石社区", None)]},
]

WROTE = [("per:5", "art:1", "reporter", "2020-03-08")]


def build(driver, database: str) -> None:
    """Write the graph (the database should be empty: see the ``empty_db`` fixture)."""
    def w(q, **p):
        driver.execute_query(q, p, database_=database, routing_="w")

    w("""UNWIND $rows AS r
         MERGE (p:Place {id: r[0]}) SET p.name = r[1], p.code = r[2], p.level = r[3]""", rows=PLACES)
    w("""UNWIND $rows AS r WITH r WHERE r[4] IS NOT NULL
         MATCH (c:Place {id: r[0]}), (p:Place {id: r[4]}) MERGE (c)-[:PART_OF]->(p)""", rows=PLACES)
    w("""UNWIND $rows AS r
         MERGE (o:Organization {id: r[0]}) SET o.name = r[1], o.kind = r[2], o.aliases = []
         WITH o, r MATCH (p:Place {id: r[3]}) MERGE (o)-[:LOCATED_IN]->(p)""", rows=ORGS)
    w("""UNWIND $rows AS r MERGE (p:Person {id: r[0]}) SET p.name = r[1], p.scope = '439900'""", rows=PERSONS)
    w("""UNWIND $rows AS r
         MATCH (p:Person {id: r[0]}), (o:Organization {id: r[1]})
         MERGE (p)-[h:HELD {title: r[3]}]->(o)
         SET h.post = r[2], h.first_seen = date(r[4]), h.last_seen = date(r[5]), h.article_ids = r[6]""",
      rows=HELD)
    w("""UNWIND $rows AS r
         MERGE (g:Page {id: r[0]}) SET g.source = r[1], g.content_hash = r[2], g.published = date(r[3]),
                                       g.outlet = r[4]""", rows=PAGES)
    w("""UNWIND $rows AS r
         MERGE (a:Article {id: r[0]})
         SET a.title = r[2], a.kicker = r[3], a.subtitle = r[4], a.published = date(r[5]),
             a.published_inferred = false, a.source = r[6], a.outlet = '江城日报', a.start = r[7], a.end = r[8]
         WITH a, r MATCH (g:Page {id: r[1]}) MERGE (g)-[:CONTAINS]->(a)""", rows=ARTICLES)
    for e in EVENTS:
        w("""MATCH (a:Article {id: $e.article})
             MERGE (ev:Event {id: $e.id})
             SET ev.type = $e.type, ev.trigger = $e.trigger, ev.date = date($e.date),
                 ev.end_date = date($e.end_date), ev.date_precision = $e.date_precision, ev.name = $e.name,
                 ev.summary = $e.summary, ev.planned = false, ev.evidence = $e.evidence,
                 ev.evidence_start = $e.evidence_start, ev.evidence_end = $e.evidence_end
             MERGE (a)-[r:REPORTS]->(ev) SET r.date = ev.date, r.article_id = a.id""", e=e)
        roles = []
        if e.get("lead"):
            roles.append((e["lead"], "lead"))
        if e.get("chair"):
            roles.append((e["chair"], "chair"))
        roles += [(p, "accompanying") for p in e.get("accompanying", [])]
        roles += [(p, "attendee") for p in e.get("attendees", [])]
        w("""UNWIND $roles AS r MATCH (p:Person {id: r[0]}), (ev:Event {id: $id})
             MERGE (p)-[x:PARTICIPATED_IN]->(ev) SET x.role = r[1], x.date = ev.date, x.article_id = $art""",
          roles=roles, id=e["id"], art=e["article"])
        w("""UNWIND $places AS pid MATCH (pl:Place {id: pid}), (ev:Event {id: $id})
             MERGE (ev)-[x:IN]->(pl) SET x.date = ev.date, x.article_id = $art""",
          places=e["in"], id=e["id"], art=e["article"])
        sites = [{"name": n, "org": o, "order": i + 1, "sid": o or f"org:site:{e['id']}:{i + 1}"}
                 for i, (n, o) in enumerate(e["sites"])]
        w("""UNWIND $sites AS s MATCH (ev:Event {id: $id})
             MERGE (o:Organization {id: s.sid}) ON CREATE SET o.name = s.name, o.aliases = [], o.kind = 'other'
             MERGE (ev)-[v:VISITED {order: s.order}]->(o)
             SET v.date = ev.date, v.name = s.name, v.article_id = $art""",
          sites=sites, id=e["id"], art=e["article"])
    w("""UNWIND $rows AS r MATCH (p:Person {id: r[0]}), (a:Article {id: r[1]})
         MERGE (p)-[x:WROTE]->(a) SET x.role = r[2], x.date = date(r[3]), x.article_id = a.id""", rows=WROTE)


# ---------------------------------------------------------------- the same pages through kb.graph.write_page

def extracted_pages():
    """The two pages above as hand-made ``ExtractedArticle``s: [(source, hash, published, outlet, articles)]."""
    from loaders.models import (Article, Byline, Event, Evidence, ExtractedArticle, Organization, Participant,
                                Person, Place, Site, Title)

    outlet = "江城日报"

    def article(source, start, end, published, title, kicker=None, subtitle=None, bylines=()):
        return Article(source=source, start=start, end=end, published=D(published), published_inferred=False,
                       published_basis="manifest", outlet=outlet, kicker=kicker, title=title, subtitle=subtitle,
                       reporters=[b.name for b in bylines if b.role == "reporter"], correspondents=[],
                       dateline="江城日报讯", reprint_source=None, text="", char_map=[], bylines=list(bylines))

    def ev(sentence, start):
        return Evidence(sentence, start, start + len(sentence))

    wang = lambda *t: Person("王建国", titles=list(t), role="official")          # noqa: E731
    li = lambda *t: Person("李明华", titles=list(t), role="official")            # noqa: E731
    t_secretary = Title("市委书记", "江城市委", "书记")
    t_npc = Title("市人大常委会主任", "江城市人大常委会", "主任")
    t_deputy = Title("市委副书记", "江城市委", "副书记")
    t_mayor = Title("市长", "江城市人民政府", "市长")
    t_vice = Title("副市长", "江城市人民政府", "副市长")
    city = Place("江城市", level="city")
    donghu = Place("江城市东湖区", level="county", parent="江城市", aliases=["东湖区"])
    xishan = Place("西山县", level="county", parent="江城市")

    e1 = "3月6日，市委书记王建国来到东湖区花园社区督导疫情防控工作。"
    a1 = ExtractedArticle(
        article=article("p1.txt", 0, 900, "2020-03-08", "王建国到东湖区督导疫情防控", subtitle="压实责任 守住防线",
                        bylines=[Byline("刘记者", "江城日报记者", "reporter", 5, 8)]),
        persons=[wang(t_secretary, t_npc), Person("赵丽", [Title("东湖区委书记", "东湖区委", "书记")], "official")],
        organizations=[Organization("花园社区", kind="community", place="江城市东湖区"),
                       Organization("江城宾馆", kind="company", place="江城市东湖区")],
        places=[city, donghu],
        events=[Event("inspection", "督导", D("2020-03-06"), None, "day", lead="王建国",
                      participants=[Participant("王建国", "lead"), Participant("赵丽", "accompanying")],
                      sites=[Site("东湖区花园社区", 1), Site("江城商场值守点", 2), Site("江城宾馆", 3)],
                      places=["江城市东湖区"], summary="王建国督导东湖区疫情防控", evidence=ev(e1, 40))])
    e2 = "3月7日，市长李明华到西山县调研企业复工复产。"
    e3 = "3月6日，李明华主持召开疫情防控工作调度会，王建国、陈志强出席。"
    a2 = ExtractedArticle(
        article=article("p1.txt", 900, 1800, "2020-03-08", "李明华调研企业复工复产", kicker="精准施策"),
        persons=[li(t_deputy, t_mayor), wang(), Person("陈志强", [t_vice], "official")],
        organizations=[Organization("江城机械制造有限公司", kind="company", place="西山县"),
                       Organization("西山电子科技有限公司", kind="company", place="西山县")],
        places=[city, xishan],
        events=[Event("inspection", "调研", D("2020-03-07"), None, "day", lead="李明华",
                      participants=[Participant("李明华", "lead")],
                      sites=[Site("江城机械制造有限公司", 1), Site("西山电子科技有限公司", 2)],
                      places=["西山县"], summary="李明华调研西山县企业复工", evidence=ev(e2, 950)),
                Event("meeting", "主持召开", D("2020-03-06"), None, "day", name="疫情防控工作调度会", lead="李明华",
                      participants=[Participant("李明华", "chair"), Participant("王建国", "attendee"),
                                    Participant("陈志强", "attendee")], evidence=ev(e3, 1500))])
    e5 = "2月3日至4日，王建国赴西山县考察，先后来到西山县人民医院、青石街道青石社区。"
    a3 = ExtractedArticle(
        article=article("p2.txt", 0, 500, "2020-02-01", "王建国赴西山县考察"),
        persons=[wang(t_secretary)],
        organizations=[Organization("西山县人民医院", kind="hospital", place="西山县")],
        places=[city, xishan],
        events=[Event("inspection", "考察", D("2020-02-03"), D("2020-02-04"), "day", lead="王建国",
                      participants=[Participant("王建国", "lead")],
                      sites=[Site("西山县人民医院", 1), Site("青石街道青石社区", 2)],
                      places=["西山县"], summary="王建国考察西山县", evidence=ev(e5, 30))])
    e4 = "1月31日，市长李明华检查高铁江城西站和江城西高速出口防控工作，副市长陈志强参加。"
    a4 = ExtractedArticle(
        article=article("p2.txt", 500, 1200, "2020-02-01", "李明华检查交通卡点防控"),
        persons=[li(t_deputy, t_mayor), Person("陈志强", [t_vice], "official")],
        events=[Event("inspection", "检查", D("2020-01-31"), None, "day", lead="李明华",
                      participants=[Participant("李明华", "lead"), Participant("陈志强", "accompanying")],
                      sites=[Site("高铁江城西站", 1), Site("江城西高速出口", 2)],
                      summary="李明华检查交通卡点", evidence=ev(e4, 520))])
    return [("p1.txt", "h1", D("2020-03-08"), outlet, [a1, a2]),
            ("p2.txt", "h2", D("2020-02-01"), outlet, [a3, a4])]


def load(driver, database: str) -> None:
    """Write :func:`extracted_pages` with the graph writer (``kb.graph.write_page``)."""
    from kb import graph

    for source, h, published, outlet, articles in extracted_pages():
        graph.write_page(driver, database, source, h, published, outlet, articles)
