"""``classify(src) -> PageLines``: what each line is, then the blocks made of lines.

Each line is offered to the ``LINE_CLASSIFIERS`` in order; the first that returns True owns it (a
classifier may also return True without a kind, to keep the line plain text). Then the block passes
(``PASSES``, loaders/layout/blocks.py) run over the whole page, in order.
"""
from __future__ import annotations

import re

from ..clean import STRIP_CHARS
from . import blocks
from .grammar import (_AUTHOR_START, _AUTHOR_TITLES, _BULLETS, _CREDIT_HINT_RE, _RUNIN_RE, _TABLE_SPLIT,
                      CAPTION_RE, CREDIT_LABEL, JUMP_RE, PAGE_NO_RE, ROLE_RE, _furniture_prefix, _page_no, is_masthead,
                      is_page_header, match_dateline, parse_credits)
from .lines import CONTINUED_FROM, LineKind, PageLines

_READERS = {"reporter", "correspondent"}
_FURNITURE_ROLES = {"editor", "author", "photographer"}
# how a photo caption's last line ends (… 记者 X 摄, … X 供图）)
_CAPTION_ENDS = ("摄", "供图", "摄影", "摄）", "摄)", "供图）")


def _furniture_credits(bl) -> bool:
    roles = {b.role for b in bl}
    return roles <= _FURNITURE_ROLES and "editor" in roles


# a web page's credit label alone on its line, maybe with one name (作者:, 作者：甲某, 编辑: 乙某)
_LABEL_LINE = re.compile(CREDIT_LABEL + r"\s*[\u4e00-\u9fff·]{0,8}")


def credit_line(pl: PageLines, i: int, t: str, s: int, e: int) -> bool:
    """A byline (本报记者 X 通讯员 Y), a run-in byline opening a paragraph, or the page's editor
    credits (责任编辑 X 美术编辑 Y 校对 Z, also after a page label: 第1版·要闻  责编：X)."""
    if _LABEL_LINE.fullmatch(t):
        bl, _ = parse_credits(pl.src, s, e)
        if bl and not _furniture_credits(bl):
            pl.kind[i], pl.bylines[i] = LineKind.BYLINE, bl
        else:   # an empty label, or the page's editor (校对：甲): furniture, no headline
            pl.kind[i] = LineKind.MASTHEAD
            if bl:
                pl.furniture[i] = bl
        return True
    if not (_CREDIT_HINT_RE.search(t) or (t[0] in _AUTHOR_START and len(t) <= 40
                                          and t.lstrip(_BULLETS).startswith(("文", "图文", "撰稿")))):
        return False
    src = pl.src
    bl, complete = parse_credits(src, s, e)
    if bl and complete and t[0] in "（(" and t[-1] in "）)" and pl.continues_text(i):
        return True     # (记者 X) closing the paragraph above: a credit tail, not a byline
    if bl and complete:
        roles = {b.role for b in bl}
        if roles & _READERS or (len(t) <= 40 and bl[0].title in _AUTHOR_TITLES and "editor" not in roles):
            pl.kind[i] = LineKind.BYLINE
            pl.bylines[i] = bl
            pl.anchor_seen = True
            return True
        if _furniture_credits(bl):
            pl.kind[i] = LineKind.MASTHEAD
            pl.furniture[i] = bl
            return True
    if bl and not complete:
        r0 = ROLE_RE.search(src, s, e)
        if r0 is not None and _furniture_prefix(src[s:r0.start()]):
            bl2, ok2 = parse_credits(src, r0.start(), e)
            if bl2 and ok2 and _furniture_credits(bl2):
                pl.kind[i] = LineKind.MASTHEAD
                pl.furniture[i] = bl2
                return True
    m = _RUNIN_RE.match(src, s, e) if bl else None
    if m and m.end() < e:
        bl2, ok = parse_credits(src, s, m.end())
        if bl2 and ok:
            pl.kind[i] = LineKind.BYLINE
            pl.bylines[i] = bl2
            pl.runin[i] = m.end()
            pl.anchor_seen = True
            return True
    return False


