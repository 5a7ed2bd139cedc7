"""A post as written (市委副书记) → organisation (湘潭市委) + post (副书记).

The organisation is scoped by the outlet's region when the text writes a bare level (市/县/区/省):
for 株洲日报 (region 株洲市) 市委 → 湘潭市委, 市政协 → 株洲市政协; for a county outlet 县委 → 桃源县委 and
市委 → its city's committee. The region comes from the outlet name through the gazetteer, never a table.
Posts that imply their body (市长 → 市人民政府, 县长 → 县人民政府) get it.

Word lists come from the lexicon floor (:mod:`loaders.lexicon`).
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from .lexicon import alternation, wordlist, wordmap
from .models import Title


@functools.lru_cache(maxsize=None)
def posts() -> frozenset[str]:
    base = set(wordlist("posts"))
    for p in list(base):
        if not p.startswith("副") and len(p) <= 3:
            base.add("副" + p)
            base.add("常务副" + p)
    return frozenset(base)


@functools.lru_cache(maxsize=None)
def _post_max() -> int:
    return max(len(p) for p in posts())


def post_suffix(s: str) -> Optional[str]:
    """The longest post word ``s`` ends with (市委副书记 → 副书记), else None."""
    ps = posts()
    for L in range(min(len(s), _post_max()), 0, -1):
        if s[-L:] in ps:
            return s[-L:]
    return None


@functools.lru_cache(maxsize=None)
def post_regex() -> re.Pattern:
    # an acting head of government (代市长, 代旗长) until the congress elects them: a post before a name,
    # while post_suffix keeps 市长 as the post (the register reads 代 as acting)
    acting = {"代" + p for p in _IMPLIED if p.endswith("长")}
    alts = sorted(posts() | acting, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alts)))


# posts that name their body when written bare
_IMPLIED = {"市长": ("市", "人民政府"), "县长": ("县", "人民政府"), "区长": ("区", "人民政府"),
            "省长": ("省", "人民政府"), "镇长": ("镇", "人民政府"), "乡长": ("乡", "人民政府"),
            "旗长": ("旗", "人民政府"), "州长": ("州", "人民政府"),
            "总书记": (None, "中共中央")}

# a bare level opening a body it scopes: 市委, 县人民政府, 区第一中学, 市卫生健康委
_SCOPED = re.compile(rf"^({alternation(wordlist('bare_levels'))})(?={alternation(wordlist('scoped_org_heads'))}"
                     rf"|第?[一二三四五六七八九十\d]|[\u4e00-\u9fff]{{1,12}}(?:{alternation(wordlist('scoped_org_endings'))}))")


class Scope:
    """The outlet's region and its city/county/province names, from the gazetteer."""

    def __init__(self, outlet: Optional[str]):
        self.outlet = outlet
        self.region = None
        self.city = self.county = self.province = None
        from .gazetteer import gazetteer

        g = gazetteer()
        r = g.region_for_outlet(outlet)
        if r is not None:
            self.region = r
            c = g.city_of(r)
            k = g.county_of(r)
            p = g.province_of(r)
            self.city = g.names[c] if c is not None else None
            self.county = g.names[k] if k is not None else None
            self.province = g.names[p] if p is not None else None
            if self.province and self.city == self.province:  # municipalities
                self.city = self.province

    def name_for(self, level: str) -> Optional[str]:
        if level == "市":
            return self.city
        if level == "省":
            return self.province
        if level == "县":
            return self.county if self.county and self.county.endswith("县") else None
        if level == "区":
            return self.county if self.county and self.county.endswith("区") else None
        if level == "旗":   # a banner (Inner Mongolia): county level
            return self.county if self.county and self.county.endswith("旗") else None
        if level == "州":   # an autonomous prefecture: city level
            return self.city if self.city and self.city.endswith("州") else None
        if level == "自治区":
            return self.province if self.province and self.province.endswith("自治区") else None
        return None

    def scoped(self, org_text: str) -> str:
        """市委 → 湘潭市委; 县委 → 桃源县委 (when the outlet is a county); unknown scope: unchanged."""
        m = _SCOPED.match(org_text)
        if not m:
            return org_text
        name = self.name_for(m.group(1))
        if not name:
            return org_text
        lv = m.group(1)
        return name + org_text[len(lv):] if name.endswith(lv) else name + org_text


@functools.lru_cache(maxsize=64)
def scope_for(outlet: Optional[str]) -> Scope:
    return Scope(outlet)


def parse_title(text: str, outlet: Optional[str] = None) -> Title:
    """Split a title as written into its organisation (scoped) and post."""
    text = text.strip()
    post = post_suffix(text)
    scope = scope_for(outlet)
    if post is None:
        org = scope.scoped(text) if text else None
        return Title(text=text, organization=org or None, post=None)
    org_text = text[: len(text) - len(post)].strip("、，, ")
    org: Optional[str] = None
    if org_text:
        if org_text == "政府":   # 政府县长
            org_text = ""
        elif org_text in ("自治区", "省", "市", "县", "区", "旗", "州") and scope.name_for(org_text):
            org = scope.name_for(org_text) + "人民政府"   # 自治区副主席: the region's government
        else:
            unit = org_unit(org_text)   # 市统计局派驻干部 → 市统计局; 志愿者代表, 驻企联络员 → none
            org = scope.scoped(unit) if unit else None
    if not org:
        core = post.replace("常务", "").lstrip("副")
        if core in _IMPLIED:
            level, body = _IMPLIED[core]
            if level is None:
                org = body
            else:
                name = scope.name_for(level)
                org = (name + body) if name else None
    return Title(text=text, organization=org, post=post)


def org_unit(org_text: str) -> Optional[str]:
    """The longest start of ``org_text`` that ends with an organisation suffix (lexicon data org_suffixes.txt),
    or a bare division word (市, 县 …) the scope resolves; None for descriptors (志愿者, 驻企)."""
    sufs = _org_suffixes()
    for end in range(len(org_text), 0, -1):
        head = org_text[:end]
        if any(head.endswith(x) for x in sufs) and end >= 2:
            return head
    return None


@functools.lru_cache(maxsize=1)
def _org_suffixes() -> tuple[str, ...]:
    return tuple(sorted(wordmap("org_suffixes"), key=len, reverse=True))


_UNIT = re.compile(rf"^(.*(?:{alternation(wordlist('unit_endings'))}))")


_DEPARTMENT_END = re.compile(rf"(?:{alternation(wordlist('department_endings'))})$")


def unit_of(org_text: str) -> Optional[str]:
    """The unit a department belongs to: 市中心医院感染内科 → 市中心医院."""
    m = _UNIT.match(org_text or "")
    return m.group(1) if m else None


def inherit(title: str, previous: Optional[str]) -> str:
    """Complete a title from the previous item of a list (市疾控中心主任X，副主任Y → 市疾控中心副主任).

    Only when the post is the same post or its deputy, or the title is a bare department (院感科主任)
    after a title that names its unit.
    """
    if not previous:
        return title
    p_post = post_suffix(previous)
    t_post = post_suffix(title)
    if not p_post or not t_post:
        return title
    p_org = previous[: len(previous) - len(p_post)]
    t_org = title[: len(title) - len(t_post)]
    if not p_org:
        return title
    if not t_org and t_post.lstrip("副") == p_post.lstrip("副") and t_post != p_post:
        return p_org + t_post
    if t_org and _DEPARTMENT_END.search(t_org) and not _SCOPED.match(t_org):
        unit = unit_of(p_org)
        if unit and not t_org.startswith(unit):
            return unit + title
    return title
