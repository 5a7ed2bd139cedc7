"""Counts over time: visits by (person | place | county | prefecture) × (month | year | county …) as
a crosstab with totals, and the most visited places. Computed from the streamed visits and visit-sites
tables, so memory grows with the number of groups, not of visits.

A visit's *place* is its county, else its prefecture (a visit over several counties of one prefecture
counts for the prefecture), else ``(unknown)``.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from . import geo, stream
from .writers import ExportError

DIMENSIONS = ["person", "month", "year", "county", "prefecture", "place"]
UNKNOWN = "(unknown)"
LEVELS = ["county", "prefecture", "site"]


def _key(v: dict, dim: str) -> tuple[str, str]:
    """(key, label) of a visit along a dimension."""
    if dim == "person":
        return v["lead_person_id"] or UNKNOWN, v["lead_name"] or UNKNOWN
    if dim in ("month", "year"):
        d = v["date"]
        k = (d.isoformat()[:7] if dim == "month" else str(d.year)) if d else UNKNOWN
        return k, k
    if dim == "place":
        code = v["county_code"] or v["prefecture_code"]
        return code or UNKNOWN, (v["county_name"] or v["prefecture_name"] or code) if code else UNKNOWN
    code = v[f"{dim}_code"]
    return code or UNKNOWN, (v[f"{dim}_name"] or code) if code else UNKNOWN


def parse_by(text: str) -> tuple[str, str]:
    parts = [p.strip() for p in (text or "").split(",") if p.strip()]
    if len(parts) != 2 or any(p not in DIMENSIONS for p in parts) or parts[0] == parts[1]:
        raise ExportError(f"--by {text!r}: expected two of {', '.join(DIMENSIONS)}, e.g. person,month")
    return parts[0], parts[1]


def visits_by(driver, database: str, by: tuple[str, str], date_from=None, date_to=None) -> tuple[list[dict], list[str]]:
    """The crosstab: one row per value of by[0] (with a label column for ids), one column per value
    of by[1], a ``total`` column, and a last ``total`` row. (rows, columns)."""
    rows_dim, cols_dim = by
    cells: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, str] = {}
    col_keys: dict[str, str] = {}
    for v in stream(driver, database, "visits", {"from": date_from, "to": date_to}):
        rk, rl = _key(v, rows_dim)
        ck, cl = _key(v, cols_dim)
        cells[rk][ck] += 1
        labels.setdefault(rk, rl)
        col_keys.setdefault(ck, cl)
    cols = sorted(col_keys, key=lambda k: (k == UNKNOWN, col_keys[k] if cols_dim == "person" else k))
    head = _head(rows_dim)
    out = []
    order = sorted(cells, key=lambda k: (k == UNKNOWN, -sum(cells[k].values()), labels[k], k)
                   if rows_dim not in ("month", "year") else (k == UNKNOWN, k))
    for rk in order:
        row = {head[0]: labels[rk]}
        if len(head) > 1:
            row[head[1]] = rk if rk != UNKNOWN else None
        row.update({col_keys[c]: cells[rk].get(c, 0) for c in cols})
        row["total"] = sum(cells[rk].values())
        out.append(row)
    total = {head[0]: "total"}
    if len(head) > 1:
        total[head[1]] = None
    total.update({col_keys[c]: sum(cells[r].get(c, 0) for r in cells) for c in cols})
    total["total"] = sum(sum(c.values()) for c in cells.values())
    out.append(total)
    return out, head + [col_keys[c] for c in cols] + ["total"]


def _head(dim: str) -> list[str]:
    return {"person": ["person", "person_id"], "county": ["county", "code"], "prefecture": ["prefecture", "code"],
            "place": ["place", "code"]}.get(dim, [dim])


def top_places(driver, database: str, top: int = 20, level: str = "county", date_from=None, date_to=None):
    """The most visited counties (prefectures, or sites): rank, name, code or id, visits, first, last."""
    if level not in LEVELS:
        raise ExportError(f"--level {level!r}: use one of {', '.join(LEVELS)}")
    per: dict[str, set] = defaultdict(set)
    names: dict[str, str] = {}
    days: dict[str, list] = {}
    params = {"from": date_from, "to": date_to}

    def add(key, name, eid, d):
        per[key].add(eid)
        names.setdefault(key, name)
        if d:
            lo, hi = days.get(key, (d, d))
            days[key] = (min(lo, d), max(hi, d))

    if level != "site":           # the trip's own county first: its names are the graph's full ones
        for v in stream(driver, database, "visits", params):
            code = v[f"{level}_code"]
            if code:
                add(code, v[f"{level}_name"] or geo.name(code) or code, v["event_id"], v["date"])
    for s in stream(driver, database, "visit-sites", params):
        if level == "site":
            add(s["site_id"], s["site"], s["event_id"], s["date"])
        else:
            code = s["county_code"] if level == "county" else s["prefecture_code"]
            if code:
                add(code, geo.name(code) or code, s["event_id"], s["date"])
    ranked = sorted(per, key=lambda k: (-len(per[k]), names[k], k))[:top]
    key = "site_id" if level == "site" else "code"
    return [{"rank": i + 1, level: names[k], key: k, "visits": len(per[k]),
             "first": days.get(k, (None, None))[0], "last": days.get(k, (None, None))[1]}
            for i, k in enumerate(ranked)]
