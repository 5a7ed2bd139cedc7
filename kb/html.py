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
import json
from datetime import date
from typing import get_args
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import html_chart as chart
from .html_chart import clip, esc
from loaders.models import EventType

from .timeline import INSPECTION_FIELDS, SITE_SEP, Entry, Inspection, span

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = TEMPLATES / "timeline.html"
SCRIPT = TEMPLATES / "timeline.js"

PALETTE = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#0a7c86", "#bf3989", "#4d2d00",
           "#6e7781", "#953800"]

# one colour per event type, the same on every page (the legend says which)
TYPE_COLORS = {"inspection": "#0969da", "meeting": "#cf222e", "appointment": "#1a7f37", "donation": "#8250df",
               "policy": "#bc4c00", "statistic": "#0a7c86", "other": "#6e7781"}
TYPE_ORDER = list(get_args(EventType))


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
    data = [dict(i.to_json(), visit=n) for n, i in enumerate(items)]
    return _page(title, summary, _svg(items, people), _listing(items, people), data,
                 placeholder="filter: name, site, article …")


def _page(title: str, summary: str, svg: str, listing: str, data: list, legend: str = "",
          placeholder: str = "filter …") -> str:
    script = SCRIPT.read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    # svg, listing and legend are built from esc()-escaped values: Markup keeps autoescape from escaping twice
    return _env().get_template(TEMPLATE.name).render(
        title=title, summary=summary, svg=Markup(svg), listing=Markup(listing), legend=Markup(legend),
        data=data, placeholder=placeholder, script=Markup(script), script_hash=f"sha256-{digest}")


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


def _svg(items: list[Inspection], people: list[str]) -> str:
    lanes = []
    for p in people:
        titles: list[str] = []
        for i in items:
            if i.person == p:
                titles += [t for t in i.titles if t not in titles]
        lanes.append(chart.Lane(p, p, "、".join(titles), _color(people, p), {"person": p}))
    marks = []
    for n, i in enumerate(items):
        if not i.date:
            continue
        tip = f"{span(i.date, i.end_date)} {i.person}: {SITE_SEP.join(i.sites) or '、'.join(i.places)}"
        if i.article_title:
            tip += f" —《{i.article_title}》"
        label = i.places[0] if i.places else (i.sites[0] if i.sites else "")
        marks.append(chart.Mark(n, i.person, i.date, i.end_date, _color(people, i.person), clip(label, 8), tip,
                                {"person": i.person}))
    return (chart.svg(marks, lanes, "inspection visits along a date axis")
            or '<p class="empty">No dated inspection visits to draw.</p>')


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


# ------------------------------------------------------------------ every event type

def type_color(t: str | None) -> str:
    if t in TYPE_COLORS:
        return TYPE_COLORS[t]
    return PALETTE[sum(map(ord, t or "")) % len(PALETTE)]


def _what(e: Entry) -> str:
    return e.name or e.trigger or ""


def events_page(items: list[Entry], title: str, subtitle: str | None = None, kind: str = "person") -> str:
    """A person's, place's or organisation's timeline (``kind``): every event type, one lane and one
    colour per type, a legend; each mark opens its entry (article, evidence, who, sites)."""
    types = sorted({e.type or "other" for e in items},
                   key=lambda t: (TYPE_ORDER.index(t) if t in TYPE_ORDER else len(TYPE_ORDER), t))
    count = {t: sum(1 for e in items if (e.type or "other") == t) for t in types}
    days = [e.date for e in items if e.date] + [e.end_date for e in items if e.end_date]
    if days:
        summary = (f"{len(items)} event{'s' if len(items) != 1 else ''} of {len(types)} "
                   f"type{'s' if len(types) != 1 else ''}, {min(days).isoformat()} to {max(days).isoformat()}")
    else:
        summary = "no events" if not items else f"{len(items)} undated event{'s' if len(items) != 1 else ''}"
    if subtitle:
        summary += f" · {subtitle}"
    lanes = [chart.Lane(t, t, f"{count[t]} event{'s' if count[t] != 1 else ''}", type_color(t), {"type": t})
             for t in types if any(e.date and (e.type or "other") == t for e in items)]
    marks = []
    for n, e in enumerate(items):
        if not e.date:
            continue
        t = e.type or "other"
        where = (e.places or e.sites or [""])[0]
        tip = f"{span(e.date, e.end_date)} {t}: {_what(e)}" + (f" {where}" if where else "")
        if e.persons:
            tip += " · " + "、".join(e.persons)
        if e.article_title:
            tip += f" —《{e.article_title}》"
        label = e.name or where or e.trigger or ""
        marks.append(chart.Mark(n, t, e.date, e.end_date, type_color(t), clip(label, 8), tip, {"type": t}))
    svg = (chart.svg(marks, lanes, "events along a date axis, one lane per event type")
           or '<p class="empty">No dated events to draw.</p>')
    legend = "".join(f'<li data-type="{esc(t)}"><span class="swatch" style="--c:{esc(type_color(t))}"></span>'
                     f'{esc(t)} <span class="d-meta">({count[t]})</span></li>' for t in types)
    data = [dict(e.to_json(), visit=n) for n, e in enumerate(items)]
    return _page(title, summary, svg, _event_listing(items, kind), data,
                 legend=f'<ul class="legend" id="legend" aria-label="event types">{legend}</ul>' if types else "",
                 placeholder="filter: type, name, person, article …")


def _event_listing(items: list[Entry], kind: str) -> str:
    if not items:
        return '<p class="empty">No events match.</p>'
    out = []
    for n, e in enumerate(items):
        t = e.type or "other"
        head = _what(e)
        if e.sites:
            head += " — " + SITE_SEP.join(e.sites)
        elif e.places and kind == "person":
            head += " — " + "、".join(e.places)
        meta = []
        if e.role:
            meta.append(f"role: {e.role}")
        if e.persons:
            meta.append(("with: " if kind == "person" else "persons: ") + "、".join(e.persons))
        if e.via:
            meta.append("via: " + "、".join(e.via))
        if e.trigger and e.trigger != head:
            meta.append(f"({e.trigger})")
        article = esc(e.article_title or "(untitled article)")
        if e.source:
            article += f' <span class="d-meta">— {esc(e.source)}</span>'
        date_text = span(e.date, e.end_date) or "(date unknown)"
        out.append(
            f'<details class="visit-detail" id="visit-{n}" data-visit="{n}" data-type="{esc(t)}" '
            f'style="--c:{esc(type_color(t))}">'
            f'<summary><span class="d-date">{esc(date_text)}</span><span class="d-type">{esc(t)}</span>'
            f'{esc(head)}</summary>'
            + (f'<div class="d-meta">{esc(" · ".join(meta))}</div>' if meta else "")
            + f'<div class="d-article">article: {article}</div>'
            + (f"<blockquote>{esc(e.evidence)}</blockquote>" if e.evidence else "")
            + "</details>")
    return "\n".join(out)


def write(path: str | Path, page: str) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(page, encoding="utf-8")
    return p


__all__ = ["inspections_page", "events_page", "write", "INSPECTION_FIELDS", "TYPE_COLORS"]
