"""Short items that have neither byline nor dateline, split off the drafts after assembly.

Photo news (a title right above a credited caption, no body after it), a brief at the top of the page
(title + prose before the first article), and untitled briefs inside a title-before article's body (a
lone title-ish block after a finished paragraph, then at most three paragraphs). Section headings
(小标题) stay in the body: they are numbered or bracketed, short, or come in series.
"""
from __future__ import annotations

from typing import Optional

from ..clean import display_width, ends_sentence
from ..lexicon import wordmap
from .draft import Draft
from .grammar import _SIGN_DATE_RE, _SUBHEAD_RE, _TABLE_SPLIT, SOURCE_END_RE, _pen_name, norm_title
from .lines import PageLines
from .title_blocks import TitleBlock, title_block


def split_photo_news(pl: PageLines, arts: list[Draft]) -> list[Draft]:
    """A photo with its own title (图片新闻): a title-ish line or two, after a finished paragraph,
    right above a credited caption, with no body text after the caption up to the article's end."""
    caps = {ls[0]: ls for ls, _ in pl.captions}
    out: list[Draft] = []
    for a in arts:
        out.append(a)
        if a.kind != "news" or a.extra_body:
            continue
        for c0 in sorted(x for x in caps if a.body_start < x < a.body_end):
            c1 = caps[c0][-1]
            blk: list[int] = []
            j = c0 - 1
            while j > a.body_start and pl.lines[j] is not None and len(blk) < 2 and pl.titleish(j):
                blk.insert(0, j)
                j -= 1
            if not blk or pl.lines[j] is not None and j > a.body_start:
                continue
            above = pl.prev_nonblank(blk[0])
            if above is None or above < a.body_start or not pl.ends_para(above, True):
                continue
            if any(pl.lines[k] is not None and pl.kind.get(k) is None and k not in pl.claimed
                   for k in range(c1 + 1, a.body_end)):
                continue
            pl.claimed.update(blk)
            b = Draft(title=TitleBlock(lines=blk, groups=[list(blk)]), body_start=c0, body_end=a.body_end,
                     jumps=[x for x in a.jumps if x > c1])
            a.jumps = [x for x in a.jumps if x <= c1]
            a.body_end = blk[0]
            out.append(b)
            break
    return out


def page_lead_brief(pl: PageLines, arts: list[Draft]) -> Optional[Draft]:
    """A short item at the top of the page, before the first article, with no byline or dateline:
    a title block, then prose up to the first article."""
    if not arts:
        return None
    a0 = arts[0]
    first = min([a0.body_start] + (a0.title.lines if a0.title else []) + a0.header)
    i = 0
    while i < first and (pl.lines[i] is None or pl.kind.get(i) == "masthead"):
        i += 1
    if i >= first or not pl.titleish(i):
        return None
    blk = [i]
    j = i + 1
    while j < first and len(blk) < 3:
        if pl.lines[j] is None and j + 1 < first and pl.lines[j + 1] is not None and pl.titleish(j + 1):
            j += 1
        if pl.lines[j] is not None and pl.titleish(j):
            blk.append(j)
            j += 1
        else:
            break
    body = [k for k in range(blk[-1] + 1, first) if pl.lines[k] is not None]
    if not body or any(k in pl.claimed or pl.kind.get(k) is not None for k in body) \
            or not ends_sentence(pl.text[body[-1]]) or len(norm_title("".join(pl.text[x] for x in blk))) < 6:
        return None
    pl.claimed.update(blk)
    return Draft(title=title_block(pl, blk), body_start=blk[-1] + 1, body_end=body[-1] + 1)


def split_untitled_briefs(pl: PageLines, arts: list[Draft]) -> list[Draft]:
    """A short item with no byline and no dateline after a title-before article: its title is
    a lone title-ish block inside the previous body, after a finished paragraph, followed by at
    most three paragraphs up to the article's end. Section headings (小标题) stay: they are
    numbered or bracketed, short, or come in series."""
    out: list[Draft] = []
    lead = page_lead_brief(pl, arts)
    if lead is not None:
        out.append(lead)
    for a in arts:
        out.append(a)
        if a.kind != "news" or a.title is None or a.title.lines[-1] > a.body_start or a.extra_body:
            continue
        cands = _title_cands(pl, a)
        tight = tight_body(pl, a, cands)
        if not cands or (not tight and len(cands) != 1):
            sourced = _sourced_reprints(pl, a, cands)
            if sourced:
                out.extend(_split_at(pl, a, sourced))
            continue
        # a line as long as the column's common line is a paragraph's first line, not a title
        widths: dict[int, int] = {}
        for x in range(a.body_start, a.body_end):
            if pl.lines[x] is not None:
                w = len(pl.text[x])
                widths[w] = widths.get(w, 0) + 1
        col = max(widths, key=widths.get) if widths else 0
        accepted: list[list[int]] = []
        for ci, blk in enumerate(cands):
            end = cands[ci + 1][0] if tight and ci + 1 < len(cands) else a.body_end
            if col >= 8 and widths[col] >= 3 and any(abs(len(pl.text[x]) - col) <= 1 for x in blk):
                continue
            if brief_ok(pl, a, blk, end, tight):
                accepted.append(blk)
        out.extend(_split_at(pl, a, accepted))
    return out


def _split_at(pl: PageLines, a: Draft, blocks: list[list[int]]) -> list[Draft]:
    """Cut draft ``a`` at each title block: the block opens an article running to the next."""
    cur = a
    out = []
    for blk in blocks:
        pl.claimed.update(blk)
        b = Draft(title=title_block(pl, blk), body_start=blk[-1] + 1, body_end=cur.body_end,
                  jumps=[x for x in cur.jumps if x > blk[-1]])
        cur.jumps = [x for x in cur.jumps if x <= blk[-1]]
        cur.body_end = blk[0]
        out.append(b)
        cur = b
    return out


