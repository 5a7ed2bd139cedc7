"""The synthetic-page benchmark (bench/synth_pages.py): pages rebuilt from the sample pages' own parts
in layouts the samples do not show, with known gold. A floor, not a target: see the script for figures."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import synth_pages as sp  # noqa: E402


@pytest.fixture(scope="module")
def parts():
    return sp.sample_parts()


def test_parts_come_from_every_sample_page(parts):
    assert len(parts) >= 20
    assert all(p.title and p.paragraphs for p in parts)
    assert any(p.kind == "commentary" and p.author for p in parts)


def test_pages_are_deterministic_and_carry_their_gold(parts):
    case = next(c for c in sp.CASES if c.name == "all")
    a = sp.build_page(parts, case, random.Random(7))
    b = sp.build_page(parts, case, random.Random(7))
    assert a[0] == b[0]
    src, gold = a
    for p in gold:
        assert sp.normalize(p.title) in sp.normalize(src)


def test_wrap_keeps_the_text():
    rng = random.Random(1)
    text = "县里召开防汛会议，部署防汛工作。会议要求各地压实责任，加强值班值守。"
    lines = sp.wrap(text, 12, rng, 0.0, 0.5)
    assert "".join(lines) == text
    assert not any(l[:1] in "，。" for l in lines if l)


@pytest.mark.parametrize("case,floor", [("before", 0.97), ("after", 0.9), ("mixed", 0.85),
                                        ("after_then_before", 0.8), ("outlets", 0.95),
                                        ("furniture", 0.8), ("subheads", 0.8)])
def test_synthetic_f1_floor(parts, case, floor):
    res = sp.run(pages=12, seed=3, cases=[case], parts=parts)
    assert res[case].counts.f1 >= floor
