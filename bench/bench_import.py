"""Import benchmark: pages of a fictional daily generated as TEXT (bench/synth_posts.py, 4–9 stories a
page, wrapped as PDF text is) through `kb import`, `kb load` and the raw import tool, in one run.
A script, not a test; ~15 min on a 2-core machine.

    .venv/bin/python bench/bench_import.py [--years 4] [--home /tmp/kb-bench-import]
        [--bolt-port 47689 --http-port 47476] [--json FILE]

WIPES the database of the server in ``--home`` (default /tmp/kb-bench-import, provisioned and started
with the ports given). In order:

1. generates ``--years`` of daily pages (365 a year) and ``--increment`` (240) later pages;
2. extraction alone (kb.extraction.run of extract_page, the same workers, no files);
3. ``kb import`` of the archive into the emptied database (import files kept): pages/s end to end;
4. incremental ``kb load`` of the later pages into that graph (the server just started: cold), then
   unloaded and loaded again (warm): pages/s; ``--pages-per-tx`` pages to a transaction (default: kb
   load's own, 8; runs before this option wrote one page per transaction);
5. latency of cypher/inspections.cypher for one official and for one month (median of 5, warm);
6. the raw import tool (neo4j-admin database import full) on the files kb import wrote, timed alone;
7. ``kb reset`` and ``kb load`` of the archive: pages/s; the graph's counts against kb import's;
8. ratios: kb load / kb import, kb import / (extraction + raw import tool); peak RSS of the server
   (sampled) and of this process (the loader's main process; workers are separate processes).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import threading
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def log(*a):
    print(*a, file=sys.stderr, flush=True)


class RssSampler(threading.Thread):
    """Peak RSS of the local server (whatever its pid: it restarts during kb import)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.stop_ = 0, threading.Event()

    def run(self):
        from kb import server
        while not self.stop_.is_set():
            try:
                self.peak = max(self.peak, server.rss_bytes() or 0)
            except Exception:  # noqa: BLE001 - between a stop and a start
                pass
            self.stop_.wait(0.5)


def generate(out: Path, years: int, increment: int) -> tuple[Path, Path, Path, Path]:
    import synth_posts
    arch = out / "archive"
    later = out / "later"
    if not (arch / "manifest.csv").exists():
        synth_posts.generate(arch, years=years, seed=11, start=date(2016, 1, 1), per_day=(4, 9), wrap=True)
    if not (later / "manifest.csv").exists():
        synth_posts.generate(later, years=1, seed=12, start=date(2016 + years, 1, 1), per_day=(4, 9), wrap=True)
        pages = sorted((later / "pages").glob("*.txt"))
        for p in pages[increment:]:
            p.unlink()
    return arch / "pages", arch / "manifest.csv", later / "pages", later / "manifest.csv"


def extraction_only(pages: Path, manifest: Path, workers: int) -> float:
    from kb import loader
    from kb import extraction
    from loaders.issue_date import read_manifest
    jobs = [(str(f), None, None, True, src, 30.0) for f, src in loader.collect_sources([pages], str(manifest))]
    t0 = time.monotonic()
    bad = sum(r[0] != "ok" for _j, r in extraction.run(extraction.extract_page, jobs, manifest=read_manifest(str(manifest)),
                                                    workers=workers))
    dt = time.monotonic() - t0
    log(f"extraction alone: {len(jobs)} pages in {dt:.1f} s ({len(jobs) / dt:.1f} pages/s, {bad} failed)")
    return dt


def latency(driver, database: str) -> dict:
    from kb import queries
    recs, _, _ = driver.execute_query(
        "MATCH (e:Event {type: 'inspection'}) WHERE e.lead IS NOT NULL RETURN e.lead AS lead, count(*) AS n "
        "ORDER BY n DESC LIMIT 1", database_=database, routing_="r")
    lead = recs[0]["lead"] if recs else None
    out = {}
    for name, params in (("official", {"person": lead}), ("month", {"from": "2017-03-01", "to": "2017-03-31"})):
        times, rows = [], 0
        for _ in range(6):
            t0 = time.monotonic()
            rows = len(queries.run(driver, database, "inspections", params))
            times.append(time.monotonic() - t0)
        out[name] = {"ms": round(statistics.median(times[1:]) * 1000, 1), "rows": rows,
                     "params": {k: str(v) for k, v in params.items()}}
        log(f"inspections for one {name} ({params}): {out[name]['ms']} ms median, {rows} rows")
    return out


