"""GB/T 2260 codes: levels, parents, names and coordinates.

Coordinates come from the ``adcodes.csv`` that the cpca package ships (name, longitude, latitude of
~3,500 provinces, prefectures and counties, 12-digit codes). It is read as a file: importing cpca
itself would build its address matcher, which kb does not need.
"""
from __future__ import annotations

import csv
import importlib.util
from functools import lru_cache
from pathlib import Path

from ..errors import KbError


def level(code: str | None) -> str | None:
    """``province`` / ``prefecture`` / ``county`` of a 6-digit code (None for anything else)."""
    if not code or len(code) != 6 or not code.isdigit():
        return None
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def county(code: str | None) -> str | None:
    return code if level(code) == "county" else None


def prefecture(code: str | None) -> str | None:
    return code[:4] + "00" if level(code) in ("county", "prefecture") else None


def province(code: str | None) -> str | None:
    return code[:2] + "0000" if level(code) else None


def _adcodes_path() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise KbError("the coordinates of divisions are missing (package cpca)",
                      hint="reinstall kb: pip install -e . (it depends on cpca)")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"


@lru_cache(maxsize=1)
def divisions() -> dict[str, tuple[str, float | None, float | None]]:
    """6-digit code → (short name, longitude, latitude); coordinates None where cpca has none."""
    out = {}
    with open(_adcodes_path(), encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            code = (row.get("adcode") or "")[:6]
            if len(code) != 6:
                continue
            lon, lat = row.get("longitude"), row.get("latitude")
            out[code] = (row.get("name") or "", float(lon) if lon else None, float(lat) if lat else None)
    return out


def name(code: str | None) -> str | None:
    d = divisions().get(code or "")
    return d[0] if d else None


def coordinates(code: str | None) -> tuple[float, float] | None:
    """(longitude, latitude) of a division: its own, else its prefecture's, else None."""
    for c in (code, prefecture(code)):
        d = divisions().get(c or "")
        if d and d[1] is not None and d[2] is not None:
            return d[1], d[2]
    return None


def exact_coordinates(code: str | None) -> bool:
    d = divisions().get(code or "")
    return bool(d and d[1] is not None)
