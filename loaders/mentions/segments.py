"""Titles as written right before a name (市委副书记、市长 → [市委副书记, 市长])."""
from __future__ import annotations

import re

from ..lexicon import alternation, wordlist, wordmap
from ..titles import post_suffix
from .names import name_ok
from .words import BOUND

_HELD_BY = re.compile(rf"^(?:{alternation(wordlist('held_by_events'))})(?:由|请)")
# tried longest first, equal lengths in file order
_LEAD_STRIP = tuple(sorted(wordlist("title_lead_words"), key=len, reverse=True))
# a date or day part opening the segment (5日上午, 晚); not the 上/中/日 that open a place or body
# (上海市, 中央, 中心主任, 日照市)
_DATE_LEAD = re.compile(r"^(?:\s|\d+\s*[年月日号]?|" + alternation(wordlist("day_parts")) + ")+")




def _guarded(verbs: dict[str, str]) -> str:
    """An alternation of ``verbs``, each one not followed by the characters its value lists."""
    return "|".join(re.escape(w) + (f"(?![{re.escape(no)}])" if no else "")
                    for w, no in sorted(verbs.items(), key=lambda kv: len(kv[0]), reverse=True))


# verbs that show a segment is a clause, not a title; a verb that also names a body (组织部, 研究室,
# 社会保障局, 服务中心) is not one there
VERBISH = re.compile(_guarded(wordmap("clause_verbs")))
_JOINER = re.compile(alternation(wordlist("name_joiners")))


def verb_before_post(seg: str) -> bool:
    """A clause verb in ``seg`` before its post (来到某局局长), its guard looking at the post too (组织委员 is a
    post: 组织 followed by 委)."""
    k = len(seg) - len(post_suffix(seg) or "")
    return any(m.start() < k for m in VERBISH.finditer(seg))
_PERSON_OBJECT = re.compile(alternation(wordlist("person_object_verbs")))


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
        for w in _LEAD_STRIP:
            if seg.startswith(w) and len(seg) > len(w) + 1:
                seg = _DATE_LEAD.sub("", seg[len(w):])   # 按照5月6日市委书记X: the day after the word too
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
        obj = [m for m in _PERSON_OBJECT.finditer(seg[: len(seg) - len(post_suffix(seg) or "")])] if seg else []
        if obj and post_suffix(seg):
            # 甲在听取了某局局长乙…, 甲向某场场长乙询问: a clause, then the title of the person it names
            seg = clean_segment(seg[obj[-1].end():])
            if len(seg) >= 2 and post_suffix(seg) and len(seg) <= 36 and not verb_before_post(seg):
                out.insert(0, seg)
            break
        if not seg or not post_suffix(seg) or len(seg) > 36 or verb_before_post(seg):
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
            if prev and post_suffix(prev) and text[k - 1:k] in ("", "\n", "“", "”", "。", "，", ",", "、") and \
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

