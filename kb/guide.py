"""A Neo4j Browser guide of kb's named queries: one slide per query with its `:param` lines and its
statement as runnable blocks (a click puts them in the editor), served on localhost.

The Browser fetches `:play URL` guides from the hosts its `browser.remote_content_hostname_whitelist`
allows — `localhost` by default — with a cross-origin request, so the small server here answers on
localhost with `Access-Control-Allow-Origin`. Nothing leaves the machine."""
from __future__ import annotations

import html
import http.server
import socket
import threading

from . import queries

PATH = "/kb-guide.html"


def guide_html() -> str:
    """The guide: an intro slide, then one slide per named query (Browser guide markup)."""
    qs = queries.list_queries()
    slides = [_slide("kb: the named queries",
                     "<p>Each slide is one of kb's named queries (<code>cypher/*.cypher</code>). Click the "
                     "<code>:param</code> block and run it, then click the statement and run it. Change a "
                     "parameter with one more <code>:param name =&gt; value;</code> line.</p>"
                     "<p>Captions: run the line <code>kb browser --style</code> prints.</p>"
                     "<ul>" + "".join(f"<li><b>{html.escape(q.name)}</b> — {html.escape(q.summary)}</li>"
                                      for q in qs) + "</ul>")]
    for q in qs:
        params = "\n".join(q.param_lines())
        body = (f"<p>{html.escape(q.title)}</p>"
                + "".join(f"<p><code>{html.escape(p.name)}</code> — {html.escape(p.description)}</p>"
                          for p in q.params if p.description)
                + (f"<pre class=\"pre-scrollable code runnable\">{html.escape(params)}</pre>" if params else "")
                + f"<pre class=\"pre-scrollable code runnable\">{html.escape(q.body)};</pre>")
        slides.append(_slide(q.name, body))
    return ("<article class=\"guide\"><carousel class=\"deck container-fluid\">"
            + "".join(slides) + "</carousel></article>\n")


def _slide(title: str, body: str) -> str:
    return (f"<slide class=\"row-fluid\"><div class=\"col-sm-12\"><h3>{html.escape(title)}</h3>"
            f"{body}</div></slide>")


class _Handler(http.server.BaseHTTPRequestHandler):
    page = b""

    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path.split("?")[0] != PATH:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    def do_OPTIONS(self):  # noqa: N802 - the Browser's CORS preflight (it sends cache-control, pragma)
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, OPTIONS")
        self.send_header("Access-Control-Allow-Headers",
                         self.headers.get("Access-Control-Request-Headers") or "cache-control, pragma")
        self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()

    def log_message(self, *args):  # the terminal stays quiet
        pass


class _V6Server(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6


def serve(port: int = 0) -> http.server.ThreadingHTTPServer:
    """Start serving the guide on localhost:port (0: a free port) in a thread; the server. Loopback
    only: 127.0.0.1, and ::1 on the same port where there is IPv6 (browsers resolve localhost to
    either)."""
    handler = type("GuideHandler", (_Handler,), {"page": guide_html().encode("utf-8")})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    servers = [srv]
    try:
        servers.append(_V6Server(("::1", srv.server_address[1]), handler))
    except OSError:
        pass
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    srv.others = servers[1:]
    return srv


def play_line(srv) -> str:
    return f":play http://localhost:{srv.server_address[1]}{PATH}"
