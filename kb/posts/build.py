"""Building the post register inside the graph, from what the load stored on the articles.

(:Post {id, organization, post, base, acting, single, region})<-[:HELD_POST {id, from, to, certainty,
title, first_seen, last_seen, first_article, last_article, mentions, predecessor, successor,
start_basis, end_basis, imported, source}]-(:Person); (:Post 代市长)-[:ACTING_FOR]->(:Post 市长).
Mentions by post alone: (:Person)-[:MENTIONED_IN {resolved_by: 'post+date', tenure, post_id, …}]->
(:Article), and a lead-less event whose evidence holds the mention gets the holder as its lead
(PARTICIPATED_IN {role: 'lead', resolved_by: 'post+date', …}).

A build recomputes everything from the graph and writes only the difference: it reads the Post nodes
and the derived relationships as they are (ids, ends, every property), writes the rows that are new or
changed (a relationship's properties replaced whole, ``SET r = …``), deletes the ones no longer derived,
and leaves the rest untouched. So it is idempotent, a reload after new pages updates it, and the graph
it leaves is the one a build from nothing gives (tests/test_posts.py compares both whole); a daily load
changes a few hundred rows of an archive's register, not all of them.
"""
from __future__ import annotations

import functools
import time
from collections import defaultdict
from datetime import date
from typing import Optional

from .. import ids
from . import scan
from .seats import Seat, parts_of, region_for, seats_of
from .tenures import Act, Sighting, Tenure, build_seat

BATCH = 1000

# the reads of a whole archive's articles and resolutions return ONE record of lists (the fields in the
# order of ``*_FIELDS``): the driver spends about as long on each record as the server does on a row
ARTICLE_FIELDS = ("id", "day", "outlet", "region", "titles", "acts", "refs")
R_ARTICLES = """
MATCH (pg:Page)-[:CONTAINS]->(a:Article)
WHERE a.post_titles IS NOT NULL OR a.post_refs IS NOT NULL
RETURN collect([a.id, a.published, coalesce(a.outlet, pg.outlet), pg.region,
                a.post_titles, a.post_acts, a.post_refs]) AS rows
"""
R_IMPORTED = """
MATCH (p:Person)-[r:HELD_POST]->(s:Post) WHERE r.imported
RETURN p.id AS pid, p.name AS name, s.organization AS organization, s.post AS post, s.base AS base,
       s.acting AS acting, s.single AS single, r.from AS start, r.to AS end, r.source AS source, r.id AS id
"""
R_LEADLESS = """
UNWIND $aids AS aid
MATCH (:Article {id: aid})-[:REPORTS]->(e:Event)
WHERE e.lead IS NULL AND NOT EXISTS { MATCH (e)<-[x:PARTICIPATED_IN {role: 'lead'}]-() WHERE x.resolved_by IS NULL }
RETURN aid, e.id AS eid, e.evidence_start AS s, e.evidence_end AS e
"""
W_POSTS = """
UNWIND $rows AS row
MERGE (s:Post {id: row.id})
SET s.organization = row.organization, s.post = row.post, s.base = row.base, s.acting = row.acting,
    s.single = row.single, s.region = row.region
"""
R_POSTS = "MATCH (s:Post) RETURN s.id AS id, properties(s) AS props"
R_ACTING = "MATCH (a:Post)-[:ACTING_FOR]->(b:Post) RETURN a.id AS s, b.id AS t"
W_ACTING = """
UNWIND $rows AS row
MATCH (a:Post {id: row.s}) MATCH (b:Post {id: row.t})
MERGE (a)-[:ACTING_FOR]->(b)
"""
# relationship type fixed per kind; the id says which row; ``row.props`` holds every property (id too)
W_REL = {
    "HELD_POST": """UNWIND $rows AS row MATCH (p:Person {id: row.pid}) MATCH (s:Post {id: row.t})
MERGE (p)-[r:HELD_POST {id: row.id}]->(s) SET r = row.props""",
    "MENTIONED_IN": """UNWIND $rows AS row MATCH (p:Person {id: row.pid}) MATCH (a:Article {id: row.t})
MERGE (p)-[r:MENTIONED_IN {id: row.id}]->(a) SET r = row.props""",
    "PARTICIPATED_IN": """UNWIND $rows AS row MATCH (p:Person {id: row.pid}) MATCH (e:Event {id: row.t})
MERGE (p)-[r:PARTICIPATED_IN {id: row.id}]->(e) SET r = row.props""",
}
REL_FIELDS = ("id", "pid", "t", "props")
_RET = " RETURN collect([r.id, p.id, t.id, properties(r)]) AS rows"
R_EXISTING = {
    "HELD_POST": "MATCH (p)-[r:HELD_POST]->(t) WHERE r.imported IS NULL OR NOT r.imported" + _RET,
    "MENTIONED_IN": "MATCH (p)-[r:MENTIONED_IN]->(t) WHERE r.resolved_by = 'post+date'" + _RET,
    "PARTICIPATED_IN": "MATCH (p)-[r:PARTICIPATED_IN]->(t) WHERE r.resolved_by = 'post+date'" + _RET,
}
D_REL = {
    "HELD_POST": "UNWIND $ids AS x MATCH (p)-[r:HELD_POST {id: x}]->() DELETE r RETURN collect(DISTINCT p.id) AS pids",
    "MENTIONED_IN": "UNWIND $ids AS x MATCH (p)-[r:MENTIONED_IN {id: x}]->() DELETE r RETURN collect(DISTINCT p.id) AS pids",
    "PARTICIPATED_IN": "UNWIND $ids AS x MATCH (p)-[r:PARTICIPATED_IN {id: x}]->() DELETE r RETURN collect(DISTINCT p.id) AS pids",
}
D_ORPHANS = """
MATCH (s:Post) WHERE NOT EXISTS { MATCH (s)<-[:HELD_POST]-() } DETACH DELETE s
"""
D_PERSONS = "UNWIND $pids AS x MATCH (p:Person {id: x}) WHERE NOT EXISTS { MATCH (p)--() } DELETE p"


