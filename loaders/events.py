"""Typed, dated events from an article: inspections, meetings, and the lighter types.

Inspection (gold rule: one per official and article-day): a sentence outside quotes where a named
official (or 他/她, or a bare post such as 市长, resolved to the article's holder) is the subject of an
inspection verb (调研, 督导, 督查, 检查, 考察, 视察, 走访, 暗访, 看望慰问, 参与…服务 …), with no reporting verb
(强调/要求/叮嘱 …) in between. A group subject (观摩团 …) takes its lead from the 参加 list that follows.
Sites, in text order, come from movement verbs (先后来到 A、B 和 C; 首先来到 A … 随后来到 B; 先后察看了 …),
from 在 A， openings, and from a paragraph that opens with a site (X是…) where the lead then acts; 赴/前往/
莅临 name the trip's area (place), not a site, and so do 深入/到/来到 when all they name are divisions (深入A镇、
B镇); 前往 a unit is a site. Generic nouns (生产车间, 这里, 高速出口, X部分企业 …) and parts of a site already
visited (走进车间, 职工书屋, 窗口) are not sites. Those who come along (参加/陪同/一同 + verb) are accompanying,
never leads. Several trips in one article (2月18日，A到…。2月19日，B到…) each keep the sites written after
their own first sentence; an umbrella sentence (连日来，X检查…) gives way to the dated days that follow.

Meeting: X召开 / 召开X / 召开的X上 / 主持召开X with X ending in a meeting noun (会议, 座谈会, 调度会, 全会,
常委会 …), skipping mentions of another meeting's spirit (…会议精神) and repeated meetings (多次召开).
The chair comes from 主持; attendees from 参加/出席/列席. A session at an office to dispatch work
(来到…办公室/指挥部 …调度/听取汇报/研究部署) is a meeting chaired by its subject, never an inspection.

Dates: the sentence's own date, else one earlier in the paragraph, else the article's lead date (the
first date of the first paragraph that has one) when the person is named there too.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .dates import DateMention, find_dates, parse_date
from .mentions import PersonMention
from .models import Article, Event, Participant, Person, Site
from .titles import wordlist, wordmap


# ---------------------------------------------------------------------------- lexicon

def _alt(words) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


@functools.lru_cache(maxsize=1)
def _rx():
    insp = _alt(wordlist("inspection_triggers")) + r"|参与[\u4e00-\u9fff]{0,10}服务"
    move = _alt(wordlist("movement_verbs"))
    nouns = _alt(wordlist("meeting_nouns"))
    other = wordmap("event_triggers")
    generic = wordlist("generic_sites")
    return {
        "insp": re.compile(insp),
        "move": re.compile(r"(?:" + move + r")"),
        "meeting_name": re.compile(r"(?:" + nouns + r")"),
        "nouns": tuple(sorted(set(wordlist("meeting_nouns")), key=len, reverse=True)),
        "other": re.compile(_alt(other)),
        "other_map": other,
        "generic_exact": {g for g in generic if not g.startswith("^")} | {g[1:] for g in generic if g.startswith("^")},
        "generic_lead": tuple(g[1:] for g in generic if g.startswith("^")),
    }


REPORTING = re.compile(r"强调|要求|指出|叮嘱|嘱咐|希望|表示|说|提出|建议|鼓励|勉励|认为|介绍|督促|要|号召|倡议")
SITE_SUFFIX = re.compile(r"(?:公司|企业|集团|社区|小区|村|镇|乡|街道|医院|卫生院|学校|小学|中学|大学|学院|站|出口|入口|"
                         r"点|现场|项目|工程|基地|园|厂|中心|酒店|宾馆|工地|段|闸口|建设|市场|超市|车间|码头|港|"
                         r"场|馆|所|局|机构|养老院|福利院|敬老院|景区|景点|卡口|路口|渡口|港口|道口|河口|路|桥|库|区|垸|堤|"
                         r"堤防|大厦|商厦|商城|广场|店|银行|网点|大棚|小镇|故居|旧居|旧址|遗址|楼|综合体|合作社|"
                         r"农庄|庄园|林|矿|隧道|渠|河道|水库|电站|家中|户|街|夜市|集市|商圈|步道|绿道|栈道|工作室|公墓|陵园|"
                         r"墓园|驿站|集群|堤坝|闸站|泵站|门诊|诊所|卫生室)$")
PLACE_WORD = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|镇|乡|街道|示范区|新区|开发区|高新区|经开区)")
DIVISION_RE = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|镇|乡|街道|旗|自治州|盟))+$")
_NOT_DIVISION = re.compile(r"(?:社区|小区|园区|景区|校区|厂区|矿区|营区|林区|街区|片区|库区|服务区|功能区|保护区|城区|"
                           r"商业区|工业区|生活区|办公区|安置区|集中区|夜市|超市|集市|门市|早市|菜市|股市|楼市)$")


def division_like(item: str) -> bool:
    """An administrative area and nothing else (X县, X省Y市, X镇): the trip's area, not a site."""
    if _NOT_DIVISION.search(item) or _is_generic(item) or re.match(r"^(?:各|全|本)", item):
        return False
    return bool(DIVISION_RE.match(item)) or _is_division(item)
_OFFICE = re.compile(r"(?:来到|在)[^。；]{0,40}?(?:办公室|指挥部|指挥中心|调度中心|应急中心)")
_DISPATCH = re.compile(r"调度|听取[^。；]{0,12}汇报|研究部署|安排部署")
_CHAIR = re.compile(r"主持")
_AT_VERB = re.compile(r"在([^，。；、“”在]{2,25}?)(?:调研|督导|督查|检查|考察|视察|走访|暗访|看望|慰问)")
_ORG_HUI = re.compile(r"(?:协会|学会|(?<![会协磋])商会|总会|基金会|联合会|委员会|工会|红十字会|研究会|促进会|联谊会|同乡会|理事会|"
                     r"居委会|村委会|管委会)$")
