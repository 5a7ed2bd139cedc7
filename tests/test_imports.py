"""Floors point down: kb (graph, CLI, reports) → loaders (stages) → loaders/lexicon.

Walks the source (every ``import``, also inside functions) and fails on an import from ``loaders`` into
``kb``, from ``loaders.lexicon`` into the stages, or any import cycle between modules.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kb", "loaders")


def _modules() -> dict[str, Path]:
    out = {}
    for top in PACKAGES:
        for p in (ROOT / top).rglob("*.py"):
            parts = list(p.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = p
    return out


def import_graph() -> dict[str, set[str]]:
    """module → the kb/loaders modules it imports (``from a import b`` counts a.b when it is a module;
    ``importlib.import_module("a.b")`` counts too)."""
    mods = _modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        pkg = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "import_module" and \
                    node.args and isinstance(node.args[0], ast.Constant):
                targets = [node.args[0].value]     # importlib.import_module("kb.x") is an import too
            for t in targets:
                while t and t not in mods:
                    t = t.rpartition(".")[0]
                if t and t != name:
                    graph[name].add(t)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_walk_sees_the_imports():
    g = import_graph()
    assert "loaders.lexicon" in g["loaders.titles"] and "loaders.pipeline" in g["kb.eval"]


def test_nothing_in_loaders_imports_kb():
    bad = sorted(f"{m} → {t}" for m, ts in import_graph().items() if m.startswith("loaders")
                 for t in ts if t.split(".")[0] == "kb")
    assert not bad, bad


def test_lexicon_imports_no_stage():
    bad = sorted(f"{m} → {t}" for m, ts in import_graph().items() if m.startswith("loaders.lexicon")
                 for t in ts if not t.startswith(("loaders.lexicon", "loaders.errors")))
    assert not bad, bad


def test_no_import_cycle():
    assert _cycles(import_graph()) == []
