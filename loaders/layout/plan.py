"""Titles before or after their bodies, planned over a run of articles at once.

Before assembly, every header's title block (looked for with room for two titles) is split between the
previous article (title after its body) and the next (title before), so that over the whole run between
commentaries and jump markers every article gets exactly one title with the fewest layout switches and
block splits. One unrecognised title thus no longer shifts every later title by one article.
``plan_titles`` reads the classified page and changes nothing in it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .grammar import MAX_TITLE_LINES, norm_title
from .lines import PageLines
from .title_blocks import TitleBlock, mid_split, part_ok, scan_title


@dataclass(frozen=True)
class PlanCosts:
    """Costs of the title plan (lower is better). Set by hand on the sample pages and the gold sets of
    other papers (tests/gold/pages2, pages3), then left alone: only their order matters much."""

    untitled: float = 1.0    # an article left without a title: the thing to avoid
    switch: float = 0.25     # the layout changes (title after → title before) between two articles: rare on a page
    split: float = 0.2       # a title block divided between two articles: needs two titles in one gap
    affinity: float = 0.09   # weight of a title's character pairs found in the body: only breaks near-ties


COSTS = PlanCosts()


def plan_titles(pl: PageLines) -> dict[int, tuple[TitleBlock, int]]:
    """Decide, for the title block before each byline/dateline header, how many of its groups
    close the previous article (title after its body) and how many open the next one (title
    before), over a whole run of articles at once: every article should get exactly one title,
    with as few layout switches and block splits as possible (a title-after article directly
    followed by a title-before one leaves both title blocks in one gap)."""
    kinds = pl.kind
    events = sorted(i for i, k in kinds.items() if k in ("byline", "dateline", "pen", "jump", "brief"))
    plan: dict[int, tuple[TitleBlock, int]] = {}
    hdr_last: dict[int, int] = {}    # header → its last line (where its body starts)
    run: list[tuple[int, Optional[TitleBlock]]] = []
    floor = -1
    skip = -1
    for ev in events:
        if ev <= skip:
            continue
        k = kinds[ev]
        if k == "brief":
            solve_run(pl, hdr_last, run, None, plan)
            run = []
            floor = ev
            continue
        if k in ("pen", "jump"):
            end_block = None
            if k == "jump" and pl.jump_info[ev][0] not in ("上接", "接上", "接"):
                end_block = scan_title(pl, ev, floor)
                if end_block is None:
                    floor = ev
                    continue
            open_end = False
            if k == "pen" and len(run) >= 2:
                # the last article's title may sit before the commentary body only when there is a
                # title-ish block between them, or when the commentary body follows its pen name
                ptb = scan_title(pl, ev, floor)
                first = ptb.lines[0] if ptb else ev
                nxt = pl.next_nonblank(ev)
                open_end = (nxt is not None and pl.kind.get(nxt) is None and not pl.header_follows(nxt)) \
                    or (floor >= 0 and mid_split(pl, floor + 1, first) is not None)
            solve_run(pl, hdr_last, run, end_block, plan, open_end=open_end)
            run = []
            floor = ev
            continue
        last = pl.header_end(ev)[0] if k == "byline" else ev
        hdr_last[ev] = last
        run.append((ev, scan_title(pl, ev, floor, 2 * MAX_TITLE_LINES, 220)))
        floor = skip = last
    solve_run(pl, hdr_last, run, scan_title(pl, pl.n, floor), plan)
    return plan


def body_sample(pl: PageLines, hdr_last: dict[int, int], run, j: int, limit: int = 160) -> str:
    """The first characters of the body of run[j]'s article (up to the next title block)."""
    ev = run[j][0]
    lo = hdr_last.get(ev, ev)
    hi = pl.n
    if j + 1 < len(run):
        nxt_ev, nxt_tb = run[j + 1]
        hi = nxt_tb.lines[0] if nxt_tb else nxt_ev
    out: list[str] = []
    size = 0
    for k in range(lo, hi):
        if pl.lines[k] is not None and size < limit:
            out.append(pl.text[k])
            size += len(pl.text[k])
    return "".join(out)


def affinity(title: str, body: str) -> float:
    """Share of a title's character pairs found in a body (names and places repeat there)."""
    t = norm_title(title)
    pairs = {t[i:i + 2] for i in range(len(t) - 1)}
    if not pairs or not body:
        return 0.0
    return sum(1 for p in pairs if p in body) / len(pairs)


def solve_run(pl: PageLines, hdr_last: dict[int, int], run, end_block, plan, open_end: bool = False) -> None:
    if len(run) < 2:
        return
    UNTITLED, SWITCH, SPLIT, AFF = COSTS.untitled, COSTS.switch, COSTS.split, COSTS.affinity
    # state: (has a title before, layout of the last titled article) -> (cost, choices)
    first = run[0][1]
    states: dict[tuple[bool, Optional[str]], tuple[float, list[int]]] = {
        (first is not None and part_ok(pl, first.lines), None): (0.0, [])}
    for j in range(1, len(run)):
        tb = run[j][1]
        g = len(tb.groups) if tb else 0
        # affinity of each group with the body above (previous article) and below (this one):
        # a title shares names and places with its own body; only breaks near-ties
        pull: list[float] = []
        if g >= 2:
            above, below = body_sample(pl, hdr_last, run, j - 1), body_sample(pl, hdr_last, run, j)
            for grp in tb.groups:
                gt = "".join(pl.text[x] for x in grp)
                pull.append(affinity(gt, below) - affinity(gt, above))
        new: dict[tuple[bool, Optional[str]], tuple[float, list[int]]] = {}
        for (bf, ll), (cost, ch) in states.items():
            for k in range(g + 1):
                head = [x for grp in tb.groups[:k] for x in grp] if k else []
                tail = [x for grp in tb.groups[k:] for x in grp] if k < g else []
                if bf and head:
                    continue
                if (head and not part_ok(pl, head)) or (tail and not part_ok(pl, tail)):
                    continue
                c = cost + (SPLIT if 0 < k < g else 0.0)
                if pull:
                    c += AFF * (sum(pull[:k]) - sum(pull[k:]))
                lay = "before" if bf else ("after" if head else None)
                if lay is None:
                    c += UNTITLED
                    nl = ll
                else:
                    c += SWITCH if ll and ll != lay else 0.0
                    nl = lay
                key = (bool(tail), nl)
                if key not in new or c < new[key][0]:
                    new[key] = (c, ch + [k])
        states = new
        if not states:
            return
    best = None
    for (bf, ll), (cost, ch) in states.items():
        # a run closed by a commentary: the last article's title may sit before the commentary body
        opts = [(cost + (0.0 if bf or open_end else UNTITLED), ch)]
        if end_block is not None and not bf and part_ok(pl, end_block.lines):
            opts.append((cost + (SWITCH if ll and ll != "after" else 0.0), ch))
        for o in opts:
            if best is None or o[0] < best[0]:
                best = o
    if best is None:
        return
    for (ev, tb), k in zip(run[1:], best[1]):
        if tb is not None:
            plan[ev] = (tb, k)
