"""A chronicle (大事记) and the period it covers: by its title (2012年大事记, 某市大事记202008, 2006 年 某 区 大 事
记), by its form (a month alone as its heading over day items), by the one year its items write when it
was posted years later; and a chronicle that writes no year at all (its days have none)."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..dates import cn_number
from ..lexicon import alternation, wordlist
from ..models import Article

_CHRONICLE = re.compile(alternation(wordlist("chronicle_titles")))
_YEAR = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年")


# a month alone as a heading ((四月), 4月), and lines that open with a day (3日 …)
MONTH_ONLY = re.compile(r"^[\s(（【]*(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*月(?:份)?[\s)）】]*$")
_DAY_ITEM = re.compile(r"(?m)^[ \t\u3000]*\d{1,2}(?:[—\-～~至]\d{1,2})?日")


def plain_title(article: Article) -> str:
    """The title without the spaces a page sets between its characters (2006 年 某 区 大 事 记)."""
    return re.sub(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])", "", article.title or "")


def chronicle_base(article: Article) -> tuple[Optional[date], str]:
    """What a text's month-days are read against, and its precision: a chronicle's period (its title, its
    first line, the one year its items write), none for a chronicle that writes no year at all (it was
    compiled after the fact: its days have no year), else the issue date."""
    title, text = plain_title(article), article.text or ""
    # by its title, or by its form: a month alone as its heading over three or more day items
    chronicle = bool(_CHRONICLE.search(title)) or bool(MONTH_ONLY.match(title)) and len(_DAY_ITEM.findall(text)) >= 3
    period = _period(article, title, chronicle)
    if period:
        return period
    if chronicle and not _YEAR.search(title) and not _YEAR.search(text):
        return None, article.published_precision
    return article.published, article.published_precision


def titled_chronicle(article: Article) -> bool:
    """A chronicle by its title (X大事记, 某月记事)."""
    return bool(_CHRONICLE.search(plain_title(article)))


# (a year and a month in Chinese numerals too: 二〇一九年十月, 二O一九年 with a letter O for 〇)
_PERIOD = re.compile(r"((?:19|20)\d{2}|[一二][〇零OΟ○一二三四五六七八九]{3})\s*年(?:度)?\s*"
                     r"(?:(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月)?")
_PERIOD_LINE = re.compile(_PERIOD.pattern + r"[ \t\u3000）)】]*\n")
# a chronicle's period in digits only (2011大事记, 某市大事记202008), not a yearbook's edition in brackets (某市年鉴(2019))
_PERIOD_DIGITS = re.compile(r"(?<![\d(（])((?:19|20)\d{2})(0[1-9]|1[0-2])?(?![\d)）])")


def _period(article: Article, title: str, chronicle: bool) -> Optional[tuple[date, str]]:
    """The period a chronicle's title writes (2012年大事记, 某市2008年6月份大事记): its first day and precision."""
    # the period in the title, or on the line under it ((2011年6月) opening the text)
    opening = (article.text or "")[:16].lstrip(" （(【\n")
    if chronicle:
        m = _PERIOD.search(title) or _PERIOD.match(opening) or _PERIOD_DIGITS.search(title)
        if not m:
            return _items_year(article)
    else:   # no chronicle's title, but a period alone as the headline or the first line (2008年 / 2008年1月)
        m = _PERIOD.fullmatch(title.strip(" （()）【】")) or _PERIOD_LINE.match(opening)
    if not m:
        return None
    y, mo = _num(m.group(1)), _num(m.group(2) or "0")
    return (date(y, mo, 1), "month") if 1 <= mo <= 12 else (date(y, 1, 1), "year")


def _num(s: str) -> int:
    """A year or month in digits or Chinese numerals (二O一九 with a letter O, 十二)."""
    return cn_number(re.sub("[OΟ○]", "〇", s)) or 0


def _items_year(article: Article) -> Optional[tuple[date, str]]:
    """A chronicle with no period in its title, whose items write one year only, not the issue's (a
    government site posts a chronicle years later: 2014年全市春风行动 in items posted in 2016)."""
    years = {_num(m.group(1)) for m in _PERIOD.finditer(article.text or "")}
    if len(years) != 1:
        return None
    y = years.pop()
    pub = article.published
    return (date(y, 1, 1), "year") if pub is None or y < pub.year else None
