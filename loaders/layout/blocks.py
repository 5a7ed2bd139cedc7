"""Block passes over a classified page: each finds one kind of block and writes only its own fields.

In the order ``classify`` runs them (loaders/layout/classify.py ``PASSES``): section names next to the
masthead, tables (lines of cells), tables flattened one cell per line, photo captions with the text above
their credit, columns of short items (简讯), and commentaries' pen names.
"""
from __future__ import annotations

import bisect
import re

from ..clean import STRIP_CHARS, reflow, split_lines
from ..lexicon import wordlist
from ..lexicon.grammar import BULLET_MARKS, HAN, MONTH_DAY, SP
from ..models import Caption, Table
from .grammar import (_BULLETS, _CELLISH, _COLUMN_HEADS, _NUM_CELL, _NUM_LINE_RE, _SECTION_RE, _TABLE_SPLIT,
                      CAPTION_RE, _name_text, _name_tokens, _pen_name, parse_credits)
from .lines import LineKind, PageLines

def section_names(pl: PageLines) -> None:
    """A page's section name (要闻, 要闻·综合) next to its masthead lines, before the first article
    (and next to the running header of a later page in the same file)."""
    _section_names_from(pl, 0, min(pl.n, 80))
    for h in pl.page_headers:
        _section_names_from(pl, h, min(pl.n, h + 6))


def _section_names_from(pl: PageLines, lo: int, hi: int) -> None:
    prev_mast = False
    for i in range(lo, hi):
        if pl.lines[i] is None:
            continue
        k = pl.kind.get(i)
        if k == "masthead":
            prev_mast = True
            continue
        if k is not None:
            break
        t = pl.text[i]
        core = "".join(ch for ch in t if ch not in " \t\u3000·•|｜/")
        if 2 <= len(core) <= 6 and _SECTION_RE.fullmatch(core):
            nxt = pl.next_nonblank(i)
            if prev_mast or (nxt is not None and pl.kind.get(nxt) == "masthead"):
                pl.kind[i] = LineKind.MASTHEAD
                prev_mast = True
                continue
        if len(t) > 8:
            break
        prev_mast = False


def tables(pl: PageLines) -> None:
    """Runs of adjacent row lines with about as many cells each (at least two lines) are tables; a lone
    row line is text again."""
    rows = sorted(i for i, k in pl.kind.items() if k == "row")
    run: list[int] = []
    for i in rows:
        if run and i != run[-1] + 1:
            _table_of(pl, run)
            run = []
        run.append(i)
    if run:
        _table_of(pl, run)


def _table_of(pl: PageLines, run: list[int]) -> None:
    cells = [len(_TABLE_SPLIT.split(pl.text[i])) for i in run]
    if len(run) >= 2 and max(cells) - min(cells) <= 1:
        data = [[c.strip() for c in _TABLE_SPLIT.split(pl.text[i])] for i in run]
        tb = Table(rows=data, start=pl.lines[run[0]][0], end=pl.lines[run[-1]][1])
        pl.tables.append((list(run), tb))
        for i in run:
            pl.kind[i] = LineKind.TABLE
            pl.claimed.add(i)
    else:
        for i in run:
            pl.kind.pop(i, None)


