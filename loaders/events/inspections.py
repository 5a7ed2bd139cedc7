"""Inspections: one per official and article-day.

A sentence outside quotes where a named official (or 他/她, or a bare post such as 市长, resolved to the
article's holder) is the subject of an inspection verb (调研, 督导, 督查, 检查, 考察, 视察, 走访, 暗访,
看望慰问, 参与…服务 …), with no reporting verb (强调/要求/叮嘱 …) in between. A group subject (观摩团 …) takes
its lead from the 参加 list that follows. Those who come along (参加/陪同/一同 + verb) are accompanying,
never leads. Several trips in one article (2月18日，A到…。2月19日，B到…) each keep the sites written after
their own first sentence; an umbrella sentence (连日来，X检查…) gives way to the dated days that follow
(unless a day adds a trip of its own: X一行前天还到…). Days: the sentence's (context.py), else a span alone
on its line (a weekly digest's （5月20日—5月24日）), else, in an article that writes no date at all, the
issue day as an approximate span (the 近日 interval, no date text).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..lexicon import alternation, wordlist
from ..models import Event, Participant, Site
from .context import Context, _event, _in_quote, _titles
from .groups import group_lead, group_members, head_after, head_next
from .non_visits import _REFERENCE, from_command_post, not_a_visit
from .own_days import named_leads, own_day_leads, own_sites, own_way, separate_ways_end
from .patterns import inspection_words as _W
from .patterns import PLACE_WORD, SEPARATE, _ATTEND, _COMPANION, _ESCORT, _OFFICE, _rx, _site_place, reports
from .sites import _site_and_place_hits
from .subjects import _subject, on_behalf

Key = tuple[str, Optional[date]]



def _route_owner(ctx: Context, leads: list[str], a: int, b: int):
    """Leads announced together who go separate ways (A、B分别带队…。A先后来到…。B来到…): a function from
    a position to the lead whose route it lies on (None before the routes start), or None when the
    leads share one route."""
    if len(set(leads)) < 2:
        return None
    first = next((s for s in ctx.sents if s.start <= a < s.end or s.start >= a), None)
    if first is None or not SEPARATE.search(first.text):
        return None
    starts: list[tuple[int, str]] = []
    prev_para = first.para
    for s in ctx.sents:
        if s.start <= first.start or s.start >= b:
            continue
        opens, prev_para = s.para != prev_para, s.para
        named = {m.name for m in ctx.mentions_in(s.start, s.end) if m.name in leads}
        if opens and len(named) == 1:
            starts.append((s.start, named.pop()))   # 远赴某市，省长B一行…: a paragraph naming one lead is B's
            continue
        head = s.text.lstrip()
        off = len(s.text) - len(head)
        at = re.match(r"在[^，,。；;]{2,30}[，,]", head)   # 在A镇，B…: B's route
        off += at.end() if at else 0
        for m in ctx.mentions_in(s.start + off, s.start + off + 1):
            if m.name in leads:
                starts.append((s.start, m.name))
    if not starts:     # with 分别 the leads never share a route, even when only one route is written
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
                       not _new_trip(ctx, starts[-1][0], pos) and not _other_lead_para(ctx, starts[-1], key, pos)
                       and not any(x.start < pos < x.end for x in ctx.sents)):
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


def _clause_start(s, t: int) -> int:
    """Where the visit at ``t`` is announced: its sentence, or the ；-clause it opens (以A为团长的一团视察了X；
    以B为团长的一团视察了Y: each clause a trip of its own, its sites read from it alone)."""
    k = max(s.text.rfind("；", 0, t - s.start), s.text.rfind(";", 0, t - s.start))
    return s.start if k < 0 else s.start + k + 1


def _other_lead_para(ctx: Context, prev: tuple, key, pos: int) -> bool:
    """A paragraph of its own whose lead is another official, the earlier leads unnamed in it (A带领一个
    视察组到…。\nB带领一个视察组，视察了…): a trip of its own, though no new date is written."""
    a, keys = prev
    s_a = next((s for s in ctx.sents if s.start == a), None)
    s_b = next((s for s in ctx.sents if s.start == pos), None)
    if s_a is None or s_b is None or s_a.para == s_b.para or key[0] in {k[0] for k in keys}:
        return False
    return not any(m.name in {k[0] for k in keys} for m in ctx.mentions_in(s_b.start, s_b.end))


def _new_trip(ctx: Context, a: int, b: int) -> bool:
    """Does the text between two inspections' sentences start a new trip (a new date written)?"""
    return any(a < d.start <= b and d.date is not None for d in ctx.dates)


