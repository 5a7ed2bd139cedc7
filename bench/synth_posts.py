#!/usr/bin/env python3
"""A fictional paper's multi-year archive with known tenures, to measure the post register.

岚川日报 (a city the gazetteer does not know, so every bare 市长 / 市委 must be scoped from the
outlet's name) prints 2–5 stories a day: inspections and meetings of the city's and its counties'
leaders, titles printed as pages print them (市委副书记、市长X, 岚川市委书记X, 鹤屿县委副书记、县长X,
市委常委、秘书长X, 副市长X), headlines naming only the post (市长调研…), appointment reports
(决定任命X为岚川市人民政府代市长，免去Y的…市长职务) and elections (X当选为岚川市人民政府市长). Posts
change hands at random days; a new mayor or county head is acting first, then elected; some party
secretaries change with no report at all (sightings only).

Usage:
  .venv/bin/python bench/synth_posts.py OUT_DIR [--years 3] [--seed 7] [--start 2018-01-01]
      writes OUT_DIR/pages/*.txt, OUT_DIR/manifest.csv and OUT_DIR/truth.json
  .venv/bin/python bench/synth_posts.py OUT_DIR --measure [--samples 3000]
      generates, loads with kb's loader into the configured Neo4j (NEO4J_* or the local server),
      and prints holder accuracy on sampled post-days, recall/precision of printed (person, post)
      pairs, post+date resolution accuracy and the load time the register adds.
  .venv/bin/python bench/synth_posts.py OUT_DIR --years 1 --gold
      varied stories (bench/synth_gold.py: companions, site lists, two-day trips, later paragraphs,
      run-in bylines, 近日, briefs; half the pages hard-wrapped) and OUT_DIR/gold.jsonl in kb's gold
      format for every page; then
      .venv/bin/kb eval OUT_DIR/gold.jsonl OUT_DIR/pages --manifest OUT_DIR/manifest.csv [--explain]

Figures of one run of --gold (seed 7, 1 year: 365 pages, 1 271 stories, 640 inspections, 349 meetings;
code 2bc60d9; what is missed: docs/quality.md, "A fictional paper we generate"):

    metric         tp  fp  fn  precision  recall     f1
    articles     1271   0   0      1.000   1.000  1.000
    persons      3191   7   8      0.998   0.997  0.998
    titles       3872   0   8      1.000   0.998  0.999
    inspections   631   0   9      1.000   0.986  0.993
    sites        1447   0  18      1.000   0.988  0.994
    meetings      349   0   0      1.000   1.000  1.000

Without --gold the archive is the post-register one, byte for byte as before (tests/test_posts.py).

All names are invented (random syllables); nothing here goes into kb/ or loaders/.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

OUTLET = "岚川日报"
CITY = "岚川市"
COUNTIES = [("鹤屿县", "县"), ("荻浦县", "县"), ("桐溪区", "区")]
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤")
GIVEN = list("建国明华立新志刚远伟军平杰峰涛斌文辉宏海宇浩俊凯振鹏晓光永春德成洪云松泽清安庆瑞红敏静燕玲芳")
TOWNS = ["云岭镇", "石湾镇", "青溪镇", "柳岸镇", "白沙镇", "梅岭镇", "西塘镇", "枫林镇"]
SITES = ["新材料产业园", "智能制造基地", "高铁新城项目", "污水处理厂", "东坪村", "人民医院", "物流园",
         "湿地公园", "农业示范园", "光电科技有限公司", "中心小学", "防汛指挥部"]
TOPICS = ["工业项目建设", "乡村振兴工作", "安全生产工作", "防汛工作", "重点项目建设", "疫情防控工作",
          "生态环境保护", "教育工作", "招商引资工作", "民生实事"]
MEETINGS = ["常务会议", "专题会议", "调度会", "推进会", "座谈会"]
REPORTERS = ["林小雨", "何青", "苏晓", "江帆", "叶子", "方舟"]


@dataclass
class Seat:
    key: str                 # short name used in truth.json
    organization: str        # canonical: 中共岚川市委 | 岚川市人民政府 …
    post: str                # 书记 | 市长 | 县长 | 主任 …
    printed: list            # how pages print the title (chosen at random per mention)
    elected: bool = False    # a new head is acting (代X) first, then elected
    reported: bool = True    # changes are reported in an appointment article
    holders: list = field(default_factory=list)   # (name, from, to) with acting rows split


def _name(rng, used):
    while True:
        n = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if n not in used:
            used.add(n)
            return n


def seats() -> list[Seat]:
    out = [Seat("city_sec", "中共岚川市委", "书记", ["市委书记", "岚川市委书记", "中共岚川市委书记"], reported=False),
           Seat("mayor", "岚川市人民政府", "市长", ["市委副书记、市长", "市长", "岚川市市长"], elected=True),
           Seat("npc", "岚川市人大常委会", "主任", ["市人大常委会主任"]),
           Seat("cppcc", "岚川市政协", "主席", ["市政协主席"]),
           Seat("secgen", "中共岚川市委", "秘书长", ["市委常委、秘书长"], reported=False)]
    for c, lv in COUNTIES:
        head = "县长" if lv == "县" else "区长"
        out.append(Seat(f"{c}_sec", f"中共{c}委", "书记", [f"{c}委书记"], reported=False))
        out.append(Seat(f"{c}_head", f"{c}人民政府", head, [f"{c}委副书记、{head}", f"{c}{head}"], elected=True))
    return out


def plan(rng, start: date, end: date, used) -> list[Seat]:
    """Holders of every seat over [start, end]: 1–3 changes per seat at random days."""
    out = seats()
    days = (end - start).days
    for s in out:
        cuts = sorted(rng.sample(range(60, days - 60), rng.choice((1, 1, 2, 2, 3))))
        cuts = [c for k, c in enumerate(cuts) if k == 0 or c - cuts[k - 1] > 120]
        bounds = [start] + [start + timedelta(days=c) for c in cuts] + [end + timedelta(days=1)]
        for k in range(len(bounds) - 1):
            name = _name(rng, used)
            a, b = bounds[k], bounds[k + 1] - timedelta(days=1)
            if s.elected and k > 0:      # acting first, elected 40–90 days later
                e = min(b, a + timedelta(days=rng.randint(40, 90)))
                s.holders.append((name, "代" + s.post, a, e - timedelta(days=1)))
                if e <= b:
                    s.holders.append((name, s.post, e, b))
            else:
                s.holders.append((name, s.post, a, b))
    return out


def holder_on(seat: Seat, day: date):
    for name, post, a, b in seat.holders:
        if a <= day <= b:
            return name, post
    return None


def _title(seat: Seat, post: str, rng) -> str:
    t = rng.choice(seat.printed)
    if post.startswith("代"):
        base = seat.post
        t = t.replace(base, "代" + base) if base in t else t
    return t


def _pairs_of(title: str, seat: Seat, post: str) -> list[tuple]:
    """The (organisation, post) pairs a printed title states (concurrent posts: each)."""
    out = [(seat.organization, post)]
    if "副书记、" in title:
        out.append((_party_of(seat), "副书记"))
    if "常委、" in title:
        out.append(("中共岚川市委", "常委"))
    return out


def _party_of(seat: Seat) -> str:
    place = seat.organization.replace("人民政府", "")
    return f"中共{place}委"


class Writer:
    """Stories of one day, and the (person, organisation, post) pairs they print."""

    def __init__(self, rng, plan_, deputies):
        self.rng, self.plan, self.deputies = rng, plan_, deputies
        self.printed: set = set()
        self.refs: list = []       # (day, article title, form, true holder)

    def mention(self, seat: Seat, day: date):
        h = holder_on(seat, day)
        if h is None:
            return None
        name, post = h
        t = _title(seat, post, self.rng)
        for pair in _pairs_of(t, seat, post):
            self.printed.add((name, *pair))
        return t + name, name

    def inspection(self, day: date) -> str:
        rng = self.rng
        lead = rng.choice(self.plan)
        m = self.mention(lead, day)
        if m is None:
            return ""
        text, name = m
        place = rng.choice([c for c, _ in COUNTIES] + TOWNS)
        sites = "、".join(rng.sample(SITES, 2))
        topic = rng.choice(TOPICS)
        who = [x for x in (self.mention(s, day) for s in rng.sample(self.plan, 2) if s is not lead) if x]
        dep = rng.choice(self.deputies[day.year % len(self.deputies)])
        self.printed.add((dep, "岚川市人民政府", "副市长"))
        comp = "，".join(t for t, _ in who) + f"，副市长{dep}陪同。" if who else f"副市长{dep}陪同。"
        former = [h for h in self.plan[1].holders if h[3] < day and not h[1].startswith("代")]
        if former and rng.random() < 0.1:      # a former mayor at the event: 原市长 is no post held
            comp += f"原市长{former[-1][0]}参加活动。"
        head = f"{text}到{place}调研{topic}"
        body = (f"本报讯（记者 {rng.choice(REPORTERS)}）{day.month}月{day.day}日，{text}到{place}调研{topic}。"
                f"{comp}\n{name}先后来到{sites}，实地察看项目进展，听取情况汇报。")
        return head + "\n\n" + body

    def post_only(self, day: date) -> str:
        """A headline (and body) naming only the post: the reader must know who held it that day."""
        rng = self.rng
        seat = rng.choice([s for s in self.plan if s.post in ("书记", "市长") and s.organization.startswith(("中共岚川市委", "岚川市"))
                           and s.key != "secgen"])
        h = holder_on(seat, day)
        if h is None:
            return ""
        form = "市长" if seat.post == "市长" else "市委书记"
        if h[1].startswith("代"):
            form = "代市长"
        topic = rng.choice(TOPICS)
        self.refs.append((day.isoformat(), f"{form}调研{topic}", form, h[0], seat.key))
        place = rng.choice(TOWNS)
        return (f"{form}调研{topic}\n\n本报讯（记者 {rng.choice(REPORTERS)}）{day.month}月{day.day}日，{form}到{place}"
                f"调研{topic}，察看了{rng.choice(SITES)}。")

    def meeting(self, day: date) -> str:
        rng = self.rng
        seat = rng.choice(self.plan)
        m = self.mention(seat, day)
        if m is None:
            return ""
        text, name = m
        mt = rng.choice(MEETINGS)
        return (f"{text}主持召开{rng.choice(TOPICS)}{mt}\n\n本报讯（记者 {rng.choice(REPORTERS)}）{day.month}月{day.day}日，"
                f"{text}主持召开{mt}，研究部署{rng.choice(TOPICS)}。{name}强调，要压实责任，狠抓落实。")

    def change(self, seat: Seat, day: date, prev: str, new: str, acting: bool) -> str:
        """The report of a change on ``day`` (printed the next day)."""
        org = seat.organization
        post = ("代" + seat.post) if acting else seat.post
        self.printed.add((new, org, post))
        self.printed.add((prev, org, seat.post))
        body = (f"{day.month}月{day.day}日，市人大常委会会议决定任命{new}为{org}{post}，"
                f"免去{prev}的{org}{seat.post}职务。")
        return f"市人大常委会召开会议 决定人事任免\n\n本报讯（记者 {self.rng.choice(REPORTERS)}）{body}"

    def election(self, seat: Seat, day: date, name: str) -> str:
        org = seat.organization
        self.printed.add((name, org, seat.post))
        return (f"{name}当选{org}{seat.post}\n\n本报讯（记者 {self.rng.choice(REPORTERS)}）{day.month}月{day.day}日，"
                f"人民代表大会举行全体会议，选举{name}为{org}{seat.post}。")


def _wrapped(story: str, rng) -> str:
    """A page flattened from PDF: body paragraphs hard-wrapped at 18–34 characters (titles whole)."""
    from synth_pages import wrap
    head, _, body = story.partition("\n\n")
    width = rng.randint(18, 34)
    paras = ["\n".join(wrap(p, width, rng, 0.0, 0.0)) for p in body.split("\n")]
    return head + "\n\n" + "\n".join(paras)


def generate(out: Path, years: int = 3, seed: int = 7, start: date = date(2018, 1, 1),
             per_day: tuple = (2, 5), every: int = 1, wrap: bool = False, gold: bool = False) -> dict:
    """Write the archive; with ``gold`` the stories are varied (bench/synth_gold.py), half the pages are
    hard-wrapped (all with ``wrap``) and OUT/gold.jsonl holds every page's gold."""
    rng = random.Random(seed)
    end = date(start.year + years, 1, 1) - timedelta(days=1)
    used: set = set()
    plan_ = plan(rng, start, end, used)
    deputies = [[_name(rng, used) for _ in range(3)] for _ in range(years)]
    if gold:
        from synth_gold import GoldWriter
        w = GoldWriter(rng, plan_, deputies, used)
    else:
        w = Writer(rng, plan_, deputies)
    golds = []
    changes: dict = {}
    for s in plan_:
        for k, (name, post, a, _b) in enumerate(s.holders):
            if k == 0 or not s.reported:
                continue
            prev = s.holders[k - 1]
            if post.startswith("代"):
                changes.setdefault(a, []).append(("appoint", s, prev[0], name, True))
            else:       # elected: after acting, or straight (人大 主任, 政协 主席)
                changes.setdefault(a, []).append(("elect", s, None, name, False))
    pages = out / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    man = ["file,outlet,published"]
    day = start
    n = 0
    while day <= end:
        if (day - start).days % every == 0 or day - timedelta(days=1) in changes:
            stories = []
            if gold:
                w.new_page()
            for kind, s, prev, new, acting in changes.get(day - timedelta(days=1), []):
                stories.append(w.change(s, day - timedelta(days=1), prev, new, acting) if kind == "appoint"
                               else w.election(s, day - timedelta(days=1), new))
            for _ in range(rng.randint(*per_day)):
                pick = rng.random()
                if gold and pick > 0.92:
                    st = w.brief(day)
                else:
                    st = w.post_only(day) if pick < 0.15 else w.meeting(day) if pick < 0.4 else w.inspection(day)
                if st:
                    stories.append(st)
            if wrap or (gold and rng.random() < 0.5):
                stories = [_wrapped(x, rng) for x in stories]
            name = f"{OUTLET}-{day.isoformat()}.txt"
            if gold:
                golds.append(json.dumps(w.gold(name, day), ensure_ascii=False))
            (pages / name).write_text("\n\n\n".join(stories) + "\n", encoding="utf-8")
            man.append(f"{name},{OUTLET},{day.isoformat()}")
            n += 1
        day += timedelta(days=1)
    (out / "manifest.csv").write_text("\n".join(man) + "\n", encoding="utf-8")
    if gold:
        (out / "gold.jsonl").write_text("\n".join(golds) + "\n", encoding="utf-8")
    truth = {"outlet": OUTLET, "start": start.isoformat(), "end": end.isoformat(), "pages": n,
             "seats": [{"key": s.key, "organization": s.organization, "post": s.post,
                        "holders": [[nm, p, a.isoformat(), b.isoformat()] for nm, p, a, b in s.holders]}
                       for s in plan_],
             "printed": sorted(list(x) for x in w.printed), "refs": w.refs}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


