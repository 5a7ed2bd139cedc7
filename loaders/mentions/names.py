"""Is a string a name, and where does the name after a title end: ``name_ok``, ``pick_name``."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import alternation, wordlist
from ..titles import post_regex, posts
from .words import BOUND, ORG_END, RARE_GIVEN_IDF, VERY_COMMON_IDF, STOP_FIRST, WORD_IDF, STOP_INNER, contexts, is_cjk, is_common_word, lex

def has_surname(c: str) -> bool:
    L = lex()
    return c[:2] in L.compound or c[:1] in L.surnames


def name_ok(c: str, credit: bool = False, listed: bool = False) -> Optional[str]:
    """'ok', 'weak' (a dictionary word or no listed surname) or None (cannot be a name).

    ``credit``: the string stands in a credit ((X摄), 记者 X) where function words cannot start it, so
    surnames that double as prepositions (向, 于 …) pass. ``listed``: a three-character string after a
    title that a list mark or a clause end closes (县领导甲金乙、丙国让、): a common word may open it
    (黄金|锡) and 让 end it.
    """
    L = lex()
    if credit and 3 <= len(c) <= 8 and is_translit(c) and not is_common_word(c) and c not in L.not_names:
        return "ok" if has_surname(c) and len(c) <= 4 else "weak"   # 乌日罕, 巴雅尔图 in a credit
    if not 2 <= len(c) <= 4 or not all(is_cjk(x) for x in c):
        return None
    if c in L.not_names or (c[0] in STOP_FIRST and not (credit and c[0] in L.surnames)) or \
            any(x in STOP_INNER and not (x in "其日那" and len(c) >= 3 and is_translit(c))
                and not _given_qi(c, x) and not (credit and x in _CREDIT_NAME_CHARS and _given_in_credit(c))
                and not (listed and x == c[-1] and x in _LISTED_END_CHARS)
                for x in (c[2:] if c[:2] in L.compound else c[1:])):   # (鲜于, 第五)
        return None     # (其, 日 inside a transliterated name are name characters: 巴其尔, 萨日娜)
    if c[-1] in ORG_END and not (len(c) == 2 and c[-1] in "华") and not _given_zhang(c) and \
            not (credit and c[0] in L.surnames and c[0] not in STOP_FIRST and not is_common_word(c) and
                 (len(c) == 2 or c[-1] in _LISTED_END_CHARS + "会" and not is_common_word(c[1:]))) and \
            not (listed and c[-1] in _LISTED_END_CHARS):
        return None     # 某局, 某科 (but 责任编辑:丁科 and 责任编辑/甲凡会, credits, name persons; 县领导…丙永科出席)
    if len(c) == 4 and c[:2] not in L.compound:
        return None
    if len(c) == 3 and L.words.get(c[:2], 99.0) < VERY_COMMON_IDF and not listed:
        return None     # 单位要, 马上就: a very common word does not open a name
    rest = c[2:] if c[:2] in L.compound else c[1:]
    for u in L.unnamed:
        if rest.startswith(u) and len(u) >= len(rest) - 0:
            return None
    if rest.startswith("某") or rest in _VISIT_WORDS:
        return None     # 各委员边视察、边思考: a verb, no given name
    ps = posts()
    for i in range(len(c)):
        for j in range(i + 2, len(c) + 1):
            if c[i:j] in ps:
                return None
    if c in L.places or c in L.follow_multi or c[:2] in L.follow_multi:
        return None
    if is_common_word(c) or not has_surname(c):
        return "weak"
    return "ok"


def _given_qi(c: str, x: str) -> bool:
    """其 or 月 as the first given-name character of a three-character Han name (甲其山, 乙月芳), not a word
    (其他, 其中, 尤其, 月底, 月份)."""
    return x in "其月" and len(c) == 3 and c[1] == x and c[:1] in lex().surnames and not is_common_word(c[1:]) \
        and not is_common_word(c[:2]) and c[2] not in STOP_INNER


# function characters that are also given-name characters (若男, 如意, 以诚, 乃硕)
_NAME_FUNCTION_CHARS = frozenset("若如以乃")
# in a credit (记者 X, a signature) also 年 and 本 (甲年丰, 乙本炎): no date or 本市 is written there
_CREDIT_NAME_CHARS = _NAME_FUNCTION_CHARS | frozenset("年本")
# function characters that end given names (甲国让, 甲长者) where a list mark or a strong follower closes the name
_LISTED_END_CHARS = "让科记者团台"
_DIVISION_ENDS = tuple(wordlist("division_endings"))
_LIST_END = frozenset("、，,；;及")
_VISIT_WORDS = frozenset(wordlist("inspection_triggers")) | {"思考", "学习", "交流", "讨论"}


def _given_zhang(c: str) -> bool:
    """甲兴长, 乙德长: 长 ends a three-character given name unless its last two characters are a post (王科长)
    or a word (张家长)."""
    return len(c) == 3 and c[-1] == "长" and c[0] in lex().surnames and c[1:] not in posts() and \
        not is_common_word(c[1:]) and not is_common_word(c)


def _given_in_credit(c: str) -> bool:
    """In a credit (记者 X) a listed surname and a given name that is no word: 若, 如, 以 are name characters."""
    return len(c) == 3 and c[:1] in lex().surnames and not is_common_word(c[1:]) and not is_common_word(c[:2])


def is_translit(c: str) -> bool:
    """Written only with characters of transliterated (Mongolian, Tibetan, Uyghur …) names."""
    T = lex().translit
    return bool(c) and all(x in T for x in c)


def translit_name(text: str, p: int, min_len: int = 3) -> Optional[str]:
    """A transliterated name of ``min_len``–8 characters at ``p`` (巴图孟和, 萨仁其木格), ended by
    punctuation or a follower word (深入, 一同, 主持 …); the longest such reading."""
    T = lex().translit
    q = p
    while q < len(text) and q - p < 8 and text[q] in T:
        q += 1
        if text[q:q + 1] == "·" and text[q + 1:q + 2] in T and q + 1 - p >= 2:
            q += 1          # 某某·某某: parts joined by a middle dot are one name
    # a long name may end at a one-character verb (某嘎尔布到, 某根那主持); failing that, where its characters
    # stop and a word starts (某某某某准备), unless its last character is a verb (某某某某来赤峰)
    return _translit_reading(text, p, q, min_len, False) or _translit_reading(text, p, q, min_len, True)


_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,10}){1,3}")


def dotted_name(text: str, p: int) -> Optional[str]:
    """A name whose parts a middle dot joins (某某别克·某某提别克): the dot marks a non-Han name whatever
    its characters; its last part ends where punctuation or a follower word does."""
    m = _DOTTED.match(text, p)
    if m is None:
        return None
    last_dot = max(m.group(0).rfind("·"), m.group(0).rfind("•"))
    ps = posts()
    for e in range(p + last_dot + 3, m.end() + 1):   # the shortest last part that ends clearly
        c = text[p:e]
        if not (strong_end(text, e) or after_score(text, e) >= (1 if text[e:e + 1] in "对向与同就在到赴" else 2)):
            continue    # …·某某对某某的会见, …·某某就…工作: a preposition ends it too
        if any(c[i:j] in ps for i in range(len(c)) for j in range(i + 2, len(c) + 1)) or c in lex().places:
            return None
        return c
    return None


def _translit_reading(text: str, p: int, q: int, min_len: int, run_end: bool) -> Optional[str]:
    """The longest reading of text[p:q] that ends clearly (``run_end``: at the run's own end)."""
    ps = posts()
    for e in range(q, p + min_len - 1, -1):
        c = text[p:e]
        if c.endswith("·"):
            continue
        long = len(c.replace("·", "")) >= 4
        if run_end:
            end_ok = long and e == q and text[e:e + 2] in lex().words and \
                text[e - 1] not in lex().follow_single and text[e - 1] not in "来去"
        else:
            end_ok = strong_end(text, e) or long and after_score(text, e) >= 1
        if not end_ok or is_common_word(c) or c in lex().not_names or c in lex().places:
            continue
        if any(c[i:j] in ps for i in range(len(c)) for j in range(i + 2, len(c) + 1)):
            continue
        if any(c[i:i + 2] in lex().follow_multi for i in range(len(c) - 1)):
            continue
        return c
    return None


def _surname_translit(text: str, p: int) -> Optional[str]:
    """A surname and a transliterated three-character given name (某明南加一同): four characters whose first
    three never stand alone in the text, with a clear end after them."""
    if text[p:p + 1] not in lex().surnames or text[p:p + 2] in lex().compound:
        return None
    rest = translit_name(text, p + 1, 3)
    if rest is None or len(rest) != 3 or not strong_end(text, p + 4):
        return None
    c = text[p:p + 4]
    return c if text.count(c[:3]) == text.count(c) and name_ok(c[:3], credit=True) is not None else None


def after_score(text: str, j: int) -> int:
    """How clearly a name ends at ``j``: 3 punctuation/end, 2 a follower word, 1 a one-character one."""
    L = lex()
    if j >= len(text):
        return 3
    c = text[j]
    if c in BOUND or c.isspace():
        return 3
    if not is_cjk(c):
        return 2
    for k in range(min(L.follow_max, len(text) - j), 1, -1):
        if text[j:j + k] in L.follow_multi:
            return 2
    if post_regex().match(text, j):
        return 2
    if c in L.follow_single:
        return 1
    return 0


def strong_end(text: str, j: int, words_only: bool = False) -> bool:
    """Punctuation, the end, or a follower word of two characters or more at ``j``."""
    if not words_only and (j >= len(text) or text[j] in BOUND or text[j].isspace()):
        return True
    L = lex()
    for k in range(min(L.follow_max, len(text) - j), 1, -1):
        if text[j:j + k] in L.follow_multi:
            return True
    return False


_ACTS = re.compile(alternation(wordlist("person_acts")))


def _acts_elsewhere(text: str, c: str) -> bool:
    """``c`` is followed somewhere in ``text`` by what only a person does (柴进强调, 高峰一行)."""
    k = text.find(c)
    while k >= 0:
        if _ACTS.match(text, k + len(c)) and (k == 0 or text[k - 1] not in STOP_FIRST):
            return True
        k = text.find(c, k + 1)
    return False


def _joins_next(text: str, j: int) -> bool:
    """After a 和/与/及 at j - 1: a post or another name follows, so the character joins, it ends no name."""
    nxt = text[j:j + 3]
    return bool(post_regex().match(text, j)) or name_ok(nxt) == "ok" and has_surname(nxt) or \
        name_ok(nxt[:2]) == "ok" and has_surname(nxt[:2]) and not is_common_word(nxt[:2])


def _title_next(text: str, j: int) -> bool:
    """A name or a title (市政协秘书长) starts at ``j``, after a 和/与/及: the character before joins two people."""
    m = post_regex().search(text, j, j + 14)
    return _joins_next(text, j) or m is not None and not any(ch in BOUND for ch in text[j:m.start()])


def _name_listed_after(text: str, j: int) -> bool:
    """、 and then a clear name of three characters closed by a list mark or a clause end."""
    c = text[j + 1:j + 4]
    return text[j:j + 1] == "、" and len(c) == 3 and name_ok(c) == "ok" and has_surname(c) and \
        not is_common_word(c) and text[j + 4:j + 5] in _LIST_END | {"。", "等"}


def _is_placey(c: str) -> bool:
    """Ends like a place or body (…镇, …村, …局): not a name without a surname."""
    return c[-1] in "省市县区镇乡村街路州旗盟港湾岛山河湖江队站所局厅处科室院校园厂"


def not_place_part(text: str, j: int) -> bool:
    return not text.startswith(lex().not_after, j)


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
        if ok is None and c[0] in STOP_FIRST and c[0] in L.surnames and c[0] not in "和与及有" and \
                name_ok(c, True) == "ok" and \
                not is_common_word(c[:2]) and (strong_end(text, p + n) or n == 3 and after_score(text, p + n) >= 1
                                               or text[p + n:p + n + 1] in "和与及" and _title_next(text, p + n + 1)) and \
                (not is_common_word(c[1:]) or n == 3 and strong_end(text, p + n, words_only=True)
                 and L.words.get(c[1:], 99.0) >= RARE_GIVEN_IDF):
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
