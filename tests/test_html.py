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
        assert res.exit_code == 0, res.output
        person_page = (tmp_path / "w.html").read_text(encoding="utf-8")     # every event type: 2 visits, 1 meeting
        assert person_page.count('class="visit"') == 3
        assert re.findall(r'<li data-type="(\w+)">', person_page) == ["inspection", "meeting"]
        res = runner.invoke(kb_cli, ["timeline", "org", "江城市人民政府", "--type", "meeting", "--format", "html",
                                     "-o", str(tmp_path / "o.html")])
        assert res.exit_code == 0, res.output
        assert re.findall(r'<li data-type="(\w+)">', (tmp_path / "o.html").read_text(encoding="utf-8")) == ["meeting"]
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


# ------------------------------------------------------------------ every event type (person, place, org)

def entries():
    E = timeline.Entry
    return [
        E(date(2020, 3, 6), None, "inspection", "督导", None, role="lead", persons=["赵丽 (accompanying)"],
          sites=["花园社区", "江城商场"], places=["东湖区"], article_title="到东湖区督导", source="p1.txt",
          evidence="3月6日，到东湖区督导。"),
        E(date(2020, 3, 6), None, "meeting", "主持召开", "调度会 <b>x</b>", role="attendee",
          persons=["李明华 (chair)"], article_title="调研企业", source="p1.txt", evidence="3月6日，召开调度会。"),
        E(date(2020, 4, 1), date(2020, 4, 3), "appointment", "任命", "任命为市长", article_title="任免",
          source="p3.txt", evidence="4月1日至3日……"),
        E(date(2020, 4, 2), None, "inspection", "调研", None, places=["西山县"], article_title="赴西山县"),
        E(None, None, "statistic", "同比增长", None, article_title="经济数据"),        # undated: listed, not drawn
    ]


def test_events_page_draws_every_type_with_a_legend():
    page = html.events_page(entries(), "Timeline of 王建国", kind="person")
    assert re.findall(r'<li data-type="(\w+)">', page) == ["inspection", "meeting", "appointment", "statistic"]
    assert page.count('class="visit"') == 4 and page.count('class="visit-detail"') == 5
    assert "调度会 &lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page.split('id="kb-data"')[0]
    assert "5 events of 4 types, 2020-03-06 to 2020-04-03" in page
    # one lane per drawn type, each mark coloured as its type in the legend
    assert re.findall(r'<g class="lane" data-type="(\w+)"', page) == ["inspection", "meeting", "appointment"]
    for t, color in html.TYPE_COLORS.items():
        for mark in re.findall(rf'data-type="{t}" data-date.*?fill="(#\w+)"', page):
            assert mark == color


@pytest.mark.browser
def test_events_page_in_chromium(tmp_path):
    path = html.write(tmp_path / "e.html", html.events_page(entries(), "Timeline of 王建国", kind="person"))
    with chromium.browser(1200, 800) as d:
        d.get(path.as_uri())
        got = d.execute_script("""
            var legend = {};
            document.querySelectorAll('#legend li').forEach(function (li) {
              legend[li.dataset.type] = getComputedStyle(li.querySelector('.swatch')).backgroundColor; });
            return Array.from(document.querySelectorAll('#timeline .visit')).map(function (a) {
              var r = a.querySelector('.mark').getBoundingClientRect();
              var lane = document.querySelector('.lane[data-type="' + a.dataset.type + '"] .lane-head')
                                 .getBoundingClientRect();
              return {type: a.dataset.type, w: r.width, inLane: r.top >= lane.top && r.bottom <= lane.bottom,
                      fill: getComputedStyle(a.querySelector('.mark')).fill, legend: legend[a.dataset.type]};
            });""")
        assert [g["type"] for g in got] == ["inspection", "meeting", "appointment", "inspection"]
        for g in got:
            assert g["w"] > 0 and g["inLane"] and g["fill"] == g["legend"], g
        assert labels_apart(d) >= 3
        # the legend hides a type (its marks, labels and entries) and shows it again
        shown = lambda: d.execute_script("""return [
            Array.from(document.querySelectorAll('#timeline .visit')).filter(a => a.getBoundingClientRect().width > 0)
              .map(a => a.dataset.type),
            Array.from(document.querySelectorAll('details.visit-detail')).filter(e => e.offsetHeight > 0).length,
            Array.from(document.querySelectorAll('.visit-label')).filter(t => getComputedStyle(t).display !== 'none')
              .map(t => t.textContent)];""")
        before = shown()
        d.find_element("css selector", '#legend li[data-type="inspection"]').click()
        marks, n_entries, labels = shown()
        assert marks == ["meeting", "appointment"] and n_entries == 3 and "东湖区" not in labels
        d.find_element("css selector", '#legend li[data-type="inspection"]').click()
        assert shown() == before
        d.find_element("css selector", '#timeline .visit[data-visit="1"]').click()
        det = d.find_element("id", "visit-1")
        assert det.get_attribute("open") is not None and "召开调度会" in det.text and "李明华 (chair)" in det.text


