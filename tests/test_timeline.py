"""Timeline reports: `kb timeline …` output checked exactly on a small graph written by the graph
writer (kb.graph.write_page) from hand-made ExtractedArticles; the JSON checked against its schema;
and the inspections timeline of the sample pages scored against the gold."""
from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

import timeline_graph
from kb import timeline
from kb.errors import QueryError
from kb.render import inspections_markdown, width

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schema" / "timeline-inspections.schema.json"


# ------------------------------------------------------------------ no server

def test_parse_day():
    assert timeline.parse_day("2020-03-06") == date(2020, 3, 6)
    assert timeline.parse_day("2020-03") == date(2020, 3, 1)
    assert timeline.parse_day("2020-02", end=True) == date(2020, 2, 29)
    assert timeline.parse_day("2020", end=True) == date(2020, 12, 31)
    assert timeline.parse_day("2020年3月6日") == date(2020, 3, 6)
    assert timeline.parse_day("2020/3/6") == date(2020, 3, 6)
    assert timeline.parse_day(None) is None
    for bad in ("03-06", "2020-13", "2020-02-30", "yesterday"):
        with pytest.raises(QueryError):
            timeline.parse_day(bad)


def test_span():
    assert timeline.span(date(2020, 2, 3), None) == "2020-02-03"
    assert timeline.span(date(2020, 2, 3), date(2020, 2, 3)) == "2020-02-03"
    assert timeline.span(date(2020, 2, 3), date(2020, 2, 4)) == "2020-02-03~02-04"
    assert timeline.span(date(2020, 12, 31), date(2021, 1, 2)) == "2020-12-31~2021-01-02"


def visit(**kw):
    base = dict(person="王建国", titles=["市委书记"], date=date(2020, 3, 6), end_date=None, date_precision="day",
                sites=["甲社区", "乙|公司"], places=["东湖区"], accompanying=[], article_title="标题", source="p.txt",
                evidence="3月6日，王建国来到甲社区。")
    base.update(kw)
    return timeline.Inspection(**base)


def test_to_json_has_exactly_the_documented_fields():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = [visit().to_json(), visit(end_date=date(2020, 3, 7), date_precision=None, article_title=None).to_json()]
    jsonschema.validate(data, schema)
    assert list(data[0]) == timeline.INSPECTION_FIELDS == schema["items"]["required"]
    assert data[0]["date"] == "2020-03-06" and data[1]["end_date"] == "2020-03-07"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([dict(data[0], extra=1)], schema)


def test_markdown_escapes_pipes_and_groups_by_official():
    md = inspections_markdown([visit(), visit(person="李明华", titles=[])])
    assert "## 王建国 (市委书记)" in md and "## 李明华\n" in md
    assert "甲社区 → 乙\\|公司" in md
    assert md.startswith("# Inspection visits\n\n2 visits by 2 officials, 2020-03-06 to 2020-03-06.\n")


# ------------------------------------------------------------------ real server

@pytest.fixture(scope="module")
def graph(driver, database):
    from conftest import wipe
    from kb import graph as kbgraph

    wipe(driver, database)
    kbgraph.apply_schema(driver, database)
    timeline_graph.load(driver, database)          # through the graph writer
    yield driver, database
    wipe(driver, database)


@pytest.fixture
def kb(graph, settings, monkeypatch):
    from click.testing import CliRunner
    from kb.cli import cli as kb_cli

    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", settings.username)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", settings.database)
    runner = CliRunner()

    def invoke(*args, ok=True):
        res = runner.invoke(kb_cli, list(args), catch_exceptions=not ok)
        if ok:
            assert res.exit_code == 0, res.output
        return res
    return invoke


TABLE = """\
date              person  titles                      places        sites                                        accompanying  article
----------------  ------  --------------------------  ------------  -------------------------------------------  ------------  --------------------------
2020-01-31        李明华  市委副书记、市长                          高铁江城西站 → 江城西高速出口                陈志强        李明华检查交通卡点防控
2020-02-03~02-04  王建国  市委书记                    西山县        西山县人民医院 → 青石街道青石社区                          王建国赴西山县考察
2020-03-06        王建国  市委书记、市人大常委会主任  江城市东湖区  东湖区花园社区 → 江城商场值守点 → 江城宾馆   赵丽          王建国到东湖区督导疫情防控
2020-03-07        李明华  市委副书记、市长            西山县        江城机械制造有限公司 → 西山电子科技有限公司                李明华调研企业复工复产
"""


