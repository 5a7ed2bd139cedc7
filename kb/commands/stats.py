"""`kb stats`: node and relationship counts."""
import click

from .. import db, graph
from ..render import table, to_json


@click.command(name="stats")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def command(fmt):
    """Node counts per label and relationship counts per type."""
    with db.session_driver() as (driver, database):
        st = graph.stats(driver, database)
    if fmt == "json":
        click.echo(to_json(st))
        return
    rows = [{"kind": "node", "name": k, "count": v} for k, v in st["nodes"].items()]
    rows += [{"kind": "relationship", "name": k, "count": v} for k, v in st["relationships"].items()]
    click.echo(table(rows, ["kind", "name", "count"]))
