"""The rows of :func:`kb.page_rows.page_rows` as files for ``neo4j-admin database import full``.

The graph is the one ``kb load`` writes, property for property:

* page-owned nodes and relationships (Page, Article, Event, CONTAINS, REPORTS, PARTICIPATED_IN,
  VISITED, IN, WROTE) are written as they are, one line per row (:func:`page_lines`, run by the
  extraction workers);
* shared nodes (Person, Organization, Place) and the aggregated relationships (HELD, PART_OF,
  LOCATED_IN) are merged in the main process by :class:`Shared`, which applies the rules of the MERGE
  statements of :mod:`kb.graph` (``W_PLACES``, ``W_ORGS``, ``W_PERSONS``, ``_SEEN``, ``W_HELD``) to the
  rows in input order, null comparisons included.

Every column is typed (dates ``date``, counts and offsets ``long``, flags ``boolean``, lists
``string[]``). Strings are always quoted (an empty string stays an empty string); a missing value is an
empty unquoted field (no property), as CREATE leaves out nulls.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import graph

ARRAY_DELIMITER = "\x1e"       # U+001E: never in kb's values (kb/posts uses U+001F inside its strings)
TYPES = {**dict.fromkeys(["date", "end_date", "published", "first_seen", "last_seen"], "date"),
         **dict.fromkeys(["published_inferred", "planned"], "boolean"),
         **dict.fromkeys(["start", "end", "evidence_start", "evidence_end", "order", "mentions"], "long"),
         **dict.fromkeys(["held", "links", "entities", "aliases", "titles", "article_ids", "post_titles",
                          "post_acts", "post_refs"], "string[]")}

# label → its property columns (the first is the id); from kb.graph where it names them
NODES = {
    "Page": ["id", "source", "content_hash", "published", "outlet", "path"],
    "Article": graph.ARTICLE_PROPS,
    "Event": graph.EVENT_PROPS,
    "Person": ["id", "name", "scope", "scope_name"],
    "Organization": ["id", "name", "scope", "kind", "aliases"],
    "Place": ["id", "name", "code", "level", "scope"],
}
SEEN = ["date", "article_id", "last_seen", "last_article_id"]
HELD = ["post", "title", "first_seen", "last_seen", "article_id", "last_article_id", "article_ids", "mentions"]
# file → (relationship type, start label, end label, property columns)
RELS = {
    "contains": ("CONTAINS", "Page", "Article", ["date", "article_id"]),
    "reports": ("REPORTS", "Article", "Event", ["date", "article_id"]),
    "participated_in": ("PARTICIPATED_IN", "Person", "Event", graph.REL_PROPS),
    "visited_place": ("VISITED", "Event", "Place", graph.REL_PROPS),
    "visited_org": ("VISITED", "Event", "Organization", graph.REL_PROPS),
    "in": ("IN", "Event", "Place", graph.REL_PROPS),
    "wrote": ("WROTE", "Person", "Article", graph.REL_PROPS),
    "part_of": ("PART_OF", "Place", "Place", SEEN),
    "located_in": ("LOCATED_IN", "Organization", "Place", SEEN),
    "held": ("HELD", "Person", "Organization", HELD),
}
PAGE_FILES = ["Page", "Article", "Event", "contains", "reports", "participated_in", "visited_place",
              "visited_org", "in", "wrote"]
SHARED_FILES = ["Person", "Organization", "Place", "part_of", "located_in", "held"]


class ModelError(ValueError):
    """A row holds a property or a value the import files do not declare (kb.graph changed)."""


def _col(name: str) -> str:
    t = TYPES.get(name)
    return f"{name}:{t}" if t else name


def header(name: str) -> str:
    """The header line of an import file (``id:ID(Label)``, ``:START_ID(Label)``, typed columns)."""
    if name in NODES:
        cols = [f"id:ID({name})"] + [_col(c) for c in NODES[name][1:]]
    else:
        _t, s, e, props = RELS[name]
        cols = [f":START_ID({s})", f":END_ID({e})"] + [_col(c) for c in props]
    return ",".join(cols) + "\n"


def cell(v, typ: str | None = None) -> str:
    """One CSV field: strings quoted, None empty, lists joined by :data:`ARRAY_DELIMITER`."""
    if v is None:
        return ""
    if isinstance(v, bool):
        if typ != "boolean":
            raise ModelError(f"boolean value {v!r} in a {typ or 'string'} column")
        return "true" if v else "false"
    if isinstance(v, int):
        if typ != "long":
            raise ModelError(f"integer value {v!r} in a {typ or 'string'} column")
        return str(v)
    if isinstance(v, date):
        if typ != "date":
            raise ModelError(f"date value {v!r} in a {typ or 'string'} column")
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        if typ != "string[]":
            raise ModelError(f"list value in a {typ or 'string'} column")
        if any(not isinstance(x, str) or ARRAY_DELIMITER in x for x in v):
            raise ModelError("a list element is not a string or holds U+001E")
        v = ARRAY_DELIMITER.join(v)
    elif not isinstance(v, str) or typ is not None:
        raise ModelError(f"{type(v).__name__} value in a {typ or 'string'} column")
    return '"' + v.replace('"', '""') + '"'


def line(cols: list[str], row: dict, ends: tuple = ()) -> str:
    extra = set(row) - set(cols)
    if extra:
        raise ModelError(f"properties the import files do not declare: {sorted(extra)}")
    return ",".join([*(cell(x) for x in ends), *(cell(row.get(c), TYPES.get(c)) for c in cols)]) + "\n"


def empty_lists(label: str, rows) -> list[tuple]:
    """(label, property, id) of every empty list: the import tool cannot write one (an empty field is
    no property), so they are set after the import (:func:`kb.bulk.set_empty_lists`)."""
    cols = [c for c in NODES[label] if TYPES.get(c) == "string[]"]
    return [(label, c, r["id"]) for r in rows for c in cols if r.get(c) == []]


def page_lines(rows: dict) -> tuple[dict[str, str], list[tuple]]:
    """The lines of the page-owned files for one page's rows, and its nodes' empty lists (pure; run
    by the workers)."""
    out = {name: [] for name in PAGE_FILES}
    page = rows["page"]
    out["Page"].append(line(NODES["Page"], page))
    for a in rows["articles"]:
        out["Article"].append(line(NODES["Article"], a))
        out["contains"].append(line(RELS["contains"][3], {"date": a.get("published"), "article_id": a["id"]},
                                    (page["id"], a["id"])))
    for e in rows["events"]:
        out["Event"].append(line(NODES["Event"], e["props"]))
        out["reports"].append(line(RELS["reports"][3], {"date": e["date"], "article_id": e["article_id"]},
                                   (e["article_id"], e["props"]["id"])))
    for kind in ("participated_in", "visited_place", "visited_org", "in", "wrote"):
        for r in rows[kind]:
            if any(x == [] for x in r["props"].values()):
                raise ModelError(f"an empty list on a {kind} relationship")
            out[kind].append(line(RELS[kind][3], r["props"], (r["s"], r["t"])))
    empty = empty_lists("Article", rows["articles"]) + empty_lists("Event", [e["props"] for e in rows["events"]])
    return {k: "".join(v) for k, v in out.items() if v}, empty


def shared_rows(rows: dict) -> dict:
    """What :class:`Shared` needs of one page's rows (sent back from the workers)."""
    return {k: rows[k] for k in ("places", "organizations", "persons", "part_of", "located_in", "held")}