_CONTINUES = re.compile(r"随后|会后|紧接着|之后")
_COMPANION = re.compile(r"(?:参加|陪同|一同|一起|一道|随同|共同|参与)了?(?:实地)?$")
_ATTEND = re.compile(r"参加|出席|列席|陪同|一同|随同")
_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    para: int
    quoted: list[tuple[int, int]]    # spans (absolute) inside “…”


def sentences(text: str) -> list[Sentence]:
    out = []
    para = 0
    i = 0
    n = len(text)
    depth = 0
    qstart = None
    quoted_all: list[tuple[int, int]] = []
    for k, c in enumerate(text):
        if c == _QUOTE_OPEN:
            depth += 1
            if depth == 1:
                qstart = k
        elif c == _QUOTE_CLOSE and depth:
            depth -= 1
            if depth == 0 and qstart is not None:
                quoted_all.append((qstart, k + 1))
        elif c == "\n":
            depth = 0
    j = 0
    q = 0
    while i < n:
        k = i
        while k < n and text[k] not in "。！？!?；\n":
            k += 1
        # keep closing quotes with the sentence
        e = k + 1 if k < n else n
        while e < n and text[e] in "”’」』)）":
            e += 1
        if text[i:e].strip():
            # quoted_all is sorted and non-overlapping: skip the spans that end before this sentence
            while q < len(quoted_all) and quoted_all[q][1] <= i:
                q += 1
            r = q
            while r < len(quoted_all) and quoted_all[r][0] < e:
                r += 1
            qs = quoted_all[q:r]
            out.append(Sentence(i, e, text[i:e], para, qs))
        if k < n and text[k] == "\n":
            para += 1
        i = e
        j += 1
    return out


def _in_quote(s: Sentence, pos: int) -> bool:
    return any(a <= pos < b for a, b in s.quoted)


# ---------------------------------------------------------------------------- context

class Context:
    def __init__(self, article: Article, mentions: list[PersonMention], persons: list[Person]):
        self.article = article
        self.text = article.text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.persons = {p.name: p for p in persons}
        self.dates = [d for d in find_dates(self.text, article.published, _dateline_date(article))]
        self.sents = sentences(self.text)
        self.officials = {p.name for p in persons if p.titles and p.role not in
                          ("reporter", "correspondent", "photographer", "editor", "author")}
        self.lead_date = self._lead_date()

    def _lead_date(self) -> Optional[DateMention]:
        for d in self.dates:
            if d.date is not None and d.precision in ("day", "approximate") and not d.planned:
                return d
        return None

    def named_before(self, p: int) -> bool:
        """A mention ends at ``p``, or before it with only _TO_GAP words (一行, 随即 …) in between.
        Looks only at the run of gap characters before ``p`` (linear on long pages)."""
        if not hasattr(self, "_ends"):
            self._ends = sorted({x.end for x in self.mentions})
        k = p
        while k > 0 and self.text[k - 1] in _TO_GAP_CHARS:
            k -= 1
        lo = bisect.bisect_left(self._ends, k)
        return any(e == p or _TO_GAP.fullmatch(self.text, e, p)
                   for e in self._ends[lo:bisect.bisect_right(self._ends, p)])

    def mentions_in(self, a: int, b: int) -> list[PersonMention]:
        return [m for m in self.mentions if a <= m.start < b]

    def date_for(self, s: Sentence, names: tuple[str, ...] = ()) -> Optional[DateMention]:
        own = [d for d in self.dates if s.start <= d.start < s.end and d.date is not None]
        if own:
            return own[0]
        para_start = self.text.rfind("\n", 0, s.start) + 1   # not a walk back: linear on one-line pages
        before = [d for d in self.dates if para_start <= d.start < s.start and d.date is not None]
        if before:
            return before[-1]
        if _CONTINUES.search(s.text[:12]):
            # 随后/会后/紧接着 …: the day of the last date written before (a day, not 近期 in 近期雨情)
            prev = [d for d in self.dates if d.start < s.start and d.date is not None and not d.planned]
            days = [d for d in prev if d.precision == "day"]
            if days or prev:
                return (days or prev)[-1]
        ld = self.lead_date
        if ld is None:
            return None
        if not names:
            return ld
        # the lead date carries over when the person is named in the lead date's paragraph
        ps = self.text.rfind("\n", 0, ld.start) + 1
        pe = self.text.find("\n", ld.start)
        pe = len(self.text) if pe < 0 else pe
        if any(self.text.find(n, ps, pe) >= 0 for n in names):
            return ld
        return None

    def resolve_pronoun(self, pos: int) -> Optional[str]:
        """他/她 at ``pos``: the last named official before it."""
        for m in reversed(self.mentions):
            if m.start < pos and m.name in self.officials:
                return m.name
        return None

    def holder_of(self, post: str) -> Optional[str]:
        for p in self.persons.values():
            if any(t.text.endswith(post) and not t.text.endswith("副" + post) for t in p.titles):
                return p.name
        return None


_DATELINE_MD = re.compile(r"(\d{1,2})月(\d{1,2})日(?:讯|电)$")


def _dateline_date(article: Article) -> Optional[date]:
    """The day a dated dateline gives (本报12月2日讯, 新华社北京3月1日电), against the issue date."""
    m = _DATELINE_MD.search(article.dateline or "")
    if not m or article.published is None:
        return None
    d = parse_date(f"{m.group(1)}月{m.group(2)}日", article.published)
    return d.date if d else None


_TOGETHER = re.compile(r"一同|一起|共同|一道")


def _joined_subject(ctx: Context, s: Sentence, prev_name: str, m: PersonMention) -> bool:
    """Only titles and separators lie between the previous subject's mention and ``m``."""
    prev = [x for x in ctx.mentions_in(s.start, m.start) if x.name == prev_name]
    if not prev:
        return False
    gap = ctx.text[prev[-1].end:m.start]
    return len(gap) <= 24 and re.fullmatch(r"[，、\u4e00-\u9fff]*", gap) is not None and \
        not _rx()["move"].search(gap) and not _rx()["insp"].search(gap) and not REPORTING.search(gap)


