"""Loading pages: paths → extraction (worker processes) → one write transaction per page.

* Every input file is a page; its ``source`` (its identity: ids hash it) is its path relative to the
  folder given on the command line (a file given directly: its name), or the manifest's ``id`` column.
  A different file claiming a source already loaded with other content is refused unless ``replace``;
  a file with the same bytes as a page loaded under another source is reported and skipped unless
  ``allow_duplicates``.
* A page already in the graph with the same content hash (SHA-256 of the file's bytes) is skipped
  before extraction, unless ``force``. Changing ``--published``/``--manifest`` or the extractor does
  not change the hash: reload with ``force``.
* Extraction is a pure function of the file, so it runs in a ``ProcessPoolExecutor`` (``workers``
  processes, when there are more than a few files); the workers also build the rows
  (:func:`kb.graph.page_rows`). The main process writes pages in input order, one transaction each
  (:func:`kb.graph.write_rows`): a page is in the graph whole or not at all, so a loader killed at
  any moment leaves only whole pages, and a rerun completes the rest.
* The workers are *spawned* (a fresh interpreter, not a fork): they never hold the loader's Bolt
  socket, so a killed loader's open transaction is rolled back as soon as its connection drops. They
  die with the loader (``PR_SET_PDEATHSIG`` on Linux, a parent-watch thread elsewhere) and ignore
  Ctrl-C (the loader stops them).
* Each page has a time budget (``page_timeout`` CPU seconds, default :data:`PAGE_TIMEOUT`, env
  ``KB_PAGE_TIMEOUT``): a page over it is reported as failed and the rest of the batch goes on.
* A bad page (unreadable, no article, a write the server rejects) is reported and skipped; the rest
  loads. A server that goes away aborts the load with :class:`kb.errors.ConnectionFailed`.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import graph, ids, schema
from .errors import ConnectionFailed, InputError, KbError

SKIP_NAMES = {"manifest.csv", "SOURCES.tsv"}
PAGE_SUFFIXES = (".txt",)
INLINE_MAX = 8          # up to this many files: extract in-process (a pool's start-up costs more)
PAGE_TIMEOUT = 30.0     # CPU seconds of extraction per page (a newspaper page takes well under 1 s)


@dataclass
class LoadReport:
    pages: int = 0                      # files given
    loaded: int = 0                     # pages written
    replaced: int = 0                   # of which had an older version (changed content or --force)
    skipped: int = 0                    # unchanged pages (same content hash)
    duplicates: int = 0                 # same bytes as a page under another source, not loaded
    schema_applied: list = field(default_factory=list)   # schema rules that were missing, now created
    processes: int = 0                  # extraction worker processes used (0: in-process)
    failed: list = field(default_factory=list)      # (file, message)
    nodes: dict = field(default_factory=dict)       # label -> net change (count store, before/after)
    relationships: dict = field(default_factory=dict)  # type -> net change
    seconds: float = 0.0
    posts: dict = field(default_factory=dict)       # what the post register build did (kb/posts)


def collect_paths(paths: Iterable) -> list[Path]:
    """Files as given; directories expand to their ``*.txt`` files (recursively, sorted)."""
    try:
        from loaders.reading import expand_paths
        return list(expand_paths(paths))
    except ImportError:  # pragma: no cover - the pipeline ships with kb
        out: list[Path] = []
        for p in paths:
            p = Path(p)
            if p.is_dir():
                out += sorted(f for f in p.rglob("*.txt") if f.is_file())
            else:
                out.append(p)
        return out


def collect_sources(paths: Iterable, manifest: Optional[str] = None) -> list[tuple[Path, str]]:
    """(file, source) for every page: the path relative to the folder given (posix), a file given
    directly by its name; a manifest ``id`` column, when it has one for the file name, wins."""
    out: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += [(f, f.relative_to(p).as_posix()) for f in collect_paths([p])]
        else:
            out.append((p, p.name))
    ids_by_name = manifest_ids(manifest) if manifest else {}
    return [(f, ids_by_name.get(f.name) or src) for f, src in out]


def manifest_ids(manifest) -> dict[str, str]:
    """file name → ``id`` from a manifest CSV with an ``id`` column ({} without one)."""
    import csv
    try:
        text = Path(manifest).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError):
        return {}          # read_manifest reports the problem
    rows = csv.DictReader(text.splitlines())
    out = {}
    for row in rows:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if row.get("file") and row.get("id"):
            out[Path(row["file"]).name] = row["id"]
    return out


# ------------------------------------------------------------------ worker side (pure)

_MANIFEST = None   # the parsed manifest, set once per worker process (see _init_worker)


def _init_worker(manifest, parent_pid=None):
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


def _extract_page(job: tuple) -> tuple:
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


# ------------------------------------------------------------------ main process

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


def _identity(f: Path, source: str, h: str, known: Optional[dict], twins: dict, force: bool,
              replace: bool) -> Optional[tuple]:
    """None to load the page, else ("skipped",) | ("duplicate", why) | ("failed", why)."""
    if known and known["hash"] == h and not force:
        return ("skipped",)
    if known and known["hash"] != h and not replace and known.get("path") \
            and known["path"] != str(f.resolve()):
        return ("failed", f"{f}: source {source} is already loaded from another file ({known['path']}) "
                          "with other content; --replace to replace it, or load from a parent folder "
                          "(or give a manifest id) so the sources differ")
    others = [s for s in twins.get(h, []) if s != source]
    if others and not (known and known["hash"] == h):
        return ("duplicate", f"{f}: same bytes as {others[0]}, already loaded; skipped "
                             "(--allow-duplicates to load it too)")
    return None


def _server_gone(e: Exception) -> bool:
    from neo4j.exceptions import ServiceUnavailable, SessionExpired, AuthError
    return isinstance(e, (ServiceUnavailable, SessionExpired, AuthError, ConnectionError))


def load(driver, database: str, paths: Iterable, *, manifest: Optional[str] = None,
         published=None, outlet: Optional[str] = None, batch_size: int = 1000, force: bool = False,
         workers: Optional[int] = None, store_text: bool = True, pages_per_tx: int = 1,
         page_timeout: Optional[float] = None, replace: bool = False, allow_duplicates: bool = False,
         on_page: Optional[Callable[[str, str, object], None]] = None,
         on_schema: Optional[Callable[[list], None]] = None, region: Optional[str] = None,
         posts: bool = True) -> LoadReport:
    """Load pages into the graph. ``on_page(file, status, detail)`` is called once per file with
    status ``loaded`` (detail: counts), ``skipped``, ``duplicate`` (detail: message) or ``failed``
    (detail: message). The schema is applied first when any of it is missing.

    ``pages_per_tx`` > 1 writes that many pages per transaction (bulk loads: fewer commits); each page
    is still whole or absent, a kill loses at most the pages of the open transaction, and a page the
    server rejects is found by retrying that group one page per transaction."""
    t0 = time.monotonic()
    on_page = on_page or (lambda *_: None)
    rep = LoadReport()
    entries = collect_sources(paths, manifest)
    rep.pages = len(entries)

    def fail(path, msg):
        rep.failed.append((str(path), msg))
        on_page(str(path), "failed", msg)

    # content hashes first: unchanged pages are skipped without extracting them
    sources: dict[str, Path] = {}
    hashes: dict[Path, str] = {}
    source_of: dict[Path, str] = {}
    for f, src in entries:
        if src in sources:
            fail(f, f"{f}: source {src} is already taken in this load by {sources[src]}; "
                    "load their common parent folder so their sources differ")
            continue
        try:
            hashes[f] = ids.content_hash(f.read_bytes())
        except OSError as e:
            fail(f, f"{f}: {'no such file' if isinstance(e, FileNotFoundError) else 'cannot read'} "
                    f"({e.strerror or e})")
            continue
        sources[src], source_of[f] = f, src
    try:
        rep.schema_applied = schema.ensure(driver, database)
        if rep.schema_applied and on_schema:
            on_schema(rep.schema_applied)
        before = graph.stats(driver, database)
        known = graph.page_info(driver, database, [ids.page_id(s) for s in source_of.values()])
        twins = {} if allow_duplicates else graph.sources_by_hash(driver, database, list(hashes.values()))
    except Exception as e:  # noqa: BLE001
        if _server_gone(e):
            raise ConnectionFailed(f"Neo4j went away: {type(e).__name__}") from None
        raise
    todo = []
    for f, h in hashes.items():
        verdict = _identity(f, source_of[f], h, known.get(ids.page_id(source_of[f])), twins, force, replace)
        if verdict is None:
            todo.append(f)
            if not allow_duplicates:
                twins.setdefault(h, []).append(source_of[f])   # a second copy in this load is a duplicate
        elif verdict[0] == "skipped":
            rep.skipped += 1
            on_page(str(f), "skipped", None)
        elif verdict[0] == "duplicate":
            rep.duplicates += 1
            on_page(str(f), "duplicate", verdict[1])
        else:
            fail(f, verdict[1])

    man = None
    if manifest is not None:
        from loaders.issue_date import read_manifest
        man = read_manifest(manifest)   # InputError naming the file: the whole load stops
    _init_worker(man)
    budget = page_timeout_default() if page_timeout is None else page_timeout
    jobs = [(str(f), published, outlet, store_text, source_of[f], budget) for f in todo]
    nworkers = workers if workers is not None else min(4, os.cpu_count() or 1)
    sleep = float(os.environ.get("KB_TEST_SLEEP_BETWEEN_PAGES") or 0)

    group: list = []          # (path, rows) waiting for their transaction (pages_per_tx > 1)

    def flush():
        if not group:
            return
        batch = group[:]
        group.clear()
        try:
            results = graph.write_pages(driver, database, [r for _p, r in batch], force=force,
                                        batch_size=batch_size)
        except Exception as e:  # noqa: BLE001
            if _server_gone(e):
                raise ConnectionFailed(f"Neo4j went away while writing {Path(batch[0][0]).name}: "
                                       f"{type(e).__name__}", hint="check `kb server status`, then rerun: "
                                       "pages already written are skipped") from None
            if len(batch) > 1:      # find the page the server rejects: one transaction each
                for item in batch:
                    group.append(item)
                    flush()
                return
            msg = getattr(e, "message", None) or str(e)
            fail(batch[0][0], f"{Path(batch[0][0]).name}: the server rejected the page ({type(e).__name__}: "
                              f"{msg.splitlines()[0][:200] if msg else ''})")
            return
        for (path, _r), res in zip(batch, results):
            if res.get("skipped"):
                rep.skipped += 1
                on_page(path, "skipped", None)
            else:
                rep.loaded += 1
                rep.replaced += bool(res.get("replaced"))
                on_page(path, "loaded", res)
        if sleep:
            time.sleep(sleep)

    def write(path, result):
        status, payload = result
        if status != "ok":
            fail(path, payload)
            return
        group.append((path, payload))
        if len(group) >= max(1, pages_per_tx):
            flush()

    if nworkers <= 1 or (workers is None and len(jobs) <= INLINE_MAX):   # --workers N: a pool, as asked
        for job in jobs:
            write(job[0], _extract_page(job))
        flush()
    else:
        rep.processes = nworkers
        window = nworkers * 4
        # spawn, not fork: a forked worker would share the driver's socket and outlive a killed loader
        pool = ProcessPoolExecutor(max_workers=nworkers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(man, os.getpid()))
        try:
            pending = []
            it = iter(jobs)
            with _sigint_ignored():    # the workers start here and inherit "ignore Ctrl-C"
                for job in it:
                    pending.append((job[0], pool.submit(_extract_page, job)))
                    if len(pending) >= window:
                        break
            while pending:
                path, fut = pending.pop(0)
                nxt = next(it, None)
                if nxt is not None:
                    pending.append((nxt[0], pool.submit(_extract_page, nxt)))
                try:
                    result = fut.result()
                except Exception as e:  # noqa: BLE001 - a worker died (memory, signal)
                    result = ("error", f"extraction worker failed ({type(e).__name__}: {e})")
                write(path, result)
            flush()
        except BaseException:
            _stop_pool(pool)
            raise
        pool.shutdown()
    if posts:   # the post register (kb/posts): rebuilt from the graph after every load
        from . import posts as post_register
        rep.posts = post_register.after_load(driver, database, [src for _, src in entries], manifest=manifest,
                                             region=region)
    # what the load changed, from the count store (exact, whatever the statements were)
    after = graph.stats(driver, database)
    for part, target in (("nodes", rep.nodes), ("relationships", rep.relationships)):
        for k, v in after[part].items():
            if v - before[part].get(k, 0):
                target[k] = v - before[part].get(k, 0)
    rep.seconds = time.monotonic() - t0
    return rep
