"""`kb search`: full-text search over article bodies (CJK analyser)."""
from __future__ import annotations

import click

from .. import db
from ..render import table, to_csv, to_json

COLUMNS = ["published", "outlet", "title", "sentence", "article_id", "source", "score"]


@click.command(name="search")
@click.argument("words")
@click.option("--from", "date_from", metavar="DATE", help="First issue date, YYYY-MM-DD.")
@click.option("--to", "date_to", metavar="DATE", help="Last issue date.")
@click.option("--outlet", metavar="NAME", help="Part of the outlet's name.")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def command(words, date_from, date_to, outlet, limit, fmt):
    """Articles whose body mentions WORDS (a phrase; Lucene syntax for more), with the sentence.

    \b
    kb search 小龙虾
    kb search 复工复产 --from 2020-03-01 --outlet 株洲日报 --format csv
    """
    from ..export.search import search

    from ..timeline import parse_day
    with db.session_driver() as (driver, database):
        rows = search(driver, database, words, parse_day(date_from), parse_day(date_to, end=True), outlet, limit)
    if fmt == "json":
        click.echo(to_json(rows))
    elif fmt == "csv":
        click.echo(to_csv(rows, COLUMNS) or ",".join(COLUMNS), nl=False)
    else:
        click.echo(table(rows, ["published", "outlet", "title", "sentence"]) if rows else "no article matches")
