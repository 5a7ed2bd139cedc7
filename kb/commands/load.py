"""`kb load PATH...`: extract pages and write them to the graph, one transaction per page."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from .. import db, loader


@click.command(name="load")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="CSV file,outlet,published for the pages (issue dates and outlets)")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="issue date of every page given (YYYY-MM-DD)")
@click.option("--outlet", default=None, help="outlet of every page given (株洲日报)")
@click.option("--batch-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="rows per UNWIND statement (a page with more rows gets several statements, "
                   "still in its one transaction)")
@click.option("--force", is_flag=True, help="reload pages already loaded with the same content")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="extraction processes (default: CPUs, at most 4)")
@click.option("--pages-per-tx", type=click.IntRange(min=1), default=8, show_default=True,
              help="pages per write transaction (bulk loads; each page stays whole or absent)")
@click.option("--no-text", is_flag=True, help="do not store article bodies (Article.text)")
@click.option("--region", default=None, help="region bare posts are scoped to (岚川市, 岚川市鹤屿县); "
              "default: the manifest's region column, the gazetteer, else the outlet's name")
def command(paths, manifest, published, outlet, batch_size, force, workers, pages_per_tx, no_text, region):
    """Load newspaper pages (files or folders of .txt) into Neo4j.

    Each page is written in one transaction: a page is in the graph whole or not at all. Pages already
    loaded with the same content are skipped (--force reloads them); bad pages are reported and
    skipped, the rest loads; the exit code is 1 when any page failed.
    """
    files = loader.collect_paths(paths)
    failures = []
    with db.session_driver() as (driver, database):
        t0 = time.monotonic()
        done = [0]

        def rate(_item):
            dt = time.monotonic() - t0
            return f"{done[0] / dt:.1f} pages/s" if dt > 0 and done[0] else ""

        with click.progressbar(length=len(files), label="loading", file=sys.stderr,
                               item_show_func=rate, show_pos=True) as bar:
            def on_page(path, status, detail):
                done[0] += 1
                if status == "failed":
                    failures.append((path, detail))
                    lead = "\n" if sys.stderr.isatty() else ""
                    name = Path(path).name
                    what = detail if name in str(detail) else f"{path}: {detail}"
                    click.echo(f"{lead}kb: skipped {what}", err=True)
                bar.update(1, path)

            rep = loader.load(driver, database, paths, manifest=str(manifest) if manifest else None,
                              published=published.date() if published else None, outlet=outlet,
                              batch_size=batch_size, force=force, workers=workers,
                              store_text=not no_text, pages_per_tx=pages_per_tx, on_page=on_page,
                              region=region)
    created = ", ".join(f"{v:+d} {k}" for k, v in sorted(rep.nodes.items()) if v) or "none"
    rels = ", ".join(f"{v:+d} {k}" for k, v in sorted(rep.relationships.items()) if v) or "none"
    rate_s = f"{rep.loaded / rep.seconds:.1f} pages/s" if rep.seconds > 0 else ""
    click.echo(f"pages: {rep.pages} given, {rep.loaded} loaded ({rep.replaced} replaced), "
               f"{rep.skipped} unchanged and skipped, {len(rep.failed)} failed — {rep.seconds:.1f} s {rate_s}")
    click.echo(f"nodes: {created}")
    click.echo(f"relationships: {rels}")
    if rep.posts:
        click.echo(f"post register: {rep.posts['tenures']} tenures in {rep.posts['posts']} posts, "
                   f"{rep.posts['resolved']} mentions resolved by post and date — {rep.posts['seconds']:.1f} s")
    if rep.failed:
        click.echo(f"kb: {len(rep.failed)} page(s) failed: " + "; ".join(Path(p).name for p, _ in rep.failed),
                   err=True)
        sys.exit(1)
