"""The post register after loads, unloads and reloads (a build writes only what changed) is the register
a build from nothing gives: the same nodes, relationships and properties, compared whole."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from test_import import _diff, dump

REPO = Path(__file__).resolve().parent.parent

# the register, cleared so that a build starts from nothing (roster rows are not in these pages)
CLEAR = ["MATCH ()-[r:HELD_POST]->() DELETE r",
         "MATCH ()-[r:MENTIONED_IN {resolved_by: 'post+date'}]->() DELETE r",
         "MATCH ()-[r:PARTICIPATED_IN {resolved_by: 'post+date'}]->() DELETE r",
         "MATCH (s:Post) DETACH DELETE s"]


def _split(pages: Path, root: Path) -> list[Path]:
    """The archive's pages dealt to three folders in turn (each load adds days before and after the
    ones loaded: tenures open, close, change hands and move in between)."""
    outs = [root / f"part{i}" for i in range(3)]
    for o in outs:
        o.mkdir(parents=True)
    for k, f in enumerate(sorted(pages.glob("*.txt"))):
        shutil.copy(f, outs[(k // 5) % 3] / f.name)
    return outs


def _archive(tmp_path: Path, **kw) -> tuple[str, list[Path]]:
    """A year of the fictional daily (bench/synth_posts.py) dealt to three folders; its manifest."""
    sys.path.insert(0, str(REPO / "bench"))
    import synth_posts
    synth_posts.generate(tmp_path / "arch", years=1, **kw)
    return str(tmp_path / "arch" / "manifest.csv"), _split(tmp_path / "arch" / "pages", tmp_path / "split")


@pytest.mark.neo4j
def test_incremental_register_is_a_build_from_nothing(empty_db, tmp_path):
    from kb import loader, unload
    from kb.posts.build import build
    driver, database = empty_db
    man, parts = _archive(tmp_path, seed=5, every=2, per_day=(3, 5))

    def same_as_from_nothing(when: str):
        incremental = dump(driver, database)
        for stmt in CLEAR:
            driver.execute_query(stmt, database_=database, routing_="w")
        res = build(driver, database)
        assert res["written"] > 0
        scratch = dump(driver, database)
        for part in ("nodes", "relationships"):
            assert incremental[part] == scratch[part], f"{when}: {part} differ: " + _diff(incremental[part],
                                                                                         scratch[part])
        assert build(driver, database)["written"] == 0      # a build with nothing new writes nothing

    for k, folder in enumerate(parts):
        rep = loader.load(driver, database, [folder], manifest=man, workers=1, pages_per_tx=8)
        assert rep.loaded and not rep.failed
        assert rep.posts["written"] < rep.posts["tenures"] + rep.posts["resolved"] or k == 0
        same_as_from_nothing(f"after load {k}")
    # pages taken out again: tenures shrink, holders go, resolutions move or disappear
    gone = sorted(f.name for f in parts[1].glob("*.txt"))[::2]
    unload.unload(driver, database, unload.select(driver, database, sources=gone))
    same_as_from_nothing("after an unload")


@pytest.mark.neo4j
def test_a_rerun_rebuilds_nothing_and_a_deferred_register_is_built_later(empty_db, tmp_path):
    from kb import loader, unload
    from kb.posts.build import build
    driver, database = empty_db
    man, (first, second, _third) = _archive(tmp_path, seed=7, every=4, per_day=(3, 4))
    assert loader.load(driver, database, [first], manifest=man, workers=1).posts["tenures"] > 0
    # the same pages again: nothing loaded, no region moved, so no rebuild
    rep = loader.load(driver, database, [first], manifest=man, workers=1)
    assert rep.loaded == 0 and rep.posts == {}
    # more pages with the register deferred: it stays as it was until a build
    def register():
        return [r for r in dump(driver, database)["relationships"] if r.startswith(('["HELD_POST"', '["MENTIONED_IN"'))]

    before = register()
    rep = loader.load(driver, database, [second], manifest=man, workers=1, posts=False)
    assert rep.loaded and rep.posts == {}
    assert register() == before
    assert build(driver, database)["written"] > 0 and register() != before
    # unloading in batches of two pages leaves what a build from nothing leaves
    gone = sorted(f.name for f in second.glob("*.txt"))[::2]
    unload.unload(driver, database, unload.select(driver, database, sources=gone), batch=2)
    incremental = dump(driver, database)
    for stmt in CLEAR:
        driver.execute_query(stmt, database_=database, routing_="w")
    build(driver, database)
    assert dump(driver, database)["relationships"] == incremental["relationships"]
