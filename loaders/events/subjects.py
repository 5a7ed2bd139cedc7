"""Who does what: the named officials who are the subject of a verb, the attendees named after it,
and the chair of a meeting.
"""
from __future__ import annotations

import re
from typing import Optional

from ..mentions import PersonMention
from .context import Context, Sentence, _in_quote
from .patterns import REPORTING, _ATTEND, _TOGETHER, _rx


def _joined_subject(ctx: Context, s: Sentence, prev_name: str, m: PersonMention) -> bool:
    """Only titles and separators lie between the previous subject's mention and ``m``."""
    prev = [x for x in ctx.mentions_in(s.start, m.start) if x.name == prev_name]
    if not prev:
        return False
    gap = ctx.text[prev[-1].end:m.start]
    return len(gap) <= 24 and re.fullmatch(r"[，、\u4e00-\u9fff]*", gap) is not None and \
        not _rx()["move"].search(gap) and not _rx()["insp"].search(gap) and not REPORTING.search(gap)


def _subject(ctx: Context, s: Sentence, t: int) -> list[str]:
    """Named officials who are the subject of the verb at ``t`` in sentence ``s``."""
    ms = [m for m in ctx.mentions_in(s.start, t) if m.name in ctx.officials and not _in_quote(s, m.start)]
    out: list[str] = []
    for m in ms:
        between = ctx.text[m.end:t]
        if REPORTING.search(between):
            continue
        if _ATTEND.search(between[:4]):
            # 书记A，副书记、县长B一同深入…: B joins the subject A, both lead (not 陪同/参加)
            if not (out and _TOGETHER.match(between) and _joined_subject(ctx, s, out[-1], m)):
                continue
        if re.search(r"委托", ctx.text[m.end:m.end + 4]):   # 受X委托
            continue
        if m.name not in out:
            out.append(m.name)
    if out:
        # 甲带领乙 / 甲、乙 … : subjects are the names before the first verb-ish gap
        return out
    # pronoun or bare post right before
    head = ctx.text[s.start:t]
    pm = re.search(r"(他|她)[^，。]{0,12}$", head)
    if pm:
        who = ctx.resolve_pronoun(s.start + pm.start())
        if who:
            return [who]
    for post in ("书记", "市长", "县长", "区长", "省长", "主席", "主任"):
        k = head.rfind(post)
        if k >= 0 and not REPORTING.search(head[k:]):
            who = ctx.holder_of(post)
            if who and who in ctx.officials:
                return [who]
    return []


def _participants_after(ctx: Context, s_index: int, exclude: set[str], window: int = 6) -> list[str]:
    """Names in 参加/出席/陪同 sentences from sentence ``s_index`` on (within the article)."""
    out = []
    for s in ctx.sents[s_index:s_index + window]:
        if not _ATTEND.search(s.text) or _in_quote(s, s.start):
            continue
        for m in ctx.mentions_in(s.start, s.end):
            if m.name not in exclude and m.name not in out and (m.name in ctx.officials or m.titles):
                out.append(m.name)
    return out


def _chair(ctx: Context, i: int) -> Optional[str]:
    """主持 in the meeting's sentence, the rest of its paragraph, or the next two sentences."""
    para = ctx.sents[i].para
    window = [s for s in ctx.sents[i:] if s.para == para]
    window += [s for s in ctx.sents[i + len(window):i + len(window) + 2]]
    for s in window:
        for m in re.finditer(r"主持", s.text):
            pos = s.start + m.start()
            ms = [x for x in ctx.mentions_in(s.start, pos) if ctx.text.find("委托", x.end, x.end + 3) < 0]
            if ms:
                return ms[-1].name
    return None
