"""`kb extract` through click's CliRunner: exact output, schema, bad inputs."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from kb.cli import cli
from loaders.reading import MAX_LINE_CHARS

REPO = Path(__file__).parent.parent
SCHEMA = json.loads((REPO / "schema" / "extract.schema.json").read_text(encoding="utf-8"))

PAGE = "县委召开防汛会议\n\n示例日报记者 张三\n\n示例日报讯 3月1日，县委召开会议。\n"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def page(tmp_path):
    p = tmp_path / "2020-03-02_A1.txt"
    p.write_text(PAGE, encoding="utf-8")
    return p


def test_jsonl_exact(page):
    r = run("extract", str(page))
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    body = PAGE.index("3月1日")
    name = PAGE.index("张三")
    expected_article = {
        "source": "2020-03-02_A1.txt",
        "offsets": {"start": 0, "end": len(PAGE) - 1},
        "published": "2020-03-02",
        "published_inferred": False,
        "published_basis": "filename",
        "outlet": "示例日报",
        "kind": "news",
        "kicker": None,
        "title": "县委召开防汛会议",
        "subtitle": None,
        "reporters": ["张三"],
        "correspondents": [],
        "authors": [],
        "bylines": [{"name": "张三", "title": "示例日报记者", "role": "reporter", "start": name, "end": name + 2}],
        "dateline": "示例日报讯",
        "reprint_source": None,
        "jumps": [],
        "text": "3月1日，县委召开会议。",
        "paragraphs": [{"text": "3月1日，县委召开会议。", "start": body, "end": len(PAGE) - 1}],
        "captions": [],
        "tables": [],
    }
    got_article = {k: rec[k] for k in expected_article}
    assert got_article == expected_article
    for k in ("persons", "organizations", "places", "events"):
        assert isinstance(rec[k], list)
    assert "张三" in lines[0]   # UTF-8, not escaped
    jsonschema.validate(rec, SCHEMA)


def test_json_and_table_formats(page):
    r = run("extract", str(page), "--format", "json")
    data = json.loads(r.stdout)
    assert isinstance(data, list) and data[0]["title"] == "县委召开防汛会议"
    r = run("extract", str(page), "--format", "table")
    assert r.stdout.splitlines() == [
        "source             offsets  published   kind  title             reporters  chars",
        "-----------------  -------  ----------  ----  ----------------  ---------  -----",
        "2020-03-02_A1.txt  0-39     2020-03-02  news  县委召开防汛会议  张三       12",
    ]


def test_published_and_outlet_options(page):
    rec = json.loads(run("extract", str(page), "--published", "2021-01-02").stdout)
    assert rec["published"] == "2021-01-02" and rec["published_basis"] == "option"
    r = run("extract", str(page), "--published", "yesterday")
    assert r.exit_code != 0


def test_manifest(tmp_path, page):
    m = tmp_path / "manifest.csv"
    m.write_text(f"file,outlet,published,basis\n{page.name},某某报,2020-03-08,masthead\n", encoding="utf-8")
    rec = json.loads(run("extract", str(page), "--manifest", str(m)).stdout)
    assert (rec["published"], rec["outlet"], rec["published_basis"]) == ("2020-03-08", "某某报", "manifest")


def _bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "undecodable.txt").write_bytes(b"\xff\xfe\xfa\xfb" * 40 + b"\x81")
    (tmp_path / "huge.txt").write_bytes(b"x" * MAX_LINE_CHARS)
    (tmp_path / "noarticle.txt").write_text("1\n\n2\n\nABC\n", encoding="utf-8")
    return {"empty.txt": "empty", "binary.txt": "binary", "undecodable.txt": "undecodable",
            "huge.txt": "single line", "noarticle.txt": "no recognisable article"}


def test_bad_inputs_one_line_each_others_still_processed(tmp_path, page):
    bad = tmp_path / "bad"
    bad.mkdir()
    problems = _bad_files(bad)
    missing = tmp_path / "missing.txt"
    r = run("extract", str(bad), str(missing), str(page))
    assert r.exit_code != 0
    # the good page is still extracted
    assert [json.loads(x)["title"] for x in r.stdout.splitlines()] == ["县委召开防汛会议"]
    err = r.stderr.splitlines()
    assert len(err) == len(problems) + 1
    for name, problem in problems.items():
        line = next(x for x in err if name in x)
        assert line.startswith("kb: error: ") and problem in line
    assert any(str(missing) in x and "no such file" in x for x in err)


@pytest.mark.parametrize("name,problem", [
    ("empty.txt", "empty"), ("binary.txt", "binary"), ("undecodable.txt", "undecodable"),
    ("huge.txt", "single line"), ("noarticle.txt", "no recognisable article")])
def test_each_bad_input_exit_code(tmp_path, page, name, problem):
    _bad_files(tmp_path)
    r = run("extract", str(tmp_path / name), str(page))
    assert r.exit_code == 1
    assert r.stderr.strip().count("\n") == 0
    assert r.stderr.startswith(f"kb: error: {tmp_path / name}: ") and problem in r.stderr
    assert json.loads(r.stdout)["title"] == "县委召开防汛会议"


def test_missing_path(tmp_path):
    r = run("extract", str(tmp_path / "nope.txt"))
    assert r.exit_code == 1 and "no such file" in r.stderr and r.stdout == ""


def test_schema_on_every_sample(tmp_path):
    r = run("extract", str(REPO / "examples"))
    assert r.exit_code == 0, r.stderr
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(recs) >= 26 + 12
    for rec in recs:
        jsonschema.validate(rec, SCHEMA)
