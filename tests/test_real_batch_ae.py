"""Chaired meetings, leaders' words studied, unit-and-name lists, duplicated leads and signatures: one test
per class of real text met in batch AE of the real corpus, on invented articles with invented names."""
from datetime import date

from loaders.pipeline import extract_text
from test_events import events, sites
from test_mentions import people


def test_a_meeting_named_by_its_chairs_verb_alone():
    [ev] = events("5月28日，区委书记覃一川主持专题会议研究端午节文旅促消费方案。", "meeting",
                  published=date(2024, 6, 2))
    assert (ev.name, ev.lead, ev.date) == ("专题会议", "覃一川", date(2024, 5, 28))


def test_a_sitting_named_by_its_ordinal_is_the_meeting_named_in_full():
    text = ("8月14日上午，中国共产党某旗第十六届委员会第十一次全体会议在某镇召开。"
            "旗委书记覃一川主持第一次全体会议并讲话。")
    assert [e.name for e in events(text, "meeting", published=date(2024, 8, 15))] == \
        ["中国共产党某旗第十六届委员会第十一次全体会议"]


def test_a_visit_and_a_meeting_inside_a_leaders_words_studied_are_no_events():
    text = ("8月22日，某委副主任覃一川率工作组对某河防汛情况进行检查。覃一川指出，要认真贯彻万一平总理在某省考察"
            "并主持召开灾后恢复重建专题会议上的重要讲话要求，做好防范工作。")
    evs = events(text, published=date(2021, 8, 24))
    assert [(e.type, e.lead) for e in evs if e.type in ("inspection", "meeting")] == [("inspection", "覃一川")]


def test_staff_listed_each_after_their_unit_before_a_companions_verb():
    text = ("8月22日，某委副主任覃一川对某河防汛情况进行检查。省水利厅总规划师黎一明、甲市水利局韦一昌、"
            "乙市水利局蒙一宾、某工程管理局卜一岭等单位相关人员陪同。")
    assert {"韦一昌", "蒙一宾", "卜一岭"} <= set(people(text))


def test_a_list_of_sites_each_with_where_it_lies_before_the_examining_verb():
    text = ("8月22日，某委副主任覃一川率工作组分别对甲蓄滞洪区的甲湾溢流堰堵坝、乙渠泄洪闸、乙蓄滞洪区的乙湾口门、"
            "丙庄堤以及某河流域的丁水库进行了检查。")
    assert sites(text, published=date(2021, 8, 24)) == ["甲湾溢流堰堵坝", "乙渠泄洪闸", "乙湾口门", "丙庄堤", "丁水库"]


def test_a_sentence_printed_twice_does_not_make_a_verbs_first_character_a_name():
    lead = ("4月4日至5日，县委副书记、县级副总林长覃磊采取“四不两直”的方式，深入甲乡、乙乡等10个乡镇督导检查"
            "森林防灭火工作。")
    [a] = extract_text("某县领导督导森林防灭火工作\n" + lead + "\n" + lead, issue_date=date(2021, 4, 6),
                       layout="web")
    assert [p.name for p in a.persons] == ["覃磊"]
    assert [e.lead for e in a.events if e.type == "inspection"] == ["覃磊"]


def test_a_nominees_post_before_the_name():
    assert "蒙衍森" in people("某镇党委书记黎一兴，党委副书记、镇长提名人选蒙衍森陪同调研。")


def test_a_name_ending_like_a_unit_in_a_list_of_titled_names():
    text = "分别听取了甲市委主委黎一丽、乙市委主委蒙春台和丙总支主委韦一兰的工作汇报。"
    assert {"黎一丽", "蒙春台", "韦一兰"} <= set(people(text))


def test_two_words_run_together_after_a_title_are_no_name():
    assert not people("随后，考察组与师市领导展开座谈。")


def test_signatures_with_a_long_transliterated_name_and_name_slash_wen():
    assert set(people("会后，双方就专项气象服务进行了深入交流。(那仁格日乐 韦一军)")) == {"那仁格日乐", "韦一军"}
    assert "蒙德艳" in people("会议讨论通过镇长候选人名单。(蒙德艳/文)")


def test_a_photo_credit_run_onto_the_next_paragraph_and_anonymous_credits():
    assert "韦彦维" in people("4月20日，覃一鹏在焊接设备(资料图片)。 韦彦维 摄2023年9月，在首届技术交流活动中。")
    assert not people("时间:2021/8/1来源:本站原创 作者:佚名 点击: 61 次")


def test_households_counted_and_a_monument_as_sites():
    text = ("6月2日，考察组组长覃一光一行先后前往甲军垦博物馆、某总理纪念碑及乙大学博物馆接受红色洗礼，"
            "并走访慰问了两户响应国家号召支援边疆建设的老战士。")
    assert sites(text, published=date(2021, 6, 3)) == ["甲军垦博物馆", "某总理纪念碑", "乙大学博物馆"]


def test_a_duty_urged_names_no_stop():
    text = ("9月20日，县委副书记覃一丰先后来到甲光伏农业综合体、乙纪念馆调研。覃一丰强调，"
            "干部要主动深入项目建设现场，帮助解决困难。")
    assert sites(text, published=date(2016, 9, 22)) == ["甲光伏农业综合体", "乙纪念馆"]
