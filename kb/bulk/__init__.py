"""`kb import`: the first load of an archive with Neo4j's import tool.

Extraction runs on worker processes (or a Dask cluster, :mod:`kb.extraction`), the rows it gives are
the ones ``kb load`` writes (:func:`kb.page_rows.page_rows`), written as import files
(:mod:`kb.bulk.files`); then, for the local server, ``neo4j-admin database import full`` replaces its
database (server stopped, started again), the schema is applied and the post register built, as after
``kb load``. Every Page node keeps its content hash, so a later ``kb load`` of the same pages skips them.
For a remote server the files are written and the command to run on it is returned.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import threading
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from .. import config, extraction, ids, loader
from ..errors import InputError, KbError
from . import files, register


FINISH = "kb-import.json"     # what kb needs after the import tool ran: empty lists, sources, manifest


class NotEmpty(KbError):
    """The database already holds a graph (kb import replaces a database; --overwrite to allow it)."""


@dataclass
class ImportReport:
    pages: int = 0                      # files given
    imported: int = 0                   # pages written to the import files
    duplicates: int = 0
    failed: list = field(default_factory=list)          # (file, message)
    folder: str = ""                    # the import files
    rows: dict = field(default_factory=dict)            # shared file → rows
    command: list = field(default_factory=list)         # neo4j-admin arguments (remote: to run there)
    seconds: dict = field(default_factory=dict)         # phase → seconds (extract, import, start, schema, posts)
    stats: dict = field(default_factory=dict)           # the graph after (local)
    posts: dict = field(default_factory=dict)
    local: bool = True
    wall: float = 0.0                   # seconds, start to end


def _job(job: tuple) -> tuple:
    """One page → ("ok", page-owned lines, shared rows) | ("error", message). Runs on a worker."""
    status, payload = extraction.extract_page(job)
    if status != "ok":
        return status, payload
    try:
        return ("ok", *files.page_lines(payload), files.shared_rows(payload), register.inputs(payload))
    except files.ModelError as e:
        return "error", f"{Path(job[0]).name}: cannot write the import files ({e})"


def plan(paths: Iterable, manifest: Optional[str], allow_duplicates: bool,
         fail: Callable) -> tuple[list, int]:
    """(file, source) of the pages to import, and how many were duplicates; as ``kb load`` decides
    (one source per page, a second copy of the same bytes skipped unless ``allow_duplicates``)."""
    sources: dict[str, Path] = {}
    twins: dict[str, str] = {}
    todo, dups = [], 0
    for f, src in loader.collect_sources(paths, manifest):
        if src in sources:
            fail(f, f"{f}: source {src} is already taken in this import by {sources[src]}; "
                    "import their common parent folder so their sources differ", "failed")
            continue
        try:
            h = ids.content_hash(f.read_bytes())
        except OSError as e:
            fail(f, f"{f}: cannot read ({e.strerror or e})", "failed")
            continue
        sources[src] = f
        if h in twins and not allow_duplicates:
            dups += 1
            fail(f, f"{f}: same bytes as {twins[h]}; skipped (--allow-duplicates to import it too)", "duplicate")
            continue
        twins.setdefault(h, src)
        todo.append((f, src))
    return todo, dups


def extract_files(todo: list, folder: Path, *, manifest=None, published=None, outlet=None,
                  store_text: bool = True, workers: Optional[int] = None, scheduler=None,
                  page_timeout: Optional[float] = None, on_page: Callable = lambda *_: None,
                  posts: Optional[register.Collector] = None) -> tuple:
    """Extract ``todo`` pages into import files in ``folder``; (pages written, failures, rows per shared
    file, empty lists to set after the import). ``posts`` collects what the post register needs."""
    man = None
    if manifest is not None:
        from loaders.issue_date import read_manifest
        man = read_manifest(manifest)
    budget = extraction.page_timeout_default() if page_timeout is None else page_timeout
    jobs = [(str(f), published, outlet, store_text, src, budget) for f, src in todo]
    out = files.Writer(folder)
    done, failed = 0, []
    try:
        with closing(extraction.run(_job, jobs, manifest=man, workers=workers, scheduler=scheduler)) as results:
            for job, res in results:
                if res[0] == "ok":
                    out.add(*res[1:4])
                    if posts is not None:
                        posts.add(job[4], *res[4])
                    done += 1
                    on_page(job[0], "imported", None)
                else:
                    failed.append((job[0], res[1]))
                    on_page(job[0], "failed", res[1])
    finally:
        rows = out.close()
    return done, failed, rows, out.empty


def _server_memory() -> tuple[str, str]:
    """Heap and page cache the local server was configured with (its neo4j.conf)."""
    from .. import server
    heap, cache = server.DEFAULT_HEAP, server.DEFAULT_PAGECACHE
    try:
        text = (server.neo4j_home() / "conf" / "neo4j.conf").read_text()
    except OSError:
        return heap, cache
    m = re.search(r"^server\.memory\.heap\.max_size=(\S+)", text, re.M)
    c = re.search(r"^server\.memory\.pagecache\.size=(\S+)", text, re.M)
    return (m.group(1) if m else heap), (c.group(1) if c else cache)


def import_args(database: str, folder: str, posts: bool) -> list[str]:
    """neo4j-admin's arguments for the files kb import wrote into ``folder`` (the register's too)."""
    return files.admin_args(database, folder) + (register.admin_args(folder) if posts else [])


def check_empty(driver, database: str, overwrite: bool) -> None:
    from .. import graph
    st = graph.stats(driver, database)
    n = sum(st["nodes"].values())
    if n and not overwrite:
        raise NotEmpty(f"database {database!r} already holds {n} nodes; kb import replaces a whole database",
                       hint="`kb load` adds pages to a loaded graph; `kb import --overwrite` replaces it")


def run_import(args: list[str], folder: Path, seconds: dict, stopping: Optional[threading.Thread] = None) -> None:
    """Stop the local server (``stopping``: already being stopped), run neo4j-admin with ``args``,
    start the server again (also on failure)."""
    from .. import server
    bolt, http = config.local_ports()
    heap, cache = _server_memory()
    if stopping is not None:
        stopping.join()
    server.stop()
    try:
        t0 = time.monotonic()
        server.admin(args + ["--overwrite-destination=true", f"--report-file={folder / 'import.report'}",
                             f"--threads={os.cpu_count() or 1}", f"--max-off-heap-memory={cache.upper()}"],
                     timeout=24 * 3600)
        seconds["import"] = time.monotonic() - t0
    finally:
        t0 = time.monotonic()
        server.start(bolt_port=bolt, http_port=http, heap=heap, pagecache=cache)
        seconds["start"] = time.monotonic() - t0


def set_empty_lists(driver, database: str, empty: list, batch: int = 10000) -> None:
    """Set the empty lists the import tool could not write (``kb load`` stores ``[]``, not nothing)."""
    by: dict[tuple, list] = {}
    for label, prop, id_ in empty:
        by.setdefault((label, prop), []).append(id_)
    for (label, prop), idl in by.items():
        assert label in files.NODES and prop in files.NODES[label]     # names from the model, never input
        for i in range(0, len(idl), batch):
            driver.execute_query(f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) SET n.`{prop}` = []",
                                 ids=idl[i:i + batch], database_=database, routing_="w")


def finish_import(driver, database: str, folder: Path, rep: Optional[ImportReport] = None,
                  posts: bool = True) -> ImportReport:
    """What follows the import tool (here, or `kb import --finish DIR` after an import run on another
    machine): the empty lists, the schema (indexes built, waited for), the post register, stats."""
    try:
        done = json.loads((Path(folder) / FINISH).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{folder}: not a folder kb import wrote ({FINISH}: {e})") from None
    rep = rep or ImportReport(folder=str(folder))
    if posts and done.get("posts") is not None:      # the register came in the files: regions only
        posts, rep.posts = "regions", done["posts"]
    after_import(driver, database, done["sources"], rep, manifest=done["manifest"], region=done["region"],
                 posts=posts, empty=[tuple(x) for x in done["empty"]])
    return rep


def after_import(driver, database: str, sources: list, rep: ImportReport, *, manifest=None, region=None,
                 posts=True, empty: Iterable = ()) -> None:
    """The schema (indexes built, waited for), the empty lists, the post register (``posts`` "regions":
    it came in the import files, only the pages' regions are recorded), stats."""
    from .. import graph, schema
    t0 = time.monotonic()
    schema.apply(driver, database)
    set_empty_lists(driver, database, list(empty))       # by id: after the indexes
    rep.seconds["schema"] = time.monotonic() - t0
    if posts:
        from .. import posts as post_register
        t0 = time.monotonic()
        if posts == "regions":
            post_register.record_regions(driver, database, sources, manifest=manifest, region=region)
        else:
            rep.posts = post_register.after_load(driver, database, sources, manifest=manifest, region=region)
        rep.seconds["posts"] = time.monotonic() - t0
    rep.stats = graph.stats(driver, database)


def import_pages(paths: Iterable, *, folder: Optional[Path] = None, manifest: Optional[str] = None,
                 published=None, outlet: Optional[str] = None, store_text: bool = True,
                 workers: Optional[int] = None, scheduler=None, page_timeout: Optional[float] = None,
                 overwrite: bool = False, allow_duplicates: bool = False, keep_files: bool = False,
                 region: Optional[str] = None, settings: Optional[config.Settings] = None,
                 on_page: Callable = lambda *_: None, on_phase: Callable = lambda _m: None,
                 posts: bool = True) -> ImportReport:
    """Import pages into an empty database (local server), or write the files for a remote one.
    ``on_page(file, status, detail)``: status ``imported``, ``duplicate`` or ``failed``."""
    from .. import db
    t_start = time.monotonic()
    s = settings or config.settings()
    rep = ImportReport(local=s.local)
    given = loader.collect_sources(paths, manifest)
    rep.pages = len(given)
    if s.local:
        with db.session_driver(s) as (driver, database):
            check_empty(driver, database, overwrite)

    def fail(f, msg, status):
        if status == "failed":
            rep.failed.append((str(f), msg))
        on_page(str(f), status, msg)

    todo, rep.duplicates = plan(paths, manifest, allow_duplicates, fail)
    if not todo:
        raise InputError("no page to import", hint="give folders or files of .txt pages")
    folder = Path(folder) if folder else config.kb_home() / "import" / time.strftime("%Y%m%d-%H%M%S")
    if folder.exists() and any(folder.iterdir()):
        raise InputError(f"{folder} is not empty", hint="give --files a new or empty folder")
    rep.folder = str(folder)
    stopping = None
    if s.local:   # the database is replaced anyway: stop the server now, its CPU goes to the extraction
        from .. import server
        on_phase("stopping the local server (it starts again with the imported database)")
        stopping = threading.Thread(target=server.stop, name="kb-server-stop", daemon=True)
        stopping.start()
    collect = register.Collector(manifest, region) if posts else None
    try:
        t0 = time.monotonic()
        rep.imported, failed, rep.rows, empty = extract_files(
            todo, folder, manifest=manifest, published=published, outlet=outlet, store_text=store_text,
            workers=workers, scheduler=scheduler, page_timeout=page_timeout, on_page=on_page, posts=collect)
        rep.failed += failed
        rep.seconds["extract"] = time.monotonic() - t0
        if not rep.imported:
            raise InputError("no page could be extracted; nothing imported")
        if collect is not None:     # the post register, derived from the rows: files like the others
            t0 = time.monotonic()
            rep.posts = collect.write(folder)
            rep.seconds["register"] = time.monotonic() - t0
    except BaseException:
        if stopping is not None:     # nothing imported: the old database comes back as it was
            stopping.join()
            server.start(bolt_port=config.local_ports()[0], http_port=config.local_ports()[1],
                         heap=_server_memory()[0], pagecache=_server_memory()[1])
        raise
    finish = {"empty": empty, "sources": [src for _f, src in given],
              "manifest": str(Path(manifest).resolve()) if manifest else None, "region": region,
              "posts": rep.posts if collect is not None else None}
    (folder / FINISH).write_text(json.dumps(finish, ensure_ascii=False), encoding="utf-8")
    if not s.local:
        rep.command = import_args(s.database, ".", collect is not None) + ["--overwrite-destination=true"]
        rep.wall = time.monotonic() - t_start
        return rep
    rep.command = import_args(s.database, str(folder), collect is not None)
    on_phase(f"{rep.imported} pages extracted; running neo4j-admin database import")
    run_import(rep.command, folder, rep.seconds, stopping)
    on_phase("imported, server started; applying the schema and building the post register")
    with db.session_driver(config.settings()) as (driver, database):
        finish_import(driver, database, folder, rep, posts=posts)
    if not keep_files:
        shutil.rmtree(folder, ignore_errors=True)
    rep.wall = time.monotonic() - t_start
    return rep
