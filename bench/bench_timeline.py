"""Latency of the timeline queries on a large archive: p50/p95 of one official's inspection timeline
and of all inspections in one month, with and without the indexes. A script, not a timed test.

Two ways to get the archive:

* the synthetic ten-year archive of the load benchmark (bench/bench_load.py leaves it loaded and its
  server running in /tmp/kb-bench):

      .venv/bin/python bench/bench_timeline.py --home /tmp/kb-bench --bolt-port 47687 --http-port 47474

* or a graph generated here with UNWIND in batches (same model, ~1.1M events over ten years, 300
  officials, 30% of the events inspections with 1-5 sites each), in its own home:

      .venv/bin/python bench/bench_timeline.py --generate 1100000      # KB_HOME=/tmp/kb-bench-timeline

Queries run exactly as `kb timeline` runs them (kb.timeline.inspections → cypher/inspections.cypher,
READ transactions, parameters). "Without indexes" drops the schema's property indexes on Person.name,
Event.date and Event(type, date) (the uniqueness constraints stay), measures again, then recreates
them (kb.graph.apply_schema). ``--json FILE`` writes the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DROPPED = ["person_name", "event_date", "event_type_date"]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ generation

GEN_SETUP = """
UNWIND range(0, $n_people - 1) AS i
MERGE (p:Person {id: 'bench:per:' + i})
SET p.name = $surnames[i % size($surnames)] + $given[(i / size($surnames)) % size($given)]
             + $given[(i * 7 + 3) % size($given)] + toString(i), p.scope = '430200'
