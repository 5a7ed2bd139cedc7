"""Who does what: the named officials who are the subject of a verb, the attendees named after it,
and the chair of a meeting.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..lexicon import alternation, wordmap
from ..lexicon.grammar import LEADERS_CLOSE
from ..mentions import PersonMention
from .context import Context, Sentence, _in_quote
from .patterns import SEVERAL_GROUPS, _ATTEND, _TOGETHER, _rx, inspection_words, reports

# 某厂某校长热情接待了考察团一行，考察中…; 某副校长热情接待，双方…参观考察: the host, not a visitor
_HOSTS = re.compile(rf"[^，。；,;]{{0,12}}?(?:{inspection_words('receive_verbs')})(?:了?[^。；]{{0,20}}?(?:{inspection_words('host_group_nouns')})|[，,])")


@functools.lru_cache(maxsize=None)
def _W(cls: str) -> str:
    """A word class of the role grammar (lexicon ``subject_words``) as a regex alternation."""
    return alternation(wordmap("subject_words")[cls].split())


def _joined_subject(ctx: Context, s: Sentence, prev_name: str, m: PersonMention) -> bool:
    """Only titles and separators lie between the previous subject's mention and ``m``."""
    prev = [x for x in ctx.mentions_in(s.start, m.start) if x.name == prev_name]
    if not prev:
        return False
    gap = ctx.text[prev[-1].end:m.start]
    return len(gap) <= 24 and re.fullmatch(r"[，、\u4e00-\u9fff]*", gap) is not None and \
        not _rx()["move"].search(gap) and not _rx()["insp"].search(gap) and not reports(gap)


# co-leads only where the text says so: A、B分别带队, A和B共同/一同/一起 …
_CO_LEAD = re.compile(_W("co_lead") + "|" + SEVERAL_GROUPS)
_GROUPS = re.compile(r"[^，。；]*?" + SEVERAL_GROUPS)
# X率/带领 A、B …: those after the verb come along
_TAKES_ALONG = re.compile(_W("takes_along") + r"|率(?![先队])|带(?![队头领])")
# 与/同/跟/向/对/给 X …: X is the verb's object or partner, not its subject (与副县长X座谈, 对X的批示)
_PREP_BEFORE = re.compile(rf"(?:{_W('prep_before')})[^，。；、“”]{{0,24}}$")
# words holding a preposition's character that are no preposition (州应对疫情指挥部指挥长X, 共同, 作为)
_NOT_PREP = re.compile(_W("not_prep"))
# 以A为组长、B为副组长的督查组: B comes along
_DEPUTY_HEAD = re.compile(r"(?:同志)?(?:为|任)副[组团队]长")
# a principal post: the one a visit is led by (市委书记, 县长, 人大常委会主任); a deputy or a
# department head named after a principal comes along
_PRINCIPAL = re.compile(rf"(?<!副)(?:{_W('principal_post')}|(?:{_W('principal_director')})[^、，]{{0,6}}主任)$")

# 听取…汇报, 听介绍: the subject hears a report, no reporting verb of its own
_HEARD = re.compile(rf"(?:{_W('hear')})[^，。；]{{0,16}}?(?:{_W('heard')})")
# 两省省委书记, 各县区长: a post of several, not one holder
_SEVERAL = re.compile(rf"(?:{_W('several')})[^，。；、]{{0,5}}$")
# the rest of a run of titles before a name (、副主席 in 党组副书记、副主席X)
_TITLE_RUN = re.compile(r"[、\u4e00-\u9fff]{0,16}")
# A、B等市领导带队: the verb of leading right after a list of names
_HEADS = re.compile(rf"(?:等[\u4e00-\u9fff]{{0,4}}?)?(?:{_W('heads')}|率(?![先])|为[\u4e00-\u9fff]{{0,10}}?[组团队]长)")   # 以A、B为第二分团团长
# A、B、C等市领导率领 / A，市长B，市政协主席C带队 / 在A，B的率领下: the rest of the run of names, then the verb of leading
_HEADS_RUN = re.compile(r"(?:、[\u4e00-\u9fff]{2,4}?|[，,][、\u4e00-\u9fff]{2,24}?){0,8}?(?:同志)?的?(?:" + _HEADS.pattern + ")")
# A带队，B、C……调研: the team named after the one who leads it
_LED_THEN = re.compile(rf"(?:{_W('heads')})[，,]")
_UNDER_COMPANY = re.compile(rf"在[^。；在]{{1,80}}?(?:{_W('companion_under')})下")


# 市领导A及B一行, 成员A、B一行到: two names under one title, heading the group together
_SHARED_TITLE = re.compile(r"[、及和]")
_GROUP_AFTER = re.compile(r"(?:同志)?(?:等人?)?一行")
# A、B等区领导 / 等市级领导: a list closed as one group of leaders
_LEADERS_AFTER = re.compile(r"(?:同志)?" + LEADERS_CLOSE)


