"""``kb extract PATH...``: page files → one JSON record per article.

Bad files get one line on stderr (``kb: error: <file>: <problem>``); the other files are still
processed and the exit code is 1 at the end.
"""
from __future__ import annotations

import json

import click

from loaders.issue_date import parse_date, read_manifest
from loaders.pipeline import iter_paths, to_record

from ._options import tagger_option

TABLE_COLUMNS = ("source", "offsets", "published", "kind", "title", "reporters", "chars")


def _published(ctx, param, value):
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as e:
        raise click.BadParameter(str(e))


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--manifest", type=click.Path(dir_okay=False), help="CSV with columns file,published[,outlet].")
@click.option("--published", callback=_published, metavar="DATE", help="Issue date (YYYY-MM-DD) for every file.")
@click.option("--outlet", metavar="NAME", help="Outlet when neither the manifest nor the page names one.")
@click.option("--layout", type=click.Choice(["auto", "page", "web"]), default="auto", show_default=True,
              help="Page layout (many articles) or one web article per file.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl",
              show_default=True)
@tagger_option
def command(paths, manifest, published, outlet, layout, fmt):
    """Segment newspaper pages (or web articles) into articles with provenance."""
    man = read_manifest(manifest) if manifest else None
    records = []
    failed = 0
    for res in iter_paths(paths, published=published, manifest=man, outlet=outlet, layout=layout):
        if res.error is not None:
            failed += 1
            click.echo(f"kb: error: {res.error}", err=True)
            continue
        for ea in res.articles:
            rec = to_record(ea)
            if fmt == "jsonl":
                click.echo(json.dumps(rec, ensure_ascii=False))
            else:
                records.append(rec)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "table":
        from ._options import emit
        emit([{c: _cell(r, c) for c in TABLE_COLUMNS} for r in records], "table", keys=list(TABLE_COLUMNS))
    if failed:
        raise SystemExit(1)


def _cell(rec: dict, col: str) -> str:
    if col == "offsets":
        return f"{rec['offsets']['start']}-{rec['offsets']['end']}"
    if col == "reporters":
        return " ".join(rec.get("reporters") or [])
    if col == "chars":
        return str(len(rec.get("text") or ""))
    if col == "title":
        parts = [rec.get("kicker"), rec.get("title"), rec.get("subtitle")]
        return " / ".join(p for p in parts if p) or "-"
    v = rec.get(col)
    return "-" if v in (None, "") else str(v)
