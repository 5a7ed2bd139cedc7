"""Fact metrics for ``kb eval``: persons, titles, inspections, inspection sites, meetings.

``score_page(gold_page, extracted)`` returns ``{metric: Counts}`` for one page; kb/eval.py sums the
counts over pages (micro-average). Matching rules:

- persons: the set of predicted names on the page against the gold names (exact, spaces dropped).
- titles: recall only (fp = 0). For every gold person that was found, each gold title counts as found
  when one of the predicted titles of that person matches it: equal after normalisation, or one contains
  the other and the shorter has at least 4 characters (院感科主任 ⊂ 市中心医院院感科主任), or the
  predicted title ends with the gold post (株洲日报记者 for 记者) and not with its deputy (副市长 ≠ 市长).
- inspections: (lead person, start day) pairs, one per official and day, one-to-one. A prediction
  dated only approximately (日前/近日: an interval ending on the issue date) matches a gold day of the
  same lead inside its interval; an undated one (year unknown) matches an undated gold visit.
- sites: within each matched inspection, gold and predicted sites are matched one-to-one, in order,
  when their normalised names are equal or one contains the other (at least 2 characters). Sites of a
  missed gold inspection count as missed; sites of a spurious predicted inspection count as extra.
- meetings: a predicted meeting (event type ``meeting``) matches a gold one when the start days are equal
  and either the normalised names contain one another or both name the same chair; one-to-one.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from .eval_metrics import Counts, normalize


def _d(x) -> Optional[str]:
    if x is None:
        return None
    if isinstance(x, date):
        return x.isoformat()
    return str(x)[:10]


def _name(s: Optional[str]) -> str:
    return normalize(s or "")


def title_matches(gold: str, pred: str) -> bool:
    g, p = _name(gold), _name(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    if len(short) >= 4 and short in long_:
        return True
    if p.endswith(g) and not p.endswith("副" + g) and len(g) >= 2:
        return True
    return False


def _contains(a: str, b: str, min_len: int = 2) -> bool:
    a, b = _name(a), _name(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= min_len and short in long_


def _match_lists(gold: list[str], pred: list[str]) -> int:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and _contains(g, p):
                used.add(j)
                tp += 1
                break
    return tp


def _events(extracted, typ: str):
    out = []
    for ea in extracted:
        for ev in getattr(ea, "events", []) or []:
            if ev.type == typ:
                out.append(ev)
    return out


def _find_pred(key, preds: dict, matched: set):
    """The prediction key for a gold (lead, day): the same key, else the same lead's approximate
    interval holding the day."""
    if key in preds and key not in matched:
        return key
    if key[1] is None:
        return None
    for k, ev in preds.items():
        if k[0] == key[0] and k not in matched and getattr(ev, "date_precision", None) == "approximate" and \
                ev.date is not None and _d(ev.date) <= key[1] <= _d(ev.end_date or ev.date):
            return k
    return None


def score_page(gold_page: dict, extracted: list) -> dict[str, Counts]:
    """Counts per metric (persons, titles, inspections, sites, meetings) for the metrics the gold page has."""
    res: dict[str, Counts] = {}
    if "persons" in gold_page:
        res.update(_score_persons(gold_page, extracted))
    if "inspections" in gold_page:
        res.update(_score_inspections(gold_page, extracted))
    if "meetings" in gold_page:
        res["meetings"] = _score_meetings(gold_page, extracted)
    return res


def _score_persons(gold_page: dict, extracted: list) -> dict[str, Counts]:
    """Persons by name, and the gold titles of the persons found."""
    pred_persons: dict[str, list[str]] = {}
    for ea in extracted:
        for p in getattr(ea, "persons", []) or []:
            titles = pred_persons.setdefault(_name(p.name), [])
            titles.extend(t.text if hasattr(t, "text") else str(t) for t in p.titles)
    gold_persons = {_name(p["name"]): p.get("titles") or [] for p in gold_page.get("persons", [])}
    tp = len(set(gold_persons) & set(pred_persons))
    persons = Counts(tp, len(set(pred_persons) - set(gold_persons)), len(set(gold_persons) - set(pred_persons)))
    t = Counts()
    for n, gts in gold_persons.items():
        if n not in pred_persons:
            continue
        for g in gts:
            if any(title_matches(g, p) for p in pred_persons[n]):
                t.tp += 1
            else:
                t.fn += 1
    return {"persons": persons, "titles": t}


def _score_inspections(gold_page: dict, extracted: list) -> dict[str, Counts]:
    """Inspections by lead and day (an approximate interval holds the day), and the sites of those matched."""
    preds = {}
    for ev in _events(extracted, "inspection"):
        key = (_name(ev.lead), _d(ev.date))
        if key not in preds:
            preds[key] = ev
        else:  # same official and day in two articles: keep both sites lists
            preds[key].sites = list(preds[key].sites) + [s for s in ev.sites if all(
                not _contains(s.name, o.name) for o in preds[key].sites)]
    insp = Counts()
    sites = Counts()
    matched: set = set()
    for g in gold_page.get("inspections", []):
        key = _find_pred((_name(g.get("person")), _d(g.get("date"))), preds, matched)
        gsites = list(g.get("sites") or [])
        if key is not None:
            matched.add(key)
            insp.tp += 1
            psites = [s.name for s in preds[key].sites]
            k = _match_lists(gsites, psites)
            sites.tp += k
            sites.fn += len(gsites) - k
            sites.fp += len(psites) - k
        else:
            insp.fn += 1
            sites.fn += len(gsites)
    for key, ev in preds.items():
        if key not in matched:
            insp.fp += 1
            sites.fp += len(ev.sites)
    return {"inspections": insp, "sites": sites}


def _month_day(text: Optional[str]) -> Optional[tuple[int, int]]:
    """(month, day) of a date as written (8月27日), else None."""
    m = re.search(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]", text or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _same_day(ev, day: Optional[str]) -> bool:
    """A predicted event on ``day``: the same date, or an approximate interval (日前/近日) holding it."""
    if _d(ev.date) == day:
        return True
    return day is not None and ev.date is not None and getattr(ev, "date_precision", None) == "approximate" \
        and _d(ev.date) <= day <= _d(ev.end_date or ev.date)


def _match_meetings(gold_page: dict, extracted: list) -> tuple[list, list[Optional[int]]]:
    """The predicted meetings and, per gold meeting, the index of the prediction it matches: the same
    day (an approximate interval holding it, as for visits) and the name contained, or the same chair. A meeting whose year nothing gives (date null)
    matches an undated prediction of the same month and day as written."""
    preds = [ev for ev in _events(extracted, "meeting") if ev.date is not None or _month_day(ev.date_text)]
    used: set[int] = set()
    hits: list[Optional[int]] = []
    for g in gold_page.get("meetings", []):
        hit = None
        for j, ev in enumerate(preds):
            if j in used or not _same_day(ev, _d(g.get("date"))):
                continue
            if ev.date is None and _month_day(ev.date_text) != _month_day(g.get("date_text")):
                continue
            if _contains(g.get("name") or "", ev.name or "", 2) or \
                    (g.get("chair") and ev.lead and _name(g["chair"]) == _name(ev.lead)):
                hit = j
                break
        if hit is not None:
            used.add(hit)
        hits.append(hit)
    return preds, hits


def _score_meetings(gold_page: dict, extracted: list) -> Counts:
    preds, hits = _match_meetings(gold_page, extracted)
    tp = sum(h is not None for h in hits)
    return Counts(tp=tp, fp=len(preds) - tp, fn=len(hits) - tp)


def explain_page(gold_page: dict, extracted: list) -> dict[str, dict[str, list[str]]]:
    """Why a page scores what it does: per metric, the gold items missed and the predicted items that
    match nothing (persons by name; inspections as lead@day; sites as lead@day: site; meetings as
    name@day (chair))."""
    out: dict[str, dict[str, list[str]]] = {}
    pred_persons = {_name(p.name) for ea in extracted for p in getattr(ea, "persons", []) or []}
    if "persons" in gold_page:
        gold_persons = {_name(p["name"]) for p in gold_page.get("persons", [])}
        out["persons"] = {"missed": sorted(gold_persons - pred_persons), "extra": sorted(pred_persons - gold_persons)}
    if "inspections" in gold_page:
        evs: dict = {}
        preds: dict = {}
        for ev in _events(extracted, "inspection"):
            k = (_name(ev.lead), _d(ev.date))
            evs.setdefault(k, ev)
            have = preds.setdefault(k, [])   # the same lead and day twice: sites merged as the scorer does
            have.extend(s.name for s in ev.sites if all(not _contains(s.name, o) for o in have))
        gold = {(_name(g.get("person")), _d(g.get("date"))): list(g.get("sites") or [])
                for g in gold_page.get("inspections", [])}
        fmt = lambda k: f"{k[0]}@{k[1] or 'undated'}"   # noqa: E731
        matched: set = set()
        pair = {}
        for k in gold:
            pk = _find_pred(k, evs, matched)
            if pk is not None:
                matched.add(pk)
                pair[k] = pk
        out["inspections"] = {"missed": [fmt(k) for k in gold if k not in pair],
                              "extra": [fmt(k) for k in preds if k not in matched]}
        ms, xs = [], []
        for k, gs in gold.items():
            ps = preds.get(pair.get(k), []) if k in pair else []
            used: set[int] = set()
            for g in gs:
                j = next((j for j, p in enumerate(ps) if j not in used and _contains(g, p)), None)
                if j is None:
                    ms.append(f"{fmt(k)}: {g}")
                else:
                    used.add(j)
            xs += [f"{fmt(k)}: {p}" for j, p in enumerate(ps) if j not in used]
        xs += [f"{fmt(k)}: {p}" for k, ps in preds.items() if k not in matched for p in ps]
        out["sites"] = {"missed": ms, "extra": xs}
    if "meetings" in gold_page:
        preds_m, hits = _match_meetings(gold_page, extracted)
        gold_m = gold_page.get("meetings", [])
        fmt_m = lambda ev_or_g, d, who: f"{ev_or_g}@{d or 'undated'} ({who or '-'})"   # noqa: E731
        out["meetings"] = {
            "missed": [fmt_m(g.get("name"), _d(g.get("date")) or g.get("date_text"), g.get("chair"))
                       for g, h in zip(gold_m, hits) if h is None],
            "extra": [fmt_m(ev.name, _d(ev.date) or ev.date_text, ev.lead)
                      for j, ev in enumerate(preds_m) if j not in set(hits)]}
    return out
