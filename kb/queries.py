"""Named Cypher queries: one file per query in ``cypher/`` (every ``*.cypher`` but ``schema.cypher``).

A query file starts with a header comment: the first line ``// name — purpose``, more lines of
description, the parameters as Neo4j Browser ``:param`` lines with their defaults, and an example
(again ``:param`` lines, after a line starting ``// Example``)::

    // inspections — officials' inspection visits …
    //
    // Parameters (null = no filter):
    // :param person => null;
    // :param from => null;
    // …
    // Example — one official in March 2020:
    // :param person => '李卫东';

The body after the header is run as-is, with every parameter of the header bound (missing ones take
their default), in a READ transaction. Values given on the command line (``--param key=value``) are
typed with :func:`convert`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from . import cypher
from .errors import QueryError

EXCLUDED = {"schema"}

_PARAM = re.compile(r"^\s*//\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.*?)\s*;?\s*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Param:
    name: str
    default: object            # the Python value of the header's default
    expression: str            # the Cypher literal as written in the header
    description: str = ""      # the header's line "  name  what it means", when there is one


@dataclass
class NamedQuery:
    name: str
    path: Path
    title: str                 # the purpose line (after "name —")
    description: str           # the header's prose (purpose, columns), without the :param lines
    params: list[Param]
    example: dict              # example parameters (name -> value)
    example_lines: list[str]   # the example's :param lines as written
    text: str                  # the whole file
    body: str = field(repr=False, default="")   # the statement without comments

    @property
    def summary(self) -> str:
        """The purpose's first clause (up to the first ': ' or '. ')."""
        depth = 0
        text = self.title + " "
        for k, c in enumerate(text[:-1]):
            depth += c in "([（" and 1 or (c in ")]）" and -1 or 0)
            if depth == 0 and c in ":." and text[k + 1] == " ":
                return text[:k].strip()
        return self.title.strip().rstrip(".")

    @property
    def columns(self) -> list[str]:
        """The column names the header's ``Columns:`` paragraph documents (parentheses dropped)."""
        m = re.search(r"^Columns:(.*?)(?:\n\s*\n|\Z)", self.description, re.S | re.M)
        if not m:
            return []
        text, depth, out = m.group(1).replace("\n", " "), 0, []
        for c in text:
            if c in "([":
                depth += 1
            elif c in ")]":
                depth -= 1
            elif depth == 0:
                out.append(c)
        return [c.strip().rstrip(".").strip() for c in "".join(out).split(",") if c.strip().rstrip(".")]

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def param_lines(self) -> list[str]:
        """The header's default :param lines, ready to paste into the Browser."""
        return [f":param {p.name} => {p.expression};" for p in self.params]


# ------------------------------------------------------------------ reading

def names() -> list[str]:
    d = cypher.cypher_dir()
    return sorted(p.stem for p in d.glob("*.cypher") if p.stem not in EXCLUDED)


def list_queries() -> list[NamedQuery]:
    return [get(n) for n in names()]


def get(name: str) -> NamedQuery:
    """The named query ``name``; QueryError when there is no such file."""
    if not re.fullmatch(r"[A-Za-z0-9_]+", name or "") or name in EXCLUDED:
        raise QueryError(f"no named query {name!r}", hint="`kb query --list` shows the named queries")
    path = cypher.cypher_dir() / f"{name}.cypher"
    if not path.exists():
        known = ", ".join(names())
        raise QueryError(f"no named query {name!r} (known: {known})",
                         hint="`kb query --list` shows the named queries and their parameters")
    return parse(path.read_text(encoding="utf-8"), name=name, path=path)


