"""Reading: encodings detected from bytes, CRLF kept, one-line errors naming the file."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.errors import InputError
from loaders.reading import MAX_LINE_CHARS, decode_bytes, read_paths, read_source

TEXT = "株洲日报讯 3月7日，市委召开会议。\r\n第二段落。\r\n"


def test_utf8(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("utf-8"))
    s = read_source(p)
    assert s.encoding == "utf-8" and s.text == TEXT and s.name == "a.txt"
    assert "\r\n" in s.text  # CRLF kept


def test_utf8_bom(tmp_path):
    p = tmp_path / "b.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    s = read_source(p)
    assert s.encoding == "utf-8-sig" and s.text == TEXT


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_gb18030_and_gbk(tmp_path, codec):
    p = tmp_path / "c.dat"   # the extension says nothing
    p.write_bytes(TEXT.encode(codec))
    s = read_source(p)
    assert s.encoding == "gb18030" and s.text == TEXT


def test_offsets_index_decoded_text(tmp_path):
    p = tmp_path / "d.txt"
    p.write_bytes(TEXT.encode("gb18030"))
    s = read_source(p)
    i = s.text.index("市委")
    assert s.text[i:i + 2] == "市委"


def _err(path) -> str:
    with pytest.raises(InputError) as ei:
        read_source(path)
    msg = str(ei.value)
    assert "\n" not in msg and str(path) in msg
    return msg


def test_missing(tmp_path):
    assert "no such file" in _err(tmp_path / "nope.txt")


def test_empty(tmp_path):
    p = tmp_path / "e.txt"
    p.write_bytes(b"")
    assert "empty" in _err(p)
    p.write_bytes(b" \n\r\n ")
    assert "empty" in _err(p)


def test_binary(tmp_path):
    p = tmp_path / "f.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in _err(p)


def test_undecodable(tmp_path):
    p = tmp_path / "g.txt"
    p.write_bytes(b"\xff\xfe\xfa\xfb" * 50 + b"\x81")
    assert "undecodable" in _err(p)


def test_huge_single_line(tmp_path):
    p = tmp_path / "h.txt"
    p.write_bytes(b"a" * MAX_LINE_CHARS + b"\n")
    assert "single line" in _err(p)


def test_decode_bytes_direct():
    assert decode_bytes("中文".encode("utf-8"))[1] == "utf-8"
    with pytest.raises(InputError):
        decode_bytes(b"")


def test_directory_recurses_over_txt(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "y.txt").write_bytes(b"")
    (tmp_path / "z.csv").write_text("file,published\n", encoding="utf-8")
    results = list(read_paths([tmp_path]))
    names = sorted(Path(r.path).name if not isinstance(r, InputError) else "ERR" for r in results)
    assert names == ["ERR", "x.txt"]
