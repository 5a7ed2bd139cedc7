"""Titles as written right before a name (市委副书记、市长 → [市委副书记, 市长])."""
from __future__ import annotations

import re

from ..titles import post_suffix
from .names import name_ok
from .words import BOUND

_HELD_BY = re.compile(r"^(?:会议|会|活动|仪式|座谈会|开幕式|典礼|论坛|大会|晚会|发布会|培训|讲座|调研|检查)(?:由|请)")
_LEAD_STRIP = ("受", "由", "经", "在", "向", "对", "据", "与", "和", "及", "以及", "作为", "邀请", "是", "为",
               "请", "让", "随后", "同时", "其中", "包括", "此外", "另外", "当天", "会上", "其", "我市", "原来",
               "担任", "任", "系", "由于", "而", "并", "今天", "昨天", "近日", "日前", "上午", "下午", "晚上")
_DATE_LEAD = re.compile(r"^[\d\s年月日号上下午晚早傍凌晨中]+")


# verbs that show a segment is a clause, not a title; a verb that also names a body (组织部, 研究室,
# 社会保障局, 服务中心) is not one there
VERBISH = re.compile(r"来到|前往|深入|先后|开展|组织(?!部)|发挥|做好|推动|参加|出席|召开|举行|进行|要求|强调|表示|"
                      r"建立|成立|实施|落实|加强|带领|率领|开设|推出|发动|引导|支持|提供|"
                      r"保障(?![局厅部处科所中])|研究(?![院所室会员中生])|了|赴|到|着|把|将(?!军)|让|使(?!馆)")


_JOINER = re.compile(r"以及|与|和|及|同")


def clean_segment(seg: str) -> str:
    if "的" in seg:
        seg = seg.rsplit("的", 1)[1]
    # 市委书记甲某与市长乙某: the title of the second name starts after the first name and the joiner
    for m in reversed(list(_JOINER.finditer(seg))):
        if len(seg) - m.end() >= 2 and post_suffix(seg[m.end():]) and has_person_before(seg, m.start()):
            seg = seg[m.end():]
            break
    else:
        # 通讯员甲某某记者 (spaces lost in reflow): a title never holds a post followed by a name
        for k in range(len(seg) - 2, 3, -1):
            if post_suffix(seg[k:]) == seg[k:] and has_person_before(seg, k):
                seg = seg[k:]
                break
    seg = _DATE_LEAD.sub("", seg)
    seg = _HELD_BY.sub("", seg)   # 会议由县长X主持 → 县长
    changed = True
    while changed and seg:
        changed = False
        for w in sorted(_LEAD_STRIP, key=len, reverse=True):
            if seg.startswith(w) and len(seg) > len(w) + 1:
                seg = seg[len(w):]
                changed = True
                break
    return seg.strip()


def titles_before(text: str, pos: int) -> list[str]:
    """Titles as written right before ``pos`` (a name's start): 市委副书记、市长 → [市委副书记, 市长]."""
    out: list[str] = []
    end = pos
    first = True
    while end > 0:
        i = end
        while i > 0 and text[i - 1] not in BOUND and end - i < 40:
            i -= 1
        seg = clean_segment(text[i:end])
        if not seg or not post_suffix(seg) or len(seg) > 36 or VERBISH.search(seg[: len(seg) - len(post_suffix(seg))]):
            break
        if not first and _contains_name_like(seg):
            break
        out.insert(0, seg)
        first = False
        if i > 0 and text[i - 1] == "、":
            end = i - 1
            continue
        if i > 0 and text[i - 1] in "，," and i - 1 > 0:
            # 市政协常委，九三学社市委副主委X: a comma-joined title only when the part before ends in a post
            j = i - 1
            k = j
            while k > 0 and text[k - 1] not in BOUND and j - k < 40:
                k -= 1
            prev = clean_segment(text[k:j])
            if prev and post_suffix(prev) and text[k - 1:k] in ("", "\n", "“", "”", "。", "，", "、") and \
                    not has_person_before(text, j):
                end = j
                continue
        break
    return out


def _contains_name_like(seg: str) -> bool:
    return False


def has_person_before(text: str, j: int) -> bool:
    """Does a name end at j (…院长周某，)? Then the comma separates two people, not two titles."""
    for n in (2, 3, 4):
        c = text[j - n:j]
        if len(c) == n and name_ok(c) == "ok" and post_suffix(text[max(0, j - n - 8):j - n]):
            return True
    return False