def _subject(ctx: Context, s: Sentence, t: int) -> list[str]:
    """Named officials who are the subject of the verb at ``t`` in sentence ``s``."""
    ms = [m for m in ctx.mentions_in(s.start, t) if m.name in ctx.officials and not _in_quote(s, m.start)]
    out: list[str] = []
    for m in ms:
        between = ctx.text[m.end:t]
        if REPORTING.search(between):
            continue
        if _ATTEND.search(between[:4]):
            # 书记A，副书记、县长B一同深入…: B joins the subject A, both lead (not 陪同/参加)
            if not (out and _TOGETHER.match(between) and _joined_subject(ctx, s, out[-1], m)):
                continue
        if re.search(r"委托", ctx.text[m.end:m.end + 4]):   # 受X委托
            continue
        if m.name not in out:
            out.append(m.name)
    if out:
        # 甲带领乙 / 甲、乙 … : subjects are the names before the first verb-ish gap
        return out
    # pronoun or bare post right before
    head = ctx.text[s.start:t]
    pm = re.search(r"(他|她)[^，。]{0,12}$", head)
    if pm:
        who = ctx.resolve_pronoun(s.start + pm.start())
        if who:
            return [who]
    for post in ("书记", "市长", "县长", "区长", "省长", "主席", "主任"):
        k = head.rfind(post)
        if k >= 0 and not REPORTING.search(head[k:]):
            who = ctx.holder_of(post)
            if who and who in ctx.officials:
                return [who]
    return []


# ---------------------------------------------------------------------------- sites

def _norm(s: str) -> str:
    return re.sub(r"[\s，、。；：“”\"'（）()《》—\-·]", "", s)


def _is_generic(site: str) -> bool:
    R = _rx()
    if site in R["generic_exact"]:
        return True
    if site.startswith(R["generic_lead"]):
        return True
    if re.match(r"^(?:多个|各个|多家|部分[^险]|一些|几个|各|有关|相关)", site):
        return True
    if _GENERIC_CLASS.search(site):
        return True   # X区部分企业: a class of units, no particular site
    if _OWN_AREA_CLASS.match(site):
        return True   # 我市企业, 本县重点项目: the outlet's own area and a class of units
    return False


_OWN_AREA_CLASS = re.compile(r"^(?:我|本)[省市县区州旗][\u4e00-\u9fff]{0,4}?(?:企业|单位|项目|学校|医院|景区|市场|工地|"
                             r"乡镇|村|社区|园区|基地)$")


_GENERIC_CLASS = re.compile(r"(?:部分|有关|相关|多家|多个|一些|几家|几个|各个|各)(?:企业|单位|项目|村|社区|乡镇|学校|医院|"
                            r"景区|市场|商户|门店|工地|网点|点位|场所)$")


_LIST_TAIL = re.compile(r"等(地|处|企业|单位|项目现场|项目|重点项目|关卡|场所|网点|乡镇|村|社区|点位|现场|部门|地方|"
                        r"学校|医院|景区|市场|工地|站点|卡点|基地)?[\u4e00-\u9fff]{0,4}$")
# a part of a site already visited (走进生产车间, 困难群众家中, 服务窗口): not a site of its own
_PART = re.compile(r"(?:车间|家中|展厅|大厅|会议室|办公室|生产线|流水线|窗口|岗位|病房|教室|食堂|宿舍|书屋)$")


_NOT_MEETINGS = wordlist("not_meeting_names")
_INSIDE_VERBS = frozenset({"走进", "走入", "步入"})
_PART_WORDS = re.compile(r"(?:生产|装配|加工|总装|包装)?(?:车间|展厅|大厅|生产线|流水线)$")


# between the official and 到: 一行, adverbs (X一行到…, X冒雨到…, X又专程到…)
_TO_GAP = re.compile(r"(?:一行|等人|又|还|再次|随即|随后|专程|连夜|冒雨|冒着大雨|冒着高温|顶着烈日|亲自|分别|一同|同时)+")
_TO_GAP_CHARS = frozenset("一行等人又还再次随即后专程连夜冒雨着大高温顶烈日亲自分别同时")


def _two_units(a: str, b: str, n_items: int) -> bool:
    """A和B where A opens with a division (甲镇乙村步道和丙景区服务中心): two units, when B also opens with
    a division, or ends like a site inside a list that already has items."""
    if len(a) < 4 or len(b) < 4 or not PLACE_WORD.match(a):
        return False
    if PLACE_WORD.match(b) and len(a) >= 5 and len(b) >= 5:
        return True
    return n_items >= 2 and SITE_SUFFIX.search(b) is not None


def _and_split(last: str, n_items: int) -> Optional[tuple[str, str]]:
    """A和B → (A, B) at the 和/及 between two whole names. A 和 after a bare division (甲镇和睦社区) is part of
    the next name when a later 和 splits two sites (甲镇和睦社区和乙小区: 甲镇和睦社区, 乙小区)."""
    fallback = None
    for m in re.finditer(r"以及|和|及", last):
        a, b = last[:m.start()], last[m.end():]
        if len(a) < 2 or len(b) < 2:
            continue
        if SITE_SUFFIX.search(a) and not division_like(a) or _two_units(a, b, n_items):
            return a, b
        if fallback is None and (SITE_SUFFIX.search(a) or division_like(a)):
            fallback = (a, b)
    return fallback


def split_sites(obj: str) -> list[str]:
    """A list object (A、B和C等企业) → sites; 第三、第一网格 stays whole; the last item splits on 和/及."""
    obj = obj.strip()
    obj = re.sub(r"^(?:了|到|至|在)", "", obj)
    obj = _LIST_TAIL.sub("", obj)
    parts = [p for p in obj.split("、") if p]
    merged: list[str] = []
    for p in parts:
        if merged and re.search(r"第[一二三四五六七八九十\d]+$", merged[-1]) and p.startswith("第"):
            merged[-1] = merged[-1] + "、" + p
        else:
            merged.append(p)
    if merged:
        last = merged[-1]
        split = _and_split(last, len(merged))
        if split:
            merged[-1:] = list(split)
    return [p.strip() for p in merged if p.strip()]


