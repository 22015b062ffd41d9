"""Reading PETRARCH/TABARI dictionary files, and the result of converting them.

PETRARCH's dictionaries (``.actors``, ``.agents``, ``.verbs``) are line-based text files
with three kinds of comments (PETRARCH2 ``PETRreader.read_FIN_line``):

- ``<!-- ... -->``, on one line or spanning several; a line starting ``<!`` (as in the
  malformed ``<! -- ... -->``) is skipped whole;
- ``#`` anywhere: the rest of the line is a comment;
- ``;`` anywhere: the rest of the line is a comment (the old KEDS/TABARI rule).

:func:`read_lines` removes them and keeps line numbers, so converters can name the line of
every problem. Both converters (``dragoman.actors.import_petrarch_actors`` and
``dragoman.coding.import_petrarch_verbs``) return a :class:`PetrarchImport`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman.errors import DictionaryError

__all__ = ["Dropped", "PetrarchImport", "SourceLine", "group_lines", "read_lines"]


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of a dictionary file with its comments removed.

    Attributes:
        file: The file name, for messages.
        number: 1-based line number in the file.
        text: The line without comments or trailing blanks (leading blanks kept: in
            ``.actors`` files an indented ``[CODE]`` belongs to the entry above). Empty for
            a line that was blank in the file.
        comment: The ``#`` or ``;`` comment at the end of the line, without the marker
            (CAMEO.2.0 patterns name the verb they were written for there).
    """

    file: str
    number: int
    text: str
    comment: str = ""

    def where(self) -> str:
        """Return ``FILE line N``."""
        return f"{self.file} line {self.number}"

    def short(self) -> str:
        """Return ``NAME line N`` with the file's base name, for notes in converted files."""
        return f"{Path(self.file).name} line {self.number}"


