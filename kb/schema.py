"""The schema of ``cypher/schema.cypher``: what is missing, and applying it safely from several loaders.

Loading without the uniqueness constraints is wrong, not just slow: two loaders MERGE-ing the same
person at once both create it (nothing locks a value that no index holds), and the duplicates then
make the constraint impossible to create. So every load calls :func:`ensure` first: it applies the
schema when any constraint or index is missing (idempotent, ``IF NOT EXISTS``), tolerates another
loader creating the same rules at the same moment, and waits until every index is online.
"""
from __future__ import annotations

import re
import time

from . import cypher
from .errors import KbError

_NAME = re.compile(r"^\s*CREATE\s+(?:FULLTEXT\s+|RANGE\s+|TEXT\s+|POINT\s+)?(CONSTRAINT|INDEX)\s+(\w+)", re.I)


class SchemaError(KbError):
    """The schema cannot be created (for instance duplicates already in the graph)."""


def expected() -> dict[str, str]:
    """Rule name → its statement, from cypher/schema.cypher."""
    out = {}
    for stmt in cypher.statements(cypher.read("schema")):
        m = _NAME.match(stmt)
        if m:
            out[m.group(2)] = stmt
    return out


R_INDEXES = "SHOW INDEXES YIELD name, owningConstraint, state RETURN name, owningConstraint, state"


def _indexes(driver, database: str) -> list[dict]:
    recs, _, _ = driver.execute_query(R_INDEXES, database_=database, routing_="r")
    return [dict(r) for r in recs]


def present(driver, database: str, indexes=None) -> set[str]:
    """Names of the constraints and indexes the database has (any state): every constraint kb makes
    owns an index, so one SHOW INDEXES names both."""
    rows = _indexes(driver, database) if indexes is None else indexes
    return {r["name"] for r in rows} | {r["owningConstraint"] for r in rows if r["owningConstraint"]}


def missing(driver, database: str, indexes=None) -> list[str]:
    have = present(driver, database, indexes)
    return [n for n in expected() if n not in have]


def _already_there(e: Exception) -> bool:
    code = getattr(e, "code", "") or ""
    return "AlreadyExists" in code or "EquivalentSchemaRule" in code


def apply(driver, database: str, retries: int = 5) -> list[str]:
    """Run every statement of cypher/schema.cypher (idempotent), then wait for the indexes.

    Another process creating the same rule at the same moment is not an error (the rule is there
    either way); a transient schema conflict is retried."""
    from neo4j.exceptions import Neo4jError, TransientError

    stmts = list(expected().values())
    for stmt in stmts:
        for attempt in range(retries):
            try:
                driver.execute_query(stmt, database_=database, routing_="w")
                break
            except TransientError:
                time.sleep(0.2 * (attempt + 1))
            except Neo4jError as e:
                if _already_there(e):
                    break
                if "Constraint" in (e.code or "") or "constraint" in (e.message or "").lower():
                    raise SchemaError(f"cannot create the schema: {e.message.splitlines()[0][:300]}",
                                      hint="the graph holds duplicates from a load without the schema: "
                                           "`kb reset --yes`, then load again") from None
                raise
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database, routing_="r")
    return stmts


def ensure(driver, database: str) -> list[str]:
    """Apply the schema when any of its rules is missing; the names that were missing ([] = none).
    Always returns with every index online, so the writes that follow are protected."""
    indexes = _indexes(driver, database)       # one query when all is there and online (every load)
    gone = missing(driver, database, indexes)
    if gone:
        apply(driver, database)
    elif any(r["state"] != "ONLINE" for r in indexes):
        driver.execute_query("CALL db.awaitIndexes(300)", database_=database, routing_="r")
    return gone