def plans() -> list[tuple[str, dict]]:
    """The build's statements with parameters of the types it sends (kb.graph.warm_plans plans them
    ahead: on a server just started each first run waits for its plan)."""
    row = {"id": "x", "pid": "x", "t": "x", "props": {"id": "x"}}
    out = [(R_ARTICLES, {}), (R_IMPORTED, {}), (R_POSTS, {}), (R_ACTING, {}), (R_LEADLESS, {"aids": ["x"]}),
           (W_POSTS, {"rows": [{"id": "x"}]}), (W_ACTING, {"rows": [{"s": "x", "t": "x"}]}), (D_ORPHANS, {}),
           (D_PERSONS, {"pids": ["x"]})]
    for kind in W_REL:
        out += [(R_EXISTING[kind], {}), (W_REL[kind], {"rows": [row]}), (D_REL[kind], {"ids": ["x"]})]
    return out


def post_id(organization: str, post: str) -> str:
    return ids._h("post", organization, post)


def tenure_id(t: Tenure) -> str:
    return ids._h("hp", t.pid, t.seat.organization, t.seat.post, t.start)


# ------------------------------------------------------------------ reading

def _read(driver, database, stmt, **params) -> list[dict]:
    recs, _, _ = driver.execute_query(stmt, params, database_=database, routing_="r")
    return [dict(r) for r in recs]


def _read_lists(driver, database, stmt, fields) -> list[dict]:
    """The rows of a statement that returns one record of lists (``rows``), as dicts of ``fields``."""
    recs, _, _ = driver.execute_query(stmt, database_=database, routing_="r")
    return [dict(zip(fields, row)) for row in (recs[0]["rows"] if recs else [])]


def gather(driver, database: str):
    """Sightings and acts per seat, and the articles' post references, from the graph."""
    return gather_rows(_read_lists(driver, database, R_ARTICLES, ARTICLE_FIELDS))