_LOOK_AT = re.compile(r"[，,](?:实地)?(?:察看|查看)了?([^，。；：、]{4,40}?)(?:的)?(?:情况|进展|进度)(?=[，。；])")
_ACTIVITY_TAIL = re.compile(r"(?:整治|建设|运行|生产|施工|改造|推进|落实|管护|保护|修复|险工险段|防汛|值守|经营|发展)+$")


def _strip_activity(x: str) -> str:
    """某镇某江大堤某段险工险段整治 → 某镇某江大堤某段: the unit, without the activity seen there."""
    return _ACTIVITY_TAIL.sub("", x)


_CLAUSE_END = re.compile(r"[，。；：,;！？\n]|(?:参与|督导|调研|检查|督查|考察|视察|开展|进行|实地|查看|察看|看望|慰问|"
                         r"暗访|走访|观摩|指导|了解|听取|就|对)(?![站点组所室团队中库])")


def _object_after(text: str, pos: int, limit: int = 80) -> str:
    m = _CLAUSE_END.search(text, pos, min(len(text), pos + limit))
    end = m.start() if m else min(len(text), pos + limit)
    return text[pos:end]


def _continue_list(ctx: "Context", obj: str, pos: int) -> str:
    """A list of sites cut by a comma (深入A、B，C县D村茶园，实地察看…): take the next clause along when it is
    a bare site (a site suffix, no verb, no person)."""
    text = ctx.text
    end = pos + len(obj)
    while end < len(text) and text[end] in "，," and re.search(r"、", obj):
        m = re.match(r"[^，。；：,;！？\n]{3,25}", text[end + 1:])
        if not m:
            break
        nxt = m.group(0)
        after = text[end + 1 + len(nxt):end + 2 + len(nxt)]
        if after not in ("，", ",", "。", "；") or _CLAUSE_END.search(nxt) or not SITE_SUFFIX.search(nxt) or \
                ctx.mentions_in(end + 1, end + 1 + len(nxt)) or re.search(r"[的了着是在将要对]", nxt) or \
                _rx()["move"].search(nxt):
            break
        obj = obj + "、" + nxt
        end = end + 1 + len(nxt)
    return obj


@dataclass
class SiteHit:
    pos: int
    name: str
    kind: str     # move | at | para
    place: bool = False


def site_hits(ctx: Context, lead_names: set[str]) -> tuple[list[SiteHit], list[str]]:
    """Visited sites in text order, and the trip's areas (赴/深入 + divisions)."""
    hits, place_hits = _site_and_place_hits(ctx, lead_names)
    places: list[str] = []
    for _, p in place_hits:
        if p not in places:
            places.append(p)
    return hits, places


_VISIT_OF = re.compile(r"(?:看望慰问|看望|慰问)了?(?=[^，。；]{2,30}?的)")
_PROJECT_PROGRESS = re.compile(r"(?:察看|查看)了?([\u4e00-\u9fff]{3,30}?(?:项目|工程))的?(?:建设|施工|推进)?(?:进度|进展)")
_COMPANY_TAIL = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|公司|集团|企业|厂)$")


def _units_of(obj: str) -> list[tuple[int, str]]:
    """A的B、C的D和E的F → [(offset, A), (offset, C), (offset, E)]; a 和 splits only after a 的 (B和E)."""
    out = []
    pos = 0
    for part in re.split(r"(、)", obj):
        if part == "、":
            pos += 1
            continue
        chunks, k = [], 0
        for m in re.finditer(r"和|及", part):
            if "的" in part[k:m.start()] and "的" in part[m.end():]:
                chunks.append((k, part[k:m.start()]))
                k = m.end()
        chunks.append((k, part[k:]))
        for off, c in chunks:
            if "的" in c:
                unit = c.split("的", 1)[0]
                if len(unit) >= 3:
                    out.append((pos + off, unit))
        pos += len(part)
    return out


def _is_short_name_of(n: str, earlier: list[str]) -> bool:
    core = _COMPANY_TAIL.sub("", n)
    if core == n or len(core) < 2:
        return False
    return any(core in o and o != n and _COMPANY_TAIL.search(o) for o in earlier)


