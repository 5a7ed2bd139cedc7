"""Names, leads, visits and dates: one test per class of real text met in batches Y and Z of the real
corpus (county and township sites, bureaus, chronicles posted years later), on invented articles with
invented names."""
from datetime import date

from loaders.dates import find_dates
from loaders.issue_date import infer_date
from loaders.pipeline import extract_text
from test_events import events, sites
from test_mentions import people

D = date(2021, 3, 8)


def web(text, published=None):
    """The events of a web page (its first line the headline) as (type, lead, date, date text)."""
    [a] = extract_text(text, issue_date=published, layout="web")
    return [(e.type, e.lead, e.date, e.date_text) for e in a.events]


# ---------------------------------------------------------------- names

def test_two_bare_names_opening_a_clause_before_a_follower_word():
    assert set(people("会见结束后合影留念。郑一远、柯一东参加会见。")) == {"郑一远", "柯一东"}


def test_a_bare_list_closed_by_deng_or_ji_and_an_item_ending_in_a_function_character():
    assert set(people("会议强调，要作出新贡献。卫一平、江一涛、周丽等参加分组讨论。")) == {"卫一平", "江一涛", "周丽"}
    got = people("县领导张一波、臧一尚、熊一平、刘一让、刘一贵、莫一生及县统计局负责人参加调研。")
    assert {"刘一让", "刘一贵", "莫一生"} <= set(got)


def test_private_persons_joined_by_he_after_a_descriptor():
    assert {"龚一兵", "胡一香"} <= set(people("在某村，市长熊一平慰问了贫困群众龚一兵和胡一香。"))
    assert {"唐一香", "金一枝"} <= set(people("在农村低保对象唐一香、金一枝家中，书记李一忠送去了慰问金。"))


def test_dai_biao_before_the_party_and_government_is_the_verb():
    got = people("1月25日，法院院长张一阁到某村慰问。张一阁院长代表党和政府为每一户困难群众送去了慰问金。")
    assert list(got) == ["张一阁"]


def test_a_given_name_and_a_post_is_the_person_named_before():
    text = ("1月23日，县长刘江林深入某超市、某燃气公司督导安全生产工作。"
            "到某超市，江林县长实地查看消防通道是否畅通。")
    assert list(people(text)) == ["刘江林"]
    [ev] = events(text, "inspection")
    assert ev.lead == "刘江林"


def test_shou_before_an_entrustment_ends_a_two_character_name():
    assert "弘一" in people("省委常委、组织部部长弘一受省委委托，在会上宣布了省委决定。")


# ---------------------------------------------------------------- leads and visits

def test_a_group_led_by_two_named_side_by_side_has_the_first_as_its_lead():
    text = ("11月22日上午，由市人大常委会副主任、甲县委书记王一锋，县委副书记、县长、甲经济开发区党工委书记"
            "李一贵带队的考察团来到乙县，就营商环境进行考察交流。")
    [ev] = events(text, "inspection", published=date(2023, 11, 24))
    assert ev.lead == "王一锋" and "李一贵" in [p.name for p in ev.participants if p.role == "accompanying"]
    text = "12月8日，甲市党政代表团在市委书记杨一平，市委副书记、市长金一元的率领下来乙区参观考察。"
    [ev] = events(text, "inspection", published=date(2023, 12, 9))
    assert ev.lead == "杨一平"


def test_sui_xing_comes_along():
    text = "3月16日，省长谢一瞻到某市调研，察看高标准粮田建设。副省长王一铁随行调研。"
    [ev] = events(text, "inspection", published=date(2015, 3, 17))
    assert ev.lead == "谢一瞻" and [p.name for p in ev.participants if p.role == "accompanying"] == ["王一铁"]
    text = ("14日至18日，全国政协主席贾一林和随行的全国政协副主席兼秘书长钱一录等，在省委书记卢一工、"
            "省长黄一晶的陪同下，先后来到某市、某县调研。")
    assert [e.lead for e in events(text, "inspection", published=date(2009, 5, 20))] == ["贾一林"]


def test_an_covert_check_is_a_visit_with_its_sites():
    text = "2月17日上午，省运管局局长赵一雁便服简行，深入某客运中心站、汽车北站、汽车西站暗查春运各项要求落实情况。"
    assert sites(text, published=date(2015, 2, 28)) == ["某客运中心站", "汽车北站", "汽车西站"]


