"""Timeline reports built on the named queries in ``cypher/``: plain dataclasses, no formatting.

* :func:`inspections` — officials' inspection visits (``cypher/inspections.cypher``)
* :func:`person_timeline`, :func:`place_timeline`, :func:`organization_timeline` — every event of a
  person, in a place, at or by an organisation.

Dates come back as ``datetime.date``. Rendering lives in ``kb/render.py`` (table, markdown, csv,
json) and ``kb/html.py`` (the HTML timeline).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Optional

from . import queries
from .errors import QueryError

# The JSON of `kb timeline inspections --format json`: one object per visit with exactly these
# fields, in this order (schema/timeline-inspections.schema.json).
INSPECTION_FIELDS = ["person", "titles", "date", "end_date", "date_precision", "sites", "places",
                     "accompanying", "article_title", "source", "evidence", "date_text"]

# A report is not silently cut at the named query's default of 1000 rows.
REPORT_LIMIT = 1_000_000


@dataclass
class Inspection:
    person: str
    titles: list[str]
    date: Optional[date]
    end_date: Optional[date]
    date_precision: Optional[str]
    sites: list[str]                 # as written, in visit order
    places: list[str]
    accompanying: list[str]
    article_title: Optional[str]
    source: Optional[str]
    evidence: Optional[str]
    trigger: Optional[str] = None
    event_id: Optional[str] = None
    article_id: Optional[str] = None
    published: Optional[date] = None
    date_text: Optional[str] = None          # as written; the only date of a year_unknown visit

    def to_json(self) -> dict:
        """The documented JSON object (ISO dates)."""
        d = asdict(self)
        return {k: queries.jsonable(d[k]) for k in INSPECTION_FIELDS}


@dataclass
class Entry:
    """One event on a person's, place's or organisation's timeline."""

    date: Optional[date]
    end_date: Optional[date]
    type: Optional[str]
    trigger: Optional[str]
    name: Optional[str]                  # meeting name …
    role: Optional[str] = None           # the person's role (person timeline)
    persons: list[str] = field(default_factory=list)   # the others / the leads
    sites: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)       # what ties the event to the place / organisation
    article_title: Optional[str] = None
    source: Optional[str] = None
    evidence: Optional[str] = None
    event_id: Optional[str] = None

    def to_json(self) -> dict:
        return queries.jsonable(asdict(self))


# ------------------------------------------------------------------ dates

_DAY = re.compile(r"^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?$")


