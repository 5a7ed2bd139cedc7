"""Batch AI of the real corpus (scored blind with the code after AH's fixes: inspections 0.952): its one
fix, on an invented text with invented names."""
from test_mentions import people


def test_a_dotted_name_ends_before_ji():
    text = "市委副书记、市长阿不都·热合曼、副市长艾力·买买提及地、市相关部门负责人陪同检查。"
    assert {"阿不都·热合曼", "艾力·买买提"} <= set(people(text))