def parse(text: str, name: str | None = None, path: Path | None = None) -> NamedQuery:
    """Parse a query file's header (purpose, parameters, example) and body."""
    lines = text.splitlines()
    header: list[str] = []
    for line in lines:
        if line.strip().startswith("//"):
            header.append(line)
        elif line.strip() == "" and not header:
            continue
        else:
            break
    params: list[Param] = []
    example: dict = {}
    example_lines: list[str] = []
    prose: list[str] = []
    in_example = False
    for line in header:
        content = re.sub(r"^\s*//\s?", "", line)
        if re.match(r"^\s*example\b", content, re.I):
            in_example = True
            prose.append(content)
            continue
        m = _PARAM.match(line)
        if m:
            pname, expr = m.group(1), m.group(2).strip()
            try:
                value = literal(expr)
            except ValueError as e:
                raise QueryError(f"{path or name}: cannot read the value of :param {pname}: {e}") from None
            if in_example:
                example[pname] = value
                example_lines.append(f":param {pname} => {expr};")
            elif not any(p.name == pname for p in params):
                params.append(Param(pname, value, expr))
            continue
        prose.append(content)
    # "  name  description" lines describe the parameters
    # (continuation lines are indented up to the description's column)
    for p in params:
        for k, line in enumerate(prose):
            m = re.match(rf"^\s+{re.escape(p.name)}\s{{2,}}(.*)$", line)
            if m:
                col, desc = m.start(1), [m.group(1).strip()]
                for nxt in prose[k + 1:]:
                    if nxt.strip() and len(nxt) - len(nxt.lstrip()) >= col:
                        desc.append(nxt.strip())
                    else:
                        break
                p.description = " ".join(desc)
                break
    first = prose[0] if prose else ""
    m = re.match(r"^\s*([A-Za-z0-9_]+)\s*[—–-]+\s*(.*)$", first)
    qname = name or (m.group(1) if m else "query")
    title = m.group(2).strip() if m else first.strip()
    # the purpose sentence can run over several lines: up to the first blank line
    for line in prose[1:]:
        if not line.strip():
            break
        title += " " + line.strip()
    body = cypher.statements(text)
    if len(body) != 1:
        raise QueryError(f"{path or qname}: a named query file holds exactly one statement, found {len(body)}")
    return NamedQuery(name=qname, path=path or Path(f"{qname}.cypher"), title=title,
                      description="\n".join(prose).strip(), params=params, example=example,
                      example_lines=example_lines, text=text, body=body[0])


# ------------------------------------------------------------------ values

def literal(expr: str):
    """The Python value of a simple Cypher literal: null, true/false, numbers, 'strings',
    "strings", [lists], {maps} and date('YYYY-MM-DD')."""
    value, rest = _literal(expr.strip())
    if rest.strip():
        raise ValueError(f"unexpected {rest.strip()[:20]!r} in {expr!r}")
    return value


def _literal(s: str):
    s = s.lstrip()
    if not s:
        raise ValueError("empty value")
    low = s.lower()
    for word, val in (("null", None), ("true", True), ("false", False)):
        if low.startswith(word) and not (len(s) > len(word) and (s[len(word)].isalnum() or s[len(word)] == "_")):
            return val, s[len(word):]
    if s[0] in "'\"":
        q = s[0]
        out, i = [], 1
        while i < len(s):
            c = s[i]
            if c == "\\" and i + 1 < len(s):
                nxt = s[i + 1]
                out.append({"n": "\n", "t": "\t", "\\": "\\", "'": "'", '"': '"'}.get(nxt, nxt))
                i += 2
                continue
            if c == q:
                return "".join(out), s[i + 1:]
            out.append(c)
            i += 1
        raise ValueError(f"unterminated string in {s!r}")
    m = re.match(r"^-?\d+\.\d*(?:[eE][-+]?\d+)?|^-?\d+[eE][-+]?\d+", s)
    if m:
        return float(m.group(0)), s[m.end():]
    m = re.match(r"^-?\d+", s)
    if m:
        return int(m.group(0)), s[m.end():]
    m = re.match(r"^date\(\s*(['\"])(\d{4}-\d{2}-\d{2})\1\s*\)", s, re.I)
    if m:
        return date.fromisoformat(m.group(2)), s[m.end():]
    if s[0] == "[":
        items, rest = [], s[1:].lstrip()
        if rest.startswith("]"):
            return items, rest[1:]
        while True:
            v, rest = _literal(rest)
            items.append(v)
            rest = rest.lstrip()
            if rest.startswith(","):
                rest = rest[1:]
            elif rest.startswith("]"):
                return items, rest[1:]
            else:
                raise ValueError(f"expected , or ] in {s!r}")
    if s[0] == "{":
        obj, rest = {}, s[1:].lstrip()
        if rest.startswith("}"):
            return obj, rest[1:]
        while True:
            m = re.match(r"^\s*(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\s*:", rest)
            if not m:
                raise ValueError(f"expected key: in {s!r}")
            key = m.group(1).strip("`")
            v, rest = _literal(rest[m.end():])
            obj[key] = v
            rest = rest.lstrip()
            if rest.startswith(","):
                rest = rest[1:]
            elif rest.startswith("}"):
                return obj, rest[1:]
            else:
                raise ValueError(f"expected , or }} in {s!r}")
    raise ValueError(f"not a literal: {s[:30]!r} (use null, true/false, a number, a 'string', a list or date('…'))")