def gather_rows(articles) -> tuple:
    """Sightings and acts per seat, the post references, the seats' regions, from rows as R_ARTICLES
    returns them (id, day, outlet, region, titles, acts, refs) — from the graph, or from the pages'
    rows as kb import extracts them."""
    sightings: dict[tuple, list] = defaultdict(list)
    acts: dict[tuple, list] = defaultdict(list)
    refs = []
    regions: dict[tuple, str] = {}
    # in one order whatever the source's (a graph returns them in store order): ties in a tenure's
    # title or a day's reports then fall the same way from the graph and from kb import's rows
    for a in sorted(articles, key=lambda a: a["id"]):
        day = a["day"].to_native() if hasattr(a["day"], "to_native") else a["day"]
        if day is None:
            continue
        region = region_for(a["outlet"], a["region"])
        titles = [_title_seats(row, region) for row in a["titles"] or []]
        named: dict[str, str] = {}
        for pid, name, _ in titles:
            named.setdefault(name, pid)
        acted = set()       # (person, seat) a report of this article appoints or removes
        for row in a["acts"] or []:
            kind, name, title, d = row.split(scan.SEP)
            if name not in named:
                continue
            for seat in seats_of(title, region):
                acts[seat.key].append(Act(kind, seat, named[name], name, date.fromisoformat(d) if d else day, a["id"]))
                acted.add((named[name], seat.key))
        seen_keys = set()
        for pid, name, seats in titles:
            for part, seat, key in seats:
                seen_keys.add(key)
                regions.setdefault(key, region.name)
                if (pid, key) not in acted:   # the report's own wording is the act, not a sighting
                    sightings[key].append(Sighting(seat, pid, name, part, day, a["id"]))
        for row in a["refs"] or []:
            form, where, s, e = row.split(scan.SEP)
            refs.append({"article": a["id"], "day": day, "region": region, "form": form, "where": where,
                         "s": int(s) if s else None, "e": int(e) if e else None, "named": seen_keys})
    return sightings, acts, refs, regions


@functools.lru_cache(maxsize=65536)
def _title_seats(row: str, region) -> tuple:
    """pid, name and the (part, seat, seat key) of one stored title row, parsed once: an archive repeats
    the same rows in thousands of articles."""
    pid, name, title = row.split(scan.SEP)
    return pid, name, tuple((part, seat, seat.key) for part, seat in parts_of(title, region))


def _imported(driver, database) -> dict[tuple, list]:
    out: dict[tuple, list] = defaultdict(list)
    for r in _read(driver, database, R_IMPORTED):
        seat = Seat(r["organization"], r["post"], r["base"], bool(r["acting"]), bool(r["single"]))
        start = r["start"].to_native() if r["start"] is not None else None
        end = r["end"].to_native() if r["end"] is not None else None
        out[seat.key].append(Tenure(r["pid"], r["name"], seat, start, end, "import", "import" if end else "open",
                                    imported=True, source=r["source"]))
    return out


# ------------------------------------------------------------------ computing

def register(sightings, acts, imported) -> dict[tuple, list[Tenure]]:
    keys = set(sightings) | set(acts) | set(imported)
    return {k: build_seat(sightings.get(k, []), acts.get(k, []), imported.get(k, [])) for k in keys}


def holder(reg: dict, key: tuple, day: date) -> Optional[Tenure]:
    hits = [t for t in reg.get(key, []) if (t.start or date.min) <= day <= (t.end or date.max)]
    return hits[0] if len(hits) == 1 else None


def resolve(reg: dict, ref: dict) -> Optional[tuple[Seat, Tenure]]:
    """The holder a post named alone stands for on the article's day, in the outlet's region."""
    form, region = ref["form"], ref["region"]
    surname = None
    if form.endswith("书记") and not form.endswith("委书记"):
        surname = form[:-2]
        cands = [f"{lv}委书记" for lv in ("县", "区", "旗", "市", "州", "省")]
    elif form[-2:] in ("省长", "市长", "县长", "区长", "镇长", "乡长", "旗长", "州长") and len(form) > 2 \
            and form[-3] not in "省市州县区旗镇乡代":
        surname, cands = form[:-2], [form[-2:]]
    else:
        cands = [form]
    for c in cands:
        for seat in seats_of(c, region):
            if not seat.single or seat.key in ref["named"]:
                continue
            t = holder(reg, seat.key, ref["day"])
            if t is None or (surname and not t.name.startswith(surname)):
                continue
            return seat, t
    return None


