"""Headline lists, chronicles in Chinese numerals and leaders referred to: one test per class of real
text met in batch AC of the real corpus, on invented articles with invented names."""
from datetime import date

from loaders.pipeline import extract_text
from test_events import events
from test_real_batch_yz import web


def test_a_web_pages_lines_apart_are_paragraphs_of_their_own():
    text = "\n\n".join(["某市月报(2016年10月)", "2016-12-13来源:某市地方志编纂委员会", "·党政综合·",
                        "市委召开常委会议暨市全面深化改革领导小组第9次会议", "甲某调研基层党建工作",
                        "市政府召开今年第20次常务会议", "台湾省全国人大代表来榕视察"])
    [a] = extract_text(text, issue_date=date(2016, 12, 13), layout="web")
    assert "市委召开常委会议暨市全面深化改革领导小组第9次会议\n甲某调研基层党建工作" in a.article.text
    names = [e.name for e in a.events if e.type == "meeting"]
    assert "市政府今年第20次常务会议" in names and not any("视察" in n for n in names)


def test_a_chronicles_period_in_chinese_numerals():
    text = "\n\n".join(["某市二O一九年十月份记事", "发布时间:2019-11-19 来源:",
                        "1  我市举行升国旗仪式。市委书记郑一洁、市长裘一耀出席。",
                        "3  市委书记郑一洁看望慰问基层公安民警。郑一洁首先来到消防救援支队特勤大队，与救援人员握手交谈。",
                        "8  市长裘一耀到某区调研。"])
    got = web(text, published=date(2019, 11, 19))
    assert ("inspection", "郑一洁", date(2019, 10, 3), "3") in got


def test_a_leader_whose_words_a_visit_carries_out_neither_leads_nor_comes_along():
    text = ("9月29日，某市市长张一军来到我市，深入贯彻万一平总书记视察某省重要讲话重要指示精神，实地调研脱贫攻坚工作。"
            "某市副市长贾一东参加调研。")
    [ev] = events(text, "inspection", published=date(2020, 9, 30))
    assert ev.lead == "张一军"
    assert [p.name for p in ev.participants if p.role == "accompanying"] == ["贾一东"]
