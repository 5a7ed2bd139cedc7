"""Visited sites in text order (SITE_RULES: movement verbs, 在X openings, X在A调研, 看望…的 units,
察看…项目进度, paragraphs opening with a site), and the trip's areas.
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import alternation, wordlist
from .context import Context, _in_quote
from .patterns import COUNT_TAIL, PLACE_WORD, SITE_SUFFIX, SITE_SUFFIX_CORE, _AT_VERB, _COMPANY_TAIL, _INSIDE_VERBS, _LIST_TAIL, _LOOK_AT, _PART, _PART_WORDS, _PROJECT_PROGRESS, _SITUATION_TAIL, _URGED, _VISIT_OF, _is_generic, _norm, _rx, division_like
from .site_lists import SiteHit, examined  # noqa: F401 - SiteHit re-exported
from .site_lists import _HOUSEHOLD, _VILLAGE_ENDS, _WORK_AFTER_UNIT, _continue_list, _household, _object_after, _strip_activity, _units_in_village, _units_of, named_units, placed_name, split_sites


# 看望坚守一线的职工: no unit; 察看该项目进度: no particular project
_NOT_UNIT = re.compile(alternation(wordlist("visit_of_not_units")))
# 到 goes on a clause whose subject is the visitor: 先后到, a sentence or clause that opens with it (；到A指导; ，还到A),
# a group (调研组到A, 甲一行三人到A)
_TO_OPEN = re.compile(rf"(?:先后|^\s*(?:{alternation(wordlist('to_clause_adverbs'))})?|[，,;]\s*(?:{alternation(wordlist('to_clause_adverbs'))})?|(?:[组团队]|一行(?:[一二三四五六七八九十\d]{{1,3}}人)?)"
                      rf"(?:{alternation(wordlist('to_clause_adverbs'))})?)$")
# 赴A、B等乡镇, 深入A、B、C等6个库区乡镇: a count and a qualifier may come before the class
_AREA_TAIL = re.compile(rf"等(?:[\d一二三四五六七八九十两]+个)?[\u4e00-\u9fff]{{0,4}}?(?:{alternation(wordlist('area_list_tails'))})$")
_BARE_LOOK = frozenset({"察看", "查看", "调研"})
_TOWNSHIP = re.compile(rf"(?:{alternation(wordlist('township_endings'))})$")
_LOOK_VERBS = frozenset(wordlist("site_look_verbs"))
_HERE = re.compile(r"这里|此处")
# 在X， (an official or 他 may open the clause: 随后，甲在X，听取…)
_AT_OPENING = re.compile(r"(?:^|(?<=[，,。;\n]))(?P<who>[\u4e00-\u9fff·]{2,6}?|他|她)?在(?P<x>(?:[^，,。；;“”]|“[^”，,。]{1,12}”){2,60}?)[，,]")
_NOT_AT_PLACE = re.compile(alternation(wordlist("not_at_place_words")))
_NO_PROJECT = re.compile(rf"^(?:{alternation(wordlist('project_not_openers'))})")


def _holds_parts(name: str) -> bool:
    """A stop whose looked-at things are its parts: a unit or a village, not a township or county
    (在某乡，甲察看了A、B: A and B are stops of their own)."""
    return not division_like(name) or name.endswith(_VILLAGE_ENDS)


def site_hits(ctx: Context, lead_names: set[str]) -> tuple[list[SiteHit], list[str]]:
    """Visited sites in text order, and the trip's areas (赴/深入 + divisions)."""
    hits, place_hits = _site_and_place_hits(ctx, lead_names)
    return hits, list(dict.fromkeys(p for _, p in place_hits))   # each area once, in text order


def _is_short_name_of(n: str, earlier: list[str]) -> bool:
    core = _COMPANY_TAIL.sub("", n)
    if core == n or len(core) < 2:
        return False
    return any(core in o and o != n and _COMPANY_TAIL.search(o) for o in earlier)


Places = list[tuple[int, str]]


