"""Read a source file: bytes → :class:`SourceText`.

Encodings are detected from the bytes, never guessed from the extension:

* a UTF-8 byte-order mark → ``utf-8-sig`` (the BOM is dropped, offsets index the text after it);
* bytes that decode as strict UTF-8 → ``utf-8``;
* otherwise GB18030 (a superset of GBK and GB2312), accepted only when the decoded text is
  plausibly Chinese (charset-normalizer agrees, or most non-ASCII characters are CJK).

Line ends are kept exactly as in the file (CRLF stays CRLF), so offsets into ``SourceText.text``
are offsets into the decoded file. Every problem raises :class:`kb.errors.InputError` with a
one-line message naming the file.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

from .errors import InputError

from .models import SourceText

MAX_LINE_CHARS = 10 * 1024 * 1024          # a single line this long is not a page
_CJK_RE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2014-\u201d]")
_NONASCII_RE = re.compile(r"[^\x00-\x7f]")


def _error(path, problem: str) -> InputError:
    return InputError(f"{path}: {problem}", hint="check the file, or leave it out of the batch")


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data``; return (text, encoding). Raises InputError."""
    if not data:
        raise _error(path, "empty file")
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


def _check_lines(text: str, path: str) -> None:
    if len(text) < MAX_LINE_CHARS:
        return
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if end - pos >= MAX_LINE_CHARS:
            raise _error(path, f"a single line of {end - pos} characters (>= 10 MB); not a page of text")
        if nl < 0:
            break
        pos = nl + 1


def read_source(path) -> SourceText:
    """Read one file. Raises InputError (missing, empty, binary, undecodable, one huge line)."""
    p = Path(path)
    if not p.exists():
        raise _error(path, "no such file or directory")
    if p.is_dir():
        raise _error(path, "is a directory (use read_paths)")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise _error(path, f"cannot read: {e.strerror or e}")
    text, encoding = decode_bytes(data, str(path))
    if not text.strip():
        raise _error(path, "empty file (only whitespace)")
    _check_lines(text, str(path))
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