def _companion_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """在…陪同下 / 在…的陪同下: the spans whose names come along."""
    return [(a + m.start(), a + m.end()) for m in re.finditer(_UNDER_COMPANY, text[a:b])]


def _joint_head(text: str, m: PersonMention, t: int, lead: PersonMention, last_end: int) -> bool:
    """A、B(等市领导)带队/率领…, A、B、C率领…: the names listed right before the verb of leading (the list
    ending at ``last_end``) are its heads together."""
    return _HEADS_RUN.match(text, last_end, t) is not None and \
        re.fullmatch(r"[、，,][、\u4e00-\u9fff]{0,24}", text[lead.end:m.start]) is not None and \
        re.fullmatch(r"(?:[、，,][、\u4e00-\u9fff]{0,30})?", text[m.end:last_end]) is not None


def _principal(ctx: Context, m: PersonMention) -> bool:
    titles = list(m.titles) or [t.text for t in getattr(ctx.persons.get(m.name), "titles", [])]
    return any(_PRINCIPAL.search(t) for t in titles)


def _deputy(ctx: Context, m: PersonMention) -> bool:
    titles = list(m.titles) or [t.text for t in getattr(ctx.persons.get(m.name), "titles", [])]
    return bool(titles) and all(re.search(r"副[\u4e00-\u9fff]{0,4}$", t) for t in titles)


def _names_blank(ctx: Context, a: int, b: int) -> str:
    """The text from ``a`` to ``b`` with the names in it blanked (向 in 甲向乙 is no preposition)."""
    out = ctx.text[a:b]
    for x in ctx.mentions_in(a, b):
        k = x.start - a
        out = out[:k] + "□" * (min(x.end, b) - x.start) + out[k + min(x.end, b) - x.start:]
    return out


def _comes_along(ctx: Context, s: Sentence, m: PersonMention, t: int, leads: list[PersonMention]) -> bool:
    """The role grammar: is ``m``, named before the verb at ``t``, a companion rather than a lead?"""
    text = ctx.text
    if any(a <= m.start < b for a, b in _companion_spans(text, s.start, t)):
        return True                                     # 在A、B陪同下
    clause = max(text.rfind(c, s.start, m.start) for c in "，,；") + 1 if m.start > s.start else s.start
    if _PREP_BEFORE.search(_NOT_PREP.sub("□□", _names_blank(ctx, max(clause, s.start), m.start))):
        return True                                     # 与副县长X座谈
    if _DEPUTY_HEAD.match(text, m.end):
        return True                                     # B为副组长
    if not leads:
        return False
    # A、B分别带队; A、B等带领5个慰问小组 (the verb may be the groups' own: 慰问|小组)
    explicit = _CO_LEAD.search(text[m.end:t]) is not None or _GROUPS.match(text, t - 6, t + 8) is not None
    listed = [x for x in ctx.mentions_in(m.start, t) if x.end <= t]
    last_end = max((x.end for x in listed), default=m.end)   # A、B、C率…: C ends the list of heads
    if _joint_head(text, m, t, leads[-1], last_end):
        return not explicit       # A、B带队: A leads, B comes along (A、B分别带队: both)
    gap = text[leads[-1].end:m.start]
    if _SHARED_TITLE.fullmatch(gap) and _GROUP_AFTER.match(text, m.end) and not explicit:
        return True                                     # 市领导A及B一行: one group, the first leads it
    if _TAKES_ALONG.search(gap) or ("一行" in gap or _LED_THEN.search(gap)) and not explicit:
        return True                                     # A率B、C / A一行和B / A带队，B、C…
    closed = _LEADERS_AFTER.match(text, m.end) or _LEADERS_AFTER.match(text, last_end) and \
        re.fullmatch(r"[、，,][、，,\u4e00-\u9fff]{0,40}", text[m.end:last_end]) is not None
    if ("一行" in text[m.end:t] or closed) and not explicit:
        return True   # A、B、C一行前往 / 书记A，区长B(，主任C)等区领导深入: a group closes the list, A's
    if not explicit and re.fullmatch(r"[、，,][\u4e00-\u9fff、]{0,30}", gap) and \
            not (_principal(ctx, leads[0]) and _principal(ctx, m)):
        return True                                     # 副书记A、助理B深入… (or ，): one subject list, A leads
    if not explicit and _deputy(ctx, m) and not _deputy(ctx, leads[0]):
        return True                                     # 部长A、副部长B: B comes along
    if not explicit and not _CO_LEAD.search(text[s.start:t]) and _principal(ctx, leads[0]) and \
            not _principal(ctx, m):
        return True                                     # 区长A，副区长B，局长C: B and C come along
    return False


