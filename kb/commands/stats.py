"""`kb stats`: counts, and what the graph covers (outlets, months, event types, shared names)."""
import click

from .. import coverage, db, graph
from ..render import to_json
from ._options import format_options, jsonable, render_rows, terminal_width, write


@click.command(name="stats")
@format_options(formats=("table", "markdown", "json"), columns=False)
@click.option("--counts-only", is_flag=True, help="Only node and relationship counts (fast at any size).")
def command(fmt, output, counts_only):
    """Node and relationship counts, then coverage: outlets with their first and last issue, pages
    per month, events by type with the share of undated events, and names shared by several persons."""
    with db.session_driver() as (driver, database):
        st = graph.stats(driver, database)
        cov = {} if counts_only else coverage.coverage(driver, database)
    if fmt == "json":
        data = dict(st)
        for name, (rows, _keys) in cov.items():
            data[name] = jsonable(rows)
        if cov:
            undated, total = coverage.undated_share(cov["events_by_type"][0])
            data["undated_events"] = {"undated": undated, "events": total}
        return write(to_json(data), output)
    width = terminal_width(output, False)
    counts = [{"kind": "node", "name": k, "count": v} for k, v in st["nodes"].items()]
    counts += [{"kind": "relationship", "name": k, "count": v} for k, v in st["relationships"].items()]
    parts = [_section("Counts", counts, ["kind", "name", "count"], fmt, width)]
    for name, title in coverage.SECTIONS if cov else []:
        rows, keys = cov[name]
        if name == "events_by_type":
            undated, total = coverage.undated_share(rows)
            share = f"{undated / total:.1%}" if total else "–"
            title += f" — {undated} of {total} events undated ({share})"
        parts.append(_section(title, rows, keys, fmt, width))
    write("\n".join(parts), output)


def _section(title: str, rows, keys, fmt: str, width) -> str:
    head = f"## {title}\n\n" if fmt == "markdown" else f"{title}\n"
    return head + (render_rows(rows, fmt, keys, width) if rows else "(none)\n")
