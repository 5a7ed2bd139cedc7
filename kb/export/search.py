"""Full-text search over article bodies (``kb search``): the articles, their date and outlet, and the
sentence that matches. A plain word (no Lucene syntax) is searched as a phrase, so 小龙虾 does not
also match every 小龙 … or 龙虾 on its own (the CJK analyser indexes character bigrams)."""
from __future__ import annotations

import re

from .. import queries

_SYNTAX = re.compile(r'["*?~()\[\]{}:^\\/]|\s|\b(AND|OR|NOT)\b|[+\-!]')
_SENTENCE = re.compile(r"[^。！？!?；;\n]*[。！？!?；;]?")
_WORD = re.compile(r"[\w\u3400-\u9fff]+")


def lucene(q: str) -> str:
    q = (q or "").strip()
    return f'"{q}"' if q and not _SYNTAX.search(q) else q


def sentence(text: str | None, q: str) -> str | None:
    """The first sentence of ``text`` holding the query's longest word (else any of its words)."""
    if not text:
        return None
    words = sorted({w for w in _WORD.findall(q) if w not in ("AND", "OR", "NOT")}, key=len, reverse=True)
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    for w in words:
        for s in sentences:
            if w in s:
                return s
    return None


def search(driver, database: str, q: str, date_from=None, date_to=None, outlet=None, limit=None) -> list[dict]:
    params = {"q": lucene(q), "from": date_from, "to": date_to, "outlet": outlet, "limit": limit}
    rows = queries.run(driver, database, "search_text", params)
    out = []
    for r in rows:
        text = r.pop("text")
        r["sentence"] = sentence(text, q)
        out.append(r)
    return out
