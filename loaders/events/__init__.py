"""Typed, dated events from an article: the families below, run in this order over one Context.

Each family is ``(ctx, claimed) -> list[Event]``; ``claimed`` holds the sentences a meeting took, so a
dispatch session is never also an inspection and a meeting sentence never an "other" event.

Dates: the sentence's own date, else one earlier in the paragraph, else the article's lead date (the
first date of the first paragraph that has one) when the person is named there too (context.py).
"""
from __future__ import annotations

from ..mentions import PersonMention
from ..models import Article, Event, Person
from .context import Context, sentences
from .inspections import inspections
from .meetings import _merge_meetings, dispatch_sessions, named_meetings
from .other import other_events
from .sites import split_sites

__all__ = ["extract_events", "sentences", "split_sites", "FAMILIES"]

MEETING_FAMILIES = (dispatch_sessions, named_meetings)
FAMILIES = MEETING_FAMILIES + (inspections, other_events)


def extract_events(article: Article, mentions: list[PersonMention], persons: list[Person]) -> list[Event]:
    ctx = Context(article, mentions, persons)
    claimed: set[int] = set()
    events: list[Event] = []
    for family in MEETING_FAMILIES:
        events += family(ctx, claimed)
    events = _merge_meetings(events, ctx.para_of)
    for family in FAMILIES[len(MEETING_FAMILIES):]:
        events += family(ctx, claimed)
    events.sort(key=lambda e: (e.evidence.start if e.evidence else 0))
    return events
