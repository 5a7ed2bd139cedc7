"""The post register (kb/posts) as import files: derived from the pages' rows in the main process while
the import tool has not run yet, so the server started after the import holds it already.

The rows are :func:`kb.posts.build.derive`'s, from the same inputs a build reads back from the graph
(an article's day, outlet, page region and its ``post_*`` lists; the lead-less events), so the graph is
the one ``kb load`` + its build gives (tests/test_import.py compares them whole); a ``kb posts build``
afterwards finds nothing to write.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..posts import build as B
from ..posts import manifest_regions
from .files import _col, cell, TYPES

# file → (relationship type, start label, end label) for the derived relationships
RELS = {"held_post": ("HELD_POST", "Person", "Post"), "acting_for": ("ACTING_FOR", "Post", "Post"),
        "mentioned_in": ("MENTIONED_IN", "Person", "Article"),
        "resolved_lead": ("PARTICIPATED_IN", "Person", "Event")}
POST = ["id", "organization", "post", "base", "acting", "single", "region"]
# the register's own typed properties (the rest are strings, or typed as kb.bulk.files.TYPES says)
OWN_TYPES = {"from": "date", "to": "date", "imported": "boolean", "acting": "boolean", "single": "boolean"}


def inputs(rows: dict) -> tuple[list, list]:
    """What the register needs of one page's rows (pure; run by the workers): the articles as
    R_ARTICLES returns them, less the page's region, and the lead-less events as R_LEADLESS does."""
    page = rows["page"]
    arts = [{"id": a["id"], "day": a.get("published"), "outlet": a.get("outlet") or page.get("outlet"),
             "titles": a.get("post_titles"), "acts": a.get("post_acts"), "refs": a.get("post_refs")}
            for a in rows["articles"] if a.get("post_titles") is not None or a.get("post_refs") is not None]
    led = {r["t"] for r in rows["participated_in"] if r["props"].get("role") == "lead"}
    events = [{"aid": e["article_id"], "eid": e["props"]["id"], "s": e["props"].get("evidence_start"),
               "e": e["props"].get("evidence_end")}
              for e in rows["events"] if e["props"].get("lead") is None and e["props"]["id"] not in led]
    return arts, events


class Collector:
    """The register's inputs over a run (main process); :meth:`write` derives it and writes its files."""

    def __init__(self, manifest: Optional[str] = None, region: Optional[str] = None):
        self.regions, self.region = manifest_regions(manifest), region
        self.articles: list = []
        self.leadless: dict[str, list] = {}

    def add(self, source: str, arts: list, events: list) -> None:
        region = self.regions.get(Path(source).name) or self.region     # as kb.posts.after_load sets it
        self.articles += [dict(a, region=region) for a in arts]
        for e in events:
            self.leadless.setdefault(e["aid"], []).append(e)

    def write(self, folder: Path) -> dict:
        """Derive the register and write its files into ``folder``; what a build would report."""
        import time
        t0 = time.monotonic()
        d = B.derive(B.gather_rows(self.articles), {},
                     lambda aids: [e for a in aids for e in self.leadless.get(a, [])])
        _write(folder / "Post.csv", ["id:ID(Post)"] + [_typed(c) for c in POST[1:]],
               [[_cell(p.get(c), c) for c in POST] for p in d["posts"].values()])
        _write(folder / "acting_for.csv", [":START_ID(Post)", ":END_ID(Post)"],
               [[cell(s), cell(t)] for s, t in sorted(d["acting"])])
        for name, rows in (("held_post", d["held"]), ("mentioned_in", d["mentions"]),
                           ("resolved_lead", d["leads"])):
            cols = sorted({k for r in rows for k in r["props"]})
            _, s, e = RELS[name]
            _write(folder / f"{name}.csv", [f":START_ID({s})", f":END_ID({e})"] + [_typed(c) for c in cols],
                   [[cell(r["pid"]), cell(r["t"])] + [_cell(r["props"].get(c), c) for c in cols] for r in rows])
        return B.summary(d, len(d["posts"]) + len(d["held"]) + len(d["mentions"]) + len(d["leads"]), t0)


def _typed(c: str) -> str:
    t = OWN_TYPES.get(c)
    return f"{c}:{t}" if t else _col(c)


def _cell(v, c: str) -> str:
    return cell(v, OWN_TYPES.get(c) or TYPES.get(c))


def _write(path: Path, header: list[str], lines: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        fh.writelines(",".join(x) + "\n" for x in lines)


def admin_args(folder: str) -> list[str]:
    """The register's files for ``neo4j-admin database import full``."""
    return [f"--nodes=Post={folder}/Post.csv"] + [f"--relationships={typ}={folder}/{name}.csv"
                                                   for name, (typ, _s, _e) in RELS.items()]
