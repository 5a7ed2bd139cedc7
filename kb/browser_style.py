"""The Neo4j Browser style (GraSS) for kb's graph: Events captioned with type and date, persons,
organisations and places with their names (``kb/templates/kb.grass``)."""
from __future__ import annotations

from importlib import resources


def grass() -> str:
    return resources.files("kb").joinpath("templates/kb.grass").read_text(encoding="utf-8")


def style_command() -> str:
    """The Browser command that applies the style: ``:style`` and the GraSS on one line."""
    return ":style " + " ".join(line.strip() for line in grass().splitlines() if line.strip())