# ---------------------------------------------------------------- the MERGE rules, in Python
# Cypher's comparisons with null are null, and null in a WHERE or CASE WHEN is false.

def _lt(a, b) -> bool:
    return a is not None and b is not None and a < b


def _eq(a, b) -> bool:
    return a is not None and b is not None and a == b


class Shared:
    """Shared nodes and aggregated relationships, merged page by page in input order exactly as the
    MERGE statements of kb.graph do."""

    def __init__(self):
        self.places: dict = {}
        self.orgs: dict = {}
        self.persons: dict = {}
        self.seen = {"part_of": {}, "located_in": {}}
        self.held: dict = {}

    def add(self, rows: dict) -> None:
        for r in rows["places"]:                                   # W_PLACES
            n = self.places.get(r["id"])
            if n is None:
                self.places[r["id"]] = {k: r.get(k) for k in NODES["Place"]}
            elif n["level"] is None and r.get("level") is not None:
                n["level"] = r["level"]
        for r in rows["organizations"]:                            # W_ORGS
            n = self.orgs.get(r["id"])
            if n is None:
                self.orgs[r["id"]] = {k: r.get(k) for k in NODES["Organization"]}
                continue
            new = [x for x in r["aliases"] if x not in (n["aliases"] or [])]
            if new:
                n["aliases"] = sorted(set(n["aliases"] or []) | set(new))
            if r.get("kind") is not None and (n["kind"] is None or r["kind"] < n["kind"]):
                n["kind"] = r["kind"]
        for r in rows["persons"]:                                  # W_PERSONS
            self.persons.setdefault(r["id"], {k: r.get(k) for k in NODES["Person"]})
        for kind in ("part_of", "located_in"):                     # _SEEN
            for r in rows[kind]:
                self._seen(self.seen[kind], r)
        for r in rows["held"]:                                     # W_HELD
            self._held(r)

    @staticmethod
    def _seen(into: dict, row: dict) -> None:
        d, a = row.get("date"), row["article_id"]
        r = into.get((row["s"], row["t"]))
        if r is None:
            into[(row["s"], row["t"])] = {"date": d, "article_id": a, "last_seen": d, "last_article_id": a}
            return
        first = _lt(d, r["date"]) or (_eq(d, r["date"]) and _lt(a, r["article_id"]))
        last = _lt(r["last_seen"], d) or (_eq(d, r["last_seen"]) and _lt(r["last_article_id"], a))
        if not (first or last):
            return
        r["article_id"] = a if first else r["article_id"]
        r["date"] = d if _lt(d, r["date"]) else r["date"]
        r["last_article_id"] = a if last else r["last_article_id"]
        r["last_seen"] = d if _lt(r["last_seen"], d) else r["last_seen"]

    def _held(self, row: dict) -> None:
        d, a = row.get("date"), row["article_id"]
        key = (row["s"], row["t"], row["post"])
        r = self.held.get(key)
        if r is None:
            self.held[key] = {"post": row["post"], "title": row.get("title"), "first_seen": d, "last_seen": d,
                              "article_id": a, "last_article_id": a, "article_ids": [a], "mentions": 1}
            return
        if a in r["article_ids"]:
            return
        r["mentions"] += 1
        if len(r["article_ids"]) < graph.HELD_IDS_CAP:
            r["article_ids"].append(a)
        if _lt(d, r["first_seen"]) or (_eq(d, r["first_seen"]) and _lt(a, r["article_id"])):
            r["article_id"], r["first_seen"] = a, d
        if _lt(r["last_seen"], d) or (_eq(d, r["last_seen"]) and _lt(r["last_article_id"], a)):
            r["last_article_id"], r["last_seen"] = a, d

    def empty(self) -> list[tuple]:
        return [t for label, items in (("Person", self.persons), ("Organization", self.orgs),
                                       ("Place", self.places)) for t in empty_lists(label, items.values())]

    def write(self, folder: Path) -> dict[str, int]:
        """Write the shared files into ``folder``; rows per file."""
        counts = {}
        for name, items, cols in (("Person", self.persons.values(), NODES["Person"]),
                                  ("Organization", self.orgs.values(), NODES["Organization"]),
                                  ("Place", self.places.values(), NODES["Place"])):
            with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
                fh.write(header(name))
                fh.writelines(line(cols, r) for r in items)
            counts[name] = len(items)
        for name, items in (("part_of", self.seen["part_of"]), ("located_in", self.seen["located_in"]),
                            ("held", self.held)):
            with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
                fh.write(header(name))
                fh.writelines(line(RELS[name][3], r, key[:2]) for key, r in items.items())
            counts[name] = len(items)
        return counts