@pytest.mark.neo4j
def test_inspections_table_exact(kb):
    out = kb("timeline", "inspections").output
    assert out == TABLE
    # aligned by terminal width: each column starts at the same display column on every row
    lines = out.splitlines()
    for r, (name, sites) in zip(lines[2:], [("李明华", "高铁"), ("王建国", "西山县人民医院"), ("王建国", "东湖区花园"),
                                            ("李明华", "江城机械")]):
        assert width(r[:r.index(name)]) == 18
        assert width(r[:r.index(sites, r.index(name) + 3)]) == 18 + 8 + 28 + 14


@pytest.mark.neo4j
def test_inspections_filters(kb):
    out = kb("timeline", "inspections", "--person", "王建国").output
    assert [l.split() for l in out.splitlines()[2:]] == [l.split() for l in TABLE.splitlines()[3:5]]
    out = kb("timeline", "inspections", "--from", "2020-02", "--to", "2020-03-06").output
    assert [l.split()[0] for l in out.splitlines()[2:]] == ["2020-02-03~02-04", "2020-03-06"]
    out = kb("timeline", "inspections", "--place", "西山县", "--format", "json").output
    assert [(v["person"], v["date"]) for v in json.loads(out)] == [("王建国", "2020-02-03"), ("李明华", "2020-03-07")]
    assert kb("timeline", "inspections", "--from", "2021").output == "(no rows)\n"
    res = kb("timeline", "inspections", "--person", "王建", ok=False)
    assert isinstance(res.exception, QueryError) and "no person named '王建' in the graph (close: 王建国)" in str(res.exception)
    res = kb("timeline", "inspections", "--from", "2020-04", "--to", "2020-03", ok=False)
    assert "the range is empty" in str(res.exception)


@pytest.mark.neo4j
def test_inspections_json_exact_and_valid(kb):
    jsonschema = pytest.importorskip("jsonschema")
    out = kb("timeline", "inspections", "--format", "json").output
    data = json.loads(out)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert "\\u" not in out and "王建国" in out                     # UTF-8, unescaped
    assert data[2] == {
        "person": "王建国", "titles": ["市委书记", "市人大常委会主任"], "date": "2020-03-06", "end_date": None,
        "date_precision": "day", "sites": ["东湖区花园社区", "江城商场值守点", "江城宾馆"], "places": ["江城市东湖区"],
        "accompanying": ["赵丽"], "article_title": "王建国到东湖区督导疫情防控", "source": "p1.txt",
        "evidence": "3月6日，市委书记王建国来到东湖区花园社区督导疫情防控工作。", "date_text": None}
    assert [(v["person"], v["date"], v["end_date"]) for v in data] == [
        ("李明华", "2020-01-31", None), ("王建国", "2020-02-03", "2020-02-04"),
        ("王建国", "2020-03-06", None), ("李明华", "2020-03-07", None)]


@pytest.mark.neo4j
def test_inspections_csv_exact(kb):
    out = kb("timeline", "inspections", "--from", "2020-03", "--format", "csv").output
    assert out == (
        "person,titles,date,end_date,date_precision,sites,places,accompanying,article_title,source,evidence,date_text\n"
        "王建国,市委书记、市人大常委会主任,2020-03-06,,day,东湖区花园社区 → 江城商场值守点 → 江城宾馆,江城市东湖区,赵丽,"
        "王建国到东湖区督导疫情防控,p1.txt,3月6日，市委书记王建国来到东湖区花园社区督导疫情防控工作。,\n"
        "李明华,市委副书记、市长,2020-03-07,,day,江城机械制造有限公司 → 西山电子科技有限公司,西山县,,"
        "李明华调研企业复工复产,p1.txt,3月7日，市长李明华到西山县调研企业复工复产。,\n")


