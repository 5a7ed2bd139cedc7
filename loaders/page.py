"""Segment a newspaper page (text flattened from a page PDF) into articles.

Layout rules, all general (no names of people, places or papers):

* **Anchors.** An article is anchored by a *byline header* (``<outlet>记者 NAME…`` / ``通讯员/NAME…``
  lines, optionally followed by a dateline paragraph ``<outlet>讯`` / ``<outlet><place><date>电``), by a
  *dateline* alone, or by a *pen name* (a 2–4 character name on its own line right under a title:
  commentaries).
* **Title blocks** are runs of at most five short lines (≤ 48 chars, balanced quotes, no 。, not ending
  in a comma, not a byline/dateline/caption/jump/masthead line), separated by at most single blank
  lines, whose line above ends a paragraph. They are looked for backwards from every anchor, every
  jump marker (下转A2版) and the end of the page; photo captions and jump markers between a title
  block and its anchor are skipped.
* **Title before or after.** A title block right before an anchor is the *previous* article's title
  when that article has a body and no title yet (title-after layout), otherwise the next article's
  title (title-before layout). A title block before a jump marker or at the end of the page closes the
  current article. A line repeating the previous article's title is kept in that article.
* **Planning over a run of articles.** Before assembly, every header's title block (looked for with
  room for two titles) is split between the previous article (title after its body) and the next
  (title before) so that, over the whole run between commentaries/jump markers, every article gets
  exactly one title with the fewest layout switches and block splits (:meth:`PageSegmenter._plan_titles`).
  One unrecognised title thus no longer shifts every later title by one article, and a title-after
  article directly followed by a title-before one gets both right.
* **Briefs without byline or dateline**: a lone title-ish block inside a title-before article's body
  (blank line above, after a finished paragraph, not as wide as the column, not numbered/bracketed,
  no comma), followed by at most three paragraphs up to the next article, starts its own article; so
  does a title + prose at the top of the page. Section headings (小标题) stay in the body: they come
  in series, are numbered or bracketed, short, or as wide as the column.
* **Page furniture**: editor credits (责任编辑 X 美术编辑 Y 校对 Z), page numbers (A3, 第3版) anywhere,
  and a section name next to the masthead are never bodies or titles. Masthead lines may hold several
  items with spaced digits (第 2 5 1 3 6 期  今日 8 版); weather needs a temperature range or a weather
  word (a title may name a temperature). The running header of a later page in the same file
  (2   2020年6月18日 星期四) and its section name are furniture too. The editor credits are kept as
  editor bylines of the article printed above them: they name persons of the page.
* **Columns of short items** (简讯, lexicon column_heads.txt): the header is furniture; an item is a
  title-ish line (■ 标题) after the header or a finished item, with its own prose. A paragraph closed by
  a run-in credit (…。（记者 X）, maybe wrapped) is finished; a bracketed credit line closing the text
  above is a credit tail, not a byline.
* **Photo news**: a title-ish line or two right above a credited caption, after a finished paragraph,
  with no body after the caption, is an article of its own.
* **Jump markers** take Chinese numerals (下转第二版); an untitled continuation (上接第一版) takes no title
  after its body and joins the earliest article continued elsewhere.
* **Commentaries** (title block + pen name; a pen name may be spaced out or follow a bullet, ■ 某 某, or
  be a commentator's signature, 本报评论员; lexicon not_pen_names.txt keeps 任免名单 a title): the body follows the pen name when body text follows;
  otherwise it is the text before the title block (split from an untitled preceding article at its
  title block, if there is one).
* Inside a title block: lines starting with —— are subtitles, lines ending with ——/……/：/强调… are
  kickers; of the rest the first group is the title, a third group is a subtitle. Unmarked: of three
  lines, a first line longer than the second is a kicker unless the last two are a short parallel
  couplet (a subtitle); of two lines, a first line with figures and ≥ 4 characters longer than a
  second without figures is a kicker.
* Captions (``… 供图``, ``… 摄``), tables (≥ 2 lines of ≥ 2 cells), jump markers are kept apart from
  the body.

Word lists (credit roles, outlet endings, non-names, furniture words, anonymous credits, kicker endings,
column headers) are lexicon word lists (loaders/lexicon/data), loaded once at import.

Everything keeps source offsets: ``Article.start/end``, paragraphs, captions, tables, bylines.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from .clean import STRIP_CHARS, display_width, ends_sentence, paragraphs_of, reflow, split_lines
from .models import Article, Byline, Caption, Table
from .lexicon import alternation, wordlist, wordmap

HAN = "\u4e00-\u9fff\u3400-\u4dbf"

# ------------------------------------------------------------------ credits (bylines)

# word lists (loaders/lexicon/data), loaded once at import
HOME_OUTLETS = frozenset(wordlist("home_outlets"))
_OUTLET_PREFIX = (
    rf"(?:{alternation(wordlist('home_outlets'))}|[{HAN}]{{2,8}}?"
    rf"(?:{alternation(wordlist('page_outlet_suffixes'))}))"
)
_REPORTER_ROLE = (
    rf"(?:{_OUTLET_PREFIX})?(?:{alternation(wordlist('byline_role_prefixes'))})?"
    rf"(?P<rr>{alternation(wordlist('byline_reporter_roles'))})"
)
_EDITOR_ROLE = (rf"(?P<er>{alternation(wordlist('byline_editor_roles'))}"
                r"|文[ \t\u3000]*[/／][ \t\u3000]*图|文图|(?:文|图)(?=[ \t\u3000]*[:：/／]))")
ROLE_RE = re.compile(rf"{_REPORTER_ROLE}|{_EDITOR_ROLE}")
_NAME_TOKEN_RE = re.compile(rf"[{HAN}][{HAN}·]*")
_NOT_NAMES = frozenset(wordlist("byline_not_names"))
_SKIP_WORDS = frozenset(wordlist("byline_skip_words"))
# separators and the bullets some papers put before a byline (■本报记者 …)
_SEP_CHARS = " \t\u3000\u00a0/／:：、，,;；|（）()【】[]■□◆◇●○◎▲△★☆▶►·•"

ROLE_KIND = dict(wordmap("byline_role_kinds"))
_AUTHOR_TITLES = frozenset(wordlist("byline_author_titles"))


def _name_tokens(src: str, s: int, e: int) -> list[tuple[int, int]]:
    """Han runs in src[s:e]; consecutive single characters (杨 媛) merge into one name."""
    toks = [(m.start(), m.end()) for m in _NAME_TOKEN_RE.finditer(src, s, e)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        a, b = toks[i]
        if b - a == 1:
            j = i
            while j + 1 < len(toks) and toks[j + 1][1] - toks[j + 1][0] == 1 and j - i < 3:
                j += 1
            if j > i:
                out.append((a, toks[j][1]))
                i = j + 1
                continue
        out.append((a, b))
        i += 1
    return out


def _name_text(src: str, s: int, e: int) -> str:
    return "".join(src[s:e].split())


def parse_credits(src: str, s: int, e: int) -> tuple[list[Byline], bool]:
    """Credits in src[s:e] (a byline line or a parenthesised run-in byline).

    Returns (bylines, complete): ``complete`` is True when the span holds only roles, names and
    separators (a byline line), False when other text is left over.
    """
    out: list[Byline] = []
    roles = list(ROLE_RE.finditer(src, s, e))
    if not roles:
        return out, False
    complete = not src[s:roles[0].start()].strip(_SEP_CHARS + STRIP_CHARS)
    for k, m in enumerate(roles):
        nend = roles[k + 1].start() if k + 1 < len(roles) else e
        title = m.group(0)
        base = m.group("rr") or m.group("er")
        if base.startswith("文") and base.endswith("图") and len(base) > 2:
            base = "文/图"
        kind = ROLE_KIND.get(base, "other")
        covered = m.end()
        names = 0
        for a, b in _name_tokens(src, m.end(), nend):
            nm = _name_text(src, a, b)
            if nm in _NOT_NAMES or not (2 <= len(nm) <= 8):
                if nm in _SKIP_WORDS:
                    covered = b
                    continue
                break
            if src[covered:a].strip(_SEP_CHARS + STRIP_CHARS):
                break
            after = src[b:nend].lstrip(" \t\u3000")
            if after[:1] in (":", "："):
                break   # a label (阅读次数:), not a name
            out.append(Byline(name=nm, title=title, role=kind, start=a, end=b))
            covered = b
            names += 1
        if names == 0 and k + 1 < len(roles) and not src[m.end():nend].strip(_SEP_CHARS + STRIP_CHARS):
            continue    # 文/图 本报记者 X: the first role word qualifies the second
        if names == 0 and k > 0 and k + 1 == len(roles) and base in ("文/图", "文图", "文", "图") and \
                out and not src[m.end():nend].strip(_SEP_CHARS + STRIP_CHARS):
            continue    # 本报记者 X 文/图: a trailing role word qualifies the names before it
        if names == 0 or src[covered:nend].strip(_SEP_CHARS + STRIP_CHARS):
            complete = False
    return out, complete


_BYLINE_HINT = ("记者", "通讯员")
_RUNIN_RE = re.compile(
    rf"(?:(?:{_REPORTER_ROLE.replace('(?P<rr>', '(?:')})[ \t\u3000]*[/／:：]?[ \t\u3000]*"
    rf"(?:[{HAN}]{{2,4}}[ \t\u3000]+)+)+"
)

# ------------------------------------------------------------------ datelines

DATELINE_XUN_RE = re.compile(
    rf"(?P<outlet>{_OUTLET_PREFIX})(?P<date>[ \t\u3000]*\d{{1,2}}[ \t\u3000]*月[ \t\u3000]*\d{{1,2}}[ \t\u3000]*日)?"
    rf"[ \t\u3000]*讯"
)
DATELINE_DIAN_RE = re.compile(
    rf"(?P<outlet>[{HAN}]{{2,10}}?(?:{alternation(wordlist('dateline_outlet_endings'))}))(?P<place>[{HAN}]{{0,8}}?)"
    rf"(?P<date>[ \t\u3000]*\d{{1,2}}[ \t\u3000]*月[ \t\u3000]*\d{{1,2}}[ \t\u3000]*日)[ \t\u3000]*电"
)
_PAREN_CREDIT_RE = re.compile(r"[ \t\u3000]*[（(]([^（）()\n]{1,80})[）)]")


@dataclass
class Dateline:
    text: str
    outlet: str
    start: int
    end: int            # end of the dateline (and of a run-in parenthesised byline)
    month_day: Optional[tuple[int, int]] = None
    bylines: list[Byline] = field(default_factory=list)


def match_dateline(src: str, s: int, e: int) -> Optional[Dateline]:
    """A dateline at the start of src[s:e]."""
    m = DATELINE_XUN_RE.match(src, s, e) or DATELINE_DIAN_RE.match(src, s, e)
    if not m:
        return None
    md = None
    if m.group("date"):
        nums = re.findall(r"\d+", m.group("date"))
        md = (int(nums[0]), int(nums[1]))
    text = "".join(m.group(0).split())
    dl = Dateline(text=text, outlet=m.group("outlet"), start=m.start(), end=m.end(), month_day=md)
    p = _PAREN_CREDIT_RE.match(src, m.end(), e)
    if p and any(h in p.group(1) for h in _BYLINE_HINT):
        bl, _ = parse_credits(src, p.start(1), p.end(1))
        if bl:
            dl.bylines = bl
            dl.end = p.end()
    return dl


# ------------------------------------------------------------------ other line kinds

JUMP_RE = re.compile(
    rf"[（(]?[ \t\u3000]*(?P<dir>{alternation(wordlist('jump_directions'))})[ \t\u3000]*(?:第[ \t\u3000]*)?"
    r"(?P<page>[A-Za-z]?[ \t\u3000]*(?:\d{1,2}|[一二三四五六七八九十]{1,3}))[ \t\u3000]*版[ \t\u3000]*(?P<num>[①-⑳]|[（(]?\d{1,2}[）)]?)?"
    r"[ \t\u3000]*[）)]?"
)
CAPTION_RE = re.compile(
    rf"(?:^|(?<=[\s。！？”（(]))(?P<credit>(?:{_OUTLET_PREFIX})?(?:记者|通讯员)?[ \t\u3000/]*"
    rf"(?:[{HAN}·]{{2,10}}|[{HAN}](?:[ \t\u3000][{HAN}]){{1,2}})(?:[ \t\u3000、]+[{HAN}·]{{2,6}})*)"
    rf"[ \t\u3000/／]+(?P<kind>{alternation(wordlist('caption_credit_words'))})[ \t\u3000]*[）)]?$"
)
MASTHEAD_RE = re.compile(
    r"(?:\d{4}[ \t]*年[ \t]*\d{1,2}[ \t]*月(?:[ \t]*\d{1,2}[ \t]*日)?.{0,12}|\d{1,2}|(?:星期|周)[一二三四五六日天]"
    r"|第[ \t]*\d+[ \t]*[期号]|(?:今日|本期)[ \t]*\d+[ \t]*版|[A-Z]\d{1,2}(?:[ \t]*版)?|第?[ \t]*[A-Z]?\d{1,2}[ \t]*版"
    rf"|[A-Za-z][A-Za-z .&'-]+|[\u4e00-\u9fff]{{2,8}}(?:{alternation(wordlist('masthead_paper_kinds'))})|.*天气.*"
    r"|.*-?\d+[ \t]*℃?[ \t]*[～~—\-－至到/][ \t]*-?\d+[ \t]*℃.*"
    rf"|.{{0,12}}(?:{alternation(wordlist('weather_words'))}).{{0,12}}\d+[ \t]*℃.*"
    r"|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年.*|农历.*"
    # a page number with its section name: 第3版 综合新闻, A3 要闻, 第1版·要闻
    r"|(?:第[ \t]*[A-Z]?[ \t]*\d{1,2}[ \t]*版|[A-Z][ \t]*\d{1,2}[ \t]*版?)[ \t·:：|｜]+[\u4e00-\u9fff]{2,6}"
    rf"|.*(?:{alternation(wordlist('masthead_words'))}|CN[ \t]*\d).*)"
)
_PEN_RE = re.compile(rf"[{HAN}]{{2,4}}")
_PEN_SPACED_RE = re.compile(rf"[{HAN}](?:[ \t\u3000]{{1,2}}[{HAN}]){{1,3}}")
_COMMENTATOR_RE = re.compile(rf"(?:{_OUTLET_PREFIX})?(?:特约|首席)?评论员")
_NOT_PEN_ENDS = wordlist("not_pen_names")
_COLUMN_HEADS = frozenset(wordlist("column_heads"))
_BULLETS = "■□◆◇●○◎▲△★☆▶►•· \t\u3000"
PAGE_NO_RE = re.compile(r"(?:第[ \t]*)?[A-Z]?[ \t]*\d{1,2}[ \t]*版|[A-Z][ \t]*\d{1,2}|0\d")
_CREDIT_HINT_RE = re.compile(alternation(wordlist("byline_hint_words")))
_AUTHOR_START = frozenset("文图撰■□◆◇●○◎▲△★☆▶►•· \t\u3000")
_DIGIT_RE = re.compile(r"[0-9０-９]")
_SUBHEAD_RE = re.compile(r"[\s■□◆◇●○◎▲△★☆▶►•·【〔\[（(]|[一二三四五六七八九十]+[、.．]|\d+[、.．]|第[一二三四五六七八九十\d]+|[①-⑳]")
_SECTION_RE = re.compile(rf"[{HAN}]{{2,6}}")
_URLISH = re.compile(r"https?://|www\.|@|\d{3,4}-\d{6,}")
_TABLE_SPLIT = re.compile(r"\t+|[ \u3000]{2,}|[ \t\u3000]*[|｜][ \t\u3000]*")
_KICKER_END = wordlist("kicker_ends")
_BAD_TITLE_END = frozenset("，,、；;。")
MAX_TITLE_CHARS = 48
MAX_TITLE_LINES = 5


def _balanced(t: str) -> bool:
    return (t.count("“") == t.count("”") and t.count("《") == t.count("》")
            and t.count("（") == t.count("）") and t.count("(") == t.count(")"))


_MAST_SPACE_RE = re.compile(r"(?<=[\d年月日期第版号])[ \t](?=[\d年月日期版号])")
_MAST_DATE_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_MAST_ITEM_RE = re.compile(r"(?:星期|周)[一二三四五六日天]|[A-Z]?\d{1,2}|第?[A-Z]?\d{1,2}版")


def is_masthead(t: str) -> bool:
    """A masthead line: date, weekday, issue number, page count, weather, furniture — or several of
    these on one line (第 2 5 1 3 6 期  今日 8 版), digits spaced out or not."""
    if len(t) > 40:
        return False
    if MASTHEAD_RE.fullmatch(t) is not None:
        return True
    if " " not in t and "\t" not in t:
        return False
    t2 = _MAST_SPACE_RE.sub("", t)
    if t2 != t and MASTHEAD_RE.fullmatch(t2) is not None:
        return True
    parts = t2.split()
    return len(parts) >= 2 and all(MASTHEAD_RE.fullmatch(x) is not None for x in parts)


def is_page_header(t: str) -> bool:
    """A running page header anywhere on the page (a second page in the same file): a full date and a
    weekday or page number, nothing else (2   2020年6月18日 星期四)."""
    if len(t) > 40 or "日" not in t or "年" not in t or (" " not in t and "\t" not in t) or not is_masthead(t):
        return False
    t2 = _MAST_SPACE_RE.sub("", t)
    parts = t2.split()
    return len(parts) >= 2 and any(_MAST_DATE_RE.match(x) for x in parts) and \
        any(_MAST_ITEM_RE.fullmatch(x) for x in parts)


_SIGN_DATE_RE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九○]{4})[ \t]*年[ \t]*[\d一二三四五六七八九十]{1,3}[ \t]*月"
                           r"[ \t]*[\d一二三四五六七八九十]{1,3}[ \t]*日")
_NUM_CELL = re.compile(r"[-+—–]?[\d０-９][\d０-９.,，%％]*|[—–-]{1,2}|…")


_NUM_LINE_RE = re.compile(r"(?m)^[ \t\u3000]*(?:[-+—–]?[\d０-９][\d０-９.,，%％]*|[—–-]{1,2})[ \t\u3000]*\r?$")


def _CELLISH(t: str) -> bool:
    """A line that may be one table cell: short, no sentence punctuation."""
    t = t.strip()
    return 0 < len(t) <= 16 and not any(p in t for p in "。，；！？：:")


_LABEL_SPLIT = re.compile(r"[\s·•|｜/／]+")


def _furniture_prefix(pre: str) -> bool:
    """Page labels before editor credits on one line: 本版, 第1版, A2, 要闻, 2024年5月22日 …"""
    parts = [x for x in _LABEL_SPLIT.split(pre.strip(_SEP_CHARS + STRIP_CHARS)) if x]
    if not parts:
        return False
    for x in parts:
        if x == "本版" or PAGE_NO_RE.fullmatch(x) or is_masthead(x) or \
                (2 <= len(x) <= 6 and _SECTION_RE.fullmatch(x)):
            continue
        return False
    return True


def norm_title(t: str) -> str:
    return re.sub(r"[\s\W_]+", "", t)


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _page_no(p: str) -> str:
    """A jump marker's page as written, Chinese numerals as digits (第二版 → 2, 十二 → 12)."""
    p = "".join(p.split())
    if not p or p[-1] not in _CN_DIGITS and p[-1] != "十":
        return p
    if "十" in p:
        a, _, b = p.partition("十")
        return str((_CN_DIGITS.get(a, 1) if a else 1) * 10 + (_CN_DIGITS.get(b, 0) if b else 0))
    return "".join(str(_CN_DIGITS[c]) for c in p if c in _CN_DIGITS)


