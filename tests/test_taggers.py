"""The opt-in tagger signal (loaders/taggers.py, ``--tagger thulac``): off by default; its filters on the
tagger's person tokens; and, when thulac is installed, what it adds to the rules on invented text.
All names here are invented."""
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from loaders import taggers
from loaders.errors import ConfigError
from loaders.extract import extract_facts
from loaders.pipeline import extract_text, segment_text

ROOT = Path(__file__).parent.parent
NEEDS_THULAC = pytest.mark.skipif(not taggers.available(),
                                  reason="thulac is not installed (pip install 'kb[thulac]', ~490 MB): "
                                         "the opt-in tagger signal is not exercised")

# rules miss: a rare title before a rare surname (首席执行官詹…), a closing credit in brackets on a page
MISSED = ("本报讯 3月1日，县长柯晓舟会见了某某集团首席执行官詹望舒一行，双方就合作进行了交流。"
          "龚家和、陶伟、田锦川、安桂文参加会见。（林晓筠 邰子墨）")
ADDED = {"詹望舒", "林晓筠", "邰子墨"}
# a five-character name the tagger cuts in two (宝力|高图): neither half is a person
LONG_NAME = "本报讯 3月1日，旗委书记宝力高图一行到乌力吉村调研。"


def _names(text, monkeypatch, tagger):
    monkeypatch.setenv(taggers.ENV, tagger)
    return {p.name for ea in extract_text(text, issue_date=date(2024, 3, 2)) for p in ea.persons}


def test_off_by_default_and_unknown_names_refused(monkeypatch):
    monkeypatch.delenv(taggers.ENV, raising=False)
    assert taggers.configured() is None
    monkeypatch.setenv(taggers.ENV, "off")
    assert taggers.configured() is None
    monkeypatch.setenv(taggers.ENV, "hanlp")
    with pytest.raises(ConfigError):
        taggers.configured()


def _spans(text, *names):
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_filters_on_given_tokens(monkeypatch):
    """The filters alone (no model): tokens as a tagger would give them, good and bad."""
    monkeypatch.delenv(taggers.ENV, raising=False)
    text = ("本报讯 3月1日，县长柯晓舟会见了某某集团首席执行官詹望舒一行。龚家和、陶伟、田锦川、安桂文参加会见。"
            "旗委书记宝力高图到岗头村调研，在岗头村荆向东家中了解生产。惠民生、稳增长。")
    art = segment_text(text, issue_date=date(2024, 3, 2))[0]
    ea = extract_facts(art)
    tokens = _spans(art.text, "詹望舒", "安桂文", "荆向东", "宝力", "高图", "柯晓", "惠民生", "岗头村")
    # the rules read the CEO now (会见了 before a title); without him, as when they missed him, the tagger adds him
    persons = [p for p in ea.persons if p.name != "詹望舒"]
    got = taggers.select(art, tokens, persons, ea.organizations, ea.places, ea.events)
    names = {p.name for p in got}
    rules = {p.name for p in persons}
    # what the rules miss is added (the CEO's title is a rare one), what they found is not added twice
    assert "詹望舒" in names and {"詹望舒", "安桂文", "荆向东"} - rules <= names and not names & rules
    # fragments of a longer name, of a rule's name, a slogan in a list, a village: none is a person
    assert not names & {"宝力", "高图", "柯晓", "惠民生", "岗头村"}
    for p in got:   # evidence like the rules': the sentence and its offsets into the source
        ev = p.evidence[0]
        assert p.name in ev.sentence and text[ev.start:ev.end] == ev.sentence


@NEEDS_THULAC
def test_tagger_adds_persons_the_rules_miss(monkeypatch):
    without = _names(MISSED, monkeypatch, "off")
    assert not without & ADDED
    assert _names(MISSED, monkeypatch, "thulac") == without | ADDED


@NEEDS_THULAC
def test_tagger_adds_no_fragment_of_a_longer_name(monkeypatch):
    assert _names(LONG_NAME, monkeypatch, "thulac") == _names(LONG_NAME, monkeypatch, "off") == {"宝力高图"}


@NEEDS_THULAC
def test_kb_extract_tagger_option_keeps_stdout_records(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(MISSED, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kb.cli", "extract", str(page), "--published", "2024-03-02",
                          "--tagger", "thulac"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    recs = [json.loads(line) for line in out.stdout.splitlines()]     # the model's banner is not on stdout
    assert ADDED <= {p["name"] for r in recs for p in r["persons"]}


@pytest.mark.skipif(taggers.available(), reason="thulac is installed: the missing-package message is not shown")
def test_tagger_option_without_thulac_says_how_to_install(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(MISSED, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kb.cli", "extract", str(page), "--tagger", "thulac"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1 and "thulac" in out.stderr and "kb[thulac]" in out.stderr


@NEEDS_THULAC
def test_real_corpus_persons_with_the_signal():
    """The signal's measured gain on the real corpus holds (docs/quality.md: persons F1 0.964 → 0.975),
    and no metric but persons and titles moves (the signal adds persons only)."""
    real = ROOT / "tests" / "gold" / "real"
    base = [sys.executable, "-m", "kb.cli", "eval", str(real / "gold.jsonl"), str(real),
            "--manifest", str(real / "manifest.csv"), "--format", "json"]
    on = json.loads(subprocess.run(base + ["--tagger", "thulac"], capture_output=True, text=True, cwd=ROOT).stdout)
    off = json.loads(subprocess.run(base, capture_output=True, text=True, cwd=ROOT).stdout)
    assert on["metrics"]["persons"]["f1"] >= 0.97 and on["metrics"]["persons"]["f1"] > off["metrics"]["persons"]["f1"]
    # titles recall is over the persons found: more titles are read, a few of the new persons' are not
    assert on["metrics"]["titles"]["tp"] > off["metrics"]["titles"]["tp"]
    assert on["metrics"]["titles"]["recall"] >= 0.96
    for k in ("inspections", "sites", "meetings"):
        assert on["metrics"][k] == off["metrics"][k], k
