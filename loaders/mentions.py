"""Persons and organisations mentioned in an article.

Persons come from
- credits: ``article.bylines`` (株洲日报记者 X, 通讯员/X, X 供图), ``article.authors``, and credit tails
  left in the text ((记者 X), (X摄), 编辑:X, 【责任编辑:X】, a closing (X Y));
- post + name: a title as written (市委副书记、市长X; 市政协副主席、市二医院院长X; 志愿者代表X) followed by a
  name; the name's length (2, 3, or 4 with a compound surname) is chosen from what follows it (punctuation,
  a follower word such as 主持/赴/来到/表示), how often each reading recurs in the article, and a word list;
- name lists after a title (副主任A、B、C) and bare lists of names (A、B、C等);
- names before an honorific (X教授, X书记的讲话, X同志, X新时代…思想);
- apposition (X，是/X是 + title);
- appointments, where the title follows the name (任命X为Y, X当选为Y, 免去X的Y职务);
- private persons after a descriptor (脱贫户X, 困难群众X; kb/data/person_descriptors.txt), without a title.

Surnames are a soft signal only (jionlp's full list plus rare ones and Yi clan names in kb/data/surnames.txt):
a candidate without a listed surname still passes after a title when a follower word or a comma ends it, and
a name that is also a word (高峰) when a follower word ends it or it acts as a person elsewhere (X强调). Unnamed people (李女士,
纪某) and names inside place names (X故居) are left out.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from .models import Article, Evidence, Organization, Person, Title
from .lexicon import wordlist, wordmap
from .titles import inherit, parse_title, post_regex, post_suffix, posts, scope_for

CJK_RE = re.compile(r"[\u4e00-\u9fff]")
BOUND = set("，。；：！？、“”‘’\"'（）()《》【】[]\n,;:!?…—「」『』 \t·/／|｜")
STOP_FIRST = set("的了是和与及等着过也都就这那之其我你他她它们个第在被把从向对给让将已又以所而或并但如若则"
                 "即因此该各每某本些要会能可应需请由据经当全市县区省镇乡村副总原新老有")
STOP_INNER = set("的了是与及等着过也都就这那其我你他她它们个年月日时号第在被把对给让将已又于以所而"
                 "或并且但如若则即乃因该各每某本此些么吗呢吧啊")
ORG_END = set("部委局厅处科室院校会厂司组队区县市省镇乡村街站所办团社馆店网报台员者长记席")


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


class Lexicon:
    def __init__(self):
        sur = wordlist("surnames")
        self.surnames = {s for s in sur if len(s) == 1}
        self.compound = {s for s in sur if len(s) == 2}
        fol = wordlist("name_followers")
        self.follow_multi = {w for w in fol if len(w) > 1}
        self.follow_single = {w for w in fol if len(w) == 1}
        self.follow_max = max(len(w) for w in fol)
        self.not_names = set(wordlist("not_names"))
        self.unnamed = sorted(wordlist("unnamed_suffixes"), key=len, reverse=True)
        self.not_after = tuple(sorted(wordlist("not_person_after"), key=len, reverse=True))
        self.honorifics = tuple(sorted(wordlist("honorifics_after"), key=len, reverse=True))
        self.credits = wordmap("credit_titles")
        self.translit = frozenset(wordlist("translit_name_chars"))
        self.photo = tuple(sorted(wordlist("photo_credits"), key=len, reverse=True))
        self.words = _dictionary_words()
        from .gazetteer import gazetteer

        self.places = gazetteer().upper


@functools.lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon()


COMMON_IDF = 9.5   # below: a common word (作用 4.5, 倾斜 7.2); names sit above (张某 10.6, 李某 12.3)
RARE_GIVEN_IDF = 7.5   # a given name may be a word (兴旺 8.7), not a frequent one (大家 4.9, 全体 7.1)
WORD_IDF = 11.0    # below: a word at all, for "a word starts right after the name" (孤身 10.2)


@functools.lru_cache(maxsize=1)
def _dictionary_words() -> dict[str, float]:
    """2-4 character words with their idf, from jionlp's shipped idf.txt (cached as a pickle)."""
    import importlib.util
    import pickle
    from pathlib import Path

    from .gazetteer import _cache_dir

    from .shipped import jionlp_dictionary, open_text

    p = jionlp_dictionary("idf")   # a missing dictionary is an install error, not a silent {}
    st = p.stat()
    cache = _cache_dir() / f"words-v1-{st.st_size}-{int(st.st_mtime)}.pickle"
    try:
        with open(cache, "rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - rebuilt below
        pass
    words: dict[str, float] = {}
    with open_text(p) as f:
        for line in f:
            w, _, v = line.rstrip("\n").partition("\t")
            if 2 <= len(w) <= 4:
                try:
                    x = float(v)
                except ValueError:
                    continue
                if x < WORD_IDF:
                    words[w] = x
    try:
        tmp = cache.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(words, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    except OSError:
        pass
    return words


def is_common_word(w: str) -> bool:
    return lex().words.get(w, 99.0) < COMMON_IDF


# ---------------------------------------------------------------------------- names

def has_surname(c: str) -> bool:
    L = lex()
    return c[:2] in L.compound or c[:1] in L.surnames


def name_ok(c: str, credit: bool = False) -> Optional[str]:
    """'ok', 'weak' (a dictionary word or no listed surname) or None (cannot be a name).

    ``credit``: the string stands in a credit ((X摄), 记者 X) where function words cannot start it, so
    surnames that double as prepositions (向, 于 …) pass.
    """
    L = lex()
    if credit and 3 <= len(c) <= 8 and is_translit(c) and not is_common_word(c) and c not in L.not_names:
        return "ok" if has_surname(c) and len(c) <= 4 else "weak"   # 乌日罕, 巴雅尔图 in a credit
    if not 2 <= len(c) <= 4 or not all(_is_cjk(x) for x in c):
        return None
    if c in L.not_names or (c[0] in STOP_FIRST and not (credit and c[0] in L.surnames)) or \
            any(x in STOP_INNER and not (x in "其日" and len(c) >= 3 and is_translit(c))
                for x in (c[2:] if c[:2] in L.compound else c[1:])):   # (鲜于, 第五: the surname's own 于/五)
        return None     # (其, 日 inside a transliterated name are name characters: 巴其尔, 萨日娜)
    if c[-1] in ORG_END and not (len(c) == 2 and c[-1] in "华"):
        return None
    if len(c) == 4 and c[:2] not in L.compound:
        return None
    rest = c[2:] if c[:2] in L.compound else c[1:]
    for u in L.unnamed:
        if rest.startswith(u) and len(u) >= len(rest) - 0:
            return None
    if rest.startswith("某"):
        return None
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
            q += 1          # 吐尔逊·吐尔地: parts joined by a middle dot are one name
    ps = posts()
    for e in range(q, p + min_len - 1, -1):
        c = text[p:e]
        if c.endswith("·"):
            continue
        # a long name may end at a one-character verb (苏嘎尔布到, 巴根那主持): names of this kind are not words
        end_ok = _strong_end(text, e) or len(c.replace("·", "")) >= 4 and after_score(text, e) >= 1
        if not end_ok or is_common_word(c) or c in lex().not_names or c in lex().places:
            continue
        if any(c[i:j] in ps for i in range(len(c)) for j in range(i + 2, len(c) + 1)):
            continue
        if any(c[i:i + 2] in lex().follow_multi for i in range(len(c) - 1)):
            continue
        return c
    return None


def after_score(text: str, j: int) -> int:
    """How clearly a name ends at ``j``: 3 punctuation/end, 2 a follower word, 1 a one-character one."""
    L = lex()
    if j >= len(text):
        return 3
    c = text[j]
    if c in BOUND or c.isspace():
        return 3
    if not _is_cjk(c):
        return 2
    for k in range(min(L.follow_max, len(text) - j), 1, -1):
        if text[j:j + k] in L.follow_multi:
            return 2
    if post_regex().match(text, j):
        return 2
    if c in L.follow_single:
        return 1
    return 0


def _strong_end(text: str, j: int, words_only: bool = False) -> bool:
    """Punctuation, the end, or a follower word of two characters or more at ``j``."""
    if not words_only and (j >= len(text) or text[j] in BOUND or text[j].isspace()):
        return True
    L = lex()
    for k in range(min(L.follow_max, len(text) - j), 1, -1):
        if text[j:j + k] in L.follow_multi:
            return True
    return False


_ACTS = re.compile(r"强调|指出|表示|主持|一行|带队|率队|先后|首先|叮嘱|详细了解|同志")


def _acts_elsewhere(text: str, c: str) -> bool:
    """``c`` is followed somewhere in ``text`` by what only a person does (柴进强调, 高峰一行)."""
    k = text.find(c)
    while k >= 0:
        if _ACTS.match(text, k + len(c)) and (k == 0 or text[k - 1] not in STOP_FIRST):
            return True
        k = text.find(c, k + 1)
    return False


def _is_placey(c: str) -> bool:
    """Ends like a place or body (…镇, …村, …局): not a name without a surname."""
    return c[-1] in "省市县区镇乡村街路州旗盟港湾岛山河湖江队站所局厅处科室院校园厂"


def _not_place_part(text: str, j: int) -> bool:
    return not text.startswith(lex().not_after, j)


def _in_credit_paren(text: str, i: int, cw) -> bool:
    """``i`` lies in a parenthesis that opens with a credit word ((记者甲某某通讯员乙某), spaces lost in reflow)."""
    lp = max(text.rfind("（", max(0, i - 30), i), text.rfind("(", max(0, i - 30), i))
    if lp < 0 or re.search(r"[)）。，；\n]", text[lp:i]):
        return False
    return cw.match(text, lp + 1) is not None


def pick_name(text: str, p: int, min_score: int = 0) -> Optional[tuple[str, int]]:
    """The name starting at ``p`` (after a title), as (name, score), or None."""
    L = lex()
    tl = translit_name(text, p, 4)
    if tl is not None:
        return tl, 3.0      # a transliterated name (巴图孟和): longer than a Chinese name
    lens = (3, 4) if text[p:p + 2] in L.compound else (2, 3)
    q = p + lens[0] - 1
    for u in L.unnamed:
        if text.startswith(u, q) and (len(u) > 1 or after_score(text, q + 1) >= 2):
            return None   # 李女士, 纪某, 王家 (but a given name may start with 家: X家明)
    scored = []
    for n in lens:
        c = text[p:p + n]
        if len(c) < n:
            continue
        ok = name_ok(c)
        if ok is None and c[0] in STOP_FIRST and c[0] in L.surnames and name_ok(c, True) == "ok" and \
                not is_common_word(c[:2]) and (_strong_end(text, p + n) or n == 3 and after_score(text, p + n) >= 1) and \
                (not is_common_word(c[1:]) or n == 3 and _strong_end(text, p + n, words_only=True)
                 and L.words.get(c[1:], 99.0) >= RARE_GIVEN_IDF):
            ok = "ok"   # a surname that doubles as a function word, right after a title: 县委书记应国栋带领
        if ok is None:
            continue
        s = after_score(text, p + n) * 2.0
        if n == lens[1]:
            if text.count(c) >= 2:
                s += 1.5
            if c[-1] in "说称讲" and text.count(c) < 2:
                s -= 4.5   # 韦明说。: the verb, not a third character
        else:
            longer = text[p:p + lens[1]]
            if text.count(c) > text.count(longer) and text.count(c) >= 2:
                s += 1.5
            nxt = text[p + n:p + n + 2]
            if nxt in L.words or text[p + n:p + n + 3] in L.words or text[p + n:p + n + 4] in L.words:
                s += 1.0
        if ok == "weak":
            # a common word (高峰, 建国) or no listed surname (a Mongolian or Tibetan name): only with a clear end right
            # after it (punctuation or a follower word such as 参加/陪同/主持), never both at once
            common = is_common_word(c)
            if common and not has_surname(c):
                continue
            if common and not (_strong_end(text, p + n, words_only=True) or _acts_elsewhere(text, c)):
                continue   # 领导班子、 成员单位在: unless the word acts as a person elsewhere (X强调)
            if not common and not _strong_end(text, p + n):
                continue
            if not has_surname(c) and not (_strong_end(text, p + n, words_only=True) or
                                           text[p + n:p + n + 1] in ("", "，", "、", "。", "；", "：", "）", ")", "\n")):
                continue   # no surname, and a quote or a verb right after: not a name
            if not has_surname(c) and (n != lens[0] and text.count(c) < 2 or _is_placey(c)):
                continue
            s -= 0.5 if has_surname(c) else 1.0
        if not _not_place_part(text, p + n):
            continue
        scored.append((s, n, c))
    if not scored:
        tl = translit_name(text, p, 3)
        return (tl, 2.0) if tl is not None else None
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    s, n, c = scored[0]
    if s < min_score:
        return None
    if s <= 0 and not has_surname(c):
        return None
    return c, s


# ---------------------------------------------------------------------------- titles before a name

_HELD_BY = re.compile(r"^(?:会议|会|活动|仪式|座谈会|开幕式|典礼|论坛|大会|晚会|发布会|培训|讲座|调研|检查)(?:由|请)")
_LEAD_STRIP = ("受", "由", "经", "在", "向", "对", "据", "与", "和", "及", "以及", "作为", "邀请", "是", "为",
               "请", "让", "随后", "同时", "其中", "包括", "此外", "另外", "当天", "会上", "其", "我市", "原来",
               "担任", "任", "系", "由于", "而", "并", "今天", "昨天", "近日", "日前", "上午", "下午", "晚上")
_DATE_LEAD = re.compile(r"^[\d\s年月日号上下午晚早傍凌晨中]+")


# verbs that show a segment is a clause, not a title; a verb that also names a body (组织部, 研究室,
# 社会保障局, 服务中心) is not one there
_VERBISH = re.compile(r"来到|前往|深入|先后|开展|组织(?!部)|发挥|做好|推动|参加|出席|召开|举行|进行|要求|强调|表示|"
                      r"建立|成立|实施|落实|加强|带领|率领|开设|推出|发动|引导|支持|提供|"
                      r"保障(?![局厅部处科所中])|研究(?![院所室会员中生])|了|赴|到|着|把|将(?!军)|让|使(?!馆)")


_JOINER = re.compile(r"以及|与|和|及|同")


def _clean_segment(seg: str) -> str:
    if "的" in seg:
        seg = seg.rsplit("的", 1)[1]
    # 市委书记甲某与市长乙某: the title of the second name starts after the first name and the joiner
    for m in reversed(list(_JOINER.finditer(seg))):
        if len(seg) - m.end() >= 2 and post_suffix(seg[m.end():]) and _has_person_before(seg, m.start()):
            seg = seg[m.end():]
            break
    else:
        # 通讯员甲某某记者 (spaces lost in reflow): a title never holds a post followed by a name
        for k in range(len(seg) - 2, 3, -1):
            if post_suffix(seg[k:]) == seg[k:] and _has_person_before(seg, k):
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
        seg = _clean_segment(text[i:end])
        if not seg or not post_suffix(seg) or len(seg) > 36 or _VERBISH.search(seg[: len(seg) - len(post_suffix(seg))]):
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
            prev = _clean_segment(text[k:j])
            if prev and post_suffix(prev) and text[k - 1:k] in ("", "\n", "“", "”", "。", "，", "、") and \
                    not _has_person_before(text, j):
                end = j
                continue
        break
    return out


def _contains_name_like(seg: str) -> bool:
    return False


def _has_person_before(text: str, j: int) -> bool:
    """Does a name end at j (…院长周某，)? Then the comma separates two people, not two titles."""
    for n in (2, 3, 4):
        c = text[j - n:j]
        if len(c) == n and name_ok(c) == "ok" and post_suffix(text[max(0, j - n - 8):j - n]):
            return True
    return False


# ---------------------------------------------------------------------------- mentions

@dataclass
class PersonMention:
    name: str
    start: int
    end: int
    titles: list[str] = field(default_factory=list)
    kind: str = "titled"          # titled | list | bare | honorific | apposition | credit | name
    role: Optional[str] = None    # reporter | correspondent | photographer | editor | author


_CREDIT_WORDS = None


def _credit_regex():
    global _CREDIT_WORDS
    if _CREDIT_WORDS is None:
        words = sorted(lex().credits, key=len, reverse=True)
        _CREDIT_WORDS = re.compile("(" + "|".join(map(re.escape, words)) + ")")
    return _CREDIT_WORDS


_NAME_SPACED = r"[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,7}"


def _credit_mentions(text: str) -> list[PersonMention]:
    """Credit tails left in the text: (记者 X), (X摄), 编辑:X, 【责任编辑:X】, (X Y) at the end."""
    out: list[PersonMention] = []
    L = lex()
    cw = _credit_regex()
    credit_alt = cw.pattern[1:-1]
    # 1. credit word + optional colon + name (names may be spaced: 杨   媛)
    # (a lookahead, so that a second credit glued to the first name is seen: 记者甲某某通讯员乙某)
    busy = -1
    for m in re.finditer(r"(?=(" + credit_alt + r")[ \u3000]*[:：/／]?[ \u3000]*(" + _NAME_SPACED + "))", text):
        if m.start() < busy:
            continue
        busy = m.end(1)
        word = m.group(1)
        raw = m.group(2)
        # a credit needs a colon, a slash, a bracket before it, or a line/credit start
        before = text[max(0, m.start() - 1):m.start()]
        sep = text[m.end(1):m.start(2)]
        if not (re.search(r"[:：/／]", sep) or before in ("", "(", "（", "【", "[", "\n", " ", "\u3000", "）", ")")
                or (sep.strip() == "" and sep != "" and before in ("报", "网", "台"))
                or _in_credit_paren(text, m.start(), cw)):
            continue
        groups = raw.split()
        if len(groups) >= 2 and all(2 <= len(g) <= 3 and name_ok(g, True) == "ok" and has_surname(g) for g in groups):
            for g in groups:     # several whole names after one credit word: 记者:张琦 曹栋
                k = text.index(g, m.start(2))
                out.append(PersonMention(g, k, k + len(g), [word], "credit", L.credits.get(word)))
            busy = max(busy, m.end(2))
            continue
        name = re.sub(r"[ \u3000]+", "", raw)
        name = _cut_at_credit(name)
        # a trailing credit word glued to the name (丁某某责任编辑) was cut above
        for n in (len(name), 3, 2):
            c = name[:n]
            if 2 <= len(c) <= 8 and name_ok(c, True) in ("ok", "weak") and \
                    (has_surname(c) or len(c) >= 3 and is_translit(c)):
                e = m.start(2) + len(c)
                if raw == name and not (after_score(text, e) >= 1 or text.startswith(L.photo, e) or cw.match(text, e)
                                        or text.startswith(("报道", "采写", "整理"), e)
                                        or text[e:e + 1] in ("文", "图") and not _is_cjk(text[e + 1:e + 2] or " ")) or \
                        raw == name and c[0] in STOP_FIRST and re.match(r"[^。；\n]{0,30}(?:获悉|了解到|得知)", text[e:]):
                    continue    # 记者从市统计局获悉: the credit word is the subject of a sentence
                # spaced two-character names (杨   媛) are whole; else choose by what follows
                out.append(PersonMention(c, m.start(2), m.start(2) + _raw_len(raw, len(c)), [word], "credit",
                                         L.credits.get(word)))
                if raw == name:
                    busy = max(busy, m.end(2))
                # more names after a space (通讯员/甲某某 乙某)
                tail = text[m.end(2):]
                for m2 in re.finditer(r"^[ \u3000]+([\u4e00-\u9fff]{2,3})(?=[ \u3000）)\n]|$)", tail):
                    c2 = m2.group(1)
                    if name_ok(c2, True) and has_surname(c2):
                        s2 = m.end(2) + m2.start(1)
                        out.append(PersonMention(c2, s2, s2 + len(c2), [word], "credit", L.credits.get(word)))
                break
    # 1b. 文/甲某 图/乙某 on a credit line (no title kept: the slash says text or picture, not a post)
    for m in re.finditer(r"(?:^|(?<=[\s（(【])|(?<=[/／][\u4e00-\u9fff]{2})|(?<=[/／][\u4e00-\u9fff]{3}))(文|图|文图|图文)[/／:：][ \u3000]*([\u4e00-\u9fff]{2,3})(?=[\s）)】]|$|[文图][/／])", text):
        c = m.group(2)
        if name_ok(c, True) == "ok" and has_surname(c):
            out.append(PersonMention(c, m.start(2), m.end(2), [], "credit",
                                     "photographer" if m.group(1) == "图" else "author"))
    # 2. photo credits written after the name: 丙某 供图, (丙某某摄)
    photo_alt = "|".join(map(re.escape, L.photo))
    for m in re.finditer(r"(?:(?<=[\s(（【\]])|^)([\u4e00-\u9fff]{2,3})[ \u3000]*(?:" + photo_alt + r")(?=[\s)）】]|$)",
                         text):
        c = m.group(1)
        if name_ok(c, True) and has_surname(c):
            out.append(PersonMention(c, m.start(1), m.end(1), [], "credit", "photographer"))
    # 3. a closing parenthesis of names only: (甲某某 乙某某)
    for m in re.finditer(r"[(（]([\u4e00-\u9fff]{2,3}(?:[ \u3000、]+[\u4e00-\u9fff]{2,3})*)(?:报道|供稿|摄)?[)）]"
                         r"[ \u3000]*(?=\n|$)", text):
        items = m.group(1).replace("、", " ").split()
        if all(name_ok(x, True) == "ok" for x in items):
            pos = m.start(1)
            for x in items:
                k = text.index(x, pos)
                out.append(PersonMention(x, k, k + len(x), [], "credit", "author"))
                pos = k + len(x)
    return out


def _raw_len(raw: str, n: int) -> int:
    """Length of the prefix of ``raw`` (a name spaced as 杨   媛) that holds its first ``n`` characters."""
    k = 0
    for i, ch in enumerate(raw):
        if not ch.isspace():
            k += 1
            if k == n:
                return i + 1
    return len(raw)


def _cut_at_credit(name: str) -> str:
    m = _credit_regex().search(name, 1)
    return name[: m.start()] if m else name


@functools.lru_cache(maxsize=1)
def _descriptor_regex():
    words = sorted(wordlist("person_descriptors"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


_NAMES = r"[\u4e00-\u9fff]{2,4}?(?:同志)?(?:、[\u4e00-\u9fff]{2,4}?(?:同志)?)*?"
_APPOINT = (
    # 任命X为Y / 提名X同志为Y
    re.compile(r"(?:决定任命|任命|提名|推选|推荐|选举|聘任|聘请)(?P<names>" + _NAMES + r")为(?P<title>[^，。；、“”\n]{2,40})"),
    # X当选为Y / X被任命为Y / X任Y (X after a boundary)
    re.compile(r"(?:^|(?<=[，。；：\n]))(?P<names>" + _NAMES + r")(?:当选为|当选|被任命为|被选举为|被提名为|被推选为|"
               r"任|担任|出任)(?P<title>[^，。；、“”\n]{2,40})"),
    # 免去X的Y职务
    re.compile(r"免去(?P<names>" + _NAMES + r")的(?P<title>[^，。；、“”\n]{2,40}?)(?:职务|职位|一职)"),
    re.compile(r"免去(?P<names>" + _NAMES + r")同志(?P<title>[^，。；、“”\n的]{2,40}?)(?:职务|职位|一职)"),
)
_TITLE_TAIL = re.compile(r"(?:职务|职位|一职|候选人|人选|等职)$")


def _appointment_title(seg: str) -> Optional[str]:
    """The title at the start of ``seg``: up to the last post word (县财政局局长职务 → 县财政局局长)."""
    seg = _TITLE_TAIL.sub("", seg)
    for k in range(len(seg), 1, -1):
        t = seg[:k]
        if post_suffix(t) and not _VERBISH.search(t[: len(t) - len(post_suffix(t))]):
            return t
    return None


def _appointment_mentions(text: str, taken: set[int]) -> list[PersonMention]:
    out: list[PersonMention] = []
    for rx in _APPOINT:
        for m in rx.finditer(text):
            title = _appointment_title(m.group("title"))
            if not title:
                continue
            pos = m.start("names")
            items = []
            for raw in m.group("names").split("、"):
                name = raw[:-2] if raw.endswith("同志") else raw
                k = text.find(name, pos)
                pos = k + len(raw)
                if k in taken or name_ok(name) != "ok":
                    items = []
                    break
                items.append((name, k))
            for name, k in items:
                out.append(PersonMention(name, k, k + len(name), [title], "titled"))
                taken.update(range(k, k + len(name)))
    return out


_BIO_RE = re.compile(r"(?:^|(?<=[\n。；：:]))(?P<name>[\u4e00-\u9fff]{2,4})[，,][ \u3000]*[男女][，,][ \u3000]*"
                     r"(?:[\u4e00-\u9fff]{1,4}族[，,])?[ \u3000]*(?:\d{4}|[〇一二三四五六七八九]{4})[ \u3000]*年"
                     r"[ \u3000]*[\d一二三四五六七八九十]{1,2}[ \u3000]*月[ \u3000]*出?生")
_BIO_POST_RE = re.compile(r"(?:现任|现为|曾任)([^，。；\n]{2,60})(?=[，。；]|$)")
_APPOS = re.compile(r"，?是([^，。；“”]{2,40}?)(?=[，。；])")


def find_person_mentions(text: str) -> list[PersonMention]:
    """Every person mention found by the grammars in ``text`` (names resolved later)."""
    L = lex()
    out: list[PersonMention] = []
    taken: set[int] = set()

    def add(pm: PersonMention):
        out.append(pm)
        taken.update(range(pm.start, pm.end))

    for pm in _credit_mentions(text):
        add(pm)

    # post + name, then 、-lists of names sharing the title
    prev_title: Optional[str] = None
    prev_end = -10
    for m in post_regex().finditer(text):
        p = m.end()
        while p < len(text) and text[p] in " \u3000":
            p += 1
        if p in taken:
            continue
        got = pick_name(text, p)
        if not got:
            continue
        name, _ = got
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
        add(PersonMention(name, p, end, list(titles), "titled"))
        prev_title, prev_end = titles[-1], end
        j = end
        while j < len(text) and text[j] == "、":
            if post_regex().match(text, j + 1):
                break
            nxt = pick_name(text, j + 1)
            if not nxt or nxt[1] < 2 or name_ok(nxt[0]) != "ok":
                break
            # the item must not start a new titled name (、市长X)
            add(PersonMention(nxt[0], j + 1, j + 1 + len(nxt[0]), list(titles), "list"))
            j = j + 1 + len(nxt[0])
            prev_end = j

    # a private person after a descriptor: 脱贫户X, 困难群众X (no title kept)
    for m in _descriptor_regex().finditer(text):
        p = m.end()
        if p in taken:
            continue
        got = pick_name(text, p)
        if got and m.start() > 0 and text[m.start() - 1] in "的之" and text.count(got[0]) < 2 and \
                not (len(got[0]) == 3 and text[p + 3:p + 4] in ("，", "。", "；", "、") and
                     name_ok(got[0]) == "ok" and not is_common_word(got[0])):
            continue   # …的农民工资: after 的, only a name that recurs
        if not got or name_ok(got[0]) != "ok" or is_common_word(got[0][:2]) or \
                not (_strong_end(text, p + len(got[0])) or len(got[0]) == 3 and text.count(got[0]) >= 2):
            continue   # a word after the descriptor (群众关切), not a name
        add(PersonMention(got[0], p, p + len(got[0]), [], "descriptor"))
        j = p + len(got[0])
        while j < len(text) and text[j] == "、":   # 困难群众A、B
            nxt = pick_name(text, j + 1)
            if not nxt or name_ok(nxt[0]) != "ok" or not _strong_end(text, j + 1 + len(nxt[0])):
                break
            add(PersonMention(nxt[0], j + 1, j + 1 + len(nxt[0]), [], "descriptor"))
            j = j + 1 + len(nxt[0])

    # appointments: 任命X为Y, X当选为Y, 免去X的Y职务 (the title follows the name)
    for pm in _appointment_mentions(text, taken):
        add(pm)

    # a cadre's résumé in a notice (任前公示): X，男，1975年10月生，…，现任Y、Z，拟任…
    for m in _BIO_RE.finditer(text):
        name = m.group("name")
        if m.start("name") in taken or name_ok(name) is None:
            continue
        titles: list[str] = []
        cur = _BIO_POST_RE.search(text, m.end(), min(len(text), m.end() + 160))
        if cur:
            for part in re.split(r"、", cur.group(1)):
                t = _appointment_title(part)
                if t:
                    titles.append(t)
        add(PersonMention(name, m.start("name"), m.end("name"), titles, "titled"))

    known = {pm.name for pm in out}
    titled_starts = {pm.start for pm in out if pm.kind in ("titled", "list")}

    # honorific after a name: X教授, X书记的讲话, X同志, X新时代…思想
    hon_alt = "|".join(map(re.escape, L.honorifics))
    for m in re.finditer(r"(?<![副委总支组记工党])(?:" + hon_alt + r"|新时代中国特色社会主义思想)", text):
        s = m.start()
        if s - 1 in taken or m.end() in titled_starts:
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
                if len(c) == n and name_ok(c) == "ok" and (n == 2 or not (text[s - 3] in STOP_FIRST)):
                    if n == 3 and name_ok(text[s - 2:s]) == "ok" and text[s - 3] not in lex().surnames:
                        continue
                    cand = c
                    break
        if cand is None:
            continue
        word = m.group(0)
        titles = [word] if word in posts() or word in ("教授", "博士", "院士") else []
        add(PersonMention(cand, s - len(cand), s, titles, "honorific"))
        known.add(cand)

    # leaders named by their standing only: 县领导A、B、C参加 / 我旗领导A、B (the title is 县领导)
    for pm in _leader_lists(text, taken):
        add(pm)
        known.add(pm.name)

    # a post written after the name: 陈某县长主持, 刘某副市长调研, 唐某局长率孔某副局长
    for pm in _post_after_name(text, taken, known):
        add(pm)
        known.add(pm.name)

    # bare lists: A、B、C等 / A、B、C，
    for m in re.finditer(r"[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3}){2,}(?=等|[，。；、\n]|$)", text):
        items = m.group(0).split("、")
        first = items[0]
        # the first item is the tail of a longer run: 查处了甲某
        if len(first) == 3 and (first[0] in STOP_FIRST or not has_surname(first)):
            first = first[1:]
        items[0] = first
        tail_after = text[m.end():m.end() + 3]
        if re.match(r"等(?:地|省|市|县|区|国|单位|部门|企业|行业|领域|方面|乡镇)", tail_after):
            continue
        if all(x in known or (name_ok(x) == "ok") for x in items) and sum(x in known for x in items) + \
                sum(has_surname(x) for x in items) >= len(items):
            pos = m.start()
            for x in items:
                k = text.index(x, pos)
                pos = k + len(x)
                if k in taken:
                    continue
                if not _not_place_part(text, k + len(x)):
                    continue
                add(PersonMention(x, k, k + len(x), [], "bare"))
                known.add(x)

    # apposition: (的)X，是 + title
    for m in re.finditer(r"(?:(?<=[的，。\n])|^)([\u4e00-\u9fff]{2,3})，?是([^，。；“”]{2,40}?)(?=[，。；])", text):
        c = m.group(1)
        title = _clean_segment(m.group(2))
        if not post_suffix(title) or not (c in known or name_ok(c) == "ok"):
            continue
        add(PersonMention(c, m.start(1), m.end(1), [title], "apposition"))
        known.add(c)

    # every other occurrence of a known name
    if known:
        rx = re.compile("|".join(map(re.escape, sorted(known, key=len, reverse=True))))
        for m in rx.finditer(text):
            if m.start() in taken:
                continue
            add(PersonMention(m.group(0), m.start(), m.end(), [], "name"))
    # apposition after a named mention: X是市中心医院消化内科副主任，
    for pm in list(out):
        m = _APPOS.match(text, pm.end)
        if m:
            title = _clean_segment(m.group(1))
            if post_suffix(title) and title not in pm.titles:
                pm.titles.append(title)
    out.sort(key=lambda pm: pm.start)
    return out


_LEADERS = re.compile(r"(?:(?:我|本)?(?:省|市|县|区|州|旗|盟|镇|乡|街道)(?:级)?|[\u4e00-\u9fff]{2,6}(?:省|市|县|区|州|旗|盟))领导(?:同志)?[：:]?")


def _leader_lists(text: str, taken: set[int]) -> list[PersonMention]:
    """县领导A、B、C参加: names after a standing noun, each with it as title."""
    out = []
    for m in _LEADERS.finditer(text):
        j = m.end()
        title = re.sub(r"^(?:我|本)", "", m.group(0).rstrip("：:").replace("同志", ""))
        while j < len(text) and j not in taken:
            got = pick_name(text, j)
            if not got or got[1] < 2 or name_ok(got[0], True) is None:
                break
            out.append(PersonMention(got[0], j, j + len(got[0]), [title], "list"))
            j += len(got[0])
            if text[j:j + 1] != "、":
                break
            j += 1
    return out


# person posts that follow a name in running text (陈某县长, 刘某副市长); two characters or more
_AFTER_POSTS = ("书记", "市长", "县长", "区长", "州长", "省长", "旗长", "镇长", "乡长", "局长", "处长", "科长", "主任",
                "部长", "厅长", "主席", "总农艺师", "总工程师", "总经济师", "秘书长", "校长", "院长", "站长", "所长", "社长")
_AFTER_RE = re.compile(r"(?:常务)?(?:副)?(?:" + "|".join(_AFTER_POSTS) + r")")


def _post_after_name(text: str, taken: set[int], known: set[str]) -> list[PersonMention]:
    out = []
    for m in _AFTER_RE.finditer(text):
        s = m.start()
        if s - 1 in taken or m.end() in taken:
            continue
        for n in (3, 2):
            a = s - n
            c = text[a:s]
            if a < 0 or a in taken or len(c) < n:
                continue
            before = text[a - 1:a] if a > 0 else ""
            if not (before == "" or before in BOUND or before.isspace() or before in "率和与及由请让经" or
                    before in ORG_END and n == 3 or before.isdigit() or before in "午晚"):
                continue
            if any(text[k:m.end()] in posts() for k in range(a, s)):
                continue   # 党总支书记, 党委副书记: the post is longer than it looked
            if c in known or (name_ok(c) == "ok" and not is_common_word(c)):
                if n == 3 and text[a + 1:s] in known:
                    continue
                out.append(PersonMention(c, a, s, [m.group(0)], "titled"))
                taken.update(range(a, s))
                break
    return out


# ---------------------------------------------------------------------------- persons of an article

def _role_for_title(title: str) -> Optional[str]:
    for word, role in sorted(lex().credits.items(), key=lambda kv: len(kv[0]), reverse=True):
        if title.endswith(word):
            return role
    return None


def persons_of(article: Article, mentions: Optional[list[PersonMention]] = None) -> list[Person]:
    """Persons of an article: credits first (bylines, authors), then the text, titles merged by name."""
    outlet = article.outlet
    by_name: dict[str, Person] = {}
    order: list[str] = []

    def person(name: str) -> Person:
        if name not in by_name:
            by_name[name] = Person(name=name)
            order.append(name)
        return by_name[name]

    def add_title(p: Person, t: str):
        t = t.strip()
        if t and all(x.text != t for x in p.titles):
            p.titles.append(parse_title(t, outlet))

    pending: Optional[str] = None   # a credit word given as its own byline (记者, then 张某某)
    credits = lex().credits
    for b in article.bylines or []:
        name = re.sub(r"\s+", "", b.name or "")
        title, role = b.title, b.role
        if name in credits:
            pending = name
            continue
        for suf in lex().photo:       # 丙某某摄
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                name, title, role = name[: -len(suf)], None, "photographer"
                break
        if not name or name_ok(name, credit=True) is None:
            pending = None
            continue
        if pending and (not title or title == "署名"):
            title, role = pending, credits.get(pending, role)
        pending = None
        p = person(name)
        if role not in ("photographer",) and title and title not in lex().photo and title != "署名":
            add_title(p, title)
        p.role = p.role or role
        p.evidence.append(Evidence(b.name, b.start, b.end))
    if not article.bylines:
        for name in article.reporters or []:
            p = person(name)
            add_title(p, f"{outlet}记者" if outlet else "记者")
            p.role = p.role or "reporter"
        for name in article.correspondents or []:
            p = person(name)
            add_title(p, "通讯员")
            p.role = p.role or "correspondent"
    for name in article.authors or []:
        name = re.sub(r"\s+", "", name)
        for suf in lex().photo:
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                name = name[: -len(suf)]
                break
        if name and name not in credits and name_ok(name) is not None:
            p = person(name)
            p.role = p.role or "author"

    if mentions is None:
        mentions = find_person_mentions(article.text)
    for pm in mentions:
        p = person(pm.name)
        for t in pm.titles:
            add_title(p, t)
        if pm.role and not p.role:
            p.role = pm.role
        if len(p.evidence) < 3:
            p.evidence.append(article.sentence_evidence(pm.start, pm.end))
    for cap in article.captions or []:
        for pm in find_person_mentions(cap.text):
            if pm.kind == "name":
                continue
            p = person(pm.name)
            for t in pm.titles:
                add_title(p, t)
            if pm.role and not p.role:
                p.role = pm.role
        if cap.credit:
            m = re.match(r"^\s*([\u4e00-\u9fff]{2,3})\s*(?:摄|供图|摄影)?\s*$", cap.credit)
            if m and name_ok(m.group(1)) and has_surname(m.group(1)):
                p = person(m.group(1))
                p.role = p.role or "photographer"
    for p in by_name.values():
        if p.role is None:
            roles = [_role_for_title(t.text) for t in p.titles]
            roles = [r for r in roles if r]
            p.role = roles[0] if roles else ("official" if p.titles else "other")
    return [by_name[n] for n in order]


# ---------------------------------------------------------------------------- organisations

@functools.lru_cache(maxsize=1)
def _org_regex():
    suf = sorted(wordmap("org_suffixes"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, suf)))


@functools.lru_cache(maxsize=1)
def _not_org_endings() -> tuple:
    return wordlist("not_org_endings")


@functools.lru_cache(maxsize=1)
def _org_not_before() -> frozenset:
    return frozenset(wordlist("org_suffix_not_before"))


@functools.lru_cache(maxsize=1)
def _org_break():
    """Everything up to the last break word (kb/data/org_left_breaks.txt) or count (450名) is not the name."""
    words = sorted(wordlist("org_left_breaks"), key=len, reverse=True)
    return re.compile(r".*(?:" + "|".join(map(re.escape, words)) + r"|\d+(?:名|个|家|位|支))")
_ORG_GENERIC = re.compile(r"^(?:各|全|该|本|有关|相关|多家|各级|各类|其他|市直|县直|部分|基层|一个|这个|那个|每个)")


def organizations_of(article: Article, persons: list[Person]) -> list[Organization]:
    text = article.text
    scope = scope_for(article.outlet)
    kinds = wordmap("org_suffixes")
    orgs: dict[str, Organization] = {}

    def add(written: str, kind: Optional[str], ev: Optional[Evidence]):
        name = scope.scoped(written)
        o = orgs.get(name)
        if o is None:
            o = orgs[name] = Organization(name=name, kind=kind)
        if written not in o.aliases:
            o.aliases.append(written)
        if ev and len(o.evidence) < 3:
            o.evidence.append(ev)

    person_names = [p.name for p in persons if len(p.name) >= 2]
    rx = _org_regex()
    not_before = _org_not_before()
    for m in rx.finditer(text):
        suf = m.group(0)
        if text[m.end():m.end() + 1] in not_before and m.end() < len(text):   # 部署, 办法, 委托 …
            continue
        # the suffix must end the word: 社区 not 社区内的
        i = m.start()
        k = i
        while k > 0 and _is_cjk(text[k - 1]) or (k > 0 and text[k - 1].isdigit()):
            k -= 1
            if m.start() - k > 20:
                break
        left = text[k:i]
        cut = _org_break().match(left)
        if cut:
            left = left[cut.end():]
        for pname in person_names:   # 某某鼓励酒店: a person's name is not part of the body's name
            j = left.rfind(pname)
            if j >= 0:
                left = left[j + len(pname):]
        if len(left) < 2 or _ORG_GENERIC.match(left):
            continue
        written = left + suf
        if written.endswith(_not_org_endings()):
            continue
        if post_suffix(written) and not written.endswith(suf):
            continue
        add(written, _org_kind(suf, kinds), article.sentence_evidence(i - len(left), m.end()))
    for p in persons:
        for t in p.titles:
            if t.organization and len(t.organization) >= 2:
                o = orgs.get(t.organization)
                if o is None:
                    o = orgs[t.organization] = Organization(name=t.organization, kind=_org_kind_for(t.organization))
                    o.aliases.append(t.text[: len(t.text) - len(t.post or "")] or t.organization)
                if not o.evidence and p.evidence:   # where the title was read
                    o.evidence.append(p.evidence[0])
    return list(orgs.values())


def _org_kind(suf: str, kinds: dict[str, str]) -> str:
    k = kinds.get(suf, "other")
    if suf in ("市委", "县委", "区委", "省委", "州委", "党委", "党组", "纪委", "党工委", "党总支", "党支部"):
        return "party"
    return k


def _org_kind_for(name: str) -> str:
    kinds = wordmap("org_suffixes")
    for L in range(min(8, len(name)), 0, -1):
        if name[-L:] in kinds:
            return _org_kind(name[-L:], kinds)
    return "other"
