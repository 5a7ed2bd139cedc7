"""The person grammars, as ``RULES`` run in this order over one shared ``Found``.

Earlier rules win: a name found by one covers its offsets (``taken``), and the names known by then let
later rules accept a name without a title (A、B、C等, X教授, every other occurrence).
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..dates import cn_number
from ..lexicon import alternation, wordlist
from ..lexicon.grammar import CN_DIGITS
from ..titles import inherit, post_regex, post_suffix, posts
from .appointments import APPOS, BIO_POST_RE, BIO_RE, appointment_mentions, appointment_title
from .credits import credit_mentions
from .found import Found, PersonMention
from .name_lists import DESCRIPTOR_NAME_ENDS, bare_lists, joined_name, list_items, unit_staff_items
from .names import has_surname, name_ok, strong_end
from .pick import pick_name
from .segments import clean_segment, titles_before
from .words import BOUND, ORG_END, STOP_FIRST, is_common_word, lex


@functools.lru_cache(maxsize=1)
def descriptor_regex():
    return re.compile(alternation(wordlist("person_descriptors")))


_KEPT_HONORIFICS = frozenset(wordlist("honorific_titles"))


def credits(f: Found) -> None:
    """Credit tails left in the text: (记者 X), (X摄), 编辑:X, 【责任编辑:X】, (X Y) at the end."""
    for pm in credit_mentions(f.text):
        f.add(pm)


# standing nouns that end a title with no office in them (市领导甲): the name after them must not open with a word
_BARE_STANDING = frozenset(("领导", "干部", "负责人"))
# words that open with a post and name a body (代表团, 委员会): no post is written there
_POST_WORDS = tuple(wordlist("post_body_words"))
_REPRESENTED = tuple(wordlist("represented_bodies"))
_NOMINEE = tuple(wordlist("title_tails"))
_POST_WORD_RUNS = frozenset(wordlist("post_word_runs"))   # 镇长提名人选甲某, 县长候选人甲某: the name after the nominee's post


def titled(f: Found) -> None:
    """Post + name (市委副书记、市长X), then 、-lists of names sharing the title (副主任A、B、C)."""
    text, L = f.text, lex()
    prev_title: Optional[str] = None
    prev_end = -10
    post_end = -1
    for m in post_regex().finditer(text):
        p = m.end()
        glued, post_end = m.start() == post_end, m.end()
        if glued and text[m.start() - 1] == "长" and has_surname(text[m.start():m.start() + 3]):
            continue    # 科长关长青: a post right after a head's post is a name's start (关), not another post (关长)
        while p < len(text) and text[p] in " \u3000":
            p += 1
        p += next((len(w) for w in _NOMINEE if text.startswith(w, p)), 0)
        if p in f.taken or any(text.startswith(w, m.end() - len(w) + 1) for w in _POST_WORDS) or \
                m.group(0) == "记者" and text[m.start() - 1:m.start()] == "的" or \
                m.group(0).endswith("代表") and text.startswith(_REPRESENTED, p):
            continue    # 代表团来商: a group, not the post 代表 and a name; 代表党和政府: the verb
        serves = text[p:p + 1] == "任" and (post_regex().match(text, p + 1) or post_regex().match(text, p + 2))
        got = pick_name(text, p) if not serves else None
        if not got:
            continue    # 由市委书记任政委, 由负责人任双组长: 任 (serves as) and a post, no name
        name, _ = got
        if m.group(0) in _BARE_STANDING and is_common_word(name[:2]):
            continue    # 等市领导展开汛前检查: a standing noun, then a verb (展开), no name
        titles = titles_before(text, p if text[m.end():p].strip() == "" else m.end())
        if not titles:
            continue
        if prev_title and m.start() - prev_end <= 2 and len(titles) == 1:
            titles = [inherit(titles[0], prev_title)]
        end = p + len(name)
        for h in L.honorifics:
            if text.startswith(h, end) and h != "同志":
                titles = titles + [h]
                break
        f.add(PersonMention(name, p, end, list(titles), "titled"))
        prev_title, prev_end = titles[-1], end
        for item, s in list_items(text, end):
            if s in f.taken:
                break
            f.add(PersonMention(item, s, s + len(item), list(titles), "list"))
            prev_end = s + len(item)


# a household visited: X村甲乙家中, 三组甲乙丙家里 (a name between a village or group and 家中)
_HOUSEHOLD_RE = re.compile(r"(?<=[村组屯户])([\u4e00-\u9fff]{2,3})(?=家中|家里)")


def _before_end_word(text: str, p: int):
    """A name of 3 or 2 characters at ``p`` ended by a word that follows private persons (X家中, X老同志)."""
    for n in (3, 2):
        c = text[p:p + n]
        if text.startswith(DESCRIPTOR_NAME_ENDS, p + n) and name_ok(c) == "ok" and not is_common_word(c):
            return c, 2.0
    return None


def households(f: Found) -> None:
    """A household visited, named by its head after the village: X村甲乙家中."""
    for m in _HOUSEHOLD_RE.finditer(f.text):
        c = m.group(1)
        if m.start() not in f.taken and name_ok(c) == "ok" and not is_common_word(c):
            f.add(PersonMention(c, m.start(), m.end(), [], "descriptor"))


def _another_descriptor(text: str, j: int) -> bool:
    """脱贫户A和农户B家中: a joiner and another descriptor close the name at ``j``."""
    return text[j:j + 1] in ("和", "及", "、") and descriptor_regex().match(text, j + 1) is not None


def descriptors(f: Found) -> None:
    """A private person after a descriptor: 脱贫户X, 困难群众X, 困难群众A、B (no title kept)."""
    text = f.text
    for m in descriptor_regex().finditer(text):
        p = m.end()
        if p in f.taken:
            continue
        ended = _before_end_word(text, p)
        got = ended or pick_name(text, p)
        if got and not ended and m.start() > 0 and text[m.start() - 1] in "的之" and text.count(got[0]) < 2 and \
                not (len(got[0]) == 3 and text[p + 3:p + 4] in ("，", "。", "；", "、") and
                     name_ok(got[0]) == "ok" and not is_common_word(got[0])):
            continue   # …的农民工资: after 的, only a name that recurs
        if not got or name_ok(got[0]) != "ok" or is_common_word(got[0][:2]) or \
                not (strong_end(text, p + len(got[0])) or len(got[0]) == 3 and text.count(got[0]) >= 2
                     or text.startswith(DESCRIPTOR_NAME_ENDS, p + len(got[0]))
                     or joined_name(text, p + len(got[0]))
                     or _another_descriptor(text, p + len(got[0]))):
            continue   # a word after the descriptor (群众关切), not a name
        f.add(PersonMention(got[0], p, p + len(got[0]), [], "descriptor"))
        j = p + len(got[0])
        while (nxt := joined_name(text, j)):   # 困难群众A、B, 贫困群众A和B
            f.add(PersonMention(nxt, j + 1, j + 1 + len(nxt), [], "descriptor"))
            j += 1 + len(nxt)


def appointments(f: Found) -> None:
    """任命X为Y, X当选为Y, 免去X的Y职务 (the title follows the name)."""
    for pm in appointment_mentions(f.text, f.taken):
        f.add(pm)


def resumes(f: Found) -> None:
    """A cadre's résumé in a notice (任前公示): X，男，1975年10月生，…，现任Y、Z，拟任…"""
    text = f.text
    for m in BIO_RE.finditer(text):
        name = m.group("name")
        if m.start("name") in f.taken or name_ok(name) is None:
            continue
        titles: list[str] = []
        cur = BIO_POST_RE.search(text, m.end(), min(len(text), m.end() + 160))
        if cur:
            for part in re.split(r"、", cur.group(1)):
                t = appointment_title(part)
                if t:
                    titles.append(t)
        f.add(PersonMention(name, m.start("name"), m.end("name"), titles, "titled"))


