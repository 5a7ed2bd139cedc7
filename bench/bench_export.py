"""Export benchmark: `kb export visits --format parquet` on a synthetic archive (bench/synth.py; ten
years ≈ 1.1 M events), with the exporter's peak RSS. A script, not a test.

    .venv/bin/python bench/bench_export.py                      # ten years (~1.1 M events)
    .venv/bin/python bench/bench_export.py --years 1            # ~110 k events, a quicker look

Steps: the archive's rows as import CSVs (bench_load.write_csvs), ``neo4j-admin database import`` into
``--home`` (default /tmp/kb-bench-export; its own server on ``--bolt-port``/``--http-port``), the
schema's indexes, then each ``--format`` exported by a `kb export visits` child process whose peak RSS
is read from wait4 (ru_maxrss). The file is read back (row count = inspections in the graph).
``--reuse`` skips generation and import when the home already holds the archive.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import bench_load, synth  # noqa: E402


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def export(fmt: str, out: Path, env: dict) -> dict:
    """Run the exporter in a child process: wall time and its peak RSS."""
    t0 = time.monotonic()
    p = subprocess.Popen([str(REPO / ".venv" / "bin" / "kb"), "export", "visits", "--format", fmt, "-o", str(out)],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    err = p.stderr.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"kb export failed: {err}")
    return {"seconds": round(time.monotonic() - t0, 1), "peak_rss_mib": round(ru.ru_maxrss / 1024, 1),
            "bytes": out.stat().st_size, "message": err.strip()}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--home", default="/tmp/kb-bench-export")
    ap.add_argument("--bolt-port", type=int, default=18687)
    ap.add_argument("--http-port", type=int, default=18474)
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--pagecache", default="1g")
    ap.add_argument("--years", type=float, default=10)
    ap.add_argument("--pages-per-day", type=int, default=12)
    ap.add_argument("--articles-per-page", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--format", action="append", default=None, help="parquet (default), csv, jsonl …")
    ap.add_argument("--out", default="/tmp/kb-bench-export-out")
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    fmts = args.format or ["parquet"]

    os.environ["KB_HOME"] = args.home
    for k in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USERNAME", "NEO4J_DATABASE"):
        os.environ.pop(k, None)
    from kb import config, db, server

    res: dict = {"years": args.years}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if not args.reuse:
        ar = synth.Archive(years=args.years, pages_per_day=args.pages_per_day,
                           articles_per_page=args.articles_per_page, seed=args.seed)
        log(f"archive: {ar.n_pages} pages")
        t0 = time.monotonic()
        bench_load.write_csvs(bench_load.rows_stream(args, range(ar.n_pages), args.workers), out / "csv")
        res["csv_s"] = round(time.monotonic() - t0, 1)
        log(f"csv: {res['csv_s']} s")
        res["import"] = bench_load.run_import(out / "csv", args.home, args.bolt_port, args.http_port,
                                              args.heap, args.pagecache)
        log(f"import: {res['import']['import_s']:.0f} s, indexes {res['import']['index_s']:.0f} s")
    server.install(echo=log)
    if not server.status().running:
        server.start(bolt_port=args.bolt_port, http_port=args.http_port, heap=args.heap, pagecache=args.pagecache)
    s = config.settings()
    d = db.driver(s)
    recs, _, _ = d.execute_query("MATCH (e:Event) RETURN count(e) AS events, "
                                 "count(CASE WHEN e.type = 'inspection' THEN 1 END) AS visits",
                                 database_=s.database, routing_="r")
    res["events"], res["visits"] = recs[0]["events"], recs[0]["visits"]
    d.close()
    log(f"graph: {res['events']} events, {res['visits']} visits")
    env = dict(os.environ)
    try:
        for fmt in fmts:
            f = out / f"visits.{fmt}"
            r = export(fmt, f, env)
            if fmt == "parquet":
                import pyarrow.parquet as pq
                md = pq.ParquetFile(f).metadata
                r.update(rows=md.num_rows, row_groups=md.num_row_groups)
                assert md.num_rows == res["visits"], (md.num_rows, res["visits"])
            r["visits_per_s"] = round(res["visits"] / max(r["seconds"], 0.1))
            res[fmt] = r
            log(f"{fmt}: {r}")
    finally:
        server.stop()
    print(json.dumps(res, ensure_ascii=False, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
