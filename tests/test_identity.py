"""The person identity rule (kb.ids.person_scope): the same name in overlapping organisation/region
scope is one person; the same name in another region stays apart. Both sides, in ids and in the graph."""
from __future__ import annotations

from datetime import date

import pytest

from kb import graph, ids
from loaders.models import Participant, Person, Title

from test_graph_model import DAY, OUTLET, article, inspection, q


def scope_of(*orgs, outlet=OUTLET):
    return ids.person_scope(list(orgs), outlet)


# ------------------------------------------------------------------ the rule, without a server

def test_overlapping_scopes_are_one_person():
    city = scope_of("株洲市委")
    assert city == "430200"
    assert scope_of("株洲市人民政府") == city              # the city's government and its party committee
    assert scope_of("石峰区委") == city                    # a district of the city
    assert scope_of("醴陵市人民政府") == city              # a county-level city of the prefecture
    assert scope_of() == city                              # no title: the outlet's region (株洲日报 → 株洲市)
    assert scope_of("市委") == city                        # a relative name: the outlet's region
    assert ids.person_id("张三", scope_of("株洲市委")) == ids.person_id("张 三", scope_of("石峰区委"))


def test_other_regions_stay_apart():
    assert scope_of("长沙市委") == "430100"
    assert scope_of("湖南省委") == "430000"                 # province-level posts: their own scope
    assert ids.person_id("张三", scope_of("株洲市委")) != ids.person_id("张三", scope_of("长沙市委"))
    assert ids.person_id("张三", scope_of(outlet="长沙晚报")) != ids.person_id("张三", scope_of())


def test_unknown_outlet_scopes_by_its_name():
    assert scope_of(outlet="某某报") == "?某某报"
    assert ids.outlet_scope(None) == "?"


def test_ids_are_stable_and_typed():
    a = ids.article_id("p.txt", 0, 10)
    assert a == ids.article_id("p.txt", 0, 10) and a.startswith("art:")
    assert ids.article_id("p.txt", 0, 11) != a and ids.article_id("q.txt", 0, 10) != a
    e = ids.event_id(a, "inspection", "张三", date(2020, 3, 6), 1, 5)
    assert e == ids.event_id(a, "inspection", " 张三 ", date(2020, 3, 6), 1, 5) and e.startswith("evt:")
    assert e != ids.event_id(a, "inspection", "张三", date(2020, 3, 7), 1, 5)
    assert ids.place_id("株洲市石峰区", "430204") == ids.place_id("石峰区", "430204") == "place:430204"
    assert ids.place_id("新村", None, "430200") != ids.place_id("新村", None, "430100")


# ------------------------------------------------------------------ the rule in the graph

def _page(source, start, name, org, title, post):
    person = Person(name, [Title(title, org, post)], "official")
    ev = inspection(lead=name, lead_title=title, others=(), sites=("某某公司",), places=())
    return article(source, start, title=f"{name}调研", persons=[person], events=[ev])


@pytest.mark.neo4j
def test_same_name_same_region_is_one_node(empty_db):
    driver, database = empty_db
    graph.write_page(driver, database, "a.txt", "ha", DAY, OUTLET, [_page("a.txt", 0, "张三", "株洲市委", "市委书记", "书记")])
    graph.write_page(driver, database, "b.txt", "hb", DAY, OUTLET,
                     [_page("b.txt", 0, "张三", "株洲市石峰区委", "石峰区委书记", "书记")])
    # a byline-free, title-free mention in the city paper: the outlet's region
    bare = article("c.txt", 0, title="张三看望群众",
                   events=[inspection(lead="张三", lead_title="", others=(), sites=("某某社区",), places=())])
    bare.events[0].participants = [Participant("张三", "lead", [])]
    graph.write_page(driver, database, "c.txt", "hc", DAY, OUTLET, [bare])
    rows = q(driver, database, "MATCH (p:Person {name: '张三'}) "
                               "RETURN p.id AS id, p.scope AS scope, p.scope_name AS sn, "
                               "COUNT { (p)-[:PARTICIPATED_IN]->() } AS events, COUNT { (p)-[:HELD]->() } AS posts")
    assert len(rows) == 1
    assert rows[0]["scope"] == "430200" and rows[0]["sn"] == "株洲市"
    assert rows[0]["events"] == 3 and rows[0]["posts"] == 2


@pytest.mark.neo4j
def test_same_name_other_region_stays_apart(empty_db):
    driver, database = empty_db
    graph.write_page(driver, database, "a.txt", "ha", DAY, OUTLET, [_page("a.txt", 0, "张三", "株洲市委", "市委书记", "书记")])
    graph.write_page(driver, database, "b.txt", "hb", DAY, OUTLET,
                     [_page("b.txt", 0, "张三", "长沙市人民政府", "长沙市副市长", "副市长")])
    rows = q(driver, database, "MATCH (p:Person {name: '张三'})-[:HELD]->(o:Organization) "
                               "RETURN p.scope AS scope, o.name AS org ORDER BY scope")
    assert rows == [{"scope": "430100", "org": "长沙市人民政府"}, {"scope": "430200", "org": "株洲市委"}]
