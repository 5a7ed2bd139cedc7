"""`kb browser`: the Neo4j Browser's address with the connection filled in, the style and the guide."""
from __future__ import annotations

import os
from urllib.parse import quote, urlsplit

import click

from .. import config

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def http_port_of(uri: str) -> int | None:
    """The HTTP port of the server at ``uri``, asked of the server itself (its settings); None when
    it cannot be told (no password, not answering, no such setting)."""
    from .. import db
    try:
        s = config.settings()
    except Exception:  # noqa: BLE001 - no password: cannot ask
        return None
    try:
        d = db.driver(config.Settings(uri, s.username, s.password, s.database, False))
    except Exception:  # noqa: BLE001
        return None
    try:
        # the system database allows CALL … YIELD … RETURN only: filter here
        recs, _, _ = d.execute_query("CALL dbms.listConfig('server.http.') YIELD name, value RETURN name, value",
                                     database_="system", routing_="r")
        found = {r["name"]: str(r["value"]) for r in recs}
        for key in ("server.http.advertised_address", "server.http.listen_address"):
            port = found.get(key, "").rsplit(":", 1)[-1]
            if port.isdigit():
                return int(port)
    except Exception:  # noqa: BLE001 - an old server, or not allowed
        return None
    finally:
        d.close()
    return None


def browser_base(uri: str | None) -> tuple[str, bool]:
    """(the Browser's base URL, whether it was known rather than guessed). NEO4J_BROWSER_URL wins; a
    local URI uses the local server's real HTTP port (ports.json, else asked of the server)."""
    if os.environ.get("NEO4J_BROWSER_URL"):
        base = os.environ["NEO4J_BROWSER_URL"]
        return (base if base.endswith("/") else base + "/"), True
    bolt, http = config.local_ports()
    if not uri:
        return f"http://127.0.0.1:{http}/browser/", True
    parts = urlsplit(uri)
    host = parts.hostname or "127.0.0.1"
    port = parts.port or config.DEFAULT_BOLT_PORT
    if host in LOCAL_HOSTS and port == bolt and config.ports_file().exists():
        return f"http://{host}:{http}/browser/", True
    asked = http_port_of(uri)
    if asked:
        return f"http://{host}:{asked}/browser/", True
    return f"http://{host}:{config.DEFAULT_HTTP_PORT}/browser/", False


def browser_url(query: str | None = None) -> str:
    """The Browser's URL, connection prefilled (never the password), e.g.
    ``http://127.0.0.1:7474/browser/?dbms=neo4j://neo4j@127.0.0.1:7687&db=neo4j``; with ``query``
    the editor is prefilled too."""
    return _url(query)[0]


def _url(query: str | None = None) -> tuple[str, bool]:
    bolt, _http = config.local_ports()
    user = os.environ.get("NEO4J_USERNAME") or "neo4j"
    database = os.environ.get("NEO4J_DATABASE") or "neo4j"
    uri = os.environ.get("NEO4J_URI")
    if uri:
        parts = urlsplit(uri)
        scheme, host, port = parts.scheme or "neo4j", parts.hostname or "127.0.0.1", parts.port or config.DEFAULT_BOLT_PORT
    else:
        scheme, host, port = "neo4j", "127.0.0.1", bolt
    base, known = browser_base(uri)
    url = f"{base}?dbms={scheme}://{quote(user, safe='')}@{host}:{port}&db={quote(database, safe='')}"
    if query:
        url += "&cmd=edit&arg=" + quote(query, safe="")
    return url, known


@click.command(name="browser")
@click.option("--open", "open_", is_flag=True, help="Also try to open it in a web browser.")
@click.option("--query", "name", metavar="NAME", help="Prefill the editor with the named query NAME.")
@click.option("--style", is_flag=True, help="Print the `:style` line that captions kb's nodes (paste it in the Browser).")
@click.option("--guide", is_flag=True,
              help="Serve the named queries as a Browser guide on localhost and print its `:play` line "
                   "(until Ctrl-C).")
@click.option("--guide-port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port of the guide server (0: any free port).")
def command(open_, name, style, guide, guide_port):
    """Print the Neo4j Browser's address with the connection filled in (user, server, database).

    The address uses the local server's real ports whenever NEO4J_URI points at it (or is unset);
    NEO4J_BROWSER_URL gives the Browser's address of any other server. The Browser asks for the
    password: `kb server password` prints the local server's. The named queries: `kb query NAME
    --show`, or docs/browser.md.
    """
    if style:
        from ..browser_style import style_command
        click.echo(style_command())
        return
    if guide:
        return _serve_guide(guide_port)
    text = None
    if name:
        from .. import queries
        q = queries.get(name)
        text = "\n".join(q.param_lines()) + "\n" + q.body + ";"
    url, known = _url(text)
    click.echo(url)
    user = os.environ.get("NEO4J_USERNAME") or "neo4j"
    if "NEO4J_PASSWORD" in os.environ:
        click.echo(f"password: the one in NEO4J_PASSWORD (user {user})", err=True)
    else:
        click.echo(f"password: `kb server password` (user {user})", err=True)
    if not known:
        click.echo("kb: the Browser's port of that server is a guess (7474): set NEO4J_BROWSER_URL "
                   "to its address", err=True)
    if open_:
        import webbrowser
        try:
            ok = webbrowser.open(url)
        except Exception:  # no browser, no display
            ok = False
        if not ok:
            click.echo("kb: could not open a web browser here; open the address above yourself", err=True)


def _serve_guide(port: int) -> None:
    import time
    from .. import guide
    srv = guide.serve(port)
    click.echo(guide.play_line(srv))
    click.echo("kb: run that line in the Neo4j Browser (`kb browser` prints its address); "
               "Ctrl-C stops the guide server", err=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        srv.shutdown()
