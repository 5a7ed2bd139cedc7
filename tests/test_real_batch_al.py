"""Batch AL of the real corpus (scored blind with the code after AK's fixes: inspections 0.844): one test
per class of real text it showed, on invented articles with invented names."""
from datetime import date

from loaders.pipeline import extract_text
from test_events import events
from test_mentions import people


def test_dang_tian_after_a_background_date_is_the_visits_day():
    text = ("9月25日，某区区长覃一锋专题调研城市建设工作。\n某区规划展览馆于今年9月1日正式向公众开放。当天，覃一锋前往"
            "规划展览馆，实地参观并听取介绍。")
    assert {e.date for e in events(text, "inspection", published=date(2025, 9, 26))} == {date(2025, 9, 25)}


def test_the_general_secretary_is_no_bare_post_of_the_articles_party_secretary():
    text = ("昨天下午，某地人大代表视察团来我县视察，市委书记覃一晖陪同。\n在甲村，视察团一行观看了总书记讲话的视频资料，"
            "走访了乙公园。")
    assert not events(text, "inspection", published=date(2018, 9, 14))


def test_a_units_name_and_a_date_under_the_title_is_the_pages_stamp():
    text = ("覃一邦副主席检查督导安全工作\n某宣部 2025-12-18\n12月17日，省科协副主席覃一邦深入甲科技馆、乙报社等单位，"
            "检查督导安全工作。")
    [a] = extract_text(text, issue_date=date(2025, 12, 18), layout="web")
    assert {e.date for e in a.events if e.type == "inspection"} == {date(2025, 12, 17)}


def test_diaocha_yanjiu_is_a_visit_and_a_lede_span_dates_heads_named_later():
    text = "6月20日至22日，省关工委副主任覃一吉一行三人来我市就重点工作开展调查研究。"
    [ev] = events(text, "inspection", published=date(2018, 7, 24))
    assert ev.lead == "覃一吉"
    text = ("8月10日至11日，甲市市委市政府主要领导率党政代表团赴乙市进行实地考察学习。\n两天时间里，甲市市委书记覃一林，"
            "市委副书记、市长蒙一进率领的考察团先后到丙村、丁中心等地进行实地考察学习。")
    [a] = extract_text(text, issue_date=date(2017, 8, 14), layout="web")
    got = [(e.lead, e.date) for e in a.events if e.type == "inspection"]
    assert ("覃一林", date(2017, 8, 10)) in got


def test_a_counter_label_glued_to_a_credit_and_words_that_are_no_names():
    text = "某县县长检查春耕\n\n2021-05-04 作者:覃一上 蒙一霖浏览:2789\n\n5月3日，某县县长黎一廓深入乡村检查春耕工作。"
    [a] = extract_text(text, issue_date=date(2021, 5, 4), layout="web")
    assert "蒙一霖" in [p.name for p in a.persons]
    assert not people("会议审议了选举总监票人、副总监票人建议名单。在听取主要负责同志简要工作汇报后，大家讨论。")
