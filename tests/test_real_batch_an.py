"""Batch AN of the real corpus (scored blind with the code the seventh session left: inspections 0.850):
one test per class of real text it showed, on invented articles with invented names."""
from datetime import date

from loaders.issue_date import infer_date
from loaders.pipeline import extract_text
from test_events import events
from test_mentions import people


def test_two_principals_closed_by_a_group_of_leaders_are_one_visit_led_by_the_first():
    text = ("新春将至，区委书记覃一峰，区委副书记、区长蒙一明等区领导深入一线检查安全生产工作。"
            "1月22日，区委书记覃一峰深入仓库、车站等地，督导检查节前安全生产工作。"
            "在甲公司，覃一峰对消防器材进行检查。")
    [ev] = events(text, "inspection", published=date(2020, 1, 23))
    assert ev.lead == "覃一峰"
    assert ev.date == date(2020, 1, 22)
    # the same list that then goes separate ways (纷纷, 分两路) still gives each his own visit
    text = ("2月7日，县委书记覃一峰，县委副书记、县长蒙一明等全体县领导，纷纷深入包联乡镇开展调研活动。")
    assert {e.lead for e in events(text, "inspection", published=date(2022, 2, 8))} == {"覃一峰", "蒙一明"}


def test_an_empty_author_label_under_the_headline_is_no_title():
    text = ("区领导检查节前安全生产工作\n2020年01月23日 第A2版:要闻\n作者:\n\n"
            "本报讯(记者 覃一吕)新春将至，区委书记蒙一旭深入一线检查安全生产。")
    [a] = extract_text(text, issue_date=date(2020, 1, 23))
    assert a.article.title == "区领导检查节前安全生产工作"


def test_the_first_of_those_who_join_a_groups_visit_together_leads_it():
    text = ("11月27日，某区政协组织部分政协委员对全区重点项目建设情况进行专题视察。区政协主席覃一明，"
            "副主席蒙一文、黎一妮一同视察。视察组先后前往甲物流园、乙小学及丙锻造有限公司，实地查看。")
    [ev] = events(text, "inspection", published=date(2025, 11, 28))
    assert ev.lead == "覃一明"
    assert {p.name for p in ev.participants if p.role == "accompanying"} == {"蒙一文", "黎一妮"}


def test_a_sites_founding_year_is_not_the_year_the_text_was_written_and_water_terms_are_no_names():
    text = ("8月26日，市委副书记、市长覃一洁来我县调研督办重点项目建设。\n"
            "甲泵站位于县城东南，于1971年建成投产。今年该泵站投入更新改造资金。\n"
            "覃一洁强调，要统筹做好水安全、水生态、水环境、水资源文章。")
    assert infer_date(text)[0] is None   # (not 1971-08-27)
    [a] = extract_text(text, layout="web")
    [ev] = [e for e in a.events if e.type == "inspection"]
    assert ev.date is None and ev.date_text == "8月26日"
    assert not {"水安全", "水生态", "水环境"} & set(people(text))
