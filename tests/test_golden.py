"""Golden outputs: the whole extraction record of every page and article set, frozen byte for byte.

Each ``tests/golden/<set>.jsonl`` is what ``kb extract <dir> --manifest <dir>/manifest.csv --format
jsonl`` prints for that set (articles with their persons, organizations, places and events; a bad file
is one ``{"error": ...}`` line). ``tests/golden/eval.json`` holds the ``kb eval --format json`` figures
of every gold set. A refactor must leave both byte-identical.

When extraction is changed on purpose, regenerate and review the diff:

    KB_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/test_golden.py && git diff --stat tests/golden
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("KB_UPDATE_GOLDEN") == "1"

# set name → folder with the files and their manifest.csv
SETS = {
    "zhuzhou-daily": ROOT / "examples" / "zhuzhou-daily",
    "web-articles": ROOT / "examples" / "web-articles",
    "heldout": ROOT / "tests" / "gold" / "heldout",
    "pages2": ROOT / "tests" / "gold" / "pages2",
    "pages3": ROOT / "tests" / "gold" / "pages3",
    "round4": ROOT / "tests" / "gold" / "round4",
    "round5": ROOT / "tests" / "gold" / "round5",
}
# gold file → the set it scores
EVALS = {"dev": "zhuzhou-daily", "web-dev": "web-articles", "heldout": "heldout", "pages2": "pages2",
         "pages3": "pages3", "round4": "round4", "round5": "round5"}


def extraction_jsonl(folder: Path) -> str:
    """The records of every file in ``folder``, as ``kb extract --format jsonl`` writes them."""
    from loaders.issue_date import read_manifest
    from loaders.pipeline import iter_paths, to_record

    out = []
    for res in iter_paths([str(folder)], manifest=read_manifest(folder / "manifest.csv")):
        if res.error is not None:
            out.append(json.dumps({"error": str(res.error)}, ensure_ascii=False))
        out.extend(json.dumps(to_record(ea), ensure_ascii=False) for ea in res.articles)
    return "\n".join(out) + "\n"


def _compare(path: Path, text: str) -> None:
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} missing: run with KB_UPDATE_GOLDEN=1"
    want = path.read_text(encoding="utf-8")
    if text != want:
        got, exp = text.splitlines(), want.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(got, exp)) if a != b), min(len(got), len(exp)))
        pytest.fail(f"{path.name} differs from the frozen output at line {first + 1} "
                    f"({len(got)} lines now, {len(exp)} frozen); if intended: KB_UPDATE_GOLDEN=1")


@pytest.mark.parametrize("name", sorted(SETS))
def test_extraction_is_frozen(name):
    _compare(GOLDEN / f"{name}.jsonl", extraction_jsonl(SETS[name]))


def test_cli_prints_the_golden_records():
    """The golden files are the CLI's contract: ``kb extract --format jsonl`` prints the same bytes."""
    folder = SETS["web-articles"]
    r = subprocess.run([sys.executable, "-m", "kb.cli", "extract", str(folder), "--manifest",
                        str(folder / "manifest.csv"), "--format", "jsonl"], capture_output=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode("utf-8") == extraction_jsonl(folder)


def _eval_figures() -> str:
    figures = {}
    for gold, name in EVALS.items():
        folder = SETS[name]
        r = subprocess.run([sys.executable, "-m", "kb.cli", "eval", str(ROOT / "tests" / "gold" / f"{gold}.jsonl"),
                            str(folder), "--manifest", str(folder / "manifest.csv"), "--format", "json"],
                           capture_output=True, text=True, cwd=ROOT)
        assert r.returncode == 0, r.stdout + r.stderr
        figures[gold] = json.loads(r.stdout)["metrics"]
    return json.dumps(figures, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_eval_figures_are_frozen():
    _compare(GOLDEN / "eval.json", _eval_figures())
