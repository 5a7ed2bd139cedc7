#!/usr/bin/env python3
"""Synthetic newspaper pages with known gold titles, to measure the page segmenter on layouts the
sample pages do not show.

Usage: .venv/bin/python bench/synth_pages.py [--pages 40] [--seed 1] [--case NAME] [--show N] [--fails N]

Parts come from the sample pages at run time: ``examples/zhuzhou-daily/*.txt`` are segmented by the
current segmenter; each article's main title is fixed from ``tests/gold/dev.jsonl`` (the gold title
decides which of kicker / title / subtitle is the main one); body paragraphs, kicker, subtitle, bylines
and pen names are kept. Pages are rebuilt from these parts in varied layouts (one *case* per layout
question), re-wrapped at 12–40 characters per line with stray spaces, and segmented again; every
page's gold is the list of main titles put in.

Scores per case: article precision / recall / F1 (``kb.eval.match_titles``: kicker + title +
subtitle contains the gold title), ``title`` (share of matched articles whose ``title`` field is the
gold main title) and ``body`` (share of matched articles whose text holds the first and last body
paragraph put in and no paragraph of another article).

Nothing here goes into kb/ or loaders/; the names are the sample pages' own.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kb.eval import Counts, match_titles, normalize  # noqa: E402
from loaders.layout import segment_page  # noqa: E402

SAMPLES = REPO / "examples" / "zhuzhou-daily"
GOLD = REPO / "tests" / "gold" / "dev.jsonl"
HOME = "株洲日报"


@dataclass
class Part:
    """An article's parts, as put on a synthetic page."""

    title: str                       # the main title (gold)
    kicker: Optional[str] = None
    subtitle: Optional[str] = None
    paragraphs: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    kind: str = "news"               # news | commentary
    author: Optional[str] = None     # pen name of a commentary


# ------------------------------------------------------------------ parts from the sample pages

def _main_split(kicker, title, subtitle, gold: str):
    """Re-split (kicker, title, subtitle) so that the gold title is the title."""
    g = normalize(gold)
    parts = [p for p in (kicker, title, subtitle) if p]
    if normalize(title or "") == g:
        return kicker, title, subtitle
    for i, p in enumerate(parts):
        if normalize(p) == g:
            k = " ".join(parts[:i]) or None
            s = " ".join(parts[i + 1:]) or None
            return k, p, s
    # the gold title is a part of a line (a title broken over lines): keep the gold text
    return None, gold, None


def sample_parts() -> list[Part]:
    gold = {json.loads(l)["file"]: json.loads(l) for l in GOLD.read_text(encoding="utf-8").splitlines() if l.strip()}
    out: list[Part] = []
    for f in sorted(SAMPLES.glob("*.txt")):
        src = f.read_text(encoding="utf-8")
        g = gold.get(f.name, {}).get("articles", [])
        arts = segment_page(src, f.name, outlet=HOME)
        full = ["".join(x for x in (a.kicker, a.title, a.subtitle) if x) for a in arts]
        matches, _, _ = match_titles(g, full)
        for gi, pj in matches:
            a = arts[pj]
            k, t, s = _main_split(a.kicker, a.title, a.subtitle, g[gi])
            paras = [p.text for p in a.paragraphs if p.text]
            if not paras:
                continue
            out.append(Part(title=t, kicker=k, subtitle=s, paragraphs=paras, reporters=list(a.reporters),
                            correspondents=list(a.correspondents), kind=a.kind,
                            author=a.authors[0] if a.authors else None))
    return out


# ------------------------------------------------------------------ rendering

def _stray(t: str, rng: random.Random, p: float) -> str:
    """Stray spaces as PDF text extraction leaves them: around numbers, and spread-out lines."""
    if p <= 0:
        return t
    t = re.sub(r"(\d+)", lambda m: (" " if rng.random() < p else "") + m.group(1)
               + (" " if rng.random() < p else ""), t)
    if rng.random() < p / 4 and len(t) > 6:   # a justified line: every character spaced
        t = " ".join(t)
    return t


