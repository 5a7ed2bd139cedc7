"""The SVG of the HTML timelines (kb/html.py): lanes along a date axis, one mark per event (a dot, or a
bar over several days), short labels laid out in rows under each lane's marks so that no two overlap.

The page's script (templates/timeline.js) zooms the chart: it re-positions the marks from their day
offsets (``data-x0``/``data-x1``), redraws the ticks and lays the labels out again with their measured
widths. The layout here (widths estimated) is what a reader without script, or a printer, sees.

Every value reaching the markup goes through :func:`esc`.
"""
from __future__ import annotations

import html as _html
from dataclasses import dataclass, field
from datetime import date, timedelta

LABEL_W = 190       # left column: the lane's name and sub-label
MARGIN_R = 40
AXIS_H = 34
LANE_H = 46         # marks area of a lane with one row of marks
STACK_DY = 16       # extra height per mark on overlapping days in one lane
DOT_R = 7
LABEL_ROWS = 2      # rows of labels under a lane's marks
LABEL_ROW_H = 17
LABEL_GAP = 6       # least room between two labels in a row
LABEL_FONT = 11     # px; the estimate below and the stylesheet agree
MIN_PLOT = 320      # least width of the plot area


def esc(v) -> str:
    return _html.escape("" if v is None else str(v), quote=True)


def clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


@dataclass
class Lane:
    key: str
    label: str
    sub: str = ""
    color: str = "#1f2328"
    attrs: dict = field(default_factory=dict)      # data-* of the lane (data-person …)


@dataclass
class Mark:
    n: int                     # entry number: links to #visit-n
    lane: str                  # Lane.key
    date: date
    end_date: date | None
    color: str
    label: str
    tip: str
    attrs: dict = field(default_factory=dict)      # more data-* (data-person, data-type …)


def text_width(s: str) -> float:
    """Estimated width in px of ``s`` at LABEL_FONT: wide (CJK) characters a full em, others ~0.6."""
    return sum(LABEL_FONT if ord(c) > 0x2E7F else LABEL_FONT * 0.6 for c in s)


def label_rows(spans: list[tuple[float, float]], rows: int = LABEL_ROWS, gap: float = LABEL_GAP) -> list[int | None]:
    """Greedy rows for labels ``(x, width)`` (in x order): the first row where the label clears the one
    before it by ``gap``; None = no room (the label is hidden). Same rule as timeline.js."""
    ends = [float("-inf")] * rows
    out: list[int | None] = []
    for x, w in spans:
        r = next((k for k in range(rows) if x >= ends[k] + gap), None)
        if r is not None:
            ends[r] = x + w
        out.append(r)
    return out


def scale(days: list[date]):
    d0 = min(days) - timedelta(days=1)
    d1 = max(days) + timedelta(days=1)
    n = max(1, (d1 - d0).days)
    per_day = min(48.0, max(0.35, 900.0 / n))
    return d0, d1, n, per_day


def ticks(d0: date, d1: date, per_day: float) -> list[tuple[date, str]]:
    """Tick dates and labels, at least ~64 px apart (timeline.js has the same rule)."""
    min_days = 64.0 / per_day
    out: list[tuple[date, str]] = []
    if min_days <= 14:
        step = next(s for s in (1, 2, 7, 14) if s >= min_days)
        d = d0 + timedelta(days=1)
        while d <= d1:
            out.append((d, d.isoformat()[5:] if out and d.year == out[-1][0].year else d.isoformat()))
            d += timedelta(days=step)
        return out
    months = next((m for m in (1, 2, 3, 6, 12, 24, 60) if m * 30.4 >= min_days), 120)
    y, m = d0.year, d0.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        if (y * 12 + m - 1) % months:
            continue
        d = date(y, m, 1)
        if d > d1:
            break
        out.append((d, f"{y}" if months >= 12 else f"{y}-{m:02d}"))
    return out


def _slots(marks: list[Mark]) -> tuple[dict[int, int], dict[str, int]]:
    """Stack marks of one lane on overlapping days: slot per mark, depth per lane."""
    slots: dict[int, int] = {}
    depth: dict[str, int] = {}
    taken: dict[str, list[tuple[date, date, int]]] = {}
    for k, m in enumerate(marks):
        end = m.end_date or m.date
        lane = taken.setdefault(m.lane, [])
        used = {s for (a, b, s) in lane if not (end < a or m.date > b)}
        s = next(j for j in range(len(used) + 1) if j not in used)
        lane.append((m.date, end, s))
        slots[k] = s
        depth[m.lane] = max(depth.get(m.lane, 1), s + 1)
    return slots, depth


def _data(attrs: dict) -> str:
    return "".join(f' data-{k}="{esc(v)}"' for k, v in attrs.items())


