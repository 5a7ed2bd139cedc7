"""Date grammar for news text, resolved against the issue date.

Covers: 2020年3月6日, 3月6日, 3 月 6 日 (spaced digits), ３月６日, 三月六日 / 二〇二〇年三月六日 (Chinese
numerals), 6日 (month from the last date written before it, else the issue month), ranges (3月25日至26日,
25—26日, 1月27日至2月1日), 2020-03-06, month only (去年10月, 3月), parts of the day (上午/下午/傍晚 …, kept
in ``part``), relative days (当天/当日 = the date last written before, 昨日/昨天, 今日/今天, 前日/前天,
明日/明天), approximate (日前/近日/连日/近期/前不久 → an interval ending on the issue date) and planned
dates (将于/拟于/定于/计划于 … → ``planned``).

Year resolution: a month-day without a year takes the issue year; when that falls more than a month
after the issue date and is not planned, it is last year's (12月28日 in a January issue). A past-tense
date is never moved after the issue date by this grammar: day-only dates beyond the issue day fall back
to the previous month.

Measured before writing this (tests/test_dates.py cases, see bench/compare_dates.py): jionlp.parse_time
with the issue date as base gets the absolute forms right but not 6日/当天/日前 with our meaning, and
needs its noise (党龄, 届) filtered; dateparser gets few of them (no 26日, 当天, 日前). Hence our own grammar.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from .date_lines import RX_CNDAY_LINE, RX_DAY_LINE, RX_MONTH_LINE, alone_on_line, keep_line_spans, line_days, listed_days
from .lexicon import alternation, wordlist, wordmap
from .lexicon.grammar import CLOCK

_CN = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
       "九": 9, "十": 10}
_FW = str.maketrans("０１２３４５６７８９", "0123456789")

APPROX_DAYS = 7  # 日前/近日: "within the last week or so"
RECENT_DAYS = 62  # a day-only date (6日) takes the month of the last date written only when that date is this recent


def cn_number(s: str) -> Optional[int]:
    """'26' / '2 6' / '二十六' / '十二' / '二〇二〇' → int."""
    s = s.translate(_FW).replace(" ", "")
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in _CN for c in s):
        if "十" not in s:  # digit by digit: 二〇二〇
            v = 0
            for c in s:
                v = v * 10 + _CN[c]
            return v
        a, _, b = s.partition("十")
        tens = _CN[a] if a else 1
        ones = _CN[b] if b else 0
        if len(a) > 1 or len(b) > 1:
            return None
        return tens * 10 + ones
    return None


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: Optional[date]
    end_date: Optional[date] = None
    precision: str = "day"          # day | month | year | approximate | year_unknown
    kind: str = "absolute"          # absolute | relative | approximate
    planned: bool = False
    part: Optional[str] = None      # 上午 / 下午 / 傍晚 …


_YEAR_WORDS = {w: int(v) for w, v in wordmap("year_words").items()}      # 去年 → -1
_MONTH_WORDS = {w: int(v) for w, v in wordmap("month_words").items()}    # 上月 → -1
_DAY_WORDS = wordmap("day_words")        # 昨天 → "-1", 当天 → "last", 次日 → "next"

_D = r"(?:\d(?:[ \u3000]?\d)?|[０-９]{1,2}|[〇零一二两三四五六七八九十]{1,3})"
_Y = r"(?:(?P<y>\d(?:[ \u3000]?\d){3}|[〇零一二三四五六七八九]{4})\s*年\s*|(?P<yrel>" + alternation(_YEAR_WORDS) + r")\s*)"
_PART = r"(?:\s*(?P<part>" + alternation(wordlist("day_parts")) + "))?"
_SEP = r"\s*(?:至|到|—+|－|-+|–|~|～)\s*"

# (2月24、25日, 2月5日、6日: two days of one month, listed: the visit's first and last; not a longer list)
_RX_MD = re.compile(
    _Y + r"?(?P<m>" + _D + r"|元)\s*月[^\S\n]*\n?[^\S\n]*(?:(?P<d>" + _D + r")\s*(?:[日号]|(?<=\d)(?=[，,])|(?=" + _SEP + r"(?:" + _D + r"\s*月\s*)?" + _D + r"\s*[日号])|(?=、" + _D + r"\s*[日号])))?"
    r"(?:(?:" + _SEP + r"(?:(?P<m2>" + _D + r")\s*月\s*)?|(?<![日号\s])、|(?<=[日号])、(?=" + _D + r"\s*[日号](?!、)))(?P<d2>" + _D + r")\s*[日号])?" + _PART)
_RX_DAY = re.compile(
    r"(?<![\d０-９月年第号.\-/:])(?P<d>\d{1,2}|[０-９]{1,2})\s*(?:日)?"
    r"(?:" + _SEP + r"(?P<d2>\d{1,2}|[０-９]{1,2}))?\s*日(?![内后以之])" + _PART)
# Chinese-numeral day only (二十八日, 十五日): 11 to 31, so 一日三餐 and 十日内 stay out
_RX_CNDAY = re.compile(r"(?<![〇零一二两三四五六七八九十月年第])(?P<d>[二三]十[一二三四五六七八九]?|十[一二三四五六七八九])日"
                       r"(?![内后以之])" + _PART)
# 上月28日, 本月6日, 下月2日
_RX_RELMONTH = re.compile(r"(?P<w>" + alternation(_MONTH_WORDS) + r")\s*(?P<d>" + _D + r")\s*[日号]" + _PART)
_RX_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
# a month-day whose 月 was lost in the copy (224日下午 for 2月24日下午): three or four digits and 日, not a
# count of days (120日内, 365日后)
_RX_MD_GLUED = re.compile(r"(?<![\d０-９月年第号.\-/:：])(?P<g>\d{3,4})日(?![内后以之起])" + _PART)
_RX_REL = re.compile(r"(?P<w>" + alternation(_DAY_WORDS) + ")" + _PART)
_RX_APPROX = re.compile(alternation(wordlist("approx_date_words")))
_RX_PLANNED = re.compile(r"(?:" + alternation(wordlist("planned_date_words")) + r")\s*$")


def _valid(y: int, m: int, d: int) -> Optional[date]:
    try:
        return date(y, m, d)
    except (ValueError, TypeError):
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _year_for(m: int, d: int, base: date, planned: bool, base_precision: str = "day") -> int:
    """Issue year, or last year when the date would lie more than a month after a past issue date.

    A year-only issue date (a manifest's ``2020``) gives its year as it is: nothing to compare with."""
    y = base.year
    if base_precision == "year":
        return y
    if base_precision == "month":
        base = _month_end(base.year, base.month)
    cand = _valid(y, m, d) or _valid(y, m, min(d, 28))
    if cand and cand > base and not planned and (cand - base).days > 31:
        return y - 1
    if cand and cand < base and planned and (base - cand).days > 300:
        return y + 1
    return y


@dataclass
class _State:
    """What the resolvers share while walking the text: the issue date and the last date written."""
    base: Optional[date]
    precision: str                  # the issue date's: day | month | year
    last: Optional[date]            # last absolute date written (for 6日 / 当天)
    last_year_told: bool = True     # its year was written (2003年11月, 去年10月), not taken from the issue
    dateline: Optional[date] = None  # the dateline's day (新华社9月27日电): 今天 and 昨天 count from it
    last_month_only: bool = False   # the last date written a month alone (a chronicle's heading: (2011年6月))
    last_was_day: bool = False      # … or a bare day (一日 …, 二日 …: a chronicle's days go on in that month)
    yearless_before: bool = False   # a month-day with no year was written (12月17日 …, then 19日: of that month)

    @property
    def day_base(self) -> Optional[date]:
        """The issue date when it is known to the day (relative days need it)."""
        return self.base if self.precision == "day" else None

    def period(self, mention: "DateMention") -> None:
        """A relative date against an issue date known only to the month or year: the whole period."""
        if self.base is not None and self.precision in ("month", "year"):
            y, mo = self.base.year, self.base.month
            mention.date = self.base
            mention.end_date = _month_end(y, mo) if self.precision == "month" else date(y, 12, 31)
            mention.precision = self.precision


def _iso(m: re.Match, mention: DateMention, st: _State) -> bool:
    mention.date = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    return True


def _md_year(m: re.Match, st: _State) -> Optional[int]:
    if m["y"]:
        return cn_number(m["y"])
    if m["yrel"] and st.base is not None:
        return st.base.year + _YEAR_WORDS[m["yrel"]]
    return None


def _month_day(m: re.Match, mention: DateMention, st: _State) -> bool:
    """2020年3月6日, 3月6日, 三月六日, 3月25日至26日, month only (3月, 去年10月)."""
    mo = 1 if m["m"] == "元" else cn_number(m["m"])
    if not mo or not 1 <= mo <= 12:
        return False
    y = _md_year(m, st)
    if m["d"] is None:                      # month only (a range needs days)
        return m["d2"] is None and _month_only(mo, y, mention, st)
    d = cn_number(m["d"])
    if not d or not 1 <= d <= 31:
        return False
    y = y if y is not None else _implied_year(mo, d, mention, st)
    if y is None:
        mention.precision = "year_unknown"   # a month-day with no year anywhere: still a fact, its year unknown
        return True
    mention.date = _valid(y, mo, d)
    if m["d2"]:
        mo2 = cn_number(m["m2"]) if m["m2"] else mo
        d2 = cn_number(m["d2"])
        if mo2 and d2:
            mention.end_date = _valid(y + (1 if mo2 < mo else 0), mo2, d2)
    return True


def _month_only(mo: int, y: Optional[int], mention: DateMention, st: _State) -> bool:
    """A month with no day (3月, 去年10月, a chronicle's heading): the whole month."""
    if y is None:
        if st.base is None:
            mention.precision = "year_unknown"
            return True
        y = st.base.year if (mo <= st.base.month or mention.planned or st.precision == "year") else st.base.year - 1
    mention.date = date(y, mo, 1)
    mention.end_date = _month_end(y, mo)
    mention.precision = "month"
    return True


def _month_line(m: re.Match, mention: DateMention, st: _State) -> bool:
    """A chronicle's month as a bare number alone on its line (date_lines)."""
    return _month_only(int(m["m"]), None, mention, st)


def _glued(m: re.Match, mention: DateMention, st: _State) -> bool:
    """224日 → 2月24日, 1119日 → 11月19日: the readings as month and day that can be a date; when two can
    (111日: 1月11日 or 11月1日), the one nearest before the issue date."""
    g = m["g"]
    cands = []
    for k in (1, 2):    # the month's digits: one or two; a day of one digit is not written 05 after one
        mo, d = int(g[:k]), g[k:]
        if len(d) <= 2 and not (k == 1 and d[0] == "0") and 1 <= mo <= 12 and _valid(2000, mo, int(d)):
            cands.append((mo, int(d)))
    if not cands or len(cands) > 1 and st.base is None:
        return False        # 111日 with nothing to choose by
    dated = [x for x in (_valid(_implied_year(mo, d, mention, st), mo, d) for mo, d in cands) if x] if st.base else []
    mention.date = min(dated, key=lambda x: abs((st.base - x).days), default=None)
    if mention.date is None:
        mention.precision = "year_unknown"
    return True


def _implied_year(mo: int, d: int, mention: DateMention, st: _State) -> Optional[int]:
    """The year of a month-day that writes none, by the issue date (None when there is none)."""
    return _year_for(mo, d, st.base, mention.planned, st.precision) if st.base is not None else None


def _relmonth(m: re.Match, mention: DateMention, st: _State) -> bool:
    """上月28日, 本月6日, 下月2日."""
    d = cn_number(m["d"])
    if not d or not 1 <= d <= 31:
        return False
    if st.base is not None and st.precision != "year":
        off = _MONTH_WORDS[m["w"]]
        y, mo = st.base.year, st.base.month + off
        if mo == 0:
            y, mo = y - 1, 12
        elif mo == 13:
            y, mo = y + 1, 1
        mention.date = _valid(y, mo, d)
        mention.planned = mention.planned or off > 0
    return True


def _day_line(m: re.Match, mention: DateMention, st: _State) -> bool:
    """A chronicle's day as a bare number opening its line (17 …, 57 … for 5—7: date_lines)."""
    days = line_days(m["d"])
    return days is not None and _day_of(days[0], days[1], mention, st)


def _day(m: re.Match, mention: DateMention, st: _State) -> bool:
    """6日 / 二十八日, 25—26日."""
    d = cn_number(m["d"])
    d2 = cn_number(m["d2"]) if m.groupdict().get("d2") else None
    return bool(d) and 1 <= d <= 31 and _day_of(d, d2, mention, st)


def _day_of(d: int, d2: Optional[int], mention: DateMention, st: _State) -> bool:
    """Day ``d`` (to ``d2``): the month of the last date written, else the issue month."""
    ref = st.last or (st.base if st.precision != "year" else None)
    if st.last is not None and st.day_base is not None and abs((st.day_base - st.last).days) > RECENT_DAYS \
            and st.last_year_told and not st.last_month_only and not st.last_was_day:
        ref = st.base   # 9日至16日 after a date of years ago (2003年11月 in a history): the month
    if ref is None:   # no month nor year anywhere (a chronicle that writes neither): still a day, its year unknown
        if st.base is None and not st.yearless_before:
            mention.precision = "year_unknown"
        return True
    y, mo = ref.year, ref.month
    cand = _valid(y, mo, d)
    # "6日" in a page of the 8th: this month; "28日" in a page of the 8th: last month
    base = st.day_base
    if base is not None and (cand is None or cand > base) and not mention.planned and ref == base:
        mo -= 1
        if mo == 0:
            y, mo = y - 1, 12
        cand = _valid(y, mo, d)
    mention.date = cand
    if d2:
        mention.end_date = _valid(y, mo, d2)
    return True


def _relative(m: re.Match, mention: DateMention, st: _State) -> bool:
    """当天/当日 (the date last written), 次日, 昨天/今天/前天/明天 (against an issue date known to the day)."""
    w = _DAY_WORDS[m["w"]]
    mention.kind = "relative"
    if w == "last":
        mention.date = st.last or st.day_base
    elif st.day_base is None:
        st.period(mention)
    elif w == "next":
        mention.date = (st.last + timedelta(days=1)) if st.last else None
    else:
        off = int(w)
        mention.date = (st.dateline or st.day_base) + timedelta(days=off)
        if off > 0:
            mention.planned = True
    return True


def _approx(m: re.Match, mention: DateMention, st: _State) -> bool:
    """日前/近日/连日来: an interval of APPROX_DAYS ending on the issue date."""
    mention.kind = "approximate"
    mention.precision = "approximate"
    st.period(mention)
    if st.day_base is not None:
        mention.date = st.day_base - timedelta(days=APPROX_DAYS)
        mention.end_date = st.day_base
    return True


# span kinds in the order they are looked for; ties go to the earliest-longest match
SPANS = (("iso", _RX_ISO), ("md", _RX_MD), ("glued", _RX_MD_GLUED), ("day", _RX_DAY), ("day", _RX_CNDAY),
         ("day", RX_CNDAY_LINE), ("dayline", RX_DAY_LINE), ("monthline", RX_MONTH_LINE), ("relmonth", _RX_RELMONTH),
         ("rel", _RX_REL), ("approx", _RX_APPROX))
RESOLVERS = {"iso": _iso, "md": _month_day, "glued": _glued, "day": _day, "dayline": _day_line,
             "monthline": _month_line, "relmonth": _relmonth, "rel": _relative, "approx": _approx}
_ABSOLUTE = ("iso", "md", "glued", "day", "dayline", "monthline", "relmonth")


# a month alone on its line (a chronicle's heading: 一月, then 12日…): the line break ends it
_MONTH_HEADING = re.compile(r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}|\d{1,2})[ \t\u3000]*月[ \t\u3000]*$\n")


