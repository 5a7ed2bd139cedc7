"""Reflow and space cleaning, with property-based tests of the char_map."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.clean import clean_text, reflow, reflow_text, split_lines


def test_spaces_in_numbers_and_cjk():
    assert clean_text("2 0 2 0 年") == "2020年"
    assert clean_text("3 月 6 日") == "3月6日"
    assert clean_text("企 业 提 供") == "企业提供"
    assert clean_text("约 10TB，平台") == "约10TB，平台"


def test_latin_spaces_kept():
    assert clean_text("ZHUZHOU DAILY") == "ZHUZHOU DAILY"
    assert clean_text("CN 43—0005") == "CN 43—0005"
    assert clean_text("抗 2019-nCoV 新药") == "抗2019-nCoV新药"


def test_hard_wrapped_lines_join():
    src = "株洲日报讯 市图书馆日前推出线上阅\n读利器，助你在家读书，迎接战\n“疫”胜利的曙光。\n\n第二段开始了，这是\n一段话。\n"
    c = reflow_text(src)
    assert c.text == "株洲日报讯市图书馆日前推出线上阅读利器，助你在家读书，迎接战“疫”胜利的曙光。\n第二段开始了，这是一段话。"


def test_column_break_blank_line_joined():
    src = "面向学会广大会员和图书馆工作者，面向学\n\n会广大会员、图书馆工作者和读者。\n"
    assert reflow_text(src).text == "面向学会广大会员和图书馆工作者，面向学会广大会员、图书馆工作者和读者。"


def test_latin_words_across_lines_get_a_space():
    c = reflow_text("the quick brown\nfox jumps\n")
    assert c.text == "the quick brown fox jumps"
    assert c.text[15] == " " and "the quick brown fox jumps"[15] == " "


def test_paragraph_offsets():
    src = "第一段话在这里结束。\n\n第二段话在这里结束。\n"
    c, paras = reflow(src, split_lines(src))
    assert len(paras) == 2
    for i, j in paras:
        s, e = c.span(i, j)
        assert src[s:e] == c.text[i:j]


def test_crlf_offsets():
    src = "第一行没有结束，\r\n第二行结束。\r\n"
    c = reflow_text(src)
    assert c.text == "第一行没有结束，第二行结束。"
    assert all(src[o] == ch for ch, o in zip(c.text, c.char_map))


# ---------------------------------------------------------------- properties

CJK = st.sampled_from(list("市委书记调研企业复工复产疫情防控会议召开株洲日报社区"))
DIGIT = st.sampled_from(list("0123456789"))
PUNCT = st.sampled_from(list("，、；"))
LATIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6)


@st.composite
def token_stream(draw):
    """Tokens: CJK chars, digit runs, punctuation, Latin words (each Latin word separated by one space)."""
    kinds = draw(st.lists(st.sampled_from(["cjk", "num", "punct", "latin"]), min_size=1, max_size=40))
    toks = []
    for k in kinds:
        if k == "cjk":
            toks.append(("cjk", draw(CJK)))
        elif k == "num":
            toks.append(("num", "".join(draw(st.lists(DIGIT, min_size=1, max_size=4)))))
        elif k == "punct":
            toks.append(("punct", draw(PUNCT)))
        else:
            toks.append(("latin", draw(LATIN_WORD)))
    return toks


def expected_clean(toks) -> str:
    out = ""
    prev = None
    for k, t in toks:
        if prev == "latin" and k == "latin":
            out += " "
        out += t
        prev = k
    return out


def _render(toks, data) -> str:
    """Random stray spaces (only next to CJK or between digits) and random hard line breaks."""
    pieces = []
    prev = None
    for idx, (k, t) in enumerate(toks):
        if prev == "latin" and k == "latin":
            pieces.append(data.draw(st.sampled_from([" ", "\n", " \n"])))   # the one real space
        elif idx:
            cjkish = k in ("cjk", "punct") or prev in ("cjk", "punct")
            choices = ["", "\n"] + ([" ", "  ", "\u3000", " \n "] if cjkish or (k == prev == "num") else [])
            pieces.append(data.draw(st.sampled_from(choices)))
        if k == "num" and len(t) > 1 and data.draw(st.booleans()):
            t = " ".join(t)   # 2 0 2 0
        pieces.append(t)
        prev = k
    return "".join(pieces)


@settings(max_examples=300, deadline=None)
@given(token_stream(), st.data())
def test_reflow_property(toks, data):
    src = _render(toks, data)
    # joined into one paragraph: the cleaned text is exactly the expected text
    c, _ = reflow(src, split_lines(src), join_all=True)
    expected = expected_clean(toks)
    if any(k == "num" for k, _ in toks):
        # two number tokens drawn next to each other are one number once spaces go
        pass
    assert c.text == expected
    assert len(c.char_map) == len(c.text)
    for ch, o in zip(c.text, c.char_map):
        if ch == " ":
            assert src[o] in " \n"
        else:
            assert src[o] == ch
    assert c.char_map == sorted(c.char_map)
    # with paragraph detection: the same characters, paragraph breaks map to line breaks
    c2 = reflow_text(src)
    assert c2.text.replace("\n", " ").replace(" ", "") == expected.replace(" ", "")
    for ch, o in zip(c2.text, c2.char_map):
        if ch in " \n":
            assert src[o] in " \n"
        else:
            assert src[o] == ch


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=list("市委书记调研。，、 \n\u3000ab12"), max_size=200))
def test_char_map_points_at_same_char(src):
    c = reflow_text(src)
    assert len(c.char_map) == len(c.text)
    for ch, o in zip(c.text, c.char_map):
        assert 0 <= o < max(1, len(src))
        if ch not in " \n":
            assert src[o] == ch
