"""Where the name after a title ends (``pick_name``): each reading of two to four characters scored by what
follows it, how often it recurs, and what its last character may be instead (a verb, a preposition)."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import wordlist
from ..titles import post_regex, posts
from .names import (_CREDIT_NAME_CHARS, _DIVISION_ENDS, _LISTED_END_CHARS, _LIST_END, _NAME_FUNCTION_CHARS,
                    _VISIT_WORDS, _acts_elsewhere, _is_placey, _joins_next, _name_listed_after,
                    _surname_translit, _title_next, after_score, dotted_name, has_surname, is_translit,
                    name_ok, not_place_part, strong_end, translit_name)
from .words import BOUND, ORG_END, RARE_GIVEN_IDF, STOP_FIRST, STOP_INNER, WORD_IDF, contexts, is_cjk, is_common_word, lex


def _weak_passes(text: str, p: int, n: int, c: str, lens: tuple[int, int]) -> bool:
    """Does a weak candidate (a dictionary word or no listed surname) after a title read as a name here?"""
    # a common word (高峰, 建国) or no listed surname (a Mongolian or Tibetan name): only with a clear end right
    # after it (punctuation or a follower word such as 参加/陪同/主持), never both at once
    common = is_common_word(c)
    if common and not has_surname(c):
        return False
    if common and not (strong_end(text, p + n, words_only=True) or _acts_elsewhere(text, c) or
                       _name_listed_after(text, p + n)):
        return False   # 领导班子、 成员单位在: unless the word acts as a person elsewhere (X强调) or a name follows (甲平、乙广平)
    if not common and not strong_end(text, p + n):
        return False
    if not has_surname(c) and not (strong_end(text, p + n, words_only=True) or
                                   text[p + n:p + n + 1] in ("", "，", "、", "。", "；", "：", "）", ")", "\n")):
        return False   # no surname, and a quote or a verb right after: not a name
    if not has_surname(c) and (n != lens[0] and text.count(c) < 2 or _is_placey(c) or
                               len(c) == 2 and not is_translit(c) and text.count(c) < 2):
        return False   # 总书记莅沙考察: two characters with no surname, not of a transliterated name
    return True


def _post_opens_place(text: str, p: int) -> bool:
    """陕西省长武县: the post's last character (长 of 省长) opens a county's name, so no name follows it."""
    return p > 0 and any(text[p - 1:p - 1 + k] in lex().places and text[p - 1:p - 1 + k].endswith(_DIVISION_ENDS)
                         for k in (3, 4))


_SPEECH_OBJECTS = tuple(wordlist("speech_objects"))
_ENTRUSTED = re.compile(r"[\u4e00-\u9fff、]{1,10}?委托")


def _third_char_penalty(text: str, p: int, n: int, c: str) -> float:
    """How much less a three-character reading is worth when its last character is a word of its own."""
    if c[-1] in "说称讲率" and text.count(c) < 2 or c[-1] in "和与及" and _joins_next(text, p + n):
        return 4.5   # 韦明说。: the verb, not a third character; 林海和副市长王平: a conjunction
    if c[-1] == "以" and text[p + n:p + n + 1] in "“「\"" and text.count(c) < 2:
        return 6.5   # 林海以“四不两直”的方式: a preposition before a quoted way
    if c[-1] in "为任" and text.count(c) < 2 and post_regex().match(text, p + n):
        return 6.5   # 以书记林海为团长, 林海任组长: the verb before a post
    if c[-1] == "作" and text.count(c) < 2 and text.startswith(_SPEECH_OBJECTS, p + n):
        return 6.5   # 区长林海作的《政府工作报告》, 林海作重要讲话: the verb
    if c[-1] == "受" and text.count(c) < 2 and _ENTRUSTED.match(text, p + n):
        return 6.5   # 部长林海受省委委托: the verb
    return 0.0


def _function_surname(text: str, p: int, n: int, c: str) -> bool:
    """A surname that doubles as a function word (应, 向) opens the name at ``p`` after a title: a clear end
    after it, no word inside it, and the rest not found more often alone (主席向甲某副主席: 向 the preposition)."""
    L = lex()
    return c[0] in STOP_FIRST and c[0] in L.surnames and c[0] not in "和与及有" and \
        text.count(c[1:]) <= text.count(c) and name_ok(c, True) == "ok" and not is_common_word(c[:2]) and \
        (strong_end(text, p + n) or n == 3 and after_score(text, p + n) >= 1
         or text[p + n:p + n + 1] in "和与及" and _title_next(text, p + n + 1)) and \
        (not is_common_word(c[1:]) or n == 3 and strong_end(text, p + n, words_only=True)
         and L.words.get(c[1:], 99.0) >= RARE_GIVEN_IDF)


def _listed_end(text: str, k: int) -> bool:
    """A follower word at ``k``, or 和/与 before a title (甲市委主委乙春台和丙总支主委…): a list's item ends."""
    return strong_end(text, k, words_only=True) or text[k:k + 1] in "和与" and _title_next(text, k + 1)


