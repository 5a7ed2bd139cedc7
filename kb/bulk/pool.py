"""Run a pure per-page function over many pages, results in input order: in this process, in local
worker processes (spawned, as ``kb load`` does), or on a Dask cluster (``dask.distributed``).

Extraction is a pure function of the page, so where it runs does not change its result. Jobs are
submitted a window at a time (never the whole archive at once), and results come back in input order,
so what is written from them is the same whatever ran them.
"""
from __future__ import annotations

import multiprocessing
import os
from contextlib import nullcontext
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, Optional

from .. import loader
from ..errors import InputError


def _in_worker(fn: Callable, job, manifest):
    """A job on a Dask worker: the manifest travels with it (no per-process initializer there)."""
    if loader._MANIFEST is not manifest:
        loader._init_worker(manifest)
    return fn(job)


def _ordered(submit: Callable, result: Callable, jobs: Iterable, window: int, fill=None) -> Iterator[tuple]:
    pending = []
    it = iter(jobs)
    with fill or nullcontext():
        for job in it:
            pending.append((job, submit(job)))
            if len(pending) >= window:
                break
    while pending:
        job, fut = pending.pop(0)
        nxt = next(it, None)
        if nxt is not None:
            pending.append((nxt, submit(nxt)))
        try:
            res = result(fut)
        except Exception as e:  # noqa: BLE001 - a worker died (memory, signal)
            res = ("error", f"extraction worker failed ({type(e).__name__}: {e})")
        yield job, res


def dask_client(scheduler):
    """A ``dask.distributed`` client: ``scheduler`` is an address (tcp://host:8786), ``local`` (a
    LocalCluster of this machine's cores) or a Client already made."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--scheduler needs dask.distributed",
                         hint="pip install 'dask[distributed]'") from None
    if not isinstance(scheduler, str):
        return scheduler, False
    if scheduler == "local":
        return Client(LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1)), True
    try:
        return Client(scheduler, timeout="20s"), True
    except OSError as e:
        raise InputError(f"no Dask scheduler answers at {scheduler} ({e})",
                         hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`") from None


def run(fn: Callable, jobs: list, *, manifest=None, workers: Optional[int] = None,
        scheduler=None) -> Iterator[tuple]:
    """Yield ``(job, fn(job))`` in input order. ``fn`` must be a module-level function (it is pickled)
    returning ``("ok", …)`` or ``("error", message)``; it may read the manifest set by
    :func:`kb.loader._init_worker`."""
    if scheduler is not None:
        client, own = dask_client(scheduler)
        try:
            n = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()))
            yield from _ordered(lambda j: client.submit(_in_worker, fn, j, manifest, pure=False),
                                lambda f: f.result(), jobs, n * 8)
        finally:
            if own:
                cluster = getattr(client, "cluster", None)
                client.close()
                if cluster is not None:
                    cluster.close()
        return
    n = workers if workers is not None else min(4, os.cpu_count() or 1)
    if n <= 1 or (workers is None and len(jobs) <= loader.INLINE_MAX):
        loader._init_worker(manifest)
        for job in jobs:
            yield job, fn(job)
        return
    # spawn, not fork: a forked worker would share the caller's driver socket and outlive it
    pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn"),
                               initializer=loader._init_worker, initargs=(manifest, os.getpid()))
    try:
        # the workers start with the first submits and inherit "ignore Ctrl-C" (the caller's to handle)
        yield from _ordered(lambda j: pool.submit(fn, j), lambda f: f.result(), jobs, n * 4,
                            fill=loader._sigint_ignored())
    except BaseException:
        loader._stop_pool(pool)
        raise
    pool.shutdown()
