"""The lexicon floor: everything a rule *reads*, nothing that runs a rule.

Word lists and maps are data files in ``loaders/lexicon/data/`` (one entry per line, ``#`` comments
saying which rule reads the list; ``word<TAB>value`` for maps), loaded once through
:mod:`importlib.resources` so they work from a checkout, an editable install and a wheel alike.
:func:`alternation` is the one way to turn a list into a regex alternation. Shared regex atoms are in
:mod:`loaders.lexicon.grammar`.
"""
from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Iterable

__all__ = ["wordlist", "wordmap", "alternation", "data_text"]


def data_text(filename: str) -> str:
    """The text of ``loaders/lexicon/data/<filename>``."""
    return resources.files(__package__).joinpath("data", filename).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def wordlist(name: str) -> tuple[str, ...]:
    """Entries of ``data/<name>.txt`` in file order: one per line, ``#`` comments and blank lines skipped."""
    out = []
    for line in data_text(f"{name}.txt").splitlines():
        line = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        line = line.strip()
        if line:
            out.append(line)
    return tuple(out)


@functools.lru_cache(maxsize=None)
def wordmap(name: str) -> dict[str, str]:
    """``word<TAB>value`` lists as a dict (file order)."""
    out = {}
    for line in wordlist(name):
        k, _, v = line.partition("\t")
        out[k.strip()] = v.strip()
    return out


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal ``words``: escaped, deduplicated, longest first (so 上接 is tried
    before 接), equal lengths in the order given. Not wrapped in a group."""
    uniq = dict.fromkeys(words)
    return "|".join(re.escape(w) for w in sorted(uniq, key=len, reverse=True))
