"""Build: a draft (line ranges) → an ``Article`` (text, char map, title, credits, captions, tables);
then the page-level steps: stray captions, the page's editor credits, and jumps joined across pages.
"""
from __future__ import annotations

from typing import Optional

from ..clean import STRIP_CHARS, paragraphs_of, reflow
from ..models import Article, Byline, Caption, Table
from .draft import Draft
from .grammar import HOME_OUTLETS, SOURCE_END_RE, caption_bylines, norm_title
from .lines import CONTINUED_FROM, CONTINUED_TO, PageLines
from .title_blocks import split_title


def _index(pl: PageLines):
    """Captions and tables by their first line, and every caption line (computed once per page)."""
    if pl.block_index is None:
        pl.block_index = ({ls[0]: cap for ls, cap in pl.captions}, {x for ls, _ in pl.captions for x in ls},
                          {ls[0]: tb for ls, tb in pl.tables})
    return pl.block_index


def _collect_body(pl: PageLines, a: Draft):
    """The body's line pieces (blank lines as None), its captions, tables and closing jump markers, and
    every line the article spans. Jump-marker lines met in the body join ``a.jumps``."""
    src = pl.src
    header_set = set(a.header)
    body_lines: list[Optional[tuple[int, int]]] = []
    captions: list[Caption] = []
    tables: list[Table] = []
    jumps: list[str] = []
    span_lines: list[int] = list(a.header) + list(a.extra) + list(a.jumps)
    cap_by_line, cap_lines, tab_by_line = _index(pl)
    kinds, claimed, lines_ = pl.kind, pl.claimed, pl.lines
    title_lines = set(a.title.lines) if a.title else set()
    ranges = [(a.body_start, a.body_end)] + a.extra_body
    for lo, hi in ranges:
        for k in range(lo, hi):
            ln = lines_[k]
            if ln is None:
                body_lines.append(None)
                continue
            kind = kinds.get(k)
            if kind is None and k not in claimed and k not in header_set and k not in title_lines \
                    and k != a.body_start and k not in pl.tail_jumps:
                body_lines.append(ln)   # the common case: a plain body line
                span_lines.append(k)
                continue
            if k in cap_by_line:
                captions.append(cap_by_line[k])
                span_lines.append(k)
                continue
            if k in tab_by_line:
                tables.append(tab_by_line[k])
                span_lines.append(k)
                continue
            kind = pl.kind.get(k)
            if k in cap_lines or kind == "table":
                span_lines.append(k)
                continue
            if k in header_set or k in title_lines:
                continue
            if k in pl.claimed and kind is None:
                continue   # another article's title
            runin_start = a.body_first_offset is not None and k == a.body_start
            if kind in ("byline", "pen", "jump", "masthead") and not runin_start:
                if kind == "jump":
                    if k not in a.jumps:
                        a.jumps.append(k)
                    span_lines.append(k)
                continue
            s, e = ln
            if a.body_first_offset is not None and s <= a.body_first_offset <= e and k == a.body_start:
                s = a.body_first_offset
                while s < e and src[s] in STRIP_CHARS:
                    s += 1
            if k in pl.tail_jumps:
                jt, js, je = pl.tail_jumps[k]
                jumps.append(jt)
                e = js
                while e > s and src[e - 1] in STRIP_CHARS:
                    e -= 1
            if e > s:
                body_lines.append((s, e, ln[0]) if s != ln[0] else (s, e))
                span_lines.append(k)
    return body_lines, captions, tables, jumps, span_lines


def build(pl: PageLines, a: Draft, source: str, published, inferred, basis, outlet) -> Article:
    """The article of draft ``a``: text reflowed with its char map, title split, credits, span."""
    src = pl.src
    body_lines, captions, tables, jumps, span_lines = _collect_body(pl, a)
    title_lines = set(a.title.lines) if a.title else set()
    cleaned, paras = reflow(src, body_lines)
    paragraphs = paragraphs_of(cleaned, paras)
    for k in a.jumps:
        if k in pl.jump_info:
            d, pg, num, _, _ = pl.jump_info[k]
            jumps.insert(0, f"{d}{pg}版{num}")
    kicker, title, subtitle = split_title(pl, a.title)
    span_lines.extend(title_lines)
    starts = [pl.lines[k][0] for k in span_lines if pl.lines[k]]
    ends = [pl.lines[k][1] for k in span_lines if pl.lines[k]]
    for c in captions:
        starts.append(c.start)
        ends.append(c.end)
    start = min(starts) if starts else 0
    end = max(ends) if ends else 0
    bylines = list(a.bylines)
    for c in captions:
        bylines.extend(caption_bylines(src, c))
    reporters = _uniq(b.name for b in bylines if b.role == "reporter")
    correspondents = _uniq(b.name for b in bylines if b.role == "correspondent")
    authors = [x[0] for x in a.authors]
    for nm, s, e in a.authors:
        bylines.append(Byline(name=nm, title="署名", role="author", start=s, end=e))
    dateline = a.dateline.text if a.dateline else None
    reprint = None
    if a.dateline and a.dateline.outlet not in HOME_OUTLETS and outlet and \
            norm_title(a.dateline.outlet) != norm_title(outlet):
        reprint = a.dateline.outlet
    elif a.dateline is None and (m := SOURCE_END_RE.search(cleaned.text)) and m.group("src") not in HOME_OUTLETS:
        reprint = m.group("src")    # …（据新华社）: a reprint without a dateline
    return Article(
        source=source, start=start, end=end, published=published, published_inferred=inferred,
        published_basis=basis, outlet=outlet, kicker=kicker, title=title, subtitle=subtitle,
        reporters=reporters, correspondents=correspondents, dateline=dateline,
        reprint_source=reprint, text=cleaned.text, char_map=cleaned.char_map,
        paragraphs=paragraphs, captions=captions, tables=tables, jumps=jumps, kind=a.kind,
        authors=authors, bylines=bylines, dateline_parts=a.dateline,
    )