WITH count(*) AS _
UNWIND range(0, $n_places - 1) AS i
MERGE (pl:Place {id: 'bench:pl:' + i}) SET pl.name = '株洲市测试区' + i, pl.level = 'county'
WITH count(*) AS _
UNWIND range(0, $n_orgs - 1) AS i
MERGE (o:Organization {id: 'bench:org:' + i}) SET o.name = '测试单位' + i + '有限公司', o.kind = 'company'
WITH o, i
MATCH (pl:Place {id: 'bench:pl:' + (i % $n_places)})
MERGE (o)-[:LOCATED_IN]->(pl)
"""

GEN_EVENTS = """
UNWIND range($lo, $hi - 1) AS i
CALL (i) {
  WITH i, date($start) + duration({days: (i * 7919) % $days}) AS d,
       CASE WHEN i % 10 < 3 THEN 'inspection' WHEN i % 10 < 6 THEN 'meeting' ELSE 'statistic' END AS type
  CREATE (a:Article {id: 'bench:art:' + i, title: '测试文章' + i, source: 'bench-' + toString(d) + '.txt',
                     published: d + duration('P1D'), outlet: '株洲日报', start: 0, end: 100})
  CREATE (e:Event {id: 'bench:evt:' + i, type: type, trigger: CASE type WHEN 'inspection' THEN '调研' ELSE '召开' END,
                   date: d, date_precision: 'day', evidence: '测试证据句' + i, evidence_start: 0, evidence_end: 10})
  CREATE (a)-[:REPORTS {date: d, article_id: a.id}]->(e)
  WITH i, d, type, a, e
  MATCH (p:Person {id: 'bench:per:' + ((i * 31) % $n_people)})
  CREATE (p)-[:PARTICIPATED_IN {role: CASE type WHEN 'meeting' THEN 'chair' ELSE 'lead' END, date: d,
                                article_id: a.id}]->(e)
  WITH i, d, type, a, e WHERE type = 'inspection'
  MATCH (c:Person {id: 'bench:per:' + ((i * 17 + 5) % $n_people)})
  CREATE (c)-[:PARTICIPATED_IN {role: 'accompanying', date: d, article_id: a.id}]->(e)
  WITH i, d, a, e
  MATCH (pl:Place {id: 'bench:pl:' + (i % $n_places)})
  CREATE (e)-[:IN {date: d, article_id: a.id}]->(pl)
  WITH i, d, a, e
  UNWIND range(1, 1 + i % 5) AS k
  MATCH (o:Organization {id: 'bench:org:' + ((i * 13 + k * 101) % $n_orgs)})
  CREATE (e)-[:VISITED {order: k, date: d, name: o.name, article_id: a.id}]->(o)
}
"""


def generate(driver, database, n_events: int, n_people: int = 300, batch: int = 20000) -> None:
    from kb import graph
    from bench import synth

    graph.apply_schema(driver, database)
    t0 = time.monotonic()
    driver.execute_query(GEN_SETUP, {"n_people": n_people, "n_places": 60, "n_orgs": 20000,
                                     "surnames": list(synth.SURNAMES), "given": list(synth.GIVEN)},
                         database_=database, routing_="w")
    for lo in range(0, n_events, batch):
        hi = min(n_events, lo + batch)
        driver.execute_query(GEN_EVENTS, {"lo": lo, "hi": hi, "start": "2014-01-01", "days": 3652,
                                          "n_people": n_people, "n_places": 60, "n_orgs": 20000},
                             database_=database, routing_="w")
        if (hi // batch) % 10 == 0 or hi == n_events:
            log(f"generated {hi:,} events ({time.monotonic() - t0:.0f} s)")


# ------------------------------------------------------------------ measuring

def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1)))))
    return xs[k]


def measure(fn, args_list, warm: int = 5) -> dict:
    for a in args_list[:warm]:
        fn(*a)
    times, rows = [], []
    for a in args_list:
        t0 = time.perf_counter()
        n = fn(*a)
        times.append((time.perf_counter() - t0) * 1000)
        rows.append(n)
    return {"runs": len(times), "p50_ms": round(pct(times, 50), 2), "p95_ms": round(pct(times, 95), 2),
            "max_ms": round(max(times), 2), "mean_rows": round(statistics.mean(rows), 1)}


def bench(driver, database, runs: int, seed: int = 1) -> dict:
    from kb import timeline, queries

    rng = random.Random(seed)
    leads, _ = queries.run_text(driver, database, """
        MATCH (e:Event {type: 'inspection'}) WITH e LIMIT 200000
        MATCH (p:Person)-[:PARTICIPATED_IN {role: 'lead'}]->(e)
        RETURN p.name AS name, count(*) AS n ORDER BY n DESC LIMIT 50""", {})
    span, _ = queries.run_text(driver, database,
                               "MATCH (e:Event) WHERE e.date IS NOT NULL RETURN min(e.date) AS lo, max(e.date) AS hi", {})
    lo, hi = span[0]["lo"], span[0]["hi"]
    names = [r["name"] for r in leads]
    months = []
    d = date(lo.year, lo.month, 1)
    while d <= hi:
        months.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    person_args = [(rng.choice(names),) for _ in range(runs)]
    month_args = [(m, date(m.year + (m.month == 12), m.month % 12 + 1, 1) - timedelta(days=1))
                  for m in (rng.choice(months) for _ in range(runs))]

    def one_person(name, f=None, t=None, limit=None):
        return len(timeline.inspections(driver, database, person=name, date_from=f, date_to=t, limit=limit,
                                        check=False))

    def one_month(f, t):
        return len(timeline.inspections(driver, database, date_from=f, date_to=t))

    years = sorted({m.year for m in months})
    year_args = [(a[0], date(y, 1, 1), date(y, 12, 31)) for a, y in zip(person_args, (rng.choice(years) for _ in range(runs)))]
    page_args = [(a[0], None, None, 100) for a in person_args]
    return {"official_timeline": measure(one_person, person_args),
            "official_timeline_one_year": measure(one_person, year_args),
            "official_timeline_first_100": measure(one_person, page_args),
            "month_all_inspections": measure(one_month, month_args),
            "officials_sampled": len(names), "months": len(months)}


def drop_indexes(driver, database):
    for name in DROPPED:
        driver.execute_query(f"DROP INDEX {name} IF EXISTS", database_=database, routing_="w")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--home", default="/tmp/kb-bench-timeline")
    ap.add_argument("--bolt-port", type=int, default=37787)
    ap.add_argument("--http-port", type=int, default=37784)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="2g")
    ap.add_argument("--generate", type=int, default=0, metavar="EVENTS",
                    help="wipe the home's database and generate this many events first")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--runs-unindexed", type=int, default=40)
    ap.add_argument("--stop", action="store_true", help="stop the server at the end")
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)

    os.environ["KB_HOME"] = args.home
    for k in ("NEO4J_URI", "NEO4J_PASSWORD"):
        os.environ.pop(k, None)
    from kb import config, db, graph, server

    server.install(echo=log)
    server.start(bolt_port=args.bolt_port, http_port=args.http_port, heap=args.heap, pagecache=args.pagecache)
    s = config.settings()
    driver = db.driver(s)
    database = s.database
    res: dict = {"home": args.home}
    try:
        if args.generate:
            graph.reset(driver, database)
            t0 = time.monotonic()
            generate(driver, database, args.generate)
            res["generate_s"] = round(time.monotonic() - t0, 1)
        graph.apply_schema(driver, database)
        st = graph.stats(driver, database)
        res["stats"] = st
        log(f"graph: {st['nodes']}")
        if st["nodes"].get("Event", 0) < 1_000_000:
            log(f"note: {st['nodes'].get('Event', 0):,} events (< 1M)")
        log("with indexes …")
        res["indexed"] = bench(driver, database, args.runs)
        log(json.dumps(res["indexed"], ensure_ascii=False))
        log("without the indexes " + ", ".join(DROPPED) + " …")
        drop_indexes(driver, database)
        try:
            res["unindexed"] = bench(driver, database, args.runs_unindexed)
            log(json.dumps(res["unindexed"], ensure_ascii=False))
        finally:
            graph.apply_schema(driver, database)
        res["server_rss_mb"] = (server.rss_bytes() or 0) >> 20
    finally:
        driver.close()
        if args.stop:
            server.stop()
    out = json.dumps(res, ensure_ascii=False, indent=2)
    print(out)
    if args.json:
        Path(args.json).write_text(out + "\n", encoding="utf-8")
    return res


if __name__ == "__main__":
    main()
