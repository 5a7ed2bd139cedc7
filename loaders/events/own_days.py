"""Leaders named together in an article's opening who then go on days of their own (市领导甲、乙看望慰问了….
10月13日上午，甲首先来到A…。10月12日上午，乙首先来到B…): each one's day is a visit he leads."""
from __future__ import annotations

import re

from .context import Context, _in_quote
from .patterns import _rx, inspection_words
from .subjects import _subject

_SEPARATE = re.compile(inspection_words("separate_ways"))


def separate_ways_end(text: str):
    """Where the first word that sends the leaders each his own way (纷纷, 分头 …) ends, or None."""
    m = _SEPARATE.search(text)
    return m.end() if m else None


def _mover(ctx: Context, s):
    """The sentence's first movement verb (来到, 深入 …): (verb, its offset, the officials who are its subject),
    or None."""
    m = _rx()["move"].search(s.text)
    if m is None:
        return None
    t = s.start + m.start()
    return m.group(0), t, _subject(ctx, s, t)


def own_way(ctx: Context, s, found: dict, along: set[str], add, separate_end) -> None:
    """区政协领导纷纷走进企业… ¶ 副主席乙，深入A公司、B公司…: after the text sends its leaders each his own way
    (``separate_end``: where that word ends), an official not yet leading who moves to sites leads his own
    visit, though no visit verb is written (``add``: inspections._add_leads with the sentence, the subject,
    the verb and its position)."""
    if separate_end is None or separate_end > s.start:
        return
    got = _mover(ctx, s)
    if got is None or _in_quote(s, got[1]):
        return
    verb, t, subj = got
    subj = [x for x in subj if x not in along and all(k[0] != x for k in found)]
    if subj:
        add(s, subj, verb, t)


def own_day_leads(ctx: Context, found: dict, order: list, along: set[str], add) -> None:
    """For each sentence that writes a day of its own on which no visit is known yet, and whose movement
    verb (来到, 前往 …) has as subject an official the article said comes along: a visit of his that day
    (``add``: inspections._add_leads with the sentence, the subject, the verb and its position)."""
    if not found or not along:
        return
    trigger = found[order[0]].trigger
    # a day as written when its year is unknown (10月12日 and 10月13日 of no known year are two days)
    days = {ev.date or ev.date_text for ev in found.values()}
    for s in ctx.sents:
        own = ctx.own_date(s)
        if own is None or own.precision not in ("day", "year_unknown") or not s.start <= own.start < s.end \
                or (own.date or own.text) in days:
            continue
        got = _mover(ctx, s)
        if got is None:
            continue
        leads = [x for x in got[2] if x in along]
        if leads:
            add(s, leads[:1], trigger, got[1])
            days.add(own.date or own.text)


def named_lead(ctx: Context, pos: int, leads: set[str]):
    """The lead named first in the clause of ``pos`` before it (甲一行先后察看了A、B: 甲), or None."""
    s = next((x for x in ctx.sents if x.start <= pos < x.end), None)
    if s is None:
        return None
    lo = max(ctx.text.rfind("；", s.start, pos), ctx.text.rfind(";", s.start, pos), s.start)   # its clause
    if "分别" in ctx.text[lo:pos]:
        return None   # 甲、乙和丙分别赴A、B、C: each his own (inspections._each_their_own)
    return next((x.name for x in ctx.mentions_in(lo, pos) if x.name in leads), None)


def named_leads(ctx: Context, hits: list, order: list) -> dict:
    """For each site hit, the lead its clause names who has one visit of the article (or None): worked out
    once for the article, then read by :func:`own_sites` for each visit."""
    leads = {k[0] for k in order}
    visits = {lead: sum(1 for k in order if k[0] == lead) for lead in leads}
    out = {}
    for h in hits:
        who = named_lead(ctx, h.pos, leads)
        out[id(h)] = who if visits.get(who) == 1 else None
    return out


def own_sites(hits: list, key, span: tuple[int, int], named: dict, single: bool) -> list:
    """The site hits of the visit ``key`` in ``span``, less those a sentence gives another lead who has a
    visit of his own, plus those outside the span a sentence gives this lead (副市长甲日前督查…。副市长乙21日
    督查…。甲一行先后察看了A、B: A and B are 甲's), when he leads one visit of the article (``single``).
    ``named``: :func:`named_leads`."""
    out = []
    for h in hits:
        inside = span[0] <= h.pos < span[1]
        who = named[id(h)]
        if inside and who in (None, key[0]):
            out.append(h)   # (a co-lead of the same trip named first: the site is his, as annotators give it)
        elif not inside and single and who == key[0] and h.pos > span[0]:
            out.append(h)
    return out
