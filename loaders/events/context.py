"""One article's reading context: sentences (with quoted spans), dates, mentions, the officials, and
the date a sentence's event takes (its own, the paragraph's, a continuation's, the article's lead date).
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from ..dates import APPROX_DAYS, DateMention, find_dates
from ..lexicon import alternation, wordlist, wordmap
from ..lexicon.grammar import BULLET_MARKS
from ..mentions import PersonMention
from ..models import Article, Event, Person
from .chronicle import MONTH_ONLY, chronicle_base, titled_chronicle
from .patterns import _rx, _TO_GAP, _CONTINUES, _DATELINE_END, _DATELINE_MD, _MORE_HEADS, _QUOTE_CLOSE, _QUOTE_OPEN


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


# 截至2月1日: the cut-off of a figure, not a day anything happened on
# 当天, 当日: the day of the last date written (loaders/dates.py), which may be a background one
_SAME_DAY = frozenset(w for w, v in wordmap("day_words").items() if v == "last")
_ASOF = re.compile(rf"(?:{alternation(wordlist('asof_words'))})\s*$")



def _clause_head(text: str, pos: int) -> bool:
    """Does a clause start at ``pos`` (a date there dates the clause: 连日来，X检查…)?"""
    before = text[max(0, pos - 8):pos].rstrip(" \u3000\t")
    return pos == 0 or not before or before[-1] in "，,。；！？\n"


# 于2月8日发布《…》: the day of a document issued, not of the visits it announces
_DOC_ISSUED = re.compile(rf"[^，。；]{{0,4}}?(?:{alternation(wordlist('document_issue_verbs'))})了?《")

# 上午，X…: a part of the day opening a sentence is of the day written last before it
_DAY_PART_HEAD = re.compile(rf"\s*(?:{alternation(wordlist('sentence_day_parts'))})[，,]")

TO_GAP_WINDOW = 60   # the longest 一行/带领…人员 gap between a name and its 到


def _usable(d: DateMention) -> bool:
    """A date an event can take: resolved, or a month-day whose year nothing gives (kept, year unknown)."""
    return d.date is not None or d.precision == "year_unknown"


_CREDIT_ROLES = ("reporter", "correspondent", "photographer", "editor", "author")


def _holds_post(p: Person) -> bool:
    """A credited name (审核：X) who also holds a post in the text (镇长X检查…) is an official too."""
    credits = wordmap("credit_titles")
    return any(t.post and t.text not in credits and t.post not in credits for t in p.titles)


_UNPLACED = re.compile(alternation(wordlist("unplaced_day_words")))


class Context:
    def __init__(self, article: Article, mentions: list[PersonMention], persons: list[Person]):
        self.article = article
        self.text = article.text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.persons = {p.name: p for p in persons}
        # a dateline's day (本报嘉积10月21日电) is when the report was filed, not when the events happened
        # a chronicle (大事记) that writes no year was compiled after the fact: its days have no year
        # a chronicle whose title writes its year (and month) (2008年6月大事记) dates its days by that period
        self.published, precision = chronicle_base(article)
        # a month alone as the headline ((四月) over 1日 …, 3日 …): the month its day items are in
        head = article.title + "\n" if MONTH_ONLY.match(article.title or "") else ""
        self.dates = [dataclasses.replace(d, start=d.start - len(head), end=d.end - len(head))
                      for d in find_dates(head + self.text, self.published, _dateline_date(article), precision)
                      if d.start >= len(head) and not _DATELINE_END.match(self.text, d.end - len(head))]
        # a figure's cut-off dates its own sentence (a statistic) but does not carry over to the next
        self.cutoffs = {id(d) for d in self.dates if _ASOF.search(self.text, max(0, d.start - 4), d.start)}
        # 连日来 in 看望连日来奋战在一线的干部: a span up to now inside a clause, no day a later sentence is on
        self.cutoffs |= {id(d) for d in self.dates if d.precision == "approximate" and d.text.endswith("来")
                         and not _clause_head(self.text, d.start)}
        self.sents = sentences(self.text)
        self.officials = {p.name for p in persons if p.titles and (p.role not in _CREDIT_ROLES or _holds_post(p))}
        self._date_starts = [d.start for d in self.dates]   # in text order: _dates_in bisects them
        self.lead_date = self._lead_date()
        self.issue_span = self._issue_span()
        self.para_of: dict[int, int] = {}
        self._ends: Optional[list[int]] = None   # id(meeting event) → paragraph, for merging

    def _lead_date(self) -> Optional[DateMention]:
        for d in self.dates:
            if _usable(d) and d.precision in ("day", "approximate", "year_unknown") and not d.planned:
                return d
        # a headline that writes the day (2026年1月19日下午，区长X主持召开…) over a text that writes none
        # it can read: the headline's day, placed at the text's start
        for d in find_dates(self.article.title or "", self.published, None, self.article.published_precision):
            if _usable(d) and d.precision == "day" and not d.planned:
                return dataclasses.replace(d, start=0, end=0)
        return None

    def _issue_span(self) -> Optional[DateMention]:
        """An article that writes no date at all, in an issue of a known day: what it reports happened
        by the issue date (the interval 近日 gives, no date text)."""
        if self.published is None or self.article.published_precision != "day" or \
                any(_usable(d) and not self._doc_day(d) for d in self.dates):
            return None   # (a document's day, 于2月8日发布《…》, dates no report of the article)
        return DateMention(0, 0, "", self.published - timedelta(days=APPROX_DAYS), self.published,
                           "approximate", "approximate")

    def issue_span_for(self, s: Sentence) -> Optional[DateMention]:
        """The issue span for a sentence that writes no day or time of its own (除夕当晚 is a day the
        text gives but kb cannot place: no span)."""
        return None if self.issue_span is None or _UNPLACED.search(s.text) else self.issue_span

    @functools.cached_property
    def only_day(self) -> Optional[DateMention]:
        """The article's one day, when every date it writes is that day (a meeting named in a last line
        with no date is of it)."""
        days = [d for d in self.dates if d.date is not None and not d.planned]
        if days and all(d.precision == "day" and d.date == days[0].date and not d.end_date for d in days):
            return days[0]
        return None

    def named_before(self, p: int) -> bool:
        """A mention ends at ``p``, or shortly before it with only _TO_GAP words (一行, 随即, 带领…人员)
        in between. Looks at a bounded window before ``p``, so long one-line pages stay linear."""
        if self._ends is None:
            self._ends = sorted({x.end for x in self.mentions})
        lo = bisect.bisect_left(self._ends, p - TO_GAP_WINDOW)
        return any(e == p or _TO_GAP.fullmatch(self.text, e, p)
                   for e in self._ends[lo:bisect.bisect_right(self._ends, p)])

    def mentions_in(self, a: int, b: int) -> list[PersonMention]:
        return [m for m in self.mentions if a <= m.start < b]

    def dates_between(self, a: int, b: int) -> list[DateMention]:
        """Every date written from ``a`` up to ``b`` (planned and unresolved ones too)."""
        return self.dates[bisect.bisect_left(self._date_starts, a):bisect.bisect_left(self._date_starts, b)]

    def _dates_in(self, a: int, b: int) -> list[DateMention]:
        """The usable dates written from ``a`` up to ``b``."""
        return [d for d in self.dates_between(a, b) if _usable(d)]

    def own_date(self, s: Sentence) -> Optional[DateMention]:
        """The sentence's own date, else the last one written earlier in its paragraph."""
        own = self._dates_in(s.start, s.end)
        if len(own) > 1 and own[0].precision in ("month", "year") and own[1].precision == "day" and \
                own[1].start - own[0].end <= 2:
            return own[1]   # (2018年6月)5月31日…: a chronicle's period heading, then the item's day
        if own:
            return own[0]
        para_start = self.text.rfind("\n", 0, s.start) + 1
        before = [d for d in self._dates_in(para_start, s.start)
                  if id(d) not in self.cutoffs and not self._doc_day(d)]
        return before[-1] if before else None   # (not 于2月8日发布《…》: a document's day)

    def _doc_day(self, d: DateMention) -> bool:
        """``d`` is written with a document's issue (于2月8日发布《…》): the document's day, no report's."""
        return _DOC_ISSUED.match(self.text, d.end) is not None

    def _names_near(self, d: DateMention) -> bool:
        """The sentence that writes ``d`` names a person, or a visit, a move or a meeting (not a storm's day)."""
        R = _rx()
        for x in self.sents:
            if x.start <= d.start < x.end:
                return bool(self.mentions_in(x.start, x.end)) or any(
                    R[k].search(x.text) for k in ("insp", "move", "meeting_name", "other"))
        return True

    def _same_day_as_background(self, own: DateMention) -> bool:
        """``own`` is 当天/当日 and the date it takes is one a sentence naming no person, visit or meeting wrote
        (a place's opening, a storm), while the article's lead date is another day."""
        if own.text not in _SAME_DAY or self.lead_date is None or self.lead_date.date == own.date:
            return False
        prev = [d for d in self.dates_between(0, own.start) if d.date == own.date]
        return bool(prev) and not self._names_near(prev[-1])

    def date_for(self, s: Sentence, names: tuple[str, ...] = (), lede_visit=None) -> Optional[DateMention]:
        """The date of sentence ``s`` about ``names``. ``lede_visit``: a pattern of visit verbs; the lead
        date's paragraph, when it names no official and holds one, gives its day to a visit whose head
        is named only later (2月2日，区政协分成3个小组走访… ¶ 甲某带领…走访)."""
        own = self.own_date(s)
        if own and lede_visit is not None and not s.start <= own.start < s.end and \
                self.mentions_in(s.start, s.end) and not self._names_near(own):
            own = None   # 8月9日夜晚，某地出现强降雨…。某书记赶到…: the day of what happened, not of the visit
        if own and lede_visit is not None and self._same_day_as_background(own):
            return self.lead_date   # 某馆于9月1日开放。当天，某区长前往某馆: 当天 is the visit's day, not the opening's
        if own:
            return own
        if _CONTINUES.search(s.text[:12]) or _DAY_PART_HEAD.match(s.text) or self._chronicle_item(s):
            # 随后/会后/紧接着 …: the day of the last date written before (a day, not 近期 in 近期雨情)
            prev = [d for d in self.dates if d.start < s.start and _usable(d) and not d.planned]
            days = [d for d in prev if d.precision == "day"]
            if days or prev:
                return (days or prev)[-1]
        head = self._item_heading_day(s)
        if head is not None:
            return head
        ld = self.lead_date
        if ld is None:
            return None
        if not names:
            return ld
        # the lead date carries over when the person is named in the lead date's paragraph
        ps = self.text.rfind("\n", 0, ld.start) + 1
        pe = self.text.find("\n", ld.start)
        pe = len(self.text) if pe < 0 else pe
        if self._doc_day(ld):
            return None   # 于2月8日发布《…》: a document's day, not of what its readers go and do
        if any(self.text.find(n, ps, pe) >= 0 for n in names):
            return ld
        if lede_visit is not None and ld.precision in ("day", "approximate") and \
                lede_visit.search(self.text, ps, pe) and \
                (not any(m.name in self.officials for m in self.mentions_in(ps, pe)) or
                 _MORE_HEADS.search(self.text, ps, pe)):
            return ld   # …等8日带领5个慰问小组: the heads named later went out that day too
        return None

    @functools.cached_property
    def _chronicle(self) -> bool:
        return titled_chronicle(self.article)

    def _item_heading_day(self, s: Sentence) -> Optional[DateMention]:
        """The day of a bulleted heading over the item the sentence is in (● 6月30日走访… ¶ 省长X来到…),
        when no paragraph between them writes a date."""
        pe = self.text.rfind("\n", 0, s.start)
        for _ in range(3):
            if pe < 0:
                return None
            ps = self.text.rfind("\n", 0, pe) + 1
            dated = self._dates_in(ps, pe)
            line = self.text[ps:pe].strip()
            if dated and dated[0].precision == "day" and (line[:1] in _ITEM_MARKS and len(line) <= 40 or
                                                           line == dated[0].text):
                return dated[0]   # (or a day alone on its line over the item: 1日 ¶ 某局长一行到…)
            if dated:
                return None
            pe = ps - 1
        return None

    def _chronicle_item(self, s: Sentence) -> bool:
        """A chronicle's item under a bullet (1日 …。△ …): of the day written last before it."""
        if not self._chronicle:
            return False
        ps = self.text.rfind("\n", 0, s.start) + 1
        return self.text[ps:ps + 1] in _ITEM_MARKS

    @functools.cached_property
    def standing_span(self) -> Optional[DateMention]:
        """The lead date when it is a span alone on its line (要闻周报 / (5月20日—5月24日)): the days
        every item below is within."""
        d = self.lead_date
        if d is None or d.end_date is None:
            return None
        ps = self.text.rfind("\n", 0, d.start) + 1
        pe = self.text.find("\n", d.end)
        line = self.text[ps:len(self.text) if pe < 0 else pe]
        return d if re.fullmatch(r"[\s(（【\[]*" + re.escape(d.text) + r"[\s)）】\]]*", line) else None

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


