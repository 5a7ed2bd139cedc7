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


def sites(text, **kw):
    """The site names of the text's one inspection (it fails when there are more or none)."""
    [ev] = events(text, "inspection", **kw)
    return [s.name for s in ev.sites]


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


# ---- generalisation beyond the sample pages

def test_companions_are_not_leads():
    text = ("3月7日，县委书记冯建新深入乡镇调研春耕生产。县委常委、县委办主任丁卫民，副县长何静一同调研。\n"
            "冯建新先后来到某镇某村育秧大棚、某街道茶叶加工园区和某镇茶旅综合体。")
    [ev] = events(text, "inspection", outlet="某县融媒体中心")
    assert ev.lead == "冯建新"
    assert [s.name for s in ev.sites] == ["某镇某村育秧大棚", "某街道茶叶加工园区", "某镇茶旅综合体"]
    assert {p.name for p in ev.participants if p.role == "accompanying"} == {"丁卫民", "何静"}


def test_two_heads_make_one_trip_led_by_the_first():
    # One lead per visit: the second head named before 带队 comes along (tests/gold/README.md)
    text = ("6月14日，县委书记禹光辉，县委副书记、县长覃红英带队督导防汛工作。\n"
            "禹光辉、覃红英首先来到某江某段堤防工程，了解情况。随后，一行来到某镇水库管理站，查看调度。"
            "最后，督导组来到某镇地质灾害隐患点，实地察看。")
    [ev] = events(text, "inspection", published=date(2022, 6, 15))
    assert ev.lead == "禹光辉"
    assert {p.name for p in ev.participants if p.role == "accompanying"} == {"覃红英"}
    assert [s.name for s in ev.sites] == ["某江某段堤防工程", "某镇水库管理站", "某镇地质灾害隐患点"]


def test_each_trip_keeps_its_own_sites():
    text = ("2月18日，县委书记蔡国平到某桥镇、某寿瑶族乡督导疫情防控。在某桥镇某山村卡点，蔡国平查看了登记情况；"
            "在某寿瑶族乡某竹木制品厂，他了解复工情况。\n"
            "2月19日，县委副书记、县长欧阳明到某水镇督导，先后察看了某水镇卫生院、某河村隔离观察点。")
    a, b = events(text, "inspection", published=date(2020, 2, 20))
    assert (a.lead, a.date, [s.name for s in a.sites]) == ("蔡国平", date(2020, 2, 18), ["某桥镇某山村卡点", "某寿瑶族乡某竹木制品厂"])
    assert a.places == ["某桥镇", "某寿瑶族乡"]
    assert (b.lead, b.date, [s.name for s in b.sites]) == ("欧阳明", date(2020, 2, 19), ["某水镇卫生院", "某河村隔离观察点"])


def test_divisions_after_shenru_are_places_and_precise_sites_replace_them():
    text = ("13日，旗委副书记、旗长巴图深入某吉镇、某阳峪镇，检查指导防汛工作。\n"
            "巴图先后来到某吉镇某河堤防、某阳峪镇某发村水库，实地查看。")
    [ev] = events(text, "inspection", published=date(2022, 7, 14))
    assert [s.name for s in ev.sites] == ["某吉镇某河堤防", "某阳峪镇某发村水库"]
    assert ev.places == ["某吉镇", "某阳峪镇"]


def test_qianwang_names_a_site_unless_it_is_an_area():
    text = ("12月28日，县长达建军带队检查安全生产。达建军首先来到某沟镇液化气储配站；随后前往县城南客运站；"
            "最后来到某阳街道某鼎购物中心。")
    [ev] = events(text, "inspection", published=date(2024, 1, 3))
    assert ev.date == date(2023, 12, 28)
    assert [s.name for s in ev.sites] == ["某沟镇液化气储配站", "县城南客运站", "某阳街道某鼎购物中心"]


