"""Score extracted articles against hand-written gold (``../shared/gold``).

Articles: a prediction matches a gold title when its title with kicker and subtitle contains the gold
title, ignoring spaces and punctuation; matching is one-to-one (maximum bipartite matching).
The fact metrics come from ``kb.eval_facts``: its
``score_page(gold_page: dict, extracted: list[ExtractedArticle]) -> dict[str, Counts]`` is called for
every gold page and its counts are summed over pages (micro-average) into the same report. Both modules
share ``kb.eval_metrics`` (Counts, normalize), so neither imports the other's caller.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .errors import InputError
from .eval_facts import score_page
from .eval_metrics import Counts, normalize

__all__ = ["ARTICLES", "Counts", "normalize", "evaluate", "read_gold", "render_report", "match_titles"]

ARTICLES = "articles"


def full_title(article) -> str:
    """Kicker + title + subtitle of an Article (or a JSON record)."""
    get = (lambda k: article.get(k)) if isinstance(article, dict) else (lambda k: getattr(article, k, None))
    return "".join(x for x in (get("kicker"), get("title"), get("subtitle")) if x)


def match_titles(gold: list[str], predicted: list[str]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one matches (gold i, predicted j) where normalize(pred) contains normalize(gold).

    Returns (matches, unmatched gold indices, unmatched predicted indices).
    """
    g = [normalize(x) for x in gold]
    p = [normalize(x) for x in predicted]
    cand = [[j for j in range(len(p)) if g[i] and g[i] in p[j]] for i in range(len(g))]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in cand[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(g)):
        augment(i, set())
    matches = sorted((i, j) for j, i in owner.items())
    mg = {i for i, _ in matches}
    mp = {j for _, j in matches}
    return matches, [i for i in range(len(g)) if i not in mg], [j for j in range(len(p)) if j not in mp]


@dataclass
class PageResult:
    file: str
    metrics: dict[str, Counts] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)      # gold titles not found
    extra: list[str] = field(default_factory=list)       # predicted titles matching no gold title
    error: Optional[str] = None
    explain: dict = field(default_factory=dict)          # metric → {"missed": [...], "extra": [...]}


@dataclass
class Report:
    metrics: dict[str, Counts] = field(default_factory=dict)
    pages: list[PageResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, name: str, c: Counts) -> None:
        self.metrics[name] = self.metrics.get(name, Counts()) + c

    def as_dict(self, verbose: bool = False) -> dict:
        d = {"metrics": {k: v.as_dict() for k, v in self.metrics.items()}, "errors": self.errors}
        d["pages"] = [
            {"file": p.file, "metrics": {k: v.as_dict() for k, v in p.metrics.items()},
             **({"missed": p.missed, "extra": p.extra} if verbose else {}),
             **({"explain": p.explain} if p.explain else {}),
             **({"error": p.error} if p.error else {})}
            for p in self.pages
        ]
        return d


def read_gold(path) -> list[dict]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: gold file not found")
    pages = []
    for n, line in enumerate(p.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            pages.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise InputError(f"{path}: line {n}: not JSON ({e.msg})")
    return pages


def score_articles(gold_page: dict, extracted: list) -> tuple[Counts, list[str], list[str]]:
    gold = list(gold_page.get("articles") or [])
    preds = [full_title(ea.article if hasattr(ea, "article") else ea) for ea in extracted]
    matches, miss, extra = match_titles(gold, preds)
    if not gold:
        # a page whose gold lists no title holds untitled items only: an untitled article carrying
        # them is right, and so is one article for the whole file under the file's own headline (a
        # web page's 大事记 or 要闻 list); several titled ones are splits that are not there
        extra = [] if len(preds) == 1 else [j for j in extra if preds[j]]
    c = Counts(tp=len(matches), fp=len(extra), fn=len(miss))
    return c, [gold[i] for i in miss], [preds[j] or "(untitled)" for j in extra]


def evaluate(gold_path, paths, manifest=None, published=None, outlet=None, layout="auto",
             explain: bool = False) -> Report:
    """Extract every file under ``paths`` and score the pages listed in ``gold_path``."""
    from loaders.pipeline import iter_paths

    gold = read_gold(gold_path)
    by_file: dict[str, list] = {}
    report = Report()
    for res in iter_paths(paths, published=published, manifest=manifest, outlet=outlet, layout=layout):
        name = Path(res.path).name
        if res.error is not None:
            report.errors.append(str(res.error))
            continue
        by_file[name] = res.articles
    scorer = score_page
    for page in gold:
        name = Path(page.get("file", "")).name
        pr = PageResult(file=name)
        extracted = by_file.get(name)
        if extracted is None:
            pr.error = "no extracted file for this gold page"
            extracted = []
        if "articles" in page:
            c, miss, extra = score_articles(page, extracted)
            pr.metrics[ARTICLES] = c
            pr.missed, pr.extra = miss, extra
            report.add(ARTICLES, c)
        if scorer is not None:
            for k, c in (scorer(page, extracted) or {}).items():
                c = c if isinstance(c, Counts) else Counts(c.tp, c.fp, c.fn)
                pr.metrics[k] = c
                report.add(k, c)
        if explain:
            from .eval_facts import explain_page

            pr.explain = {k: v for k, v in explain_page(page, extracted).items() if v["missed"] or v["extra"]}
            if pr.missed or pr.extra:
                pr.explain["articles"] = {"missed": pr.missed, "extra": pr.extra}
        report.pages.append(pr)
    return report


def render_report(report: Report, verbose: bool = False) -> str:
    from wcwidth import wcswidth

    rows = [["metric", "tp", "fp", "fn", "precision", "recall", "f1"]]
    for k, c in report.metrics.items():
        rows.append([k, str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"])
    widths = [max(max(wcswidth(r[i]), len(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i]) for i in range(len(r))).rstrip()
             for r in rows]
    if any(p.explain for p in report.pages):
        for p in report.pages:
            for metric, d in p.explain.items():
                lines += [f"miss   {p.file}  {metric:<11}  {x}" for x in d["missed"]]
                lines += [f"extra  {p.file}  {metric:<11}  {x}" for x in d["extra"]]
    elif verbose:
        for p in report.pages:
            if p.error:
                lines.append(f"error  {p.file}: {p.error}")
            for t in p.missed:
                lines.append(f"miss   {p.file}: {t}")
            for t in p.extra:
                lines.append(f"extra  {p.file}: {t}")
    return "\n".join(lines) + "\n"
