"""The local Neo4j server: lifecycle, errors, loopback only, auth on. Real server, real processes."""
from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kb import config, server

pytestmark = pytest.mark.neo4j

KB = [sys.executable, "-m", "kb.cli"]


def run_kb(args, env=None, **kw):
    e = dict(os.environ)
    if env:
        e.update(env)
    e = {k: v for k, v in e.items() if v is not None}
    return subprocess.run(KB + args, capture_output=True, text=True, env=e, timeout=300, **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> list[str]:
    """Local addresses listening on ``port``, from /proc/net/tcp{,6}."""
    found = []
    for name in ("tcp", "tcp6"):
        try:
            lines = Path(f"/proc/net/{name}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            local, st = parts[1], parts[3]
            addr, p = local.split(":")
            if st == "0A" and int(p, 16) == port:
                found.append(addr)
    return found


def is_loopback(hex_addr: str) -> bool:
    if len(hex_addr) == 8:  # IPv4, little-endian
        return socket.inet_ntoa(bytes.fromhex(hex_addr)[::-1]).startswith("127.")
    # IPv6: 4 little-endian words; loopback ::1 or IPv4-mapped 127.x
    words = [bytes.fromhex(hex_addr[i:i + 8])[::-1] for i in range(0, 32, 8)]
    raw = b"".join(words)
    v6 = socket.inet_ntop(socket.AF_INET6, raw)
    return v6 == "::1" or v6.startswith("::ffff:127.")


def test_status_reports_running_server(settings):
    r = run_kb(["server", "status", "--format", "json"])
    assert r.returncode == 0, r.stderr
    st = json.loads(r.stdout)
    if not settings.local:
        pytest.skip("NEO4J_URI points elsewhere")
    assert st["running"] is True
    assert st["version"].startswith("5.26.")
    assert "community" in st["version"]
    assert st["bolt_uri"].startswith("neo4j://127.0.0.1:")
    assert st["pid"] > 0 and st["store_bytes"] > 0


def test_the_server_runs_with_the_quick_jit_unless_told(settings, monkeypatch):
    """The running server's JVM was started with the client compiler only; KB_NEO4J_JIT=full drops it."""
    if not settings.local:
        pytest.skip("NEO4J_URI points elsewhere")
    st = json.loads(run_kb(["server", "status", "--format", "json"]).stdout)
    cmdline = Path(f"/proc/{st['pid']}/cmdline").read_bytes().split(b"\0")
    assert b"-XX:TieredStopAtLevel=1" in cmdline
    from kb.server import jit_flags
    monkeypatch.setenv("KB_NEO4J_JIT", "full")
    assert jit_flags() == []
    monkeypatch.delenv("KB_NEO4J_JIT")
    assert jit_flags() == ["-XX:TieredStopAtLevel=1"]


def test_bolt_and_http_listen_on_loopback_only(settings):
    if not settings.local:
        pytest.skip("NEO4J_URI points elsewhere")
    bolt, http = config.local_ports()
    for port in (bolt, http):
        addrs = listening(port)
        assert addrs, f"nothing listens on {port}"
        assert all(is_loopback(a) for a in addrs), (port, addrs)


def test_browser_is_served(settings):
    if not settings.local:
        pytest.skip("NEO4J_URI points elsewhere")
    _, http = config.local_ports()
    with urllib.request.urlopen(f"http://127.0.0.1:{http}/browser/", timeout=20) as resp:
        body = resp.read().decode("utf-8", "replace")
    assert resp.status == 200
    assert "Neo4j Browser" in body or "neo4j" in body.lower()


def test_wrong_password_is_refused(settings):
    from kb import db
    from kb.errors import ConnectionFailed

    bad = config.Settings(settings.uri, settings.username, settings.password + "x", settings.database,
                          settings.local)
    with pytest.raises(ConnectionFailed, match="refused the credentials"):
        db.driver(bad)
    r = run_kb(["stats"], env={"NEO4J_URI": settings.uri, "NEO4J_PASSWORD": "definitely-wrong"})
    assert r.returncode == 1
    assert r.stderr.splitlines()[0].startswith("kb: error: Neo4j at ")
    assert "Traceback" not in r.stderr


def test_server_down_is_one_line(tmp_path):
    port = free_port()
    r = run_kb(["stats"], env={"NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "whatever1"})
    assert r.returncode == 1
    assert "does not answer" in r.stderr.splitlines()[0]
    assert "Traceback" not in r.stderr


SEEN_ON_CMDLINE: list[str] = []     # pids whose command line held the password during the install


@pytest.fixture(scope="module")
def second_home(tmp_path_factory):
    """A second kb home with its own server, for lifecycle tests (install re-uses the Maven cache)."""
    home = tmp_path_factory.mktemp("kbhome") / "kb"      # kb creates it (0700)
    env = {"KB_HOME": str(home), "NEO4J_PASSWORD": None, "NEO4J_URI": None}
    e = {k: v for k, v in dict(os.environ, **env).items() if v is not None}
    proc = subprocess.Popen(KB + ["server", "install"], env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    # the password file is written before neo4j-admin sets it: watch every command line meanwhile
    seen_on_cmdline = []
    while proc.poll() is None:
        pw_file = home / "password"
        pw = pw_file.read_text().strip() if pw_file.exists() else None
        if pw:
            for cmd in Path("/proc").glob("[0-9]*/cmdline"):
                try:
                    if pw.encode() in cmd.read_bytes():
                        seen_on_cmdline.append(cmd.parent.name)
                except OSError:
                    pass
        time.sleep(0.05)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    SEEN_ON_CMDLINE[:] = seen_on_cmdline
    yield home, env
    run_kb(["server", "stop"], env=env)
    shutil.rmtree(home, ignore_errors=True)


def test_install_is_idempotent_and_password_private(second_home):
    home, env = second_home
    r = run_kb(["server", "install"], env=env)
    assert r.returncode == 0
    assert "already installed" in r.stdout
    mode = stat.S_IMODE((home / "password").stat().st_mode)
    assert mode == 0o600
    pw = run_kb(["server", "password"], env=env).stdout.strip()
    assert len(pw) >= 16


def test_install_keeps_the_password_off_command_lines_and_the_home_private(second_home):
    home, env = second_home
    assert (home / "neo4j" / "data" / "dbms" / "auth.ini").exists()   # the initial password was set
    assert SEEN_ON_CMDLINE == [], f"the password was on the command line of pids {SEEN_ON_CMDLINE}"
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert not list((home / "neo4j" / "run").glob("initial-password*"))   # the @file is gone


def test_a_password_that_starts_with_a_dash_is_set(tmp_path):
    """A password beginning with - (one generated password in 64) is the password, not an option."""
    home = tmp_path / "kb"
    e = {k: v for k, v in dict(os.environ, KB_HOME=str(home), NEO4J_PASSWORD="-" + "x7" * 8).items()
         if k != "NEO4J_URI"}
    r = subprocess.run(KB + ["server", "install"], env=e, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert (home / "neo4j" / "data" / "dbms" / "auth.ini").exists()
    shutil.rmtree(home, ignore_errors=True)


def test_dead_clients_transactions_have_a_time_limit(settings):
    """The conf kb writes bounds a dead client's transaction and a writer's wait for its locks."""
    from kb import db
    if not settings.local:
        pytest.skip("not kb's own server")
    with db.session_driver(settings) as (d, _database):
        recs, _, _ = d.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
            names=["db.transaction.timeout", "db.lock.acquisition.timeout"], database_="system", routing_="r")
    got = {r["name"]: r["value"] for r in recs}
    assert got["db.transaction.timeout"] not in ("0s", "0", "0ms"), got
    assert got["db.lock.acquisition.timeout"] not in ("0s", "0", "0ms"), got


def test_timeouts_are_overridable(tmp_path):
    env = dict(os.environ, KB_HOME=str(tmp_path / "h"), KB_NEO4J_TX_TIMEOUT="5m", KB_NEO4J_LOCK_TIMEOUT="15s")
    code = ("from kb import server; server.neo4j_home().joinpath('conf').mkdir(parents=True); "
            "print(server.write_config(1, 2).read_text())")
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "db.transaction.timeout=5m" in r.stdout.splitlines()
    assert "db.lock.acquisition.timeout=15s" in r.stdout.splitlines()


def test_lifecycle_start_noop_status_stop(second_home):
    home, env = second_home
    bolt, http = free_port(), free_port()
    r = run_kb(["server", "start", "--bolt-port", str(bolt), "--http-port", str(http)], env=env)
    assert r.returncode == 0, r.stderr
    assert "started Neo4j" in r.stdout
    r = run_kb(["server", "start"], env=env)
    assert r.returncode == 0 and "already running" in r.stdout
    st = json.loads(run_kb(["server", "status", "--format", "json"], env=env).stdout)
    assert st["running"] and st["bolt_uri"] == f"neo4j://127.0.0.1:{bolt}"
    # every kb command uses the password file and the ports of the last start
    r = run_kb(["stats", "--format", "json"], env=env)
    assert r.returncode == 0, r.stderr
    r = run_kb(["server", "stop"], env=env)
    assert r.returncode == 0 and "stopped Neo4j" in r.stdout
    r = run_kb(["server", "status"], env=env)
    assert r.returncode == 3
    assert listening(bolt) == []


def test_port_taken_is_one_line(second_home):
    home, env = second_home
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        taken = s.getsockname()[1]
        r = run_kb(["server", "start", "--bolt-port", str(taken), "--http-port", str(free_port())], env=env)
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert lines[0] == f"kb: error: port {taken} on 127.0.0.1 (for Bolt) is taken by another program"
    assert "Traceback" not in r.stderr


def test_java_missing(tmp_path):
    env = {"KB_HOME": str(tmp_path / "h"), "PATH": str(tmp_path), "JAVA_HOME": None}
    r = run_kb(["server", "install"], env=env)
    assert r.returncode == 1
    assert r.stderr.startswith("kb: error: java not found")
    assert "Traceback" not in r.stderr


def test_java_too_old(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    java = fake / "java"
    java.write_text('#!/bin/sh\necho \'openjdk version "11.0.20" 2023-07-18\' >&2\n')
    java.chmod(0o755)
    env = {"KB_HOME": str(tmp_path / "h"), "PATH": f"{fake}:/usr/bin:/bin", "JAVA_HOME": None}
    r = run_kb(["server", "install"], env=env)
    assert r.returncode == 1
    assert "java 11 found" in r.stderr and "Java 17 or newer" in r.stderr


def test_maven_missing(tmp_path):
    real_java = shutil.which("java")
    if not real_java:
        pytest.skip("no java on this machine")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "java").symlink_to(real_java)
    env = {"KB_HOME": str(tmp_path / "h"), "PATH": str(fake), "JAVA_HOME": None}
    r = run_kb(["server", "install"], env=env)
    assert r.returncode == 1
    assert r.stderr.startswith("kb: error: mvn not found")


def test_no_disk_is_refused(tmp_path):
    from kb.errors import ServerError

    with pytest.raises(ServerError, match="MiB free under"):
        server._check_disk(tmp_path, need=1 << 60)
