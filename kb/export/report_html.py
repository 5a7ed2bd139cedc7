"""The HTML report of `kb report html`: small multiples (one bar chart of visits per month for each
official) and a county map (points at county coordinates, area ~ visits), drawn as inline SVG by a
few lines of script from data embedded as JSON. Self-contained and offline: no tiles, no CDN.
Written through Jinja2 with autoescape; the JSON is escaped for a <script> element."""
from __future__ import annotations

import json
from collections import Counter, defaultdict

from . import geo, stream
from .counts import top_places


def _script_json(data) -> str:
    """JSON safe inside <script>: no </script>, <!--, or U+2028/9 can end or break it."""
    s = json.dumps(data, ensure_ascii=False, default=str)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def data(driver, database: str, date_from=None, date_to=None, top: int = 20) -> dict:
    months: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, str] = {}
    all_months = set()
    for v in stream(driver, database, "visits", {"from": date_from, "to": date_to}):
        if not v["date"]:
            continue
        pid = v["lead_person_id"] or v["lead_name"] or "?"
        m = v["date"].isoformat()[:7]
        months[pid][m] += 1
        names.setdefault(pid, v["lead_name"] or "?")
        all_months.add(m)
    span = _month_range(min(all_months), max(all_months)) if all_months else []
    people = sorted(months, key=lambda p: (-sum(months[p].values()), names[p]))
    places = top_places(driver, database, top=10 ** 6, level="county", date_from=date_from, date_to=date_to)
    points = []
    for p in places:
        xy = geo.coordinates(p["code"])
        if xy:
            points.append({"code": p["code"], "name": p["county"], "visits": p["visits"],
                           "lon": xy[0], "lat": xy[1], "exact": geo.exact_coordinates(p["code"])})
    return {"months": span,
            "people": [{"id": p, "name": names[p], "total": sum(months[p].values()),
                        "counts": [months[p].get(m, 0) for m in span]} for p in people],
            "points": points, "top": places[:top]}


def _month_range(a: str, b: str) -> list[str]:
    y, m = int(a[:4]), int(a[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= b:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def page(report: dict, title: str = "Inspection visits: counts over time and place") -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("kb", "templates"), autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("report.html.j2").render(title=title, report=report, data_json=_script_json(report))
