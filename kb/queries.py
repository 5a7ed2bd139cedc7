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
    // :param person => '周立言';

The body after the header is run as-is, with every parameter of the header bound (missing ones take
their default), in a READ transaction. Values given on the command line (``--param key=value``) are
typed with :func:`convert`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import cypher
from .errors import QueryError
from .query_results import jsonable, run_text, to_native
from .query_values import convert, literal

__all__ = ["NamedQuery", "Param", "bind", "browser_doc", "convert", "get", "jsonable", "list_queries", "literal",
           "names", "parse", "parse_params", "run", "run_query", "run_text", "to_native"]

EXCLUDED = {"schema"}

_PARAM = re.compile(r"^\s*//\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.*?)\s*;?\s*$")


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


def parse_params(query: NamedQuery, items: list[str] | tuple[str, ...]) -> dict:
    """``["person=李明远", "from=2020-03-01"]`` → typed parameters (QueryError for unknown names)."""
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


# ------------------------------------------------------------------ docs/browser.md

DOC_HEAD = """# The named queries in the Neo4j Browser

`kb browser` prints the address of the local Neo4j Browser with the connection filled in
(`kb browser --open` opens it, `kb browser --query NAME` also fills the editor with a query); log in
as user `neo4j` with the password `kb server password` prints.

Each query below is a file in `cypher/` (run it from the shell with `kb query NAME --param key=value`,
print it with `kb query NAME --show`). In the Browser, run the `:param` lines first (they set the
parameters; null means "no filter"), then the statement. Change a parameter with one more line,
e.g. `:param person => '周立言';`, and run the statement again. `:params` shows what is set.

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
