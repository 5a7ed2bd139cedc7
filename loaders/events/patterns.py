"""Patterns and word tests the event families share: reporting verbs, site suffixes, divisions,
companions, clause ends. Word lists are read from the lexicon once (``_rx``).
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..lexicon import alternation, wordlist, wordmap


def _alt(words) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


@functools.lru_cache(maxsize=1)
def _rx():
    # 指导性, 指导意见: a noun, not the verb
    insp = "(?:" + _alt(wordlist("inspection_triggers")) + r")(?!性|意见)|参与[\u4e00-\u9fff]{0,10}服务"
    move = _alt(wordlist("movement_verbs"))
    nouns = _alt(wordlist("meeting_nouns"))
    other = wordmap("event_triggers")
    generic = wordlist("generic_sites")
    return {
        "insp": re.compile(insp),
        "move": re.compile(r"(?:" + move + r")"),
        "meeting_name": re.compile(r"(?:" + nouns + r")"),
        "nouns": tuple(sorted(set(wordlist("meeting_nouns")), key=len, reverse=True)),
        "other": re.compile(_alt(other)),
        "other_map": other,
        "generic_exact": {g for g in generic if not g.startswith("^")} | {g[1:] for g in generic if g.startswith("^")},
        "generic_lead": tuple(g[1:] for g in generic if g.startswith("^")),
    }


@functools.lru_cache(maxsize=None)
def inspection_words(cls: str) -> str:
    """A word class of the inspection grammar (lexicon ``inspection_words``) as a regex alternation: the one
    reader for inspections.py and non_visits.py."""
    return alternation(wordmap("inspection_words")[cls].split())


def _words(name: str) -> str:
    """The lexicon list ``name`` as a regex alternation (not wrapped in a group)."""
    return alternation(wordlist(name))


REPORTING = re.compile(rf"{_words('reporting_verbs')}|看望了?(?:{_words('visiting_parties')})")
# 甲对乙率团赴某地考察表示欢迎: the act thanked for is another's
_FOR_THE = re.compile(r"对[^。；，,“”]{2,30}$")
_THANKED = re.compile(rf"[^。；“”]{{0,30}}?(?:表示|给予了?)(?:衷心的?|诚挚的?|热烈的?|充分|高度)?(?:{_words('thanks_words')})")   # (对…巡查工作给予充分肯定)
# words that hold a reporting verb and report nothing (主要负责同志, 重要, 需要)
_NOT_REPORTING = re.compile(_words("not_reporting_words"))


def reports(text: str) -> bool:
    """A reporting verb (强调, 要求, 要 …) in ``text``, not inside a word that only holds one (主要)."""
    return REPORTING.search(_NOT_REPORTING.sub(lambda m: "□" * len(m.group(0)), text)) is not None


SITE_SUFFIX = re.compile(rf"(?:{alternation(wordlist('site_endings'))})$")
# firms listed by their short names (甲食品, 乙机床): sites in a visit's list, never the unit of a workshop
SITE_SUFFIX_CORE = SITE_SUFFIX
SITE_SUFFIX = re.compile(SITE_SUFFIX_CORE.pattern[:-2] + "|" + _alt(wordlist("company_endings")) + r")$")


PLACE_WORD = re.compile(rf"^[\u4e00-\u9fff]{{1,8}}?(?:{_words('place_word_endings')})")


DIVISION_RE = re.compile(rf"^(?:[\u4e00-\u9fff]{{1,8}}?(?:{_words('division_endings')}))+$")


_NOT_DIVISION = re.compile(rf"(?:{_words('not_division_endings')})$")


_OFFICE = re.compile(rf"(?:来到|在)[^。；]{{0,40}}?(?:{_words('office_rooms')})")


_DISPATCH = re.compile(rf"{_words('dispatch_words')}|听取[^。；]{{0,12}}汇报")


_CHAIR = re.compile(r"主持")


# 在A(、B和C等地)调研时: A (and the others listed) is where the inspection happens
_AT_VERB = re.compile(rf"在((?:[^，,。；;、“”在]{{2,25}}?、){{0,6}}[^，,。；;、“”在]{{2,25}}?)(?:实地|现场)?(?:进行了?)?"
                      rf"(?:{alternation(wordlist('at_verbs'))})")


_ORG_HUI = re.compile(rf"(?:{_words('org_hui_endings')}|(?<![会协磋])商会)$")


_CONTINUES = re.compile(_words("continuation_words"))


# …等带领5个慰问小组: as many groups as heads, each head leads one (and some are named only later)
SEVERAL_GROUPS = r"[两二三四五六七八九十\d]+个[\u4e00-\u9fff]{0,6}?(?:" + inspection_words("several_groups") + ")"
_MORE_HEADS = re.compile(r"等[^，。；]{0,12}" + SEVERAL_GROUPS)
# A、B分别带队 / A、B等带领5个慰问小组: the leads go separate ways
SEPARATE = re.compile(r"分别|" + SEVERAL_GROUPS)


_COMPANION = re.compile(rf"(?:{_words('companion_verbs')})了?(?:实地|学习)?$")


# 全程陪同老领导们实地参观考察: an escort with unnamed visitors as its object (a named one leads)
_ESCORT = re.compile(rf"(?:{_words('escort_verbs')})(?!下)([^，,。；;、：:下]{{1,10}})$")


_ATTEND = re.compile(_words("attend_verbs"))


_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"


# what closes a dateline after its day (本报12月2日讯, 某网8月15日消息：)
_DATELINE_END = re.compile(_words("dateline_day_ends"))
_DATELINE_MD = re.compile(r"(\d{1,2})月(\d{1,2})日(?:讯|电)$")


_TOGETHER = re.compile(_words("together_words"))


_OWN_AREA_CLASS = re.compile(rf"^(?:我|本)[省市县区州旗][\u4e00-\u9fff]{{0,4}}?(?:{_words('own_area_units')})$")


# 各重点项目建设现场: a class of units, maybe 重点, maybe at their (building) site
_GENERIC_CLASS = re.compile(rf"(?:{_words('generic_class_openers')})(?:重点)?(?:{_words('generic_class_units')})"
                            r"(?:建设)?(?:现场)?$")


# group 1 (the unit after 等) is only tested for presence: 等地方 gives 地方 where the list has 地 too
_LIST_TAIL = re.compile(rf"等(?:({_words('list_tail_units')})?[\u4e00-\u9fff]{{0,4}}|[\u4e00-\u9fff]{{0,6}}(?:{_words('generic_class_units')}|现场))$")


# a part of a site already visited (走进生产车间, 困难群众家中, 服务窗口): not a site of its own
_PART = re.compile(rf"(?:{_words('site_parts')})$")


_NOT_MEETINGS = wordlist("not_meeting_names")


_INSIDE_VERBS = frozenset({"走进", "走入", "步入"})


_PART_WORDS = re.compile(rf"(?:{_words('part_word_processes')})?(?:{_words('part_word_rooms')})$")


# between the official and 到: 一行, adverbs (X一行到…, X冒雨到…, X又专程到…)
_TO_GAP = re.compile(rf"(?:{_words('to_gap_words')}|"
                     # X带领/率 …人员 到: the lead takes people along to the site
                     rf"(?:{_words('lead_verbs')})[^，,。；;“”]{{1,30}}?(?:{_words('led_people')}))+")


_LOOK_AT = re.compile(r"[，,](?:实地)?(?:察看|查看)了?([^，,。；;：:、]{4,40}?)(?:的)?"
                      rf"(?:{_words('look_at_objects')})(?=[，,。；;])")


_ACTIVITY_TAIL = re.compile(rf"(?:{_words('activity_tail_words')})+$")
# 察看A基地建设情况, A项目建设谋划情况: the unit, without the state of its works
_SITUATION_TAIL = re.compile(rf"(?:{_words('activity_tail_words')}|{_words('situation_tail_words')})*情况$")


_CLAUSE_END = re.compile(rf"[，。；：,;！？\n]|(?:{_words('clause_end_verbs')})(?![站点组所室团队中库]|[\u4e00-\u9fff]{{1,2}}站[、，,])")   # (检查消毒站、: a unit)


_VISIT_OF = re.compile(rf"(?:{_words('visit_verbs')})了?(?=[^，,。；;]{{2,30}}?的)")


_PROJECT_PROGRESS = re.compile(rf"(?:察看|查看)了?([\u4e00-\u9fff]{{3,30}}?(?:项目|工程))的?(?:{_words('project_work_words')})?"
                               r"(?:进度|进展)")


# 对A、B和C等3家企业进行了执法检查: the list, maybe counted, before the verb
_EXAMINED = re.compile(rf"(?:^|[，,]|[\u4e00-\u9fff]{{2}})对([^，,。；;“”、]{{4,30}}?(?:、[^，,。；;“”、]{{3,30}}?){{0,9}})"
                       rf"(?:等(?:[\d一二两三四五六七八九十几]+[家个处座所][\u4e00-\u9fff]{{0,4}}?)?)?进行了?"
                       rf"(?:{_words('examine_adverbs')})?(?:{_words('examine_verbs')})")
# 干部要主动深入项目现场: a duty urged before a movement verb, no stop of the visit
_URGED = re.compile(rf"(?:要|应当?|必须|务必)(?:{_words('urged_adverbs')})?$")
_COMPANY_TAIL = re.compile(rf"(?:{_words('company_tails')})$")


def _norm(s: str) -> str:
    return re.sub(r"[\s，、。；：“”\"'（）()《》—\-·]", "", s)


_GENERIC_OPEN = re.compile(rf"^(?:部分[^险]|{_words('generic_site_openers')})")


_NOT_DIVISION_OPEN = re.compile(rf"^(?:{_words('not_division_openers')})")


# 甲阳、乙阳两市: the count of the divisions a list closes with
COUNT_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{2})[两二三四五六七八九十几多][市县区镇乡地省州]$")
_COUNTED = re.compile(r"^[一二两三四五六七八九十几\d]+(?:[家个处座所户]|[村镇乡](?=[一二两三四五六七八九十\d]))")   # 5村1社区 (not 某镇三村)


def _is_generic(site: str) -> bool:
    R = _rx()
    if site in R["generic_exact"]:
        return True
    if site.startswith(R["generic_lead"]):
        return True
    if _GENERIC_OPEN.match(site):
        return True
    pm = PLACE_WORD.match(site)
    if _COUNTED.match(site) or _COUNTED.match(site.rsplit("的", 1)[-1]) or pm and _COUNTED.match(site[pm.end():]):
        return True   # 两家企业, 某区的9家企业, 某县一家光伏企业: units counted, not named
    if pm and (site[pm.end():] in R["generic_exact"] or site[pm.end():].startswith(R["generic_lead"]) or
               _GENERIC_OPEN.match(site[pm.end():])):
        return True   # 某示范区基层社区, 某区部分临时管控小区: an area and a generic word
    if _GENERIC_CLASS.search(site):
        return True   # X区部分企业: a class of units, no particular site
    if _OWN_AREA_CLASS.match(site):
        return True   # 我市企业, 本县重点项目: the outlet's own area and a class of units
    return False


def division_like(item: str) -> bool:
    """An administrative area and nothing else (X县, X省Y市, X镇): the trip's area, not a site."""
    if _is_division(item):
        return True     # a county the gazetteer lists, whatever its ending (某林区 is one)
    if _NOT_DIVISION.search(item) or _is_generic(item) or _NOT_DIVISION_OPEN.match(item):
        return False
    return bool(DIVISION_RE.match(item))


def _is_division(name: str) -> bool:
    from ..gazetteer import gazetteer

    return name in gazetteer().upper


def _site_place(name: str) -> Optional[str]:
    m = PLACE_WORD.match(name)
    if m and len(m.group(0)) < len(name):
        return m.group(0)
    return None
