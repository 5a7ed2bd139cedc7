"""Who leads a visit, in the shapes real papers write (loaders/events/subjects.py, inspections.py), on
invented articles."""
from datetime import date

from test_event_roles import leads


def test_hearing_a_report_is_no_reporting_verb():
    text = ("15日至16日，县人大常委会副主任林海涛率组深入到某镇、某乡，采取听汇报、实地查看、查阅资料等方式，"
            "检查某条例的贯彻情况。")
    assert leads(text, published=date(2021, 5, 20)) == [("林海涛", date(2021, 5, 15))]


def test_a_preposition_inside_a_title_is_none():
    text = ("5月11日，州长、州应对疫情应急指挥部指挥长林海涛到州疾控中心、某县某镇，看望慰问一线工作人员。")
    assert leads(text) == [("林海涛", date(2021, 5, 11))]
    # 与副县长X共同走访: X is the partner, not the lead
    text = "5月11日，第四工作组在某村与某县人民政府副县长王平安一行共同入户走访。"
    assert leads(text) == []


def test_names_listed_before_the_verb_of_leading_first_leads_unless_the_text_says_both():
    # co-leads only where the text says so (分别, 共同 …): the first named leads, the others come along
    text = "5月11日下午，某镇党委书记林海涛、副镇长王平安带队开展防汛巡查。"
    assert leads(text) == [("林海涛", date(2021, 5, 11))]
    [ev] = events_of(text)
    assert ("王平安", "accompanying") in [(p.name, p.role) for p in ev.participants]
    text = "5月11日下午，某镇党委书记林海涛、副镇长王平安分别带队开展防汛巡查。"
    assert leads(text) == [("林海涛", date(2021, 5, 11)), ("王平安", date(2021, 5, 11))]
    # 部长A、副部长B … 调研 without a verb of leading: B comes along
    text = "5月11日，市委组织部部长林海涛、副部长王平安到某县调研。"
    assert leads(text) == [("林海涛", date(2021, 5, 11))]


def test_the_one_named_after_while_inspecting_leads():
    text = "5月11日，县委书记林海涛深入某河口、某乡等防汛重点部位。在某河口检查时，林海涛详细了解水位情况。"
    assert leads(text) == [("林海涛", date(2021, 5, 11))]


def test_hosts_of_a_group_are_no_leads():
    text = ("5月11日，以某大学教授周立新为组长的课题调研组来到我市调研。"
            "市委书记林海涛，市长王平安亲切看望了调研组一行。")
    assert leads(text) == [("周立新", date(2021, 5, 11))]
    text = "5月11日至13日，某地委员考察团到我省考察。省委书记林海涛，省长王平安参加有关活动。"
    assert leads(text) == []


def test_a_verb_inside_a_meetings_name_is_no_visit():
    text = "5月11日，副省长林海涛主持召开安全生产大检查工作汇报会。"
    assert leads(text) == []


def test_what_a_meeting_said_reports_no_visit():
    text = ("5月11日，县委理论学习中心组召开学习会。县委书记林海涛主持。"
            "会议强调，要深刻认识总书记周立新视察某省的重要意义。")
    assert leads(text) == []


def test_a_post_of_several_is_no_holder():
    text = ("5月11日，市委书记林海涛会见了客人。这两天，某省、某省两省省委书记又分别率团来到我市考察。")
    assert leads(text) == []


def test_a_visit_in_a_page_of_unknown_date_is_kept_undated():
    from test_events import events
    text = "近日，市委书记林海涛在各县区深入调研重点工作。在某区，林海涛察看某村文旅示范点。"
    [ev] = events(text, "inspection", published=None)
    assert (ev.lead, ev.date) == ("林海涛", None)
    # with an issue date the visit has its day as before
    assert [e.date is not None for e in events(text, "inspection", published=date(2021, 5, 12))] == [True]


def test_a_chronicle_that_writes_no_year_takes_none_from_the_issue_date():
    from test_events import art
    from loaders.extract import extract_facts
    text = "●4月2日，旗长林海涛主持召开某工作领导小组第二次会议。\n●4月14日，副旗长王平安深入某村调研。"
    a = art(text, published=date(2024, 9, 11))
    a.title = "某旗人民政府大事记"
    evs = extract_facts(a).events
    assert sorted((e.type, e.date, e.date_precision) for e in evs) == [
        ("inspection", None, "year_unknown"), ("meeting", None, "year_unknown")]
    # a chronicle with its year in the title keeps the issue date's help
    a = art(text, published=date(2024, 9, 11))
    a.title = "2024年4月某旗大事记"
    assert sorted(e.date for e in extract_facts(a).events) == [date(2024, 4, 2), date(2024, 4, 14)]


def test_a_part_of_the_day_opening_a_sentence_is_of_the_day_before():
    text = "本报讯 昨日是入冬以来最冷的一天。\n上午，市委常委、副市长林海涛带领有关部门负责人到某县督查抗旱工作。"
    assert leads(text, published=date(2021, 1, 13)) == [("林海涛", date(2021, 1, 12))]


def test_a_deputys_post_before_a_name_is_no_bare_post():
    text = ("5月11日下午，某市政协党组副书记、副主席林海涛一行陪同某区工商联考察组来某镇考察。"
            "镇党委书记王平安和镇长周立新陪同。")
    assert "王平安" not in [lead for lead, _ in leads(text)]


def test_a_check_from_afar_and_a_report_on_a_research_topic_are_no_visits():
    assert leads("5月11日，市委书记林海涛在市应急指挥中心视频连线某县，检查防汛工作。") == []
    assert leads("5月11日，市政协副主席林海涛听取了关于某调研课题的调研报告。") == []
    # a visit after the link is still one
    assert leads("5月11日，市委书记林海涛到某县调研防汛工作。") == [("林海涛", date(2021, 5, 11))]


def test_the_one_accompanied_leads():
    text = "5月11日，副市长王平安陪同省委书记林海涛到某镇调研。"
    [ev] = events_of(text)
    assert ev.lead == "林海涛" and [(p.name, p.role) for p in ev.participants] == [
        ("林海涛", "lead"), ("王平安", "accompanying")]


def events_of(text):
    from test_events import events
    return events(text, "inspection", published=date(2021, 5, 12))


def test_one_said_to_come_along_does_not_lead_later_that_day():
    text = ("5月11日，县委书记林海涛实地调研疫情防控工作。县委副书记、县长王平安参加活动。\n"
            "林海涛、王平安先后到县人民医院、某超市等地，察看防控措施落实情况。")
    assert leads(text) == [("林海涛", date(2021, 5, 11))]
    # on another day the one who came along may lead a trip of their own
    text += "\n5月12日，县长王平安到某镇检查防汛工作。"
    assert leads(text, published=date(2021, 5, 13)) == [("林海涛", date(2021, 5, 11)), ("王平安", date(2021, 5, 12))]


def test_the_head_of_a_group_named_as_its_leader_leads():
    text = "5月11日，以省人大常委会副主任林海涛为组长的省考核组到我县检查。县委书记王平安陪同。"
    assert leads(text) == [("林海涛", date(2021, 5, 11))]
