"""Knowledge extraction from one article: persons, organisations, places and dated events.

A pure function of the article (its text, issue date and outlet). Word lists are in ``loaders/lexicon/data``; the
gazetteer is jionlp's shipped division tree. See mentions/, titles.py, gazetteer.py, dates.py and
events.py for the grammars.
"""
from __future__ import annotations

from .events import extract_events
from .mentions import find_person_mentions, organizations_of, persons_of
from .models import Article, ExtractedArticle, Place
from .taggers import add_tagger_persons


def places_of(article: Article, taken: set[int]) -> list[Place]:
    from .gazetteer import gazetteer
    from .titles import scope_for

    g = gazetteer()   # jionlp is a dependency: a missing gazetteer is an install error, never "no places"

    region = scope_for(article.outlet).region
    out: dict[int, Place] = {}
    for a, b, d in g.find(article.text, region):
        if any(k in taken for k in range(a, b)):
            continue
        written = article.text[a:b]
        p = out.get(d)
        if p is None:
            parent = g.parent(d)
            p = out[d] = Place(
                name=g.full_name(d), code=g.codes[d], level=g.level(d),
                parent=g.full_name(parent) if parent is not None else None,
                parent_code=g.codes[parent] if parent is not None else None)
        if written not in p.aliases:
            p.aliases.append(written)
        if len(p.evidence) < 3:
            p.evidence.append(article.evidence(a, b))
    return list(out.values())


def extract_facts(article: Article) -> ExtractedArticle:
    """Extract persons, organisations, places and dated events from ``article``."""
    mentions = find_person_mentions(article.text or "")
    persons = persons_of(article, mentions)
    orgs = organizations_of(article, persons)
    taken = {k for m in mentions for k in range(m.start, m.end)}
    places = places_of(article, taken)
    events = extract_events(article, mentions, persons) if article.text else []
    persons = add_tagger_persons(article, persons, orgs, places, events)   # opt-in (--tagger), one signal
    return ExtractedArticle(article=article, persons=persons, organizations=orgs, places=places, events=events)
