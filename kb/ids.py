"""Stable ids: the same input always gives the same node ids, so a reload changes nothing.

* page         = hash(source)                       — one node per source file name
* article      = hash(source, start, end)           — offsets of the article in the source file
* event        = hash(article id, type, lead, date, evidence start, evidence end)
* person       = hash(normalised name, scope)       — see :func:`person_scope` for the identity rule
* organisation = hash(normalised name, scope)       — scope as for persons (the organisation's region)
* place        = ``place:<GB/T 2260 code>`` when the gazetteer knows the division,
                 else hash(normalised name, scope)

Hashes are the first 20 hex digits of SHA-1 over the parts joined by U+001F, prefixed by the kind
(``art:``, ``evt:`` …) so an id says what it names. Nothing here touches the database.

Scopes are region keys: the GB/T 2260 code of the *prefecture-level* division (``430200`` = 株洲市)
a thing belongs to, the province code for province-level bodies (``430000`` = 湖南省), else ``"?"`` +
the normalised outlet name when nothing is known about the region.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Iterable, Optional

SEP = "\x1f"


def _h(kind: str, *parts) -> str:
    raw = SEP.join("" if p is None else (p.isoformat() if isinstance(p, date) else str(p)) for p in parts)
    return f"{kind}:{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:20]}"


_SPACE = re.compile(r"\s+")
_DOTS = str.maketrans({"•": "·", "・": "·", "•": "·", "．": "·", "‧": "·"})


@lru_cache(maxsize=200_000)
def _norm(name: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", name)).translate(_DOTS)


def norm(name: Optional[str]) -> str:
    """NFKC, no whitespace (names are CJK: spaces come from line reflow), one kind of middle dot."""
    if not name:
        return ""
    return _norm(name)


def content_hash(data: bytes) -> str:
    """SHA-256 of a page file's bytes (what `kb load` compares to skip unchanged pages)."""
    return hashlib.sha256(data).hexdigest()


def page_id(source: str) -> str:
    return _h("page", source)


def article_id(source: str, start: int, end: int) -> str:
    return _h("art", source, start, end)


def event_id(article: str, type_: str, lead: Optional[str], day: Optional[date],
             ev_start: Optional[int], ev_end: Optional[int]) -> str:
    return _h("evt", article, type_, norm(lead), day, ev_start, ev_end)


def person_id(name: str, scope: str) -> str:
    return _h("per", norm(name), scope)


def organization_id(name: str, scope: str) -> str:
    return _h("org", norm(name), scope)


def place_id(name: str, code: Optional[str] = None, scope: str = "") -> str:
    if code:
        return f"place:{code}"
    return _h("plc", norm(name), scope)


# ------------------------------------------------------------------ regions (scopes)

@lru_cache(maxsize=1)
def _gaz():
    """The shared gazetteer (loaders/gazetteer.py), or None when it cannot be loaded."""
    try:
        from loaders.gazetteer import gazetteer
        return gazetteer()
    except Exception:  # noqa: BLE001 - scopes degrade to outlet names without a gazetteer
        return None


def _key_of_division(g, i: Optional[int]) -> Optional[str]:
    """Region key of division ``i``: its prefecture-level code, or its province code."""
    if i is None:
        return None
    city = g.city_of(i)
    if city is not None and g.codes[city]:
        return g.codes[city]
    prov = g.province_of(i)
    if prov is not None and g.codes[prov]:
        return g.codes[prov]
    return None


def key_of_code(code: Optional[str]) -> Optional[str]:
    """Region key of a GB/T 2260 code: 430204 → 430200; 430000 → 430000; municipalities → province."""
    if not code or len(code) != 6 or not code.isdigit():
        return None
    if code[2:] == "0000":
        return code
    if code[:2] in ("11", "12", "31", "50"):  # 北京 天津 上海 重庆: the municipality is the region
        return code[:2] + "0000"
    return code[:4] + "00"


