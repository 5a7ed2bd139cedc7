"""Credit tails left in an article's text: (记者 X), (X摄), 编辑:X, 文/X, a closing (X Y)."""
from __future__ import annotations

import functools
import re

from ..layout.signatures import parse_signature
from ..lexicon import alternation, wordlist, wordmap
from .found import PersonMention
from .names import after_score, has_surname, is_translit, name_ok
from .words import STOP_FIRST, is_cjk, is_common_word, lex

_CREDIT_WORDS = None


def credit_regex():
    global _CREDIT_WORDS
    if _CREDIT_WORDS is None:
        _CREDIT_WORDS = re.compile("(" + alternation(lex().credits) + ")")
    return _CREDIT_WORDS


_LEARNED = re.compile(r"[^。；\n]{0,30}(?:" + alternation(wordlist("learned_verbs")) + ")")
_CLOSING = tuple(wordlist("credit_closing_words"))
_LINE_MARKS = wordmap("credit_line_marks")
_LINE_CREDIT = re.compile(r"(?:^|(?<=[\s（(【])|(?<=[/／][\u4e00-\u9fff]{2})|(?<=[/／][\u4e00-\u9fff]{3}))"
                          r"(" + alternation(_LINE_MARKS) + r")[/／:：][ \u3000]*([\u4e00-\u9fff]{2,3})"
                          r"(?=[\s）)】]|$|[文图][/／])")
# a parenthesis closing a line: a signature when parse_signature reads it as one
_CLOSING_PAREN = re.compile(r"[(（]([\u4e00-\u9fff·][\u4e00-\u9fff· \u3000、/／]{1,38})[)）][ \u3000]*(?=\n|$)")
_NAME_SPACED = r"[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,7}"
# (甲某某文乙某摄): a writer and a photographer in one closing bracket, the spaces lost
_TEXT_THEN_PHOTO = re.compile(r"[(（]([\u4e00-\u9fff]{2,3})[ \u3000]*文[ \u3000/／]*([\u4e00-\u9fff]{2,3})[ \u3000]*摄[)）]")


def _text_and_photo(text: str) -> list[PersonMention]:
    """(甲某某 文 乙某 摄): the writer before 文, the photographer before 摄."""
    out = []
    for m in _TEXT_THEN_PHOTO.finditer(text):
        for g, role in ((1, "author"), (2, "photographer")):
            c = m.group(g)
            if name_ok(c, True) == "ok" and has_surname(c):
                out.append(PersonMention(c, m.start(g), m.end(g), [], "credit", role))
    return out
# what may stand between a credit word and its name (编辑:X, 文/X, 编辑︱X)
_CREDIT_SEP = r"[:：/／︱丨｜|▏│]"


def credit_mentions(text: str) -> list[PersonMention]:
    """Credit tails left in the text: (记者 X), (X摄), 编辑:X, 【责任编辑:X】, (X Y) at the end."""
    out: list[PersonMention] = []
    L = lex()
    cw = credit_regex()
    credit_alt = cw.pattern[1:-1]
    # 1. credit word + optional colon + name (names may be spaced: 杨   媛)
    # (a lookahead, so that a second credit glued to the first name is seen: 记者甲某某通讯员乙某)
    busy = -1
    for m in re.finditer(r"(?=(" + credit_alt + r")[ \u3000]*" + _CREDIT_SEP + r"?[ \u3000]*(" + _NAME_SPACED + "))", text):
        if m.start() < busy:
            continue
        busy = m.end(1)
        word = m.group(1)
        raw = m.group(2)
        # a credit needs a colon, a slash, a bracket before it, or a line/credit start
        before = text[max(0, m.start() - 1):m.start()]
        sep = text[m.end(1):m.start(2)]
        if not (re.search(_CREDIT_SEP, sep) or before in ("", "(", "（", "【", "[", "\n", " ", "\u3000", "）", ")")
                or (sep.strip() == "" and sep != "" and before in ("报", "网", "台"))
                or in_credit_paren(text, m.start(), cw)):
            continue
        groups = raw.split()
        for gi, g in enumerate(groups):     # 记者甲某 乙某某报道 (then the text): the credit ends at 报道
            w = next((w for w in _CLOSING if g.endswith(w) and len(g) - len(w) >= 2), None)
            if w:
                groups = groups[:gi] + [g[:-len(w)]]
                break
        if len(groups) >= 2 and all(2 <= len(g) <= 3 and name_ok(g, True) == "ok" and has_surname(g) for g in groups):
            for g in groups:     # several whole names after one credit word: 记者:甲某 乙某
                k = text.index(g, m.start(2))
                out.append(PersonMention(g, k, k + len(g), [word], "credit", L.credits.get(word)))
            busy = max(busy, m.end(2))
            continue
        name = re.sub(r"[ \u3000]+", "", raw)
        name = _cut_at_credit(name)
        glued = _glued_credit(text, m.start(2), name, word)
        if glued:                # 记者▏甲某某乙某某: names run together after one credit word
            out += glued
            busy = max(busy, m.end(2))
            continue
        # a trailing credit word glued to the name (丁某某责任编辑) was cut above
        whole = raw == name and len(name) <= 4 and (m.end(2) >= len(text) or text[m.end(2)] in "\n )）】")
        for n in (len(name), 3, 2):
            if whole and n < len(name):
                break       # 编辑:甲乙丙 closing its line: the whole token or no name, never its first two
            c = name[:n]
            if 2 <= len(c) <= 8 and name_ok(c, True) in ("ok", "weak") and \
                    (has_surname(c) or len(c) >= 3 and is_translit(c)):
                e = m.start(2) + len(c)
                if raw == name and not (after_score(text, e) >= 1 or text.startswith(L.photo, e) or cw.match(text, e)
                                        or text.startswith(_CLOSING, e)
                                        or text[e:e + 1] in ("文", "图") and not is_cjk(text[e + 1:e + 2] or " ")) or \
                        raw == name and c[0] in STOP_FIRST and _LEARNED.match(text[e:]):
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
    for m in _LINE_CREDIT.finditer(text):
        c = m.group(2)
        if name_ok(c, True) == "ok" and has_surname(c):
            out.append(PersonMention(c, m.start(2), m.end(2), [], "credit",
                                     _LINE_MARKS[m.group(1)]))
    out += _text_and_photo(text) + _xun_names(text)
    # 2. photo credits written after the name: 丙某 供图, (丙某某摄)
    out.extend(_photo_credits(text, L.photo))
    out += _signatures(text, out)
    return out


