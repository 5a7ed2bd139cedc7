"""Batch AO of the real corpus (scored blind with the code the eighth session left, 08b9b6f: persons 0.709,
inspections 0.452 — thirteen of its thirty pages are in traditional characters): one test per class of real
text it showed, on invented articles with invented names."""
from datetime import date

from kb.eval_metrics import normalize
from loaders.pipeline import extract_text
from test_events import events, sites
from test_mentions import people


def _facts(text, published=date(2022, 11, 20)):
    [a] = extract_text(text, issue_date=published, layout="web")
    return a


def test_a_page_in_traditional_characters_reads_as_simplified_with_its_offsets_kept():
    text = ("省長周立言調研疫情防控工作\n"
            "11月19日，省委副書記、省長周立言前往城東區，先後來到甲乙花園小區、丙丁名城小區，調研督導疫情防控工作。"
            "市委書記黎一明陪同。\n")
    a = _facts(text)
    names = {p.name: [t.text for t in p.titles] for p in a.persons}
    assert names["周立言"] == ["省委副书记", "省长"] and "黎一明" in names
    [ev] = [e for e in a.events if e.type == "inspection"]
    assert (ev.lead, ev.date) == ("周立言", date(2022, 11, 19))
    assert [s.name for s in ev.sites] == ["甲乙花园小区", "丙丁名城小区"]
    # every offset still points into the file as written: the evidence spans the traditional sentence
    s = ev.sites[0].evidence
    assert text[s.start:s.end].startswith("11月19日，省委副書記")
    # the scorer reads both scripts alike
    assert normalize("周立言調研") == normalize("周立言调研")


def test_pinyin_glosses_after_characters_are_dropped():
    text = ("區(qū)委書記周立言到甲鄉(xiāng)乙村調(diào)研，強調(diào)要學xí習貫徹會議精神。\n"
            "12月3日，區(qū)委書記周立言來到甲鄉(xiāng)乙村，調(diào)研產(chǎn)業(yè)發(fā)展工作。\n")
    a = _facts(text, date(2023, 12, 4))
    assert [p.name for p in a.persons] == ["周立言"]
    [ev] = [e for e in a.events if e.type == "inspection"]
    assert [s.name for s in ev.sites] == ["甲乡乙村"]
    assert normalize("甲鄉(xiāng)乙村") == normalize("甲乡乙村")


def test_a_meeting_the_days_work_follows_is_a_meeting_of_that_day():
    text = ("7月24日，在市级调度会后，区委书记覃一峰主持召开区级调度会，部署防汛工作。\n"
            "12月10日下午，某县收听收看某市县(市、区)重点工作视频调度会。")
    got = {(e.name, e.date, e.lead) for e in events(text, "meeting", published=date(2021, 12, 11))}
    assert got == {("市级调度会", date(2021, 7, 24), None), ("区级调度会", date(2021, 7, 24), "覃一峰"),
                   ("某市县(市、区)重点工作视频调度会", date(2021, 12, 10), None)}


def test_a_meeting_about_a_spirit_is_held_and_one_asked_for_is_not():
    text = ("9月14日，在传达学习贯彻重要指示精神的市委常委会上，市委书记覃一峰强调，要抓好落实。\n"
            "9月15日，覃一峰要求，对发现的问题，某县要及时召开专题研究会，逐项整改。")
    got = [(e.name, e.date) for e in events(text, "meeting", published=date(2016, 9, 20))]
    assert got == [("传达学习贯彻重要指示精神的市委常委会", date(2016, 9, 14))]


def test_a_title_after_a_verb_and_its_particle_or_a_day_is_read_without_them():
    got = people("4月2日，市委常委会召开会议，会议传达学习了省委书记覃一峰在全省会议上的讲话精神。"
                 "按照5月6日市委代理书记、市长蒙一明的讲话精神，某区积极行动。")
    assert got == {"覃一峰": ["省委书记"], "蒙一明": ["市委代理书记", "市长"]}
    # 任 and a post after a title: serves as, no name (任双组长)
    assert people("成立了由党政主要负责人任双组长的领导小组，局长任一强主持会议。") == {"任一强": ["局长"]}