def _areas(ctx: Context, s, m, verb: str, obj: str, items: list[str], hits: list[SiteHit], place_at: Places):
    """赴X县 / 深入A镇、B镇: the divisions named are the trip's places; returns the items left as sites,
    or None when the clause named only areas."""
    abs_pos = s.start + m.end()
    areas = [x for x in items if division_like(x)]
    for item in areas:
        pm = PLACE_WORD.match(item)
        place = item if len(item) <= 12 else (pm.group(0) if pm else None)
        if place:
            place_at.append((abs_pos, place))
    if len(areas) == len(items) or verb == "赴" and areas:
        # 来到A县，察看B镇C段整治情况: a place-anchored unit after 察看 is the site
        mm = _LOOK_AT.match(s.text, m.end() + len(obj))
        if mm and verb != "赴":
            x = _strip_activity(mm.group(1))
            if x and PLACE_WORD.match(x) and SITE_SUFFIX.search(x) and not _is_generic(x) \
                    and not division_like(x):
                hits.append(SiteHit(s.start + mm.start(1), x, "move"))
        return None
    return [x for x in items if x not in areas]   # 前往A公司: a site after all


# 某林场8000亩油松林: an amount of what grows or stands there, after the site
_AMOUNT_AFTER = re.compile(rf"[\d.]+(?:{alternation(wordlist('measure_units'))})[\u4e00-\u9fff]*$")


def _movement_item(item: str, items: list[str], verb: str, listed: bool, inside: bool) -> Optional[str]:
    """One listed object of a movement verb → the site it names, or None."""
    amount = _AMOUNT_AFTER.search(item)
    if amount and amount.start() >= 4 and SITE_SUFFIX.search(item[:amount.start()]):
        item = item[:amount.start()]
    home = _household(item)
    if home:
        return home
    if not inside and len(items) >= 2 and _PART.search(item) and len(item) >= 8 and \
            PLACE_WORD.match(item) and not _is_generic(item):
        return item   # 先后来到A、B开发区C数字化车间、D: a listed unit of its own, not a part of a site
    if _PART.search(item):
        unit = _PART_WORDS.sub("", item)
        for k in (0, 1, 2):   # 走进A公司生产车间, A项目制曲车间: A公司, A项目 is the site
            u = unit[:len(unit) - k]
            if len(u) >= 4 and SITE_SUFFIX_CORE.search(u) and not _is_generic(u):
                item = u
                break
    if _is_generic(item) or _PART.search(item):
        return None
    n_sites = sum(1 for x in items if SITE_SUFFIX.search(x))
    # 走访A公司、B中心、C (three or more, the others sites): C is one too
    in_site_list = n_sites >= len(items) - 1 and (len(items) >= 2 and len(item) >= 6 and PLACE_WORD.match(item) or
                                                   len(items) >= 3 and len(item) >= 3)
    if not listed and not in_site_list and not SITE_SUFFIX.search(item) and \
            verb not in ("来到", "先后来到", "首先来到"):
        return None
    if verb.startswith("深入") and not SITE_SUFFIX.search(item):
        return None
    if verb.startswith("走") and (_PART.search(item) or not SITE_SUFFIX.search(item)):
        return None
    return item


