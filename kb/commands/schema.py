"""`kb schema apply`: constraints and indexes from cypher/schema.cypher."""
import click

from .. import db, graph


@click.group(name="schema")
def command():
    """Manage the graph schema."""


@command.command()
def apply():
    """Create constraints and indexes (idempotent: IF NOT EXISTS)."""
    with db.session_driver() as (driver, database):
        stmts = graph.apply_schema(driver, database)
    click.echo(f"schema applied: {len(stmts)} statements on database {database}")
