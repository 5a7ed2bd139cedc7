"""Plain dataclasses passed between the pipeline stages (the contract: add fields with defaults, never rename).

read → issue date → layout (clean/reflow inside) → mentions (titles inside) → persons → organizations
→ places → events (dates inside) → [kb] graph. The ``Literal`` aliases name the values a field takes.

Offsets are always character offsets (Python ``str`` indices) into the *decoded*
source file, so ``source_text[start:end]`` gives the evidence back. Cleaned text
carries a ``char_map``: ``char_map[i]`` is the source offset of cleaned character
``i``; use :func:`source_span` to turn a span of cleaned text into a source span.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Literal, Optional

BylineRole = Literal["reporter", "correspondent", "photographer", "author", "editor", "other"]
ArticleKind = Literal["news", "commentary", "column", "web"]
PersonRole = Literal["reporter", "correspondent", "author", "official", "other"]
OrganizationKind = Literal["party", "government", "company", "hospital", "school", "community", "police",
                           "media", "other"]
ParticipantRole = Literal["lead", "chair", "accompanying", "attendee", "speaker"]
EventType = Literal["inspection", "meeting", "appointment", "donation", "policy", "statistic", "other"]
DatePrecision = Literal["day", "month", "year", "approximate", "year_unknown", "unknown"]


@dataclass
class SourceText:
    """A decoded input file."""

    path: str          # path as given
    name: str          # file name (the ``source`` of every article)
    text: str          # decoded text exactly as in the file (CRLF kept): offsets index into this
    encoding: str      # detected encoding (utf-8, utf-8-sig, gb18030)


@dataclass
class Cleaned:
    """Reflowed text with a map back into the source."""

    text: str
    char_map: list[int]  # len(char_map) == len(text)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Source offsets of cleaned ``text[i:j]`` (j exclusive)."""
        return source_span(self.char_map, i, j)


def source_span(char_map: list[int], i: int, j: int) -> tuple[int, int]:
    """Map the cleaned span [i, j) to source offsets [start, end)."""
    if not char_map:
        return (0, 0)
    i = max(0, min(i, len(char_map) - 1))
    j = max(i + 1, min(j, len(char_map)))
    return (char_map[i], char_map[j - 1] + 1)


@dataclass
class Evidence:
    """Where a fact was read: the sentence and its offsets into the source file."""

    sentence: str
    start: int
    end: int


@dataclass
class Caption:
    text: str
    credit: Optional[str]  # photographer / 供图 source
    start: int
    end: int


@dataclass
class Table:
    rows: list[list[str]]
    start: int
    end: int


@dataclass
class Byline:
    """A named credit on the page: 株洲日报记者 张三, 通讯员/李四, 王五 供图, (编辑:赵六)."""

    name: str
    title: str                      # as written: 株洲日报记者 | 记者 | 通讯员 | 供图 | 摄 | 编辑 …
    role: BylineRole                # reporter | correspondent | photographer | author | editor
    start: int                      # source offsets of the name
    end: int


@dataclass
class Dateline:
    """A dateline, parsed once by the layout: 本报讯; 新华社北京3月7日电 (outlet 新华社, place 北京,
    month_day (3, 7)); with the run-in bylines of a bracket after it (本报讯（记者 X）)."""

    text: str                       # as written, spaces dropped
    outlet: str
    start: int
    end: int                        # end of the dateline (and of a run-in parenthesised byline)
    month_day: Optional[tuple[int, int]] = None
    bylines: list[Byline] = field(default_factory=list)
    place: Optional[str] = None     # the place of a 电 dateline (北京)


@dataclass
class Paragraph:
    text: str
    start: int
    end: int


