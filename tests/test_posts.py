"""The post register (kb/posts): seats from printed titles, tenures, resolution by post and date, the
roster, the reports — on hand-written pages of invented papers (names invented) and on a small
synthetic archive with known tenures (bench/synth_posts.py)."""
from __future__ import annotations

import csv
import io
import sys
from datetime import date
from pathlib import Path

import pytest

from kb.posts import scan
from kb.posts.seats import parts_of, region_for, region_from_name, seats_of
from kb.posts.tenures import Act, Sighting, build_seat

REPO = Path(__file__).resolve().parent.parent
LC = region_for("岚川日报")          # a city the gazetteer does not know: scoped from the outlet's name


# ------------------------------------------------------------------ no server

def test_region_without_the_gazetteer():
    assert LC.city == "岚川市"
    assert region_for("鹤屿县融媒体中心").county == "鹤屿县"
    r = region_from_name("岚川市鹤屿县")
    assert (r.city, r.county) == ("岚川市", "鹤屿县")
    assert region_for("岚川日报", "澄陵市").city == "澄陵市"      # an explicit region wins


def test_seats_of_printed_titles():
    s = {(x.organization, x.post) for x in seats_of("市委副书记、市长", LC)}
    assert s == {("中共岚川市委", "副书记"), ("岚川市人民政府", "市长")}
    acting = seats_of("代市长", LC)[0]
    assert (acting.post, acting.base, acting.acting) == ("代市长", "市长", True)
    assert acting.key == seats_of("岚川市市长", LC)[0].key            # joined to the same seat
    assert seats_of("中共岚川市委书记", LC)[0].key == seats_of("市委书记", LC)[0].key == ("中共岚川市委", "书记")
    assert [(p, x.organization, x.post) for p, x in parts_of("市委常委、秘书长", LC)] == [
        ("市委常委", "中共岚川市委", "常委"), ("秘书长", "中共岚川市委", "秘书长")]
    assert [(x.organization, x.post) for x in seats_of("鹤屿县委副书记、县长", LC)] == [
        ("中共鹤屿县委", "副书记"), ("鹤屿县人民政府", "县长")]
    assert seats_of("原市长", LC) == [] and seats_of("记者", LC) == []
    assert seats_of("县委书记", LC) == []          # which county? a city paper cannot say
    assert not seats_of("副市长", LC)[0].single and seats_of("市长", LC)[0].single


def _s(title, name, day, art="a"):
    seat = seats_of(title, LC)[0]
    return Sighting(seat, "p:" + name, name, title, date.fromisoformat(day), art + day)


def test_tenures_cut_at_the_successor_and_acting_then_elected():
    seat = seats_of("市长", LC)[0]
    ss = [_s("市长", "甲", "2020-01-05"), _s("市长", "甲", "2020-04-01"), _s("代市长", "乙", "2020-05-10"),
          _s("市长", "乙", "2020-09-01"), _s("市长", "甲", "2020-05-20")]         # a late misprint of 甲
    acts = [Act("appoint", seats_of("代市长", LC)[0], "p:乙", "乙", date(2020, 5, 1), "x"),
            Act("remove", seat, "p:甲", "甲", date(2020, 5, 1), "x"),
            Act("elect", seat, "p:乙", "乙", date(2020, 8, 20), "y")]
    rows = build_seat(ss, acts, [])
    got = [(t.name, t.seat.post, t.start, t.end, t.certainty) for t in rows]
    assert got == [("甲", "市长", date(2020, 1, 5), date(2020, 4, 30), "interval"),
                   ("乙", "代市长", date(2020, 5, 1), date(2020, 8, 19), "exact"),
                   ("乙", "市长", date(2020, 8, 20), None, "exact")]
    assert rows[1].predecessor == "甲" and rows[1].first().article == "x"


