"""Regex atoms shared by more than one stage, each named once with an example.

Character-class atoms (``HAN``, ``SPACE``, ``BULLET_MARKS``, ``CIRCLED``, ``CN_DIGITS``) are written to go
*inside* ``[...]`` (or to ``str.strip``); pattern atoms (``SP``, ``MONTH_DAY``) are whole patterns.
Stage-specific patterns stay at the top of their stage module, composed from these and word lists.
"""
from __future__ import annotations

# CJK unified ideographs and extension A, for [...]: [{HAN}]{2,4} matches 张三, 欧阳修
HAN = "\u4e00-\u9fff\u3400-\u4dbf"
# the spaces of flattened pages (ASCII, tab, ideographic), for [...] or strip(): "3 月　7 日"
SPACE = " \t\u3000"
# one such space, as a pattern: rf"\d+{SP}*月" matches "3 月"
SP = f"[{SPACE}]"
# bullets and markers before a byline, a pen name or a list item: ■本报记者 X, ▲ 标题, ● 某某
BULLET_MARKS = "■□◆◇●○◎▲△★☆▶►•·"
# circled numbers of a jump marker or a list, for [...]: 下转A2版② , ①
CIRCLED = "①-⑳"
# Chinese numerals of a page number or a list, for [...]: 第二版, 十二
CN_DIGITS = "一二三四五六七八九十"
# a month and day with the spaces flattened pages put in them: 3月7日, 3 月 7 日
MONTH_DAY = rf"\d{{1,2}}{SP}*月{SP}*\d{{1,2}}{SP}*日"
# a group of leaders closing a list of names, as a pattern: 等县领导, 等县四套班子领导, 等市“四大家”领导
LEADERS_CLOSE = r"等[\u4e00-\u9fff“”\"]{0,8}?领导"
# a clock time, as a pattern: 11:09, 14:01:01 (a web page's posting time after its date)
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