def test_business_posts_and_members_after_a_name_and_a_committee_is_no_post():
    got = people("5月12日，副市长覃一峰听取了该集团黎一江总经理、蒙一晶委员的介绍。"
                 "某水利委员会水文局副局长韦一波参加。")
    assert got["黎一江"] == ["总经理"] and got["蒙一晶"] == ["委员"]
    assert "水利" not in got and "江水利" not in got


def test_a_township_run_into_its_village_is_no_head_of_it():
    text = ("8月13日下午，县委书记覃一峰、副县长蒙一锐及县直相关单位负责人来到甲塘乡上拐村、乙庙村和水湖镇长岗村、"
            "丙店乡永丰村，再次实地检查抗旱工作。")
    assert people(text) == {"覃一峰": ["县委书记"], "蒙一锐": ["副县长"]}
    assert sites(text, published=date(2013, 8, 14)) == ["甲塘乡上拐村", "乙庙村", "水湖镇长岗村", "丙店乡永丰村"]
    assert "黎一明" in people("8月13日，黎一明镇长到永丰村察看旱情。")


def test_sites_of_a_visit_in_the_forms_real_pages_print_them():
    # a class of units after a district, a quarantine site: no particular site
    text = ("11月19日，省长覃一峰前往某区部分临时管控小区、隔离点，调研督导疫情防控工作。\n"
            "在城东区甲乙府邸、丙丁花园、戊己小区，城北区庚辛丽景、壬癸名城小区，覃一峰与一线防疫人员深入交流。")
    assert sites(text, published=date(2022, 11, 20)) == ["城东区甲乙府邸", "丙丁花园", "戊己小区", "城北区庚辛丽景",
                                                         "壬癸名城小区"]
    # a paragraph opening with a site and where at it, then the lead; a temple
    text = ("2月15日上午，市委书记覃一峰到某区检查调研疫情防控工作。\n"
            "甲乙街道丙丁社区门口，覃一峰遇到正在值守的工作人员。\n"
            "随后，覃一峰前往戊己寺，察看安全管理情况。")
    assert sites(text, published=date(2020, 2, 16)) == ["甲乙街道丙丁社区", "戊己寺"]
    # the unit where a member works
    text = "2月10日，区政协主席覃一峰走访委员企业，先后来到蒙一晶委员所在的甲乙新材料股份有限公司，了解生产经营情况。"
    assert sites(text, published=date(2025, 2, 12)) == ["甲乙新材料股份有限公司"]


def test_a_documents_day_is_not_the_day_of_the_visits_it_announces():
    text = ("某区政协启动走访联系委员企业活动\n"
            "某区政协召开党组会议，研究部署走访联系委员企业工作，并于2月8日发布《关于开展走访联系委员企业活动的通知》，"
            "正式启动走访联系委员企业活动。\n"
            "区政协主席覃一峰带队走访委员企业，先后来到甲乙科技股份有限公司、丙丁新能源有限公司，听取意见建议。\n")
    a = _facts(text, date(2025, 2, 12))
    [ev] = [e for e in a.events if e.type == "inspection"]
    assert ev.lead == "覃一峰"
    assert ev.date_precision == "approximate" and ev.end_date == date(2025, 2, 12)   # by the issue date, not 2月8日


def test_a_headline_printed_over_each_photo_is_no_visit_of_the_issue_day():
    title = "副省长覃一峰到某镇调研脱贫攻坚工作"
    text = (f"{title}\n\n农村 覃一峰 农业 2017-05-12\n\n{title}\n\n听取情况汇报\n\n"
            "5月9日，副省长覃一峰带队到某县某镇调研督查脱贫攻坚工作。省政府副秘书长蒙一林、副市长黎一莉陪同调研。\n\n"
            f"{title}\n\n在甲乙饮水工程调研\n\n"
            "覃一峰一行首先到某镇甲村丙丁水库实地查看工程进度。\n")
    a = _facts(text, date(2017, 5, 12))
    assert [(e.lead, e.date) for e in a.events if e.type == "inspection"] == [("覃一峰", date(2017, 5, 9))]
