"""Reflow text flattened from page PDFs, keeping a map back into the source.

* Hard-wrapped lines are joined into paragraphs. A paragraph ends where a line ends a sentence
  (。！？… possibly followed by a closing quote) and is followed by a blank line or is clearly
  shorter than the column, or where a short line (a heading) does not end in a comma.
  Blank lines after a line that does not end a sentence are column or page breaks: joined.
* Stray spaces are dropped inside Chinese text and inside numbers (``2 0 2 0 年`` → ``2020年``,
  ``3 月 6 日`` → ``3月6日``, ``企 业 提 供`` → ``企业提供``); spaces between Latin words stay.
* Lines broken between two Latin letters get one space (mapped to the line break).

``char_map[i]`` is the source offset of cleaned character ``i``; paragraph breaks in the cleaned
text (``"\\n"``) map to the line break that ended the paragraph.

The hot path uses compiled regular expressions and ``str`` methods only.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from .lexicon.grammar import BULLET_MARKS
from .models import Cleaned, Paragraph, source_span

# characters after/before which spaces are dropped: CJK ideographs, CJK and full-width punctuation,
# Chinese quotes and dashes, middle dot
CJK_CLASS = (
    "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff01-\uffef\u2014-\u2027\u00b7\u2236"
)
SPACE_CLASS = " \t\u3000\u00a0\u2002-\u200b\ufeff"
_DROP_RE = re.compile(
    rf"(?<=[{CJK_CLASS}])[{SPACE_CLASS}]+|[{SPACE_CLASS}]+(?=[{CJK_CLASS}])|(?<=\d)[{SPACE_CLASS}]+(?=\d)"
)
STRIP_CHARS = " \t\r\u3000\u00a0\ufeff\u2002\u2003\u2009\u200b"
_SENTENCE_END = frozenset("。！？!?…；;")
_CLOSERS = frozenset("”’\"」』）)】》")
_NO_BREAK_END = frozenset("，,、：:“‘《（(【—")
# bullets that open an item of a list of briefs (◆7月4日，…); the middle dot is left out (names use it)
_ITEM_BULLETS = frozenset(BULLET_MARKS) - {"·"}
# 4月22日  省委副书记…: a digest's item opening with its day and a wide gap starts a paragraph
_DATED_ITEM = re.compile(r"[ \t\u3000]*\d{1,2}月\d{1,2}日(?:[至到—\-]\d{1,2}日)?(?:[ \t\u3000]{2,}|\t)")
_LATIN = re.compile(r"[A-Za-z]")


def ends_sentence(line: str) -> bool:
    """Does the (stripped) line end a sentence: 。！？… optionally followed by closing quotes?"""
    n = len(line)
    i = n - 1
    while i >= 0 and line[i] in _CLOSERS:
        i -= 1
    return i >= 0 and line[i] in _SENTENCE_END


def display_width(s: str) -> int:
    """Approximate display width: CJK 2, ASCII 1 (via the UTF-8 length, no per-char loop)."""
    return (len(s) + len(s.encode("utf-8"))) // 2


def line_bounds(src: str, start: int, end: int) -> tuple[int, int]:
    """Content bounds of src[start:end] without surrounding whitespace; (x, x) when blank."""
    seg = src[start:end]
    stripped_l = seg.lstrip(STRIP_CHARS)
    if not stripped_l:
        return (end, end)
    s = start + (len(seg) - len(stripped_l))
    e = s + len(stripped_l.rstrip(STRIP_CHARS))
    return (s, e)


def clean_span(src: str, start: int, end: int) -> tuple[str, list[int]]:
    """Clean one line's content src[start:end] (already stripped): drop stray spaces."""
    pieces: list[str] = []
    cmap: list[int] = []
    pos = start
    for m in _DROP_RE.finditer(src, start, end):
        if m.start() > pos:
            pieces.append(src[pos:m.start()])
            cmap.extend(range(pos, m.start()))
        pos = m.end()
    if pos < end:
        pieces.append(src[pos:end])
        cmap.extend(range(pos, end))
    return "".join(pieces), cmap


def clean_inline(src: str, start: int, end: int) -> Cleaned:
    """Clean a span that may hold several lines (a title block, a caption) into one line."""
    lines = split_lines(src, start, end)
    c, _ = reflow(src, lines, join_all=True)
    return c


