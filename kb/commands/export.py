"""`kb export`: research-ready files — tidy tables (csv, tsv, jsonl, parquet, Stata), person networks
(GraphML, GEXF), TimelineJS 3 JSON and GeoJSON. Columns: docs/exports.md."""
from __future__ import annotations

import json
import sys

import click

from .. import db
from ..export import BINARY, FORMATS, TABLES, ExportError, export_table
from ..timeline import parse_day


def _done(n: int, what: str, output) -> None:
    if output:
        click.echo(f"wrote {n} {what} to {output}", err=True)


def _range(f):
    f = click.option("--to", "date_to", metavar="DATE", help="Last day (YYYY-MM-DD; YYYY-MM or YYYY = its end).")(f)
    return click.option("--from", "date_from", metavar="DATE", help="First day (YYYY-MM-DD; YYYY-MM or YYYY = its start).")(f)


def _json_out(data, output) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    else:
        click.echo(text)


@click.group(name="export")
def command():
    """Write research-ready files: tables (visits, visit-sites, people, posts, events, articles,
    participants), network, timelinejs, geojson.

    \b
    kb export visits --format parquet -o visits.parquet
    kb export visits --format csv --bom -o visits.csv      # Excel
    kb export network --kind co-appearance --format gexf -o people.gexf
    """


def _table_command(name: str):
    t = TABLES[name]

    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
    @click.option("--output", "-o", type=click.Path(dir_okay=False), help="File (needed for parquet, dta).")
    @click.option("--bom", is_flag=True, help="Start csv/tsv with a UTF-8 BOM (Excel on Windows).")
    def run(fmt, output, bom, **filters):
        if fmt in BINARY and not output:        # before connecting: say it at once
            raise ExportError(f"{fmt} needs a file", hint=f"add -o FILE.{fmt}")
        params = {"from": parse_day(filters.get("date_from")), "to": parse_day(filters.get("date_to"), end=True),
                  "type": filters.get("etype")}
        with db.session_driver() as (driver, database):
            n = export_table(driver, database, name, fmt, output=output, stdout=sys.stdout, bom=bom,
                             params={k: v for k, v in params.items() if k in t.filters})
        _done(n, "rows", output)

    run.__doc__ = f"{t.doc} Columns: docs/exports.md."
    if "type" in t.filters:
        run = click.option("--type", "etype", metavar="TYPE", help="One event type.")(run)
    if "from" in t.filters:
        run = _range(run)
    return click.command(name=name)(run)


for _name in TABLES:
    command.add_command(_table_command(_name))


@command.command(name="network")
@click.option("--kind", type=click.Choice(["accompaniment", "co-appearance"]), default="accompaniment",
              show_default=True, help="Lead → accompanying (directed), or any two persons in one event.")
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml"]), default="gexf", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True)
@_range
def network(kind, fmt, output, date_from, date_to):
    """Person network for Gephi; edge weight = events together; GEXF plays on Gephi's timeline."""
    from ..export import network as net

    with db.session_driver() as (driver, database):
        g = net.build(driver, database, kind, parse_day(date_from), parse_day(date_to, end=True))
    net.write(g, output, fmt)
    click.echo(f"wrote {g.number_of_nodes()} persons, {g.number_of_edges()} edges to {output}", err=True)


@command.command(name="timelinejs")
@click.option("--output", "-o", type=click.Path(dir_okay=False))
@click.option("--title", default="Inspection visits", show_default=True)
@_range
def timelinejs(output, title, date_from, date_to):
    """TimelineJS 3 JSON: one slide per dated visit, with its evidence sentence and source."""
    from ..export.timelinejs import timeline

    with db.session_driver() as (driver, database):
        data = timeline(driver, database, parse_day(date_from), parse_day(date_to, end=True), title=title)
    _json_out(data, output)
    _done(len(data["events"]), "slides", output)


@command.command(name="geojson")
@click.option("--output", "-o", type=click.Path(dir_okay=False))
@_range
def geojson(output, date_from, date_to):
    """Visits as points at the county (or finer) of each site, with counts and dates (QGIS, kepler.gl)."""
    from ..export.geojson import features

    with db.session_driver() as (driver, database):
        data = features(driver, database, parse_day(date_from), parse_day(date_to, end=True))
    _json_out(data, output)
    _done(len(data["features"]), "points", output)
