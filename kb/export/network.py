"""Person networks for Gephi: accompaniment (lead → accompanying, directed) and co-appearance (any two
persons in one event, undirected), as GraphML or GEXF. Edge weight = events together. GEXF carries
time: each edge has a spell per day the pair was together (start = end = that day) and every node
its first and last day, so Gephi's timeline plays the network; GraphML has first/last as attributes.
"""
from __future__ import annotations

from .. import queries
from . import records
from .writers import ExportError

KINDS = ["accompaniment", "co-appearance"]
FORMATS = ["graphml", "gexf"]


def build(driver, database: str, kind: str = "accompaniment", date_from=None, date_to=None):
    """A networkx graph (DiGraph for accompaniment, Graph for co-appearance)."""
    import networkx as nx

    if kind not in KINDS:
        raise ExportError(f"unknown network {kind!r}", hint=f"use one of {', '.join(KINDS)}")
    g = nx.DiGraph() if kind == "accompaniment" else nx.Graph()
    g.graph.update(name=f"kb {kind}", kind=kind)
    q = queries.get("export_network")
    params = queries.bind(q, {"kind": kind, "from": date_from, "to": date_to})
    with records(driver, database, q.body, params) as recs:
        for rec in recs:
            r = {k: queries.to_native(v) for k, v in rec.items()}
            days = [d.isoformat() for d in r["dates"] if d]
            for pid, name in ((r["source"], r["source_name"]), (r["target"], r["target_name"])):
                _node(g, pid, name, days)
            g.add_edge(r["source"], r["target"], weight=r["weight"], kind=kind,
                       first=_iso(r["first"]), last=_iso(r["last"]), spells=[(d, d) for d in days])
    return g


def _iso(d):
    return d.isoformat() if d else ""


def _node(g, pid, name, days):
    if pid not in g:
        g.add_node(pid, label=name, first="", last="")
    n = g.nodes[pid]
    if days:
        n["first"] = min([x for x in (n["first"], days[0]) if x])
        n["last"] = max(n["last"], days[-1])


def write(g, path, fmt: str) -> None:
    import networkx as nx

    if fmt not in FORMATS:
        raise ExportError(f"unknown network format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if fmt == "gexf":
        h = g.copy()
        for _, n in h.nodes(data=True):
            if n["first"]:
                n["start"], n["end"] = n["first"], n["last"]
        nx.write_gexf(h, path)
    else:
        h = g.copy()
        for _, _, e in h.edges(data=True):
            e.pop("spells", None)           # GraphML has no list type: first/last say the span
        nx.write_graphml(h, path)
