#!/usr/bin/env python3
"""Extraction time of a one-line page as a function of its size (10 KB → 10 MB): linear, not quadratic.

A script, not a test. Each page is a sample page with its line breaks removed, repeated to the size
(one line of real prose). Each size runs in a fresh process (extraction only, no server) with the
length guards raised, so the time is the extractor's own; ``--guards`` instead times what `kb` does
by default (the page is refused on reading). CPU seconds and wall seconds, and seconds per MB.

    .venv/bin/python bench/bench_linear.py --sizes 10k 100k 1m 10m
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, os, resource, sys, time, datetime
from loaders import pipeline
pipeline.extract_text("本报讯 3月1日，市里召开会议，部署春耕生产工作。", "<warm-up>")
c0 = resource.getrusage(resource.RUSAGE_SELF).ru_utime; t0 = time.monotonic()
try:
    arts = pipeline.extract_path(sys.argv[1], published=datetime.date(2024, 3, 1))
    res = {"articles": len(arts), "events": sum(len(a.events) for a in arts)}
except Exception as e:
    res = {"error": str(e)[:160]}
res["wall"] = time.monotonic() - t0
res["cpu"] = resource.getrusage(resource.RUSAGE_SELF).ru_utime - c0
print(json.dumps(res))
"""


def size(s: str) -> int:
    s = s.lower()
    mult = {"k": 1024, "m": 1024 * 1024}.get(s[-1], 1)
    return int(float(s.rstrip("km")) * mult)


def one_line_page(path: Path, n: int) -> Path:
    text = sorted((REPO / "examples" / "zhuzhou-daily").glob("*.txt"))[0].read_text(encoding="utf-8")
    text = text.replace("\r", "").replace("\n", "")
    path.write_text((text * (n // len(text.encode()) + 1)).encode()[:n].decode("utf-8", "ignore"), encoding="utf-8")
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", nargs="+", default=["10k", "30k", "100k", "300k", "1m", "3m", "10m"])
    ap.add_argument("--guards", action="store_true", help="keep kb's default length guards")
    ap.add_argument("--timeout", type=float, default=1800)
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    if not args.guards:
        env.update(KB_MAX_LINE_CHARS=str(10 ** 9), KB_MAX_PAGE_CHARS=str(10 ** 9))
    print("| size | characters | result | CPU s | wall s | CPU s per MB |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for s in args.sizes:
            n = size(s)
            p = one_line_page(Path(tmp) / f"line_{s}.txt", n)
            chars = len(p.read_text(encoding="utf-8"))
            try:
                out = subprocess.run([sys.executable, "-c", CHILD, str(p)], capture_output=True, text=True,
                                     env=env, timeout=args.timeout, cwd=REPO)
                res = json.loads(out.stdout.strip().splitlines()[-1])
            except subprocess.TimeoutExpired:
                res = {"error": f"no result after {args.timeout:.0f} s", "cpu": float("nan"), "wall": args.timeout}
            what = res.get("error") or f"{res['articles']} article(s), {res['events']} events"
            print(f"| {s} | {chars:,} | {what} | {res['cpu']:.1f} | {res['wall']:.1f} | "
                  f"{res['cpu'] / (n / 2 ** 20):.1f} |", flush=True)


if __name__ == "__main__":
    main()