@pytest.mark.neo4j
def test_inspections_markdown_exact(kb, tmp_path):
    target = tmp_path / "li.md"
    res = kb("timeline", "inspections", "--person", "李明华", "--format", "markdown", "--output", str(target))
    assert target.read_text(encoding="utf-8") == """\
# Inspection visits — 李明华

2 visits by 1 official, 2020-01-31 to 2020-03-07.

## 李明华 (市委副书记、市长)

| date | place | sites (in order) | accompanying | article | evidence |
| --- | --- | --- | --- | --- | --- |
| 2020-01-31 |  | 高铁江城西站 → 江城西高速出口 | 陈志强 | 李明华检查交通卡点防控 (p2.txt) | 1月31日，市长李明华检查高铁江城西站和江城西高速出口防控工作，副市长陈志强参加。 |
| 2020-03-07 | 西山县 | 江城机械制造有限公司 → 西山电子科技有限公司 |  | 李明华调研企业复工复产 (p1.txt) | 3月7日，市长李明华到西山县调研企业复工复产。 |
"""
    assert "wrote" in res.output   # the note goes to stderr, which CliRunner mixes in


@pytest.mark.neo4j
def test_person_place_org_tables_exact(kb):
    assert kb("timeline", "person", "王建国").output == """\
date              type        what                role      with                               sites                                       places        article
----------------  ----------  ------------------  --------  ---------------------------------  ------------------------------------------  ------------  --------------------------
2020-02-03~02-04  inspection  考察                lead                                         西山县人民医院 → 青石街道青石社区           西山县        王建国赴西山县考察
2020-03-06        inspection  督导                lead      赵丽 (accompanying)                东湖区花园社区 → 江城商场值守点 → 江城宾馆  江城市东湖区  王建国到东湖区督导疫情防控
2020-03-06        meeting     疫情防控工作调度会  attendee  李明华 (chair)、陈志强 (attendee)                                                            李明华调研企业复工复产
"""
    assert kb("timeline", "place", "西山县").output == """\
date              type        what  persons  via                                                 sites                                        article
----------------  ----------  ----  -------  --------------------------------------------------  -------------------------------------------  ----------------------
2020-02-03~02-04  inspection  考察  王建国   西山县、西山县人民医院                              西山县人民医院 → 青石街道青石社区            王建国赴西山县考察
2020-03-07        inspection  调研  李明华   江城机械制造有限公司、西山县、西山电子科技有限公司  江城机械制造有限公司 → 西山电子科技有限公司  李明华调研企业复工复产
"""
    assert kb("timeline", "org", "江城市人民政府").output == """\
date        type        what                persons                 via                             sites                                        article
----------  ----------  ------------------  ----------------------  ------------------------------  -------------------------------------------  ----------------------
2020-01-31  inspection  检查                李明华、陈志强          李明华 (市长)、陈志强 (副市长)  高铁江城西站 → 江城西高速出口                李明华检查交通卡点防控
2020-03-06  meeting     疫情防控工作调度会  李明华、王建国、陈志强  李明华 (市长)、陈志强 (副市长)                                               李明华调研企业复工复产
2020-03-07  inspection  调研                李明华                  李明华 (市长)                   江城机械制造有限公司 → 西山电子科技有限公司  李明华调研企业复工复产
"""
    out = kb("timeline", "org", "江城市人民政府", "--no-members").output
    assert out == "(no rows)\n"
    data = json.loads(kb("timeline", "person", "王建国", "--type", "meeting", "--format", "json").output)
    assert data == [{"date": "2020-03-06", "end_date": None, "type": "meeting", "trigger": "主持召开",
                     "name": "疫情防控工作调度会", "role": "attendee", "persons": ["李明华 (chair)", "陈志强 (attendee)"],
                     "sites": [], "places": [], "via": [], "article_title": "李明华调研企业复工复产", "source": "p1.txt",
                     "evidence": "3月6日，李明华主持召开疫情防控工作调度会，王建国、陈志强出席。",
                     "event_id": data[0]["event_id"]}]
    # --type: several types, repeated or comma-separated; org too; an unknown type is refused
    both = kb("timeline", "person", "王建国", "--type", "inspection,meeting", "--format", "json").output
    assert both == kb("timeline", "person", "王建国", "--type", "meeting", "--type", "inspection",
                      "--format", "json").output
    assert [e["type"] for e in json.loads(both)] == ["inspection", "inspection", "meeting"]
    org = json.loads(kb("timeline", "org", "江城市人民政府", "--type", "meeting", "--format", "json").output)
    assert [(e["date"], e["type"]) for e in org] == [("2020-03-06", "meeting")]
    assert kb("timeline", "place", "西山县", "--type", "meeting").output == "(no rows)\n"
    res = kb("timeline", "person", "王建国", "--type", "parade", ok=False)
    assert res.exit_code == 2 and "no event type 'parade'" in res.output
    md = kb("timeline", "place", "东湖区", "--format", "markdown").output
    assert md.startswith("# Timeline of 东湖区\n\n| date | type | what | persons | via | sites | article | source | evidence |\n")
    res = kb("timeline", "place", "火星", ok=False)
    assert "no place named '火星'" in str(res.exception)


