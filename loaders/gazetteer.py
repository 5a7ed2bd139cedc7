"""Administrative divisions from the gazetteer jionlp ships (``jionlp/dictionary/china_location.txt``).

The file is a tab-indented tree: province / city / county lines carry ``name<TAB>GB/T 2260 code<TAB>short``;
towns (乡镇/街道) and villages (村/社区) below them carry a name only. We parse it directly (jionlp's own
loader is not imported: it is slow and pulls in much more) and cache a compact index as a pickle in the
directory given to :func:`set_cache_dir` (kb passes ``$KB_HOME/cache``; else the system temp dir) so
start-up stays well under a second after the first run.

Ambiguity (云龙区 in Jiangsu vs 云龙县 in Yunnan, the many 新村) is resolved against a *region*: the
outlet's division, derived from the outlet name (株洲日报 → 株洲市) by the same index.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

LEVELS = ("province", "city", "county", "town", "village")
_VERSION = 3


@dataclass(frozen=True)
class Division:
    id: int
    name: str
    code: Optional[str]
    level: str
    parent_id: Optional[int]


def _source_path() -> Path:
    """jionlp's china_location.txt (or the .zip it ships it in)."""
    from .shipped import jionlp_dictionary

    return jionlp_dictionary("china_location")


_CACHE_DIR: Optional[Path] = None


def set_cache_dir(path: Optional[Path]) -> None:
    """Where the pickled index is kept. ``kb`` passes ``$KB_HOME/cache`` when it is imported; without
    one (or when it is not writable) the system temp dir is used."""
    global _CACHE_DIR
    _CACHE_DIR = Path(path) if path is not None else None


def _cache_dir() -> Path:
    if _CACHE_DIR is not None:
        try:
            _CACHE_DIR.mkdir(parents=True, exist_ok=True)
            if os.access(_CACHE_DIR, os.W_OK):
                return _CACHE_DIR
        except OSError:  # an unwritable home falls back to the temp dir
            pass
    d = Path(tempfile.gettempdir()) / "kb-cache"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _parse(path: Path):
    names: list[str] = []
    codes: list[Optional[str]] = []
    levels = bytearray()
    parents: list[int] = []
    shorts: dict[int, str] = {}
    stack: list[int] = []
    from .shipped import open_text

    with open_text(path) as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            depth = len(line) - len(line.lstrip("\t"))
            parts = line.strip("\t").split("\t")
            name = parts[0].strip()
            if not name or depth > 4:
                continue
            code = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
            short = parts[2].strip() if len(parts) > 2 and parts[2].strip() else None
            del stack[depth:]
            parent = stack[-1] if stack else -1
            idx = len(names)
            names.append(name)
            codes.append(code)
            levels.append(depth)
            parents.append(parent)
            if short and short != name:
                shorts[idx] = short
            stack.append(idx)
    # municipalities repeat themselves one level down (上海市 / 上海市): keep both, the tree stays right
    return {"version": _VERSION, "names": names, "codes": codes, "levels": bytes(levels),
            "parents": parents, "shorts": shorts}


