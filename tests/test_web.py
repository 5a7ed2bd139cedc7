"""One web article per file."""
from __future__ import annotations

from pathlib import Path

from loaders.layout import looks_like_web, segment_web

WEB = Path(__file__).parent.parent / "examples" / "web-articles"

PAGE = """县长带队督查重点项目

发布时间:2019年07月03日 来源:示例新闻网

  示例新闻网讯(记者 张三)7月3日上午,县长带队督查重点项目建设。县委常委陪同。

IMG_0001.jpg

项目建设现场

  县长强调,要抓好项目建设。

(编辑:李   四)

(审核:王五)
"""


def test_headline_meta_body_editors():
    assert looks_like_web(PAGE)
    (a,) = segment_web(PAGE, "w.txt", outlet="示例新闻网")
    assert a.kind == "web"
    assert a.title == "县长带队督查重点项目"
    assert a.dateline == "示例新闻网讯" and a.reprint_source is None
    assert a.reporters == ["张三"]
    assert a.text == "7月3日上午,县长带队督查重点项目建设。县委常委陪同。\n县长强调,要抓好项目建设。"
    assert [c.text for c in a.captions] == ["项目建设现场"]
    assert [(b.name, b.title) for b in a.bylines if b.role == "editor"] == [("李四", "编辑"), ("王五", "审核")]
    assert a.authors == ["李四", "王五"]
    for b in a.bylines:
        assert "".join(PAGE[b.start:b.end].split()) == b.name
    for ch, o in zip(a.text, a.char_map):
        if ch != "\n":
            assert PAGE[o] == ch


def test_no_headline_first_line_is_body():
    src = "3月7日下午,县委书记带领相关部门负责同志,先后到产业园调研。\n(图文:张三 审核:李四)\n"
    (a,) = segment_web(src, "x.txt")
    assert a.title is None
    assert a.text.startswith("3月7日下午")
    assert [b.name for b in a.bylines] == ["张三", "李四"]


def test_trailing_signature():
    src = "县委召开常委会会议\n1月12日上午,县委召开常委会会议。\n会议还研究了其他事项。 (张三 李四)\n"
    (a,) = segment_web(src, "y.txt")
    assert a.title == "县委召开常委会会议"
    assert a.authors == ["张三", "李四"]
    assert a.text.endswith("其他事项。")


def test_sample_web_articles_one_each():
    for p in sorted(WEB.glob("*.txt")):
        src = p.read_text(encoding="utf-8")
        arts = segment_web(src, p.name)
        assert len(arts) == 1, p.name
        assert arts[0].text


def test_trailing_signature_with_credit_words():
    src = "市长调研企业\n3月2日,市长张三调研企业。(记者 李四)\n"
    (a,) = segment_web(src, "z.txt")
    assert [(b.name, b.title, b.role) for b in a.bylines] == [("李四", "记者", "reporter")]
    assert a.reporters == ["李四"] and a.authors == []
    src = "县委书记调研\n12月23日,县委书记王五调研。 (赵六摄)\n"
    (a,) = segment_web(src, "p.txt")
    assert [(b.name, b.title, b.role) for b in a.bylines] == [("赵六", "摄", "photographer")]
    assert src[a.bylines[0].start:a.bylines[0].end] == "赵六"


def _names(a):
    return [(b.name, b.title) for b in a.bylines]


def test_credit_lines_without_a_label_close_and_open_the_article():
    """记者 甲 乙 on its own line is credits, at the end (after the body) and just under the meta lines."""
    page = ("某县开展防汛检查\n来源:某县融媒体中心\n责编:贺文静\n■记者 牛小明 龚大海\n"
            "  8月2日,副县长带队检查防汛工作,详细了解水库运行情况。\n\n记者:覃一鸣 阳光辉\n\n终审:仝建设\n")
    (a,) = segment_web(page, "w.txt")
    assert _names(a) == [("贺文静", "责编"), ("牛小明", "记者"), ("龚大海", "记者"),
                         ("覃一鸣", "记者"), ("阳光辉", "记者"), ("仝建设", "终审")]
    assert a.text.startswith("8月2日") and "终审" not in a.text and "记者" not in a.text


def test_signatures_run_together_with_units_and_suffixes():
    body = "  8月2日,副县长带队检查防汛工作,详细了解水库运行情况,要求落实责任。"
    cases = {"(牛小明龚大海)": [("牛小明", "署名"), ("龚大海", "署名")],        # two names run together
             "(贺文龚大海)": [("贺文", "署名"), ("龚大海", "署名")],
             "(县发改办 牛小明)": [("牛小明", "县发改办")],                      # a unit titles the name
             "(牛小明 龚大海报道)": [("牛小明", "署名"), ("龚大海", "署名")],
             "(记者贺文静)": [("贺文静", "记者")],
             "(贺文静/整理)": [("贺文静", "署名")]}
    for sig, want in cases.items():
        (a,) = segment_web(body + sig + "\n", "w.txt")
        assert _names(a) == want, sig
        assert a.text.endswith("要求落实责任。"), sig
    # a parenthesis that is not a signature stays in the body
    (a,) = segment_web(body + "(详见附件材料说明书)\n", "w.txt")
    assert a.bylines == [] and a.text.endswith("(详见附件材料说明书)")