def pick_name(text: str, p: int, min_score: int = 0) -> Optional[tuple[str, int]]:
    """The name starting at ``p`` (after a title), as (name, score), or None."""
    L = lex()
    tl = dotted_name(text, p) or translit_name(text, p, 4)
    if tl is not None:
        return tl, 3.0      # a transliterated name (巴图孟和): longer than a Chinese name
    tl = _surname_translit(text, p)
    if tl is not None:
        return tl, 3.0
    lens = (3, 4) if text[p:p + 2] in L.compound else (2, 3)
    if text[p + lens[0] - 1:p + lens[0] + 1] in _VISIT_WORDS or _post_opens_place(text, p):
        return None   # 委员边视察: a verb after the surname's character, no name; 陕西省长武县
    q = p + lens[0] - 1
    for u in L.unnamed:
        if text.startswith(u, q) and (len(u) > 1 or after_score(text, q + 1) >= 2):
            return None   # 李女士, 纪某, 王家 (but a given name may start with 家: X家明)
    scored = []
    for n in lens:
        c = text[p:p + n]
        if len(c) < n:
            continue
        if n == 3 and is_common_word(c[:2]) and L.words.get(text[p + 2:p + 4], 99.0) < WORD_IDF and \
                not (has_surname(c) and strong_end(text, p + 3, words_only=True)):
            continue    # 班子|成员, 单位|主要: two words, not a name running into a word (甲喜宾主持: a name)
        ok = name_ok(c)
        if ok is None and n == 3 and has_surname(c) and (text[p + n:p + n + 1] in _LIST_END or c[-1] in _LISTED_END_CHARS
                                                          and _listed_end(text, p + n)):
            ok = name_ok(c, listed=True)   # 县领导甲金乙、, 县领导…丙永科出席: a list mark or a follower closes the name
        if ok is None and n == 2 and c in L.places and has_surname(c) and name_ok(c + "x") is None \
                and strong_end(text, p + n):
            ok = "ok"   # a name that is also a place (市长某山，: a place name): only with a clear end right after it
        if ok is None and _function_surname(text, p, n, c):
            ok = "ok"   # a surname that doubles as a function word, right after a title: 县委书记应国栋带领
        if ok is None and n == 3 and c[0] not in STOP_FIRST and any(
                x in _NAME_FUNCTION_CHARS or x in _CREDIT_NAME_CHARS and strong_end(text, p + n, words_only=True)
                for x in c[1:]) \
                and name_ok(c, True) == "ok" and (strong_end(text, p + n) or after_score(text, p + n) >= 1):
            ok = "ok"   # a given name with a function character, right after a title: 主委甲乃硕率
        if ok is None and n == 2 and c[-1] in ORG_END and c[0] not in STOP_FIRST and name_ok(c, True) == "ok" \
                and strong_end(text, p + n, words_only=True) and _acts_elsewhere(text, c):
            ok = "ok"   # a given name that ends like a unit (县政协主席甲镇率队 … 甲镇强调): it acts as a person
        if ok is None or c[-1] == "副" and post_regex().match(text, p + n):
            continue    # 程展副区长: 副 opens the post written after the name
        s = after_score(text, p + n) * 2.0
        if n == lens[1]:
            if contexts(text, c) >= 2:
                s += 1.5
            s -= _third_char_penalty(text, p, n, c)
        else:
            longer = text[p:p + lens[1]]
            if text.count(c) > text.count(longer) and text.count(c) >= 2:
                s += 1.5
            nxt = text[p + n:p + n + 2]
            if nxt in L.words or text[p + n:p + n + 3] in L.words or text[p + n:p + n + 4] in L.words:
                s += 1.0
        if ok == "weak":
            if not _weak_passes(text, p, n, c, lens):
                continue
            s -= 0.5 if has_surname(c) else 1.0
        if not not_place_part(text, p + n):
            continue
        scored.append((s, n, c))
    if not scored:
        tl = translit_name(text, p, 3)
        if tl is None:
            tl = clear_end_name(text, p)
        return (tl, 2.0) if tl is not None else None
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    s, n, c = scored[0]
    if s < min_score:
        return None
    if s <= 0 and not has_surname(c):
        return None
    return c, s


def clear_end_name(text: str, p: int) -> Optional[str]:
    """After a title, a non-Han name the other readings miss (Yi, Tibetan and Uyghur names of 3–8 characters): the
    shortest run of 3–8 characters (or parts joined by ·) that punctuation or a follower word ends,
    holding no function character, no common word and no post, that is no place."""
    L = lex()
    ps = posts()
    if any(is_common_word(text[max(0, p - k):p + 1]) for k in (1, 2, 3)):
        return None     # 代表|团: the title's word goes on into the first character
    for n in range(3, 11):
        c = text[p:p + n]
        if len(c) < n or not all(is_cjk(x) or x == "·" for x in c) or c.startswith("·") or c.endswith("·"):
            return None
        plain = c.replace("·", "")
        if not (strong_end(text, p + n) and (text[p + n:p + n + 1] in BOUND or strong_end(text, p + n, True))):
            continue
        if len(plain) > 8 or (len(plain) > 6 and "·" not in c):
            return None
        if c[0] in STOP_FIRST or c[0] in L.follow_single or any(x in STOP_INNER for x in plain[1:]) \
                or plain[-1] in ORG_END or c in L.places or c in L.not_names:
            return None
        if sum(x not in L.translit for x in plain) > 1:
            return None     # written with the characters of such names, one other at most
        if any(L.words.get(plain[i:i + 2], 99.0) < RARE_GIVEN_IDF for i in range(len(plain) - 1)):
            return None     # a common word inside: prose, not a name
        if any(plain[i:j] in ps for i in range(len(plain)) for j in range(i + 2, len(plain) + 1)):
            return None
        return c
    return None
