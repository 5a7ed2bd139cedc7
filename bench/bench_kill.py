#!/usr/bin/env python3
"""kill -9 of `kb load` (the loader process alone, as `kill -9 PID` does) at several moments of a
multi-page load: how long each rerun takes, and whether the full dump afterwards (every node with its
labels and properties, every relationship with its type, ends and properties) equals a clean load's.

A script, not a test (tests/test_load_kill.py does this at one moment). It wipes the database of the
server it talks to: point it at a server of its own.

    KB_HOME=.kb-test .venv/bin/python bench/bench_kill.py --pages 200 --at 0.1 0.5 0.9

Pages are copies of the sample pages (examples/zhuzhou-daily, examples/web-articles) under distinct
file names. All loads write one page per transaction (--pages-per-tx 1): with several pages per
transaction Organization.aliases depends on how pages are grouped, kill or no kill (kb/graph.py).
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from kb import db, graph  # noqa: E402
from test_load_kill import alive, children, full_dump, pages_in_graph  # noqa: E402


def make_archive(d: Path, n: int) -> Path:
    srcs = sorted((REPO / "examples" / "zhuzhou-daily").glob("*.txt")) + \
        sorted((REPO / "examples" / "web-articles").glob("*.txt"))
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        f = srcs[i % len(srcs)]
        shutil.copy(f, d / f"p{i:04d}_{f.parent.name}_{f.name}")
    return d


def load(d: Path, *extra, env=None) -> subprocess.Popen:
    e = dict(os.environ, **(env or {}))
    return subprocess.Popen([sys.executable, "-m", "kb.cli", "load", str(d), "--published", "2024-03-01",
                             "--workers", "2", "--pages-per-tx", "1", *extra], env=e,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--at", type=float, nargs="+", default=[0.1, 0.5, 0.9],
                    help="moments of the kill, as the share of pages already in the graph")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kb-bench-kill-"))
    archive = make_archive(work / "pages", args.pages)
    with db.session_driver() as (driver, database):
        graph.reset(driver, database)
        graph.apply_schema(driver, database)
        t0 = time.monotonic()
        p = load(archive)
        out, err = p.communicate()
        assert p.returncode == 0, err
        clean_s = time.monotonic() - t0
        clean = full_dump(driver, database)
        print(f"clean load: {args.pages} pages in {clean_s:.1f} s; {len(clean[0])} nodes, "
              f"{len(clean[1])} relationships")
        print("| kill at | pages in graph at kill | workers gone after | rerun | dump equals clean |")
        print("|---|---|---|---|---|")
        for share in args.at:
            graph.reset(driver, database)
            graph.apply_schema(driver, database)
            target = max(1, int(args.pages * share))
            p = load(archive, env={"KB_TEST_SLEEP_IN_TX": "0.3"})    # a transaction is open at the kill
            while pages_in_graph(driver, database) < target:
                if p.poll() is not None:
                    raise SystemExit(f"the load ended before the kill: {p.stderr.read()}")
                time.sleep(0.05)
            time.sleep(0.15)
            workers = children(p.pid)
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            t1 = time.monotonic()
            while any(alive(w) for w in workers) and time.monotonic() - t1 < 30:
                time.sleep(0.05)
            gone = time.monotonic() - t1
            at_kill = pages_in_graph(driver, database)
            t2 = time.monotonic()
            r = load(archive)
            out, err = r.communicate()
            rerun_s = time.monotonic() - t2
            same = r.returncode == 0 and full_dump(driver, database) == clean
            print(f"| {share:.0%} | {at_kill} | {gone:.1f} s ({len(workers)} workers) | {rerun_s:.1f} s | "
                  f"{'yes' if same else 'NO'} |", flush=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