_ALONG = re.compile(_W("along"))
_MODAL = re.compile("(?<![" + "".join(_W("modal_not_after").split("|")) + "])(?:" + _W("modal") + ")")
_GROUP_END = re.compile(rf"(?:{_W('group_end')})(?<!分组)[^，。]{{0,6}}$")   # not 分组督查 (a manner of checking)
_GROUP_NOUNS = re.compile(_W("group_nouns"))
# 在X检查时，Y…: the one named after the clause is the subject
_WHILE = re.compile(r"时[，,]")
# 会议强调/会议指出 …: what a meeting said, not a visit reported
_MEETING_SAID = re.compile(rf"^\s*(?:{_W('meeting_says')})[，,]?(?:{_W('said')})")
def _undated_paper(ctx: Context) -> bool:
    """No issue date and no day the text gives (近日, 今天上午 in a page of unknown date): a visit is
    kept undated rather than lost. A lead date without a year to resolve it (8月中旬 there) gives no day."""
    return ctx.published is None and (ctx.lead_date is None or ctx.lead_date.date is None)


def _note_along(ctx: Context, s, found: dict, along: set[str]) -> None:
    """Officials a 参加/陪同 sentence names, who lead nothing yet: they come along on that day's trip."""
    if _ALONG.search(s.text) and not _in_quote(s, s.start):
        leads = {k[0] for k in found}
        along.update(x.name for x in ctx.mentions_in(s.start, s.end) if x.name in ctx.officials and x.name not in leads)


def _named_after(ctx: Context, a: int, b: int) -> list[str]:
    """在X检查时，Y…: the official named first in the clause after the comma."""
    m = next(iter(ctx.mentions_in(a, b)), None)
    if m and m.name in ctx.officials and re.fullmatch(r"[\u4e00-\u9fff]{0,12}", ctx.text[a:m.start]):
        return [m.name]
    return []


def _merged_days(found: dict, order: list) -> None:
    """A lead's days inside one of its dated trips (8月27日至28日 … 28日上午，X主持…) are that trip."""
    for key in list(order):
        ev = found[key]
        if ev.date_precision != "day" or key[1] is None:
            continue
        for k2 in order:
            e2 = found[k2]
            if k2 != key and k2[0] == key[0] and e2.end_date and e2.date and e2.date < key[1] <= e2.end_date \
                    and e2.date_precision == "day":   # a range written to the day, not a period (近期 in 2018-07)
                order.remove(key)
                del found[key]
                break


def _run_start(text: str, lo: int, t: int) -> int:
    """Where the run of inspection verbs ending at ``t`` starts (陪同考察调研: 考察 for 调研)."""
    while True:
        m = _VERB_BEFORE.search(text, max(lo, t - 4), t)
        if not m:
            return t
        t = m.start()


def _comes_along(ctx: Context, lo: int, t: int) -> bool:
    """The verb at ``t`` is done by those who come along: 参加调研, 陪同老领导们考察 (not 陪同省长X考察)."""
    a, b = max(lo, t - 14), _run_start(ctx.text, lo, t)
    if _COMPANION.search(ctx.text[a:b]):
        return True
    m = _ESCORT.search(ctx.text[a:b])
    return bool(m) and not ctx.mentions_in(a + m.start(1), b)


_VERB_BEFORE = re.compile(rf"(?:{_rx()['insp'].pattern})$")


