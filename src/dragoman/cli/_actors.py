"""``dragoman actors ...``: commands about actor dictionaries."""

from __future__ import annotations

from typing import IO

import click

from dragoman.actors import import_petrarch_actors
from dragoman.cli._petrarchio import write_import
from dragoman.errors import InputError

__all__ = ["actors_group"]


@click.group("actors")
def actors_group() -> None:
    """Work with actor dictionaries (states, organizations, people, agents).

    \b
    Examples:
      dragoman actors import --petrarch Phoenix.Countries.actors.txt -o countries.yaml
    """


@actors_group.command("import")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False), metavar="FILE...")
@click.option(
    "--petrarch",
    is_flag=True,
    help="FILEs are PETRARCH/TABARI .actors or .agents dictionaries (the only format "
    "supported so far).",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write the Dragoman YAML here instead of standard output.",
)
@click.option("--strict", is_flag=True, help="Stop at the first malformed line.")
@click.option(
    "--with-dropped",
    is_flag=True,
    help="List every dropped entry (file, line, reason) as a comment at the end.",
)
def import_command(
    files: tuple[str, ...], petrarch: bool, output: IO[str], strict: bool, with_dropped: bool
) -> None:
    """Convert PETRARCH actor and agent dictionaries into Dragoman's actor format.

    Names become case forms that Dragoman matches ("MINAS_TIRITH" -> "Minas Tirith"),
    dated codes ([KAZGOV 991001-020128], [X <DATE], [X >DATE]; two-digit years up to 30
    are 20xx) become dated roles, '+' synonyms become aliases, agents ([~GOV]) become
    role nouns. What Dragoman's format cannot express ([---] null codes, [A/B] compound
    codes, [NGO~] prefix agents) is dropped and counted on stderr. Use the result with
    --actors FILE.

    \b
    Examples:
      dragoman actors import --petrarch my.actors my.agents -o mine.yaml
      dragoman code story.txt --actors mine.yaml
    """
    if not petrarch:
        raise InputError("say which format FILE is in: --petrarch (the only one supported)")
    if not files:
        raise InputError("give at least one PETRARCH .actors or .agents file")
    result = import_petrarch_actors(files, strict=strict)
    write_import(result, output, include_dropped=with_dropped)
