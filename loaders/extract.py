"""Knowledge extraction from one article (persons, organisations, places, events).

Placeholder until the extraction stage lands: returns the article with no facts.
"""
from __future__ import annotations

from .models import Article, ExtractedArticle


def extract_facts(article: Article) -> ExtractedArticle:
    """Extract persons, organisations, places and dated events from ``article``."""
    return ExtractedArticle(article=article)
