"""`kb import PATH...`: the first load of an archive, with Neo4j's import tool."""
from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from .. import loader
from ._options import published_option
from .load import Progress


@click.command(name="import")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="CSV with columns file,published[,outlet][,id][,region], as for kb load")
@published_option
@click.option("--outlet", default=None, help="outlet of every page given (株洲日报)")
@click.option("--overwrite", is_flag=True, help="replace a database that already holds a graph")
@click.option("--files", "folder", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="folder for the import files (default: a new folder under $KB_HOME/import; "
                   "removed after a local import unless --keep-files)")
@click.option("--keep-files", is_flag=True, help="keep the import files after a local import")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="extraction processes (default: CPUs, at most 4)")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="extract on a Dask cluster: its scheduler (tcp://host:8786), or 'local' for a "
                   "LocalCluster of this machine (needs dask[distributed])")
@click.option("--allow-duplicates", is_flag=True,
              help="import a file even when another one given has the same bytes")
@click.option("--no-text", is_flag=True, help="do not store article bodies (Article.text)")
@click.option("--page-timeout", type=click.FloatRange(min=0), default=None,
              help=f"CPU seconds of extraction per page before it is skipped as failed (0: no limit; "
                   f"default {loader.PAGE_TIMEOUT:g}, or KB_PAGE_TIMEOUT)")
@click.option("--region", default=None, help="region bare posts are scoped to, as for kb load")
@click.option("--finish", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="after the import tool ran on the database's machine with the files of DIR: set the "
                   "empty lists, apply the schema and build the post register (NEO4J_URI)")
def command(paths, manifest, published, outlet, overwrite, folder, keep_files, workers, scheduler,
            allow_duplicates, no_text, page_timeout, region, finish):
    """Import an archive into an empty database with Neo4j's import tool (2x kb load's speed here).

    The graph is the one `kb load` writes (same ids and properties). Pages are extracted by worker
    processes (or a Dask cluster: --scheduler) into node and relationship files; the local server is
    then stopped, `neo4j-admin database import full` run, the server started, the schema applied and
    the post register built. Every page keeps its content hash: a later `kb load` of the same pages
    skips them, and `kb load` adds new pages. A database that holds a graph is refused unless
    --overwrite. With NEO4J_URI set to another server, the files are written and the command to run
    where the database lives is printed, then `kb import --finish DIR`.

    \b
    kb import archive/ --manifest archive/manifest.csv
    kb import archive/ --scheduler tcp://10.0.0.5:8786
    """
    from .. import bulk, db
    if finish is not None:
        with db.session_driver() as (driver, database):
            rep = bulk.finish_import(driver, database, finish)
        click.echo("nodes: " + (", ".join(f"{v} {k}" for k, v in rep.stats["nodes"].items() if v) or "none"))
        return
    if not paths:
        raise click.UsageError("give the pages to import (files or folders), or --finish DIR")
    from .setup import ensure_gazetteer
    ensure_gazetteer(lambda m: click.echo(m, err=True))
    entries = loader.collect_sources(paths, str(manifest) if manifest else None)
    bar = Progress(len(entries), verb="extracting")

    def on_page(path, status, detail):
        if status == "failed":
            bar.note(f"kb: skipped {detail if Path(path).name in str(detail) else f'{path}: {detail}'}")
        elif status == "duplicate":
            bar.note(f"kb: duplicate {detail}")
        bar.step()

    try:
        rep = bulk.import_pages(paths, folder=folder, manifest=str(manifest) if manifest else None,
                                published=published.date() if published else None, outlet=outlet,
                                store_text=not no_text, workers=workers, scheduler=scheduler,
                                page_timeout=page_timeout, overwrite=overwrite,
                                allow_duplicates=allow_duplicates, keep_files=keep_files, region=region,
                                on_page=on_page,
                                on_phase=lambda m: bar.note(f"kb: {m}"))
    except KeyboardInterrupt:
        bar.close()
        click.echo(f"\nkb: interrupted after {bar.done} of {len(entries)} pages; nothing was imported", err=True)
        sys.exit(130)
    finally:
        bar.close()
    sec = rep.seconds
    rate = rep.imported / sec["extract"] if sec.get("extract") else 0
    click.echo(f"pages: {rep.pages} given, {rep.imported} extracted, {rep.duplicates} duplicates skipped, "
               f"{len(rep.failed)} failed — extraction {sec.get('extract', 0):.1f} s ({rate:.1f} pages/s)")
    if not rep.local:
        click.echo(f"import files: {rep.folder}")
        click.echo("NEO4J_URI is not the local server: copy the folder to the database server and run there "
                   "(database stopped, or `STOP DATABASE` first), from inside the folder:")
        click.echo("  neo4j-admin " + " ".join(shlex.quote(a) for a in rep.command))
        click.echo(f"then, from here (NEO4J_URI set): kb import --finish {shlex.quote(rep.folder)}")
    else:
        total = rep.wall
        click.echo(f"import tool {sec.get('import', 0):.1f} s, server start {sec.get('start', 0):.1f} s, "
                   f"schema {sec.get('schema', 0):.1f} s, post register "
                   f"{sec.get('register', 0) + sec.get('posts', 0):.1f} s — "
                   f"{total:.1f} s in all ({rep.imported / total if total else 0:.1f} pages/s)")
        nodes = ", ".join(f"{v} {k}" for k, v in rep.stats["nodes"].items() if v) or "none"
        rels = ", ".join(f"{v} {k}" for k, v in rep.stats["relationships"].items() if v) or "none"
        click.echo(f"nodes: {nodes}")
        click.echo(f"relationships: {rels}")
        if keep_files:
            click.echo(f"import files kept in {rep.folder}")
    if rep.failed:
        click.echo(f"kb: {len(rep.failed)} page(s) failed: " + "; ".join(Path(p).name for p, _ in rep.failed),
                   err=True)
        sys.exit(1)