# ------------------------------------------------------------------ writing

def _write(driver, database, stmt, rows, **extra):
    for i in range(0, len(rows), BATCH):
        driver.execute_query(stmt, {"rows": rows[i:i + BATCH], **extra}, database_=database, routing_="w")


def _native(v):
    """A property value as Python has it (neo4j dates → datetime.date), to compare with a row's."""
    if isinstance(v, list):
        return [_native(x) for x in v]
    return v.to_native() if hasattr(v, "to_native") else v


def _props(d: dict) -> dict:
    return {k: _native(v) for k, v in d.items() if v is not None}


def _sync(driver, database, kind: str, rows: list[dict]) -> tuple[list[str], int]:
    """Make the relationships of ``kind`` the ``rows``: the ones no longer derived (or derived between
    other ends) deleted, the new and changed ones written, the same ones left alone. Returns the ids of
    persons that lost one (orphan candidates) and how many rows were written."""
    old = {}
    for r in _read_lists(driver, database, R_EXISTING[kind], REL_FIELDS):
        old.setdefault(r["id"], []).append(r)
    want = {r["id"]: r for r in rows}
    stale = sorted(i for i, rs in old.items()
                   if i not in want or len(rs) > 1 or (rs[0]["pid"], rs[0]["t"]) != (want[i]["pid"], want[i]["t"]))
    pids: list[str] = []
    for i in range(0, len(stale), BATCH):
        recs, _, _ = driver.execute_query(D_REL[kind], {"ids": stale[i:i + BATCH]}, database_=database, routing_="w")
        pids += recs[0]["pids"] if recs else []
    gone = set(stale)
    todo = [r for r in rows if r["id"] not in old or r["id"] in gone
            or _props(old[r["id"]][0]["props"]) != _props(r["props"])]
    _write(driver, database, W_REL[kind], todo)
    return pids, len(todo)


def _sync_posts(driver, database, posts: dict, acting: set) -> int:
    """Write the Post nodes that are new or changed and the ACTING_FOR links that are missing."""
    have = {r["id"]: _props(r["props"]) for r in _read(driver, database, R_POSTS)}
    todo = [p for i, p in posts.items() if have.get(i) != _props(p)]
    _write(driver, database, W_POSTS, todo)
    links = {(r["s"], r["t"]) for r in _read(driver, database, R_ACTING)}
    _write(driver, database, W_ACTING, [{"s": s, "t": t} for s, t in sorted(acting - links)])
    return len(todo)


def _tenure_props(t: Tenure, region: Optional[str]) -> dict:
    f, l = t.first(), t.last()
    return {k: v for k, v in {
        "from": t.start, "to": t.end, "certainty": t.certainty, "title": t.title,
        "organization": t.seat.organization, "post": t.seat.post, "region": region,
        "first_seen": f.day if f else None, "last_seen": l.day if l else None,
        "first_article": f.article if f else None, "last_article": l.article if l else None,
        "article_id": f.article if f else None, "mentions": len({s.article for s in t.sightings}),
        "predecessor": t.predecessor, "successor": t.successor, "start_basis": t.start_basis,
        "end_basis": t.end_basis, "imported": False, "source": "sightings"}.items() if v is not None}


