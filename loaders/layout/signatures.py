"""Closing signatures — (记者 甲), (甲 乙报道), (某某办 甲), (甲乙丙丁戊), (某办 甲 乙图/文): one grammar for the
layout (web articles' trailing signatures, datelines' run-in names) and the mentions (credits.py)."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import wordlist
from ..models import Byline

# credit words that may open a trailing signature: (记者 张三), (通讯员 李四 王五)
_CREDIT_WORDS = {"记者": "reporter", "见习记者": "reporter", "特约记者": "reporter", "融媒记者": "reporter",
                 "通讯员": "correspondent", "实习生": "correspondent", "摄影": "photographer"}
_ORG_END = ("办", "局", "委", "部", "中心", "室", "处", "院", "所", "站", "队", "会", "组", "社", "台", "网", "府",
            "政协", "科协", "侨联", "妇联", "文联", "残联", "民盟")   # 某区政协, 某市侨联, 某地民盟
_TOKEN_RE = re.compile(r"[\u4e00-\u9fff·]+")
_CREDIT_WORDS_BY_LENGTH = sorted(_CREDIT_WORDS, key=len, reverse=True)
_SIGNATURE_SUFFIXES = tuple(sorted(wordlist("closing_credit_words"), key=len, reverse=True))
_TEXT_PHOTO_TAIL = re.compile(r"(?:图[ \t\u3000]*[/／]?[ \t\u3000]*文|文[ \t\u3000]*[/／]?[ \t\u3000]*图)[ \t\u3000]*$")
_SURNAMES = frozenset(wordlist("surnames"))
_TRANSLIT = frozenset(wordlist("translit_name_chars"))


def parse_signature(src: str, s: int, e: int) -> Optional[list[Byline]]:
    """The credits of a closing signature — (记者 甲), (甲 乙报道), (某某办 甲), (甲乙丙丁戊), (甲/整理) —
    or None when a token is neither a credit word, a unit nor a name. Signed by units only: no credits."""
    out: list[Byline] = []
    credit, role = "署名", "author"
    unit = False
    tail = _TEXT_PHOTO_TAIL.search(src, s, e)      # (某办 甲 乙图/文): the names wrote and photographed
    if tail:
        e, credit = tail.start(), "图/文"
    for tm in _TOKEN_RE.finditer(src, s, e):
        tok, p = tm.group(0), tm.start()
        if tok in _SIGNATURE_SUFFIXES or tok in ("文", "图") and src[p - 1:p] in ("/", "／"):
            continue                                # (甲/整理), (甲 乙 报道), (甲/文)
        word = next((w for w in _CREDIT_WORDS_BY_LENGTH if tok.startswith(w)), None)
        if word:                                    # (记者 甲) and (记者甲): the word titles what follows
            credit, role = word, _CREDIT_WORDS[word]
            tok, p = tok[len(word):], p + len(word)
            if not tok:
                continue
        elif not out:
            word = next((w for w in _CREDIT_WORDS_BY_LENGTH if tok.endswith(w) and len(tok) - len(w) >= 2), None)
            if word:                                # (某融媒记者 甲 乙): the outlet's credit word
                credit, role = tok, _CREDIT_WORDS[word]
                continue
        suffix = next((x for x in _SIGNATURE_SUFFIXES if tok.endswith(x) and len(tok) - len(x) >= 2), "")
        tok = tok[:len(tok) - len(suffix)]
        if tok.endswith(_ORG_END) and len(tok) >= 3 and not out:
            credit, unit = tok, True                # (经济委办 甲): the unit titles the names after it
            continue
        names = _split_run(tok)
        if names is None and not out:
            cut = _unit_then_names(tok)            # (某地民盟甲乙, spaces lost): the unit, then the names
            if cut:
                credit, unit = tok[:cut], True
                tok, p = tok[cut:], p + cut
                names = _split_run(tok)
        if names is None:
            return None
        for nm in names:
            r = ("photographer", "摄") if suffix == "摄" else (role, credit)
            out.append(Byline(name=nm, title=r[1], role=r[0], start=p, end=p + len(nm)))
            p += len(nm)
    return out if out or unit else None         # (县政府办) alone: a unit's signature, no person


def _unit_then_names(tok: str) -> int:
    """Where a unit's name (ending like a body: 办, 局, 民盟 …) ends in a run with names after it, else 0."""
    for k in range(len(tok) - 2, 2, -1):
        if tok[:k].endswith(_ORG_END) and 2 <= len(tok) - k <= 6 and _surnamed(tok[k:]):
            return k
    return 0


def _split_run(tok: str) -> Optional[list[str]]:
    """A token of a signature as names: 2–4 characters are one name; 5–6 are two names run together,
    split where the second surname starts (甲乙丙丁戊 → 甲乙 + 丙丁戊 when 丙 is a surname)."""
    if 2 <= len(tok) <= 4:
        return [tok]
    cuts = {5: (3, 2), 6: (3,)}.get(len(tok), ())
    for c in cuts:
        a, b = tok[:c], tok[c:]
        if _surnamed(a) and _surnamed(b):
            return [a, b]
    # (某某某某某 甲某): a token of up to eight characters of transliterated names is one name
    return [tok] if len(tok) <= 8 and all(x in _TRANSLIT for x in tok) else None


def _surnamed(n: str) -> bool:
    return n[:2] in _SURNAMES or n[:1] in _SURNAMES
