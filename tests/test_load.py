"""`kb load` and `kb reset` end to end on the sample pages, against the real server: idempotence,
--force, --batch-size, bad pages, server down, wrong password."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys

import pytest

from kb import graph

from conftest import PAGES

pytestmark = pytest.mark.neo4j

MANIFEST = PAGES / "manifest.csv"


def kb(*args, env=None, timeout=300):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "kb.cli", *map(str, args)], capture_output=True, text=True,
                          env=e, timeout=timeout)


def ids_of(driver, database):
    recs, _, _ = driver.execute_query("MATCH (n) RETURN n.id AS id", database_=database)
    return sorted(r["id"] for r in recs)


def test_load_twice_gives_identical_stats(empty_db):
    driver, database = empty_db
    r = kb("load", PAGES, "--manifest", MANIFEST)
    assert r.returncode == 0, r.stderr
    assert "3 loaded" in r.stdout and "+3 Page" in r.stdout
    st, ids = graph.stats(driver, database), ids_of(driver, database)
    assert st["nodes"]["Article"] > 3 and st["nodes"]["Page"] == 3
    r = kb("load", PAGES, "--manifest", MANIFEST)
    assert r.returncode == 0, r.stderr
    assert "0 loaded" in r.stdout and "3 unchanged and skipped" in r.stdout
    assert graph.stats(driver, database) == st and ids_of(driver, database) == ids
    # --force reloads every page: same graph, same ids
    r = kb("load", PAGES, "--manifest", MANIFEST, "--force", "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert "3 loaded (3 replaced)" in r.stdout
    assert graph.stats(driver, database) == st and ids_of(driver, database) == ids
    # rows per statement do not change the graph
    r = kb("reset", "--yes")
    assert r.returncode == 0 and graph.stats(driver, database)["nodes"]["Page"] == 0
    r = kb("load", PAGES, "--manifest", MANIFEST, "--batch-size", "2", "--workers", "1")
    assert r.returncode == 0, r.stderr
    assert graph.stats(driver, database) == st and ids_of(driver, database) == ids
    # several pages per transaction: the same graph
    kb("reset", "--yes")
    r = kb("load", PAGES, "--manifest", MANIFEST, "--pages-per-tx", "2")
    assert r.returncode == 0, r.stderr
    assert graph.stats(driver, database) == st and ids_of(driver, database) == ids


def test_bad_page_is_reported_and_skipped(empty_db, tmp_path):
    driver, database = empty_db
    for f in PAGES.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "zz_empty.txt").write_bytes(b"")
    (tmp_path / "zz_binary.txt").write_bytes(bytes(range(256)) * 8)
    r = kb("load", tmp_path, "--manifest", MANIFEST, "--published", "2020-03-08")
    assert r.returncode == 1
    bad_lines = [l for l in r.stderr.splitlines() if l.startswith("kb: skipped")]
    assert len(bad_lines) == 2, r.stderr
    assert any("zz_empty.txt" in l for l in bad_lines) and any("zz_binary.txt" in l for l in bad_lines)
    assert "3 loaded" in r.stdout and "2 failed" in r.stdout
    recs, _, _ = driver.execute_query("MATCH (p:Page) RETURN p.source AS s ORDER BY s", database_=database)
    assert [x["s"] for x in recs] == sorted(f.name for f in PAGES.glob("*.txt"))
    recs, _, _ = driver.execute_query("MATCH (a:Article) WHERE a.source STARTS WITH 'zz_' RETURN count(a) AS n",
                                      database_=database)
    assert recs[0]["n"] == 0


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_down_is_one_clear_line(tmp_path):
    port = _closed_port()
    r = kb("load", PAGES, env={"NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "whatever1"})
    assert r.returncode != 0
    errors = [l for l in r.stderr.splitlines() if l.startswith("kb: error:")]
    assert len(errors) == 1 and "does not answer" in errors[0], r.stderr
    assert "Traceback" not in r.stderr


def test_wrong_password_is_one_clear_line(settings):
    r = kb("load", PAGES, env={"NEO4J_URI": settings.uri, "NEO4J_PASSWORD": "not-the-password"})
    assert r.returncode != 0
    errors = [l for l in r.stderr.splitlines() if l.startswith("kb: error:")]
    assert len(errors) == 1 and "credentials" in errors[0], r.stderr
    assert "Traceback" not in r.stderr


def test_reset_needs_yes(empty_db):
    driver, database = empty_db
    r = kb("load", PAGES / "001_5c287f6b8ba9909e.txt", "--manifest", MANIFEST)
    assert r.returncode == 0, r.stderr
    r = kb("reset")
    assert r.returncode != 0 and "--yes" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert graph.stats(driver, database)["nodes"]["Page"] == 1
    r = kb("reset", "--yes")
    assert r.returncode == 0
    recs, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=database)
    assert recs[0]["n"] == 0