def _site_and_place_hits(ctx: Context, lead_names: set[str]) -> tuple[list[SiteHit], list[tuple[int, str]]]:
    text = ctx.text
    place_at: list[tuple[int, str]] = []
    R = _rx()
    hits: list[SiteHit] = []
    for s in ctx.sents:
        # movement verbs
        for m in R["move"].finditer(s.text):
            verb = m.group(0)
            abs_pos = s.start + m.end()
            if _in_quote(s, s.start + m.start()):
                continue
            if verb == "赴" and s.text[max(0, m.start() - 1):m.start()] == "以":   # 全力以赴
                continue
            if verb == "到" and not re.search(r"先后$", s.text[:m.start()]) and \
                    not ctx.named_before(s.start + m.start()):
                continue
            obj = _object_after(text, abs_pos)
            if not obj:
                continue
            obj = _continue_list(ctx, obj, abs_pos)
            items = [x for x in split_sites(obj) if len(x) >= 2]
            if verb in ("赴", "前往", "先后前往") or (verb in ("到", "先后到", "深入", "先后深入", "来到", "先后来到")
                                                 and items and all(division_like(x) for x in items)):
                # the trip's area (赴X县, 深入A镇、B镇): the divisions named are places, not sites
                areas = [x for x in items if division_like(x)]
                for item in areas:
                    pm = PLACE_WORD.match(item)
                    place = item if len(item) <= 12 else (pm.group(0) if pm else None)
                    if place:
                        place_at.append((abs_pos, place))
                if len(areas) == len(items) or verb == "赴":
                    # 来到A县，察看B镇C段整治情况: a place-anchored unit after 察看 is the site
                    mm = _LOOK_AT.match(s.text, m.end() + len(obj))
                    if mm and verb != "赴":
                        x = _strip_activity(mm.group(1))
                        if x and PLACE_WORD.match(x) and SITE_SUFFIX.search(x) and not _is_generic(x) \
                                and not division_like(x):
                            hits.append(SiteHit(s.start + mm.start(1), x, "move"))
                    continue
                items = [x for x in items if x not in areas]   # 前往A公司: a site after all
            if verb in ("察看了", "查看了", "察看", "查看") and any(
                    h.kind == "at" and s.start <= h.pos < abs_pos for h in hits):
                continue   # 在A，X察看了B: B is inside A
            tail = _LIST_TAIL.search(obj.strip())
            listed = bool(tail and tail.group(1))
            inside = verb in _INSIDE_VERBS
            if inside and any(h.kind in ("move", "at") and s.start <= h.pos < abs_pos for h in hits):
                continue   # 来到A，走进B: B is a part of A (a greenhouse, a workshop)
            for item in items:
                if not inside and len(items) >= 2 and _PART.search(item) and len(item) >= 8 and \
                        PLACE_WORD.match(item) and not _is_generic(item):
                    # 先后来到A、B开发区C数字化车间、D: a listed unit of its own, not a part of a site
                    hits.append(SiteHit(abs_pos + obj.find(item) if item in obj else abs_pos, item, "move"))
                    continue
                if _PART.search(item):
                    unit = _PART_WORDS.sub("", item)
                    if len(unit) >= 4 and SITE_SUFFIX.search(unit) and not _is_generic(unit):
                        item = unit   # 走进A公司生产车间: A公司 is the site
                if _is_generic(item) or _PART.search(item):
                    continue
                in_site_list = len(items) >= 2 and len(item) >= 6 and PLACE_WORD.match(item) is not None and \
                    sum(1 for x in items if SITE_SUFFIX.search(x)) >= len(items) - 1
                if not listed and not in_site_list and not SITE_SUFFIX.search(item) and \
                        verb not in ("来到", "先后来到", "首先来到"):
                    continue
                if verb.startswith("深入") and not SITE_SUFFIX.search(item):
                    continue
                if verb.startswith("走") and (_PART.search(item) or not SITE_SUFFIX.search(item)):
                    continue
                hits.append(SiteHit(abs_pos + obj.find(item) if item in obj else abs_pos, item, "move"))
        # 在X， openings
        for m in re.finditer(r"(?:^|(?<=[，。\n]))在([^，。；“”]{2,30}?)[，,]", s.text):
            x = m.group(1)
            if re.search(r"[里中上内下前后间期时]$", x) or _in_quote(s, s.start + m.start()):
                continue
            if "的" in x:
                x = x.rsplit("的", 1)[1]
            if division_like(x):
                place_at.append((s.start + m.start(1), x))   # 在A镇，X走进B公司: the area, B is the site
                continue
            if SITE_SUFFIX.search(x) and not _is_generic(x) and not _PART.search(x):
                hits.append(SiteHit(s.start + m.start(1), x, "at"))
        # X在A调研时 / X在A检查: A is where the inspection happens
        for m in _AT_VERB.finditer(s.text):
            a = s.start + m.start()
            if _in_quote(s, a) or not (m.start() == 0 or s.text[m.start() - 1] in "，。\n" or
                                       any(x.end == a for x in ctx.mentions)):
                continue
            x = m.group(1)
            if division_like(x):
                place_at.append((s.start + m.start(1), x))
            elif SITE_SUFFIX.search(x) and not _is_generic(x) and not _PART.search(x):
                hits.append(SiteHit(s.start + m.start(1), x, "at"))
        # 看望慰问A的B、C的D: the units A, C are the sites (B, D are the people met there)
        for m in _VISIT_OF.finditer(s.text):
            if _in_quote(s, s.start + m.start()):
                continue
            obj_pos = s.start + m.end()
            obj = _object_after(text, obj_pos)
            for off, unit in _units_of(obj):
                if SITE_SUFFIX.search(unit) and not _is_generic(unit) and not _PART.search(unit) and \
                        not re.search(r"[在于]|坚守|奋战|战斗|值守|驻守|工作", unit) and \
                        not ctx.mentions_in(obj_pos + off, obj_pos + off + len(unit)):
                    hits.append(SiteHit(obj_pos + off, unit, "move"))
        # 察看(了)A项目建设进度: the project is the site, unless it lies inside a site named before
        for m in _PROJECT_PROGRESS.finditer(s.text):
            if _in_quote(s, s.start + m.start()) or any(
                    h.kind in ("at", "move") and s.start <= h.pos < s.start + m.start() for h in hits):
                continue
            x = m.group(1)
            if not _is_generic(x) and not re.match(r"^(?:该|这个|此|各|全|项目|了解|详细|认真|重点|实地|全面|工程)", x):
                hits.append(SiteHit(s.start + m.start(1), x, "move"))
    # a paragraph that opens with a site (X是…) where the lead acts afterwards
    pos = 0
    for para in text.split("\n"):
        m = re.match(r"^([\u4e00-\u9fff（）()]{3,30}?)是", para)
        if m and SITE_SUFFIX.search(m.group(1)) and not _is_generic(m.group(1)) and \
                any(n in para[m.end():] for n in lead_names) and not re.search(r"[（(]", m.group(1)):
            hits.append(SiteHit(pos, m.group(1), "para"))
        pos += len(para) + 1
    hits.sort(key=lambda h: h.pos)
    out: list[SiteHit] = []
    for h in hits:
        n = _norm(h.name)
        if h.kind == "at" and _is_short_name_of(n, [_norm(o.name) for o in out]):
            continue   # 在甲公司， after 某甲精密机械有限公司: the short name of a site already visited
        k = next((k for k, o in enumerate(out) if n in _norm(o.name) or _norm(o.name) in n), None)
        if k is None:
            out.append(h)
            continue
        o = out[k]
        if h.kind == "move" and n.startswith(_norm(o.name)) and len(n) > len(_norm(o.name)):
            # 前往A垸 … 先后来到A垸B闸口: the later, more precise name, in the first one's place
            out[k] = SiteHit(o.pos, h.name, h.kind, h.place)
    return out, place_at


