"""The README's examples are run here, in order, against the real server: they must work as written."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from conftest import REPO, wipe

pytestmark = pytest.mark.neo4j


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    cmds = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        cmds += [line[2:].strip() for line in block.splitlines() if line.startswith("$ kb ")]
    return cmds


def test_readme_has_examples():
    assert len(readme_commands()) >= 5


def test_readme_examples_run(driver, database, tmp_path):
    wipe(driver, database)
    env = dict(os.environ)
    for cmd in readme_commands():
        args = shlex.split(cmd)[1:]
        out = None
        if "--output" in args:  # write the report into tmp, not the repo
            i = args.index("--output") + 1
            out = tmp_path / args[i]
            args[i] = str(out)
        r = subprocess.run([sys.executable, "-m", "kb.cli", *args], cwd=REPO, capture_output=True, text=True,
                           env=env, timeout=300)
        assert r.returncode == 0, f"{cmd}\n{r.stderr}"
        assert "Traceback" not in r.stderr, cmd
        if out is not None:
            assert out.stat().st_size > 0, cmd
        else:
            assert r.stdout.strip(), cmd
    wipe(driver, database)
