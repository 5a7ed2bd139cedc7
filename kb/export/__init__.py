"""Research-ready outputs: tidy tables (csv, tsv, jsonl, parquet, Stata), networks (GraphML, GEXF),
TimelineJS, GeoJSON, counts over time and an HTML report.

Every export streams: one named query in one READ transaction (its own timeout: :func:`tx_timeout`),
records consumed as they arrive and written in chunks, so memory stays flat whatever the graph's size
(Stata .dta excepted).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from .. import queries
from ..errors import QueryError
from .tables import TABLES, Table
from .writers import BINARY, FORMATS, ExportError, open_writer

CHUNK = 5000


def tx_timeout() -> float:
    """Seconds an export's read transaction may run: ``KB_EXPORT_TX_TIMEOUT`` (default 0 = no limit).
    The server ends other transactions after ``db.transaction.timeout`` (kb's local server: 120 s); a
    whole-graph export streams for longer than that (a 1 M-event graph: minutes), so it asks for its own
    limit when it begins (Neo4j 5.3 and later honour a client's timeout above the server's)."""
    raw = os.environ.get("KB_EXPORT_TX_TIMEOUT", "0").strip() or "0"
    try:
        value = float(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ExportError(f"KB_EXPORT_TX_TIMEOUT={raw!r} is not a number of seconds",
                          hint="e.g. 3600, or 0 for no limit")
    return value

__all__ = ["TABLES", "FORMATS", "BINARY", "ExportError", "export_table", "stream", "records"]


@contextmanager
def records(driver, database: str, text: str, params: dict) -> Iterator:
    """Records of one statement, consumed lazily inside a READ transaction."""
    from neo4j.exceptions import Neo4jError

    with driver.session(database=database, default_access_mode="READ",
                        notifications_min_severity="OFF") as s:
        tx = s.begin_transaction(timeout=tx_timeout())
        try:
            yield (r for r in tx.run(text, params))
        except Neo4jError as e:
            raise QueryError(f"the export query failed: {e.message}", hint="check the filters") from None
        finally:
            tx.close()


def table(name: str) -> Table:
    t = TABLES.get(name)
    if t is None:
        raise ExportError(f"no table {name!r}", hint=f"tables: {', '.join(TABLES)}")
    return t


def stream(driver, database: str, name: str, params: dict | None = None) -> Iterator[dict]:
    """The rows of table ``name`` (Python values: dates as datetime.date), one at a time."""
    t = table(name)
    q = queries.get(t.query)
    bound = queries.bind(q, {k: v for k, v in (params or {}).items() if v is not None})
    names = [c.name for c in t.columns]
    with records(driver, database, q.body, bound) as recs:
        for rec in recs:
            r = t.row({k: queries.to_native(v) for k, v in rec.items()})
            yield {c: r.get(c) for c in names}


def export_table(driver, database: str, name: str, fmt: str, output=None, stdout=None, bom: bool = False,
                 params: dict | None = None, chunk: int = CHUNK) -> int:
    """Write table ``name`` as ``fmt`` to ``output`` (a path) or ``stdout``; the number of rows."""
    t = table(name)
    writer, close = open_writer(fmt, t.spec, output=output, stdout=stdout, bom=bom)
    n, buf = 0, []
    try:
        for row in stream(driver, database, name, params):
            buf.append(row)
            if len(buf) >= chunk:
                writer.write(buf)
                n, buf = n + len(buf), []
        writer.write(buf)
        n += len(buf)
    finally:
        close()
    return n