# ---------------------------------------------------------------------------- events

def _participants_after(ctx: Context, s_index: int, exclude: set[str], window: int = 6) -> list[str]:
    """Names in 参加/出席/陪同 sentences from sentence ``s_index`` on (within the article)."""
    out = []
    for s in ctx.sents[s_index:s_index + window]:
        if not _ATTEND.search(s.text) or _in_quote(s, s.start):
            continue
        for m in ctx.mentions_in(s.start, s.end):
            k = ctx.text.find("参加", m.end, s.end)
            if m.name not in exclude and m.name not in out and (m.name in ctx.officials or m.titles):
                out.append(m.name)
    return out


def extract_events(article: Article, mentions: list[PersonMention], persons: list[Person]) -> list[Event]:
    ctx = Context(article, mentions, persons)
    R = _rx()
    events: list[Event] = []
    text = ctx.text
    meeting_sents: set[int] = set()
    para_of: dict[int, int] = {}

    # ---- dispatch sessions at an office (meetings, not inspections)
    for i, s in enumerate(ctx.sents):
        if _in_quote(s, s.start):
            continue
        om = _OFFICE.search(s.text)
        if not om or not _DISPATCH.search(s.text[om.end():] + (ctx.sents[i + 1].text if i + 1 < len(ctx.sents) else "")):
            continue
        subj = _subject(ctx, s, s.start + om.start())
        if not subj:
            continue
        d = ctx.date_for(s, tuple(subj))
        topic = re.search(r"就([^，。]{2,20}?)进行", s.text)
        if not topic:   # 调度(当前/全县)防汛救灾工作 → 防汛救灾工作调度
            topic = re.search(r"调度(?:当前|近期|今年|全[市县区州省旗]|我[市县区州])?([\u4e00-\u9fff]{2,14}?工作)", s.text)
        name = (topic.group(1) if topic else "工作") + "调度"
        ev = _event("meeting", "调度", d, s, article, name=name, lead=subj[0])
        ev.participants.append(Participant(subj[0], "chair", _titles(ctx, subj[0])))
        for a in _participants_after(ctx, i, set(subj)):
            ev.participants.append(Participant(a, "attendee", _titles(ctx, a)))
        events.append(ev)
        meeting_sents.add(i)
        para_of[id(ev)] = s.para

    # ---- meetings
    nouns = "|".join(map(re.escape, R["nouns"]))
    pats = [
        re.compile(r"(?P<name>[^，。；：、“”,;:\n]{2,40}(?:" + nouns + r"))(?:在[^，。；]{1,12})?(?:胜利)?(?:召开|举行|开幕|闭幕)"),
        re.compile(r"(?P<body>[^，。；：、“”,;:\n]{0,20}?)(?:主持)?(?:召开|举行)了?(?P<name>[^，。；：、“”,;:\n]{2,40}(?:" + nouns + r"))(?![\u4e00-\u9fff]*精神)"),
        re.compile(r"召开的(?P<name>[^，。；：、“”,;:\n]{2,40}?(?:" + nouns + r"))上"),
    ]
    for i, s in enumerate(ctx.sents):
        if i in meeting_sents:
            continue
        for k, rx in enumerate(pats):
            for m in rx.finditer(s.text):
                if _in_quote(s, s.start + m.start()):
                    continue
                name = m.group("name")
                if re.search(r"精神|期间|以来", s.text[m.end():m.end() + 4]) or re.search(r"精神", name):
                    continue
                if re.search(r"多次|定期|每周|每月|每天|经常|多场", s.text[max(0, m.start() - 6):m.end()]):
                    continue
                if _in_title(s.text, m.start("name")):
                    continue
                name = _clean_meeting_name(name)
                if re.match(r"^(?:一次|一场|这次|此次|本次|该|各类|有关|相关|多个|各种)", name):
                    continue
                if name.endswith(_NOT_MEETINGS):
                    continue   # 营造…的社会, 专场招聘会: not a meeting
                if re.search(r"(?:为|迎接|庆祝|喜迎|确保)[^，。；]{0,16}(?:胜利|顺利|隆重)(?:召开|举行)",
                             s.text[:m.end()]):
                    continue   # 为党的二十大胜利召开营造…: a meeting to come, spoken of

                if k == 0:
                    follow = re.match(r"(?:在[^，。；]{1,12})?(?:召开|举行)(?P<n2>[^，。；：、“”,;:\n]{0,30}(?:" + nouns + r"))",
                                      s.text[m.end("name"):])
                    if follow:
                        name = name + follow.group("n2")
                    elif _ORG_HUI.search(name):
                        continue   # 县慈善总会举行捐赠仪式: the body that holds something, not a meeting
                if k == 1:
                    body = _clean_meeting_name(m.group("body") or "")
                    body = re.sub(r"^.*?(?:主持|和|与)", "", body)
                    if body and not _has_person_name(ctx, s.start + m.start("body"), s.start + m.end("body")) \
                            and re.search(r"(?:委|会|政府|组|院|局)$", body):
                        name = body + name
                    # 县长X主持召开 …: the body is the chair, not part of the name
                if len(name) < 2 or name in R["nouns"] and k != 1:
                    continue
                if name in ("会议", "会") or re.fullmatch(r"(?:" + nouns + r")", name):
                    # 召开会议 with the body before it: 市委常委会召开会议, 市委常委会将于3月10日召开全体会议
                    body = s.text[:m.start("name")]
                    body = re.sub(r"(?:主持)?(?:召开|举行)了?$", "", body).split("，")[-1].split(",")[-1]
                    body = re.sub(r"(?:将于|拟于|定于|计划于|于|在)?[\d\s年月日号上下午晚]*$", "", body)
                    body = _clean_meeting_name(body)
                    if k == 1 and body and re.search(r"(?:委|会|政府|组)$", body) and \
                            not _has_person_name(ctx, s.start, s.start + len(body)):
                        name = body + name
                    elif not (k == 1 and name not in ("会议", "会") and "主持" in s.text[:m.start("name")]):
                        continue   # X主持召开座谈会: a named kind of meeting with its chair stays
                names_here = tuple(x.name for x in ctx.mentions_in(s.start, s.end))
                d = ctx.date_for(s, names_here)
                if d is None:
                    continue
                chair = _chair(ctx, i)
                ev = _event("meeting", "召开", d, s, article, name=name, lead=chair)
                if chair:
                    ev.participants.append(Participant(chair, "chair", _titles(ctx, chair)))
                for a in _participants_after(ctx, i, {chair} if chair else set(), window=4):
                    ev.participants.append(Participant(a, "attendee", _titles(ctx, a)))
                events.append(ev)
                meeting_sents.add(i)
                para_of[id(ev)] = s.para
    events = _merge_meetings(events, para_of)

    # ---- inspections
    found: dict[tuple[str, Optional[date]], Event] = {}
    first_sent: dict[tuple[str, Optional[date]], int] = {}
    order: list[tuple[str, Optional[date]]] = []
    for i, s in enumerate(ctx.sents):
        if i in meeting_sents and _OFFICE.search(s.text):
            continue
        for m in R["insp"].finditer(s.text):
            t = s.start + m.start()
            if _in_quote(s, t):
                continue
            pre = text[max(s.start, t - 2):t]
            if pre.endswith(("的", "接受", "受", "迎接")) or re.search(r"要|将|应|需", text[max(s.start, t - 3):t]):
                continue
            if _COMPANION.search(text[max(s.start, t - 5):t]):
                continue   # 副县长X参加调研 / 一同检查 / 陪同视察: those who come along, not the lead
            subj = _subject(ctx, s, t)
            group = False
            if not subj and re.search(r"(?:团|组|一行)[^，。]{0,6}$", text[s.start:t]) or \
                    (not subj and re.search(r"(?:观摩团|调研组|督导组|检查组|考察团|督查组)", s.text)):
                # a delegation: its lead is the first official of the 参加 list that follows
                for s2 in ctx.sents[i:i + 3]:
                    if _ATTEND.search(s2.text):
                        ms = [x.name for x in ctx.mentions_in(s2.start, s2.end) if x.name in ctx.officials]
                        if ms:
                            subj = [ms[0]]
                            group = True
                            break
            if not subj:
                continue
            d = ctx.date_for(s, tuple(subj))
            if d is None or d.planned:
                continue
            for lead in subj:
                key = (lead, d.date)
                if key in found:
                    continue
                ev = _event("inspection", m.group(0), d, s, article, lead=lead)
                ev.participants.append(Participant(lead, "lead", _titles(ctx, lead)))
                found[key] = ev
                order.append(key)
                first_sent[key] = s.start
                if group:
                    for s2 in ctx.sents[i:i + 3]:
                        if _ATTEND.search(s2.text):
                            for x in ctx.mentions_in(s2.start, s2.end):
                                if x.name != lead and x.name in ctx.officials and \
                                        all(p.name != x.name for p in ev.participants):
                                    ev.participants.append(Participant(x.name, "accompanying", _titles(ctx, x.name)))
                            break
    # 连日来/近日，X检查… followed by the days themselves (8月2日，X来到…): the days are the inspections
    for key in list(order):
        if found[key].date_precision == "approximate" and any(
                k2[0] == key[0] and found[k2].date_precision == "day" for k2 in order):
            order.remove(key)
            del found[key]
    if found:
        leads = {k[0] for k in order}
        hits, place_at = _site_and_place_hits(ctx, leads)
        spans = _trip_spans(ctx, found, order, first_sent)
        for key in order:
            ev = found[key]
            a, b = spans[key]
            mine = [h for h in hits if a <= h.pos < b]
            owner = _route_owner(ctx, [k[0] for k in order if spans[k] == spans[key]], first_sent[key], b)
            if owner:
                mine = [h for h in mine if owner(h.pos) in (None, key[0])]
            ev.sites = [Site(h.name, n + 1, None, article.sentence_evidence(h.pos, h.pos + len(h.name)))
                        for n, h in enumerate(mine)]
            ev.places = []
            for pos, p in place_at:
                if a <= pos < b and p not in ev.places:
                    ev.places.append(p)
            if not ev.places and hits:
                pm = PLACE_WORD.match(hits[0].name)
                if pm:
                    ev.places = [pm.group(0)]
            # accompanying officials: 参加/陪同 sentences of the trip (not of a meeting before it)
            trip_start = min(first_sent[k] for k in order if spans[k] == spans[key])
            for j, s in enumerate(ctx.sents):
                if s.start < trip_start or s.start >= b or j in meeting_sents:
                    continue
                if owner and owner(s.start) not in (None, key[0]):
                    continue   # another lead's route
                if _ATTEND.search(s.text) and not _in_quote(s, s.start):
                    for x in ctx.mentions_in(s.start, s.end):
                        if x.name not in leads and x.name in ctx.officials and \
                                all(p.name != x.name for p in ev.participants):
                            ev.participants.append(Participant(x.name, "accompanying", _titles(ctx, x.name)))
            for st in ev.sites:
                st.place = _site_place(st.name)
            events.append(ev)

    # ---- other typed events (appointment, donation, policy, award, statistic)
    om = R["other_map"]
    seen_other: set[int] = set()
    for i, s in enumerate(ctx.sents):
        if i in meeting_sents or i in seen_other or _in_quote(s, s.start):
            continue
        m = R["other"].search(s.text)
        if not m:
            continue
        typ = om[m.group(0)]
        if typ == "award":
            typ = "other"
        ms = ctx.mentions_in(s.start, s.end)
        d = ctx.date_for(s, tuple(x.name for x in ms))
        ev = _event(typ, m.group(0), d, s, article, lead=ms[0].name if ms else None)
        for x in ms:
            if all(p.name != x.name for p in ev.participants):
                ev.participants.append(Participant(x.name, "lead" if x is ms[0] else "attendee", _titles(ctx, x.name)))
        if typ == "policy":
            t = re.search(r"《([^》]{2,60})》", s.text)
            ev.name = t.group(1) if t else None
        ev.summary = s.text.strip()[:120]
        events.append(ev)
        seen_other.add(i)
    events.sort(key=lambda e: (e.evidence.start if e.evidence else 0))
    return events