# 日前，X检查… X一行前天还到…: a day that adds a trip of its own (还), not the umbrella's days
_ALSO = re.compile(rf"还(?:{alternation(wordlist('also_trip_verbs'))})")


# 来到某某党员家中: a household visited (走访) written with a verb of movement only
_HOME_VISIT = re.compile(rf"(?:{_rx()['move'].pattern})[^，,。；;“”]{{2,24}}?家中")


def _triggers(text: str) -> list:
    """The inspection verbs of a sentence, and its household visits (来到…家中), in order."""
    R = _rx()
    ms = list(R["insp"].finditer(text))
    ms += [h for h in _HOME_VISIT.finditer(text) if not any(m.start() < h.end() and h.start() < m.end() for m in ms)]
    return sorted(ms, key=lambda m: m.start())


def _leads(ctx: Context, claimed: set[int]) -> tuple[dict[Key, Event], list[Key], dict[Key, int]]:
    """Every (lead, day) with its first sentence: the inspections before sites are attached."""
    R = _rx()
    text = ctx.text
    found: dict[Key, Event] = {}
    first_sent: dict[Key, int] = {}
    order: list[Key] = []
    along: set[str] = set()   # officials already said to come along (B参加活动) on a lead's trip
    separate_end = separate_ways_end(text)   # 纷纷, 分头 …: found once, not once per sentence
    for i, s in enumerate(ctx.sents):
        if i and found:
            _note_along(ctx, ctx.sents[i - 1], found, along)
        if i in claimed and _OFFICE.search(s.text) or _MEETING_SAID.match(s.text):
            continue
        for m in _triggers(s.text):
            t = s.start + m.start()
            if _in_quote(s, t):
                continue
            pre = text[max(s.start, t - 2):t]
            # 致慰问电/信: a message sent, no visit; 以某思想为指导: a guide, no visit
            if pre.endswith(("的", "接受", "受", "迎接", "致", "为")) or _MODAL.search(text, max(s.start, t - 3), t):
                continue
            if not_a_visit(text, t, s.start + m.end(), s.start) or from_command_post(ctx, i, t) or \
                    _in_a_title(ctx, t):
                continue
            if _comes_along(ctx, s.start, t):
                # 副县长X参加调研 / 一同检查 / 陪同考察调研: those who come along, not the lead; but the one they
                # come along with may be the previous sentence's (甲一行来到某公司，了解…。乙陪同调研。)
                moved = _moved_before(ctx, i, found)
                if moved:
                    _add_leads(ctx, moved[0], [moved[1]], m.group(0), moved[2], found, order, first_sent, along)
                # (…由乙陪同考察了A、B参观考察: 乙 comes along, no lead of the sentence's later verb either)
                along.update(x.name for x in ctx.mentions_in(s.start, t)
                             if x.name in ctx.officials and all(k[0] != x.name for k in found))
                continue
            subj = _subject(ctx, s, t)
            if not subj and _WHILE.match(text, s.start + m.end()):
                subj = _named_after(ctx, s.start + m.end() + 2, s.end)
            group = False
            # (甲强调，…要组建督导组，深入各乡调研: a group the speech calls for, no visit of the day)
            if not subj and not _spoken_by(ctx, s.start, t) and (
                    _GROUP_END.search(text[s.start:t]) or _GROUP_NOUNS.search(s.text) or
                    head_after(ctx, t, s.end) or head_next(ctx, i)):
                subj = group_lead(ctx, i)
                group = bool(subj)
            if not subj:
                continue
            _add_leads(ctx, s, subj, m.group(0), t, found, order, first_sent, along, group=i if group else None)
            # named before the verb and not taken as leads (A、B带队: B): they come along that day
            along.update(x.name for x in ctx.mentions_in(s.start, t)
                         if x.name in ctx.officials and x.name not in subj and all(k[0] != x.name for k in found))
        if found and not _triggers(s.text):
            own_way(ctx, s, found, along, lambda s, subj, trig, t: _add_leads(
                ctx, s, subj, trig, t, found, order, first_sent, along), separate_end)
    own_day_leads(ctx, found, order, along, lambda s, subj, trig, t: _add_leads(
        ctx, s, subj, trig, t, found, order, first_sent, set()))
    # 连日来/近日，X检查… followed by the days themselves (8月2日，X来到…): the days are the inspections
    for key in list(order):
        if found[key].date_precision in ("approximate", "month", "year") and any(
                k2[0] == key[0] and found[k2].date_precision == "day" and
                not _ALSO.search(found[k2].evidence.sentence if found[k2].evidence else "") for k2 in order):
            order.remove(key)
            del found[key]
    _merged_days(found, order)
    return found, order, first_sent