def _glued_credit(text: str, pos: int, name: str, word: str) -> list[PersonMention]:
    """The names run together in a credit's ``name`` (from ``pos``), when every piece is one; else []."""
    glued = _glued_names(name)
    if len(glued) < 2 or not all(name_ok(g, True) == "ok" and has_surname(g) for g in glued):
        return []
    out = []
    for g in glued:
        k = text.index(g, pos)
        out.append(PersonMention(g, k, k + len(g), [word], "credit", lex().credits.get(word)))
    return out


def _xun_names(text: str) -> list[PersonMention]:
    """某地讯(甲某 乙某)近日…: the bracket after a dateline's 讯 names its writers, no credit word needed; a
    credit word inside it (甲某 记者 乙某) titles the names after it."""
    out: list[PersonMention] = []
    L = lex()
    for m in _XUN_NAMES.finditer(text):   # the body's opening line, under a title the text may hold
        pos, word = m.start(1), None
        for piece in (x for tok in re.split(r"[ \u3000、]+", m.group(1)) for x in _REPORTER_SPLIT.split(tok) if x):
            if _REPORTER_WORD.fullmatch(piece):
                word = piece
                continue
            for c in _glued_names(piece):
                k = text.index(c, pos)
                pos = k + len(c)
                if name_ok(c, True) == "ok" and has_surname(c):
                    out.append(PersonMention(c, k, k + len(c), [word] if word else [], "credit",
                                             L.credits.get(word, "author")))
    return out


_REPORTER_WORD = re.compile(alternation(wordlist("byline_reporter_roles")))
_REPORTER_SPLIT = re.compile(f"({_REPORTER_WORD.pattern})")   # the word kept, to title the names after it


def _glued_names(tok: str) -> list[str]:
    """(甲某某乙某某): three-character names run together when the spaces between them were lost, when every
    piece is a name; else the token as it is."""
    if len(tok) in (6, 9, 12) and name_ok(tok, True) is None:
        parts = [tok[i:i + 3] for i in range(0, len(tok), 3)]
        if all(name_ok(x, True) == "ok" and has_surname(x) for x in parts):
            return parts
    return [tok]


_XUN_NAMES = re.compile(r"(?m)^[ \t\u3000]*[\u4e00-\u9fff\d]{1,20}(?:" + alternation(wordlist("dateline_dispatch_ends")) + r")[ \u3000]*[（(]([\u4e00-\u9fff]{2,12}?(?:[ \u3000、]+[\u4e00-\u9fff]{2,3}){0,3})(?:[ \u3000]*报道)?[）)]")