def convert(raw: str, default=None):
    """Type a command-line value: ``null``, ``true``/``false``, integers, decimals, ISO dates
    (``2020-03-06`` → ``datetime.date``), JSON lists/maps; anything else is a string.

    When the header's default is a string, the value stays a string (a name like ``110`` is not a
    number), except ISO dates. Quote a value ('…' or "…") to force a string.
    """
    s = raw.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"":
        return s[1:-1]
    if s.lower() in ("null", "none"):
        return None
    if _ISO_DATE.match(s):
        try:
            return date.fromisoformat(s)
        except ValueError:
            raise QueryError(f"{raw!r} is not a valid date (YYYY-MM-DD)") from None
    if isinstance(default, str):
        return raw
    if s.lower() in ("true", "false"):
        return s.lower() == "true"
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    if re.fullmatch(r"-?\d+\.\d+", s):
        return float(s)
    if s[:1] in "[{":
        try:
            return json.loads(s)
        except ValueError:
            try:
                return literal(s)
            except ValueError:
                pass
    return raw


def parse_params(query: NamedQuery, items: list[str] | tuple[str, ...]) -> dict:
    """``["person=张建国", "from=2020-03-01"]`` → typed parameters (QueryError for unknown names)."""
    out: dict = {}
    for item in items:
        if "=" not in item:
            raise QueryError(f"--param {item!r}: expected key=value",
                             hint=f"parameters of {query.name}: {', '.join(p.name for p in query.params) or 'none'}")
        key, raw = item.split("=", 1)
        key = key.strip()
        p = query.param(key)
        if p is None:
            raise QueryError(f"{query.name} has no parameter {key!r}",
                             hint=f"its parameters: {', '.join(p.name for p in query.params) or 'none'}")
        out[key] = convert(raw, p.default)
    return out


# ------------------------------------------------------------------ running

def bind(query: NamedQuery, params: dict | None = None) -> dict:
    """The header's defaults overlaid with ``params``; QueryError for names the query does not take."""
    params = dict(params or {})
    unknown = [k for k in params if query.param(k) is None]
    if unknown:
        raise QueryError(f"{query.name} has no parameter {', '.join(map(repr, unknown))}",
                         hint=f"its parameters: {', '.join(p.name for p in query.params) or 'none'}")
    bound = query.defaults()
    bound.update(params)
    return bound


def run(driver, database: str, name: str | NamedQuery, params: dict | None = None,
        native: bool = True) -> list[dict]:
    """Run a named query in a READ transaction; rows as dicts with Python values
    (``datetime.date`` for dates) unless ``native`` is False."""
    return run_query(driver, database, name, params, native)[0]


def run_query(driver, database: str, name: str | NamedQuery, params: dict | None = None,
              native: bool = True) -> tuple[list[dict], list[str]]:
    """As :func:`run`, also returning the column names (known even when there are no rows)."""
    q = name if isinstance(name, NamedQuery) else get(name)
    bound = bind(q, params)
    return run_text(driver, database, q.body, bound, native=native)


def run_text(driver, database: str, text: str, params: dict, native: bool = True,
             write: bool = False) -> tuple[list[dict], list[str]]:
    """Run one statement in a READ transaction (``write``: a write transaction); (rows, column names)."""
    from neo4j.exceptions import Neo4jError

    def work(tx):
        res = tx.run(text, params)
        keys = list(res.keys())
        return [dict(r) for r in res], keys

    try:
        # notifications off: a graph without, say, PART_OF yet would warn on every report
        with driver.session(database=database, default_access_mode="WRITE" if write else "READ",
                            notifications_min_severity="OFF") as s:
            rows, keys = (s.execute_write if write else s.execute_read)(work)
    except Neo4jError as e:
        raise QueryError(f"the query failed: {(e.message or str(e)).splitlines()[0]}",
                         hint=_hint(e, write)) from None
    if native:
        rows = [{k: to_native(v) for k, v in r.items()} for r in rows]
    return rows, keys