_NO_LINE_START = frozenset("，。、；：？！”’）》…—")


def wrap(text: str, width: int, rng: random.Random, stray: float, breaks: float) -> list[str]:
    """Hard-wrap a paragraph at ``width`` chars; a blank line now and then (a column break)."""
    chunks: list[str] = []
    i = 0
    while i < len(text):
        j = min(len(text), i + width)
        while j < len(text) and text[j] in _NO_LINE_START and j - i < width + 3:
            j += 1      # 避头尾: closing punctuation stays on the line
        chunks.append(text[i:j])
        i = j
    out: list[str] = []
    for k, c in enumerate(chunks):
        out.append(_stray(c, rng, stray))
        if k < len(chunks) - 1 and rng.random() < breaks:
            out.append("")
    return out


@dataclass
class Style:
    """How bylines and datelines are written."""

    name: str
    header: Callable[[Part, random.Random], tuple[list[str], str]]   # (byline lines, dateline prefix)


def _names(xs, default="张明"):
    return " ".join(xs) if xs else default


def st_home(p, rng):
    lines = [f"{HOME}记者 {_names(p.reporters)}"]
    if p.correspondents:
        lines.append("通讯员/" + " ".join(p.correspondents))
    return lines, f"{HOME}讯 "


def st_benbao(p, rng):
    c = (" 通讯员 " + " ".join(p.correspondents)) if p.correspondents else ""
    return [f"本报记者 {_names(p.reporters)}{c}"], "本报讯 "


def st_square(p, rng):
    return [f"■本报记者 {_names(p.reporters)}"], ""


def st_runin(p, rng):
    c = (" 通讯员 " + " ".join(p.correspondents)) if p.correspondents else ""
    return [], f"本报讯（记者 {_names(p.reporters)}{c}）"


def st_xinhua(p, rng):
    return [], f"新华社长沙{rng.randint(1, 12)}月{rng.randint(1, 28)}日电（记者 {_names(p.reporters)}）"


def st_xinhua_plain(p, rng):
    return [], f"新华社北京{rng.randint(1, 12)}月{rng.randint(1, 28)}日电 "


def st_baodao(p, rng):
    return [f"记者 {_names(p.reporters)} 报道"], ""


def st_baodao_xun(p, rng):
    return [f"记者 {_names(p.reporters)} 报道"], "本报讯 "


def st_wentu(p, rng):
    return [f"文/图 {_names(p.reporters)}"], ""


def st_intern(p, rng):
    return [f"本报记者 {_names(p.reporters)} 实习生 {_names(p.correspondents, '李华')}"], "本报讯 "


def st_quanmeiti(p, rng):
    c = (" 通讯员 " + " ".join(p.correspondents)) if p.correspondents else ""
    return [f"全媒体记者 {_names(p.reporters)}{c}"], ""


def st_rongmeiti(p, rng):
    return [f"融媒体记者 {_names(p.reporters)}"], "本报讯 "


def st_none(p, rng):
    return [], ""


OTHER_STYLES = [Style(n, f) for n, f in [
    ("benbao", st_benbao), ("square", st_square), ("runin", st_runin), ("xinhua", st_xinhua),
    ("xinhua_plain", st_xinhua_plain), ("baodao", st_baodao), ("baodao_xun", st_baodao_xun),
    ("wentu", st_wentu), ("intern", st_intern), ("quanmeiti", st_quanmeiti), ("rongmeiti", st_rongmeiti)]]
HOME_STYLE = Style("home", st_home)
NONE_STYLE = Style("none", st_none)

FURNITURE_TOP = [
    ["A{n}", "{y}年{m}月{d}日 星期{w}", "要闻"],
    ["第{n}版", "要闻·综合"],
    ["{HOME}", "{y}年{m}月{d}日", "A{n} 版"],
    ["0{n}", "新闻"],
]
FURNITURE_BOTTOM = [
    ["责任编辑 张小明 美术编辑 王大力"],
    ["责任编辑：张小明  校对：李小红"],
    ["本版编辑 张小明 校对 李小红"],
    ["版面：张小明 校对：李小红"],
    ["责编 张小明 版式 王大力 校对 李小红"],
    ["A{n}"],
]


