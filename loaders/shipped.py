"""Data files that installed packages ship (jionlp's dictionaries), read in place: never downloaded.

jionlp ships some dictionaries as ``<name>.zip`` and unzips them next to itself on first use; kb reads
the ``.txt`` when it is there and the member of the ``.zip`` otherwise, so a fresh install works
without jionlp ever having run.
"""
from __future__ import annotations

import importlib.util
import io
import zipfile
from contextlib import contextmanager
from pathlib import Path

from .errors import ConfigError


def jionlp_dictionary(name: str) -> Path:
    """Path of jionlp's ``dictionary/<name>.txt``, or of ``<name>.zip`` when only that is installed."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"jionlp is not installed: kb reads its {name} dictionary",
                          hint="install kb's dependencies (scripts/setup, or pip install -e .)")
    base = Path(list(spec.submodule_search_locations)[0]) / "dictionary"
    for p in (base / f"{name}.txt", base / f"{name}.zip"):
        if p.exists():
            return p
    raise ConfigError(f"jionlp ships no {name}.txt or {name}.zip in {base}",
                      hint="reinstall jionlp (pip install --force-reinstall jionlp)")


@contextmanager
def open_text(path: Path):
    """Open a ``.txt`` file, or the ``.txt`` member of a ``.zip``, as UTF-8 text."""
    path = Path(path)
    if path.suffix != ".zip":
        with open(path, encoding="utf-8") as f:
            yield f
        return
    with zipfile.ZipFile(path) as z:
        member = next(n for n in z.namelist() if n.endswith(".txt"))
        with z.open(member) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8")


def opencc_dictionary(name: str) -> Path:
    """Path of OpenCC's ``dictionary/<name>.txt`` as opencc-python-reimplemented ships it."""
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"opencc-python-reimplemented is not installed: kb reads its {name} table",
                          hint="install kb's dependencies (scripts/setup, or pip install -e .)")
    p = Path(list(spec.submodule_search_locations)[0]) / "dictionary" / f"{name}.txt"
    if not p.exists():
        raise ConfigError(f"opencc ships no {name}.txt in {p.parent}",
                          hint="reinstall it (pip install --force-reinstall opencc-python-reimplemented)")
    return p
