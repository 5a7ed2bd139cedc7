"""Typed events from hand-written articles (loaders/events.py through loaders/extract.py)."""
from datetime import date

from loaders.extract import extract_facts
from loaders.models import Article


def art(text, outlet="株洲日报", published=date(2020, 3, 8)):
    return Article(source="t.txt", start=0, end=len(text), published=published, published_inferred=False,
                   published_basis="option", outlet=outlet, kicker=None, title=None, subtitle=None,
                   reporters=[], correspondents=[], dateline=None, reprint_source=None, text=text,
                   char_map=list(range(len(text))))


def events(text, typ=None, **kw):
    evs = extract_facts(art(text, **kw)).events
    return [e for e in evs if typ is None or e.type == typ]


def test_inspection_with_area_and_ordered_sites():
    text = ("3月7日，市委副书记、市长江建国赴醴陵督导企业复工复产工作。他强调，要精准有序推动复工复产。\n"
            "江建国首先来到某某金属制造有限公司，仔细检查企业防控措施。\n"
            "某某电子科技有限公司是知名供应商。江建国走进生产车间，实地察看企业生产情况。\n"
            "随后，江建国来到城东社区，了解防控情况。\n"
            "副市长韩立参加督导。")
    [ev] = events(text, "inspection")
    assert (ev.lead, ev.date, ev.date_precision) == ("江建国", date(2020, 3, 7), "day")
    assert [s.name for s in ev.sites] == ["某某金属制造有限公司", "某某电子科技有限公司", "城东社区"]
    assert [s.order for s in ev.sites] == [1, 2, 3]
    assert ev.places == ["醴陵"]
    assert ("韩立", "accompanying") in [(p.name, p.role) for p in ev.participants]
    assert ev.evidence.sentence.startswith("3月7日") and text[ev.evidence.start:ev.evidence.end] == ev.evidence.sentence


def test_site_list_after_xianhou_laidao():
    text = "7月9日下午，县委书记车晓峰先后来到甲镇乙村、丙工业园和部分险工险段，督导检查防汛工作。"
    [ev] = events(text, "inspection", published=date(2020, 7, 10), outlet="桃源县融媒体中心")
    assert [s.name for s in ev.sites] == ["甲镇乙村", "丙工业园", "部分险工险段"]


def test_list_middle_he_stays_and_ordinals_stay_whole():
    text = ("3月7日下午，县委书记车晓峰带领相关部门负责同志，先后到甲产业园项目、乙生产基地和研发总部项目、丙出口游园等地，"
            "实地察看项目建设进度。\n车晓峰来到北一区第三、第一网格值守点暗访。")
    [ev] = events(text, "inspection", published=date(2023, 3, 7))
    assert [s.name for s in ev.sites] == ["甲产业园项目", "乙生产基地和研发总部项目", "丙出口游园", "北一区第三、第一网格值守点"]


def test_one_inspection_per_official_and_day_and_two_leads():
    text = ("3月7日，县委书记车晓峰，县委副书记、县长柯文杰先后到甲产业园项目、乙项目等地实地察看。"
            "车晓峰走访了企业。")
    evs = events(text, "inspection", published=date(2023, 3, 7))
    assert sorted(e.lead for e in evs) == ["柯文杰", "车晓峰"]


def test_at_opening_is_a_site_but_not_inside():
    text = ("1月31日，市政协主席蔡一溪赴某示范区督导疫情防控工作。\n蔡一溪首先来到翰林街道花都小区。\n"
            "在临时帐篷里，蔡一溪与大家交谈。\n在龙头铺互通高速出口，防控小组正逐一检查。")
    [ev] = events(text, "inspection", published=date(2020, 2, 1))
    assert [s.name for s in ev.sites] == ["翰林街道花都小区", "龙头铺互通高速出口"]


def test_directive_and_quotes_are_not_inspections():
    text = "3月6日，市委书记龙腾云主持会议。龙腾云要求，各级要加强督查检查。“要多下企业走访调研。”龙腾云说。"
    assert events(text, "inspection") == []


def test_undated_is_not_an_inspection():
    assert events("除夕当晚，某社区党总支书记甘正宇走访了返乡人员。", "inspection") == []


