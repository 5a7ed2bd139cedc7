"""What the opt-in tagger signal (``--tagger thulac``, loaders/taggers.py) adds, measured in one sitting.

For the real corpus and every tuned gold set: persons P/R/F1 of the rules, of the tagger's person tokens
alone (THULAC ``np`` in the article bodies), of their union, and of the rules plus the filtered signal;
titles recall of rules vs rules + signal. Speed: chars of article body per CPU second of ``extract_facts``
(segmentation excluded), start-up (interpreter to the first article extracted, model load included) and
peak RSS, each mode in its own fresh process, one after the other.

    .venv/bin/python bench/bench_tagger.py            (needs thulac: pip install -e '.[thulac]')
"""
from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

T0 = time.time()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = {"real": ("tests/gold/real/gold.jsonl", "tests/gold/real"),
        "dev": ("tests/gold/dev.jsonl", "examples/zhuzhou-daily"),
        "web-dev": ("tests/gold/web-dev.jsonl", "examples/web-articles"),
        **{n: (f"tests/gold/{n}.jsonl", f"tests/gold/{n}") for n in ("heldout", "pages2", "pages3", "round4",
                                                                      "round5")}}


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def child(mode: str) -> None:
    """Extract every set with the tagger ``mode`` (off | thulac); print names per file and timings (JSON)."""
    os.environ["KB_TAGGER"] = mode
    from datetime import date

    from loaders import taggers
    from loaders.extract import extract_facts
    from loaders.issue_date import read_manifest
    from loaders.pipeline import segment_text

    first = segment_text("本报讯 3月1日，县长某某某到某某镇调研春耕生产。", issue_date=date(2024, 3, 2))[0]
    extract_facts(first)
    startup = time.time() - T0
    raw: dict = {}
    spans = taggers.person_spans

    def recording(text):       # the tagger's own tokens, recorded as the signal asks for them
        out = spans(text)
        raw.setdefault("cur", set()).update(_norm(text[a:b]) for a, b in out if len(_norm(text[a:b])) >= 2)
        return out

    taggers.person_spans = recording
    from loaders.pipeline import iter_paths
    res = {"startup": startup, "sets": {}}
    cpu = chars = 0.0
    for name, (_, folder) in SETS.items():
        d = ROOT / folder
        files = {}
        for r in iter_paths([str(d)], manifest=read_manifest(d / "manifest.csv")):
            names, tagged, titles = set(), set(), {}
            for ea in r.articles:
                raw["cur"] = set()
                t = time.process_time()
                out = extract_facts(ea.article)
                cpu += time.process_time() - t
                chars += len(ea.article.text or "")
                for p in out.persons:
                    names.add(_norm(p.name))
                    titles.setdefault(_norm(p.name), []).extend(x.text for x in p.titles)
                tagged |= raw["cur"]
            files[Path(r.path).name] = {"persons": sorted(names), "tagger": sorted(tagged), "titles": titles}
        res["sets"][name] = files
    res["cpu"], res["chars"] = cpu, chars
    res["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(res, ensure_ascii=False))


def _counts(gold: dict, pred: dict) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for f, g in gold.items():
        p = pred.get(f, set())
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    return tp, fp, fn


def _prf(c) -> str:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"{p:.3f} / {r:.3f} / {2 * p * r / (p + r) if p + r else 0.0:.3f}"


def _titles_recall(gold_pages: list, files: dict) -> str:
    from kb.eval_facts import title_matches
    tp = fn = 0
    for g in gold_pages:
        pred = files.get(g["file"], {}).get("titles", {})
        for person in g.get("persons", []):
            n = _norm(person["name"])
            if n not in pred:
                continue
            for t in person.get("titles") or []:
                if any(title_matches(t, x) for x in pred[n]):
                    tp += 1
                else:
                    fn += 1
    return f"{tp / (tp + fn) if tp + fn else 0:.3f}"


def main() -> None:
    runs = {}
    for mode in ("off", "thulac"):
        out = subprocess.run([sys.executable, __file__, "--child", mode], capture_output=True, text=True, cwd=ROOT)
        if out.returncode:
            sys.exit(out.stderr)
        runs[mode] = json.loads(out.stdout)
    off, on = runs["off"], runs["thulac"]
    print("| set | rules | THULAC np alone | union | rules + filtered signal | titles R rules → signal |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, (gold_path, _) in SETS.items():
        pages = [json.loads(x) for x in (ROOT / gold_path).read_text(encoding="utf-8").splitlines() if x.strip()]
        pages = [p for p in pages if "persons" in p]
        gold = {p["file"]: {_norm(x["name"]) for x in p["persons"]} for p in pages}
        rules = {f: set(v["persons"]) for f, v in off["sets"][name].items()}
        tag = {f: set(v["tagger"]) for f, v in on["sets"][name].items()}
        signal = {f: set(v["persons"]) for f, v in on["sets"][name].items()}
        union = {f: rules.get(f, set()) | tag.get(f, set()) for f in gold}
        print(f"| {name} | {_prf(_counts(gold, rules))} | {_prf(_counts(gold, tag))} | {_prf(_counts(gold, union))} "
              f"| {_prf(_counts(gold, signal))} | {_titles_recall(pages, off['sets'][name])} → "
              f"{_titles_recall(pages, on['sets'][name])} |")
    for mode, r in runs.items():
        print(f"{mode:7s} {r['chars'] / r['cpu']:10.0f} chars/s (CPU, extract_facts)  start-up {r['startup']:.2f} s  "
              f"peak RSS {r['rss_mib']:.0f} MiB")
    print(f"rules + tagger runs at 1/{(off['chars'] / off['cpu']) / (on['chars'] / on['cpu']):.0f} of the rules' speed")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        main()
