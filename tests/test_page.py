"""Page segmentation on small hand-written pages, one layout case each."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.errors import InputError
from loaders.layout import segment_page
from loaders.layout.grammar import match_dateline, parse_credits
from loaders.pipeline import segment_text

EXAMPLES = Path(__file__).parent.parent / "examples"


def seg(src, outlet="示例日报"):
    return segment_page(src, "t.txt", outlet=outlet)


def check_offsets(src, arts):
    for a in arts:
        assert 0 <= a.start < a.end <= len(src)
        for ch, o in zip(a.text, a.char_map):
            if ch not in " \n":
                assert src[o] == ch
        for p in a.paragraphs:
            assert a.start <= p.start < p.end <= a.end
        for b in a.bylines:
            assert "".join(src[b.start:b.end].split()) == b.name


TITLE_BEFORE = """示例日报

县委召开专题会议部署防汛工作

示例日报记者 张三
通讯员/李四 王五

示例日报讯 3月1日，县委召开专题会议，部署防汛工作。会议要求各地压实责任。

会议强调，要加强值班值守。

第二篇稿件的标题在这里

示例日报记者 赵六

示例日报讯 3月1日，县政府召开常务会议，研究有关事项。
"""


def test_title_before_byline_on_own_line():
    arts = seg(TITLE_BEFORE)
    assert [a.title for a in arts] == ["县委召开专题会议部署防汛工作", "第二篇稿件的标题在这里"]
    a = arts[0]
    assert a.reporters == ["张三"] and a.correspondents == ["李四", "王五"]
    assert [(b.name, b.title, b.role) for b in a.bylines] == [
        ("张三", "示例日报记者", "reporter"), ("李四", "通讯员", "correspondent"), ("王五", "通讯员", "correspondent")]
    assert a.dateline == "示例日报讯"
    assert a.reprint_source is None
    assert a.text == "3月1日，县委召开专题会议，部署防汛工作。会议要求各地压实责任。\n会议强调，要加强值班值守。"
    assert len(a.paragraphs) == 2
    assert TITLE_BEFORE[a.start:a.end].startswith("县委召开专题会议")
    check_offsets(TITLE_BEFORE, arts)


TITLE_AFTER = """示例日报记者 张三
通讯员/李四

示例日报讯 3 月 6 日，县妇联开展关爱
行动，为全县 69 名一线医务工作者送去
慰问品，鼓励她们坚守岗位。

县妇联负责人表示，将持续做好服务保
障工作。

县妇联关爱一线医务人员

“暖心包”
送到一线医务工作者手中

示例日报记者 王五

示例日报讯 3月7日，县中心血站完成血浆
采集任务，支援邻市患者救治。

县血站血浆驰援邻市
"""


def test_title_after_body_with_kicker_and_broken_title():
    arts = seg(TITLE_AFTER)
    assert len(arts) == 2
    a, b = arts
    full = (a.kicker or "") + (a.title or "") + (a.subtitle or "")
    assert "“暖心包”送到一线医务工作者手中" in full
    assert a.text.startswith("3月6日，县妇联开展关爱行动，为全县69名一线医务工作者送去慰问品")
    assert b.title == "县血站血浆驰援邻市" and b.reporters == ["王五"]
    check_offsets(TITLE_AFTER, arts)


KICKER_SUBTITLE = """县长赴乡镇督导时强调

压实责任确保安全度汛

示例日报记者 张三

示例日报讯 3月7日，县长赴乡镇督导防汛工作。他强调，要压实责任。

我县新闻工作者坚守一线——

携笔赴“战场” 倾情谱“战歌”

——全县新闻战线抗疫纪实

示例日报记者 李四

示例日报讯 连日来，全县新闻工作者坚守一线。
"""


def test_kicker_and_subtitle_markers():
    a, b = seg(KICKER_SUBTITLE)
    assert (a.kicker, a.title) == ("县长赴乡镇督导时强调", "压实责任确保安全度汛")
    assert b.kicker == "我县新闻工作者坚守一线——"
    assert b.title == "携笔赴“战场” 倾情谱“战歌”"
    assert b.subtitle == "全县新闻战线抗疫纪实"


def test_byline_run_into_text():
    src = "县里召开防汛会议\n\n记者 张三 通讯员 李四 3月1日，县里召开防汛会议，部署工作。\n"
    (a,) = seg(src)
    assert a.title == "县里召开防汛会议"
    assert a.reporters == ["张三"] and a.correspondents == ["李四"]
    assert a.text == "3月1日，县里召开防汛会议，部署工作。"
    check_offsets(src, [a])


def test_byline_in_parentheses_after_dateline():
    src = "县里召开防汛会议\n\n本报讯（记者 张三 通讯员 李四）3月1日，县里召开防汛会议。\n"
    (a,) = seg(src)
    assert a.dateline == "本报讯"
    assert a.reporters == ["张三"] and a.correspondents == ["李四"]
    assert a.text == "3月1日，县里召开防汛会议。"
    check_offsets(src, [a])


@pytest.mark.parametrize("line,outlet,md", [
    ("本报讯 正文", "本报", None),
    ("示例日报讯 正文", "示例日报", None),
    ("示例日报2月5日讯 正文", "示例日报", (2, 5)),
    ("新华社北京3月1日电 正文", "新华社", (3, 1)),
    ("文成新闻网讯(记者 张三)7月3日", "文成新闻网", None),
    ("据新华社北京3月1日电 正文", "新华社", (3, 1)),
    ("本报北京3月1日电 正文", "本报", (3, 1)),
    ("新华社电 正文", "新华社", None),
    ("新华社电（记者 张三）正文", "新华社", None),
    ("本报综合新华社电 正文", "新华社", None),
])
def test_dateline_kinds(line, outlet, md):
    dl = match_dateline(line, 0, len(line))
    assert dl is not None and dl.outlet == outlet and dl.month_day == md


def test_reprint_source_from_wire_dateline():
    src = "国务院部署春耕生产\n\n新华社北京3月1日电 国务院常务会议1日召开，部署春耕生产。\n"
    (a,) = seg(src)
    assert a.dateline == "新华社北京3月1日电"
    assert a.reprint_source == "新华社"


JUMPS = """县委召开全会部署全年工作

