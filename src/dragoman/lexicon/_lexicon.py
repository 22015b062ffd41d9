"""Reading and validating the lexicon file: named word lists, one per meaning."""

from __future__ import annotations

import re
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from dragoman._yamlfile import read_entries
from dragoman.errors import DictionaryError

__all__ = ["lexicon_file", "list_names", "load_lexicon", "words", "words_in_order"]

_ENTRY_KEYS = frozenset({"list", "for", "words"})
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def lexicon_file() -> Traversable:
    """Return the lexicon shipped with the package (``lexicon.yaml``)."""
    return files("dragoman.lexicon") / "data" / "lexicon.yaml"


def load_lexicon(
    source: Path | Traversable | str | None = None, *, name: str | None = None
) -> dict[str, frozenset[str]]:
    """Read a lexicon file: a YAML list of ``{list: NAME, for: WHY, words: [...]}``.

    Args:
        source: A path, a resource, or the YAML text itself (with ``name``); None reads the
            shipped ``lexicon.yaml``.
        name: Name of the file in messages.

    Returns:
        Each list's words by list name.

    Raises:
        DictionaryError: The file is malformed: an unknown or missing key, a list name that
            is not snake_case or is given twice, no purpose, a word that is not a non-empty
            string or is repeated. The message names the file and line.
    """
    return {list_name: frozenset(items) for list_name, items in _read(source, name).items()}


def _read(source: Path | Traversable | str | None, name: str | None) -> dict[str, tuple[str, ...]]:
    """Read and validate a lexicon file; each list's words in the file's order."""
    if source is None:
        source, name = lexicon_file(), "lexicon.yaml"
    lists: dict[str, tuple[str, ...]] = {}
    for entry in read_entries(source, name=name):
        data = entry.data
        unknown = sorted(set(data) - _ENTRY_KEYS)
        if unknown:
            raise entry.error(f"unknown key {unknown[0]!r}; a list has list, for, words")
        missing = sorted(_ENTRY_KEYS - set(data))
        if missing:
            raise entry.error(f"missing key {missing[0]!r}; a list has list, for, words")
        list_name = data["list"]
        if not isinstance(list_name, str) or not _NAME.match(list_name):
            raise entry.error(f"list name {list_name!r} is not snake_case")
        if list_name in lists:
            raise entry.error(f"list {list_name!r} is defined twice (one list per meaning)")
        purpose = data["for"]
        if not isinstance(purpose, str) or not purpose.strip():
            raise entry.error(f"list {list_name!r}: 'for' must say what the list is for")
        items = data["words"]
        if not isinstance(items, list) or not items:
            raise entry.error(f"list {list_name!r}: 'words' must be a non-empty list")
        seen: dict[str, None] = {}
        for word in items:
            if not isinstance(word, str) or not word.strip():
                raise entry.error(f"list {list_name!r}: {word!r} is not a word")
            if word in seen:
                raise entry.error(f"list {list_name!r}: {word!r} is listed twice")
            seen[word] = None
        lists[list_name] = tuple(seen)
    return lists


_ORDERED = _read(None, None)
_LEXICON = {list_name: frozenset(items) for list_name, items in _ORDERED.items()}


def list_names() -> frozenset[str]:
    """Return the names of the shipped lists."""
    return frozenset(_LEXICON)


def words(list_name: str) -> frozenset[str]:
    """Return a shipped word list (read once, at import).

    Raises:
        DictionaryError: No list has that name.
    """
    try:
        return _LEXICON[list_name]
    except KeyError:
        raise DictionaryError(f"lexicon.yaml: no list named {list_name!r}") from None


def words_in_order(list_name: str) -> tuple[str, ...]:
    """Return a shipped word list in the file's order, for rules that try its words in
    turn and take the first that finds something (its ``for`` says it is ordered).

    Raises:
        DictionaryError: No list has that name.
    """
    try:
        return _ORDERED[list_name]
    except KeyError:
        raise DictionaryError(f"lexicon.yaml: no list named {list_name!r}") from None