def test_parts_and_things_inspected_are_not_sites():
    text = ("昨日，省总工会主席司马林到某市视察。在某经开区职工服务中心，司马林察看了职工书屋、法律援助窗口。"
            "随后，他来到某某汽车零部件有限公司，走进总装车间，了解情况。")
    [ev] = events(text, "inspection", published=date(2023, 5, 12))
    assert [s.name for s in ev.sites] == ["某经开区职工服务中心", "某某汽车零部件有限公司"]
    text = ("近日，县长昝文斌深入某街镇、某新镇督查森林防火工作。在某街镇某祜村森林防火检查站，昝文斌详细查看了"
            "进山人员登记、火源管控等工作。")
    [ev] = events(text, "inspection", published=date(2022, 5, 18))
    assert [s.name for s in ev.sites] == ["某街镇某祜村森林防火检查站"]
    assert ev.date_precision == "approximate"


def test_site_list_cut_by_a_comma():
    text = ("8月1日至2日，自治区副主席覃振海带队调研。覃振海一行先后深入甲县某安镇金桔种植示范基地、某将镇某妙村，"
            "乙县某江镇某央村茶园，实地察看产业发展情况。在某央村，覃振海看望慰问了脱贫户。")
    [ev] = events(text, "inspection", published=date(2021, 8, 3))
    assert (ev.date, ev.end_date) == (date(2021, 8, 1), date(2021, 8, 2))
    assert [s.name for s in ev.sites] == ["甲县某安镇金桔种植示范基地", "某将镇某妙村", "乙县某江镇某央村茶园"]


def test_site_of_zai_x_diaoyan():
    [ev] = events("3月6日，县委书记邴海军在某达纺织有限公司调研时强调，要加快建设。", "inspection")
    assert [s.name for s in ev.sites] == ["某达纺织有限公司"]


def test_umbrella_sentence_gives_way_to_the_days():
    text = ("连日来，市委书记覃振海深入防汛一线，检查指导防汛抗旱工作。\n"
            "8月2日，覃振海来到沿江大堤某湾段，察看堤防加固工程进展。8月3日，覃振海前往某华水库和某山泵站，检查运行情况。")
    evs = events(text, "inspection", published=date(2022, 8, 5))
    assert [(e.date, [s.name for s in e.sites]) for e in evs] == [
        (date(2022, 8, 2), ["沿江大堤某湾段"]), (date(2022, 8, 3), ["某华水库", "某山泵站"])]


def test_class_of_units_is_not_a_site():
    text = "7月15日，县委书记宓建平深入经济开发区部分企业开展走访活动。宓建平一行先后走进某远纺织有限公司、某泰电子科技有限公司。"
    [ev] = events(text, "inspection", published=date(2021, 7, 16))
    assert [s.name for s in ev.sites] == ["某远纺织有限公司", "某泰电子科技有限公司"]


def test_same_chair_two_meetings_in_one_day():
    text = ("12月1日上午，县委副书记、县长亓国强来到县疫情防控指挥部办公室，调度全县疫情防控工作，听取汇报。\n"
            "亓国强指出，要守牢底线。\n"
            "当天下午，亓国强主持召开县政府第十九次常务会议，研究安全生产工作。")
    evs = events(text, "meeting", published=date(2021, 12, 2))
    assert [(e.date, e.lead) for e in evs] == [(date(2021, 12, 1), "亓国强")] * 2
    assert "县政府第十九次常务会议" in [e.name for e in evs]
    assert not events(text, "inspection", published=date(2021, 12, 2))


def test_meeting_held_after_a_dated_event_and_a_closing_congress():
    text = ("9月29日，中国共产党某某市某山区第三次代表大会胜利闭幕。\n"
            "在随后召开的区委三届一次全会上，褚立华当选为区委书记。")
    evs = events(text, "meeting", published=date(2021, 9, 30))
    assert [(e.date, e.name) for e in evs] == [(date(2021, 9, 29), "中国共产党某某市某山区第三次代表大会"),
                                               (date(2021, 9, 29), "区委三届一次全会")]


def test_body_holding_a_ceremony_is_not_a_meeting():
    text = "11月30日，县慈善总会举行爱心捐赠仪式，县民营企业家商会会长冉从文向县慈善总会捐款50万元。"
    assert not events(text, "meeting", published=date(2022, 12, 2))
    assert events(text, "donation", published=date(2022, 12, 2))


def test_planned_inspection_is_not_an_inspection():
    text = "据悉，县安委会将于4月下旬开展安全生产大检查，县领导将带队深入各乡镇督导检查。"
    assert not events(text, "inspection", published=date(2021, 4, 20))


