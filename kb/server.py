"""A local Neo4j 5.26 LTS Community server, provisioned from Maven Central.

There is no Docker engine on the machines kb targets, but Java 17 and Maven are: ``install``
(``kb/server_setup.py``) fetches the jars into ``$KB_HOME/neo4j/lib`` and sets the password;
``write_config`` (``kb/server_config.py``) writes ``neo4j.conf``. This module controls the process:
``start`` runs ``org.neo4j.server.CommunityEntryPoint`` in the background, bound to 127.0.0.1 with
auth on, and returns once Bolt answers a query; ``stop``, ``restart``, ``status``, the console log.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from . import config
from .errors import ServerError
from .server_config import (DEFAULT_HEAP, DEFAULT_LOCK_TIMEOUT, DEFAULT_PAGECACHE, DEFAULT_TX_TIMEOUT, JVM_FLAGS,
                            _initial_heap, _marker, _pid_file, cds_archive, console_log, neo4j_home, write_config)
from .server_setup import (BROWSER_VERSION, MIN_FREE_DISK, NEO4J_VERSION, _check_disk, _java, _private_home, admin,
                           install, installed, java_version, password)

__all__ = ["BROWSER_VERSION", "DEFAULT_HEAP", "DEFAULT_LOCK_TIMEOUT", "DEFAULT_PAGECACHE", "DEFAULT_TX_TIMEOUT",
           "MIN_FREE_DISK", "NEO4J_VERSION", "Status", "admin", "console_log", "install", "installed",
           "java_version", "neo4j_home", "password", "restart", "rss_bytes", "start", "status", "status_dict",
           "stop", "tail_log", "write_config", "_check_disk"]


@dataclass
class Status:
    running: bool
    version: str | None
    bolt_uri: str
    http_uri: str
    browser_uri: str
    pid: int | None
    uptime_s: float | None
    store_bytes: int
    home: str
    installed: bool


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _listening(port: int) -> bool:
    """Something accepts connections on the port (a connect, never a bind: a bind could take the port
    from under a server about to listen on it)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


# ------------------------------------------------------------------ lifecycle

def _read_pid() -> int | None:
    try:
        pid = int(_pid_file().read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    # a recycled pid would not be a JVM running our home
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        if "CommunityEntryPoint" not in cmdline or str(neo4j_home()) not in cmdline:
            return None
    except OSError:
        pass
    return pid


def _answers(bolt_port: int, pw: str, timeout: float = 5) -> bool:
    from neo4j import GraphDatabase
    try:
        with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt_port}", auth=("neo4j", pw),
                                  connection_timeout=timeout, max_connection_lifetime=30) as d:
            # a plain session: execute_query would retry (and log) while the server boots
            with d.session(database="neo4j", default_access_mode="READ") as s:
                s.run("RETURN 1").consume()
        return True
    except Exception:
        return False


def start(bolt_port: int | None = None, http_port: int | None = None, heap: str = DEFAULT_HEAP,
          pagecache: str = DEFAULT_PAGECACHE, timeout: float = 180) -> dict:
    """Start the local server in the background; return when Bolt answers. No-op when running."""
    if not installed():
        raise ServerError("Neo4j is not installed", hint="run `kb server install`")
    _private_home()       # homes made by an older kb were world-readable
    cur_bolt, cur_http = config.local_ports()
    pid = _read_pid()
    pw = password()
    if pid:
        if (bolt_port in (None, cur_bolt)) and (http_port in (None, cur_http)):
            return {"changed": False, "pid": pid, "bolt": cur_bolt, "http": cur_http}
        raise ServerError(f"the local server is already running (pid {pid}) on ports {cur_bolt}/{cur_http}",
                          hint="run `kb server restart` with the new ports")
    bolt_port = bolt_port or cur_bolt
    http_port = http_port or cur_http
    for name, port in (("Bolt", bolt_port), ("HTTP", http_port)):
        if not _port_free(port):
            raise ServerError(f"port {port} on 127.0.0.1 (for {name}) is taken by another program",
                              hint=f"stop that program or choose another port with --{name.lower()}-port")
    _check_disk(neo4j_home() / "data", 256 << 20)
    java = _java()
    java_version(java)
    conf = write_config(bolt_port, http_port, heap, pagecache)
    home = neo4j_home()
    cmd = [java, "-cp", f"{home / 'conf'}/*:{home / 'lib'}/*", *JVM_FLAGS, *_cds_flags(), *jit_flags(),
           f"-Xms{_initial_heap(heap)}", f"-Xmx{heap}", "org.neo4j.server.CommunityEntryPoint",
           f"--home-dir={home}", f"--config-dir={conf.parent}", "--console-mode"]
    log = console_log()
    log.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    with open(log, "ab") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=home, start_new_session=True)
    _pid_file().parent.mkdir(parents=True, exist_ok=True)
    _pid_file().write_text(str(proc.pid))
    config.ports_file().write_text(json.dumps({"bolt": bolt_port, "http": http_port}))
    while True:
        if proc.poll() is not None:
            raise ServerError(f"Neo4j exited with code {proc.returncode} while starting: {_last_error()}",
                              hint=f"see `kb server logs` ({log})")
        # a query only once the port listens: a driver per poll costs more than the poll
        if _listening(bolt_port) and _answers(bolt_port, pw, timeout=2):
            break
        if time.monotonic() - t0 > timeout:
            stop()
            raise ServerError(f"Neo4j did not answer on Bolt port {bolt_port} within {timeout:.0f} s: "
                              f"{_last_error()}", hint=f"see `kb server logs` ({log})")
        time.sleep(0.1)
    return {"changed": True, "pid": proc.pid, "bolt": bolt_port, "http": http_port,
            "seconds": round(time.monotonic() - t0, 1)}


