"""One web article saved as text → one :class:`Article`.

Layout: an optional headline line, optional meta lines (来源:… 发布时间:…, a time stamp, 浏览量),
the body (image file names and the caption lines under them kept apart), and credit lines at the end
(``(编辑:张三)``, ``【责任编辑:…】``, ``(图文:… 审核:…)``). Some pages have no headline: the first
line is already body text. Page furniture above the headline (1886期/第2版, A2:综合 总第3307期), a site's
automatic title (the body's opening with its digits lost) and 摘要 lines are not the headline; a column's
short head is. A digest whose later items have numbered titles (2.某会议召开 over a dated paragraph)
gives one article per titled item.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from ..clean import STRIP_CHARS, paragraphs_of, reflow, split_lines
from ..lexicon import alternation, wordlist
from ..lexicon.grammar import CLOCK, CN_DIGITS, HAN, MONTH_DAY
from ..models import Article, Byline, Caption
from .grammar import CREDIT_LABEL, HOME_OUTLETS, match_dateline, norm_title, parse_credits, parse_signature

_META_RE = re.compile(
    rf"来源\s*[:：]|{alternation(wordlist('publish_time_labels'))}|浏览(?:量|次数)?\s*[:：]|阅读(?:次数|量)\s*[:：]|点击(?:量|次数)?\s*[:：]|【字体|字号\s*[:：]|分享到|"
    r"^\s*(?:19|20)\d{2}([-./])\d{1,2}\1\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|^\s*\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\s+\d{1,2}:\d{2}|"
    # a bare label and a full date opening a line (日期: 2019-09-06): the page's stamp, not a day of the story
    rf"^\s*(?:{alternation(wordlist('date_labels'))})\s*[:：]\s*(?:19|20)\d{{2}}\s*[-./年]\s*\d{{1,2}}\s*[-./月]\s*\d{{1,2}}"
)
# a line that is a full date and nothing else (2016年05月25日 under a web article's headline)
# a date alone on its line, or after the short name of the unit that posted it (某部 2025-12-18)
_DATE_LINE_RE = re.compile(r"^\s*(?:[\u4e00-\u9fff]{2,12}[ \t\u3000]+)?(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                           rf"|(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}})(?:\s*{CLOCK})?\s*$")
_IMAGE_RE = re.compile(r"^(?:\S+\.(?:jpe?g|png|gif|webp|bmp)|[A-Za-z0-9_\-]{6,40})$", re.I)
_CREDIT_LINE_RE = re.compile(CREDIT_LABEL)
_SOURCE_LINE_RE = re.compile(rf"^\s*(?:{alternation(wordlist('source_labels'))})\s*[:：]\s*[^:：]{{1,30}}$")
# a closing signature: (甲 乙), (记者 甲), (甲、乙报道), (某办 甲), (甲乙丙丁戊) — its tokens are read by _signature
_TRAIL_RE = re.compile(r"[（(]\s*([\u4e00-\u9fff·]{2,10}(?:[ \t\u3000、,，/／]+[\u4e00-\u9fff·]{2,10}){0,4}"
                       r"(?:[图文][ \t\u3000]*[/／][ \t\u3000]*[图文])?)\s*[）)]\s*$")


_PERIOD_LINE = re.compile(r"^\s*[（(【]?\s*(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:份)?\s*[）)】]?\s*$")
_SUMMARY_RE = re.compile(r"^\s*[\[【〔(（]?\s*(?:摘\s*要|导\s*读)\s*[\]】〕)）:：]\s*(.*)$")
_FURNITURE_SPLIT = re.compile(r"[\s/／:：*＊>＞<＜|｜·•]+")
_PAGE_OR_ISSUE_HINT = re.compile(r"\d[ \t]*[期版]|^[ \t]*[A-Z]\d")
_DIGIT_GAP_RE = re.compile(r"(?<=\d)[ \t]+(?=[期版])")
_PAGE_OR_ISSUE = re.compile(r"\d+期|\d+版|^[A-Z]\d{1,2}$")
_FURNITURE_PART = re.compile(rf"[{HAN}]{{0,6}}总?第?\d{{1,5}}[期版号]|第?[A-Z]?\d{{1,2}}版?|[A-Z]\d{{1,2}}|[{HAN}]{{2,6}}"
                             r"|(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:编印|出版)?")
_LOST_DATE_RE = re.compile(r"^(?:年月日|月日)|^[^0-9]{0,12}(?:年月日|月日)")
_DIGITS_RE = re.compile(r"[0-9０-９]")
_ITEM_TITLE_RE = re.compile(rf"[ \t\u3000]*(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})[.．、][ \t\u3000]*(?P<t>[{HAN}“《].{{7,59}}?)[ \t\u3000]*$")
_ITEM_NUMBERS = frozenset("0123456789" + CN_DIGITS)
_COMMA_RE = re.compile(r"[，,；;。]")
_DATED_OPENING_RE = re.compile(rf"[ \t\u3000]*(?:(?:19|20)\d{{2}}年)?{MONTH_DAY}|[ \t\u3000]*(?:近日|日前)")


def _is_headline(t: str) -> bool:
    return (2 <= len(t) <= 60 and "。" not in t and t[-1] not in "。！？!?，,；;：:"
            and not _META_RE.search(t) and not _IMAGE_RE.match(t))


@dataclass
class _Page:
    """One web file's lines and what has been taken from them so far."""

    src: str
    lines: list
    idx: list[int]                  # non-blank lines
    text: dict[int, str]
    used: set[int] = field(default_factory=set)
    bylines: list[Byline] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)