def _signatures(text: str, out: list[PersonMention]) -> list[PersonMention]:
    """Closing signatures (3.) and bare names closing a paragraph (4.); ``out``: the credits read so far."""
    found: list[PersonMention] = []
    # 3. a closing signature, read by the layout's one grammar (parse_signature): (甲某某 乙某某), (某办 甲 乙),
    # (记者 甲), (甲 乙报道); every name in it a name kb would take in a credit
    for m in _CLOSING_PAREN.finditer(text):
        bl = parse_signature(text, m.start(1), m.end(1))
        # a transliterated name of five characters or more is only ever "weak" (no surname opens it)
        if bl and all(name_ok(b.name, True) in (("ok", "weak") if len(b.name) >= 5 else ("ok",)) for b in bl):
            seen = {x.start for x in out}     # (记者 甲) was read as a credit above
            found += [PersonMention(b.name, b.start, b.end, [] if b.title in _UNTITLED else [b.title], "credit", b.role)
                      for b in bl if b.start not in seen]
    # 4. names alone closing a paragraph (…辅导。甲某某 乙某某, spaces lost in reflow: two names or more) or on a
    # line of their own between dots (·甲某某·)
    for m in _BARE_SIGNATURE.finditer(text):
        dotted = m.group(0).lstrip(" \u3000")[:1] in "·•"
        after_stop = m.start() > 0 and text[m.start() - 1] in "。！？”"
        closing = not text[m.end():].strip()     # the last line of the article
        if not (dotted or after_stop or closing) and len(m.group(1).split()) < 2:
            continue    # a line of its own: names spaced apart (甲某某 乙 丙), not a run (福建安全生产)
        items = _signature_names(m.group(1), dotted=dotted)
        pos = m.start(1)
        for x in items:
            hit = re.compile("[ \u3000]*".join(x)).search(text, pos)     # 顾 辉: a padded name
            if hit is None:
                break
            found.append(PersonMention(x, hit.start(), hit.end(), [], "credit", "author"))
            pos = hit.end()
    return found


_BARE_SIGNATURE = re.compile(r"(?:(?<=[。！？”])|(?m:^)[ \u3000]*[·•]?)"
                             r"([\u4e00-\u9fff][\u4e00-\u9fff \u3000]{1,12}?)[·•]?[ \u3000]*(?=\n|$)")


def _signature_names(run: str, dotted: bool) -> list[str]:
    """The names of a bare signature (closing a paragraph, or a line of its own): spaced tokens, or a run
    of two or three names read whole (each a surname and a given name that is no word); one name only
    between dots."""
    toks = _padded(run.split())
    if len(toks) == 1:
        toks = _split_names(toks[0])
    if not toks or len(toks) == 1 and not dotted or len(toks) > 4:
        return []
    ok = all(2 <= len(x) <= 3 and name_ok(x, True) == "ok" and has_surname(x) and not is_common_word(x) for x in toks)
    return toks if ok else []


def _padded(toks: list[str]) -> list[str]:
    """甲某某 乙 丙: a two-character name padded with a space to the width of three joins up (乙丙)."""
    out: list[str] = []
    for t in toks:
        if len(t) == 1 and out and len(out[-1]) == 1:
            out[-1] += t
        else:
            out.append(t)
    return out


def _split_names(run: str) -> list[str]:
    """甲某某乙某某 → [甲某某, 乙某某]: the first cut (three-character names first) where every part is a name."""
    if 2 <= len(run) <= 3:
        return [run]
    for n in (3, 2):
        head, rest = run[:n], run[n:]
        if len(rest) >= 2 and name_ok(head, True) == "ok" and has_surname(head) and not is_common_word(head):
            tail = _split_names(rest)
            if tail:
                return [head] + tail
    return []

# the credits of a signature that give no title (a bare name, 图/文)
_UNTITLED = frozenset(("署名", "图/文", "摄"))


@functools.lru_cache(maxsize=4)
def _photo_res(photo: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """The photo-credit patterns, built once per word list (credit_mentions runs on every article)."""
    # (…资料图片)。 丙某 摄2023年…, 丙某 摄“…: reflow ran the next paragraph onto the credit
    return (re.compile(r"(?:(?<=[\s(（【\]。！？])|^)([\u4e00-\u9fff]{2,3})[ \u3000]*(?:" + alternation(photo) +
                       r")(?=[\s)）】“\d]|$)"),
            re.compile(r"(?<=记者)([\u4e00-\u9fff]{2,3})[ \u3000]*摄(?=[\s)）】]|$)"))


def _photo_credits(text: str, photo: tuple[str, ...]) -> list[PersonMention]:
    """Photo credits written after the name (丙某 供图, (丙某某摄)), ``photo`` the photo credit words; after a
    sentence's end too, where reflow joined the caption line (…旱情。丙某摄), and 记者丙某摄."""
    out: list[PersonMention] = []
    for m in (m for rx in _photo_res(tuple(photo)) for m in rx.finditer(text)):
        c = m.group(1)
        if name_ok(c, True) and has_surname(c):
            out.append(PersonMention(c, m.start(1), m.end(1), [], "credit", "photographer"))
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
    m = credit_regex().search(name, 1)
    return name[: m.start()] if m else name


def in_credit_paren(text: str, i: int, cw) -> bool:
    """``i`` lies in a parenthesis that opens with a credit word ((记者甲某某通讯员乙某), spaces lost in reflow)."""
    lp = max(text.rfind("（", max(0, i - 30), i), text.rfind("(", max(0, i - 30), i))
    if lp < 0 or re.search(r"[)）。，；\n]", text[lp:i]):
        return False
    return cw.match(text, lp + 1) is not None
