"""``dragoman actors lookup`` and ``dragoman actors validate``."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.markup import escape

from dragoman._coder import Coder
from dragoman.actors import load_actor_dictionary, validate_actor_file
from dragoman.cli._actors import actors_group
from dragoman.records import normalize_date

__all__ = ["lookup_command", "validate_command"]


@actors_group.command("lookup")
@click.argument("phrase")
@click.option(
    "--date",
    metavar="YYYY-MM-DD",
    help="Resolve roles valid on this date (default: current roles).",
)
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra actor dictionary file (YAML or JSONL); repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the resolution as JSON.")
@click.option("--model", metavar="NAME", help="spaCy pipeline to load.")
def lookup_command(
    phrase: str, date: str | None, actor_files: tuple[str, ...], as_json: bool, model: str | None
) -> None:
    """Show how PHRASE resolves to an actor code on a date, and why.

    PHRASE is read as a clause slot is read when coding: a name, a title with a name, or
    a noun phrase. The answer gives the code, the dictionary entry and the rule that
    produced it, and for people every dated role with the one valid on the date.

    \b
    Examples:
      dragoman actors lookup "Tokayev" --date 2025-06-01
      dragoman actors lookup "Finland's foreign minister"
      dragoman actors lookup "President Trump" --date 2018-05-01 --json
    """
    coder = Coder(model=model, actors=actor_files, dates=False, places=False, quotes=False)
    result = coder.lookup_actor(phrase, date=normalize_date(date))
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    console = Console()
    when = result.date or "today (current roles)"
    if not result.actors:
        console.print(f"[bold]{escape(phrase)}[/bold]: no actor on {when}")
    for actor in result.actors:
        console.print(
            f"[bold]{escape(actor.text)}[/bold] -> [green]{actor.code}[/green] "
            f"({escape(actor.name)}) on {when}\n  entry: {escape(actor.entry)}\n"
            f"  rule:  {escape(actor.rule)}"
        )
    for entry in result.entries:
        if not entry.roles:
            continue
        console.print(f"roles of {escape(entry.name)}:")
        for role in entry.roles:
            valid = result.date is not None and role.valid_on(result.date)
            mark = "[green]*[/green]" if valid else " "
            console.print(
                f"  {mark} {role.code:<12} {role.start or '...'} to {role.end or 'now':<10} "
                f"{escape(role.title or '')}"
            )
    if not result.actors:
        sys.exit(1)


@actors_group.command("validate")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="FILE..."
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
def validate_command(files: tuple[str, ...], strict: bool) -> None:
    """Check actor dictionary files and list their problems with line numbers.

    Errors stop a file from loading (syntax, missing keys, bad codes or dates); warnings
    point at probable mistakes: duplicate codes or names, overlapping role periods, role
    codes whose country or organization is unknown, agent codes that are not CAMEO
    sectors. The exit status is 1 when any file has an error (or, with --strict, a
    warning).

    \b
    Examples:
      dragoman actors validate my_actors.yaml
      dragoman actors validate people.yaml groups.jsonl --strict
    """
    known = load_actor_dictionary()
    errors = warnings = 0
    for path in files:
        problems = validate_actor_file(path, known=known)
        for problem in problems:
            click.echo(str(problem))
        errors += sum(p.severity == "error" for p in problems)
        warnings += sum(p.severity == "warning" for p in problems)
    click.echo(
        f"dragoman: {len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)",
        err=True,
    )
    if errors or (strict and warnings):
        sys.exit(1)