def honorifics(f: Found) -> None:
    """A name before an honorific: X教授, X书记的讲话, X同志, X新时代…思想."""
    text, known, L = f.text, f.known, lex()
    titled_starts = {pm.start for pm in f.out if pm.kind in ("titled", "list")}
    hon_alt = alternation(L.honorifics)
    for m in re.finditer(r"(?<![副委总支组记工党])(?:" + hon_alt + r"|新时代中国特色社会主义思想)", text):
        s = m.start()
        if s - 1 in f.taken or m.end() in titled_starts:
            continue   # 县工商联主席X: the word is the title of the name after it
        cand = None
        for n in (3, 2, 4):
            c = text[s - n:s]
            if c in known:
                cand = c
                break
        if cand is None:
            for n in (3, 2):
                c = text[s - n:s]
                if len(c) == n and name_ok(c) == "ok" and (n == 2 or not (text[s - 3] in STOP_FIRST)) \
                        and not (is_common_word(text[s - n - 1:s - n + 1]) and is_common_word(c[1:])):
                    # 相关|负责同志, 全国|政协主席: a word across the left edge and a word left inside
                    if n == 3 and name_ok(text[s - 2:s]) == "ok" and (text[s - 3] not in L.surnames or
                                                                     is_common_word(text[s - 4:s - 2])):
                        continue   # 关于|甲某同志: the first character closes a word (关于, 对于)
                    cand = c
                    break
        if cand is None:
            continue
        word = m.group(0)
        titles = [word] if word in posts() or word in _KEPT_HONORIFICS else []
        f.add(PersonMention(cand, s - len(cand), s, titles, "honorific"))