# ------------------------------------------------------------------ the sample pages against the gold

def _norm(s: str | None) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s or "")
                   if not unicodedata.category(c).startswith(("P", "Z", "S")))


def _site_match(gold: str, pred: str) -> bool:
    g, p = _norm(gold), _norm(pred)
    return bool(g and p) and (g == p or g in p or p in g)


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    if n_pred == 0 and n_gold == 0:
        return 1.0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score_inspections(gold: list[dict], pred: list[dict]) -> dict:
    """Inspections match on (person, date); their sites match one to one, as written, ignoring spaces
    and punctuation, one containing the other."""
    gold_by = {}
    for g in gold:
        gold_by.setdefault((g["person"], g["date"]), []).append(g)
    pred_by = {}
    for p in pred:
        pred_by.setdefault((p["person"], p["date"]), []).append(p)
    tp = sum(min(len(v), len(pred_by.get(k, []))) for k, v in gold_by.items())
    site_tp = site_pred = site_gold = 0
    for g in gold:
        site_gold += len(g["sites"])
    for p in pred:
        site_pred += len(p["sites"])
    for k, gs in gold_by.items():
        for g, p in zip(gs, pred_by.get(k, [])):
            left = list(p["sites"])
            for s in g["sites"]:
                hit = next((x for x in left if _site_match(s, x)), None)
                if hit is not None:
                    left.remove(hit)
                    site_tp += 1
    return {"inspections_f1": _f1(tp, len(pred), len(gold)), "sites_f1": _f1(site_tp, site_pred, site_gold),
            "tp": tp, "pred": len(pred), "gold": len(gold)}


def test_scorer():
    g = [{"person": "甲", "date": "2020-01-01", "sites": ["A社区", "B公司"]}]
    assert score_inspections(g, [{"person": "甲", "date": "2020-01-01", "sites": ["A 社区", "B公司暗访", "C"]}]) == {
        "inspections_f1": 1.0, "sites_f1": 0.8, "tp": 1, "pred": 1, "gold": 1}
    assert score_inspections(g, [])["inspections_f1"] == 0.0


@pytest.mark.neo4j
def test_sample_pages_inspections_match_the_gold(driver, database, settings, monkeypatch, tmp_path):
    """`kb load` the sample pages, then `kb timeline inspections --format json` against tests/gold/dev.jsonl."""
    from click.testing import CliRunner
    from conftest import wipe
    from kb import graph as kbgraph
    from kb.cli import cli as kb_cli

    pages = REPO / "examples" / "zhuzhou-daily"
    gold_file = REPO / "tests" / "gold" / "dev.jsonl"
    for k in ("URI", "USERNAME", "PASSWORD", "DATABASE"):
        monkeypatch.setenv(f"NEO4J_{k}", getattr(settings, k.lower() if k != "URI" else "uri"))
    wipe(driver, database)
    kbgraph.apply_schema(driver, database)
    runner = CliRunner()
    try:
        res = runner.invoke(kb_cli, ["load", str(pages), "--manifest", str(pages / "manifest.csv"), "--workers", "1"])
        assert res.exit_code == 0, res.output
        out = tmp_path / "inspections.json"
        res = runner.invoke(kb_cli, ["timeline", "inspections", "--format", "json", "--output", str(out)])
        assert res.exit_code == 0, res.output
        pred = json.loads(out.read_text(encoding="utf-8"))
    finally:
        wipe(driver, database)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(pred, json.loads(SCHEMA.read_text(encoding="utf-8")))
    gold = [dict(i, file=rec["file"]) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()
            for rec in [json.loads(line)] for i in rec["inspections"]]
    s = score_inspections(gold, pred)
    assert s["inspections_f1"] >= 0.95, s
    assert s["sites_f1"] >= 0.9, s
    # every predicted visit points back to its page and sentence
    assert all(p["source"] and p["evidence"] and p["article_title"] for p in pred)