示例日报记者 张三

示例日报讯 3月1日，县委召开全会，部署全年工作。会议指出，

下转2版①

县政府召开常务会议

示例日报记者 李四

示例日报讯 3月1日，县政府召开常务会议。

县委召开全会

上接1版①

要坚定信心，真抓实干，确保完成全年目标任务。
"""


def test_jump_markers_joined():
    arts = seg(JUMPS)
    assert [a.title for a in arts] == ["县委召开全会部署全年工作", "县政府召开常务会议"]
    a = arts[0]
    assert a.jumps[0] == "下转2版①" and any(j.startswith("上接") for j in a.jumps)
    assert a.text.endswith("确保完成全年目标任务。")
    assert "会议指出，" in a.text
    check_offsets(JUMPS, arts)


CAPTIONS = """县里开展志愿服务

示例日报记者 张三

示例日报讯 3月1日，县里开展志愿服务活动。

志愿者为居民测量体温。 李四 摄

活动持续一整天。

工作人员在现场检查。
受访者 供图
"""


def test_captions_kept_apart():
    (a,) = seg(CAPTIONS)
    assert [(c.text, c.credit) for c in a.captions] == [
        ("志愿者为居民测量体温。", "李四"), ("工作人员在现场检查。", "受访者")]
    assert "测量体温" not in a.text and "现场检查" not in a.text
    assert a.text == "3月1日，县里开展志愿服务活动。\n活动持续一整天。"
    assert ("李四", "摄", "photographer") in [(b.name, b.title, b.role) for b in a.bylines]
    for c in a.captions:
        assert CAPTIONS[c.start:c.end].endswith(("摄", "供图"))


TABLE = """全县重点项目进展情况

示例日报记者 张三

示例日报讯 全县重点项目进展顺利，详见下表。

项目名称    投资（亿元）    进度
产业园一期    12.5    80%
道路改造    3.2    60%

各项目将加快推进。
"""


def test_tables_kept_as_rows():
    (a,) = seg(TABLE)
    assert len(a.tables) == 1
    assert a.tables[0].rows == [["项目名称", "投资（亿元）", "进度"], ["产业园一期", "12.5", "80%"], ["道路改造", "3.2", "60%"]]
    assert "产业园一期" not in a.text
    assert TABLE[a.tables[0].start:a.tables[0].end].startswith("项目名称")


COMMENTARY_BEFORE = """让党旗高高飘扬

——系列评论之一

王评

关键时刻，关键在党。各级党组织要冲锋在前。

党员干部要站在第一线，守护群众健康。

下一篇的标题

示例日报记者 张三

示例日报讯 3月1日，县里召开会议。
"""

COMMENTARY_AFTER = """示例日报记者 张三

示例日报讯 3月1日，县里召开会议，部署
防汛工作。

县里部署防汛工作

听指挥才能打胜仗，这是做好当前工作的重
要遵循。一切行动听指挥，就要上下一心。

听指挥才能打胜仗
——系列评论之七

王评

示例日报记者 李四

示例日报讯 3月2日，县政府召开会议。

县政府召开会议
"""


def test_commentary_title_before_body_after():
    a, b = seg(COMMENTARY_BEFORE)
    assert a.kind == "commentary" and a.authors == ["王评"]
    assert a.title == "让党旗高高飘扬" and a.subtitle == "系列评论之一"
    assert a.text.startswith("关键时刻") and a.text.endswith("守护群众健康。")
    assert b.title == "下一篇的标题"


def test_commentary_body_before_title_and_pen_name():
    arts = seg(COMMENTARY_AFTER)
    assert [(x.kind, x.title) for x in arts] == [
        ("news", "县里部署防汛工作"), ("commentary", "听指挥才能打胜仗"), ("news", "县政府召开会议")]
    c = arts[1]
    assert c.authors == ["王评"] and c.subtitle == "系列评论之七"
    assert c.text.startswith("听指挥才能打胜仗，这是做好当前工作的重要遵循。")
    check_offsets(COMMENTARY_AFTER, arts)


def test_masthead_then_title_before():
    src = ("示例日报\n\nSHILI DAILY\n\n2020年2月\n\n1\n\n星期六\n\n第22153期\n\n今日4版\n\n"
           "县委出台措施： 在一线提拔使用优秀干部\n\n示例日报记者 张三\n\n示例日报讯 1月30日，县委出台措施。\n")
    (a,) = seg(src)
    assert a.title == "县委出台措施： 在一线提拔使用优秀干部"


def test_crlf_page_offsets():
    src = TITLE_BEFORE.replace("\n", "\r\n")
    arts = seg(src)
    assert [a.title for a in arts] == ["县委召开专题会议部署防汛工作", "第二篇稿件的标题在这里"]
    check_offsets(src, arts)


def test_parse_credits_line():
    s = "示例日报记者 李支 王五"
    bl, complete = parse_credits(s, 0, len(s))
    assert complete and [b.name for b in bl] == ["李支", "王五"]
    s = "示例日报记者张三（前排居中），正在采访。"
    assert not parse_credits(s, 0, len(s))[1]


def test_no_article_is_an_error():
    with pytest.raises(InputError) as ei:
        segment_text("1\n\n2\n\nABC\n", "junk.txt")
    assert "junk.txt" in str(ei.value) and "no recognisable article" in str(ei.value)


@pytest.mark.parametrize("name", sorted(p.name for p in (EXAMPLES / "zhuzhou-daily").glob("*.txt")))
def test_sample_pages_offsets(name):
    src = (EXAMPLES / "zhuzhou-daily" / name).read_text(encoding="utf-8")
    arts = segment_page(src, name, outlet="株洲日报")
    assert len(arts) >= 8
    check_offsets(src, arts)
    # articles do not overlap and come in page order
    for x, y in zip(arts, arts[1:]):
        assert x.start < y.start


# ---------------------------------------------------------------- layouts of other pages and outlets

AFTER_THEN_BEFORE = """示例日报记者 张三

