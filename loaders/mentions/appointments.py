"""Titles written after the name: appointments (任命X为Y, X当选为Y, 免去X的Y职务) and résumés."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import alternation, wordlist
from ..titles import post_suffix
from .found import PersonMention
from .names import name_ok
from .segments import verb_before_post

_NAMES = r"[\u4e00-\u9fff]{2,4}?(?:同志)?(?:、[\u4e00-\u9fff]{2,4}?(?:同志)?)*?"
_OFFICE = alternation(wordlist("office_words"))
_APPOINT = (
    # 任命X为Y / 提名X同志为Y
    re.compile(r"(?:" + alternation(wordlist("appoint_verbs")) + r")(?P<names>" + _NAMES +
               r")为(?P<title>[^，,。；;、“”\n]{2,40})"),
    # X当选为Y / X被任命为Y / X任Y (X after a boundary)
    re.compile(r"(?:^|(?<=[，。；：\n]))(?P<names>" + _NAMES + r")(?:" + alternation(wordlist("appointed_verbs")) +
               r")(?P<title>[^，,。；;、“”\n]{2,40})"),
    # 免去X的Y职务
    re.compile(r"免去(?P<names>" + _NAMES + r")的(?P<title>[^，,。；;、“”\n]{2,40}?)(?:" + _OFFICE + ")"),
    re.compile(r"免去(?P<names>" + _NAMES + r")同志(?P<title>[^，,。；;、“”\n的]{2,40}?)(?:" + _OFFICE + ")"),
)
_TITLE_TAIL = re.compile(r"(?:" + alternation(wordlist("office_words") + wordlist("title_tails")) + r")$")


def appointment_title(seg: str) -> Optional[str]:
    """The title at the start of ``seg``: up to the last post word (县财政局局长职务 → 县财政局局长)."""
    seg = _TITLE_TAIL.sub("", seg)
    for k in range(len(seg), 1, -1):
        t = seg[:k]
        if post_suffix(t) and not verb_before_post(t):
            return t
    return None


# 任命甲为A，乙为B，丙为C: the list of appointments goes on, clause by clause
_NEXT = re.compile(r"[^，,。；;\n]{0,20}[，,；;](?P<names>" + _NAMES + r")为(?P<title>[^，,。；;、“”\n]{2,40})")


def _with_next(rx: re.Pattern, text: str):
    """The matches of ``rx``, each of 任命X为Y followed by the clauses that go on with Z为W."""
    for m in rx.finditer(text):
        yield m
        while rx is _APPOINT[0] and (m := _NEXT.match(text, m.end())) is not None:
            yield m


def appointment_mentions(text: str, taken: set[int]) -> list[PersonMention]:
    out: list[PersonMention] = []
    for rx in _APPOINT:
        for m in _with_next(rx, text):
            title = appointment_title(m.group("title"))
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


BIO_RE = re.compile(r"(?:^|(?<=[\n。；：:]))(?P<name>[\u4e00-\u9fff]{2,4})[，,][ \u3000]*[男女][，,][ \u3000]*"
                     r"(?:[\u4e00-\u9fff]{1,4}族[，,])?[ \u3000]*(?:\d{4}|[〇一二三四五六七八九]{4})[ \u3000]*年"
                     r"[ \u3000]*[\d一二三四五六七八九十]{1,2}[ \u3000]*月[ \u3000]*出?生")
BIO_POST_RE = re.compile(r"(?:" + alternation(wordlist("resume_post_words")) + r")([^，。；\n]{2,60})(?=[，。；]|$)")
APPOS = re.compile(r"，?是([^，。；“”]{2,40}?)(?=[，。；])")