class Writer:
    """The import files of one run in ``folder``: page-owned files appended page by page, the shared
    ones written at the end (:func:`admin_args` names them for neo4j-admin)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.files = {}
        for name in PAGE_FILES:
            fh = open(self.folder / f"{name}.csv", "w", encoding="utf-8", newline="")
            fh.write(header(name))
            self.files[name] = fh
        self.shared = Shared()
        self.empty: list[tuple] = []        # (label, property, id): empty lists, set after the import

    def add(self, lines: dict[str, str], empty: list, shared: dict) -> None:
        for name, text in lines.items():
            self.files[name].write(text)
        self.empty += empty
        self.shared.add(shared)

    def close(self) -> dict[str, int]:
        for fh in self.files.values():
            fh.close()
        self.files = {}
        self.empty += self.shared.empty()
        return self.shared.write(self.folder)


def admin_args(database: str, folder: str) -> list[str]:
    """``database import full`` arguments for the files in ``folder`` (as seen by the machine that
    runs the import)."""
    args = ["database", "import", "full", database, "--id-type=string", "--multiline-fields=true",
            "--array-delimiter=U+001E", "--skip-duplicate-nodes=false", "--skip-bad-relationships=false"]
    for name in NODES:
        args.append(f"--nodes={name}={folder}/{name}.csv")
    for name, (typ, *_r) in RELS.items():
        args.append(f"--relationships={typ}={folder}/{name}.csv")
    return args
