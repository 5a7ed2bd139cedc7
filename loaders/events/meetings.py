"""Meetings: dispatch sessions at an office, then the named meeting patterns; one meeting mentioned
twice is merged.

Meeting: X召开 / 召开X / 召开的X上 / 主持召开X with X ending in a meeting noun (会议, 座谈会, 调度会, 全会,
常委会 …), skipping mentions of another meeting's spirit (…会议精神) and repeated meetings (多次召开).
The chair comes from 主持; attendees from 参加/出席/列席. A session at an office to dispatch work
(来到…办公室/指挥部 …调度/听取汇报/研究部署) is a meeting chaired by its subject, never an inspection.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..lexicon import alternation, wordmap
from ..lexicon.grammar import BULLET_MARKS
from ..models import Event, Participant
from .non_visits import studied_reference
from .context import Context, _event, _has_person_name, _in_quote, _in_title, _titles
from .patterns import _DISPATCH, _NOT_MEETINGS, _OFFICE, _ORG_HUI, _norm, _rx, inspection_words
from .subjects import _chair, _participants_after, _subject


@functools.lru_cache(maxsize=None)
def _W(cls: str) -> str:
    """A word class of the meeting grammar (lexicon ``meeting_words``) as a regex alternation."""
    return alternation(wordmap("meeting_words")[cls].split())


_YEAR_NUMBER = re.compile(r"\d{4}年(?:第|度)")


def _clean_meeting_name(name: str) -> str:
    head = re.match(r"^[\d\s年月日号至到—\-上下午晚]+[，,.．、]?", name)
    # 8月27日，  2.  下午 (a date or a day part; 月度工作点评会 keeps its 月)
    if head and not _YEAR_NUMBER.match(name) and (re.search(r"\d", head.group(0)) or
                                                   re.match(r"[上下]午|晚上?", head.group(0))):
        name = name[head.end():]
    name = re.sub(rf"^(?:{_W('name_lead')})+", "", name.lstrip(BULLET_MARKS + " \u3000△▽"))
    return name.strip()


def _same_time(a: Event, b: Event) -> bool:
    """The same day, or a 近日/日前 interval of one that holds the other's day."""
    if a.date == b.date:
        return True
    for x, y in ((a, b), (b, a)):
        if x.date_precision == "approximate" and x.date and y.date and x.date <= y.date <= (x.end_date or x.date):
            return True
    return False


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
            named = o.name and e.name and (_norm(o.name) in _norm(e.name) or _norm(e.name) in _norm(o.name))
            if o.type == "meeting" and (named and _same_time(o, e) or o.date == e.date and o.name and e.name and
                                        o.lead and o.lead == e.lead and para_of.get(id(o)) == para_of.get(id(e))):
                dup = o
                break
        if dup is None:
            out.append(e)
        else:
            if len(_norm(e.name)) > len(_norm(dup.name)) and _norm(dup.name) in _norm(e.name):
                dup.name = e.name   # the fuller name (…电视电话会 in a headline, …电视电话会议 in the text)
            if dup.date_precision == "approximate" and e.date_precision != "approximate":
                dup.date, dup.end_date, dup.date_precision, dup.date_text = \
                    e.date, e.end_date, e.date_precision, e.date_text   # 近日 in the lede, the day in the text
            if not dup.lead and e.lead:
                dup.lead = e.lead
                dup.participants = e.participants + [p for p in dup.participants if p.name != e.lead]
    return out


def dispatch_sessions(ctx: Context, claimed: set[int]) -> list[Event]:
    """来到…办公室/指挥部 … 调度/听取汇报/研究部署: a meeting chaired by the sentence's subject."""
    events = []
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
            topic = re.search(r"调度(?:" + _W("scope") + r"|全[市县区州省旗]|我[市县区州])?([\u4e00-\u9fff]{2,14}?工作)", s.text)
        name = (topic.group(1) if topic else "工作") + "调度"
        ev = _event("meeting", "调度", d, s, ctx.article, name=name, lead=subj[0])
        ev.participants.append(Participant(subj[0], "chair", _titles(ctx, subj[0])))
        for a in _participants_after(ctx, i, set(subj)):
            ev.participants.append(Participant(a, "attendee", _titles(ctx, a)))
        events.append(ev)
        claimed.add(i)
        ctx.para_of[id(ev)] = s.para
    return events