def test_those_who_come_along_make_the_previous_sentences_move_a_visit():
    text = ("1月26日，区人大常委会主任连一华一行来到位于某镇的某新材料科技股份有限公司，详细了解企业发展情况。"
            "镇党委书记陈一杰陪同调研。")
    [ev] = events(text, "inspection", published=date(2021, 1, 28))
    assert (ev.lead, ev.date) == ("连一华", date(2021, 1, 26))
    assert [s.name for s in ev.sites] == ["某新材料科技股份有限公司"]
    assert [p.name for p in ev.participants if p.role == "accompanying"] == ["陈一杰"]


def test_a_visit_verb_inside_a_documents_name_is_no_visit():
    text = ("9月5日，市人大常委会主任张一林主持召开主任会议。会议研究通过了对全市医疗保障工作开展专题询问的实施方案、"
            "开展新能源产业发展情况主任集体视察的工作方案。")
    assert events(text, "inspection", published=date(2023, 9, 6)) == []


# ---------------------------------------------------------------- dates

def test_two_days_of_a_month_listed_with_a_dun_hao_are_the_visits_days():
    [d] = find_dates("2月24、25日，市人大常委会主任到某县调研。", D)
    assert (d.date, d.end_date) == (date(2021, 2, 24), date(2021, 2, 25))
    # written with 日 after each: two days in a row are the visit's span, days apart two days
    [d] = find_dates("2月24日、25日", D)
    assert (d.date, d.end_date) == (date(2021, 2, 24), date(2021, 2, 25))
    assert [(x.text, x.date) for x in find_dates("1月17日、26日", D)] == [("1月17日", date(2021, 1, 17)),
                                                                       ("26日", date(2021, 1, 26))]


def test_a_flattened_chronicle_with_bare_numbers_for_months_and_days():
    text = "\n\n".join(["2006 年 某 区 大 事 记", "日期:2008-04-01    来源:某区政府", " 1  ", "57  区政协第三届委员会第三次会议在某宾馆举行。",
                        "9  某物流中心落户物流基地。", "30  市委副书记张一卫慰问某镇某村困难党员。", "2 ",
                        "8  市委副书记、市长王一山到某镇某村调研农村党员教育情况。",
                        "15  市委常委、常务副市长翟一祥调研新城建设情况。"])
    got = web(text, published=date(2008, 4, 1))
    assert ("meeting", None, date(2006, 1, 5), "57") in got
    assert [(t, who, d) for t, who, d, _ in got if t == "inspection"] == [
        ("inspection", "张一卫", date(2006, 1, 30)), ("inspection", "王一山", date(2006, 2, 8)),
        ("inspection", "翟一祥", date(2006, 2, 15))]
    # bare numbers out of order within a month are no chronicle's days
    assert find_dates("3某镇召开会议。\n12某局检查。\n5某村调研。\n", D) == []


def test_a_chronicle_posted_years_later_is_of_the_one_year_its_items_write():
    text = "\n\n".join(["1 月", "6 日 市委书记赵一秦会见客人。", "16 日 某市2014 年文化“三下乡”活动启动仪式在某县举行。",
                      "18 日 市委书记赵一秦，市长黄一华率队到某军区开展慰问。"])
    got = web(text, published=date(2016, 3, 2))
    assert ("inspection", "赵一秦", date(2014, 1, 18), "18日") in got


def test_a_chronicles_period_in_digits_and_a_chronicle_with_no_period_at_all():
    body = "\n1日市长曹一宝主持召开市政府党组会议。\n3日市人大常委会召开党组(扩大)会议，常务副主任张一祥主持。\n"
    got = web("某市大事记202008" + body, published=date(2020, 9, 18))
    assert [(d, t) for _, _, d, t in got] == [(date(2020, 8, 1), "1日"), (date(2020, 8, 3), "3日")]
    got = web("某市大事记" + body, published=date(2020, 9, 18))
    assert [(d, t) for _, _, d, t in got] == [(None, "1日"), (None, "3日")]   # kept, the year unknown


def test_a_year_the_text_measures_from_is_not_the_year_it_was_written():
    text = "3月6日，市长到消防支队慰问。今年旱情为1951年有气象记录以来最严重。5日，支队召开会议，部署2010年工作。"
    assert infer_date(text)[0] == date(2010, 3, 7)
    assert infer_date("12月9日，书记来到牧民某某家。某某1984年退伍后，一直义务戍边。")[0] is None
