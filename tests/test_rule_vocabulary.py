"""No Chinese vocabulary inline in rule code: word lists live in loaders/lexicon/data/.

An AST scan of ``loaders/**`` (the lexicon floor itself excepted) fails on a string literal (f-string
parts included) holding three or more ``|``-separated Han words, the shape of a regex alternation
written by hand. Examples in comments and docstrings are fine (a docstring is skipped).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAN = "\u4e00-\u9fff\u3400-\u4dbf"
ALTERNATION = re.compile(rf"[{HAN}]+(?:\|[{HAN}]+){{2,}}")
# modules being rewritten for quality by the lead; this list is to be emptied, never extended
PENDING: set[str] = set()


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def inline_vocabulary(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [f"{path.relative_to(ROOT)}:{node.lineno}: {m.group(0)[:40]}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            for m in ALTERNATION.finditer(node.value)]


def _rule_files() -> list[Path]:
    return [p for p in sorted((ROOT / "loaders").rglob("*.py"))
            if "lexicon" not in p.relative_to(ROOT).parts]


def test_the_scan_finds_an_inline_alternation(tmp_path):
    p = ROOT / "loaders" / "_probe_for_test.py"
    try:
        p.write_text('X = r"(?:晴|阴|多云)"\nY = "晴|阴"\n', encoding="utf-8")
        assert len(inline_vocabulary(p)) == 1
    finally:
        p.unlink()


def test_no_inline_vocabulary_in_rule_code():
    hits = [h for p in _rule_files() if str(p.relative_to(ROOT)) not in PENDING for h in inline_vocabulary(p)]
    assert not hits, "move these word lists to loaders/lexicon/data (with a # header):\n" + "\n".join(hits)


def test_pending_list_is_current():
    """A file on PENDING that is clean already should leave the list."""
    clean = [f for f in sorted(PENDING) if (ROOT / f).exists() and not inline_vocabulary(ROOT / f)]
    assert not clean, f"remove from PENDING: {clean}"