def test_post_named_alone():
    refs = scan.post_refs("市长主持召开会议。王市长指出，要压实责任。", [])
    assert [r[0] for r in refs] == ["王市长", "市长"]
    assert scan.post_refs("市委书记周立新到鹤屿县调研，县委书记韩志刚陪同", ["周立新", "韩志刚"]) == []
    assert scan.post_refs("市长热线开通，副市长到场", []) == []


# ------------------------------------------------------------------ hand-written pages

PAGES = {
    # 岚川日报: the mayor changes hands (appointment of an acting mayor, then the election), the party
    # secretary changes with no report (sightings only), concurrent posts, a headline with the post only
    "lc-2021-01-05.txt": ("岚川日报", "2021-01-05", """市委书记周立新调研工业项目

本报讯（记者 林小雨）1月4日，市委书记周立新到鹤屿县调研工业项目建设。市委副书记、市长郑明远，市委常委、秘书长林海陪同。
周立新先后来到岚川新材料有限公司、鹤屿工业园，察看项目进展。
"""),
    "lc-2021-03-10.txt": ("岚川日报", "2021-03-10", """市长郑明远主持召开政府常务会议

本报讯（记者 何青）3月9日，市长郑明远主持召开市政府常务会议，研究部署安全生产工作。
"""),
    "lc-2021-06-02.txt": ("岚川日报", "2021-06-02", """市人大常委会召开会议 决定人事任免

本报讯（记者 何青）6月1日，市人大常委会会议决定任命钱国栋为岚川市人民政府代市长，免去郑明远的岚川市人民政府市长职务。
"""),
    "lc-2021-06-15.txt": ("岚川日报", "2021-06-15", """代市长钱国栋调研防汛工作

本报讯（记者 林小雨）6月14日，代市长钱国栋到云岭镇调研防汛工作。市委书记周立新参加。
"""),
    "lc-2021-07-01.txt": ("岚川日报", "2021-07-01", """市委书记韩志刚调研乡村振兴

本报讯（记者 林小雨）6月30日，市委书记韩志刚到荻浦县调研乡村振兴工作，察看了东坪村产业基地。
"""),
    "lc-2021-08-20.txt": ("岚川日报", "2021-08-20", """钱国栋当选岚川市人民政府市长

本报讯（记者 何青）8月19日，市人民代表大会举行全体会议，选举钱国栋为岚川市人民政府市长。
"""),
    "lc-2021-09-01.txt": ("岚川日报", "2021-09-01", """市长调研乡村振兴工作

本报讯（记者 林小雨）8月31日，市长到石湾镇调研乡村振兴工作，察看了柳岸村产业基地。
"""),
    # 澄陵日报: another city's mayor with the same name as 岚川's party secretary
    "cl-2021-05-05.txt": ("澄陵日报", "2021-05-05", """市长周立新调研重点项目

本报讯（记者 苏晓）5月4日，市长周立新到青溪镇调研重点项目建设。
"""),
    # a county's own paper: the headline names only the post
    "hy-2021-04-01.txt": ("鹤屿县融媒体中心", "2021-04-01", """县委书记冯远航调研教育工作

本报讯（记者 江帆）3月31日，县委书记冯远航到中心小学调研教育工作。
"""),
    "hy-2021-04-20.txt": ("鹤屿县融媒体中心", "2021-04-20", """县委书记调研安全生产

本报讯（记者 江帆）4月19日，县委书记到白沙镇调研安全生产工作，察看了物流园。
"""),
}


