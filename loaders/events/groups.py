"""A group's visit (调研组, 考察团, 督导组 …): its lead — the named head (X带队, 在X带领下, 以X为组长), else the
first official of the 参加 list near it — and the officials who come along. Hosts who 陪同 or 会见 a
group never lead it."""
from __future__ import annotations

import re
from typing import Optional

from ..models import Event, Participant
from .context import Context, _titles
from .patterns import inspection_words as _W
from .patterns import _ATTEND, _rx

# a group's named head: 在X(的)带领下, 由X带队, X带队/率队/率领/带领, 以X为组长 (the group follows)
_HEAD_AFTER = re.compile(rf"^(?:等人)?(?:{_W('head_after')})")
# …以X为组长, 由X带队的检查组: the head named in a sentence before the group's visit
_NAMED_HEAD = re.compile(rf"(?:{_W('named_head')})|(?:等人)?(?:{_W('head_after')})的[^，。；]{{0,16}}?[组团队]")
_HEAD_BEFORE = re.compile(r"(?:在|由)[^，。；]{0,30}$")
_HOSTS = re.compile(_W("hosts"))
# those who take part in a group's visit (not hosts who 陪同 it or leaders who meet it)
_TAKE_PART = re.compile(_W("take_part"))
_TAKE_PART_VISIT = re.compile(rf"(?:参加|参与)(?:{_rx()['insp'].pattern})")


# 在我县, 来我市, 来溪， (来 and a one- or two-character short name of this paper's area): the group is a guest
_TO_OUR_AREA = re.compile(r"[在到来赴][我本](?:[省市州县区旗镇乡]|街道)|来[\u4e00-\u9fff]{1,2}[，,]")


def _group_window(ctx: Context, i: int) -> list:
    """The group's sentence and the next two, up to one that writes a day of its own (a new item:
    a summary's 率团考察 is not the next item's 7月30日，X带队…)."""
    out = [ctx.sents[i]]
    for s2 in ctx.sents[i + 1:i + 3]:
        if any(s2.start <= d.start < s2.end and d.date is not None for d in ctx.dates):
            break
        out.append(s2)
    return out


def group_lead(ctx: Context, i: int) -> list[str]:
    """A delegation's lead: its named head (在X带领下, 由X带队, X率队), else the first official of a
    参加 list in this or the next two sentences. Hosts who 陪同 or 会见 the group never lead it."""
    window = _group_window(ctx, i)
    for s2 in ctx.sents[max(0, i - 2):i]:   # 调研组以X为组长。…调研组一行走访: the head named just before
        for x in ctx.mentions_in(s2.start, s2.end):
            if x.name in ctx.officials and _NAMED_HEAD.match(ctx.text, x.end):
                return [x.name]

    head = _head_of_same_group(ctx, i) or _lede_head(ctx, i)
    if head:
        return [head]
    for s2 in window:
        for x in ctx.mentions_in(s2.start, s2.end):
            after = ctx.text[x.end:x.end + 6]
            if x.name in ctx.officials and _HEAD_AFTER.match(after):
                return [_first_of_run(ctx, s2, x)]   # 市委书记A，市长B率队: A heads the group
            if x.name in ctx.officials and _HEAD_BEFORE.search(ctx.text[s2.start:x.start]) and \
                    re.match(r"(?:同志)?(?:的)?带领下", after):
                return [x.name]
    if _TO_OUR_AREA.search(ctx.sents[i].text):
        return []   # 督查组在我区督查，区长X参加: the group is a guest, those who 参加 host it
    # the group's 参加 list near it, else one that opens the article and joins the visit itself
    # (X、Y…参加调研, then 调研组一行到…; 参加活动 there is the hosts')
    opening = [x for x in ctx.sents[:min(i, 3)] if x.para == ctx.sents[0].para and _TAKE_PART_VISIT.search(x.text)]
    for s2 in window + opening:
        end = _before_hosts(s2.text)
        if _TAKE_PART.search(s2.text, 0, end):
            ms = [x.name for x in ctx.mentions_in(s2.start, s2.start + end) if x.name in ctx.officials]
            if ms:
                return [ms[0]]
    return []