# a meeting's name: any run of text without clause marks, quoted words included (召开“中秋”“国庆”期间…安排会)
# a name holds no 召开/举行 (甲会议于1月14日召开 乙会议于1月16日召开: two meetings, not one run together)
_NAME = r"(?:(?!召开|举行)[^，。；：、“”,;:\n（()）]|“[^“”，。；\n]{1,20}”|[（(][^（）()，。；\n]{1,12}[）)])"
# the day (and time) written between a meeting's name and its verb (X会议1月4日全天召开)
_WHEN = r"(?:于?(?:[\d年月日号上下午晚]|全天){2,12})?"


@functools.lru_cache(maxsize=1)
def meeting_patterns() -> tuple[tuple[str, "re.Pattern"], ...]:
    """The named meeting shapes, tried in this order on every sentence."""
    nouns = "|".join(map(re.escape, _rx()["nouns"]))
    return (
        # X会议在…召开 / X座谈会举行 / X会议相继召开
        # (选举会议) after the name: what the session is, not part of its name
        ("held", re.compile(r"(?P<name>" + _NAME + r"{2,40}(?:" + nouns + r"))(?:[（(][^（）()，。]{1,10}[）)])?" + _WHEN
                            + r"(?:在[^，。；]{1,12})?(?:"
                            + _W("held_adverb") + r")?(?:" + _W("held") + r")")),
        # (县委)(主持)召开(了)X会议
        # (召开A、B安排部署会: the groups that attend, listed before the name, are skipped)
        # 主持县政府常务会议 / 主持专题会议研究…: the chair's verb alone names it too
        ("convened", re.compile(r"(?P<body>[^，。；：、“”,;:\n]{0,20}?)(?:主持(?:召开|举行)?|召开|举行)了?"
                                r"(?:[^，。；：、“”,;:\n]{2,20}、){0,3}?(?P<name>" + _NAME + r"{2,40}(?:"
                                + nouns + r"))(?![\u4e00-\u9fff]*精神)(?![见谈晤])")),   # not 举行会谈
        # 在…召开的X会议上
        ("at_the_meeting", re.compile(r"召开的(?P<name>" + _NAME + r"{2,40}?(?:" + nouns + r"))上")),
        # 在现场办公会上, …: the meeting the sentence is at
        # 在与A、B的座谈会上: the partners named before the meeting's kind
        ("at", re.compile(r"在(?:与(?:[^，。；：“”,;:\n（(]|[（(][^）)\n]{0,20}[）)]){2,60}?的)?(?P<name>" + _NAME + r"{2,30}?(?:" + nouns + r"))上(?:(?:" + _W("says_at") + r"){1,2}[，,：:])?[，,]?"
                          r"(?<=[，,：:])")),
        # 座谈会上，…: a sentence that opens at a meeting of a kind named bare
        ("at", re.compile(r"^(?P<name>" + _W("bare_kinds") + r")上[，,]")),
        # X出席/参加(了)座谈会: a meeting named by those who attend it
        ("attended", re.compile(r"(?:" + _W("attend") + r")了?(?P<name>" + _NAME + r"{2,40}(?:" + nouns
                                + r"))(?![\u4e00-\u9fff]*精神)(?![的议见谈晤])")),   # 出席X会议的委员; 参加会见
        # 在全市防汛视频调度会议后，… / 继全省电视电话会议后，…: the meeting the day's own work follows
        ("after", re.compile(r"^(?:(?:[^，。；]{0,16}?[，,\s]|[\d年月日号上下午晚]{2,12})?(?:" + _W("after_opener") + r")"
                             r"|[\d年月日号]{4,12}(?!" + _W("attend") + r"))(?P<name>" + _NAME + r"{2,40}(?:"
                             + nouns + r"))后[，,]")),
        # 与考察团一行进行座谈, 两州举行座谈: a talk, the verb for a 座谈会
        ("talk", re.compile(r"(?:" + _W("talk_verb") + r")了?(?P<name>" + _W("talk") + r")(?![\u4e00-\u9fff])")),
    )


