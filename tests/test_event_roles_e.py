"""Inspection leads and sites, one test per class of real text (batch E of the real corpus), on invented
articles with invented names (loaders/events/*)."""
from datetime import date

from test_events import events

D = date(2025, 12, 12)


def leads(text, published=D):
    return sorted((e.lead, e.date) for e in events(text, "inspection", published=published))


def test_a_list_that_takes_part_in_a_study_visit_does_not_lead_it():
    text = ("12月9日至10日，甲省乙市市委副书记、市长王大成率党政代表团前来我市学习考察。"
            "乙市领导赵一山、钱二水、孙三木、周四火参加学习考察。")
    assert leads(text) == [("王大成", date(2025, 12, 9))]


def test_a_chronicle_month_heading_gives_its_month_to_the_day_entries():
    from loaders.dates import find_dates
    text = "某区政府大事记\n\n7月\n\n1日 区长林海主持召开常务会。\n\n2日 区长林海到某街道调研。\n\n12日 区长林海走访企业。"
    days = [m.date for m in find_dates(text, date(2021, 10, 11)) if m.precision == "day"]
    assert days == [date(2021, 7, 1), date(2021, 7, 2), date(2021, 7, 12)]


def test_a_day_after_a_month_of_years_ago_still_takes_the_issue_month():
    from loaders.dates import find_dates
    text = "2003年11月，某厂建成投产。9日至16日，区长林海到某厂调研。"
    days = [m.date for m in find_dates(text, date(2021, 10, 20)) if m.precision == "day"]
    assert days == [date(2021, 10, 9)]


def test_each_site_of_a_list_examined_is_a_site():
    text = ("5月10日，市政府秘书长林海一行先后对经济开发区某某新材有限公司、某某产业基地某某飞机制造项目"
            "进行了实地调研。")
    (ev,) = events(text, "inspection", published=D)
    assert [s.name for s in ev.sites] == ["经济开发区某某新材有限公司", "某某产业基地某某飞机制造项目"]
    (ev,) = events("5月10日，市长林海对防汛、安全生产工作进行了检查。", "inspection", published=D)
    assert ev.sites == []


def test_an_on_site_dispatch_is_a_visit_and_each_key_project_site_is_no_site():
    text = ("7月2日，某县县委书记林海实地调度重大项目建设工作，县委副书记王平参加。"
            "在某县各重点项目建设现场，一派繁忙景象。林海先后来到某某纺织工厂、某某禽业三期等项目建设现场。")
    (ev,) = events(text, "inspection", published=D)
    assert ev.lead == "林海" and [s.name for s in ev.sites] == ["某某纺织工厂", "某某禽业三期"]


def test_a_verb_of_visiting_after_a_post_is_no_name():
    from test_events import art
    from loaders.extract import extract_facts
    facts = extract_facts(art("7月19日，课题组与某县机关干部座谈，了解当地情况。"))
    assert [p.name for p in facts.persons] == []


def test_a_given_name_may_end_in_zhang_unless_the_end_is_a_post():
    from test_events import art
    from loaders.extract import extract_facts
    facts = extract_facts(art("全国人大常委会委员、副主任委员姜兴长，副主任委员汪一夫出席。"))
    assert "姜兴长" in [p.name for p in facts.persons]
    facts = extract_facts(art("王科长和李处长出席会议。"))
    assert [p.name for p in facts.persons] == []


def test_a_themed_small_town_is_a_site_not_a_township():
    text = "1月2日，省长林海在某县调研。来到某某天文小镇，林海仔细询问规划建设情况，走进天文科普场馆参观。"
    (ev,) = events(text, "inspection", published=D)
    assert [s.name for s in ev.sites] == ["某某天文小镇"]


def test_a_paragraph_opening_with_a_topic_of_building_is_no_site():
    text = ("1月2日，省长林海在某县调研。\n现代化产业体系建设是高质量发展的重要任务。林海来到某某酒厂，"
            "走进生产车间。")
    (ev,) = events(text, "inspection", published=D)
    assert [s.name for s in ev.sites] == ["某某酒厂"]


def test_lin_lin_takes_the_visitor_to_a_site_or_to_an_area():
    text = "11月3日下午，某区副主席林海一行莅临某某所某某风电整机制造基地调研指导工作。"
    (ev,) = events(text, "inspection", published=D)
    assert [s.name for s in ev.sites] == ["某某所某某风电整机制造基地"]
    text = "8月24日，副区长林海一行莅临某县某某镇开展交流考察工作。林海一行参观了某某镇卫生院。"
    (ev,) = events(text, "inspection", published=D)
    assert [s.name for s in ev.sites] == ["某某镇卫生院"]


def test_a_group_without_a_head_is_led_by_the_first_of_the_opening_list_that_joins_the_visit():
    text = ("7月15日至16日，省委党校专家赴某县开展乡村振兴调研。省委党校副校长、驻村工作队队长林海，"
            "专家组王平、赵一山参加调研或座谈。\n16日上午调研组一行先后到某某乡某某村、某某水库调研。")
    assert [e.lead for e in events(text, "inspection", published=D)] == ["林海"]
    text = ("7月25日，某市督察组来某县，对安全生产工作进行督查。县领导林海、王平参加活动。\n"
            "督察组一行先后到某某公司、某某油库检查。")
    assert [e.lead for e in events(text, "inspection", published=D)] == []


def test_unnamed_building_sites_shops_and_estates_are_no_sites():
    text = ("5月1日，市长林海深入建筑施工工地、企业生产车间和商场超市、住宅小区，看望慰问坚守岗位的干部职工。")
    (ev,) = events(text, "inspection", published=D)
    assert ev.sites == []


def test_a_meeting_about_a_spirit_is_a_meeting_when_its_kind_follows():
    text = "7月6日，某区召开区级领导干部学习贯彻某某重要讲话精神研讨交流会。区委书记林海主持并讲话。"
    assert [(e.name, e.date) for e in events(text, "meeting", published=D)] == \
        [("区级领导干部学习贯彻某某重要讲话精神研讨交流会", date(2025, 7, 6))]
    text = "7月6日，区委书记林海主持召开常委会，传达学习全会精神。"
    assert all("精神" not in (e.name or "") for e in events(text, "meeting", published=D))


def test_a_meeting_with_partners_named_before_its_kind():
    text = ("11月3日下午，副主席林海一行来到某某基地调研。随后，林海在与某某所、某某电力控股有限公司"
            "（简称：某某电力）的座谈会上指出，要加快发展。")
    assert [(e.name, e.date) for e in events(text, "meeting", published=D)] == [("座谈会", date(2025, 11, 3))]


def test_a_principal_and_a_deputy_written_right_before_the_verb_of_leading_one_leads():
    text = "5月1日，市委副书记、市长林海，副市长王平带领市直有关部门负责同志深入某某公司，看望慰问职工。"
    assert leads(text) == [("林海", date(2025, 5, 1))]
    text = "5月1日，市委副书记、市长林海，副市长王平共同带领市直有关部门负责同志深入某某公司，看望慰问职工。"
    assert leads(text) == [("林海", date(2025, 5, 1)), ("王平", date(2025, 5, 1))]
    text = "5月1日，市长林海，副市长王平深入某某公司，看望慰问职工。"
    assert leads(text) == [("林海", date(2025, 5, 1))]
