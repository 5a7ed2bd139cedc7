"""`kb timeline`: timeline reports (inspection visits; a person's, place's or organisation's events)."""
from __future__ import annotations

import click

from .. import db, timeline
from ..render import entries_markdown, inspections_markdown, to_csv, to_json
from ._options import date_range, emit, format_options, write

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
@click.option("--type", "etype", metavar="TYPE", help="Only events of this type (inspection, meeting …).")
@_format_option
def person(name, date_from, date_to, etype, fmt, output, wide, columns):
    """Everything the person NAME took part in, in date order, with their role."""
    if fmt == "html":
        return _html_for(name=name, date_from=date_from, date_to=date_to, output=output, person=name)
    with db.session_driver() as (driver, database):
        items = timeline.person_timeline(driver, database, name, date_from, date_to, type=etype)
    _entries("person", name, items, fmt, output, f"Timeline of {name}", wide, columns)


@command.command(name="place")
@click.argument("name")
@_range_options
@click.option("--type", "etype", metavar="TYPE", help="Only events of this type (inspection, meeting …).")
@_format_option
def place(name, date_from, date_to, etype, fmt, output, wide, columns):
    """Events held in the place NAME or visiting sites in it (its divisions and organisations too)."""
    if fmt == "html":
        return _html_for(name=name, date_from=date_from, date_to=date_to, output=output, place=name)
    with db.session_driver() as (driver, database):
        items = timeline.place_timeline(driver, database, name, date_from, date_to, type=etype)
    _entries("place", name, items, fmt, output, f"Timeline of {name}", wide, columns)


@command.command(name="org")
@click.argument("name")
@_range_options
@click.option("--members/--no-members", default=True, show_default=True,
              help="Include the events of the persons holding a post in it.")
@_format_option
def org(name, date_from, date_to, members, fmt, output, wide, columns):
    """Events at the organisation NAME (visits) and of its post holders."""
    if fmt == "html":
        raise click.UsageError("--format html draws inspection visits; use table, markdown, csv or json here")
    with db.session_driver() as (driver, database):
        items = timeline.organization_timeline(driver, database, name, date_from, date_to, members=members)
    _entries("org", name, items, fmt, output, f"Timeline of {name}", wide, columns)


def _html_for(name, date_from, date_to, output, person=None, place=None):
    """person/place with --format html: the inspection visits of that person / in that place."""
    from ..html import inspections_page
    with db.session_driver() as (driver, database):
        items = timeline.inspections(driver, database, person=person, date_from=date_from,
                                     date_to=date_to, place=place)
    _emit(inspections_page(items, f"Inspection visits — {name}",
                           subtitle=_scope(date_from, date_to, None) or None), output)