def movement(ctx: Context, s, hits: list[SiteHit], place_at: Places) -> None:
    """先后来到 A、B 和 C; 首先来到 A … 随后来到 B; 先后察看了 …; 走进 B (a part of A when A came first)."""
    for m in _rx()["move"].finditer(s.text):
        verb = m.group(0)
        abs_pos = s.start + m.end()
        if _in_quote(s, s.start + m.start()):
            continue
        if verb == "赴" and s.text[max(0, m.start() - 1):m.start()] == "以" or _URGED.search(s.text, 0, m.start()):
            continue   # 全力以赴; 干部要主动深入项目现场: a duty urged, no stop of the visit
        if verb == "到" and not _TO_OPEN.search(s.text, 0, m.start()) and \
                not ctx.named_before(s.start + m.start()):
            continue
        obj = _object_after(ctx.text, abs_pos)
        if not obj:
            continue
        obj = _continue_list(ctx, obj, abs_pos)
        if verb == "调研" and (ctx.text[abs_pos:abs_pos + 1] in "组团队站点所室中库" or
                             ctx.text[abs_pos + len(obj):abs_pos + len(obj) + 1] not in "，,。；;" or
                             re.search(r"[在赴到][^，,。；;]*$", s.text[:m.start()]) and not _site_list(obj)):
            continue   # 调研A， names A; 在A调研, 调研企业复工复产情况 do not; 在A县调研B园区、C公司 does
        if "的部分" in obj:
            continue   # 深入七个县(市、区)的部分乡、村、林场等…易发区: some places of a kind, none named
        items = [x for x in split_sites(obj) if len(x) >= 2]
        at_areas = obj.find("等地的")
        if at_areas > 0:   # 察看了A镇、B乡等地的油茶林低改、水利建设: the trip's areas, then works seen there
            place_at += [(abs_pos, x) for x in split_sites(obj[:at_areas]) if len(x) <= 12]
            continue
        area_tail = _AREA_TAIL.search(obj.strip())
        if area_tail:   # 赴A、B、C等乡镇: the trip's areas (without the class after 等)
            place_at += [(abs_pos, x) for x in split_sites(obj.strip()[:area_tail.start()]) if 2 <= len(x) <= 12]
            continue
        if verb in ("赴", "前往", "先后前往") or (verb in ("到", "先后到", "深入", "先后深入", "来到", "先后来到", "莅临")
                                             and items and all(division_like(x) for x in items)):
            items = _areas(ctx, s, m, verb, obj, items, hits, place_at)
            if items is None:
                continue
        # 在A，X察看了B / 来到A村，查看了B / 来到这里，X实地走访B: B is inside A (抽查了, 调研了 name stops of their own);
        # only a stop of the same clause holds B (…察看A、B；在C县，察看D: D is a stop of its own)
        c0 = s.start + max(s.text.rfind("；", 0, m.start()), s.text.rfind(";", 0, m.start()), 0)
        near = ("at", "move") if "看" in verb else ("at",)
        look = verb[:-1] if verb.endswith("了") else verb   # 查看了 is 查看
        units = named_units(obj) if look in _BARE_LOOK else None
        if units:
            obj, items = obj.split("的")[0], units   # 查看了A、B、C的施工进度: units of their own
        elif verb in _LOOK_VERBS and (any(h.kind in near and c0 <= h.pos < abs_pos and _holds_parts(h.name)
                                        and not _units_in_village(h.name, obj, items) for h in hits) or
                                    _HERE.search(s.text, 0, m.start())):
            continue
        elif look in _BARE_LOOK and (any(c0 <= h.pos < abs_pos and _holds_parts(h.name)
                                       and not _units_in_village(h.name, obj, items) for h in hits)
                                     and "看" in verb or "的" in obj):
            continue   # 来到A，察看B: B is inside A
        tail = _LIST_TAIL.search(obj.strip())
        listed = bool(tail and tail.group(1))
        inside = verb in _INSIDE_VERBS
        if inside and any(h.kind in ("move", "at") and s.start <= h.pos < abs_pos for h in hits):
            continue   # 来到A，走进B: B is a part of A (a greenhouse, a workshop)
        if len(items) >= 2:     # a list of units (a single 调研X项目建设情况 is a kind of work, no unit)
            items = [_without_situation(x) for x in items]
        # 察看养鸡场、菌菇大棚: a list of units, each ending like a site, may hold short ones
        listed_units = len(items) >= 2 and all(SITE_SUFFIX.search(x) for x in items)
        for item in items:
            site = _movement_item(item, items, verb, listed, inside)
            if verb in _BARE_LOOK and site is not None and (len(site) < (3 if verb == "调研" else 4 if listed_units else 5) or
                                                            _strip_activity(site) != site):
                continue   # 察看阵地建设, 查看办案区: a part or an activity, no site
            if site is not None:
                hits.append(SiteHit(abs_pos + obj.find(item) if item in obj else abs_pos, site, "move"))


