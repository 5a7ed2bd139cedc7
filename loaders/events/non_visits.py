"""Forms that hold an inspection verb and report no visit of the sentence's subject: a group's name (考察团),
a group received or hosted, a noun (调研课题), a check from afar (视频连线), a verb inside a meeting's name,
those received (来某县考察的客商), a trip intended (准备前往), a visit thanked for (对…考察表示欢迎), a visit
referred to (视察…重要讲话), 在…指导下, and a check made from a command room."""
from __future__ import annotations

import re

from ..lexicon import alternation, wordlist, wordmap
from .context import Context
from .patterns import inspection_words as _W
from .patterns import _FOR_THE, _THANKED, _rx



_RECEIVED = re.compile(rf"(?:{_W('receive_verbs')})了?[^。；]{{0,40}}$")
_NEXT_STEP = re.compile(rf"(?:{_W('next_step')})[^，。；,;]{{0,10}}$")
_AT_MEETING = re.compile(rf"(?:{_W('at_meeting')})$")
_INVITED = re.compile(rf"(?:{_W('invite')})[^，。；,;]{{0,14}}$")
_INVITED_BY = re.compile(r"应[^，。；,;]*$")
_INTENDED = re.compile(rf"(?:{_W('intent')})(?:{_W('intent_moves')})[^，。；,;]{{0,30}}$")

# 视察某省重要讲话, 调研时明确的事项: a visit referred to, not reported
_REFERENCE = re.compile(rf"[^，。；！？]{{0,10}}?(?:{alternation(wordlist('reference_after'))})")
# 贯彻某总理在某省考察并主持召开某会议上的重要讲话: a visit or meeting inside a leader's words studied
_STUDIED_BEFORE = re.compile(rf"(?:{alternation(wordlist('study_verbs'))})[^，。；！？,;]{{0,24}}$")
_SPEECH_AFTER = re.compile(rf"[^，。；！？,;]{{0,36}}?的(?:{alternation(wordlist('speech_nouns'))})")


def studied_reference(text: str, lo: int, start: int, end: int) -> bool:
    """The words at ``start:end`` stand inside the object of 学习/贯彻 that ends in a leader's 讲话 or
    指示 (``lo``: the clause may not reach back before it): spoken of, not reported."""
    return bool(_STUDIED_BEFORE.search(text, max(lo, start - 26), start) and _SPEECH_AFTER.match(text, end))


# 考察团, 调研组, 检查队: the verb is part of a group's name (the group's own verb comes later)
_GROUP_NOUN = re.compile(r"(?:分|小)?[组团队](?![织建结伍])")   # 视察分团, 检查小组
# 在…亲自指导、关怀下: under someone's guidance, not a visit
_UNDER = re.compile(r"(?:、[^，。；]{0,6})?下[，,]")


# X率(省政协)调研组: the group X leads is the trip itself
_LEADS_GROUP = re.compile(rf"(?:{_W('leads_group')})[^，。；、]{{0,8}}$")


# 调研课题, 调研报告: the verb is part of a noun
_NOUN_AFTER = re.compile(_W("noun_after"))
# 开展…主任集体视察的工作方案: the verb inside a document's name
_DOCUMENT = re.compile(r"[^，。；、,;]{0,12}?的(?:" + alternation(wordlist("document_nouns")) + ")")
# (二)由副市长X牵头，某中心负责，做好…督查工作: a task assigned at a meeting, no visit
_ASSIGNED = re.compile(r"由[^。；]{2,30}?牵头")
# 视频连线某县, 通过视频调度: a check from afar
_REMOTE = re.compile(_W("remote"))
# 看望了调研组一行, 会见考察团: a group received, not a visit
_HOSTS_GROUP = re.compile(rf"了?[^，。；,;]{{0,10}}?(?:组|团)(?:{_W('hosted_group_tail')})?(?=[，。；,;及和、])")
_HOST_VERBS = frozenset(wordmap("inspection_words")["host_verbs"].split())
_CONVENED_BEFORE = re.compile(r"(?:召开|举行)[\u4e00-\u9fff]*$")
_MEETING_AFTER = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:" + _rx()["meeting_name"].pattern + r")(?![\u4e00-\u9fff])")


