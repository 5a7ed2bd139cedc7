"""Inspection leads and days, one test per class of real text (batch D of the real corpus), on invented
articles with invented names (loaders/events/inspections.py, subjects.py, context.py, mentions)."""
from datetime import date

from test_events import art, events
from loaders.extract import extract_facts

D = date(2021, 5, 12)


def visits(text, published=D):
    return sorted((e.lead, e.date, e.end_date, e.date_precision, e.date_text)
                  for e in events(text, "inspection", published=published))


def leads(text, published=D):
    return sorted((e.lead, e.date) for e in events(text, "inspection", published=published))


def test_no_date_written_takes_the_issue_day_as_an_approximate_span():
    text = "镇党委书记林海走访慰问了退休干部和困难群众，送去节日祝福。"
    assert visits(text) == [("林海", date(2021, 5, 5), D, "approximate", None)]
    assert visits(text, published=None) == [("林海", None, None, "unknown", None)]


def test_a_date_written_is_kept_over_the_issue_day():
    assert leads("5月10日，镇长林海走访慰问了困难群众。") == [("林海", date(2021, 5, 10))]


def test_companions_of_a_run_of_verbs_do_not_lead():
    text = ("5月11日，州委副书记林海率州政府副秘书长王平一行赴某县考察调研。"
            "某县县委书记周立新，县委副书记、县长陈东等陪同考察调研座谈。")
    assert leads(text) == [("林海", date(2021, 5, 11))]


def test_two_names_under_one_title_make_one_visit_led_by_the_first():
    # one lead per visit (tests/gold/README.md): the second of 市领导A及B一行 comes along
    assert leads("5月9日，市领导林海及王平一行到某街道实地考察社区建设情况。") == [("林海", date(2021, 5, 9))]
    assert leads("5月9日，市妇儿工委成员林海、王平一行到某社区调研。") == [("林海", date(2021, 5, 9))]
    [ev] = events("5月9日，市领导林海及王平一行到某街道实地考察社区建设情况。", "inspection", published=D)
    assert [p.name for p in ev.participants if p.role == "accompanying"] == ["王平"]


def test_a_preposition_character_inside_a_name_is_no_preposition():
    assert leads("5月9日，市领导林向东及王平一行到某街道实地考察。") == [("林向东", date(2021, 5, 9))]


def test_names_listed_after_a_companion_come_along():
    text = ("今天上午，省委常委、市委书记林海，市委常委、市委秘书长王平，市委常委、宣传部部长李强，"
            "市人大常委会代主任陈东明，副市长周立新等一行来到某报社，慰问一线采编人员。")
    assert leads(text) == [("林海", D)]


def test_a_span_alone_on_its_line_dates_a_digest():
    text = ("要闻周报\n（5月10日—5月14日）\n"
            "●区委书记林海、区长王平调研某蔬菜产业园并召开座谈会。\n"
            "●区委书记林海前往某街道，调研督导整改工作。")
    assert visits(text) == [("林海", date(2021, 5, 10), date(2021, 5, 14), "day", "5月10日—5月14日"),
                            ("王平", date(2021, 5, 10), date(2021, 5, 14), "day", "5月10日—5月14日")]


def test_a_summary_of_a_digest_is_not_the_next_items_visit():
    text = ("走访慰问部队官兵，率党政代表团外出考察……5月6日至5月12日，八市书记市长在忙这些事——\n"
            "5月8日，某市市委书记林海带队走访慰问驻地部队。")
    assert leads(text) == [("林海", date(2021, 5, 8))]


def test_a_group_come_to_our_area_is_hosted_not_led_by_those_who_take_part():
    text = "5月10日，省政府督查组在我区督查安全生产工作。区委副书记、区长林海，副区长王平参加。"
    assert leads(text) == []


def test_a_relative_clause_on_visitors_is_no_visit():
    text = "5月10日，县长林海会见来某县投资考察的企业负责人。林海对来某县考察洽谈的客商表示欢迎。"
    assert leads(text) == []


def test_looking_at_a_monitoring_system_is_no_visit():
    text = ("5月10日上午，副市长林海主持召开汛情会商会。"
            "在市防汛指挥中心，林海通过信息监测系统认真察看了当前的雨情、水情。")
    assert leads(text) == []


def test_a_day_adding_its_own_trip_keeps_the_umbrella_visit():
    text = ("副市长林海带领相关部门负责人，日前检查我市部分企业的安全生产工作。\n"
            "林海一行前天还到我市公交调度中心、某加油站，检查春运保障工作。")
    got = visits(text)
    assert [(g[0], g[3]) for g in got] == [("林海", "approximate"), ("林海", "day")]
    assert date(2021, 5, 10) in [g[1] for g in got]


def test_a_given_name_with_a_function_character_after_a_title():
    text = "5月10日，某省委会主委林乃硕率调研组赴某县，就产业发展进行调研。"
    assert leads(text) == [("林乃硕", date(2021, 5, 10))]
    text = "5月10日，市政协副主席林以万带队到某县，督查提案办理情况。"
    assert leads(text) == [("林以万", date(2021, 5, 10))]


def test_a_rare_surname_variant_is_a_surname():
    text = "5月10日，由省委统战部副部长繆立新率队的考察团到我市考察指导。"
    assert leads(text) == [("繆立新", date(2021, 5, 10))]


def test_a_credited_name_who_holds_a_post_leads():
    text = "5月10，镇长林海对辖区内易发生灾害点进行检查指导。\n审核：林海   上传：王平"
    assert leads(text) == [("林海", date(2021, 5, 10))]


def test_going_down_to_the_grassroots_in_turn_is_a_visit():
    text = "镇领导林海、王平、陈东分别带队深入基层，与辖区居民亲切交谈，嘘寒问暖。"
    assert sorted(x[0] for x in leads(text)) == sorted(["林海", "王平", "陈东"])


def test_a_class_of_people_at_home_is_no_site():
    text = ("5月10日，镇党委书记林海走访慰问了退休干部。\n"
            "镇人大主席王平来到退休干部和社区困难党员家中，了解他们的生活情况。\n"
            "镇领导陈东、李强分别带队走访慰问困难群众。")
    evs = [e for e in extract_facts(art(text, published=D)).events if e.type == "inspection"]
    assert evs and all(not s.name.endswith("党员家") for e in evs for s in e.sites)


def test_a_run_of_names_before_their_standing_and_the_verb_of_leading_the_first_leads():
    text = "5月10日至11日，林海、王东明、陈立新等市领导率领我市党政代表团，赴某县考察经济社会发展情况。"
    assert [x[0] for x in leads(text)] == ["林海"]


def test_a_check_from_a_command_room_is_no_visit():
    text = ("5月10日下午，县长林海专程到县防汛指挥部检查防汛工作。"
            "在指挥部会议室，林海逐一与各乡镇进行了视频连线，检查值班情况。")
    assert leads(text) == []
    text = "5月10日下午，县长林海专程到某水库检查防汛工作，察看泄洪设施。"
    assert leads(text) == [("林海", date(2021, 5, 10))]


def test_a_household_visited_with_a_verb_of_movement_is_a_visit():
    text = "5月10日，镇人大主席林海来到退休干部和困难党员家中，关切地了解他们的身体和生活情况。"
    assert leads(text) == [("林海", date(2021, 5, 10))]
    assert leads("5月10日，镇人大主席林海来到某村村委会，了解村务情况。") == []
