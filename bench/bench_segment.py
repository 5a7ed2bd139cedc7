#!/usr/bin/env python3
"""Benchmark reading + segmentation (no fact extraction) over the sample pages replicated to >= 50 MB.

Usage: .venv/bin/python bench/bench_segment.py [--mb 50] [--keep]

Writes copies of examples/zhuzhou-daily/*.txt into a temp dir until the total is >= --mb megabytes
(UTF-8 bytes), then reads and segments every file in one process and reports characters per second of
CPU time (= per core). Target: >= 2,000,000 chars/s per core.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from loaders.layout import segment_page  # noqa: E402
from loaders.reading import read_source  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    args = ap.parse_args()
    pages = sorted((REPO / "examples" / "zhuzhou-daily").glob("*.txt"))
    blobs = [p.read_bytes() for p in pages]
    tmp = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    total = 0
    n = 0
    target = int(args.mb * 1024 * 1024)
    while total < target:
        b = blobs[n % len(blobs)]
        (tmp / f"{n:06d}_{pages[n % len(pages)].name}").write_bytes(b)
        total += len(b)
        n += 1
    files = sorted(tmp.glob("*.txt"))
    print(f"{n} files, {total / 1e6:.1f} MB (UTF-8) in {tmp}")

    chars = arts = 0
    t_read = t_seg = 0.0
    c0, w0 = time.process_time(), time.perf_counter()
    for f in files:
        a = time.process_time()
        src = read_source(f)
        b = time.process_time()
        arts += len(segment_page(src.text, src.name, outlet="bench"))
        c = time.process_time()
        t_read += b - a
        t_seg += c - b
        chars += len(src.text)
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    print(f"{chars:,} chars, {arts:,} articles")
    print(f"reading:      {t_read:7.2f} s CPU  {chars / t_read / 1e6:6.2f} M chars/s")
    print(f"segmentation: {t_seg:7.2f} s CPU  {chars / t_seg / 1e6:6.2f} M chars/s")
    print(f"total:        {cpu:7.2f} s CPU  {chars / cpu / 1e6:6.2f} M chars/s per core "
          f"(wall {wall:.2f} s; target >= 2.00)")
    if not args.keep:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
