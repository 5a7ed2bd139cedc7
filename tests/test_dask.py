"""Extraction on a Dask cluster (dask.distributed LocalCluster, 2 workers) gives the same import files
and the same rows as local extraction, and `kb load --scheduler` the same graph."""
from __future__ import annotations

import pytest

from conftest import EXAMPLES, GOLD

distributed = pytest.importorskip("dask.distributed")

SETS = [EXAMPLES / "zhuzhou-daily", GOLD / "pages2"]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def _files(folder):
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_dask_import_files_are_the_local_ones(client, tmp_path):
    from kb import bulk

    todo, _ = bulk.plan(SETS, None, False, lambda *_: None)
    local = bulk.extract_files(todo, tmp_path / "local", workers=1)
    dask = bulk.extract_files(todo, tmp_path / "dask", scheduler=client)
    assert client.scheduler_info()["workers"] and len(client.scheduler_info()["workers"]) == 2
    assert local[0] == dask[0] == len(todo) > 10 and not local[1] and not dask[1]
    assert local[2:] == dask[2:]
    a, b = _files(tmp_path / "local"), _files(tmp_path / "dask")
    assert a == b and len(a["Event.csv"].splitlines()) > 50


@pytest.mark.neo4j
def test_dask_load_gives_the_local_graph(client, settings):
    from kb import db, loader
    from conftest import wipe
    from test_import import dump

    with db.session_driver(settings) as (driver, database):
        wipe(driver, database)
        rep = loader.load(driver, database, SETS, workers=1, posts=False)
        local = dump(driver, database)
        wipe(driver, database)
        rep2 = loader.load(driver, database, SETS, scheduler=client, posts=False)
        remote = dump(driver, database)
        wipe(driver, database)
    assert rep.loaded == rep2.loaded > 10 and not rep2.failed
    assert local == remote
