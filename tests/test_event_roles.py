"""Who leads a visit and which verbs are no visit at all (loaders/events/inspections.py, subjects.py),
on invented articles."""
from datetime import date

from test_events import events

D = date(2021, 5, 12)


def leads(text, **kw):
    return sorted((e.lead, e.date) for e in events(text, "inspection", published=kw.pop("published", D), **kw))


def test_a_visit_referred_to_is_not_a_visit():
    text = ("5月11日，县委理论学习中心组召开学习会，传达学习省委书记周立新在某县调研时的讲话精神，"
            "学习总书记视察某省重要讲话重要指示精神。县委书记林海主持。")
    assert leads(text) == []


def test_an_earlier_visits_decisions_checked_by_a_named_head():
    text = ("5月11日，省委督查室副主任林海率省直相关部门负责人，深入某县某镇对省委书记周立新在某村调研时明确"
            "事项的落实情况进行督促检查。检查中，督查组一行先后深入某村古街、某中学等地就省委书记周立新"
            "在某村调研时明确的事项进行了现场督促检查。")
    assert leads(text) == [("林海", date(2021, 5, 11))]


def test_hosts_of_a_visiting_group_are_not_leads():
    text = ("5月11日，某市市委书记林海、市长王平率党政代表团到我市考察。"
            "市委书记周立新代表市委、市政府对某市考察团的到来表示欢迎。"
            "市委书记周立新、市长陈东与考察团一行就深化合作进行座谈。")
    # the delegation's first head leads (one lead per visit); the hosts lead nothing
    assert leads(text) == [("林海", date(2021, 5, 11))]


def test_under_someones_guidance_is_not_a_visit():
    text = ("5月11日，自治区主席林海深入某镇产业园、企业和村组专题调研。"
            "在总书记周立新亲自指导、亲切关怀下，某镇经济活力持续增强。")
    assert leads(text) == [("林海", date(2021, 5, 11))]


def test_a_day_inside_a_dated_trip_is_that_trip():
    text = ("5月10日至11日，省委常委、宣传部部长林海赴某市调研。"
            "林海先后来到某区融媒体中心、某县图书馆调研。11日上午，林海主持召开县级融媒体中心建设调研座谈会。")
    [ev] = events(text, "inspection", published=D)
    assert (ev.lead, ev.date, ev.end_date) == ("林海", date(2021, 5, 10), date(2021, 5, 11))


def test_an_undated_sentence_adds_to_the_leads_visit():
    text = ("从5月15日开始，某市进入主汛期。5月11日上午，副市长、市防汛指挥部总指挥林海带领有关部门负责人来到某客运中心、某积水点改造工程现场，"
            "检查防汛准备工作。\n林海在检查后指出，要对薄弱环节再一次进行全面认真的检查。")
    assert leads(text, published=date(2021, 5, 13)) == [("林海", date(2021, 5, 11))]


def test_a_deputy_head_of_the_group_comes_along():
    text = ("5月11日至12日，以省委常委、省纪委书记林海涛为组长，省政协副主席、省工商联主席王平安为副组长的"
            "省委督查组来我市，专项督促检查某项意见贯彻落实情况。")
    assert leads(text) == [("林海涛", date(2021, 5, 11))]