示例日报讯 3月1日，县妇联开展关爱行动，为一线医务工作者送去慰问品。

县妇联负责人表示，将持续做好服务保障工作。

县妇联关爱一线医务人员

县政府召开常务会议

示例日报记者 李四

示例日报讯 3月2日，县政府召开常务会议，研究春耕生产。

会议要求各地抓好落实。
"""


def test_title_after_then_title_before_in_one_gap():
    arts = seg(AFTER_THEN_BEFORE)
    assert [a.title for a in arts] == ["县妇联关爱一线医务人员", "县政府召开常务会议"]
    assert arts[0].text.endswith("持续做好服务保障工作。")
    assert arts[1].text.startswith("3月2日，县政府召开常务会议")
    check_offsets(AFTER_THEN_BEFORE, arts)


MIXED_RUN = """示例日报记者 张三

示例日报讯 3月1日，县里召开防汛会议，部署
防汛工作。

县里部署防汛工作

县里启动春耕备耕

——各乡镇抢抓农时

示例日报记者 李四

示例日报讯 3月2日，县里启动春耕备耕工作。

各乡镇抢抓农时，组织农机下田。

县图书馆推出线上阅读服务

示例日报记者 王五

示例日报讯 县图书馆日前推出线上阅读服务。

读者在家即可借阅电子书。
"""


def test_mixed_layouts_do_not_cascade():
    arts = seg(MIXED_RUN)
    assert [a.title for a in arts] == ["县里部署防汛工作", "县里启动春耕备耕", "县图书馆推出线上阅读服务"]
    assert arts[1].subtitle == "各乡镇抢抓农时"
    assert arts[2].text.startswith("县图书馆日前推出线上阅读服务。")


SHORT_ITEM = """县委召开专题会议部署防汛工作

示例日报记者 张三

示例日报讯 3月1日，县委召开专题会议，部署防汛工作。

会议强调，要加强值班值守。

县图书馆延长开放时间

即日起，县图书馆每天延长开放两小时，方便读者借阅。

县政府召开常务会议

示例日报记者 李四

示例日报讯 3月2日，县政府召开常务会议。
"""


def test_short_item_without_byline_or_dateline_is_its_own_article():
    arts = seg(SHORT_ITEM)
    assert [a.title for a in arts] == ["县委召开专题会议部署防汛工作", "县图书馆延长开放时间", "县政府召开常务会议"]
    assert arts[0].text.endswith("要加强值班值守。")
    assert arts[1].text == "即日起，县图书馆每天延长开放两小时，方便读者借阅。"
    assert arts[1].reporters == [] and arts[1].dateline is None
    check_offsets(SHORT_ITEM, arts)


def test_short_item_at_the_top_of_the_page():
    src = ("县图书馆延长开放时间\n\n即日起，县图书馆每天延长开放两小时，方便读者借阅。\n\n"
           "县政府召开常务会议\n\n示例日报记者 李四\n\n示例日报讯 3月2日，县政府召开常务会议。\n")
    arts = seg(src)
    assert [a.title for a in arts] == ["县图书馆延长开放时间", "县政府召开常务会议"]
    assert arts[0].text == "即日起，县图书馆每天延长开放两小时，方便读者借阅。"


SUBHEADS = """县里全力保障春耕生产

示例日报记者 张三

示例日报讯 今年以来，县里全力保障春耕生产，各项工作有序推进。

多措并举 保障农资供应

县农业农村局组织农资企业加大调运力度，确保供应充足。

技术人员下田指导

县里组织技术人员深入田间地头，指导农户科学种田。

下一篇稿件的标题

示例日报记者 李四

