"""Extraction on workers: a pure per-page function run in this process, in local worker processes,
or on a Dask cluster (``dask.distributed``), results in input order. ``kb load`` and ``kb import`` both
run :func:`extract_page` (a page → the rows of :func:`kb.page_rows.page_rows`) through :func:`run`.

* Local workers are *spawned* (a fresh interpreter, not a fork): they never hold the caller's Bolt
  socket, so a killed loader's open transaction is rolled back as soon as its connection drops. They
  die with the caller (``PR_SET_PDEATHSIG`` on Linux, a parent-watch thread elsewhere) and ignore
  Ctrl-C (the caller stops them).
* Each page has a time budget (``page_timeout`` CPU seconds, default :data:`PAGE_TIMEOUT`, env
  ``KB_PAGE_TIMEOUT``): a page over it is reported as failed and the rest of the batch goes on (on a
  Dask worker, which runs pages in threads, there is no budget).
* Jobs are submitted a window at a time, never the whole archive at once; results come back in input
  order whatever ran them, so what is written from them does not depend on where they ran.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from . import graph, ids
from .errors import InputError, KbError

INLINE_MAX = 8          # up to this many files: extract in-process (a pool's start-up costs more)
PAGE_TIMEOUT = 30.0     # CPU seconds of extraction per page (a newspaper page takes well under 1 s)

_MANIFEST = None   # the parsed manifest, set once per worker process (see init_worker)


def init_worker(manifest, parent_pid=None):
    global _MANIFEST
    _MANIFEST = manifest
    if parent_pid is None:        # in-process extraction
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the loader's to handle
    _die_with_parent(parent_pid)
    try:   # import and build the lazy tables now, outside any page's time budget
        from loaders import pipeline
        pipeline.extract_text("本报讯 3月1日，市里召开会议，部署春耕生产工作。", "<warm-up>")
    except Exception:  # noqa: BLE001 - a real page reports any real problem
        pass


def _die_with_parent(parent_pid: int) -> None:
    """Exit when the loader dies, even by SIGKILL: no orphan keeps extracting after it."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)      # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:                  # the parent died before prctl took effect
        os._exit(1)

    def watch():                                    # other systems (and belt and braces)
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)
    threading.Thread(target=watch, daemon=True, name="kb-parent-watch").start()


class _PageTimeout(BaseException):
    """Raised by the budget's timer (BaseException: no ``except Exception`` in a stage swallows it)."""


