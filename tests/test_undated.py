"""Visits whose year nothing gives are still facts: kept with date null, date_text and precision
year_unknown, listed after the dated ones; a partial issue date (2021-05) dates them (names invented)."""
from __future__ import annotations

import json

import pytest

ARTICLE = ("5月5日上午，县长石晓峰到青禾镇调研。县政府办公室及青禾镇相关负责人参加。\n"
           "石晓峰一行先后来到青禾镇南坡村、北岭村，详细了解人居环境整治情况。\n")
DATED = ("3月2日，县委书记柯云帆来到青禾镇东岸村调研乡村振兴工作。\n")


def _extract(text, **kw):
    from loaders.pipeline import extract_text

    return [e for ea in extract_text(text, "a.txt", layout="web", **kw) for e in ea.events if e.type == "inspection"]


def test_year_unknown_visit_is_kept():
    (ev,) = _extract(ARTICLE)
    assert (ev.lead, ev.date, ev.date_precision, ev.date_text) == ("石晓峰", None, "year_unknown", "5月5日上午")
    assert [s.name for s in ev.sites] == ["青禾镇南坡村", "北岭村"]


def test_partial_issue_dates_resolve_month_days():
    from datetime import date

    from loaders.issue_date import parse_issue_date

    assert parse_issue_date("2021-05") == (date(2021, 5, 1), "month")
    assert parse_issue_date("2020") == (date(2020, 1, 1), "year")
    assert parse_issue_date("2020-03-08") == (date(2020, 3, 8), "day")
    with pytest.raises(ValueError):
        parse_issue_date("2021-13")
    (ev,) = _extract(ARTICLE, issue_date=date(2021, 5, 1), published_precision="month")
    assert (ev.date, ev.date_precision) == (date(2021, 5, 5), "day")
    (ev,) = _extract(ARTICLE, issue_date=date(2021, 1, 1), published_precision="year")
    assert ev.date == date(2021, 5, 5)
    # a relative day needs the issue day: with only the month known, the visit is dated to the month
    (ev,) = _extract("今天上午，县长石晓峰到青禾镇南坡村调研。", issue_date=date(2021, 5, 1),
                     published_precision="month")
    assert (ev.date, ev.end_date, ev.date_precision) == (date(2021, 5, 1), date(2021, 5, 31), "month")


@pytest.mark.neo4j
def test_undated_visits_listed_after_dated_ones(driver, database, settings, monkeypatch, tmp_path):
    from click.testing import CliRunner
    from conftest import wipe
    from kb import graph as kbgraph
    from kb.cli import cli as kb_cli

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet,published\na.txt,青禾报,\nb.txt,青禾报,2021-03\n",
                                           encoding="utf-8")
    for k in ("URI", "USERNAME", "PASSWORD", "DATABASE"):
        monkeypatch.setenv(f"NEO4J_{k}", getattr(settings, k.lower() if k != "URI" else "uri"))
    wipe(driver, database)
    kbgraph.apply_schema(driver, database)
    runner = CliRunner()
    try:
        res = runner.invoke(kb_cli, ["load", str(tmp_path), "--manifest", str(tmp_path / "manifest.csv"),
                                     "--workers", "1"])
        assert res.exit_code == 0, res.output
        res = runner.invoke(kb_cli, ["timeline", "inspections", "--format", "json"])
        assert res.exit_code == 0, res.output
        rows = json.loads(res.output)
        assert [(r["person"], r["date"], r["date_precision"], r["date_text"]) for r in rows] == [
            ("柯云帆", "2021-03-02", "day", "3月2日"), ("石晓峰", None, "year_unknown", "5月5日上午")]
        table = runner.invoke(kb_cli, ["timeline", "inspections"]).output
        assert "5月5日上午 (year unknown)" in table
        ranged = json.loads(runner.invoke(kb_cli, ["timeline", "inspections", "--format", "json",
                                                   "--from", "2021"]).output)
        assert [r["person"] for r in ranged] == ["柯云帆"]      # a date range cannot hold an undated visit
        one = json.loads(runner.invoke(kb_cli, ["timeline", "inspections", "--format", "json",
                                                "--person", "石晓峰"]).output)
        assert [r["date_text"] for r in one] == ["5月5日上午"]
    finally:
        wipe(driver, database)
