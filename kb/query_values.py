"""Values of named queries: the Cypher literals of a header's ``:param`` lines (:func:`literal`) and
values typed on the command line (:func:`convert`)."""
from __future__ import annotations

import json
import re
from datetime import date

from .errors import QueryError

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def literal(expr: str):
    """The Python value of a simple Cypher literal: null, true/false, numbers, 'strings',
    "strings", [lists], {maps} and date('YYYY-MM-DD')."""
    value, rest = _literal(expr.strip())
    if rest.strip():
        raise ValueError(f"unexpected {rest.strip()[:20]!r} in {expr!r}")
    return value


def _literal(s: str):
    s = s.lstrip()
    if not s:
        raise ValueError("empty value")
    low = s.lower()
    for word, val in (("null", None), ("true", True), ("false", False)):
        if low.startswith(word) and not (len(s) > len(word) and (s[len(word)].isalnum() or s[len(word)] == "_")):
            return val, s[len(word):]
    if s[0] in "'\"":
        q = s[0]
        out, i = [], 1
        while i < len(s):
            c = s[i]
            if c == "\\" and i + 1 < len(s):
                nxt = s[i + 1]
                out.append({"n": "\n", "t": "\t", "\\": "\\", "'": "'", '"': '"'}.get(nxt, nxt))
                i += 2
                continue
            if c == q:
                return "".join(out), s[i + 1:]
            out.append(c)
            i += 1
        raise ValueError(f"unterminated string in {s!r}")
    m = re.match(r"^-?\d+\.\d*(?:[eE][-+]?\d+)?|^-?\d+[eE][-+]?\d+", s)
    if m:
        return float(m.group(0)), s[m.end():]
    m = re.match(r"^-?\d+", s)
    if m:
        return int(m.group(0)), s[m.end():]
    m = re.match(r"^date\(\s*(['\"])(\d{4}-\d{2}-\d{2})\1\s*\)", s, re.I)
    if m:
        return date.fromisoformat(m.group(2)), s[m.end():]
    if s[0] == "[":
        items, rest = [], s[1:].lstrip()
        if rest.startswith("]"):
            return items, rest[1:]
        while True:
            v, rest = _literal(rest)
            items.append(v)
            rest = rest.lstrip()
            if rest.startswith(","):
                rest = rest[1:]
            elif rest.startswith("]"):
                return items, rest[1:]
            else:
                raise ValueError(f"expected , or ] in {s!r}")
    if s[0] == "{":
        obj, rest = {}, s[1:].lstrip()
        if rest.startswith("}"):
            return obj, rest[1:]
        while True:
            m = re.match(r"^\s*(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\s*:", rest)
            if not m:
                raise ValueError(f"expected key: in {s!r}")
            key = m.group(1).strip("`")
            v, rest = _literal(rest[m.end():])
            obj[key] = v
            rest = rest.lstrip()
            if rest.startswith(","):
                rest = rest[1:]
            elif rest.startswith("}"):
                return obj, rest[1:]
            else:
                raise ValueError(f"expected , or }} in {s!r}")
    raise ValueError(f"not a literal: {s[:30]!r} (use null, true/false, a number, a 'string', a list or date('…'))")


def convert(raw: str, default=None):
    """Type a command-line value: ``null``, ``true``/``false``, integers, decimals, ISO dates
    (``2020-03-06`` → ``datetime.date``), JSON lists/maps; anything else is a string.

    When the header's default is a string, the value stays a string (a name like ``110`` is not a
    number), except ISO dates. Quote a value ('…' or "…") to force a string.
    """
    s = raw.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"":
        return s[1:-1]
    if s.lower() in ("null", "none"):
        return None
    if _ISO_DATE.match(s):
        try:
            return date.fromisoformat(s)
        except ValueError:
            raise QueryError(f"{raw!r} is not a valid date (YYYY-MM-DD)") from None
    if isinstance(default, str):
        return raw
    if s.lower() in ("true", "false"):
        return s.lower() == "true"
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    if re.fullmatch(r"-?\d+\.\d+", s):
        return float(s)
    if s[:1] in "[{":
        try:
            return json.loads(s)
        except ValueError:
            try:
                return literal(s)
            except ValueError:
                pass
    return raw
