"""``dragoman verbs ...``: commands about verb dictionaries."""

from __future__ import annotations

from typing import IO

import click

from dragoman.cli._petrarchio import write_import
from dragoman.coding import Lemmatizer, import_petrarch_verbs, naive_lemma, spacy_lemmatizer
from dragoman.errors import InputError
from dragoman.pipeline import load_model

__all__ = ["verbs_group"]


@click.group("verbs")
def verbs_group() -> None:
    """Work with verb dictionaries (verb patterns and their CAMEO codes).

    \b
    Examples:
      dragoman verbs import --petrarch CAMEO.2.0.txt -o cameo_verbs.yaml
    """


@verbs_group.command("import")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False), metavar="FILE...")
@click.option(
    "--petrarch",
    is_flag=True,
    help="FILEs are PETRARCH verb dictionaries (the only format supported so far).",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write the Dragoman YAML here instead of standard output.",
)
@click.option(
    "--patterns-for",
    type=click.Choice(["block", "origin"]),
    default="block",
    show_default=True,
    help="Apply each pattern to every verb of its block (PETRARCH's rule), or only to the "
    "verb its comment names ('# RUSH'), for a smaller file to curate.",
)
@click.option(
    "--lemmas",
    type=click.Choice(["spacy", "simple"]),
    default="spacy",
    show_default=True,
    help="How words become lemmas: spaCy's lemmatizer (CALLED -> call) or lower case "
    "with regular noun plurals removed.",
)
@click.option("--model", metavar="NAME", help="spaCy pipeline for --lemmas spacy.")
@click.option("--strict", is_flag=True, help="Stop at the first malformed line.")
@click.option(
    "--with-dropped",
    is_flag=True,
    help="List every dropped pattern (file, line, reason) as a comment at the end.",
)
def import_command(
    files: tuple[str, ...],
    petrarch: bool,
    output: IO[str],
    patterns_for: str,
    lemmas: str,
    model: str | None,
    strict: bool,
    with_dropped: bool,
) -> None:
    """Convert PETRARCH verb dictionaries into Dragoman's verb format.

    Kept: each verb with its block's or its own code, VERB_PARTICLE and VERB_PREP
    multi-word verbs, and patterns of the form [particle] [object noun or &SYNSET]
    [(preposition)] or TO VERB after the verb. Dropped and counted on stderr: words before
    the verb, nouns with modifiers, prepositional phrases with their own noun, null and
    non-CAMEO codes, transformations. Use the result with --verbs FILE.

    \b
    Examples:
      dragoman verbs import --petrarch CAMEO.2.0.txt -o cameo_verbs.yaml
      dragoman verbs import --petrarch my.verbs --patterns-for origin --with-dropped -o x.yaml
      dragoman code story.txt --verbs cameo_verbs.yaml
    """
    if not petrarch:
        raise InputError("say which format FILE is in: --petrarch (the only one supported)")
    if not files:
        raise InputError("give at least one PETRARCH verb dictionary file")
    lemmatizer: Lemmatizer = naive_lemma
    if lemmas == "spacy":
        lemmatizer = spacy_lemmatizer(load_model(model))
    result = import_petrarch_verbs(
        files, lemmatizer=lemmatizer, patterns_for=patterns_for, strict=strict
    )
    write_import(result, output, include_dropped=with_dropped)