def _add_leads(ctx: Context, s, subj: list[str], trigger: str, t: int, found: dict, order: list,
               first_sent: dict, along: set[str], group: Optional[int] = None) -> None:
    """An inspection for each lead of sentence ``s`` (the verb ``trigger`` at ``t``) on the sentence's day,
    unless the lead has one that day or comes along (``group``: the group sentence's index)."""
    d = ctx.date_for(s, tuple(subj), _rx()['insp']) or ctx.standing_span or ctx.issue_span_for(s)
    last = ctx.dates_between(s.start, t)
    if d is None and not _undated_paper(ctx) or d is not None and d.planned or last and (
            last[-1].planned or len(last) > 1 and last[-2].planned and last[-1].start - last[-2].end <= 2):
        return   # (贯彻12月13日会议精神，拟于12月30日由甲带队督查: the day nearest the verb is to come)
    undated_here = ctx.own_date(s) is None
    for lead in subj:
        key = (lead, d.date if d else None)
        if key in found or undated_here and group is None and any(k[0] == lead for k in found):
            continue   # 甲某在检查后指出…: a sentence without a date of its own adds to the lead's visit
        if lead in along and any(k[1] == key[1] for k in found):
            continue   # A调研，B参加。A、B先后到…: B still comes along
        ev = _event("inspection", trigger, d, s, ctx.article, lead=lead)
        ev.participants.append(Participant(lead, "lead", _titles(ctx, lead)))
        found[key] = ev
        order.append(key)
        first_sent[key] = _clause_start(s, t)
        if group is not None:
            group_members(ctx, group, ev, lead)


def _in_a_title(ctx: Context, t: int) -> bool:
    """The verb at ``t`` lies in a person's title (市供销社合作指导科一级主任科员甲某): a unit's name, no visit."""
    for x in ctx.mentions_in(t, t + 30):
        for k in _titles(ctx, x.name):   # the last title, or one before it (…四级调研员、一科科长甲某)
            p = ctx.text.rfind(k, max(0, x.start - 60), x.start)
            if p != -1 and p <= t < p + len(k) and \
                    re.fullmatch(r"[\u4e00-\u9fff、，,]*", ctx.text[p + len(k):x.start]):
                return True
    return False


_PARTY_END = re.compile(r"[^，。；,;：:]{0,60}?等?一行")


def _moved_before(ctx: Context, i: int, found: dict):
    """(sentence, lead, position) when the sentence before ``i``, in its paragraph, has a named official
    (一行) go somewhere (来到, 深入, 走进 …) and no inspection of theirs is known yet: the visit those
    of sentence ``i`` come along on (甲一行来到某公司，了解…。乙陪同调研。)."""
    if i == 0 or ctx.sents[i - 1].para != ctx.sents[i].para:
        return None
    s = ctx.sents[i - 1]
    ms = [x for x in ctx.mentions_in(s.start, s.end) if x.name in ctx.officials]
    if not ms or any(k[0] == ms[0].name for k in found):
        return None
    # 甲一行来到, 甲、乙、丙等一行赴: the party's move right after it
    party = _PARTY_END.match(ctx.text, ms[0].end, s.end)
    mv = _rx()["move"].match(ctx.text, party.end() if party else ms[0].end)
    if mv is None or _subject(ctx, s, mv.start()) != [ms[0].name]:
        return None
    return s, ms[0].name, mv.start()


