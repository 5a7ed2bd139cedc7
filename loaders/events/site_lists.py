"""How a visit's object reads as a list of sites: 、-lists, 和/及 between whole names, lists cut by commas
(深入A、B，C村，…), A的B和C, households (某村村民某某家中), the units of 看望A的B.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..lexicon import alternation, wordlist
from .context import Context, _in_quote
from .patterns import PLACE_WORD, SITE_SUFFIX, _ACTIVITY_TAIL, _CLAUSE_END, _EXAMINED, _LIST_TAIL, _is_generic, _rx, division_like


# 以及/和/及 between the last two items; 来到了A: the particle is not part of A; 某河及其周边环境: A alone
# not the 和 of a word that opens a name (和美乡村, 和谐社区, 和平村)
_JOIN = re.compile(rf"(?:{alternation(wordlist('site_list_joiners'))})(?!{alternation(wordlist('he_word_tails'))})")
# (位于某镇的A: where A lies, not part of its name)
_OPENER = re.compile(rf"^(?:{alternation(wordlist('site_object_openers'))}|位于[\u4e00-\u9fff]{{1,12}}?的)")
_SURROUNDINGS = re.compile(rf"(?:{alternation(wordlist('site_list_joiners'))})其?"
                           rf"(?:{alternation(wordlist('site_surroundings'))})$")
# 某村村民某某家中, 牧户某某家: a household visited (a village or a role before the name)
_HOUSEHOLD = re.compile(rf"^(?P<unit>[\u4e00-\u9fff]{{2,20}}?(?:{alternation(wordlist('household_units'))}))?"
                        rf"(?P<role>{alternation(wordlist('household_roles'))})?"
                        rf"(?P<who>[\u4e00-\u9fff]{{2,6}}?)家(?:中|里)?$")
# 某村脱贫户甲和农户乙家中: two households named together, one stop as written
_HOUSEHOLD_PAIR = re.compile(rf"^(?:[\u4e00-\u9fff]{{2,20}}?(?:{alternation(wordlist('household_units'))}))?"
                             rf"(?:{alternation(wordlist('household_roles'))})[\u4e00-\u9fff]{{2,4}}[和及]"
                             rf"(?:{alternation(wordlist('household_roles'))})?(?P<who>[\u4e00-\u9fff]{{2,4}}?)家(?:中|里)?$")


def _two_units(a: str, b: str, n_items: int) -> bool:
    """A和B where A opens with a division (甲镇乙村步道和丙景区服务中心): two units, when B also opens with
    a division, or ends like a site inside a list that already has items."""
    if len(a) < 4 or len(b) < 4 or not PLACE_WORD.match(a):
        return False
    if PLACE_WORD.match(b) and len(a) >= 5 and len(b) >= 5:
        return True
    return n_items >= 2 and SITE_SUFFIX.search(b) is not None


def _and_split(last: str, n_items: int) -> Optional[tuple[str, str]]:
    """A和B → (A, B) at the 和/及 between two whole names. A 和 after a bare division (甲镇和睦社区) is part of
    the next name when a later 和 splits two sites (甲镇和睦社区和乙小区: 甲镇和睦社区, 乙小区)."""
    fallback = None
    for m in _JOIN.finditer(last):
        a, b = last[:m.start()], last[m.end():]
        if len(a) < 2 or len(b) < 2:
            continue
        if SITE_SUFFIX.search(a) and not division_like(a) or _two_units(a, b, n_items):
            return a, b
        if fallback is None and (SITE_SUFFIX.search(a) or division_like(a)):
            fallback = (a, b)
    return fallback


_WORK_SEEN = re.compile(rf"的[\u4e00-\u9fff]{{0,12}}(?:{alternation(wordlist('list_work_words'))})$")


def split_sites(obj: str) -> list[str]:
    """A list object (A、B和C等企业) → sites; 第三、第一网格 stays whole; the last item splits on 和/及."""
    obj = obj.strip()
    obj = _OPENER.sub("", obj)
    obj = re.sub(r"等[\u4e00-\u9fff]{0,4}的[^、]*$", "", obj)   # A、B等地的防汛情况: the list ends at 等
    if "、" in obj:     # A、B和C的防汛备汛工作: the work seen at the units listed
        obj = _WORK_SEEN.sub("", obj)
    obj = _LIST_TAIL.sub("", obj)
    obj = _SURROUNDINGS.sub("", obj)
    parts = [p.split("——")[-1] for p in obj.split("、") if p]   # 我市的挂钩县——某县: the name after the dash
    merged: list[str] = []
    for p in parts:
        if merged and (re.search(r"第[一二三四五六七八九十\d]+$", merged[-1]) and p.startswith("第") or
                       _shares_ending(merged[-1], p)):
            merged[-1] = merged[-1] + "、" + p
        else:
            merged.append(p)
    out: list[str] = []
    for p in merged:
        out += _of_split(p)
    for k in range(len(out) - 1, -1, -1):
        # the last item splits on 和/及; an item before it only between two place-led names (甲镇A村及乙镇B村、C村)
        split = _and_split(out[k], len(out)) if k == len(out) - 1 else _placed_pair(out[k])
        if split:
            out[k:k + 1] = list(split)
    # A、B等人员密集场所和重点企业: the list's class closes B once the 和 is split off
    return [q for q in (_LIST_TAIL.sub("", p).strip() for p in out) if q]


def placed_name(item: str) -> bool:
    """甲区乙丙丁戊 in a list of sites: a division, then a name of four characters or more (a housing estate
    without a site ending) is a site where it lies."""
    pm = PLACE_WORD.match(item)
    return bool(pm) and len(item) - pm.end() >= 4 and not division_like(item[pm.end():])


def _shares_ending(a: str, b: str) -> bool:
    """A村辣椒、菊花种植基地: a place and a short word, then a unit without a place: one site, the ending shared."""
    end = 0
    while (pm := PLACE_WORD.match(a[end:])) is not None:    # 甲乡乙村: the places the item opens with
        end += pm.end()
    vm = re.match(r"[\u4e00-\u9fff]{1,5}?村", a[end:])
    end += vm.end() if vm else 0
    return end > 0 and not SITE_SUFFIX.search(a) and 1 <= len(a) - end <= 3 and \
        SITE_SUFFIX.search(b) is not None and not PLACE_WORD.match(b) and "的" not in a + b


_PAIRED_ENDS = tuple(wordlist("village_endings")) + tuple(wordlist("company_tails"))


def _same_village_kind(a: str, b: str) -> bool:
    """甲镇A村及B村, 甲区A公司和B公司: both villages, communities or companies (历史博物馆和规划展览馆 may be
    one venue)."""
    return any(a.endswith(e) and b.endswith(e) for e in _PAIRED_ENDS)


def _placed_pair(item: str) -> Optional[tuple[str, str]]:
    """甲镇A村及乙镇B村, 甲镇A村及B村, A村和乙镇B村 (two of one kind, one placed): two sites inside a list."""
    for m in _JOIN.finditer(item):
        a, b = item[:m.start()], item[m.end():]
        pa, pb = PLACE_WORD.match(a), PLACE_WORD.match(b)
        if (pa and pb or (pa or pb) and min(len(a), len(b)) >= 3 and _same_village_kind(a, b)) and \
                SITE_SUFFIX.search(a) and SITE_SUFFIX.search(b) and not division_like(a) and not division_like(b):
            return a, b
    return None


_FLOOR = re.compile(r"[一二三四五六七八九十\d]+楼$")


def _of_split(item: str) -> list[str]:
    """A的B和C where A is a site (某村的村容村貌和某纪念馆): A, and B, C where they are sites too; 甲委员所在的
    B: B (the unit where a person named works)."""
    if "的" not in item:
        return [item]
    if "所在的" in item and SITE_SUFFIX.search(item.rsplit("所在的", 1)[1]):
        return [item.rsplit("所在的", 1)[1]]
    a, rest = item.split("的", 1)
    if len(a) < 2 or not SITE_SUFFIX.search(a) or _is_generic(a) or division_like(a) or _FLOOR.search(a):
        return [item]
    return [a] + [x for x in _JOIN.split(rest) if len(x) >= 3 and SITE_SUFFIX.search(x) and not _is_generic(x)]


_VILLAGERS = re.compile(rf"^([\u4e00-\u9fff]{{2,20}}?(?:{alternation(wordlist('household_units'))}))"
                        rf"(?:{alternation(wordlist('household_roles'))})$")


_NOT_HEADS = tuple(wordlist("household_not_heads"))


def _household(item: str) -> Optional[str]:
    """某村村民某某家中 → 某村村民某某家: a household named by its village or its role; 某村退役军人 → 某村
    (the people met there); else None."""
    v = _VILLAGERS.match(item)
    if v:
        return v.group(1)   # 走访了某村退役军人: the village
    m = _HOUSEHOLD_PAIR.match(item) or _HOUSEHOLD.match(item)
    if not m or m.re is _HOUSEHOLD and not (m.group("unit") or m.group("role")) or \
            m.group("who").endswith(_NOT_HEADS):
        return None
    return item[:m.end("who")] + "家"


def _strip_activity(x: str) -> str:
    """某镇某江大堤某段险工险段整治 → 某镇某江大堤某段: the unit, without the activity seen there."""
    return _ACTIVITY_TAIL.sub("", x)


_OBJ_END = re.compile(alternation(wordlist("site_object_enders")))


def _object_after(text: str, pos: int, limit: int = 120) -> str:
    stop = min(len(text), pos + limit)
    ends = [m.start() for m in (_CLAUSE_END.search(text, pos, stop), _OBJ_END.search(text, pos, stop)) if m]
    return text[pos:min(ends) if ends else stop]


_CLAUSE = r"[^，。；：,;:！？\n]"


def _comma_run(text: str, end: int) -> bool:
    """先后来到A,B,C和D，调研了…: sites listed with commas, the run closed by 和/及 joining the last two
    (each clause a bare site, at most five)."""
    for clause in re.findall(rf"{_CLAUSE}+", text[end + 1:end + 160].split("。")[0].split("；")[0])[:5]:
        if len(clause) > 25 or not SITE_SUFFIX.search(clause) or _rx()["move"].search(clause):
            return False
        if _JOIN.search(clause):
            return all(SITE_SUFFIX.search(x) for x in _JOIN.split(clause) if x)
    return False


def _listed_next(text: str, end: int) -> bool:
    """某法院，某检察院，某局内设科室、…: the clause after the comma (or the one after it) goes on
    with a 、-list, and the next clause is a site."""
    m = re.match(rf"({_CLAUSE}{{3,25}})(?:[，,]{_CLAUSE}{{3,25}})?、", text[end + 1:])
    if m is None:
        return False
    if SITE_SUFFIX.search(m.group(1).split("、")[0]):
        return True
    # 先后到A村甲基地，B村乙、丙基地，…: the clause's last item carries the site ending of them all
    whole = re.match(rf"{_CLAUSE}{{3,40}}", text[end + 1:])
    return whole is not None and "、" in whole.group(0) and SITE_SUFFIX.search(whole.group(0)) is not None


# 于都县的A、B: the area a clause's sites lie in (its 的 opens no description)
_AREA_OF = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?(?:{alternation(wordlist('place_word_endings'))})的")


def _next_clause(ctx: "Context", end: int) -> Optional[tuple[str, bool]]:
    """The bare-site clause after the comma at ``end`` (a site suffix, no verb, no person), and whether it
    ends the list (an inspection verb closes it: …某大队及某中队检查…)."""
    text = ctx.text
    m = re.match(rf"{_CLAUSE}{{2,90}}", text[end + 1:])
    if not m:
        return None
    nxt = m.group(0)
    cut = _CLAUSE_END.search(nxt)
    if cut:
        nxt = nxt[:cut.start()]
    elif text[end + 1 + len(nxt):end + 2 + len(nxt)] not in ("，", ",", "。", "；", ";"):
        return None
    work = _WORK_SEEN.search(nxt) if "、" in nxt else None
    if work:   # …、C隐患点的防汛备汛情况: the work seen at the last units ends the list
        nxt, cut = nxt[:work.start()], True
    bare = _LIST_TAIL.sub("", nxt)
    if len(nxt) < 2 or cut and not re.search(r"、|和|及", nxt) or any(len(x) > 25 for x in nxt.split("、")) or \
            not SITE_SUFFIX.search(bare) or \
            ctx.mentions_in(end + 1, end + 1 + len(nxt)) or re.search(r"[的了着是在将要对]", _AREA_OF.sub("", bare)) or \
            _rx()["move"].search(nxt):
        return None
    return nxt, bool(cut) or bare != nxt


# 先后前往A、B，C；D、E，F等地: a list by area that 等地 closes goes on across the semicolons
_CLOSED_AHEAD = re.compile(r"[^。！？]{2,160}?等地")


def _continue_list(ctx: "Context", obj: str, pos: int) -> str:
    """A list of sites cut by a comma (深入A、B，C县D村茶园，实地察看…; 在A、B，C，D等地，): take the next
    clause along when it is a bare site; a clause ending in 等地 or in an inspection verb ends the list."""
    text = ctx.text
    end = pos + len(obj)
    while end < len(text) and (text[end] in "，," or text[end] in "；;" and "、" in obj and _CLOSED_AHEAD.match(text, end + 1)) \
            and (re.search(r"、", obj) or _listed_next(text, end) or _comma_run(text, end)) and \
            (not _LIST_TAIL.search(obj) or _GROUP_NEXT.match(text, end + 1)) and \
            SITE_SUFFIX.search(_LIST_TAIL.sub("", obj.split("、")[-1]).rstrip("”’」』\"")):
        nxt = _next_clause(ctx, end)
        if nxt is None:
            break
        obj = obj + "、" + nxt[0]
        end = end + 1 + len(nxt[0])
        if nxt[1] and not ("、" in nxt[0] and _LIST_TAIL.search(nxt[0])):
            break   # (A、B等某类单位，C、D等某类企业，…: lists grouped by kind go on)
    return obj


# …A、B等消防安全重点单位，C、D等危化企业，…: the next clause is another list its kind closes
_GROUP_NEXT = re.compile(rf"{_CLAUSE}{{2,40}}、{_CLAUSE}{{2,40}}?等{_CLAUSE}{{1,10}}[，,。；;]")


def _units_of(obj: str) -> list[tuple[int, str]]:
    """A的B、C的D和E的F → [(offset, A), (offset, C), (offset, E)]; a 和 splits only after a 的 (B和E)."""
    out = []
    pos = 0
    for part in re.split(r"(、)", obj):
        if part == "、":
            pos += 1
            continue
        chunks, k = [], 0
        for m in _JOIN.finditer(part):
            if "的" in part[k:m.start()] and "的" in part[m.end():]:
                chunks.append((k, part[k:m.start()]))
                k = m.end()
        chunks.append((k, part[k:]))
        for off, c in chunks:
            if "的" in c:
                unit = c.split("的", 1)[0]
                if len(unit) >= 3:
                    out.append((pos + off, unit))
        pos += len(part)
    return out


def named_units(obj: str) -> Optional[list[str]]:
    """查看了A、B、C的施工进度: three or more long proper names (7 characters or more) whose work is seen
    after 的 are units of their own, not parts of a stop named before them."""
    head = obj.split("的")[0]
    parts = head.split("、")
    if head == obj or len(parts) < 3 or min(map(len, parts)) < 7:
        return None
    items = split_sites(head)
    return items if sum(bool(SITE_SUFFIX.search(x)) for x in items) >= max(2, len(items) - 1) else None


_VILLAGE_ENDS = tuple(wordlist("village_endings"))
# …脱贫攻坚工作情况, 某站建设工作: the work seen at the unit before it
_WORK_AFTER_UNIT = re.compile(rf"(?:{alternation(wordlist('list_work_words'))})+$")


def _units_in_village(at: str, obj: str, items: list[str]) -> bool:
    """在某村，甲察看A基地、B项目: units of their own in the village (two or more, each ending like a site),
    not its parts."""
    return at.endswith(_VILLAGE_ENDS) and len(items) >= 2 and "的" not in obj and \
        all(SITE_SUFFIX.search(x) and len(x) >= 4 for x in items)


@dataclass
class SiteHit:
    pos: int
    name: str
    kind: str     # move | at | para
    place: bool = False




def examined(ctx: Context, s, hits: list[SiteHit], place_at: list) -> None:
    """对A项目(等)进行实地调研: A is the site when it ends like one (对防汛工作进行检查 names a topic)."""
    for m in _EXAMINED.finditer(s.text):
        if _in_quote(s, s.start + m.start()):
            continue
        listed, at = m.group(1), m.start(1)
        # 对A、B和C进行了实地调研: each site; 对甲区的A、B以及乙流域的C: each without where it lies
        # (对A和B的进行了安全督查: a stray 的 before the verb)
        listed = listed[:-1] if listed.endswith("的") else listed
        for x in ([y.rsplit("的", 1)[-1] for y in split_sites(listed)] if "、" in listed or _JOIN.search(listed)
                  else [listed]):
            at = s.text.find(x, at)
            unit = _strip_activity(_WORK_AFTER_UNIT.sub("", x))
            if unit != x and len(unit) >= 7 and SITE_SUFFIX.search(unit[-2:]) and not _is_generic(unit):
                x = unit   # 对某站建设工作进行检查: the unit whose works are checked
            if SITE_SUFFIX.search(x) and not _is_generic(x) and _strip_activity(x) == x and \
                    not division_like(x) and not re.search(r"和|及", x):
                hits.append(SiteHit(s.start + at, x, "move"))
            at += len(x)
