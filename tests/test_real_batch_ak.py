"""Batch AK of the real corpus (scored blind with the code after AJ's fixes: inspections 0.737): one test
per class of real text it showed, on invented articles with invented names."""
from datetime import date

from loaders.pipeline import extract_text
from test_events import events, sites
from test_mentions import people


def test_the_head_who_leads_the_lede_leads_the_groups_visit_in_the_next_paragraph():
    text = ("11月13日，区人大常委会主任覃一华率队对代表建议办理情况进行视察。区人大常委会副主任蒙一平、黎一瑛参加视察。"
            "区政府副区长韦一刚陪同视察。\n视察组先后前往甲路段、乙冷链物流有限公司等地，视察了建议办理情况。")
    leads = {e.lead for e in events(text, "inspection", published=date(2019, 11, 14))}
    assert leads == {"覃一华"}


def test_leaders_named_together_who_then_go_on_days_of_their_own_each_lead_a_visit():
    text = ("在重阳节来临之际，市领导覃一明、蒙一菊看望慰问了我市部分老党员。\n10月13日上午，市委副书记覃一明首先来到"
            "甲中心敬老院，关切地询问老年人的生活状况。\n10月12日上午，副市长蒙一菊首先来到乙镇丙村百岁老人家中。")
    [a] = extract_text(text, issue_date=None, layout="web")
    got = {(e.lead, e.date_text) for e in a.events if e.type == "inspection"}
    assert ("覃一明", "10月13日上午") in got and ("蒙一菊", "10月12日上午") in got


def test_areas_with_a_count_a_qualifier_and_works_seen_there_are_no_sites():
    text = ("1月19日，某县副县长覃一琼深入该县甲铺、乙铺、丙山等6个库区乡镇检查移民后扶项目。覃一琼一行先后实地察看了"
            "甲铺镇、乙铺乡等地的油茶林低改、农田水利建设等情况。")
    got = sites(text, published=date(2009, 1, 20))
    assert not any("等" in x or "建设" in x or "低改" in x for x in got)
    text = ("10月17日，某厅副厅长覃一宇深入到某地区七个县(市、区)的部分乡、村、林场等高森林火险区实地检查了森林防火"
            "工作。覃一宇先后查看了甲县乙林场8000亩油松林、丙县丁区火灾高发地段等。")
    assert sites(text, published=date(2015, 10, 21)) == ["甲县乙林场", "丙县丁区火灾高发地段"]


def test_a_tibetan_name_with_dang_and_zhi_and_the_unit_whose_works_are_checked():
    text = ("5月22日，某县政府副县长才让当知带领县政府督查室负责人，对甲分局乙水文站建设工作进行现场检查。")
    [ev] = events(text, "inspection", published=date(2020, 5, 25))
    assert ev.lead == "才让当知"
    assert [s.name for s in ev.sites] == ["甲分局乙水文站"]


def test_a_meeting_to_pass_on_a_spirit_named_by_its_kind_and_words_that_are_no_names():
    text = "5月16日上午，某镇召开传达学习省委七届四次全会精神专题会，会议由镇委副书记、镇长覃一汉主持。"
    assert [e.name for e in events(text, "meeting", published=date(2018, 5, 17))] == \
        ["传达学习省委七届四次全会精神专题会"]
    assert not people("要提高建议办理的质量和效率，提高代表满意率。")


def test_a_dispatch_bracket_after_a_day_with_a_credit_word_between_run_together_names():
    text = "某县慰问活动\n某网某频道2月9日某江讯(覃一轩 记者 蒙一树 报道)春节前夕，某县人大主席团组织开展慰问活动。"
    [a] = extract_text(text, issue_date=date(2019, 2, 10), layout="web")
    assert {"覃一轩", "蒙一树"} <= {p.name for p in a.persons}
