"""`kb query`: list and run the named Cypher queries of ``cypher/`` (read transactions only)."""
from __future__ import annotations

import click

from .. import db, queries
from ..errors import QueryError
from ._options import emit, format_options


@click.command(name="query")
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter (repeatable). Dates as YYYY-MM-DD; null for none.")
@click.option("--show", is_flag=True, help="Print the query's text (to paste into the Browser) instead of running it.")
@click.option("--example", is_flag=True, help="Run with the example parameters of the query's header.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="At most this many rows (the query's `limit` parameter; 0 = all). "
                   "A cut result says so on stderr.")
@format_options()
def command(name, list_, params, show, example, limit, fmt, output, wide, columns):
    """Run the named query NAME with --param key=value … in a read transaction.

    \b
    kb query --list
    kb query inspections --param from=2020-03-01 --param to=2020-03-31
    kb query articles_of_day --param day=2020-03-08 --format json
    """
    if list_ or not name:
        return _list(name, fmt, output, wide, columns)
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
    cap = None
    if q.param("limit") is not None:
        # run uncapped and cut here, so a cut result can say how many rows there were
        cap = limit if limit is not None else bound.get("limit", q.param("limit").default)
        bound["limit"] = UNCAPPED
    with db.session_driver() as (driver, database):
        rows, keys = queries.run_query(driver, database, q, bound)
    total = len(rows)
    if cap:
        rows = rows[:cap]
    emit(rows, fmt, output, keys=keys, columns=columns, wide=wide, total=total, count=True)


UNCAPPED = 1 << 62


def _list(name, fmt, output, wide, columns):
    qs = queries.list_queries()
    if fmt in ("json", "jsonl"):
        rows = [{"name": q.name, "title": q.title, "path": str(q.path),
                 "params": {p.name: queries.jsonable(p.default) for p in q.params},
                 "example": queries.jsonable(q.example)} for q in qs]
        return emit(rows, fmt, output, columns=columns)
    rows = [{"name": q.name, "parameters (defaults)": ", ".join(f"{p.name}={p.expression}" for p in q.params),
             "purpose": q.summary} for q in qs]
    emit(rows, fmt, output, columns=columns, wide=wide)
    if not name and fmt == "table" and not output:
        click.echo("\nrun one: kb query NAME --param key=value …   (kb query NAME --show prints its text)")
