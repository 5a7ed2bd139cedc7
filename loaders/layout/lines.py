"""One page as lines: ``PageLines``, the value every layout pass reads and writes.

``classify`` (loaders/layout/classify.py) fills it: one ``LineKind`` per recognised line, and the
captions, tables, jump markers, datelines, bylines and pen names found on them. The read-only helpers
(neighbouring lines, ``titleish``, ``ends_para``, the header below a byline) are its methods.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Optional

from ..clean import ends_sentence, split_lines
from ..models import Byline, Caption, Dateline, Table
from .signatures import parse_signature
from .grammar import _BAD_TITLE_END, _CREDIT_END_RE, _URLISH, MAX_TITLE_CHARS, _balanced, is_masthead, match_dateline


class LineKind(str, Enum):
    """What a line is. A ``str`` so that it compares, hashes and prints as the name it replaced."""

    BYLINE = "byline"        # 本报记者 X 通讯员 Y (an article's header)
    DATELINE = "dateline"    # 本报讯 / 新华社北京3月7日电
    JUMP = "jump"            # 下转A2版 / 上接第一版
    CAPTION = "caption"      # a photo caption with its credit (记者 X 摄)
    PEN = "pen"              # a commentary's pen name under its title
    ROW = "row"              # a line of cells, until the table pass confirms a table
    TABLE = "table"          # a line of a table
    MASTHEAD = "masthead"    # page furniture: masthead, page number, section name, editor credits
    BRIEF = "brief"          # the title line of an item in a column of short news (简讯)

    def __str__(self) -> str:
        return self.value


ANCHORS = (LineKind.BYLINE, LineKind.DATELINE, LineKind.PEN, LineKind.JUMP, LineKind.BRIEF)
# a jump marker that opens a continuation (上接第一版), as against one that closes an article (下转A2版)
CONTINUED_FROM = ("上接", "接上", "接")
CONTINUED_TO = ("下转", "转下", "转至", "转")


@dataclass
class PageLines:
    """The page's lines and what the passes found on them (line indices; ``None`` for a blank line)."""

    src: str
    lines: list = field(default_factory=list)          # (start, end) offsets or None
    n: int = 0
    text: list[str] = field(default_factory=list)
    kind: dict[int, LineKind] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)     # lines owned by a title, caption or table
    captions: list[tuple[list[int], Caption]] = field(default_factory=list)
    tables: list[tuple[list[int], Table]] = field(default_factory=list)
    jump_info: dict[int, tuple[str, str, str, int, int]] = field(default_factory=dict)  # (dir, page, num, s, e)
    tail_jumps: dict[int, tuple[str, int, int]] = field(default_factory=dict)  # body line → (text, s, e)
    head_jumps: dict[int, int] = field(default_factory=dict)  # (上接1版)text…: line → offset where the text starts
    datelines: dict[int, Dateline] = field(default_factory=dict)
    bylines: dict[int, list[Byline]] = field(default_factory=dict)
    runin: dict[int, int] = field(default_factory=dict)    # line → offset where text after a run-in byline starts
    page_headers: list[int] = field(default_factory=list)  # running headers of later pages in the same file
    pen_names: dict[int, str] = field(default_factory=dict)
    furniture: dict[int, list[Byline]] = field(default_factory=dict)  # editor credits (责任编辑 X …)
    anchor_seen: bool = False       # classify: a byline or dateline came before this line
    block_index: Optional[tuple] = field(default=None, repr=False)   # build: captions/tables by line
    _hdr_cache: dict[int, tuple] = field(default_factory=dict, repr=False)
    _tcache: dict[int, bool] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, src: str) -> "PageLines":
        lines = _split_run_in_titles(src, split_lines(src))
        return cls(src=src, lines=lines, n=len(lines), text=[src[ln[0]:ln[1]] if ln else "" for ln in lines])

    def prev_nonblank(self, i: int, max_blanks: int = 10**9) -> Optional[int]:
        j = i - 1
        blanks = 0
        while j >= 0 and self.lines[j] is None:
            blanks += 1
            j -= 1
        if j < 0 or blanks > max_blanks:
            return None
        return j

    def next_nonblank(self, i: int) -> Optional[int]:
        j = i + 1
        while j < self.n and self.lines[j] is None:
            j += 1
        return j if j < self.n else None

    def titleish(self, i: int) -> bool:
        if i in self.kind or i in self.claimed:
            return False
        r = self._tcache.get(i)
        if r is None:
            r = self._tcache[i] = self._titleish_uncached(i)
        return r

    def _titleish_uncached(self, i: int) -> bool:
        t = self.text[i]
        if not t or len(t) > MAX_TITLE_CHARS or len(t) < 2:
            return False
        if t[-1] in _BAD_TITLE_END or "。" in t:
            return False
        if ends_sentence(t) and t[-1] in "”’\"」』":
            return False
        if not _balanced(t):
            return False
        if _URLISH.search(t) or is_masthead(t):
            return False
        if len(t) > 12 and t[0] in "（(" and t[-1] in "）)":
            return False    # a note in brackets ((2021年…会议通过)), not a title line
        if t[0] in "（(" and t[-1] in "）)" and parse_signature(t, 1, len(t) - 1):
            return False    # (甲某某 乙某): the signature closing the article above
        return True

    def continues_text(self, i: int) -> bool:
        """The nearest line above i (at most one blank between) is unfinished body text."""
        j = self.prev_nonblank(i, max_blanks=1)
        if j is None or self.kind.get(j) is not None:
            return False
        t = self.text[j]
        return len(t) >= 6 and not ends_sentence(t) and ("，" in t or "。" in t or len(t) >= 12) \
            or ends_sentence(t) and not self.titleish(j)

    def item_end(self, j: int) -> bool:
        k = self.kind.get(j)
        if k in ("masthead", "caption", "table"):
            return True
        return ends_sentence(self.text[j]) or self.ends_credit(j)

    def ends_credit(self, j: int) -> bool:
        """Line j closes a paragraph with a run-in credit (…。（记者 龚 珊）), maybe wrapped over two lines."""
        t = self.text[j]
        if not t or t[-1] not in "）)":
            return False
        if _CREDIT_END_RE.search(t):
            return True
        if "（" in t or "(" in t:
            return False
        i = self.prev_nonblank(j, max_blanks=1)
        return i is not None and self.kind.get(i) in (None, "dateline") and \
            _CREDIT_END_RE.search(self.text[i] + t) is not None

    def ends_para(self, j: int, blank_between: bool, strict: bool = False) -> bool:
        t = self.text[j]
        if not t:
            return True
        if self.kind.get(j) in ("byline", "dateline", "jump", "pen", "masthead", "caption", "table"):
            return True
        if ends_sentence(t) or len(t) > MAX_TITLE_CHARS * 1.5 or self.ends_credit(j):
            return True
        if strict:
            return blank_between and t[-1] in "，,；;：:"
        # before a header, after a blank line: only a line cut inside a bracket or a quotation is
        # surely continued (a paragraph may end in a URL, a number, a list item …)
        return blank_between and t[-1] not in "“‘《（(【〔—、"

    def header_follows(self, i: int) -> bool:
        """Is line i the start of a title block directly followed by a header?"""
        j = i
        steps = 0
        while j is not None and j < self.n and steps < 8:
            if self.kind.get(j) in ("byline", "dateline"):
                return True
            if not self.titleish(j) and self.kind.get(j) not in ("caption", "jump"):
                return False
            j = self.next_nonblank(j)
            steps += 1
        return False

    def header_end(self, i: int) -> tuple[int, list[Byline], Optional[Dateline], Optional[int]]:
        """From a byline line i: the last header line, bylines, dateline, body start offset."""
        r = self._hdr_cache.get(i)
        if r is None:
            r = self._hdr_cache[i] = self._header_end_uncached(i)
        return r[0], list(r[1]), r[2], r[3]

    def _header_end_uncached(self, i: int) -> tuple[int, list[Byline], Optional[Dateline], Optional[int]]:
        bl: list[Byline] = list(self.bylines.get(i, []))
        last = i
        if i in self.runin:
            return last, bl, None, self.runin[i]
        j = i + 1
        while j < self.n and (self.lines[j] is None or self.kind.get(j) == "byline") and j - last <= 2:
            if self.kind.get(j) == "byline":
                if j in self.runin:
                    bl.extend(self.bylines[j])
                    return j, bl, None, self.runin[j]
                bl.extend(self.bylines[j])
                last = j
            j += 1
        nxt = self.next_nonblank(last)
        if nxt is not None and nxt - last <= 3 and self.kind.get(nxt) == "dateline":
            dl = self.datelines[nxt]
            bl.extend(dl.bylines)
            return nxt, bl, dl, dl.end
        return last, bl, None, None


# 标题   新华社北京1月4日电 1月4日，…: a flattened page that runs a title and its story's dateline together
_GAP_RE = re.compile(r"[ \t\u3000]{2,}")


def _split_run_in_titles(src: str, lines: list) -> list:
    """Lines cut before a dateline that follows a short unpunctuated title after a wide gap."""
    out = []
    for ln in lines:
        cut = None
        if ln is not None:
            for g in _GAP_RE.finditer(src, ln[0], min(ln[1], ln[0] + MAX_TITLE_CHARS + 4)):
                head = src[ln[0]:g.start()]
                if head.strip() and not any(c in head for c in "。，,；;：:") and match_dateline(src, g.end(), ln[1]):
                    cut = g
                    break
        if cut is None:
            out.append(ln)
        else:
            out += [(ln[0], cut.start()), (cut.end(), ln[1])]
    return out

