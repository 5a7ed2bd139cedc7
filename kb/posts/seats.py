"""Titles as printed → seats: (organisation, post) scoped by the outlet's region.

A *seat* is an office one person holds at a time (中共岚川市委 书记, 岚川市人民政府 市长); a *post* is
the post as held (市长, or the acting 代市长, which is its own post joined to the same seat). Deputy and
member posts (副市长, 常委, 委员) are plural: many holders at once, never cut by a successor.

The region comes, in this order, from an explicit region (the manifest's ``region`` column or
``kb load --region``), the gazetteer (as loaders/titles.py scopes titles), else the outlet's own name
(X日报 → X市, X县融媒体中心 → X县), so a bare 市长 in a paper whose city the gazetteer does not know is
still the mayor of that paper's city. Pure: no database.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from loaders import titles as T

_LEVELS = ("自治区", "省", "市", "州", "盟", "县", "区", "旗", "镇", "乡")
_DIVISION = re.compile(r"[\u4e00-\u9fff]+?(?:自治区|自治州|自治县|省|市|州|盟|县|区|旗|镇|乡)")
# an outlet's name → its place: 岚川日报 → 岚川, 鹤屿县融媒体中心 → 鹤屿县
_OUTLET_END = re.compile(r"(?:日报社?|晚报|早报|时报|商报|报社|报|新闻网|网|电视台|融媒体中心|新闻中心|传媒)$")
# the part of a printed title before the post that says it is not the current holder
_FORMER = ("原", "前", "时任", "老", "退休", "离任")
_PLURAL = {"常委", "委员", "成员", "党组成员", "代表", "人大代表", "政协委员", "领导", "负责人", "负责同志",
           "市领导", "县领导", "省领导", "巡视员", "调研员", "参事", "专员"}
# posts that make a seat (register); professions and credits (记者, 教授, 志愿者) do not
SEAT_CORES = {"书记", "市长", "县长", "区长", "镇长", "乡长", "省长", "州长", "盟长", "旗长", "主任", "主席",
              "部长", "局长", "厅长", "秘书长", "检察长", "院长", "政委", "常委", "委员", "委员长", "主委",
              "处长", "所长", "庭长", "队长", "站长", "社长", "校长", "行长", "会长", "理事长", "董事长",
              "总经理", "党组书记"}
# 共X委: the extractor sometimes drops the 中 of 中共 (read as 在…中); 共青团 is another body
_PARTY = re.compile(r"^(?:中共|中国共产党|共(?!青团))?(.+?(?:省|市|州|盟|县|区|旗|镇|乡))(委)$")


@dataclass(frozen=True)
class Region:
    """The names a bare level resolves to: city (市/州/盟), county (县/区/旗), province, town."""

    name: Optional[str]
    city: Optional[str] = None
    county: Optional[str] = None
    province: Optional[str] = None
    town: Optional[str] = None

    def name_for(self, level: str) -> Optional[str]:
        if level in ("市", "州", "盟"):
            return self.city if self.city and (level == "市" or self.city.endswith(level)) else None
        if level in ("县", "区", "旗"):
            return self.county if self.county and self.county.endswith(level) else None
        if level in ("省", "自治区"):
            return self.province if self.province and self.province.endswith(level) else None
        if level in ("镇", "乡"):
            return self.town if self.town and self.town.endswith(level) else None
        return None


def region_from_name(region: str) -> Region:
    """``岚川市`` → city; ``鹤屿县`` → county; ``岚川市鹤屿县`` → both; ``某省岚川市`` → province too."""
    region = (region or "").strip()
    city = county = province = town = None
    for part in _DIVISION.findall(region):
        if part.endswith(("省", "自治区")):
            province = part
        elif part.endswith(("市", "州", "盟")) and county is None:
            city = part
        elif part.endswith(("县", "区", "旗", "市")):   # a county-level city after its prefecture
            county = part
        elif part.endswith(("镇", "乡")):
            town = part
    if not any((city, county, province, town)) and region:
        city = region + "市"
    return Region(name=region or None, city=city, county=county, province=province, town=town)


def outlet_place(outlet: Optional[str]) -> Optional[str]:
    """The place an outlet is named after: 岚川日报 → 岚川市, 鹤屿县融媒体中心 → 鹤屿县."""
    if not outlet:
        return None
    base = _OUTLET_END.sub("", outlet.strip())
    base = re.sub(r"(?:人民政府|政府)$", "", base)
    if len(base) < 2:
        return None
    return base if base.endswith(_LEVELS) else base + "市"


@functools.lru_cache(maxsize=4096)
def region_for(outlet: Optional[str], explicit: Optional[str] = None) -> Region:
    """Explicit region, else the gazetteer's scope of the outlet, else the outlet's name."""
    if explicit:
        return region_from_name(explicit)
    try:
        s = T.scope_for(outlet)
    except Exception:  # noqa: BLE001 - no gazetteer: the outlet's name still gives the region
        s = None
    if s is not None and s.region is not None and (s.city or s.county):
        county = s.county if s.county and s.county != s.city else None
        return Region(name=county or s.city, city=s.city, county=county, province=s.province)
    place = outlet_place(outlet)
    return region_from_name(place) if place else Region(name=None)


@dataclass(frozen=True)
class Seat:
    organization: str      # canonical: 中共岚川市委, 岚川市人民政府
    post: str              # as held: 市长 | 代市长 | 副市长
    base: str              # the seat's post: 代市长 → 市长
    acting: bool
    single: bool           # one holder at a time

    @property
    def key(self) -> tuple[str, str]:
        return (self.organization, self.base)


_BARE = re.compile(r"^(自治区|省|市|州|盟|县|区|旗|镇|乡)")


def _scoped(org: str, region: Region) -> Optional[str]:
    """市委 → 岚川市委; 市人大常委会 → 岚川市人大常委会; an unresolved bare level → None."""
    m = _BARE.match(org)
    if not m:
        return org
    name = region.name_for(m.group(1))
    if not name:
        return None
    return name + org[len(m.group(1)):]


def canonical_org(org: str) -> str:
    """One spelling per body: 岚川市委 / 中共岚川市委 → 中共岚川市委; 岚川市政府 → 岚川市人民政府."""
    org = re.sub(r"\s+", "", org)
    m = _PARTY.match(org) if "共青团" not in org else None
    if m:
        return "中共" + m.group(1) + "委"
    if org.endswith("政府") and not org.endswith("人民政府"):
        org = org[:-2] + "人民政府"
    return org


def seat_of(title: str, region: Region) -> Optional[Seat]:
    """The seat of a printed title (市委副书记 → 中共岚川市委 副书记), or None (no seat post, a former
    holder, or a bare level the region cannot name)."""
    title = re.sub(r"\s+", "", title or "").strip("、，, ")
    post = T.post_suffix(title)
    if not post:
        return None
    org_text = title[: len(title) - len(post)]
    acting = False
    if org_text.endswith("代") and not org_text.endswith(("人大代", "党代")):
        # 代副市长 is 代市长's deputy inherited by a list (代市长X，副市长Y): a deputy is never acting
        acting, org_text = not post.startswith("副"), org_text[:-1]
    core = post.replace("常务", "").lstrip("副")
    if core not in SEAT_CORES or org_text.startswith(_FORMER) or org_text.endswith(_FORMER):
        return None
    org: Optional[str] = None
    if org_text in ("", "政府"):
        implied = T._IMPLIED.get(core)   # 市长 → 市人民政府 (loaders/titles.py's table)
        if implied and implied[0]:
            name = region.name_for(implied[0])
            org = name + implied[1] if name else None
    elif org_text in _LEVELS:            # 市副书记? no: 省副省长, 区副区长 → the level's government
        name = region.name_for(org_text)
        org = name + "人民政府" if name else None
    else:
        unit = T.org_unit(org_text)
        org = _scoped(unit, region) if unit else None
        implied = T._IMPLIED.get(core)
        if org is None and implied and implied[0] and org_text.endswith(implied[0]):
            org = org_text + implied[1]          # 岚川市市长, 鹤屿县县长: the division's government
    if not org:
        return None
    held = ("代" + post) if acting else post
    single = not post.startswith(("副", "常务副")) and post not in _PLURAL
    return Seat(organization=canonical_org(org), post=held, base=post, acting=acting, single=single)


def seats_of(title: str, region: Region) -> list[Seat]:
    """Concurrent posts printed as one title (市委副书记、市长) → one seat each."""
    return [seat for _part, seat in parts_of(title, region)]


@functools.lru_cache(maxsize=65536)
def parts_of(title: str, region: Region) -> tuple[tuple[str, Seat], ...]:
    """(the part as printed, its seat) for each post of a title: 市委常委、秘书长 → (市委常委, 常委),
    (秘书长, 秘书长 of 中共…市委): a bare post after one with a body inherits it."""
    out: list[tuple[str, Seat]] = []
    for part in re.split(r"[、，,]", title or ""):
        part = part.strip()
        s = seat_of(part, region)
        if s is None and out and T.post_suffix(part) == part:
            s = seat_of(_inherited(out[-1][1].organization, part) + part, region)
        if s and all(s != x for _p, x in out):
            out.append((part, s))
    return tuple(out)


def _inherited(prev_org: str, post: str) -> str:
    """The body a bare post takes from the post before it: 秘书长 after 中共X市委 → 中共X市委; 县长
    after 中共X县委 → X县人民政府 (a head of government's body is the government of that division)."""
    core = post.replace("常务", "").lstrip("副")
    implied = T._IMPLIED.get(core)
    if implied and implied[0]:
        m = re.match(r"^(?:中共)?(.+?" + implied[0] + ")", prev_org)
        if m:
            return m.group(1) + implied[1]
    return prev_org
