"""Issue 13 point 8 in the real Neo4j Browser (headless Chromium): `:play` of the guide that
`kb browser --guide` serves on localhost shows its slides, and `kb browser --style` is accepted."""
from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

import chromium
from conftest import REPO
from test_browser_ui import _click, _local_server, _login, _wait

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]


def _run(d, text):
    _click(d, "[data-testid=activeEditor]")
    d.execute_cdp_cmd("Input.insertText", {"text": text})
    _click(d, "button[data-testid=editor-Run]")


def test_guide_plays_in_the_neo4j_browser(settings):
    from selenium.webdriver.common.by import By
    from kb.commands.browser import browser_url
    from kb.browser_style import style_command

    server = _local_server(settings)
    p = subprocess.Popen([sys.executable, "-m", "kb.cli", "browser", "--guide"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        play = p.stdout.readline().strip()
        assert re.fullmatch(r":play http://localhost:\d+/kb-guide\.html", play), play
        with chromium.browser(1400, 900) as d:
            d.get(browser_url())
            pw = _wait(d, lambda: d.find_element(By.CSS_SELECTOR, "input[data-testid=password]"), what="login form")
            _login(d, pw, server.password())
            time.sleep(1)
            _run(d, play)
            page = lambda: d.find_element(By.TAG_NAME, "body").text  # noqa: E731
            _wait(d, lambda: "kb: the named queries" in page(), timeout=60, what="the guide's first slide")
            assert "accompanied" in page() and "inspections" in page()
            chromium.screenshot(d, "neo4j-browser-guide.png")
            _run(d, style_command())
            _wait(d, lambda: "node.Event" in page() or "{type} {date}" in page(), timeout=30, what=":style frame")
            chromium.screenshot(d, "neo4j-browser-style.png")
    finally:
        p.terminate()
        p.wait(timeout=10)
