"""Fact metrics (kb/eval_facts.py) and the thresholds on the sample pages (kb eval --fail-under)."""
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kb.eval_facts import score_page, title_matches
from loaders.models import Article, Event, ExtractedArticle, Person, Site, Title

ROOT = Path(__file__).parent.parent


def _ea(persons=(), events=()):
    a = Article(source="p.txt", start=0, end=0, published=date(2020, 2, 1), published_inferred=False,
                published_basis="option", outlet="株洲日报", kicker=None, title="t", subtitle=None, reporters=[],
                correspondents=[], dateline=None, reprint_source=None, text="", char_map=[])
    return ExtractedArticle(article=a, persons=list(persons), events=list(events))


def test_score_page_counts():
    gold = {"file": "p.txt",
            "persons": [{"name": "甲一", "titles": ["市委副书记", "市长"]}, {"name": "乙二", "titles": ["通讯员"]}],
            "inspections": [{"person": "甲一", "date": "2020-01-31", "sites": ["高铁某西站", "某西高速出口"]}],
            "meetings": [{"chair": "甲一", "date": "2020-01-31", "name": "疫情防控工作调度"},
                         {"chair": None, "date": "2020-01-30", "name": "全市专家会商会"}]}
    persons = [Person("甲一", [Title("市委副书记", "株洲市委", "副书记")]), Person("丙三")]
    insp = Event("inspection", "督导", date(2020, 1, 31), None, "day", lead="甲一",
                 sites=[Site("高铁某西站", 1), Site("车站出口", 2), Site("某西高速出口", 3)])
    meet = Event("meeting", "调度", date(2020, 1, 31), None, "day", name="工作调度", lead="甲一")
    other = Event("meeting", "召开", date(2020, 1, 29), None, "day", name="全市专家会商会")
    res = score_page(gold, [_ea(persons, [insp, meet, other])])
    assert (res["persons"].tp, res["persons"].fp, res["persons"].fn) == (1, 1, 1)
    assert (res["titles"].tp, res["titles"].fn, res["titles"].fp) == (1, 1, 0)
    assert (res["inspections"].tp, res["inspections"].fp, res["inspections"].fn) == (1, 0, 0)
    assert (res["sites"].tp, res["sites"].fp, res["sites"].fn) == (2, 1, 0)
    # the first meeting matches by chair and day; the second has the wrong day
    assert (res["meetings"].tp, res["meetings"].fp, res["meetings"].fn) == (1, 1, 1)


def test_title_matching_rule():
    assert title_matches("市中心医院院感科主任", "院感科主任")
    assert title_matches("记者", "株洲日报记者")
    assert not title_matches("市长", "副市长")
    assert not title_matches("副县长", "县长")


def _gold(name):
    for p in (ROOT / "tests" / "gold" / name, ROOT.parent / "shared" / "gold" / name):
        if p.exists():
            return p
    return None


THRESHOLDS = {"persons": 0.95, "titles": 0.947,   # titles: recall >= 0.9 ⇔ F1 >= 0.947 (fp is always 0)
              "inspections": 0.95, "sites": 0.9, "meetings": 0.85}


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_kb_eval_sample_pages(metric):
    gold = _gold("dev.jsonl")
    pages = ROOT / "examples" / "zhuzhou-daily"
    if gold is None or not pages.exists():
        pytest.skip("no gold for the sample pages")
    r = subprocess.run([sys.executable, "-m", "kb.cli", "eval", str(gold), str(pages),
                        "--manifest", str(pages / "manifest.csv"), "--metric", metric,
                        "--fail-under", str(THRESHOLDS[metric])], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


def test_kb_eval_web_articles_runs():
    gold = _gold("web-dev.jsonl")
    pages = ROOT / "examples" / "web-articles"
    if gold is None or not pages.exists():
        pytest.skip("no gold for the web articles")
    r = subprocess.run([sys.executable, "-m", "kb.cli", "eval", str(gold), str(pages),
                        "--manifest", str(pages / "manifest.csv"), "--metric", "persons", "--fail-under", "0.8"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "inspections" in r.stdout and "meetings" in r.stdout


# Held-out sets in tests/gold/: each was annotated by hand before the extractor ran on it, measured once
# blind (figures in tests/gold/README.md), then used to find general failures. Thresholds sit a little
# below what is reached, so these guard against regressions.
#   heldout — 38 articles of other outlets, provinces, surnames and phrasings than the sample pages
#   pages2  — full pages of other papers (provincial, city, county with a second page in the file, evening)
#   pages3  — four 株洲日报-style pages (title after/before, kicker on one line, stray spaces, masthead date,
#             a file named by its date) and four of other papers (columns of untitled items, a table
#             flattened one cell per line, Mongolian names)
#   round4  — twelve web articles of county/city sites (headline and 来源 lines or none, editor lines,
#             signatures, 【字体】 cruft) and three flattened pages
#   round5  — twelve inspection articles rich in site structures (先后来到 A、B和C, 首先…随后…, 在A，…；在B，…,
#             走进A车间, 看望慰问A的B, two leads on separate routes, units named but not visited)
_FACTS = {"persons": 0.97, "titles": 0.98, "inspections": 0.95, "sites": 0.95}
HELDOUT_THRESHOLDS = {
    "heldout": {**_FACTS, "meetings": 0.92},
    "pages2": {**_FACTS, "articles": 0.97, "titles": 0.97, "meetings": 0.95},
    "pages3": {**_FACTS, "articles": 0.97, "meetings": 0.95},
    "round4": {**_FACTS, "articles": 0.97, "meetings": 0.95},
    "round5": {**_FACTS, "meetings": 0.95},
}

_SCORES: dict = {}


def _scores(name: str) -> dict:
    """`kb eval --format json` on one held-out set, run once per set for all its metrics."""
    if name not in _SCORES:
        pages = ROOT / "tests" / "gold" / name
        r = subprocess.run([sys.executable, "-m", "kb.cli", "eval", str(ROOT / "tests" / "gold" / f"{name}.jsonl"),
                            str(pages), "--manifest", str(pages / "manifest.csv"), "--format", "json"],
                           capture_output=True, text=True, cwd=ROOT)
        assert r.returncode == 0, r.stdout + r.stderr
        _SCORES[name] = json.loads(r.stdout)["metrics"]
    return _SCORES[name]


@pytest.mark.parametrize("name,metric", [(n, m) for n, th in HELDOUT_THRESHOLDS.items() for m in sorted(th)])
def test_kb_eval_heldout_sets(name, metric):
    f1 = _scores(name)[metric]["f1"]
    assert f1 >= HELDOUT_THRESHOLDS[name][metric], (name, metric, _scores(name)[metric])