def _accompanying(ctx: Context, ev: Event, leads: set[str], span: tuple[int, int], owner, lead: str,
                  claimed: set[int], first: int) -> None:
    """Officials the role grammar did not take as leads, named before the verb in the trip's first
    sentence (A、B带队: B; A率B、C), then 参加/陪同 sentences of the trip (not of a meeting before it), not
    on another lead's route."""
    trip_start, b = span
    s0 = next((s for s in ctx.sents if s.start <= first < s.end), None)
    t = s0.text.find(ev.trigger, first - s0.start) if s0 is not None else -1
    lo = first if s0 is not None else 0
    # (not one the visit refers to: 贯彻某某总书记…重要讲话精神)
    for x in ctx.mentions_in(lo, s0.start + t) if t > 0 else []:
        if x.name not in leads and x.name in ctx.officials and all(p.name != x.name for p in ev.participants) \
                and not on_behalf(ctx, lo, x) and not _REFERENCE.match(ctx.text, x.end):
            ev.participants.append(Participant(x.name, "accompanying", _titles(ctx, x.name)))
    for j, s in enumerate(ctx.sents):
        if s.start < trip_start or s.start >= b or j in claimed:
            continue
        if owner and owner(s.start) not in (None, lead):
            continue   # another lead's route
        if _ATTEND.search(s.text) and not _in_quote(s, s.start):
            for x in ctx.mentions_in(s.start, s.end):
                if x.name not in leads and x.name in ctx.officials and \
                        all(p.name != x.name for p in ev.participants):
                    ev.participants.append(Participant(x.name, "accompanying", _titles(ctx, x.name)))


def _spoken_by(ctx: Context, a: int, t: int) -> bool:
    """Someone named between ``a`` and ``t`` speaks right after their name (甲强调，…): what follows is said."""
    return any(reports(ctx.text[x.end:x.end + 3]) for x in ctx.mentions_in(a, t))


def _each_their_own(ctx: Context, co: list, key, first: int, mine: list) -> list:
    """甲、乙和丙分别赴A、B、C: as many sites as leads in the sentence that says 分别, so each lead (in the
    order named) has the site of the same rank there, and the sites of later sentences as before."""
    s = next((s for s in ctx.sents if s.start <= first < s.end), None)
    if len(co) < 2 or s is None or "分别" not in s.text:
        return mine
    here = [h for h in mine if s.start <= h.pos < s.end]
    if len(here) != len(co):
        return mine
    return [h for h in mine if not s.start <= h.pos < s.end or h is here[co.index(key)]]


def inspections(ctx: Context, claimed: set[int]) -> list[Event]:
    found, order, first_sent = _leads(ctx, claimed)
    if not found:
        return []
    events = []
    article = ctx.article
    leads = {k[0] for k in order}
    hits, place_at = _site_and_place_hits(ctx, leads)
    spans = _trip_spans(ctx, found, order, first_sent)
    named = named_leads(ctx, hits, order)
    for key in order:
        ev = found[key]
        a, b = spans[key]
        mine = own_sites(hits, key, (a, b), named, sum(1 for k in order if k[0] == key[0]) == 1)
        owner = _route_owner(ctx, [k[0] for k in order if spans[k] == spans[key]], first_sent[key], b)
        if owner:
            mine = [h for h in mine if owner(h.pos) in (None, key[0])]
        mine = _each_their_own(ctx, [k for k in order if spans[k] == spans[key]], key, first_sent[key], mine)
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
        trip_start = min(first_sent[k] for k in order if spans[k] == spans[key])
        _accompanying(ctx, ev, leads, (trip_start, b), owner, key[0], claimed, first_sent[key])
        for st in ev.sites:
            st.place = _site_place(st.name)
        events.append(ev)
    return events
