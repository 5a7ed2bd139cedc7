"""A chronicle's dates written as its lines' openings (大事记 pages): a day opening its line in Chinese
numerals (一日 …) or as a bare number (3 市委书记…, the 日 lost to the page's layout), and a month alone
on its line as a bare number (1, then 5 …, 17 …: the 月 lost too). Such numbers are days only in a run
of them, in order within each month; anything else (3个, 10年, a lone 5) is no date.

The grammar of loaders.dates reads these spans with the other date forms; ``keep_line_spans`` drops
those that are not a chronicle's."""
from __future__ import annotations

import dataclasses

import re
from typing import Optional

from .lexicon import alternation, wordlist

_PART = r"(?:\s*(?P<part>" + alternation(wordlist("day_parts")) + "))?"

# a chronicle's day opening its line (一日 某某…, 十日 某某…): any Chinese-numeral day there
RX_CNDAY_LINE = re.compile(r"(?m)^[ \t\u3000]*(?P<d>[一二三四五六七八九十]{1,3})日(?![内后以之游])" + _PART)
# a chronicle's day as a bare number opening its line (3 市委书记…, 10 市长…; 57 for 5—7 whose dash the
# copy lost) (the space between may be gone after cleaning; 3个, 10年 are counts, not days)
RX_DAY_LINE = re.compile(r"(?m)^[ \t\u3000]*(?P<d>\d{1,2})[ \t\u3000]*(?=[\u4e00-\u9fff])"
                         r"(?![个年月日号万亿名人家岁项次天元种条件台座所位批届期点时分])")
# a month as a bare number alone on its line, over day lines (1 ¶ 5 某会议… ¶ 17 …)
RX_MONTH_LINE = re.compile(r"(?m)^[ \t\u3000]*(?P<m>\d{1,2})[ \t\u3000]*$")


def line_days(value: str) -> Optional[tuple[int, Optional[int]]]:
    """A bare day number as (day, last day): 17 → (17, None); 57 → (5, 7), a range whose dash was lost
    (two ascending digits that are no day); None when it can be no day."""
    v = int(value)
    if 1 <= v <= 31:
        return v, None
    a, b = divmod(v, 10)
    return (a, b) if 10 <= v and 1 <= a < b else None


# the next line (after blank ones) opens with a day: 3日 …, 17 …
_DAY_OPENS = re.compile(r"\s*\n\s*\d{1,2}")


def keep_line_spans(spans: list, text: str) -> list:
    """``spans`` (start, end, kind, match) without the line forms that are no chronicle's: Chinese-numeral
    line days fewer than two; months as bare numbers not in order or not each over a line that opens
    with a day (1 ¶ 3日 …, 1 ¶ 17 …); bare-number days fewer than three or out of order within a month."""
    if sum(1 for s in spans if s[3].re is RX_CNDAY_LINE) < 2:   # 一日 … 二日 …: a chronicle's days, never one
        spans = [s for s in spans if s[3].re is not RX_CNDAY_LINE]
    months = [s for s in spans if s[3].re is RX_MONTH_LINE]
    nums = [int(s[3]["m"]) for s in months]
    if not months or nums != sorted(set(nums)) or not all(1 <= m <= 12 for m in nums) or \
            not all(_DAY_OPENS.match(text, s[1]) for s in months):
        spans = [s for s in spans if s[3].re is not RX_MONTH_LINE]
    lines = sorted((s for s in spans if s[3].re in (RX_DAY_LINE, RX_MONTH_LINE)), key=lambda s: s[0])
    runs: list[list[int]] = [[]]
    for s in lines:
        if s[3].re is RX_MONTH_LINE:
            runs.append([])
        else:
            day = line_days(s[3]["d"])
            runs[-1].append(day[0] if day else 99)
    if sum(len(r) for r in runs) < 3 or not all(r == sorted(r) and 99 not in r for r in runs):
        spans = [s for s in spans if s[3].re is not RX_DAY_LINE]
    return spans



def alone_on_line(text: str, start: int, end: int) -> bool:
    """The span is its line's only content, brackets aside (a chronicle's heading: (2011年6月))."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    return not (text[a:start] + text[end:b]).strip(" \t\u3000（()）【】[]份")


_LISTED = re.compile(r"[日号]、")


def listed_days(mention) -> list:
    """2月5日、6日 is one span (the visit's two days); 1月17日、26日, days apart, are two days (a DateMention
    read with a span, split)."""
    k = _LISTED.search(mention.text)
    if not k or mention.date is None or mention.end_date is None or (mention.end_date - mention.date).days == 1:
        return [mention]
    second = dataclasses.replace(mention, start=mention.start + k.end(), text=mention.text[k.end():],
                                 date=mention.end_date, end_date=None)
    first = dataclasses.replace(mention, end=mention.start + k.start() + 1, text=mention.text[:k.start() + 1],
                                end_date=None, part=None)
    return [first, second]