def vertical_tables(pl: PageLines) -> None:
    """A table flattened one cell per line: a run of at least 8 short lines without sentence
    punctuation, a third of them figures (7.2, 412.8, —), whose rows each end in a figure.
    A caption line right above (…主要经济指标) and a source note right below (数据来源：…) go with it."""
    pos = [m.end() - 1 for m in _NUM_LINE_RE.finditer(pl.src)]
    if len(pos) < 3:
        return      # fewer than three figure-only lines: no such table
    # figure-only lines close to one another (3 or more, at most 4 lines apart): look around them only
    nonblank = [i for i, ln in enumerate(pl.lines) if ln is not None]
    starts = [pl.lines[i][0] for i in nonblank]
    figs = sorted({nonblank[max(0, bisect.bisect_right(starts, p) - 1)] for p in pos})
    seeds: list[int] = []
    k = 0
    while k < len(figs):
        e = k
        while e + 1 < len(figs) and figs[e + 1] - figs[e] <= 4:
            e += 1
        if e - k >= 2:
            seeds.append(figs[k])
        k = e + 1
    n = pl.n
    done_to = -1
    for seed in seeds:
        if seed <= done_to:
            continue
        i = seed
        while i - 1 >= 0 and pl.lines[i - 1] is not None and (i - 1) not in pl.kind and \
                _CELLISH(pl.text[i - 1]):
            i -= 1
        j = seed
        while j < n and pl.lines[j] is not None and j not in pl.kind and _CELLISH(pl.text[j]):
            j += 1
        run = list(range(i, j))
        done_to = j
        if len(run) < 8:
            continue
        cells = [pl.text[k].strip() for k in run]
        nums = [bool(_NUM_CELL.fullmatch(c)) for c in cells]
        if sum(nums) * 3 < len(cells):
            continue
        width = off = 0
        for off in range(0, 3):     # caption lines (…主要经济指标) may open the run
            cs, ns = cells[off:], nums[off:]
            for c in range(2, 9):
                if len(cs) % c == 0 and len(cs) // c >= 3 and \
                        all(ns[r * c + c - 1] for r in range(1, len(cs) // c)) and not any(ns[:c]):
                    width = c
                    break
            if width:
                break
        if not width:
            continue
        rows = [[x] for x in cells[:off]] + \
            [cells[r:r + width] for r in range(off, len(cells), width)]
        above = run[0] - 1
        if above >= 0 and pl.lines[above] is not None and above not in pl.kind and \
                len(pl.text[above]) <= 30 and not any(p in pl.text[above] for p in "。，；"):
            rows.insert(0, [pl.text[above].strip()])
            run.insert(0, above)
        below = run[-1] + 1
        if below < n and pl.lines[below] is not None and below not in pl.kind and \
                pl.text[below].startswith(("数据来源", "资料来源", "来源：", "注：", "注:")):
            rows.append([pl.text[below].strip()])
            run.append(below)
        tb = Table(rows=rows, start=pl.lines[run[0]][0], end=pl.lines[run[-1]][1])
        pl.tables.append((list(run), tb))
        for k in run:
            pl.kind[k] = LineKind.TABLE
            pl.claimed.add(k)
    pl.tables.sort(key=lambda x: x[0][0])


def captions(pl: PageLines) -> None:
    src = pl.src
    for i in sorted(i for i, k in pl.kind.items() if k == "caption"):
        s, e = pl.lines[i]
        m = CAPTION_RE.search(src, s, e)
        credit_s = m.start("credit")
        lines = [i]
        if src[s:credit_s].strip(STRIP_CHARS):
            cs, ce = s, credit_s
        else:  # caption text on the lines above, up to a blank line (at most 3)
            j = i - 1
            while j >= 0 and pl.lines[j] is not None and pl.kind.get(j) is None and len(lines) < 4 \
                    and len(pl.text[j]) <= 120 and j not in pl.claimed:
                lines.insert(0, j)
                j -= 1
            cs = pl.lines[lines[0]][0]
            ce = pl.lines[lines[-2]][1] if len(lines) > 1 else s
        cap_lines = split_lines(src, cs, ce) if ce > cs else []
        c, _ = reflow(src, cap_lines, join_all=True)
        credit_bl, _ = parse_credits(src, credit_s, m.start("kind"))
        credit_names = [b.name for b in credit_bl] or \
            [_name_text(src, a, b) for a, b in _name_tokens(src, credit_s, m.start("kind"))][-1:]
        credit = " ".join(credit_names) or None
        cap = Caption(text=c.text, credit=credit, start=pl.lines[lines[0]][0], end=e)
        for j in lines:
            pl.kind[j] = LineKind.CAPTION
            pl.claimed.add(j)
        pl.captions.append((lines, cap))


_COLUMN_HEAD_ENDS = tuple(wordlist("column_head_endings"))
_HEAD_CORE_RE = re.compile(rf"[{HAN}\d（）()]{{2,12}}")
# an untitled item of a column or a chronicle: a bullet, a date (3月2日, 2024年3月2日) or 同日
_ITEM_START_RE = re.compile(rf"{SP}*(?:[{BULLET_MARKS}]|(?:\d{{4}}{SP}*年{SP}*)?{MONTH_DAY}|同日)")


def columns(pl: PageLines) -> None:
    """Column headers (简讯) and the items under them: a title-ish line (■ 标题) after the header or
    after a finished item, followed by its prose, with no byline or dateline of its own. A header
    over untitled items (◆3月2日，…) titles the one article they make."""
    for i, t in enumerate(pl.text):
        if not t or len(t) > 12 or i in pl.kind:
            continue
        core = "".join(ch for ch in t if ch not in _BULLETS)
        head = core in _COLUMN_HEADS
        if not head and not core.endswith(_COLUMN_HEAD_ENDS):
            continue
        first = pl.next_nonblank(i)
        untitled = first is not None and pl.kind.get(first) is None and not pl.titleish(first)
        if not head:
            if untitled and _HEAD_CORE_RE.fullmatch(core) and _ITEM_START_RE.match(pl.text[first]):
                pl.kind[i] = LineKind.BRIEF     # 本周大事记 over 3月2日 …
                pl.claimed.add(i)
            continue
        if untitled:
            pl.kind[i] = LineKind.BRIEF
            pl.claimed.add(i)
            continue
        pl.kind[i] = LineKind.MASTHEAD
        prev = i
        j = pl.next_nonblank(i)
        while j is not None:
            k = pl.kind.get(j)
            if k in ("byline", "dateline", "pen", "masthead", "jump"):
                break
            if k is None and pl.titleish(j) and pl.item_end(prev):
                nxt = pl.next_nonblank(j)
                if nxt is None or pl.kind.get(nxt) is not None:
                    break
                if not any(c in pl.text[nxt] for c in "，。；！？,;") and pl.titleish(nxt):
                    break
                pl.kind[j] = LineKind.BRIEF
                pl.claimed.add(j)
            prev = j
            j = pl.next_nonblank(j)


def pen_names(pl: PageLines) -> None:
    """A pen name right below a title-ish line (commentaries): a 2–4 character name, maybe spaced out
    or after a bullet (■ 余 声), or a commentator's signature (本报评论员). Not a line of a list of
    names: one over a table or a row of names, one in a run of names, or one of several (group, name)
    pairs with no prose between them (a table of groups flattened one cell per line)."""
    found: list[tuple[int, str]] = []
    for i, t in enumerate(pl.text):
        if not t or len(t) > 16 or i in pl.kind or len(t) > 4 and not (
                t[0] in _BULLETS or " " in t or "\u3000" in t or "评论员" in t):
            continue
        pen = _pen_name(t)
        if pen is None:
            continue
        j = pl.prev_nonblank(i, max_blanks=1)
        if j is None or j in pl.kind:
            continue
        if not (pl.text[j].startswith("——") or pl.titleish(j)):
            continue
        if not _in_a_list(pl, i):
            found.append((i, pen))
    for k, (i, pen) in enumerate(found):
        near = [i2 for i2, _ in found[max(0, k - 1):k + 2] if i2 != i]
        if any(not _prose_between(pl, min(i, i2), max(i, i2)) for i2 in near):
            continue
        pl.kind[i] = LineKind.PEN
        pl.pen_names[i] = pen


def _namelike(t: str) -> bool:
    return _pen_name(t) is not None and "评论员" not in t


def _in_a_list(pl: PageLines, i: int) -> bool:
    """Line ``i`` heads a table or a row of names, or is one of three name lines in a row."""
    k = pl.next_nonblank(i)
    if k is None:
        return False
    if pl.kind.get(k) in (LineKind.TABLE, LineKind.ROW):
        return True
    cells = _TABLE_SPLIT.split(pl.text[k].strip())
    if len(cells) >= 2 and all(_namelike(c) for c in cells):
        return True
    run, j = 1, pl.prev_nonblank(i, max_blanks=1)
    while j is not None and run < 3 and pl.kind.get(j) is None and _namelike(pl.text[j]):
        run, j = run + 1, pl.prev_nonblank(j, max_blanks=1)
    j = k
    while j is not None and run < 3 and pl.kind.get(j) is None and _namelike(pl.text[j]):
        run, j = run + 1, pl.next_nonblank(j)
    return run >= 3


def _prose_between(pl: PageLines, a: int, b: int) -> bool:
    """A sentence (a line over 16 characters, or one ending a sentence) between lines a and b."""
    return any(pl.lines[k] is not None and (len(pl.text[k]) > 16 or pl.text[k].endswith(("。", "！", "？")))
               for k in range(a + 1, b))