# ------------------------------------------------------------------ zoom, and labels that never overlap

LABELS_JS = """
    return Array.from(document.querySelectorAll('#timeline .visit-label')).filter(function (t) {
      return getComputedStyle(t).display !== 'none'; }).map(function (t) {
      var r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, t.textContent]; });"""


def labels_apart(d) -> int:
    """Assert no two shown labels intersect; the number shown."""
    boxes = d.execute_script(LABELS_JS)
    for k, a in enumerate(boxes):
        assert a[2] > a[0] and a[3] > a[1], a
        for b in boxes[k + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    return len(boxes)


def crowded():
    """Three officials, 90 visits in 45 days: labels far more than the room at the fitted scale."""
    V = timeline.Inspection
    out = []
    for k in range(90):
        who = "甲乙丙"[k % 3]
        day = date(2021, 5, 1 + (k // 3) % 30) if k < 60 else date(2021, 6, 1 + k % 15)
        out.append(V(who, ["市长"], day, None, "day", [f"第{k}号企业"], [f"第{k % 7}区新城街道"], [],
                     f"文章{k}", "p.txt", "证据。"))
    return out


def _mark_x(d, n):
    return d.execute_script(f"return document.querySelector('.visit[data-visit=\"{n}\"] .mark')"
                            ".getBoundingClientRect().left;")


@pytest.mark.browser
def test_labels_never_overlap_and_the_chart_zooms(tmp_path):
    items = crowded()
    path = html.write(tmp_path / "crowded.html", html.inspections_page(items))
    with chromium.browser(1200, 900) as d:
        d.get(path.as_uri())
        shown = labels_apart(d)
        assert 3 <= shown < len(items)                 # some labels, not all: the rest would overlap
        scale = lambda: float(d.execute_script("return document.getElementById('timeline').dataset.scale;"))
        s0, gap0 = scale(), _mark_x(d, 3) - _mark_x(d, 0)          # same official, one day apart
        d.find_element("id", "zoom-in").click()
        assert scale() > s0 * 1.5 and _mark_x(d, 3) - _mark_x(d, 0) > gap0 * 1.5
        more = labels_apart(d)
        assert more > shown
        # the wheel over the chart zooms in (deltaY < 0) and keeps every label apart
        d.execute_script("""var svg = document.getElementById('timeline'), r = svg.getBoundingClientRect();
            svg.dispatchEvent(new WheelEvent('wheel', {deltaY: -400, clientX: r.left + 400, clientY: r.top + 80,
                                                       bubbles: true, cancelable: true}));""")
        s2 = scale()
        assert s2 > s0 * 2.5
        assert labels_apart(d) >= more
        ticks = d.execute_script("return Array.from(document.querySelectorAll('#axis text')).map(t => t.textContent)")
        assert ticks and all(re.fullmatch(r"(\d{4}-)?\d{2}-\d{2}", t) for t in ticks)     # day ticks
        # scrolled sideways, the officials' names stay at the left edge of the chart
        left = d.execute_script("""var c = document.getElementById('chart'); c.scrollLeft = 600;
            return new Promise(function (r) { requestAnimationFrame(function () { setTimeout(function () {
              r([c.scrollLeft, c.getBoundingClientRect().left,
                 document.querySelector('.lane .lane-label').getBoundingClientRect().left]); }, 50); }); });""")
        assert left[0] > 0 and abs(left[2] - left[1] - 12) < 4, left
        chromium.screenshot(d, "timeline-zoomed.png")
        d.find_element("id", "zoom-out").click()
        assert scale() < s2
        d.find_element("id", "zoom-fit").click()
        assert scale() == pytest.approx(s0) and labels_apart(d) == shown
        chromium.screenshot(d, "timeline-crowded.png")
