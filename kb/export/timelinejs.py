"""TimelineJS 3 JSON: one slide per dated inspection visit, headline = who went where, text = the
evidence sentence, the article and the source file; visits grouped by official. Built from the visits
table stream (kept in memory: TimelineJS loads a whole file anyway)."""
from __future__ import annotations

import html

from . import stream


def _date(d) -> dict:
    return {"year": d.year, "month": d.month, "day": d.day}


def timeline(driver, database: str, date_from=None, date_to=None, title: str = "Inspection visits") -> dict:
    sites: dict[str, list[str]] = {}
    for s in stream(driver, database, "visit-sites", {"from": date_from, "to": date_to}):
        sites.setdefault(s["event_id"], []).append(s["site"])
    arts = {a["article_id"]: a for a in stream(driver, database, "articles")}
    events = []
    for v in stream(driver, database, "visits", {"from": date_from, "to": date_to}):
        if not v["date"]:
            continue
        where = "、".join(sites.get(v["event_id"], [])) or v["county_name"] or v["prefecture_name"] or ""
        a = arts.get(v["article_id"]) or {}
        who = " ".join(x for x in (v["lead_title"], v["lead_name"]) if x) or "?"
        slide = {
            "unique_id": v["event_id"].replace(":", "-"),
            "start_date": _date(v["date"]),
            "group": v["lead_name"] or "",
            "text": {"headline": html.escape(f"{who} {v['trigger'] or ''} {where}".strip()),
                     "text": "<p>" + html.escape(v["evidence"] or "") + "</p><p>"
                             + html.escape(" · ".join(x for x in (a.get("title"), v["outlet"],
                                                                  v["published"] and v["published"].isoformat(),
                                                                  a.get("source")) if x)) + "</p>"},
        }
        if v["end_date"] and v["end_date"] != v["date"]:
            slide["end_date"] = _date(v["end_date"])
        events.append(slide)
    return {"title": {"text": {"headline": html.escape(title),
                               "text": f"<p>{len(events)} visits, from kb</p>"}},
            "events": events}
