"""The page layout's entry point and grammar, where callers have always found them.

The layout itself is the package loaders/layout (one module per pass); this module re-exports
``segment_page`` and the grammar the web layout, the issue date and the tests use.
"""
from .layout.grammar import (DATELINE_DIAN_RE, DATELINE_XUN_RE, HOME_OUTLETS, Dateline, caption_bylines,
                             is_masthead, is_page_header, match_dateline, norm_title, parse_credits)
from .layout.page import segment_page

__all__ = ["segment_page", "parse_credits", "match_dateline", "Dateline", "caption_bylines", "is_masthead",
           "is_page_header", "norm_title", "HOME_OUTLETS", "DATELINE_XUN_RE", "DATELINE_DIAN_RE"]
