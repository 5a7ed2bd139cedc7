"""Rendering results: tables for people (aligned by real terminal width of CJK text), json/csv for programs."""
from __future__ import annotations

import csv
import io
import json
import re
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


# terminal escapes (CSI … final byte, OSC … BEL/ST, other ESC x), then any C0/C1 control, DEL and the
# bidi overrides: page text must not move the cursor, recolour, retitle or reorder a terminal
_TERMINAL_UNSAFE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
                              r"|[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(s: str) -> str:
    """``s`` without escape sequences or control characters (tabs and newlines become spaces)."""
    return _TERMINAL_UNSAFE.sub(lambda m: " " if m.group(0) in "\t\n\r" else "", s)


def truncate(s: str, w: int) -> str:
    """``s`` cut to at most ``w`` terminal columns, ending in … when cut."""
    if width(s) <= w:
        return s
    out, used = [], 0
    for ch in s:
        cw = max(0, width(ch))
        if used + cw > w - 1:
            break
        out.append(ch)
        used += cw
    return "".join(out) + "…"


MIN_COL = 6     # a truncated column keeps at least this many terminal columns (or its header's width)
SEP = "  "


def fit(natural: list[int], floors: list[int], total: int) -> list[int]:
    """Column widths that fit ``total`` terminal columns: the widest columns are cut first, down to
    a common cap (none below its floor). The natural widths when everything fits."""
    room = total - len(SEP) * (len(natural) - 1)
    if sum(natural) <= room:
        return natural
    lo, hi = 1, max(natural)
    while lo < hi:                       # the largest cap that still fits
        mid = (lo + hi + 1) // 2
        if sum(min(n, max(mid, f)) for n, f in zip(natural, floors)) <= room:
            lo = mid
        else:
            hi = mid - 1
    widths = [min(n, max(lo, f)) for n, f in zip(natural, floors)]
    spare = room - sum(widths)           # hand what the integer cap left over to the cut columns
    for i, n in enumerate(natural):
        if spare <= 0:
            break
        give = min(spare, n - widths[i])
        widths[i] += give
        spare -= give
    return widths


def table(rows: list[dict], columns: list[str] | None = None, max_width: int | None = None) -> str:
    """A plain aligned table; CJK characters count as two columns. With ``max_width``, cells of the
    widest columns are cut (…) so that no line is wider."""
    if not rows:
        return "(no rows)"
    columns = columns or list(rows[0].keys())
    cells = [[terminal_safe(cell(r.get(c))) for c in columns] for r in rows]
    widths = [max(width(c), *(width(row[i]) for row in cells)) for i, c in enumerate(columns)]
    if max_width:
        widths = fit(widths, [min(n, max(MIN_COL, width(c))) for n, c in zip(widths, columns)], max_width)
    head = [truncate(c, widths[i]) for i, c in enumerate(columns)]
    lines = [SEP.join(pad(c, widths[i]) for i, c in enumerate(head)).rstrip(),
             SEP.join("-" * w for w in widths)]
    lines += [SEP.join(pad(truncate(v, widths[i]), widths[i]) for i, v in enumerate(row)).rstrip()
              for row in cells]
    return "\n".join(lines)


def to_jsonl(rows: list[dict]) -> str:
    """One JSON object per line (UTF-8 unescaped)."""
    return "".join(json.dumps(r, ensure_ascii=False, default=_default) + "\n" for r in rows)


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_default)


def _default(v):
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if hasattr(v, "iso_format"):  # neo4j.time.Date
        return v.iso_format()
    raise TypeError(f"not JSON serialisable: {type(v).__name__}")


def to_csv(rows: list[dict], columns: list[str] | None = None) -> str:
    """CSV with a header row (the header alone when there are no rows but the columns are known)."""
    if not rows and not columns:
        return ""
    columns = columns or list(rows[0].keys())
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([cell(r.get(c)) for c in columns])
    return buf.getvalue()


# ------------------------------------------------------------------ markdown

def md_escape(s) -> str:
    """A value for a markdown table cell: pipes escaped, no line breaks."""
    return cell(s).replace("\\", "\\\\").replace("|", "\\|")


def markdown_table(rows: list[dict], columns: list[str] | None = None) -> str:
    """A GitHub-flavoured markdown table (lists joined with 、)."""
    if not rows:
        return "_(no rows)_"
    columns = columns or list(rows[0].keys())
    lines = ["| " + " | ".join(md_escape(c) for c in columns) + " |",
             "| " + " | ".join("---" for _ in columns) + " |"]
    lines += ["| " + " | ".join(md_escape(r.get(c)) for c in columns) + " |" for r in rows]
    return "\n".join(lines)


def inspections_markdown(items, title: str = "Inspection visits") -> str:
    """Inspection visits (kb.timeline.Inspection) as markdown: one section per official, in order of
    their first visit, a table of visits with the sites in visit order and the evidence sentence."""
    from .timeline import SITE_SEP, span

    out = [f"# {title}", ""]
    if not items:
        out.append("_(no inspection visits)_")
        return "\n".join(out) + "\n"
    n_people = len({i.person for i in items})
    days = [i.date for i in items if i.date]
    out.append(f"{len(items)} visit{'s' if len(items) != 1 else ''} by {n_people} "
               f"official{'s' if n_people != 1 else ''}"
               + (f", {min(days).isoformat()} to {max(days).isoformat()}." if days else "."))
    groups: dict[str, list] = {}
    for i in items:
        groups.setdefault(i.person, []).append(i)
    for person, visits in groups.items():
        titles = []
        for v in visits:
            titles += [t for t in v.titles if t not in titles]
        out += ["", f"## {person}" + (f" ({'、'.join(titles)})" if titles else ""), ""]
        rows = [{"date": span(v.date, v.end_date), "place": "、".join(v.places),
                 "sites (in order)": SITE_SEP.join(v.sites), "accompanying": "、".join(v.accompanying),
                 "article": (v.article_title or "") + (f" ({v.source})" if v.source else ""),
                 "evidence": v.evidence or ""} for v in visits]
        out.append(markdown_table(rows))
    return "\n".join(out) + "\n"


def entries_markdown(items, title: str, kind: str = "person") -> str:
    """A person's / place's / organisation's timeline (kb.timeline.Entry) as a markdown table."""
    from .timeline import entry_rows

    out = [f"# {title}", ""]
    if not items:
        out.append("_(no events)_")
        return "\n".join(out) + "\n"
    rows = entry_rows(items, kind)
    for r, e in zip(rows, items):
        r["evidence"] = e.evidence or ""
    out.append(markdown_table(rows))
    return "\n".join(out) + "\n"
