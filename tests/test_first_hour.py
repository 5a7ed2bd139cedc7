"""Issue 13 (a newcomer's first hour), points 1 and 2, and issue 16 point 4, against the real server:
`kb load` applies a missing schema (also under two concurrent loads), page identity is the path
relative to the folder loaded, duplicates are skipped, and `kb unload` leaves the graph a clean load
of the remaining pages gives."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import PAGES, WEB, wipe

pytestmark = pytest.mark.neo4j


def kb(*args, env=None, timeout=600):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "kb.cli", *map(str, args)], capture_output=True, text=True,
                          env=e, timeout=timeout)


def drop_schema(driver, database):
    for q in ("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'"):
        recs, _, _ = driver.execute_query(q + " RETURN name", database_=database)
        for r in recs:
            kind = "CONSTRAINT" if q.startswith("SHOW CONSTRAINTS") else "INDEX"
            driver.execute_query(f"DROP {kind} `{r['name']}` IF EXISTS", database_=database)


def dump(driver, database):
    """Every node (labels, properties) and every relationship (ends, type, properties), sorted."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p", database_=database)
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, properties(r) AS p, b.id AS b", database_=database)
    return (sorted(repr((sorted(r["l"]), sorted(r["p"].items()))) for r in nodes),
            sorted(repr((r["a"], r["t"], sorted(r["p"].items()), r["b"])) for r in rels))


@pytest.fixture
def bare_db(driver, database):
    """No data and no schema at all (a fresh server); the schema is back afterwards."""
    from kb import graph
    wipe(driver, database)
    drop_schema(driver, database)
    yield driver, database
    wipe(driver, database)
    graph.apply_schema(driver, database)


def test_load_applies_missing_schema_once(bare_db):
    driver, database = bare_db
    from kb import schema
    assert schema.missing(driver, database)
    r = kb("load", PAGES, "--manifest", PAGES / "manifest.csv")
    assert r.returncode == 0, r.stderr
    said = [l for l in r.stderr.splitlines() if "schema" in l]
    assert len(said) == 1 and "applied" in said[0], r.stderr
    assert schema.missing(driver, database) == []
    r = kb("query", "search", "--param", "q=株洲")     # needs the fulltext index
    assert r.returncode == 0, r.stderr
    r = kb("load", PAGES, "--manifest", PAGES / "manifest.csv", "--force")
    assert r.returncode == 0 and "schema" not in r.stderr, r.stderr


