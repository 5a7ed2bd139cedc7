"""Is a string a name (``name_ok``), and the readings of non-Han and dotted names; where the name after a title
ends is ``pick_name`` (loaders/mentions/pick.py, built on these)."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import alternation, wordlist
from ..titles import post_regex, posts
from .words import BOUND, ORG_END, VERY_COMMON_IDF, STOP_FIRST, STOP_INNER, is_cjk, is_common_word, lex

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
    if _COUNTED_END.search(rest):
        return None     # 甲、乙山两名同志: a count (两名), no given name
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


_COUNTED_END = re.compile(r"[两二三四五六七八九十几\d][名位人个]$")


def _given_qi(c: str, x: str) -> bool:
    """其 or 月 as the first given-name character of a three-character Han name (甲其山, 乙月芳), not a word
    (其他, 其中, 尤其, 月底, 月份)."""
    return x in "其月" and len(c) == 3 and c[1] == x and c[:1] in lex().surnames and not is_common_word(c[1:]) \
        and not is_common_word(c[:2]) and c[2] not in STOP_INNER


# function characters that are also given-name characters (若男, 如意, 以诚, 乃硕)
_NAME_FUNCTION_CHARS = frozenset("若如以乃")
# in a credit (记者 X, a signature) also 年, 月 and 本 (甲年丰, 乙金月, 丙本炎): no date or 本市 is written there
_CREDIT_NAME_CHARS = _NAME_FUNCTION_CHARS | frozenset("年月本")
# function characters that end given names (甲国让, 甲长者) where a list mark or a strong follower closes the name
_LISTED_END_CHARS = "让科记者团台年"
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
        if not (strong_end(text, e) or after_score(text, e) >= (1 if text[e:e + 1] in "对向与同就在到赴率及" else 2)
                or text[e:e + 1] == "和" and _title_next(text, e + 1)):
            continue    # …·某某对某某的会见, …·某某就…工作, …·某某率调研组, …·某某及: a preposition, 率 or 及 ends it
            # (…·某某和州党委常委乙: 和 before a title ends it too)
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
