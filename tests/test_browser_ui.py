"""The Neo4j Browser served by the local server, driven in headless Chromium: it loads with the
connection that `kb browser` prefills, logs in, runs a named query (its :param defaults first, then
the statement) and shows the result. Also draws the HTML timeline of the sample pages. Screenshots go
to out/screenshots/ (with KB_UPDATE_DOCS=1 also into docs/, the README's pictures)."""
from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

import chromium
from kb import queries

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "examples" / "zhuzhou-daily"

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]


@pytest.fixture(scope="module")
def sample_graph(driver, database, settings):
    """The sample pages, loaded with `kb load` (through the CLI)."""
    from click.testing import CliRunner
    from conftest import wipe
    from kb import graph
    from kb.cli import cli as kb_cli

    wipe(driver, database)
    graph.apply_schema(driver, database)
    env = {"NEO4J_URI": settings.uri, "NEO4J_USERNAME": settings.username, "NEO4J_PASSWORD": settings.password,
           "NEO4J_DATABASE": settings.database}
    res = CliRunner(env=env).invoke(kb_cli, ["load", str(PAGES), "--manifest", str(PAGES / "manifest.csv"),
                                             "--workers", "1"])
    assert res.exit_code == 0, res.output
    yield driver, database
    wipe(driver, database)


def _local_server(settings):
    if "NEO4J_URI" in os.environ:
        pytest.skip("the Browser test drives the local server kb runs (NEO4J_URI points elsewhere)")
    from kb import server
    st = server.status()
    if not st.running:
        pytest.skip("the local server is not running")
    return server


def _click(d, css: str) -> None:
    """Click once the element takes the click: the SPA may still lay a frame or a toast over it."""
    from selenium.webdriver.common.by import By
    _wait(d, lambda: d.find_element(By.CSS_SELECTOR, css).click() is None, timeout=30, what=f"a click on {css}")


def _login(d, pw, password: str) -> None:
    """Type the password and connect; click Connect again when the form is still there after a while
    (on a loaded machine the first click can land before the SPA has wired the button)."""
    from selenium.webdriver.common.by import By
    pw.send_keys(password)
    stream = lambda: d.find_element(By.CSS_SELECTOR, "[data-testid=stream]").text  # noqa: E731
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            d.find_element(By.CSS_SELECTOR, "button[data-testid=connect]").click()
        except Exception:  # noqa: BLE001 — gone (logged in) or covered for a moment
            pass
        t1 = time.monotonic()
        while time.monotonic() - t1 < 15:
            try:
                if "connected as user" in stream() or "Getting started" in stream():
                    return
            except Exception:  # noqa: BLE001 — the SPA re-renders under us
                pass
            time.sleep(0.3)
    chromium.screenshot(d, "browser-failure.png")
    raise AssertionError("timed out waiting for login (see out/screenshots/browser-failure.png)")


def _wait(d, cond, timeout=60, what="condition"):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        try:
            v = cond()
            if v:
                return v
        except Exception:  # noqa: BLE001 — the SPA re-renders under us
            pass
        time.sleep(0.3)
    chromium.screenshot(d, "browser-failure.png")
    raise AssertionError(f"timed out waiting for {what} (see out/screenshots/browser-failure.png)")


def test_kb_browser_prints_the_prefilled_url(settings, monkeypatch):
    from click.testing import CliRunner
    from kb import config
    from kb.cli import cli as kb_cli

    for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_DATABASE"):
        monkeypatch.delenv(k, raising=False)
    bolt, http = config.local_ports()
    res = CliRunner().invoke(kb_cli, ["browser"])
    assert res.exit_code == 0
    assert res.output.splitlines()[0] == (f"http://127.0.0.1:{http}/browser/?dbms=neo4j://neo4j@127.0.0.1:{bolt}"
                                          "&db=neo4j")
    res = CliRunner().invoke(kb_cli, ["browser", "--query", "posts_held"])
    assert "&cmd=edit&arg=%3Aparam%20person%20%3D%3E%20null%3B" in res.output
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://db.example:7687")
    monkeypatch.setenv("NEO4J_BROWSER_URL", "https://db.example/browser/")
    res = CliRunner().invoke(kb_cli, ["browser"])
    assert res.output.splitlines()[0] == "https://db.example/browser/?dbms=neo4j+s://neo4j@db.example:7687&db=neo4j"


