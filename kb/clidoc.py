"""docs/cli.md: every command's --help, generated from the click commands themselves, so the
reference cannot drift from the behaviour (tests/test_cli_doc.py checks it is up to date)."""
from __future__ import annotations

import click

HEAD = """# The kb command line

Generated from `kb … --help` (`python -m kb.clidoc > docs/cli.md`); do not edit by hand.

## Shell completion

kb completes commands, options and choices in bash, zsh and fish (click's completion):

```sh
# bash: add to ~/.bashrc
eval "$(_KB_COMPLETE=bash_source kb)"
# zsh: add to ~/.zshrc
eval "$(_KB_COMPLETE=zsh_source kb)"
# fish: add to ~/.config/fish/completions/kb.fish
_KB_COMPLETE=fish_source kb | source
```

## Settings

`NEO4J_URI`, `NEO4J_USERNAME`, `NEO4J_PASSWORD`, `NEO4J_DATABASE` choose the server (default: the
local server `kb server` runs, its ports and password file in `$KB_HOME`). `NEO4J_BROWSER_URL` is the
Neo4j Browser's address for a server that is not local (`kb browser` finds the local one itself).
`KB_TAGGER=thulac` is `--tagger thulac` for `kb extract`, `kb load` and `kb eval` (the opt-in tagger
person signal, `kb[thulac]`; docs/quality.md).
`COLUMNS` is the width tables fit (`--wide` keeps every cell whole). `KB_DEBUG=1` shows tracebacks
and the driver's own log.
"""


def walk(cmd: click.Command, path: list[str]):
    """(command path, command) for ``cmd`` and every subcommand, depth first, in name order."""
    yield path, cmd
    if isinstance(cmd, click.Group):
        ctx = click.Context(cmd, info_name=path[-1])
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from walk(sub, path + [name])


def help_text(path: list[str], cmd: click.Command) -> str:
    """What `kb … --help` prints for ``cmd`` (100 columns wide)."""
    from .cli import cli
    ctx = cli.make_context("kb", [], resilient_parsing=True, terminal_width=100, max_content_width=100)
    node = cli
    for name in path[1:]:
        node = node.get_command(ctx, name)
        ctx = node.make_context(name, [], parent=ctx, resilient_parsing=True)
    return node.get_help(ctx)


def markdown() -> str:
    from .cli import cli
    out = [HEAD]
    cmds = list(walk(cli, ["kb"]))
    out.append("## Commands\n")
    out += [f"- [`{' '.join(p)}`](#{'-'.join(p)})" for p, _ in cmds[1:]]
    for p, c in cmds:
        out.append(f"\n<a id=\"{'-'.join(p)}\"></a>\n## `{' '.join(p)}`\n")
        out.append("```text\n" + help_text(p, c).rstrip() + "\n```")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
