"""Latency of one official's full inspection timeline as a function of how many visits it returns.

A script, not a test. Runs `cypher/inspections.cypher` exactly as `kb timeline inspections --person`
does (READ transaction, parameters), on an archive already loaded (default: the one
bench/bench_load.py leaves in /tmp/kb-bench), for officials picked near given visit counts.

    .venv/bin/python bench/latency_by_size.py --home /tmp/kb-bench --bolt-port 47687 --runs 30
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from neo4j import GraphDatabase  # noqa: E402

from kb import cypher  # noqa: E402

TARGETS = [50, 100, 250, 500, 1000, 2500, 5000]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", default="/tmp/kb-bench")
    ap.add_argument("--bolt-port", type=int, default=47687)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    pw = (Path(args.home) / "password").read_text().strip()
    drv = GraphDatabase.driver(f"bolt://127.0.0.1:{args.bolt_port}", auth=("neo4j", pw),
                               notifications_min_severity="OFF")
    q = cypher.read("inspections")
    with drv.session(database="neo4j", default_access_mode="READ") as s:
        counts = [(r["n"], r["c"]) for r in s.run(
            "MATCH (p:Person)-[r:PARTICIPATED_IN {role: 'lead'}]->(e:Event {type: 'inspection'}) "
            "RETURN p.name AS n, count(*) AS c")]
        events = s.run("MATCH (e:Event) RETURN count(e) AS c").single()["c"]
    out = {"events": events, "officials_with_inspections": len(counts), "by_size": []}
    for target in TARGETS:
        name, c = min(counts, key=lambda nc: abs(nc[1] - target))
        params = {"person": name, "from": None, "to": None, "place": None, "limit": 1_000_000}
        times = []
        with drv.session(database="neo4j", default_access_mode="READ") as s:
            for i in range(args.runs + 3):
                t = time.perf_counter()
                rows = s.execute_read(lambda tx: tx.run(q, params).values())
                if i >= 3:  # warm-up runs are not counted
                    times.append((time.perf_counter() - t) * 1000)
        times.sort()
        row = {"visits": len(rows), "p50_ms": round(statistics.median(times), 1),
               "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1)}
        out["by_size"].append(row)
        print(json.dumps(row), file=sys.stderr)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
