"""Title blocks: runs of short title-ish lines, how they are found and how they split.

``scan_title`` finds the block ending before a line; ``mid_split`` an untitled article's title inside a
body; ``split_title`` divides a block into kicker (引题), title and subtitle.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .grammar import _BULLETS, _DIGIT_RE, _KICKER_END, MAX_TITLE_LINES, norm_title
from .lines import PageLines


@dataclass
class TitleBlock:
    lines: list[int]            # line indices (non-blank) in order
    groups: list[list[int]]     # the same, grouped by blank lines

    def split(self, k: int) -> tuple["TitleBlock", "TitleBlock"]:
        """The first ``k`` groups and the rest (a title after one body, then one before the next)."""
        head = TitleBlock(lines=[x for g in self.groups[:k] for x in g], groups=self.groups[:k])
        tail = TitleBlock(lines=[x for g in self.groups[k:] for x in g], groups=self.groups[k:])
        return head, tail

    def copy(self) -> "TitleBlock":
        return TitleBlock(lines=list(self.lines), groups=[list(g) for g in self.groups])



def scan_title(pl: PageLines, b: int, floor: int, max_lines: int = MAX_TITLE_LINES,
               max_chars: int = 110) -> Optional[TitleBlock]:
    """The title block ending before line ``b`` (skipping blanks, captions, jump markers).

    With larger limits the block may hold two titles (a title-after block directly followed by
    a title-before block); :func:`loaders.layout.plan.plan_titles` splits it."""
    i = b - 1
    while i > floor and (pl.lines[i] is None or pl.kind.get(i) in ("caption", "jump", "table", "masthead")):
        i -= 1
    block: list[int] = []
    blanks_above: dict[int, bool] = {}
    while i > floor:
        if pl.lines[i] is None:
            k = i
            while k > floor and pl.lines[k] is None:
                k -= 1
            if i - k > 2 or not block:
                break
            blanks_above[block[0]] = True
            i = k
            continue
        if not pl.titleish(i) or len(block) >= max_lines:
            break
        block.insert(0, i)
        i -= 1
    # the line above the block must end a paragraph; else the block's top is a body tail
    while block:
        top = block[0]
        above = pl.prev_nonblank(top)
        if above is None or above <= floor:
            break
        if pl.ends_para(above, blanks_above.get(top, False) or pl.lines[top - 1] is None):
            break
        block.pop(0)
    if not block:
        return None
    total = sum(len(pl.text[k]) for k in block)
    if total > max_chars:
        return None
    return title_block(pl, block)


def title_block(pl: PageLines, block: list[int]) -> TitleBlock:
    """Title lines grouped by the blank lines between them (kicker / title / subtitle groups)."""
    groups: list[list[int]] = [[block[0]]]
    for k in block[1:]:
        if any(pl.lines[x] is None for x in range(groups[-1][-1] + 1, k)):
            groups.append([k])
        else:
            groups[-1].append(k)
    return TitleBlock(lines=block, groups=groups)


def mid_split(pl: PageLines, lo: int, hi: int) -> Optional[TitleBlock]:
    """Last title-ish block inside lines [lo, hi) surrounded by blank lines (an untitled article's
    title in a title-after layout, followed by another article's body)."""
    best = None
    i = lo
    while i < hi:
        if pl.lines[i] is not None and pl.lines[i - 1] is None and pl.titleish(i):
            j = i
            while j + 1 < hi and pl.lines[j + 1] is not None and pl.titleish(j + 1) and j - i < 2:
                j += 1
            if j + 1 < hi and pl.lines[j + 1] is None:
                above = pl.prev_nonblank(i)
                nxt = pl.next_nonblank(j)
                if above is not None and above >= lo and pl.ends_para(above, True, strict=True) \
                        and nxt is not None and nxt < hi:
                    best = TitleBlock(lines=list(range(i, j + 1)), groups=[list(range(i, j + 1))])
            i = j + 1
        else:
            i += 1
    return best


def part_ok(pl: PageLines, lines: list[int]) -> bool:
    if not lines or len(lines) > MAX_TITLE_LINES:
        return False
    if pl.text[lines[-1]].endswith(_KICKER_END):
        return False    # a kicker (…时强调) is followed by its title: it never ends a title
    total = sum(len(pl.text[x]) for x in lines)
    return 4 <= total <= 110


def line_title(pl: PageLines, k: int) -> str:
    return " ".join(pl.text[k].lstrip(_BULLETS).split())


def split_title(pl: PageLines, tb: Optional[TitleBlock]) -> tuple[Optional[str], Optional[str], Optional[str]]:
    if not tb or not tb.lines:
        return None, None, None
    kick: list[str] = []
    subs: list[str] = []
    groups: list[list[str]] = []
    for g in tb.groups:
        texts = [line_title(pl, k) for k in g]
        # a very short line and the next one in the same group are one title broken in two
        merged: list[str] = []
        for t in texts:
            if merged and (len(merged[-1]) <= 5 or len(t) <= 3):
                merged[-1] = _join_title(merged[-1], t)
            else:
                merged.append(t)
        groups.append(merged)
    flat: list[tuple[int, str]] = [(gi, t) for gi, g in enumerate(groups) for t in g]
    rest: list[tuple[int, str]] = []
    for idx, (gi, t) in enumerate(flat):
        if t.startswith(("——", "—", "--", "─")):
            subs.append(t.lstrip("—-─ "))
        elif not rest and t.endswith(_KICKER_END) and idx < len(flat) - 1:
            kick.append(t)
        else:
            rest.append((gi, t))
    main: list[tuple[int, str]] = []
    rest_groups = sorted({gi for gi, _ in rest})
    if not kick and len(rest_groups) >= 3:
        # three unmarked groups: kicker, title, subtitle
        kick.extend(t for gi, t in rest if gi == rest_groups[0])
        rest = [(gi, t) for gi, t in rest if gi != rest_groups[0]]
    elif not kick and len(rest) == 3:
        # three unmarked lines: title + a parallel couplet (两行对仗的副题), else a kicker that is
        # longer than the title under it (the kicker carries the specifics)
        a, b, c = (len(norm_title(t)) for _, t in rest)
        couplet = b <= 12 and c <= 12 and abs(b - c) <= 2
        if not couplet and a > b:
            kick.append(rest[0][1])
            rest = rest[1:]
    elif not kick and len(rest) == 2 and not subs:
        # two unmarked lines: a much longer first line with figures is a kicker (云龙建立23个…微信群 /
        # 心理辅导助力疫情防控); otherwise the first line is the title
        a, b = rest[0][1], rest[1][1]
        if _DIGIT_RE.search(a) and not _DIGIT_RE.search(b) and len(norm_title(a)) >= len(norm_title(b)) + 4:
            kick.append(a)
            rest = rest[1:]
    extra_subs: list[str] = []
    for gi, t in rest:
        if not main:
            main.append((gi, t))
        else:
            extra_subs.append(t)
    subs = extra_subs + subs
    if not main:
        if kick:
            main = [(0, kick.pop())]
        elif subs:
            main = [(0, subs.pop(0))]
    title = " ".join(t for _, t in main) or None
    return (" ".join(kick) or None, title, _join_subs(subs) or None)


def _join_title(a: str, b: str) -> str:
    if a and b and re.match(r"[A-Za-z0-9]", a[-1]) and re.match(r"[A-Za-z0-9]", b[0]):
        return a + " " + b
    return a + b


def _join_subs(subs: list[str]) -> str:
    out = ""
    for s in subs:
        if not out:
            out = s
        elif len(out) >= 20 and not out.endswith((" ", "”")):
            out = _join_title(out, s)     # hard-wrapped subtitle
        else:
            out = out + " " + s
    return out