def test_pronoun_subject_resolves():
    text = "3月6日，县委书记龙腾云来到社区。傍晚，他来到北区值守点暗访。"
    [ev] = events(text, "inspection")
    assert ev.lead == "龙腾云"


def test_delegation_takes_lead_from_participants():
    text = ("12月23日，全县重点项目现场观摩团莅临某乡观摩指导工作。县委书记车晓峰，县委副书记、县长柯文杰等参加活动。\n"
            "观摩组先后来到某乡扶贫产业园、某输变电工程等项目现场。")
    [ev] = events(text, "inspection", published=date(2019, 12, 23), outlet="临沂经济网")
    assert ev.lead == "车晓峰" and [s.name for s in ev.sites] == ["某乡扶贫产业园", "某输变电工程"]
    assert "柯文杰" in [p.name for p in ev.participants if p.role == "accompanying"]


def test_meeting_with_chair_and_attendees():
    text = "1月31日下午，全市疫情防控工作专家会商会召开。市委书记龙腾云主持会议并讲话。\n市委副书记王立斌，副市长韩立参加。"
    [ev] = events(text, "meeting", published=date(2020, 2, 1))
    assert (ev.name, ev.date, ev.lead) == ("全市疫情防控工作专家会商会", date(2020, 1, 31), "龙腾云")
    roles = {(p.name, p.role) for p in ev.participants}
    assert ("龙腾云", "chair") in roles and ("韩立", "attendee") in roles


def test_meeting_forms():
    evs = events("1月12日上午，受县委书记许某兵委托，县委副书记、县长柯文杰主持召开十三届县委第32次常委会会议，"
                 "传达学习中央政治局常务委员会会议精神。", "meeting", published=date(2022, 1, 13))
    assert [(e.name, e.lead) for e in evs] == [("十三届县委第32次常委会会议", "柯文杰")]
    [ev] = events("2月4日，市委常委会召开会议，研究部署工作。市委书记龙腾云主持会议。", "meeting")
    assert ev.name == "市委常委会会议" and ev.lead == "龙腾云"
    [ev] = events("3月6日，龙腾云来到社区。随后召开的社区疫情防控座谈会上，代表们发言。", "meeting")
    assert ev.name == "社区疫情防控座谈会" and ev.date == date(2020, 3, 6)


def test_repeated_or_reported_meetings_are_skipped():
    assert events("市委、市政府多次召开调度会，专题研究部署。", "meeting") == []
    assert events("3月6日，会议传达学习了省委全会精神。", "meeting") == []


def test_dispatch_at_office_is_a_meeting_not_an_inspection():
    text = ("1月31日，市委副书记、市长江建国来到市疫情防控工作领导小组办公室，就疫情防控工作进行再调度、再部署。"
            "市委副书记王立斌参加调度。")
    evs = events(text, published=date(2020, 2, 1))
    assert [e.type for e in evs if e.type in ("meeting", "inspection")] == ["meeting"]
    ev = [e for e in evs if e.type == "meeting"][0]
    assert ev.lead == "江建国" and ev.name == "疫情防控工作调度"
    assert ("王立斌", "attendee") in [(p.name, p.role) for p in ev.participants]


def test_other_event_types():
    evs = events("1月30日，市委组织部制定出台《关于做好一线干部工作的意见》。\n"
                 "市政协委员易某晗向市红十字会捐款2万元。\n目前，全市累计报告确诊病例34例。")
    types = {e.type for e in evs}
    assert {"policy", "donation", "statistic"} <= types
    pol = [e for e in evs if e.type == "policy"][0]
    assert pol.name == "关于做好一线干部工作的意见" and pol.date == date(2020, 1, 30)


def test_approximate_and_planned_dates():
    [ev] = [e for e in events("日前，市委发布《若干措施》。") if e.type == "policy"]
    assert ev.date_precision == "approximate" and ev.end_date == date(2020, 3, 8)
    [ev] = events("市委常委会将于3月10日召开全体会议。", "meeting")
    assert ev.planned and ev.date == date(2020, 3, 10)
