"""What one article tells the post register (pure; runs in the load workers via kb.graph.page_rows).

Three lists of strings (fields joined by U+001F), stored on the Article so that `kb posts build` can
rebuild the register from the graph alone, whatever the region the pages are later scoped to:

* ``post_titles``  person id, name, title as printed — every titled mention of a person;
* ``post_acts``    kind (appoint | elect | remove), name, title, day — 任命X为Y, X当选Y, 决定X为代市长,
  免去X的Y职务, 接受X辞去Y职务;
* ``post_refs``    form, where (title | text), source start, source end — a post named with nobody
  beside it (headline 县委书记调研…, 市长要求…, 王市长), resolved by post and date at build time.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from loaders.lexicon import wordlist

SEP = "\x1f"

# a post named alone: a bare level + post, or a surname + post (王市长, 李书记)
_LEVEL_POST = r"(?:代)?(?:省|市|州|县|区|旗|镇|乡)(?:委书记|长)|(?:代)?(?:省长|市长|县长|区长|镇长|乡长|旗长|州长)"
_REF = re.compile(r"(?P<form>(?:代)?(?:省|市|州|县|区|旗|镇|乡)(?:委书记|长))")
_SURNAME_REF = re.compile(r"(?P<sur>[\u4e00-\u9fff]{1,2})(?P<post>省长|市长|县长|区长|镇长|乡长|旗长|州长|书记)")
# what may follow a post named alone (a verb of the report, or punctuation); 市长热线, 市长杯 do not
_FOLLOW = re.compile(r"^(?:[，。、：；！？\s“”]|调研|要求|指出|强调|主持|出席|参加|在|到|来到|深入|前往|带队|率|"
                     r"一行|督导|督查|检查|考察|视察|察看|查看|看望|慰问|会见|表示|讲话|作|对|听取|召开|走访|暗访|"
                     r"实地|专题|现场|亲自|先后|就|与|和|说|批示|寄语|致辞|宣布|部署|赴|率队|的|$)")

# appointments: the title after the name (names are the article's persons, so names with 为 work)
_ACTS = [
    ("appoint", r"(?:决定任命|任命|决定)(?P<name>{n})(?:同志)?为(?P<title>[^，。；、\n]{{2,30}})"),
    ("elect", r"(?:选举|推选)(?P<name>{n})(?:同志)?为(?P<title>[^，。；、\n]{{2,30}})"),
    ("elect", r"(?P<name>{n})(?:同志)?(?:当选为|当选|被选举为|被任命为)(?P<title>[^，。；、\n]{{2,30}})"),
    ("remove", r"免去(?P<name>{n})(?:同志)?的?(?P<title>[^，。；、\n]{{2,30}}?)(?:职务|一职)"),
    ("remove", r"(?:接受)?(?P<name>{n})(?:同志)?辞去(?P<title>[^，。；、\n]{{2,30}}?)(?:职务|一职)"),
]
_DAY = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>1[0-2]|[1-9])月(?P<d>3[01]|[12]\d|[1-9])日")


def article_props(ea, person_ids: dict) -> dict:
    """The three lists for one ``ExtractedArticle``; ``person_ids``: normalised name → person id."""
    from kb import ids

    a = ea.article
    titles, names = [], []
    for p in ea.persons:
        n = ids.norm(p.name)
        if not n or n not in person_ids:
            continue
        names.append(n)
        # one row per person: the titles as printed, in order (市委常委、秘书长 → 秘书长 inherits 市委)
        printed = list(dict.fromkeys(ids.norm(t.text) for t in p.titles if t.text and t.post))
        if printed:
            titles.append(SEP.join((person_ids[n], n, "、".join(printed))))
    text = a.text or ""
    return {"post_titles": titles or None,
            "post_acts": _acts(text, names, a.published) or None,
            "post_refs": _refs(a, names) or None}


def _acts(text: str, names: list[str], published: Optional[date]) -> list[str]:
    if not names or not re.search("任命|当选|免去|辞去|选举|推选|决定", text):
        return []
    alt = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    out = []
    for kind, pat in _ACTS:
        for m in re.finditer(pat.format(n=alt), text):
            day = _day_before(text, m.start(), published)
            row = SEP.join((kind, m.group("name"), m.group("title"), day.isoformat() if day else ""))
            if row not in out:
                out.append(row)
    # 任命A为X，B为Y: the names after the first, in the same sentence
    for m in re.finditer(r"(?:任命|决定)(?:{n})(?:同志)?为[^，。；\n]+((?:，(?:{n})(?:同志)?为[^，。；\n]+)+)"
                         .format(n=alt), text):
        day = _day_before(text, m.start(), published)
        for k in re.finditer(r"，(?P<name>{n})(?:同志)?为(?P<title>[^，。；、\n]{{2,30}})".format(n=alt), m.group(1)):
            row = SEP.join(("appoint", k.group("name"), k.group("title"), day.isoformat() if day else ""))
            if row not in out:
                out.append(row)
    return out


def _day_before(text: str, pos: int, published: Optional[date]) -> Optional[date]:
    """The last day written in the sentence up to ``pos`` (3月4日，…会议决定任命…), else the issue date."""
    start = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
    best = None
    for m in _DAY.finditer(text, start, pos):
        best = m
    if best is None or published is None:
        return published
    y = int(best.group("y")) if best.group("y") else published.year
    try:
        d = date(y, int(best.group("m")), int(best.group("d")))
    except ValueError:
        return published
    if not best.group("y") and d > published:      # a December session printed in January
        d = date(y - 1, d.month, d.day)
    return d


def _surnames() -> frozenset:
    return frozenset(wordlist("surnames"))


def _refs(a, names: list[str]) -> list[str]:
    out = []
    for where, text in (("title", a.title or ""), ("text", a.text or "")):
        for form, i, j in post_refs(text, names):
            s, e = (a.span(i, j) if where == "text" and a.char_map else (None, None))
            out.append(SEP.join((form, where, "" if s is None else str(s), "" if e is None else str(e))))
    return out


def post_refs(text: str, names: list[str]) -> list[tuple[str, int, int]]:
    """Posts named with no name beside them in ``text``: (form, start, end)."""
    out = []
    sur = _surnames()
    taken: set[int] = set()
    for m in _SURNAME_REF.finditer(text):
        s = m.group("sur")
        if s[-1:] in sur and s not in sur:
            s = s[-1]
        if s not in sur or not _FOLLOW.match(text[m.end():m.end() + 2]):
            continue
        i = m.end() - len(m.group("post")) - len(s)
        prev = text[i - 1] if i > 0 else ""
        if prev and re.match(r"[\u4e00-\u9fff]", prev) and prev not in "到与和由向请对在给陪":
            continue      # 支部书记, 党总支书记: part of a longer word
        if any(text[i:].startswith(n) for n in names):      # 王立市长: a named person
            continue
        out.append((s + m.group("post"), i, m.end()))
        taken.update(range(i, m.end()))
    for m in _REF.finditer(text):
        i, j = m.start(), m.end()
        if i in taken or (i > 0 and re.match(r"[\u4e00-\u9fff]", text[i - 1])):
            continue      # 副市长, 原市长, 株洲市长 …: not a post named alone
        if not _FOLLOW.match(text[j:j + 2]):
            continue
        clause = re.split(r"[，。；：！？\n]", text[j:j + 40], maxsplit=1)[0]
        before = text[max(0, i - 6):i]
        if any(clause.startswith(n) or n in clause[:14] for n in names) or any(before.endswith(n) for n in names):
            continue      # 市委书记周立新到…: the post of a named person
        if j < len(text) and text[j] == "、":
            continue      # 市委副书记、市长 X: a list of one person's posts
        out.append((m.group("form"), i, j))
    return out
