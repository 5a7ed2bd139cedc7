"""A roster from outside (`kb posts import`) and the register as CSV (`kb posts export`).

A roster CSV has the columns person, organization (or organisation), post, from, to, source — the
careers a researcher curated (CPED, ChinaVitae-style sheets). Imported rows are HELD_POST {imported:
true, source} and win over sightings: a rebuild ignores sightings inside an imported tenure and clips
sighted tenures around it. The person is the one the register already has with that name in that
seat or organisation, else a new Person scoped to the roster's organisation.
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from .. import ids
from ..errors import InputError
from .build import BATCH, post_id
from .seats import canonical_org
from .tenures import Tenure  # noqa: F401  (the rows a rebuild reads back)

EXPORT_COLUMNS = ["person", "organization", "post", "title", "from", "to", "certainty", "first_article",
                  "last_article", "first_seen", "last_seen", "mentions", "predecessor", "successor",
                  "imported", "source", "scope"]

R_EXPORT = """
MATCH (p:Person)-[h:HELD_POST]->(s:Post)
RETURN p.name AS person, s.organization AS organization, s.post AS post, h.title AS title,
       h.from AS from, h.to AS to, h.certainty AS certainty, h.first_article AS first_article,
       h.last_article AS last_article, h.first_seen AS first_seen, h.last_seen AS last_seen,
       h.mentions AS mentions, h.predecessor AS predecessor, h.successor AS successor,
       coalesce(h.imported, false) AS imported, h.source AS source, p.scope AS scope
ORDER BY organization, post, coalesce(from, date('0001-01-01')), person
"""
R_PERSON = """
UNWIND $rows AS row
OPTIONAL MATCH (p:Person {name: row.person})-[:HELD_POST]->(s:Post)
WHERE s.organization = row.organization AND (s.base = row.base OR s.post = row.post)
WITH row, head(collect(p.id)) AS same_seat
OPTIONAL MATCH (q:Person {name: row.person})-[:HELD_POST]->(t:Post {organization: row.organization})
WITH row, same_seat, head(collect(q.id)) AS same_org
RETURN row.n AS n, coalesce(same_seat, same_org) AS pid
"""
W_IMPORT = """
UNWIND $rows AS row
MERGE (p:Person {id: row.pid})
ON CREATE SET p.name = row.person, p.scope = row.scope, p.scope_name = row.organization
MERGE (s:Post {id: row.post_id})
ON CREATE SET s.organization = row.organization, s.post = row.post, s.base = row.base,
              s.acting = row.acting, s.single = row.single
MERGE (p)-[h:HELD_POST {id: row.id}]->(s)
SET h.from = row.from, h.to = row.to, h.certainty = 'exact', h.title = row.post,
    h.organization = row.organization, h.post = row.post, h.imported = true, h.source = row.source,
    h.start_basis = 'import', h.end_basis = CASE WHEN row.to IS NULL THEN 'open' ELSE 'import' END
"""


def read_roster(path) -> tuple[list[dict], list[str]]:
    """Rows of a roster CSV, and one message per bad line (the file and line named)."""
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read the roster ({e})", hint="a UTF-8 CSV: person,organization,post,from,to,source")
    reader = csv.DictReader(text.splitlines())
    fields = {(f or "").strip().lower() for f in reader.fieldnames or []}
    missing = [c for c in ("person", "post", "from") if c not in fields]
    if missing or not fields & {"organization", "organisation"}:
        raise InputError(f"{path}: the roster has no {(missing or ['organization'])[0]!r} column",
                         hint="columns: person,organization,post,from,to,source")
    rows, bad = [], []
    for n, raw in enumerate(reader, start=2):
        r = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        org = r.get("organization") or r.get("organisation")
        if not (r.get("person") and org and r.get("post")):
            bad.append(f"{path}: line {n}: person, organization and post are required")
            continue
        try:
            start = date.fromisoformat(r["from"]) if r.get("from") else None
            end = date.fromisoformat(r["to"]) if r.get("to") else None
        except ValueError as e:
            bad.append(f"{path}: line {n}: {e} (dates as YYYY-MM-DD)")
            continue
        if start and end and end < start:
            bad.append(f"{path}: line {n}: 'to' {end} is before 'from' {start}")
            continue
        post = r["post"]
        acting = post.startswith("代")
        base = post[1:] if acting else post
        rows.append({"n": n, "person": ids.norm(r["person"]), "organization": canonical_org(org), "post": post,
                     "base": base, "acting": acting, "single": not base.startswith(("副", "常务副")),
                     "from": start, "to": end, "source": r.get("source") or Path(path).name})
    return rows, bad


def import_roster(driver, database: str, path) -> dict:
    """Import a roster CSV (idempotent: a row's id is person + organisation + post + from), then
    rebuild the register. Returns counts and the bad lines (which are skipped)."""
    from .build import build

    rows, bad = read_roster(path)
    for i in range(0, len(rows), BATCH):
        chunk = rows[i:i + BATCH]
        recs, _, _ = driver.execute_query(R_PERSON, {"rows": chunk}, database_=database, routing_="r")
        found = {r["n"]: r["pid"] for r in recs}
        for r in chunk:
            scope = "roster:" + r["organization"]
            r["pid"] = found.get(r["n"]) or ids.person_id(r["person"], scope)
            r["scope"] = scope
            r["post_id"] = post_id(r["organization"], r["post"])
            r["id"] = ids._h("hp-import", r["person"], r["organization"], r["post"], r["from"])
        driver.execute_query(W_IMPORT, {"rows": chunk}, database_=database, routing_="w")
    res = build(driver, database)
    return {"imported": len(rows), "bad": bad, "build": res}


def export_rows(driver, database: str) -> list[dict]:
    def work(tx):
        return [dict(r) for r in tx.run(R_EXPORT)]
    with driver.session(database=database, default_access_mode="READ") as s:
        return s.execute_read(work)