def segment_web(src: str, source: str = "<text>", published: Optional[date] = None, inferred: bool = True,
                basis: str = "unknown", outlet: Optional[str] = None) -> list[Article]:
    """The file's article; a digest whose later items carry numbered titles gives one article per item."""
    lines = split_lines(src)
    out: list[Article] = []
    for a, b in _digest_parts(src, lines):
        out.extend(_web_article(src, lines[a:b], a > 0, source, published, inferred, basis, outlet))
    return out


def _web_article(src: str, lines: list, item: bool, source: str, published: Optional[date], inferred: bool,
                 basis: str, outlet: Optional[str]) -> list[Article]:
    idx = [i for i, ln in enumerate(lines) if ln is not None]
    if not idx:
        return []
    pg = _Page(src, lines, idx, {i: src[lines[i][0]:lines[i][1]] for i in idx})
    title = _item_title(pg) if item else _headline(pg)
    _closing_credits(pg)
    _image_captions(pg)
    _title_repeats(pg, title)
    body_lines, dateline, reprint = _body(pg, outlet)
    _trailing_signature(pg, body_lines)
    cleaned, paras = reflow(src, body_lines, blank_breaks=True)
    paragraphs = paragraphs_of(cleaned, paras)
    if not cleaned.text and not title:
        return []
    bylines, authors = pg.bylines, pg.authors
    for b in bylines:
        if b.role in ("editor", "author") and b.name not in authors:
            authors.append(b.name)
    start = lines[idx[0]][0]
    end = lines[idx[-1]][1]
    reporters = list(dict.fromkeys(b.name for b in bylines if b.role == "reporter"))
    correspondents = list(dict.fromkeys(b.name for b in bylines if b.role == "correspondent"))
    return [Article(
        source=source, start=start, end=end, published=published, published_inferred=inferred,
        published_basis=basis, outlet=outlet, kicker=None, title=title, subtitle=None,
        reporters=reporters, correspondents=correspondents, dateline=dateline.text if dateline else None,
        reprint_source=reprint,
        text=cleaned.text, char_map=cleaned.char_map, paragraphs=paragraphs, captions=pg.captions,
        tables=[], jumps=[], kind="web", authors=authors, bylines=bylines, dateline_parts=dateline,
    )]


def _headline(pg: _Page) -> Optional[str]:
    """Meta lines among the first six (their credits kept), page furniture above the headline (a page
    or issue number, a page header), a copy of the body's opening with its digits lost (a site's
    automatic title), then the headline, if there is one; else a short 摘要 (summary) line."""
    src, lines, idx, text, used = pg.src, pg.lines, pg.idx, pg.text, pg.used
    # (来源:某网 4月9日，某局召开… over 80 characters with clauses: a paragraph its source opens, no meta line)
    meta_lines = [i for i in idx[:6] if _META_RE.search(text[i]) and not (len(text[i]) > 80 and _COMMA_RE.search(text[i]))
                  or _DATE_LINE_RE.match(text[i])]
    for i in meta_lines:
        used.add(i)     # 作者:甲, 来源:某报记者 乙 (a meta line is no body: its credits are the article's)
        pg.bylines.extend(parse_credits(src, *lines[i])[0])
    summary = None
    head_seen = False
    for i in idx[:4]:
        if i in used:
            continue
        m = _SUMMARY_RE.match(text[i]) if "要" in text[i][:6] or "读" in text[i][:6] else None
        if m and not _summary_is_body(text, idx, i):   # a summary line, above or below the headline
            used.add(i)
            summary = summary or (" ".join(m.group(1).split()) if _is_headline(m.group(1).strip()) else None)
        elif head_seen:
            continue
        elif _is_furniture(text[i]) or _lost_digits_copy(pg, i):
            used.add(i)
        else:
            head_seen = True
    first = next((i for i in idx if i not in used), None)
    title = None
    if first is not None and len(idx) > 1 and _is_headline(text[first]) and not _credit_line(pg, first):
        nxt = next((i for i in idx if i > first and i not in used), None)
        # a headline is followed by meta lines or by a longer body line
        if nxt is not None and (meta_lines or summary or len(text[nxt]) > len(text[first]) or
                                _PERIOD_LINE.match(text[nxt])):   # 某某大事记 / (2011年6月)
            used.add(first)
            title = " ".join(text[first].split())
    _leading_credits(pg)
    return title or summary


