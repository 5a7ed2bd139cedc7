"""Stories of the fictional 岚川日报 with their gold (kb's gold format, tests/gold/README.md).

Used by ``bench/synth_posts.py OUT --gold``: the same seats and tenures as the post-register archive,
but the inspection and meeting stories are written in the many ways papers write them, and every page
gets a gold line (articles, persons with titles as printed, inspections with person / date / end_date /
sites / place / accompanying, meetings with name / date / chair / attendees).

Phrasings are written as a newspaper would write them, not from kb's rules: companions (X陪同 / 在X的陪同下 /
X参加调研 / X等陪同 / X一行), site lists joined by 、 / 和 / 及, trips of two days (3月5日至6日), a later
paragraph of the same trip (随后，一行来到…), 昨天 / 昨日 for the day before the issue, units named only in
a speech (not sites), a subtitle line under some headlines, bylines with a correspondent.
A headline that names only the post (市长调研…) names no person: it carries no gold inspection.
All names are invented; nothing here goes into kb/ or loaders/.
"""
from __future__ import annotations

import copy
from datetime import date, timedelta

from synth_posts import CITY, COUNTIES, OUTLET, REPORTERS, TOPICS, TOWNS, Writer, _name, holder_on

BYLINES = [("记者", "本报讯（记者 {r}{c}）"), ("记者", "本报讯（记者 {r}{c}）"), ("全媒体记者", "本报讯（全媒体记者 {r}{c}）"),
           (OUTLET + "记者", "本报讯（{o}记者 {r}{c}）"), ("本报记者", "本报记者 {r}{c} 报道 ")]
CORRESPONDENTS = ["钟一鸣", "陶然", "贺新宇", "白露", "谷雨晴", "关山"]
FIRM_HEADS = ["瑞丰", "恒通", "朗泰", "禾川", "鼎盛", "钧和", "天衡", "沛远", "星辰", "远航", "璟瑞", "康宁"]
FIRM_TAILS = ["机械有限公司", "新材料股份有限公司", "电子科技有限公司", "食品有限公司", "纺织有限公司",
              "生物医药有限公司", "智能装备有限公司", "农业开发有限公司"]
PLACE_HEADS = ["东坪", "杉木", "棠溪", "苇塘", "楠竹", "青石", "芷兰", "蓼花", "筠岭", "岫云", "澄望", "新塘"]
PLACE_TAILS = ["村", "社区", "村", "村"]
UNITS = ["污水处理厂", "人民医院", "中心小学", "敬老院", "物流园", "农贸市场", "便民服务中心", "卫生院",
         "垃圾中转站", "水库", "汽车站", "消防救援站"]
PROJECTS = ["高铁新城", "滨江大道", "城市书房", "体育中心", "老旧小区改造", "智慧农业产业园", "冷链物流中心"]
DEPTS = [("市发展改革委", "主任"), ("市交通运输局", "局长"), ("市应急管理局", "局长"), ("市住房城乡建设局", "局长"),
         ("市农业农村局", "局长"), ("市卫生健康委", "主任"), ("市教育局", "局长"), ("市生态环境局", "局长"),
         ("市政府", "副秘书长"), ("市水利局", "局长")]
VERBS = ["调研", "督导", "检查", "督查", "专题调研", "走访调研"]
SPEECH = ["{n}指出，要坚持问题导向，抓好各项工作落实。", "{n}强调，要压实责任，确保各项措施落地见效。",
          "{n}要求，要加大支持力度，帮助{f}等企业解决实际困难。", "{n}充分肯定了当地的工作成效。"]
