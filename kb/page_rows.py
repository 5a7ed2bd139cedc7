"""The rows of one page, per node and relationship kind: a pure function of the extracted articles
(the loader runs it in worker processes). kb.graph writes them with one statement per kind."""
from __future__ import annotations

from datetime import date

# the kinds of rows, in the order kb.graph.WRITES writes them
KINDS = ("articles", "places", "organizations", "persons", "part_of", "located_in", "events",
         "participated_in", "visited_place", "visited_org", "in", "wrote", "held")

# ---------------------------------------------------------------- rows (pure Python)

def _d(v):
    return v if isinstance(v, date) else None


def _strip(props: dict) -> dict:
    """Drop None values: Neo4j does not store nulls, and `SET n = map` would fail on nested Nones."""
    return {k: v for k, v in props.items() if v is not None}


def page_rows(source: str, content_hash: str, published, outlet, articles, store_text: bool = True) -> dict:
    """The rows of one page, per node/relationship kind (see WRITES), as plain lists of dicts.

    ``articles`` are ``loaders.models.ExtractedArticle``s. Pure: no database, no I/O beyond the
    gazetteer used for scopes.
    """
    rows = _PageRows(source, content_hash, published, outlet)
    for ea in articles:
        _ArticleRows(rows, ea).build(store_text)
    return rows.finish()


class _PageRows:
    """The rows of a page so far; nodes are merged by id across its articles, relationships by key."""

    def __init__(self, source: str, content_hash: str, published, outlet):
        from . import ids
        self.source, self.published, self.outlet = source, published, outlet
        self.pid = ids.page_id(source)
        self.out: dict = {k: [] for k in KINDS}
        self.out["page"] = _strip({"id": self.pid, "source": source, "content_hash": content_hash,
                                   "published": _d(published), "outlet": outlet})
        self.places: dict[str, dict] = {}
        self.orgs: dict[str, dict] = {}
        self.persons: dict[str, dict] = {}
        self.seen_rel: dict[str, set] = {k: set() for k in self.out if k != "page"}
        self.oscope = ids.outlet_scope(outlet)

    def add_rel(self, kind, key, row) -> bool:
        if key in self.seen_rel[kind]:
            return False
        self.seen_rel[kind].add(key)
        self.out[kind].append(row)
        return True

    def finish(self) -> dict:
        out = self.out
        out["places"] = [_strip(p) for p in self.places.values()]
        out["organizations"] = [_strip(o) | {"aliases": o["aliases"]} for o in self.orgs.values()]
        out["persons"] = [_strip(p) for p in self.persons.values()]
        return out