def _site_list(obj: str) -> bool:
    """A 、-list of two or more units with site endings (its works' state cut; one item of three or more
    may lack one)."""
    items = [_without_situation(x) for x in split_sites(obj)]
    return sum(1 for x in items if SITE_SUFFIX.search(x)) >= max(2, len(items) - 1)


def _without_situation(item: str) -> str:
    """A基地建设情况 → A基地 (a unit of four characters or more is left); A村脱贫攻坚工作情况 → A村 (the work
    seen at a unit with a site ending)."""
    x = _SITUATION_TAIL.sub("", item)
    if x != item and len(x) >= 4 and SITE_SUFFIX.search(x):
        return x
    m = _WORK_AFTER_UNIT.search(item)
    if m:
        for k in range(m.start(), max(2, m.start() - 8), -1):
            if _TOWNSHIP.search(item[:k]) or item[:k].endswith(_VILLAGE_ENDS):
                return item[:k]     # a village or a township, then the work seen there
    return item


def _at_items(ctx: Context, s, start: int, x: str, hits: list[SiteHit], place_at: Places) -> None:
    """在A、B和C等地 (``start``: A's offset in the text): each division is an area, each site a hit. In a list
    of two or more where the others are sites, an item without a site ending is a site too (甲镇委镇政府)."""
    x = COUNT_TAIL.sub("", x)   # 在甲阳、乙阳两市调研: the count of the divisions listed
    items = [i for i in split_sites(x) if len(i) >= 2]
    n_sites = sum(1 for i in items if SITE_SUFFIX.search(i))
    mixed = any(not division_like(i) for i in items)
    k = 0
    for item in items:
        k = x.find(item, k)
        pos = start + max(k, 0)
        if division_like(item) and mixed and _TOWNSHIP.search(item):
            hits.append(SiteHit(pos, item, "at"))   # 在A村、B村，C镇等地: a township listed among villages is a stop
        elif division_like(item):
            place_at.append((pos, item))   # 在A镇，X走进B公司: the area, B is the site
            if len(items) == 1 and _TOWNSHIP.search(item):
                hits.append(SiteHit(pos, item, "town"))   # 在A乡，X与干部交流: a stop, unless a site follows (_towns)
        elif not _is_generic(item) and not _PART.search(item) and (
                SITE_SUFFIX.search(item) or len(items) >= 2 and n_sites >= len(items) - 1 and len(item) >= 4
                or n_sites >= 2 and placed_name(item)):
            hits.append(SiteHit(pos, item, "at"))



def at_opening(ctx: Context, s, hits: list[SiteHit], place_at: Places) -> None:
    """在X， openings: X is the site (or, for a division, the area where the next site lies); 在A、B，C等地，
    is a list of them."""
    for m in _AT_OPENING.finditer(s.text):
        who = m.group("who")
        if who and not (who in "他她" or any(p.start == s.start + m.start("who") and p.name == who and p.name in ctx.officials
                                            for p in ctx.mentions_in(s.start + m.start(), s.start + m.end("who")))):
            continue    # 甲在X，…: only an official (or 他) opening the clause at X
        x = m.group("x")
        home = _household(x)
        hm = _HOUSEHOLD.match(x) if home else None
        if hm and hm.group("unit") and not _in_quote(s, s.start + m.start()):
            # 在某村村民某某家中: the household (在老党员某某家中 lies inside a site already visited)
            hits.append(SiteHit(s.start + m.start("x"), home, "at"))
            continue
        if re.search(r"[里中上内下前后间期时]$", x) or _in_quote(s, s.start + m.start()) or \
                len(x) > 30 and "、" not in x or _NOT_AT_PLACE.search(x):
            continue    # 在全市上下掀起…热潮: no place
        if "的" in x:
            x = x.rsplit("的", 1)[1]
        start = s.start + m.end("x") - len(x)
        _at_items(ctx, s, start, _continue_list(ctx, x, start), hits, place_at)
    for p in ctx.mentions_in(s.start, s.end):   # 在某镇某村甲某强调 (no comma before the official)
        m = _AT_BEFORE_NAME.search(ctx.text[s.start:p.start])
        if m and p.name in ctx.officials and SITE_SUFFIX.search(m.group("x")) and not _in_quote(s, p.start):
            _at_items(ctx, s, s.start + m.start("x"), m.group("x"), hits, place_at)