def leaders(f: Found) -> None:
    """Leaders named by their standing only: 县领导A、B、C参加 / 我旗领导A、B (the title is 县领导)."""
    for pm in _leader_lists(f.text, f.taken):
        f.add(pm)


def posts_after_names(f: Found) -> None:
    """A post written after the name: 陈某县长主持, 刘某副市长调研, 唐某局长率孔某副局长."""
    for pm in _post_after_name(f.text, f.taken, f.known):
        f.add(pm)


def unit_staff(f: Found) -> None:
    """Staff named right after their unit and closed by 一行 or a companion's verb: 某局甲某一行."""
    for x, k in unit_staff_items(f.text, f.taken):
        f.add(PersonMention(x, k, k + len(x), [], "bare"))


# 9月15日，甲某某一行首先来到…: a bare name opening a clause and heading a party
_PARTY_HEAD = re.compile(r"(?:^|(?<=[，,。；;\n]))([\u4e00-\u9fff]{2,3})(?=一行)")


def party_heads(f: Found) -> None:
    """A name with no post that opens a clause and heads a party (甲某某一行来到…): a surname, a given name
    that is no word, and not a place."""
    for m in _PARTY_HEAD.finditer(f.text):
        c = m.group(1)
        if m.start(1) not in f.taken and name_ok(c) == "ok" and has_surname(c) and not is_common_word(c) \
                and not (len(c) == 3 and is_common_word(c[:2])) and c not in lex().places:
            f.add(PersonMention(c, m.start(1), m.end(1), [], "bare"))


def appositions(f: Found) -> None:
    """Apposition: (的)X，是 + title."""
    text = f.text
    for m in re.finditer(r"(?:(?<=[的，。\n])|^)([\u4e00-\u9fff]{2,3})，?是([^，。；“”]{2,40}?)(?=[，。；])", text):
        c = m.group(1)
        title = clean_segment(m.group(2))
        if not post_suffix(title) or not (c in f.known or name_ok(c) == "ok"):
            continue
        f.add(PersonMention(c, m.start(1), m.end(1), [title], "apposition"))


def other_occurrences(f: Found) -> None:
    """Every other occurrence of a known name."""
    if f.known:
        rx = re.compile("|".join(map(re.escape, sorted(f.known, key=len, reverse=True))))
        for m in rx.finditer(f.text):
            if m.start() in f.taken:
                continue
            f.add(PersonMention(m.group(0), m.start(), m.end(), [], "name"))


def later_appositions(f: Found) -> None:
    """Apposition after a named mention: X是市中心医院消化内科副主任，"""
    for pm in list(f.out):
        m = APPOS.match(f.text, pm.end)
        if m:
            title = clean_segment(m.group(1))
            if post_suffix(title) and title not in pm.titles:
                pm.titles.append(title)


_COUNT_TAIL = r"(?:等|一行)?(\d{1,4}|[两" + CN_DIGITS + r"]{1,4})(?:" + alternation(wordlist("person_count_words")) + ")"
# names alone (甲、乙2人), then units and names (某镇甲、某局乙2名)
_COUNTED_LISTS = (re.compile(r"([\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+)" + _COUNT_TAIL),
                  re.compile(r"([\u4e00-\u9fff]{2,14}(?:、[\u4e00-\u9fff]{2,14}?)+)" + _COUNT_TAIL))


def _counted_name(item: str, known: set[str]) -> Optional[str]:
    """An item of a counted list: a name, or a unit and a name (某镇甲某某, 某局乙某)."""
    if len(item) <= 3 and (item in known or name_ok(item) == "ok" and has_surname(item)):
        return item
    for n in (3, 2):
        name, unit = item[-n:], item[:-n]
        if len(unit) >= 2 and (unit[-1] in ORG_END or unit.endswith(("街道", "中心"))) and \
                (name in known or name_ok(name) == "ok" and has_surname(name)):
            return name
    return None


# 甲某等100名同志获得…, 通过了甲某等6名同志的任职议案: one name heading a counted group (a clause or 了 before it)
_HEADS_COUNTED = re.compile(r"(?:^|(?<=[，。；：,;:\n了]))([\u4e00-\u9fff]{2,3})(?=等)" + _COUNT_TAIL)


def counted_lists(f: Found) -> None:
    """A、B2人 / A、B、C三名同志 / 某镇甲、某局乙2名负责人: a list of names the text counts (the count equal to
    the items)."""
    text = f.text
    for m in (m for rx in _COUNTED_LISTS for m in rx.finditer(text)):
        items = m.group(1).split("、")
        names = [_counted_name(x, f.known) for x in items]
        if cn_number(m.group(2).replace("两", "二")) != len(items) or not all(names):
            continue
        pos = m.start(1)
        for x in names:
            k = text.index(x, pos)
            pos = k + len(x)
            if k not in f.taken:
                f.add(PersonMention(x, k, k + len(x), [], "bare"))
    for m in _HEADS_COUNTED.finditer(text):
        x = m.group(1)
        if m.start(1) not in f.taken and (x in f.known or name_ok(x) == "ok" and has_surname(x)) and \
                not is_common_word(x):
            f.add(PersonMention(x, m.start(1), m.end(1), [], "bare"))


