"""`kb import` (neo4j-admin import of extracted pages) gives the graph `kb load` gives: every node
(labels, id, properties and their types) and every relationship (type, ends, properties), compared
whole; and a `kb load` of the imported pages changes nothing."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, GOLD, REPO, wipe

SETS = [EXAMPLES / "zhuzhou-daily", EXAMPLES / "web-articles", GOLD / "pages2", GOLD / "round4"]


def corpus(root: Path) -> tuple[Path, Path]:
    """The sets copied under one folder, with one manifest for all (file names are unique)."""
    rows = []
    for d in SETS:
        shutil.copytree(d, root / d.name, ignore=shutil.ignore_patterns("manifest.csv", "SOURCES.tsv"))
        with open(d / "manifest.csv", encoding="utf-8-sig") as fh:
            for r in csv.DictReader(fh):
                rows.append({"file": r["file"], "outlet": r.get("outlet") or "", "published": r.get("published") or ""})
    man = root / "manifest.csv"
    with open(man, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["file", "outlet", "published"])
        w.writeheader()
        w.writerows(rows)
    return root, man


def _value(v):
    """A property value with its type: a date and the string of the same day differ."""
    if isinstance(v, list):
        return ["list", [_value(x) for x in v]]
    return [type(v).__name__, v.iso_format() if hasattr(v, "iso_format") else v]


def dump(driver, database) -> dict:
    """The whole graph, canonical: nodes by (labels, id), relationships sorted."""
    nodes, rels = [], []
    with driver.session(database=database) as s:
        for r in s.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p"):
            nodes.append(json.dumps([sorted(r["l"]), {k: _value(v) for k, v in sorted(r["p"].items())}],
                                    ensure_ascii=False, sort_keys=True))
        for r in s.run("MATCH (a)-[r]->(b) RETURN type(r) AS t, labels(a) AS la, a.id AS a, labels(b) AS lb, "
                       "b.id AS b, properties(r) AS p"):
            rels.append(json.dumps([r["t"], sorted(r["la"]), r["a"], sorted(r["lb"]), r["b"],
                                    {k: _value(v) for k, v in sorted(r["p"].items())}],
                                   ensure_ascii=False, sort_keys=True))
    return {"nodes": sorted(nodes), "relationships": sorted(rels)}


def _diff(a: list, b: list) -> str:
    sa, sb = set(a), set(b)
    kinds = sorted({x[:40] for x in sa ^ sb})
    only_a, only_b = sorted(sa - sb)[:3], sorted(sb - sa)[:3]
    return f"{len(a)} vs {len(b)}; kinds {kinds[:20]}; only in import: {only_a}; only in load: {only_b}"


@pytest.fixture
def replaced_db(driver, database):
    """The import replaces the database: the suite's long-lived driver must forget the bookmarks of the
    old one, else its next query waits for a transaction the new database will never reach."""
    yield
    # a bookmark of the new database replaces the old ones (update_bookmarks ignores an empty update)
    with driver.session(database=database) as s:
        s.run("RETURN 1").consume()
        fresh = s.last_bookmarks().raw_values
    bm = driver.execute_query_bookmark_manager
    bm.update_bookmarks(bm.get_bookmarks(), fresh)
    assert bm.get_bookmarks() == set(fresh)


@pytest.mark.neo4j
def test_import_gives_the_graph_load_gives(settings, tmp_path, replaced_db):
    from kb import bulk, db, graph, loader

    root, man = corpus(tmp_path / "pages")
    with db.session_driver(settings) as (driver, database):
        wipe(driver, database)
    rep = bulk.import_pages([root], manifest=str(man), workers=2, folder=tmp_path / "files", settings=settings)
    assert not rep.failed and rep.imported == rep.pages > 30
    with db.session_driver(settings) as (driver, database):
        imported = dump(driver, database)
        stats = graph.stats(driver, database)
        assert stats["nodes"]["Page"] == rep.pages and stats["nodes"]["Event"] > 100
        # kb load of the imported pages: every one skipped by its content hash, nothing changes
        again = loader.load(driver, database, [root], manifest=str(man), workers=1)
        assert (again.loaded, again.skipped, again.failed) == (0, rep.pages, [])
        assert graph.stats(driver, database) == stats
        assert dump(driver, database) == imported
        # the same pages through kb load into an empty database
        wipe(driver, database)
        loaded = loader.load(driver, database, [root], manifest=str(man), workers=2)
        assert loaded.loaded == rep.pages
        written = dump(driver, database)
        wipe(driver, database)
    for part in ("nodes", "relationships"):
        assert imported[part] == written[part], f"{part} differ: " + _diff(imported[part], written[part])


@pytest.mark.neo4j
def test_import_refuses_a_loaded_database(settings, tmp_path, replaced_db):
    from kb import bulk, db, loader

    with db.session_driver(settings) as (driver, database):
        wipe(driver, database)
        loader.load(driver, database, [EXAMPLES / "zhuzhou-daily"], workers=1, posts=False)
    proc = subprocess.run([sys.executable, "-m", "kb.cli", "import", str(EXAMPLES / "web-articles")],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode != 0
    assert "already holds" in proc.stderr and "--overwrite" in proc.stderr
    with pytest.raises(bulk.NotEmpty):
        bulk.import_pages([EXAMPLES / "web-articles"], folder=tmp_path / "f", settings=settings)
    with db.session_driver(settings) as (driver, database):
        wipe(driver, database)


def test_remote_server_gets_files_and_the_command(tmp_path):
    """NEO4J_URI elsewhere: the files are written, and the import command names them relatively."""
    from kb import bulk, config
    from kb.bulk import files

    remote = config.Settings("neo4j+s://example.databases.neo4j.io", "neo4j", "x", "neo4j", local=False)
    rep = bulk.import_pages([EXAMPLES / "zhuzhou-daily"], manifest=str(EXAMPLES / "zhuzhou-daily" / "manifest.csv"),
                            folder=tmp_path / "f", workers=1, settings=remote)
    assert rep.imported == 3 and not rep.local
    assert rep.command[:4] == ["database", "import", "full", "neo4j"] and "--nodes=Page=./Page.csv" in rep.command
    for name in [*files.NODES, *files.RELS]:
        text = (tmp_path / "f" / f"{name}.csv").read_text(encoding="utf-8")
        assert text.startswith(files.header(name))
    head = (tmp_path / "f" / "Event.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "date:date" in head and "planned:boolean" in head and "evidence_start:long" in head
    assert "aliases:string[]" in (tmp_path / "f" / "Organization.csv").read_text(encoding="utf-8")
    # what `kb import --finish` does after the import ran there: organisations without aliases get []
    finish = json.loads((tmp_path / "f" / bulk.FINISH).read_text(encoding="utf-8"))
    assert len(finish["sources"]) == 3 and ["Organization", "aliases"] in [e[:2] for e in finish["empty"]]


def test_a_page_with_no_participants_is_written(tmp_path):
    """A page whose first relationship kind (PARTICIPATED_IN) has no rows: its files are written."""
    from kb import bulk, extraction

    page = tmp_path / "p.txt"
    page.write_text("本报讯 3月1日，市里召开会议，部署春耕生产工作。\n", encoding="utf-8")
    extraction.init_worker(None)
    res = bulk._job((str(page), None, "某日报", True, "p.txt", 30.0))
    assert res[0] == "ok", res
    lines, _empty, shared, _register = res[1:]
    assert "participated_in" not in lines and lines["Page"].count("\n") == 1 and lines["Article"]
