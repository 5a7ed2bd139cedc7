"""Persons of an article: credits first (bylines, authors), then the text's mentions, titles merged."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import alternation, wordlist
from ..models import Article, Evidence, Person
from ..titles import parse_title
from .found import PersonMention
from .names import has_surname, name_ok
from .rules import find_person_mentions
from .words import lex

_CAPTION_CREDIT = re.compile(r"^\s*([\u4e00-\u9fff]{2,3})\s*(?:" + alternation(wordlist("caption_credit_words")) +
                             r")?\s*$")


def _role_for_title(title: str) -> Optional[str]:
    for word, role in sorted(lex().credits.items(), key=lambda kv: len(kv[0]), reverse=True):
        if title.endswith(word):
            return role
    return None


class _People:
    """Persons by name in the order first met, each title added once."""

    def __init__(self, outlet: Optional[str]):
        self.outlet = outlet
        self.by_name: dict[str, Person] = {}

    def person(self, name: str) -> Person:
        if name not in self.by_name:
            self.by_name[name] = Person(name=name)
        return self.by_name[name]

    def add_title(self, p: Person, t: str) -> None:
        t = t.strip()
        if t and all(x.text != t for x in p.titles):
            p.titles.append(parse_title(t, self.outlet))

    def add_mention(self, pm: PersonMention) -> Person:
        p = self.person(pm.name)
        for t in pm.titles:
            self.add_title(p, t)
        if pm.role and not p.role:
            p.role = pm.role
        return p


def persons_of(article: Article, mentions: Optional[list[PersonMention]] = None) -> list[Person]:
    """Persons of an article: credits first (bylines, authors), then the text, titles merged by name."""
    people = _People(article.outlet)
    _bylines(article, people)
    _authors(article, people)
    if mentions is None:
        mentions = find_person_mentions(article.text)
    for pm in mentions:
        p = people.add_mention(pm)
        if len(p.evidence) < 3:
            p.evidence.append(article.sentence_evidence(pm.start, pm.end))
    _captions(article, people)
    for p in people.by_name.values():
        if p.role is None:
            roles = [_role_for_title(t.text) for t in p.titles]
            roles = [r for r in roles if r]
            p.role = roles[0] if roles else ("official" if p.titles else "other")
    return list(people.by_name.values())


def _bylines(article: Article, people: _People) -> None:
    """Bylines as segmented (株洲日报记者 X, 通讯员/X, X 供图), else the reporters and correspondents."""
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
        p = people.person(name)
        if role not in ("photographer",) and title and title not in lex().photo and title != "署名":
            people.add_title(p, title)
        p.role = p.role or role
        p.evidence.append(Evidence(b.name, b.start, b.end))
    if not article.bylines:
        outlet = article.outlet
        for name in article.reporters or []:
            p = people.person(name)
            people.add_title(p, f"{outlet}记者" if outlet else "记者")
            p.role = p.role or "reporter"
        for name in article.correspondents or []:
            p = people.person(name)
            people.add_title(p, "通讯员")
            p.role = p.role or "correspondent"


def _authors(article: Article, people: _People) -> None:
    credits = lex().credits
    for name in article.authors or []:
        name = re.sub(r"\s+", "", name)
        for suf in lex().photo:
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                name = name[: -len(suf)]
                break
        if name and name not in credits and name_ok(name) is not None:
            p = people.person(name)
            p.role = p.role or "author"


def _captions(article: Article, people: _People) -> None:
    """Titled names in the captions (not bare repeats), and a caption's photographer."""
    for cap in article.captions or []:
        for pm in find_person_mentions(cap.text):
            if pm.kind == "name":
                continue
            people.add_mention(pm)
        if cap.credit:
            m = _CAPTION_CREDIT.match(cap.credit)
            if m and name_ok(m.group(1)) and has_surname(m.group(1)):
                p = people.person(m.group(1))
                p.role = p.role or "photographer"
