"""Persons from a tagger whose model ships inside its package (THULAC), as ONE opt-in signal beside the rules.

Off by default; ``kb extract|load|eval --tagger thulac`` or ``KB_TAGGER=thulac`` turns it on (the option sets
the environment variable, so extraction worker processes inherit it). The model is loaded once per process,
on the first article (``pip install 'kb[thulac]'``; ~490 MB installed, a few seconds to load).

THULAC's person tokens (tag ``np``) are many true names the rules miss (credits, 、-lists of leaders,
households, rare given-name characters) and as many false ones (fragments of longer names, villages,
companies, slogans). A token becomes a person only when it passes every filter here:

- shape: Han characters only, 2–6 of them, not glued to a ``·`` (a cut transliterated name), no place or
  unit ending (``tagger_not_name_endings``), a surname from ``surnames`` (or a strong context after it);
- the rules' facts: not a name the rules found, nor a substring or superstring of one, nor of an
  organisation, place or site the rules found, nor overlapping a gazetteer place in the text;
- context: after a post (``posts``), a descriptor (``person_descriptors``) or a credit word; in a 、-list
  or a credit next to another person; after a line start or punctuation with a strong word after it
  (``tagger_name_after``, ``name_followers``, ``honorifics_after``, photo credits); a household
  (``tagger_household_before`` … X家); and a boundary after it (no Han character glued on, which is how
  fragments of longer names look).

docs/quality.md has the measured figures (persons P/R/F1 of rules, tagger, union and this signal) and
the speed cost.
"""
from __future__ import annotations

import contextlib
import functools
import io
import os
from typing import Iterable, Optional

from .errors import ConfigError
from .lexicon import wordlist, wordmap
from .models import Article, Person, Title

ENV = "KB_TAGGER"
TAGGERS = ("thulac",)
_OFF = ("", "off", "none", "0", "no")

_MODEL = None
_INSTALL = "pip install 'kb[thulac]' (about 490 MB installed), or run without --tagger"


def configured() -> Optional[str]:
    """The tagger this process uses (``KB_TAGGER``), None when off. An unknown name is a ConfigError."""
    v = (os.environ.get(ENV) or "").strip().lower()
    if v in _OFF:
        return None
    if v not in TAGGERS:
        raise ConfigError(f"{ENV}={v!r} is no tagger kb knows", hint=f"use one of: {', '.join(TAGGERS)}, or off")
    return v


def use(name: Optional[str]) -> None:
    """Turn the tagger on (``thulac``) or off (None/``off``) for this process and the workers it starts."""
    if name is None or name.strip().lower() in _OFF:
        os.environ.pop(ENV, None)
        return
    os.environ[ENV] = name.strip().lower()
    configured()
    if not available():     # fail now, with the install hint, rather than on the first page
        os.environ.pop(ENV, None)
        raise ConfigError("the thulac tagger is not installed", hint=_INSTALL)


def available() -> bool:
    """True when the thulac package is importable."""
    try:
        import thulac  # noqa: F401
    except ImportError:
        return False
    return True


def model():
    """The THULAC model, loaded once per process (its banner is swallowed: stdout carries records)."""
    global _MODEL
    if _MODEL is None:
        try:
            import thulac
        except ImportError:
            raise ConfigError("the thulac tagger is not installed", hint=_INSTALL) from None
        with contextlib.redirect_stdout(io.StringIO()):
            _MODEL = thulac.thulac()
    return _MODEL


def person_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the tagger's person tokens (THULAC ``np``) in ``text``, tagged one line at a time."""
    m = model()
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            cur = 0
            for word, tag in m.cut(line):
                k = line.find(word, cur)
                if k < 0:
                    continue
                cur = k + len(word)
                if tag == "np":
                    out.append((pos + k, pos + cur))
        pos += len(line) + 1
    return out


# ------------------------------------------------------------------------------------------- the filters

def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


