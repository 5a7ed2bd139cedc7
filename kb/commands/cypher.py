"""`kb cypher QUERY | -f FILE`: any Cypher statement, read-only unless --write, in every output format."""
from __future__ import annotations

from pathlib import Path

import click

from .. import db, queries
from ..errors import QueryError
from ._options import emit, format_options


def parse_params(items) -> dict:
    """``k=v`` items → typed parameters (dates, numbers, null, lists as in `kb query`)."""
    out = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip().isidentifier():
            raise QueryError(f"--param {item!r}: expected key=value", hint="e.g. --param day=2020-03-08")
        out[key.strip()] = queries.convert(raw)
    return out


@click.command(name="cypher")
@click.argument("query", required=False)
@click.option("-f", "--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the statement from FILE; its `// :param` header lines give defaults "
                   "(a named query's file runs as-is).")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter (repeatable): $KEY in the statement. Dates as YYYY-MM-DD; null for none.")
@click.option("--write", is_flag=True, help="Run in a write transaction (default: read-only; writes are refused).")
@click.option("--limit", type=click.IntRange(min=0), default=1000, show_default=True,
              help="Show at most this many rows (0 = all); a cut result says so on stderr.")
@format_options()
def command(query, file, params, write, limit, fmt, output, wide, columns):
    """Run one Cypher statement QUERY (or -f FILE) against the graph and print its rows.

    Runs in a read transaction: a statement that writes fails unless --write is given.

    \b
    kb cypher "MATCH (e:Event) RETURN e.type AS type, count(*) AS n ORDER BY n DESC"
    kb cypher 'MATCH (a:Article) WHERE a.published = $day RETURN a.title AS title' --param day=2020-03-08
    kb cypher -f cypher/inspections.cypher --param limit=5 --format csv
    """
    if bool(query) == bool(file):
        raise click.UsageError("give a statement QUERY or -f FILE (one of them)")
    text = file.read_text(encoding="utf-8") if file else query
    stmts = [s for s in _statements(text)]
    if len(stmts) != 1:
        raise QueryError(f"{file or 'QUERY'}: expected one statement, found {len(stmts)}",
                         hint="run them one at a time")
    bound = _header_defaults(text) if file else {}
    bound.update(parse_params(params))
    with db.session_driver() as (driver, database):
        rows, keys = queries.run_text(driver, database, stmts[0], bound, write=write)
    total = len(rows)
    shown = rows if not limit else rows[:limit]
    emit(shown, fmt, output, keys=keys, columns=columns, wide=wide, total=total, count=True)


def _statements(text: str) -> list[str]:
    from .. import cypher
    return cypher.statements(text)


def _header_defaults(text: str) -> dict:
    """The ``// :param name => value;`` defaults of a file's header ({} when it has none)."""
    try:
        return queries.parse(text).defaults()
    except QueryError:
        return {}
