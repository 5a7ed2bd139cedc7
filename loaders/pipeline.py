"""The pipeline top to bottom: file → text (in simplified characters) → issue date → articles → extracted facts.

``extract_text`` is pure: (page text, issue date, outlet) in, articles out. ``extract_path`` adds
reading and the issue date; ``iter_paths`` runs a batch (files and directories) and yields one
result per file, so a bad file never stops the batch.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Iterator, Optional

from .errors import InputError

from . import extract as _extract
from .script import simplified
from .issue_date import IssueInfo, read_manifest, resolve_issue
from .layout import looks_like_web, segment_page, segment_web
from .models import Article, ExtractedArticle
from .reading import expand_paths, read_source

LAYOUTS = ("auto", "page", "web")


def segment_text(text: str, source: str = "<text>", issue_date: Optional[date] = None,
                 outlet: Optional[str] = None, *, published_inferred: bool = False,
                 published_basis: str = "given", layout: str = "auto") -> list[Article]:
    """Segment ``text`` into articles (no fact extraction). ``layout``: auto | page | web."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}")
    text = simplified(text)   # a traditional text read as simplified, one character for one
    return _segment(text, source, dict(published=issue_date, inferred=published_inferred, basis=published_basis,
                                       outlet=outlet), layout, _is_web(text, layout))


def _is_web(text: str, layout: str) -> bool:
    return layout == "web" or (layout == "auto" and looks_like_web(text))


def _segment(text: str, source: str, meta: dict, layout: str, web: bool) -> list[Article]:
    if not _has_words(text):
        raise InputError(f"{source}: no recognisable article: no words on the page (only punctuation, digits "
                         "or symbols)",
                         hint="is this a newspaper page or article text?")
    if web:
        arts = segment_web(text, source, **meta)
    else:
        arts = segment_page(text, source, **meta)
        if layout == "auto" and _has_prose(text) and (not arts or _covers(arts, text) < _MIN_PAGE_COVER):
            # no byline, dateline or commentary anchor, or anchors that leave most of the prose out
            # (a headline-less article closed by credit lines): one article per file
            arts = segment_web(text, source, **meta) or arts
    if not arts:
        raise InputError(f"{source}: no recognisable article (no byline, dateline, title or prose paragraph)",
                         hint="is this a newspaper page or article text?")
    return arts


# the share of a file's characters a page layout must place in articles before it is believed
_MIN_PAGE_COVER = 0.5


def _covers(arts: list[Article], text: str) -> float:
    """The share of the file's non-blank characters inside the articles' spans."""
    total = sum(1 for c in text if not c.isspace())
    inside = sum(1 for a in arts for c in text[a.start:a.end] if not c.isspace())
    return inside / total if total else 1.0


def _has_words(text: str, at_least: int = 4) -> bool:
    """Letters (Chinese characters count) somewhere on the page: punctuation and digits are no article."""
    n = 0
    for c in text:
        if c.isalpha():
            n += 1
            if n >= at_least:
                return True
    return False


def _has_prose(text: str) -> bool:
    """At least one sentence-like line: 10+ characters with Chinese sentence punctuation."""
    for line in text.splitlines():
        t = line.strip()
        if len(t) >= 10 and any(p in t for p in "。，,；！？"):
            return True
    return False


def extract_text(text: str, source: str = "<text>", issue_date: Optional[date] = None,
                 outlet: Optional[str] = None, *, published_inferred: bool = False,
                 published_basis: str = "given", layout: str = "auto",
                 published_precision: str = "day") -> list[ExtractedArticle]:
    """Pure: text + issue date (known to the day, month or year) + outlet → extracted articles."""
    arts = segment_text(text, source, issue_date, outlet, published_inferred=published_inferred,
                        published_basis=published_basis, layout=layout)
    for a in arts:
        a.published_precision = published_precision
    return [_extract.extract_facts(a) for a in arts]


def _load_manifest(manifest):
    if manifest is None or isinstance(manifest, dict):
        return manifest
    return read_manifest(manifest)


def extract_path(path, published=None, manifest=None, outlet: Optional[str] = None,
                 layout: str = "auto") -> list[ExtractedArticle]:
    """Read one file and extract its articles. Raises InputError for a bad file."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}")
    src = read_source(path)
    text = simplified(src.text)   # a traditional text read as simplified, one character for one
    web = _is_web(text, layout)
    info = resolve_issue(src.name, text, published=published, manifest=_load_manifest(manifest),
                         outlet=outlet, web=web)
    meta = dict(published=info.published, inferred=info.inferred, basis=info.basis, outlet=info.outlet)
    try:
        arts = _segment(text, src.name, meta, layout, web)
        for a in arts:
            a.published_precision = info.precision
    except InputError as e:   # name the path as given, like the reading errors
        msg = str(e)
        if msg.startswith(src.name + ": "):
            msg = msg[len(src.name) + 2:]
        raise InputError(f"{path}: {msg}", hint=e.hint) from None
    return [_extract.extract_facts(a) for a in arts]


def issue_for(name: str, text: str, published=None, manifest=None, outlet=None, layout="auto") -> IssueInfo:
    return resolve_issue(name, text, published=published, manifest=manifest, outlet=outlet,
                         web=_is_web(text, layout))


@dataclass
class FileResult:
    path: str
    articles: list[ExtractedArticle] = field(default_factory=list)
    error: Optional[InputError] = None

    @property
    def ok(self) -> bool:
        return self.error is None


def iter_paths(paths, published=None, manifest=None, outlet: Optional[str] = None,
               layout: str = "auto") -> Iterator[FileResult]:
    """Extract every file under ``paths`` (directories recurse over *.txt); one result per file."""
    man = _load_manifest(manifest)
    for p in expand_paths(paths):
        try:
            arts = extract_path(p, published=published, manifest=man, outlet=outlet, layout=layout)
            yield FileResult(str(p), arts)
        except InputError as e:
            yield FileResult(str(p), [], e)


RECORD_ARTICLE_FIELDS = (
    "source", "published", "published_inferred", "published_basis", "outlet", "kind", "kicker", "title",
    "subtitle", "reporters", "correspondents", "authors", "bylines", "dateline", "reprint_source", "jumps",
    "text", "paragraphs", "captions", "tables", "published_precision",
)
RECORD_FACT_FIELDS = ("persons", "organizations", "places", "events")


def to_record(ea: ExtractedArticle) -> dict:
    """One JSON record per article: the documented contract (schema/extract.schema.json)."""
    from .models import to_jsonable

    art = to_jsonable(ea.article)
    rec: dict = {"source": art["source"], "offsets": {"start": art["start"], "end": art["end"]}}
    for k in RECORD_ARTICLE_FIELDS[1:]:
        rec[k] = art.get(k)
    for k in RECORD_FACT_FIELDS:
        rec[k] = [to_jsonable(x) for x in getattr(ea, k, [])]
    # person-level organisation and post (properties, which asdict skips)
    for d, person in zip(rec.get("persons", []), ea.persons):
        d["organization"] = person.organization
        d["post"] = person.post
    # anything the extraction stage adds to ExtractedArticle is passed through
    for f in fields(ea):
        if f.name != "article" and f.name not in rec:
            rec[f.name] = to_jsonable(getattr(ea, f.name))
    return rec
