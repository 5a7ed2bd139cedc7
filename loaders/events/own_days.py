"""Leaders named together in an article's opening who then go on days of their own (市领导甲、乙看望慰问了….
10月13日上午，甲首先来到A…。10月12日上午，乙首先来到B…): each one's day is a visit he leads."""
from __future__ import annotations

from .context import Context
from .patterns import _rx
from .subjects import _subject


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
        m = _rx()["move"].search(s.text)
        if m is None:
            continue
        leads = [x for x in _subject(ctx, s, s.start + m.start()) if x in along]
        if leads:
            add(s, leads[:1], trigger, s.start + m.start())
            days.add(own.date or own.text)
