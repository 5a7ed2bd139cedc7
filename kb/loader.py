"""Loading pages: paths → extraction (worker processes) → one write transaction per page.

* Every input file is a page; its ``source`` is its file name (ids hash it: file names must be unique
  within an archive — a second file with a name already seen in the same run is reported and skipped).
* A page already in the graph with the same content hash (SHA-256 of the file's bytes) is skipped
  before extraction, unless ``force``. Changing ``--published``/``--manifest`` or the extractor does
  not change the hash: reload with ``force``.
* Extraction is a pure function of the file, so it runs in a ``ProcessPoolExecutor`` (``workers``
  processes, when there are more than a few files); the workers also build the rows
  (:func:`kb.graph.page_rows`). The main process writes pages in input order, one transaction each
  (:func:`kb.graph.write_rows`): a page is in the graph whole or not at all, so a loader killed at
  any moment leaves only whole pages, and a rerun completes the rest.
* A bad page (unreadable, no article, a write the server rejects) is reported and skipped; the rest
  loads. A server that goes away aborts the load with :class:`kb.errors.ConnectionFailed`.
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import graph, ids
from .errors import ConnectionFailed, InputError, KbError

SKIP_NAMES = {"manifest.csv", "SOURCES.tsv"}
PAGE_SUFFIXES = (".txt",)
INLINE_MAX = 3          # up to this many files: extract in-process (no pool start-up)


@dataclass
class LoadReport:
    pages: int = 0                      # files given
    loaded: int = 0                     # pages written
    replaced: int = 0                   # of which had an older version (changed content or --force)
    skipped: int = 0                    # unchanged pages (same content hash)
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


# ------------------------------------------------------------------ worker side (pure)

_MANIFEST = None   # the parsed manifest, set once per worker process (see _init_worker)


def _init_worker(manifest):
    global _MANIFEST
    _MANIFEST = manifest


def _extract_page(job: tuple) -> tuple:
    """(path, published, outlet, store_text) → ("ok", rows) | ("error", message)."""
    path, published, outlet, store_text = job
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
        rows = graph.page_rows(Path(path).name, h, page_published, page_outlet, articles, store_text=store_text)
        return ("ok", rows)
    except KbError as e:
        return ("error", str(e))
    except (OSError, UnicodeError, ValueError) as e:
        return ("error", f"{Path(path).name}: {type(e).__name__}: {e}")
    except Exception as e:  # noqa: BLE001 - a bug on one page must not stop the archive
        return ("error", f"{Path(path).name}: extraction failed ({type(e).__name__}: {e})")


# ------------------------------------------------------------------ main process

def _server_gone(e: Exception) -> bool:
    from neo4j.exceptions import ServiceUnavailable, SessionExpired, AuthError
    return isinstance(e, (ServiceUnavailable, SessionExpired, AuthError, ConnectionError))


def load(driver, database: str, paths: Iterable, *, manifest: Optional[str] = None,
         published=None, outlet: Optional[str] = None, batch_size: int = 1000, force: bool = False,
         workers: Optional[int] = None, store_text: bool = True, pages_per_tx: int = 1,
         on_page: Optional[Callable[[str, str, object], None]] = None, region: Optional[str] = None,
         posts: bool = True) -> LoadReport:
    """Load pages into the graph. ``on_page(file, status, detail)`` is called once per file with
    status ``loaded`` (detail: counts), ``skipped`` or ``failed`` (detail: message).

    ``pages_per_tx`` > 1 writes that many pages per transaction (bulk loads: fewer commits); each page
    is still whole or absent, a kill loses at most the pages of the open transaction, and a page the
    server rejects is found by retrying that group one page per transaction."""
    t0 = time.monotonic()
    on_page = on_page or (lambda *_: None)
    rep = LoadReport()
    files = collect_paths(paths)
    rep.pages = len(files)

    def fail(path, msg):
        rep.failed.append((str(path), msg))
        on_page(str(path), "failed", msg)

    # content hashes first: unchanged pages are skipped without extracting them
    names: dict[str, Path] = {}
    hashes: dict[Path, str] = {}
    for f in files:
        if f.name in names:
            fail(f, f"{f.name}: a page with this file name is already in this load ({names[f.name]}); "
                    "page ids are file names")
            continue
        try:
            hashes[f] = ids.content_hash(f.read_bytes())
        except OSError as e:
            fail(f, f"{f}: cannot read ({e.strerror or e})")
            continue
        names[f.name] = f
    try:
        before = graph.stats(driver, database)
        known = graph.page_hashes(driver, database, [ids.page_id(f.name) for f in hashes])
    except Exception as e:  # noqa: BLE001
        if _server_gone(e):
            raise ConnectionFailed(f"Neo4j went away: {type(e).__name__}") from None
        raise
    todo = []
    for f, h in hashes.items():
        if not force and known.get(ids.page_id(f.name)) == h:
            rep.skipped += 1
            on_page(str(f), "skipped", None)
        else:
            todo.append(f)

    man = None
    if manifest is not None:
        from loaders.issue_date import read_manifest
        man = read_manifest(manifest)   # InputError naming the file: the whole load stops
    _init_worker(man)
    jobs = [(str(f), published, outlet, store_text) for f in todo]
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

    if nworkers <= 1 or len(jobs) <= INLINE_MAX:
        for job in jobs:
            write(job[0], _extract_page(job))
        flush()
    else:
        window = nworkers * 4
        pool = ProcessPoolExecutor(max_workers=nworkers, initializer=_init_worker, initargs=(man,))
        try:
            pending = []
            it = iter(jobs)
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
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
    if posts:   # the post register (kb/posts): rebuilt from the graph after every load
        from . import posts as post_register
        rep.posts = post_register.after_load(driver, database, files, manifest=manifest, region=region)
    # what the load changed, from the count store (exact, whatever the statements were)
    after = graph.stats(driver, database)
    for part, target in (("nodes", rep.nodes), ("relationships", rep.relationships)):
        for k, v in after[part].items():
            if v - before[part].get(k, 0):
                target[k] = v - before[part].get(k, 0)
    rep.seconds = time.monotonic() - t0
    return rep
