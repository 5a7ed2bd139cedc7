"""The gazetteer from jionlp's shipped china_location.txt (loaders/gazetteer.py)."""
import subprocess
import sys
import time

from loaders.gazetteer import gazetteer


def test_outlet_regions():
    g = gazetteer()
    for outlet, name, code, level in [("株洲日报", "株洲市", "430200", "city"),
                                       ("桃源县融媒体中心", "桃源县", "430725", "county"),
                                       ("攸县人民政府网", "攸县", "430223", "county"),
                                       ("钟祥新闻网", "钟祥市", "420881", "county")]:
        r = g.region_for_outlet(outlet)
        assert (g.names[r], g.codes[r], g.level(r)) == (name, code, level)
    assert g.region_for_outlet("thnews.gov.cn") is None


def test_ambiguity_resolved_by_region():
    g = gazetteer()
    zz = g.region_for_outlet("株洲日报")
    d = g.resolve("云龙示范区", zz)
    assert g.codes[d] == "430271"
    # short names resolve near home
    assert g.full_name(g.resolve("醴陵", zz)) == "株洲市醴陵市"
    # towns and villages below the region, with parents
    t = g.resolve("虎踞镇", zz)
    assert g.level(t) == "town" and g.names[g.parent(t)] == "茶陵县"
    v = g.resolve("水源村", zz)
    assert g.level(v) == "village" and g.full_name(v) == "株洲市茶陵县虎踞镇水源村"


def test_levels_and_parents():
    g = gazetteer()
    d = g.resolve("石峰区", g.region_for_outlet("株洲日报"))
    assert g.level(d) == "county" and g.names[g.parent(d)] == "株洲市"
    p = g.parent(g.parent(d))
    assert g.names[p] == "湖南省" and g.level(p) == "province"


def test_find_in_text():
    g = gazetteer()
    text = "市长赴茶陵县虎踞镇水源村督导，随后前往醴陵。"
    found = [text[a:b] for a, b, _ in g.find(text, g.region_for_outlet("株洲日报"))]
    assert found == ["茶陵县", "虎踞镇", "水源村", "醴陵"]


def test_startup_is_fast():
    import kb  # noqa: F401  (sets the cache dir, as every kb command does)

    gazetteer()  # the cache exists now (in kb's cache dir: importing kb passes it to the gazetteer)
    t = time.time()
    subprocess.run([sys.executable, "-c", "import kb; from loaders.gazetteer import gazetteer; gazetteer()"],
                   check=True)
    assert time.time() - t < 3.0
