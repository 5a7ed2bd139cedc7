"""A post as written → organisation (scoped by the outlet's region) + post (loaders/titles.py)."""
import pytest

from loaders.lexicon import wordlist
from loaders.titles import inherit, parse_title, post_suffix


@pytest.mark.parametrize("text,outlet,org,post", [
    ("市委副书记", "株洲日报", "株洲市委", "副书记"),
    ("市委书记", "株洲日报", "株洲市委", "书记"),
    ("市长", "株洲日报", "株洲市人民政府", "市长"),
    ("副市长", "株洲日报", "株洲市人民政府", "副市长"),
    ("市政协副主席", "株洲日报", "株洲市政协", "副主席"),
    ("市人大常委会主任", "株洲日报", "株洲市人大常委会", "主任"),
    ("市二医院院长", "株洲日报", "株洲市二医院", "院长"),
    ("县委书记", "桃源县融媒体中心", "桃源县委", "书记"),      # a county outlet scopes 县
    ("市委书记", "攸县人民政府网", "株洲市委", "书记"),          # … and 市 to its city
    ("县长", "临沂经济网", None, "县长"),                        # a city outlet cannot name the county
    ("政府县长", "蔚县文明网", "蔚县人民政府", "县长"),
    ("县政协党组书记", "临沂经济网", "县政协", "党组书记"),
    ("总书记", None, "中共中央", "总书记"),
    ("株洲日报记者", "株洲日报", "株洲日报", "记者"),
    ("通讯员", "株洲日报", None, "通讯员"),
])
def test_parse(text, outlet, org, post):
    t = parse_title(text, outlet)
    assert (t.text, t.organization, t.post) == (text, org, post)


def test_post_suffix_longest():
    assert post_suffix("县委副书记") == "副书记"
    assert post_suffix("常务副县长") == "常务副县长"
    assert post_suffix("云田镇卫生院医务工作者") == "医务工作者"
    assert post_suffix("值守") is None


def test_inherit_from_previous_list_item():
    assert inherit("副主任", "市疾控中心主任") == "市疾控中心副主任"
    assert inherit("院感科主任", "市中心医院感染内科主任") == "市中心医院院感科主任"
    assert inherit("副市长", "市委副书记") == "副市长"       # another post: nothing inherited


def test_wordlists_are_data():
    assert "书记" in wordlist("posts") and "调研" in wordlist("inspection_triggers")
    assert all(not w.startswith("#") for w in wordlist("posts"))


@pytest.mark.parametrize("text,outlet,org,post", [
    ("旗委副书记", "阿荣旗融媒体中心", "阿荣旗委", "副书记"),            # a banner is county level
    ("旗长", "阿荣旗融媒体中心", "阿荣旗人民政府", "旗长"),
    ("州委书记", "凉山日报", "凉山彝族自治州委", "书记"),                # an autonomous prefecture: city level
    ("自治区党委常委", "广西日报", "广西壮族自治区党委", "常委"),
    ("自治区副主席", "广西日报", "广西壮族自治区人民政府", "副主席"),
    ("县委办主任", "湄潭县融媒体中心", "湄潭县委办", "主任"),
    ("县红十字会常务副会长", "龙门县融媒体中心", "龙门县红十字会", "常务副会长"),
])
def test_more_levels_and_bodies(text, outlet, org, post):
    t = parse_title(text, outlet)
    assert (t.organization, t.post) == (org, post)