def _route_owner(ctx: Context, leads: list[str], a: int, b: int):
    """Leads announced together who go separate ways (A、B分别带队…。A先后来到…。B来到…): a function from
    a position to the lead whose route it lies on (None before the routes start), or None when the
    leads share one route."""
    if len(set(leads)) < 2:
        return None
    first = next((s for s in ctx.sents if s.start <= a < s.end or s.start >= a), None)
    if first is None or "分别" not in first.text:
        return None
    starts: list[tuple[int, str]] = []
    for s in ctx.sents:
        if s.start <= first.start or s.start >= b:
            continue
        head = s.text.lstrip()
        off = len(s.text) - len(head)
        for m in ctx.mentions_in(s.start + off, s.start + off + 1):
            if m.name in leads:
                starts.append((s.start, m.name))
    if len({n for _, n in starts}) < 2:
        return None

    def owner(pos: int) -> Optional[str]:
        who = None
        for st, n in starts:
            if st <= pos:
                who = n
        return who
    return owner


def _trip_spans(ctx: Context, found: dict, order: list, first_sent: dict) -> dict:
    """The stretch of text each inspection's sites are read from.

    Inspections announced in the same sentence (县委书记A，县长B带队…) share a trip. When the article goes
    on to another trip (2月19日，县长B到…), the sites after that trip's first sentence are that trip's.
    """
    starts: list[tuple[int, list]] = []
    for key in order:
        pos = first_sent[key]
        if starts and (starts[-1][0] == pos or key[1] == found[starts[-1][1][0]].date and
                       not _new_trip(ctx, starts[-1][0], pos)):
            starts[-1][1].append(key)
        else:
            starts.append((pos, [key]))
    out = {}
    for n, (pos, keys) in enumerate(starts):
        a = 0 if n == 0 else pos
        b = starts[n + 1][0] if n + 1 < len(starts) else len(ctx.text) + 1
        for k in keys:
            out[k] = (a, b)
    return out


