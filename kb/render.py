"""Rendering results: tables for people (aligned by real terminal width of CJK text), json/csv for programs."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

from wcwidth import wcswidth


def width(s: str) -> int:
    w = wcswidth(s)
    return w if w >= 0 else len(s)


def pad(s: str, w: int) -> str:
    return s + " " * max(0, w - width(s))


def cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "、".join(cell(x) for x in v)
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return str(v).replace("\n", " ")


def table(rows: list[dict], columns: list[str] | None = None) -> str:
    """A plain aligned table; CJK characters count as two columns."""
    if not rows:
        return "(no rows)"
    columns = columns or list(rows[0].keys())
    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(width(c), *(width(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(pad(c, widths[i]) for i, c in enumerate(columns)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(v, widths[i]) for i, v in enumerate(row)).rstrip() for row in cells]
    return "\n".join(lines)


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_default)


def _default(v):
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if hasattr(v, "iso_format"):  # neo4j.time.Date
        return v.iso_format()
    raise TypeError(f"not JSON serialisable: {type(v).__name__}")


def to_csv(rows: list[dict], columns: list[str] | None = None) -> str:
    if not rows:
        return ""
    columns = columns or list(rows[0].keys())
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([cell(r.get(c)) for c in columns])
    return buf.getvalue()
