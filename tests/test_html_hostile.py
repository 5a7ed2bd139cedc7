"""Page text is hostile input for the HTML timeline: markup, script terminators, the placeholder names
the old text-substitution template used, template syntax and ``javascript:`` URLs come out as text, and
in headless Chromium none of it runs while the page's own script still does."""
from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest

import chromium
from kb import html, timeline

# each payload sets a flag on window when it runs
PAYLOADS = [
    "<img src=x onerror=window.__kb_pwned=10>",           # no quotes: survives JSON string escaping
    '<img src=x onerror="window.__kb_pwned=(window.__kb_pwned||[]).concat(1)">',
    '</script><script>window.__kb_pwned=(window.__kb_pwned||[]).concat(2)</script>',
    '"><svg onload="window.__kb_pwned=(window.__kb_pwned||[]).concat(3)">',
    '<a href="javascript:window.__kb_pwned=(window.__kb_pwned||[]).concat(4)" id="kb-js-link">点此</a>',
    "javascript:window.__kb_pwned=(window.__kb_pwned||[]).concat(5)",
    "__TITLE__ __SUMMARY__ __SVG__ __LIST__ __DATA__",
    "{{ script }}{% raw %}{{ 7*7 }}",
    "<!-- <script>window.__kb_pwned=6</script>",
    "行\u2028分\u2029隔 & <b>粗</b>",
]


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.seen: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))


def hostile_visits():
    V = timeline.Inspection
    out = []
    for k, p in enumerate(PAYLOADS):
        out.append(V(f"甲{p}", [f"市长{p}"], date(2020, 1, 1 + k), None, "day", [f"站{p}", "B出口"],
                     [f"某县{p}"], [f"丙{p}"], f"标题{p}", f"p{k}{p}.txt", f"证据{p}。", trigger=f"检查{p}"))
    return out


def render():
    items = hostile_visits()
    return items, html.inspections_page(items, f"视察 {PAYLOADS[1]}", subtitle=PAYLOADS[0])


def test_hostile_text_is_text_in_the_markup():
    items, page = render()
    body = page.split('id="kb-data">', 1)
    data_block = body[1].split("</script>", 1)[0]
    # the data block: no tag can end it, no line separator breaks it; it parses back to the input
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    assert "\u2028" not in data_block and "\u2029" not in data_block
    data = json.loads(data_block)
    assert [d["evidence"] for d in data] == [i.evidence for i in items]
    assert [d["person"] for d in data] == [i.person for i in items]
    # the markup as a browser parses it: only kb's own tags, no handler attribute, no javascript: link
    tags = Tags()
    tags.feed(page)
    assert not {"img", "svg onload", "iframe"} & {t for t, _ in tags.seen}
    assert [t for t, _ in tags.seen].count("svg") == 1            # kb's timeline only
    assert [t for t, _ in tags.seen].count("script") == 2         # the data block and kb's own script
    assert not [(t, a) for t, attrs in tags.seen for a, _v in attrs if a.startswith("on")]
    assert not [v for _t, attrs in tags.seen for a, v in attrs if a == "href" and not (v or "").startswith("#")]
    outside = body[0] + body[1].split("</script>", 1)[1]
    # template syntax and the old placeholder names stay text (one rendering pass)
    assert "__DATA__" in outside and "{{ 7*7 }}" in outside and "{{ script }}" in outside
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "'sha256-" in csp and "unsafe-inline" not in csp.split("style-src")[0]


@pytest.mark.browser
def test_nothing_hostile_runs_in_chromium(tmp_path):
    items, page = render()
    path = html.write(tmp_path / "hostile.html", page)
    with chromium.browser(1200, 900) as d:
        d.get(path.as_uri())
        d.implicitly_wait(0)
        # let any image error, svg load or timer fire
        d.execute_script("return new Promise(function (r) { setTimeout(r, 800); });")
        assert d.execute_script("return window.__kb_pwned === undefined ? null : window.__kb_pwned;") is None
        counts = d.execute_script("""return {img: document.images.length,
            scripts: document.scripts.length,
            handlers: Array.from(document.querySelectorAll('*')).filter(function (el) {
                return Array.from(el.attributes).some(function (a) { return /^on/i.test(a.name); }); }).length,
            jslinks: Array.from(document.querySelectorAll('[href]')).filter(function (el) {
                return /^\\s*javascript:/i.test(el.getAttribute('href')); }).length,
            visits: document.querySelectorAll('#timeline .visit').length};""")
        assert counts == {"img": 0, "scripts": 2, "handlers": 0, "jslinks": 0, "visits": len(items)}, counts
        # the hostile strings are shown as text, whole
        text = d.execute_script("return document.body.innerText;")
        assert "点此</a>" in text and "__DATA__" in text and "<img src=x onerror=" in text
        # the page's own script runs under the CSP: clicking a mark opens its entry
        d.execute_script("document.querySelector('#timeline .visit[data-visit=\"3\"]')"
                         ".dispatchEvent(new MouseEvent('click', {bubbles: true}));")
        assert d.execute_script("return document.getElementById('visit-3').open;") is True
        d.execute_script("document.getElementById('filter').value = '点此';"
                         "document.getElementById('filter').dispatchEvent(new Event('input'));")
        shown = d.execute_script("return Array.from(document.querySelectorAll('details.visit-detail'))"
                                 ".filter(function (e) { return e.style.display !== 'none'; }).length;")
        assert shown == 1
        assert d.execute_script("return window.__kb_pwned === undefined ? null : window.__kb_pwned;") is None


