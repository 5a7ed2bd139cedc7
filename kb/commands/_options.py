"""What every command shares: option decorators (format and output, date range, issue date) and one
``emit(rows, fmt, output)`` that renders and writes rows the same way for every command."""
from __future__ import annotations

import os
import shutil
import sys

import click

from .. import render
from ..queries import jsonable

ROW_FORMATS = ["table", "markdown", "csv", "json", "jsonl"]


def format_options(formats=tuple(ROW_FORMATS), default: str = "table", columns: bool = True):
    """--format, --output/-o and, for row output, --wide and --columns."""
    def deco(f):
        if columns:
            f = click.option("--columns", "columns", metavar="A,B,C", default=None,
                             help="Only these columns, in this order (comma-separated).")(f)
            f = click.option("--wide", is_flag=True,
                             help="Tables: keep every cell whole instead of fitting the terminal ($COLUMNS).")(f)
        f = click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
                         help="Write to FILE (UTF-8) instead of standard output.")(f)
        return click.option("--format", "fmt", type=click.Choice(list(formats)), default=default,
                            show_default=True,
                            help="table: aligned for people; csv/json/jsonl: for programs.")(f)
    return deco


def date_range(f):
    """--from/--to (YYYY-MM-DD; YYYY-MM or YYYY = its start or end)."""
    f = click.option("--to", "date_to", metavar="DATE",
                     help="Last day (YYYY-MM-DD; YYYY-MM or YYYY = its end).")(f)
    return click.option("--from", "date_from", metavar="DATE",
                        help="First day (YYYY-MM-DD; YYYY-MM or YYYY = its start).")(f)


def event_types_option(f):
    """--type TYPE (repeatable, or comma-separated): only events of these types; a tuple, () = every type."""
    from typing import get_args

    from loaders.models import EventType
    known = list(get_args(EventType))

    def check(_ctx, _param, values):
        types = [t.strip() for v in values or () for t in v.split(",") if t.strip()]
        bad = [t for t in types if t not in known]
        if bad:
            raise click.BadParameter(f"no event type {bad[0]!r} (types: {', '.join(known)})")
        return tuple(dict.fromkeys(types))
    return click.option("--type", "etypes", metavar="TYPE", multiple=True, callback=check,
                        help=f"Only events of this type ({', '.join(known)}); repeat it or "
                             "separate types with commas for several.")(f)


def published_option(f):
    """--published DATE: the issue date of every page given."""
    return click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
                        metavar="DATE", help="Issue date of every page given (YYYY-MM-DD).")(f)


def tagger_option(f):
    """--tagger thulac (or KB_TAGGER): persons from a shipped-model tagger as one more signal (opt-in)."""
    def apply(ctx, param, value):
        from loaders import taggers
        taggers.use(value)          # sets KB_TAGGER for extraction workers; ConfigError when not installed
        return value
    return click.option("--tagger", type=click.Choice(["off", "thulac"]), default="off", show_default=True,
                        envvar="KB_TAGGER", callback=apply, expose_value=False,
                        help="Also add persons from the THULAC tagger where they pass kb's filters (opt-in; "
                             "needs kb[thulac]; ~1/80 of the rules' speed; docs/quality.md).")(f)


def terminal_width(output: str | None, wide: bool) -> int | None:
    """The width tables must fit: $COLUMNS or the terminal's, when writing to one; None = no limit."""
    if wide or output:
        return None
    if os.environ.get("COLUMNS") or sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return None


def pick_columns(keys: list[str], columns: str | None) -> list[str]:
    if not columns:
        return keys
    want = [c.strip() for c in columns.split(",") if c.strip()]
    unknown = [c for c in want if keys and c not in keys]
    if unknown:
        raise click.BadParameter(f"no column {unknown[0]!r} (columns: {', '.join(keys)})",
                                 param_hint="--columns")
    return want


def render_rows(rows: list[dict], fmt: str, keys: list[str] | None = None, width: int | None = None) -> str:
    """rows → text in ``fmt`` (table, markdown, csv, json, jsonl); ``keys`` = the columns, in order."""
    keys = keys or (list(rows[0].keys()) if rows else [])
    if fmt in ("json", "jsonl"):
        data = [{k: jsonable(r.get(k)) for k in keys} for r in rows]
        return render.to_json(data) + "\n" if fmt == "json" else render.to_jsonl(data)
    if fmt == "csv":
        return render.to_csv(rows, keys)
    if fmt == "markdown":
        return render.markdown_table(rows, keys or None) + "\n"
    return render.table(rows, keys or None, max_width=width) + "\n"


def write(text: str, output: str | None) -> None:
    """``text`` to ``output`` (UTF-8) or standard output."""
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def emit(rows: list[dict], fmt: str, output: str | None = None, *, keys: list[str] | None = None,
         columns: str | None = None, wide: bool = False, total: int | None = None,
         count: bool = False) -> None:
    """Render ``rows`` in ``fmt`` and write them. ``total`` > len(rows) says the rows were capped:
    one line on stderr says so (never a silent cap)."""
    keys = pick_columns(keys or (list(rows[0].keys()) if rows else []), columns)
    text = render_rows(rows, fmt, keys, terminal_width(output, wide) if fmt == "table" else None)
    if count and fmt == "table" and rows:     # people read the count under the table
        text += f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
    write(text, output)
    if total is not None and total > len(rows):
        click.echo(f"kb: first {len(rows)} of {total} rows, --limit to change", err=True)