# ---------------------------------------------------------------- pages2 round

def test_xianhou_kaocha_list_and_walking_into_a_part_of_a_site():
    text = ("4月10日，省委书记柏文山在某市调研。柏文山首先来到某某新材料产业园，走进大棚察看。"
            "随后，他先后考察了某区光电产业孵化基地和某某电站建设工地。\n"
            "在某县某镇，柏文山走进某某电池有限公司生产车间，了解安全生产情况。")
    [ev] = events(text, "inspection", published=date(2023, 4, 12))
    assert [s.name for s in ev.sites] == ["某某新材料产业园", "某区光电产业孵化基地", "某某电站建设工地",
                                          "某某电池有限公司"]
    assert "某县某镇" in ev.places


def test_site_with_an_inspection_word_in_its_name_stays_whole():
    text = "3月18日，州委书记柏文山首先来到某市太平镇森林防火检查站，查看进山人员登记情况。"
    [ev] = events(text, "inspection", published=date(2024, 3, 20))
    assert [s.name for s in ev.sites] == ["某市太平镇森林防火检查站"]


def test_prospective_convening_and_job_fairs_are_no_meetings():
    assert events("暗访中，柏文山强调，要为党的二十大胜利召开营造安全稳定的社会环境。", "meeting",
                  published=date(2022, 9, 15)) == []
    assert events("3月19日，某州“春风行动”暨就业援助月专场招聘会在某市举行。", "meeting",
                  published=date(2024, 3, 20)) == []


def test_chair_of_a_plainly_named_meeting():
    [ev] = events("11日下午，省委书记柏文山在某市主持召开座谈会，听取工作汇报。", "meeting", published=date(2023, 4, 12))
    assert (ev.name, ev.lead, ev.date) == ("座谈会", "柏文山", date(2023, 4, 11))


def test_dated_dateline_gives_dangtian():
    a = art("当天，市委书记柏文山走访慰问困难群众，先后来到某区新风社区、某区福瑞社区。", published=date(2020, 12, 3))
    a.dateline = "本报12月2日讯"
    [ev] = [e for e in extract_facts(a).events if e.type == "inspection"]
    assert ev.date == date(2020, 12, 2)


def test_night_market_sites_and_last_night():
    text = "昨晚，省市场监管局局长柏文山带队暗访夜市。在某区胜利河美食街，柏文山走进后厨查看台账。"
    [ev] = events(text, "inspection", published=date(2023, 7, 8))
    assert ev.date == date(2023, 7, 7) and [s.name for s in ev.sites] == ["某区胜利河美食街"]


def test_a_market_ending_in_shi_is_a_site_not_a_city():
    text = "昨晚，局长柏文山带队暗访夜市。在某区胜利河美食街，柏文山走进后厨。在某区文一路夜市，他随机抽检了食材。"
    [ev] = events(text, "inspection", published=date(2023, 7, 8))
    assert [s.name for s in ev.sites] == ["某区胜利河美食街", "某区文一路夜市"]


# ---------------------------------------------------------------- third blind round (tests/gold/pages3)

def test_two_leads_joined_by_yitong_and_a_companion_with_yitong():
    text = ("11月11日，县委书记甲建明，县委副书记、县长乙志远一同深入某镇，调研产业扶贫工作。县委常委丙晓峰参加调研。\n"
            "在某镇某村茶叶合作社，甲建明、乙志远详细了解分红情况。")
    evs = events(text, "inspection", published=date(2020, 11, 12))
    assert sorted(e.lead for e in evs) == ["乙志远", "甲建明"]
    text = "昨日，市委副书记丁卫国带队暗访检查城市管理工作。市政府副秘书长柴一凡一同暗访。丁卫国一行随机来到某街道农贸市场。"
    [ev] = events(text, "inspection", published=date(2023, 3, 28))
    assert ev.lead == "丁卫国" and ("柴一凡", "accompanying") in [(p.name, p.role) for p in ev.participants]