@contextmanager
def _time_budget(seconds: Optional[float]):
    """Interrupt the block after ``seconds`` of CPU time (main thread of a POSIX process only; else no
    limit). CPU, not wall-clock, time: on a busy machine a normal page is not cut short."""
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def alarm(_sig, _frame):
        raise _PageTimeout()
    old = signal.signal(signal.SIGPROF, alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def page_timeout_default() -> float:
    try:
        return float(os.environ.get("KB_PAGE_TIMEOUT") or PAGE_TIMEOUT)
    except ValueError:
        raise InputError(f"KB_PAGE_TIMEOUT={os.environ['KB_PAGE_TIMEOUT']!r} is not a number of seconds") from None


def extract_page(job: tuple) -> tuple:
    """(path, published, outlet, store_text, source, budget) → ("ok", rows) | ("error", message)."""
    path, published, outlet, store_text, source, budget = job
    try:
        with _time_budget(budget):
            return _extract_rows(path, published, outlet, store_text, source)
    except _PageTimeout:
        return ("error", f"{Path(path).name}: extraction took longer than the {budget:g} s (CPU) budget per page; "
                         "skipped (raise it with --page-timeout or KB_PAGE_TIMEOUT)")


def _extract_rows(path, published, outlet, store_text, source) -> tuple:
    try:
        data = Path(path).read_bytes()
        h = ids.content_hash(data)
        from loaders import pipeline

        articles = pipeline.extract_path(str(path), published=published, manifest=_MANIFEST, outlet=outlet)
        if not articles:
            raise InputError(f"{Path(path).name}: no article found on the page")
        first = articles[0].article
        page_published = published or first.published
        page_outlet = first.outlet or outlet
        rows = graph.page_rows(source, h, page_published, page_outlet, articles, store_text=store_text)
        rows["page"]["path"] = str(Path(path).resolve())
        return ("ok", rows)
    except KbError as e:
        return ("error", str(e))
    except (OSError, UnicodeError, ValueError) as e:
        return ("error", f"{Path(path).name}: {type(e).__name__}: {e}")
    except Exception as e:  # noqa: BLE001 - a bug on one page must not stop the archive
        return ("error", f"{Path(path).name}: extraction failed ({type(e).__name__}: {e})")


@contextmanager
def _sigint_ignored():
    main = threading.current_thread() is threading.main_thread()
    old = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        yield
    finally:
        if main:
            signal.signal(signal.SIGINT, old)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop now (Ctrl-C, a lost server): cancel what is queued and end the running workers."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        try:
            proc.terminate()
        except (OSError, AttributeError):
            pass
    for proc in procs:
        proc.join(timeout=5)


# ------------------------------------------------------------------ running jobs

def _in_worker(fn: Callable, job, manifest):
    """A job on a Dask worker: the manifest travels with it (no per-process initializer there)."""
    if _MANIFEST is not manifest:      # scattered once: the same object for every job on a worker
        init_worker(manifest)
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


def pool_size(workers: Optional[int], jobs: int) -> int:
    """Worker processes :func:`run` starts for ``jobs`` jobs (0: in this process). ``workers`` None:
    the CPUs, at most 4, and none for a batch of up to :data:`INLINE_MAX` files."""
    n = workers if workers is not None else min(4, os.cpu_count() or 1)
    return 0 if n <= 1 or (workers is None and jobs <= INLINE_MAX) else n


def run(fn: Callable, jobs: list, *, manifest=None, workers: Optional[int] = None,
        scheduler=None) -> Iterator[tuple]:
    """Yield ``(job, fn(job))`` in input order. ``fn`` must be a module-level function (it is pickled)
    returning ``("ok", …)`` or ``("error", message)``; it may read the manifest (:func:`init_worker`).
    ``scheduler``: a Dask scheduler's address, ``local``, or a ``dask.distributed.Client``. Close the
    generator when stopping early (``contextlib.closing``): that stops the workers."""
    if scheduler is not None:
        client, own = dask_client(scheduler)
        try:
            n = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()))
            man = client.scatter(manifest, broadcast=True) if manifest is not None else None
            yield from _ordered(lambda j: client.submit(_in_worker, fn, j, man, pure=False),
                                lambda f: f.result(), jobs, n * 8)
        finally:
            if own:
                cluster = getattr(client, "cluster", None)
                client.close()
                if cluster is not None:
                    cluster.close()
        return
    n = pool_size(workers, len(jobs))
    if not n:
        init_worker(manifest)
        for job in jobs:
            yield job, fn(job)
        return
    # the semaphore tracker (a process of its own, started with the pool) warns about the pool's semaphores
    # when kb load exits hard after Ctrl-C (kb.commands.load); it unlinks them all the same
    os.environ.setdefault("PYTHONWARNINGS", "ignore:resource_tracker:UserWarning")
    # spawn, not fork: a forked worker would share the caller's driver socket and outlive it
    pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn"),
                               initializer=init_worker, initargs=(manifest, os.getpid()))
    try:
        # the workers start with the first submits and inherit "ignore Ctrl-C" (the caller's to handle)
        yield from _ordered(lambda j: pool.submit(fn, j), lambda f: f.result(), jobs, n * 4,
                            fill=_sigint_ignored())
    except BaseException:
        _stop_pool(pool)
        raise
    pool.shutdown()
