"""Batch AR of the real corpus (scored blind with the code after batch AQ, ec42e08: inspections 0.810,
sites 0.673): one test per class of real text it showed, on invented articles with invented names."""
from datetime import date

from test_events import events, sites
from test_mentions import people


def test_leaders_each_leading_a_check_of_units_after_dui():
    text = ("2月9日上午，某镇组织开展春节前安全生产督查工作。党委书记冯一晖带队对甲乙气体有限公司和丙丁特种气体有限公司的"
            "进行了安全督查，要求企业加强管理。镇长王一强带队对戊己花园建设工地、庚辛超市进行了安全督查；人大主席丁一坤带队"
            "对壬癸养老院、子丑超市进行了安全督查。")
    got = {e.lead: [s.name for s in e.sites] for e in events(text, "inspection", published=date(2018, 2, 9))}
    assert got == {"冯一晖": ["甲乙气体有限公司", "丙丁特种气体有限公司"], "王一强": ["戊己花园建设工地", "庚辛超市"],
                   "丁一坤": ["壬癸养老院", "子丑超市"]}


def test_a_check_of_supplies_is_a_visit_though_its_topic_ends_in_ying():
    # 供应进行检查: the 应 of 供应 is no modal (应检查: to be checked)
    text = ("1月19日上午，区委副书记张一营、区政府副区长张一武对春节前食品安全和节日供应进行检查。"
            "检查组先后对甲乙万家某路店、丙丁南郊大市场进行实地检查。")
    [ev] = events(text, "inspection", published=date(2023, 1, 20))
    assert ev.lead == "张一营" and [p.name for p in ev.participants if p.role == "accompanying"] == ["张一武"]
    assert [s.name for s in ev.sites] == ["甲乙万家某路店", "丙丁南郊大市场"]


def test_leaders_listed_and_closed_by_a_group_in_quotes_are_one_visit():
    text = ("5月15日下午，市长刘一池、市人大常委会主任朱一祥、市政协主席王一义，市委副书记、市委秘书长杜一标等市“四大家”领导"
            "展开汛前徒步检查，重点巡查甲江干堤、乙荆河堤险段。")
    [ev] = events(text, "inspection", published=date(2010, 5, 17))
    assert ev.lead == "刘一池" and [s.name for s in ev.sites] == ["甲江干堤", "乙荆河堤险段"]
    assert "展开汛" not in people(text)


def test_a_new_post_and_a_checkpoint_named_after_the_check():
    text = ("5月4日，县委常委、组织部部长、县新材料产业链链长刘一永到新材料相关企业进行调研。"
            "刘一永一行先后到甲乙新型建材有限公司、丙丁聚氨酯制品有限公司等实地调研。")
    [ev] = events(text, "inspection", published=date(2023, 5, 6))
    assert ev.lead == "刘一永" and len(ev.sites) == 2
    text = ("1月25日，副市长陈一黔来我县调研。陈一黔一行先后来到某高速某城区入口非洲猪瘟检查消毒站、甲乙百汇超市、"
            "丙丁农贸市场等地，详细检查消毒设施。")
    assert sites(text, published=date(2019, 1, 26)) == ["某高速某城区入口非洲猪瘟检查消毒站", "甲乙百汇超市", "丙丁农贸市场"]


def test_names_listed_before_a_group_of_leaders_and_a_writer_and_photographer():
    got = people("县长魏一军主持。霍一生、黄一翔、张一鑫等县四套班子领导出席。")
    assert {"霍一生", "黄一翔", "张一鑫"} <= set(got)
    got = people("5月30日，市委书记某某出席了大会。(黄一森文汪一洋摄)")
    assert {"黄一森", "汪一洋"} <= set(got)
    assert "董一鹏" in people("出席活动的包括省议员董一鹏。")