SLOGANS = ["以更大力度推动高质量发展", "抓紧抓实抓细各项工作", "确保各项任务落地见效", "跑出项目建设加速度"]
BRIEFS = [("我市新增{n}家省级专精特新企业", "本报讯 日前，省工业和信息化厅公布名单，{f}、{g}等{n}家企业入选。"),
          ("{t}工作取得阶段性成效", "今年以来，全市上下扎实推进{t}，{f}等一批项目相继投产，群众满意度稳步提升。"),
          ("{g}获评省级绿色工厂", "本报讯 近日，{g}获评省级绿色工厂。该公司近年来持续加大技改投入，能耗逐年下降。")]
MEETING_KINDS = {"city_sec": ["市委常委会会议", "全市{t}推进会", "{t}专题会议"],
                 "mayor": ["市政府第{k}次常务会议", "全市{t}调度会", "{t}专题会议"],
                 "npc": ["市人大常委会党组会议", "{t}座谈会"], "cppcc": ["市政协{t}专题协商会", "{t}座谈会"],
                 "secgen": ["{t}调度会", "{t}座谈会"], "county_sec": ["{c}委常委会会议", "全{lv}{t}推进会"],
                 "county_head": ["{c}政府常务会议", "全{lv}{t}调度会", "{t}专题会议"]}
RANK = {"city_sec": 0, "mayor": 1, "npc": 1, "cppcc": 1, "secgen": 2}


def _rank(seat) -> int:
    """0 the city's party secretary … 4 a county's head."""
    return RANK.get(seat.key, 3 if seat.key.endswith("_sec") else 4)



def _md(d: date) -> str:
    return f"{d.month}月{d.day}日"


def _join(items: list[str], rng) -> str:
    """A list as papers write it: A、B和C / A、B及C / A和B / A、B、C."""
    if len(items) == 1:
        return items[0]
    last = rng.choice(["、", "、", "和", "及"])
    return "、".join(items[:-1]) + last + items[-1]


class _Dup(Exception):
    """A story whose headline the page already has: dropped."""


def _one_story(fn):
    """A story, or "" with the page's gold and the register's truth as before when it is dropped."""
    def run(self, day):
        page, printed, refs = copy.deepcopy(self.page), set(self.printed), len(self.refs)
        try:
            return fn(self, day)
        except _Dup:
            self.page, self.printed = page, printed
            del self.refs[refs:]
            return ""
    run.__doc__ = fn.__doc__
    return run


