"""``Draft``: an article as line ranges of the page, the hand-off from assembly to build."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..models import Byline, Dateline
from .title_blocks import TitleBlock


@dataclass
class Draft:
    """An article as line ranges, before its text is built (loaders/layout/build.py)."""

    kind: str = "news"
    header: list[int] = field(default_factory=list)       # byline / pen-name line indices
    bylines: list[Byline] = field(default_factory=list)
    authors: list[tuple[str, int, int]] = field(default_factory=list)
    dateline: Optional[Dateline] = None
    title: Optional[TitleBlock] = None
    body_start: int = 0          # first body line index
    body_end: int = 0            # exclusive
    body_first_offset: Optional[int] = None   # body starts mid-line (after a dateline / run-in byline)
    extra: list[int] = field(default_factory=list)         # lines kept in the span (repeated titles…)
    jumps: list[int] = field(default_factory=list)
    extra_body: list[tuple[int, int]] = field(default_factory=list)  # (from, to) line ranges appended
    cont: bool = False           # an untitled continuation (上接一版): no title is expected after its body
