"""The names of a 、-list after a first name (县领导甲某、乙某、丙某参加): each item taken whole when it can be a
name at all, the last one ended where a name ends or a follower word starts; and bare lists of names
with no title before them (甲某、乙某、丙某等参加)."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import alternation, wordlist
from ..lexicon.grammar import LEADERS_CLOSE
from ..titles import post_regex, post_suffix
from .found import Found, PersonMention
from .names import dotted_name, has_surname, is_translit, name_ok, not_place_part, strong_end
from .pick import pick_name
from .words import STOP_FIRST, is_cjk, is_common_word

# what may follow a private person's name after a descriptor (困难户X家中, 老党员X老同志)
DESCRIPTOR_NAME_ENDS = tuple(sorted(wordlist("descriptor_name_ends"), key=len, reverse=True))


def list_items(text: str, j: int) -> list[tuple[str, int]]:
    """The names of a 、-list going on at ``j`` (the 、 after a first name already taken):
    (name, start) for each. An item between two 、 is taken whole (2–4 characters, or a transliterated
    name up to 8) when it can be a name at all, since the list has said what its items are; the last
    item ends where a name ends (pick_name), or at a follower word (参加, 陪同) or punctuation."""
    out: list[tuple[str, int]] = []
    while j < len(text) and text[j] == "、":
        s = j + 1
        if post_regex().match(text, s):
            break           # 、市长X: a new titled name, not an item of this list
        k = text.find("、", s, s + 9)
        seg = text[s:k] if k != -1 else ""
        if seg and all(is_cjk(x) for x in seg) and (_list_item_ok(seg) or out and len(seg) == 2 and
                                                     name_ok(seg, True) is not None and not post_regex().match(seg)):
            out.append((seg, s))    # an item between two 、 after others: a name even if also a word (宝玉)
            j = k
            continue
        dotted = dotted_name(text, s)       # 某某提·某某夫、: a non-Han name, its parts joined by a dot
        if dotted:
            out.append((dotted, s))
            j = s + len(dotted)
            continue
        got = pick_name(text, s)
        name = got[0] if got and got[1] >= 2 and name_ok(got[0], True) is not None else _last_item(text, s)
        if not name or post_regex().match(text, s + len(name)):
            break           # 、区委副书记: a title starting the next titled name, not an item
        out.append((name, s))
        j = s + len(name)
    last = _joined_last(text, j)
    return out + ([last] if last else [])


_LAST_JOINED_END = re.compile(r"(?:同志)?(?:一行|等)")


def _joined_last(text: str, j: int) -> Optional[tuple[str, int]]:
    """A last name joined by 及/和 and closing the list (市领导甲某及乙某一行, 甲某、乙某和丙某参加)."""
    if j >= len(text) or text[j] not in "及和":
        return None
    s = j + 1
    for n in (3, 2):
        c = text[s:s + n]
        if len(c) == n and all(is_cjk(x) for x in c) and has_surname(c) and _list_item_ok(c) and \
                (_LAST_JOINED_END.match(text, s + n) or strong_end(text, s + n, words_only=True)):
            return c, s
    return None


def _list_item_ok(seg: str) -> bool:
    if 2 <= len(seg) <= 4:
        return name_ok(seg, True) is not None and not is_common_word(seg)
    return len(seg) <= 8 and name_ok(seg, True) is not None


def _last_item(text: str, s: int) -> Optional[str]:
    """The list's last name, ended by a follower word or punctuation (…、冯某参加)."""
    for n in range(8, 1, -1):
        c = text[s:s + n]
        if len(c) == n and all(is_cjk(x) for x in c) and strong_end(text, s + n) and _list_item_ok(c) \
                and (n <= 4 or is_translit(c)):
            return c
    return None


# 某局甲某一行 / 某中心甲、乙一行到 / 某科甲某陪同: staff named after their unit, no post between
_UNIT_STAFF = re.compile(r"(?:" + alternation(wordlist("staff_unit_endings")) + r")([\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})*)"
                         r"(?=(?:同志)?(?:等人?)?一行|" + alternation([w for w in wordlist("companion_verbs") if len(w) > 1]) + ")")


_ENDS = alternation(wordlist("staff_unit_endings"))
# 某市水利局甲某、某管理局乙某等单位相关人员陪同: each item a unit and a name, the list closed by a companion
_UNITS_STAFF = re.compile(r"[^，。；：、,;:\n]{2,20}?(?:" + _ENDS + r")[\u4e00-\u9fff]{2,3}(?:、[^，。；：、,;:\n]{2,20}?(?:" + _ENDS
                          + r")[\u4e00-\u9fff]{2,3})+(?:同志)?(?:等[^，。；,;]{0,8})?(?="
                          + alternation([w for w in wordlist("companion_verbs") if len(w) > 1]) + ")")
_UNIT_END = re.compile(r"(?:" + _ENDS + r")$")


def _unit_items(text: str, m: "re.Match") -> list[tuple[str, int]]:
    """The names of a 单位+姓名 list, each the two or three characters the item ends in."""
    items, pos = [], m.start()
    body = re.sub(r"(?:同志)?(?:等[^，。；,;]{0,8})?$", "", m.group(0))
    for part in body.split("、"):
        for n in (3, 2):
            x = part[-n:]
            if _UNIT_END.search(part, 0, len(part) - n) and has_surname(x) and name_ok(x, True) is not None \
                    and not is_common_word(x[:2]):
                items.append((x, pos + len(part) - n))
                break
        else:
            return []
        pos += len(part) + 1
    return items