def _hint(e, write: bool) -> str:
    """The next step for a failed statement, from the server's error code."""
    code, msg = e.code or "", (e.message or "").lower()
    if not write and ("writing in read access mode" in msg or "AccessMode" in code or "read only" in msg):
        return "the statement writes: add --write to run it in a write transaction"
    if "ParameterMissing" in code:
        return "give the missing parameter with --param key=value"
    if "fulltext" in msg and "no such" in msg or "IndexNotFound" in code:
        return "the schema is missing: `kb schema apply`"
    if "Syntax" in code:
        return "fix the Cypher syntax (the message says where)"
    return "check the statement and its --param values (`kb query --list` for the named ones)"


def to_native(v):
    """Neo4j values → plain Python: dates, datetimes, nodes/relationships as property dicts, paths
    as lists of those."""
    from neo4j.graph import Node, Path as GPath, Relationship

    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, list):
        return [to_native(x) for x in v]
    if isinstance(v, dict):
        return {k: to_native(x) for k, x in v.items()}
    if isinstance(v, Node):
        d = {k: to_native(x) for k, x in dict(v).items()}
        d["_labels"] = sorted(v.labels)
        return d
    if isinstance(v, Relationship):
        d = {k: to_native(x) for k, x in dict(v).items()}
        d["_type"] = v.type
        return d
    if isinstance(v, GPath):
        out = []
        for i, n in enumerate(v.nodes):
            out.append(to_native(n))
            if i < len(v.relationships):
                out.append(to_native(v.relationships[i]))
        return out
    if hasattr(v, "to_native"):
        try:
            return v.to_native()
        except (ValueError, OverflowError):
            return v.iso_format() if hasattr(v, "iso_format") else str(v)
    return v


def jsonable(v):
    """Rows → JSON-ready values (ISO strings for dates)."""
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return v


# ------------------------------------------------------------------ docs/browser.md

DOC_HEAD = """# The named queries in the Neo4j Browser

`kb browser` prints the address of the local Neo4j Browser with the connection filled in
(`kb browser --open` opens it, `kb browser --query NAME` also fills the editor with a query); log in
as user `neo4j` with the password `kb server password` prints.

Each query below is a file in `cypher/` (run it from the shell with `kb query NAME --param key=value`,
print it with `kb query NAME --show`). In the Browser, run the `:param` lines first (they set the
parameters; null means "no filter"), then the statement. Change a parameter with one more line,
e.g. `:param person => '李卫东';`, and run the statement again. `:params` shows what is set.

![The inspections query in the Neo4j Browser](neo4j-browser-inspections.png)

The HTML timeline (`kb timeline inspections --format html -o inspections.html`) of the sample pages:

![The HTML timeline of the sample pages](timeline-sample-pages.png)

This file is generated from the headers of `cypher/*.cypher`
(`python -c "from kb import queries; print(queries.browser_doc(), end='')" > docs/browser.md`).
"""


def browser_doc() -> str:
    """docs/browser.md: every named query with its :param lines and statement, to paste into the Browser."""
    out = [DOC_HEAD]
    out.append("| query | what it answers |\n| --- | --- |")
    out += [f"| [`{q.name}`](#{q.name}) | {q.summary} |" for q in list_queries()]
    for q in list_queries():
        out.append(f"\n## {q.name}\n")
        out.append(q.title + "\n")
        params = "\n".join(f"- `{p.name}` — {p.description}" for p in q.params)
        out.append(params + "\n")
        out.append("```cypher\n" + "\n".join(q.param_lines()) + "\n```\n")
        out.append("```cypher\n" + _body_with_comments(q) + "\n```\n")
        if q.example_lines:
            out.append("Example:\n\n```cypher\n" + "\n".join(q.example_lines) + "\n```")
    return "\n".join(out).rstrip() + "\n"


def _body_with_comments(q: NamedQuery) -> str:
    """The statement as written in the file (its own comments kept), without the header."""
    lines = q.text.splitlines()
    k = 0
    while k < len(lines) and (lines[k].strip().startswith("//") or not lines[k].strip()):
        k += 1
    return "\n".join(lines[k:]).rstrip()
