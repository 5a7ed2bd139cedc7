"""Package data: a wheel built from the repo, installed into a fresh venv, runs outside the checkout.

The fresh venv gets kb from the wheel only (``--no-deps``); its dependencies (click, neo4j, jionlp …)
come from this interpreter's site-packages through a ``.pth`` line, so nothing is downloaded but the
build backend (pip's cache). The editable install's finder lives in a ``.pth`` *file* of that
site-packages, which a ``.pth`` line does not run: the checkout stays invisible.
"""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_pyproject_lists_every_package():
    """pyproject.toml lists packages by hand (for the cypher/ mapping): a new package folder must be added."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for top in ("kb", "loaders")
             for p in (ROOT / top).rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def _run(args, **kw):
    r = subprocess.run(args, capture_output=True, text=True, **kw)
    assert r.returncode == 0, f"{args}: {r.stdout}\n{r.stderr}"
    return r.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv python, kb script, a working directory outside the checkout)."""
    tmp = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(ROOT)])
    wheel = next((tmp / "dist").glob("kb-*.whl"))
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    py = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps", str(wheel)])
    fresh_site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip())
    (fresh_site / "_kb_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    work = tmp / "elsewhere"
    work.mkdir()
    return py, venv / "bin" / "kb", work


def _env():
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KB_CYPHER_DIR")}
    return env


def test_wheel_imports_from_the_wheel(installed):
    py, _, work = installed
    out = _run([str(py), "-c", "import kb, loaders, kb.cypher; print(kb.__file__); print(loaders.__file__);"
                " print(kb.cypher.cypher_dir())"], cwd=work, env=_env())
    for line in out.splitlines():
        assert not line.startswith(str(ROOT)), f"imported from the checkout: {line}"
    assert out.splitlines()[2].endswith("_cypher")


def test_wheel_lists_every_named_query(installed):
    _, kb, work = installed
    out = _run([str(kb), "query", "--list"], cwd=work, env=_env())
    names = {p.stem for p in (ROOT / "cypher").glob("*.cypher")} - {"schema"}
    listed = {line.split()[0] for line in out.splitlines()[2:] if line.strip()}
    assert names <= listed, sorted(names - listed)


def test_wheel_schema_apply_help(installed):
    _, kb, work = installed
    assert "IF NOT EXISTS" in _run([str(kb), "schema", "apply", "--help"], cwd=work, env=_env())


def test_wheel_extracts_with_its_word_lists(installed):
    """The lexicon data files ship too: extraction of a sample page works from the wheel alone."""
    _, kb, work = installed
    folder = ROOT / "examples" / "web-articles"
    out = _run([str(kb), "extract", str(folder / "001.txt"), "--manifest", str(folder / "manifest.csv")],
               cwd=work, env=_env())
    assert out.count("\n") >= 1 and '"persons"' in out
