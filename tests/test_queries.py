"""Named queries: headers parse, every query file runs on the real server (with its header's default
:param lines and with its example), returns the columns its header documents, and answers right on a
small hand-built graph. `kb query` output is checked exactly."""
from __future__ import annotations

import json
from datetime import date

import pytest

import timeline_graph
from kb import queries
from kb.errors import QueryError

NAMES = queries.names()


# ------------------------------------------------------------------ no server

def test_the_named_queries_are_there():
    for name in ("inspections", "person_timeline", "place_timeline", "organization_timeline", "posts_held",
                 "accompanied", "co_appearance", "articles_of_day"):
        assert name in NAMES
    assert "schema" not in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_header(name):
    q = queries.get(name)
    assert q.title and q.summary, "a purpose line"
    assert q.params, "parameters as :param lines"
    assert q.example, "an example"
    assert set(q.example) <= {p.name for p in q.params}
    assert q.columns, "a Columns: paragraph"
    for p in q.params:
        assert p.description, f"{name}: parameter {p.name} is described"
        assert f"${p.name}" in q.body, f"{name}: parameter {p.name} is used"
    # every $parameter of the body is declared
    import re
    used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", q.body))
    assert used == {p.name for p in q.params}
    # runnable in the Browser: the header's :param lines, then the statement
    for line in q.param_lines():
        assert line.startswith(":param ") and " => " in line and line.endswith(";")
    assert q.text.lstrip().startswith(f"// {name} — ")


def test_literals():
    assert queries.literal("null") is None
    assert queries.literal("true") is True
    assert queries.literal("1000") == 1000
    assert queries.literal("-2.5") == -2.5
    assert queries.literal("'毛腾飞'") == "毛腾飞"
    assert queries.literal('"it\'s"') == "it's"
    assert queries.literal("['a', 1, null]") == ["a", 1, None]
    assert queries.literal("{a: 1, `b c`: 'x'}") == {"a": 1, "b c": "x"}
    assert queries.literal("date('2020-03-06')") == date(2020, 3, 6)
    with pytest.raises(ValueError):
        queries.literal("n.name")


def test_convert_command_line_values():
    assert queries.convert("2020-03-06") == date(2020, 3, 6)
    assert queries.convert("null") is None
    assert queries.convert("12") == 12
    assert queries.convert("12", default="x") == "12"          # a string parameter stays a string
    assert queries.convert("'12'") == "12"
    assert queries.convert("true", default=None) is True
    assert queries.convert("1.5") == 1.5
    assert queries.convert("[1, 2]") == [1, 2]
    assert queries.convert("毛腾飞") == "毛腾飞"
    with pytest.raises(QueryError):
        queries.convert("2020-02-30")


def test_parse_params():
    q = queries.get("inspections")
    got = queries.parse_params(q, ["person=毛腾飞", "from=2020-03-01", "limit=5", "place=null"])
    assert got == {"person": "毛腾飞", "from": date(2020, 3, 1), "limit": 5, "place": None}
    with pytest.raises(QueryError, match="no parameter 'who'"):
        queries.parse_params(q, ["who=x"])
    with pytest.raises(QueryError, match="key=value"):
        queries.parse_params(q, ["person"])


def test_unknown_query():
    with pytest.raises(QueryError, match="no named query 'nope'"):
        queries.get("nope")
    with pytest.raises(QueryError):
        queries.get("schema")
    with pytest.raises(QueryError):
        queries.get("../x")


# ------------------------------------------------------------------ real server

@pytest.fixture(scope="module")
def graph(driver, database):
    from conftest import wipe
    from kb import graph as kbgraph

    wipe(driver, database)
    kbgraph.apply_schema(driver, database)
    timeline_graph.build(driver, database)
    yield driver, database
    wipe(driver, database)


@pytest.mark.neo4j
@pytest.mark.parametrize("name", NAMES)
def test_every_query_runs_with_its_header_params(graph, name):
    driver, database = graph
    q = queries.get(name)
    for params in (q.defaults(), q.example):
        rows, keys = queries.run_query(driver, database, q, params)
        assert keys == q.columns, f"{name}: the header documents the columns it returns"
        for r in rows:
            json.dumps(queries.jsonable(r), ensure_ascii=False)


@pytest.mark.neo4j
def test_queries_run_in_read_transactions(graph):
    driver, database = graph
    with pytest.raises(QueryError, match="(?i)read"):
        queries.run_text(driver, database, "CREATE (n:ShouldNotExist) RETURN n", {})
    rows, _ = queries.run_text(driver, database, "MATCH (n:ShouldNotExist) RETURN count(n) AS n", {})
    assert rows == [{"n": 0}]


def run(graph, name, **params):
    driver, database = graph
    return queries.run(driver, database, name, params)


