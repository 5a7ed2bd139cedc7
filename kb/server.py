"""A local Neo4j 5.26 LTS Community server, provisioned from Maven Central.

There is no Docker engine on the machines kb targets, but Java 17 and Maven are: ``install`` writes
a small ``pom.xml`` naming ``org.neo4j:neo4j`` (Bolt, HTTP server, DBMS, import tool) and the Neo4j
Browser jar, and lets Maven copy the runtime jars into ``$KB_HOME/neo4j/lib`` (the local Maven cache
makes a second provisioning fast). ``start`` runs ``org.neo4j.server.CommunityEntryPoint`` in the
background, bound to 127.0.0.1 with auth on, and returns once Bolt answers a query.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from . import config
from .errors import ServerError

NEO4J_VERSION = os.environ.get("KB_NEO4J_VERSION", "5.26.21")
# No neo4j-browser 5.26.x jar is on Maven Central; 5.24.0 is the newest 5.x one there and speaks
# Bolt over WebSocket to any 5.x server.
BROWSER_VERSION = os.environ.get("KB_NEO4J_BROWSER_VERSION", "5.24.0")
MIN_FREE_DISK = 1 << 30  # 1 GiB: jars (~130 MB) plus room for a store

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


# ------------------------------------------------------------------ paths

def neo4j_home() -> Path:
    return config.kb_home() / "neo4j"


def _pid_file() -> Path:
    return neo4j_home() / "run" / "kb-neo4j.pid"


def _marker() -> Path:
    return neo4j_home() / "installed.json"


def console_log() -> Path:
    return neo4j_home() / "logs" / "console.log"


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


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


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
    from a file, here a 0600 one that is deleted afterwards."""
    run = neo4j_home() / "run"
    run.mkdir(parents=True, exist_ok=True)
    argfile = run / f"initial-password.{os.getpid()}"
    fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write('"' + pw.replace("\\", "\\\\").replace('"', '\\"') + '"\n')
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
    cmd = [java, "-cp", f"{home / 'conf'}/*:{home / 'lib'}/*", *JVM_FLAGS,
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
        if _answers(bolt_port, pw, timeout=2):
            break
        if time.monotonic() - t0 > timeout:
            stop()
            raise ServerError(f"Neo4j did not answer on Bolt port {bolt_port} within {timeout:.0f} s: "
                              f"{_last_error()}", hint=f"see `kb server logs` ({log})")
        time.sleep(0.5)
    return {"changed": True, "pid": proc.pid, "bolt": bolt_port, "http": http_port,
            "seconds": round(time.monotonic() - t0, 1)}


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
