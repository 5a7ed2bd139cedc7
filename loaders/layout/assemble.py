"""Assembly: walk the anchors of a classified page in order and cut it into article drafts.

``Assembly`` holds the walk's state (the article being built, the finished ones, text not yet owned by
an article, jump markers waiting for an article); there is one handler per anchor kind, chosen from
``HANDLERS``. Which title goes before or after which body was decided beforehand (loaders/layout/plan.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .briefs import split_photo_news, split_untitled_briefs
from .draft import Draft
from .grammar import MAX_TITLE_LINES, norm_title
from .lines import ANCHORS, CONTINUED_FROM, LineKind, PageLines
from .plan import plan_titles
from .title_blocks import TitleBlock, mid_split, part_ok, scan_title


@dataclass
class Assembly:
    pl: PageLines
    plan: dict[int, tuple[TitleBlock, int]]
    done: list[Draft] = field(default_factory=list)
    cur: Optional[Draft] = None
    orphan: Optional[int] = None      # first line of body text not yet owned by an article
    pending_jumps: list[int] = field(default_factory=list)
    floor: int = -1                   # title blocks are looked for below this line
    skip_until: int = -1              # lines of the last header

    def claim(self, tb: Optional[TitleBlock]) -> None:
        if tb:
            self.pl.claimed.update(tb.lines)

    def close(self, a: Optional[Draft], end: int) -> None:
        if a is not None:
            a.body_end = max(a.body_start, end)
            self.done.append(a)

    def has_body(self, a: Draft, end: int) -> bool:
        if a.cont:
            return False    # a continuation takes no title after its body
        lines, claimed = self.pl.lines, self.pl.claimed
        return any(lines[k] is not None and k not in claimed
                   for k in range(a.body_start, end)) or a.body_first_offset is not None

    def orphan_has_text(self, end: int) -> bool:
        pl = self.pl
        return self.orphan is not None and any(
            pl.lines[k] is not None and k not in pl.claimed and pl.kind.get(k) is None
            for k in range(self.orphan, end))

    def give_orphan_to_prev(self, end: int) -> None:
        if self.orphan is not None and self.done and self.orphan_has_text(end):
            self.done[-1].extra_body.append((self.orphan, end))
        self.orphan = None

    def on_brief(self, ev: int) -> None:
        """An item of a column of short news (简讯): its title line opens it."""
        # an item of a column of short news (简讯): its title line opens it
        self.close(self.cur, ev)
        self.give_orphan_to_prev(ev)
        self.cur = Draft(title=TitleBlock(lines=[ev], groups=[[ev]]), body_start=ev + 1)
        self.orphan = None
        self.floor = ev

    def on_jump(self, ev: int) -> None:
        """A jump marker: 上接 opens a continuation; 下转 closes the article above (its title may follow)."""
        pl = self.pl
        tb = scan_title(pl, ev, self.floor)
        direction = pl.jump_info[ev][0]
        if direction in CONTINUED_FROM:
            # a continuation starts here; a title block just before is its (short) title
            self.close(self.cur, tb.lines[0] if tb else ev)
            self.give_orphan_to_prev(tb.lines[0] if tb else ev)
            self.claim(tb)
            off = pl.head_jumps.get(ev)
            self.cur = Draft(title=tb, body_start=ev + 1 if off is None else ev, jumps=[ev], cont=tb is None,
                             body_first_offset=off)
            self.orphan = None
            self.floor = ev
            return
        if tb and self.cur is not None and self.cur.title is None and self.has_body(self.cur, tb.lines[0]):
            self.claim(tb)
            self.cur.title = tb
            self.cur.jumps.append(ev)
            self.close(self.cur, tb.lines[0])
            self.cur = None
            self.orphan = ev + 1
        elif tb and self.cur is None and self.orphan_has_text(tb.lines[0]):
            self.claim(tb)
            a = Draft(title=tb, body_start=self.orphan, jumps=[ev])
            self.close(a, tb.lines[0])
            self.orphan = ev + 1
        else:
            if self.cur is not None:
                self.cur.jumps.append(ev)
            elif self.done and self.orphan is not None and not self.orphan_has_text(ev):
                self.done[-1].jumps.append(ev)
                self.orphan = ev + 1
            else:
                self.pending_jumps.append(ev)
        self.floor = ev

    def on_pen(self, ev: int) -> None:
        """A commentary's pen name: its body follows, or is the text before its title block."""
        pl = self.pl
        tb = scan_title(pl, ev, self.floor)
        nxt = pl.next_nonblank(ev)
        body_after = nxt is not None and pl.kind.get(nxt) not in ("byline", "dateline", "pen", "masthead") \
            and not pl.header_follows(nxt)
        if body_after and tb and len(tb.groups) >= 2 and self.cur is not None and self.cur.title is None \
                and self.has_body(self.cur, tb.lines[0]):
            # the previous article's title (after its body) directly followed by this
            # commentary's title: the commentary keeps its last group (and a —— subtitle)
            cut = len(tb.groups) - 1
            if cut > 1 and pl.text[tb.groups[cut][0]].startswith(("——", "—", "--")):
                cut -= 1
            head, rest = tb.split(cut)
            if part_ok(pl, head.lines):
                self.claim(head)
                self.cur.title = head
                self.close(self.cur, head.lines[0])
                self.cur = None
                self.orphan = None
                tb = rest
        self.claim(tb)
        first = tb.lines[0] if tb else ev
        art = Draft(kind="commentary", title=tb, header=[ev],
                   authors=[(pl.pen_names.get(ev, pl.text[ev]), pl.lines[ev][0], pl.lines[ev][1])])
        if body_after:
            self.close(self.cur, first)
            self.give_orphan_to_prev(first)
            art.body_start = ev + 1
            self.cur = art
        else:
            if self.orphan_has_text(first):
                art.body_start = self.orphan
                self.close(art, first)
            elif self.cur is not None and self.cur.title is None:
                split = mid_split(pl, self.cur.body_start + 1, first)
                if split:
                    self.claim(split)
                    self.cur.title = split
                    self.close(self.cur, split.lines[0])
                    art.body_start = split.lines[-1] + 1
                else:
                    self.close(self.cur, first)
                    art.body_start = first
                self.close(art, first)
            else:
                self.close(self.cur, first)
                art.body_start = first
                self.close(art, first)
            self.cur = None
            self.orphan = ev + 1
        self.floor = ev

    def on_end(self, ev: int) -> None:
        """The end of the page: a last title block closes the article above."""
        pl = self.pl
        tb = scan_title(pl, pl.n, self.floor)
        if tb and self.cur is not None and self.cur.title is None and self.has_body(self.cur, tb.lines[0]):
            self.claim(tb)
            self.cur.title = tb
            self.close(self.cur, tb.lines[0])
            self.cur = None
        elif tb and self.cur is None and self.orphan_has_text(tb.lines[0]):
            self.claim(tb)
            a = Draft(title=tb, body_start=self.orphan)
            self.close(a, tb.lines[0])
            self.orphan = None
        else:
            self.close(self.cur, pl.n)
            self.cur = None
            self.give_orphan_to_prev(pl.n)

    def on_header(self, ev: int) -> None:
        """A header (byline lines, maybe a dateline, or a dateline alone) opens an article."""
        pl = self.pl
        if pl.kind[ev] == "byline":
            last, bl, dl, first_off = pl.header_end(ev)
        else:
            dl = pl.datelines[ev]
            last, bl, first_off = ev, list(dl.bylines), dl.end
        tb, k_after = self._header_title(ev)
        pending = self._title_before(tb, k_after) if tb else None
        first = pending.lines[0] if pending else ev
        self.close(self.cur, first)
        self.give_orphan_to_prev(first)
        hdr_last = last if first_off is None else last - 1
        self.cur = Draft(header=list(range(ev, hdr_last + 1)), bylines=bl, dateline=dl, title=pending,
                         body_start=last + 1 if first_off is None else last, body_first_offset=first_off)
        if self.pending_jumps:
            self.cur.jumps.extend(self.pending_jumps)
            self.pending_jumps = []
        self.orphan = None
        self.floor = last
        self.skip_until = last

    def _header_title(self, ev: int) -> tuple[Optional[TitleBlock], Optional[int]]:
        """The title block above header ``ev`` and how many of its groups the plan gives the article
        above (None: no plan). A planned split is applied here: its head closes the article above."""
        pl = self.pl
        planned = self.plan.get(ev)
        if planned is None:
            return scan_title(pl, ev, self.floor), None
        tb, k_after = planned
        tb = tb.copy()
        if any(x in pl.claimed for x in tb.lines):
            tb = scan_title(pl, ev, self.floor)
            k_after = len(tb.groups) if tb else 0
        elif 0 < k_after < len(tb.groups) and self.cur is not None and self.cur.title is None \
                and self.has_body(self.cur, tb.lines[0]):
            head, tb = tb.split(k_after)
            self.claim(head)
            self.cur.title = head
            self.close(self.cur, head.lines[0])
            self.cur = None
            self.orphan = None
        elif not (k_after == 0 and len(tb.lines) <= MAX_TITLE_LINES) and not part_ok(pl, tb.lines):
            tb = scan_title(pl, ev, self.floor)
        return tb, k_after

    def _title_before(self, tb: TitleBlock, k_after: Optional[int]) -> Optional[TitleBlock]:
        """Give ``tb`` to the untitled article above (title after its body) or to the orphan text above;
        else it is the next article's title (title before): returned, a repeat of the title above dropped."""
        pl = self.pl
        if self.cur is not None and self.cur.title is None and self.has_body(self.cur, tb.lines[0]) and k_after != 0:
            self.claim(tb)
            self.cur.title = tb
            self.close(self.cur, tb.lines[0])
            self.cur = None
            self.orphan = None
            return None
        if self.cur is None and self.orphan_has_text(tb.lines[0]):
            self.claim(tb)
            self.close(Draft(title=tb, body_start=self.orphan), tb.lines[0])
            self.orphan = None
            return None
        prev = self.cur if self.cur is not None else (self.done[-1] if self.done else None)
        if prev is not None and prev.title is not None:
            pt = norm_title("".join(pl.text[x] for x in prev.title.lines))
            while tb.lines and norm_title(pl.text[tb.lines[0]]) and norm_title(pl.text[tb.lines[0]]) in pt:
                prev.extra.append(tb.lines[0])
                pl.claimed.add(tb.lines[0])
                tb.lines.pop(0)
                for g in tb.groups:
                    if g and g[0] not in tb.lines:
                        g.pop(0)
                tb.groups = [g for g in tb.groups if g]
        if tb.lines:
            self.claim(tb)
            return tb
        return None


END = "end"     # the end of the page, after the last anchor
HANDLERS = {LineKind.BRIEF: Assembly.on_brief, LineKind.JUMP: Assembly.on_jump, LineKind.PEN: Assembly.on_pen,
            LineKind.BYLINE: Assembly.on_header, LineKind.DATELINE: Assembly.on_header, END: Assembly.on_end}


def assemble(pl: PageLines, plan: Optional[dict] = None) -> list[Draft]:
    """The page's article drafts in page order (briefs and photo news split off)."""
    asm = Assembly(pl, plan_titles(pl) if plan is None else plan)
    anchors = sorted(i for i, k in pl.kind.items() if k in ANCHORS)
    for ev in anchors + [pl.n]:
        if ev <= asm.skip_until:
            continue
        HANDLERS[pl.kind[ev] if ev < pl.n else END](asm, ev)
    return split_photo_news(pl, split_untitled_briefs(pl, asm.done))
