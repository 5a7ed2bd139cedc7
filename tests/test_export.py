"""`kb export`, `kb report` and `kb search` on the loaded sample pages (examples/zhuzhou-daily and
examples/web-articles), each file read back with the tool its users use (pandas, networkx, a JSON
Schema) and checked against the graph with independent Cypher: rows, ids that join, dates, counts."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from conftest import PAGES, REPO, WEB

pd = pytest.importorskip("pandas")

from kb.export import TABLES, export_table  # noqa: E402
from kb.export.report_html import _script_json  # noqa: E402

DOCS = REPO / "docs" / "exports.md"
FORMATS = ["csv", "tsv", "jsonl", "parquet", "dta"]


# ------------------------------------------------------------------ no server

def documented() -> dict[str, list[tuple[str, str]]]:
    """docs/exports.md's data dictionary: table → [(column, type)] in order."""
    out, current = {}, None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^### `([a-z-]+)`", line)
        if m:
            current = out.setdefault(m.group(1), [])
            continue
        if line.startswith("## "):
            current = None
        m = re.match(r"^\| `([a-z_]+)` \| (\w+) \|", line)
        if m and current is not None:
            current.append((m.group(1), m.group(2)))
    return out


def test_the_dictionary_documents_every_table_and_column():
    assert documented() == {name: t.spec for name, t in TABLES.items()}


def test_json_in_script_cannot_close_the_element():
    s = _script_json({"name": "</script><script>alert(1)</script>", "x": "a\u2028b & <!--"})
    assert "</script" not in s and "<!--" not in s and "\u2028" not in s
    assert json.loads(s) == {"name": "</script><script>alert(1)</script>", "x": "a\u2028b & <!--"}


def test_search_words_become_phrases():
    from kb.export.search import lucene, sentence
    assert lucene("小龙虾") == '"小龙虾"'
    assert lucene("复工 AND 企业") == "复工 AND 企业"
    assert sentence("第一句。养殖小龙虾的农户。第三句", "小龙虾") == "养殖小龙虾的农户。"


# ------------------------------------------------------------------ real server

@pytest.fixture(scope="module")
def sample(driver, database):
    from conftest import wipe
    from kb import graph, loader

    wipe(driver, database)
    graph.apply_schema(driver, database)
    for d in (PAGES, WEB):
        rep = loader.load(driver, database, [d], manifest=str(d / "manifest.csv"), workers=1)
        assert not rep.failed
    yield driver, database
    wipe(driver, database)


def cy(sample, q, **p):
    driver, database = sample
    recs, _, _ = driver.execute_query(q, p, database_=database, routing_="r")
    return [dict(r) for r in recs]


def read(path: Path, fmt: str):
    if fmt == "csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if fmt == "tsv":
        return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    if fmt == "jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    if fmt == "parquet":
        return pd.read_parquet(path)
    return pd.read_stata(path)


COUNTS = {
    "visits": "MATCH (e:Event {type: 'inspection'}) RETURN count(e) AS n",
    "visit-sites": "MATCH (:Event {type: 'inspection'})-[v:VISITED]->() RETURN count(v) AS n",
    "people": "MATCH (p:Person) RETURN count(p) AS n",
    "posts": "MATCH (:Person)-[h:HELD]->(:Organization) RETURN count(h) AS n",
    "events": "MATCH (e:Event) RETURN count(e) AS n",
    "articles": "MATCH (a:Article) RETURN count(a) AS n",
    "participants": "MATCH (:Person)-[r:PARTICIPATED_IN]->(:Event) RETURN count(r) AS n",
}


@pytest.fixture(scope="module")
def files(sample, tmp_path_factory):
    driver, database = sample
    d = tmp_path_factory.mktemp("exports")
    out = {}
    for name in TABLES:
        for fmt in FORMATS:
            p = d / f"{name}.{fmt}"
            out[name, fmt] = (p, export_table(driver, database, name, fmt, output=p))
    return out


@pytest.mark.neo4j
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(TABLES))
def test_every_table_in_every_format(sample, files, name, fmt):
    path, n = files[name, fmt]
    df = read(path, fmt)
    assert list(df.columns) == [c for c, _ in documented()[name]], "the columns docs/exports.md lists"
    assert len(df) == n == cy(sample, COUNTS[name])[0]["n"] > 0


