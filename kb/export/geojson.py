"""GeoJSON for QGIS and kepler.gl: one Point feature per (visit, place) at the county (or the finest
coded division) of each site, else of the trip area, with the visit's id, lead, dates and how many
visits that place had in all. Coordinates: kb.export.geo (cpca's shipped table); a division it has
no coordinates for takes its prefecture's (``precision`` says which)."""
from __future__ import annotations

from collections import Counter

from . import geo, stream


def features(driver, database: str, date_from=None, date_to=None) -> dict:
    visits = {v["event_id"]: v for v in stream(driver, database, "visits", {"from": date_from, "to": date_to})}
    points: list[tuple[str, str, str]] = []           # (event id, code, name)
    seen = set()
    for s in stream(driver, database, "visit-sites", {"from": date_from, "to": date_to}):
        code = s["place_code"]
        if code and (s["event_id"], code) not in seen:
            seen.add((s["event_id"], code))
            points.append((s["event_id"], code, s["place_name"] or geo.name(code) or code))
    placed = {e for e, _, _ in points}
    for eid, v in visits.items():           # visits with no coded site: the trip's county or prefecture
        code = v["county_code"] or v["prefecture_code"]
        if eid not in placed and code:
            points.append((eid, code, v["county_name"] or v["prefecture_name"] or code))
    counts = Counter(code for _, code, _ in points)
    out, missing = [], 0
    for eid, code, name in points:
        xy = geo.coordinates(code)
        if xy is None:
            missing += 1
            continue
        v = visits.get(eid) or {}
        out.append({"type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [round(xy[0], 6), round(xy[1], 6)]},
                    "properties": {
                        "event_id": eid, "place_code": code, "place_name": name,
                        "precision": geo.level(code) if geo.exact_coordinates(code) else "prefecture",
                        "lead_person_id": v.get("lead_person_id"), "lead_name": v.get("lead_name"),
                        "date": _iso(v.get("date")), "end_date": _iso(v.get("end_date")),
                        "article_id": v.get("article_id"), "visits_here": counts[code]}})
    return {"type": "FeatureCollection", "features": out, "kb_unplaced": missing}


def _iso(d):
    return d.isoformat() if d else None