_AT_BEFORE_NAME = re.compile(r"(?:^|(?<=[，,]))在(?P<x>[^，,。；;“”在的]{2,30})$")


def at_verb(ctx: Context, s, hits: list[SiteHit], place_at: Places) -> None:
    """X在A调研时 / X在A检查 / 在A及B考察: A (and B) is where the inspection happens."""
    for m in _AT_VERB.finditer(s.text):
        a = s.start + m.start()
        if _in_quote(s, a) or not (m.start() == 0 or s.text[m.start() - 1] in "，,。;\n" or
                                   s.text[m.start() - 1] in "并还又" and s.text[m.start() - 2:m.start() - 1] in "，," or
                                   s.text.endswith("一行", 0, m.start()) or   # X一行在A走访
                                   any(x.end == a for x in ctx.mentions)):
            continue
        _at_items(ctx, s, s.start + m.start(1), m.group(1), hits, place_at)


def visit_of(ctx: Context, s, hits: list[SiteHit], place_at: Places) -> None:
    """看望慰问A的B、C的D: the units A, C are the sites (B, D are the people met there)."""
    for m in _VISIT_OF.finditer(s.text):
        if _in_quote(s, s.start + m.start()):
            continue
        obj_pos = s.start + m.end()
        obj = _object_after(ctx.text, obj_pos)
        for off, unit in _units_of(obj):
            if SITE_SUFFIX.search(unit) and not _is_generic(unit) and not _PART.search(unit) and \
                    not _NOT_UNIT.search(unit) and \
                    not ctx.mentions_in(obj_pos + off, obj_pos + off + len(unit)):
                hits.append(SiteHit(obj_pos + off, unit, "move"))


def project_progress(ctx: Context, s, hits: list[SiteHit], place_at: Places) -> None:
    """察看(了)A项目建设进度: the project is the site, unless it lies inside a site named before."""
    for m in _PROJECT_PROGRESS.finditer(s.text):
        if _in_quote(s, s.start + m.start()) or any(
                h.kind in ("at", "move") and s.start <= h.pos < s.start + m.start() for h in hits):
            continue
        x = m.group(1)
        if not _is_generic(x) and not _NO_PROJECT.match(x):
            hits.append(SiteHit(s.start + m.start(1), x, "move"))


# Tried in this order on every sentence; the order matters (a rule may look at the hits before it: 在A，X察看了B
# finds A first).
SITE_RULES = (at_opening, movement, at_verb, visit_of, project_progress, examined)


_INTRO = re.compile(rf"([\u4e00-\u9fff（）()“”、]{{3,40}}?)(?:{alternation(wordlist('site_intro_verbs'))})")


# 某社区门口，甲遇到…: a site (where at it), then the lead (not 在某村， 来到某站， 检查现场， 每到一户，: a verb)
_SITE_THEN_LEAD = re.compile(rf"(?!在|每|{alternation(wordlist('movement_verbs'))})"
                             rf"(?![\u4e00-\u9fff]*?(?:{alternation(wordlist('at_verbs'))}))"
                             rf"([\u4e00-\u9fff]{{3,30}}?)(?:{alternation(wordlist('site_spots'))})?[，,]")