# 采取听汇报、召开座谈会、查阅资料等方式: a way of working, no meeting of the day
_A_WAY = re.compile(rf"[^。；]{{0,24}}?等(?:{_W('ways')})")
# 关于召开X会议的决定: a meeting decided on, to come
_DECIDED = re.compile(rf"(?:{_W('decided')})[^，。；]{{0,12}}(?:召开|举行)$")
_CONVENED_HERE = re.compile(r"(?:召开|举行)了?[^，。；]{0,6}$")
_OF_NOUN_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{0,12}?会议?)?的[\u4e00-\u9fff]")
# 要及时召开X会: a meeting asked for, to come (not 主要领导召开: the modal closes a word, as for visits)
_DEMANDED = re.compile(rf"(?<![{''.join(inspection_words('modal_not_after').split('|'))}])(?:{_W('demanded')})"
                       rf"(?:{_W('demanded_adverb')})?(?:召开|举行)$")
# 即将召开的X会: a meeting to come, named in passing (将于3月10日召开X: a planned meeting, kept)
_UPCOMING = re.compile(rf"(?:{_W('upcoming')})[^，。；]{{0,12}}(?:召开|举行)的$")
# 分别在两地召开了座谈会: a meeting in each place, none of them one meeting
_SEVERAL_PLACES = re.compile(r"分别(?:在[^，。；]{1,10})?(?:召开|举行)了?$")


_FOR_ATTENDING = re.compile(rf"为[^，。；为]{{0,8}}(?:{_W('attend')})了?$")


def _spoken_of(s, m, name: str) -> bool:
    """A meeting only spoken of: its spirit, repeated meetings, a title, one to come."""
    if re.search(_W("spoken_after"), s.text[m.end():m.end() + 4]) or \
            re.search(rf"精神(?![\u4e00-\u9fff]{{0,4}}?(?:{_W('spirit_kinds')}))", name.rsplit("的", 1)[-1]):
        # (传达…精神的市委常委会: the spirit is the topic of the meeting named after 的)
        return True
    if re.search(_W("repeated"), s.text[max(0, m.start() - 6):m.end()]):
        return True
    if _in_title(s.text, m.start("name")) or studied_reference(s.text, 0, m.start("name"), m.end("name")):
        return True   # a title; 贯彻某某在…主持召开X会议上的重要讲话: a meeting inside words studied
    at = m.start("name") + (s.text[m.start("name"):m.start("name") + 1] == "的")   # 召开的|市两会
    if _OF_NOUN_AFTER.match(s.text, m.end("name")) and not _CONVENED_HERE.search(s.text, 0, m.start("name")):
        return True   # 出席X会议的代表考察团: the meeting names those who came to it
    if _DECIDED.search(s.text, 0, m.start("name")) or _UPCOMING.search(s.text, 0, at) or \
            _DEMANDED.search(s.text, 0, m.start("name")):
        return True   # 关于召开X会议的决定, 决定召开X: a meeting decided on, to come
    if _A_WAY.match(s.text, m.end()) or _SEVERAL_PLACES.search(s.text, max(0, m.start("name") - 16), m.start("name")):
        return True   # 采取听汇报、召开座谈会等方式: a way of working; 分别在两地召开了座谈会: several
    if s.text.endswith(("召开的", "举行的"), 0, at) and s.text.startswith("的", m.end("name")):
        return True   # 参加…主持召开的X座谈会的企业家: a meeting inside a noun phrase, spoken of
    if _FOR_ATTENDING.search(s.text, max(0, m.start() - 10), m.start("name")):
        return True   # 为代表出席省人大会议审议…做准备: a meeting attended later, a purpose
    # 为党的二十大胜利召开营造…: a meeting to come, spoken of
    return bool(re.search(rf"(?:{_W('to_come')})[^，。；]{{0,16}}(?:{_W('to_come_adverb')})(?:召开|举行)", s.text[:m.end()]))


# kinds of meeting that name one when written bare (召开座谈会 at the end of a visit); not 会议/大会/会
_BARE_KINDS = frozenset(wordmap("meeting_words")["bare_kinds"].split())
# the shapes where a bare kind names a meeting: 召开座谈会, 出席座谈会, 在现场办公会上
_BARE_OK = ("convened", "attended", "at")