示例日报讯 3月2日，县政府召开常务会议。
"""


def test_section_headings_do_not_split_the_article():
    arts = seg(SUBHEADS)
    assert [a.title for a in arts] == ["县里全力保障春耕生产", "下一篇稿件的标题"]
    assert "多措并举" in arts[0].text and arts[0].text.endswith("指导农户科学种田。")


@pytest.mark.parametrize("line,reporters,roles", [
    ("■本报记者 张三", ["张三"], ["reporter"]),
    ("■ 本报记者 张三 通讯员 李四", ["张三"], ["reporter", "correspondent"]),
    ("记者 张三 报道", ["张三"], ["reporter"]),
    ("本报记者 张三 实习生 李四", ["张三", "李四"], ["reporter", "reporter"]),
    ("全媒体记者 张三", ["张三"], ["reporter"]),
    ("融媒体记者 张三 通讯员 李四", ["张三"], ["reporter", "correspondent"]),
    ("文/图 张三", [], ["author"]),
])
def test_other_outlets_bylines_anchor_articles(line, reporters, roles):
    src = f"县里召开防汛会议\n\n{line}\n\n3月1日，县里召开防汛会议，部署工作。\n\n第二篇稿件的标题\n\n{line}\n\n3月2日，县政府召开常务会议。\n"
    arts = seg(src)
    assert [a.title for a in arts] == ["县里召开防汛会议", "第二篇稿件的标题"]
    assert arts[0].reporters == reporters
    assert [b.role for b in arts[0].bylines] == roles
    assert arts[0].text == "3月1日，县里召开防汛会议，部署工作。"
    check_offsets(src, arts)


def test_wire_dateline_with_reporter_in_parentheses():
    src = "国务院部署春耕生产\n\n新华社长沙3月1日电（记者 张三）国务院常务会议1日召开，部署春耕生产。\n"
    (a,) = seg(src)
    assert a.dateline == "新华社长沙3月1日电" and a.reporters == ["张三"] and a.reprint_source == "新华社"
    assert a.text.startswith("国务院常务会议1日召开")


FURNITURE = """A3
2020年3月8日 星期日
要闻

县委召开专题会议部署防汛工作

本报记者 张三

本报讯 3月1日，县委召开专题会议，部署防汛工作。

示例日报记者 李四

示例日报讯 3月2日，县政府召开常务会议，研究春耕生产。

县政府部署春耕生产

