"""The ``dragoman`` command line. Each command is a thin wrapper over a public function."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, MutableMapping
from typing import Any

import click

from dragoman import __version__
from dragoman._process import own_process
from dragoman.errors import DragomanError

__all__ = ["cli", "main"]

# Each command's module, imported only when that command runs (or is listed): `dragoman
# code` need not import the store, the evaluation, the analysis or the server.
_COMMANDS = {
    "code": ("dragoman.cli._code", "code_command"),
    "actors": ("dragoman.cli._actors_check", "actors_group"),  # with lookup and validate
    "verbs": ("dragoman.cli._verbs", "verbs_group"),
    "eval": ("dragoman.cli._eval", "eval_command"),
    "ingest": ("dragoman.cli._ingest", "ingest_command"),
    "export": ("dragoman.cli._export", "export_command"),
    "stats": ("dragoman.cli._stats", "stats_command"),
    "dyads": ("dragoman.cli._analysis", "dyads_command"),
    "network": ("dragoman.cli._analysis", "network_command"),
    "top": ("dragoman.cli._analysis", "top_command"),
    "serve": ("dragoman.cli._serve", "serve_command"),
}


class _LazyCommands(MutableMapping[str, click.Command]):
    """The group's command table: a command's module is imported on first access."""

    def __init__(self) -> None:
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        command = self._loaded.get(name)
        if command is None:
            if name not in _COMMANDS:
                raise KeyError(name)
            module, attribute = _COMMANDS[name]
            command = self._loaded[name] = getattr(importlib.import_module(module), attribute)
        return command

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*_COMMANDS, *self._loaded]))

    def __len__(self) -> int:
        return len(set(_COMMANDS) | set(self._loaded))


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


cli.commands = _LazyCommands()


def main(argv: list[str] | None = None) -> None:
    """Run the command line (the ``dragoman`` console script)."""
    own_process()  # the process is ours: commands may settle the Coder they load
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="dragoman")