def _meeting_name(ctx: Context, s, m, kind: str) -> Optional[str]:
    """The meeting's name from a pattern match, with its body where the text gives one; None to skip."""
    R = _rx()
    nouns = "|".join(map(re.escape, R["nouns"]))
    name = _clean_meeting_name(m.group("name"))
    if re.match(rf"^(?:{_W('unspecific')})", name) or re.search(_W("branch_venue"), name):
        return None     # 出席某市分会场会议: the branch venue of the meeting named before
    if re.fullmatch(rf"(?:{_W('related')})(?:{nouns})", name):
        return None   # 有关会议, 首次会议: a meeting spoken of; 相关部门协调会 is one
    if name.endswith(_NOT_MEETINGS) or kind == "attended" and _ORG_HUI.search(name):
        return None   # 营造…的社会, 专场招聘会: not a meeting; 参加某工作委员会专题协商活动: a body
    if kind == "held":
        if s.text[m.end():m.end() + 1] == "的":
            return None   # X会议召开的时间、地点: the meeting's arrangements, spoken of before it is held
        follow = re.match(_WHEN + r"(?:在[^，。；]{1,12})?(?:召开|举行)(?P<n2>(?!\s|" + _W("name_lead") + r")[^，。；：、“”,;:\n]{0,30}(?:" + nouns + r"))",
                          s.text[m.end("name"):])
        if follow:
            name = name + follow.group("n2")
        elif _ORG_HUI.search(name):
            return None   # 县慈善总会举行捐赠仪式: the body that holds something, not a meeting
    if kind == "at":
        name = re.sub(r"^.*(?:召开|举行)的", "", name)   # 在…召开的X会上: the name after it
    if kind == "attended":
        name = re.sub(rf"^.*(?:{_W('attend')})", "", name)   # 参加视察并出席座谈会: the last one attended
    if kind == "attended" and "的" in name:
        return None   # 参加X团的会议: whose meeting, not its name
    if kind == "convened":
        body = _clean_meeting_name(m.group("body") or "")
        body = re.sub(rf"^.*?(?:{_W('convener_cut')})", "", body)
        if body and not _has_person_name(ctx, s.start + m.start("body"), s.start + m.end("body")) \
                and re.search(rf"(?:{_W('body_end')})$", body):
            name = body + name
        # 县长X主持召开 …: the body is the chair, not part of the name
    if len(name) < 2 or name in R["nouns"] and kind not in _BARE_OK:
        return None
    if name in ("会议", "会") or re.fullmatch(r"(?:" + nouns + r")", name):
        # 召开会议 with the body before it: 市委常委会召开会议, 市委常委会将于3月10日召开全体会议
        body = s.text[:m.start("name")]
        body = re.sub(r"(?:主持(?:召开|举行)?|召开|举行)了?$", "", body).split("，")[-1].split(",")[-1]
        body = re.sub(rf"(?:{_W('planned_prep')})?[\d\s年月日号上下午晚]*$", "", body)
        body = _clean_meeting_name(body)
        if kind == "convened" and body and re.search(rf"(?:{_W('bare_body_end')})$", body) and \
                not _has_person_name(ctx, s.start, s.start + len(body)):
            name = body + name
        elif not (kind in _BARE_OK and name in _BARE_KINDS):
            return None   # 召开会议 alone says nothing; 召开座谈会 / X主持召开调度会 is a meeting of its kind
    return name


@functools.lru_cache(maxsize=1)
def _listed_rx() -> "re.Pattern":
    return re.compile(r"、(?P<n2>[^，。；：、“”,;:\n]{2,30}?(?:" + _rx()["meeting_name"].pattern + r"))(?![\u4e00-\u9fff])")


def _joined_meetings(name: str) -> list[str]:
    """县政府党组会议和第16次常务会议: two meetings held one after the other, when every part joined by
    和/及 is a meeting's name of its own; else the name whole."""
    nouns = _rx()["meeting_name"].pattern
    # a name in quotes is the quoted name (调研组参加“某某汇报会”和某村情况汇报会)
    parts = [(re.search(r"“([^“”]{4,40})”$", p) or [p, p])[1] for p in re.split(_W("joins"), name)]
    if len(parts) > 1 and all(len(p) >= 4 and re.search(nouns + "$", p) for p in parts):
        return parts
    return [name]