# a paragraph closed by a run-in credit: …。（记者 龚 珊）
_CREDIT_END_RE = re.compile(r"[。！？!?…”][ \t\u3000]*[（(][^（）()]{1,40}[）)]$")


def _pen_name(t: str) -> Optional[str]:
    """The pen name a commentary's signature line holds (■ 某 某 → 某某, 本报评论员), else None."""
    core = t.strip(_BULLETS)
    if _PEN_RE.fullmatch(core) or _PEN_SPACED_RE.fullmatch(core):
        name = "".join(core.split())
        if 2 <= len(name) <= 4 and not name.endswith(_NOT_PEN_ENDS) and name not in _COLUMN_HEADS:
            return name
        return None
    if _COMMENTATOR_RE.fullmatch("".join(core.split())):
        return "".join(core.split())
    return None


# ------------------------------------------------------------------ segmentation


@dataclass
class _TitleBlock:
    lines: list[int]            # line indices (non-blank) in order
    groups: list[list[int]]     # the same, grouped by blank lines


@dataclass
class _Art:
    kind: str = "news"
    header: list[int] = field(default_factory=list)       # byline / pen-name line indices
    bylines: list[Byline] = field(default_factory=list)
    authors: list[tuple[str, int, int]] = field(default_factory=list)
    dateline: Optional[Dateline] = None
    title: Optional[_TitleBlock] = None
    body_start: int = 0          # first body line index
    body_end: int = 0            # exclusive
    body_first_offset: Optional[int] = None   # body starts mid-line (after a dateline / run-in byline)
    extra: list[int] = field(default_factory=list)         # lines kept in the span (repeated titles…)
    jumps: list[int] = field(default_factory=list)
    extra_body: list[tuple[int, int]] = field(default_factory=list)  # (from, to) line ranges appended
    cont: bool = False           # an untitled continuation (上接一版): no title is expected after its body