def parse_day(text: str | date | None, end: bool = False) -> Optional[date]:
    """``2020``, ``2020-03``, ``2020-03-06`` (also ``2020/3/6``, ``2020年3月6日``) → a date; a year
    or month means its first day, or its last day when ``end`` (for ``--to``)."""
    if text is None or isinstance(text, date):
        return text
    s = str(text).strip()
    if not s:
        return None
    m = _DAY.match(s)
    if not m:
        raise QueryError(f"{text!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if mo is None:
            return date(y, 12, 31) if end else date(y, 1, 1)
        mo = int(mo)
        if d is None:
            return date(y, mo, calendar.monthrange(y, mo)[1]) if end else date(y, mo, 1)
        return date(y, mo, int(d))
    except ValueError:
        raise QueryError(f"{text!r} is not a valid date") from None


def _range(date_from, date_to) -> tuple[Optional[date], Optional[date]]:
    f, t = parse_day(date_from), parse_day(date_to, end=True)
    if f and t and f > t:
        raise QueryError(f"the range is empty: --from {f.isoformat()} is after --to {t.isoformat()}")
    return f, t


# ------------------------------------------------------------------ reports

def inspections(driver, database: str, person: str | None = None, date_from=None, date_to=None,
                place: str | None = None, limit: int | None = None, check: bool = True) -> list[Inspection]:
    """Inspection visits in date order (all officials, or ``person``), optionally in a date range and
    a place (part of a name). With ``check``, an unknown person is a QueryError naming close names."""
    f, t = _range(date_from, date_to)
    if person and check:
        _check_exists(driver, database, "Person", person)
    rows = queries.run(driver, database, "inspections",
                       {"person": person or None, "from": f, "to": t, "place": place or None,
                        "limit": limit or REPORT_LIMIT})
    return [Inspection(**{k: r.get(k) for k in Inspection.__dataclass_fields__}) for r in rows]


def _types(type) -> tuple[list[str], str | None]:
    """``type``: one event type, several (a list, or comma-separated), or None. Returns the list (empty =
    every type) and the one type the named query filters on (None when several: filtered here)."""
    if not type:
        return [], None
    given = [type] if isinstance(type, str) else list(type)
    types = [part.strip() for g in given for part in g.split(",") if part.strip()]
    return types, (types[0] if len(types) == 1 else None)


def _of_types(rows: list, types: list[str]) -> list:
    return [r for r in rows if r["type"] in types] if types else rows


def person_timeline(driver, database: str, name: str, date_from=None, date_to=None,
                    type: str | list[str] | None = None, limit: int | None = None) -> list[Entry]:
    """Every event of the person ``name``; ``type``: one event type or several (None = every type)."""
    f, t = _range(date_from, date_to)
    types, one = _types(type)
    _check_exists(driver, database, "Person", name)
    rows = _of_types(queries.run(driver, database, "person_timeline",
                                 {"person": name, "from": f, "to": t, "type": one,
                                  "limit": limit or REPORT_LIMIT}), types)
    return [Entry(date=r["date"], end_date=r["end_date"], type=r["type"], trigger=r["trigger"], name=r["name"],
                  role=r["role"], persons=r["with"], sites=r["sites"], places=r["places"],
                  article_title=r["article_title"], source=r["source"], evidence=r["evidence"],
                  event_id=r["event_id"]) for r in rows]


def place_timeline(driver, database: str, name: str, date_from=None, date_to=None,
                   type: str | list[str] | None = None, limit: int | None = None) -> list[Entry]:
    f, t = _range(date_from, date_to)
    types, one = _types(type)
    rows = queries.run(driver, database, "place_timeline",
                       {"place": name, "from": f, "to": t, "type": one, "limit": limit or REPORT_LIMIT})
    if not rows:
        _check_exists(driver, database, "Place", name, contains=True)
    return [Entry(date=r["date"], end_date=r["end_date"], type=r["type"], trigger=r["trigger"], name=r["name"],
                  persons=r["lead"] + r["participants"], sites=r["sites"], via=r["matched"],
                  article_title=r["article_title"], source=r["source"], evidence=r["evidence"],
                  event_id=r["event_id"]) for r in _of_types(rows, types)]


def organization_timeline(driver, database: str, name: str, date_from=None, date_to=None,
                          members: bool = True, limit: int | None = None,
                          type: str | list[str] | None = None) -> list[Entry]:
    f, t = _range(date_from, date_to)
    types, _one = _types(type)
    rows = queries.run(driver, database, "organization_timeline",
                       {"organization": name, "from": f, "to": t, "members": members,
                        "limit": limit or REPORT_LIMIT})
    if not rows:
        _check_exists(driver, database, "Organization", name, contains=True)
    return [Entry(date=r["date"], end_date=r["end_date"], type=r["type"], trigger=r["trigger"], name=r["name"],
                  persons=r["persons"], sites=r["sites"], places=[r["organization"]], via=r["via"],
                  article_title=r["article_title"], source=r["source"], evidence=r["evidence"],
                  event_id=r["event_id"]) for r in _of_types(rows, types)]


_LABEL_NAMES = {"Person": "person", "Place": "place", "Organization": "organisation"}


def _check_exists(driver, database: str, label: str, name: str, contains: bool = False) -> None:
    """QueryError when no ``label`` node has that name (or a name containing it), with close names."""
    assert label in _LABEL_NAMES
    cond = "n.name CONTAINS $name" if contains else "n.name = $name"
    rows, _ = queries.run_text(driver, database,
                               f"MATCH (n:{label}) WHERE {cond} RETURN n.name AS name LIMIT 1", {"name": name})
    if rows:
        return
    # close names: sharing a two-character piece of the name
    pieces = sorted({name[i:i + 2] for i in range(max(1, len(name) - 1))})
    rows, _ = queries.run_text(
        driver, database,
        f"MATCH (n:{label}) WHERE any(p IN $pieces WHERE n.name CONTAINS p) "
        "RETURN DISTINCT n.name AS name ORDER BY size(name), name LIMIT 5", {"pieces": pieces})
    close = [r["name"] for r in rows]
    what = _LABEL_NAMES[label]
    raise QueryError(f"no {what} named {name!r} in the graph"
                     + (f" (close: {', '.join(close)})" if close else ""),
                     hint="load pages first (`kb load`), or check the name (`kb query search --param q=…`)")


# ------------------------------------------------------------------ display rows

SITE_SEP = " → "


def span(d: Optional[date], end: Optional[date]) -> str:
    """``2020-02-03`` or ``2020-02-03~02-04`` (``~2021-01-02`` across years)."""
    if d is None:
        return ""
    if not end or end == d:
        return d.isoformat()
    tail = end.isoformat()[5:] if end.year == d.year else end.isoformat()
    return f"{d.isoformat()}~{tail}"


def undated(date_text: Optional[str]) -> str:
    """The date cell of a visit with no full date: as written, the year said to be unknown."""
    return f"{date_text} (year unknown)" if date_text else "(date unknown)"


def inspection_rows(items: list[Inspection]) -> list[dict]:
    """Rows for a table or csv: one per visit, lists joined (sites with → in visit order)."""
    return [{"date": span(i.date, i.end_date) or undated(i.date_text), "person": i.person, "titles": "、".join(i.titles),
             "places": "、".join(i.places), "sites": SITE_SEP.join(i.sites),
             "accompanying": "、".join(i.accompanying), "article": i.article_title or "",
             "source": i.source or ""} for i in items]


def entry_rows(items: list[Entry], kind: str) -> list[dict]:
    rows = []
    for e in items:
        r = {"date": span(e.date, e.end_date), "type": e.type or "", "what": e.name or e.trigger or ""}
        if kind == "person":
            r["role"] = e.role or ""
            r["with"] = "、".join(e.persons)
        else:
            r["persons"] = "、".join(e.persons)
            r["via"] = "、".join(e.via)
        r["sites"] = SITE_SEP.join(e.sites)
        r["places"] = "、".join(e.places) if kind == "person" else None
        if r["places"] is None:
            del r["places"]
        r["article"] = e.article_title or ""
        r["source"] = e.source or ""
        rows.append(r)
    return rows