# ------------------------------------------------------------------ measuring

def measure(driver, database: str, truth: dict, samples: int = 3000, seed: int = 1) -> dict:
    """Holder accuracy (cypher/post_holder.cypher on sampled seat-days), recall/precision of printed
    (person, organisation, post) pairs in the register, and post+date resolution accuracy."""
    from kb import queries
    from kb.posts.roster import export_rows

    rng = random.Random(seed)
    start, end = date.fromisoformat(truth["start"]), date.fromisoformat(truth["end"])
    span = (end - start).days
    right = total = 0
    misses = []
    for _ in range(samples):
        seat = rng.choice(truth["seats"])
        day = start + timedelta(days=rng.randint(0, span))
        true = next((h for h in seat["holders"] if h[2] <= day.isoformat() <= h[3]), None)
        if true is None:
            continue
        rows, _ = queries.run_query(driver, database, "post_holder",
                                    {"post": seat["post"], "on": day.isoformat(), "organization": seat["organization"]})
        rows = [r for r in rows if r["organization"] == seat["organization"]]
        total += 1
        ok = len({r["person"] for r in rows}) == 1 and rows[0]["person"] == true[0]
        right += ok
        if not ok and len(misses) < 10:
            misses.append((seat["key"], day.isoformat(), true[0], [r["person"] for r in rows]))
    reg = {(r["person"], r["organization"], r["post"]) for r in export_rows(driver, database)}
    printed = {tuple(x) for x in truth["printed"]}
    hit = reg & printed
    recs, _, _ = driver.execute_query(
        "MATCH (p:Person)-[r:MENTIONED_IN {resolved_by: 'post+date'}]->(a:Article) "
        "RETURN a.published AS day, a.title AS title, p.name AS person", database_=database, routing_="r")
    got = {(str(r["day"]), r["title"]): r["person"] for r in recs}
    ref_ok = sum(got.get((d, t)) == who for d, t, _f, who, _k in truth["refs"])
    return {"post_days": total, "holder_accuracy": right / total if total else 0.0, "holder_misses": misses,
            "pairs_printed": len(printed), "pairs_register": len(reg), "recall": len(hit) / len(printed),
            "precision": len(hit) / len(reg) if reg else 0.0, "false_pairs": sorted(reg - printed)[:10],
            "missed_pairs": sorted(printed - reg)[:10], "refs": len(truth["refs"]),
            "refs_resolved_right": ref_ok / len(truth["refs"]) if truth["refs"] else 1.0}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--start", default="2018-01-01")
    ap.add_argument("--every", type=int, default=1, help="a page every N days")
    ap.add_argument("--wrap", action="store_true", help="hard-wrap body lines (pages flattened from PDF)")
    ap.add_argument("--gold", action="store_true",
                    help="varied stories and OUT/gold.jsonl in kb's gold format (for kb eval)")
    ap.add_argument("--measure", action="store_true")
    ap.add_argument("--samples", type=int, default=3000)
    args = ap.parse_args(argv)
    truth = generate(args.out, args.years, args.seed, date.fromisoformat(args.start), every=args.every,
                     wrap=args.wrap, gold=args.gold)
    print(f"{truth['pages']} pages, {len(truth['seats'])} seats, "
          f"{sum(len(s['holders']) for s in truth['seats'])} tenures, {len(truth['printed'])} printed pairs")
    if not args.measure:
        return
    from kb import db, graph, loader
    with db.session_driver() as (driver, database):
        graph.apply_schema(driver, database)
        rep = loader.load(driver, database, [args.out / "pages"], manifest=str(args.out / "manifest.csv"),
                          pages_per_tx=8)
        print(f"load: {rep.loaded} pages in {rep.seconds:.1f} s, of which the register {rep.posts.get('seconds', 0):.1f} s "
              f"({100 * rep.posts.get('seconds', 0) / rep.seconds:.1f} %); {len(rep.failed)} failed")
        m = measure(driver, database, truth, args.samples)
    print(json.dumps(m, ensure_ascii=False, indent=1, default=str))


if __name__ == "__main__":
    main()
