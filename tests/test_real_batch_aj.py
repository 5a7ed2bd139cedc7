"""Batch AJ of the real corpus (scored blind with the code after AI's fixes: inspections 0.769): one test
per class of real text it showed, on invented articles with invented names."""
from datetime import date

from loaders.dates import find_dates
from loaders.pipeline import extract_text
from test_events import events, sites
from test_mentions import people


def test_one_who_takes_part_leads_a_bodys_visit_when_hosts_follow_in_the_same_sentence():
    text = ("10月17日，县人大常委会视察组就村屯卫生整治工作开展视察。县人大常委会副主任覃一轩及部分委员参加视察，"
            "县政府副县长蒙一庆陪同视察。\n视察组一行先后来到甲乡乙村、丙镇丁村，实地察看整治情况。")
    [ev] = events(text, "inspection", published=date(2024, 10, 20))
    assert ev.lead == "覃一轩"
    assert [p.name for p in ev.participants if p.role == "accompanying"] == ["蒙一庆"]


def test_others_invited_to_visit_make_no_visit():
    text = "9月4日，推介会在某地召开。推介会上，某区副区长覃一强作主题推介，并诚邀企业家朋友考察投资、共谋发展。"
    assert not events(text, "inspection", published=date(2024, 9, 5))
    text = "应某省政府邀请，某县县长覃一强赴甲市考察学习。"
    assert [e.lead for e in events(text, "inspection", published=date(2024, 9, 5))] == ["覃一强"]


def test_leads_who_split_into_groups_each_lead_and_a_span_of_two_listed_days():
    text = ("5月20日、21日两天，区教体局组成复学复课检查组。区教体局副局长覃一柱、副局长蒙一岩分组带队，"
            "深入我区各中小学核查复学复课准备情况。")
    evs = events(text, "inspection", published=date(2020, 5, 26))
    assert sorted(e.lead for e in evs) == sorted(["覃一柱", "蒙一岩"])
    assert {e.date for e in evs} == {date(2020, 5, 20)}
    [d] = find_dates("5月20日、21日两天，", date(2020, 5, 26))
    assert (d.date, d.end_date) == (date(2020, 5, 20), date(2020, 5, 21))


def test_a_headline_of_two_meetings_and_the_day_written_with_a_meeting_to_be_held():
    text = ("1月7日，某省政协主席覃一坚主持召开某省政协第43次主席会议。会议决定，政协某省第十二届委员会常务委员会第十七次会议"
            "于2022年1月14日在某市召开；建议政协某省第十二届委员会第五次会议于2022年1月16日在某市召开。")
    got = {(e.name, e.date) for e in events(text, "meeting", published=date(2022, 1, 10))}
    assert ("政协某省第十二届委员会第五次会议", date(2022, 1, 16)) in got
    assert not any(n.startswith(("建议", "决定")) for n, _ in got)
    text = "甲会议于1月14日召开 乙会议于1月16日召开\n1月7日，甲会议筹备组开会。"
    names = {e.name for e in events(text, "meeting", published=date(2022, 1, 10))}
    assert not any("召开" in n for n in names)


def test_writers_in_a_dispatch_bracket_glued_or_closed_by_baodao_and_a_meta_line_counter():
    got = people("某网消息(覃一宁)10月3日，某市委副书记蒙一武到甲煤矿调研。")
    assert "覃一宁" in got
    text = "某县领导检查防范工作\n\n某报道讯(覃一保 蒙一伟 黎一兰 报道)12月31日上午，某区委副书记韦一蓉前往甲镇检查。"
    [a] = extract_text(text, issue_date=date(2021, 1, 3), layout="web")   # the spaces between the names are lost
    assert {"覃一保", "蒙一伟", "黎一兰"} <= {p.name for p in a.persons}
    text = "某县领导到某镇调研\n\n发布时间:2019-11-12 08:50信息来源: 县融媒体中心作者: 覃一亮阅读次数:\n\n县长蒙一山到某镇调研。"
    [a] = extract_text(text, issue_date=date(2019, 11, 12), layout="web")
    assert "覃一亮" in [p.name for p in a.persons]


def test_an_editor_whose_given_name_ends_in_yue_and_a_hui_surname():
    text = "某市政协会议召开\n\n发布时间: 2018-05-25 10:28:21 | 来源: 某日报 | 作者: 覃一山 | 责任编辑: 蒙金月\n\n县长韦一川出席。"
    [a] = extract_text(text, issue_date=date(2018, 5, 25), layout="web")
    assert "蒙金月" in [p.name for p in a.persons]
    assert "虎一新" in people("某镇党委书记虎一新、副镇长蒙一涛陪同调研。")


def test_a_visit_verb_inside_an_earlier_title_of_the_person_and_inside_a_units_name():
    text = ("4月2日，某学社市委会召开全委扩大会议。市委会主委覃一密主持会议，某市委统战部四级调研员、一科科长蒙一东"
            "应邀出席会议。")
    assert not events(text, "inspection", published=date(2021, 4, 3))
    text = ("11月3日，副院长覃一晖来到甲法庭。在调研甲法庭时，覃一晖看望了全国模范法官蒙一国同志，了解了蒙一国人民调解"
            "指导工作室的相关情况。")
    assert [e.lead for e in events(text, "inspection", published=date(2016, 11, 16))] == ["覃一晖"]


def test_sites_after_a_party_of_a_count_and_units_in_a_village_and_courts_and_numbered_schools():
    assert sites("2月19日下午，某县副县长覃一雷一行三人到县气象局走访慰问气象干部职工。",
                 published=date(2021, 2, 20)) == ["县气象局"]
    text = ("2018年2月27日，某州科技局局长覃一娥一行到甲县乙镇丙村开展帮扶工作。\n在丙村，覃一娥实地察看甲菌菇项目、"
            "养猪基地。")
    assert sites(text, published=date(2018, 3, 1)) == ["甲县乙镇丙村", "甲菌菇项目", "养猪基地"]
    text = "12月31日上午，某区委副书记覃一蓉一行来到甲小学、乙二中和丙联校，检查防范工作。"
    assert sites(text, published=date(2021, 1, 3)) == ["甲小学", "乙二中", "丙联校"]
    text = "11月3日，某中院副院长覃一晖先后来到甲法庭和乙法庭，认真查看了审判庭。"
    assert sites(text, published=date(2016, 11, 16)) == ["甲法庭", "乙法庭"]


def test_a_delegations_head_named_with_it_earlier_leads_its_visits():
    text = ("7月9日，甲市党政代表团在我市考察。期间，市委书记覃一新会见了甲市委书记蒙一立，市长黎一云率领的甲市党政代表团"
            "一行。\n覃一新对客人的来访表示欢迎。\n蒙一立介绍了甲市的发展情况。\n在宁期间，甲市党政代表团深入考察了"
            "乙激光技术有限公司、丙创意产业园等。两市领导韦一龙、陆一勤等参加活动。")
    [a] = extract_text(text, issue_date=None, layout="web")
    assert [e.lead for e in a.events if e.type == "inspection"] == ["蒙一立"]