def derive(gathered: tuple, imported: dict, leadless) -> dict:
    """The register's rows (pure): ``gathered`` from :func:`gather_rows`, ``imported`` the roster's
    tenures per seat, ``leadless(article ids)`` the lead-less events of those articles (aid, eid, s, e).
    Returns posts (id → properties), acting (pairs of post ids), held, mentions and leads (rows of
    id, pid, t, props) and the register itself (seat → tenures)."""
    sightings, acts, refs, regions = gathered
    reg = register(sightings, acts, imported)
    posts, acting, held = {}, set(), []
    for key, rows in reg.items():
        for t in rows:
            pid_ = post_id(t.seat.organization, t.seat.post)
            posts[pid_] = {"id": pid_, "organization": t.seat.organization, "post": t.seat.post,
                           "base": t.seat.base, "acting": t.seat.acting, "single": t.seat.single,
                           "region": regions.get(key)}
            if t.seat.acting:
                full = post_id(t.seat.organization, t.seat.base)
                posts.setdefault(full, dict(posts[pid_], id=full, post=t.seat.base, acting=False))
                acting.add((pid_, full))
            if not t.imported:
                held.append({"id": tenure_id(t), "pid": t.pid, "t": pid_,
                             "props": _tenure_props(t, regions.get(key))})
    mentions, leads = _resolutions(reg, refs, leadless)
    for r in held + mentions + leads:
        r["props"] = dict(r["props"], id=r["id"])
    return {"posts": posts, "acting": acting, "held": held, "mentions": mentions, "leads": leads, "reg": reg}


def summary(d: dict, written: int, t0: float) -> dict:
    return {"posts": len(d["posts"]), "tenures": sum(len(v) for v in d["reg"].values()),
            "resolved": len(d["mentions"]), "leads": len(d["leads"]), "written": written,
            "seconds": round(time.monotonic() - t0, 3)}


def build(driver, database: str) -> dict:
    """Rebuild the register and the post+date resolutions from the graph. Idempotent."""
    t0 = time.monotonic()
    d = derive(gather(driver, database), _imported(driver, database),
               lambda aids: _read(driver, database, R_LEADLESS, aids=aids))
    written = _sync_posts(driver, database, d["posts"], d["acting"])
    lost, n = _sync(driver, database, "HELD_POST", d["held"])
    written += n
    for kind, rows in (("MENTIONED_IN", d["mentions"]), ("PARTICIPATED_IN", d["leads"])):
        pids, n = _sync(driver, database, kind, rows)
        lost, written = lost + pids, written + n
    driver.execute_query(D_ORPHANS, database_=database, routing_="w")
    if lost:
        driver.execute_query(D_PERSONS, {"pids": sorted(set(lost))}, database_=database, routing_="w")
    return summary(d, written, t0)


def _resolutions(reg, refs, leadless) -> tuple[list, list]:
    mentions, by_article = [], defaultdict(list)
    tids: dict[int, tuple[str, str]] = {}   # a tenure's id and its post's, hashed once (not once per mention)
    for ref in refs:
        hit = resolve(reg, ref)
        if hit is None:
            continue
        seat, t = hit
        if id(t) not in tids:
            tids[id(t)] = (tenure_id(t), post_id(t.seat.organization, t.seat.post))
        rid = ids._h("res", ref["article"], ref["form"], ref["where"], ref["s"])
        props = {k: v for k, v in {
            "resolved_by": "post+date", "tenure": tids[id(t)][0], "post_id": tids[id(t)][1],
            "title": ref["form"], "organization": t.seat.organization, "post": t.seat.post,
            "date": ref["day"], "article_id": ref["article"], "where": ref["where"], "from": t.start,
            "to": t.end, "certainty": t.certainty, "evidence_start": ref["s"], "evidence_end": ref["e"]}.items()
            if v is not None}
        mentions.append({"id": rid, "pid": t.pid, "t": ref["article"], "props": props})
        by_article[ref["article"]].append((ref, t, props))
    leads = []
    if by_article:
        evs = leadless(sorted(by_article))
        per_article = defaultdict(list)
        for e in evs:
            per_article[e["aid"]].append(e)
        for aid, es in per_article.items():
            for e in es:
                for ref, t, props in by_article[aid]:
                    inside = ref["s"] is not None and e["s"] is not None and e["s"] <= ref["s"] < (e["e"] or 0)
                    if inside or (ref["where"] == "title" and len(es) == 1):
                        leads.append({"id": ids._h("resl", e["eid"], t.pid), "pid": t.pid, "t": e["eid"],
                                      "props": dict(props, role="lead", titles=[ref["form"]])})
                        break
    return mentions, leads