@dataclass
class Article:
    """One article of a page, cleaned, with provenance."""

    source: str                     # file name
    start: int                      # offsets of the whole article in the source file
    end: int
    published: Optional[date]       # issue date
    published_inferred: bool        # True when not given (flag, manifest, name, masthead)
    published_basis: str            # how the date was known: "option", "manifest", "filename", "masthead", "inferred: ..."
    outlet: Optional[str]
    kicker: Optional[str]           # 引题
    title: Optional[str]
    subtitle: Optional[str]         # 副题
    reporters: list[str]            # 记者
    correspondents: list[str]       # 通讯员
    dateline: Optional[str]         # 株洲日报讯, 本报讯, 新华社北京3月1日电 …
    reprint_source: Optional[str]   # outlet a reprint comes from (新华社, 人民日报 …)
    text: str                       # cleaned body, paragraphs joined by "\n"
    char_map: list[int]             # cleaned body index -> source offset
    paragraphs: list[Paragraph] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    jumps: list[str] = field(default_factory=list)   # jump markers seen (下转A2版 …)
    kind: ArticleKind = "news"      # news | commentary | column | web
    authors: list[str] = field(default_factory=list)  # commentary signatures (pen names), editors of web pages
    bylines: list[Byline] = field(default_factory=list)  # every credit with its title as written
    published_precision: str = "day"  # day | month | year: how much of the issue date is known
    dateline_parts: Optional[Dateline] = None   # the dateline parsed (``dateline`` is its text)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Source offsets of ``text[i:j]``."""
        return source_span(self.char_map, i, j)

    def evidence(self, i: int, j: int) -> Evidence:
        s, e = self.span(i, j)
        return Evidence(self.text[i:j], s, e)

    def sentence_evidence(self, i: int, j: int) -> Evidence:
        """Evidence for a mention at ``text[i:j]``: the whole sentence around it."""
        a = max(self.text.rfind(c, 0, i) for c in _SENTENCE_ENDS) + 1
        ends = [k for k in (self.text.find(c, j) for c in _SENTENCE_ENDS) if k >= 0]
        b = min(ends) + 1 if ends else len(self.text)
        if self.text[b - 1:b] == "\n":
            b -= 1
        return self.evidence(a, max(b, j))


_SENTENCE_ENDS = "。！？；\n"


# ---------------------------------------------------------------- extraction

@dataclass
class Title:
    """A post as written (市委副书记) split into organisation and post."""

    text: str                       # as written: 市委副书记
    organization: Optional[str]     # normalised: 湘潭市委
    post: Optional[str]             # 副书记


@dataclass
class Person:
    name: str
    titles: list[Title] = field(default_factory=list)
    role: Optional[PersonRole] = None   # reporter | correspondent | author | official | other
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def organization(self) -> Optional[str]:
        return next((t.organization for t in self.titles if t.organization), None)

    @property
    def post(self) -> Optional[str]:
        return next((t.post for t in self.titles if t.post), None)


@dataclass
class Organization:
    name: str                       # normalised (湘潭市委)
    aliases: list[str] = field(default_factory=list)   # as written (市委, 中共湘潭市委)
    kind: Optional[OrganizationKind] = None   # party | government | company | hospital | school | community | police | media | other
    place: Optional[str] = None     # division it lies in, when known
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Place:
    name: str                       # full official name (湘潭市岳塘区)
    code: Optional[str] = None      # GB/T 2260 code where the gazetteer has one
    level: Optional[str] = None     # province | city | county | town | village
    parent: Optional[str] = None    # name of the parent division
    parent_code: Optional[str] = None
    aliases: list[str] = field(default_factory=list)   # as written (岳塘区, 韶山)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Participant:
    name: str
    role: ParticipantRole           # lead | chair | accompanying | attendee | speaker
    titles: list[str] = field(default_factory=list)


@dataclass
class Site:
    name: str                       # as written
    order: int                      # visit order, 1-based
    place: Optional[str] = None     # division the site lies in, when the text says
    evidence: Optional[Evidence] = None


@dataclass
class Event:
    type: EventType                 # inspection | meeting | appointment | donation | policy | statistic | other
    trigger: str                    # 督导, 调研, 主持召开 …
    date: Optional[date]
    end_date: Optional[date]
    date_precision: DatePrecision   # day | month | year | approximate | year_unknown | unknown
    planned: bool = False           # 将于… : announced, not yet happened
    date_text: Optional[str] = None  # the date as written (5月5日), kept when it cannot be resolved
    name: Optional[str] = None      # meeting name, policy title …
    lead: Optional[str] = None      # lead person (or chair for meetings)
    participants: list[Participant] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    places: list[str] = field(default_factory=list)         # area named for the trip (韶山, 宁乡县)
    organizations: list[str] = field(default_factory=list)
    summary: Optional[str] = None
    evidence: Optional[Evidence] = None


@dataclass
class ExtractedArticle:
    """An article and what was extracted from it."""

    article: Article
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def to_jsonable(obj):
    """dataclass → JSON-ready dict (dates as ISO strings; char_map dropped)."""
    if hasattr(obj, "__dataclass_fields__"):
        d = asdict(obj)
    else:
        d = obj
    return _clean(d)


def _clean(v):
    if isinstance(v, dict):
        return {k: _clean(x) for k, x in v.items() if k != "char_map"}
    if isinstance(v, list):
        return [_clean(x) for x in v]
    if isinstance(v, date):
        return v.isoformat()
    return v
