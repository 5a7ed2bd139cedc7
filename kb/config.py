"""Connection settings and kb's home.

Neo4j's own names are used: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE. Anything
not set falls back to the local server that ``kb server`` runs (its ports and its password file).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474


def kb_home() -> Path:
    """``$KB_HOME``, else ``$XDG_DATA_HOME/kb``, else ``~/.local/share/kb``."""
    if os.environ.get("KB_HOME"):
        return Path(os.environ["KB_HOME"]).expanduser().resolve()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return (Path(base) / "kb").resolve()


def password_file() -> Path:
    return kb_home() / "password"


def ports_file() -> Path:
    """Ports the local server was last started with (written by ``kb server start``)."""
    return kb_home() / "ports.json"


def local_ports() -> tuple[int, int]:
    try:
        data = json.loads(ports_file().read_text())
        return int(data["bolt"]), int(data["http"])
    except (OSError, ValueError, KeyError):
        return DEFAULT_BOLT_PORT, DEFAULT_HTTP_PORT


@dataclass(frozen=True)
class Settings:
    uri: str
    username: str
    password: str
    database: str
    local: bool  # True when pointing at the server kb runs itself


def settings() -> Settings:
    """Resolve connection settings from the environment, then the local server."""
    bolt, _http = local_ports()
    uri = os.environ.get("NEO4J_URI") or f"neo4j://127.0.0.1:{bolt}"
    username = os.environ.get("NEO4J_USERNAME") or "neo4j"
    password = os.environ.get("NEO4J_PASSWORD")
    if not password:
        try:
            password = password_file().read_text().strip()
        except OSError:
            raise ConfigError(
                "no Neo4j password: NEO4J_PASSWORD is not set and there is no local server password file "
                f"({password_file()})",
                hint="run `kb server install && kb server start`, or set NEO4J_URI/NEO4J_PASSWORD",
            ) from None
    database = os.environ.get("NEO4J_DATABASE") or "neo4j"
    local = "NEO4J_URI" not in os.environ
    return Settings(uri, username, password, database, local)