@pytest.mark.neo4j
def test_visits_against_the_graph(sample, files):
    v = pd.read_parquet(files["visits", "parquet"][0])
    truth = {r["id"]: r for r in cy(sample, """
        MATCH (a:Article)-[:REPORTS]->(e:Event {type: 'inspection'})
        OPTIONAL MATCH (p:Person)-[:PARTICIPATED_IN {role: 'lead'}]->(e)
        RETURN e.id AS id, e.date AS date, e.end_date AS end_date, a.id AS article, a.outlet AS outlet,
               a.published AS published, p.id AS lead,
               COUNT { (e)-[:VISITED]->() } AS sites,
               COUNT { (:Person)-[:PARTICIPATED_IN {role: 'accompanying'}]->(e) } AS acc""")}
    assert set(v.event_id) == set(truth) and v.event_id.is_unique
    for r in v.itertuples():
        t = truth[r.event_id]
        assert (r.date, r.end_date, r.published) == tuple(
            x.to_native() if x is not None else None for x in (t["date"], t["end_date"], t["published"]))
        assert (r.article_id, r.outlet, r.lead_person_id) == (t["article"], t["outlet"], t["lead"])
        assert (r.n_sites, r.n_accompanying) == (t["sites"], t["acc"])
    assert list(v.date) == sorted(v.date, key=lambda d: (d is None, d)), "date order"
    # ids that join
    arts = pd.read_parquet(files["articles", "parquet"][0])
    people = pd.read_parquet(files["people", "parquet"][0])
    sites = pd.read_parquet(files["visit-sites", "parquet"][0])
    parts = pd.read_parquet(files["participants", "parquet"][0])
    assert set(v.article_id) <= set(arts.article_id)
    assert set(v.lead_person_id.dropna()) <= set(people.person_id)
    assert set(sites.event_id) <= set(v.event_id)
    assert Counter(sites.event_id) == {e: n for e, n in zip(v.event_id, v.n_sites) if n}
    leads = parts[parts.role == "lead"].merge(v, on="event_id")
    assert (leads.person_id == leads.lead_person_id).all()
    # the county of a visit is the county of every one of its coded sites
    coded = sites.dropna(subset=["county_code"]).merge(v, on="event_id", suffixes=("_site", ""))
    one = coded[coded.county_code.notna() & (coded.n_counties == 1)]
    assert len(one) > 0 and (one.county_code_site == one.county_code).all()
    assert (v.county_code.dropna().str.match(r"^\d{4}(?!00)\d{2}$")).all()
    assert (v.prefecture_code.dropna().str.endswith("00")).all()
    # people counts
    led = v.groupby("lead_person_id").size()
    p = people.set_index("person_id")
    assert all(p.loc[pid, "n_visits_led"] == n for pid, n in led.items())


@pytest.mark.neo4j
def test_stata_keeps_chinese_and_dates(files):
    a = pd.read_stata(files["visits", "dta"][0])
    b = pd.read_parquet(files["visits", "parquet"][0])
    for c in ("lead_name", "lead_title", "county_name", "evidence", "outlet"):
        assert list(a[c]) == ["" if pd.isna(x) else x for x in b[c]]
    assert [d.date() if not pd.isna(d) else None for d in a.date] == list(b.date)
    assert any("市" in x for x in a.county_name)


@pytest.mark.neo4j
def test_csv_bom_and_text_formats_agree(sample, tmp_path, files):
    driver, database = sample
    p = tmp_path / "v.csv"
    export_table(driver, database, "visits", "csv", output=p, bom=True)
    assert p.read_bytes().startswith(b"\xef\xbb\xbf")
    bom = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    plain = read(files["visits", "csv"][0], "csv")
    pd.testing.assert_frame_equal(bom, plain)
    jl = read(files["visits", "jsonl"][0], "jsonl")
    assert list(jl.date.fillna("")) == list(plain.date)                 # ISO dates everywhere
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}|", d) for d in plain.date)


