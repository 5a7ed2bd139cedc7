"""Persons, titles and inspection leads, one test per class of real text (batch F of the real corpus), on
invented articles with invented names (loaders/mentions/*, loaders/events/*)."""
from datetime import date

from loaders.extract import extract_facts
from test_events import art, events


def persons(text, published=date(2024, 5, 6)):
    return {p.name: [t.text for t in p.titles] for p in extract_facts(art(text, published=published)).persons}


def test_lou_is_a_surname():
    assert "楼海生" in persons("5月3日，省委书记楼海生到某县调研。")


def test_a_leading_group_and_its_cadres_is_no_name():
    got = persons("该县提高领导班子和领导执政能力。县委书记林海主持学习。")
    assert "班子和" not in got and "林海" in got


def test_a_title_opening_with_shang_or_zhong_keeps_it():
    got = persons("5月3日上午，上海市某区人大常委会研究室主任林海到某县宣讲。中心主任王大成陪同。")
    assert got["林海"] == ["上海市某区人大常委会研究室主任"]
    assert got["王大成"] == ["中心主任"]


def test_an_ascii_comma_joins_two_titles():
    got = persons("4月29日,市政府副市长,某某高新区党工委书记林海先后赴某某古镇检查安全生产。")
    assert got["林海"] == ["市政府副市长", "某某高新区党工委书记"]


LEADS = ("某月中旬，市人大常委会组织人大代表，对代表建议办理情况分组进行视察。\n"
         "市人大常委会副主任林海带领一个视察组到市交通局，听取了局领导的汇报。\n"
         "市人大常委会副主任王大成带领一个视察组，视察了东山镇南坪村的蔬菜产业发展情况。")


def test_each_group_lead_in_a_paragraph_of_his_own_keeps_his_own_sites():
    text = LEADS.replace("某月中旬", "8月中旬")
    got = {e.lead: [s.name for s in e.sites] for e in events(text, "inspection", published=None)}
    assert got == {"林海": ["市交通局"], "王大成": ["东山镇南坪村"]}


def test_a_delegation_on_its_way_is_no_name():
    from loaders.mentions.names import name_ok
    assert name_ok("团一行") is None and name_ok("组一行") is None


def test_a_kanfa_riqi_stamp_under_the_headline_is_page_furniture():
    from loaders.pipeline import extract_text
    page = ("第一版:要闻版总第100期 >2021-07-27编印\n\n某某视频调度会召开\n我县组织收听收看\n"
            "刊发日期:2021-07-27 作者:  语音阅读:\n\n  7月24日下午,某某视频调度会召开,安排部署下步工作。"
            "省委书记林海主持会议并讲话。\n")
    (a,) = extract_text(page, issue_date=date(2021, 7, 27))
    (ev,) = [e for e in a.events if e.type == "meeting"]
    assert (a.article.title, ev.date) == ("某某视频调度会召开", date(2021, 7, 24))


def test_the_groups_listed_before_a_convened_meeting_do_not_hide_it():
    text = "4月23日晚，在某乡党委会议室召开党政班子成员、村(社区)党总支书记安排部署会。林海指出安全工作无小事。"
    (ev,) = events(text, "meeting", published=date(2020, 5, 1))
    assert ev.name.endswith("安排部署会") and ev.date == date(2020, 4, 23)
    got = [e.name for e in events("4月23日，县委召开常委会、县政府常务会议。", "meeting", published=date(2020, 5, 1))]
    assert got == ["县委常委会", "县政府常务会议"]


def test_the_poor_village_one_helps_names_no_site():
    (ev,) = events("7月31日，省作协党组书记林海到帮扶贫困村调研脱贫攻坚工作。", "inspection", published=date(2020, 8, 1))
    assert ev.sites == []
