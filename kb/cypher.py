"""Reading Cypher files from ``cypher/`` (package data in a wheel): the schema and named queries."""
from __future__ import annotations

import os
import re
from pathlib import Path


def cypher_dir() -> Path:
    """``$KB_CYPHER_DIR``; else ``kb/_cypher``, the copy of ``cypher/`` a wheel ships (pyproject.toml maps
    it); else the repository's ``cypher/`` folder (a checkout or an editable install)."""
    if os.environ.get("KB_CYPHER_DIR"):
        return Path(os.environ["KB_CYPHER_DIR"])
    here = Path(__file__).resolve().parent
    packaged = here / "_cypher"
    return packaged if packaged.is_dir() else here.parent / "cypher"


_COMMENT = re.compile(r"^\s*//.*$", re.M)


def statements(text: str) -> list[str]:
    """Split a Cypher script into statements (``;`` at the end of a line ends one)."""
    body = _COMMENT.sub("", text)
    parts = re.split(r";\s*(?:\n|$)", body)
    return [p.strip() for p in parts if p.strip()]


def read(name: str) -> str:
    return (cypher_dir() / f"{name}.cypher").read_text(encoding="utf-8")