# 来某县(投资)考察…的客商: a relative clause on a noun (those who came), no visit of the subject's
_CAME_TO = re.compile(r"(?<![到带])来(?!到)[\u4e00-\u9fff]{1,10}$")
_OF_NOUN = re.compile(r"[\u4e00-\u9fff]{0,3}?的[\u4e00-\u9fff]")


# 向…致以节日慰问, 致以亲切的慰问: greetings extended, no visit
_GREETING = re.compile(r"致以[^，。；]{0,6}$")
# 听取…巡查工作汇报: the verb inside the report heard
_HEARD = re.compile(r"听取了?[^，。；]{0,20}$")
_REPORT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:汇报|报告)")


def not_a_visit(text: str, start: int, end: int, lo: int) -> bool:
    """The inspection verb at ``start:end`` names a group someone else leads or hosts (考察团的到来,
    与调研组座谈), refers to an earlier visit, or is 在…指导下 (``lo``: the sentence's start)."""
    if _GROUP_NOUN.match(text, end) and (not _LEADS_GROUP.search(text, max(lo, start - 12), start) or
                                         _RECEIVED.search(text, lo, start)):
        return True   # 考察团的到来; 甲会见了乙率领的考察团 (received, no visit of 乙's here)
    if _NOUN_AFTER.match(text, end) or _REMOTE.search(text, lo, start) or _DOCUMENT.match(text, end):
        return True   # 调研课题, 调研报告: a noun; 视频连线某县，检查…: from afar; 视察的工作方案: a document
    if _HOSTS_GROUP.match(text, end) and text[start:end] in _HOST_VERBS:
        return True   # 看望了调研组一行: the hosts of a group
    if _CONVENED_BEFORE.search(text, lo, start) and _MEETING_AFTER.match(text, end):
        return True   # 召开安全生产大检查工作汇报会: the verb inside a meeting's name
    if _CAME_TO.search(text, max(lo, start - 12), start) and _OF_NOUN.match(text, end):
        return True   # 欢迎来某县考察洽谈的客商: the verb describes those received
    if _INTENDED.search(text, lo, start) or _NEXT_STEP.search(text, lo, start) or _ASSIGNED.search(text, lo, start):
        return True   # 准备前往某地看望…, 下一步开展调研, 由X牵头…做好督查: a trip intended, work to come
    m = _INVITED.search(text, max(lo, start - 18), start)
    if m and not _INVITED_BY.search(text, lo, m.start()):
        return True   # 诚邀客商考察投资: others invited (应X邀请赴A考察 is a visit)
    if _AT_MEETING.search(text, max(lo, start - 3), start):
        return True   # 到会指导: guidance at a meeting attended
    if _FOR_THE.search(text, lo, start) and _THANKED.match(text, end):
        return True   # 甲对乙率团赴某地考察表示欢迎: the visit thanked for is the guest's
    if _GREETING.search(text, max(lo, start - 8), start):
        return True   # 向一线人员致以节日慰问: greetings extended
    if _HEARD.search(text, max(lo, start - 24), start) and _REPORT_AFTER.match(text, end):
        return True   # 听取各巡查组巡查工作汇报: reports on others' checks heard
    return bool(_REFERENCE.match(text, end) or _UNDER.match(text, end) or studied_reference(text, lo, start, end))



_AT_COMMAND = re.compile(rf"[到在][^。；，,]{{0,20}}?(?:{alternation(wordlist('command_posts'))})[^。；，,]{{0,6}}$")


def from_command_post(ctx: Context, i: int, t: int) -> bool:
    """到某地防汛指挥部检查…。在指挥部会议室，X与各乡镇视频连线: a check made from a command room, no visit."""
    s = ctx.sents[i]
    nxt = ctx.sents[i + 1].text if i + 1 < len(ctx.sents) else ""
    return bool(_AT_COMMAND.search(ctx.text, s.start, t)) and bool(_REMOTE.search(s.text + nxt))