def _spans(text: str) -> list[tuple[int, int, str, re.Match]]:
    """The earliest-longest non-overlapping date expressions of ``text``."""
    # offsets kept: the heading's line break becomes a full stop for matching only
    text = _MONTH_HEADING.sub(lambda m: m.group(0)[:-1] + "。", text)
    spans = keep_line_spans([(m.start(), m.end(), kind, m) for kind, rx in SPANS for m in rx.finditer(text)
                             if m.end() > m.start()], text)
    spans.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    chosen = []
    last_end = -1
    for s in spans:
        if s[0] >= last_end:
            chosen.append(s)
            last_end = s[1]
    return chosen


_STAMP_TIME = re.compile(rf"[ \t\u3000]*{CLOCK}[ \t\u3000]*(?:$|\n)", re.M)


def find_dates(text: str, base: Optional[date], ref: Optional[date] = None,
               base_precision: str = "day") -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against the issue date ``base``.

    ``ref``: a date written before the text (the dateline's, 本报12月2日讯): 当天 and 6日 before any
    date of the text's own refer to it, 今天 and 昨天 count from it. ``base_precision``: how much of the issue date is known (a
    manifest's ``2014-11`` is ``month``, ``2020`` is ``year``): month-days take its year, relative days
    need the day. Dates that cannot be resolved get ``date=None``; a month-day with no year anywhere has
    precision ``year_unknown``.
    """
    st = _State(base, base_precision if base is not None else "day", ref, dateline=ref)
    out: list[DateMention] = []
    for start, end, kind, m in _spans(text):
        if kind in ("md", "iso") and _STAMP_TIME.match(text, end):
            continue   # 2023年11月30日11:09 at a line's end: when the page was posted, no date of what it reports
        planned = bool(_RX_PLANNED.search(text[max(0, start - 6):start]))
        mention = DateMention(start, end, text[start:end], None, None, "day", "absolute", planned,
                              m.groupdict().get("part"))
        if not RESOLVERS[kind](m, mention, st):
            continue
        st.yearless_before = st.yearless_before or mention.precision == "year_unknown" and kind != "day"
        if mention.date is not None and kind in _ABSOLUTE:
            st.last = mention.date
            st.last_month_only = mention.precision == "month" and alone_on_line(text, start, end)
            st.last_was_day = kind == "day"
            # 7月 as a chronicle's heading, then 1日, 2日 …: a month of the year stays the month
            if kind != "day":   # a day keeps the year of the date it took its month from
                st.last_year_told = kind in ("iso", "relmonth") or kind == "md" and bool(m["y"] or m["yrel"])
        out += listed_days(mention)
    return out




def parse_date(expr: str, base: Optional[date]) -> Optional[DateMention]:
    """The first date in ``expr`` (a convenience for tests and callers with one expression)."""
    found = find_dates(expr, base)
    return found[0] if found else None