def _summary_is_body(text: dict, idx: list, i: int) -> bool:
    """摘要:12月3日，… a whole report after the label, and no paragraph of the body after it (a broadcast
    page prints only that): the report itself, not a summary of one."""
    return len(text[i]) > 80 and "。" in text[i] and not any(len(text[j]) > 40 for j in idx if j > i)


def _credit_line(pg: _Page, i: int) -> bool:
    """某日报·某客户端记者 甲 通讯员 乙: credits from the line's start to its end, no headline."""
    bl, complete = parse_credits(pg.src, *pg.lines[i])
    return bool(bl) and complete


def _leading_credits(pg: _Page) -> None:
    """Lines that are credits and nothing else (■记者 甲 乙, 责编:丙) among the meta lines and just
    under them, before the body starts."""
    for i in pg.idx[:8]:
        if i in pg.used:
            continue
        t = pg.text[i]
        if len(t) > 80:
            break
        bl, complete = parse_credits(pg.src, *pg.lines[i])
        if not (bl and complete):
            break
        pg.bylines.extend(bl)
        pg.used.add(i)


def _is_furniture(t: str) -> bool:
    """A page or issue number line, maybe with a section name and a date (第2版, 1886期/第2版,
    A2:综合新闻 总第3307期 2018-09-14编印)."""
    if len(t) > 48 or not _PAGE_OR_ISSUE_HINT.search(t):
        return False
    parts = [x for x in _FURNITURE_SPLIT.split(_DIGIT_GAP_RE.sub("", t)) if x]
    return bool(parts) and all(_FURNITURE_PART.fullmatch(x) for x in parts) and \
        any(_PAGE_OR_ISSUE.search(x) for x in parts)


def _lost_digits_copy(pg: _Page, i: int) -> bool:
    """A line that is the opening of the next line with the digits dropped (月日下午… for 7月2日下午…)."""
    if "月日" not in pg.text[i]:
        return False
    t = norm_title(pg.text[i])
    if not _LOST_DATE_RE.search(t):
        return False
    nxt = next((j for j in pg.idx if j > i and j not in pg.used and not _SUMMARY_RE.match(pg.text[j])), None)
    if nxt is None:
        return False
    return len(t) >= 6 and _DIGITS_RE.sub("", norm_title(pg.text[nxt])).startswith(t)


def _digest_parts(src: str, lines: list) -> list[tuple[int, int]]:
    """Line ranges of a digest's items: a numbered title line (2.某某会议召开) over a paragraph that
    opens with its date starts an item; a file without one is one range."""
    idx = [i for i, ln in enumerate(lines) if ln is not None]
    cuts = [0]
    for k, i in enumerate(idx[1:-1], start=1):
        s, e = lines[i]
        if e - s > 72 or src[s:s + 8].lstrip(" \t\u3000")[:1] not in _ITEM_NUMBERS:
            continue
        m = _ITEM_TITLE_RE.match(src, s, e)
        if m and _is_headline(m.group("t")) and not _COMMA_RE.search(m.group("t")) \
                and _DATED_OPENING_RE.match(src, *lines[idx[k + 1]]):
            cuts.append(i)
    return list(zip(cuts, cuts[1:] + [len(lines)]))


def _item_title(pg: _Page) -> Optional[str]:
    """A digest item's numbered title, without its number."""
    first = pg.idx[0]
    pg.used.add(first)
    m = _ITEM_TITLE_RE.match(pg.src, *pg.lines[first])
    return " ".join(m.group("t").split())


