"""The script a text is written in: traditional characters read as simplified, one for one.

Government sites serve pages in traditional characters too (a 繁體 switch, machine-converted, sometimes
with the pinyin of a polyphonic character printed after it: 區(qū), 習xí近平). kb's grammars and word
lists are simplified, so such a text is read through OpenCC's character table (TSCharacters, shipped
with opencc-python-reimplemented): each character becomes one character, the pinyin glosses become
spaces the reflow drops, and every offset still points into the file as it is. A simplified text is
left alone: only a text where traditional-only characters are common is converted, so a rare character
a simplified text may hold (瞭望, the surname 於) stays as written.
"""
from __future__ import annotations

import functools
import re

from .shipped import opencc_dictionary

# a traditional text: at least this share of its Han characters are traditional-only (and a few of them)
_MIN_SHARE = 0.02
_MIN_CHARS = 5
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# 區(qū), 樹(shù): a toned syllable in brackets after a character; 習xí近平: a bare toned syllable between two
_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])(?:[(（][a-zü{_TONE}]*[{_TONE}][a-zü{_TONE}]*[)）]"
                    rf"|[a-zü]*[{_TONE}][a-zü{_TONE}]*(?=[\u4e00-\u9fff]))")


@functools.lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Traditional → simplified, the first reading of each one-character entry that changes."""
    out = {}
    with open(opencc_dictionary("TSCharacters"), encoding="utf-8") as f:
        for line in f:
            trad, _, simp = line.rstrip("\n").partition("\t")
            first = simp.split(" ")[0] if simp else ""
            if len(trad) == 1 and len(first) == 1 and first != trad:
                out[ord(trad)] = first
    return out


def is_traditional(text: str) -> bool:
    """Does ``text`` read as traditional Chinese (traditional-only characters common among its Han ones)?"""
    table = _table()
    trad = sum(1 for c in text if ord(c) in table)
    if trad < _MIN_CHARS:
        return False
    return trad >= _MIN_SHARE * len(_HAN.findall(text))


def simplified(text: str) -> str:
    """``text`` in simplified characters, same length (glosses as spaces); unchanged when simplified."""
    if any(c in _TONE for c in text):
        text = _GLOSS.sub(lambda m: " " * len(m.group(0)), text)
    if is_traditional(text):
        text = text.translate(_table())
    return text


def folded(text: str) -> str:
    """For comparing strings (the scorer): glosses dropped, traditional characters as simplified."""
    if any(c in _TONE for c in text):
        text = _GLOSS.sub("", text)
    return text.translate(_table())