def read_lines(path: Path | str) -> list[SourceLine]:
    """Read a PETRARCH dictionary file without its comments.

    Lines that held only a comment are left out; lines that were blank are kept (with empty
    ``text``), because a blank line ends a synonym set in verb dictionaries.

    Args:
        path: The file.

    Returns:
        The lines, in file order.

    Raises:
        DictionaryError: The file cannot be read or is not UTF-8 text.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read PETRARCH dictionary: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DictionaryError(
            f"{path} line {line}: not UTF-8 text; convert the file to UTF-8 first"
        ) from exc
    if "\x00" in text:
        raise DictionaryError(f"{path}: binary file, not a PETRARCH dictionary")
    return list(_strip_comments(str(path), text.splitlines()))


def _strip_comments(name: str, lines: Iterable[str]) -> Iterator[SourceLine]:
    in_comment = False
    for number, line in enumerate(lines, start=1):
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            in_comment = False
            line = line[end + 3 :]
            if not line.strip():
                continue
        if not line.strip():
            yield SourceLine(name, number, "")
            continue
        if line.lstrip().startswith("<!") and "<!--" not in line:
            continue  # "<! -- ... -->": PETRARCH skips lines starting "<!"
        cleaned = _remove_xml_comments(line)
        if cleaned is None:  # a comment opens here and runs on
            in_comment = True
            line = line[: line.find("<!--")]
        else:
            line = cleaned
        comment = ""
        for marker in ("#", ";"):
            cut = line.find(marker)
            if cut >= 0:
                comment = line[cut + 1 :].strip() + (" " + comment if comment else "")
                line = line[:cut]
        line = line.rstrip()
        if line.strip():
            yield SourceLine(name, number, line, comment.strip())


def _remove_xml_comments(line: str) -> str | None:
    """Remove ``<!-- ... -->`` spans; None when a comment starts but does not end."""
    while True:
        start = line.find("<!--")
        if start < 0:
            return line
        end = line.find("-->", start + 4)
        if end < 0:
            return None
        line = line[:start] + " " + line[end + 3 :]


@dataclass(frozen=True, slots=True)
class Dropped:
    """Something in the PETRARCH file that Dragoman's format cannot express.

    Attributes:
        where: ``FILE line N``.
        reason: Why it was dropped (also the key of :attr:`PetrarchImport.dropped_counts`).
        text: The PETRARCH text that was dropped.
    """

    where: str
    reason: str
    text: str


@dataclass
class PetrarchImport:
    """Dragoman dictionary entries converted from PETRARCH files, and what was lost.

    Attributes:
        kind: ``"actors"`` or ``"verbs"``.
        files: The files read.
        entries: The converted entries, as mappings in Dragoman's dictionary format
            (docs/dictionaries.md), each with a ``note`` naming its PETRARCH file and line.
        records: How many PETRARCH records (actor entries, agent lines, verbs, patterns)
            were read.
        dropped: Records or parts that Dragoman's format cannot express.
        simplified: Records kept with a loss, reason -> count (e.g. a reciprocal code).
        problems: Malformed lines, as ``FILE line N: message``; they are skipped (or raise
            with ``strict=True``).
    """

    kind: str
    files: list[str] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    records: int = 0
    dropped: list[Dropped] = field(default_factory=list)
    simplified: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    @property
    def dropped_counts(self) -> Counter[str]:
        """Dropped items per reason."""
        return Counter(item.reason for item in self.dropped)

    def drop(self, line: SourceLine, reason: str, text: str | None = None) -> None:
        """Record that something on ``line`` was dropped, and why."""
        self.dropped.append(Dropped(line.where(), reason, (text or line.text).strip()))

    def problem(self, line: SourceLine, message: str, *, strict: bool) -> None:
        """Record a malformed line, or raise it when ``strict``.

        Raises:
            DictionaryError: ``strict`` is true.
        """
        text = f"{line.where()}: {message}"
        if strict:
            raise DictionaryError(text)
        self.problems.append(text)

    def summary_lines(self) -> list[str]:
        """Return a short human-readable summary: counts of converted and dropped items."""
        lines = [
            f"{len(self.files)} file(s), {self.records} PETRARCH record(s) read, "
            f"{len(self.entries)} {self.kind[:-1]} entr{'y' if len(self.entries) == 1 else 'ies'} "
            f"written, {len(self.dropped)} item(s) dropped, {len(self.problems)} malformed "
            "line(s) skipped"
        ]
        for reason, count in self.dropped_counts.most_common():
            lines.append(f"  dropped {count:6d}  {reason}")
        for reason, count in self.simplified.most_common():
            lines.append(f"  kept    {count:6d}  {reason}")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """Return the counts as JSON-ready data (the entries themselves are left out)."""
        return {
            "kind": self.kind,
            "files": list(self.files),
            "records": self.records,
            "entries": len(self.entries),
            "dropped": dict(self.dropped_counts.most_common()),
            "simplified": dict(self.simplified.most_common()),
            "problems": list(self.problems),
        }

    def to_yaml(self, *, include_dropped: bool = False) -> str:
        """Write the entries as a Dragoman dictionary file (YAML, one entry per item).

        Args:
            include_dropped: Append every dropped item as a comment with its file, line and
                reason, for people curating the result.

        Returns:
            The YAML text; loading it with Dragoman's loaders gives the entries back.
        """
        out = [
            f"# Dragoman {self.kind} dictionary converted from PETRARCH files by "
            f"'dragoman {self.kind} import --petrarch':",
            *(f"#   {name}" for name in self.files),
            *(f"# {line}" for line in self.summary_lines()),
            "",
        ]
        for entry in self.entries:
            out.append(_yaml_entry(entry))
        if include_dropped and self.dropped:
            out.append("")
            out.append("# Dropped (Dragoman's format cannot express them):")
            for item in self.dropped:
                out.append(f"# {item.where}: {item.reason}: {item.text}")
        return "\n".join(out) + "\n"


def _yaml_entry(entry: dict[str, Any]) -> str:
    """One entry: a flow mapping on one line, or a block with nested role mappings."""
    if "roles" not in entry:
        return f"- {_flow(entry)}"
    lines = []
    first = True
    for key, value in entry.items():
        prefix = "- " if first else "  "
        first = False
        if key == "roles":
            lines.append(f"{prefix}roles:")
            lines.extend(f"    - {_flow(role)}" for role in value)
        else:
            lines.append(f"{prefix}{key}: {_scalar(value)}")
    return "\n".join(lines)


def _flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{key}: {_scalar(value)}" for key, value in mapping.items()) + "}"


def _scalar(value: Any) -> str:
    # JSON strings and lists are valid YAML flow scalars and sequences, with every special
    # character escaped; quoting everything keeps codes such as "010" strings.
    if isinstance(value, list):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def group_lines(
    lines: Iterable[SourceLine], starts: Callable[[SourceLine], bool]
) -> Iterator[list[SourceLine]]:
    """Group non-blank lines into records, a new record at each line where ``starts``."""
    record: list[SourceLine] = []
    for line in lines:
        if not line.text:
            continue
        if starts(line) and record:
            yield record
            record = []
        record.append(line)
    if record:
        yield record
