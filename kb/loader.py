"""Loading pages: paths → extraction (worker processes) → one write transaction per page.

* Every input file is a page; its ``source`` (its identity: ids hash it) is its path relative to the
  folder given on the command line (a file given directly: its name), or the manifest's ``id`` column.
  A different file claiming a source already loaded with other content is refused unless ``replace``;
  a file with the same bytes as a page loaded under another source is reported and skipped unless
  ``allow_duplicates``.
* A page already in the graph with the same content hash (SHA-256 of the file's bytes) is skipped
  before extraction, unless ``force``. Changing ``--published``/``--manifest`` or the extractor does
  not change the hash: reload with ``force``.
* Extraction is a pure function of the file, so it runs on workers (:mod:`kb.extraction`: ``workers``
  spawned processes when there are more than a few files, or a Dask cluster with ``scheduler``); the
  workers also build the rows (:func:`kb.graph.page_rows`), each page within a time budget
  (``page_timeout``). The main process writes pages in input order, ``pages_per_tx`` to a
  transaction (:func:`kb.graph.write_pages`): a page is in the graph whole or not at all, so a loader
  killed at any moment leaves only whole pages, and a rerun completes the rest.
* A bad page (unreadable, no article, a write the server rejects) is reported and skipped; the rest
  loads. A server that goes away aborts the load with :class:`kb.errors.ConnectionFailed`.
"""
from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import extraction, graph, ids, schema
from .errors import ConnectionFailed
from .extraction import INLINE_MAX, PAGE_TIMEOUT, page_timeout_default  # noqa: F401 - part of this API

SKIP_NAMES = {"manifest.csv", "SOURCES.tsv"}
PAGES_PER_TX = 8        # `kb load`'s default (--pages-per-tx): fewer commits, each page still whole
PAGE_SUFFIXES = (".txt",)


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


# ------------------------------------------------------------------ main process

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


def _preflight(driver, database: str, hashes: dict, source_of: dict, allow_duplicates: bool) -> tuple:
    """(schema rules applied, counts before, pages known, sources by hash): the reads before the
    writes, run side by side (on a server just started each one waits for its plan)."""
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="kb-preflight") as ex:
        known = ex.submit(graph.page_info, driver, database, [ids.page_id(s) for s in source_of.values()])
        twins = None if allow_duplicates else ex.submit(graph.sources_by_hash, driver, database,
                                                         list(hashes.values()))
        applied = schema.ensure(driver, database)
        before = graph.stats(driver, database)     # after the schema: counts of what the load changes
        return applied, before, known.result(), (twins.result() if twins else {})


def _read_hashes(entries: list, fail: Callable) -> tuple[dict, dict]:
    """Content hash and source of every readable file (a source taken twice fails the second)."""
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
    return hashes, source_of


def _triage(rep: LoadReport, hashes: dict, source_of: dict, known: dict, twins: dict, opts: dict,
            on_page: Callable, fail: Callable) -> list[Path]:
    """The files to extract; the others reported (unchanged, duplicate, refused)."""
    todo = []
    for f, h in hashes.items():
        verdict = _identity(f, source_of[f], h, known.get(ids.page_id(source_of[f])), twins, opts["force"],
                            opts["replace"])
        if verdict is None:
            todo.append(f)
            if not opts["allow_duplicates"]:
                twins.setdefault(h, []).append(source_of[f])   # a second copy in this load is a duplicate
        elif verdict[0] == "skipped":
            rep.skipped += 1
            on_page(str(f), "skipped", None)
        elif verdict[0] == "duplicate":
            rep.duplicates += 1
            on_page(str(f), "duplicate", verdict[1])
        else:
            fail(f, verdict[1])
    return todo


class _Writer:
    """The main process's side: extracted pages written in input order, ``pages_per_tx`` to a
    transaction; a group the server rejects is retried one page per transaction to find the page."""

    def __init__(self, driver, database: str, rep: LoadReport, on_page: Callable, fail: Callable,
                 force: bool, batch_size: int, pages_per_tx: int, planned: Optional[threading.Event] = None):
        self.driver, self.database, self.rep, self.on_page, self.fail = driver, database, rep, on_page, fail
        self.planned = planned        # set once the write statements are planned: the first write waits
        self.force, self.batch_size, self.per_tx = force, batch_size, max(1, pages_per_tx)
        self.group: list = []         # (path, rows) waiting for their transaction
        self.sleep = float(os.environ.get("KB_TEST_SLEEP_BETWEEN_PAGES") or 0)

    def write(self, path: str, result: tuple) -> None:
        status, payload = result
        if status != "ok":
            self.fail(path, payload)
            return
        self.group.append((path, payload))
        if len(self.group) >= self.per_tx:
            self.flush()

    def flush(self) -> None:
        if not self.group:
            return
        batch = self.group[:]
        self.group.clear()
        if self.planned is not None:
            self.planned.wait(timeout=120)
            self.planned = None
        try:
            results = graph.write_pages(self.driver, self.database, [r for _p, r in batch], force=self.force,
                                        batch_size=self.batch_size)
        except Exception as e:  # noqa: BLE001
            if _server_gone(e):
                raise ConnectionFailed(f"Neo4j went away while writing {Path(batch[0][0]).name}: "
                                       f"{type(e).__name__}", hint="check `kb server status`, then rerun: "
                                       "pages already written are skipped") from None
            if len(batch) > 1:      # find the page the server rejects: one transaction each
                for item in batch:
                    self.group.append(item)
                    self.flush()
                return
            msg = getattr(e, "message", None) or str(e)
            self.fail(batch[0][0], f"{Path(batch[0][0]).name}: the server rejected the page "
                                   f"({type(e).__name__}: {msg.splitlines()[0][:200] if msg else ''})")
            return
        for (path, _r), res in zip(batch, results):
            if res.get("skipped"):
                self.rep.skipped += 1
                self.on_page(path, "skipped", None)
            else:
                self.rep.loaded += 1
                self.rep.replaced += bool(res.get("replaced"))
                self.on_page(path, "loaded", res)
        if self.sleep:
            time.sleep(self.sleep)


