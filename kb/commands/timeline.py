"""`kb timeline`: timeline reports (inspection visits; a person's, place's or organisation's events)."""
from __future__ import annotations

import click

from .. import db, timeline
from ..render import entries_markdown, inspections_markdown, to_csv, to_json
from ._options import date_range, emit, event_types_option, format_options, write

FORMATS = ["table", "markdown", "csv", "json", "html"]
_format_option = format_options(FORMATS)
_range_options = date_range


def _emit(text: str, output: str | None) -> None:
    write(text, output)


@click.group(name="timeline")
def command():
    """Timeline reports: inspection visits, and the events of a person, place or organisation."""


@command.command(name="inspections")
@click.option("--person", metavar="NAME", help="One official (the lead); default: all.")
@_range_options
@click.option("--place", metavar="NAME", help="Part of a place name: the trip's area, a site, or a division they lie in.")
@click.option("--limit", type=int, default=None, help="At most this many visits.")
@_format_option
def inspections(person, date_from, date_to, place, limit, fmt, output, wide, columns):
    """Officials' inspection visits (调研, 督导, 考察 …) in date order: who went where, on which day,
    in what order, with whom, reported in which article.

    \b
    kb timeline inspections
    kb timeline inspections --from 2020-03 --to 2020-03 --format markdown
    kb timeline inspections --format html -o out/inspections.html
    """
    with db.session_driver() as (driver, database):
        items = timeline.inspections(driver, database, person=person, date_from=date_from,
                                     date_to=date_to, place=place, limit=limit)
    title = "Inspection visits" + (f" — {person}" if person else "")
    scope = _scope(date_from, date_to, place)
    if fmt == "json":
        _emit(to_json([i.to_json() for i in items]), output)
    elif fmt == "csv":
        rows = [i.to_json() for i in items]
        for r in rows:
            r["sites"] = timeline.SITE_SEP.join(r["sites"])
        _emit(to_csv(rows, timeline.INSPECTION_FIELDS) or ",".join(timeline.INSPECTION_FIELDS) + "\n", output)
    elif fmt == "markdown":
        _emit(inspections_markdown(items, title + (f" ({scope})" if scope else "")), output)
    elif fmt == "html":
        from ..html import inspections_page
        _emit(inspections_page(items, title, subtitle=scope or None), output)
    else:
        emit(timeline.inspection_rows(items), "table", output, columns=columns, wide=wide,
             keys=["date", "person", "titles", "places", "sites", "accompanying", "article"])


def _scope(date_from, date_to, place) -> str:
    parts = []
    if date_from or date_to:
        f = timeline.parse_day(date_from)
        t = timeline.parse_day(date_to, end=True)
        parts.append(f"{f.isoformat() if f else '…'} to {t.isoformat() if t else '…'}")
    if place:
        parts.append(f"place {place}")
    return ", ".join(parts)


def _entries(kind: str, name: str, items, fmt: str, output: str | None, title: str,
             wide: bool = False, columns: str | None = None) -> None:
    if fmt == "json":
        _emit(to_json([e.to_json() for e in items]), output)
        return
    rows = timeline.entry_rows(items, kind)
    if fmt == "csv":
        for r, e in zip(rows, items):
            r["evidence"] = e.evidence or ""
            r["event_id"] = e.event_id or ""
        _emit(to_csv(rows) or "date\n", output)
    elif fmt == "markdown":
        _emit(entries_markdown(items, title, kind), output)
    else:
        emit([{k: v for k, v in r.items() if k != "source"} for r in rows], "table", output,
             columns=columns, wide=wide)


@command.command(name="person")
@click.argument("name")
@_range_options
@event_types_option
@_format_option
def person(name, date_from, date_to, etypes, fmt, output, wide, columns):
    """Everything the person NAME took part in, in date order, with their role."""
    with db.session_driver() as (driver, database):
        items = timeline.person_timeline(driver, database, name, date_from, date_to, type=etypes or None)
    _out("person", name, items, fmt, output, wide, columns, date_from, date_to, etypes)


@command.command(name="place")
@click.argument("name")
@_range_options
@event_types_option
@_format_option
def place(name, date_from, date_to, etypes, fmt, output, wide, columns):
    """Events held in the place NAME or visiting sites in it (its divisions and organisations too).

    \b
    kb timeline place 株洲 --type inspection,meeting
    kb timeline place 株洲 --format html -o place.html      # every event type, with a legend
    """
    with db.session_driver() as (driver, database):
        items = timeline.place_timeline(driver, database, name, date_from, date_to, type=etypes or None)
    _out("place", name, items, fmt, output, wide, columns, date_from, date_to, etypes)


@command.command(name="org")
@click.argument("name")
@_range_options
@click.option("--members/--no-members", default=True, show_default=True,
              help="Include the events of the persons holding a post in it.")
@event_types_option
@_format_option
def org(name, date_from, date_to, members, etypes, fmt, output, wide, columns):
    """Events at the organisation NAME (visits) and of its post holders."""
    with db.session_driver() as (driver, database):
        items = timeline.organization_timeline(driver, database, name, date_from, date_to, members=members,
                                               type=etypes or None)
    _out("org", name, items, fmt, output, wide, columns, date_from, date_to, etypes)


def _out(kind, name, items, fmt, output, wide, columns, date_from, date_to, etypes) -> None:
    """The entries of a person, place or organisation in ``fmt``; html draws every event type."""
    if fmt != "html":
        return _entries(kind, name, items, fmt, output, f"Timeline of {name}", wide, columns)
    from ..html import events_page
    scope = ", ".join(x for x in (_scope(date_from, date_to, None), "type " + "、".join(etypes) if etypes else "")
                      if x)
    _emit(events_page(items, f"Timeline of {name}", subtitle=scope or None, kind=kind), output)
