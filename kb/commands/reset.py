"""`kb reset --yes`: delete all kb data (nodes and relationships; the schema stays)."""
from __future__ import annotations

import sys

import click

from .. import db, graph


@click.command(name="reset")
@click.option("--yes", is_flag=True, help="really delete everything kb loaded")
@click.option("--batch", type=click.IntRange(min=100), default=10000, show_default=True,
              help="nodes deleted per transaction")
def command(yes, batch):
    """Delete every Page, Article, Event, Person, Organization and Place (in batches)."""
    if not yes:
        click.echo("kb: refusing to delete the graph without --yes (kb reset --yes)", err=True)
        sys.exit(2)
    with db.session_driver() as (driver, database):
        deleted = graph.reset(driver, database, batch=batch)
    total = sum(deleted.values())
    parts = ", ".join(f"{v} {k}" for k, v in deleted.items() if v) or "nothing to delete"
    click.echo(f"deleted {total} nodes from database {database}: {parts}")