def kb(*args):
    r = subprocess.run([sys.executable, "-m", "kb.cli", *map(str, args)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.neo4j
def test_networks_read_by_networkx(sample, tmp_path):
    nx = pytest.importorskip("networkx")
    pairs = {(r["a"], r["b"]): r["n"] for r in cy(sample, """
        MATCH (a:Person)-[ra:PARTICIPATED_IN]->(e:Event)<-[rb:PARTICIPATED_IN]-(b:Person)
        WHERE ra.role IN ['lead', 'chair'] AND rb.role = 'accompanying' AND a <> b
        RETURN a.id AS a, b.id AS b, count(DISTINCT e) AS n""")}
    co = {(r["a"], r["b"]): r["n"] for r in cy(sample, """
        MATCH (a:Person)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Person) WHERE a.id < b.id
        RETURN a.id AS a, b.id AS b, count(DISTINCT e) AS n""")}
    assert pairs and co
    for kind, truth in (("accompaniment", pairs), ("co-appearance", co)):
        for fmt in ("graphml", "gexf"):
            p = tmp_path / f"{kind}.{fmt}"
            kb("export", "network", "--kind", kind, "--format", fmt, "-o", p)
            g = nx.read_graphml(p) if fmt == "graphml" else nx.read_gexf(p)
            assert g.is_directed() == (kind == "accompaniment")
            got = {(u, v): int(d["weight"]) for u, v, d in g.edges(data=True)}
            if kind == "co-appearance":
                got = {tuple(sorted(k)): w for k, w in got.items()}
            assert got == truth
            assert all(g.nodes[n]["label"] for n in g)
    text = (tmp_path / "co-appearance.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text and "<spell " in text


@pytest.mark.neo4j
def test_timelinejs_and_geojson_match_their_schemas(sample, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    kb("export", "timelinejs", "-o", tmp_path / "t.json")
    tl = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    jsonschema.validate(tl, json.loads((REPO / "schema" / "timelinejs.schema.json").read_text(encoding="utf-8")))
    dated = cy(sample, "MATCH (e:Event {type: 'inspection'}) WHERE e.date IS NOT NULL "
                       "RETURN e.id AS id, e.date AS d, e.evidence AS ev")
    assert len(tl["events"]) == len(dated)
    by_id = {r["id"].replace(":", "-"): r for r in dated}
    for s in tl["events"]:
        d = by_id[s["unique_id"]]["d"]
        assert s["start_date"] == {"year": d.year, "month": d.month, "day": d.day}
        assert by_id[s["unique_id"]]["ev"][:10] in s["text"]["text"]

    kb("export", "geojson", "-o", tmp_path / "g.geojson")
    gj = json.loads((tmp_path / "g.geojson").read_text(encoding="utf-8"))
    jsonschema.validate(gj, json.loads((REPO / "schema" / "geojson-visits.schema.json").read_text(encoding="utf-8")))
    assert gj["features"] and gj["kb_unplaced"] == 0
    ids = {r["id"] for r in cy(sample, "MATCH (e:Event {type: 'inspection'}) RETURN e.id AS id")}
    counts = Counter(f["properties"]["place_code"] for f in gj["features"])
    for f in gj["features"]:
        pr = f["properties"]
        assert pr["event_id"] in ids and pr["visits_here"] == counts[pr["place_code"]]
        lon, lat = f["geometry"]["coordinates"]
        assert 73 < lon < 136 and 18 < lat < 54                        # inside China
    # a Hunan county lies in Hunan
    hunan = [f for f in gj["features"] if f["properties"]["place_code"].startswith("43")]
    assert hunan and all(108 < f["geometry"]["coordinates"][0] < 115 for f in hunan)


@pytest.mark.neo4j
def test_visits_by_official_and_month_one_command(sample, tmp_path):
    out = kb("report", "visits", "--by", "person,month", "--format", "csv")
    from io import StringIO
    df = pd.read_csv(StringIO(out), dtype={"person_id": str})
    truth = cy(sample, """MATCH (p:Person)-[:PARTICIPATED_IN {role: 'lead'}]->(e:Event {type: 'inspection'})
                         RETURN p.id AS id, substring(toString(e.date), 0, 7) AS m, count(e) AS n""")
    total = cy(sample, "MATCH (e:Event {type: 'inspection'}) RETURN count(e) AS n")[0]["n"]
    body = df[df.person != "total"].set_index("person_id")
    for r in truth:
        assert body.loc[r["id"], r["m"]] == r["n"]
    assert df[df.person == "total"]["total"].item() == total == body["total"].sum()
    months = [c for c in df.columns if re.fullmatch(r"\d{4}-\d{2}", c)]
    assert months == sorted(months) and (body[months].sum(axis=1) == body["total"]).all()
    # the same table as parquet and markdown
    pq = tmp_path / "by.parquet"
    kb("report", "visits", "--by", "person,month", "--format", "parquet", "-o", pq)
    assert pd.read_parquet(pq)["total"].tolist() == df["total"].tolist()
    md = kb("report", "visits", "--by", "person,month", "--format", "markdown")
    assert md.count("\n|") >= len(df) and "| total |" in md
    # the other cuts run and add up
    for by in ("place,year", "person,county"):
        d2 = pd.read_csv(StringIO(kb("report", "visits", "--by", by, "--format", "csv")))
        assert d2.iloc[-1]["total"] == total


@pytest.mark.neo4j
def test_most_visited_counties_one_command(sample):
    rows = json.loads(kb("report", "places", "--top", "20", "--format", "json"))
    truth = Counter()
    for r in cy(sample, """
            MATCH (e:Event {type: 'inspection'})-[:VISITED|IN]->(s)-[:LOCATED_IN|PART_OF*0..6]->(y:Place)
            WHERE y.code =~ '\\\\d{4}(?!00)\\\\d{2}'
            RETURN DISTINCT e.id AS e, y.code AS c"""):
        truth[r["c"]] += 1
    assert rows and len(rows) <= 20
    assert len(rows) == min(20, len(truth))
    left = [n for c, n in truth.items() if c not in {r["code"] for r in rows}]
    assert all(n <= rows[-1]["visits"] for n in left), "the top ones"
    assert [r["visits"] for r in rows] == sorted((r["visits"] for r in rows), reverse=True)
    for r in rows:
        assert r["visits"] == truth[r["code"]]
        assert date.fromisoformat(r["first"]) <= date.fromisoformat(r["last"])


@pytest.mark.neo4j
def test_html_report_is_self_contained(sample, tmp_path):
    p = tmp_path / "r.html"
    kb("report", "html", "-o", p)
    html = p.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="kb-data">(.*?)</script>', html, re.S).group(1))
    leads = {r["n"] for r in cy(sample, "MATCH (p:Person)-[:PARTICIPATED_IN {role: 'lead'}]->"
                                        "(e:Event {type: 'inspection'}) WHERE e.date IS NOT NULL RETURN p.name AS n")}
    assert {x["name"] for x in data["people"]} == leads
    assert all(len(x["counts"]) == len(data["months"]) for x in data["people"])
    assert data["points"] and all(73 < x["lon"] < 136 for x in data["points"])
    assert not re.search(r'(src|href)="https?:', html), "nothing fetched from the network"


@pytest.mark.neo4j
def test_search_article_bodies(sample):
    for word in ("复工复产", "疫情防控"):
        out = json.loads(kb("search", word, "--format", "json", "--limit", "1000"))
        truth = {r["id"] for r in cy(sample, "MATCH (a:Article) WHERE a.text CONTAINS $w RETURN a.id AS id", w=word)}
        assert truth and {r["article_id"] for r in out} == truth
        assert all(word in r["sentence"] for r in out)
        assert [r["published"] for r in out] == sorted(r["published"] for r in out)
    assert json.loads(kb("search", "小龙虾", "--format", "json")) == []
    some = json.loads(kb("search", "疫情防控", "--format", "json", "--from", "2020-03-01", "--outlet", "株洲"))
    assert some and all(r["published"] >= "2020-03-01" and "株洲" in r["outlet"] for r in some)


@pytest.mark.neo4j
def test_an_export_transaction_has_its_own_timeout(sample, monkeypatch):
    """The server ends transactions after db.transaction.timeout (kb's server: 120 s); a whole-graph
    export streams longer, so its read transaction begins with KB_EXPORT_TX_TIMEOUT (0 = no limit)."""
    import time

    from kb.errors import QueryError
    from kb.export import ExportError, records, tx_timeout

    driver, database = sample
    q = "UNWIND range(1, 20000) AS i RETURN i"          # more than one fetch of records

    def slow_reader():
        with records(driver, database, q, {}) as recs:
            first = next(recs)["i"]
            time.sleep(2.5)                              # a slow writer, between two fetches
            return first + sum(1 for _ in recs)

    monkeypatch.setenv("KB_EXPORT_TX_TIMEOUT", "1")
    with pytest.raises(QueryError, match="terminated|timeout"):
        slow_reader()
    monkeypatch.setenv("KB_EXPORT_TX_TIMEOUT", "0")
    assert slow_reader() == 20000
    monkeypatch.setenv("KB_EXPORT_TX_TIMEOUT", "soon")
    with pytest.raises(ExportError):
        tx_timeout()