def jit_flags() -> list[str]:
    """The JVM's just-in-time compiler: the client compiler alone (``-XX:TieredStopAtLevel=1``) unless
    KB_NEO4J_JIT=full. A local kb server does short bursts (a load, a report) on a small machine, where the
    optimising compiler's work after each start costs more than its faster code gains: measured on 240
    new pages after a restart, 1.2–1.5× the pages/s cold and 1.15–1.25× warm (README, Scale). A server
    that answers heavy queries for hours may prefer KB_NEO4J_JIT=full."""
    return [] if os.environ.get("KB_NEO4J_JIT", "quick") == "full" else ["-XX:TieredStopAtLevel=1"]


def _cds_flags() -> list[str]:
    """Class data sharing: the first run of a home records the classes Neo4j loads into an archive when
    it stops (``-XX:ArchiveClassesAtExit``, once: ~120 MB, a few seconds more on that stop); every later
    start maps them instead of loading and verifying them again, about half the JVM's start. A JVM
    that cannot use the archive (another Java) runs without it. KB_NEO4J_CDS=0 turns it off."""
    if os.environ.get("KB_NEO4J_CDS", "1") == "0":
        return []
    jsa = cds_archive()
    if jsa.exists():
        return [f"-XX:SharedArchiveFile={jsa}"]
    return [f"-XX:ArchiveClassesAtExit={jsa}"]


def _last_error() -> str:
    lines = tail_log(40)
    errs = [l for l in lines if "ERROR" in l or "Exception" in l or "Error" in l]
    return (errs[-1] if errs else (lines[-1] if lines else "no log output")).strip()[:300]


def stop(timeout: float = 60) -> dict:
    """Stop the local server cleanly (SIGTERM, then SIGKILL after ``timeout``). No-op if stopped."""
    pid = _read_pid()
    if not pid:
        _pid_file().unlink(missing_ok=True)
        return {"changed": False}
    os.kill(pid, signal.SIGTERM)
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if not _alive(pid):
            break
        time.sleep(0.2)
    else:
        os.kill(pid, signal.SIGKILL)
    _pid_file().unlink(missing_ok=True)
    return {"changed": True, "pid": pid, "seconds": round(time.monotonic() - t0, 1)}


def _alive(pid: int) -> bool:
    try:
        # reap if it is our child (a test that started it in-process)
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
        return state != "Z"
    except (OSError, IndexError):
        return True


def restart(**kw) -> dict:
    stop()
    return start(**kw)


def status() -> Status:
    bolt, http = config.local_ports()
    pid = _read_pid()
    uptime = None
    if pid:
        try:
            uptime = time.time() - _pid_file().stat().st_mtime
        except OSError:
            pass
    version = None
    if pid:
        version = _server_version(bolt)
    if version is None and _marker().exists():
        try:
            version = json.loads(_marker().read_text()).get("neo4j")
        except ValueError:
            pass
    data = neo4j_home() / "data"
    size = sum(f.stat().st_size for f in data.rglob("*") if f.is_file()) if data.exists() else 0
    return Status(running=pid is not None, version=version, bolt_uri=f"neo4j://127.0.0.1:{bolt}",
                  http_uri=f"http://127.0.0.1:{http}", browser_uri=f"http://127.0.0.1:{http}/browser/",
                  pid=pid, uptime_s=round(uptime, 1) if uptime is not None else None,
                  store_bytes=size, home=str(neo4j_home()), installed=installed())


def _server_version(bolt: int) -> str | None:
    from neo4j import GraphDatabase
    try:
        with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt}", auth=("neo4j", password()),
                                  connection_timeout=3) as d:
            recs, _, _ = d.execute_query(
                "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e",
                database_="system", routing_="r")
            return f"{recs[0]['v']} {recs[0]['e']}"
    except Exception:
        return None


def status_dict() -> dict:
    return asdict(status())


def tail_log(n: int = 50) -> list[str]:
    log = console_log()
    if not log.exists():
        return []
    with open(log, "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 200_000))
        return f.read().decode("utf-8", errors="replace").splitlines()[-n:]


def rss_bytes(pid: int | None = None) -> int | None:
    """Resident memory of the server process (for the notes and benchmarks)."""
    pid = pid or _read_pid()
    if not pid:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


if __name__ == "__main__":  # pragma: no cover - debugging aid
    print(json.dumps(status_dict(), indent=2), file=sys.stderr)
