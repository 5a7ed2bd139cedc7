"""No name of a person, site or place from any gold set is written in the rules or the lexicon: grammars,
trigger words and shipped data only (the gold measures kb; it must not feed it)."""
import json
import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
GOLD = [*sorted((ROOT / "tests" / "gold").glob("*.jsonl")), ROOT / "tests" / "gold" / "real" / "gold.jsonl"]
# generic words that some gold lines use as a place or a site, and the lexicon as a word class
GENERIC = {"城区", "我市", "经开区", "辖区", "妇幼保健院", "拘留所", "看守所", "工商联", "疾控中心", "幼儿园",
           "医院", "学校", "宾馆", "超市"}


def _gold_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in GOLD:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            g = json.loads(line)
            for p in g.get("persons", []):
                out[p["name"]] = "person"
            for i in g.get("inspections", []):
                out.setdefault(i.get("person") or "", "person")
                for s in i.get("sites") or []:
                    out.setdefault(s, "site")
                if i.get("place"):
                    out.setdefault(i["place"], "place")
    return {n: k for n, k in out.items() if len(n) >= 2 and n not in GENERIC}


def test_no_gold_name_in_the_lexicon():
    words: dict[str, str] = {}
    for f in sorted((ROOT / "loaders" / "lexicon" / "data").glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                for w in re.split(r"\s+", line.strip()):
                    words.setdefault(w, f.name)
    hits = sorted(f"{k} {n} in {words[n]}" for n, k in _gold_names().items() if n in words)
    assert not hits, hits


def test_no_gold_name_in_the_code():
    code = "\n".join(p.read_text(encoding="utf-8") for d in ("loaders", "kb") for p in (ROOT / d).rglob("*.py"))
    hits = sorted(f"{k} {n}" for n, k in _gold_names().items() if len(n) >= 3 and n in code)
    assert not hits, hits