def _uniq(xs) -> list[str]:
    seen: list[str] = []
    for x in xs:
        if x not in seen:
            seen.append(x)
    return seen



def attach_furniture(articles: list[Article], credits: list[Byline]) -> None:
    """The page's editor credits (责任编辑 X 美术编辑 Y 校对 Z) go, as editor bylines, to the article
    printed above them (else the first article): they name persons of the page."""
    if not articles:
        return
    for b in credits:
        above = [a for a in articles if a.start <= b.start]
        target = max(above, key=lambda a: a.start) if above else articles[0]
        _add_byline(target, b)


def attach_closing_bylines(above: Article, bylines: list[Byline]) -> None:
    """A byline line with no body after it (记者:甲 乙 under the last paragraph) is the closing credit
    of the article above, not an article of its own."""
    for b in bylines:
        _add_byline(above, b)


def _add_byline(a: Article, b: Byline) -> None:
    """``b`` among ``a``'s bylines once (by name and title), and a reporter or correspondent among its names."""
    if all((x.name, x.title) != (b.name, b.title) for x in a.bylines):
        a.bylines.append(b)
        names = {"reporter": a.reporters, "correspondent": a.correspondents}.get(b.role)
        if names is not None and b.name not in names:
            names.append(b.name)


def attach_stray_captions(src: str, articles: list[Article], captions: list[Caption]) -> None:
    """A caption printed between two articles (after a title block, before the next byline) goes to
    the article above it, else to the first article: captions are never dropped."""
    if not articles:
        return
    attached = {id(c) for a in articles for c in a.captions}
    for cap in captions:
        if id(cap) in attached:
            continue
        above = [a for a in articles if a.start <= cap.start]
        target = max(above, key=lambda a: a.start) if above else articles[0]
        target.captions.append(cap)
        target.bylines.extend(caption_bylines(src, cap))
        target.start, target.end = min(target.start, cap.start), max(target.end, cap.end)


def join_jumps(articles: list[Article]) -> list[Article]:
    """Join an article continued elsewhere in the same input (下转X版N … 上接Y版N)."""
    if not any(j.startswith(CONTINUED_FROM) for a in articles for j in a.jumps):
        return articles
    out: list[Article] = []
    joined: set[int] = set()
    for a in articles:
        cont = [j for j in a.jumps if j.startswith(CONTINUED_FROM)]
        target = None
        if cont:
            num = cont[0][-1] if cont[0][-1] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" else ""
            for b in out:
                outs = [j for j in b.jumps if j.startswith(CONTINUED_TO)]
                if not outs:
                    continue
                same_num = num and outs[0].endswith(num)
                same_title = a.title and b.title and (norm_title(a.title) in norm_title(
                    (b.kicker or "") + b.title + (b.subtitle or "")))
                if same_num or same_title:
                    target = b
                    break
            if target is None and not a.title:
                open_ = [b for b in out if any(j.startswith(CONTINUED_TO) for j in b.jumps)
                         and id(b) not in joined]
                if open_:
                    target = open_[0]
        if target is None:
            out.append(a)
            continue
        joined.add(id(target))
        sep = "\n" if target.text and a.text else ""
        brk = [target.char_map[-1]] if sep else []
        target.text = target.text + sep + a.text
        target.char_map = target.char_map + brk + a.char_map
        target.paragraphs.extend(a.paragraphs)
        target.captions.extend(a.captions)
        target.tables.extend(a.tables)
        target.jumps.extend(a.jumps)
        target.bylines.extend(a.bylines)
        target.end = max(target.end, a.end)
    return out
