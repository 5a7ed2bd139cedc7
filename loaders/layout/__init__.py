"""Layout: text → articles (no issue metadata). The passes, in reading order:

grammar (credits, datelines, jump markers) → lines (PageLines, LineKind) → classify (line classifiers,
then block passes) → plan (titles before or after) → assemble (anchors → drafts) → briefs → build
(draft → Article) → page.segment_page; web.segment_web for one article per file.
"""
