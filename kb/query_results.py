"""Running one Cypher statement in a read (or write) transaction, and its results as plain Python."""
from __future__ import annotations

from datetime import date, datetime

from .errors import QueryError


def run_text(driver, database: str, text: str, params: dict, native: bool = True,
             write: bool = False) -> tuple[list[dict], list[str]]:
    """Run one statement in a READ transaction (``write``: a write transaction); (rows, column names)."""
    from neo4j.exceptions import Neo4jError

    def work(tx):
        res = tx.run(text, params)
        keys = list(res.keys())
        return [dict(r) for r in res], keys

    try:
        # notifications off: a graph without, say, PART_OF yet would warn on every report
        with driver.session(database=database, default_access_mode="WRITE" if write else "READ",
                            notifications_min_severity="OFF") as s:
            rows, keys = (s.execute_write if write else s.execute_read)(work)
    except Neo4jError as e:
        raise QueryError(f"the query failed: {(e.message or str(e)).splitlines()[0]}",
                         hint=_hint(e, write)) from None
    if native:
        rows = [{k: to_native(v) for k, v in r.items()} for r in rows]
    return rows, keys


def _hint(e, write: bool) -> str:
    """The next step for a failed statement, from the server's error code."""
    code, msg = e.code or "", (e.message or "").lower()
    if not write and ("writing in read access mode" in msg or "AccessMode" in code or "read only" in msg):
        return "the statement writes: add --write to run it in a write transaction"
    if "ParameterMissing" in code:
        return "give the missing parameter with --param key=value"
    if "fulltext" in msg and "no such" in msg or "IndexNotFound" in code:
        return "the schema is missing: `kb schema apply`"
    if "Syntax" in code:
        return "fix the Cypher syntax (the message says where)"
    return "check the statement and its --param values (`kb query --list` for the named ones)"


def to_native(v):
    """Neo4j values → plain Python: dates, datetimes, nodes/relationships as property dicts, paths
    as lists of those."""
    from neo4j.graph import Node, Path as GPath, Relationship

    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, list):
        return [to_native(x) for x in v]
    if isinstance(v, dict):
        return {k: to_native(x) for k, x in v.items()}
    if isinstance(v, Node):
        d = {k: to_native(x) for k, x in dict(v).items()}
        d["_labels"] = sorted(v.labels)
        return d
    if isinstance(v, Relationship):
        d = {k: to_native(x) for k, x in dict(v).items()}
        d["_type"] = v.type
        return d
    if isinstance(v, GPath):
        out = []
        for i, n in enumerate(v.nodes):
            out.append(to_native(n))
            if i < len(v.relationships):
                out.append(to_native(v.relationships[i]))
        return out
    if hasattr(v, "to_native"):
        try:
            return v.to_native()
        except (ValueError, OverflowError):
            return v.iso_format() if hasattr(v, "iso_format") else str(v)
    return v


def jsonable(v):
    """Rows → JSON-ready values (ISO strings for dates)."""
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return v
