"""``kb eval GOLD.jsonl PATH...``: precision, recall and F1 against hand-written gold."""
from __future__ import annotations

import json

import click

from kb.eval import ARTICLES, evaluate, render_report
from loaders.issue_date import read_manifest

from ._options import tagger_option


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--manifest", type=click.Path(dir_okay=False), help="CSV with columns file,published[,outlet].")
@click.option("--layout", type=click.Choice(["auto", "page", "web"]), default="auto", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--fail-under", type=float, default=None, metavar="F", help="Exit 1 when the metric's F1 is below F.")
@click.option("--metric", default=ARTICLES, show_default=True, help="Metric --fail-under checks.")
@click.option("-v", "--verbose", is_flag=True, help="List missed and extra articles per page.")
@tagger_option
@click.option("--explain", is_flag=True,
              help="Per file, the misses and false hits of every metric (person, lead@day, site, meeting, article).")
def command(gold, paths, manifest, layout, fmt, fail_under, metric, verbose, explain):
    """Score extraction of PATH... against GOLD (one JSON object per page)."""
    man = read_manifest(manifest) if manifest else None
    report = evaluate(gold, paths, manifest=man, layout=layout, explain=explain)
    for err in report.errors:
        click.echo(f"kb: error: {err}", err=True)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(verbose=verbose), ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(report, verbose=verbose), nl=False)
    code = 0
    if fail_under is not None:
        c = report.metrics.get(metric)
        if c is None:
            click.echo(f"kb: error: no metric {metric!r} in this report "
                       f"(have: {', '.join(report.metrics) or 'none'})", err=True)
            code = 1
        elif c.f1 < fail_under:
            click.echo(f"kb: {metric} F1 {c.f1:.3f} is below {fail_under}", err=True)
            code = 1
    if report.errors:
        code = 1
    if code:
        raise SystemExit(code)
