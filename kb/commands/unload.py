"""`kb unload SOURCE… | --outlet X | --from/--to`: remove pages and exactly what only they support."""
from __future__ import annotations

import sys

import click

from .. import db, unload
from ._options import date_range


@click.command(name="unload")
@click.argument("sources", nargs=-1)
@click.option("--outlet", metavar="NAME", default=None, help="Every page of this outlet.")
@date_range
@click.option("--dry-run", is_flag=True, help="List the pages that would be removed, remove nothing.")
def command(sources, outlet, date_from, date_to, dry_run):
    """Remove pages: by SOURCE (as `kb load` named them: the path relative to the folder loaded), by
    --outlet, by issue date (--from/--to), or any combination (all must match).

    Removes each page's articles and events, its share of posts held and of place links, and every
    person, organisation and place no remaining page names; 64 pages to a transaction. The graph is
    then the one a clean load of the remaining pages gives.

    \b
    kb unload 000_95343d556cead1f2.txt --dry-run
    kb unload --from 2020-02 --to 2020-02 --dry-run
    """
    if not (sources or outlet or date_from or date_to):
        raise click.UsageError("say which pages: SOURCE…, --outlet, --from/--to")
    with db.session_driver() as (driver, database):
        pages = unload.select(driver, database, sources or None, outlet, date_from, date_to)
        found = {p["source"] for p in pages}
        missing = [s for s in sources if s not in found]
        for s in missing:
            click.echo(f"kb: no page with source {s!r} is loaded (`kb cypher \"MATCH (p:Page) RETURN p.source\"` "
                       "lists them)", err=True)
        if dry_run:
            for p in pages:
                click.echo(p["source"])
            click.echo(f"{len(pages)} page(s) would be removed", err=True)
            return
        total = unload.unload(driver, database, pages,
                              on_page=lambda p, r: click.echo(f"removed {p['source']} "
                                                              f"({r.get('articles', 0)} articles)", err=True))
    click.echo(f"unloaded {total['pages']} page(s): {total['articles']} articles, "
               f"{total['orphans']} persons/organisations/places no other page names")
    if missing or not pages:
        sys.exit(1)
