"""`kb eval`: article precision/recall/F1 per the gold README's rule."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kb.cli import cli
from kb.eval import Counts, match_titles, normalize

REPO = Path(__file__).parent.parent
EXAMPLES = REPO / "examples"
GOLD = REPO / "tests" / "gold"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_counts():
    c = Counts(tp=8, fp=2, fn=0)
    assert (c.precision, c.recall) == (0.8, 1.0)
    assert abs(c.f1 - 2 * 0.8 / 1.8) < 1e-9
    assert (Counts(1, 0, 0) + Counts(0, 1, 2)) == Counts(1, 1, 2)
    assert Counts().f1 == 1.0 or Counts().f1 == 0.0


def test_normalize_ignores_spaces_and_punctuation():
    assert normalize("携笔赴“战场” 倾情谱“战歌”") == "携笔赴战场倾情谱战歌"
    assert normalize("市委组织部出台措施： 在一线") == "市委组织部出台措施在一线"


def test_matching_is_contains_and_one_to_one():
    gold = ["暖心包送给一线", "暖心包送给一线"]
    pred = ["关爱逆行者“暖心包”送给一线医务工作者"]
    m, miss, extra = match_titles(gold, pred)
    assert len(m) == 1 and len(miss) == 1 and extra == []
    m, miss, extra = match_titles(["甲", "乙"], ["乙的标题", "甲的标题", "丙"])
    assert sorted(m) == [(0, 1), (1, 0)] and extra == [2]


def test_eval_on_examples_fail_under():
    r = run("eval", GOLD / "dev.jsonl", EXAMPLES / "zhuzhou-daily",
            "--manifest", EXAMPLES / "zhuzhou-daily" / "manifest.csv", "--fail-under", "0.95")
    assert r.exit_code == 0, r.output + r.stderr
    assert r.stdout.splitlines()[0].split() == ["metric", "tp", "fp", "fn", "precision", "recall", "f1"]
    row = next(line.split() for line in r.stdout.splitlines() if line.startswith("articles"))
    assert float(row[-1]) >= 0.95


def test_eval_json_and_fail_under_metric(tmp_path):
    r = run("eval", GOLD / "dev.jsonl", EXAMPLES / "zhuzhou-daily", "--format", "json", "-v")
    data = json.loads(r.stdout)
    art = data["metrics"]["articles"]
    assert art["tp"] + art["fn"] == 26
    assert {p["file"] for p in data["pages"]} == {p.name for p in (EXAMPLES / "zhuzhou-daily").glob("*.txt")}
    r = run("eval", GOLD / "dev.jsonl", EXAMPLES / "zhuzhou-daily", "--fail-under", "1.01")
    assert r.exit_code == 1 and "below" in r.stderr
    r = run("eval", GOLD / "dev.jsonl", EXAMPLES / "zhuzhou-daily", "--fail-under", "0.5", "--metric", "nosuch")
    assert r.exit_code == 1 and "no metric" in r.stderr


def test_eval_counts_misses_and_extras(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("县委召开防汛会议\n\n示例日报记者 张三\n\n示例日报讯 3月1日，县委召开会议。\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"file": "p.txt", "articles": ["县政府召开常务会议"]}, ensure_ascii=False) + "\n"
                    + json.dumps({"file": "absent.txt", "articles": ["某标题"]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    r = run("eval", gold, page, "--format", "json", "-v")
    data = json.loads(r.stdout)
    assert data["metrics"]["articles"]["tp"] == 0
    assert data["metrics"]["articles"]["fp"] == 1 and data["metrics"]["articles"]["fn"] == 2
    p = next(x for x in data["pages"] if x["file"] == "p.txt")
    assert p["missed"] == ["县政府召开常务会议"] and p["extra"] == ["县委召开防汛会议"]
    r = run("eval", gold, page, "-v")
    assert "miss   p.txt: 县政府召开常务会议" in r.stdout


def test_web_gold_has_no_article_metric():
    r = run("eval", GOLD / "web-dev.jsonl", EXAMPLES / "web-articles", "--format", "json",
            "--manifest", EXAMPLES / "web-articles" / "manifest.csv")
    assert "articles" not in json.loads(r.stdout)["metrics"]


def test_untitled_article_on_a_page_of_untitled_items_is_no_false_hit():
    """Gold that lists no title (a column of untitled items): the untitled article carrying the items
    is right, a titled one is a false hit; on a page with titles an untitled article still counts."""
    from types import SimpleNamespace as NS
    from kb.eval import score_articles

    def art(title):
        return NS(kicker=None, title=title, subtitle=None)
    assert score_articles({"articles": []}, [art(None)])[0] == Counts(0, 0, 0)
    assert score_articles({"articles": []}, [art(None), art("某县召开会议")])[0] == Counts(0, 1, 0)
    assert score_articles({"articles": ["某县召开会议"]}, [art("某县召开会议"), art(None)])[0] == Counts(1, 1, 0)
