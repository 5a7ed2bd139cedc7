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
    insp = _alt(wordlist("inspection_triggers")) + r"|参与[\u4e00-\u9fff]{0,10}服务"
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


REPORTING = re.compile(r"强调|要求|指出|叮嘱|嘱咐|希望|表示|说|提出|建议|鼓励|勉励|认为|介绍|督促|要|号召|倡议|通报|汇报|"
                       r"传达|回顾|总结|会见|会谈|拜会|接见|宴请|看望了?(?:调研组|考察团|代表团|考察组|客人)")


SITE_SUFFIX = re.compile(rf"(?:{alternation(wordlist('site_endings'))})$")
# firms listed by their short names (甲食品, 乙机床): sites in a visit's list, never the unit of a workshop
SITE_SUFFIX_CORE = SITE_SUFFIX
SITE_SUFFIX = re.compile(SITE_SUFFIX_CORE.pattern[:-2] + "|" + _alt(wordlist("company_endings")) + r")$")


PLACE_WORD = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|镇|乡|街道|示范区|新区|开发区|高新区|经开区)")


DIVISION_RE = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|镇|乡|街道|旗|自治州|盟|苏木))+$")


_NOT_DIVISION = re.compile(rf"(?:{alternation(wordlist('not_division_endings'))})$")


_OFFICE = re.compile(r"(?:来到|在)[^。；]{0,40}?(?:办公室|指挥部|指挥中心|调度中心|应急中心)")


_DISPATCH = re.compile(r"调度|听取[^。；]{0,12}汇报|研究部署|安排部署")


_CHAIR = re.compile(r"主持")


_AT_VERB = re.compile(rf"在([^，,。；;、“”在]{{2,25}}?)(?:实地|现场)?(?:{alternation(wordlist('at_verbs'))})")


_ORG_HUI = re.compile(r"(?:协会|学会|(?<![会协磋])商会|总会|基金会|联合会|委员会|工会|红十字会|研究会|促进会|联谊会|同乡会|理事会|"
                     r"居委会|村委会|管委会)$")


_CONTINUES = re.compile(r"随后|会后|紧接着|之后|与此同时|同时|同日|当天")


_COMPANION = re.compile(r"(?:参加|陪同|一同|一起|一道|随同|共同|参与)了?(?:实地)?$")


_ATTEND = re.compile(r"参加|出席|列席|陪同|一同|随同")


_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"


_DATELINE_MD = re.compile(r"(\d{1,2})月(\d{1,2})日(?:讯|电)$")


_TOGETHER = re.compile(r"一同|一起|共同|一道")


_OWN_AREA_CLASS = re.compile(r"^(?:我|本)[省市县区州旗][\u4e00-\u9fff]{0,4}?(?:企业|单位|项目|学校|医院|景区|市场|工地|"
                             r"乡镇|村|社区|园区|基地)$")


_GENERIC_CLASS = re.compile(r"(?:部分|有关|相关|多家|多个|一些|几家|几个|各个|各)(?:企业|单位|项目|村|社区|乡镇|学校|医院|"
                            r"景区|市场|商户|门店|工地|网点|点位|场所)$")


_LIST_TAIL = re.compile(r"等(地|处|企业|单位|项目现场|项目|重点项目|关卡|场所|网点|乡镇|村|社区|点位|现场|部门|地方|"
                        r"学校|医院|景区|市场|工地|站点|卡点|基地)?[\u4e00-\u9fff]{0,4}$")


# a part of a site already visited (走进生产车间, 困难群众家中, 服务窗口): not a site of its own
_PART = re.compile(r"(?:车间|家中|展厅|大厅|会议室|办公室|生产线|流水线|窗口|岗位|病房|教室|食堂|宿舍|书屋)$")


_NOT_MEETINGS = wordlist("not_meeting_names")


_INSIDE_VERBS = frozenset({"走进", "走入", "步入"})


_PART_WORDS = re.compile(r"(?:生产|装配|加工|总装|包装)?(?:车间|展厅|大厅|生产线|流水线)$")


# between the official and 到: 一行, adverbs (X一行到…, X冒雨到…, X又专程到…)
_TO_GAP = re.compile(r"(?:一行|等人|又|还|再次|随即|随后|专程|连夜|冒雨|冒着大雨|冒着高温|顶着烈日|亲自|分别|一同|同时|"
                     r"前天|昨天|今天|当天|上午|下午|日前|近日|"
                     # X带领/率 …人员 到: the lead takes people along to the site
                     r"(?:带领|率领|率|带着|带)[^，,。；;“”]{1,30}?(?:人员|负责人|负责同志|同志|干部|成员|代表|专家|组|团|队))+")


_LOOK_AT = re.compile(r"[，,](?:实地)?(?:察看|查看)了?([^，,。；;：:、]{4,40}?)(?:的)?(?:情况|进展|进度)(?=[，,。；;])")


_ACTIVITY_TAIL = re.compile(r"(?:整治|建设|运行|生产|施工|改造|推进|落实|管护|保护|修复|险工险段|防汛|值守|经营|发展)+$")


_CLAUSE_END = re.compile(r"[，。；：,;！？\n]|(?:参与|督导|调研|检查|督查|考察|视察|开展|进行|实地|查看|察看|看望|慰问|召开|举行|主持|"
                         r"暗访|走访|观摩|指导|了解|听取|就|对)(?![站点组所室团队中库])")


_VISIT_OF = re.compile(r"(?:看望慰问|看望|慰问)了?(?=[^，,。；;]{2,30}?的)")


_PROJECT_PROGRESS = re.compile(r"(?:察看|查看)了?([\u4e00-\u9fff]{3,30}?(?:项目|工程))的?(?:建设|施工|推进)?(?:进度|进展)")


_COMPANY_TAIL = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|公司|集团|企业|厂)$")


def _norm(s: str) -> str:
    return re.sub(r"[\s，、。；：“”\"'（）()《》—\-·]", "", s)


_COUNTED = re.compile(r"^[一二两三四五六七八九十几\d]+[家个处座所]")


def _is_generic(site: str) -> bool:
    R = _rx()
    if site in R["generic_exact"]:
        return True
    if site.startswith(R["generic_lead"]):
        return True
    if re.match(r"^(?:多个|各个|多家|部分[^险]|一些|几个|各|有关|相关)", site):
        return True
    pm = PLACE_WORD.match(site)
    if _COUNTED.match(site) or _COUNTED.match(site.rsplit("的", 1)[-1]) or pm and _COUNTED.match(site[pm.end():]):
        return True   # 两家企业, 某区的9家企业, 某县一家光伏企业: units counted, not named
    if pm and (site[pm.end():] in R["generic_exact"] or site[pm.end():].startswith(R["generic_lead"])):
        return True   # 某示范区基层社区: an area and a generic word
    if _GENERIC_CLASS.search(site):
        return True   # X区部分企业: a class of units, no particular site
    if _OWN_AREA_CLASS.match(site):
        return True   # 我市企业, 本县重点项目: the outlet's own area and a class of units
    return False


def division_like(item: str) -> bool:
    """An administrative area and nothing else (X县, X省Y市, X镇): the trip's area, not a site."""
    if _NOT_DIVISION.search(item) or _is_generic(item) or re.match(r"^(?:各|全|本)", item):
        return False
    return bool(DIVISION_RE.match(item)) or _is_division(item)


def _is_division(name: str) -> bool:
    from ..gazetteer import gazetteer

    return name in gazetteer().upper


def _site_place(name: str) -> Optional[str]:
    m = PLACE_WORD.match(name)
    if m and len(m.group(0)) < len(name):
        return m.group(0)
    return None
