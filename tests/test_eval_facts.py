"""Fact metrics (kb/eval_facts.py) and the thresholds on the sample pages (kb eval --fail-under)."""
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


# held-out articles written for the extraction's generalisation (tests/gold/heldout): other outlets,
# provinces, surnames and phrasings than the sample pages; thresholds a little below what is reached
HELDOUT_THRESHOLDS = {"persons": 0.97, "titles": 0.98, "inspections": 0.95, "sites": 0.95, "meetings": 0.92}


@pytest.mark.parametrize("metric", sorted(HELDOUT_THRESHOLDS))
def test_kb_eval_heldout(metric):
    gold = ROOT / "tests" / "gold" / "heldout.jsonl"
    pages = ROOT / "tests" / "gold" / "heldout"
    r = subprocess.run([sys.executable, "-m", "kb.cli", "eval", str(gold), str(pages),
                        "--manifest", str(pages / "manifest.csv"), "--metric", metric,
                        "--fail-under", str(HELDOUT_THRESHOLDS[metric])], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


# full pages of other papers (tests/gold/pages2: a provincial daily, city dailies, a county paper with a
# second page in the file, an evening paper), annotated before the extractor was run on them and used
# once, blind, then to find general failures; thresholds a little below what is reached
PAGES2_THRESHOLDS = {"articles": 0.97, "persons": 0.97, "titles": 0.97, "inspections": 0.95, "sites": 0.95,
                     "meetings": 0.95}


@pytest.mark.parametrize("metric", sorted(PAGES2_THRESHOLDS))
def test_kb_eval_pages2(metric):
    gold = ROOT / "tests" / "gold" / "pages2.jsonl"
    pages = ROOT / "tests" / "gold" / "pages2"
    r = subprocess.run([sys.executable, "-m", "kb.cli", "eval", str(gold), str(pages),
                        "--manifest", str(pages / "manifest.csv"), "--metric", metric,
                        "--fail-under", str(PAGES2_THRESHOLDS[metric])], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


# a third blind round (tests/gold/pages3): four 株洲日报-style pages (title after/before, kicker on one line,
# hard wraps with stray spaces, a masthead date, a file named by its date) and four pages of other papers
# (a masthead date, a county media centre's paper with a column of untitled items and a notice, a table
# flattened one cell per line, Mongolian names); annotated before the extractor was run on them, measured
# once blind, then used to find general failures; thresholds a little below what is reached
PAGES3_THRESHOLDS = {"articles": 0.97, "persons": 0.97, "titles": 0.98, "inspections": 0.95, "sites": 0.95,
                     "meetings": 0.95}


@pytest.mark.parametrize("metric", sorted(PAGES3_THRESHOLDS))
def test_kb_eval_pages3(metric):
    gold = ROOT / "tests" / "gold" / "pages3.jsonl"
    pages = ROOT / "tests" / "gold" / "pages3"
    r = subprocess.run([sys.executable, "-m", "kb.cli", "eval", str(gold), str(pages),
                        "--manifest", str(pages / "manifest.csv"), "--metric", metric,
                        "--fail-under", str(PAGES3_THRESHOLDS[metric])], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


# a fourth blind round (tests/gold/round4): twelve web articles of county and city sites and media centres
# (headline and 来源/发布时间 lines or none, editor lines, closing signatures, 【字体】 cruft) and three
# flattened pages of other papers; annotated before the extractor was run on them, measured once blind,
# then used to find general failures; thresholds a little below what is reached
ROUND4_THRESHOLDS = {"articles": 0.97, "persons": 0.97, "titles": 0.98, "inspections": 0.95, "sites": 0.95,
                     "meetings": 0.95}


@pytest.mark.parametrize("metric", sorted(ROUND4_THRESHOLDS))
def test_kb_eval_round4(metric):
    gold = ROOT / "tests" / "gold" / "round4.jsonl"
    pages = ROOT / "tests" / "gold" / "round4"
    r = subprocess.run([sys.executable, "-m", "kb.cli", "eval", str(gold), str(pages),
                        "--manifest", str(pages / "manifest.csv"), "--metric", metric,
                        "--fail-under", str(ROUND4_THRESHOLDS[metric])], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


# a fifth blind round (tests/gold/round5): twelve short inspection articles rich in site structures (先后来到
# A、B和C, 首先…随后…最后, 在A，…；在B，…, 走进A车间, 察看A项目建设进度, 暗访, 看望慰问A的B, 和 inside names,
# two leads on separate routes, units named in speech but not visited); annotated before the extractor was
# run on them, measured once blind, then used to find general failures; thresholds a little below what is reached
ROUND5_THRESHOLDS = {"persons": 0.97, "titles": 0.98, "inspections": 0.95, "sites": 0.95, "meetings": 0.95}


@pytest.mark.parametrize("metric", sorted(ROUND5_THRESHOLDS))
def test_kb_eval_round5(metric):
    gold = ROOT / "tests" / "gold" / "round5.jsonl"
    pages = ROOT / "tests" / "gold" / "round5"
    r = subprocess.run([sys.executable, "-m", "kb.cli", "eval", str(gold), str(pages),
                        "--manifest", str(pages / "manifest.csv"), "--metric", metric,
                        "--fail-under", str(ROUND5_THRESHOLDS[metric])], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