class PageSegmenter:
    """Segment one page. Construct, then call :meth:`articles`."""

    def __init__(self, src: str):
        self.src = src
        self.lines = split_lines(src)
        self.n = len(self.lines)
        self.text: list[str] = [src[ln[0]:ln[1]] if ln else "" for ln in self.lines]
        self.kind: dict[int, str] = {}          # line -> byline|dateline|jump|caption|pen|table|masthead
        self.claimed: set[int] = set()
        self.captions: list[tuple[list[int], Caption]] = []
        self.tables: list[tuple[list[int], Table]] = []
        self.jump_info: dict[int, tuple[str, str, str, int, int]] = {}   # line -> (dir, page, num, s, e)
        self.tail_jumps: dict[int, tuple[str, int, int]] = {}            # body line -> (text, s, e) at its end
        self.datelines: dict[int, Dateline] = {}
        self.bylines: dict[int, list[Byline]] = {}
        self.runin: dict[int, int] = {}   # line -> offset where text after a run-in byline starts
        self._hdr_cache: dict[int, tuple] = {}
        self.page_headers: list[int] = []   # running headers of later pages in the same file
        self.pen_names: dict[int, str] = {}
        self.furniture: dict[int, list[Byline]] = {}   # editor credits of the page (责任编辑 X …)
        self._tcache: dict[int, bool] = {}
        self._classify()

    # -------------------------------------------------------------- line classes
    def _classify(self) -> None:
        src, text, lines = self.src, self.text, self.lines
        first_anchor_seen = False
        for i in range(self.n):
            ln = lines[i]
            if ln is None:
                continue
            t = text[i]
            s, e = ln
            if _CREDIT_HINT_RE.search(t) or (t[0] in _AUTHOR_START and len(t) <= 40
                                              and t.lstrip(_BULLETS).startswith(("文", "图文", "撰稿"))):
                bl, complete = parse_credits(src, s, e)
                if bl and complete and t[0] in "（(" and t[-1] in "）)" and self._continues_text(i):
                    continue    # (记者 X) closing the paragraph above: a credit tail, not a byline
                if bl and complete:
                    roles = {b.role for b in bl}
                    if roles & {"reporter", "correspondent"} or (
                            len(t) <= 40 and bl[0].title in _AUTHOR_TITLES and "editor" not in roles):
                        self.kind[i] = "byline"
                        self.bylines[i] = bl
                        first_anchor_seen = True
                        continue
                    if roles <= {"editor", "author", "photographer"} and "editor" in roles:
                        self.kind[i] = "masthead"    # page furniture: 责任编辑 X 美术编辑 Y 校对 Z
                        self.furniture[i] = bl
                        continue
                if bl and not complete:
                    # editor credits after a page label (第1版·要闻  责编：X, 本版责任编辑：X)
                    r0 = ROLE_RE.search(src, s, e)
                    if r0 is not None and _furniture_prefix(src[s:r0.start()]):
                        bl2, ok2 = parse_credits(src, r0.start(), e)
                        roles2 = {b.role for b in bl2}
                        if bl2 and ok2 and roles2 <= {"editor", "author", "photographer"} and "editor" in roles2:
                            self.kind[i] = "masthead"
                            self.furniture[i] = bl2
                            continue
                m = _RUNIN_RE.match(src, s, e) if bl else None
                if m and m.end() < e:
                    bl2, ok = parse_credits(src, s, m.end())
                    if bl2 and ok:
                        self.kind[i] = "byline"
                        self.bylines[i] = bl2
                        self.runin[i] = m.end()
                        first_anchor_seen = True
                        continue
            if ("讯" in t[:24] or "电" in t[:30]):
                dl = match_dateline(src, s, e)
                if dl:
                    self.kind[i] = "dateline"
                    self.datelines[i] = dl
                    first_anchor_seen = True
                    continue
            if "版" in t and len(t) <= 40:
                m = JUMP_RE.fullmatch(src, s, e)
                if m:
                    self.kind[i] = "jump"
                    self.jump_info[i] = (m.group("dir"), _page_no(m.group("page")), m.group("num") or "", s, e)
                    continue
                m = JUMP_RE.search(src, s, e)
                if m and not src[m.end():e].strip(STRIP_CHARS):
                    self.tail_jumps[i] = (f"{m.group('dir')}{_page_no(m.group('page'))}版{m.group('num') or ''}",
                                          m.start(), m.end())
            if t.endswith(("摄", "供图", "摄影", "摄）", "摄)", "供图）")):
                m = CAPTION_RE.search(src, s, e)
                if m:
                    self.kind[i] = "caption"
                    continue
            if (not first_anchor_seen and i < 80 and is_masthead(t)) or (len(t) <= 8 and PAGE_NO_RE.fullmatch(t)):
                self.kind[i] = "masthead"
                continue
            if first_anchor_seen and is_page_header(t):
                self.kind[i] = "masthead"
                self.page_headers.append(i)
                continue
            if ("\t" in t or "  " in t or "|" in t or "｜" in t or "\u3000" in t):
                if len(_TABLE_SPLIT.split(t)) >= 2:
                    self.kind[i] = "row"
        self._find_section_names()
        self._find_tables()
        self._find_vertical_tables()
        self._find_captions()
        self._find_columns()
        self._find_pens()

    def _continues_text(self, i: int) -> bool:
        """The nearest line above i (at most one blank between) is unfinished body text."""
        j = self._prev_nonblank(i, max_blanks=1)
        if j is None or self.kind.get(j) is not None:
            return False
        t = self.text[j]
        return len(t) >= 6 and not ends_sentence(t) and ("，" in t or "。" in t or len(t) >= 12) \
            or ends_sentence(t) and not self._titleish(j)

    def _find_section_names(self) -> None:
        """A page's section name (要闻, 要闻·综合) next to its masthead lines, before the first article
        (and next to the running header of a later page in the same file)."""
        self._section_names_from(0, min(self.n, 80))
        for h in self.page_headers:
            self._section_names_from(h, min(self.n, h + 6))

    def _section_names_from(self, lo: int, hi: int) -> None:
        prev_mast = False
        for i in range(lo, hi):
            if self.lines[i] is None:
                continue
            k = self.kind.get(i)
            if k == "masthead":
                prev_mast = True
                continue
            if k is not None:
                break
            t = self.text[i]
            core = "".join(ch for ch in t if ch not in " \t\u3000·•|｜/")
            if 2 <= len(core) <= 6 and _SECTION_RE.fullmatch(core):
                nxt = self._next_nonblank(i)
                if prev_mast or (nxt is not None and self.kind.get(nxt) == "masthead"):
                    self.kind[i] = "masthead"
                    prev_mast = True
                    continue
            if len(t) > 8:
                break
            prev_mast = False

    def _find_tables(self) -> None:
        rows = sorted(i for i, k in self.kind.items() if k == "row")
        run: list[int] = []

        def flush():
            cells = [len(_TABLE_SPLIT.split(self.text[i])) for i in run]
            if len(run) >= 2 and max(cells) - min(cells) <= 1:
                data = [[c.strip() for c in _TABLE_SPLIT.split(self.text[i])] for i in run]
                tb = Table(rows=data, start=self.lines[run[0]][0], end=self.lines[run[-1]][1])
                self.tables.append((list(run), tb))
                for i in run:
                    self.kind[i] = "table"
                    self.claimed.add(i)
            else:
                for i in run:
                    self.kind.pop(i, None)

        for i in rows:
            if run and i != run[-1] + 1:
                flush()
                run = []
            run.append(i)
        if run:
            flush()

    def _find_vertical_tables(self) -> None:
        """A table flattened one cell per line: a run of at least 8 short lines without sentence
        punctuation, a third of them figures (7.2, 412.8, —), whose rows each end in a figure.
        A caption line right above (…主要经济指标) and a source note right below (数据来源：…) go with it."""
        pos = [m.end() - 1 for m in _NUM_LINE_RE.finditer(self.src)]
        if len(pos) < 3:
            return      # fewer than three figure-only lines: no such table
        # figure-only lines close to one another (3 or more, at most 4 lines apart): look around them only
        nonblank = [i for i, ln in enumerate(self.lines) if ln is not None]
        starts = [self.lines[i][0] for i in nonblank]
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
        n = self.n
        done_to = -1
        for seed in seeds:
            if seed <= done_to:
                continue
            i = seed
            while i - 1 >= 0 and self.lines[i - 1] is not None and (i - 1) not in self.kind and \
                    _CELLISH(self.text[i - 1]):
                i -= 1
            j = seed
            while j < n and self.lines[j] is not None and j not in self.kind and _CELLISH(self.text[j]):
                j += 1
            run = list(range(i, j))
            done_to = j
            if len(run) < 8:
                continue
            cells = [self.text[k].strip() for k in run]
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
            if above >= 0 and self.lines[above] is not None and above not in self.kind and \
                    len(self.text[above]) <= 30 and not any(p in self.text[above] for p in "。，；"):
                rows.insert(0, [self.text[above].strip()])
                run.insert(0, above)
            below = run[-1] + 1
            if below < n and self.lines[below] is not None and below not in self.kind and \
                    self.text[below].startswith(("数据来源", "资料来源", "来源：", "注：", "注:")):
                rows.append([self.text[below].strip()])
                run.append(below)
            tb = Table(rows=rows, start=self.lines[run[0]][0], end=self.lines[run[-1]][1])
            self.tables.append((list(run), tb))
            for k in run:
                self.kind[k] = "table"
                self.claimed.add(k)
        self.tables.sort(key=lambda x: x[0][0])

    def _find_captions(self) -> None:
        src = self.src
        for i in sorted(i for i, k in self.kind.items() if k == "caption"):
            s, e = self.lines[i]
            m = CAPTION_RE.search(src, s, e)
            credit_s = m.start("credit")
            lines = [i]
            if src[s:credit_s].strip(STRIP_CHARS):
                cs, ce = s, credit_s
            else:  # caption text on the lines above, up to a blank line (at most 3)
                j = i - 1
                while j >= 0 and self.lines[j] is not None and self.kind.get(j) is None and len(lines) < 4 \
                        and len(self.text[j]) <= 120 and j not in self.claimed:
                    lines.insert(0, j)
                    j -= 1
                cs = self.lines[lines[0]][0]
                ce = self.lines[lines[-2]][1] if len(lines) > 1 else s
            cap_lines = split_lines(src, cs, ce) if ce > cs else []
            c, _ = reflow(src, cap_lines, join_all=True)
            credit_bl, _ = parse_credits(src, credit_s, m.start("kind"))
            credit_names = [b.name for b in credit_bl] or \
                [_name_text(src, a, b) for a, b in _name_tokens(src, credit_s, m.start("kind"))][-1:]
            credit = " ".join(credit_names) or None
            cap = Caption(text=c.text, credit=credit, start=self.lines[lines[0]][0], end=e)
            for j in lines:
                self.kind[j] = "caption"
                self.claimed.add(j)
            self.captions.append((lines, cap))

    def _find_pens(self) -> None:
        """A pen name right below a title-ish line (commentaries): a 2–4 character name, maybe spaced out
        or after a bullet (■ 余 声), or a commentator's signature (本报评论员)."""
        for i, t in enumerate(self.text):
            if not t or len(t) > 16 or i in self.kind or len(t) > 4 and not (
                    t[0] in _BULLETS or " " in t or "\u3000" in t or "评论员" in t):
                continue
            pen = _pen_name(t)
            if pen is None:
                continue
            j = self._prev_nonblank(i, max_blanks=1)
            if j is None or j in self.kind:
                continue
            if not (self.text[j].startswith("——") or self._titleish(j)):
                continue
            self.kind[i] = "pen"
            self.pen_names[i] = pen

    def _find_columns(self) -> None:
        """Column headers (简讯) and the items under them: a title-ish line (■ 标题) after the header or
        after a finished item, followed by its prose, with no byline or dateline of its own."""
        for i, t in enumerate(self.text):
            if not t or len(t) > 12 or i in self.kind:
                continue
            core = "".join(ch for ch in t if ch not in _BULLETS)
            if core not in _COLUMN_HEADS:
                continue
            self.kind[i] = "masthead"
            prev = i
            j = self._next_nonblank(i)
            while j is not None:
                k = self.kind.get(j)
                if k in ("byline", "dateline", "pen", "masthead", "jump"):
                    break
                if k is None and self._titleish(j) and self._item_end(prev):
                    nxt = self._next_nonblank(j)
                    if nxt is None or self.kind.get(nxt) is not None:
                        break
                    if not any(c in self.text[nxt] for c in "，。；！？,;") and self._titleish(nxt):
                        break
                    self.kind[j] = "brief"
                    self.claimed.add(j)
                prev = j
                j = self._next_nonblank(j)

    def _item_end(self, j: int) -> bool:
        k = self.kind.get(j)
        if k in ("masthead", "caption", "table"):
            return True
        return ends_sentence(self.text[j]) or self._ends_credit(j)

    def _ends_credit(self, j: int) -> bool:
        """Line j closes a paragraph with a run-in credit (…。（记者 龚 珊）), maybe wrapped over two lines."""
        t = self.text[j]
        if not t or t[-1] not in "）)":
            return False
        if _CREDIT_END_RE.search(t):
            return True
        if "（" in t or "(" in t:
            return False
        i = self._prev_nonblank(j, max_blanks=1)
        return i is not None and self.kind.get(i) in (None, "dateline") and \
            _CREDIT_END_RE.search(self.text[i] + t) is not None

    # -------------------------------------------------------------- helpers
    def _prev_nonblank(self, i: int, max_blanks: int = 10**9) -> Optional[int]:
        j = i - 1
        blanks = 0
        while j >= 0 and self.lines[j] is None:
            blanks += 1
            j -= 1
        if j < 0 or blanks > max_blanks:
            return None
        return j

    def _next_nonblank(self, i: int) -> Optional[int]:
        j = i + 1
        while j < self.n and self.lines[j] is None:
            j += 1
        return j if j < self.n else None

    def _titleish(self, i: int) -> bool:
        if i in self.kind or i in self.claimed:
            return False
        r = self._tcache.get(i)
        if r is None:
            r = self._tcache[i] = self._titleish0(i)
        return r

    def _titleish0(self, i: int) -> bool:
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
        return True

    def _ends_para(self, j: int, blank_between: bool, strict: bool = False) -> bool:
        t = self.text[j]
        if not t:
            return True
        if self.kind.get(j) in ("byline", "dateline", "jump", "pen", "masthead", "caption", "table"):
            return True
        if ends_sentence(t) or len(t) > MAX_TITLE_CHARS * 1.5 or self._ends_credit(j):
            return True
        if strict:
            return blank_between and t[-1] in "，,；;：:"
        # before a header, after a blank line: only a line cut inside a bracket or a quotation is
        # surely continued (a paragraph may end in a URL, a number, a list item …)
        return blank_between and t[-1] not in "“‘《（(【〔—、"

    def scan_title(self, b: int, floor: int, max_lines: int = MAX_TITLE_LINES,
                   max_chars: int = 110) -> Optional[_TitleBlock]:
        """The title block ending before line ``b`` (skipping blanks, captions, jump markers).

        With larger limits the block may hold two titles (a title-after block directly followed by
        a title-before block); :meth:`_plan_titles` splits it."""
        i = b - 1
        while i > floor and (self.lines[i] is None or self.kind.get(i) in ("caption", "jump", "table", "masthead")
                             or (i in self.claimed and self.kind.get(i) is None and False)):
            i -= 1
        block: list[int] = []
        blanks_above: dict[int, bool] = {}
        while i > floor:
            if self.lines[i] is None:
                k = i
                while k > floor and self.lines[k] is None:
                    k -= 1
                if i - k > 2 or not block:
                    break
                blanks_above[block[0]] = True
                i = k
                continue
            if not self._titleish(i) or len(block) >= max_lines:
                break
            block.insert(0, i)
            i -= 1
        # the line above the block must end a paragraph; else the block's top is a body tail
        while block:
            top = block[0]
            above = self._prev_nonblank(top)
            if above is None or above <= floor:
                break
            if self._ends_para(above, blanks_above.get(top, False) or self.lines[top - 1] is None):
                break
            block.pop(0)
        if not block:
            return None
        total = sum(len(self.text[k]) for k in block)
        if total > max_chars:
            return None
        return self._title_block(block)

    def _title_block(self, block: list[int]) -> _TitleBlock:
        """Title lines grouped by the blank lines between them (kicker / title / subtitle groups)."""
        groups: list[list[int]] = [[block[0]]]
        for k in block[1:]:
            if any(self.lines[x] is None for x in range(groups[-1][-1] + 1, k)):
                groups.append([k])
            else:
                groups[-1].append(k)
        return _TitleBlock(lines=block, groups=groups)

    def _mid_split(self, lo: int, hi: int) -> Optional[_TitleBlock]:
        """Last title-ish block inside lines [lo, hi) surrounded by blank lines (an untitled article's
        title in a title-after layout, followed by another article's body)."""
        best = None
        i = lo
        while i < hi:
            if self.lines[i] is not None and self.lines[i - 1] is None and self._titleish(i):
                j = i
                while j + 1 < hi and self.lines[j + 1] is not None and self._titleish(j + 1) and j - i < 2:
                    j += 1
                if j + 1 < hi and self.lines[j + 1] is None:
                    above = self._prev_nonblank(i)
                    nxt = self._next_nonblank(j)
                    if above is not None and above >= lo and self._ends_para(above, True, strict=True) \
                            and nxt is not None and nxt < hi:
                        best = _TitleBlock(lines=list(range(i, j + 1)), groups=[list(range(i, j + 1))])
                i = j + 1
            else:
                i += 1
        return best

    # -------------------------------------------------------------- assembly
    def _header_end(self, i: int) -> tuple[int, list[Byline], Optional[Dateline], Optional[int]]:
        """From a byline line i: the last header line, bylines, dateline, body start offset."""
        r = self._hdr_cache.get(i)
        if r is None:
            r = self._hdr_cache[i] = self._header_end0(i)
        return r[0], list(r[1]), r[2], r[3]

    def _header_end0(self, i: int) -> tuple[int, list[Byline], Optional[Dateline], Optional[int]]:
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
        nxt = self._next_nonblank(last)
        if nxt is not None and nxt - last <= 3 and self.kind.get(nxt) == "dateline":
            dl = self.datelines[nxt]
            bl.extend(dl.bylines)
            return nxt, bl, dl, dl.end
        return last, bl, None, None

    # -------------------------------------------------------------- title before or after
    def _plan_titles(self) -> dict[int, tuple[_TitleBlock, int]]:
        """Decide, for the title block before each byline/dateline header, how many of its groups
        close the previous article (title after its body) and how many open the next one (title
        before), over a whole run of articles at once: every article should get exactly one title,
        with as few layout switches and block splits as possible (a title-after article directly
        followed by a title-before one leaves both title blocks in one gap)."""
        kinds = self.kind
        events = sorted(i for i, k in kinds.items() if k in ("byline", "dateline", "pen", "jump", "brief"))
        plan: dict[int, tuple[_TitleBlock, int]] = {}
        self._hdr_last: dict[int, int] = {}
        run: list[tuple[int, Optional[_TitleBlock]]] = []
        floor = -1
        skip = -1
        for ev in events:
            if ev <= skip:
                continue
            k = kinds[ev]
            if k == "brief":
                self._solve_run(run, None, plan)
                run = []
                floor = ev
                continue
            if k in ("pen", "jump"):
                end_block = None
                if k == "jump" and self.jump_info[ev][0] not in ("上接", "接上", "接"):
                    end_block = self.scan_title(ev, floor)
                    if end_block is None:
                        floor = ev
                        continue
                open_end = False
                if k == "pen" and len(run) >= 2:
                    # the last article's title may sit before the commentary body only when there is a
                    # title-ish block between them, or when the commentary body follows its pen name
                    ptb = self.scan_title(ev, floor)
                    first = ptb.lines[0] if ptb else ev
                    nxt = self._next_nonblank(ev)
                    open_end = (nxt is not None and self.kind.get(nxt) is None and not self._header_follows(nxt)) \
                        or (floor >= 0 and self._mid_split(floor + 1, first) is not None)
                self._solve_run(run, end_block, plan, open_end=open_end)
                run = []
                floor = ev
                continue
            last = self._header_end(ev)[0] if k == "byline" else ev
            self._hdr_last[ev] = last
            run.append((ev, self.scan_title(ev, floor, 2 * MAX_TITLE_LINES, 220)))
            floor = skip = last
        self._solve_run(run, self.scan_title(self.n, floor), plan)
        return plan

    def _part_ok(self, lines: list[int]) -> bool:
        if not lines or len(lines) > MAX_TITLE_LINES:
            return False
        if self.text[lines[-1]].endswith(_KICKER_END):
            return False    # a kicker (…时强调) is followed by its title: it never ends a title
        total = sum(len(self.text[x]) for x in lines)
        return 4 <= total <= 110

    def _body_sample(self, run, j: int, limit: int = 160) -> str:
        """The first characters of the body of run[j]'s article (up to the next title block)."""
        ev = run[j][0]
        lo = self._hdr_last.get(ev, ev)
        hi = self.n
        if j + 1 < len(run):
            nxt_ev, nxt_tb = run[j + 1]
            hi = nxt_tb.lines[0] if nxt_tb else nxt_ev
        out: list[str] = []
        size = 0
        for k in range(lo, hi):
            if self.lines[k] is not None and size < limit:
                out.append(self.text[k])
                size += len(self.text[k])
        return "".join(out)

    @staticmethod
    def _affinity(title: str, body: str) -> float:
        """Share of a title's character pairs found in a body (names and places repeat there)."""
        t = norm_title(title)
        pairs = {t[i:i + 2] for i in range(len(t) - 1)}
        if not pairs or not body:
            return 0.0
        return sum(1 for p in pairs if p in body) / len(pairs)

    def _solve_run(self, run, end_block, plan, open_end: bool = False) -> None:
        if len(run) < 2:
            return
        UNTITLED, SWITCH, SPLIT, AFF = 1.0, 0.25, 0.2, 0.09
        # state: (has a title before, layout of the last titled article) -> (cost, choices)
        first = run[0][1]
        states: dict[tuple[bool, Optional[str]], tuple[float, list[int]]] = {
            (first is not None and self._part_ok(first.lines), None): (0.0, [])}
        for j in range(1, len(run)):
            tb = run[j][1]
            g = len(tb.groups) if tb else 0
            # affinity of each group with the body above (previous article) and below (this one):
            # a title shares names and places with its own body; only breaks near-ties
            pull: list[float] = []
            if g >= 2:
                above, below = self._body_sample(run, j - 1), self._body_sample(run, j)
                for grp in tb.groups:
                    gt = "".join(self.text[x] for x in grp)
                    pull.append(self._affinity(gt, below) - self._affinity(gt, above))
            new: dict[tuple[bool, Optional[str]], tuple[float, list[int]]] = {}
            for (bf, ll), (cost, ch) in states.items():
                for k in range(g + 1):
                    head = [x for grp in tb.groups[:k] for x in grp] if k else []
                    tail = [x for grp in tb.groups[k:] for x in grp] if k < g else []
                    if bf and head:
                        continue
                    if (head and not self._part_ok(head)) or (tail and not self._part_ok(tail)):
                        continue
                    c = cost + (SPLIT if 0 < k < g else 0.0)
                    if pull:
                        c += AFF * (sum(pull[:k]) - sum(pull[k:]))
                    lay = "before" if bf else ("after" if head else None)
                    if lay is None:
                        c += UNTITLED
                        nl = ll
                    else:
                        c += SWITCH if ll and ll != lay else 0.0
                        nl = lay
                    key = (bool(tail), nl)
                    if key not in new or c < new[key][0]:
                        new[key] = (c, ch + [k])
            states = new
            if not states:
                return
        best = None
        for (bf, ll), (cost, ch) in states.items():
            # a run closed by a commentary: the last article's title may sit before the commentary body
            opts = [(cost + (0.0 if bf or open_end else UNTITLED), ch)]
            if end_block is not None and not bf and self._part_ok(end_block.lines):
                opts.append((cost + (SWITCH if ll and ll != "after" else 0.0), ch))
            for o in opts:
                if best is None or o[0] < best[0]:
                    best = o
        if best is None:
            return
        for (ev, tb), k in zip(run[1:], best[1]):
            if tb is not None:
                plan[ev] = (tb, k)

    def articles(self) -> list[_Art]:
        n = self.n
        kinds = self.kind
        plan = self._plan_titles()
        events = sorted(i for i, k in kinds.items() if k in ("byline", "dateline", "pen", "jump", "brief"))
        done: list[_Art] = []
        cur: Optional[_Art] = None
        orphan: Optional[int] = None      # first line of body text not yet owned by an article
        pending_jumps: list[int] = []
        floor = -1
        skip_until = -1

        def claim(tb: Optional[_TitleBlock]):
            if tb:
                self.claimed.update(tb.lines)

        def close(a: Optional[_Art], end: int):
            if a is not None:
                a.body_end = max(a.body_start, end)
                done.append(a)

        def has_body(a: _Art, end: int) -> bool:
            if a.cont:
                return False    # a continuation takes no title after its body
            return any(self.lines[k] is not None and k not in self.claimed
                       for k in range(a.body_start, end)) or a.body_first_offset is not None

        def orphan_has_text(end: int) -> bool:
            return orphan is not None and any(
                self.lines[k] is not None and k not in self.claimed and kinds.get(k) is None
                for k in range(orphan, end))

        def give_orphan_to_prev(end: int):
            nonlocal orphan
            if orphan is not None and done and orphan_has_text(end):
                done[-1].extra_body.append((orphan, end))
            orphan = None

        for ev in events + [n]:
            if ev <= skip_until:
                continue
            k = kinds.get(ev) if ev < n else "end"
            if k == "brief":
                # an item of a column of short news (简讯): its title line opens it
                close(cur, ev)
                give_orphan_to_prev(ev)
                cur = _Art(title=_TitleBlock(lines=[ev], groups=[[ev]]), body_start=ev + 1)
                orphan = None
                floor = ev
                continue
            if k == "jump":
                tb = self.scan_title(ev, floor)
                direction = self.jump_info[ev][0]
                if direction in ("上接", "接上", "接"):
                    # a continuation starts here; a title block just before is its (short) title
                    if tb and cur is not None and cur.title is None and has_body(cur, tb.lines[0]):
                        pass
                    close(cur, tb.lines[0] if tb else ev)
                    give_orphan_to_prev(tb.lines[0] if tb else ev)
                    claim(tb)
                    cur = _Art(title=tb, body_start=ev + 1, jumps=[ev], cont=tb is None)
                    orphan = None
                    floor = ev
                    continue
                if tb and cur is not None and cur.title is None and has_body(cur, tb.lines[0]):
                    claim(tb)
                    cur.title = tb
                    cur.jumps.append(ev)
                    close(cur, tb.lines[0])
                    cur = None
                    orphan = ev + 1
                elif tb and cur is None and orphan_has_text(tb.lines[0]):
                    claim(tb)
                    a = _Art(title=tb, body_start=orphan, jumps=[ev])
                    close(a, tb.lines[0])
                    orphan = ev + 1
                else:
                    if cur is not None:
                        cur.jumps.append(ev)
                    elif done and orphan is not None and not orphan_has_text(ev):
                        done[-1].jumps.append(ev)
                        orphan = ev + 1
                    else:
                        pending_jumps.append(ev)
                floor = ev
                continue

            if k == "pen":
                tb = self.scan_title(ev, floor)
                nxt = self._next_nonblank(ev)
                body_after = nxt is not None and kinds.get(nxt) not in ("byline", "dateline", "pen", "masthead") \
                    and not self._header_follows(nxt)
                if body_after and tb and len(tb.groups) >= 2 and cur is not None and cur.title is None \
                        and has_body(cur, tb.lines[0]):
                    # the previous article's title (after its body) directly followed by this
                    # commentary's title: the commentary keeps its last group (and a —— subtitle)
                    cut = len(tb.groups) - 1
                    if cut > 1 and self.text[tb.groups[cut][0]].startswith(("——", "—", "--")):
                        cut -= 1
                    head = _TitleBlock(lines=[x for g in tb.groups[:cut] for x in g], groups=tb.groups[:cut])
                    if self._part_ok(head.lines):
                        claim(head)
                        cur.title = head
                        close(cur, head.lines[0])
                        cur = None
                        orphan = None
                        tb = _TitleBlock(lines=[x for g in tb.groups[cut:] for x in g], groups=tb.groups[cut:])
                claim(tb)
                first = tb.lines[0] if tb else ev
                art = _Art(kind="commentary", title=tb, header=[ev],
                           authors=[(self.pen_names.get(ev, self.text[ev]), self.lines[ev][0], self.lines[ev][1])])
                if body_after:
                    close(cur, first)
                    give_orphan_to_prev(first)
                    art.body_start = ev + 1
                    cur = art
                else:
                    if orphan_has_text(first):
                        art.body_start = orphan
                        close(art, first)
                    elif cur is not None and cur.title is None:
                        split = self._mid_split(cur.body_start + 1, first)
                        if split:
                            claim(split)
                            cur.title = split
                            close(cur, split.lines[0])
                            art.body_start = split.lines[-1] + 1
                        else:
                            close(cur, first)
                            art.body_start = first
                        close(art, first)
                    else:
                        close(cur, first)
                        art.body_start = first
                        close(art, first)
                    cur = None
                    orphan = ev + 1
                floor = ev
                continue

            if k == "end":
                tb = self.scan_title(n, floor)
                if tb and cur is not None and cur.title is None and has_body(cur, tb.lines[0]):
                    claim(tb)
                    cur.title = tb
                    close(cur, tb.lines[0])
                    cur = None
                elif tb and cur is None and orphan_has_text(tb.lines[0]):
                    claim(tb)
                    a = _Art(title=tb, body_start=orphan)
                    close(a, tb.lines[0])
                    orphan = None
                else:
                    close(cur, n)
                    cur = None
                    give_orphan_to_prev(n)
                break

            # a header: byline lines (+ dateline) or a dateline alone
            last, bl, dl, first_off = self._header_end(ev) if k == "byline" else \
                (ev, list(self.datelines[ev].bylines), self.datelines[ev], self.datelines[ev].end)
            planned = plan.get(ev)
            if planned is not None:
                tb, k_after = planned
                tb = _TitleBlock(lines=list(tb.lines), groups=[list(g) for g in tb.groups])
                if any(x in self.claimed for x in tb.lines):
                    tb = self.scan_title(ev, floor)
                    k_after = len(tb.groups) if tb else 0
                elif 0 < k_after < len(tb.groups) and cur is not None and cur.title is None \
                        and has_body(cur, tb.lines[0]):
                    head = _TitleBlock(lines=[x for g in tb.groups[:k_after] for x in g],
                                       groups=tb.groups[:k_after])
                    claim(head)
                    cur.title = head
                    close(cur, head.lines[0])
                    cur = None
                    orphan = None
                    tb = _TitleBlock(lines=[x for g in tb.groups[k_after:] for x in g], groups=tb.groups[k_after:])
                elif k_after == 0 and len(tb.lines) <= MAX_TITLE_LINES:
                    pass
                elif not self._part_ok(tb.lines):
                    tb = self.scan_title(ev, floor)
            else:
                k_after = None
                tb = self.scan_title(ev, floor)
            pending: Optional[_TitleBlock] = None
            if tb:
                if cur is not None and cur.title is None and has_body(cur, tb.lines[0]) and k_after != 0:
                    claim(tb)
                    cur.title = tb
                    close(cur, tb.lines[0])
                    cur = None
                    orphan = None
                elif cur is None and orphan_has_text(tb.lines[0]):
                    claim(tb)
                    a = _Art(title=tb, body_start=orphan)
                    close(a, tb.lines[0])
                    orphan = None
                else:
                    # title-before: drop a leading repeat of the previous article's title
                    prev = cur if cur is not None else (done[-1] if done else None)
                    if prev is not None and prev.title is not None:
                        pt = norm_title("".join(self.text[x] for x in prev.title.lines))
                        while tb.lines and norm_title(self.text[tb.lines[0]]) and \
                                norm_title(self.text[tb.lines[0]]) in pt:
                            prev.extra.append(tb.lines[0])
                            self.claimed.add(tb.lines[0])
                            tb.lines.pop(0)
                            for g in tb.groups:
                                if g and g[0] not in tb.lines:
                                    g.pop(0)
                            tb.groups = [g for g in tb.groups if g]
                    if tb.lines:
                        claim(tb)
                        pending = tb
            first = pending.lines[0] if pending else ev
            close(cur, first)
            give_orphan_to_prev(first)
            hdr_last = last if first_off is None else last - 1
            cur = _Art(header=list(range(ev, hdr_last + 1)), bylines=bl,
                       dateline=dl, title=pending, body_start=last + 1 if first_off is None else last,
                       body_first_offset=first_off)
            if pending_jumps:
                cur.jumps.extend(pending_jumps)
                pending_jumps = []
            orphan = None
            floor = last
            skip_until = last
        return self._split_photo_news(self._split_untitled_briefs(done))

    def _split_photo_news(self, arts: list[_Art]) -> list[_Art]:
        """A photo with its own title (图片新闻): a title-ish line or two, after a finished paragraph,
        right above a credited caption, with no body text after the caption up to the article's end."""
        caps = {ls[0]: ls for ls, _ in self.captions}
        out: list[_Art] = []
        for a in arts:
            out.append(a)
            if a.kind != "news" or a.extra_body:
                continue
            for c0 in sorted(x for x in caps if a.body_start < x < a.body_end):
                c1 = caps[c0][-1]
                blk: list[int] = []
                j = c0 - 1
                while j > a.body_start and self.lines[j] is not None and len(blk) < 2 and self._titleish(j):
                    blk.insert(0, j)
                    j -= 1
                if not blk or self.lines[j] is not None and j > a.body_start:
                    continue
                above = self._prev_nonblank(blk[0])
                if above is None or above < a.body_start or not self._ends_para(above, True):
                    continue
                if any(self.lines[k] is not None and self.kind.get(k) is None and k not in self.claimed
                       for k in range(c1 + 1, a.body_end)):
                    continue
                self.claimed.update(blk)
                b = _Art(title=_TitleBlock(lines=blk, groups=[list(blk)]), body_start=c0, body_end=a.body_end,
                         jumps=[x for x in a.jumps if x > c1])
                a.jumps = [x for x in a.jumps if x <= c1]
                a.body_end = blk[0]
                out.append(b)
                break
        return out

    def _page_lead_brief(self, arts: list[_Art]) -> Optional[_Art]:
        """A short item at the top of the page, before the first article, with no byline or dateline:
        a title block, then prose up to the first article."""
        if not arts:
            return None
        a0 = arts[0]
        first = min([a0.body_start] + (a0.title.lines if a0.title else []) + a0.header)
        i = 0
        while i < first and (self.lines[i] is None or self.kind.get(i) == "masthead"):
            i += 1
        if i >= first or not self._titleish(i):
            return None
        blk = [i]
        j = i + 1
        while j < first and len(blk) < 3:
            if self.lines[j] is None and j + 1 < first and self.lines[j + 1] is not None and self._titleish(j + 1):
                j += 1
            if self.lines[j] is not None and self._titleish(j):
                blk.append(j)
                j += 1
            else:
                break
        body = [k for k in range(blk[-1] + 1, first) if self.lines[k] is not None]
        if not body or any(k in self.claimed or self.kind.get(k) is not None for k in body) \
                or not ends_sentence(self.text[body[-1]]) or len(norm_title("".join(self.text[x] for x in blk))) < 6:
            return None
        self.claimed.update(blk)
        return _Art(title=self._title_block(blk), body_start=blk[-1] + 1, body_end=body[-1] + 1)

    def _split_untitled_briefs(self, arts: list[_Art]) -> list[_Art]:
        """A short item with no byline and no dateline after a title-before article: its title is
        a lone title-ish block inside the previous body, after a finished paragraph, followed by at
        most three paragraphs up to the article's end. Section headings (小标题) stay: they are
        numbered or bracketed, short, or come in series."""
        out: list[_Art] = []
        lead = self._page_lead_brief(arts)
        if lead is not None:
            out.append(lead)
        for a in arts:
            out.append(a)
            if a.kind != "news" or a.title is None or a.title.lines[-1] > a.body_start or a.extra_body:
                continue
            cands: list[list[int]] = []
            i = a.body_start + 1
            while i < a.body_end:
                if self.lines[i] is not None and self.lines[i - 1] is None and self._titleish(i):
                    blk = [i]
                    j = i + 1
                    while j < a.body_end and len(blk) < 3:
                        if self.lines[j] is None and j + 1 < a.body_end and self.lines[j + 1] is not None \
                                and self._titleish(j + 1):
                            j += 1
                        if self.lines[j] is not None and self._titleish(j) and "，" not in self.text[j]:
                            blk.append(j)
                            j += 1
                        else:
                            break
                    # a heading ends its line: a blank line follows, or a clearly wider line
                    e = blk[-1]
                    if e + 1 >= a.body_end or self.lines[e + 1] is None or \
                            display_width(self.text[e]) < 0.8 * display_width(self.text[e + 1]):
                        cands.append(blk)
                    i = blk[-1] + 1
                else:
                    i += 1
            tight = self._tight_body(a, cands)
            if not cands or (not tight and len(cands) != 1):
                continue
            # a line as long as the column's common line is a paragraph's first line, not a title
            widths: dict[int, int] = {}
            for x in range(a.body_start, a.body_end):
                if self.lines[x] is not None:
                    w = len(self.text[x])
                    widths[w] = widths.get(w, 0) + 1
            col = max(widths, key=widths.get) if widths else 0
            accepted: list[list[int]] = []
            for ci, blk in enumerate(cands):
                end = cands[ci + 1][0] if tight and ci + 1 < len(cands) else a.body_end
                if col >= 8 and widths[col] >= 3 and any(abs(len(self.text[x]) - col) <= 1 for x in blk):
                    continue
                if self._brief_ok(a, blk, end, tight):
                    accepted.append(blk)
            cur = a
            for bi, blk in enumerate(accepted):
                self.claimed.update(blk)
                b = _Art(title=self._title_block(blk), body_start=blk[-1] + 1, body_end=cur.body_end,
                         jumps=[x for x in cur.jumps if x > blk[-1]])
                cur.jumps = [x for x in cur.jumps if x <= blk[-1]]
                cur.body_end = blk[0]
                out.append(b)
                cur = b
        return out

    def _tight_body(self, a: _Art, cands: list[list[int]]) -> bool:
        """Paragraphs of this body are not separated by blank lines: every blank line in it sits
        right before or after a candidate title block (then each such block opens an article)."""
        if not cands:
            return False
        firsts = {blk[0] for blk in cands}
        lasts = {blk[-1] for blk in cands}
        inner = 0
        for x in range(a.body_start, a.body_end):
            if self.lines[x] is not None:
                if x + 1 < a.body_end and self.lines[x + 1] is not None and ends_sentence(self.text[x]):
                    inner += 1
                continue
            nxt = self._next_nonblank(x)
            prv = self._prev_nonblank(x)
            if nxt is None or nxt >= a.body_end or nxt in firsts or (prv is not None and prv in lasts):
                continue
            if self.kind.get(nxt) is not None or (prv is not None and self.kind.get(prv) is not None):
                continue
            return False
        return inner >= 1

    def _brief_ok(self, a: _Art, blk: list[int], end: int, tight: bool) -> bool:
        """Does title block ``blk`` inside ``a``'s body open a short article running to ``end``?"""
        t = "".join(self.text[x] for x in blk)
        if len(norm_title(t)) < (4 if tight else 8) or _SUBHEAD_RE.match(t) or "，" in t or "," in t:
            return False
        above = self._prev_nonblank(blk[0])
        if above is None or above < a.body_start or not self._ends_para(above, True, strict=True):
            return False
        nxt = self._next_nonblank(blk[-1])
        if nxt is None or nxt >= end or self.kind.get(nxt) is not None:
            return False
        paras = 0
        k = nxt
        while k < end:
            if self.lines[k] is not None and ends_sentence(self.text[k]) and \
                    (k + 1 >= end or self.lines[k + 1] is None):
                paras += 1
            k += 1
        last = self._prev_nonblank(end)
        while last is not None and last > nxt and self.kind.get(last) in ("masthead", "caption", "table", "jump"):
            last = self._prev_nonblank(last)
        lt = self.text[last if last is not None else nxt]
        if tight:
            return ends_sentence(lt) or self._ends_credit(last if last is not None else nxt) or \
                _SIGN_DATE_RE.fullmatch(lt.strip()) is not None
        return 1 <= paras <= 3 and ends_sentence(lt)

    def _header_follows(self, i: int) -> bool:
        """Is line i the start of a title block directly followed by a header?"""
        j = i
        steps = 0
        while j is not None and j < self.n and steps < 8:
            if self.kind.get(j) in ("byline", "dateline"):
                return True
            if not self._titleish(j) and self.kind.get(j) not in ("caption", "jump"):
                return False
            j = self._next_nonblank(j)
            steps += 1
        return False

    # -------------------------------------------------------------- output
    def build(self, a: _Art, source: str, published, inferred, basis, outlet) -> Article:
        src = self.src
        header_set = set(a.header)
        # body lines
        body_lines: list[Optional[tuple[int, int]]] = []
        captions: list[Caption] = []
        tables: list[Table] = []
        jumps: list[str] = []
        span_lines: list[int] = list(a.header) + list(a.extra) + list(a.jumps)
        if not hasattr(self, "_cap_by_line"):
            self._cap_by_line = {ls[0]: cap for ls, cap in self.captions}
            self._cap_lines = {x for ls, _ in self.captions for x in ls}
            self._tab_by_line = {ls[0]: tb for ls, tb in self.tables}
        cap_by_line, cap_lines, tab_by_line = self._cap_by_line, self._cap_lines, self._tab_by_line
        kinds, claimed, lines_ = self.kind, self.claimed, self.lines
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
                        and k != a.body_start and k not in self.tail_jumps:
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
                kind = self.kind.get(k)
                if k in cap_lines or kind == "table":
                    span_lines.append(k)
                    continue
                if k in header_set or k in title_lines:
                    continue
                if k in self.claimed and kind is None:
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
                if k in self.tail_jumps:
                    jt, js, je = self.tail_jumps[k]
                    jumps.append(jt)
                    e = js
                    while e > s and src[e - 1] in STRIP_CHARS:
                        e -= 1
                if e > s:
                    body_lines.append((s, e, ln[0]) if s != ln[0] else (s, e))
                    span_lines.append(k)
        cleaned, paras = reflow(src, body_lines)
        paragraphs = paragraphs_of(cleaned, paras)
        for k in a.jumps:
            if k in self.jump_info:
                d, pg, num, _, _ = self.jump_info[k]
                jumps.insert(0, f"{d}{pg}版{num}")
        kicker, title, subtitle = self._split_title(a.title)
        span_lines.extend(title_lines)
        starts = [self.lines[k][0] for k in span_lines if self.lines[k]]
        ends = [self.lines[k][1] for k in span_lines if self.lines[k]]
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
        return Article(
            source=source, start=start, end=end, published=published, published_inferred=inferred,
            published_basis=basis, outlet=outlet, kicker=kicker, title=title, subtitle=subtitle,
            reporters=reporters, correspondents=correspondents, dateline=dateline,
            reprint_source=reprint, text=cleaned.text, char_map=cleaned.char_map,
            paragraphs=paragraphs, captions=captions, tables=tables, jumps=jumps, kind=a.kind,
            authors=authors, bylines=bylines,
        )

    def _line_title(self, k: int) -> str:
        return " ".join(self.text[k].lstrip(_BULLETS).split())

    def _split_title(self, tb: Optional[_TitleBlock]) -> tuple[Optional[str], Optional[str], Optional[str]]:
        if not tb or not tb.lines:
            return None, None, None
        kick: list[str] = []
        subs: list[str] = []
        groups: list[list[str]] = []
        for g in tb.groups:
            texts = [self._line_title(k) for k in g]
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