责任编辑 赵六 美术编辑 钱七
校对：孙八
"""


def test_page_furniture_is_not_an_article_or_a_title():
    arts = seg(FURNITURE)
    assert [(a.kicker, a.title) for a in arts] == [(None, "县委召开专题会议部署防汛工作"), (None, "县政府部署春耕生产")]
    assert all("编辑" not in a.text and "校对" not in a.text for a in arts)


def test_paragraph_ending_without_punctuation_before_a_title():
    src = ("县委召开专题会议\n\n示例日报记者 张三\n\n示例日报讯 3月1日，县委召开专题会议。网络举报：\n"
           "https://example.gov.cn/jubao/\n\n县政府召开常务会议\n\n示例日报记者 李四\n\n"
           "示例日报讯 3月2日，县政府召开常务会议。\n")
    arts = seg(src)
    assert [a.title for a in arts] == ["县委召开专题会议", "县政府召开常务会议"]


def test_commentary_title_right_after_a_title_after_article():
    src = ("示例日报记者 张三\n\n示例日报讯 3月1日，县里召开防汛会议，部署防汛工作。\n\n县里部署防汛工作\n\n"
           "听指挥才能打胜仗\n——系列评论之七\n\n王评\n\n一切行动听指挥，就要上下一心。\n")
    arts = seg(src)
    assert [(a.kind, a.title) for a in arts] == [("news", "县里部署防汛工作"), ("commentary", "听指挥才能打胜仗")]
    assert arts[1].text == "一切行动听指挥，就要上下一心。"


@pytest.mark.parametrize("block,kicker,title,subtitle", [
    # a much longer first line with figures over a short one: kicker, title
    ("县里建立23个心理援助服务微信群\n心理辅导助力疫情防控", "县里建立23个心理援助服务微信群", "心理辅导助力疫情防控", None),
    # a title over a slogan without figures: title, subtitle
    ("县长安排部署疫情防控工作\n落实落细各项防控举措", None, "县长安排部署疫情防控工作", "落实落细各项防控举措"),
    # three lines, the last two a parallel couplet: title + subtitle
    ("县长来到社区参与疫情防控服务\n走进社区察民情\n坐在一起话战“疫”", None, "县长来到社区参与疫情防控服务",
     "走进社区察民情 坐在一起话战“疫”"),
    # three lines, a long first line over a shorter title: kicker, title, subtitle
    ("落实上级有关意见 县委发文明确若干措施\n更好发挥各级党组织作用\n统筹推进疫情防控和经济发展", "落实上级有关意见 县委发文明确若干措施",
     "更好发挥各级党组织作用", "统筹推进疫情防控和经济发展"),
])
def test_unmarked_title_blocks(block, kicker, title, subtitle):
    src = f"{block}\n示例日报记者 张三\n\n示例日报讯 3月1日，县里召开会议。\n"
    (a,) = seg(src)
    assert (a.kicker, a.title, a.subtitle) == (kicker, title, subtitle)


def test_caption_between_articles_is_kept_with_its_credit():
    src = ("株洲日报记者 张三\n\n株洲日报讯 3月6日，某区妇联开展关爱行动，为一线医务工作者送去慰问品。\n\n"
           "某区妇联关爱一线医务工作者\n\n医务工作者喜领慰问品。 王五 供图\n\n"
           "株洲日报记者 李四\n\n株洲日报讯 3月7日，市中心血站紧急调拨血浆支援兄弟城市。\n\n"
           "市中心血站驰援兄弟城市\n\n现场照片。 受访者 供图\n")
    arts = segment_page(src, "cap.txt")
    assert [a.title for a in arts] == ["某区妇联关爱一线医务工作者", "市中心血站驰援兄弟城市"]
    cap = arts[0].captions[0]
    assert cap.credit == "王五" and src[cap.start:cap.end].startswith("医务工作者喜领慰问品")
    assert [(b.name, b.title) for b in arts[0].bylines if b.role == "photographer"] == [("王五", "供图")]
    assert arts[1].captions and not [b for b in arts[1].bylines if b.role == "photographer"]
    assert "慰问品。 王五" not in arts[0].text


# ---------------------------------------------------------------- other papers' full pages (pages2 round)

def titles_of(arts):
    return [" ".join(x for x in (a.kicker, a.title, a.subtitle) if x) for a in arts]


def test_masthead_items_on_one_line_and_section_name_after_page_number():
    src = ("某某日报\nMOUMOU DAILY\n2023年4月12日 星期三\n第 2 5 1 3 6 期  今日 8 版\n\n01\n要闻\n\n"
           "甲某在乙地调研时强调\n以项目建设的加速度\n跑出发展新速度\n\n"
           "本报讯（记者 庚小明）4月10日，省委书记甲某某在乙地调研。他强调，要抓项目。\n")
    arts = seg(src)
    assert len(arts) == 1
    assert arts[0].kicker == "甲某在乙地调研时强调" and "跑出发展新速度" in titles_of(arts)[0]
    assert "要闻" not in titles_of(arts)[0]


def test_a_title_with_a_temperature_is_not_weather():
    src = ("某某晚报\n2023年7月8日 星期六\n杭某 晴到多云 28℃—39℃\n\n"
           "某市今天最高气温39℃\n户外工作者有了“清凉驿站”\n全媒体记者 辛小雨\n\n今天，某市继续发布高温预警。\n")
    [a] = seg(src)
    assert "某市今天最高气温39℃" in titles_of([a])[0]


def test_jump_in_chinese_numerals_and_a_second_page_in_the_file():
    src = ("某某日报\n2020年6月18日\n星期四\n\n甲某调研蔬菜产业\n\n"
           "本报讯（记者 辛小雨）6月17日，市委书记甲某某来到东村，察看大棚。\n（下转第二版）\n\n\n"
           "乙某督导防汛\n\n本报讯（记者 庚小明）6月16日，市长乙某某督导防汛工作。\n\n\n"
           "2   2020年6月18日 星期四\n综合新闻\n\n（上接第一版）\n在西村，甲某某察看了合作社。\n市委常委丙某某参加调研。\n\n"
           "丁某视察重点项目\n\n本报讯（记者 辛小雨）6月17日，市人大常委会主任丁某某视察项目。\n")
    arts = seg(src)
    assert [a.title for a in arts] == ["甲某调研蔬菜产业", "乙某督导防汛", "丁某视察重点项目"]
    assert "合作社" in arts[0].text and arts[0].jumps[:2] == ["下转2版", "上接1版"]
    assert all("2020年6月18日" not in (a.title or "") and "综合新闻" not in a.text for a in arts)


def test_commentary_signatures_bullet_spaced_and_commentator():
    src = ("甲某督导防汛\n\n本报讯（记者 辛小雨）6月16日，市长甲某某督导防汛工作。\n\n"
           "让项目建设跑出加速度\n□本报评论员\n\n项目是经济发展的压舱石。抓项目就是抓发展。\n\n"
           "清凉更要常态化\n■ 余 声\n\n关爱户外工作者，不能只是一阵风。\n")
    arts = seg(src)
    assert [a.kind for a in arts] == ["news", "commentary", "commentary"]
    assert arts[1].authors == ["本报评论员"] and arts[2].authors == ["余声"]
    assert arts[2].text.startswith("关爱户外工作者")


def test_commentary_title_after_its_body_with_a_spaced_pen_name():
    src = ("全媒体记者 辛小雨\n\n本报讯 3月19日，某州招聘会在某市举行，200余家企业参加。（全媒体记者 庚小\n\n明）\n\n"
           "春风招聘会举行\n\n\n防火责任重于泰山。唯有人人绷紧这根弦，才能守护绿水青山。\n\n绷紧防火这根弦\n方 圆\n")
    arts = seg(src)
    assert [a.title for a in arts] == ["春风招聘会举行", "绷紧防火这根弦"]
    assert arts[1].authors == ["方圆"] and arts[1].text.startswith("防火责任")


def test_wentu_byline_before_the_reporter():
    src = "夜访夜市\n文/图 本报记者 尹 小\n\n昨晚，市场监管局局长甲某某暗访夜市。\n"
    [a] = seg(src)
    assert [(b.name, b.title) for b in a.bylines] == [("尹小", "本报记者")]


def test_caption_credit_with_spaced_name_and_role():
    src = ("某县新增3家企业\n\n本报讯（记者 辛小雨）近日，某县新增3家企业。\n\n"
           "9月13日，某镇农民收割水稻。 通讯员 申 小 摄\n\n"
           "乙某督导防汛\n\n本报讯（记者 庚小明）6月16日，市长乙某某督导防汛工作。\n")
    arts = seg(src)
    assert len(arts) == 2 and len(arts[0].captions) == 1
    assert ("申小", "通讯员") in [(b.name, b.title) for b in arts[0].bylines]


def test_brief_column_items_with_and_without_datelines():
    src = ("甲某督导防汛\n\n本报讯（记者 辛小雨）6月16日，市长甲某某督导防汛工作。\n\n"
           "简  讯\n\n某镇获评国家级试点\n本报讯 日前，某镇入选试点名单。（记者 庚 明）\n"
           "某县举办采摘节\n本报讯 11月21日，某县采摘节开幕，游客体验采摘。（通讯员 辛丽）\n\n"
           "简  讯\n■ 某市启动宣传周\n6月4日，某市宣传周活动启动，副市长丁某某出席。（记者 庚 明）\n"
           "■ 某县开展森林防火演练\n6月3日，某县开展森林防火应急演练，200余名队员参加。（通讯员 乙\n晓东）\n")
    arts = seg(src)
    assert [a.title for a in arts] == ["甲某督导防汛", "某镇获评国家级试点", "某县举办采摘节", "某市启动宣传周",
                                       "某县开展森林防火演练"]
    assert "（通讯员乙晓东）" in arts[-1].text


def test_photo_news_with_its_own_title():
    src = ("校友捐赠1亿元\n本报记者 庞 小\n7月6日，校友甲某某向母校捐赠1亿元。\n\n"
           "接天莲叶无穷碧\n7月7日，游客在西湖边赏荷。 本报记者 庞 小 摄\n\n本版编辑：包小音  版式设计：卢 小\n")
    arts = seg(src)
    assert [a.title for a in arts] == ["校友捐赠1亿元", "接天莲叶无穷碧"]
    assert len(arts[1].captions) == 1 and not arts[0].captions


def test_page_furniture_credits_become_editor_bylines():
    src = ("甲某督导防汛\n\n本报讯（记者 辛小雨）6月16日，市长甲某某督导防汛工作。\n\n"
           "责任编辑 滕小燕  美术编辑 隗小杰  校对 汤 小\n")
    [a] = seg(src)
    assert [(b.name, b.title, b.role) for b in a.bylines if b.role == "editor"] == [
        ("滕小燕", "责任编辑", "editor"), ("隗小杰", "美术编辑", "editor"), ("汤小", "校对", "editor")]


def test_a_bracketed_note_under_a_title_is_body():
    src = ("乙某督导防汛\n\n本报讯（记者 庚小明）6月16日，市长乙某某督导防汛工作。\n\n\n"
           "某市人民代表大会常务委员会\n任免名单\n（2021年11月23日某市第五届人民代表大会常务委员会第四十二次会议通过）\n"
           "任命甲某某为某市财政局局长；\n任命乙某为某市教育局局长。\n")
    arts = seg(src)
    assert [a.kind for a in arts] == ["news", "news"]
    assert "任免名单" in titles_of(arts)[1] and arts[1].text.startswith("（2021年")


def test_page_word_lists_come_from_data_files():
    from loaders.layout import grammar as page
    from loaders.lexicon import wordlist, wordmap
    assert page.ROLE_KIND == wordmap("byline_role_kinds") and page.HOME_OUTLETS == frozenset(wordlist("home_outlets"))
    assert page._NOT_NAMES == frozenset(wordlist("byline_not_names"))
    assert page._ANON_CREDITS == frozenset(wordlist("anonymous_credits"))
    assert page.ROLE_RE.match("本报全媒体记者").group("rr") == "记者"


# ---------------------------------------------------------------- third blind round (tests/gold/pages3)

AFFINITY = """示例日报记者 甲一
通讯员/乙二