def named_meetings(ctx: Context, claimed: set[int]) -> list[Event]:
    """Meetings by the named patterns, in sentences no dispatch session claimed."""
    events = []
    for i, s in enumerate(ctx.sents):
        if i in claimed:
            continue
        for kind, rx in meeting_patterns():
            for m in rx.finditer(s.text):
                if _in_quote(s, s.start + m.start()) or _spoken_of(s, m, m.group("name")):
                    continue
                name = _meeting_name(ctx, s, m, kind)
                if name is None:
                    continue
                names_here = tuple(x.name for x in ctx.mentions_in(s.start, s.end))
                # a text that writes no date it can read: by the issue's day, as its visits are
                d = _held_on(ctx, s, m) if kind == "held" else None
                d = d or ctx.date_for(s, names_here) or ctx.only_day or ctx.issue_span_for(s)
                if d is None:
                    continue
                # 在X会议后，甲主持召开…: the sentence's chair and attendees are the later meeting's
                follows = kind == "after"
                chair = None if follows else _chair(ctx, i)
                attendees = [] if follows else _participants_after(ctx, i, {chair} if chair else set(), window=4)
                parts = _joined_meetings(name)
                if kind in ("convened", "attended"):
                    more = _listed_rx().match(s.text, m.end("name"))   # 县政府党组会议、第10次常务会议
                    parts += [more.group("n2")] if more else []
                for k, part in enumerate(parts):
                    ev = _event("meeting", "召开", d, s, ctx.article, name=part, lead=chair)
                    if chair:
                        ev.participants.append(Participant(chair, "chair", _titles(ctx, chair)))
                    for a in attendees:
                        ev.participants.append(Participant(a, "attendee", _titles(ctx, a)))
                    events.append(ev)
                    # the second of 党组会议和常务会议 is a meeting of its own, never merged into the first
                    ctx.para_of[id(ev)] = s.para if k == 0 and not follows else (s.para, k, kind)
                claimed.add(i)
    out = []
    for ev in events:
        host = _session_of_other(ev, events)
        if host is None:
            out.append(ev)
        elif not host.lead and ev.lead:   # the sitting's chair chaired the session it is part of
            host.lead, host.participants = ev.lead, ev.participants + host.participants
    return out


def _held_on(ctx: Context, s, m):
    """The day written between a meeting's name and 召开 (…第五次会议于1月16日在某地召开), when one is."""
    lo, hi = s.start + m.end("name"), s.start + m.end()
    return next((d for d in ctx.dates_between(lo, hi) if d.date is not None), None)


_ORDINAL_ONLY = re.compile(r"第[一二三四五六七八九十\d]{1,4}次(?P<kind>[\u4e00-\u9fff]{2,6})")


def _session_of_other(ev: Event, events: list[Event]) -> Optional[Event]:
    """主持第一次全体会议 after 第十一次全体会议在某地召开: a sitting named by its ordinal alone, the same day
    as a meeting named in full that ends in the same kind, is a session of that meeting; so is a congress's
    sitting (预备会议, 第一次全体会议) the day the congress's session (…代表大会第三次会议) is held."""
    m = _ORDINAL_ONLY.fullmatch(ev.name or "")
    sitting = _SITTING.fullmatch(ev.name or "")
    return next((o for o in events if o is not ev and o.date == ev.date and (
        m and len(o.name or "") > len(ev.name) and o.name.endswith(m.group("kind")) or
        sitting and _CONGRESS.search(o.name or "") and not _SITTING.fullmatch(o.name or ""))), None)


# a congress's sitting named by its kind alone (预备会议, 第一次全体会议, 主席团第二次会议)
_SITTING = re.compile(rf"(?:第[一二三四五六七八九十\d]{{1,3}}次)?(?:{_W('sittings')})(?:第[一二三四五六七八九十\d]{{1,3}}次会议)?")
_CONGRESS = re.compile(rf"(?:{_W('congresses')})[^，。；]*会议$")
