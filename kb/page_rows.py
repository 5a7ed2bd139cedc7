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
    from . import ids

    pid = ids.page_id(source)
    out: dict = {k: [] for k in KINDS}
    out["page"] = _strip({"id": pid, "source": source, "content_hash": content_hash,
                          "published": _d(published), "outlet": outlet})
    places: dict[str, dict] = {}
    orgs: dict[str, dict] = {}
    persons: dict[str, dict] = {}
    seen_rel: dict[str, set] = {k: set() for k in out if k not in ("page",)}
    oscope = ids.outlet_scope(outlet)

    def add_rel(kind, key, row):
        if key in seen_rel[kind]:
            return False
        seen_rel[kind].add(key)
        out[kind].append(row)
        return True

    for ea in articles:
        a = ea.article
        aid = ids.article_id(source, a.start, a.end)   # the page's source: unique, unlike file names
        day = _d(a.published) or _d(published)
        a_outlet = a.outlet or outlet
        a_scope = ids.outlet_scope(a_outlet) if a_outlet != outlet else oscope

        # ---- places of the article: name/alias -> place id
        place_by_name: dict[str, str] = {}
        link_keys: list[str] = []    # the PART_OF/LOCATED_IN sightings this article feeds (for unloads)
        named: dict[str, None] = {}  # every person, organisation and place it names (for unloads)

        def place_node(name, code=None, level=None):
            pid_ = ids.place_id(name, code, a_scope)
            if pid_ not in places:
                places[pid_] = {"id": pid_, "name": ids.norm(name), "code": code or None, "level": level,
                                "scope": None if code else a_scope}
            elif level and not places[pid_]["level"]:
                places[pid_]["level"] = level
            named[pid_] = None
            return pid_

        for p in ea.places:
            if not p.name:
                continue
            pl = place_node(p.name, p.code, p.level)
            for n in [p.name, *p.aliases]:
                place_by_name.setdefault(ids.norm(n), pl)
            if p.parent or p.parent_code:
                par = place_node(p.parent or ids.scope_name(p.parent_code) or p.parent_code, p.parent_code)
                if par != pl:
                    if add_rel("part_of", (pl, par), {"s": pl, "t": par, "date": day, "article_id": aid}):
                        link_keys.append(f"P|{pl}|{par}")

        def resolve_place(name):
            n = ids.norm(name)
            if n in place_by_name:
                return place_by_name[n]
            code = _gaz_code(n, a_outlet)
            pl = place_node(n, code)
            place_by_name[n] = pl
            return pl

        # ---- organisations
        org_by_name: dict[str, str] = {}
        org_place: dict[str, tuple] = {}

        def org_node(name, kind=None, aliases=(), place=None):
            n = ids.norm(name)
            code = None
            if place:
                pl = resolve_place(place)
                code = places[pl]["code"]
            scope = ids.org_scope(n, a_outlet, code, place)
            oid = ids.organization_id(n, scope)
            al = sorted({ids.norm(x) for x in aliases if x and ids.norm(x) != n})
            if oid not in orgs:
                orgs[oid] = {"id": oid, "name": n, "scope": scope, "kind": kind, "aliases": al}
            else:
                o = orgs[oid]
                o["aliases"] = sorted(set(o["aliases"]) | set(al))
                o["kind"] = min(filter(None, (o["kind"], kind)), default=None)
            # what this article says of the organisation, so that an unload can take it back
            link_keys.extend(k for k in [f"K|{oid}|{kind}" if kind else None, *(f"A|{oid}|{x}" for x in al)]
                             if k and k not in link_keys)
            if place:
                if add_rel("located_in", (oid, pl), {"s": oid, "t": pl, "date": day, "article_id": aid}):
                    link_keys.append(f"L|{oid}|{pl}")
            named[oid] = None
            return oid

        for o in ea.organizations:
            if not o.name:
                continue
            if o.place:
                pl = resolve_place(o.place)
                org_place[ids.norm(o.name)] = (places[pl]["code"], o.place)
            oid = org_node(o.name, o.kind, o.aliases, o.place)
            for n in [o.name, *o.aliases]:
                org_by_name.setdefault(ids.norm(n), oid)

        def resolve_org(name, place=None):
            n = ids.norm(name)
            if n in org_by_name:
                return org_by_name[n]
            oid = org_node(n, place=place)
            org_by_name[n] = oid
            return oid

        # ---- persons (the identity rule is ids.person_scope)
        person_by_name: dict[str, str] = {}
        held_keys: list[str] = []

        def person_node(name, org_names=()):
            n = ids.norm(name)
            scope = ids.person_scope([ids.norm(x) for x in org_names if x], a_outlet, org_place)
            ppid = ids.person_id(n, scope)
            if ppid not in persons:
                persons[ppid] = {"id": ppid, "name": n, "scope": scope, "scope_name": ids.scope_name(scope)}
            named[ppid] = None
            return ppid

        for p in ea.persons:
            if not p.name:
                continue
            ppid = person_node(p.name, [t.organization for t in p.titles])
            person_by_name.setdefault(ids.norm(p.name), ppid)
            for t in p.titles:
                if not t.organization:
                    continue
                oid = resolve_org(t.organization)
                post = ids.norm(t.post or t.text) or "?"
                key = f"{ppid}|{oid}|{post}"
                if add_rel("held", (key, aid), {"s": ppid, "t": oid, "post": post, "title": ids.norm(t.text),
                                                "date": day, "article_id": aid}):
                    held_keys.append(key)

        def resolve_person(name, titles=()):
            n = ids.norm(name)
            if n in person_by_name:
                return person_by_name[n]
            ppid = person_node(n, titles)
            person_by_name[n] = ppid
            return ppid

        # ---- the article
        row = {"id": aid, "title": a.title, "kicker": a.kicker, "subtitle": a.subtitle, "published": day,
               "published_inferred": bool(a.published_inferred), "published_basis": a.published_basis,
               "published_precision": getattr(a, "published_precision", "day"),
               "source": source, "outlet": a_outlet, "start": a.start, "end": a.end,
               "kind": a.kind, "dateline": a.dateline, "reprint_source": a.reprint_source,
               "page_id": pid, "held": held_keys or None, "links": link_keys or None}
        if store_text:
            row["text"] = a.text
        from .posts.scan import article_props   # what the post register reads (kb posts build)
        row.update(article_props(ea, person_by_name))
        arow = _strip(row)
        out["articles"].append(arow)

        # ---- bylines
        credits = [(b.name, b.role, b.title, b.start, b.end) for b in a.bylines]
        if not credits:
            credits = ([(n, "reporter", None, None, None) for n in a.reporters]
                       + [(n, "correspondent", None, None, None) for n in a.correspondents]
                       + [(n, "author", None, None, None) for n in a.authors])
        for name, role, title, s, e in credits:
            if not ids.norm(name):
                continue
            ppid = resolve_person(name)
            add_rel("wrote", (ppid, aid), {"s": ppid, "t": aid, "props": _strip(
                {"role": role, "title": title, "date": day, "article_id": aid,
                 "evidence_start": s, "evidence_end": e})})

        # ---- events
        for ev in ea.events:
            evd = ev.evidence
            es, ee = (evd.start, evd.end) if evd else (None, None)
            eid = ids.event_id(aid, ev.type, ev.lead, ev.date, es, ee)
            if eid in seen_rel["events"]:
                continue
            seen_rel["events"].add(eid)
            rdate = _d(ev.date) or day
            out["events"].append({"article_id": aid, "date": rdate, "props": _strip({
                "id": eid, "type": ev.type, "trigger": ev.trigger, "date": _d(ev.date),
                "end_date": _d(ev.end_date), "date_precision": ev.date_precision, "date_text": ev.date_text,
                "name": ev.name,
                "summary": ev.summary, "planned": bool(ev.planned), "lead": ids.norm(ev.lead) or None,
                "article_id": aid, "published": day,
                "evidence": evd.sentence if evd else None, "evidence_start": es, "evidence_end": ee})})
            parts = list(ev.participants)
            if ev.lead and all(ids.norm(p.name) != ids.norm(ev.lead) for p in parts):
                from loaders.models import Participant
                parts.insert(0, Participant(name=ev.lead, role="lead"))
            for part in parts:
                if not ids.norm(part.name):
                    continue
                ppid = resolve_person(part.name, part.titles)
                add_rel("participated_in", (ppid, eid), {"s": ppid, "t": eid, "props": _strip(
                    {"role": part.role, "titles": [t for t in part.titles if t] or None, "date": rdate,
                     "article_id": aid, "evidence_start": es, "evidence_end": ee})})
            for site in ev.sites:
                n = ids.norm(site.name)
                if not n:
                    continue
                sev = site.evidence
                props = _strip({"order": site.order, "date": rdate, "name": site.name, "article_id": aid,
                                "evidence_start": sev.start if sev else None,
                                "evidence_end": sev.end if sev else None})
                if n in place_by_name:
                    add_rel("visited_place", (eid, place_by_name[n]), {"s": eid, "t": place_by_name[n], "props": props})
                else:
                    oid = resolve_org(n, site.place)
                    add_rel("visited_org", (eid, oid), {"s": eid, "t": oid, "props": props})
            for pname in ev.places:
                if not ids.norm(pname):
                    continue
                pl = resolve_place(pname)
                add_rel("in", (eid, pl), {"s": eid, "t": pl, "props": _strip(
                    {"date": rdate, "article_id": aid, "evidence_start": es, "evidence_end": ee})})

        arow["entities"] = sorted(named)   # complete only now: bylines and events name more

    out["places"] = [_strip(p) for p in places.values()]
    out["organizations"] = [_strip(o) | {"aliases": o["aliases"]} for o in orgs.values()]
    out["persons"] = [_strip(p) for p in persons.values()]
    return out


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