示例日报讯 日前，某县县长丙三带队调研红色旅游工作。
丙三一行先后来到某镇某村红色教育基地。

丙三调研红色旅游工作

让红色资源活起来

某区前4月新增就业1200人

示例日报讯（通讯员 丁四）近日，记者从某区人社局获悉，某区新增就业1200人。

示例日报记者 戊五

示例日报讯 5月18日，某县召开防汛会议。
"""


def test_title_groups_go_with_the_body_that_shares_their_words():
    arts = seg(AFFINITY)
    full = ["".join(x for x in (a.kicker, a.title, a.subtitle) if x) for a in arts]
    assert "让红色资源活起来" in full[0] and "某区前4月新增就业1200人" not in full[0]
    assert full[1] == "某区前4月新增就业1200人"
    check_offsets(AFFINITY, arts)


KICKER_THEN_BRIEF_THEN_COMMENTARY = """示例日报记者 甲一

示例日报讯 5月18日，县委书记乙二调度防汛工作。
乙二强调，要确保安全度汛。

乙二调度防汛工作时强调

全力以赴确保安全度汛

某区召开优化营商环境大会

示例日报记者 丙三

示例日报讯 5月16日，某区召开优化营商环境大会。区长丁四主持会议。

防汛工作没有“稍息”，只有“立正”。

各地要拉网式排查隐患，发现问题立即整改。

防汛备汛宁可十防九空
——一线观察

钟一文
"""


def test_a_kicker_never_ends_a_title_and_a_commentary_after_a_titled_brief():
    arts = seg(KICKER_THEN_BRIEF_THEN_COMMENTARY)
    assert (arts[0].kicker, arts[0].title) == ("乙二调度防汛工作时强调", "全力以赴确保安全度汛")
    assert arts[1].title == "某区召开优化营商环境大会"
    assert arts[-1].kind == "commentary" and arts[-1].title == "防汛备汛宁可十防九空"
    check_offsets(KICKER_THEN_BRIEF_THEN_COMMENTARY, arts)


TIGHT = """某县人民政府网
第1版·要闻  责编：甲一  校对：乙 二  版式：丙 三