# 代表省委书记X (not 人大代表X, 代表团团长X): someone acts on X's behalf
_ON_BEHALF = re.compile(r"(?<![大党])代表(?![团队])[\u4e00-\u9fff、]{2,12}$")


def on_behalf(ctx: Context, lo: int, m: PersonMention) -> bool:
    """The mention ``m`` (in a sentence from ``lo``) is one on whose behalf someone acts: not there."""
    return bool(_ON_BEHALF.search(ctx.text, max(lo, m.start - 14), m.start))


def _subject(ctx: Context, s: Sentence, t: int) -> list[str]:
    """Named officials who are the subject of the verb at ``t`` in sentence ``s``: the first named
    lead, and co-leads only where the text joins them (分别, 共同, 一同, two principals side by side)."""
    ms = [m for m in ctx.mentions_in(s.start, t) if m.name in ctx.officials and not _in_quote(s, m.start)]
    k = max(ctx.text.rfind("；", s.start, t), ctx.text.rfind(";", s.start, t))
    if k >= 0 and any(m.start > k for m in ms):
        ms = [m for m in ms if m.start > k]   # A视察了X；以B为团长的一团视察了Y: the clause names its own subject
    out: list[str] = []
    leads: list[PersonMention] = []
    passed = False
    for m in ms:
        between = ctx.text[m.end:t]
        if reports(_HEARD.sub("", between)):
            continue
        if _ATTEND.search(between[:4]) and between[:1] not in "和与及":   # (甲和随行的乙: 甲 leads)
            # 书记A，副书记、县长B一同深入…: B joins the subject A, both lead (not 陪同/参加)
            if not (out and _TOGETHER.match(between) and _joined_subject(ctx, s, out[-1], m)):
                continue
        if re.search(r"委托", ctx.text[m.end:m.end + 4]) or on_behalf(ctx, s.start, m) or _HOSTS.match(between):
            continue   # 受X委托; 代表省委书记X: on X's behalf, X is not there; X热情接待了考察团: the host
        if passed and not _CO_LEAD.search(ctx.text[m.end:t]) or _comes_along(ctx, s, m, t, leads):
            passed = passed or bool(leads)   # A，B(comes along)，C…一行: C, listed after B, comes along too
            continue
        if m.name not in out:
            out.append(m.name)
            leads.append(m)
    if out:
        # 甲带领乙 / 甲、乙 … : subjects are the names before the first verb-ish gap
        return out
    # pronoun or bare post right before
    head = ctx.text[s.start:t]
    pm = re.search(r"(他|她)[^，。]{0,12}$", head)
    if pm and not reports(head[pm.end(1):]):     # 他要求各部门做好检查工作: a directive, no visit
        who = ctx.resolve_pronoun(s.start + pm.start())
        if who:
            return [who]
    for post in wordmap("subject_words")["bare_post"].split():
        k = head.rfind(post)
        if k >= 0 and _SEVERAL.search(head, 0, k):
            continue   # 两省省委书记: several holders, none of them this article's
        at = s.start + k + len(post)
        if k >= 0 and any(x.start <= at <= x.end for x in ctx.mentions_in(s.start, t)):
            continue   # the post of a named person (就省委书记X…), who was weighed above
        if k >= 0 and (head[k - 1:k] in ("副", "总") or
                       any(_TITLE_RUN.fullmatch(ctx.text, at, x.start) for x in ctx.mentions_in(at, t))):
            continue   # 政协党组副书记、副主席X: a deputy (总书记: a national leader), or one title of a named person
        if k >= 0 and not reports(head[k:]):
            who = ctx.holder_of(post)
            if who and who in ctx.officials:
                return [who]
    return []


def _participants_after(ctx: Context, s_index: int, exclude: set[str], window: int = 6) -> list[str]:
    """Names in 参加/出席/陪同 sentences from sentence ``s_index`` on (within the article)."""
    out = []
    for s in ctx.sents[s_index:s_index + window]:
        if not _ATTEND.search(s.text) or _in_quote(s, s.start):
            continue
        for m in ctx.mentions_in(s.start, s.end):
            if m.name not in exclude and m.name not in out and (m.name in ctx.officials or m.titles):
                out.append(m.name)
    return out


def _chair(ctx: Context, i: int) -> Optional[str]:
    """主持 in the meeting's sentence, the rest of its paragraph, or the next two sentences."""
    para = ctx.sents[i].para
    window = [s for s in ctx.sents[i:] if s.para == para]
    window += [s for s in ctx.sents[i + len(window):i + len(window) + 2]]
    for s in window:
        for m in re.finditer(r"主持(?!(?:召开|举行)?的)", s.text):   # X主持召开的Y会: another meeting
            pos = s.start + m.start()
            ms = [x for x in ctx.mentions_in(s.start, pos) if ctx.text.find("委托", x.end, x.end + 3) < 0]
            if ms:
                return ms[-1].name
    return None
