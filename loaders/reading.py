"""Read a source file: bytes → :class:`SourceText`.

Encodings are detected from the bytes, never guessed from the extension:

* a UTF-8 byte-order mark → ``utf-8-sig`` (the BOM is dropped, offsets index the text after it);
* a UTF-32 or UTF-16 byte-order mark (either byte order) → that encoding (Windows "Unicode" files);
* bytes that decode as strict UTF-8 → ``utf-8``;
* otherwise GB18030 (a superset of GBK and GB2312), accepted only when the decoded text is
  plausibly Chinese (charset-normalizer agrees, or most non-ASCII characters are CJK).

Line ends are kept exactly as in the file (CRLF stays CRLF), so offsets into ``SourceText.text``
are offsets into the decoded file. Every problem raises :class:`kb.errors.InputError` with a
one-line message naming the file.

Guards: a line over ``KB_MAX_LINE_CHARS`` characters (default :data:`MAX_LINE_CHARS`) or a file over
``KB_MAX_PAGE_CHARS`` (default :data:`MAX_PAGE_CHARS`) is refused — the longest line of a real page is
a paragraph of a few hundred characters, the longest page some ten thousand. HTML files are refused:
kb reads text, not markup.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

from .errors import InputError

from .models import SourceText

MAX_LINE_CHARS = 20_000          # characters in one line (a long paragraph is ~2,000)
MAX_PAGE_CHARS = 500_000         # characters in one file (a full newspaper page is ~10,000)
_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe", "utf-16-le", "utf-16"), (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
_HTML_RE = re.compile(rb"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_CJK_RE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2014-\u201d]")
_NONASCII_RE = re.compile(r"[^\x00-\x7f]")


def _error(path, problem: str) -> InputError:
    return InputError(f"{path}: {problem}", hint="check the file, or leave it out of the batch")


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data``; return (text, encoding). Raises InputError."""
    if not data:
        raise _error(path, "empty file")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data[len(bom):], codec, name, path), name
    if b"\x00" in data[:1 << 16] or b"\x00" in data:
        raise _error(path, "binary file (NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise _error(path, f"undecodable bytes at offset {e.start + 3} (UTF-8 BOM but invalid UTF-8)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise _error(path, f"undecodable bytes at offset {utf8_error.start} (neither UTF-8 nor GB18030)")
    if not _plausible_chinese(text, data):
        raise _error(path, f"undecodable bytes at offset {utf8_error.start} (neither UTF-8 nor GB18030)")
    return text, "gb18030"


def _decode_bom(data: bytes, codec: str, name: str, path: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        raise _error(path, f"undecodable bytes at offset {e.start} ({name.upper()} byte-order mark but invalid "
                           f"{name.upper()})")
    if _CONTROL_RE.search(text):     # a binary file that happens to start with FF FE
        raise _error(path, f"binary file (control characters after a {name.upper()} byte-order mark), not text")
    return text


def _plausible_chinese(text: str, data: bytes) -> bool:
    """GB18030 decodes almost any byte string; accept it only when the result reads as Chinese."""
    non_ascii = _NONASCII_RE.findall(text)
    if not non_ascii:
        return True
    cjk = sum(1 for c in non_ascii if _CJK_RE.match(c))
    if cjk / len(non_ascii) >= 0.9:
        return True
    try:  # second opinion
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        return best is not None and best.encoding.replace("_", "").lower() in {"gb18030", "gbk", "gb2312"}
    except Exception:  # pragma: no cover - charset-normalizer missing or failing
        return False


def _limit(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return int(raw.replace("_", ""))
    except ValueError:
        raise InputError(f"{name}={raw!r} is not a number of characters") from None


def _check_size(text: str, path: str) -> None:
    """Refuse a file no page looks like, before extraction spends minutes on it."""
    page_limit = _limit("KB_MAX_PAGE_CHARS", MAX_PAGE_CHARS)
    if len(text) > page_limit:
        raise InputError(f"{path}: {len(text):,} characters, over the limit of {page_limit:,} per page "
                         "(split the file into pages, or raise the limit with KB_MAX_PAGE_CHARS=N)")
    line_limit = _limit("KB_MAX_LINE_CHARS", MAX_LINE_CHARS)
    if len(text) < line_limit:
        return
    lines = text.split("\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))
    if len(lines[k]) >= line_limit:
        raise InputError(f"{path}: a single line of {len(lines[k]):,} characters (line {k + 1}), over the limit "
                         f"of {line_limit:,} per line; not a page of text (break it into paragraphs, or raise "
                         "the limit with KB_MAX_LINE_CHARS=N)")


def read_source(path) -> SourceText:
    """Read one file. Raises InputError (missing, empty, binary, undecodable, HTML, too long a line or
    page)."""
    p = Path(path)
    if not p.exists():
        raise _error(path, "no such file or directory")
    if p.is_dir():
        raise _error(path, "is a directory (use read_paths)")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise _error(path, f"cannot read: {e.strerror or e}")
    if p.suffix.lower() in (".html", ".htm", ".xhtml") or _HTML_RE.match(data[:1024].lstrip(b"\xef\xbb\xbf")):
        raise InputError(f"{path}: an HTML file; kb reads the text of pages and articles, not markup",
                         hint="save the article as plain text (.txt), e.g. with your browser's "
                              "\"Save as … Text\" or `lynx -dump -nolist URL`")
    text, encoding = decode_bytes(data, str(path))
    if not text.strip():
        raise _error(path, "empty file (only whitespace)")
    _check_size(text, str(path))
    return SourceText(path=str(path), name=p.name, text=text, encoding=encoding)


def expand_paths(paths) -> Iterator[Path]:
    """Files to read: each file as given; each directory recursed over ``*.txt`` in sorted order.

    Missing paths are yielded as they are (reading them raises the error for that path).
    """
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.lower().endswith(".txt"):
                        yield Path(root) / f
        else:
            yield p


def read_paths(paths) -> Iterator[SourceText | InputError]:
    """Read every file under ``paths``; yield a SourceText or the InputError for that file."""
    for p in expand_paths(paths):
        try:
            yield read_source(p)
        except InputError as e:
            yield e