@functools.lru_cache(maxsize=None)
def _lex() -> dict:
    credits = set(wordmap("credit_titles")) | set(wordlist("web_credit_labels"))
    return {
        "surnames": frozenset(wordlist("surnames")),
        "descriptors": tuple(wordlist("person_descriptors")),
        "credits": tuple(sorted(credits, key=len, reverse=True)),
        "photo": tuple(sorted(wordlist("photo_credits"), key=len, reverse=True)),
        "after": tuple(sorted(set(wordlist("tagger_name_after")) | set(wordlist("honorifics_after"))
                              | {w for w in wordlist("name_followers") if len(w) >= 2}
                              | set(wordlist("photo_credits")) | set(wordlist("byline_skip_words")),
                              key=len, reverse=True)),
        "household": tuple(wordlist("tagger_household_before")) + tuple(wordlist("tagger_household_people")),
        "not_endings": tuple(wordlist("tagger_not_name_endings")),
        "not_names": frozenset(wordlist("not_names")),
        "unnamed": tuple(wordlist("unnamed_suffixes")),
        "home": frozenset(w for w in wordlist("tagger_name_after") if len(w) == 2 and w[0] == "家"),
        "familiar": frozenset(wordlist("tagger_unnamed_prefixes")),
        "title_cuts": tuple(wordlist("tagger_title_cuts")),
        "honorifics": tuple(sorted(wordlist("honorifics_after"), key=len, reverse=True)),
        "household_people": tuple(wordlist("tagger_household_people")),
    }


def _has_surname(name: str) -> bool:
    s = _lex()["surnames"]
    return (name[:2] in s and len(name) >= 3) or name[:1] in s


def _shape_ok(name: str) -> bool:
    lx = _lex()
    return (2 <= len(name) <= 6 and all(_han(c) for c in name) and name not in lx["not_names"]
            and not name.endswith(lx["not_endings"]) and not _unnamed(name))


def _unnamed(name: str) -> bool:
    """A surname and 某/老/女士 (张老, 李女士), or 小/老 and a surname (小刘): an unnamed person."""
    if len(name) == 2 and name[0] in _lex()["familiar"] and name[1] in _lex()["surnames"]:
        return True
    for k in (2, 1):
        rest = name[k:]
        if name[:k] in _lex()["surnames"] and rest and rest in _lex()["unnamed"]:
            return True
    return False


def _in_work_title(text: str, a: int) -> bool:
    """Inside 《…》: the title of a work, headline or programme, never a person's mention."""
    return text.rfind("《", 0, a) > text.rfind("》", 0, a)


def _left(text: str, a: int) -> Optional[str]:
    """What stands before ``text[a]``: post | credit | descriptor | household | list | open | None."""
    from .titles import post_suffix

    lx = _lex()
    before = text[max(0, a - 16):a]
    bare = before.rstrip(" :：/\u3000")
    if bare != before and bare.endswith(lx["credits"]):
        return "credit"
    if before.endswith(lx["credits"]):
        return "credit"
    if before.endswith(lx["descriptors"]):
        return "descriptor"
    if post_suffix(before):
        return "post"
    if before.endswith(lx["household"]):
        return "household"
    if not before or before.endswith("\n"):
        return "open"
    c = before[-1]
    if c in "、 \u3000":
        return "list"
    if c in "(（":
        return "paren" if len(before) < 2 or not _han(before[-2]) or before[-2] in "讯电" else None
    if not _han(c) and c not in "·•":
        return "open"
    return None