def test_two_concurrent_loads_on_a_fresh_database(bare_db, tmp_path):
    driver, database = bare_db
    a, b = tmp_path / "a", tmp_path / "b"
    for d, names in ((a, ["001.txt", "006.txt", "011.txt", "012.txt", "021.txt"]),
                     (b, ["011.txt", "012.txt", "021.txt", "025.txt", "032.txt"])):
        d.mkdir()
        for n in names:
            shutil.copy(WEB / n, d / n)
    man = WEB / "manifest.csv"
    env = dict(os.environ, KB_DEBUG="1")     # a failure shows its traceback
    procs = [subprocess.Popen([sys.executable, "-m", "kb.cli", "load", d, "--manifest", man, "--workers", "1",
                               "--pages-per-tx", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env)
             for d in (a, b)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], "\n".join(err[-3000:] for _out, err in outs)
    for label in ("Person", "Organization", "Place", "Page", "Article", "Event"):
        recs, _, _ = driver.execute_query(f"MATCH (n:{label}) WITH n.id AS id, count(*) AS c WHERE c > 1 "
                                          "RETURN count(id) AS dup", database_=database)
        assert recs[0]["dup"] == 0, label
    recs, _, _ = driver.execute_query("MATCH (p:Page) RETURN count(p) AS n", database_=database)
    assert recs[0]["n"] == 7
    r = kb("schema", "apply")
    assert r.returncode == 0, r.stderr


def test_page_identity_is_the_relative_path(empty_db, tmp_path):
    driver, database = empty_db
    web = tmp_path / "web"
    shutil.copytree(WEB, web)
    other = tmp_path / "other"
    other.mkdir()
    (other / "001.txt").write_bytes((WEB / "006.txt").read_bytes().replace(b"\xe3\x80\x82", b"\xe3\x80\x82\n", 1))
    r = kb("load", web, "--manifest", web / "manifest.csv")
    assert r.returncode == 0, r.stderr
    before = dump(driver, database)
    # another file claiming the loaded source 001.txt is refused, and changes nothing
    r = kb("load", other / "001.txt")
    assert r.returncode == 1 and "already loaded from another file" in r.stderr and "--replace" in r.stderr
    assert dump(driver, database) == before
    # --replace lets the other file take the source
    r = kb("load", other / "001.txt", "--replace")
    assert r.returncode == 0 and "1 loaded (1 replaced)" in r.stdout, r.stdout + r.stderr
    after_replace = dump(driver, database)
    # the same bytes under another name: reported and skipped
    (other / "copy.txt").write_bytes((WEB / "011.txt").read_bytes())
    r = kb("load", other / "copy.txt")
    assert r.returncode == 0 and "same bytes as 011.txt" in r.stderr, r.stderr
    assert "1 duplicates skipped" in r.stdout
    assert dump(driver, database) == after_replace != before
    r = kb("load", other / "copy.txt", "--allow-duplicates")
    assert r.returncode == 0 and "1 loaded" in r.stdout, r.stdout + r.stderr
    # loading the parent folder: sources are relative paths, so other/001.txt is a page of its own
    # (web/*.txt are the bytes of the pages loaded as *.txt, other/001.txt those of 001.txt now: duplicates;
    # web/001.txt's bytes are no longer loaded: a page)
    r = kb("load", tmp_path, "--manifest", web / "manifest.csv")
    assert r.returncode == 0, r.stderr
    assert "1 loaded" in r.stdout and f"{len(list(WEB.glob('*.txt'))) + 1} duplicates skipped" in r.stdout, r.stdout
    recs, _, _ = driver.execute_query("MATCH (p:Page) RETURN p.source AS s ORDER BY s", database_=database)
    srcs = [x["s"] for x in recs]
    assert "web/001.txt" in srcs and "001.txt" in srcs and "other/001.txt" not in srcs


def test_missing_path_does_not_abort_the_batch(empty_db, tmp_path):
    driver, database = empty_db
    r = kb("load", tmp_path / "nope.txt", PAGES, "--manifest", PAGES / "manifest.csv")
    assert r.returncode == 1
    assert "nope.txt: no such file" in r.stderr and "3 loaded" in r.stdout, r.stdout + r.stderr


def test_manifest_id_is_the_source(empty_db, tmp_path):
    driver, database = empty_db
    man = tmp_path / "manifest.csv"
    man.write_text("file,published,outlet,id\n001.txt,2020-07-10,桃源县融媒体中心,web/2020/one\n", encoding="utf-8")
    r = kb("load", WEB / "001.txt", "--manifest", man)
    assert r.returncode == 0, r.stderr
    recs, _, _ = driver.execute_query("MATCH (p:Page) RETURN p.source AS s", database_=database)
    assert [x["s"] for x in recs] == ["web/2020/one"]


def test_unload_equals_a_clean_load_of_the_rest(empty_db, tmp_path):
    driver, database = empty_db
    root = tmp_path / "archive"
    shutil.copytree(PAGES, root / "zz")
    shutil.copytree(WEB, root / "web")
    man = tmp_path / "manifest.csv"
    man.write_text((PAGES / "manifest.csv").read_text(encoding="utf-8").split("\n", 1)[0].split(",basis")[0] + "\n"
                   + "".join(",".join(l.split(",")[:3]) + "\n"
                             for m in (PAGES / "manifest.csv", WEB / "manifest.csv")
                             for l in m.read_text(encoding="utf-8").splitlines()[1:] if l.strip()),
                   encoding="utf-8")
    gone = ["zz/001_5c287f6b8ba9909e.txt", "web/011.txt", "web/025.txt"]
    # the clean load of what remains
    keep = tmp_path / "keep"
    shutil.copytree(root, keep)
    for g in gone:
        (keep / g).unlink()
    r = kb("load", keep, "--manifest", man, "--workers", "1")
    assert r.returncode == 0, r.stderr
    clean = dump(driver, database)
    wipe(driver, database)
    # everything, then unload three pages and one outlet's page by date
    r = kb("load", root, "--manifest", man, "--workers", "1")
    assert r.returncode == 0, r.stderr
    r = kb("unload", *gone)
    assert r.returncode == 0 and "unloaded 3 page(s)" in r.stdout, r.stdout + r.stderr
    got = dump(driver, database)
    assert got[1] == clean[1]
    assert [x for x in got[0] if "Page" not in x] == [x for x in clean[0] if "Page" not in x]
    r = kb("unload", "no/such.txt")
    assert r.returncode == 1 and "no page with source 'no/such.txt'" in r.stderr
    # by outlet and date: nothing of that outlet is left
    r = kb("unload", "--outlet", "株洲日报", "--from", "2020-01-01", "--to", "2020-12-31")
    assert r.returncode == 0 and "unloaded 2 page(s)" in r.stdout, r.stdout + r.stderr
    recs, _, _ = driver.execute_query("MATCH (p:Page) RETURN p.source AS s ORDER BY s", database_=database)
    assert [x["s"] for x in recs] == sorted(f"web/{f.name}" for f in WEB.glob("*.txt") if f.name not in ("011.txt", "025.txt"))
