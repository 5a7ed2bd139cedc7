"""Issue date: option, manifest, file name, masthead, web stamp, inferred (never today)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kb.errors import InputError
from loaders.issue_date import (date_from_filename, date_from_masthead, date_from_web_stamp, infer_date,
                                outlet_from_text, read_manifest, resolve_issue)

EX = Path(__file__).parent.parent / "examples"


def test_manifest_format_of_the_sample():
    rows = read_manifest(EX / "zhuzhou-daily" / "manifest.csv")
    r = rows["001_5c287f6b8ba9909e.txt"]
    assert r.published == date(2020, 2, 1) and r.outlet == "株洲日报"
    web = read_manifest(EX / "web-articles" / "manifest.csv")
    assert (web["012.txt"].published, web["012.txt"].precision) == (date(2022, 5, 1), "month")   # the URL gives 2022-05


def test_manifest_minimal_and_bad(tmp_path):
    p = tmp_path / "m.csv"
    p.write_text("file,published\na.txt,2020-03-08\n", encoding="utf-8")
    assert read_manifest(p)["a.txt"].published == date(2020, 3, 8)
    p.write_text("name,date\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_manifest(p)
    p.write_text("file,published\na.txt,yesterday\n", encoding="utf-8")
    with pytest.raises(InputError) as ei:
        read_manifest(p)
    assert "line 2" in str(ei.value)


def test_filename():
    assert date_from_filename("zzrb_2020-03-08_A1.txt") == date(2020, 3, 8)
    assert date_from_filename("20200308.txt") == date(2020, 3, 8)
    assert date_from_filename("000_95343d556cead1f2.txt") is None


def test_masthead_spread_over_lines():
    text = "示例日报\n\n2020年2月\n\n1\n\n星期六\n\n庚子年正月初八\n"
    assert date_from_masthead(text) == date(2020, 2, 1)
    # a weekday that disagrees is not a masthead
    assert date_from_masthead("2020年2月\n1\n星期一\n") is None


def test_web_stamps():
    assert date_from_web_stamp("来源:示例 发布时间:2020-07-10 10:03") == date(2020, 7, 10)
    assert date_from_web_stamp("2019-12-23 23:05:05 来源:示例网") == date(2019, 12, 23)
    assert date_from_web_stamp("来源:县政府办2018-10-15") == date(2018, 10, 15)
    assert date_from_web_stamp("06.02.2015  17:21") == date(2015, 2, 6)


def test_inferred_day_after_latest_event():
    d, basis = infer_date("2020年3月6日，会议召开。3月7日，市长赴企业督导。")
    assert d == date(2020, 3, 8) and basis.startswith("inferred")
    d, _ = infer_date("今日，2021年5月4日，活动举行。")
    assert d == date(2021, 5, 4)
    d, basis = infer_date("5月5日上午，县长调研。")
    assert d is None and "no year" in basis


def test_a_year_only_when_the_text_writes_one():
    d, basis = infer_date("1月30日，县委书记调研，听取2017年工作完成情况及2018年工作计划汇报。")
    assert d is None and "no year" in basis
    d, _ = infer_date("1月30日，县委书记调研，听取2018年工作计划汇报。")
    assert d == date(2018, 1, 31)


def test_resolve_order(tmp_path):
    text = "示例日报\n\n2020年2月\n\n1\n\n星期六\n"
    man = {"p.txt": read_manifest_row("p.txt", date(2020, 1, 31))}
    assert resolve_issue("p.txt", text, published=date(2021, 1, 1)).basis == "option"
    assert resolve_issue("p.txt", text, manifest=man).published == date(2020, 1, 31)
    assert resolve_issue("2020-02-02.txt", text).basis == "filename"
    info = resolve_issue("p.txt", text)
    assert (info.published, info.inferred, info.basis) == (date(2020, 2, 1), False, "masthead")
    info = resolve_issue("q.txt", "没有日期的正文。")
    assert info.published is None and info.inferred is True


def read_manifest_row(name, d):
    from loaders.issue_date import ManifestRow
    return ManifestRow(file=name, published=d, outlet=None)


def test_outlet_from_dateline_and_masthead():
    assert outlet_from_text("示例日报记者 张三\n\n示例日报讯 正文。") == "示例日报"
    assert outlet_from_text("示例晚报\n\n正文。") == "示例晚报"
    info = resolve_issue("a.txt", "正文。", outlet="选项报")
    assert info.outlet == "选项报"


def test_sample_pages_without_manifest():
    from loaders.reading import read_source
    src = read_source(EX / "zhuzhou-daily" / "001_5c287f6b8ba9909e.txt")
    info = resolve_issue(src.name, src.text)
    assert info.published == date(2020, 2, 1) and info.basis == "masthead" and info.outlet == "株洲日报"
    src = read_source(EX / "zhuzhou-daily" / "000_95343d556cead1f2.txt")
    info = resolve_issue(src.name, src.text)
    assert info.inferred and info.published == date(2020, 3, 8)


def test_parse_date_spellings_and_refusals():
    from loaders.issue_date import parse_date

    assert parse_date("2020-03-08") == date(2020, 3, 8)
    assert parse_date("2020年3月8日") == date(2020, 3, 8)
    assert parse_date("8 March 2020") == date(2020, 3, 8)
    assert parse_date("March 8, 2020") == date(2020, 3, 8)
    for bad in ("26日", "日前", "yesterday", "2020年3月", ""):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_filename_date_with_a_page_suffix_and_an_empty_manifest_date(tmp_path):
    assert date_from_filename("2021-06-15_A2.txt") == date(2021, 6, 15)
    man = tmp_path / "m.csv"
    man.write_text("file,outlet,published\n2021-06-15_A2.txt,示例日报,\n", encoding="utf-8")
    info = resolve_issue("2021-06-15_A2.txt", "正文。", manifest=read_manifest(man))
    assert (info.published, info.basis, info.outlet) == (date(2021, 6, 15), "filename", "示例日报")
