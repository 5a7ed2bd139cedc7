"""Which written dates an event may take (loaders/events/context.py), on invented articles."""
from datetime import date

from test_events import events


def test_cutoff_of_a_statistic_is_not_the_visit_day():
    text = ("本报讯 副市长周立新带领市应急局相关负责人，日前检查我市部分企业安全生产工作。\n"
            "据了解，截至2月1日，全市已有三成企业放假。在某某水泥有限公司，周立新查看了生产运营情况。")
    [ev] = events(text, "inspection", published=date(2016, 2, 5))
    assert ev.lead == "周立新"
    assert ev.date != date(2016, 2, 1)
    assert ev.date_precision == "approximate"


def test_a_range_with_one_day_word_dates_the_trip():
    text = "4月6至7日，省政协常委周立新率调研组赴某某市调研，走进某某电子公司实地查看。"
    [ev] = events(text, "inspection", published=date(2022, 4, 11))
    assert (ev.date, ev.end_date) == (date(2022, 4, 6), date(2022, 4, 7))
