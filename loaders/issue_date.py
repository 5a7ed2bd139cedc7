"""The issue date (and outlet) of a source file.

In order: ``--published``; the manifest CSV (``file,published[,outlet]``, other columns ignored);
a date in the file name (``2020-03-08``, ``20200308``); the masthead (``2020年2月 1 星期六`` spread
over lines, weekday checked); a web page's 发布时间 / time-stamp line; a dated dateline
(``某某日报2月5日讯``) with a year from the page; else inferred from the text: the day after the
latest absolute date in it (a daily reports yesterday's events; ``今日``/``今天`` next to the date
means the same day), the year from a full date or a year written in the text. An inferred date is
marked ``inferred`` with its basis. The date is never silently today: when nothing gives it,
``published`` is None.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

from .errors import InputError
from .lexicon import alternation, wordlist

from .layout.grammar import DATELINE_DIAN_RE, DATELINE_XUN_RE, HOME_OUTLETS


@dataclass
class IssueInfo:
    published: Optional[date]
    inferred: bool
    basis: str
    outlet: Optional[str]
    precision: str = "day"          # day | month | year: how much of the issue date is known


@dataclass
class ManifestRow:
    file: str
    published: Optional[date]
    outlet: Optional[str]
    basis: Optional[str] = None
    precision: str = "day"


# ------------------------------------------------------------------ parsing helpers

_ISO_RE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$")


def parse_date(value: str) -> date:
    """ISO-ish date (2020-03-08, 2020/3/8, 2020年3月8日). Raises ValueError."""
    m = _ISO_RE.match(value or "")
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    # Other spellings a user may type (8 March 2020, March 8, 2020, 2020年3月8日 星期日): dateparser is
    # right on complete absolute dates; relative or partial ones (26日, 日前) are refused.
    if not re.search(r"(?<!\d)\d{4}(?!\d)", value or ""):  # dateparser fills a missing year with today's
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)")
    import dateparser

    d = dateparser.parse(value or "", languages=["zh", "en"],
                         settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                                   "RETURN_AS_TIMEZONE_AWARE": False})
    if d is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)")
    return d.date()


_PARTIAL_RE = re.compile(r"^\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})\s*月?)?\s*年?\s*$")


def parse_issue_date(value) -> tuple[date, str]:
    """A full date, or the part of one a source gives (2014-11, 2020, as URLs and archives often show):
    (the period's first day, its precision day | month | year). Raises ValueError."""
    if isinstance(value, date):
        return value, "day"
    m = _PARTIAL_RE.match(str(value or ""))
    if m:
        y, mo = int(m.group(1)), m.group(2)
        if mo is None:
            return date(y, 1, 1), "year"
        if not 1 <= int(mo) <= 12:
            raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
        return date(y, int(mo), 1), "month"
    return parse_date(str(value)), "day"


def read_manifest(path) -> dict[str, ManifestRow]:
    """Manifest CSV → rows keyed by file name. Raises InputError naming the file."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: manifest not found", hint="give a CSV with columns file,published[,outlet]")
    try:
        raw = p.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read manifest ({e})")
    rows: dict[str, ManifestRow] = {}
    first_line: dict[str, int] = {}     # a repeated file would silently take the last row's date
    reader = csv.DictReader(text.splitlines())
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "file" not in fields:
        raise InputError(f"{path}: manifest has no 'file' column", hint="columns: file,published[,outlet]")
    for n, row in enumerate(reader, start=2):
        if None in row:     # DictReader keeps surplus cells under None: an unquoted comma in a cell
            raise InputError(f"{path}: line {n} has {len(fields) + len(row[None])} cells for {len(fields)} columns",
                             hint='quote a cell that holds a comma: "outlet, with a comma"')
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        name = row.get("file", "")
        if not name:
            continue
        pub, precision = None, "day"
        if row.get("published"):
            try:
                pub, precision = parse_issue_date(row["published"])
            except ValueError as e:
                raise InputError(f"{path}: line {n}: {e}")
        key = Path(name).name
        if key in first_line:
            raise InputError(f"{path}: line {n} repeats {key} from line {first_line[key]}; one row per file",
                             hint="delete one of the two rows")
        first_line[key] = n
        rows[key] = ManifestRow(file=name, published=pub, outlet=row.get("outlet") or None,
                                basis=row.get("basis") or None, precision=precision)
    return rows


_NAME_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_filename(name: str) -> Optional[date]:
    for m in _NAME_DATE_RE.finditer(Path(name).name):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


_WEEKDAYS = "一二三四五六日"
_MASTHEAD_RE = re.compile(
    r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:(?:星期|周)\s*([一二三四五六日天]))?"
)


def date_from_masthead(text: str) -> Optional[date]:
    """A masthead date in the page head: year 月 day (the weekday, when printed, must agree)."""
    head = text[:3000]
    for m in _MASTHEAD_RE.finditer(head):
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        wd = m.group(4)
        if wd:
            expect = _WEEKDAYS[d.weekday()]
            if wd != expect and not (wd == "天" and expect == "日"):
                continue
            return d
        # no weekday: accept only when the date stands on its own line (a masthead, not prose)
        line_start = head.rfind("\n", 0, m.start()) + 1
        line_end = head.find("\n", m.end())
        line = head[line_start:line_end if line_end >= 0 else len(head)].strip()
        if len(line) <= len(m.group(0).strip()) + 2:
            return d
    return None


_WEB_STAMP_RES = [
    re.compile(rf"(?:{alternation(wordlist('publish_time_labels') + wordlist('date_labels'))})\s*[:：]?\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"),
    re.compile(r"(?:来源|作者)[^\n]{0,40}?((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"^\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\s+\d{1,2}:\d{2}", re.M),
]
_WEB_DMY_RE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\s+\d{1,2}:\d{2}", re.M)


def date_from_web_stamp(text: str) -> Optional[date]:
    """发布时间:2020-07-10 10:03, 2019-12-23 23:05:05 来源:…, 来源:县政府办2018-10-15, 06.02.2015 17:21."""
    head = text[:1500]
    for rx in _WEB_STAMP_RES:
        m = rx.search(head)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
    m = _WEB_DMY_RE.search(head)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            pass
    return None


_MD_RE = re.compile(r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(度)?")
_FUTURE_BEFORE = ("将于", "将在", "定于", "计划于", "预计", "拟于", "至", "到")
_SINCE_AFTER = re.compile(r"[^，,。；;、\n]{0,10}?(?:" + alternation(wordlist("since_words")) + ")")


def infer_date(text: str, year_hint: Optional[int] = None) -> tuple[Optional[date], str]:
    """The day after the latest absolute date in ``text`` (same day with 今日/今天). (date, basis)."""
    best: Optional[tuple[int, int, Optional[int], int]] = None   # (month, day, year, pos)
    full_years: list[int] = []
    for m in _MD_RE.finditer(text):
        mo, dd = int(m.group(2)), int(m.group(3))
        if not (1 <= mo <= 12 and 1 <= dd <= 31):
            continue
        before = text[max(0, m.start() - 4):m.start()]
        if any(before.endswith(w) for w in _FUTURE_BEFORE):
            continue
        y = int(m.group(1)) if m.group(1) else None
        if y:
            full_years.append(y)
        key = (mo, dd)
        if best is None or key > (best[0], best[1]):
            best = (mo, dd, y, m.start())
    if best is None:
        return None, "inferred: no date in the text"
    mo, dd, y, pos = best
    year = y or (max(full_years) if full_years else None) or year_hint
    basis_year = ""
    if year is None:
        # 力争到2020年, 至2025年: a target year, not the year the text was written in
        # 1951年有气象记录以来, 2000年以前, 1984年退伍后: a year the text measures from, not the one it was written in
        years = [(int(m.group(1)), bool(m.group(2))) for m in _YEAR_RE.finditer(text)
                 if not any(text[max(0, m.start() - 4):m.start()].endswith(w) for w in _FUTURE_BEFORE)
                 and not _SINCE_AFTER.match(text, m.end())]
        if len({y for y, _ in years}) > 1 and not any(annual for _, annual in years):
            years = []   # 2017年完成情况及2018年计划, 2023年底…2025年底: which year the day is in, the text does not say
        if years:
            ymax = max(y for y, _ in years)
            # an annual title (2019年度) together with 去年 means the text was written the year after
            if any(y == ymax and annual for y, annual in years) and "去年" in text:
                year, basis_year = ymax + 1, f"; year after the {ymax}年度 mentioned with 去年"
            else:
                year, basis_year = ymax, f"; year from {ymax}年 in the text"
    if year is None:
        return None, f"inferred: latest date {mo}月{dd}日 but no year in the text"
    try:
        d = date(year, mo, dd)
    except ValueError:
        return None, f"inferred: invalid date {year}-{mo}-{dd}"
    ctx = text[max(0, pos - 12):pos + 16]
    if "今日" in ctx or "今天" in ctx:
        return d, f"inferred: the latest dated event ({mo}月{dd}日) is today{basis_year}"
    return d + timedelta(days=1), f"inferred: the day after the latest dated event ({mo}月{dd}日){basis_year}"


_PAPER_LINE_RE = re.compile(rf"^[\u4e00-\u9fff]{{2,12}}(?:{alternation(wordlist('masthead_paper_kinds') + ('报',))})$")


def outlet_from_text(text: str) -> Optional[str]:
    """The outlet from a dateline (某某日报讯 → 某某日报) or the masthead's paper-name line."""
    head = text[:200_000]
    for line in head.splitlines()[:40]:
        t = line.strip()
        if _PAPER_LINE_RE.match(t):
            return t
    for m in re.finditer(r"(?m)^[ \t\u3000]*(\S{2,16}?)(?:\d{1,2}月\d{1,2}日)?讯", head):
        dm = DATELINE_XUN_RE.match(m.group(0).strip())
        if dm and dm.group("outlet") not in HOME_OUTLETS:
            return dm.group("outlet")
    return None


_SOURCE_LINE_RE = re.compile(r"来源\s*[:：]\s*([^\s|｜:：]{2,30}?)(?=\s|$|\||｜|(?:19|20)\d{2}|发布|作者)")


def outlet_from_web(text: str) -> Optional[str]:
    m = _SOURCE_LINE_RE.search(text[:1500])
    return m.group(1) if m else None


def _dateline_date(text: str, year: Optional[int]) -> Optional[date]:
    for line in text[:3000].splitlines():
        t = line.strip()
        m = DATELINE_XUN_RE.match(t) or DATELINE_DIAN_RE.match(t)
        if m and m.group("date") and year:
            nums = re.findall(r"\d+", m.group("date"))
            try:
                return date(year, int(nums[0]), int(nums[1]))
            except ValueError:
                return None
    return None


def resolve_issue(name: str, text: str, published=None, manifest: Optional[dict] = None,
                  outlet: Optional[str] = None, web: bool = False) -> IssueInfo:
    """Issue date and outlet of one file (see the module doc for the order)."""
    fname = Path(name).name
    row = manifest.get(fname) if manifest else None
    # outlet: manifest, else the text, else the option
    out = (row.outlet if row and row.outlet else None)
    if not out:
        out = outlet_from_text(text) or (outlet_from_web(text) if web else None) or outlet

    if published:
        d, precision = parse_issue_date(published)
        return IssueInfo(d, False, "option", out, precision)
    if row and row.published:
        if row.precision != "day":
            # 2014-11 from an archive's URL: a full date printed on the page itself is better
            full = date_from_masthead(text) or date_from_web_stamp(text)
            if full and (full.year, full.month if row.precision == "month" else 1) == \
                    (row.published.year, row.published.month if row.precision == "month" else 1):
                return IssueInfo(full, False, "page", out)
        return IssueInfo(row.published, False, "manifest", out, row.precision)
    d = date_from_filename(fname)
    if d:
        return IssueInfo(d, False, "filename", out)
    d = date_from_masthead(text)
    if d:
        return IssueInfo(d, False, "masthead", out)
    stamp = date_from_web_stamp(text)
    if stamp:
        # a dated dateline (某某日报2月5日讯) on a reposted page gives the original date
        dl = _dateline_date(text, stamp.year)
        if dl and abs((stamp - dl).days) <= 31:
            return IssueInfo(dl, False, "dateline", out)
        return IssueInfo(stamp, False, "page", out)
    d, basis = infer_date(text)
    return IssueInfo(d, True, basis, out)
