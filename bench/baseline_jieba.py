"""Baseline on the same gold: persons from jieba.posseg ``nr`` tags, inspections from trigger sentences.

Lead = the first ``nr`` word of a sentence with an inspection trigger; date = the sentence's first date
(else the article's first) resolved against the issue date with kb's date grammar; no sites, no meetings
logic beyond "a sentence with 召开 + 会" (name = the words up to the trigger). Prints its F1s beside kb's.

    .venv/bin/python bench/baseline_jieba.py [GOLD PAGES MANIFEST]   (default: the sample pages)
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402
import jieba.posseg as pseg  # noqa: E402

from kb.eval import Counts, read_gold  # noqa: E402
from kb.eval_facts import score_page  # noqa: E402
from loaders.dates import find_dates  # noqa: E402
from loaders.events import sentences  # noqa: E402
from loaders.models import Event, ExtractedArticle, Person  # noqa: E402
from loaders.pipeline import iter_paths  # noqa: E402
from loaders.lexicon import wordlist  # noqa: E402

jieba.setLogLevel(60)
TRIG = re.compile("|".join(sorted(wordlist("inspection_triggers"), key=len, reverse=True)))


def baseline(ea: ExtractedArticle) -> ExtractedArticle:
    a = ea.article
    text = a.text
    names: list[str] = []
    for b in a.bylines:
        if b.name not in names:
            names.append(b.name)
    events = []
    dates = find_dates(text, a.published)
    first = next((d for d in dates if d.date), None)
    for s in sentences(text):
        nrs = [w for w, f in pseg.cut(s.text) if f == "nr" and len(w) >= 2]
        for w in nrs:
            if w not in names:
                names.append(w)
        if TRIG.search(s.text) and nrs:
            own = [d for d in dates if s.start <= d.start < s.end and d.date]
            d = own[0] if own else first
            events.append(Event("inspection", "", d.date if d else None, None, "day", lead=nrs[0]))
        m = re.search(r"(召开|举行)", s.text)
        if m and "会" in s.text:
            own = [d for d in dates if s.start <= d.start < s.end and d.date]
            if own:
                events.append(Event("meeting", "", own[0].date, None, "day", name=s.text[:m.start()][-20:],
                                    lead=nrs[0] if nrs else None))
    return ExtractedArticle(article=a, persons=[Person(n) for n in names], events=events)


def run(gold_path, pages, manifest):
    gold = read_gold(gold_path)
    by = {}
    for r in iter_paths([pages], manifest=manifest):
        by[Path(r.path).name] = r.articles or []
    kb, base = {}, {}
    for page in gold:
        ex = by.get(page["file"], [])
        for k, c in score_page(page, ex).items():
            kb[k] = kb.get(k, Counts()) + c
        for k, c in score_page(page, [baseline(e) for e in ex]).items():
            base[k] = base.get(k, Counts()) + c
    return kb, base


def main(argv):
    if len(argv) >= 3:
        sets = [(argv[0], argv[1], argv[2])]
    else:
        sets = [(str(ROOT.parent / "shared/gold/dev.jsonl"), str(ROOT / "examples/zhuzhou-daily"),
                 str(ROOT / "examples/zhuzhou-daily/manifest.csv")),
                (str(ROOT.parent / "shared/gold/web-dev.jsonl"), str(ROOT / "examples/web-articles"),
                 str(ROOT / "examples/web-articles/manifest.csv"))]
    for g, p, m in sets:
        if not Path(g).exists():
            print(f"skip: no gold {g}")
            continue
        kb, base = run(g, p, m)
        print(f"\n{Path(g).name}")
        print(f"{'metric':<12} {'kb F1':>7} {'jieba F1':>9}   (kb P/R | jieba P/R)")
        for k in kb:
            a, b = kb[k], base.get(k, Counts())
            print(f"{k:<12} {a.f1:7.3f} {b.f1:9.3f}   ({a.precision:.2f}/{a.recall:.2f} | "
                  f"{b.precision:.2f}/{b.recall:.2f})")


if __name__ == "__main__":
    main(sys.argv[1:])