RULES = (credits, titled, descriptors, households, appointments, resumes, honorifics, leaders, posts_after_names,
         unit_staff, party_heads, bare_lists, counted_lists, appositions, other_occurrences, later_appositions)


def find_person_mentions(text: str) -> list[PersonMention]:
    """Every person mention found by the grammars in ``text`` (names resolved later), in text order."""
    f = Found(text)
    for rule in RULES:
        rule(f)
    f.out.sort(key=lambda pm: pm.start)
    return f.out


_LEADERS = re.compile(r"(?:(?:我|本)?(?:" + alternation(wordlist("leader_levels")) + r")(?:级)?|[\u4e00-\u9fff]{2,6}(?:" +
                      alternation(wordlist("leader_place_ends")) + r"))领导(?:同志)?[：:]?")


def _leader_lists(text: str, taken: set[int]) -> list[PersonMention]:
    """县领导A、B、C参加: names after a standing noun, each with it as title."""
    out = []
    for m in _LEADERS.finditer(text):
        j = m.end()
        title = re.sub(r"^(?:我|本)", "", m.group(0).rstrip("：:").replace("同志", ""))
        if j in taken:
            continue
        got = pick_name(text, j)
        first = got[0] if got and got[1] >= 2 and name_ok(got[0], True) is not None else None
        if not first:   # a first item pick_name doubts still opens a list when a 、 closes it (县领导甲乙丙、…)
            k = text.find("、", j, j + 9)
            first = text[j:k] if k > j and list_items(text, k) and name_ok(text[j:k], True) is not None else None
        if not first:
            continue
        out.append(PersonMention(first, j, j + len(first), [title], "list"))
        for item, s in list_items(text, j + len(first)):
            if s in taken:
                break
            out.append(PersonMention(item, s, s + len(item), [title], "list"))
    return out


# person posts that follow a name in running text (陈某县长, 刘某副市长); two characters or more
_AFTER_RE = re.compile(r"(?:常务)?(?:副)?(?:" + alternation(wordlist("posts_after_name")) + r")")
# 某湖镇长岗村: a division's head (镇长, 乡长 …) run into a village's name is a township and its village
_HEAD_IN_PLACE = re.compile(r"(?![" + "".join(wordlist("village_not_openers")) + r"])[\u4e00-\u9fff]{1,2}?(?:"
                            + alternation(wordlist("village_endings")) + r")")


def _post_after_name(text: str, taken: set[int], known: set[str]) -> list[PersonMention]:
    out = []
    for m in _AFTER_RE.finditer(text):
        s = m.start()
        if s - 1 in taken or m.end() in taken or text[m.end() - 1:m.end() + 1] in _POST_WORD_RUNS:
            continue   # 某总站长期以来: 长期 is a word, no post 站长 after a name
        head = m.group(0).removeprefix("常务").removeprefix("副")
        if text[s - 1:s] == head[:1] and len(head) == 2:
            continue   # 某西州副州长, 某县县长: the division the post heads, no name before it
        if head[1:] == "长" and len(head) == 2 and head == m.group(0) and _HEAD_IN_PLACE.match(text, m.end()):
            continue   # 某湖镇长岗村: a township (某湖镇) and its village (长岗村), no 镇长
        for n in (3, 2):
            a = s - n
            c = text[a:s]
            if a < 0 or a in taken or len(c) < n:
                continue
            before = text[a - 1:a] if a > 0 else ""
            if not (before == "" or before in BOUND or before.isspace() or before in "率和与及由请让经了" or
                    before in ORG_END and (n == 3 or has_surname(c)) or before.isdigit() or before in "午晚"):
                continue
            if any(text[k:m.end()] in posts() for k in range(a, s)):
                continue   # 党总支书记, 党委副书记: the post is longer than it looked
            full = [k for k in known if len(k) == 3 and k[1:] == c] if n == 2 else []
            if len(full) == 1:   # 甲金仓 … 金仓县长: the given name of a person named before, and a post
                out.append(PersonMention(full[0], a, s, [m.group(0)], "titled"))
                taken.update(range(a, s))
                break
            if c in known or (name_ok(c) == "ok" and not is_common_word(c)):
                if n == 3 and text[a + 1:s] in known:
                    continue
                out.append(PersonMention(c, a, s, [m.group(0)], "titled"))
                taken.update(range(a, s))
                break
    return out