def split_lines(src: str, start: int = 0, end: Optional[int] = None) -> list[Optional[tuple[int, int]]]:
    """Content bounds of each line in src[start:end]; None for blank lines."""
    if end is None:
        end = len(src)
    out: list[Optional[tuple[int, int]]] = []
    pos = start
    while pos <= end:
        nl = src.find("\n", pos, end)
        le = end if nl < 0 else nl
        s, e = line_bounds(src, pos, le)
        out.append((s, e) if e > s else None)
        if nl < 0:
            break
        pos = nl + 1
    return out


def reflow(src: str, lines: Sequence[Optional[tuple[int, int]]], join_all: bool = False,
           width: Optional[int] = None, blank_breaks: bool = False) -> tuple[Cleaned, list[tuple[int, int]]]:
    """Join ``lines`` (content bounds into ``src``; None = blank line) into paragraphs.

    Returns the cleaned text (paragraphs separated by ``"\\n"``) and the cleaned spans [i, j) of
    each paragraph. With ``join_all`` everything becomes one paragraph (titles, captions); with
    ``blank_breaks`` a blank line always ends a paragraph (a web page, whose lines are not wrapped:
    a list of headlines one per line is not one paragraph).
    """
    cleaned: list[tuple[str, list[int], int]] = []   # (text, map, source end of line)
    blank_before: list[bool] = []
    raw_w: list[int] = []
    dated: list[bool] = []
    pending_blank = False
    for ln in lines:
        if ln is None:
            pending_blank = True
            continue
        t, m = clean_span(src, ln[0], ln[1])
        if not t:
            pending_blank = True
            continue
        cleaned.append((t, m, ln[1]))
        # a 3-tuple (s, e, width_start) measures the width from width_start (a line cut after a dateline)
        raw_w.append(display_width(src[ln[2] if len(ln) > 2 else ln[0]:ln[1]]))
        dated.append(_DATED_ITEM.match(src, ln[0], ln[1]) is not None)
        blank_before.append(pending_blank)
        pending_blank = False
    if not cleaned:
        return Cleaned("", []), []

    pieces: list[str] = []
    cmap: list[int] = []
    paras: list[tuple[int, int]] = []
    para_start = 0
    n = len(cleaned)
    for k in range(n):
        t, m, ln_end = cleaned[k]
        pieces.append(t)
        cmap.extend(m)
        if k == n - 1:
            break
        nxt = cleaned[k + 1][0]
        if join_all:
            brk = False
        else:
            # short: clearly narrower than the neighbouring lines (the column width there)
            wide = raw_w[k + 1] if k == 0 else max(raw_w[k - 1], raw_w[k + 1])
            if width:
                wide = max(wide, width)
            if ends_sentence(t):
                brk = blank_before[k + 1] or raw_w[k] < wide * 0.85
            else:   # a heading: much shorter than the column, not ending in a comma
                brk = raw_w[k] < wide * 0.7 and t[-1] not in _NO_BREAK_END
        if not join_all and (nxt[:1] in _ITEM_BULLETS or dated[k + 1] or blank_breaks and blank_before[k + 1]):
            brk = True      # ◆7月4日，…: a bulleted item starts a paragraph of its own
        pos = len(cmap)
        if brk:
            paras.append((para_start, pos))
            pieces.append("\n")
            cmap.append(_break_offset(src, ln_end))
            para_start = pos + 1
        elif _LATIN.match(t[-1]) and _LATIN.match(nxt[0]):
            pieces.append(" ")
            cmap.append(_break_offset(src, ln_end))
    paras.append((para_start, len(cmap)))
    return Cleaned("".join(pieces), cmap), paras


def _break_offset(src: str, ln_end: int) -> int:
    """Source offset for an inserted separator: the line break after the line (or its last char)."""
    return ln_end if ln_end < len(src) else max(0, ln_end - 1)


def paragraphs_of(cleaned: Cleaned, paras: Sequence[tuple[int, int]]) -> list[Paragraph]:
    """The non-empty paragraph spans of ``reflow`` as Paragraphs with their source offsets."""
    out = []
    for i, j in paras:
        if j > i:
            ps, pe = source_span(cleaned.char_map, i, j)
            out.append(Paragraph(text=cleaned.text[i:j], start=ps, end=pe))
    return out


def reflow_text(text: str) -> Cleaned:
    """Reflow a whole text: the convenience entry point (and the one the property tests use)."""
    c, _ = reflow(text, split_lines(text))
    return c


def clean_text(text: str) -> str:
    """Cleaned text of a one-line string (titles, names)."""
    return clean_span(text, *line_bounds(text, 0, len(text)))[0] if text.strip(STRIP_CHARS) else ""