def _right(text: str, b: int) -> Optional[str]:
    """What stands after ``text[:b]``: strong (a word that follows names) | end (no Han glued on) | None."""
    after = text[b:b + 8]
    if after.startswith(_lex()["after"]):
        return "strong"
    if not after or (not _han(after[0]) and after[0] not in "·•"):
        return "end"
    return None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Cut a credit glued to the token (X图 / X摄 before a line end) and 全 of X全家."""
    name = text[a:b]
    for suf in _lex()["photo"]:
        if name.endswith(suf) and len(name) - len(suf) >= 2 and not _han(text[b:b + 1] or "\n"):
            return a, b - len(suf)
    if name.endswith("全") and text[b:b + 1] == "家" and len(name) >= 3:
        return a, b - 1
    return a, b


def _blocked(name: str, words: Iterable[str]) -> bool:
    return any(len(w) >= 2 and (name in w or w in name) for w in words)


def select(article: Article, spans: list[tuple[int, int]], persons: list[Person], organizations=(),
           places=(), events=(), place_spans: Iterable[tuple[int, int]] = ()) -> list[Person]:
    """The persons among the tagger's ``spans`` of ``article.text`` that pass the filters (module doc)."""
    text = article.text or ""
    known = {p.name for p in persons}
    words = set(known)
    for o in organizations:
        words.add(o.name)
        words.update(o.aliases)
    for pl in places:
        words.add(pl.name)
        words.update(pl.aliases)
    sites = [s.name for ev in events for s in getattr(ev, "sites", []) or []]
    taken = {k for s, e in place_spans for k in range(s, e)}
    starts = {s for s, _ in spans}
    tails = {e for _, e in spans}       # a token glued after another person token is a tail (宝力|高图)
    accepted: dict[str, Person] = {}
    ends: dict[int, tuple] = {}     # end offset of a known or accepted name → (how, person, start)
    for p in persons:
        for _, e in _known_spans(text, [p.name]):
            ends[e] = ("known", p, e - len(p.name))
    for s0, e0 in spans:
        a, b = _trim(text, s0, e0)
        name = text[a:b]
        if not _shape_ok(name) or _in_work_title(text, a) or any(k in taken for k in range(a, b)):
            continue
        if name in known or _blocked(name, words - {name}) or _site_part(name, sites):
            continue
        how = _context(text, a, b, ends, starts, tails)
        if how is None or (how not in ("post", "credit", "descriptor", "list") and not _has_surname(name)):
            continue
        p = accepted.get(name)
        if p is None:
            p = accepted[name] = Person(name=name, role=_role(how, text, a))
        head = _list_head(text, a, ends) if how in ("list", "glued") else a
        for t in _titles(text, head, b, how, article.outlet):
            if all(x.text != t.text for x in p.titles):
                p.titles.append(t)
        ends[b] = (how, p, a)
        if len(p.evidence) < 3:
            p.evidence.append(article.sentence_evidence(a, b))
    return list(accepted.values())


def _site_part(name: str, sites: list[str]) -> bool:
    """Part of a site the rules found (优博特 of 优博特新材料), unless the site is the person's home (X家中)."""
    for site in sites:
        i = site.find(name)
        if name in site and not site[i + len(name):].startswith(_lex()["after"]):
            return True
        if site in name and len(site) >= 2:
            return True
    return False


def _known_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    out = []
    for n in names:
        i = text.find(n)
        while n and i >= 0:
            out.append((i, i + len(n)))
            i = text.find(n, i + 1)
    return out


def _context(text: str, a: int, b: int, ends: dict, starts: set, tails: set) -> Optional[str]:
    """How the token at [a, b) is a person by its context, or None."""
    left, right = _left(text, a), _right(text, b)
    if right is None and text[b:b + 8].startswith(_lex()["credits"]):
        right = "credit"                            # (X 特约记者 Y)
    glued_next = right is None and b in starts      # 记者X Y Z: names written together in a credit
    if left == "list":
        left = "list" if ends.get(a - 1) else None
    elif left is None and ends.get(a, ("",))[0] in ("credit", "paren", "glued"):
        left = "glued"
    if left in ("post", "credit", "descriptor", "list", "paren", "glued"):
        return left if (right is not None or (glued_next and left in ("credit", "paren", "glued"))) else None
    if left == "household" or (left is None and text[b:b + 2] in _lex()["home"]
                               and not _han_surname_before(text, a)):
        return "household" if text[b:b + 1] == "家" else None
    if left is None:
        # a title kb does not know (首席执行官X一行): a word after it that follows names, and no surname
        # right before it (which would make the token the tail of a longer name)
        word = text[b:b + 8]
        if right == "strong" and not _han_surname_before(text, a) and a not in tails and any(
                word.startswith(w) for w in _lex()["after"] if len(w) >= 2):
            return "after"
        return None
    return left if right == "strong" else None