def dateline(pl: PageLines, i: int, t: str, s: int, e: int) -> bool:
    """本报讯 / 新华社北京3月7日电, maybe with a run-in byline in brackets."""
    if "讯" in t[:24] or "电" in t[:30]:
        dl = match_dateline(pl.src, s, e)
        if dl:
            pl.kind[i] = LineKind.DATELINE
            pl.datelines[i] = dl
            pl.anchor_seen = True
            return True
    return False


def jump(pl: PageLines, i: int, t: str, s: int, e: int) -> bool:
    """A jump marker on its own line (下转A2版) or opening a continued paragraph ((上接第1版)text…); one
    closing a body line is noted, the line stays text."""
    if "版" not in t or len(t) > 40:
        return False
    src = pl.src
    m = JUMP_RE.fullmatch(src, s, e)
    if m:
        pl.kind[i] = LineKind.JUMP
        pl.jump_info[i] = (m.group("dir"), _page_no(m.group("page")), m.group("num") or "", s, e)
        return True
    m = JUMP_RE.match(src, s, e)
    if m and m.group("dir") in CONTINUED_FROM and (src[s] in "（(" or len(m.group("dir")) == 2):
        # a continuation opening a paragraph: (上接第1版)要坚定信心…
        pl.kind[i] = LineKind.JUMP
        pl.jump_info[i] = (m.group("dir"), _page_no(m.group("page")), m.group("num") or "", s, m.end())
        pl.head_jumps[i] = m.end()
        return True
    m = JUMP_RE.search(src, s, e)
    if m and not src[m.end():e].strip(STRIP_CHARS):
        pl.tail_jumps[i] = (f"{m.group('dir')}{_page_no(m.group('page'))}版{m.group('num') or ''}",
                            m.start(), m.end())
    return False


def caption(pl: PageLines, i: int, t: str, s: int, e: int) -> bool:
    """The credit line of a photo caption (… 记者 X 摄); the caption pass adds the text above it."""
    if t.endswith(_CAPTION_ENDS) and CAPTION_RE.search(pl.src, s, e):
        pl.kind[i] = LineKind.CAPTION
        return True
    return False


def masthead(pl: PageLines, i: int, t: str, s: int, e: int) -> bool:
    """Masthead lines before the first article (in the first 80 lines), page numbers anywhere."""
    if (not pl.anchor_seen and i < 80 and is_masthead(t)) or (len(t) <= 8 and PAGE_NO_RE.fullmatch(t)):
        pl.kind[i] = LineKind.MASTHEAD
        return True
    return False


def page_header(pl: PageLines, i: int, t: str, s: int, e: int) -> bool:
    """The running header of a later page in the same file (2   2020年6月18日 星期四)."""
    if pl.anchor_seen and is_page_header(t):
        pl.kind[i] = LineKind.MASTHEAD
        pl.page_headers.append(i)
        return True
    return False


def table_row(pl: PageLines, i: int, t: str, s: int, e: int) -> bool:
    """A line of two or more cells (tabs, wide spaces, bars); the table pass keeps runs of them."""
    if ("\t" in t or "  " in t or "|" in t or "｜" in t or "\u3000" in t) and len(_TABLE_SPLIT.split(t)) >= 2:
        pl.kind[i] = LineKind.ROW
        return True
    return False


LINE_CLASSIFIERS = (credit_line, dateline, jump, caption, masthead, page_header, table_row)
PASSES = (blocks.section_names, blocks.tables, blocks.vertical_tables, blocks.captions, blocks.columns,
          blocks.pen_names)


def classify(src: str) -> PageLines:
    pl = PageLines.of(src)
    text, lines = pl.text, pl.lines
    for i in range(pl.n):
        ln = lines[i]
        if ln is None:
            continue
        t = text[i]
        s, e = ln
        for rule in LINE_CLASSIFIERS:
            if rule(pl, i, t, s, e):
                break
    for step in PASSES:
        step(pl)
    return pl