def test_headline_less_article_closed_by_credit_lines_keeps_its_body():
    """No headline, no meta line, credits at the end: the page layout would keep only the credits;
    the file is read as one article with its whole body."""
    from loaders.pipeline import segment_text
    text = ("新春佳节将至,1月20日,县委书记牛小明率队深入项目一线、企业等地,实地调研安全生产工作。\n"
            "牛小明一行先后来到县医院改造项目、某某购物广场,详细了解安全生产情况。\n"
            "牛小明强调,要压实责任,确保安全。\n记者:龚大海\n编辑:贺文静\n审核:覃一鸣、阳光辉\n")
    (a,) = segment_text(text, "w.txt")
    assert a.text.startswith("新春佳节将至") and "确保安全" in a.text
    assert [b.name for b in a.bylines] == ["龚大海", "贺文静", "覃一鸣", "阳光辉"]


def test_dateline_signed_by_names_alone():
    (a,) = segment_web("某县召开会议\n来源:某县网\n本网讯(牛小明、龚大海)3月6日,县长主持召开常务会议,研究有关工作。\n", "w.txt")
    assert _names(a) == [("牛小明", "署名"), ("龚大海", "署名")] and a.text.startswith("3月6日")


# ---- multi-item web pages (invented text): page furniture, site auto-titles, digests


def test_page_and_issue_numbers_above_a_column_head_are_furniture():
    src = ("2031 期 / 第3版:3\n栏目快报\n"
           "◆5月6日,示范县在政府三楼会议室召开春耕生产调度会,部署下一阶段工作。\n"
           "◆5月7日,示范县组织开展防汛应急演练,检验各部门协同处置能力。\n")
    (a,) = segment_web(src, "p.txt")
    assert a.title == "栏目快报"
    assert a.text.startswith("◆5月6日")
    assert "2031" not in a.text


def test_page_header_before_a_headline_is_not_the_headline():
    src = ("B3:综合*新闻总第4512期 >2030-05-09编印\n\n创建动态\n刊发日期:2030-05-09 阅读次数: 作者:本报\n"
           "  东岭村以“美丽庭院”为主题,开展了环境整治活动,群众参与热情高涨。\n"
           "  近日,南坪乡组织各村集中清理乱堆乱放、垃圾死角。\n")
    (a,) = segment_web(src, "q.txt")
    assert a.title == "创建动态"
    assert "总第4512期" not in a.text


def test_a_copy_of_the_body_with_its_digits_lost_is_no_headline_a_summary_is():
    src = ("月日上午市政府召开森林防火工作电视电话会\n[摘要] 本地要闻\n"
           "●4月3日上午,市政府召开森林防火工作电视电话会议,部署清明期间森林防火工作。(记者 甲乙)\n"
           "●4月3日,副市长带队检查城区防汛设施运行情况。\n")
    (a,) = segment_web(src, "r.txt")
    assert a.title == "本地要闻"
    assert a.text.startswith("●4月3日上午,市政府召开")
    assert "月日上午" not in a.text


def test_a_digest_item_with_a_numbered_title_is_an_article_of_its_own():
    src = ("5月8日,市委书记赴物流园调研,强调要加快项目建设进度。\n\n"
           "  市委常委、秘书长陪同调研。\n\n"
           "  2.全市营商环境优化提升工作推进会召开\n\n"
           "  5月8日,全市营商环境优化提升工作推进会召开。市长出席并讲话。\n\n"
           "  5月9日,全市安全生产工作会议召开,副市长主持会议。\n")
    first, second = segment_web(src, "s.txt")
    assert first.title is None and first.text.endswith("陪同调研。")
    assert second.title == "全市营商环境优化提升工作推进会召开"
    assert second.text.startswith("5月8日,全市营商环境") and second.text.endswith("主持会议。")
    for a in (first, second):
        for ch, o in zip(a.text, a.char_map):
            if ch != "\n":
                assert src[o] == ch


def test_numbered_untitled_items_and_section_headings_stay_one_article():
    items = ("一、5月8日下午,省教育厅调研组调研职业学院,市委书记陪同。\n"
             "二、5月9日至10日,全省卫生工作现场会召开。\n")
    assert len(segment_web(items, "t.txt")) == 1
    speech = ("县委召开全会\n3月2日,县委召开全会。\n一、提高政治站位压实工作责任\n"
              "要深刻认识做好今年工作的重要意义。\n二、突出工作重点狠抓落实见效\n要抓好项目建设。\n")
    (a,) = segment_web(speech, "u.txt")
    assert a.title == "县委召开全会"


def test_a_summary_line_under_the_headline_is_not_the_body():
    src = ("县委召开全会\n【摘要】全会审议通过有关决议，部署今年工作。\n"
           "3月2日，县委召开全会，审议通过有关决议。\n")
    (a,) = segment_web(src, "v.txt")
    assert a.title == "县委召开全会"
    assert a.text == "3月2日，县委召开全会，审议通过有关决议。"


def test_a_bare_date_line_under_the_headline_is_meta_not_body():
    src = ("区长林海来某镇调研\n2030年05月09日\n"
           "5月7日,区长林海一行来到某镇,就工业经济运行情况进行调研。镇长王平参加调研。\n")
    (a,) = segment_web(src, "q.txt")
    assert a.title == "区长林海来某镇调研"
    assert "2030年05月09日" not in a.text
