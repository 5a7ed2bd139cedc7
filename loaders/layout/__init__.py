"""Layout: text → articles (no issue metadata). The passes, in reading order:

grammar (credits, datelines, jump markers) → lines (PageLines, LineKind) → classify (line classifiers,
then block passes: blocks) → plan (titles before or after) → assemble (anchors → drafts) → briefs →
build (draft → Article) → page.segment_page; web.segment_web for one article per file.
"""
from .page import segment_page
from .web import looks_like_web, segment_web

__all__ = ["segment_page", "segment_web", "looks_like_web"]