def _han_surname_before(text: str, a: int) -> bool:
    return a > 0 and (text[a - 1] in _lex()["surnames"] or text[max(0, a - 2):a] in _lex()["surnames"])


def _role(how: str, text: str, a: int) -> str:
    if how in ("credit", "paren", "glued"):
        before = text[max(0, a - 16):a].rstrip(" :：/\u3000")
        for w in _lex()["credits"]:
            if before.endswith(w):
                return wordmap("credit_titles").get(w, "other")
        return "other"
    return "official" if how == "post" else "other"


def _run_before(text: str, a: int, limit: int = 16) -> str:
    """The Han characters right before ``a``, back to a separator (at most ``limit``), after the last
    ``tagger_title_cuts`` word (的, 了, 一行), without a date's 日 (8月3日)."""
    i = a
    while i > 0 and _han(text[i - 1]) and a - i < limit:
        i -= 1
    run = text[i:a]
    if i > 0 and text[i - 1].isdigit() and run[:1] in "年月日":
        run = run[1:]
    cut = max([0] + [run.rfind(w) + len(w) for w in _lex()["title_cuts"] if w in run])
    return run[cut:]


def _list_head(text: str, a: int, ends: dict) -> int:
    """Where the list or credit holding the name at ``a`` starts (县领导A、B、C: the offset of A)."""
    seen = set()
    while a not in seen:
        seen.add(a)
        prev = ends.get(a - 1) if text[a - 1:a] in "、 \u3000" else ends.get(a)
        if prev is None:
            break
        a = prev[2]
    return a


def _titles(text: str, a: int, b: int, how: str, outlet: Optional[str]) -> list[Title]:
    """Titles as written before the name, like the rules': posts back over a 、-chain of posts
    (市委副书记、市长X), a descriptor phrase (某村村民X), a credit word (记者X); a list member or a name glued
    in a credit has the titles written before the list's first name (县领导A、B)."""
    from .titles import parse_title, post_suffix

    if how in ("list", "glued"):
        how = _left(text, a) or ""
    if how == "credit":
        before = text[max(0, a - 16):a].rstrip(" :：/\u3000")
        word = next((w for w in _lex()["credits"] if before.endswith(w)), None)
        return [parse_title(word, outlet)] if word else []
    if how in ("descriptor", "household"):
        run = _run_before(text, a)
        if how == "household" and not run.endswith(_lex()["household_people"]):
            return []
        word = next((w for w in _lex()["descriptors"] + _lex()["household_people"] if run.endswith(w)), "")
        if len(run) > 12:       # 到某村对该村百岁老人X: what follows the last place word
            run = run[max(run.rfind(w) + len(w) for w in _lex()["not_endings"]):]
        run = run if run.endswith(word) and len(run) > len(word) else word
        return [parse_title(run, outlet)] if run else []
    if how != "post":
        after = next((w for w in _lex()["honorifics"] if text.startswith(w, b)), None)
        return [parse_title(after, outlet)] if after else []
    out: list[Title] = []
    end = a
    while True:
        run = _run_before(text, end)
        if not run or not post_suffix(run):
            break
        out.insert(0, parse_title(run, outlet))
        end -= len(run)
        if end < 2 or text[end - 1] != "、":
            break
        end -= 1
    return out


def add_tagger_persons(article: Article, persons: list[Person], organizations=(), places=(),
                       events=()) -> list[Person]:
    """``persons`` plus the tagger's persons that pass the filters, when a tagger is configured."""
    if configured() is None or not article.text:
        return persons
    from .gazetteer import gazetteer
    from .titles import scope_for

    place_spans = [(s, e) for s, e, _ in gazetteer().find(article.text, scope_for(article.outlet).region)]
    extra = select(article, person_spans(article.text), persons, organizations, places, events, place_spans)
    return persons + extra
