"""The lighter typed events (appointment, donation, policy, award → other, statistic): one per sentence
whose trigger word (lexicon ``event_triggers``) maps it to a type, in sentences no meeting claimed."""
from __future__ import annotations

import re

from ..models import Event, Participant
from .context import Context, _event, _in_quote, _titles
from .patterns import _rx


def other_events(ctx: Context, claimed: set[int]) -> list[Event]:
    R = _rx()
    om = R["other_map"]
    events = []
    for i, s in enumerate(ctx.sents):
        if i in claimed or _in_quote(s, s.start):
            continue
        m = R["other"].search(s.text)
        if not m:
            continue
        typ = om[m.group(0)]
        if typ == "award":
            typ = "other"
        ms = ctx.mentions_in(s.start, s.end)
        d = ctx.date_for(s, tuple(x.name for x in ms))
        ev = _event(typ, m.group(0), d, s, ctx.article, lead=ms[0].name if ms else None)
        for x in ms:
            if all(p.name != x.name for p in ev.participants):
                ev.participants.append(Participant(x.name, "lead" if x is ms[0] else "attendee", _titles(ctx, x.name)))
        if typ == "policy":
            t = re.search(r"《([^》]{2,60})》", s.text)
            ev.name = t.group(1) if t else None
        ev.summary = s.text.strip()[:120]
        events.append(ev)
    return events
