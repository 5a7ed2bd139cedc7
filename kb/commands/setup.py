"""`kb setup`: one-time preparation that would otherwise happen unannounced inside the first load —
building the gazetteer index cache (tens of seconds once, then under a second)."""
from __future__ import annotations

import time
from pathlib import Path

import click


def gazetteer_cache() -> Path:
    """Where loaders.gazetteer keeps its pickled index for the installed jionlp data."""
    from loaders import gazetteer as gz
    st = gz._source_path().stat()
    return gz._cache_dir() / f"gazetteer-v{gz._VERSION}-{st.st_size}-{int(st.st_mtime)}.pickle"


def ensure_gazetteer(echo) -> bool:
    """Build the gazetteer cache when it is missing, with a line before and after; True when built."""
    path = gazetteer_cache()
    if path.exists():
        return False
    echo("kb: building the gazetteer cache (once; about a minute on a slow machine) …")
    t0 = time.monotonic()
    from loaders import gazetteer as gz
    gz.gazetteer()
    echo(f"kb: gazetteer cache built in {time.monotonic() - t0:.0f} s: {path}")
    return True


@click.command(name="setup")
def command():
    """Prepare kb once after installing it: build the gazetteer cache (`kb server install` does too),
    so that the first `kb load` starts at once."""
    if not ensure_gazetteer(lambda m: click.echo(m, err=True)):
        click.echo(f"gazetteer cache ready: {gazetteer_cache()}")
