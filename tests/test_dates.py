"""The date grammar, resolved against the issue date (loaders/dates.py)."""
from datetime import date

import pytest

from loaders.dates import cn_number, find_dates, parse_date

B = date(2020, 3, 8)


@pytest.mark.parametrize("expr,base,start,end,precision", [
    ("3月6日", B, date(2020, 3, 6), None, "day"),
    ("3 月 6 日下午", B, date(2020, 3, 6), None, "day"),          # spaced digits, part of day
    ("３月６日", B, date(2020, 3, 6), None, "day"),               # full-width digits
    ("2020年3月6日", B, date(2020, 3, 6), None, "day"),
    ("2 0 2 0 年 3 月 6 日", B, date(2020, 3, 6), None, "day"),
    ("三月六日", B, date(2020, 3, 6), None, "day"),               # Chinese numerals
    ("二〇二〇年三月六日", B, date(2020, 3, 6), None, "day"),
    ("十二月二十八日", B, date(2019, 12, 28), None, "day"),
    ("6日", B, date(2020, 3, 6), None, "day"),                    # day only: issue month
    ("28日", B, date(2020, 2, 28), None, "day"),                  # beyond the issue day: last month
    ("当天", B, B, None, "day"),
    ("昨日", B, date(2020, 3, 7), None, "day"),
    ("昨天上午", B, date(2020, 3, 7), None, "day"),
    ("今日", B, B, None, "day"),
    ("前日", B, date(2020, 3, 6), None, "day"),
    ("3月25日至26日", date(2020, 3, 30), date(2020, 3, 25), date(2020, 3, 26), "day"),
    ("25—26日", date(2020, 3, 30), date(2020, 3, 25), date(2020, 3, 26), "day"),
    ("1月27日至2月1日", B, date(2020, 1, 27), date(2020, 2, 1), "day"),
    ("3月25至26日", date(2020, 3, 30), date(2020, 3, 25), date(2020, 3, 26), "day"),   # 日 once, at the end
    ("3月25-26日", date(2020, 3, 30), date(2020, 3, 25), date(2020, 3, 26), "day"),
    ("1月27至2月1日", B, date(2020, 1, 27), date(2020, 2, 1), "day"),
    ("日前", B, date(2020, 3, 1), B, "approximate"),
    ("近日", B, date(2020, 3, 1), B, "approximate"),
    ("连日来", B, date(2020, 3, 1), B, "approximate"),
    ("去年10月", B, date(2019, 10, 1), date(2019, 10, 31), "month"),
    ("1月31日", date(2020, 2, 1), date(2020, 1, 31), None, "day"),
    ("12月28日", date(2020, 1, 5), date(2019, 12, 28), None, "day"),   # previous year
    ("2019-12-23", B, date(2019, 12, 23), None, "day"),
])
def test_grammar(expr, base, start, end, precision):
    m = parse_date(expr, base)
    assert m is not None, expr
    assert (m.date, m.end_date, m.precision) == (start, end, precision)


def test_part_of_day_kept():
    assert parse_date("1月31日傍晚", date(2020, 2, 1)).part == "傍晚"


def test_planned_not_moved_to_last_year():
    m = parse_date("将于3月10日召开", B)
    assert m.planned and m.date == date(2020, 3, 10)


def test_past_date_never_after_issue():
    for expr in ("12月28日", "28日", "十二月二十八日"):
        assert parse_date(expr, date(2020, 1, 5)).date <= date(2020, 1, 5)


def test_context_month_and_same_day():
    ms = find_dates("1月24日，全球发布了信息。27日，他病倒了。当天下午又来到单位。", date(2020, 2, 5))
    assert [m.date for m in ms] == [date(2020, 1, 24), date(2020, 1, 27), date(2020, 1, 27)]


@pytest.mark.parametrize("noise", ["有着24年党龄的", "十二届市纪委五次全会", "24小时值班", "第28次主任会议", "在10日内完成",
                                   "2019-nCov病毒"])
def test_no_false_dates(noise):
    assert find_dates(noise, B) == []


def test_no_base_gives_no_date():
    m = parse_date("5月5日上午", None)
    assert m is not None and m.date is None


def test_cn_number():
    assert cn_number("二十六") == 26 and cn_number("十二") == 12 and cn_number("二〇二〇") == 2020
    assert cn_number("2 6") == 26 and cn_number("十") == 10


@pytest.mark.parametrize("expr,base,start,end", [
    ("上月28日", date(2024, 1, 3), date(2023, 12, 28), None),          # relative month
    ("本月2日上午", date(2024, 1, 3), date(2024, 1, 2), None),
    ("元月2日", date(2024, 1, 3), date(2024, 1, 2), None),             # 元月 = January
    ("二十八日下午", date(2024, 1, 3), date(2023, 12, 28), None),      # Chinese-numeral day only
    ("三十一日", date(2024, 1, 3), date(2023, 12, 31), None),
    ("25—26日", date(2023, 10, 27), date(2023, 10, 25), date(2023, 10, 26)),
    ("4月8日—9日", date(2022, 4, 11), date(2022, 4, 8), date(2022, 4, 9)),
    ("十二月二十八日", date(2024, 1, 3), date(2023, 12, 28), None),    # in a January issue: last year
])
def test_more_date_forms(expr, base, start, end):
    d = parse_date(expr, base)
    assert (d.date, d.end_date) == (start, end)


def test_numbers_that_are_not_days():
    assert find_dates("一日三餐，十日内办结，第二十一日", date(2024, 1, 3)) == []


def test_next_month_is_planned():
    [d] = find_dates("下月5日将举行", date(2024, 1, 3))
    assert d.date == date(2024, 2, 5) and d.planned


def test_evening_words_and_a_dateline_reference():
    base = date(2023, 7, 8)
    assert [d.date for d in find_dates("昨晚8点多，检查组来到夜市。", base)] == [date(2023, 7, 7)]
    assert [d.date for d in find_dates("今晨，气温下降。", base)] == [date(2023, 7, 8)]
    # 当天 before any date of the text: the dateline's day
    assert [d.date for d in find_dates("当天，市委书记走访群众。", base, ref=date(2023, 7, 6))] == [date(2023, 7, 6)]


def test_digits_across_a_line_break_are_two_dates():
    """时间:2023-04-27 / 4月26日…: the 7 and the 4 on two lines are not one month 74."""
    found = [(m.text, m.date) for m in find_dates("时间:2023-04-27\n4月26日，省委", date(2023, 4, 27))]
    assert found == [("2023-04-27", date(2023, 4, 27)), ("4月26日", date(2023, 4, 26))]