def load(driver, database: str, paths: Iterable, *, manifest: Optional[str] = None,
         published=None, outlet: Optional[str] = None, batch_size: int = 1000, force: bool = False,
         workers: Optional[int] = None, store_text: bool = True, pages_per_tx: int = 1,
         page_timeout: Optional[float] = None, replace: bool = False, allow_duplicates: bool = False,
         on_page: Optional[Callable[[str, str, object], None]] = None,
         on_schema: Optional[Callable[[list], None]] = None, region: Optional[str] = None,
         posts: bool = True, scheduler=None) -> LoadReport:
    """Load pages into the graph. ``on_page(file, status, detail)`` is called once per file with
    status ``loaded`` (detail: counts), ``skipped``, ``duplicate`` (detail: message) or ``failed``
    (detail: message). The schema is applied first when any of it is missing.

    ``pages_per_tx`` > 1 writes that many pages per transaction (bulk loads: fewer commits); each page
    is still whole or absent, a kill loses at most the pages of the open transaction, and a page the
    server rejects is found by retrying that group one page per transaction. ``scheduler`` (a Dask
    scheduler's address, ``local`` or a Client) extracts on a Dask cluster instead of local processes."""
    t0 = time.monotonic()
    on_page = on_page or (lambda *_: None)
    rep = LoadReport()
    entries = collect_sources(paths, manifest)
    rep.pages = len(entries)

    def fail(path, msg):
        rep.failed.append((str(path), msg))
        on_page(str(path), "failed", msg)

    # the statements are planned on the server meanwhile (seconds on a server just started): the page
    # writes before the first one, the post register's while the pages are written
    planned = threading.Event()

    def warm():
        graph.warm_plans(driver, database)
        planned.set()
        if posts:
            from .posts.build import plans
            graph.warm_plans(driver, database, plans())
    # joined before the load returns: no thread of it outlives the load (and writes while the caller prints)
    warmer = threading.Thread(target=warm, name="kb-warm-plans", daemon=True)
    warmer.start()
    # content hashes first: unchanged pages are skipped without extracting them
    hashes, source_of = _read_hashes(entries, fail)
    try:
        rep.schema_applied, before, known, twins = _preflight(driver, database, hashes, source_of,
                                                              allow_duplicates)
        if rep.schema_applied and on_schema:
            on_schema(rep.schema_applied)
    except Exception as e:  # noqa: BLE001
        if _server_gone(e):
            raise ConnectionFailed(f"Neo4j went away: {type(e).__name__}") from None
        raise
    todo = _triage(rep, hashes, source_of, known, twins, {"force": force, "replace": replace,
                                                         "allow_duplicates": allow_duplicates}, on_page, fail)
    man = None
    if manifest is not None:
        from loaders.issue_date import read_manifest
        man = read_manifest(manifest)   # InputError naming the file: the whole load stops
    budget = page_timeout_default() if page_timeout is None else page_timeout
    jobs = [(str(f), published, outlet, store_text, source_of[f], budget) for f in todo]
    rep.processes = 0 if scheduler is not None else extraction.pool_size(workers, len(jobs))
    out = _Writer(driver, database, rep, on_page, fail, force, batch_size, pages_per_tx, planned)
    with closing(extraction.run(extraction.extract_page, jobs, manifest=man, workers=workers,
                                scheduler=scheduler)) as results:
        for job, result in results:
            out.write(job[0], result)
    out.flush()
    if posts:   # the post register (kb/posts): rebuilt from the graph after every load that changed a page
        from . import posts as post_register
        rep.posts = post_register.after_load(driver, database, [src for _, src in entries], manifest=manifest,
                                             region=region, changed=rep.loaded > 0)
    # what the load changed, from the count store (exact, whatever the statements were)
    after = graph.stats(driver, database)
    for part, target in (("nodes", rep.nodes), ("relationships", rep.relationships)):
        for k, v in after[part].items():
            if v - before[part].get(k, 0):
                target[k] = v - before[part].get(k, 0)
    rep.seconds = time.monotonic() - t0
    warmer.join(timeout=60)
    return rep