class Gazetteer:
    """Index over the division tree. Use :func:`gazetteer` for the shared, cached instance."""

    def __init__(self, data: dict):
        self.names: list[str] = data["names"]
        self.codes: list[Optional[str]] = data["codes"]
        self.levels: bytes = data["levels"]
        self.parents: list[int] = data["parents"]
        self.shorts: dict[int, str] = data["shorts"]
        # upper index (province/city/county): full names and short names
        self.upper: dict[str, list[int]] = {}
        self.by_code: dict[str, int] = {}
        for i, lv in enumerate(self.levels):
            if lv > 2:
                continue
            self.upper.setdefault(self.names[i], []).append(i)
            s = self.shorts.get(i)
            if s and len(s) >= 2:
                self.upper.setdefault(s, []).append(i)
            c = self.codes[i]
            if c and c not in self.by_code:
                self.by_code[c] = i
        # the longest name starting with each two-character prefix: find() skips positions no name starts at
        self._pre_upper: dict[str, int] = {}
        for k in self.upper:
            if len(k) >= 2 and self._pre_upper.get(k[:2], 0) < len(k):
                self._pre_upper[k[:2]] = len(k)
        self._pre_lower: dict[int, dict[str, int]] = {}
        self._lower_cache: dict[int, dict[str, list[int]]] = {}
        self._children: Optional[dict[int, list[int]]] = None
        self.max_upper = max(len(k) for k in self.upper)

    # ------------------------------------------------------------------ entries
    def division(self, i: int) -> Division:
        p = self.parents[i]
        return Division(i, self.names[i], self.codes[i], LEVELS[self.levels[i]], p if p >= 0 else None)

    def level(self, i: int) -> str:
        return LEVELS[self.levels[i]]

    def parent(self, i: int) -> Optional[int]:
        p = self.parents[i]
        # skip the repeated municipality level (北京市 / 北京市)
        while p >= 0 and self.names[p] == self.names[i]:
            p = self.parents[p]
        return p if p >= 0 else None

    def ancestors(self, i: int) -> list[int]:
        out = []
        p = self.parents[i]
        while p >= 0:
            out.append(p)
            p = self.parents[p]
        return out

    def is_under(self, i: int, region: Optional[int]) -> bool:
        if region is None:
            return False
        return i == region or region in self.ancestors(i)

    def full_name(self, i: int) -> str:
        """Official name from the city down: 湘潭市岳塘区, 湘潭市岳塘区城南街道 (province left out)."""
        chain = [i] + self.ancestors(i)
        parts = []
        for j in reversed(chain):
            if self.levels[j] == 0 and len(chain) > 1:
                continue
            if parts and parts[-1] == self.names[j]:
                continue
            parts.append(self.names[j])
        return "".join(parts)

    def short(self, i: int) -> str:
        return self.shorts.get(i, self.names[i])

    def city_of(self, i: Optional[int]) -> Optional[int]:
        while i is not None and i >= 0 and self.levels[i] > 1:
            i = self.parents[i]
        return i if i is not None and i >= 0 and self.levels[i] == 1 else None

    def province_of(self, i: Optional[int]) -> Optional[int]:
        while i is not None and i >= 0 and self.levels[i] > 0:
            i = self.parents[i]
        return i if i is not None and i >= 0 else None

    def county_of(self, i: Optional[int]) -> Optional[int]:
        while i is not None and i >= 0 and self.levels[i] > 2:
            i = self.parents[i]
        return i if i is not None and i >= 0 and self.levels[i] == 2 else None

    # ------------------------------------------------------------------ lookup
    def _lower(self, region: Optional[int]) -> dict[str, list[int]]:
        """Towns and villages under the region's city (or the region itself), built once per region."""
        top = self.city_of(region) if region is not None else None
        if top is None:
            top = region
        if top is None:
            return {}
        if top in self._lower_cache:
            return self._lower_cache[top]
        if self._children is None:
            ch: dict[int, list[int]] = {}
            for i, p in enumerate(self.parents):
                if p >= 0:
                    ch.setdefault(p, []).append(i)
            self._children = ch
        idx: dict[str, list[int]] = {}
        todo = [top]
        while todo:
            n = todo.pop()
            for c in self._children.get(n, ()):
                todo.append(c)
                if self.levels[c] >= 3 and len(self.names[c]) >= 3:
                    idx.setdefault(self.names[c], []).append(c)
        self._lower_cache[top] = idx
        return idx

    def candidates(self, name: str, region: Optional[int] = None) -> list[int]:
        out = list(self.upper.get(name, ()))
        if region is not None:
            out += self._lower(region).get(name, [])
        return out

    def resolve(self, name: str, region: Optional[int] = None) -> Optional[int]:
        """The division ``name`` (full or short) most likely means, for an outlet in ``region``."""
        cands = self.candidates(name, region)
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]

        def rank(i):
            score = 0
            if region is not None:
                if self.is_under(i, region):
                    score += 4
                elif self.is_under(i, self.city_of(region) or -2):
                    score += 3
                elif self.is_under(i, self.province_of(region) or -2):
                    score += 2
            exact = self.names[i] == name
            return (score, exact, -self.levels[i])

        return max(cands, key=rank)

    def region_for_outlet(self, outlet: Optional[str]) -> Optional[int]:
        """The division an outlet belongs to, from the longest place name its name starts with."""
        if not outlet:
            return None
        best = None
        for n in range(min(len(outlet), self.max_upper), 1, -1):
            cands = self.upper.get(outlet[:n])
            if cands:
                # prefer the most specific level, then the full-name match
                best = max(cands, key=lambda i: (self.names[i] == outlet[:n], self.levels[i]))
                break
        return best

    def _prefixes(self, region: Optional[int]) -> dict[str, int]:
        if region is None:
            return self._pre_upper
        lower = self._lower(region)
        key = id(lower)
        pre = self._pre_lower.get(key)
        if pre is None:
            pre = dict(self._pre_upper)
            for k in lower:
                if pre.get(k[:2], 0) < len(k):
                    pre[k[:2]] = len(k)
            self._pre_lower[key] = pre
        return pre

    def find(self, text: str, region: Optional[int] = None, min_len: int = 2):
        """Yield (start, end, division id) for place names in ``text``, longest match first."""
        lower = self._lower(region) if region is not None else {}
        pre = self._prefixes(region)
        upper = self.upper
        n = len(text)
        i = 0
        while i < n:
            maxl = pre.get(text[i:i + 2], 0)
            if not maxl:
                i += 1
                continue
            hit = None
            for L in range(min(maxl, n - i), min_len - 1, -1):
                s = text[i:i + L]
                if s in lower:
                    hit = (L, s)
                    break
                if s in upper:
                    hit = (L, s)
                    break
            if hit:
                L, s = hit
                d = self.resolve(s, region)
                if d is not None and s != self.names[d] and self.levels[d] > 0:
                    # a short name (韶山 for 韶山市) only near home: the outlet's province
                    prov = self.province_of(region) if region is not None else None
                    if prov is None or not self.is_under(d, prov):
                        d = None
                if d is not None:
                    yield (i, i + L, d)
                    i += L
                    continue
            i += 1


_GAZ: Optional[Gazetteer] = None


def gazetteer() -> Gazetteer:
    """The shared gazetteer (parsed once, then loaded from the pickle cache)."""
    global _GAZ
    if _GAZ is not None:
        return _GAZ
    src = _source_path()
    st = src.stat()
    cache = _cache_dir() / f"gazetteer-v{_VERSION}-{st.st_size}-{int(st.st_mtime)}.pickle"
    data = None
    if cache.exists():
        try:
            with open(cache, "rb") as f:
                data = pickle.load(f)
            if data.get("version") != _VERSION:
                data = None
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt
            data = None
    if data is None:
        data = _parse(src)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as f:
                pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
        except OSError:
            pass
    _GAZ = Gazetteer(data)
    return _GAZ
