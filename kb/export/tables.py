"""The tidy tables of ``kb export``: their columns (the data dictionary) and how a row is made.

Each table is one named query (``cypher/export_*.cypher``) streamed from a READ transaction and
turned into flat rows: one value per cell, ISO dates, ids that join (``event_id``, ``article_id``,
``person_id``, ``organization_id``, ``place_id``, GB/T 2260 codes). docs/exports.md documents every
column; tests/test_export.py checks it against the files written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import geo


@dataclass(frozen=True)
class Column:
    name: str
    type: str          # string | int | date | bool
    doc: str


@dataclass(frozen=True)
class Table:
    name: str
    query: str                        # the named query in cypher/
    doc: str
    columns: tuple[Column, ...]
    row: Callable[[dict], dict] = lambda r: r
    filters: tuple[str, ...] = ("from", "to")

    @property
    def spec(self) -> list[tuple[str, str]]:
        return [(c.name, c.type) for c in self.columns]


def C(name, typ, doc):
    return Column(name, typ, doc)


def _one(values):
    """The single distinct value, else None (a visit over two counties has no one county)."""
    values = {v for v in values if v}
    return values.pop() if len(values) == 1 else None


def visit_row(r: dict) -> dict:
    names = {c: n for c, n in (r.pop("codes") or [])}
    counties = {geo.county(c) for c in names} - {None}
    county = _one(counties)
    pref = _one(geo.prefecture(c) for c in names)
    titles = r.pop("lead_titles") or []
    r.update(lead_title="、".join(t for t in titles if t) or None,
             county_code=county, county_name=(names.get(county) or geo.name(county)) if county else None,
             prefecture_code=pref, prefecture_name=(names.get(pref) or geo.name(pref)) if pref else None,
             province_code=_one(geo.province(c) for c in names), n_counties=len(counties))
    return r


def site_row(r: dict) -> dict:
    code = r.get("place_code")
    r.update(place_level=geo.level(code), county_code=geo.county(code), prefecture_code=geo.prefecture(code))
    return r


VISITS = Table("visits", "export_visits", "One row per inspection visit (an event of type inspection).", (
    C("event_id", "string", "Event id; joins events, participants, visit-sites."),
    C("article_id", "string", "The reporting article; joins articles."),
    C("outlet", "string", "The newspaper or site that printed it."),
    C("published", "date", "Issue date of the article."),
    C("date", "date", "First day of the visit (empty when the article gives none)."),
    C("end_date", "date", "Last day of a visit over several days, else empty."),
    C("date_precision", "string", "day, month or year: how exactly the date is known."),
    C("trigger", "string", "The verb that reported it (调研, 督导, 考察 …)."),
    C("lead_person_id", "string", "The lead official; joins people, posts, participants."),
    C("lead_name", "string", "The lead official's name as printed."),
    C("lead_title", "string", "The lead's title(s) that day: as written next to the name, else the posts "
                              "seen in that article or held on that day (several joined with 、)."),
    C("n_sites", "int", "Number of sites visited (rows in visit-sites)."),
    C("county_code", "string", "GB/T 2260 code of the county-level division of every site and the trip "
                               "area; empty when they lie in several counties or none is known."),
    C("county_name", "string", "Name of that county."),
    C("prefecture_code", "string", "GB/T 2260 code of the prefecture (the same rule)."),
    C("prefecture_name", "string", "Name of that prefecture."),
    C("province_code", "string", "GB/T 2260 code of the province (the same rule)."),
    C("n_counties", "int", "How many distinct counties the sites and trip area lie in."),
    C("n_accompanying", "int", "Number of officials who accompanied the lead."),
    C("evidence", "string", "The sentence the visit was read from."),
), visit_row)

VISIT_SITES = Table("visit-sites", "export_visit_sites", "One row per (visit, site), in visit order.", (
    C("event_id", "string", "The visit; joins visits and events."),
    C("date", "date", "First day of the visit."),
    C("order", "int", "Position of the site in the visit, from 1."),
    C("site", "string", "The site as written."),
    C("site_id", "string", "The node the site resolved to (place:… / plc:… a Place, org:… an Organization)."),
    C("site_kind", "string", "place or organization."),
    C("place_id", "string", "The Place the site is (or is located in), when known."),
    C("place_name", "string", "Its full name."),
    C("place_code", "string", "GB/T 2260 code of the nearest coded division the site lies in."),
    C("place_level", "string", "Level of that code: county, prefecture or province."),
    C("county_code", "string", "The county-level code of place_code, when it is one."),
    C("prefecture_code", "string", "The prefecture of place_code."),
), site_row)

PEOPLE = Table("people", "export_people", "One row per person.", (
    C("person_id", "string", "Person id (name + region scope); joins visits, posts, participants."),
    C("name", "string", "Name as printed."),
    C("scope_code", "string", "GB/T 2260 code of the region that tells namesakes apart."),
    C("scope_name", "string", "Name of that region."),
    C("n_events", "int", "Events the person took part in, in any role."),
    C("n_visits_led", "int", "Inspection visits the person led."),
    C("first_date", "date", "First day of those events."),
    C("last_date", "date", "Last day of those events."),
), filters=())

POSTS = Table("posts", "export_posts", "One row per (person, organisation, post) held.", (
    C("person_id", "string", "Joins people."),
    C("person_name", "string", "Name as printed."),
    C("organization_id", "string", "The organisation; its id."),
    C("organization_name", "string", "Its name."),
    C("post", "string", "The post (书记, 市长 …)."),
    C("title", "string", "The title as written (市委书记 …)."),
    C("first_seen", "date", "First day the post was seen (issue date of the article)."),
    C("last_seen", "date", "Last day it was seen."),
    C("first_article_id", "string", "The article of the first sighting; joins articles."),
    C("last_article_id", "string", "The article of the last sighting."),
    C("mentions", "int", "Number of articles that mention it."),
), filters=())

EVENTS = Table("events", "export_events", "One row per event of any type.", (
    C("event_id", "string", "Event id."),
    C("type", "string", "inspection, meeting, …"),
    C("article_id", "string", "The reporting article; joins articles."),
    C("published", "date", "Issue date of the article."),
    C("date", "date", "First day of the event."),
    C("end_date", "date", "Last day of a multi-day event."),
    C("date_precision", "string", "day, month or year."),
    C("planned", "bool", "true for an announced, future event."),
    C("trigger", "string", "The word that reported it."),
    C("name", "string", "The event's name (meetings)."),
    C("summary", "string", "A one-line summary."),
    C("lead_person_id", "string", "The lead or chair; joins people."),
    C("lead_name", "string", "Their name."),
    C("n_participants", "int", "Persons in any role (rows in participants)."),
    C("n_sites", "int", "Sites visited."),
    C("n_places", "int", "Places it took place in."),
    C("evidence", "string", "The sentence it was read from."),
    C("evidence_start", "int", "Offset of that sentence in the article's source text."),
    C("evidence_end", "int", "End offset."),
), filters=("from", "to", "type"))

ARTICLES = Table("articles", "export_articles", "One row per article.", (
    C("article_id", "string", "Article id."),
    C("page_id", "string", "The page (source file) it was cut from."),
    C("outlet", "string", "Newspaper or site."),
    C("published", "date", "Issue date."),
    C("published_inferred", "bool", "true when the issue date was inferred from the text."),
    C("title", "string", "Headline."),
    C("subtitle", "string", "Subtitle."),
    C("kicker", "string", "Kicker (引题)."),
    C("kind", "string", "Kind of article (news, brief …)."),
    C("dateline", "string", "Dateline as printed."),
    C("source", "string", "Source file."),
    C("start_offset", "int", "Start offset in the source file."),
    C("end_offset", "int", "End offset."),
    C("n_chars", "int", "Length of the body (empty when loaded with --no-text)."),
    C("n_events", "int", "Events it reports."),
))

PARTICIPANTS = Table("participants", "export_participants", "One row per (event, person, role).", (
    C("event_id", "string", "Joins events and visits."),
    C("type", "string", "The event's type."),
    C("date", "date", "The event's first day."),
    C("person_id", "string", "Joins people."),
    C("person_name", "string", "Name as printed."),
    C("role", "string", "lead, accompanying, chair, attendee …"),
    C("title", "string", "Title(s) written next to the name in that event (joined with 、)."),
))

TABLES = {t.name: t for t in (VISITS, VISIT_SITES, PEOPLE, POSTS, EVENTS, ARTICLES, PARTICIPANTS)}
