"""Loads that meet trouble: a page that is one enormous line and a page that takes too long fail alone
(clear line each) while the good pages of their batch load; Ctrl-C ends a load with one line and 130."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PAGES
from test_load_kill import alive, children, pages_in_graph

pytestmark = pytest.mark.neo4j


def one_line_page(path: Path, size: int) -> Path:
    """An example page with its line breaks removed, repeated to ``size`` bytes: one line of prose."""
    text = sorted(PAGES.glob("*.txt"))[0].read_text(encoding="utf-8").replace("\r", "").replace("\n", "")
    data = (text * (size // len(text.encode()) + 1)).encode()[:size].decode("utf-8", "ignore")
    path.write_text(data, encoding="utf-8")
    return path


def kb_load(paths, *args, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.Popen([sys.executable, "-m", "kb.cli", "load", *map(str, paths), "--published", "2024-03-01", "--allow-duplicates",
                             *args], env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


@pytest.fixture
def batch(tmp_path):
    d = tmp_path / "batch"
    d.mkdir()
    for i in range(2):
        for f in sorted(PAGES.glob("*.txt")):
            shutil.copy(f, d / f"g{i}_{f.name}")
    return d


def test_huge_line_and_slow_page_fail_alone_and_the_batch_loads(empty_db, batch, tmp_path):
    driver, database = empty_db
    good = sorted(p.name for p in batch.glob("*.txt"))
    huge = one_line_page(batch / "a0_huge.txt", 10 * 1024 * 1024)        # 10 MB, one line: refused on reading
    slow_dir = tmp_path / "slow"
    slow_dir.mkdir()
    slow = one_line_page(slow_dir / "a1_slow.txt", 1024 * 1024)           # 1 MB, one line: let in, too slow
    t0 = time.monotonic()
    # the slow page first: with pages written in order, the good ones wait for it at most its budget
    p = kb_load([slow, batch], "--workers", "2", "--page-timeout", "3",
                env={"KB_MAX_LINE_CHARS": str(2 * 1024 * 1024)})
    out, err = p.communicate(timeout=300)
    took = time.monotonic() - t0
    assert p.returncode == 1, err
    # 60 s on an idle 2-core machine (figure in the report); the bound leaves room for a shared one
    assert took < 90, f"the batch took {took:.0f} s"
    lines = err.splitlines()
    assert [l for l in lines if "a1_slow.txt" in l and "longer than the 3 s (CPU) budget per page" in l
            and "--page-timeout" in l]
    assert [l for l in lines if f"{huge}: 3," in l and "characters, over the limit of 500,000 per page" in l
            and "KB_MAX_PAGE_CHARS" in l], err
    assert "Traceback" not in err
    assert f"{len(good)} loaded" in out
    recs, _, _ = driver.execute_query("MATCH (p:Page) RETURN p.source AS s ORDER BY s", database_=database)
    assert [r["s"] for r in recs] == good


def test_ctrl_c_ends_the_load_even_when_closing_the_interrupted_write_blocks(empty_db, batch):
    driver, database = empty_db
    p = kb_load([batch], "--workers", "2", "--pages-per-tx", "1",
                env={"KB_TEST_SLEEP_IN_TX": "0.5", "KB_TEST_HANG_ON_INTERRUPT": "1"})
    deadline = time.monotonic() + 240
    while pages_in_graph(driver, database) < 2:
        assert p.poll() is None, p.stderr.read()
        assert time.monotonic() < deadline, "the loader made no progress"
        time.sleep(0.1)
    before = pages_in_graph(driver, database)
    t0 = time.monotonic()
    os.killpg(p.pid, signal.SIGINT)
    out, err = p.communicate(timeout=60)     # the watchdog: 15 s after Ctrl-C, whatever blocks
    assert p.returncode == 130, err
    assert time.monotonic() - t0 < 45
    said = [l for l in err.splitlines() if l.strip() and l.strip() != "loading"]
    assert len(said) == 1 and said[0].startswith("kb: interrupted after "), err
    # the write cut off mid-transaction left nothing half-written: every page there is whole
    recs, _, _ = driver.execute_query("MATCH (p:Page) WHERE NOT (p)-[:CONTAINS]->(:Article) RETURN count(p) AS n",
                                      database_=database)
    assert recs[0]["n"] == 0 and pages_in_graph(driver, database) >= before


def test_ctrl_c_ends_the_load_with_one_line_and_130(empty_db, batch):
    driver, database = empty_db
    p = kb_load([batch], "--workers", "2", "--pages-per-tx", "1", env={"KB_TEST_SLEEP_IN_TX": "0.5"})
    deadline = time.monotonic() + 240
    while pages_in_graph(driver, database) < 2:
        assert p.poll() is None, p.stderr.read()
        assert time.monotonic() < deadline, "the loader made no progress"
        time.sleep(0.1)
    workers = children(p.pid)
    assert workers
    os.killpg(p.pid, signal.SIGINT)          # what the terminal does on Ctrl-C: the whole foreground group
    out, err = p.communicate(timeout=60)
    assert p.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    said = [l for l in err.splitlines() if l.strip() and l.strip() != "loading"]
    assert len(said) == 1 and said[0].startswith("kb: interrupted after "), err
    assert "rerun the same command" in said[0]
    t0 = time.monotonic()
    while any(alive(w) for w in workers):
        assert time.monotonic() - t0 < 10, "workers outlived the interrupted load"
        time.sleep(0.1)
    # what was written is whole: a rerun completes the batch
    r = kb_load([batch], "--workers", "2")
    out, err = r.communicate(timeout=300)
    assert r.returncode == 0, err
    assert pages_in_graph(driver, database) == len(list(batch.glob("*.txt")))
