"""What the person grammars read: character classes, the stage's word lists and the dictionary's idf."""
from __future__ import annotations

import functools
import re

from ..lexicon import wordlist, wordmap

CJK_RE = re.compile(r"[\u4e00-\u9fff]")
BOUND = set("，。；：！？、“”‘’\"'（）()《》【】[]\n,;:!?…—「」『』 \t·/／|｜")
STOP_FIRST = set("的了是和与及等着过也都就这那之其我你他她它们个第在被把从向对给让将已又以所而或并但如若则"
                 "即因此该各每某本些要会能可应需请由据经当全市县区省镇乡村副总原新老有到入")
STOP_INNER = set("的了是与及等着过也都就这那其我你他她它们个年月日时号第在被把对给让将已又于以所而"
                 "或并且但如若则即乃因该各每某本此些么吗呢吧啊")
ORG_END = set("部委局厅处科室院校会厂司组队区县市省镇乡村街站所办团社馆店网报台员者长记席府")


def is_cjk(c: str) -> bool:
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
        from ..gazetteer import gazetteer

        self.places = gazetteer().upper


@functools.lru_cache(maxsize=1)
def lex() -> Lexicon:
    return Lexicon()


COMMON_IDF = 9.5   # below: a common word (作用 4.5, 倾斜 7.2); names sit above (张某 10.6, 李某 12.3)
VERY_COMMON_IDF = 6.0   # below: a word so common it never opens a three-character name (单位 5.4, 马上 5.7; 王国 6.9)
RARE_GIVEN_IDF = 7.5   # a given name may be a word (兴旺 8.7), not a frequent one (大家 4.9, 全体 7.1)
WORD_IDF = 11.0    # below: a word at all, for "a word starts right after the name" (孤身 10.2)


@functools.lru_cache(maxsize=1)
def _dictionary_words() -> dict[str, float]:
    """2-4 character words with their idf, from jionlp's shipped idf.txt (cached as a pickle)."""
    import pickle

    from ..gazetteer import _cache_dir

    from ..shipped import jionlp_dictionary, open_text

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


def contexts(text: str, c: str) -> int:
    """In how many different ways ``c`` is followed: a sentence printed twice (a summary above the body)
    repeats a wrong reading (甲乙采|取) as often as a right one, so only different followers count."""
    return len({text[m.end():m.end() + 2] for m in re.finditer(re.escape(c), text)})
