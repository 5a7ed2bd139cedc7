"""The layout grammar: credits (bylines), datelines, jump markers, captions, mastheads and pen names.

Shared by the page layout, the web layout (loaders/layout/web.py) and the issue date
(loaders/issue_date.py). Patterns are built from lexicon word lists and the atoms of
loaders/lexicon/grammar.py; each says its shape with an example.
"""
from __future__ import annotations

import re
from typing import Optional

from ..clean import STRIP_CHARS
from ..lexicon import alternation, wordlist, wordmap
from ..lexicon.grammar import BULLET_MARKS, HAN, MONTH_DAY, SP, SPACE
from ..models import Byline, Caption, Dateline
from .signatures import parse_signature


# ------------------------------------------------------------------ credits (bylines)

# word lists (loaders/lexicon/data), loaded once at import
HOME_OUTLETS = frozenset(wordlist("home_outlets"))
_OUTLET_ONE = (
    rf"(?:{alternation(wordlist('home_outlets'))}|[{HAN}]{{2,8}}?"
    rf"(?:{alternation(wordlist('page_outlet_suffixes'))}))"
)
# 某日报·新某客户端记者: an outlet and its app, joined by a middle dot
_OUTLET_PREFIX = rf"(?:{_OUTLET_ONE}·)?{_OUTLET_ONE}"
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
# 作者: 甲某阅读次数: (the meta line's counter label glued to the name before it)
_COUNTER_TAIL = re.compile(rf"(?:{alternation(wordlist('meta_counter_labels'))})$")
# separators and the bullets some papers put before a byline (■本报记者 …)
_SEP_CHARS = SPACE + "\u00a0/／:：、，,;；|｜︱丨（）()【】[]" + BULLET_MARKS

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
            glued = _COUNTER_TAIL.search(src, a, b)
            if glued and src[b:nend].lstrip(" \t\u3000")[:1] in (":", "：") and glued.start() - a >= 2:
                b = glued.start()   # 甲某阅读次数: the name before the label
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

DATELINE_XUN_RE = re.compile(       # 本报讯, 本报4月25日讯, 某新闻网某地4月25日讯 (the place before a date)
    rf"(?P<outlet>{_OUTLET_PREFIX})(?:(?P<place>[{HAN}]{{2,4}}?)?(?P<date>{SP}*{MONTH_DAY}))?"
    # 某网消息(记者 甲、乙): 消息 only before a run-in byline, or after a date and before a colon (某网8月15日消息：)
    rf"[ \t\u3000]*(?:讯|消息(?=[（(])|(?<=[日号])消息(?=[:：]))"
)
_DIAN_OUTLET = (rf"据?(?P<outlet>{alternation(wordlist('home_outlets'))}|"
                rf"[{HAN}]{{2,10}}?(?:{alternation(wordlist('dateline_outlet_endings'))}))")
# 新华社北京3月1日电, 据新华社…电, 本报北京3月1日电; without place and date only before a space or a
# bracket (新华社电 …, 本报综合新华社电（记者 X）)
DATELINE_DIAN_RE = re.compile(
    rf"{_DIAN_OUTLET}(?:(?P<place>[{HAN}]{{0,8}}?)(?P<date>{SP}*{MONTH_DAY}){SP}*电"
    rf"|(?:综合(?P<via>[{HAN}]{{2,10}}?(?:{alternation(wordlist('dateline_outlet_endings'))})))?电(?=[ \t\u3000（(]))"
)
_PAREN_CREDIT_RE = re.compile(r"[ \t\u3000]*[（(]([^（）()\n]{1,80})[）)]")


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
    place = m.groupdict().get("place") or None
    outlet = m.groupdict().get("via") or m.group("outlet")    # 本报综合新华社电: the wire's
    dl = Dateline(text=text, outlet=outlet, start=m.start(), end=m.end(), month_day=md, place=place)
    p = _PAREN_CREDIT_RE.match(src, m.end(), e)
    if p:
        # 本报讯(记者 甲), and a signature of names alone: 本网讯(甲、乙)
        if any(h in p.group(1) for h in _BYLINE_HINT):
            bl, _ = parse_credits(src, p.start(1), p.end(1))
        else:
            bl = parse_signature(src, p.start(1), p.end(1)) or []
        if bl:
            dl.bylines = bl
            dl.end = p.end()
    c = _DATELINE_COLON_RE.match(src, dl.end, e)     # 天津北方网讯：17日… (the colon belongs to the dateline)
    if c:
        dl.end = c.end()
    return dl


_DATELINE_COLON_RE = re.compile(r"[ \t\u3000]*[:：]")


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
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"   # 2021-5-10 under a 数字报 title
    r"|第[ \t]*\d+[ \t]*[期号]|(?:今日|本期)[ \t]*\d+[ \t]*版|[A-Z]\d{1,2}(?:[ \t]*版)?|第?[ \t]*[A-Z]?\d{1,2}[ \t]*版"
    rf"|[A-Za-z][A-Za-z .&'-]+|[\u4e00-\u9fff]{{2,8}}(?:{alternation(wordlist('masthead_paper_kinds'))})|.*天气.*"
    r"|.*-?\d+[ \t]*℃?[ \t]*[～~—\-－至到/][ \t]*-?\d+[ \t]*℃.*"
    rf"|.{{0,12}}(?:{alternation(wordlist('weather_words'))}).{{0,12}}\d+[ \t]*℃.*"
    r"|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年.*|农历.*"
    # a page number with its section name: 第3版 综合新闻, A3 要闻, 第1版·要闻
    r"|(?:第[ \t]*[A-Z]?[ \t]*\d{1,2}[ \t]*版|[A-Z][ \t]*\d{1,2}[ \t]*版?)[ \t·:：|｜]+[\u4e00-\u9fff]{2,6}"
    rf"|.*(?:{alternation(wordlist('masthead_words'))}|CN[ \t]*\d).*)"
)
# a reprint's source closing its last paragraph: （据新华社）, （来源：某日报）, （摘自某报）
SOURCE_END_RE = re.compile(rf"[（(]\s*(?:据|来源\s*[:：]|稿件来源\s*[:：]|摘自|转自)\s*(?P<src>[{HAN}A-Za-z·]{{2,16}}?)电?"
                           r"\s*[）)]\s*$")
_PEN_RE = re.compile(rf"[{HAN}]{{2,4}}")
_PEN_SPACED_RE = re.compile(rf"[{HAN}](?:[ \t\u3000]{{1,2}}[{HAN}]){{1,3}}")
_COMMENTATOR_RE = re.compile(rf"(?:{_OUTLET_PREFIX})?(?:特约|首席)?评论员")
_NOT_PEN_ENDS = wordlist("not_pen_names")
_COLUMN_HEADS = frozenset(wordlist("column_heads"))
_BULLETS = BULLET_MARKS + SPACE
PAGE_NO_RE = re.compile(r"(?:第[ \t]*)?[A-Z]?[ \t]*\d{1,2}[ \t]*版|[A-Z][ \t]*\d{1,2}|0\d")
_CREDIT_HINT_RE = re.compile(alternation(wordlist("byline_hint_words")))
# a web page's credit label and its colon (责任编辑：, 审核:, 作者:)
CREDIT_LABEL = rf"(?:{alternation(wordlist('web_credit_labels'))})\s*[:：]"
_AUTHOR_START = frozenset("文图撰" + BULLET_MARKS + SPACE)
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

