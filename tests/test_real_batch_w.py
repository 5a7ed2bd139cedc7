"""Names, credits, leads, meetings and sites: one test per class of real text met in batch W of the real
corpus, on invented articles with invented names."""
from datetime import date

from loaders.pipeline import extract_text
from test_events import events, sites
from test_mentions import people

D = date(2020, 1, 29)


def web_persons(text):
    [ea] = extract_text(text, issue_date=D, layout="web")
    return {p.name: [t.text for t in p.titles] for p in ea.persons}


def test_a_two_character_name_before_yi_and_a_quoted_way_stays_two_characters():
    [ev] = events("1月28日上午，县委副书记、县长蒋一以“四不两直”的方式深入某镇，督查疫情防控工作。", "inspection",
                  published=D)
    assert ev.lead == "蒋一"


def test_ren_before_a_post_is_the_verb_not_a_surname():
    assert people("某市迅速成立抗旱总指挥部，由市委书记任政委、市长任指挥长，组织全市党员干部抗旱。") == {}


def test_credit_lines_above_a_source_label_are_credits():
    text = ("某镇开展安全检查\n1月27日，镇长李一明带队检查某公司安全生产工作。\n"
            "作者:秦一婷\n审核:元一业\n审签:侯一国\n供稿单位:某镇\n")
    got = web_persons(text)
    assert got["元一业"] == ["审核"] and got["侯一国"] == ["审签"] and got["秦一婷"] == ["作者"]


def test_a_name_before_wen_tu_at_the_end_is_a_credit():
    assert "张华一" in people("大会号召全镇人民群众团结奋斗。\n张华一 文/图")


def test_a_name_heading_a_counted_group_is_a_person():
    got = people("7月1日，市委书记胡一峰接见了代表。舒一红等100名同志获得优秀共产党员称号，"
                 "马一声等100名同志获得优秀党务工作者称号。")
    assert {"舒一红", "马一声"} <= set(got)


def test_township_assistant_posts_are_posts():
    assert people("乡党委副书记张一科、乡长助理王一平陪同调研。") == {"张一科": ["乡党委副书记"],
                                                            "王一平": ["乡长助理"]}


def test_a_guiding_nature_is_no_visit():
    text = "观看视频会议后，区委书记陈一杰指出，李一强书记的讲话具有很强的政治性、指导性，为全区工作提供了根本遵循。"
    assert events(text, "inspection", published=date(2020, 9, 18)) == []


def test_two_deputies_side_by_side_before_one_verb_are_one_visit_led_by_the_first():
    text = ("6月22日，市委副书记郝一芳，市委常委、副市长雷一静深入某办事处督导防汛备汛工作。"
            "郝一芳、雷一静先后察看了某水库、某某水库。")
    [ev] = events(text, "inspection", published=date(2020, 6, 23))
    assert ev.lead == "郝一芳" and [p.name for p in ev.participants if p.role == "accompanying"] == ["雷一静"]


def test_two_principals_side_by_side_still_co_lead():
    text = "6月22日，市委书记郝一芳，市长雷一静深入某办事处督导防汛备汛工作。"
    assert sorted(e.lead for e in events(text, "inspection", published=date(2020, 6, 23))) == ["郝一芳", "雷一静"]


def test_a_meeting_told_recently_and_then_on_its_day_is_one_meeting_on_that_day():
    text = ("近日，某镇第八届人民代表大会第二次会议胜利召开。\n"
            "2020年7月20日，某镇第八届人民代表大会第二次会议在镇会议室召开，镇长王一民作政府工作报告。")
    evs = events(text, "meeting", published=date(2020, 7, 22))
    assert [(e.name, e.date) for e in evs] == [("某镇第八届人民代表大会第二次会议", date(2020, 7, 20))]


def test_the_ways_of_seeing_are_no_sites():
    text = ("8月7日，市委书记张一林先后来到某能源有限公司、某风电项目，通过看展板、听汇报、现场观摩询问等方式，"
            "详细了解了各个项目的生产经营情况。")
    assert sites(text, published=date(2024, 8, 8)) == ["某能源有限公司", "某风电项目"]
