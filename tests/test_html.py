"""The HTML timeline: self-contained (no network), and in headless Chromium every visit is drawn as a
mark in its official's lane, linked to its article title and evidence sentence."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest

import chromium
import timeline_graph
from kb import html, timeline


def visits():
    V = timeline.Inspection
    return [
        V("甲", ["市长"], date(2020, 1, 31), None, "day", ["A站", "B出口"], [], ["丙"], "甲检查卡点", "p2.txt", "1月31日，甲检查A站。"),
        V("乙", [], date(2020, 2, 3), date(2020, 2, 4), "day", ["C医院"], ["西山县"], [], "乙赴西山县", "p2.txt", "2月3日至4日……"),
        V("甲", ["市长"], date(2020, 2, 3), None, "day", ["D公司"], [], [], "甲调研 <b>企业</b>", "p1.txt", "x</script>y"),
        V("甲", ["市长"], date(2020, 2, 3), None, "day", ["E公司"], [], [], "同一天第二次", "p1.txt", None),
    ]


def test_page_is_self_contained_and_escaped():
    page = html.inspections_page(visits(), "Inspection visits")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    # nothing fetched: no external scripts, styles, fonts or images
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', page)
    assert "@import" not in page and "url(" not in page
    assert "甲调研 &lt;b&gt;企业&lt;/b&gt;" in page and "<b>企业</b>" not in page.split('id="kb-data"')[0]
    data = json.loads(re.search(r'<script type="application/json" id="kb-data">(.*?)</script>', page, re.S).group(1))
    assert len(data) == 4 and data[2]["evidence"] == "x</script>y"
    assert page.count('class="visit"') == 4 and page.count('class="visit-detail"') == 4
    assert "4 visits by 2 officials, 2020-01-31 to 2020-02-04" in page


def test_empty_page():
    page = html.inspections_page([], "Inspection visits")
    assert "no inspection visits" in page and 'class="visit"' not in page


def _check_drawn(d, n: int) -> list[dict]:
    marks = d.execute_script("""
        return Array.from(document.querySelectorAll('#timeline .visit')).map(function (a) {
          var r = a.getBoundingClientRect();
          var lane = document.querySelector('.lane[data-person="' + a.getAttribute('data-person') + '"]');
          var lr = lane.getBoundingClientRect();
          return {visit: a.getAttribute('data-visit'), person: a.getAttribute('data-person'),
                  date: a.getAttribute('data-date'), w: r.width, h: r.height, top: r.top, bottom: r.bottom,
                  lane_top: lr.top, href: a.getAttribute('href')};
        });""")
    assert len(marks) == n
    for m in marks:
        assert m["w"] > 0 and m["h"] > 0, m                       # drawn
        assert m["href"] == f"#visit-{m['visit']}"
        assert d.find_element("id", f"visit-{m['visit']}")       # linked entry exists
    return marks


@pytest.mark.browser
def test_every_visit_is_drawn_in_chromium(tmp_path):
    items = visits()
    path = html.write(tmp_path / "t.html", html.inspections_page(items))
    with chromium.browser(1200, 800) as d:
        d.get(path.as_uri())
        marks = _check_drawn(d, len(items))
        # same official, same day: stacked, not on top of each other
        same = [m for m in marks if m["person"] == "甲" and m["date"] == "2020-02-03"]
        assert len(same) == 2 and abs(same[0]["top"] - same[1]["top"]) >= 10
        # clicking a mark opens its entry: article title and evidence sentence
        d.find_element("css selector", '#timeline .visit[data-visit="1"]').click()
        det = d.find_element("id", "visit-1")
        assert det.get_attribute("open") is not None
        assert "乙赴西山县" in det.text and "2月3日至4日" in det.text


@pytest.mark.neo4j
@pytest.mark.browser
def test_cli_html_timeline_in_chromium(driver, database, settings, monkeypatch, tmp_path):
    """`kb timeline inspections --format html` on a graph written by the graph writer."""
    from click.testing import CliRunner
    from conftest import wipe
    from kb import graph
    from kb.cli import cli as kb_cli

    chromium.ensure()
    for k in ("uri", "username", "password", "database"):
        monkeypatch.setenv(f"NEO4J_{k.upper()}", getattr(settings, k))
    wipe(driver, database)
    graph.apply_schema(driver, database)
    timeline_graph.load(driver, database)
    try:
        runner = CliRunner()
        out = tmp_path / "inspections.html"
        res = runner.invoke(kb_cli, ["timeline", "inspections", "--format", "html", "-o", str(out)])
        assert res.exit_code == 0, res.output
        expected = json.loads(runner.invoke(kb_cli, ["timeline", "inspections", "--format", "json"]).output)
        res = runner.invoke(kb_cli, ["timeline", "person", "王建国", "--format", "html", "-o", str(tmp_path / "w.html")])
        assert res.exit_code == 0 and (tmp_path / "w.html").read_text(encoding="utf-8").count('class="visit"') == 2
    finally:
        wipe(driver, database)
    with chromium.browser(1300, 760) as d:
        d.get(out.as_uri())
        marks = _check_drawn(d, len(expected))
        assert [(m["person"], m["date"]) for m in marks] == [(v["person"], v["date"]) for v in expected]
        lanes = d.execute_script("return Array.from(document.querySelectorAll('.lane')).map(l => l.dataset.person)")
        assert lanes == ["李明华", "王建国"]                         # one lane per official
        for m in marks:                                             # each mark sits in its official's lane
            assert m["lane_top"] <= m["top"]
        for n, v in enumerate(expected):
            det = d.find_element("id", f"visit-{n}")
            d.execute_script("arguments[0].open = true", det)
            assert v["article_title"] in det.text and v["evidence"] in det.text
        chromium.screenshot(d, "timeline-handbuilt.png")
