"""`kb stats` beyond counts: what the graph covers (cypher/stats/*.cypher, read transactions)."""
from __future__ import annotations

from . import cypher, queries

SECTIONS = [
    ("outlets", "Outlets: pages, first and last issue"),
    ("pages_per_month", "Pages per issue month"),
    ("events_by_type", "Events by type (undated: no date of their own)"),
    ("shared_names", "Names shared by several persons"),
]


def coverage(driver, database: str) -> dict:
    """Section name → (rows, columns), in SECTIONS order."""
    out = {}
    for name, _title in SECTIONS:
        stmt = cypher.statements(cypher.read(f"stats/{name}"))[0]
        out[name] = queries.run_text(driver, database, stmt, {})
    return out


def undated_share(events_by_type: list[dict]) -> tuple[int, int]:
    """(undated events, all events) over every type."""
    return sum(r["undated"] for r in events_by_type), sum(r["events"] for r in events_by_type)
