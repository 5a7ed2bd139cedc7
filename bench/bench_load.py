"""Load benchmark: batched UNWIND writes vs one transaction per row vs neo4j-admin import, and the time
to load a synthetic ten-year archive (bench/synth.py, ~1.1M events). A script, not a test.

Run from the repository root (everything in ONE run; ~30-40 min on a 2-core machine):

    .venv/bin/python bench/bench_load.py                 # KB_HOME=/tmp/kb-bench, ports 47687/47474
    .venv/bin/python bench/bench_load.py --years 0.1     # a quick look

What it does, in order:
1. provisions/starts a server in ``--home`` (default /tmp/kb-bench; ``--bolt-port``/``--http-port``),
   wipes it (``kb.graph.reset``) and applies the schema;
2. a sample (the first pages holding ``--sample-events`` events, 5000 by default) written with one
   transaction per row (the same statements with a one-row list), then wiped and written batched
   (one transaction per page, as ``kb load`` does): throughput ratio;
3. the whole archive, batched (rows built by ``--workers`` processes while the main process writes):
   wall time, pages/s, events/s, peak RSS of the loader (resource.getrusage) and of the server
   (sampled ``kb.server.rss_bytes()``);
4. the same rows as CSV files, imported with ``neo4j-admin database import full`` into a second
   home (``--import-home``, default /tmp/kb-bench-import: the import overwrites its ``neo4j``
   database; the bench server is left alone), then the schema's indexes built there; ratio.

``--keep`` (the default) leaves the ten-year archive loaded and the server in ``--home`` running, for
query-latency work: regenerate it with ``python bench/bench_load.py --skip-per-row --skip-import``
(~ the archive load time). ``--no-keep`` stops the server at the end. ``--json FILE`` writes the figures.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import synth  # noqa: E402

_AR = None


def _init(years, ppd, app, seed):
    global _AR
    _AR = synth.Archive(years=years, pages_per_day=ppd, articles_per_page=app, seed=seed)


def _rows(k):
    return synth.page_rows(_AR, k, store_text=True)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def rows_stream(args, ks, workers):
    """Yield page rows for page numbers ``ks`` in order, built by ``workers`` processes."""
    if workers <= 1:
        _init(args.years, args.pages_per_day, args.articles_per_page, args.seed)
        for k in ks:
            yield _rows(k)
        return
    with ProcessPoolExecutor(workers, initializer=_init,
                             initargs=(args.years, args.pages_per_day, args.articles_per_page, args.seed)) as pool:
        yield from pool.map(_rows, ks, chunksize=16)


class RssSampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop_ = pid, 0, threading.Event()

    def run(self):
        from kb import server
        while not self.stop_.is_set():
            self.peak = max(self.peak, server.rss_bytes(self.pid) or 0)
            self.stop_.wait(1.0)


def n_events(rows):
    return len(rows["events"])


def n_rows(rows):
    from kb import graph
    return graph.count_rows(rows) + 1


# ------------------------------------------------------------------ writers

def write_per_row(driver, database, rows):
    """One transaction per row: the page node, then every row of every kind on its own."""
    from kb import graph

    def one(tx, stmt, params):
        tx.run(stmt, params).consume()

    with driver.session(database=database, notifications_min_severity="OFF") as s:
        s.execute_write(one, graph.W_PAGE, {"row": rows["page"]})
        for kind, stmt, _name in graph.WRITES:
            for row in rows.get(kind) or []:
                params = {"rows": [row]}
                if kind == "articles":
                    params["page"] = rows["page"]["id"]
                if kind == "held":
                    params["cap"] = graph.HELD_IDS_CAP
                s.execute_write(one, stmt, params)


# ------------------------------------------------------------------ CSV for neo4j-admin import

NODE_COLS = {
    "Page": [("id", "ID(Page)"), ("source", ""), ("content_hash", ""), ("published", "date"), ("outlet", "")],
    "Article": [("id", "ID(Article)"), ("title", ""), ("kicker", ""), ("subtitle", ""), ("published", "date"),
                ("published_inferred", "boolean"), ("published_basis", ""), ("source", ""), ("outlet", ""),
                ("start", "int"), ("end", "int"), ("kind", ""), ("dateline", ""), ("reprint_source", ""),
                ("page_id", ""), ("held", "string[]"), ("text", "")],
    "Event": [("id", "ID(Event)"), ("type", ""), ("trigger", ""), ("date", "date"), ("end_date", "date"),
              ("date_precision", ""), ("name", ""), ("summary", ""), ("planned", "boolean"), ("lead", ""),
              ("article_id", ""), ("published", "date"), ("evidence", ""), ("evidence_start", "int"),
              ("evidence_end", "int")],
    "Person": [("id", "ID(Person)"), ("name", ""), ("scope", ""), ("scope_name", "")],
    "Organization": [("id", "ID(Organization)"), ("name", ""), ("scope", ""), ("kind", ""), ("aliases", "string[]")],
    "Place": [("id", "ID(Place)"), ("name", ""), ("code", ""), ("level", ""), ("scope", "")],
}
REL_PROPS = [("role", ""), ("title", ""), ("titles", "string[]"), ("order", "int"), ("name", ""),
             ("date", "date"), ("article_id", ""), ("evidence_start", "int"), ("evidence_end", "int")]
SEEN_PROPS = [("date", "date"), ("article_id", ""), ("last_seen", "date"), ("last_article_id", "")]
HELD_PROPS = [("post", ""), ("title", ""), ("first_seen", "date"), ("last_seen", "date"), ("article_id", ""),
              ("last_article_id", ""), ("article_ids", "string[]"), ("mentions", "int")]
# file name → (type, start id space, end id space, property columns)
REL_FILES = {
    "contains": ("CONTAINS", "Page", "Article", [("date", "date"), ("article_id", "")]),
    "reports": ("REPORTS", "Article", "Event", [("date", "date"), ("article_id", "")]),
    "participated_in": ("PARTICIPATED_IN", "Person", "Event", REL_PROPS),
    "visited_place": ("VISITED", "Event", "Place", REL_PROPS),
    "visited_org": ("VISITED", "Event", "Organization", REL_PROPS),
    "in": ("IN", "Event", "Place", REL_PROPS),
    "wrote": ("WROTE", "Person", "Article", REL_PROPS),
    "held": ("HELD", "Person", "Organization", HELD_PROPS),
    "part_of": ("PART_OF", "Place", "Place", SEEN_PROPS),
    "located_in": ("LOCATED_IN", "Organization", "Place", SEEN_PROPS),
}


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return ";".join(str(x) for x in v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def write_csvs(stream, out: Path) -> dict:
    """Write import CSVs (header line + data in one file each) from a stream of page rows."""
    from kb import graph

    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    files, writers = {}, {}

    def w(name, header):
        if name not in writers:
            f = open(out / f"{name}.csv", "w", newline="", encoding="utf-8")
            files[name] = f
            writers[name] = csv.writer(f)
            writers[name].writerow(header)
        return writers[name]

    for label in NODE_COLS:
        hdr = [f"{c}:{t}" if t else c for c, t in NODE_COLS[label]]
        w(label, hdr)
    for name, (_typ, s, t, props) in REL_FILES.items():
        w(name, [f":START_ID({s})", f":END_ID({t})"] + [f"{c}:{ty}" if ty else c for c, ty in props])

    shared = {"Person": {}, "Organization": {}, "Place": {}}
    seen = {"part_of": {}, "located_in": {}}
    held: dict = {}
    counts = {}

    def node(label, props):
        writers[label].writerow([_cell(props.get(c)) for c, _t in NODE_COLS[label]])
        counts[label] = counts.get(label, 0) + 1

    def rel(name, s, t, props):
        cols = REL_FILES[name][3]
        writers[name].writerow([s, t] + [_cell(props.get(c)) for c, _t in cols])
        counts[name] = counts.get(name, 0) + 1

    for rows in stream:
        page = rows["page"]
        node("Page", page)
        for a in rows["articles"]:
            node("Article", a)
            rel("contains", page["id"], a["id"], {"date": a.get("published"), "article_id": a["id"]})
        for label, kind in (("Person", "persons"), ("Organization", "organizations"), ("Place", "places")):
            for r in rows[kind]:
                shared[label].setdefault(r["id"], r)
        for e in rows["events"]:
            node("Event", e["props"])
            rel("reports", e["article_id"], e["props"]["id"], {"date": e["date"], "article_id": e["article_id"]})
        for kind in ("participated_in", "visited_place", "visited_org", "in", "wrote"):
            for r in rows[kind]:
                rel(kind, r["s"], r["t"], r["props"])
        for kind in ("part_of", "located_in"):
            for r in rows[kind]:
                key = (r["s"], r["t"])
                cur = seen[kind].get(key)
                d, a = r["date"], r["article_id"]
                if cur is None:
                    seen[kind][key] = {"date": d, "article_id": a, "last_seen": d, "last_article_id": a}
                else:
                    if (d, a) < (cur["date"], cur["article_id"]):
                        cur["date"], cur["article_id"] = d, a
                    if (d, a) > (cur["last_seen"], cur["last_article_id"]):
                        cur["last_seen"], cur["last_article_id"] = d, a
        for r in rows["held"]:
            key = (r["s"], r["t"], r["post"])
            cur = held.get(key)
            d, a = r["date"], r["article_id"]
            if cur is None:
                held[key] = {"post": r["post"], "title": r["title"], "first_seen": d, "last_seen": d,
                             "article_id": a, "last_article_id": a, "article_ids": [a], "mentions": 1}
            else:
                cur["mentions"] += 1
                if len(cur["article_ids"]) < graph.HELD_IDS_CAP:
                    cur["article_ids"].append(a)
                if (d, a) < (cur["first_seen"], cur["article_id"]):
                    cur["first_seen"], cur["article_id"] = d, a
                if (d, a) > (cur["last_seen"], cur["last_article_id"]):
                    cur["last_seen"], cur["last_article_id"] = d, a
    for label, items in shared.items():
        for r in items.values():
            node(label, r)
    for kind, items in seen.items():
        for (s, t), p in items.items():
            rel(kind, s, t, p)
    for (s, t, _post), p in held.items():
        rel("held", s, t, p)
    for f in files.values():
        f.close()
    return counts


def run_import(csv_dir: Path, home: str, bolt: int, http: int, heap: str, pagecache: str) -> dict:
    """neo4j-admin import into ``home``'s neo4j database (server stopped), then start it and build
    the schema's indexes. Returns timings and counts. Restores KB_HOME afterwards."""
    from kb import config, db, graph, server

    old = os.environ.get("KB_HOME")
    os.environ["KB_HOME"] = home
    try:
        server.install(echo=log)
        server.stop()
        args = ["database", "import", "full", "neo4j", "--overwrite-destination=true", "--array-delimiter=;",
                "--id-type=string", "--threads=2"]
        for label in NODE_COLS:
            args.append(f"--nodes={label}={csv_dir / (label + '.csv')}")
        for name, (typ, *_r) in REL_FILES.items():
            args.append(f"--relationships={typ}={csv_dir / (name + '.csv')}")
        t0 = time.monotonic()
        server.admin(args, timeout=7200)
        t_import = time.monotonic() - t0
        server.start(bolt_port=bolt, http_port=http, heap=heap, pagecache=pagecache)
        s = config.settings()
        d = db.driver(s)
        t0 = time.monotonic()
        graph.apply_schema(d, s.database)
        t_index = time.monotonic() - t0
        st = graph.stats(d, s.database)
        d.close()
        server.stop()
        return {"import_s": t_import, "index_s": t_index, "stats": st}
    finally:
        if old is None:
            os.environ.pop("KB_HOME", None)
        else:
            os.environ["KB_HOME"] = old


