"""docs/tutorial.md, run end to end: every `$ kb …` line in order, on a database with no data and no
schema (the first load must apply it), each one succeeding with output."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from conftest import REPO, wipe
from test_first_hour import drop_schema

pytestmark = pytest.mark.neo4j


def tutorial_commands() -> list[str]:
    text = (REPO / "docs" / "tutorial.md").read_text(encoding="utf-8")
    return [line[2:].strip() for block in re.findall(r"```console\n(.*?)```", text, re.S)
            for line in block.splitlines() if line.startswith("$ kb ")]


def test_tutorial_runs_end_to_end(driver, database, tmp_path):
    from kb import graph
    cmds = tutorial_commands()
    assert len(cmds) >= 12
    wipe(driver, database)
    drop_schema(driver, database)
    try:
        for n, cmd in enumerate(cmds):
            args = shlex.split(cmd)[1:]
            out = None
            if "--output" in args:
                i = args.index("--output") + 1
                out = tmp_path / args[i]
                args[i] = str(out)
            r = subprocess.run([sys.executable, "-m", "kb.cli", *args], cwd=REPO, capture_output=True,
                               text=True, env=dict(os.environ), timeout=600)
            assert r.returncode == 0, f"{cmd}\n{r.stderr}"
            assert "Traceback" not in r.stderr, cmd
            if n == 0:
                assert "applied cypher/schema.cypher" in r.stderr, r.stderr
            if out is not None:
                assert out.stat().st_size > 100, cmd
            else:
                assert r.stdout.strip() and "(no rows)" not in r.stdout, cmd
    finally:
        wipe(driver, database)
        graph.apply_schema(driver, database)
