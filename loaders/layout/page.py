"""``segment_page``: a newspaper page (text flattened from a page PDF) → its articles, in page order.

The layout rules, all general (no names of people, places or papers), by pass:

* **classify** (classify.py, blocks.py): bylines (``<outlet>记者 NAME…``), datelines (``<outlet>讯``,
  ``<outlet><place><date>电``), jump markers (下转A2版, Chinese numerals too), captions (``… 供图``, ``… 摄``),
  masthead and page furniture (page numbers anywhere, editor credits, section names, the running header
  of a later page in the same file), tables (≥ 2 lines of ≥ 2 cells, or one cell per line), columns of
  short items (简讯; a column head or a chronicle's head over untitled items titles the one article they
  make) and commentaries' pen names (■ 某 某, 本报评论员; never a line of a list of names or groups);
  a continuation marker opening a paragraph ((上接第1版)text…) starts the tail of its story.
* **plan** (plan.py): a title block before a header goes to the previous article (title after its body)
  or the next (title before), decided over a whole run of articles so every article gets one title.
* **assemble** (assemble.py): anchors (byline header, dateline, pen name, jump marker, column item, the
  page end) cut the page into drafts; title blocks (title_blocks.py) are runs of at most five short
  lines whose line above ends a paragraph.
* **briefs** (briefs.py): photo news, a brief at the top of the page, untitled briefs inside a body,
  reprints closed by their source ((据新华社)); a block after 名单如下： or holding names is a list.
* **build** (build.py): each draft → ``Article`` with text, char map, kicker/title/subtitle, credits;
  stray captions and the page's editor credits attached; jumps joined (下转 … 上接).

Word lists are lexicon data files (loaders/lexicon/data). Everything keeps source offsets.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

from ..models import Article
from .assemble import assemble
from .build import attach_closing_bylines, attach_furniture, attach_stray_captions, build, join_jumps
from .classify import classify
from .plan import plan_titles


def segment_page(src: str, source: str = "<text>", published: Optional[date] = None, inferred: bool = True,
                 basis: str = "unknown", outlet: Optional[str] = None) -> list[Article]:
    """Segment a page; return its articles in page order (empty when none is recognisable)."""
    pl = classify(src)
    drafts = assemble(pl, plan_titles(pl))
    out = []
    for d in drafts:
        art = build(pl, d, source, published, inferred, basis, outlet)
        if art.text or art.title:
            out.append(art)
        elif out and art.bylines:
            attach_closing_bylines(out[-1], art.bylines)
    attach_stray_captions(src, out, [cap for _, cap in pl.captions])
    attach_furniture(out, [b for i in sorted(pl.furniture) for b in pl.furniture[i]])
    return join_jumps(out)
