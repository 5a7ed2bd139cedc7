"""Provisioning kb's Neo4j 5.26 LTS Community server from Maven Central, and its password.

``install`` writes a small ``pom.xml`` naming ``org.neo4j:neo4j`` (Bolt, HTTP server, DBMS, import tool)
and the Neo4j Browser jar, and lets Maven copy the runtime jars into ``$KB_HOME/neo4j/lib`` (the local
Maven cache makes a second provisioning fast). Java 17+ and Maven are checked first.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import time
from pathlib import Path

from . import config
from .errors import ServerError
from .server_config import _marker, cds_archive, neo4j_home, write_config

NEO4J_VERSION = os.environ.get("KB_NEO4J_VERSION", "5.26.21")
# No neo4j-browser 5.26.x jar is on Maven Central; 5.24.0 is the newest 5.x one there and speaks
# Bolt over WebSocket to any 5.x server.
BROWSER_VERSION = os.environ.get("KB_NEO4J_BROWSER_VERSION", "5.24.0")
MIN_FREE_DISK = 1 << 30  # 1 GiB: jars (~130 MB) plus room for a store

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kb.local</groupId>
  <artifactId>kb-neo4j-server</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{neo4j}</version></dependency>
    <dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId><version>{browser}</version></dependency>
  </dependencies>
</project>
"""


# ------------------------------------------------------------------ prerequisites

def java_version(java: str | None = None) -> int:
    """Major version of the ``java`` on PATH (or $JAVA_HOME); raises ServerError when missing/old."""
    java = java or _java()
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        out = None
    m = out and re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        raise ServerError("cannot run java: Neo4j 5.26 needs Java 17 or newer",
                          hint="install a JDK 17+ (e.g. `apt-get install openjdk-17-jdk-headless`) "
                               "and put java on PATH or set JAVA_HOME")
    major = int(m.group(1))
    if major == 1:  # 1.8 style
        major = int(m.group(2) or 0)
    if major < 17:
        raise ServerError(f"java {major} found at {java}: Neo4j 5.26 needs Java 17 or newer",
                          hint="install a JDK 17+ and put it first on PATH or set JAVA_HOME")
    return major


def _java() -> str:
    jh = os.environ.get("JAVA_HOME")
    if jh and (Path(jh) / "bin" / "java").exists():
        return str(Path(jh) / "bin" / "java")
    java = shutil.which("java")
    if not java:
        raise ServerError("java not found: Neo4j 5.26 needs Java 17 or newer",
                          hint="install a JDK 17+ (e.g. `apt-get install openjdk-17-jdk-headless`)")
    return java


def _mvn() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServerError("mvn not found: kb provisions Neo4j from Maven Central with Maven",
                          hint="install Maven (e.g. `apt-get install maven`), or run Neo4j yourself "
                               "(docker compose up) and set NEO4J_URI/NEO4J_PASSWORD")
    return mvn


def _check_disk(path: Path, need: int = MIN_FREE_DISK) -> None:
    path.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(path).free
    if free < need:
        raise ServerError(f"only {free >> 20} MiB free under {path}; kb's Neo4j needs {need >> 20} MiB",
                          hint="free some disk or point KB_HOME at a larger disk")


# ------------------------------------------------------------------ install

def installed() -> bool:
    m = _marker()
    if not m.exists():
        return False
    try:
        info = json.loads(m.read_text())
    except ValueError:
        return False
    return info.get("neo4j") == NEO4J_VERSION and (neo4j_home() / "lib").is_dir()


