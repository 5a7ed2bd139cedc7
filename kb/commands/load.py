"""`kb load PATH...`: extract pages and write them to the graph."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import click

from .. import db, loader
from ._options import published_option, tagger_option


def eta(done: int, total: int, first_done_at: float | None, now: float) -> float | None:
    """Seconds left, from the pages done since the first one finished (the first page carries the
    start-up: reading word lists, opening the pool), None until two pages are done."""
    if first_done_at is None or done < 2 or done >= total:
        return None
    per_page = (now - first_done_at) / (done - 1)
    return per_page * (total - done)


# after Ctrl-C, the interrupted write's clean-up (a rollback over the wire) gets this long before kb exits hard
INTERRUPT_GRACE_S = 15.0


@contextmanager
def _bounded_interrupt(message, said: threading.Event):
    """Ctrl-C raises KeyboardInterrupt as usual, and starts a watchdog: if closing the interrupted
    transaction blocks (a connection cut mid-reply), kb still says its one line and exits 130; the
    server rolls the open transaction back when the connection drops, so the graph stays whole. ``said``
    is set once the line is written."""

    def hard_exit():
        if not said.is_set():
            sys.stderr.write(message() + "\n")
        sys.stderr.flush()
        os._exit(130)

    def on_sigint(signum, frame):
        timer = threading.Timer(INTERRUPT_GRACE_S, hard_exit)
        timer.daemon = True
        timer.start()
        raise KeyboardInterrupt

    main = threading.current_thread() is threading.main_thread()
    old = signal.signal(signal.SIGINT, on_sigint) if main else None
    try:
        yield
    finally:
        if main:
            signal.signal(signal.SIGINT, old)


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


class Progress:
    """One progress line on stderr (a terminal only): pages done of total, pages/s, ETA."""

    def __init__(self, total: int, verb: str = "loading"):
        self.total, self.done, self.first, self.verb = total, 0, None, verb
        self.t0 = time.monotonic()
        self.live = sys.stderr.isatty()

    def step(self):
        self.done += 1
        now = time.monotonic()
        if self.first is None:
            self.first = now
        if not self.live:
            return
        rate = self.done / (now - self.t0) if now > self.t0 else 0
        left = eta(self.done, self.total, self.first, now)
        tail = f" · ETA {_clock(left)}" if left is not None else ""
        click.echo(f"\r{self.verb} {self.done}/{self.total} pages · {rate:.1f} pages/s{tail}\033[K", err=True, nl=False)

    def note(self, line: str):
        click.echo(("\r\033[K" if self.live else "") + line, err=True)

    def close(self):
        if self.live and self.done:
            click.echo("", err=True)


@click.command(name="load")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="CSV with columns file,published[,outlet][,id]: issue dates, outlets, and page ids "
                   "(id replaces the path as the page's source)")
@published_option
@click.option("--outlet", default=None, help="outlet of every page given (株洲日报)")
@click.option("--batch-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="rows per UNWIND statement (a page with more rows gets several statements, "
                   "still in its transaction)")
@click.option("--force", is_flag=True, help="reload pages already loaded with the same content")
@click.option("--replace", is_flag=True,
              help="let a file replace a page of the same source loaded from another file")
@click.option("--allow-duplicates", is_flag=True,
              help="load a file even when a page with the same bytes is loaded under another source")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="extraction processes (default: CPUs, at most 4; batches of up to 8 files run in-process)")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="extract on a Dask cluster: its scheduler (tcp://host:8786), or 'local' for a "
                   "LocalCluster of this machine (needs dask[distributed])")
@click.option("--pages-per-tx", type=click.IntRange(min=1), default=loader.PAGES_PER_TX, show_default=True,
              help="pages per write transaction (each page stays whole or absent)")
@click.option("--no-text", is_flag=True, help="do not store article bodies (Article.text)")
@click.option("--page-timeout", type=click.FloatRange(min=0), default=None,
              help=f"CPU seconds of extraction per page before it is skipped as failed (0: no limit; "
                   f"default {loader.PAGE_TIMEOUT:g}, or KB_PAGE_TIMEOUT)")
@click.option("--region", default=None, help="region bare posts are scoped to (岚川市, 岚川市鹤屿县); "
              "default: the manifest's region column, the gazetteer, else the outlet's name")
@click.option("--defer-posts", is_flag=True,
              help="leave the post register as it is (many loads in a row: run `kb posts build` after the last)")
@tagger_option
def command(paths, manifest, published, outlet, batch_size, force, replace, allow_duplicates, workers,
            scheduler, pages_per_tx, no_text, page_timeout, region, defer_posts):
    """Load newspaper pages (files or folders of .txt) into Neo4j.

    A page's source (its identity) is its path relative to the folder given (a file given directly:
    its name), or the manifest's id. Pages are written 8 to a transaction by default
    (--pages-per-tx 1: one each); a page is in the graph whole or not at all. Pages already loaded
    with the same content are skipped (--force reloads them). The schema is applied first when it
    is missing. Bad pages and missing paths are reported on one line each and skipped, the rest
    loads; the exit code is 1 when any page failed.

    \b
    kb load examples/zhuzhou-daily --manifest examples/zhuzhou-daily/manifest.csv
    kb load examples/web-articles --manifest examples/web-articles/manifest.csv
    """
    from .setup import ensure_gazetteer
    ensure_gazetteer(lambda m: click.echo(m, err=True))
    entries = loader.collect_sources(paths, str(manifest) if manifest else None)
    failures = []
    with db.session_driver() as (driver, database):
        bar = Progress(len(entries))

        def on_page(path, status, detail):
            if status == "failed":
                failures.append((path, detail))
                what = detail if Path(path).name in str(detail) else f"{path}: {detail}"
                bar.note(f"kb: skipped {what}")
            elif status == "duplicate":
                bar.note(f"kb: duplicate {detail}")
            bar.step()

        def on_schema(names):
            bar.note(f"kb: the graph had no schema ({len(names)} constraints and indexes missing): "
                     "applied cypher/schema.cypher")

        def interrupted() -> str:
            return (f"\nkb: interrupted after {bar.done} of {len(entries)} pages; the pages written are "
                    "kept — rerun the same command to load the rest")

        said = threading.Event()
        try:
            with _bounded_interrupt(interrupted, said):
                rep = loader.load(driver, database, paths, manifest=str(manifest) if manifest else None,
                                  published=published.date() if published else None, outlet=outlet,
                                  batch_size=batch_size, force=force, workers=workers, replace=replace,
                                  allow_duplicates=allow_duplicates, store_text=not no_text,
                                  pages_per_tx=pages_per_tx, page_timeout=page_timeout, on_page=on_page,
                                  on_schema=on_schema, region=region, scheduler=scheduler,
                                  posts=not defer_posts)
        except KeyboardInterrupt:
            # one line, no traceback: the written pages are whole, a rerun skips them
            bar.close()
            said.set()
            click.echo(interrupted(), err=True)
            sys.exit(130)
        finally:
            bar.close()
    created = ", ".join(f"{v:+d} {k}" for k, v in sorted(rep.nodes.items()) if v) or "none"
    rels = ", ".join(f"{v:+d} {k}" for k, v in sorted(rep.relationships.items()) if v) or "none"
    rate_s = f"{rep.loaded / rep.seconds:.1f} pages/s" if rep.seconds > 0 else ""
    dups = f", {rep.duplicates} duplicates skipped" if rep.duplicates else ""
    click.echo(f"pages: {rep.pages} given, {rep.loaded} loaded ({rep.replaced} replaced), "
               f"{rep.skipped} unchanged and skipped{dups}, {len(rep.failed)} failed — {rep.seconds:.1f} s {rate_s}")
    click.echo(f"nodes: {created}")
    click.echo(f"relationships: {rels}")
    if rep.posts:
        click.echo(f"post register: {rep.posts['tenures']} tenures in {rep.posts['posts']} posts, "
                   f"{rep.posts['resolved']} mentions resolved by post and date — {rep.posts['seconds']:.1f} s")
    elif defer_posts:
        click.echo("post register: not rebuilt (--defer-posts); run `kb posts build` after the last load")
    else:
        click.echo("post register: unchanged, as no page or region changed")
    if rep.failed:
        click.echo(f"kb: {len(rep.failed)} page(s) failed: " + "; ".join(Path(p).name for p, _ in rep.failed),
                   err=True)
        sys.exit(1)
