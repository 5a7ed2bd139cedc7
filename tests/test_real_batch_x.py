"""Dates, names, credits, sites and meetings: one test per class of real text met in batch X of the real
corpus (older text, 2008–2015 mostly), on invented articles with invented names."""
from datetime import date

from loaders.dates import find_dates
from loaders.pipeline import extract_text
from test_events import events, sites
from test_mentions import people

D = date(2012, 4, 19)


def test_a_month_day_whose_month_mark_was_lost_is_read_as_one():
    got = [(d.text, d.date) for d in find_dates("224日下午，市长到某地调研。1119日，又到某县。", D)]
    assert got == [("224日下午", date(2012, 2, 24)), ("1119日", date(2011, 11, 19))]
    assert find_dates("要求120日内完成，全年365日无休。", D) == []


def test_a_title_after_a_verb_whose_object_is_a_person():
    got = people("省长余一荣在听取了某河道管理局局长檀一来就工程实施情况的汇报后，向某农场场长胡一兵询问了生产情况。")
    assert got["檀一来"] == ["某河道管理局局长"] and got["胡一兵"] == ["某农场场长"]


def test_a_verb_after_a_two_character_name_is_no_third_character():
    assert "罗一" in people("书记会见了以某市委书记罗一为团长的某市党政代表团一行。")
    assert "黄一" in people("区人民政府区长黄一作的《政府工作报告》获得通过。")


def test_a_name_whose_surname_is_a_preposition_before_a_joined_title():
    got = people("市长郑一康在市政府秘书长向斌和市政协秘书长陈一洲的陪同下到各民主党派机关开展调研。")
    assert {"向斌", "陈一洲"} <= set(got)


def test_a_post_written_after_a_name_that_follows_a_government():
    assert people("2月24日下午，某市人民政府郑一康市长到各民主党派机关开展调研。") == {"郑一康": ["市长"]}


def test_credits_separated_by_a_vertical_bar_and_a_supervisor():
    got = people("正文。\n编辑︱范一蓓\n责任编辑︱郑一峰 毛一山\n总监制︱余一平 严一晴")
    assert {"范一蓓", "郑一峰", "毛一山", "余一平", "严一晴"} <= set(got)


def test_a_bracketed_name_after_a_datelines_xun_is_its_writer():
    assert "袁一华" in people("某州讯(袁一华)近日，省检查组一行深入某镇检查工作，区委常委、常务副区长罗一红陪同。")


def test_a_titled_list_goes_on_through_an_item_that_is_also_a_word():
    got = people("旗人大常委会主任齐一义、副主任于一华、巴图、宝玉、李一鹏及17位组成人员出席会议。")
    assert list(got) == ["齐一义", "于一华", "巴图", "宝玉", "李一鹏"]


def test_appointments_go_on_after_an_ascii_comma():
    got = people("会议选举许一勤为某区人大常委会主任,廖一华为某区人民政府区长。")
    assert got == {"许一勤": ["某区人大常委会主任"], "廖一华": ["某区人民政府区长"]}


def test_dike_works_listed_across_commas_after_a_field_check_are_sites():
    text = ("6月29日，省长王一武现场检查了某河某县三台子险工、某区小台子险工，某市城市防洪工程、某闸改扩建工程，"
            "二道桥子防洪闸、吴家进水闸等，并与地方同志进行了交流座谈。")
    assert sites(text, published=date(2017, 7, 1)) == [
        "某河某县三台子险工", "某区小台子险工", "某市城市防洪工程", "某闸改扩建工程",
        "二道桥子防洪闸", "吴家进水闸"]


def test_counted_companies_examined_by_a_lead_are_sites():
    text = "5月11日，镇党委书记卓一波一行对镇区内的某某工具有限公司、某某电子有限公司和某某电器有限公司等3家企业进行了执法检查。"
    assert sites(text, published=date(2023, 5, 12)) == ["某某工具有限公司", "某某电子有限公司", "某某电器有限公司"]


def test_the_arrangements_of_a_meeting_to_come_are_no_meeting():
    text = "12月20日上午，市政协召开主席会议。会议讨论通过了市政协七届八次常委会议召开的时间、地点、议程等相关事项。"
    assert [e.name for e in events(text, "meeting", published=date(2013, 12, 21))] == ["主席会议"]


def test_a_long_paragraph_opening_with_a_source_label_is_body_not_a_meta_line():
    text = ("#开栏的话#某报特别推出专栏，关注各区县书记的每周行程\n"
            "来源:【某某林业】4月9日,某局在某市组织召开某某国家公园重点工作协调会,某局专员向一文主持会议,"
            "某某保护研究中心,三省林草主管部门,某某繁育基地等单位相关负责人参加会议\n")
    [ea] = extract_text(text, issue_date=None, layout="web")
    assert [(e.name, e.lead) for e in ea.events if e.type == "meeting"] == [("某某国家公园重点工作协调会", "向一文")]