def unit_staff_items(text: str, taken: set[int]) -> list[tuple[str, int]]:
    """(name, start) of staff named right after their unit and closed by 一行 or a companion's verb; a list
    is taken whole or not at all."""
    out = [(x, k) for m in _UNITS_STAFF.finditer(text) for x, k in _unit_items(text, m)
           if not any(j in taken for j in range(k, k + len(x)))]
    taken = taken | {j for x, k in out for j in range(k, k + len(x))}
    for m in _UNIT_STAFF.finditer(text):
        pos, found = m.start(1), []
        for x in m.group(1).split("、"):
            if any(k in taken for k in range(pos, pos + len(x))) or not has_surname(x) or \
                    name_ok(x, True) is None or (len(x) == 3 and is_common_word(x[:2])):
                found = []
                break
            found.append((x, pos))
            pos += len(x) + 1
        out += found
    return out

def joined_name(text: str, j: int) -> Optional[str]:
    """The name joined at ``j`` by 、/和/及 to a private person's name before it, if it ends clearly."""
    if text[j:j + 1] not in ("、", "和", "及"):
        return None
    nxt = pick_name(text, j + 1)
    if not nxt or name_ok(nxt[0]) != "ok" or not has_surname(nxt[0]) or is_common_word(nxt[0][:2]):
        return None
    k = j + 1 + len(nxt[0])
    ok = strong_end(text, k) or text.startswith(DESCRIPTOR_NAME_ENDS, k) or text[k:k + 1] in ("时", "等")
    return nxt[0] if ok else None


_LIST_OF_PLACES = re.compile(r"等(?:" + alternation(wordlist("list_place_ends")) + ")")
# A、B、C等 / A、B、C， / A、B、C参加 / A、B、C及: three names or more, ended by 等, punctuation, 及 or a follower word
_BARE_LIST = re.compile(r"[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3}){2,}(?=等|[，。；、\n及]|$|"
                        + alternation(wordlist("list_followers")) + ")")
_LEADERS_AFTER = re.compile(LEADERS_CLOSE)
_NATIONAL_BODIES = re.compile(r"等国家[部机有]")   # 等国家部委/机关/有关部门: not 等国 (countries)
# 甲某、乙某参加会见: two names opening a clause, closed by a follower word (a list of two has no 等 to tell it)
_BARE_PAIR = re.compile(r"(?:^|(?<=[。；\n]))([\u4e00-\u9fff]{2,3})、([\u4e00-\u9fff]{2,3})(?="
                        + alternation(wordlist("list_followers")) + ")")


def bare_lists(f: Found) -> None:
    """Bare lists of names: A、B、C等 / A、B、C， / (a clause's start) A、B参加"""
    text, known = f.text, f.known
    for m in _BARE_PAIR.finditer(text):
        if all(m.start(g) not in f.taken and (m[g] in known or name_ok(m[g]) == "ok" and has_surname(m[g]))
               and not is_common_word(m[g]) for g in (1, 2)):
            for g in (1, 2):
                f.add(PersonMention(m[g], m.start(g), m.end(g), [], "bare"))
    for m in _BARE_LIST.finditer(text):
        items = m.group(0).split("、")
        end = m.end()
        if len(items[-1]) == 3 and items[-1][-1] == "等":
            items[-1], end = items[-1][:-1], end - 1    # 甲某、乙某、丙某等参加: 等 closes the list
        first = items[0]
        # the first item is the tail of a longer run: 查处了甲某, 副主席甲某 (a post's last character)
        inside = m.start() in f.taken and all(pm.start != m.start() for pm in f.out)   # a longer run's tail
        if len(first) == 3 and (first[0] in STOP_FIRST or not has_surname(first) or inside
                                or post_suffix(text[max(0, m.start() - 5):m.start() + 1])):
            first = first[1:]
        items[0] = first
        tail_after = text[end:end + 10]
        if _LIST_OF_PLACES.match(tail_after) and not _LEADERS_AFTER.match(tail_after) and \
                not _NATIONAL_BODIES.match(tail_after):
            continue    # A、B、C等县 (places), but A、B、C等市领导, A、B等国家部委领导 (people)
        # a list mark closes each item, so a name's last character may be a function word (甲春让、)
        quality = [x in known or name_ok(x, listed=len(x) == 3) == "ok" for x in items]
        # …等县领导: the items are people; so are those of a long list of names (…、丁如某、…: one odd item)
        leaders_named = _LEADERS_AFTER.match(tail_after) is not None or len(items) >= 5
        # every item can be a name, and all but one clearly are (some names are also dictionary words)
        if all(q or has_surname(x) and (name_ok(x) is not None or leaders_named and not is_common_word(x))
               for q, x in zip(quality, items)) and \
                sum(quality) >= len(items) - 1 and sum(x in known for x in items) + \
                sum(has_surname(x) for x in items) >= len(items):
            pos = m.start()
            lead_m = _LEADERS_AFTER.match(tail_after)
            title = [lead_m.group(0)[1:]] if lead_m else []   # A、B、C等市领导: each is a 市领导
            for x in items:
                k = text.index(x, pos)
                pos = k + len(x)
                if k in f.taken:
                    continue
                if not not_place_part(text, k + len(x)):
                    continue
                f.add(PersonMention(x, k, k + len(x), list(title), "bare"))