def test_he_inside_a_site_name_and_a_listed_workshop():
    text = ("9月8日，市政协主席甲志华带队调研养老服务。甲志华首先来到某区某街道颐和养老服务中心，察看助餐服务。"
            "随后，调研组走进某社区养老服务站。")
    [ev] = events(text, "inspection", published=date(2021, 9, 10))
    assert [s.name for s in ev.sites] == ["某区某街道颐和养老服务中心", "某社区养老服务站"]
    text = "3月25日，市委书记娄志宏一行先后来到某市某镇光谷新材料产业园、某某经济开发区智能门业数字化车间、某县胡柚加工基地，调研产业发展。"
    [ev] = events(text, "inspection", published=date(2023, 3, 28))
    assert [s.name for s in ev.sites][1] == "某某经济开发区智能门业数字化车间"


def test_suihou_takes_the_last_day_not_an_adjectival_jinqi():
    text = ("5月18日，县委书记丙国庆来到县防汛抗旱指挥部办公室，调度全县防汛工作。\n"
            "会上，县水利局负责人汇报了近期雨情水情。\n"
            "随后，丙国庆冒雨来到某水库大坝，察看水库水位。")
    [ev] = events(text, "inspection", published=date(2022, 5, 19))
    assert (ev.date, ev.date_precision) == (date(2022, 5, 18), "day")
    assert [e.lead for e in events(text, "meeting")] == ["丙国庆"]


def test_site_seen_after_coming_to_a_county():
    text = "6月13日，副市长丁光明督导城区防汛。14日，丁光明又来到某某区，察看南洲镇湘江大堤某段险工险段整治情况。"
    evs = {e.date: e for e in events(text, "inspection", published=date(2021, 6, 15))}
    assert [s.name for s in evs[date(2021, 6, 14)].sites] == ["南洲镇湘江大堤某段"]


def test_collective_study_session_is_a_meeting():
    text = "5月21日，市委理论学习中心组举行2024年第五次集体学习。市委书记韦振华主持并讲话。"
    [ev] = events(text, "meeting", published=date(2024, 5, 22))
    assert ev.lead == "韦振华" and ev.date == date(2024, 5, 21)


def test_he_splits_two_units_opening_with_divisions():
    from loaders.events import split_sites
    assert split_sites("甲镇乙村茶园、丙镇丁村梯田观光步道和戊镇游客服务中心") == [
        "甲镇乙村茶园", "丙镇丁村梯田观光步道", "戊镇游客服务中心"]
    assert split_sites("某和养老中心") == ["某和养老中心"]


def test_sites_after_an_adverb_or_yixing_before_dao():
    text = "5月6日下午，市长柯文远冒雨到青山渠城关段、白沙镇河堤和高桥镇安置点，实地察看汛情。"
    ev = [e for e in events(text, published=date(2020, 5, 7)) if e.type == "inspection"][0]
    assert [s.name for s in ev.sites] == ["青山渠城关段", "白沙镇河堤", "高桥镇安置点"]
    text = "5月6日，县政协主席任江一行到县福利院、城关镇幸福院走访慰问。"
    ev = [e for e in events(text, published=date(2020, 5, 7)) if e.type == "inspection"][0]
    assert [s.name for s in ev.sites] == ["县福利院", "城关镇幸福院"]


def test_listed_unit_workshop_keeps_the_unit_and_long_listed_items_stay():
    text = ("6月2日，市长柯文远到某区调研工业经济运行情况。柯文远一行首先来到某开发区新材料产业园，了解进度。"
            "随后，来到某某食品有限公司生产车间，察看生产。")
    ev = [e for e in events(text, published=date(2020, 6, 3)) if e.type == "inspection"][0]
    assert "某某食品有限公司" in [s.name for s in ev.sites]
    text = "6月2日，市长柯文远调研职工服务工作。柯文远先后深入甲区职工服务中心、乙区某煤业职工书屋和丙区某集团技能大师工作室，了解情况。"
    ev = [e for e in events(text, published=date(2020, 6, 3)) if e.type == "inspection"][0]
    assert [s.name for s in ev.sites][-1] == "丙区某集团技能大师工作室"


def test_dispatch_topic_after_the_verb():
    text = "7月1日上午，县长陶立群来到县防汛抗旱指挥部办公室，调度当前防汛救灾工作，听取汇报。"
    ev = [e for e in events(text, published=date(2020, 7, 2)) if e.type == "meeting"][0]
    assert ev.lead == "陶立群" and ev.name == "防汛救灾工作调度"


