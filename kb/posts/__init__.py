"""The post register: who held which post when (kb posts …).

* :mod:`kb.posts.seats`    printed titles → seats (organisation, post), scoped by the outlet's region;
* :mod:`kb.posts.scan`     what each article says (run by the load workers);
* :mod:`kb.posts.tenures`  tenures from sightings and appointment reports (pure);
* :mod:`kb.posts.build`    the register in the graph, rebuilt idempotently after every `kb load`;
* :mod:`kb.posts.roster`   `kb posts import` / `kb posts export`.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable, Optional

from neo4j.exceptions import ClientError

from .. import ids
from ..errors import InputError

W_REGION = """
UNWIND $rows AS row
MATCH (p:Page {id: row.id}) WHERE p.region IS NULL OR p.region <> row.region
SET p.region = row.region
RETURN count(p) AS moved
"""


def manifest_regions(manifest: Optional[str]) -> dict[str, str]:
    """file name → the manifest's ``region`` column (empty cells left out)."""
    if not manifest:
        return {}
    try:
        text = Path(manifest).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{manifest}: cannot read manifest ({e})")
    out = {}
    for row in csv.DictReader(text.splitlines()):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if row.get("file") and row.get("region"):
            out[Path(row["file"]).name] = row["region"]
    return out


def after_load(driver, database: str, files: Iterable, manifest: Optional[str] = None,
               region: Optional[str] = None, changed: bool = True) -> dict:
    """The hook `kb load` calls: record the pages' regions (``--region``, manifest), then rebuild —
    unless the load ``changed`` no page and no page's region (a rerun over loaded pages): then the
    register is the one the last build left, and {} says nothing was rebuilt."""
    from .build import build

    moved = record_regions(driver, database, files, manifest, region)
    if not changed and not moved:
        return {}
    for attempt in range(BUILD_ATTEMPTS):
        try:
            return build(driver, database)
        except ClientError as e:
            # two loads rebuilding at once: the other build deleted a node this one read (a post no tenure
            # holds any more); the build is recomputed from the graph as it now is, so running it again is safe
            if e.code != "Neo.ClientError.Statement.EntityNotFound" or attempt == BUILD_ATTEMPTS - 1:
                raise
    return {}


BUILD_ATTEMPTS = 3


def record_regions(driver, database: str, files: Iterable, manifest: Optional[str] = None,
                   region: Optional[str] = None) -> int:
    """Page.region of the pages ``files`` (their sources) from the manifest's region column, else
    ``region``. Returns how many pages' region changed."""
    regions = manifest_regions(manifest)
    rows = []
    for f in files:
        name = Path(f).name
        r = regions.get(name) or region
        if r:
            rows.append({"id": ids.page_id(str(f)), "region": r})   # f: the page's source
    moved = 0
    for i in range(0, len(rows), 1000):
        recs, _, _ = driver.execute_query(W_REGION, {"rows": rows[i:i + 1000]}, database_=database, routing_="w")
        moved += recs[0]["moved"] if recs else 0
    return moved