def _closing_credits(pg: _Page) -> None:
    """Credit lines at the end ((编辑:X), 【责任编辑:…】), read last first, kept in page order."""
    found: list[Byline] = []
    for i in reversed(pg.idx):
        if i in pg.used:
            continue
        t = pg.text[i]
        if len(t) <= 80:
            s, e = pg.lines[i]
            bl, complete = parse_credits(pg.src, s, e)
            # a labelled line (编辑:X), or one that is credits and nothing else (记者 X Y)
            if bl and (complete or _CREDIT_LINE_RE.search(t)):
                found[:0] = bl
                pg.used.add(i)
                continue
            if _SOURCE_LINE_RE.match(t):
                pg.used.add(i)      # 供稿单位:某镇 under the credits: where it came from, read past it
                continue
        break
    pg.bylines.extend(found)


def _image_captions(pg: _Page) -> None:
    """Image placeholders (x.jpg) and the caption line under them are kept out of the body."""
    body_idx = [i for i in pg.idx if i not in pg.used]
    for k, i in enumerate(body_idx):
        if _IMAGE_RE.match(pg.text[i]):
            pg.used.add(i)
            _caption_after(pg, body_idx, k)


def _caption_after(pg: _Page, body_idx: list[int], k: int) -> None:
    """The short unpunctuated line after body line ``k`` (an image's or a repeated headline's) is a caption."""
    if k + 1 < len(body_idx):
        j = body_idx[k + 1]
        tj = pg.text[j]
        if len(tj) <= 40 and "。" not in tj and tj[-1] not in "，,；;" and _is_headline(tj):
            pg.used.add(j)
            s, e = pg.lines[j]
            pg.captions.append(Caption(text=" ".join(tj.split()), credit=None, start=s, end=e))


def _title_repeats(pg: _Page, title: Optional[str]) -> None:
    """The headline printed again and again in the body, over each photo with its caption under it
    (aggregator copies): the repeats and the captions after them are kept out of the body. (Printed once
    more, under the headline, it is the page's own repeat, and the line after it may be a subtitle.)"""
    key = "".join((title or "").split())
    if len(key) < 6:
        return
    body_idx = [i for i in pg.idx if i not in pg.used]
    repeats = [k for k, i in enumerate(body_idx) if "".join(pg.text[i].split()) == key]
    if len(repeats) < 2:
        return
    for k in repeats:
        pg.used.add(body_idx[k])
        _caption_after(pg, body_idx, k)


def _body(pg: _Page, outlet: Optional[str]):
    """The body's line pieces, and the dateline (with its reprint source) opening the first one."""
    src = pg.src
    body_lines: list = []
    dateline = None
    reprint = None
    first_body = True
    for i, ln in enumerate(pg.lines):
        if ln is None:
            body_lines.append(None)
            continue
        if i in pg.used:
            continue
        s, e = ln
        if first_body:
            first_body = False
            dl = match_dateline(src, s, e)
            if dl:
                dateline = dl
                pg.bylines[:0] = dl.bylines
                if dl.outlet not in HOME_OUTLETS and outlet and norm_title(dl.outlet) != norm_title(outlet) \
                        and not norm_title(outlet).startswith(norm_title(dl.outlet)):
                    reprint = dl.outlet
                s = dl.end
                while s < e and src[s] in STRIP_CHARS:
                    s += 1
        body_lines.append((s, e, ln[0]))
    return body_lines, dateline, reprint


def _trailing_signature(pg: _Page, body_lines: list) -> None:
    """A (name name) signature closing the last paragraph: credits, cut from the body."""
    src = pg.src
    for k in range(len(body_lines) - 1, -1, -1):
        bl = body_lines[k]
        if bl is None:
            continue
        m = _TRAIL_RE.search(src, bl[0], bl[1])
        if m:
            credits = parse_signature(src, m.start(1), m.end(1))
            if credits is None:
                break
            pg.bylines.extend(credits)
            pg.authors.extend(b.name for b in credits if b.role == "author")
            e = m.start()
            while e > bl[0] and src[e - 1] in STRIP_CHARS:
                e -= 1
            body_lines[k] = (bl[0], e, bl[2]) if e > bl[0] else None
        break


def looks_like_web(src: str) -> bool:
    """A 来源/发布时间 (or time-stamp) line, or a 摘要: summary line (printed pages carry none), among the
    first lines: one web article per file."""
    head = [ln for ln in src[:2000].splitlines() if ln.strip()][:6]
    return any(_META_RE.search(ln) or _SUMMARY_RE.match(ln) for ln in head)