# ------------------------------------------------------------------ main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--home", default="/tmp/kb-bench")
    ap.add_argument("--bolt-port", type=int, default=47687)
    ap.add_argument("--http-port", type=int, default=47474)
    ap.add_argument("--import-home", default="/tmp/kb-bench-import")
    ap.add_argument("--import-bolt-port", type=int, default=47688)
    ap.add_argument("--import-http-port", type=int, default=47475)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="3g")
    ap.add_argument("--years", type=float, default=10)
    ap.add_argument("--pages-per-day", type=int, default=12)
    ap.add_argument("--articles-per-page", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sample-events", type=int, default=5000)
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=1, help="row-building processes during the load")
    ap.add_argument("--writers", type=int, default=1,
                    help="concurrent page transactions during the archive load (threads, one session each)")
    ap.add_argument("--pages-per-tx", type=int, default=8,
                    help="pages per transaction for the archive load (kb load --pages-per-tx)")
    ap.add_argument("--skip-per-row", action="store_true")
    ap.add_argument("--skip-import", action="store_true")
    ap.add_argument("--keep", dest="keep", action="store_true", default=True)
    ap.add_argument("--no-keep", dest="keep", action="store_false")
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)

    os.environ["KB_HOME"] = args.home
    os.environ.pop("NEO4J_URI", None)
    os.environ.pop("NEO4J_PASSWORD", None)
    from kb import config, db, graph, server

    res: dict = {"archive": {"pages_per_tx": args.pages_per_tx, "writers": args.writers, "workers": args.workers, "years": args.years, "pages_per_day": args.pages_per_day,
                             "articles_per_page": args.articles_per_page, "seed": args.seed}}
    server.install(echo=log)
    if server.status().running:
        server.stop()
    server.start(bolt_port=args.bolt_port, http_port=args.http_port, heap=args.heap, pagecache=args.pagecache)
    s = config.settings()
    driver = db.driver(s)
    database = s.database
    ar = synth.Archive(years=args.years, pages_per_day=args.pages_per_day,
                       articles_per_page=args.articles_per_page, seed=args.seed)
    log(f"archive: {ar.n_pages} pages, {ar.days} days")

    def fresh():
        graph.reset(driver, database)
        graph.apply_schema(driver, database)

    # ---- sample: per-row vs batched
    _init(args.years, args.pages_per_day, args.articles_per_page, args.seed)
    sample, ev = [], 0
    k = 0
    while ev < args.sample_events and k < ar.n_pages:
        r = _rows(k)
        sample.append(r)
        ev += n_events(r)
        k += 1
    srows = sum(n_rows(r) for r in sample)
    res["sample"] = {"pages": len(sample), "events": ev, "rows": srows}
    log(f"sample: {len(sample)} pages, {ev} events, {srows} rows")
    # warm-up (JIT, query plans) on pages from the end of the archive, then wiped
    fresh()
    for k in range(max(0, ar.n_pages - 40), ar.n_pages):
        if k % 2:
            graph.write_rows(driver, database, _rows(k), batch_size=args.batch_size)
        elif not args.skip_per_row:
            write_per_row(driver, database, _rows(k))
    if not args.skip_per_row:
        fresh()
        t0 = time.monotonic()
        for r in sample:
            write_per_row(driver, database, r)
        dt = time.monotonic() - t0
        res["per_row"] = {"seconds": dt, "events_per_s": ev / dt, "rows_per_s": srows / dt,
                          "stats": graph.stats(driver, database)}
        log(f"per-row:  {dt:8.1f} s  {ev / dt:8.0f} events/s  {srows / dt:8.0f} rows/s")
    fresh()
    t0 = time.monotonic()
    for r in sample:
        graph.write_rows(driver, database, r, batch_size=args.batch_size)
    dt = time.monotonic() - t0
    res["batched_sample"] = {"seconds": dt, "events_per_s": ev / dt, "rows_per_s": srows / dt,
                             "stats": graph.stats(driver, database)}
    log(f"batched:  {dt:8.1f} s  {ev / dt:8.0f} events/s  {srows / dt:8.0f} rows/s")
    if args.pages_per_tx > 1:
        fresh()
        t0 = time.monotonic()
        for j in range(0, len(sample), args.pages_per_tx):
            graph.write_pages(driver, database, sample[j:j + args.pages_per_tx], batch_size=args.batch_size)
        dt = time.monotonic() - t0
        res["batched_sample_multi"] = {"seconds": dt, "pages_per_tx": args.pages_per_tx, "events_per_s": ev / dt,
                                       "rows_per_s": srows / dt, "stats": graph.stats(driver, database)}
        assert res["batched_sample_multi"]["stats"] == res["batched_sample"]["stats"]
        log(f"batched, {args.pages_per_tx} pages/tx: {dt:8.1f} s  {ev / dt:8.0f} events/s  {srows / dt:8.0f} rows/s")
    if "per_row" in res:
        if "batched_sample_multi" in res:
            res["ratio_batched_multi_vs_per_row"] = (res["batched_sample_multi"]["events_per_s"]
                                                     / res["per_row"]["events_per_s"])
            log(f"batched {args.pages_per_tx} pages/tx / per-row = {res['ratio_batched_multi_vs_per_row']:.1f}x")
        assert res["per_row"]["stats"] == res["batched_sample"]["stats"], "per-row and batched graphs differ"
        res["ratio_batched_vs_per_row"] = res["batched_sample"]["events_per_s"] / res["per_row"]["events_per_s"]
        log(f"batched / per-row = {res['ratio_batched_vs_per_row']:.1f}x")

    # ---- the whole archive, batched
    fresh()
    sampler = RssSampler(server.status().pid)
    sampler.start()
    t0 = time.monotonic()
    total_ev = total_rows = 0
    last = t0
    from concurrent.futures import ThreadPoolExecutor
    tpool = ThreadPoolExecutor(args.writers) if args.writers > 1 else None
    inflight = []
    group = []
    for i, r in enumerate(rows_stream(args, range(ar.n_pages), args.workers)):
        if args.pages_per_tx > 1:
            group.append(r)
            if len(group) >= args.pages_per_tx or i == ar.n_pages - 1:
                graph.write_pages(driver, database, group, batch_size=args.batch_size)
                group = []
        elif tpool is None:
            graph.write_rows(driver, database, r, batch_size=args.batch_size)
        else:
            inflight.append(tpool.submit(graph.write_rows, driver, database, r, False, args.batch_size))
            if len(inflight) >= 2 * args.writers:
                inflight.pop(0).result()
        total_ev += n_events(r)
        total_rows += n_rows(r)
        now = time.monotonic()
        if now - last > 30:
            last = now
            el = now - t0
            log(f"  {i + 1}/{ar.n_pages} pages  {el:6.0f} s  {(i + 1) / el:6.1f} pages/s  {total_ev / el:7.0f} events/s"
                f"  eta {(ar.n_pages - i - 1) / ((i + 1) / el) / 60:5.1f} min")
    for f in inflight:
        f.result()
    dt = time.monotonic() - t0
    sampler.stop_.set()
    sampler.join()
    st = graph.stats(driver, database)
    ru_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    ru_kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    res["archive_load"] = {"seconds": dt, "pages": ar.n_pages, "events": total_ev, "rows": total_rows,
                           "pages_per_s": ar.n_pages / dt, "events_per_s": total_ev / dt,
                           "rows_per_s": total_rows / dt, "loader_peak_rss": ru_self,
                           "worker_peak_rss": ru_kids, "server_peak_rss": sampler.peak,
                           "server_rss_end": server.rss_bytes(), "stats": st,
                           "store_bytes": server.status().store_bytes}
    log(f"archive:  {dt / 60:6.1f} min  {ar.n_pages / dt:6.1f} pages/s  {total_ev / dt:7.0f} events/s  "
        f"{total_rows / dt:7.0f} rows/s; loader peak RSS {ru_self >> 20} MiB (workers {ru_kids >> 20} MiB), "
        f"server peak RSS {sampler.peak >> 20} MiB")
    log(json.dumps(st))

    # ---- neo4j-admin import of the same rows
    if not args.skip_import:
        csv_dir = Path(args.import_home) / "csv"
        t0 = time.monotonic()
        counts = write_csvs(rows_stream(args, range(ar.n_pages), args.workers), csv_dir)
        t_csv = time.monotonic() - t0
        log(f"csv:      {t_csv:8.1f} s  {counts}")
        imp = run_import(csv_dir, args.import_home, args.import_bolt_port, args.import_http_port,
                         "1g", "1g")
        imp["csv_s"] = t_csv
        res["import"] = imp
        same = imp["stats"] == st
        res["import"]["same_counts"] = same
        tot = imp["import_s"] + imp["index_s"]
        res["ratio_batched_vs_import"] = dt / imp["import_s"]
        res["ratio_batched_vs_import_with_indexes"] = dt / tot
        log(f"import:   {imp['import_s']:8.1f} s (+ {imp['index_s']:.1f} s indexes; CSV writing {t_csv:.1f} s); "
            f"same counts as the batched load: {same}")
        log(f"batched archive / import = {res['ratio_batched_vs_import']:.2f}x "
            f"({res['ratio_batched_vs_import_with_indexes']:.2f}x counting the index build)")
        shutil.rmtree(csv_dir, ignore_errors=True)

    driver.close()
    if not args.keep:
        server.stop()
    else:
        log(f"left running: KB_HOME={args.home} bolt://127.0.0.1:{args.bolt_port} "
            f"(password in {args.home}/password)")
    print(json.dumps(res, indent=2, default=str))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2, default=str))


if __name__ == "__main__":
    main()