@pytest.mark.neo4j
def test_inspections(graph):
    rows = run(graph, "inspections")
    assert [(r["person"], r["date"]) for r in rows] == [
        ("李明华", date(2020, 1, 31)), ("王建国", date(2020, 2, 3)),
        ("王建国", date(2020, 3, 6)), ("李明华", date(2020, 3, 7))]
    first = rows[2]
    assert first["sites"] == ["东湖区花园社区", "江城商场值守点", "江城宾馆"]      # visit order
    assert first["titles"] == ["市委书记", "市人大常委会主任"]
    assert first["accompanying"] == ["赵丽"]
    assert first["places"] == ["江城市东湖区"]
    assert first["article_title"] == "王建国到东湖区督导疫情防控"
    assert first["source"] == "p1.txt"
    assert first["evidence"].startswith("3月6日，市委书记王建国")
    assert rows[1]["end_date"] == date(2020, 2, 4)
    # only the titles seen in the reporting article
    assert rows[1]["titles"] == ["市委书记"]
    # filters
    assert [r["date"] for r in run(graph, "inspections", person="王建国")] == [date(2020, 2, 3), date(2020, 3, 6)]
    assert run(graph, "inspections", person="无此人") == []
    assert [r["date"] for r in run(graph, "inspections", **{"from": "2020-02-01", "to": date(2020, 3, 6)})] \
        == [date(2020, 2, 3), date(2020, 3, 6)]
    assert [r["date"] for r in run(graph, "inspections", person="李明华", **{"from": "2020-03-01"})] \
        == [date(2020, 3, 7)]
    # place: the trip's area, a division above it, a site's name, an organisation's location
    assert [r["date"] for r in run(graph, "inspections", place="西山县")] == [date(2020, 2, 3), date(2020, 3, 7)]
    assert len(run(graph, "inspections", place="江城市")) == 3          # via PART_OF / LOCATED_IN
    assert [r["date"] for r in run(graph, "inspections", place="高速出口")] == [date(2020, 1, 31)]
    assert [r["date"] for r in run(graph, "inspections", place="花园街道")] == [date(2020, 3, 6)]
    assert len(run(graph, "inspections", limit=2)) == 2


@pytest.mark.neo4j
def test_person_place_org_timelines(graph):
    rows = run(graph, "person_timeline", person="王建国")
    assert [(r["date"], r["type"], r["role"]) for r in rows] == [
        (date(2020, 2, 3), "inspection", "lead"), (date(2020, 3, 6), "inspection", "lead"),
        (date(2020, 3, 6), "meeting", "attendee")]
    assert rows[2]["with"] == ["李明华 (chair)", "陈志强 (attendee)"]
    assert [r["type"] for r in run(graph, "person_timeline", person="王建国", type="meeting")] == ["meeting"]

    rows = run(graph, "place_timeline", place="东湖区")
    assert [(r["date"], r["lead"]) for r in rows] == [(date(2020, 3, 6), ["王建国"])]
    assert rows[0]["matched"] == ["东湖区花园社区", "江城宾馆", "江城市东湖区"]
    rows = run(graph, "place_timeline", place="西山县", type="inspection")
    assert [r["date"] for r in rows] == [date(2020, 2, 3), date(2020, 3, 7)]

    rows = run(graph, "organization_timeline", organization="人民医院")
    assert [(r["date"], r["via"]) for r in rows] == [(date(2020, 2, 3), ["visited"])]
    rows = run(graph, "organization_timeline", organization="江城市人民政府")
    assert [(r["date"], r["type"]) for r in rows] == [
        (date(2020, 1, 31), "inspection"), (date(2020, 3, 6), "meeting"), (date(2020, 3, 7), "inspection")]
    assert rows[0]["via"] == ["李明华 (市长)", "陈志强 (副市长)"]
    assert rows[1]["persons"][0] == "李明华"                               # the chair first
    assert run(graph, "organization_timeline", organization="江城市人民政府", members=False) == []


@pytest.mark.neo4j
def test_posts_accompanied_co_appearance(graph):
    rows = run(graph, "posts_held", person="李明华")
    assert [(r["title"], r["organization"], r["first_seen"], r["articles"]) for r in rows] == [
        ("市委副书记", "江城市委", date(2020, 2, 1), 2), ("市长", "江城市人民政府", date(2020, 2, 1), 2)]
    assert len(run(graph, "posts_held")) == 6
    assert [r["person"] for r in run(graph, "posts_held", organization="人大")] == ["王建国"]

    rows = run(graph, "accompanied")
    assert [(r["lead"], r["accompanying"], r["times"]) for r in rows] == [("李明华", "陈志强", 1), ("王建国", "赵丽", 1)]
    assert [r["lead"] for r in run(graph, "accompanied", person="赵丽")] == ["王建国"]
    assert run(graph, "accompanied", type="meeting") == []
    paths = run(graph, "accompanied_graph")
    assert len(paths) == 2 and all(len(r["path"]) == 5 for r in paths)

    rows = run(graph, "co_appearance")
    pairs = {(r["person"], r["other"]): r["events"] for r in rows}
    assert pairs == {("李明华", "陈志强"): 2, ("李明华", "王建国"): 1, ("王建国", "赵丽"): 1, ("王建国", "陈志强"): 1}
    assert rows[0]["types"] == ["inspection", "meeting"]
    rows = run(graph, "co_appearance", person="陈志强")
    assert [(r["other"], r["events"]) for r in rows] == [("李明华", 2), ("王建国", 1)]
    assert [r["other"] for r in run(graph, "co_appearance", min_events=2)] == ["陈志强"]