class _ArticleRows:
    """One article's share of the page's rows: its places, organisations, persons, the article row,
    its bylines and its events, in that order (later parts resolve names the earlier ones found)."""

    def __init__(self, page: _PageRows, ea):
        from . import ids
        self.page, self.ea, self.a = page, ea, ea.article
        a = self.a
        self.aid = ids.article_id(page.source, a.start, a.end)   # the page's source: unique, unlike file names
        self.day = _d(a.published) or _d(page.published)
        self.outlet = a.outlet or page.outlet
        self.scope = ids.outlet_scope(self.outlet) if self.outlet != page.outlet else page.oscope
        self.place_by_name: dict[str, str] = {}
        self.link_keys: list[str] = []    # the PART_OF/LOCATED_IN sightings this article feeds (for unloads)
        self.named: dict[str, None] = {}  # every person, organisation and place it names (for unloads)
        self.org_by_name: dict[str, str] = {}
        self.org_place: dict[str, tuple] = {}
        self.person_by_name: dict[str, str] = {}
        self.held_keys: list[str] = []

    def build(self, store_text: bool) -> None:
        self.add_places()
        self.add_organizations()
        self.add_persons()
        arow = self.article_row(store_text)
        self.add_bylines()
        for ev in self.ea.events:
            self.add_event(ev)
        arow["entities"] = sorted(self.named)   # complete only now: bylines and events name more

    # ---- places: name/alias -> place id
    def place_node(self, name, code=None, level=None) -> str:
        from . import ids
        places = self.page.places
        pid_ = ids.place_id(name, code, self.scope)
        if pid_ not in places:
            places[pid_] = {"id": pid_, "name": ids.norm(name), "code": code or None, "level": level,
                            "scope": None if code else self.scope}
        elif level and not places[pid_]["level"]:
            places[pid_]["level"] = level
        self.named[pid_] = None
        return pid_

    def add_places(self) -> None:
        from . import ids
        for p in self.ea.places:
            if not p.name:
                continue
            pl = self.place_node(p.name, p.code, p.level)
            for n in [p.name, *p.aliases]:
                self.place_by_name.setdefault(ids.norm(n), pl)
            if p.parent or p.parent_code:
                par = self.place_node(p.parent or ids.scope_name(p.parent_code) or p.parent_code, p.parent_code)
                if par != pl and self.page.add_rel("part_of", (pl, par),
                                                   {"s": pl, "t": par, "date": self.day, "article_id": self.aid}):
                    self.link_keys.append(f"P|{pl}|{par}")

    def resolve_place(self, name) -> str:
        from . import ids
        n = ids.norm(name)
        if n in self.place_by_name:
            return self.place_by_name[n]
        pl = self.place_node(n, _gaz_code(n, self.outlet))
        self.place_by_name[n] = pl
        return pl

    # ---- organisations
    def org_node(self, name, kind=None, aliases=(), place=None) -> str:
        from . import ids
        n = ids.norm(name)
        code = pl = None
        if place:
            pl = self.resolve_place(place)
            code = self.page.places[pl]["code"]
        scope = ids.org_scope(n, self.outlet, code, place)
        oid = ids.organization_id(n, scope)
        al = sorted({ids.norm(x) for x in aliases if x and ids.norm(x) != n})
        orgs = self.page.orgs
        if oid not in orgs:
            orgs[oid] = {"id": oid, "name": n, "scope": scope, "kind": kind, "aliases": al}
        else:
            o = orgs[oid]
            o["aliases"] = sorted(set(o["aliases"]) | set(al))
            o["kind"] = min(filter(None, (o["kind"], kind)), default=None)
        # what this article says of the organisation, so that an unload can take it back
        self.link_keys.extend(k for k in [f"K|{oid}|{kind}" if kind else None, *(f"A|{oid}|{x}" for x in al)]
                              if k and k not in self.link_keys)
        if place and self.page.add_rel("located_in", (oid, pl),
                                       {"s": oid, "t": pl, "date": self.day, "article_id": self.aid}):
            self.link_keys.append(f"L|{oid}|{pl}")
        self.named[oid] = None
        return oid

    def add_organizations(self) -> None:
        from . import ids
        for o in self.ea.organizations:
            if not o.name:
                continue
            if o.place:
                pl = self.resolve_place(o.place)
                self.org_place[ids.norm(o.name)] = (self.page.places[pl]["code"], o.place)
            oid = self.org_node(o.name, o.kind, o.aliases, o.place)
            for n in [o.name, *o.aliases]:
                self.org_by_name.setdefault(ids.norm(n), oid)

    def resolve_org(self, name, place=None) -> str:
        from . import ids
        n = ids.norm(name)
        if n in self.org_by_name:
            return self.org_by_name[n]
        oid = self.org_node(n, place=place)
        self.org_by_name[n] = oid
        return oid

    # ---- persons (the identity rule is ids.person_scope)
    def person_node(self, name, org_names=()) -> str:
        from . import ids
        n = ids.norm(name)
        scope = ids.person_scope([ids.norm(x) for x in org_names if x], self.outlet, self.org_place)
        ppid = ids.person_id(n, scope)
        if ppid not in self.page.persons:
            self.page.persons[ppid] = {"id": ppid, "name": n, "scope": scope, "scope_name": ids.scope_name(scope)}
        self.named[ppid] = None
        return ppid

    def add_persons(self) -> None:
        from . import ids
        for p in self.ea.persons:
            if not p.name:
                continue
            ppid = self.person_node(p.name, [t.organization for t in p.titles])
            self.person_by_name.setdefault(ids.norm(p.name), ppid)
            for t in p.titles:
                if not t.organization:
                    continue
                oid = self.resolve_org(t.organization)
                post = ids.norm(t.post or t.text) or "?"
                key = f"{ppid}|{oid}|{post}"
                if self.page.add_rel("held", (key, self.aid), {"s": ppid, "t": oid, "post": post,
                                                               "title": ids.norm(t.text), "date": self.day,
                                                               "article_id": self.aid}):
                    self.held_keys.append(key)

    def resolve_person(self, name, titles=()) -> str:
        from . import ids
        n = ids.norm(name)
        if n in self.person_by_name:
            return self.person_by_name[n]
        ppid = self.person_node(n, titles)
        self.person_by_name[n] = ppid
        return ppid

    # ---- the article, its bylines
    def article_row(self, store_text: bool) -> dict:
        from .posts.scan import article_props   # what the post register reads (kb posts build)
        a, page = self.a, self.page
        row = {"id": self.aid, "title": a.title, "kicker": a.kicker, "subtitle": a.subtitle, "published": self.day,
               "published_inferred": bool(a.published_inferred), "published_basis": a.published_basis,
               "published_precision": getattr(a, "published_precision", "day"),
               "source": page.source, "outlet": self.outlet, "start": a.start, "end": a.end,
               "kind": a.kind, "dateline": a.dateline, "reprint_source": a.reprint_source,
               "page_id": page.pid, "held": self.held_keys or None, "links": self.link_keys or None}
        if store_text:
            row["text"] = a.text
        row.update(article_props(self.ea, self.person_by_name))
        arow = _strip(row)
        page.out["articles"].append(arow)
        return arow

    def add_bylines(self) -> None:
        from . import ids
        a = self.a
        credits = [(b.name, b.role, b.title, b.start, b.end) for b in a.bylines]
        if not credits:
            credits = ([(n, "reporter", None, None, None) for n in a.reporters]
                       + [(n, "correspondent", None, None, None) for n in a.correspondents]
                       + [(n, "author", None, None, None) for n in a.authors])
        for name, role, title, s, e in credits:
            if not ids.norm(name):
                continue
            ppid = self.resolve_person(name)
            self.page.add_rel("wrote", (ppid, self.aid), {"s": ppid, "t": self.aid, "props": _strip(
                {"role": role, "title": title, "date": self.day, "article_id": self.aid,
                 "evidence_start": s, "evidence_end": e})})

    # ---- events, their participants, sites and places
    def add_event(self, ev) -> None:
        from . import ids
        page, aid = self.page, self.aid
        evd = ev.evidence
        es, ee = (evd.start, evd.end) if evd else (None, None)
        eid = ids.event_id(aid, ev.type, ev.lead, ev.date, es, ee)
        if eid in page.seen_rel["events"]:
            return
        page.seen_rel["events"].add(eid)
        rdate = _d(ev.date) or self.day
        page.out["events"].append({"article_id": aid, "date": rdate, "props": _strip({
            "id": eid, "type": ev.type, "trigger": ev.trigger, "date": _d(ev.date),
            "end_date": _d(ev.end_date), "date_precision": ev.date_precision, "date_text": ev.date_text,
            "name": ev.name,
            "summary": ev.summary, "planned": bool(ev.planned), "lead": ids.norm(ev.lead) or None,
            "article_id": aid, "published": self.day,
            "evidence": evd.sentence if evd else None, "evidence_start": es, "evidence_end": ee})})
        self.add_participants(ev, eid, rdate, es, ee)
        self.add_sites(ev, eid, rdate)
        for pname in ev.places:
            if not ids.norm(pname):
                continue
            pl = self.resolve_place(pname)
            page.add_rel("in", (eid, pl), {"s": eid, "t": pl, "props": _strip(
                {"date": rdate, "article_id": aid, "evidence_start": es, "evidence_end": ee})})

    def add_participants(self, ev, eid, rdate, es, ee) -> None:
        from . import ids
        parts = list(ev.participants)
        if ev.lead and all(ids.norm(p.name) != ids.norm(ev.lead) for p in parts):
            from loaders.models import Participant
            parts.insert(0, Participant(name=ev.lead, role="lead"))
        for part in parts:
            if not ids.norm(part.name):
                continue
            ppid = self.resolve_person(part.name, part.titles)
            self.page.add_rel("participated_in", (ppid, eid), {"s": ppid, "t": eid, "props": _strip(
                {"role": part.role, "titles": [t for t in part.titles if t] or None, "date": rdate,
                 "article_id": self.aid, "evidence_start": es, "evidence_end": ee})})

    def add_sites(self, ev, eid, rdate) -> None:
        from . import ids
        for site in ev.sites:
            n = ids.norm(site.name)
            if not n:
                continue
            sev = site.evidence
            props = _strip({"order": site.order, "date": rdate, "name": site.name, "article_id": self.aid,
                            "evidence_start": sev.start if sev else None,
                            "evidence_end": sev.end if sev else None})
            if n in self.place_by_name:
                self.page.add_rel("visited_place", (eid, self.place_by_name[n]),
                                  {"s": eid, "t": self.place_by_name[n], "props": props})
            else:
                oid = self.resolve_org(n, site.place)
                self.page.add_rel("visited_org", (eid, oid), {"s": eid, "t": oid, "props": props})


def _gaz_code(name: str, outlet) -> str | None:
    """GB/T 2260 code of a place named as written, near the outlet (None when unknown)."""
    from . import ids
    g = ids._gaz()
    if g is None:
        return None
    try:
        i = g.resolve(name, ids.outlet_region(outlet))
    except Exception:  # noqa: BLE001
        return None
    if i is None or (name != g.names[i] and name != g.short(i)):
        return None
    return g.codes[i]


def count_rows(rows: dict) -> int:
    return sum(len(v) for k, v in rows.items() if k != "page")