def _furniture(tpl: list[str], rng: random.Random) -> list[str]:
    v = dict(n=rng.randint(1, 8), y=2020, m=rng.randint(1, 12), d=rng.randint(1, 28),
             w="一二三四五六日"[rng.randint(0, 6)], HOME=HOME)
    return [t.format(**v) for t in tpl]


_SUBHEAD_POOL = ["一、压实责任", "二、加强保障", "三、强化落实", "多措并举 保障供应", "强化责任落实",
                 "织密防控网络", "【亮点】", "▲细化措施", "（一）加强组织领导", "● 服务到位"]


def subhead_for(p: Part, rng: random.Random, k: int) -> str:
    return _SUBHEAD_POOL[(k + rng.randint(0, 3)) % len(_SUBHEAD_POOL)]


@dataclass
class Case:
    name: str
    about: str
    title_after: Callable[[int, random.Random], bool]          # per article
    style: Callable[[int, random.Random], Style]
    short: float = 0.0               # share of articles cut to 1–2 paragraphs without byline/dateline
    furniture: bool = False
    subheads: float = 0.0            # chance per article of 小标题 inside the body
    quoted_kicker: float = 0.0       # chance per article of a 引题 in quotes
    wrap: bool = True


def _alt(i, rng):
    return i % 2 == 0


CASES = [
    Case("before", "title before body, home bylines", lambda i, r: False, lambda i, r: HOME_STYLE),
    Case("after", "title after body, home bylines", lambda i, r: True, lambda i, r: HOME_STYLE),
    Case("mixed", "title before/after at random per article", lambda i, r: r.random() < 0.5,
         lambda i, r: HOME_STYLE),
    Case("after_then_before", "title-after article directly followed by a title-before one", _alt,
         lambda i, r: HOME_STYLE),
    Case("nobyline", "title before; some short items without byline or dateline", lambda i, r: False,
         lambda i, r: HOME_STYLE, short=0.4),
    Case("outlets", "other outlets' bylines and datelines, title before", lambda i, r: False,
         lambda i, r: r.choice(OTHER_STYLES)),
    Case("outlets_after", "other outlets' bylines and datelines, title after", lambda i, r: True,
         lambda i, r: r.choice([s for s in OTHER_STYLES if s.name not in ("runin", "xinhua", "xinhua_plain")])),
    Case("furniture", "page numbers, 版面, 责任编辑 lines; mixed layouts", lambda i, r: r.random() < 0.5,
         lambda i, r: r.choice([HOME_STYLE] + OTHER_STYLES), furniture=True),
    Case("subheads", "小标题 inside bodies; mixed layouts", lambda i, r: r.random() < 0.5,
         lambda i, r: r.choice([HOME_STYLE] + OTHER_STYLES), subheads=0.7),
    Case("quoted_kicker", "引题 in quotation marks, title before", lambda i, r: False,
         lambda i, r: r.choice([HOME_STYLE] + OTHER_STYLES), quoted_kicker=0.7),
    Case("nowrap", "one paragraph per line (no hard wraps), title before", lambda i, r: False,
         lambda i, r: r.choice([HOME_STYLE] + OTHER_STYLES), wrap=False),
    Case("all", "everything at once", lambda i, r: r.random() < 0.5,
         lambda i, r: r.choice([HOME_STYLE] + OTHER_STYLES + [NONE_STYLE]), short=0.2, furniture=True,
         subheads=0.3, quoted_kicker=0.3),
]


def _title_lines(p: Part, rng: random.Random, quoted: bool) -> list[str]:
    lines: list[str] = []
    kicker = p.kicker
    if quoted:
        kicker = "“" + rng.choice(["六稳", "六保", "两防两确保", "三服务", "战疫"]) + "”" + \
            rng.choice(["进行时", "在行动", "见行动", "系列报道之三", ""])
    if kicker:
        lines.append(kicker)
        if rng.random() < 0.5:
            lines.append("")
    lines.append(p.title)
    if p.subtitle:
        if rng.random() < 0.5:
            lines.append("")
        lines.append(("——" if rng.random() < 0.4 else "") + p.subtitle)
    return lines


