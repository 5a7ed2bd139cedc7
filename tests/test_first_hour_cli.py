"""Issue 13 points 3, 5, 6 and 7 against the real server with the sample pages loaded: the Browser's
real address, `kb cypher`, no silent caps, help that tells the truth (its examples return rows), the
first minutes (gazetteer cache announced, small batches in-process, ETA from pages done, no driver
noise)."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PAGES, REPO, WEB, wipe

pytestmark = pytest.mark.neo4j


def kb(*args, env=None, timeout=600, cwd=REPO):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "kb.cli", *map(str, args)], capture_output=True, text=True,
                          env=e, timeout=timeout, cwd=cwd)


@pytest.fixture(scope="module")
def samples(driver, database):
    from kb import graph
    wipe(driver, database)
    graph.apply_schema(driver, database)
    for d in (PAGES, WEB):
        r = kb("load", d, "--manifest", d / "manifest.csv")
        assert r.returncode == 0, r.stderr
    yield driver, database
    wipe(driver, database)


# ---------------------------------------------------------------- 3: the Browser's real address

def test_browser_uses_the_local_servers_real_ports(samples, settings):
    from kb import config
    bolt, http = config.local_ports()
    env = {"NEO4J_URI": f"neo4j://127.0.0.1:{bolt}"}
    r = kb("browser", env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"http://127.0.0.1:{http}/browser/?dbms=neo4j://neo4j@127.0.0.1:{bolt}&db=")
    assert "password" in r.stderr
    # a kb home that does not know the server: kb asks the server for its HTTP port
    env = {"NEO4J_URI": f"neo4j://localhost:{bolt}", "KB_HOME": "/nonexistent-kb-home",
           "NEO4J_PASSWORD": settings.password}
    r = kb("browser", env=env)
    assert r.stdout.startswith(f"http://localhost:{http}/browser/"), r.stdout + r.stderr
    assert "NEO4J_PASSWORD" in r.stderr
    env["NEO4J_BROWSER_URL"] = "https://browser.example.org/"
    assert kb("browser", env=env).stdout.startswith("https://browser.example.org/?dbms=")


# ---------------------------------------------------------------- 5: kb cypher, no silent caps

def test_cypher_every_format_and_read_only(samples):
    q = "MATCH (p:Page) RETURN p.source AS source, p.published AS published ORDER BY source"
    rows = json.loads(kb("cypher", q, "--format", "json").stdout)
    assert len(rows) == 15 and rows[0]["source"] == "000_95343d556cead1f2.txt"
    assert rows[0]["published"] == "2020-03-08"
    csv = kb("cypher", q, "--format", "csv").stdout.splitlines()
    assert csv[0] == "source,published" and csv[1] == "000_95343d556cead1f2.txt,2020-03-08" and len(csv) == 16
    jl = kb("cypher", q, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(l) for l in jl] == rows
    md = kb("cypher", q, "--format", "markdown").stdout.splitlines()
    assert md[0] == "| source | published |" and len(md) == 17
    t = kb("cypher", q).stdout.splitlines()
    assert t[0].split() == ["source", "published"] and t[-1] == "(15 rows)"
    r = kb("cypher", "MATCH (p:Page) WHERE p.published = $day RETURN count(*) AS n", "--param", "day=2020-03-08",
           "--format", "json")
    assert json.loads(r.stdout) == [{"n": 1}]
    r = kb("cypher", "CREATE (:Scratch {x: 1})")
    assert r.returncode == 1 and "--write" in r.stderr
    r = kb("cypher", "CREATE (n:Scratch {x: $x}) RETURN n.x AS x", "--write", "--param", "x=7", "--format", "csv")
    assert r.returncode == 0 and r.stdout == "x\n7\n", r.stderr
    assert kb("cypher", "MATCH (n:Scratch) DETACH DELETE n", "--write").returncode == 0
    f = REPO / "cypher" / "posts_held.cypher"
    r = kb("cypher", "-f", f, "--param", "person=null", "--param", "from=null", "--param", "to=null",
           "--param", "organization=null", "--param", "limit=3", "--format", "json")
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 3, r.stderr


def test_no_silent_caps(samples):
    r = kb("cypher", "MATCH (p:Person) RETURN p.name AS name", "--limit", "5", "--format", "csv")
    n = int(json.loads(kb("cypher", "MATCH (p:Person) RETURN count(*) AS n", "--format", "json").stdout)[0]["n"])
    assert len(r.stdout.splitlines()) == 6 and f"first 5 of {n} rows, --limit to change" in r.stderr
    r = kb("query", "posts_held", "--limit", "4", "--format", "json")
    total = len(json.loads(kb("query", "posts_held", "--limit", "0", "--format", "json").stdout))
    assert len(json.loads(r.stdout)) == 4 and f"first 4 of {total} rows" in r.stderr
    r = kb("query", "posts_held", "--param", "limit=4", "--format", "json")     # the header's limit too
    assert len(json.loads(r.stdout)) == 4 and f"first 4 of {total} rows" in r.stderr
    r = kb("query", "posts_held", "--format", "json")
    assert len(json.loads(r.stdout)) == total and "first" not in r.stderr


# ---------------------------------------------------------------- 6: help tells the truth

def _help_examples():
    from kb import clidoc
    from kb.cli import cli
    for path, cmd in clidoc.walk(cli, ["kb"]):
        for line in clidoc.help_text(path, cmd).splitlines():
            # server commands stop and start the server, import replaces the database: not run here
            if line.strip().startswith("kb ") and path[1:2] not in (["server"], ["import"]):
                yield line.strip()


def test_help_examples_return_rows(samples, tmp_path):
    examples = list(_help_examples())
    assert len(examples) >= 10
    for ex in examples:
        argv = shlex.split(ex, comments=True)[1:]
        target = tmp_path / "out.html"
        if "-o" in argv:
            target = tmp_path / ("out" + (Path(argv[argv.index("-o") + 1]).suffix or ".html"))
            argv[argv.index("-o") + 1] = str(target)
        r = kb(*argv)
        assert r.returncode == 0, (ex, r.stderr)
        if target.suffix in (".parquet", ".dta", ".gexf", ".graphml"):    # binary or XML files: written, not empty
            assert target.stat().st_size > 0, ex
            continue
        out = r.stdout.strip() or target.read_text(encoding="utf-8")
        assert out and out not in ("(no rows)", "[]", "_(no rows)_") and "(no " not in out.splitlines()[-1], ex


def test_load_help_matches_the_defaults():
    from kb.commands.load import command
    per_tx = next(p for p in command.params if p.name == "pages_per_tx").default
    text = " ".join(command.help.split())
    assert f"{per_tx} to a transaction by default" in text
    assert "one transaction per page" not in kb("load", "--help").stdout.replace("\n", " ")
    # the manifest's columns are described one way everywhere
    for doc in [kb("load", "--help").stdout, kb("extract", "--help").stdout, kb("eval", "--help").stdout,
                (REPO / "README.md").read_text(encoding="utf-8")]:
        assert "file,outlet,published" not in " ".join(doc.split())


# ---------------------------------------------------------------- 7: the first minutes

def test_driver_noise_never_reaches_the_terminal(tmp_path):
    r = kb("stats", env={"NEO4J_URI": "neo4j://127.0.0.1:1", "NEO4J_PASSWORD": "x"})
    assert r.returncode != 0
    assert "routing information" not in r.stderr and "Traceback" not in r.stderr
    assert [l.split(":")[1].strip() for l in r.stderr.strip().splitlines()] == ["error", "next"], r.stderr


def test_small_batches_extract_in_process(samples, tmp_path):
    from kb import loader
    driver, database = samples
    d = tmp_path / "five"
    d.mkdir()
    for f in sorted(WEB.glob("*.txt"))[:5]:
        shutil.copy(f, d / f.name)
    rep = loader.load(driver, database, [d], manifest=str(WEB / "manifest.csv"), force=True)
    assert rep.loaded == 5 and rep.processes == 0


def test_eta_from_pages_done():
    from kb.commands.load import eta
    assert eta(1, 10, 100.0, 140.0) is None              # one page: its time is mostly start-up
    assert eta(3, 10, 100.0, 104.0) == pytest.approx(14.0)   # 2 s a page since the first, 7 to go
    assert eta(10, 10, 100.0, 120.0) is None


def test_gazetteer_cache_is_built_by_setup_with_a_line(tmp_path, settings):
    from kb import config
    env = {"KB_HOME": str(tmp_path / "home"), "NEO4J_URI": settings.uri, "NEO4J_PASSWORD": settings.password}
    r = kb("setup", env=env)
    assert r.returncode == 0 and "building the gazetteer cache" in r.stderr and "built in" in r.stderr, r.stderr
    assert list((tmp_path / "home" / "cache").glob("gazetteer-*.pickle"))
    r = kb("setup", env=env)
    assert r.returncode == 0 and "building" not in r.stderr and "ready" in r.stdout


# ---------------------------------------------------------------- kb stats: coverage

def test_stats_shows_coverage(samples):
    driver, database = samples
    data = json.loads(kb("stats", "--format", "json").stdout)
    outlets = {r["outlet"]: r for r in data["outlets"]}
    pages, _, _ = driver.execute_query("MATCH (p:Page) RETURN p.outlet AS o, p.published AS d", database_=database)
    for o in {r["o"] for r in pages}:
        mine = [r for r in pages if r["o"] == o]
        days = sorted(r["d"].iso_format() for r in mine if r["d"] is not None) or [None]
        got = outlets[o or "(none)"]
        assert (got["pages"], got["first_issue"], got["last_issue"]) == (len(mine), days[0], days[-1])
    assert sum(r["pages"] for r in data["pages_per_month"]) == len(pages) == data["nodes"]["Page"]
    assert sum(r["events"] for r in data["events_by_type"]) == data["nodes"]["Event"]
    recs, _, _ = driver.execute_query("MATCH (e:Event) WHERE e.date IS NULL RETURN count(e) AS n", database_=database)
    assert data["undated_events"] == {"undated": recs[0]["n"], "events": data["nodes"]["Event"]}
    recs, _, _ = driver.execute_query("MATCH (p:Person) WITH p.name AS n, count(*) AS c WHERE c > 1 "
                                      "RETURN n ORDER BY n", database_=database)
    assert sorted(r["name"] for r in data["shared_names"]) == [r["n"] for r in recs]
    out = kb("stats", env={"COLUMNS": "100"}).stdout
    for title in ("Outlets", "Pages per issue month", "Events by type", "events undated", "Names shared"):
        assert title in out, title
    assert all(len(l) <= 100 for l in out.splitlines())