在外乡贤捐资助学

本报讯（通讯员 丁四）11月9日，企业家戊五向县教育基金会捐赠100万元。
戊五表示，将持续关注家乡教育事业。

工作动态

▲11月9日，县人大常委会副主任己六带领代表视察农村公路建设。（记者 庚七）
▲近日，县人社局发放创业担保贷款1200万元。（通讯员 辛八）

某县人民政府
关于冬季森林防火的通告

为切实做好森林防火工作，现通告如下：
一、森林防火期内，禁止野外用火。
特此通告。
某县人民政府
二〇二〇年十一月十日
"""


def test_items_after_a_body_without_blank_lines_between_paragraphs():
    arts = seg(TIGHT)
    titles = ["".join(x for x in (a.kicker, a.title, a.subtitle) if x) for a in arts]
    assert titles == ["在外乡贤捐资助学", "工作动态", "某县人民政府关于冬季森林防火的通告"]
    # the page label before the editor credits is furniture, the credits name persons
    assert {(b.name, b.title) for a in arts for b in a.bylines} >= {("甲一", "责编"), ("乙二", "校对"), ("丙三", "版式")}
    check_offsets(TIGHT, arts)


def test_trailing_wen_tu_qualifies_the_byline():
    bl, complete = parse_credits("□本报记者 甲一 文/图", 0, len("□本报记者 甲一 文/图"))
    assert complete and [(b.name, b.role) for b in bl] == [("甲一", "reporter")]
    bl, complete = parse_credits("本版责任编辑：乙二", 0, len("本版责任编辑：乙二"))
    assert [b.name for b in bl] == ["乙二"]


VERTICAL_TABLE = """前4月某市经济运行稳中有进

本报讯（记者 甲一）记者从市统计局获悉，今年1—4月，全市经济运行延续回升向好态势。
1—4月全市主要经济指标
指标
单位
数值
同比增长（%）
规模以上工业增加值
亿元
—
7.2
固定资产投资
亿元
—
5.6
社会消费品零售总额
亿元
412.8
4.9
数据来源：市统计局
市统计局负责人介绍，工业增长贡献率超过六成。
"""


def test_table_flattened_one_cell_per_line():
    [a] = seg(VERTICAL_TABLE)
    assert a.title == "前4月某市经济运行稳中有进"
    [t] = a.tables
    assert t.rows[0] == ["1—4月全市主要经济指标"]
    assert t.rows[1] == ["指标", "单位", "数值", "同比增长（%）"]
    assert t.rows[2] == ["规模以上工业增加值", "亿元", "—", "7.2"]
    assert t.rows[-1] == ["数据来源：市统计局"]
    assert "412.8" not in a.text and "工业增长贡献率" in a.text
    check_offsets(VERTICAL_TABLE, [a])


def test_page_number_with_section_name_is_furniture():
    from loaders.layout.grammar import is_masthead
    assert is_masthead("第3版 综合新闻") and is_masthead("A3 要闻") and is_masthead("第1版·要闻")
    assert not is_masthead("12 个项目") and not is_masthead("综合新闻")


HEAD_JUMP = """县委召开全会部署全年工作

示例日报记者 张三

示例日报讯 3月1日，县委召开全会，部署全年工作。会议指出，

（下转第2版）

县政府召开常务会议

示例日报记者 李四

示例日报讯 3月1日，县政府召开常务会议，研究有关事项。

会议还听取了有关工作汇报。

（上接第1版）要坚定信心，真抓实干，确保完成全年目标任务。

会议号召全县上下团结一心。

副县长带队检查防汛工作

示例日报记者 王五

示例日报讯 3月2日，副县长带队检查防汛工作。
"""


def test_a_continuation_marker_opening_a_paragraph_takes_the_tail_to_its_story():
    arts = seg(HEAD_JUMP)
    assert [a.title for a in arts] == ["县委召开全会部署全年工作", "县政府召开常务会议", "副县长带队检查防汛工作"]
    first, second, _ = arts
    assert first.text.endswith("确保完成全年目标任务。\n会议号召全县上下团结一心。")
    assert second.text.endswith("听取了有关工作汇报。")
    assert "上接" not in first.text
    check_offsets(HEAD_JUMP, arts)


def test_a_tail_continued_from_another_page_is_kept_apart():
    src = ("（上接A1版）要坚定信心，真抓实干，确保完成全年目标任务。\n\n会议号召全县上下团结一心。\n\n"
           "县政府召开常务会议\n\n示例日报记者 李四\n\n示例日报讯 3月1日，县政府召开常务会议，研究有关事项。\n")
    tail, art = seg(src)
    assert tail.title is None and tail.jumps == ["上接A1版"]
    assert tail.text == "要坚定信心，真抓实干，确保完成全年目标任务。\n会议号召全县上下团结一心。"
    assert art.title == "县政府召开常务会议" and art.text == "3月1日，县政府召开常务会议，研究有关事项。"
    check_offsets(src, [tail, art])


NAME_LIST = """全市表彰一批防汛抗洪先进集体和先进个人

示例日报记者 张三

示例日报讯 3月1日，全市防汛抗洪表彰大会召开，会上表彰了一批先进集体和先进个人。名单如下：

{list}

会议要求，各地要学习先进、争当先进。