@pytest.mark.neo4j
def test_articles_meetings_sites_search(graph):
    rows = run(graph, "articles_of_day")                 # null = the latest day
    assert [r["title"] for r in rows] == ["王建国到东湖区督导疫情防控", "李明华调研企业复工复产"]
    assert rows[0]["authors"] == ["刘记者"] and rows[1]["events"] == 2
    assert rows[1]["persons"] == ["李明华", "王建国", "陈志强"]
    rows = run(graph, "articles_of_day", day="2020-02-01")
    assert [r["title"] for r in rows] == ["王建国赴西山县考察", "李明华检查交通卡点防控"]
    assert run(graph, "articles_of_day", day="2020-02-02") == []
    assert run(graph, "articles_of_day", day="2020-02-01", outlet="别的报") == []

    rows = run(graph, "meetings")
    assert [(r["name"], r["chair"], r["attendees"]) for r in rows] == [
        ("疫情防控工作调度会", ["李明华"], ["王建国", "陈志强"])]
    assert run(graph, "meetings", person="赵丽") == []

    rows = run(graph, "site_visits", site="社区")
    assert [(r["site"], r["order"], r["of"]) for r in rows] == [("青石街道青石社区", 2, 2), ("东湖区花园社区", 1, 3)]

    rows = run(graph, "search", q="花园社区")
    assert rows and rows[0]["name"] == "花园社区"


# ------------------------------------------------------------------ the CLI

@pytest.fixture
def cli(graph, settings, monkeypatch):
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


@pytest.mark.neo4j
def test_kb_query_table_exact(cli):
    out = cli("query", "posts_held", "--param", "person=李明华").output
    assert out == (
        "person  title       post    organization    first_seen  last_seen   articles\n"
        "------  ----------  ------  --------------  ----------  ----------  --------\n"
        "李明华  市委副书记  副书记  江城市委        2020-02-01  2020-03-08  2\n"
        "李明华  市长        市长    江城市人民政府  2020-02-01  2020-03-08  2\n"
        "(2 rows)\n")


@pytest.mark.neo4j
def test_kb_query_json_and_csv_exact(cli):
    out = cli("query", "accompanied", "--format", "json").output
    assert json.loads(out) == [
        {"lead": "李明华", "accompanying": "陈志强", "times": 1, "first": "2020-01-31", "last": "2020-01-31",
         "dates": ["2020-01-31"]},
        {"lead": "王建国", "accompanying": "赵丽", "times": 1, "first": "2020-03-06", "last": "2020-03-06",
         "dates": ["2020-03-06"]}]
    assert "李明华" in out and "\\u" not in out                 # UTF-8, unescaped
    out = cli("query", "meetings", "--param", "from=2020-03-01", "--format", "csv").output
    assert out == (
        "date,name,chair,attendees,places,article_title,source,evidence,event_id\n"
        "2020-03-06,疫情防控工作调度会,李明华,王建国、陈志强,,李明华调研企业复工复产,p1.txt,"
        "3月6日，李明华主持召开疫情防控工作调度会，王建国、陈志强出席。,evt:3\n")
    out = cli("query", "meetings", "--param", "from=2021-01-01", "--format", "csv").output
    assert out == "date,name,chair,attendees,places,article_title,source,evidence,event_id\n"
    assert cli("query", "meetings", "--param", "from=2021-01-01").output == "(no rows)\n"


@pytest.mark.neo4j
def test_kb_query_list_show_and_errors(cli):
    out = cli("query", "--list").output
    lines = out.splitlines()
    assert lines[0].split() == ["name", "parameters", "(defaults)", "purpose"]
    assert [l.split()[0] for l in lines[2:2 + len(NAMES)]] == NAMES
    assert "inspections            person=null, from=null, to=null, place=null, limit=1000" in out
    data = json.loads(cli("query", "--list", "--format", "json").output)
    assert [d["name"] for d in data] == NAMES
    shown = cli("query", "inspections", "--show").output
    assert shown.startswith(":param person => null;\n:param from => null;\n")
    assert shown.rstrip().endswith("e.date_text AS date_text;")
    res = cli("query", "nope", ok=False)
    assert res.exit_code != 0 and "no named query 'nope'" in str(res.exception)
    res = cli("query", "person_timeline", ok=False)
    assert "needs --param person" in str(res.exception)
    res = cli("query", "inspections", "--param", "who=x", ok=False)
    assert "no parameter 'who'" in str(res.exception)


@pytest.mark.neo4j
def test_kb_query_example(cli):
    out = cli("query", "organization_timeline", "--example", "--format", "json").output
    assert [r["organization"] for r in json.loads(out)] == ["西山县人民医院"]


def test_docs_browser_md_is_up_to_date():
    from pathlib import Path
    doc = Path(__file__).resolve().parent.parent / "docs" / "browser.md"
    assert doc.read_text(encoding="utf-8") == queries.browser_doc(), \
        "regenerate: python -c \"from kb import queries; print(queries.browser_doc(), end='')\" > docs/browser.md"
