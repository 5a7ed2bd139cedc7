"""Writing to and describing the graph. The driver is passed in; every call names its database."""
from __future__ import annotations

from . import cypher


def apply_schema(driver, database: str) -> list[str]:
    """Create constraints and indexes (idempotent). Returns the statements run."""
    stmts = cypher.statements(cypher.read("schema"))
    for stmt in stmts:
        driver.execute_query(stmt, database_=database, routing_="w")
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database, routing_="r")
    return stmts


def stats(driver, database: str) -> dict:
    """Node counts per label and relationship counts per type, from the count store (fast at any size)."""
    recs, _, _ = driver.execute_query(
        "CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data", database_=database, routing_="r")
    data = recs[0]["data"]
    nodes = {n["label"]: n["count"] for n in data["nodes"] if n.get("label")}
    rels = {r["relationshipType"]: r["count"] for r in data["relationships"]
            if r.get("relationshipType") and "startLabel" not in r and "endLabel" not in r}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}
