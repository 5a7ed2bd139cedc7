"""A synthetic ten-year archive of a city daily, as ``ExtractedArticle``s (no text pipeline involved).

Deterministic (``seed``): page (day, n) is always the same. Shape, per day: ``pages_per_day`` pages of
``articles_per_page`` articles of 3–7 events each (defaults: 12 × 5 × 5 ≈ 1.1M events in ten years).

Churn: a city with ~90 posts (市委书记, 市长, 副市长 …, district heads, bureau directors). Every post
changes hands every 2–5 years; two times in three the new holder is a new name, else an official
promoted or moved from another post. Sites (companies, hospitals, schools, communities) in the city's
districts: a pool that grows over the years. Visiting delegations from 长沙市 reuse a few names of
Zhuzhou officials (the person identity rule keeps them apart). Names are generated from character
lists: no real people.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date, timedelta

from loaders.models import (Article, Byline, Event, Evidence, ExtractedArticle, Organization, Participant,
                            Person, Place, Site, Title)

OUTLET = "株洲日报"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文辉鹏飞云峰宇浩然海波春梅立新晓东卫民"
DISTRICTS = [("荷塘区", "430202"), ("芦淞区", "430203"), ("石峰区", "430204"), ("天元区", "430211"),
             ("渌口区", "430212"), ("攸县", "430223"), ("茶陵县", "430224"), ("炎陵县", "430225"),
             ("醴陵市", "430281")]
CITY = ("株洲市", "430200")
BUREAUS = ["发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "财政局",
           "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局",
           "水利局", "农业农村局", "商务局", "文化旅游广电体育局", "卫生健康委员会", "应急管理局",
           "审计局", "市场监督管理局"]
SITE_KINDS = [("有限公司", "company"), ("医院", "hospital"), ("中学", "school"), ("社区", "community"),
              ("产业园", "other"), ("小学", "school"), ("集团", "company"), ("卫生院", "hospital")]
SITE_WORDS = "金华新兴达隆鑫源泰康宏盛恒通利丰瑞博锦嘉美湘江东方时代中车创远航"
INSPECT = ["调研", "督导", "考察", "检查", "走访"]
MEETING = ["主持召开", "出席", "召开"]


@dataclass
class Post:
    title: str          # as written: 市委书记
    org: str            # 株洲市委
    post: str           # 书记
    rank: int           # 0 top … 3


def _posts() -> list[Post]:
    posts = [Post("市委书记", "株洲市委", "书记", 0), Post("市长", "株洲市人民政府", "市长", 0),
             Post("市委副书记", "株洲市委", "副书记", 1), Post("市人大常委会主任", "株洲市人大常委会", "主任", 1),
             Post("市政协主席", "株洲市政协", "主席", 1)]
    posts += [Post("副市长", "株洲市人民政府", "副市长", 1) for _ in range(6)]
    posts += [Post("市委常委", "株洲市委", "常委", 1) for _ in range(7)]
    for d, _code in DISTRICTS:
        party = d[:-1] + ("市委" if d.endswith("市") else "县委" if d.endswith("县") else "区委")
        gov = d + "人民政府"
        head = "市长" if d.endswith("市") else "县长" if d.endswith("县") else "区长"
        posts += [Post(party + "书记", "株洲市" + party, "书记", 2), Post(d + head, "株洲市" + gov, head, 2),
                  Post(party + "副书记", "株洲市" + party, "副书记", 3)]
    for b in BUREAUS:
        posts += [Post("市" + b + ("主任" if b.endswith("会") else "局长"), "株洲市" + b,
                       "主任" if b.endswith("会") else "局长", 3)]
    return posts


class Archive:
    """The ten-year archive: officials' terms are drawn once, pages are generated on demand."""

    def __init__(self, years: int = 10, pages_per_day: int = 12, articles_per_page: int = 5,
                 start: date = date(2014, 1, 1), seed: int = 7):
        self.start = start
        self.days = int(round(years * 365.25))
        self.pages_per_day = pages_per_day
        self.articles_per_page = articles_per_page
        self.seed = seed
        rng = random.Random(seed)
        self.posts = _posts()
        self._names: set[str] = set()
        # terms: per post a list of (first day, last day, name)
        self.terms: list[list[tuple[int, int, str]]] = []
        holders = []
        for _ in self.posts:
            holders.append(self._new_name(rng))
        ends = [rng.randint(0, 4 * 365) for _ in self.posts]
        starts = [0] * len(self.posts)
        self.terms = [[] for _ in self.posts]
        while True:
            i = min(range(len(ends)), key=lambda k: ends[k])
            if ends[i] >= self.days:
                break
            self.terms[i].append((starts[i], ends[i], holders[i]))
            # successor: a new name (2/3) or an official moved from a lower-ranked post (1/3)
            if rng.random() < 1 / 3:
                lower = [k for k, p in enumerate(self.posts) if p.rank >= self.posts[i].rank and k != i]
                k = rng.choice(lower)
                holders[i], holders[k] = holders[k], self._new_name(rng)
                self.terms[k].append((starts[k], ends[i], holders[i]))
                starts[k] = ends[i] + 1
            else:
                holders[i] = self._new_name(rng)
            starts[i] = ends[i] + 1
            ends[i] = starts[i] + rng.randint(2 * 365, 5 * 365)
        for i in range(len(self.posts)):
            self.terms[i].append((starts[i], self.days, holders[i]))
        self.reporters = [self._new_name(rng) for _ in range(40)]
        # namesakes in another city (a delegation from 长沙 now and then)
        zz = [t[0][2] for t in self.terms[:12]]
        self.visitors = [(zz[j], Post("长沙市副市长", "长沙市人民政府", "副市长", 1)) for j in range(3)]
        self.visitors += [(self._new_name(rng), Post("长沙市委常委", "长沙市委", "常委", 1)) for _ in range(3)]

    def _new_name(self, rng) -> str:
        while True:
            n = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
            if n not in self._names:
                self._names.add(n)
                return n

    # ------------------------------------------------------------------ pages
    @property
    def n_pages(self) -> int:
        return self.days * self.pages_per_day

    def page_key(self, k: int) -> tuple[int, int]:
        return divmod(k, self.pages_per_day)

    def holder(self, post: int, day: int) -> str:
        for s, e, n in self.terms[post]:
            if s <= day <= e:
                return n
        return self.terms[post][-1][2]

    def site(self, rng, day: int) -> tuple[str, str, str, str]:
        """(name, kind, district, code): the pool grows ~ one new site a day."""
        pool = 600 + day
        j = rng.randrange(pool) if rng.random() < 0.7 else max(0, pool - 1 - rng.randrange(60))
        r = random.Random(j * 7919 + self.seed)
        d, code = DISTRICTS[r.randrange(len(DISTRICTS))]
        suffix, kind = SITE_KINDS[r.randrange(len(SITE_KINDS))]
        w = "".join(r.choice(SITE_WORDS) for _ in range(2))
        name = f"株洲{w}{suffix}" if kind == "company" else f"{d}{w}{suffix}"
        if j % 5 == 0:  # keep names unique per index
            name = name.replace(w, w + r.choice(SITE_WORDS))
        return name, kind, d, code

    def page(self, k: int):
        """Page ``k`` (0 … n_pages-1): (source, content_hash, published, outlet, [ExtractedArticle])."""
        day, n = self.page_key(k)
        published = self.start + timedelta(days=day)
        source = f"{published:%Y%m%d}_{n + 1:02d}.txt"
        chash = hashlib.sha256(f"{self.seed}|{k}".encode()).hexdigest()
        rng = random.Random(self.seed * 1_000_003 + k)
        arts = []
        pos = 0
        for a_i in range(self.articles_per_page):
            arts.append(self._article(rng, source, published, day, pos))
            pos += 2000
        return source, chash, published, OUTLET, arts

    def _article(self, rng, source, published, day, pos):
        n_events = rng.randint(3, 7)
        persons: dict[str, Person] = {}
        places: dict[str, Place] = {}
        orgs: dict[str, Organization] = {}
        events = []
        off = pos + 60

        def person(name, post: Post):
            p = persons.get(name)
            if p is None:
                p = persons[name] = Person(name, titles=[], role="official")
            if all(t.text != post.title for t in p.titles):
                p.titles.append(Title(post.title, post.org, post.post))
            return p

        def place(dname, code):
            if dname not in places:
                places[dname] = Place("株洲市" + dname, code=code, level="county", parent="株洲市",
                                      parent_code="430200", aliases=[dname])
            return dname

        for _ in range(n_events):
            yest = day - rng.randint(0, 2)
            evd = self.start + timedelta(days=max(0, yest))
            lead_i = rng.randrange(len(self.posts)) if rng.random() < 0.6 else rng.randrange(5)
            lead_post = self.posts[lead_i]
            if rng.random() < 0.01:
                lead, lead_post = self.visitors[rng.randrange(len(self.visitors))]
            else:
                lead = self.holder(lead_i, max(0, yest))
            person(lead, lead_post)
            parts = [Participant(lead, "lead", [lead_post.title])]
            for _a in range(rng.randint(0, 3)):
                j = rng.randrange(len(self.posts))
                nm = self.holder(j, max(0, yest))
                if nm != lead and all(p.name != nm for p in parts):
                    person(nm, self.posts[j])
                    parts.append(Participant(nm, "accompanying", [self.posts[j].title]))
            kind = rng.random()
            ev_len = rng.randint(30, 120)
            ev = Evidence(f"{lead}{'调研' if kind < 0.5 else '会议'}…", off, off + ev_len)
            if kind < 0.5:
                sites = []
                areas = []
                for order in range(1, rng.randint(1, 4) + 1):
                    sname, skind, dname, code = self.site(rng, day)
                    if all(s.name != sname for s in sites):
                        sites.append(Site(sname, order, place="株洲市" + dname,
                                          evidence=Evidence(sname, off + order * 5, off + order * 5 + len(sname))))
                        place(dname, code)
                        orgs.setdefault(sname, Organization(sname, kind=skind, place="株洲市" + dname))
                        if dname not in areas:
                            areas.append(dname)
                trig = INSPECT[rng.randrange(len(INSPECT))]
                events.append(Event("inspection", trig, evd, None, "day", lead=lead, participants=parts,
                                    sites=sites, places=["株洲市" + a for a in areas[:2]],
                                    summary=f"{lead}{trig}{areas[0] if areas else ''}", evidence=ev))
            else:
                trig = MEETING[rng.randrange(len(MEETING))]
                typ = "meeting" if kind < 0.85 else "other"
                events.append(Event(typ, trig, evd, None, "day", lead=lead, participants=parts,
                                    name=f"第{rng.randint(1, 40)}次常务会议" if typ == "meeting" else None,
                                    summary=f"{lead}{trig}", evidence=ev))
            off += ev_len + 10
        title = events[0].summary if events else "消息"
        a = Article(source=source, start=pos, end=off, published=published, published_inferred=False,
                    published_basis="manifest", outlet=OUTLET, kicker=None, title=title, subtitle=None,
                    reporters=[], correspondents=[], dateline="株洲日报讯", reprint_source=None,
                    text=title + "。" + "正文" * 20, char_map=[],
                    bylines=[Byline(self.reporters[rng.randrange(len(self.reporters))], "株洲日报记者",
                                    "reporter", pos + 2, pos + 5)])
        return ExtractedArticle(article=a, persons=list(persons.values()), organizations=list(orgs.values()),
                                places=list(places.values()), events=events)


def page_rows(archive: Archive, k: int, store_text: bool = True) -> dict:
    """The graph rows of page ``k`` (what the loader's workers produce for a real page)."""
    from kb import graph

    source, chash, published, outlet, arts = archive.page(k)
    return graph.page_rows(source, chash, published, outlet, arts, store_text=store_text)


if __name__ == "__main__":  # a quick look: python bench/synth.py
    import sys
    import time

    ar = Archive()
    t0 = time.time()
    ev = sum(len(a.events) for k in range(200) for a in ar.page(k)[4])
    dt = time.time() - t0
    print(f"{ar.n_pages} pages; sample of 200 pages: {ev} events in {dt:.2f} s → archive ≈ "
          f"{ev / 200 * ar.n_pages:,.0f} events; distinct official names: {len(ar._names)}", file=sys.stderr)
