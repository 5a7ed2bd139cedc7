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
