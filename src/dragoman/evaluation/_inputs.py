"""Choosing the gold reader, and converting the dictionaries a PETRARCH test file names."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from dragoman._petrarchfile import PetrarchImport
from dragoman.actors import import_petrarch_actors
from dragoman.coding import Lemmatizer, import_petrarch_verbs
from dragoman.errors import InputError
from dragoman.evaluation._docgold import read_doc_gold, read_penta_gold
from dragoman.evaluation._gold import GoldSet, read_gold_jsonl
from dragoman.evaluation._petrarchxml import read_petrarch_xml

__all__ = [
    "GOLD_FORMATS",
    "PetrarchEnvironment",
    "convert_petrarch_environment",
    "guess_gold_format",
    "read_gold",
]

#: Gold formats ``read_gold`` and ``dragoman eval --format`` accept: Dragoman's neutral
#: JSON lines, document gold (whole stories, exhaustive), news-sentence gold (five-class
#: labels and actor phrases), and PETRARCH validation XML.
GOLD_FORMATS = ("jsonl", "docs", "penta", "petrarch-xml")

_READERS = {
    "jsonl": read_gold_jsonl,
    "docs": read_doc_gold,
    "penta": read_penta_gold,
    "petrarch-xml": read_petrarch_xml,
}

#: How many lines the format guess reads, at most, looking for a JSON object.
_SNIFF_LINES = 20


def read_gold(path: Path | str, fmt: str | None = None) -> GoldSet:
    """Read a gold file in any of :data:`GOLD_FORMATS`.

    Args:
        path: The file.
        fmt: A format name; None guesses it: ``.xml`` is PETRARCH's; a JSON-lines file whose
            first record has ``"exhaustive"`` is document gold, one with ``"penta"``
            news-sentence gold, anything else the neutral format.

    Returns:
        The gold set.

    Raises:
        InputError: Unknown format, or the file is unreadable or malformed.
    """
    path = Path(path)
    if fmt is None:
        fmt = guess_gold_format(path)
    reader = _READERS.get(fmt)
    if reader is None:
        raise InputError(f"unknown gold format {fmt!r}; use one of {', '.join(GOLD_FORMATS)}")
    return reader(path)


def guess_gold_format(path: Path | str) -> str:
    """Guess a gold file's format from its name and its first JSON record.

    Args:
        path: The file; an unreadable one is guessed ``jsonl`` (its reader says why).

    Returns:
        One of :data:`GOLD_FORMATS`.
    """
    path = Path(path)
    if path.suffix.lower() == ".xml":
        return "petrarch-xml"
    try:
        with path.open(encoding="utf-8") as stream:
            for _number, line in zip(range(_SNIFF_LINES), stream, strict=False):
                try:
                    data = json.loads(line)
                except (ValueError, RecursionError):
                    continue
                if isinstance(data, dict):
                    if "exhaustive" in data:
                        return "docs"
                    if "penta" in data:
                        return "penta"
                    return "jsonl"
    except (OSError, UnicodeDecodeError):
        pass
    return "jsonl"


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
