"""jionlp.parse_time and dateparser against kb's date grammar on the date test cases.

Each case: an expression, the issue date, the expected start day. A library gets a case right when its
result's start day equals the expected one (month/approximate cases: the expected start).

    .venv/bin/python bench/compare_dates.py
"""
from __future__ import annotations

import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
warnings.filterwarnings("ignore")

from loaders.dates import parse_date  # noqa: E402

B = date(2020, 3, 8)
CASES = [
    ("3月6日", B, date(2020, 3, 6)), ("3 月 6 日下午", B, date(2020, 3, 6)), ("３月６日", B, date(2020, 3, 6)),
    ("2020年3月6日", B, date(2020, 3, 6)), ("三月六日", B, date(2020, 3, 6)), ("二〇二〇年三月六日", B, date(2020, 3, 6)),
    ("十二月二十八日", B, date(2019, 12, 28)), ("6日", B, date(2020, 3, 6)), ("28日", B, date(2020, 2, 28)),
    ("当天", B, B), ("昨日", B, date(2020, 3, 7)), ("昨天上午", B, date(2020, 3, 7)), ("今日", B, B),
    ("前日", B, date(2020, 3, 6)), ("3月25日至26日", date(2020, 3, 30), date(2020, 3, 25)),
    ("25—26日", date(2020, 3, 30), date(2020, 3, 25)), ("1月27日至2月1日", B, date(2020, 1, 27)),
    ("日前", B, date(2020, 3, 1)), ("近日", B, date(2020, 3, 1)), ("连日来", B, date(2020, 3, 1)),
    ("去年10月", B, date(2019, 10, 1)), ("1月31日", date(2020, 2, 1), date(2020, 1, 31)),
    ("12月28日", date(2020, 1, 5), date(2019, 12, 28)), ("1月31日傍晚", date(2020, 2, 1), date(2020, 1, 31)),
    ("7日清晨", B, date(2020, 3, 7)),
]
NOISE = ["有着24年党龄的", "十二届市纪委五次全会", "24小时值班", "第28次主任会议"]


def kb(expr, base):
    m = parse_date(expr, base)
    return m.date if m else None


def jio(expr, base):
    import jionlp

    try:
        r = jionlp.parse_time(expr, time_base=datetime(base.year, base.month, base.day))
    except Exception:  # noqa: BLE001 - a parse failure is a miss
        return None
    t = r.get("time") if isinstance(r, dict) else None
    if not t:
        return None
    return datetime.strptime(t[0][:10], "%Y-%m-%d").date()


def dp(expr, base):
    import dateparser

    r = dateparser.parse(expr, languages=["zh"], settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day),
                                                           "PREFER_DATES_FROM": "past"})
    return r.date() if r else None


def main():
    for name, fn in (("kb grammar", kb), ("jionlp.parse_time", jio), ("dateparser", dp)):
        t = time.time()
        ok = sum(1 for e, b, want in CASES if fn(e, b) == want)
        noise = sum(1 for e in NOISE if fn(e, B) is not None)
        print(f"{name:<18} {ok}/{len(CASES)} right, {noise}/{len(NOISE)} false hits on noise, {time.time() - t:.2f} s")
        if name != "kb grammar":
            print("   wrong:", ", ".join(f"{e}→{fn(e, b)}" for e, b, want in CASES if fn(e, b) != want))


if __name__ == "__main__":
    main()