@lru_cache(maxsize=4096)
def outlet_region(outlet: Optional[str]) -> Optional[int]:
    g = _gaz()
    if g is None or not outlet:
        return None
    try:
        return g.region_for_outlet(norm(outlet))
    except Exception:  # noqa: BLE001
        return None


@lru_cache(maxsize=4096)
def outlet_scope(outlet: Optional[str]) -> str:
    """Region key of an outlet (株洲日报 → 430200); ``?株洲日报`` when the gazetteer does not know it."""
    g = _gaz()
    key = _key_of_division(g, outlet_region(outlet)) if g is not None else None
    return key or "?" + norm(outlet)


@lru_cache(maxsize=65536)
def name_region(name: str, outlet: Optional[str]) -> Optional[str]:
    """Region key of an organisation or place *name* from the longest division name it starts with.

    湘潭市委 → 430300, 岳塘区人民政府 → 430300 (岳塘区 lies in 湘潭市), 湖南省委 → 430000. Short
    names (韶山) are resolved near the outlet. Names that start with no division (市委, 市图书馆) → None.
    """
    g = _gaz()
    name = norm(name)
    if g is None or len(name) < 2:
        return None
    region = outlet_region(outlet)
    for n in range(min(len(name), g.max_upper), 1, -1):
        if name[:n] in g.upper:
            try:
                d = g.resolve(name[:n], region)
            except Exception:  # noqa: BLE001
                d = None
            if d is not None:
                # a short name far from home is too ambiguous (新华 …): only full names count there
                if name[:n] != g.names[d] and region is not None:
                    prov = g.province_of(region)
                    if prov is not None and not g.is_under(d, prov):
                        continue
                return _key_of_division(g, d)
    return None


def org_scope(org_name: Optional[str], outlet: Optional[str], place_code: Optional[str] = None,
              place_name: Optional[str] = None) -> str:
    """Region key of an organisation: the place it lies in (code, then name), the division its name
    starts with, else the outlet's region."""
    key = key_of_code(place_code)
    if not key and place_name:
        key = name_region(place_name, outlet)
    if not key and org_name:
        key = name_region(org_name, outlet)
    return key or outlet_scope(outlet)


def person_scope(org_names: Iterable[Optional[str]], outlet: Optional[str],
                 org_places: Optional[dict] = None) -> str:
    """The scope of a person mention — the person identity rule.

    A person is a (normalised name, scope) pair, where the scope is the *region* of the person:

    1. the region of the first organisation named in the person's titles (湘潭市委副书记 → 湘潭市委 →
       湘潭市, 430300; 岳塘区委书记 → 岳塘区 → its prefecture 湘潭市, 430300; 湖南省副省长 →
       湖南省, 430000) — from the place the extraction attached to the organisation when known
       (``org_places``: organisation name → (place code, place name)), else the division the
       organisation's name starts with;
    2. else the outlet's region (株洲日报 → 株洲市): a person named without a title in a local paper is
       taken to be local.

    Regions are compared at prefecture level, so a name seen in overlapping scopes (the city and one
    of its districts, the city's party committee and its government, a district paper and the city
    paper) is ONE person; the same name in another prefecture (长沙市委 vs 湘潭市委) or province stays
    a different person. Province-level posts (湖南省委) form their own scope. Known limits: a
    provincial official named without a title in a city paper gets the city scope; two namesakes in
    the same city are merged.
    """
    org_places = org_places or {}
    for org in org_names:
        if not org:
            continue
        code, pname = org_places.get(org, (None, None))
        key = key_of_code(code) or (name_region(pname, outlet) if pname else None) or name_region(org, outlet)
        if key:
            return key
    return outlet_scope(outlet)


def scope_name(scope: str) -> Optional[str]:
    """A readable name for a scope key (430200 → 株洲市), for the ``scope_name`` property."""
    if scope.startswith("?"):
        return scope[1:] or None
    g = _gaz()
    if g is None:
        return None
    i = g.by_code.get(scope)
    return g.names[i] if i is not None else None