def write_pages(folder: Path, names=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["file,outlet,published"]
    for name, (outlet, day, text) in PAGES.items():
        if names is None or name in names:
            (folder / name).write_text(text, encoding="utf-8")
            rows.append(f"{name},{outlet},{day}")
    man = folder.parent / f"{folder.name}-manifest.csv"
    man.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return man


def _load(driver, database, folder, man, **kw):
    from kb import loader
    rep = loader.load(driver, database, [folder], manifest=str(man), workers=1, **kw)
    assert not rep.failed, rep.failed
    return rep


def holder(driver, database, post, on, org=None):
    from kb import queries
    rows, cols = queries.run_query(driver, database, "post_holder", {"post": post, "on": on, "organization": org})
    assert cols[:6] == ["person", "title", "organization", "from", "to", "certainty"]
    return rows


def succession(driver, database, post, org=None):
    from kb import queries
    return queries.run_query(driver, database, "succession", {"post": post, "organization": org, "limit": None})[0]


@pytest.fixture(scope="module")
def loaded(driver, database, tmp_path_factory):
    """The hand-written pages, loaded once for this module (the tests that change the graph come last)."""
    from conftest import wipe
    from kb import graph
    wipe(driver, database)
    graph.apply_schema(driver, database)
    folder = tmp_path_factory.mktemp("posts") / "pages"
    man = write_pages(folder)
    rep = _load(driver, database, folder, man)
    yield driver, database, folder, man, rep
    wipe(driver, database)


@pytest.mark.neo4j
def test_post_changing_hands_acting_then_elected(loaded):
    driver, database, *_ = loaded
    assert [r["person"] for r in holder(driver, database, "市长", "2021-03-10", "岚川市")] == ["郑明远"]
    (r,) = holder(driver, database, "市长", "2021-06-15", "岚川市")
    assert (r["person"], r["post"], r["from"], r["to"], r["certainty"]) == (
        "钱国栋", "代市长", date(2021, 6, 1), date(2021, 8, 18), "exact")
    (r,) = holder(driver, database, "市长", "2021-09-01", "岚川市")
    assert (r["person"], r["post"], r["from"], r["to"], r["certainty"]) == (
        "钱国栋", "市长", date(2021, 8, 19), None, "exact")
    rows = [x for x in succession(driver, database, "市长", "岚川市")]
    assert [(x["person"], x["post"]) for x in rows] == [("郑明远", "市长"), ("钱国栋", "代市长"), ("钱国栋", "市长")]
    assert rows[0]["to"] == date(2021, 5, 31) and rows[0]["end_basis"] == "removal"
    assert rows[1]["predecessor"] == "郑明远" and rows[1]["start_basis"] == "appointment"
    # the party secretary: no report, cut where the successor is first seen
    sec = succession(driver, database, "书记", "中共岚川市委")
    assert [(x["person"], x["certainty"]) for x in sec] == [("周立新", "interval"), ("韩志刚", "interval")]
    assert sec[0]["to"] == date(2021, 6, 30)
    assert [r["person"] for r in holder(driver, database, "书记", "2021-06-20", "中共岚川市委")] == ["周立新"]


@pytest.mark.neo4j
def test_concurrent_posts_and_namesakes_in_two_cities(loaded):
    from kb.posts.roster import export_rows
    driver, database, *_ = loaded
    rows = export_rows(driver, database)
    mine = {(r["person"], r["organization"], r["post"]) for r in rows}
    assert {("郑明远", "中共岚川市委", "副书记"), ("郑明远", "岚川市人民政府", "市长"),
            ("林海", "中共岚川市委", "常委"), ("林海", "中共岚川市委", "秘书长")} <= mine
    zl = [r for r in rows if r["person"] == "周立新"]
    assert {(r["organization"], r["post"]) for r in zl} == {("中共岚川市委", "书记"), ("澄陵市人民政府", "市长")}
    assert len({r["scope"] for r in zl}) == 2, "two people, not one"
    assert [r["person"] for r in holder(driver, database, "市长", "2021-05-05", "澄陵市")] == ["周立新"]
    assert [r["organization"] for r in holder(driver, database, "市长", "2021-05-05")] == ["岚川市人民政府", "澄陵市人民政府"]


def _resolved(driver, database):
    recs, _, _ = driver.execute_query(
        "MATCH (p:Person)-[r:MENTIONED_IN {resolved_by: 'post+date'}]->(a:Article) "
        "RETURN a.title AS title, a.published AS day, r.where AS where, p.name AS person, r.tenure AS tenure "
        "ORDER BY day, where", database_=database, routing_="r")
    return [dict(r) for r in recs]


@pytest.mark.neo4j
def test_a_headline_naming_only_the_post(loaded):
    driver, database, *_ = loaded
    got = {(r["title"], r["where"], r["person"]) for r in _resolved(driver, database)}
    assert ("市长调研乡村振兴工作", "title", "钱国栋") in got
    assert ("市长调研乡村振兴工作", "text", "钱国栋") in got
    assert ("县委书记调研安全生产", "title", "冯远航") in got
    # articles that name the holder themselves are not resolved again
    assert not any(t.startswith(("市长郑明远", "县委书记冯远航")) for t, _w, _p in got)


@pytest.mark.neo4j
def test_cli(loaded, settings, monkeypatch, tmp_path):
    from click.testing import CliRunner
    from kb.cli import cli as kb_cli
    for k, v in (("NEO4J_URI", settings.uri), ("NEO4J_USERNAME", settings.username),
                 ("NEO4J_PASSWORD", settings.password), ("NEO4J_DATABASE", settings.database)):
        monkeypatch.setenv(k, v)
    run = CliRunner().invoke
    res = run(kb_cli, ["posts", "export"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert list(rows[0])[:9] == ["person", "organization", "post", "title", "from", "to", "certainty",
                                 "first_article", "last_article"]
    assert any(r["person"] == "钱国栋" and r["post"] == "代市长" and r["from"] == "2021-06-01" for r in rows)
    res = run(kb_cli, ["posts", "holder", "市长", "--on", "2021-06-15", "--org", "岚川市", "--format", "json"])
    assert res.exit_code == 0 and '"钱国栋"' in res.output and '"代市长"' in res.output
    res = run(kb_cli, ["posts", "person", "钱国栋", "--format", "csv"])
    assert res.exit_code == 0
    career = list(csv.DictReader(io.StringIO(res.output)))
    assert [(r["post"], r["from"]) for r in career] == [("代市长", "2021-06-01"), ("市长", "2021-08-19")]
    res = run(kb_cli, ["posts", "succession", "市长", "--org", "岚川市"])
    assert res.exit_code == 0 and "郑明远" in res.output and "(3 rows)" in res.output
    bad = tmp_path / "bad.csv"
    bad.write_text("name,post\nX,市长\n", encoding="utf-8")
    res = run(kb_cli, ["posts", "import", str(bad)])
    assert res.exit_code != 0


@pytest.mark.neo4j
def test_rebuild_is_idempotent_and_new_pages_change_it(loaded, tmp_path):
    from kb.posts.build import build
    from kb.posts.roster import export_rows
    driver, database, folder, man, _rep = loaded
    before, res = export_rows(driver, database), _resolved(driver, database)
    build(driver, database)
    _load(driver, database, folder, man, force=True)
    assert export_rows(driver, database) == before and _resolved(driver, database) == res
    # new pages: a new mayor seen in October; a post-only headline after that resolves to them
    more = tmp_path / "more"
    more.mkdir()
    (more / "lc-2021-10-10.txt").write_text("市长许文博调研教育工作\n\n本报讯（记者 何青）10月9日，市长许文博到中心小学调研教育工作。\n", encoding="utf-8")
    (more / "lc-2021-10-12.txt").write_text("市长调研防汛工作\n\n本报讯（记者 何青）10月11日，市长到梅岭镇调研防汛工作。\n", encoding="utf-8")
    m2 = tmp_path / "m2.csv"
    m2.write_text("file,outlet,published\nlc-2021-10-10.txt,岚川日报,2021-10-10\nlc-2021-10-12.txt,岚川日报,2021-10-12\n", encoding="utf-8")
    _load(driver, database, more, m2)
    got = {(str(r["day"]), r["where"]): r["person"] for r in _resolved(driver, database)}
    assert got[("2021-09-01", "title")] == "钱国栋" and got[("2021-10-12", "title")] == "许文博"
    rows = succession(driver, database, "市长", "岚川市")
    assert rows[-2]["person"] == "钱国栋" and rows[-2]["to"] == date(2021, 10, 9)


@pytest.mark.neo4j
def test_roster_import_wins(loaded, tmp_path):
    from kb.posts.roster import import_roster
    driver, database, *_ = loaded
    roster = tmp_path / "roster.csv"
    roster.write_text("person,organization,post,from,to,source\n"
                      "周立新,中共岚川市委,书记,2019-03-01,2021-06-10,curated\n"
                      "韩志刚,中共岚川市委,书记,2021-06-11,,curated\n"
                      "坏行,中共岚川市委,书记,2021-13-01,,curated\n", encoding="utf-8")
    res = import_roster(driver, database, roster)
    assert res["imported"] == 2 and len(res["bad"]) == 1 and "line 4" in res["bad"][0]
    (r,) = holder(driver, database, "书记", "2021-06-20", "中共岚川市委")
    assert (r["person"], r["imported"], r["certainty"]) == ("韩志刚", True, "exact")
    sec = succession(driver, database, "书记", "中共岚川市委")
    assert [(x["person"], x["imported"]) for x in sec] == [("周立新", True), ("韩志刚", True)]
    # the imported person is the one the pages show (same seat, same name): one 周立新 in 岚川
    recs, _, _ = driver.execute_query("MATCH (p:Person {name: '周立新'}) RETURN count(p) AS n", database_=database)
    assert recs[0]["n"] == 2          # 岚川's and 澄陵's


# ------------------------------------------------------------------ a synthetic archive

@pytest.mark.neo4j
def test_synthetic_archive_with_known_tenures(empty_db, tmp_path):
    sys.path.insert(0, str(REPO / "bench"))
    import synth_posts
    driver, database = empty_db
    truth = synth_posts.generate(tmp_path / "arch", years=2, seed=11, every=4, per_day=(3, 5))
    _load(driver, database, tmp_path / "arch" / "pages", tmp_path / "arch" / "manifest.csv", pages_per_tx=8)
    m = synth_posts.measure(driver, database, truth, samples=400)
    assert m["holder_accuracy"] >= 0.95, m["holder_misses"]
    assert m["recall"] >= 0.95, m["missed_pairs"]
    assert m["precision"] >= 0.95, m["false_pairs"]
    assert m["refs_resolved_right"] >= 0.9


@pytest.mark.neo4j
def test_region_from_the_manifest_scopes_a_paper_the_gazetteer_does_not_know(empty_db, tmp_path):
    driver, database = empty_db
    folder = tmp_path / "tx"
    folder.mkdir()
    (folder / "tx-2021-02-02.txt").write_text(
        "区委书记邵明辉调研项目建设\n\n本报讯（记者 江帆）2月1日，区委书记邵明辉到西塘镇调研项目建设。区委副书记、区长顾文山陪同。\n",
        encoding="utf-8")
    (folder / "tx-2021-02-09.txt").write_text(
        "区委书记调研民生实事\n\n本报讯（记者 江帆）2月8日，区委书记到枫林镇调研民生实事。\n", encoding="utf-8")
    man = tmp_path / "tx.csv"
    man.write_text("file,outlet,published,region\ntx-2021-02-02.txt,桐溪融媒,2021-02-02,岚川市桐溪区\n"
                   "tx-2021-02-09.txt,桐溪融媒,2021-02-09,岚川市桐溪区\n", encoding="utf-8")
    _load(driver, database, folder, man)
    assert [r["person"] for r in holder(driver, database, "书记", "2021-02-05", "中共桐溪区委")] == ["邵明辉"]
    assert [r["person"] for r in holder(driver, database, "区长", "2021-02-05", "桐溪区人民政府")] == ["顾文山"]
    got = {(r["title"], r["person"]) for r in _resolved(driver, database)}
    assert ("区委书记调研民生实事", "邵明辉") in got
