"""`kb server …`: provision and run the local Neo4j server."""
from __future__ import annotations

import json

import click

from .. import server as srv
from ._options import emit

FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                      show_default=True)


@click.group(name="server")
def command():
    """Provision and run a local Neo4j 5.26 Community server (127.0.0.1, auth on)."""


@command.command()
def install():
    """Fetch Neo4j and the Neo4j Browser from Maven Central into $KB_HOME (no-op when done), and
    build the gazetteer cache (as `kb setup`)."""
    r = srv.install(echo=lambda m: click.echo(m, err=True))
    from .setup import ensure_gazetteer
    ensure_gazetteer(lambda m: click.echo(m, err=True))   # never silently inside the first load
    if r["changed"]:
        click.echo(f"installed Neo4j {r['neo4j']} in {r['home']} ({r['seconds']} s)")
    else:
        click.echo(f"Neo4j {r['neo4j']} already installed in {r['home']}")


def _start_options(f):
    f = click.option("--bolt-port", type=int, default=None, help="default 7687 (or the last used)")(f)
    f = click.option("--http-port", type=int, default=None, help="default 7474 (or the last used)")(f)
    # the defaults come from the environment: said in words, so --help (and docs/cli.md) is the same everywhere
    f = click.option("--heap", default=srv.DEFAULT_HEAP, help="JVM max heap (default 2g, or $KB_NEO4J_HEAP)")(f)
    f = click.option("--pagecache", default=srv.DEFAULT_PAGECACHE,
                     help="page cache size (default 2g, or $KB_NEO4J_PAGECACHE)")(f)
    f = click.option("--timeout", type=float, default=180, show_default=True,
                     help="seconds to wait for Bolt to answer")(f)
    return f


@command.command()
@_start_options
def start(bolt_port, http_port, heap, pagecache, timeout):
    """Start the server in the background; returns when Bolt answers a query."""
    r = srv.start(bolt_port=bolt_port, http_port=http_port, heap=heap, pagecache=pagecache, timeout=timeout)
    if r["changed"]:
        click.echo(f"started Neo4j (pid {r['pid']}) in {r['seconds']} s: bolt://127.0.0.1:{r['bolt']}  "
                   f"http://127.0.0.1:{r['http']}/browser/")
    else:
        click.echo(f"Neo4j is already running (pid {r['pid']}): bolt://127.0.0.1:{r['bolt']}")


@command.command()
def stop():
    """Stop the server cleanly."""
    r = srv.stop()
    click.echo(f"stopped Neo4j (pid {r['pid']})" if r["changed"] else "Neo4j is not running")


@command.command()
@_start_options
def restart(bolt_port, http_port, heap, pagecache, timeout):
    """Stop, then start."""
    srv.stop()
    r = srv.start(bolt_port=bolt_port, http_port=http_port, heap=heap, pagecache=pagecache, timeout=timeout)
    click.echo(f"started Neo4j (pid {r['pid']}) in {r['seconds']} s")


@command.command()
@FORMAT
def status(fmt):
    """Version, URIs, pid, uptime and store size. Exit code 3 when not running."""
    st = srv.status_dict()
    if fmt == "json":
        click.echo(json.dumps(st, ensure_ascii=False, indent=2))
    else:
        rows = [{"key": k, "value": "" if v is None else str(v)} for k, v in st.items()]
        emit(rows, "table", keys=["key", "value"])
    if not st["running"]:
        raise SystemExit(3)


@command.command()
@click.option("-n", "--lines", default=50, show_default=True)
def logs(lines):
    """Show the tail of the server's log."""
    for line in srv.tail_log(lines):
        click.echo(line)


@command.command()
def password():
    """Print the local server's password (user neo4j), for the Browser login."""
    click.echo(srv.password())
