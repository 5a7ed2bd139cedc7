"""`kb report`: counts over time and place — visits by (person | place | county …) × (month | year
| county …) with totals, the most visited places, and an HTML report of both."""
from __future__ import annotations

import json
import sys

import click

from .. import db
from ..render import markdown_table, table, to_csv

FORMATS = ["table", "markdown", "csv", "tsv", "json", "jsonl", "parquet"]


def _range(f):
    f = click.option("--to", "date_to", metavar="DATE", help="Last day (YYYY-MM-DD; YYYY-MM or YYYY = its end).")(f)
    return click.option("--from", "date_from", metavar="DATE", help="First day (YYYY-MM-DD; YYYY-MM or YYYY = its start).")(f)


def _format(f):
    f = click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE.")(f)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)(f)


def _emit(rows: list[dict], columns: list[str], fmt: str, output) -> None:
    if fmt in ("parquet", "tsv", "jsonl"):
        from ..export.writers import open_writer
        types = {c: "int" if rows and all(isinstance(r.get(c), int) or r.get(c) is None for r in rows)
                 and any(isinstance(r.get(c), int) for r in rows) else "string" for c in columns}
        rows = [{c: r.get(c) if types[c] == "int" else _s(r.get(c)) for c in columns} for r in rows]
        w, close = open_writer(fmt, [(c, types[c]) for c in columns], output=output, stdout=sys.stdout)
        w.write(rows)
        close()
        return
    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=1, default=str)
    elif fmt == "csv":
        text = to_csv(rows, columns) or ",".join(columns) + "\n"
    elif fmt == "markdown":
        text = markdown_table(rows, columns)
    else:
        text = table(rows, columns)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")
    else:
        click.echo(text, nl=not text.endswith("\n"))


def _s(v):
    return None if v is None else str(v)


@click.group(name="report")
def command():
    """Counts over time and place, and an HTML report of them.

    \b
    kb report visits --by person,month
    kb report places --top 20
    kb report html -o report.html
    """


@command.command(name="visits")
@click.option("--by", "by", default="person,month", show_default=True,
              help="Rows,columns: two of person, month, year, county, prefecture, place.")
@_range
@_format
def visits(by, date_from, date_to, fmt, output):
    """Inspection visits counted by two dimensions (a crosstab with a total column and row)."""
    from ..export.counts import parse_by, visits_by
    from ..timeline import parse_day

    dims = parse_by(by)
    with db.session_driver() as (driver, database):
        rows, cols = visits_by(driver, database, dims, parse_day(date_from), parse_day(date_to, end=True))
    _emit(rows, cols, fmt, output)


@command.command(name="places")
@click.option("--top", type=int, default=20, show_default=True, help="How many.")
@click.option("--level", type=click.Choice(["county", "prefecture", "site"]), default="county", show_default=True)
@_range
@_format
def places(top, level, date_from, date_to, fmt, output):
    """The most visited counties (or prefectures, or sites): visits, first and last day."""
    from ..export.counts import top_places
    from ..timeline import parse_day

    with db.session_driver() as (driver, database):
        rows = top_places(driver, database, top, level, parse_day(date_from), parse_day(date_to, end=True))
    cols = ["rank", level, "site_id" if level == "site" else "code", "visits", "first", "last"]
    _emit(rows, cols, fmt, output)


@command.command(name="html")
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True)
@_range
def html(output, date_from, date_to):
    """A self-contained page: a bar chart per official over months and a county map of visits."""
    from ..export.report_html import data, page
    from ..timeline import parse_day

    with db.session_driver() as (driver, database):
        rep = data(driver, database, parse_day(date_from), parse_day(date_to, end=True))
    with open(output, "w", encoding="utf-8") as fh:
        fh.write(page(rep))
    click.echo(f"wrote {output}", err=True)
