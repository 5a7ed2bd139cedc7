"""Organisations of an article: a body's suffix in the text (…局, …委员会), and the bodies of titles."""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..lexicon import alternation, wordlist, wordmap
from ..models import Article, Evidence, Organization, Person
from ..titles import post_suffix, scope_for
from .words import is_cjk

@functools.lru_cache(maxsize=1)
def _org_regex():
    return re.compile(alternation(wordmap("org_suffixes")))


@functools.lru_cache(maxsize=1)
def _not_org_endings() -> tuple:
    return wordlist("not_org_endings")


@functools.lru_cache(maxsize=1)
def _org_not_before() -> frozenset:
    return frozenset(wordlist("org_suffix_not_before"))


@functools.lru_cache(maxsize=1)
def _org_break():
    """Everything up to the last break word (org_left_breaks.txt) or count (450名) is not the name."""
    return re.compile(r".*(?:" + alternation(wordlist("org_left_breaks")) + r"|\d+(?:" +
                      alternation(wordlist("org_count_units")) + "))")


_ORG_GENERIC = re.compile(r"^(?:" + alternation(wordlist("org_generic_heads")) + ")")
_PARTY = frozenset(wordlist("party_org_suffixes"))


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
        while k > 0 and is_cjk(text[k - 1]) or (k > 0 and text[k - 1].isdigit()):
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
    if suf in _PARTY:
        return "party"
    return k


def _org_kind_for(name: str) -> str:
    kinds = wordmap("org_suffixes")
    for L in range(min(8, len(name)), 0, -1):
        if name[-L:] in kinds:
            return _org_kind(name[-L:], kinds)
    return "other"