def _uniq(xs) -> list[str]:
    seen: list[str] = []
    for x in xs:
        if x not in seen:
            seen.append(x)
    return seen


def segment_page(src: str, source: str = "<text>", published: Optional[date] = None, inferred: bool = True,
                 basis: str = "unknown", outlet: Optional[str] = None) -> list[Article]:
    """Segment a page; return its articles in page order (empty when none is recognisable)."""
    seg = PageSegmenter(src)
    arts = seg.articles()
    out = []
    for a in arts:
        art = seg.build(a, source, published, inferred, basis, outlet)
        if not art.text and not art.title:
            continue
        out.append(art)
    _attach_stray_captions(src, out, [cap for _, cap in seg.captions])
    _attach_furniture(out, [b for i in sorted(seg.furniture) for b in seg.furniture[i]])
    return join_jumps(out)


def _attach_furniture(articles: list[Article], credits: list[Byline]) -> None:
    """The page's editor credits (责任编辑 X 美术编辑 Y 校对 Z) go, as editor bylines, to the article
    printed above them (else the first article): they name persons of the page."""
    if not articles:
        return
    for b in credits:
        above = [a for a in articles if a.start <= b.start]
        target = max(above, key=lambda a: a.start) if above else articles[0]
        if all((x.name, x.title) != (b.name, b.title) for x in target.bylines):
            target.bylines.append(b)