def test_inspection_verb_with_le_before_a_list_of_units():
    text = "3月2日，县委书记简有方暗访了县人民医院发热门诊、城北农贸市场。"
    ev = [e for e in events(text, published=date(2020, 3, 3)) if e.type == "inspection"][0]
    assert [s.name for s in ev.sites] == ["县人民医院发热门诊", "城北农贸市场"]


def test_own_area_class_is_not_a_site():
    text = "4月12日，省委常委谷正阳深入我市企业调研，先后来到某电机有限公司、城北物流园。"
    ev = [e for e in events(text, published=date(2020, 4, 13)) if e.type == "inspection"][0]
    assert [s.name for s in ev.sites] == ["某电机有限公司", "城北物流园"]


def test_visit_of_people_at_a_unit_gives_the_unit():
    text = "1月10日，市委书记闻立山先后看望慰问甲区福利院的孤寡老人、市第二医院的医护人员和乙镇丙村的困难党员。"
    ev = [e for e in events(text, published=date(2021, 1, 11)) if e.type == "inspection"][0]
    assert [s.name for s in ev.sites] == ["甲区福利院", "市第二医院", "乙镇丙村"]


def test_project_progress_after_chakan_is_a_site():
    text = ("5月6日，区委书记宫明远深入重点项目一线调研。宫明远首先察看了某大道综合管廊项目建设进度，"
            "要求倒排工期。随后，他察看某河生态修复工程进度，询问资金保障情况。")
    ev = [e for e in events(text, published=date(2021, 5, 7)) if e.type == "inspection"][0]
    assert [s.name for s in ev.sites] == ["某大道综合管廊项目", "某河生态修复工程"]


def test_he_after_a_town_stays_in_the_next_site_name():
    from loaders.events import split_sites
    assert split_sites("甲镇和睦社区和乙家园小区") == ["甲镇和睦社区", "乙家园小区"]
    assert split_sites("甲镇和乙镇") == ["甲镇", "乙镇"]
    assert split_sites("县人力资源和社会保障局") == ["县人力资源和社会保障局"]


def test_short_name_of_a_visited_company_is_not_a_new_site():
    text = ("9月3日，市委书记莫清远一行深入广信精密机械有限公司、某区五金制品厂等企业调研。"
            "在广信公司，莫清远走进装配车间，了解研发情况。随后，莫清远来到某街道党群服务中心，座谈交流。")
    ev = [e for e in events(text, published=date(2021, 9, 4)) if e.type == "inspection"][0]
    assert [s.name for s in ev.sites] == ["广信精密机械有限公司", "某区五金制品厂", "某街道党群服务中心"]


def test_leads_on_separate_routes_keep_their_own_sites():
    text = ("8月2日，市委书记甘守义、市长童书兰分别带队检查防汛工作。\n"
            "甘守义先后来到某江大堤某段、某港排涝泵站，检查巡查值守情况。副市长柴立新参加检查。\n"
            "童书兰来到某区某水库、某镇某社区，检查群众转移避险预案。市政府秘书长简成陪同检查。")
    evs = {e.lead: e for e in events(text, "inspection", published=date(2021, 8, 3))}
    assert [s.name for s in evs["甘守义"].sites] == ["某江大堤某段", "某港排涝泵站"]
    assert [s.name for s in evs["童书兰"].sites] == ["某区某水库", "某镇某社区"]
    assert "柴立新" in [p.name for p in evs["甘守义"].participants]
    assert "柴立新" not in [p.name for p in evs["童书兰"].participants]
    assert "简成" in [p.name for p in evs["童书兰"].participants]


def test_visit_of_people_and_progress_without_a_unit_give_no_site():
    text = ("1月20日，县委书记闻立山看望慰问坚守在高速卡口的执勤人员。随后，闻立山察看了解项目建设进度，"
            "走访了县福利院。")
    ev = [e for e in events(text, published=date(2021, 1, 21)) if e.type == "inspection"][0]
    assert [s.name for s in ev.sites] == ["县福利院"]
