"""`kb posts`: the post register — who held which post when (build, import, export, reports)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import db, queries
from ..errors import InputError
from ..render import table, to_csv, to_json

FORMATS = ["table", "csv", "json", "jsonl"]


def _format_option(f):
    f = click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
                     help="Write to FILE (UTF-8) instead of standard output.")(f)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for people; csv, json, jsonl for programs.")(f)


def _emit(rows: list[dict], keys: list[str], fmt: str, output) -> None:
    rows = queries.jsonable(rows) if fmt != "table" else rows
    if fmt == "json":
        text = to_json(rows)
    elif fmt == "jsonl":
        import json
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    elif fmt == "csv":
        text = to_csv(rows, keys) if rows else ",".join(keys) + "\n"
    else:
        text = table(rows, keys) + (f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})" if rows else "")
    if output:
        Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def _run(name: str, params: dict):
    with db.session_driver() as (driver, database):
        return queries.run_query(driver, database, name, params)


@click.group(name="posts")
def command():
    """The post register: who held which post when, built from the archive after every `kb load`."""


@command.command(name="build")
def build_cmd():
    """Rebuild the register and the post+date resolutions from the graph (idempotent)."""
    from ..posts.build import build
    with db.session_driver() as (driver, database):
        r = build(driver, database)
    click.echo(f"post register: {r['tenures']} tenures in {r['posts']} posts, {r['resolved']} mentions "
               f"resolved by post and date ({r['leads']} event leads) — {r['seconds']:.1f} s")


@command.command(name="import")
@click.argument("roster", type=click.Path(dir_okay=False, path_type=Path))
def import_cmd(roster):
    """Import ROSTER.csv (person, organization, post, from, to, source); imported rows win over sightings."""
    from ..posts.roster import import_roster
    if not roster.is_file():
        raise InputError(f"{roster}: no such roster file", hint="give a CSV: person,organization,post,from,to,source")
    with db.session_driver() as (driver, database):
        r = import_roster(driver, database, roster)
    for line in r["bad"]:
        click.echo(f"kb: skipped {line}", err=True)
    click.echo(f"imported {r['imported']} roster rows; register: {r['build']['tenures']} tenures")
    if r["bad"]:
        sys.exit(1)


@command.command(name="export")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to FILE.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonl"]), default="csv", show_default=True)
def export_cmd(output, fmt):
    """The register as CSV: person, organization, post, title, from, to, certainty, first_article,
    last_article (and first_seen, last_seen, mentions, predecessor, successor, imported, source, scope)."""
    from ..posts.roster import EXPORT_COLUMNS, export_rows
    with db.session_driver() as (driver, database):
        rows = export_rows(driver, database)
    _emit(rows, EXPORT_COLUMNS, fmt, output)


@command.command(name="holder")
@click.argument("post")
@click.option("--on", "on", required=True, type=click.DateTime(formats=["%Y-%m-%d"]), help="The day (YYYY-MM-DD).")
@click.option("--org", default=None, help="Part of the organisation's name (岚川市, 中共鹤屿县委).")
@_format_option
def holder_cmd(post, on, org, fmt, output):
    """Who held POST on a day, with the evidence (cypher/post_holder.cypher).

    \b
    kb posts holder 市长 --on 2020-02-01
    """
    rows, keys = _run("post_holder", {"post": post, "on": on.date().isoformat(), "organization": org})
    _emit(rows, keys, fmt, output)


@command.command(name="succession")
@click.argument("post")
@click.option("--org", default=None, help="Part of the organisation's name.")
@_format_option
def succession_cmd(post, org, fmt, output):
    """The holders of POST in order, with start, end and certainty (cypher/succession.cypher)."""
    rows, keys = _run("succession", {"post": post, "organization": org, "limit": None})
    _emit(rows, keys, fmt, output)


@command.command(name="person")
@click.argument("name")
@_format_option
def person_cmd(name, fmt, output):
    """The posts NAME held, in order (cypher/post_career.cypher)."""
    rows, keys = _run("post_career", {"person": name, "limit": None})
    _emit(rows, keys, fmt, output)
