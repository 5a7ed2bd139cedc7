"""Tenures from sightings and appointment reports (pure; no database).

One seat at a time. A single-holder seat (市长, 书记) is a sequence of holders ordered by their start
(first sighting, or the day of the appointment/election report); each holder's tenure is cut the day
before the next holder's start, or the day before a report removed them (免去…职务); the latest holder's
tenure is open (``to`` None: in post as far as the archive shows). A holder seen in an acting post
(代市长) and then in the full post gets two rows: the acting post up to the day before the election (or
the first sighting as 市长), then the post. Plural seats (副市长, 常委) get one row per person from first
to last sighting. Imported roster rows win: sightings inside an imported tenure are ignored and sighted
tenures are clipped around it.

certainty: ``exact`` when the start comes from a report (appointment, election, roster) and the end
from one too (a removal, the successor's reported start) or is open; else ``interval`` (estimated from
first and last sighting).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Optional

from .seats import Seat

ONE = timedelta(days=1)


@dataclass(frozen=True)
class Sighting:
    seat: Seat
    pid: str
    name: str
    title: str
    day: date
    article: str


@dataclass(frozen=True)
class Act:
    kind: str            # appoint | elect | remove
    seat: Seat
    pid: str
    name: str
    day: date
    article: str


@dataclass
class Tenure:
    pid: str
    name: str
    seat: Seat                        # organisation + post as held (post = 代市长 for an acting row)
    start: Optional[date]
    end: Optional[date]               # None: open (latest holder)
    start_basis: str = "sighting"     # sighting | appointment | election | import
    end_basis: str = "open"           # open | successor | removal | last_sighting | import
    sightings: list = field(default_factory=list)
    predecessor: Optional[str] = None
    successor: Optional[str] = None
    imported: bool = False
    source: Optional[str] = None

    @property
    def certainty(self) -> str:
        exact_start = self.start_basis in ("appointment", "election", "import")
        exact_end = self.end_basis in ("open", "removal", "election", "import") or (
            self.end_basis == "successor" and self.successor_exact)
        return "exact" if exact_start and exact_end else "interval"

    successor_exact: bool = False

    @property
    def title(self) -> Optional[str]:
        c = Counter(s.title for s in self.sightings)
        return c.most_common(1)[0][0] if c else self.seat.post

    def first(self) -> Optional[Sighting]:
        return min(self.sightings, key=lambda s: (s.day, s.article), default=None)

    def last(self) -> Optional[Sighting]:
        return max(self.sightings, key=lambda s: (s.day, s.article), default=None)


def build_seat(sightings: list[Sighting], acts: list[Act], imported: list[Tenure]) -> list[Tenure]:
    """The tenures of one seat (all sightings and acts share ``seat.key``)."""
    sightings, acts = _one_id_per_name(sightings, acts)
    sightings = [s for s in sightings if not _inside(s.day, imported)]
    acts = [a for a in acts if not _inside(a.day, imported)]
    single = all(s.seat.single for s in sightings) and all(a.seat.single for a in acts)
    rows = _single(sightings, acts) if single else _plural(sightings, acts)
    return _clip(rows, imported) + list(imported)


def _one_id_per_name(sightings, acts):
    """Namesakes in ONE seat are one person: two papers whose region the gazetteer does not know give
    the same official two person ids (scoped by outlet); the seat keeps the id seen most."""
    count = Counter((s.name, s.pid) for s in sightings) + Counter((a.name, a.pid) for a in acts)
    best: dict[str, str] = {}
    for (name, pid), n in sorted(count.items(), key=lambda x: (-x[1], x[0][1])):
        best.setdefault(name, pid)
    # (replaced only where the id differs: an archive's seat holds hundreds of thousands of sightings)
    return ([s if s.pid == best[s.name] else replace(s, pid=best[s.name]) for s in sightings],
            [a if a.pid == best[a.name] else replace(a, pid=best[a.name]) for a in acts])


def _inside(day: date, imported: list[Tenure]) -> bool:
    return any((t.start or date.min) <= day <= (t.end or date.max) for t in imported)


def _plural(sightings, acts) -> list[Tenure]:
    by: dict[tuple, list] = defaultdict(list)
    for s in sightings:
        by[(s.pid, s.seat.post)].append(s)
    out = []
    for (pid, _post), ss in by.items():
        t = Tenure(pid, ss[0].name, ss[0].seat, min(s.day for s in ss), max(s.day for s in ss),
                   end_basis="last_sighting", sightings=ss)
        for a in acts:
            if a.pid == pid and a.seat.post == t.seat.post:
                if a.kind in ("appoint", "elect") and a.day <= t.start:
                    t.start, t.start_basis = a.day, "appointment" if a.kind == "appoint" else "election"
                elif a.kind == "remove" and a.day >= t.end:
                    t.end, t.end_basis = a.day - ONE, "removal"
        out.append(t)
    return out


def _single(sightings, acts) -> list[Tenure]:
    by: dict[str, list] = defaultdict(list)
    for s in sightings:
        by[s.pid].append(s)
    starts: dict[str, tuple] = {}
    for pid, ss in by.items():
        starts[pid] = (min(s.day for s in ss), "sighting")
    for a in acts:
        if a.kind in ("appoint", "elect") and (a.pid not in starts or a.day <= starts[a.pid][0]):
            starts[a.pid] = (a.day, "appointment" if a.kind == "appoint" else "election")
            by.setdefault(a.pid, [])
    for a in acts:   # removed, never seen otherwise: a holder whose start the archive does not show
        if a.kind == "remove" and a.pid not in starts:
            starts[a.pid] = (None, "unknown")
            by.setdefault(a.pid, [])
    names = {s.pid: s.name for s in sightings} | {a.pid: a.name for a in acts}
    order = sorted(starts, key=lambda p: (starts[p][0] or date.min, p))
    order = _drop_noise(order, by, starts)
    out: list[Tenure] = []
    for k, pid in enumerate(order):
        start, basis = starts[pid]
        nxt = order[k + 1] if k + 1 < len(order) else None
        end, end_basis = (starts[nxt][0] - ONE, "successor") if nxt and starts[nxt][0] else (None, "open")
        removed = sorted(a.day for a in acts if a.pid == pid and a.kind == "remove" and a.day > (start or date.min))
        if removed and (end is None or removed[0] - ONE <= end):
            end, end_basis = removed[0] - ONE, "removal"
        mine = [s for s in by[pid] if s.day >= (start or date.min) and (end is None or s.day <= end)]
        # the reports themselves are evidence too (the article of an appointment is the first one)
        mine += [Sighting(a.seat, pid, a.name, a.seat.post, a.day, a.article) for a in acts
                 if a.pid == pid and (start or date.min) <= a.day and (end is None or a.day <= end + ONE)]
        seat = by[pid][0].seat if by[pid] else next(a.seat for a in acts if a.pid == pid)
        t = Tenure(pid, names[pid], seat, start, end, basis, end_basis, mine,
                   predecessor=names[order[k - 1]] if k else None, successor=names[nxt] if nxt else None,
                   successor_exact=bool(nxt) and starts[nxt][1] != "sighting")
        out.extend(_acting_split(t, [a for a in acts if a.pid == pid]))
    return out


def _drop_noise(order, by, starts) -> list[str]:
    """A holder seen only inside another's tenure (once or twice, no report) is a misprint, not a holder."""
    keep = []
    for pid in order:
        days = sorted(s.day for s in by[pid])
        if keep and starts[pid][1] == "sighting" and len(days) <= 2:
            prev = keep[-1]
            later = [s for s in by[prev] if s.day > days[-1]]
            if len(later) >= 2:
                continue
        keep.append(pid)
    return keep


