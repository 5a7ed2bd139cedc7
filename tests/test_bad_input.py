"""Bad and odd input, each with its own clear line: UTF-16/UTF-32 pages with a BOM are read, HTML files,
pages without words, over-long lines and pages and repeated manifest rows are refused, and page text
cannot drive the terminal through a table."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kb import render
from kb.errors import InputError
from loaders import pipeline
from loaders.issue_date import read_manifest
from loaders.reading import read_source

from conftest import PAGES

PAGE = sorted(PAGES.glob("*.txt"))[0]


def kb(*args, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], capture_output=True, text=True, env=e,
                          timeout=300)


def records(path):
    return [pipeline.to_record(a) for a in pipeline.extract_path(str(path), published=None)]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_read_like_utf8(tmp_path, codec):
    text = PAGE.read_text(encoding="utf-8")
    p = tmp_path / PAGE.name
    p.write_bytes("\ufeff".encode(codec) + text.encode(codec))
    src = read_source(p)
    assert src.text == text and src.encoding == codec.rsplit("-", 1)[0]
    utf8 = tmp_path / "utf8" / PAGE.name
    utf8.parent.mkdir()
    utf8.write_bytes(text.encode("utf-8"))
    assert records(p) == records(utf8)          # same articles, same offsets


def test_binary_behind_a_utf16_bom_is_binary(tmp_path):
    p = tmp_path / "f.txt"
    p.write_bytes(b"\xff\xfe" + b"\x01\x00\x1b\x00\x02\x00" * 20)
    with pytest.raises(InputError, match="binary"):
        read_source(p)


@pytest.mark.parametrize("name,body", [
    ("article.html", "<p>3月1日，某市召开会议。</p>"),
    ("saved.txt", "<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>3月1日，某市召开会议。</p></body></html>"),
])
def test_html_is_refused_in_one_line(tmp_path, name, body):
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    r = kb("extract", str(p), "--published", "2024-03-01")
    assert r.returncode == 1 and r.stdout == ""
    first = r.stderr.splitlines()[0]
    assert first == f"kb: error: {p}: an HTML file; kb reads the text of pages and articles, not markup"
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("body", ["。。。，，，！！！？？？\n——……——……\n", "1234 5678，90。\n、、；；：：\n", "***\n---\n"])
def test_a_page_without_words_is_no_article(tmp_path, body):
    p = tmp_path / "p.txt"
    p.write_text(body, encoding="utf-8")
    r = kb("extract", str(p), "--published", "2024-03-01")
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.splitlines()[0] == (f"kb: error: {p}: no recognisable article: no words on the page "
                                        "(only punctuation, digits or symbols)")


def test_long_line_and_long_page_name_the_file_the_limit_and_the_setting(tmp_path):
    line = tmp_path / "line.txt"
    line.write_text("今天天气很好，" * 5000, encoding="utf-8")       # one line, 35,000 characters
    r = kb("extract", str(line), "--published", "2024-03-01")
    assert r.returncode == 1
    msg = r.stderr.splitlines()[0]
    assert msg.startswith(f"kb: error: {line}: a single line of 35,000 characters (line 1), over the limit of 20,000")
    assert "KB_MAX_LINE_CHARS" in msg
    # raised: the page is read
    r = kb("extract", str(line), "--published", "2024-03-01", env={"KB_MAX_LINE_CHARS": "40000"})
    assert r.returncode == 0 and r.stdout.count("\n") == 1, r.stderr

    page = tmp_path / "page.txt"
    page.write_text(("今天天气很好，我们去公园散步。\n" * 40_000), encoding="utf-8")   # 640,000 characters
    r = kb("extract", str(page), "--published", "2024-03-01")
    assert r.returncode == 1
    msg = r.stderr.splitlines()[0]
    assert msg == (f"kb: error: {page}: 640,000 characters, over the limit of 500,000 per page (split the file "
                   "into pages, or raise the limit with KB_MAX_PAGE_CHARS=N)")


def test_repeated_manifest_row_is_reported(tmp_path):
    m = tmp_path / "manifest.csv"
    m.write_text("file,outlet,published\na.txt,某报,2024-03-01\nb.txt,某报,2024-03-02\nsub/a.txt,某报,2024-03-09\n",
                 encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_manifest(m)
    assert str(e.value) == f"{m}: line 4 repeats a.txt from line 2; one row per file"
    r = kb("extract", str(PAGE), "--manifest", str(m))
    assert r.returncode == 1 and "line 4 repeats a.txt from line 2" in r.stderr.splitlines()[0]


def test_page_text_cannot_drive_the_terminal_through_a_table():
    hostile = {"name": "张\x1b[2J\x1b[H三\x1b]0;owned\x07", "title": "市长\x1b[31m红\x1b[0m\u202e反\x9b1m\x00\x07",
               "note": "一\t二\r\n三\x7f"}
    out = render.table([hostile, {"name": "李四", "title": "", "note": ""}])
    assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f or 0x202a <= ord(c) <= 0x202e for c in out)
    rows = out.splitlines()
    assert rows[2].split() == ["张三", "市长红反", "一", "二", "三"]
    # the columns still line up (the escapes took no width)
    assert render.width(rows[2][:rows[2].index("市长")]) == rows[0].index("title")


def test_manifest_row_with_an_unquoted_comma_is_reported(tmp_path):
    """A cell holding an unquoted comma gives one line naming the file and row, not a traceback."""
    m = tmp_path / "manifest.csv"
    m.write_text("file,outlet,published\na.txt,某县政府网 (x.gov.cn), 来源 宣传部,2020-01-02\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"manifest.csv: line 2 has 4 cells for 3 columns"):
        read_manifest(m)
