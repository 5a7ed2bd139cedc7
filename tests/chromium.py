"""Headless Chromium (Debian's `chromium` + `chromium-driver`) driven with Selenium, for the tests
marked ``browser``. Installs the packages with scripts/install-chromium.sh when they are missing;
skips the test (with the reason) only when they cannot be installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "out" / "screenshots"

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--lang=zh-CN"]


def _find() -> tuple[str | None, str | None]:
    return (shutil.which("chromium") or shutil.which("chromium-browser"),
            shutil.which("chromedriver") or (Path("/usr/lib/chromium/chromedriver").exists()
                                             and "/usr/lib/chromium/chromedriver") or None)


def ensure() -> tuple[str, str]:
    """(chromium, chromedriver) paths; installs them once if missing, else skips the test."""
    pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")
    chrome, drv = _find()
    if not (chrome and drv):
        try:
            proc = subprocess.run(["bash", str(REPO / "scripts" / "install-chromium.sh")],
                                  capture_output=True, text=True, timeout=900)
            note = (proc.stderr or proc.stdout).strip().splitlines()[-1:] if proc.returncode else []
        except (OSError, subprocess.TimeoutExpired) as e:
            note = [str(e)]
        chrome, drv = _find()
        if not (chrome and drv):
            pytest.skip(f"chromium/chromedriver missing and cannot be installed: {' '.join(note) or 'apt failed'}")
    return chrome, drv


@contextmanager
def browser(width: int = 1400, height: int = 1000):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chrome, drv = ensure()
    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    profile = tempfile.mkdtemp(prefix="kb-chromium-")
    for flag in FLAGS + [f"--user-data-dir={profile}", f"--window-size={width},{height}"]:
        opts.add_argument(flag)
    d = webdriver.Chrome(service=Service(drv), options=opts)
    d.set_page_load_timeout(60)
    try:
        yield d
    finally:
        d.quit()
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(d, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    d.save_screenshot(str(path))
    return path