def install(echo=print) -> dict:
    """Provision Neo4j and the Browser into ``$KB_HOME/neo4j``; a no-op when already there.

    Returns a dict with ``changed`` and timings. The password is generated here (or taken from
    NEO4J_PASSWORD) and written to a 0600 file every kb command reads.
    """
    home = neo4j_home()
    _private_home()
    if installed():
        _ensure_password()
        return {"changed": False, "home": str(home), "neo4j": NEO4J_VERSION}
    java_version()
    mvn = _mvn()
    _check_disk(config.kb_home())
    t0 = time.monotonic()
    for d in ("conf", "data", "logs", "run", "import", "plugins", "maven"):
        (home / d).mkdir(parents=True, exist_ok=True)
    (home / "maven" / "pom.xml").write_text(POM.format(neo4j=NEO4J_VERSION, browser=BROWSER_VERSION))
    lib_tmp = home / "lib.partial"
    shutil.rmtree(lib_tmp, ignore_errors=True)
    echo(f"kb: fetching Neo4j {NEO4J_VERSION} and Neo4j Browser {BROWSER_VERSION} with Maven "
         "(~130 MB the first time) …")
    cmd = [mvn, "-B", "-q", "-f", str(home / "maven" / "pom.xml"), "dependency:copy-dependencies",
           "-DincludeScope=runtime", f"-DoutputDirectory={lib_tmp}"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = " | ".join(l for l in proc.stdout.splitlines() if "ERROR" in l)[:400]
        raise ServerError(f"Maven could not fetch Neo4j {NEO4J_VERSION}: {tail or 'exit ' + str(proc.returncode)}",
                          hint="check that Maven reaches Maven Central (mvn -v; proxy settings in ~/.m2/settings.xml)")
    shutil.rmtree(home / "lib", ignore_errors=True)
    lib_tmp.rename(home / "lib")
    cds_archive().unlink(missing_ok=True)      # the classes of the jars replaced
    pw = _ensure_password()
    # the password must be set before the first start; a store from an earlier install keeps its own
    if not (home / "data" / "dbms" / "auth.ini").exists() and not (home / "data" / "databases").exists():
        write_config(config.DEFAULT_BOLT_PORT, config.DEFAULT_HTTP_PORT)
        _set_initial_password(pw)
    _marker().write_text(json.dumps({"neo4j": NEO4J_VERSION, "browser": BROWSER_VERSION,
                                     "installed_at": time.time()}))
    return {"changed": True, "home": str(home), "neo4j": NEO4J_VERSION,
            "seconds": round(time.monotonic() - t0, 1)}


def _private_home() -> Path:
    """``$KB_HOME`` (the store, the password, the logs) readable by its owner only."""
    home = config.kb_home()
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(home, 0o700)
    return home


def _set_initial_password(pw: str) -> None:
    """``neo4j-admin dbms set-initial-password`` without the password on a command line (the process
    list is world-readable): picocli, which parses neo4j-admin's arguments, reads ``@file`` arguments
    from a file, here a 0600 one that is deleted afterwards. ``--`` before it: a password that starts
    with - is the password, not an option (picocli would refuse it as a missing parameter)."""
    run = neo4j_home() / "run"
    run.mkdir(parents=True, exist_ok=True)
    argfile = run / f"initial-password.{os.getpid()}"
    fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write('--\n"' + pw.replace("\\", "\\\\").replace('"', '\\"') + '"\n')
        _admin(["dbms", "set-initial-password", f"@{argfile}"])
    finally:
        argfile.unlink(missing_ok=True)


def _ensure_password() -> str:
    pf = config.password_file()
    if pf.exists():
        return pf.read_text().strip()
    pw = os.environ.get("NEO4J_PASSWORD") or secrets.token_urlsafe(18)
    if len(pw) < 8:
        raise ServerError("NEO4J_PASSWORD must have at least 8 characters for the local server")
    pf.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(pf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(pw + "\n")
    os.chmod(pf, 0o600)
    return pw


def password() -> str:
    """The local server's password (for the Browser login)."""
    pf = config.password_file()
    if not pf.exists():
        raise ServerError(f"no password file at {pf}", hint="run `kb server install`")
    return pf.read_text().strip()


def _admin(args: list[str], timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``neo4j-admin`` (org.neo4j.cli.AdminTool) on kb's home."""
    home = neo4j_home()
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    proc = subprocess.run([_java(), "-cp", f"{home / 'lib'}/*", "org.neo4j.cli.AdminTool", *args],
                          capture_output=True, text=True, env=env, timeout=timeout)
    if proc.returncode != 0:
        msg = [l for l in (proc.stderr + proc.stdout).splitlines() if l.strip() and not l.startswith(("\tat ", "    at "))]
        raise ServerError(f"neo4j-admin {' '.join(args[:2])} failed: {msg[0][:300] if msg else proc.returncode}")
    return proc


def admin(args: list[str], timeout: float = 3600) -> subprocess.CompletedProcess:
    """Public wrapper for neo4j-admin (bulk import in the benchmark). Server must be stopped."""
    if not installed():
        raise ServerError("Neo4j is not installed", hint="run `kb server install`")
    return _admin(args, timeout)