def _before_hosts(text: str) -> int:
    """Where a sentence's hosts begin: the clause holding 陪同/会见… (A参加视察，B陪同视察: A's clause
    stands before it); the whole sentence when none."""
    h = _HOSTS.search(text)
    if h is None:
        return len(text)
    return max(text.rfind("，", 0, h.start()), text.rfind(",", 0, h.start()), text.rfind("；", 0, h.start()), 0)


def _lede_head(ctx: Context, i: int) -> Optional[str]:
    """X率队对…进行视察。…参加视察。…陪同视察。¶ 视察组先后前往…: the head who 率队 in the paragraph just
    before the group's (its first sentence opening a paragraph)."""
    s = ctx.sents[i]
    if i == 0 or ctx.sents[i - 1].para == s.para or any(d.date for d in ctx.dates_between(s.start, s.end)):
        return None   # (a paragraph that writes its own day is a new item: ●11月25日，检查组来…)
    for s2 in ctx.sents[max(0, i - 4):i]:
        if s2.para != ctx.sents[i - 1].para:
            continue
        for x in ctx.mentions_in(s2.start, s2.end):
            if x.name in ctx.officials and _HEAD_AFTER.match(ctx.text[x.end:x.end + 6]):
                return _first_of_run(ctx, s2, x)
    return None


# X率领的某市党政代表团: the group X heads, named in full
_LED_GROUP = re.compile(rf"(?:等人)?(?:{_W('head_after')})的(?P<g>[^，。；]{{2,16}}?[组团队])")


def _head_of_same_group(ctx: Context, i: int) -> Optional[str]:
    """甲会见了乙、丙率领的某市党政代表团一行。…某市党政代表团深入考察了A: the head named with the same group
    earlier in the article (the first of the heads named side by side)."""
    for s2 in ctx.sents[:max(0, i - 2)]:
        for x in ctx.mentions_in(s2.start, s2.end):
            m = _LED_GROUP.match(ctx.text, x.end)
            if x.name in ctx.officials and m and len(m.group("g")) >= 4 and m.group("g") in ctx.sents[i].text:
                return _first_of_run(ctx, s2, x)
    return None


_RUN_GAP = re.compile(r"[，,、\s]?[、\u4e00-\u9fff]{0,16}")


def _first_of_run(ctx: Context, s, x) -> str:
    """The first of the officials named side by side, only titles between them, that ends with ``x``."""
    head = x
    for m in reversed(ctx.mentions_in(s.start, x.start)):
        gap = ctx.text[m.end:head.start]
        if m.name not in ctx.officials or not _RUN_GAP.fullmatch(gap) or \
                _rx()["insp"].search(gap) or _rx()["move"].search(gap) or _HOSTS.search(gap):
            break
        head = m
    return head.name


def head_after(ctx: Context, t: int, end: int) -> bool:
    """…到我县视察调研，全国人大代表、某厅厅长X带队: the group's head is named after the verb."""
    return any(x.name in ctx.officials and _HEAD_AFTER.match(ctx.text[x.end:x.end + 8]) for x in ctx.mentions_in(t, end))


def head_next(ctx: Context, i: int) -> bool:
    """省农工党到某县开展调研。省农工党主委X带队。: the next sentence only names the group's head."""
    if i + 1 >= len(ctx.sents):
        return False
    s2 = ctx.sents[i + 1]
    return len(s2.text.strip().rstrip("。！；;")) <= 40 and any(
        x.name in ctx.officials and _HEAD_ONLY.fullmatch(ctx.text, x.end, s2.end)
        for x in ctx.mentions_in(s2.start, s2.end))


# the head's verb and nothing after it but the sentence's end (…X带队。)
_HEAD_ONLY = re.compile(rf"\s*(?:{_W('head_after')})\s*[。！；;]*\s*")


def group_members(ctx: Context, i: int, ev: Event, lead: str) -> None:
    for s2 in ctx.sents[i:i + 3]:
        if _ATTEND.search(s2.text):
            for x in ctx.mentions_in(s2.start, s2.end):
                if x.name != lead and x.name in ctx.officials and all(p.name != x.name for p in ev.participants):
                    ev.participants.append(Participant(x.name, "accompanying", _titles(ctx, x.name)))
            break
