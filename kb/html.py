"""The HTML timeline of inspection visits: one self-contained page (inline CSS, inline SVG, a few lines
of inline JavaScript; no CDN, no fonts or scripts fetched), readable offline and printable.

Page text is hostile input: the page is rendered by Jinja2 with autoescaping (one pass, so text that
looks like template syntax stays text), every value in the SVG and the list goes through :func:`esc`,
the data block is JSON escaped for ``<script>`` (``<``, ``>``, ``&``, U+2028/U+2029 as ``\\u``
escapes), and a Content-Security-Policy allows only the page's own script (by its SHA-256) — no inline
event handler, ``javascript:`` URL or injected script runs even if something slipped through.

One lane per official along a date axis; each visit is a mark (a dot, or a bar for a visit over
several days) linking to its entry below: the article's title and source, the evidence sentence,
the sites in visit order, the place and who accompanied. Clicking a mark opens its entry.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html as _html
import json
from datetime import date, timedelta
from pathlib import Path

import jinja2
from markupsafe import Markup

from .timeline import INSPECTION_FIELDS, SITE_SEP, Inspection, span

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = TEMPLATES / "timeline.html"
SCRIPT = TEMPLATES / "timeline.js"

PALETTE = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#0a7c86", "#bf3989", "#4d2d00",
           "#6e7781", "#953800"]

LABEL_W = 190       # left column: official's name and titles
MARGIN_R = 40
AXIS_H = 34
LANE_H = 46
STACK_DY = 16       # extra height per visit on the same day in one lane
DOT_R = 7


def esc(v) -> str:
    return _html.escape("" if v is None else str(v), quote=True)


def inspections_page(items: list[Inspection], title: str = "Inspection visits",
                     subtitle: str | None = None) -> str:
    """The whole page as a string (UTF-8 text; write it with encoding='utf-8')."""
    people: list[str] = []
    for i in sorted(items, key=lambda i: (i.date or date.max, i.person)):
        if i.person not in people:
            people.append(i.person)
    days = [i.date for i in items if i.date] + [i.end_date for i in items if i.end_date]
    if days:
        summary = (f"{len(items)} visit{'s' if len(items) != 1 else ''} by {len(people)} "
                   f"official{'s' if len(people) != 1 else ''}, "
                   f"{min(days).isoformat()} to {max(days).isoformat()}")
    else:
        summary = "no inspection visits"
    if subtitle:
        summary += f" · {subtitle}"
    svg = _svg(items, people)
    listing = _listing(items, people)
    data = [dict(i.to_json(), visit=n) for n, i in enumerate(items)]
    script = SCRIPT.read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    # svg and listing are built from esc()-escaped values: Markup keeps autoescape from escaping twice
    return _env().get_template(TEMPLATE.name).render(
        title=title, summary=summary, svg=Markup(svg), listing=Markup(listing), data=data,
        script=Markup(script), script_hash=f"sha256-{digest}")


_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value) -> Markup:
    """JSON safe inside ``<script>``: no ``</script>``, ``<!--`` or line separator can end or break it."""
    text = json.dumps(value, ensure_ascii=False)
    return Markup("".join(_SCRIPT_ESCAPES.get(c, c) for c in text))


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["script_json"] = script_json
    return env


def _color(people: list[str], person: str) -> str:
    return PALETTE[people.index(person) % len(PALETTE)]


def _scale(items: list[Inspection]):
    days = [i.date for i in items if i.date] + [i.end_date for i in items if i.end_date]
    d0 = min(days) - timedelta(days=1)
    d1 = max(days) + timedelta(days=1)
    n = max(1, (d1 - d0).days)
    per_day = min(48.0, max(0.35, 900.0 / n))
    plot_w = max(320.0, n * per_day)

    def x(d: date) -> float:
        return LABEL_W + (d - d0).days * per_day

    return d0, d1, per_day, plot_w, x


def _ticks(d0: date, d1: date, per_day: float) -> list[tuple[date, str]]:
    """Tick dates and labels, at least ~64 px apart."""
    min_days = 64.0 / per_day
    ticks: list[tuple[date, str]] = []
    if min_days <= 14:
        step = next(s for s in (1, 2, 7, 14) if s >= min_days)
        d = d0 + timedelta(days=1)
        while d <= d1:
            ticks.append((d, d.isoformat()[5:] if ticks and d.year == ticks[-1][0].year else d.isoformat()))
            d += timedelta(days=step)
        return ticks
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
        ticks.append((d, f"{y}" if months >= 12 else f"{y}-{m:02d}"))
    return ticks


def _svg(items: list[Inspection], people: list[str]) -> str:
    dated = [i for i in items if i.date]
    if not dated:
        return '<p class="empty">No dated inspection visits to draw.</p>'
    d0, d1, per_day, plot_w, x = _scale(dated)
    # stack visits of one official on overlapping days
    slots: dict[int, int] = {}
    lanes_depth = {p: 1 for p in people}
    taken: dict[str, list[tuple[date, date, int]]] = {p: [] for p in people}
    for n, i in enumerate(items):
        if not i.date:
            continue
        end = i.end_date or i.date
        used = {s for (a, b, s) in taken[i.person] if not (end < a or i.date > b)}
        s = next(k for k in range(len(used) + 1) if k not in used)
        taken[i.person].append((i.date, end, s))
        slots[n] = s
        lanes_depth[i.person] = max(lanes_depth[i.person], s + 1)
    lane_top = {}
    y = AXIS_H
    for p in people:
        lane_top[p] = y
        y += LANE_H + STACK_DY * (lanes_depth[p] - 1)
    height = y + 8
    width = LABEL_W + plot_w + MARGIN_R
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" id="timeline" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="inspection visits along a date axis">']
    # lanes
    for k, p in enumerate(people):
        top = lane_top[p]
        h = LANE_H + STACK_DY * (lanes_depth[p] - 1)
        if k % 2 == 0:
            out.append(f'<rect class="lane-bg" x="0" y="{top}" width="{width:.0f}" height="{h}"/>')
        titles: list[str] = []
        for i in items:
            if i.person == p:
                titles += [t for t in i.titles if t not in titles]
        out.append(f'<g class="lane" data-person="{esc(p)}">'
                   f'<text class="lane-label" x="12" y="{top + 20}" fill="{_color(people, p)}">{esc(p)}</text>'
                   f'<text class="lane-titles" x="12" y="{top + 36}">{esc(_clip("、".join(titles), 14))}</text></g>')
    # axis
    out.append('<g class="axis">')
    for d, label in _ticks(d0, d1, per_day):
        tx = x(d)
        out.append(f'<line x1="{tx:.1f}" y1="{AXIS_H - 6}" x2="{tx:.1f}" y2="{height - 4:.0f}"/>'
                   f'<text x="{tx + 3:.1f}" y="{AXIS_H - 12}">{esc(label)}</text>')
    out.append("</g>")
    # visits
    for n, i in enumerate(items):
        if not i.date:
            continue
        color = _color(people, i.person)
        cy = lane_top[i.person] + LANE_H / 2 + STACK_DY * slots[n]
        cx = x(i.date)
        tip = f"{span(i.date, i.end_date)} {i.person}: {SITE_SEP.join(i.sites) or '、'.join(i.places)}"
        if i.article_title:
            tip += f" —《{i.article_title}》"
        out.append(f'<a class="visit" href="#visit-{n}" data-visit="{n}" data-person="{esc(i.person)}" '
                   f'data-date="{i.date.isoformat()}"><title>{esc(tip)}</title>')
        if i.end_date and i.end_date > i.date:
            w = max(2 * DOT_R, (i.end_date - i.date).days * per_day + 2 * DOT_R)
            out.append(f'<rect class="mark" x="{cx - DOT_R:.1f}" y="{cy - DOT_R:.1f}" width="{w:.1f}" '
                       f'height="{2 * DOT_R}" rx="{DOT_R}" fill="{color}"/>')
        else:
            out.append(f'<circle class="mark" cx="{cx:.1f}" cy="{cy:.1f}" r="{DOT_R}" fill="{color}"/>')
        if per_day >= 20:
            label = i.places[0] if i.places else (i.sites[0] if i.sites else "")
            out.append(f'<text class="visit-label" x="{cx + DOT_R + 3:.1f}" y="{cy + 4:.1f}">'
                       f'{esc(_clip(label, 6))}</text>')
        out.append("</a>")
    out.append("</svg>")
    return "\n".join(out)


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _listing(items: list[Inspection], people: list[str]) -> str:
    if not items:
        return '<p class="empty">No inspection visits match.</p>'
    out = []
    for p in people:
        out.append(f'<h2 style="color:{_color(people, p)}">{esc(p)}</h2>')
        for n, i in enumerate(items):
            if i.person != p:
                continue
            head = SITE_SEP.join(i.sites) or "、".join(i.places) or (i.trigger or "")
            meta = []
            if i.titles:
                meta.append("、".join(i.titles))
            if i.places:
                meta.append("place: " + "、".join(i.places))
            if i.accompanying:
                meta.append("accompanying: " + "、".join(i.accompanying))
            if i.trigger:
                meta.append(f"({i.trigger})")
            sites = "".join(f"<li>{esc(s)}</li>" for s in i.sites)
            article = esc(i.article_title or "(untitled article)")
            if i.source:
                article += f' <span class="d-meta">— {esc(i.source)}</span>'
            out.append(
                f'<details class="visit-detail" id="visit-{n}" data-visit="{n}" style="--c:{_color(people, p)}">'
                f'<summary><span class="d-date">{esc(span(i.date, i.end_date))}</span>{esc(head)}</summary>'
                f'<div class="d-meta">{esc(" · ".join(meta))}</div>'
                f'<div class="d-article">article: {article}</div>'
                + (f"<blockquote>{esc(i.evidence)}</blockquote>" if i.evidence else "")
                + (f'<ol class="sites">{sites}</ol>' if sites else "")
                + "</details>")
    return "\n".join(out)


def write(path: str | Path, page: str) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(page, encoding="utf-8")
    return p


__all__ = ["inspections_page", "write", "INSPECTION_FIELDS"]
