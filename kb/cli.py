"""The ``kb`` command line: a thin layer over the library.

Each command lives in ``kb/commands/<name>.py``, parses its options, calls one library function and
renders the result. Errors deriving from KbError are shown as one line plus the next step.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys

import click

from .errors import KbError

# command name -> module in kb.commands exposing a click command or group named ``command``
COMMANDS = {
    "server": "server",
    "schema": "schema",
    "stats": "stats",
    "extract": "extract",
    "eval": "evaluate",
    "load": "load",
    "import": "bulk_import",
    "reset": "reset",
    "query": "query",
    "timeline": "timeline",
    "browser": "browser",
    "cypher": "cypher",
    "unload": "unload",
    "setup": "setup",
    "export": "export",
    "report": "report",
    "search": "search",
    "posts": "posts",
}


class LazyGroup(click.Group):
    """Import a command's module only when it runs: keeps `kb --help` and start-up fast."""

    def list_commands(self, ctx):
        return sorted(name for name, mod in COMMANDS.items() if _available(mod))

    def get_command(self, ctx, name):
        mod = COMMANDS.get(name)
        if mod is None or not _available(mod):
            return None
        return importlib.import_module(f"kb.commands.{mod}").command


def _available(mod: str) -> bool:
    return importlib.util.find_spec(f"kb.commands.{mod}") is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kb")
def cli():
    """kb: Chinese newspaper pages → a Neo4j graph of events, people, organisations and places,
    with timeline reports (above all officials' inspection visits)."""


def main(argv=None):
    try:
        cli.main(args=argv, prog_name="kb", standalone_mode=False)
    except KbError as e:
        click.echo(f"kb: error: {e}", err=True)
        if e.hint:
            click.echo(f"kb: next: {e.hint}", err=True)
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        click.echo("kb: aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("kb: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `kb … | head`
        sys.exit(0)
    except Exception as e:  # a bug: one line, the traceback only when asked for
        if os.environ.get("KB_DEBUG"):
            raise
        click.echo(f"kb: internal error: {type(e).__name__}: {e}", err=True)
        click.echo("kb: next: rerun with KB_DEBUG=1 for the traceback and report it", err=True)
        sys.exit(70)


if __name__ == "__main__":
    main()
