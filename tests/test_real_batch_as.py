"""Batch AS of the real corpus (scored blind with the code after batch AR, 081e828: inspections 0.930,
sites 0.789, meetings 0.667): one test per class of real text it showed, on invented articles with
invented names."""
from datetime import date

from test_events import events, sites
from test_mentions import people


def test_units_listed_in_groups_each_closed_by_its_kind():
    text = ("6月6日，市委书记褚一伟带领有关部门负责人明察暗访企业安全生产情况。褚一伟一行重点检查了甲乙油库、"
            "甲乙市天然气应急储备中心等消防安全重点单位，丙丁制药有限公司、戊己科技有限公司等危化企业，"
            "庚辛新能源、壬癸县某某住宅小区等在建项目施工现场。")
    assert sites(text, published=date(2023, 6, 7)) == ["甲乙油库", "甲乙市天然气应急储备中心", "丙丁制药有限公司",
                                                       "戊己科技有限公司", "庚辛新能源", "壬癸县某某住宅小区"]


def test_reports_heard_and_work_praised_are_no_visits():
    text = ("2017年7月12日，市安委会召开安全生产巡查工作汇报会，副市长何一山专门听取8个巡查组巡查工作汇报并讲话。"
            "何一山对首轮安全生产巡查工作给予充分肯定并提出要求。")
    assert events(text, "inspection", published=date(2017, 7, 13)) == []


def test_a_post_right_after_a_heads_post_opens_a_name_and_posts_after_names():
    got = people("10月14日，某师农业局局长丁一民、22团孙一斌副团长、22团生产科科长关长青一行前往某连调研。"
                 "刘市长听取了陈一生经理、杨一山站长关于春运组织的汇报。")
    assert got["孙一斌"] == ["副团长"] and got["陈一生"] == ["经理"] and got["杨一山"] == ["站长"]
    assert "青一行" not in got
    assert "苌一欣" in people("市水务局二级巡视员苌一欣陪同检查。")
