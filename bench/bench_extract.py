"""Extraction speed, start-up and memory.

- start-up: a fresh interpreter importing the pipeline and extracting one short article (gazetteer and
  word lists loaded from their caches), wall time;
- throughput: chars of article body per second on one core for ``extract_facts`` over the segmented
  sample pages and web articles, repeated (after start-up; segmentation excluded);
- peak RSS of this process (resource.getrusage).

    .venv/bin/python bench/bench_extract.py [--repeat N]
Targets: >= 100k chars/s per core, start-up <= 3 s, peak RSS <= 1 GiB.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STARTUP = """
import time; t = time.time()
from datetime import date
from loaders.extract import extract_facts
from loaders.models import Article
text = "3月7日，市委副书记、市长某某某赴某地督导企业复工复产工作。"
a = Article("s", 0, len(text), date(2020, 3, 8), False, "option", "株洲日报", None, None, None, [], [], None, None,
            text, list(range(len(text))))
extract_facts(a)
print(time.time() - t)
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    # warm the caches once, then time a cold interpreter
    subprocess.run([sys.executable, "-c", STARTUP], cwd=ROOT, check=True, capture_output=True)
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", STARTUP], cwd=ROOT, check=True, capture_output=True, text=True)
    wall = time.time() - t0
    print(f"start-up: {wall:.2f} s wall (interpreter + imports + caches + first article; in-process {float(out.stdout):.2f} s)")

    from loaders.extract import extract_facts
    from loaders.pipeline import iter_paths

    arts = []
    for d in ("examples/zhuzhou-daily", "examples/web-articles"):
        for r in iter_paths([str(ROOT / d)], manifest=str(ROOT / d / "manifest.csv")):
            arts.extend(ea.article for ea in (r.articles or []))
    chars = sum(len(a.text) for a in arts)
    for a in arts:
        extract_facts(a)  # warm
    t = time.process_time()
    for _ in range(args.repeat):
        for a in arts:
            extract_facts(a)
    cpu = time.process_time() - t
    print(f"throughput: {chars * args.repeat / cpu:,.0f} chars/s per core "
          f"({len(arts)} articles, {chars:,} chars x {args.repeat}, {cpu:.2f} s CPU)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