# who a photo may be credited to without being a named person
_ANON_CREDITS = frozenset(wordlist("anonymous_credits"))
_ANON_CREDIT_ENDS = wordlist("anonymous_credit_suffixes")


def caption_bylines(src: str, c: Caption) -> list[Byline]:
    """The photo credit of a caption (宋某 供图, 张某 摄) as photographer bylines; 受访者 供图 names nobody."""
    out = []
    # a credit with its role written (本报记者 X 摄, 通讯员 X 摄): the person keeps that title
    written: dict[str, Byline] = {}
    m = CAPTION_RE.search(src, c.start, c.end)
    if m:
        for b in parse_credits(src, m.start("credit"), m.start("kind"))[0]:
            if b.role in ("reporter", "correspondent"):
                written[b.name] = b
    for nm in (c.credit or "").split():
        if nm in written:
            out.append(written[nm])
            continue
        if nm in _ANON_CREDITS or nm.endswith(_ANON_CREDIT_ENDS):
            continue
        pos = src.find(nm, c.start, c.end)
        kind = "供图" if "供图" in src[c.start:c.end] else "摄"
        out.append(Byline(name=nm, title=kind, role="photographer", start=pos if pos >= 0 else c.start,
                          end=(pos + len(nm)) if pos >= 0 else c.end))
    return out


def _attach_stray_captions(src: str, articles: list[Article], captions: list[Caption]) -> None:
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
    if not any(j.startswith(("上接", "接上", "接")) for a in articles for j in a.jumps):
        return articles
    out: list[Article] = []
    joined: set[int] = set()
    for a in articles:
        cont = [j for j in a.jumps if j.startswith(("上接", "接上", "接"))]
        target = None
        if cont:
            num = cont[0][-1] if cont[0][-1] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" else ""
            for b in out:
                outs = [j for j in b.jumps if j.startswith(("下转", "转下", "转至", "转"))]
                if not outs:
                    continue
                same_num = num and outs[0].endswith(num)
                same_title = a.title and b.title and (norm_title(a.title) in norm_title(
                    (b.kicker or "") + b.title + (b.subtitle or "")))
                if same_num or same_title:
                    target = b
                    break
            if target is None and not a.title:
                open_ = [b for b in out if any(j.startswith(("下转", "转下", "转至", "转")) for j in b.jumps)
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
