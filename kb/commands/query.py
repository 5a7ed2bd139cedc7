"""`kb query`: list and run the named Cypher queries of ``cypher/`` (read transactions only)."""
from __future__ import annotations

import click

from .. import db, queries
from ..errors import QueryError
from ..render import table, to_csv, to_json


@click.command(name="query")
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter (repeatable). Dates as YYYY-MM-DD; null for none.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--show", is_flag=True, help="Print the query's text (to paste into the Browser) instead of running it.")
@click.option("--example", is_flag=True, help="Run with the example parameters of the query's header.")
def command(name, list_, params, fmt, show, example):
    """Run the named query NAME with --param key=value … in a read transaction.

    \b
    kb query --list
    kb query inspections --param person=张建国 --param from=2020-03-01
    kb query articles_of_day --param day=2020-03-08 --format json
    """
    if list_ or not name:
        qs = queries.list_queries()
        if fmt == "json":
            click.echo(to_json([{"name": q.name, "title": q.title, "path": str(q.path),
                                 "params": {p.name: queries.jsonable(p.default) for p in q.params},
                                 "example": queries.jsonable(q.example)} for q in qs]))
            return
        rows = [{"name": q.name, "parameters (defaults)": ", ".join(f"{p.name}={p.expression}" for p in q.params),
                 "purpose": q.summary} for q in qs]
        if fmt == "csv":
            click.echo(to_csv(rows), nl=False)
            return
        click.echo(table(rows))
        if not name:
            click.echo("\nrun one: kb query NAME --param key=value …   (kb query NAME --show prints its text)")
        return
    q = queries.get(name)
    if show:
        click.echo("\n".join(q.param_lines()))
        click.echo()
        click.echo(q.body + ";")
        return
    bound = dict(q.example) if example else {}
    bound.update(queries.parse_params(q, params))
    missing = [p.name for p in q.params if p.name not in bound and "(required)" in p.description]
    if missing:
        raise QueryError(f"{q.name} needs --param {missing[0]}=…",
                         hint=f"{missing[0]}: {q.param(missing[0]).description}")
    with db.session_driver() as (driver, database):
        rows, keys = queries.run_query(driver, database, q, bound)
    if fmt == "json":
        click.echo(to_json(queries.jsonable(rows)))
    elif fmt == "csv":
        click.echo(to_csv(rows, keys) if rows else ",".join(keys) + "\n", nl=False)
    else:
        click.echo(table(rows, keys))
        if rows:
            click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