class GoldWriter(Writer):
    """Writer whose stories also give their gold; ``page`` collects the gold of the page being written."""

    def __init__(self, rng, plan_, deputies, used):
        super().__init__(rng, plan_, deputies)
        self.used = used
        self.heads = {d: _name(rng, used) for d in DEPTS}
        self.town_heads: dict = {}
        self.new_page()

    def new_page(self):
        self.page = {"articles": [], "persons": {}, "inspections": [], "meetings": []}

    def person(self, name: str, titles: list[str]):
        got = self.page["persons"].setdefault(name, [])
        got.extend(t for t in titles if t not in got)

    def official(self, seat, day):
        """``(printed text, name)`` of a seat's holder, its titles recorded (split at 、 as printed)."""
        m = self.mention(seat, day)
        if m is None:
            return None
        text, name = m
        self.person(name, text[:-len(name)].split("、"))
        return m

    def deputy(self, day):
        dep = self.rng.choice(self.deputies[day.year % len(self.deputies)])
        self.printed.add((dep, "岚川市人民政府", "副市长"))
        self.person(dep, ["副市长"])
        return "副市长" + dep, dep

    def dept_head(self):
        d = self.rng.choice(DEPTS)
        name = self.heads[d]
        self.person(name, ["".join(d)])
        return "".join(d) + name, name

    def byline(self) -> str:
        """A byline as written (the reporter's title is what the byline prints: 记者, 全媒体记者, 本报记者 …)."""
        r = self.rng.choice(REPORTERS)
        title, form = self.rng.choice(BYLINES)
        self.person(r, [title])
        c = ""
        if self.rng.random() < 0.35:
            name = self.rng.choice(CORRESPONDENTS)
            self.person(name, ["通讯员"])
            c = f" 通讯员 {name}"
        return form.format(r=r, c=c, o=OUTLET)

    def headline(self, title: str, sub: str = "") -> str:
        if title in self.page["articles"]:     # no two stories of a page under one title
            if not sub or sub in self.page["articles"]:
                raise _Dup
            title, sub = sub, ""
        self.page["articles"].append(title)
        return title + (f"\n——{sub}" if sub and self.rng.random() < 0.3 else "")

    # ------------------------------------------------------------ stories

    def _when(self, issue: date):
        """(text, start, end): the day before (昨天/昨日 or M月D日), the issue day, or a two-day trip."""
        rng = self.rng
        r = rng.random()
        if r < 0.05:                    # 近日: gold carries the issue day, uncertain (as the real set)
            return rng.choice(["近日", "日前"]), issue, None
        if r < 0.2:
            d = issue - timedelta(days=1)
            return rng.choice(["昨天", "昨日"]), d, None
        if r < 0.35:
            a, b = issue - timedelta(days=2), issue - timedelta(days=1)
            text = f"{_md(a)}至{b.day}日" if a.month == b.month else f"{_md(a)}至{_md(b)}"
            return text, a, b
        d = issue - timedelta(days=rng.choice((0, 1, 1, 2)))
        return _md(d), d, None

    def _site(self, town: str) -> str:
        rng = self.rng
        k = rng.random()
        if k < 0.3:
            return rng.choice(FIRM_HEADS) + rng.choice(FIRM_TAILS)
        if k < 0.55:
            return town + rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)
        if k < 0.8:
            return (town if rng.random() < 0.5 else town[:-1]) + rng.choice(UNITS)
        return rng.choice(PROJECTS) + "项目"

    def _companions(self, lead, day, county, town):
        """Officials of lower rank who go along: the visited county's leaders, a deputy mayor, a department
        head for a city lead; the county's other leader and the town's party secretary for a county lead."""
        rng = self.rng
        r = _rank(lead)
        pool = [s for s in self.plan if s is not lead and _rank(s) > r and (s.key in RANK or s.key.startswith(county))]
        who = []
        for s in rng.sample(pool, min(len(pool), rng.choice((0, 1, 1, 2)))):
            m = self.official(s, day)
            if m:
                who.append(m)
        if r < 3 and rng.random() < 0.5:
            who.append(self.deputy(day))
        if r < 3 and rng.random() < 0.4:
            who.append(self.dept_head())
        if r >= 3 and rng.random() < 0.5:
            name = self.town_heads.setdefault(town, _name(rng, self.used))
            self.person(name, [town + "党委书记"])
            who.append((town + "党委书记" + name, name))
        return who

    @_one_story
    def inspection(self, issue: date) -> str:
        rng = self.rng
        lead = rng.choice(self.plan)
        when, a, b = self._when(issue)
        m = self.official(lead, a)
        if m is None:
            return ""
        text, name = m
        if any(x["person"] == name and x["date"] == a.isoformat() for x in self.page["inspections"]):
            return ""                   # one trip of an official a day on a page
        county = next((c for c, _ in COUNTIES if lead.key.startswith(c)), None) or rng.choice([c for c, _ in COUNTIES])
        town = rng.choice(TOWNS)
        own = any(lead.key.startswith(c) for c, _ in COUNTIES)     # a county's leader goes to its towns
        place = rng.choice([town, county + town] if own else [county, town, county + town])
        topic = rng.choice(TOPICS)
        verb = rng.choice(VERBS)
        comp = self._companions(lead, a, county, town)
        sites = []
        while len(sites) < rng.choice((1, 2, 2, 3, 3, 4)):
            s = self._site(town)
            key = s.replace(town, "").replace(town[:-1], "")      # 青溪镇敬老院 is 青溪敬老院
            if all(key not in x and x not in key for x in sites):
                sites.append(s)
        later = []
        if len(sites) >= 2 and rng.random() < 0.4:
            later = [sites.pop()]
        head = self.headline(rng.choice([f"{text}到{place}{verb}{topic}", f"{name}{verb}{topic}",
                                         f"扎实推进{topic}", f"{name}在{place}{verb}时强调 {rng.choice(SLOGANS)}"]),
                             f"{text}{verb}{topic}")
        comp_text = _join([t for t, _ in comp], rng) if comp else ""
        form = rng.random()
        lines = []
        if comp and form < 0.3:          # 在…的陪同下
            lines.append(f"{self.byline()}{when}，在{comp_text}的陪同下，{text}深入{place}{verb}{topic}。"
                         f"{name}一行先后来到{_join(sites, rng)}，实地察看项目进展，听取情况汇报。")
        elif comp and form < 0.6:        # X陪同 / X参加调研 / X等陪同
            tail = rng.choice(["陪同", "参加调研", "等陪同", "陪同调研"])
            lines.append(f"{self.byline()}{when}，{text}到{place}{verb}{topic}。{comp_text}{tail}。")
            lines.append(f"{name}先后来到{_join(sites, rng)}，{rng.choice(['详细了解', '实地察看'])}"
                         f"{rng.choice(['企业生产经营情况', '项目推进情况', '工作开展情况'])}。")
        else:                            # …一行, companions in a later sentence or none
            lines.append(f"{self.byline()}{when}，{text}一行{rng.choice(['来到', '深入'])}{place}，"
                         f"{verb}{topic}。" + (f"{comp_text}参加。" if comp else ""))
            lines.append(f"在{sites[0]}，{name}仔细询问有关情况。" if len(sites) == 1 else
                         f"{name}一行先后走进{_join(sites, rng)}，边看边问。")
        if later:
            lines.append(f"随后，{rng.choice(['一行', name])}来到{later[0]}，"
                         f"{rng.choice(['详细了解项目建设进度', '察看设施运行情况', '与群众亲切交谈'])}。")
            sites += later
        f = rng.choice(FIRM_HEADS) + "公司"
        lines.append(rng.choice(SPEECH).format(n=name, f=f))
        self.page["inspections"].append({
            "person": name, "date": a.isoformat(), "end_date": b.isoformat() if b else None, "sites": sites,
            "place": place, "accompanying": [n for _, n in comp], **({"uncertain": True} if when in ("近日", "日前") else {})})
        return head + "\n\n" + "\n".join(lines)

    @_one_story
    def brief(self, day: date) -> str:
        """A short item naming companies and no official: no person, no event."""
        rng = self.rng
        head, body = rng.choice(BRIEFS)
        f, g = rng.sample(FIRM_HEADS, 2)
        kw = {"n": rng.randint(3, 12), "f": f + rng.choice(FIRM_TAILS), "g": g + rng.choice(FIRM_TAILS),
              "t": rng.choice(TOPICS).replace("工作", "")}
        return self.headline(head.format(**kw)) + "\n\n" + body.format(**kw)

    @_one_story
    def post_only(self, day: date) -> str:
        """A headline and body naming only the post (no person named: no gold inspection)."""
        rng = self.rng
        seat = rng.choice([s for s in self.plan if s.key in ("city_sec", "mayor")])
        h = holder_on(seat, day)
        if h is None:
            return ""
        form = "市委书记" if seat.post == "书记" else "代市长" if h[1].startswith("代") else "市长"
        topic = rng.choice(TOPICS)
        self.refs.append((day.isoformat(), f"{form}调研{topic}", form, h[0], seat.key))
        head = self.headline(f"{form}调研{topic}")
        town = rng.choice(TOWNS)
        return f"{head}\n\n{self.byline()}{_md(day)}，{form}到{town}调研{topic}，察看了{self._site(town)}。"

    @_one_story
    def meeting(self, issue: date) -> str:
        """A meeting its chair 主持召开s (a lower official attends), or one that 召开s with a higher official
        speaking (出席会议并讲话) and the chair 主持会议; its name fits the chair's seat."""
        rng = self.rng
        when, a, two = self._when(issue)
        if two is not None or when in ("近日", "日前"):         # a meeting: one known day
            when, a = _md(issue - timedelta(days=1)), issue - timedelta(days=1)
        seat = rng.choice(self.plan)
        m = self.official(seat, a)
        if m is None:
            return ""
        text, name = m
        if any(x["chair"] == name and x["date"] == a.isoformat() for x in self.page["meetings"]):
            raise _Dup
        topic = rng.choice(TOPICS)
        county = next((c for c, _ in COUNTIES if seat.key.startswith(c)), None)
        kinds = MEETING_KINDS.get(seat.key) or MEETING_KINDS["county_sec" if seat.key.endswith("_sec") else "county_head"]
        mname = rng.choice(kinds).format(k=rng.randint(3, 60), t=topic.replace("工作", ""), c=county or "",
                                         lv=(county or "市")[-1])
        first = rng.random() < 0.5
        r = _rank(seat)
        pool = [s for s in self.plan if (_rank(s) > r if first else _rank(s) < r)
                and (county is None or s.key in RANK or s.key.startswith(county))]
        attend = [x for x in (self.official(s, a) for s in rng.sample(pool, min(len(pool), 1))) if x]
        if first:
            head = self.headline(f"{text}主持召开{mname}")
            body = (f"{self.byline()}{when}，{text}主持召开{mname}，研究部署{topic}。"
                    + (f"{attend[0][0]}出席会议。" if attend else "")
                    + f"\n{name}强调，要压实责任，狠抓落实。")
        else:
            head = self.headline(f"{mname}召开", f"{name}主持")
            body = (f"{self.byline()}{when}，{mname}召开。" + (f"{attend[0][0]}出席会议并讲话。" if attend else "")
                    + f"{text}主持会议。\n会议要求，各地各部门要抓好{topic}。")
        self.page["meetings"].append({"name": mname, "date": a.isoformat(), "chair": name,
                                      "attendees": [n for _, n in attend]})
        return head + "\n\n" + body

    def change(self, seat, day, prev, new, acting) -> str:
        org = seat.organization
        post = ("代" + seat.post) if acting else seat.post
        self.printed.add((new, org, post))
        self.printed.add((prev, org, seat.post))
        k = self.rng.randint(10, 40)
        mname = f"{CITY}第十六届人大常委会第{k}次会议"
        self.person(new, [])
        self.person(prev, [])
        self.page["meetings"].append({"name": mname, "date": day.isoformat(), "chair": None, "attendees": []})
        head = self.headline(f"{mname}闭幕")
        return (f"{head}\n\n{self.byline()}{_md(day)}，{mname}举行全体会议，决定任命{new}为{org}{post}，"
                f"免去{prev}的{org}{seat.post}职务。")

    def election(self, seat, day, name) -> str:
        org = seat.organization
        self.printed.add((name, org, seat.post))
        self.person(name, [])
        place = org.replace("人民政府", "")
        mname = f"{place}第十六届人民代表大会第{self.rng.randint(2, 6)}次会议"
        self.page["meetings"].append({"name": mname, "date": day.isoformat(), "chair": None, "attendees": []})
        head = self.headline(f"{name}当选{org}{seat.post}")
        return (f"{head}\n\n{self.byline()}{_md(day)}，{mname}举行全体会议，选举{name}为{org}{seat.post}。")

    def gold(self, file: str, published: date) -> dict:
        p = self.page
        return {"file": file, "published": published.isoformat(), "articles": p["articles"],
                "persons": [{"name": n, "titles": t} for n, t in p["persons"].items()],
                "inspections": p["inspections"], "meetings": p["meetings"]}