def render_article(p: Part, case: Case, i: int, rng: random.Random, width: int, stray: float,
                   after: bool, style: Style, short: bool) -> list[str]:
    paras = list(p.paragraphs)
    if short:
        paras = paras[:rng.randint(1, 2)]
        style = NONE_STYLE
    if p.kind == "commentary":
        style = NONE_STYLE
    hdr, dl = style.header(p, rng)
    if rng.random() < case.subheads and len(paras) >= 3:
        k = 0
        for j in sorted(rng.sample(range(1, len(paras)), min(2, len(paras) - 1)), reverse=True):
            paras.insert(j, subhead_for(p, rng, k))
            k += 1
    paras[0] = dl + paras[0]
    body: list[str] = []
    for j, para in enumerate(paras):
        if case.wrap:
            body.extend(wrap(para, width, rng, stray, 0.08))
        else:
            body.append(_stray(para, rng, stray))
        if j < len(paras) - 1:
            body.append("")
    tl = _title_lines(p, rng, rng.random() < case.quoted_kicker)
    out: list[str] = []
    if p.kind == "commentary" and p.author:
        pen = [p.author]
        if after:
            out += body + [""] + tl + pen
        else:
            out += tl + [""] + pen + [""] + body
        return out
    hb = hdr + ([""] if hdr and rng.random() < 0.6 else [])
    if after:
        out += hb + body + [""] + tl
    else:
        out += tl + ([""] if rng.random() < 0.7 else []) + hb + body
    return out


def build_page(parts: list[Part], case: Case, rng: random.Random) -> tuple[str, list[Part]]:
    n = rng.randint(3, 7)
    chosen = rng.sample(parts, n)
    width = rng.randint(12, 40)
    stray = rng.choice([0.0, 0.1, 0.3])
    lines: list[str] = []
    if case.furniture:
        lines += _furniture(rng.choice(FURNITURE_TOP), rng) + [""]
    gold: list[Part] = []
    for i, p in enumerate(chosen):
        after = case.title_after(i, rng)
        style = case.style(i, rng)
        short = p.kind == "news" and rng.random() < case.short
        lines += render_article(p, case, i, rng, width, stray, after, style, short)
        lines.append("")
        if short:
            p = replace(p, paragraphs=[])   # body check skipped (cut)
        gold.append(p)
    if case.furniture:
        lines += _furniture(rng.choice(FURNITURE_BOTTOM), rng)
    return "\n".join(lines) + "\n", gold


# ------------------------------------------------------------------ scoring

@dataclass
class Score:
    counts: Counts = field(default_factory=Counts)
    title_ok: int = 0
    body_ok: int = 0
    body_n: int = 0
    fails: list = field(default_factory=list)


SEGMENT = segment_page     # replaced by --segmenter (an older loaders/page.py, for before/after runs)


def score_page(src: str, gold: list[Part], sc: Score) -> None:
    arts = SEGMENT(src, "synth.txt", outlet=HOME)
    pred = ["".join(x for x in (a.kicker, a.title, a.subtitle) if x) for a in arts]
    g = [p.title for p in gold]
    matches, fn, fp = match_titles(g, pred)
    sc.counts = sc.counts + Counts(tp=len(matches), fp=len(fp), fn=len(fn))
    paras_of = [[normalize(x) for x in p.paragraphs] for p in gold]
    bad = []
    for gi, pj in matches:
        a = arts[pj]
        if normalize(a.title) == normalize(g[gi]):
            sc.title_ok += 1
        else:
            bad.append(("title", g[gi], a.kicker, a.title, a.subtitle))
        if not paras_of[gi]:
            continue
        sc.body_n += 1
        t = normalize(a.text)
        own = [x for x in paras_of[gi] if len(x) >= 6]
        ok = bool(own) and own[0][-30:] in t and own[-1][:30] in t
        for k, ps in enumerate(paras_of):
            if k != gi and any(len(x) >= 12 and x[:12] in t for x in ps):
                ok = False
        if ok:
            sc.body_ok += 1
        else:
            bad.append(("body", g[gi], a.text[:40], a.text[-40:]))
    if fn or fp or bad:
        sc.fails.append((src, [g[i] for i in fn], [(arts[j].kicker, arts[j].title, arts[j].subtitle) for j in fp], bad))


