"""Choosing the gold reader, and converting the dictionaries a PETRARCH test file names."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dragoman._petrarchfile import PetrarchImport
from dragoman.actors import import_petrarch_actors
from dragoman.coding import Lemmatizer, import_petrarch_verbs
from dragoman.errors import InputError
from dragoman.evaluation._gold import GoldSet, read_gold_jsonl
from dragoman.evaluation._petrarchxml import read_petrarch_xml

__all__ = ["GOLD_FORMATS", "PetrarchEnvironment", "convert_petrarch_environment", "read_gold"]

#: Gold formats ``read_gold`` and ``dragoman eval --format`` accept.
GOLD_FORMATS = ("jsonl", "petrarch-xml")


def read_gold(path: Path | str, fmt: str | None = None) -> GoldSet:
    """Read a gold file in either format.

    Args:
        path: The file.
        fmt: ``"jsonl"`` or ``"petrarch-xml"``; None guesses from the name (``.xml`` is
            PETRARCH's, anything else JSON lines).

    Returns:
        The gold set.

    Raises:
        InputError: Unknown format, or the file is unreadable or malformed.
    """
    path = Path(path)
    if fmt is None:
        fmt = "petrarch-xml" if path.suffix.lower() == ".xml" else "jsonl"
    if fmt == "jsonl":
        return read_gold_jsonl(path)
    if fmt == "petrarch-xml":
        return read_petrarch_xml(path)
    raise InputError(f"unknown gold format {fmt!r}; use one of {', '.join(GOLD_FORMATS)}")


@dataclass
class PetrarchEnvironment:
    """Dragoman dictionary files converted from a PETRARCH test file's ``<Environment>``.

    Attributes:
        verb_files: Converted verb dictionaries (pass to ``Coder(verbs=...)``).
        actor_files: Converted actor and agent dictionaries (``Coder(actors=...)``).
        imports: The conversion results, with what was dropped.
        notes: What could not be used (discard lists).
    """

    verb_files: list[Path] = field(default_factory=list)
    actor_files: list[Path] = field(default_factory=list)
    imports: list[PetrarchImport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def convert_petrarch_environment(
    gold: GoldSet, folder: Path | str, *, lemmatizer: Lemmatizer | None = None
) -> PetrarchEnvironment:
    """Convert the dictionaries a PETRARCH validation file names into Dragoman files.

    Args:
        gold: A gold set read from a PETRARCH validation file.
        folder: Where to write ``petrarch_verbs.yaml`` and ``petrarch_actors.yaml``.
        lemmatizer: Passed to :func:`dragoman.coding.import_petrarch_verbs`.

    Returns:
        The converted files and the conversion reports.

    Raises:
        DictionaryError: A named dictionary cannot be read.
    """
    folder = Path(folder)
    environment = PetrarchEnvironment()
    verbs = gold.dictionaries.get("verbs", [])
    if verbs:
        result = import_petrarch_verbs(verbs, lemmatizer=lemmatizer)
        path = folder / "petrarch_verbs.yaml"
        path.write_text(result.to_yaml(), encoding="utf-8")
        environment.verb_files.append(path)
        environment.imports.append(result)
    actors = gold.dictionaries.get("actors", []) + gold.dictionaries.get("agents", [])
    if actors:
        result = import_petrarch_actors(actors)
        path = folder / "petrarch_actors.yaml"
        path.write_text(result.to_yaml(), encoding="utf-8")
        environment.actor_files.append(path)
        environment.imports.append(result)
    for discards in gold.dictionaries.get("discards", []):
        environment.notes.append(
            f"discard list {discards.name} not used: Dragoman has no discard lists"
        )
    for result in environment.imports:
        lines = result.summary_lines()
        environment.notes.append(f"PETRARCH {result.kind} converted: {lines[0]}")
    return environment
