"""Issue 13 point 8: the Browser style (GraSS) and the guide of the named queries, and the generated
CLI reference with shell completion (docs/cli.md)."""
from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import urllib.request

from conftest import REPO


def kb(*args, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "kb.cli", *map(str, args)], capture_output=True, text=True,
                          env=e, timeout=120, cwd=REPO)


def test_style_captions_events_with_type_and_date():
    r = kb("browser", "--style")
    assert r.returncode == 0 and r.stdout.startswith(":style ") and r.stdout.count("\n") == 1
    rules = dict(re.findall(r"node\.(\w+) \{((?:[^{}]|\{\w+\})*)\}", r.stdout))
    assert 'caption: "{type} {date}"' in rules["Event"]
    for label in ("Person", "Place", "Organization"):
        assert 'caption: "{name}"' in rules[label], label


def test_guide_serves_every_named_query_as_runnable_slides():
    from kb import queries
    p = subprocess.Popen([sys.executable, "-m", "kb.cli", "browser", "--guide"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        line = p.stdout.readline().strip()
        m = re.fullmatch(r":play (http://localhost:(\d+)/kb-guide\.html)", line)
        assert m, line
        req = urllib.request.Request(m.group(1).replace("localhost", "127.0.0.1"),
                                     headers={"Origin": "http://127.0.0.1:7474"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert resp.headers["Access-Control-Allow-Origin"] == "*"
            page = resp.read().decode("utf-8")
        assert page.startswith('<article class="guide">')
        slides = re.findall(r"<slide.*?</slide>", page, re.S)
        qs = queries.list_queries()
        assert len(slides) == len(qs) + 1
        for q, slide in zip(qs, slides[1:]):
            assert f"<h3>{q.name}</h3>" in slide
            runnable = [html.unescape(x) for x in re.findall(r'<pre class="[^"]*runnable">(.*?)</pre>', slide, re.S)]
            assert runnable[-1] == q.body + ";"
            if q.params:
                assert runnable[0] == "\n".join(q.param_lines())
    finally:
        p.terminate()
        p.wait(timeout=10)


def test_cli_md_is_generated_and_complete():
    from kb import clidoc
    from kb.cli import cli
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert doc == clidoc.markdown(), "regenerate: python -m kb.clidoc > docs/cli.md"
    n = 0
    for path, cmd in clidoc.walk(cli, ["kb"]):
        assert f"## `{' '.join(path)}`" in doc
        for param in cmd.params:
            for opt in getattr(param, "opts", []) if param.param_type_name == "option" else []:
                assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", doc), (path, opt)
                n += 1
    assert n > 60
    assert "_KB_COMPLETE=bash_source kb" in doc


def test_shell_completion_works_as_documented():
    r = subprocess.run([sys.executable, "-c", "from kb.cli import main; main()"], capture_output=True, text=True,
                       env=dict(os.environ, _KB_COMPLETE="bash_complete", COMP_WORDS="kb unl", COMP_CWORD="1"))
    assert "unload" in r.stdout, r.stdout + r.stderr