def _title_cands(pl: PageLines, a: Draft) -> list[list[int]]:
    """Lone title-ish blocks (at most three lines) inside ``a``'s body, after a blank line."""
    cands: list[list[int]] = []
    i = a.body_start + 1
    while i < a.body_end:
        if pl.lines[i] is not None and pl.lines[i - 1] is None and pl.titleish(i):
            blk = [i]
            j = i + 1
            while j < a.body_end and len(blk) < 3:
                if pl.lines[j] is None and j + 1 < a.body_end and pl.lines[j + 1] is not None \
                        and pl.titleish(j + 1):
                    j += 1
                if pl.lines[j] is not None and pl.titleish(j) and "，" not in pl.text[j]:
                    blk.append(j)
                    j += 1
                else:
                    break
            # a heading ends its line: a blank line follows, or a clearly wider line
            e = blk[-1]
            if e + 1 >= a.body_end or pl.lines[e + 1] is None or \
                    display_width(pl.text[e]) < 0.8 * display_width(pl.text[e + 1]):
                cands.append(blk)
            i = blk[-1] + 1
        else:
            i += 1
    return cands


def _sourced_reprints(pl: PageLines, a: Draft, cands: list[list[int]]) -> list[list[int]]:
    """Title blocks of reprints inside a body: a block whose item (up to the next block) ends with
    its source (（据新华社）, （来源：某报）) after one to three paragraphs."""
    out = []
    for ci, blk in enumerate(cands):
        end = cands[ci + 1][0] if ci + 1 < len(cands) else a.body_end
        last = pl.prev_nonblank(end)
        if last is None or last <= blk[-1] or not SOURCE_END_RE.search(pl.text[last]):
            continue
        t = "".join(pl.text[x] for x in blk)
        above = pl.prev_nonblank(blk[0])
        if len(norm_title(t)) < 6 or _SUBHEAD_RE.match(t) or "，" in t or "," in t or _list_lines(pl, blk) \
                or above is None or above < a.body_start \
                or not (pl.ends_para(above, True, strict=True) or SOURCE_END_RE.search(pl.text[above])):
            continue
        paras = sum(1 for k in range(blk[-1] + 1, end)
                    if pl.lines[k] is not None and (k + 1 >= end or pl.lines[k + 1] is None)
                    and (ends_sentence(pl.text[k]) or SOURCE_END_RE.search(pl.text[k])))
        if 1 <= paras <= 3:
            out.append(blk)
    return out


def tight_body(pl: PageLines, a: Draft, cands: list[list[int]]) -> bool:
    """Paragraphs of this body are not separated by blank lines: every blank line in it sits
    right before or after a candidate title block (then each such block opens an article)."""
    if not cands:
        return False
    firsts = {blk[0] for blk in cands}
    lasts = {blk[-1] for blk in cands}
    inner = 0
    for x in range(a.body_start, a.body_end):
        if pl.lines[x] is not None:
            if x + 1 < a.body_end and pl.lines[x + 1] is not None and ends_sentence(pl.text[x]):
                inner += 1
            continue
        nxt = pl.next_nonblank(x)
        prv = pl.prev_nonblank(x)
        if nxt is None or nxt >= a.body_end or nxt in firsts or (prv is not None and prv in lasts):
            continue
        if pl.kind.get(nxt) is not None or (prv is not None and pl.kind.get(prv) is not None):
            continue
        return False
    return inner >= 1


def brief_ok(pl: PageLines, a: Draft, blk: list[int], end: int, tight: bool) -> bool:
    """Does title block ``blk`` inside ``a``'s body open a short article running to ``end``?"""
    t = "".join(pl.text[x] for x in blk)
    if len(norm_title(t)) < (4 if tight else 8) or _SUBHEAD_RE.match(t) or "，" in t or "," in t:
        return False
    above = pl.prev_nonblank(blk[0])
    if above is None or above < a.body_start or not pl.ends_para(above, True, strict=True):
        return False
    if pl.text[above].rstrip().endswith(("：", ":")) or _list_lines(pl, blk):
        return False    # 名单如下： the list it announces follows, not a brief
    nxt = pl.next_nonblank(blk[-1])
    if nxt is None or nxt >= end or pl.kind.get(nxt) is not None:
        return False
    paras = 0
    k = nxt
    while k < end:
        if pl.lines[k] is not None and ends_sentence(pl.text[k]) and \
                (k + 1 >= end or pl.lines[k + 1] is None):
            paras += 1
        k += 1
    last = pl.prev_nonblank(end)
    while last is not None and last > nxt and pl.kind.get(last) in ("masthead", "caption", "table", "jump"):
        last = pl.prev_nonblank(last)
    lt = pl.text[last if last is not None else nxt]
    if tight:
        return ends_sentence(lt) or pl.ends_credit(last if last is not None else nxt) or \
            _SIGN_DATE_RE.fullmatch(lt.strip()) is not None
    return 1 <= paras <= 3 and ends_sentence(lt)


_ORG_ENDS = tuple(wordmap("org_suffixes"))



def _list_lines(pl: PageLines, blk: list[int]) -> bool:
    """A block holding a row of names (甘明  柏清  亓凡) or two names of units is a list, not a title."""
    units = 0
    for x in blk:
        cells = _TABLE_SPLIT.split(pl.text[x].strip())
        if len(cells) >= 2 and all(_pen_name(c) for c in cells):
            return True
        units += pl.text[x].rstrip().endswith(_ORG_ENDS)
    return units >= 2
