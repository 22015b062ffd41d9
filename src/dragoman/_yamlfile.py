"""Reading YAML dictionary files as lists of entries that remember their line numbers."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Protocol

import yaml

from dragoman.errors import DictionaryError

# The C loader is much faster; PyYAML ships it in its wheels.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["DictionaryFiles", "RawEntry", "load_files", "read_entries"]


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One mapping of a dictionary file, with where it stands."""

    data: dict[str, Any]
    file: str
    line: int

    def where(self) -> str:
        """Return ``FILE line N`` for messages."""
        return f"{self.file} line {self.line}"

    def error(self, message: str) -> DictionaryError:
        """Return a DictionaryError that names this entry's file and line."""
        return DictionaryError(f"{self.where()}: {message}")


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader that records the line of every mapping under the key ``__line__``."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


# YAML 1.1 reads on/off/yes/no as booleans, but "prep: on" and "particle: off" are words
# here, and no dictionary field is a boolean: resolve no scalar to bool. Dates stay strings
# too, so the loaders check them and report a bad one with its line.
_PLAIN_TAGS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _PLAIN_TAGS]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def read_entries(
    source: Path | Traversable | str, *, name: str | None = None
) -> Iterator[RawEntry]:
    """Read a YAML file whose top level is a list of mappings (or a ``.jsonl`` file).

    Args:
        source: A path, an importlib resource, or the YAML text itself (with ``name``).
        name: Name to use in messages; defaults to the file name.

    Yields:
        Each mapping with its file name and line number.

    Raises:
        DictionaryError: The file cannot be read, is not valid YAML, or is not a list of
            mappings.
    """
    if isinstance(source, str):
        text, label = source, name or "<string>"
    else:
        label = name or str(source)
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(f"{label}: cannot read dictionary file: {exc}") from exc
    if label.endswith(".jsonl"):
        yield from _json_lines(text, label)
        return
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DictionaryError(f"{label}{line}: not valid YAML: {problem}") from exc
    except ValueError as exc:  # a well-formed but impossible value, e.g. date 2001-13-01
        raise DictionaryError(f"{label}: invalid value: {exc}") from exc
    if data is None:
        return
    if not isinstance(data, list):
        raise DictionaryError(f"{label} line 1: expected a list of entries ('- {{...}}')")
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise DictionaryError(
                f"{label}: entry {index + 1} is not a mapping; each entry looks like "
                "'- {key: value, ...}'"
            )
        number = int(item.pop("__line__", 0))
        for value in item.values():
            _strip_lines(value)
        yield RawEntry(item, label, number)


def _json_lines(text: str, label: str) -> Iterator[RawEntry]:
    """Read a JSON-lines dictionary: one entry object per line (for large generated files)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise DictionaryError(f"{label} line {number}: not valid JSON: {exc}") from exc
        if not isinstance(item, dict):
            raise DictionaryError(f"{label} line {number}: each line must be a JSON object")
        yield RawEntry(item, label, number)


def _strip_lines(value: Any) -> None:
    """Remove ``__line__`` keys from nested mappings (they are only for top-level entries)."""
    if isinstance(value, dict):
        value.pop("__line__", None)
        for inner in value.values():
            _strip_lines(inner)
    elif isinstance(value, list):
        for inner in value:
            _strip_lines(inner)


class DictionaryFiles(Protocol):
    """Anything filled from dictionary files (the actor and verb dictionaries)."""

    def add_file(self, source: Path | Traversable | str, *, name: str | None = None) -> None:
        """Add the entries of one file."""


def load_files(
    dictionary: DictionaryFiles,
    shipped: Iterable[Traversable],
    extra: Iterable[Path | str],
    kind: str,
) -> None:
    """Fill a dictionary from the shipped files, then the user's files on top.

    Args:
        dictionary: The dictionary to fill.
        shipped: Package resources, in load order.
        extra: Paths of user files; their entries add to or replace shipped ones.
        kind: What the files are ("actor", "verb"), for messages.

    Raises:
        DictionaryError: A user file is missing, or any file is malformed.
    """
    for resource in shipped:
        dictionary.add_file(resource, name=resource.name)
    for path in extra:
        path = Path(path)
        if not path.is_file():
            raise DictionaryError(f"{path}: {kind} dictionary file not found")
        dictionary.add_file(path, name=str(path))
