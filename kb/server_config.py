"""kb's Neo4j home and its configuration file: where the server lives, what ``neo4j.conf`` says.

The defaults here size the server; ``kb server start`` writes the file anew on every start.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from . import config
from .errors import ServerError

# Sized for a 2-core 24 GiB machine shared with the loader and the tests; override with
# KB_NEO4J_HEAP / KB_NEO4J_PAGECACHE or `kb server start --heap/--pagecache`.
DEFAULT_HEAP = os.environ.get("KB_NEO4J_HEAP", "2g")
DEFAULT_PAGECACHE = os.environ.get("KB_NEO4J_PAGECACHE", "2g")
# A client that dies without closing its connection (another machine, a frozen process) leaves its
# transaction and its locks behind; the server rolls it back after TX_TIMEOUT, and a writer waiting for
# a lock gives up (a transient error the driver retries) after LOCK_TIMEOUT. A page's transaction takes
# well under a second; `kb reset` deletes in batches. Override with KB_NEO4J_TX_TIMEOUT /
# KB_NEO4J_LOCK_TIMEOUT (Neo4j durations: 120s, 5m; 0 = no limit).
DEFAULT_TX_TIMEOUT = os.environ.get("KB_NEO4J_TX_TIMEOUT", "120s")
DEFAULT_LOCK_TIMEOUT = os.environ.get("KB_NEO4J_LOCK_TIMEOUT", "60s")

JVM_FLAGS = [
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true", "-Djdk.tls.ephemeralDHKeySize=2048",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
]


# ------------------------------------------------------------------ paths

def neo4j_home() -> Path:
    return config.kb_home() / "neo4j"


def _pid_file() -> Path:
    return neo4j_home() / "run" / "kb-neo4j.pid"


def _marker() -> Path:
    return neo4j_home() / "installed.json"


def cds_archive() -> Path:
    """The JVM's class data sharing archive of this install (kb.server._cds_flags)."""
    return neo4j_home() / "run" / "kb-classes.jsa"      # removed by an install (other jars)


def console_log() -> Path:
    return neo4j_home() / "logs" / "console.log"


# ------------------------------------------------------------------ neo4j.conf

def write_config(bolt_port: int, http_port: int, heap: str = DEFAULT_HEAP,
                 pagecache: str = DEFAULT_PAGECACHE, tx_timeout: str | None = None,
                 lock_timeout: str | None = None) -> Path:
    home = neo4j_home()
    conf = home / "conf" / "neo4j.conf"
    lines = [
        "# written by `kb server start`; edits are overwritten",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{bolt_port}",
        f"server.http.listen_address=127.0.0.1:{http_port}",
        f"server.http.advertised_address=127.0.0.1:{http_port}",
        "server.http.enabled=true",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        f"server.directories.data={home / 'data'}",
        f"server.directories.logs={home / 'logs'}",
        f"server.directories.run={home / 'run'}",
        f"server.directories.import={home / 'import'}",
        f"server.directories.plugins={home / 'plugins'}",
        f"server.memory.heap.initial_size={_initial_heap(heap)}",
        f"server.memory.heap.max_size={heap}",
        f"server.memory.pagecache.size={pagecache}",
        "db.tx_log.rotation.retention_policy=1 files",
        "db.tx_log.preallocate=false",
        "dbms.usage_report.enabled=false",
        # Bolt's event loops wait 5 s for more work before they stop (Netty's quiet period): every stop,
        # and so every `kb import`, paid it with no connection open
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
        f"db.transaction.timeout={_duration(tx_timeout or DEFAULT_TX_TIMEOUT, 'KB_NEO4J_TX_TIMEOUT')}",
        f"db.lock.acquisition.timeout={_duration(lock_timeout or DEFAULT_LOCK_TIMEOUT, 'KB_NEO4J_LOCK_TIMEOUT')}",
    ]
    conf.write_text("\n".join(lines) + "\n")
    return conf


def _duration(value: str, name: str) -> str:
    v = str(value).strip()
    if not re.fullmatch(r"\d+(ms|s|m|h)?", v):
        raise ServerError(f"{name}={value!r} is not a duration (e.g. 120s, 5m, 0 for no limit)")
    return v


def _initial_heap(heap: str) -> str:
    # start small, grow to the max: RSS after start stays low on a machine shared with the tests
    return "512m"