def test_neo4j_browser_logs_in_and_runs_a_named_query(sample_graph, settings):
    from selenium.webdriver.common.by import By
    from kb.commands.browser import browser_url

    server = _local_server(settings)
    driver, database = sample_graph
    q = queries.get("inspections")
    expected = queries.run(driver, database, q)
    assert expected, "the sample pages give inspection visits"
    params = "{" + ", ".join(f"{p.name}: {p.expression}" for p in q.params) + "}"
    with chromium.browser(1400, 900) as d:
        # 1. the Browser loads with the connection filled in (kb browser's URL) and the :param lines
        d.get(browser_url(":params " + params))
        pw = _wait(d, lambda: d.find_element(By.CSS_SELECTOR, "input[data-testid=password]"), what="login form")
        bolt = d.find_element(By.CSS_SELECTOR, "input[data-testid=boltaddress]").get_attribute("value")
        assert bolt.endswith(f":{settings.uri.rsplit(':', 1)[1]}")
        assert d.find_element(By.CSS_SELECTOR, "input[data-testid=username]").get_attribute("value") == "neo4j"
        # 2. log in
        _login(d, pw, server.password())
        for b in d.find_elements(By.CSS_SELECTOR, "button[aria-label=Close], [data-testid=closeButton]"):
            try:
                b.click()
            except Exception:  # noqa: BLE001
                pass
        # 3. the parameters: the editor holds `:params {…}` from the URL
        time.sleep(1)
        _click(d, "button[data-testid=editor-Run]")
        _wait(d, lambda: '"limit"' in d.find_elements(By.CSS_SELECTOR, "article[data-testid=frame]")[0].text,
              what=":params frame")
        # 4. the named query's statement, as one line (the editor indents typed newlines)
        _click(d, "[data-testid=activeEditor]")
        d.execute_cdp_cmd("Input.insertText", {"text": re.sub(r"\s+", " ", q.body)})
        _click(d, "button[data-testid=editor-Run]")
        frame = lambda: d.find_elements(By.CSS_SELECTOR, "article[data-testid=frame]")[0]  # noqa: E731
        _wait(d, lambda: f"Started streaming {len(expected)} record" in frame().text, what="the query's result")
        text = frame().text
        assert "ERROR" not in text
        for row in expected:
            assert row["person"] in text and row["sites"][0] in text
        # the result is a table: its column headers are the query's columns
        headers = [h.text for h in frame().find_elements(By.CSS_SELECTOR, "th") if h.text.strip()]
        assert headers[:4] == ["person", "titles", "date", "end_date"]
        time.sleep(0.5)
        shot = chromium.screenshot(d, "neo4j-browser-inspections.png")
    if os.environ.get("KB_UPDATE_DOCS"):  # refresh the README's picture only when asked
        shutil.copyfile(shot, REPO / "docs" / "neo4j-browser-inspections.png")


def test_html_timeline_of_the_sample_pages(sample_graph, tmp_path):
    from kb import html, timeline

    driver, database = sample_graph
    items = timeline.inspections(driver, database)
    page = tmp_path / "sample.html"
    html.write(page, html.inspections_page(items, "Inspection visits — 株洲日报 sample pages"))
    with chromium.browser(1300, 640) as d:
        d.get(page.as_uri())
        n = d.execute_script("return Array.from(document.querySelectorAll('#timeline .visit'))"
                             ".filter(a => a.getBoundingClientRect().width > 0).length")
        assert n == len(items) > 0
        shot = chromium.screenshot(d, "timeline-sample-pages.png")
    if os.environ.get("KB_UPDATE_DOCS"):
        shutil.copyfile(shot, REPO / "docs" / "timeline-sample-pages.png")
    # the person with the most kinds of events: every type drawn, one per lane, with a legend
    rows, _, _ = driver.execute_query(
        "MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event) RETURN p.name AS name, count(DISTINCT e.type) AS k, "
        "count(e) AS n ORDER BY k DESC, n DESC, name LIMIT 1", database_=database, routing_="r")
    who = rows[0]["name"]
    entries = timeline.person_timeline(driver, database, who)
    page = html.write(tmp_path / "person.html", html.events_page(entries, f"Timeline of {who}"))
    with chromium.browser(1300, 560) as d:
        d.get(page.as_uri())
        got = d.execute_script("return [document.querySelectorAll('#timeline .visit').length, "
                               "Array.from(document.querySelectorAll('#legend li')).map(li => li.dataset.type)]")
        assert got == [sum(1 for e in entries if e.date), sorted({e.type for e in entries}, key=html.TYPE_ORDER.index)]
        shot = chromium.screenshot(d, "timeline-person-sample-pages.png")
    if os.environ.get("KB_UPDATE_DOCS"):
        shutil.copyfile(shot, REPO / "docs" / "timeline-person-sample-pages.png")