县政府召开常务会议

示例日报记者 李四

示例日报讯 3月2日，县政府召开常务会议，研究有关事项。
"""


@pytest.mark.parametrize("names", [
    "先进集体\n市水利局防汛办公室\n东岭镇人民政府\n\n先进个人\n甘  明\n柏  清\n亓  凡\n禹  林",
    "先进个人\n甘明\n柏清\n亓凡\n禹林",
    "先进个人\n甘明  柏清  亓凡  禹林",
    "东岭区督导组\n甘  明\n\n南坪区督导组\n亓  凡\n\n西河区督导组\n禹  林",
])
@pytest.mark.parametrize("announce", ["名单如下：", "名单如下。"])
def test_a_list_of_groups_or_names_is_no_commentary_and_no_brief(names, announce):
    src = NAME_LIST.format(list=names).replace("名单如下：", announce)
    arts = seg(src)
    assert [a.title for a in arts] == ["全市表彰一批防汛抗洪先进集体和先进个人", "县政府召开常务会议"]
    assert all(a.kind == "news" for a in arts)
    assert arts[0].text.endswith("会议要求，各地要学习先进、争当先进。")
    check_offsets(src, arts)


REPRINTS = """县委召开全会部署全年工作

示例日报记者 张三

示例日报讯 3月1日，县委召开全会，部署全年工作。会议要求各地压实责任。

会议强调，要加强值班值守。

国务院常务会议部署春耕生产

国务院常务会议1日召开，部署春耕生产工作。会议指出，要确保粮食播种面积稳定。

会议还研究了其他事项。（据新华社）

全省推进乡村振兴工作会议召开

全省推进乡村振兴工作会议1日召开，会议部署了今年重点任务。（来源：示例省报）

县政府召开常务会议

示例日报记者 李四

示例日报讯 3月2日，县政府召开常务会议，研究有关事项。
"""


def test_reprints_closed_by_their_source_keep_their_headlines():
    arts = seg(REPRINTS)
    assert [a.title for a in arts] == ["县委召开全会部署全年工作", "国务院常务会议部署春耕生产",
                                       "全省推进乡村振兴工作会议召开", "县政府召开常务会议"]
    assert arts[0].text.endswith("要加强值班值守。")
    assert arts[1].text.endswith("（据新华社）") and arts[2].text.startswith("全省推进乡村振兴工作会议1日召开")
    assert [a.reprint_source for a in arts] == [None, "新华社", "示例省报", None]
    check_offsets(REPRINTS, arts)


UNTITLED_COLUMN = """县委召开全会部署全年工作

示例日报记者 张三

示例日报讯 3月1日，县委召开全会，部署全年工作。会议要求各地压实责任。

要闻简报

◆3月2日，县政府召开常务会议，研究春耕生产有关事项。副县长出席会议。（记者 柏清）

◆3月2日，县人大常委会组织代表视察县城污水处理厂建设情况。（记者 亓凡）

副县长带队检查防汛工作

示例日报记者 王五

示例日报讯 3月2日，副县长带队检查防汛工作。
"""


def test_a_column_head_over_untitled_items_titles_their_article():
    arts = seg(UNTITLED_COLUMN)
    assert [a.title for a in arts] == ["县委召开全会部署全年工作", "要闻简报", "副县长带队检查防汛工作"]
    assert arts[0].text.endswith("会议要求各地压实责任。")
    assert arts[1].text.startswith("◆3月2日，县政府召开常务会议") and "视察县城污水处理厂" in arts[1].text
    check_offsets(UNTITLED_COLUMN, arts)


@pytest.mark.parametrize("head, items", [
    ("本周大事记", "3月2日 县政府召开常务会议，研究春耕生产有关事项。\n\n同日 县政协召开主席会议。"),
    ("工作动态", "●3月2日，县政府召开常务会议，研究春耕生产有关事项。\n\n●3月3日，县政协召开主席会议。"),
])
def test_a_chronicle_or_a_column_of_dated_items_is_one_article_under_its_head(head, items):
    src = UNTITLED_COLUMN.replace("要闻简报", head).replace(
        UNTITLED_COLUMN.split("要闻简报\n\n")[1].split("\n\n副县长")[0], items)
    arts = seg(src)
    assert [a.title for a in arts] == ["县委召开全会部署全年工作", head, "副县长带队检查防汛工作"]
    assert arts[1].text.startswith(items[:4]) and arts[1].text.endswith("县政协召开主席会议。")
    check_offsets(src, arts)



@pytest.mark.parametrize("line", ["京东网电商平台开展促销活动", "公交公司报修电话畅通"])
def test_no_dateline_without_date_unless_spaced(line):
    assert match_dateline(line, 0, len(line)) is None


def test_a_wire_reprint_without_place_or_date_keeps_its_headline():
    src = ("县委召开全会部署全年工作\n\n示例日报记者 张三\n\n示例日报讯 3月1日，县委召开全会，部署全年工作。\n\n"
           "国务院常务会议部署春耕生产\n\n新华社电 国务院常务会议1日召开，部署春耕生产工作。\n\n会议还研究了其他事项。\n")
    first, wire = seg(src)
    assert first.text == "3月1日，县委召开全会，部署全年工作。"
    assert wire.title == "国务院常务会议部署春耕生产" and wire.reprint_source == "新华社"
    assert wire.text.startswith("国务院常务会议1日召开")
    check_offsets(src, [first, wire])