def _acting_split(t: Tenure, acts: list[Act]) -> list[Tenure]:
    """代市长 then 市长: two rows, the acting one up to the day before the election."""
    full = [s for s in t.sightings if not s.seat.acting]
    acting = [s for s in t.sightings if s.seat.acting]
    acting_acts = [a for a in acts if a.seat.acting and a.kind != "remove"]
    if not acting and not acting_acts:
        return [replace(t, seat=_full_seat(t.seat))]
    elects = [a for a in acts if not a.seat.acting and a.kind in ("elect", "appoint") and a.day > (t.start or date.min)]
    switch, basis = None, "sighting"
    if elects:
        switch, basis = min(a.day for a in elects), "election"
    if full:
        first_full = min(s.day for s in full)
        if switch is None or first_full < switch:
            switch, basis = first_full, "sighting"
    aseat = _acting_seat(t.seat)
    if switch is None:
        return [replace(t, seat=aseat)]
    if t.end is not None and switch > t.end:
        return [replace(t, seat=aseat)]
    if switch <= (t.start or date.min):
        return [replace(t, seat=_full_seat(t.seat))]
    a_row = replace(t, seat=aseat, end=switch - ONE, end_basis="successor" if basis == "sighting" else "election",
                    sightings=[s for s in t.sightings if s.day < switch], successor=t.name,
                    successor_exact=basis != "sighting")
    f_row = replace(t, seat=_full_seat(t.seat), start=switch, start_basis=basis,
                    sightings=[s for s in t.sightings if s.day >= switch], predecessor=t.predecessor)
    return [a_row, f_row]


def _full_seat(seat: Seat) -> Seat:
    return replace(seat, post=seat.base, acting=False)


def _acting_seat(seat: Seat) -> Seat:
    return replace(seat, post="代" + seat.base, acting=True)


def _clip(rows: list[Tenure], imported: list[Tenure]) -> list[Tenure]:
    out = []
    for t in rows:
        keep = True
        for imp in imported:
            i0, i1 = imp.start or date.min, imp.end or date.max
            t0, t1 = t.start or date.min, t.end or date.max
            if t1 < i0 or t0 > i1:
                continue
            if t0 < i0:
                t.end, t.end_basis, t.successor = i0 - ONE, "import", imp.name
            elif t1 > i1 and imp.end is not None:
                t.start, t.start_basis, t.predecessor = imp.end + ONE, "import", imp.name
            else:
                keep = False
        if keep:
            out.append(t)
    return out