@pytest.mark.browser
def test_the_csp_stops_an_inline_handler_that_escaping_missed(tmp_path):
    """Defence in depth: markup injected raw into the page (an escaping bug) still does not run."""
    _items, page = render()
    raw = ('<img src=x onerror="window.__kb_pwned=7">'
           '<a id="kb-raw-js" href="javascript:window.__kb_pwned=8">x</a>'
           '<script>window.__kb_pwned=9</script>')
    path = html.write(tmp_path / "injected.html", page.replace("<body>", "<body>" + raw, 1))
    with chromium.browser(1000, 700) as d:
        d.get(path.as_uri())
        d.find_element("id", "kb-raw-js").click()
        d.execute_script("return new Promise(function (r) { setTimeout(r, 800); });")
        assert d.execute_script("return document.images.length;") == 1       # the injected image is there
        assert d.execute_script("return window.__kb_pwned === undefined ? null : window.__kb_pwned;") is None


# ------------------------------------------------------------------ a person's / place's timeline (every event type)

def hostile_entries():
    E = timeline.Entry
    return [E(date(2020, 1, 1 + k), None, ["inspection", "meeting", f"type{p}"][k % 3], f"检查{p}", f"会议{p}",
              role=f"lead{p}", persons=[f"丙{p}"], sites=[f"站{p}"], places=[f"某县{p}"], via=[f"经{p}"],
              article_title=f"标题{p}", source=f"p{k}{p}.txt", evidence=f"证据{p}。")
            for k, p in enumerate(PAYLOADS)]


def render_events():
    items = hostile_entries()
    return items, html.events_page(items, f"时间线 {PAYLOADS[1]}", subtitle=PAYLOADS[0], kind="place")


def test_hostile_text_is_text_in_the_events_page():
    items, page = render_events()
    data_block = page.split('id="kb-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    assert [d["evidence"] for d in json.loads(data_block)] == [i.evidence for i in items]
    tags = Tags()
    tags.feed(page)
    seen = [t for t, _ in tags.seen]
    assert "img" not in seen and "iframe" not in seen and seen.count("svg") == 1 and seen.count("script") == 2
    assert not [(t, a) for t, attrs in tags.seen for a, _v in attrs if a.startswith("on")]
    assert not [v for _t, attrs in tags.seen for a, v in attrs if a == "href" and not (v or "").startswith("#")]
    # the legend names every type, hostile ones as text
    assert len(re.findall(r'<li data-type="', page)) == 2 + len({f"type{p}" for p in PAYLOADS[2::3]})


@pytest.mark.browser
def test_nothing_hostile_runs_in_the_events_page(tmp_path):
    items, page = render_events()
    path = html.write(tmp_path / "hostile-events.html", page)
    with chromium.browser(1200, 900) as d:
        d.get(path.as_uri())
        d.execute_script("return new Promise(function (r) { setTimeout(r, 800); });")
        assert d.execute_script("return window.__kb_pwned === undefined ? null : window.__kb_pwned;") is None
        counts = d.execute_script("""return {img: document.images.length, scripts: document.scripts.length,
            visits: document.querySelectorAll('#timeline .visit').length,
            legend: document.querySelectorAll('#legend li').length};""")
        assert counts == {"img": 0, "scripts": 2, "visits": len(items), "legend": len({i.type for i in items})}, counts
        assert "<img src=x onerror=" in d.execute_script("return document.body.innerText;")
        d.find_element("id", "zoom-in").click()                     # the page's own script runs
        d.execute_script("document.querySelector('#timeline .visit[data-visit=\"3\"]')"
                         ".dispatchEvent(new MouseEvent('click', {bubbles: true}));")
        assert d.execute_script("return document.getElementById('visit-3').open;") is True
        assert d.execute_script("return window.__kb_pwned === undefined ? null : window.__kb_pwned;") is None