def _new_trip(ctx: Context, a: int, b: int) -> bool:
    """Does the text between two inspections' sentences start a new trip (a new date written)?"""
    return any(a < d.start <= b and d.date is not None for d in ctx.dates)


def _is_division(name: str) -> bool:
    from .gazetteer import gazetteer

    return name in gazetteer().upper


def _site_place(name: str) -> Optional[str]:
    m = PLACE_WORD.match(name)
    if m and len(m.group(0)) < len(name):
        return m.group(0)
    return None


def _in_title(t: str, pos: int) -> bool:
    """Inside 《…》 (a document's title)?"""
    return t.rfind("《", 0, pos) > t.rfind("》", 0, pos)


def _titles(ctx: Context, name: str) -> list[str]:
    p = ctx.persons.get(name)
    return [t.text for t in p.titles] if p else []


def _has_person_name(ctx: Context, a: int, b: int) -> bool:
    return any(a <= m.start < b for m in ctx.mentions)


def _clean_meeting_name(name: str) -> str:
    name = re.sub(r"^[\d\s年月日号至到—\-上下午晚]+[，,]?", "", name)
    name = re.sub(r"^(?:随后|同时|当天|今天|昨天|日前|近日|全体|并|还|又|也|在|的)+", "", name)
    return name.strip()


def _chair(ctx: Context, i: int) -> Optional[str]:
    """主持 in the meeting's sentence, the rest of its paragraph, or the next two sentences."""
    para = ctx.sents[i].para
    window = [s for s in ctx.sents[i:] if s.para == para]
    window += [s for s in ctx.sents[i + len(window):i + len(window) + 2]]
    for s in window:
        for m in re.finditer(r"主持", s.text):
            pos = s.start + m.start()
            ms = [x for x in ctx.mentions_in(s.start, pos) if ctx.text.find("委托", x.end, x.end + 3) < 0]
            if ms:
                return ms[-1].name
    return None


def _event(typ: str, trigger: str, d: Optional[DateMention], s: Sentence, article: Article,
           name: Optional[str] = None, lead: Optional[str] = None) -> Event:
    ev = Event(type=typ, trigger=trigger,
               date=d.date if d else None,
               end_date=d.end_date if d else None,
               date_precision=(d.precision if d else "unknown"),
               planned=bool(d and d.planned),
               name=name, lead=lead)
    a = s.start
    b = s.end
    while a < b and article.text[a] in " \n":
        a += 1
    ev.evidence = article.evidence(a, b)
    return ev


def _merge_meetings(events: list[Event], para_of: Optional[dict] = None) -> list[Event]:
    """One meeting mentioned twice (names containing one another, or the same chair in one paragraph)."""
    para_of = para_of or {}
    out: list[Event] = []
    for e in events:
        if e.type != "meeting":
            out.append(e)
            continue
        dup = None
        for o in out:
            if o.type == "meeting" and o.date == e.date and o.name and e.name and \
                    (_norm(o.name) in _norm(e.name) or _norm(e.name) in _norm(o.name) or
                     (o.lead and o.lead == e.lead and para_of.get(id(o)) == para_of.get(id(e)))):
                dup = o
                break
        if dup is None:
            out.append(e)
        else:
            if not dup.lead and e.lead:
                dup.lead = e.lead
                dup.participants = e.participants + [p for p in dup.participants if p.name != e.lead]
    return out
