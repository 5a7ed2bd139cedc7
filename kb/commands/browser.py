"""`kb browser`: the local Neo4j Browser's address with the connection filled in."""
from __future__ import annotations

import os
from urllib.parse import quote, urlsplit

import click

from .. import config


def browser_url(query: str | None = None) -> str:
    """The Browser's URL, connection prefilled (never the password), e.g.
    ``http://127.0.0.1:7474/browser/?dbms=neo4j://neo4j@127.0.0.1:7687&db=neo4j``.

    NEO4J_URI (and NEO4J_USERNAME, NEO4J_DATABASE, NEO4J_BROWSER_URL) point elsewhere; otherwise the
    local server's ports from ``kb server start``. With ``query``, the editor is prefilled too.
    """
    bolt, http = config.local_ports()
    user = os.environ.get("NEO4J_USERNAME") or "neo4j"
    database = os.environ.get("NEO4J_DATABASE") or "neo4j"
    uri = os.environ.get("NEO4J_URI")
    if uri:
        parts = urlsplit(uri)
        scheme = parts.scheme or "neo4j"
        host = parts.hostname or "127.0.0.1"
        port = parts.port or config.DEFAULT_BOLT_PORT
        base = os.environ.get("NEO4J_BROWSER_URL") or f"http://{host}:{config.DEFAULT_HTTP_PORT}/browser/"
    else:
        scheme, host, port = "neo4j", "127.0.0.1", bolt
        base = f"http://127.0.0.1:{http}/browser/"
    if not base.endswith("/"):
        base += "/"
    url = f"{base}?dbms={scheme}://{quote(user, safe='')}@{host}:{port}&db={quote(database, safe='')}"
    if query:
        url += "&cmd=edit&arg=" + quote(query, safe="")
    return url


@click.command(name="browser")
@click.option("--open", "open_", is_flag=True, help="Also try to open it in a web browser.")
@click.option("--query", "name", metavar="NAME", help="Prefill the editor with the named query NAME.")
def command(open_, name):
    """Print the Neo4j Browser's address with the connection filled in (user, server, database).

    The Browser asks for the password: `kb server password` prints the local server's. The named
    queries to paste there: `kb query NAME --show`, or docs/browser.md.
    """
    text = None
    if name:
        from .. import queries
        q = queries.get(name)
        text = "\n".join(q.param_lines()) + "\n" + q.body + ";"
    url = browser_url(text)
    click.echo(url)
    if "NEO4J_URI" not in os.environ:
        click.echo("password: `kb server password` (user neo4j)", err=True)
    if open_:
        import webbrowser
        try:
            ok = webbrowser.open(url)
        except Exception:  # no browser, no display
            ok = False
        if not ok:
            click.echo("kb: could not open a web browser here; open the address above yourself", err=True)