def _paragraph_openings(text: str, lead_names: set[str]) -> list[SiteHit]:
    """A sentence that opens with a site (X是…, X位于…, X拥有…) where the lead acts later in the paragraph;
    A、B是… names two; a paragraph that opens with a site and a comma, then the lead (某社区门口，甲…)."""
    out = []
    pos = 0
    for para in text.split("\n"):
        m = _SITE_THEN_LEAD.match(para)
        if m and any(para.startswith(n, m.end()) for n in lead_names) and SITE_SUFFIX.search(m.group(1)) \
                and not _is_generic(m.group(1)) and not division_like(m.group(1)):
            out.append(SiteHit(pos, m.group(1), "para"))
        for sm in re.finditer(r"(?:^|(?<=[。！？!?]))", para):
            m = _INTRO.match(para, sm.start())
            if not m or re.search(r"[（(]", m.group(1)) or not any(n in para[m.end():] for n in lead_names):
                continue
            k = m.start(1)
            for item in m.group(1).split("、"):
                # 某产业体系建设是…: a topic (the unit, without the activity, ends like no site)
                if len(item) >= 3 and SITE_SUFFIX.search(_strip_activity(item)) and not _is_generic(item) and \
                        not any(n in item for n in lead_names):
                    out.append(SiteHit(pos + k, item, "para"))
                k += len(item) + 1
        pos += len(para) + 1
    return out


def _merge_hits(hits: list[SiteHit]) -> list[SiteHit]:
    """One site named twice: keep the first place, the later and more precise name."""
    out: list[SiteHit] = []
    for h in sorted(hits, key=lambda h: h.pos):
        n = _norm(h.name)
        if h.kind == "at" and _is_short_name_of(n, [_norm(o.name) for o in out]):
            continue   # 在甲公司， after 某甲精密机械有限公司: the short name of a site already visited
        k = next((k for k, o in enumerate(out) if n in _norm(o.name) or _norm(o.name) in n), None)
        if k is None:
            k = next((k for k, o in enumerate(out) if n.replace("的", "") == _norm(o.name).replace("的", "")), None)
            if k is not None:   # 某镇区的护城河 (a caption) and 某镇区护城河: one site, the name without 的
                out[k] = SiteHit(out[k].pos, h.name if "的" not in h.name else out[k].name, out[k].kind, out[k].place)
                continue
        if k is None:
            out.append(h)
            continue
        o = out[k]
        if h.kind == "move" and n.startswith(_norm(o.name)) and len(n) > len(_norm(o.name)):
            # 前往A垸 … 先后来到A垸B闸口: the later, more precise name, in the first one's place
            out[k] = SiteHit(o.pos, h.name, h.kind, h.place)
    return out


def _site_and_place_hits(ctx: Context, lead_names: set[str]) -> tuple[list[SiteHit], Places]:
    place_at: Places = []
    hits: list[SiteHit] = []
    for s in ctx.sents:
        for rule in SITE_RULES:
            rule(ctx, s, hits, place_at)
    hits += _paragraph_openings(ctx.text, lead_names)
    hits = _towns(ctx.text, hits)
    if not hits:
        hits = _townships(place_at)
    return _merge_hits(hits), place_at


def _towns(text: str, hits: list[SiteHit]) -> list[SiteHit]:
    """在A乡，… : the township is a stop when no site is named after it in the same stretch (up to 。 or ；) and
    no other site's name holds it (在A镇，X先后到B村: B is the stop, A the area)."""
    out = []
    for h in hits:
        if h.kind != "town":
            out.append(h)
            continue
        m = re.compile(r"[。；;\n]").search(text, h.pos)
        end = m.start() if m else len(text)
        if not any(o.kind != "town" and (h.pos < o.pos < end or h.name in o.name) for o in hits):
            out.append(SiteHit(h.pos, h.name, "at"))
    return out


def _townships(place_at: Places) -> list[SiteHit]:
    """An article whose only stops are divisions listed together (到A镇、B镇、C乡等地看望…; 先后到A、B、C等县):
    they are the sites (two counties or cities alone are areas)."""
    by_pos: dict[int, list[str]] = {}
    for pos, p in place_at:
        by_pos.setdefault(pos, []).append(p)
    out = []
    for pos, names in by_pos.items():
        # townships are stops; two counties or cities after 到 are the trip's areas, a tour of three or more its stops
        if len(names) >= 3 or len(names) == 2 and all(_TOWNSHIP.search(n) for n in names):
            out += [SiteHit(pos, n, "move") for n in names]
    return out