def save_parts(parts: list[Part], path: Path) -> None:
    path.write_text(json.dumps([p.__dict__ for p in parts], ensure_ascii=False, indent=0), encoding="utf-8")


def load_parts(path: Path) -> list[Part]:
    return [Part(**d) for d in json.loads(path.read_text(encoding="utf-8"))]


def run(pages: int = 40, seed: int = 1, cases: Optional[list[str]] = None,
        parts: Optional[list[Part]] = None) -> dict[str, Score]:
    parts = parts if parts is not None else sample_parts()
    out: dict[str, Score] = {}
    for ci, case in enumerate(CASES):
        if cases and case.name not in cases:
            continue
        rng = random.Random(seed * 1000 + ci)
        sc = Score()
        for _ in range(pages):
            src, gold = build_page(parts, case, rng)
            score_page(src, gold, sc)
        out[case.name] = sc
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=40, help="pages per case")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--case", action="append", help="only these cases")
    ap.add_argument("--fails", type=int, default=0, help="print this many failing pages per case")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--parts", type=Path, help="read the article parts from this JSON file (else from the samples)")
    ap.add_argument("--save-parts", type=Path, help="write the article parts taken from the samples here")
    ap.add_argument("--segmenter", type=Path,
                    help="score another version of loaders/page.py (e.g. `git show HEAD:loaders/page.py`)")
    args = ap.parse_args()
    global SEGMENT
    parts = load_parts(args.parts) if args.parts else sample_parts()
    if args.save_parts:
        save_parts(parts, args.save_parts)
    if args.segmenter:
        import importlib.util
        spec = importlib.util.spec_from_file_location("loaders._page_under_test", args.segmenter,
                                                      submodule_search_locations=None)
        mod = importlib.util.module_from_spec(spec)
        mod.__package__ = "loaders"
        sys.modules[spec.name] = mod
        spec.loader.exec_module(mod)
        SEGMENT = mod.segment_page
    res = run(args.pages, args.seed, args.case, parts)
    total = Counts()
    rows = []
    for name, sc in res.items():
        c = sc.counts
        total = total + c
        rows.append({"case": name, "tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 3),
                     "recall": round(c.recall, 3), "f1": round(c.f1, 3),
                     "title": round(sc.title_ok / c.tp, 3) if c.tp else 0.0,
                     "body": round(sc.body_ok / sc.body_n, 3) if sc.body_n else 0.0})
    if args.json:
        print(json.dumps({"cases": rows, "all": total.as_dict()}, ensure_ascii=False, indent=1))
    else:
        print(f"{'case':20s} {'tp':>5s} {'fp':>4s} {'fn':>4s} {'P':>6s} {'R':>6s} {'F1':>6s} {'title':>6s} {'body':>6s}")
        for r in rows:
            print(f"{r['case']:20s} {r['tp']:5d} {r['fp']:4d} {r['fn']:4d} {r['precision']:6.3f} {r['recall']:6.3f} "
                  f"{r['f1']:6.3f} {r['title']:6.3f} {r['body']:6.3f}")
        print(f"{'ALL':20s} {total.tp:5d} {total.fp:4d} {total.fn:4d} {total.precision:6.3f} {total.recall:6.3f} "
              f"{total.f1:6.3f}")
    if args.fails:
        for name, sc in res.items():
            for src, fn, fp, bad in sc.fails[:args.fails]:
                print(f"\n===== {name}  missed={fn}  extra={fp}")
                for b in bad[:6]:
                    print("   ", b)
                print(src)


if __name__ == "__main__":
    main()