def svg(marks: list[Mark], lanes: list[Lane], aria: str) -> str:
    """The chart; ``marks`` need dates (undated entries are listed, not drawn)."""
    if not marks:
        return ""
    d0, d1, n_days, per_day = scale([m.date for m in marks] + [m.end_date for m in marks if m.end_date])
    slots, depth = _slots(marks)
    top, label_y, y = {}, {}, AXIS_H
    for ln in lanes:
        top[ln.key] = y
        marks_h = LANE_H + STACK_DY * (depth.get(ln.key, 1) - 1)
        label_y[ln.key] = y + marks_h                        # baseline of the first row of labels
        y += marks_h + LABEL_ROWS * LABEL_ROW_H - 8
    height = y + 8
    lanes_top = [top[ln.key] for ln in lanes] + [y]

    def lane_h(key: str) -> float:
        k = next(j for j, ln in enumerate(lanes) if ln.key == key)
        return lanes_top[k + 1] - lanes_top[k]

    width = LABEL_W + max(MIN_PLOT, n_days * per_day) + MARGIN_R

    def x(d: date) -> float:
        return LABEL_W + (d - d0).days * per_day

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" id="timeline" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{esc(aria)}" '
           f'data-d0="{d0.isoformat()}" data-days="{n_days}" data-per-day="{per_day:.4f}" '
           f'data-label-w="{LABEL_W}" data-margin-r="{MARGIN_R}" data-min-plot="{MIN_PLOT}" '
           f'data-dot-r="{DOT_R}" data-axis-h="{AXIS_H}" data-plot-bottom="{y:.0f}" '
           f'data-label-rows="{LABEL_ROWS}" data-label-row-h="{LABEL_ROW_H}" data-label-gap="{LABEL_GAP}">']
    for k, ln in enumerate(lanes):
        h = lane_h(ln.key)
        if k % 2 == 0:
            out.append(f'<rect class="lane-bg" x="0" y="{top[ln.key]}" width="{width:.0f}" height="{h}"/>')
    out.append('<g class="axis" id="axis">')
    for d, text in ticks(d0, d1, per_day):
        tx = x(d)
        out.append(f'<line x1="{tx:.1f}" y1="{AXIS_H - 6}" x2="{tx:.1f}" y2="{y:.0f}"/>'
                   f'<text x="{tx + 3:.1f}" y="{AXIS_H - 12}">{esc(text)}</text>')
    out.append("</g>")
    out += _marks(marks, lanes, slots, top, label_y, x, per_day, d0)
    for k, ln in enumerate(lanes):
        h = lane_h(ln.key)
        out.append(f'<g class="lane"{_data(ln.attrs)} data-lane="{k}">'
                   f'<rect class="lane-head{" odd" if k % 2 else ""}" x="0" y="{top[ln.key]}" '
                   f'width="{LABEL_W - 8}" height="{h}"/>'
                   f'<text class="lane-label" x="12" y="{top[ln.key] + 20}" fill="{esc(ln.color)}">{esc(ln.label)}</text>'
                   f'<text class="lane-titles" x="12" y="{top[ln.key] + 36}">{esc(clip(ln.sub, 14))}</text></g>')
    # the lane heads and this corner stay at the left when the zoomed chart scrolls (timeline.js)
    out.append(f'<rect class="axis-head pin" x="0" y="0" width="{LABEL_W - 8}" height="{AXIS_H}"/>')
    out.append("</svg>")
    return "\n".join(out)


def _marks(marks, lanes, slots, top, label_y, x, per_day, d0) -> list[str]:
    lane_no = {ln.key: k for k, ln in enumerate(lanes)}
    rows = {}
    for key in lane_no:        # labels of one lane, in x order, into rows
        mine = sorted((k for k, m in enumerate(marks) if m.lane == key), key=lambda k: (marks[k].date, k))
        got = label_rows([(x(marks[k].date) - DOT_R, text_width(marks[k].label)) for k in mine])
        rows.update(zip(mine, got))
    out = []
    for k, m in enumerate(marks):
        cy = top[m.lane] + LANE_H / 2 + STACK_DY * slots[k]
        cx = x(m.date)
        x0 = (m.date - d0).days
        x1 = ((m.end_date or m.date) - d0).days
        out.append(f'<a class="visit" href="#visit-{m.n}" data-visit="{m.n}"{_data(m.attrs)} '
                   f'data-date="{m.date.isoformat()}" data-lane="{lane_no[m.lane]}" data-x0="{x0}" data-x1="{x1}">'
                   f'<title>{esc(m.tip)}</title>')
        if x1 > x0:
            w = max(2 * DOT_R, (x1 - x0) * per_day + 2 * DOT_R)
            out.append(f'<rect class="mark" x="{cx - DOT_R:.1f}" y="{cy - DOT_R:.1f}" width="{w:.1f}" '
                       f'height="{2 * DOT_R}" rx="{DOT_R}" fill="{esc(m.color)}"/>')
        else:
            out.append(f'<circle class="mark" cx="{cx:.1f}" cy="{cy:.1f}" r="{DOT_R}" fill="{esc(m.color)}"/>')
        out.append("</a>")
    out.append('<g class="labels">')     # after the marks, outside their links: a mark's box is the mark
    for k, m in enumerate(marks):
        if m.label:
            r = rows.get(k)
            y0 = label_y[m.lane]
            out.append(f'<text class="visit-label{" hidden" if r is None else ""}" x="{x(m.date) - DOT_R:.1f}" '
                       f'y="{y0 + LABEL_ROW_H * (r or 0):.1f}" data-y0="{y0:.1f}" data-visit="{m.n}" '
                       f'data-lane="{lane_no[m.lane]}" data-x0="{(m.date - d0).days}">{esc(m.label)}</text>')
    out.append("</g>")
    return out