def raw_import(folder: Path, command: list) -> float:
    """The import tool alone on the files kb import wrote, with kb import's own arguments."""
    from kb import bulk
    sec: dict = {}
    bulk.run_import(command, folder, sec)
    log(f"raw import tool: {sec['import']:.1f} s (server start after it {sec['start']:.1f} s)")
    return sec["import"]


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--years", type=int, default=4)
    ap.add_argument("--increment", type=int, default=240)
    ap.add_argument("--out", default="/tmp/kb-bench-import-pages")
    ap.add_argument("--home", default="/tmp/kb-bench-import")
    ap.add_argument("--bolt-port", type=int, default=47689)
    ap.add_argument("--http-port", type=int, default=47476)
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--pagecache", default="1g")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", default=None)
    ap.add_argument("--pages-per-tx", type=int, default=None,
                    help="kb load's pages per transaction (default: kb load's own default)")
    ap.add_argument("--skip-extract", action="store_true",
                    help="no separate extraction run (the ratio uses kb import's own extraction phase)")
    ap.add_argument("--skip-load", action="store_true", help="no kb load of the whole archive (long)")
    args = ap.parse_args(argv)
    os.environ["KB_HOME"] = args.home
    for k in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USERNAME"):
        os.environ.pop(k, None)
    from kb import bulk, config, db, graph, loader, server
    args.pages_per_tx = args.pages_per_tx or loader.PAGES_PER_TX

    server.install(echo=log)
    server.start(bolt_port=args.bolt_port, http_port=args.http_port, heap=args.heap, pagecache=args.pagecache)
    pages, man, later, later_man = generate(Path(args.out), args.years, args.increment)
    n = len(list(pages.glob("*.txt")))
    log(f"{n} archive pages, {len(list(later.glob('*.txt')))} later pages ({args.out})")
    res: dict = {"pages": n, "workers": args.workers, "cpus": os.cpu_count(), "pages_per_tx": args.pages_per_tx}
    sampler = RssSampler()
    sampler.start()

    res["extract_s"] = None if args.skip_extract else extraction_only(pages, man, args.workers)

    s = config.settings()
    with db.session_driver(s) as (d, database):
        graph.reset(d, database)
    folder = Path(args.out) / "files"
    shutil.rmtree(folder, ignore_errors=True)
    t0 = time.monotonic()
    rep = bulk.import_pages([pages], manifest=str(man), workers=args.workers, folder=folder, keep_files=True,
                            overwrite=True)
    res["import_s"] = time.monotonic() - t0
    res["import_phases"] = {k: round(v, 1) for k, v in rep.seconds.items()}
    res["import_pages_per_s"] = rep.imported / res["import_s"]
    if res["extract_s"] is None:
        res["extract_s"] = rep.seconds["extract"]
    log(f"kb import: {rep.imported} pages in {res['import_s']:.1f} s ({res['import_pages_per_s']:.1f} pages/s) "
        f"phases {res['import_phases']}; {len(rep.failed)} failed")
    imported_stats = rep.stats
    res["import_failed"] = rep.failed[:20]
    for f, msg in rep.failed[:5]:
        log(f"  failed: {msg}")

    with db.session_driver(config.settings()) as (d, database):
        t0 = time.monotonic()
        inc = loader.load(d, database, [later], manifest=str(later_man), workers=args.workers,
                          pages_per_tx=args.pages_per_tx)
        res["increment_s"] = time.monotonic() - t0
        res["increment_pages_per_s"] = inc.loaded / res["increment_s"]
        log(f"incremental kb load: {inc.loaded} pages in {res['increment_s']:.1f} s "
            f"({res['increment_pages_per_s']:.1f} pages/s; post register {inc.posts.get('seconds', 0):.1f} s)")
        res["latency"] = latency(d, database)
        # the same 240 pages again on the now warm server (JIT, page cache, plans): unload, reload
        from kb import unload
        unload.unload(d, database, unload.select(d, database, sources=[f.name for f in later.glob("*.txt")]))
        t0 = time.monotonic()
        inc = loader.load(d, database, [later], manifest=str(later_man), workers=args.workers,
                          pages_per_tx=args.pages_per_tx)
        res["increment_warm_s"] = time.monotonic() - t0
        res["increment_warm_pages_per_s"] = inc.loaded / res["increment_warm_s"]
        log(f"incremental kb load again, warm server: {inc.loaded} pages in {res['increment_warm_s']:.1f} s "
            f"({res['increment_warm_pages_per_s']:.1f} pages/s)")

    res["raw_import_s"] = raw_import(folder, rep.command)

    if not args.skip_load:
        with db.session_driver(config.settings()) as (d, database):
            graph.reset(d, database)
            t0 = time.monotonic()
            lrep = loader.load(d, database, [pages], manifest=str(man), workers=args.workers,
                               pages_per_tx=args.pages_per_tx)
            res["load_s"] = time.monotonic() - t0
            res["load_pages_per_s"] = lrep.loaded / res["load_s"]
            log(f"kb load: {lrep.loaded} pages in {res['load_s']:.1f} s ({res['load_pages_per_s']:.1f} pages/s)")
            res["same_counts"] = graph.stats(d, database) == imported_stats

    sampler.stop_.set()
    res["ratio_load_over_import"] = res["load_s"] / res["import_s"] if "load_s" in res else None
    res["ratio_import_over_extract_plus_raw"] = res["import_s"] / (res["extract_s"] + res["raw_import_s"])
    res["server_peak_rss_mb"] = round(sampler.peak / 2**20)
    res["loader_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    log(f"kb load / kb import = {res['ratio_load_over_import'] or 0:.2f}x; kb import / (extraction + raw import "
        f"tool) = {res['ratio_import_over_extract_plus_raw']:.2f}x; same counts: {res.get('same_counts')}; peak RSS "
        f"server {res['server_peak_rss_mb']} MB, loader main process {res['loader_peak_rss_mb']} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n")
    return res


if __name__ == "__main__":
    main()