_ITEM_MARKS = frozenset(BULLET_MARKS + "△▽")


def _dateline_date(article: Article) -> Optional[date]:
    """The day a dated dateline gives (本报12月2日讯, 新华社北京3月1日电), against the issue date."""
    m = _DATELINE_MD.search(article.dateline or "")
    if not m or article.published is None:
        return None
    found = find_dates(f"{m.group(1)}月{m.group(2)}日", article.published, None, article.published_precision)
    return found[0].date if found else None


def _in_title(t: str, pos: int) -> bool:
    """Inside 《…》 (a document's title)?"""
    return t.rfind("《", 0, pos) > t.rfind("》", 0, pos)


def _titles(ctx: Context, name: str) -> list[str]:
    p = ctx.persons.get(name)
    return [t.text for t in p.titles] if p else []


def _has_person_name(ctx: Context, a: int, b: int) -> bool:
    return any(a <= m.start < b for m in ctx.mentions)


def _event(typ: str, trigger: str, d: Optional[DateMention], s: Sentence, article: Article,
           name: Optional[str] = None, lead: Optional[str] = None) -> Event:
    ev = Event(type=typ, trigger=trigger,
               date=d.date if d else None,
               end_date=d.end_date if d else None,
               date_precision=(d.precision if d else "unknown"),
               planned=bool(d and d.planned),
               date_text=(d.text or None) if d else None,
               name=name, lead=lead)
    a = s.start
    b = s.end
    while a < b and article.text[a] in " \n":
        a += 1
    ev.evidence = article.evidence(a, b)
    return ev
