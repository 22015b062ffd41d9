"""Shared output of the ``actors import`` and ``verbs import`` commands."""

from __future__ import annotations

from typing import IO

import click

from dragoman._petrarchfile import PetrarchImport

__all__ = ["MAX_PROBLEMS", "write_import"]

#: Malformed lines listed on stderr before the rest are only counted.
MAX_PROBLEMS = 20


def write_import(result: PetrarchImport, output: IO[str], *, include_dropped: bool) -> None:
    """Write converted entries, then report problems and the summary on stderr.

    Args:
        result: The conversion result.
        output: Where the YAML goes.
        include_dropped: List every dropped item as a comment at the end of the YAML.
    """
    output.write(result.to_yaml(include_dropped=include_dropped))
    output.flush()
    for problem in result.problems[:MAX_PROBLEMS]:
        click.echo(f"dragoman: warning: {problem}; skipped", err=True)
    if len(result.problems) > MAX_PROBLEMS:
        click.echo(
            f"dragoman: warning: {len(result.problems) - MAX_PROBLEMS} more malformed line(s) "
            "skipped (--strict stops at the first)",
            err=True,
        )
    for line in result.summary_lines():
        click.echo(f"dragoman: {line}", err=True)
