"""The ``dragoman`` command line. Each command is a thin wrapper over a public function."""

from __future__ import annotations

import sys
from typing import Any

import click

from dragoman import __version__
from dragoman.cli._actors import actors_group
from dragoman.cli._actors_check import lookup_command as _lookup  # noqa: F401 - registers
from dragoman.cli._analysis import dyads_command, network_command, top_command
from dragoman.cli._code import code_command
from dragoman.cli._eval import eval_command
from dragoman.cli._export import export_command
from dragoman.cli._ingest import ingest_command
from dragoman.cli._serve import serve_command
from dragoman.cli._stats import stats_command
from dragoman.cli._verbs import verbs_group
from dragoman.errors import DragomanError

__all__ = ["cli", "main"]


class _Group(click.Group):
    """Turns DragomanError, and a failure to write the output (a full disk, a closed pipe),
    into one clear line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            ctx.close()  # close -o files now, so that a failed final write is seen here
            sys.stdout.flush()
            return result
        except DragomanError as exc:
            click.echo(f"dragoman: error: {exc}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # `dragoman ... | head`: the reader has what it wanted
            _silence_stdout()
            ctx.exit(1)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            click.echo(f"dragoman: error: cannot write{where}: {exc.strerror or exc}", err=True)
            _silence_stdout()
            ctx.exit(1)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the exit's own flush of unwritable output is quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # not a real file (tests): nothing to silence
        pass


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dragoman")
def cli() -> None:
    """Dragoman: political event data (who did what to whom) from English news text.

    \b
    Examples:
      dragoman code examples/kazakhstan_osce.txt --date 2025-06-01
      dragoman code stories.jsonl --format jsonl > events.jsonl
    """


cli.add_command(code_command)
cli.add_command(actors_group)  # with lookup/validate from _actors_check
cli.add_command(verbs_group)
cli.add_command(eval_command)
cli.add_command(ingest_command)
cli.add_command(export_command)
cli.add_command(stats_command)
cli.add_command(dyads_command)
cli.add_command(network_command)
cli.add_command(top_command)
cli.add_command(serve_command)


def main(argv: list[str] | None = None) -> None:
    """Run the command line (the ``dragoman`` console script)."""
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="dragoman")
