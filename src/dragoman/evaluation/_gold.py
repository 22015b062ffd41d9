"""Gold-standard records, and the reader of the neutral JSON-lines gold format.

The format (one document per line) is documented in the README ("Evaluating accuracy")::

    {"id": "a1", "text": "...", "date": "2025-06-01" | null,
     "events": [{"source": ["RUS"], "target": ["UKR"], "cameo": "190", "plover": "ASSAULT"}]}
    {"id": "a2", "text": "...", "date": null, "noevents": true}

The records also carry what the two other JSON-lines formats add (``_docgold.py`` reads them):
document gold's acceptable events, alternative codes, event dates and splits, and the
news-sentence gold's five-class label and actor phrases.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman.errors import InputError
from dragoman.ontology import plover_types
from dragoman.records import normalize_date

__all__ = ["GoldEvent", "GoldRecord", "GoldSet", "SentenceLabel", "read_gold_jsonl"]

_CAMEO_SHAPE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event a correct coder finds.

    Attributes:
        sources: Source actor codes; several mean a compound actor (every source x target
            pair is one event); empty when the gold does not name the source.
        targets: Target actor codes; empty when the gold does not name a target.
        cameo: The CAMEO code as written in the gold (PETRARCH's test files also use
            codes outside CAMEO), or None when unknown.
        plover: The PLOVER type, or None when not annotated.
        alt_cameo: Other codes a careful coder could defend (document gold); their roots
            match too.
        date: The date the event happened, ``YYYY-MM-DD`` (document gold), or None.
        date_precision: How much of ``date`` is known: ``day``, ``month`` or ``year``.
        negated: The text denies the event.
        sentence: The first words of the sentence that reports it, or None.
    """

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    cameo: str | None
    plover: str | None = None
    alt_cameo: tuple[str, ...] = ()
    date: str | None = None
    date_precision: str = "day"
    negated: bool = False
    sentence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form, as in the gold format (document gold's keys when set)."""
        data: dict[str, Any] = {
            "source": list(self.sources),
            "target": list(self.targets),
            "cameo": self.cameo,
            "plover": self.plover,
        }
        if self.alt_cameo:
            data["alt_cameo"] = list(self.alt_cameo)
        if self.date is not None:
            data["date"] = self.date
            data["date_precision"] = self.date_precision
        if self.negated:
            data["negated"] = True
        if self.sentence is not None:
            data["sentence"] = self.sentence
        return data


@dataclass(frozen=True, slots=True)
class SentenceLabel:
    """What the news-sentence gold says about its sentence.

    Attributes:
        penta: The five-class label: 0 statement or appeal (CAMEO roots 01-02), 1 verbal
            cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
            4 material conflict (14-20).
        source_spans: Phrases of the text that name the source.
        target_spans: Phrases of the text that name the target.
    """

    penta: int
    source_spans: tuple[str, ...] = ()
    target_spans: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "penta": self.penta,
            "source_spans": list(self.source_spans),
            "target_spans": list(self.target_spans),
        }


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold document: its text and the events it holds (or none).

    Attributes:
        id: Record identifier.
        text: The text to code.
        date: Story date ``YYYY-MM-DD``, or None.
        events: The expected events.
        noevents: True when a correct coder codes nothing.
        category: A group name (PETRARCH's ``category`` attribute), or None.
        where: ``FILE line N`` of the record, for messages.
        acceptable: Events that are not required but not wrong either (document gold).
        split: The half of the gold the record belongs to (``tune``, ``check``), or None.
        label: The five-class label and actor phrases (news-sentence gold), or None.
    """

    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...] = ()
    noevents: bool = False
    category: str | None = None
    where: str = ""
    acceptable: tuple[GoldEvent, ...] = ()
    split: str | None = None
    label: SentenceLabel | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the record."""
        data: dict[str, Any] = {"id": self.id, "text": self.text, "date": self.date}
        if self.noevents:
            data["noevents"] = True
        else:
            data["events"] = [event.to_dict() for event in self.events]
        if self.category is not None:
            data["category"] = self.category
        if self.acceptable:
            data["acceptable"] = [event.to_dict() for event in self.acceptable]
        if self.split is not None:
            data["split"] = self.split
        if self.label is not None:
            data.update(self.label.to_dict())
        return data


@dataclass
class GoldSet:
    """The records of a gold file, with what was read around them.

    Attributes:
        path: The gold file.
        format: ``"jsonl"``, ``"docs"``, ``"penta"`` or ``"petrarch-xml"``.
        records: The records to score, in file order.
        skipped: Records left out, as ``(id, reason)``.
        dictionaries: For PETRARCH validation files: the dictionaries its ``<Environment>``
            names (``verbs``, ``actors``, ``agents``, ``discards``), resolved against the
            file's folder.
        notes: Things the reader noticed that scoring ignores (PETRARCH ``<Config>``).
    """

    path: str
    format: str
    records: list[GoldRecord] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    dictionaries: dict[str, list[Path]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def read_gold_jsonl(path: Path | str) -> GoldSet:
    """Read a gold file in the neutral JSON-lines format.

    Args:
        path: The file; blank lines are skipped.

    Returns:
        The records.

    Raises:
        InputError: The file cannot be read, or a line is not a valid gold record; the
            message names the file and line and says what is expected.
    """
    path = Path(path)
    gold = GoldSet(path=str(path), format="jsonl")
    seen: dict[str, int] = {}
    for number, where, line in gold_lines(path):
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{where}: not valid JSON ({exc.msg}); each line is one record"
            ) from exc
        add_record(gold, _record(data, where), number, where, seen)
    if not gold.records:
        raise InputError(f"{path}: no gold records; expected one JSON object per line")
    return gold


def gold_lines(path: Path) -> Iterator[tuple[int, str, str]]:
    """Yield each non-blank line of a JSON-lines gold file as ``(number, where, line)``,
    ``where`` being ``"FILE line N"`` for messages.

    Raises:
        InputError: The file cannot be read or is not UTF-8 (before the first line).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read gold file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, f"{path} line {number}", line


def add_record(
    gold: GoldSet, record: GoldRecord, number: int, where: str, seen: dict[str, int]
) -> None:
    """Append a record read from line ``number``; an id used before is noted (both are
    scored). ``seen`` maps the ids read so far to their lines."""
    if record.id in seen:
        gold.notes.append(
            f"{where}: id {record.id!r} was already used on line {seen[record.id]}; "
            "both records are scored"
        )
    seen.setdefault(record.id, number)
    gold.records.append(record)


def _record(data: Any, where: str) -> GoldRecord:
    if not isinstance(data, dict):
        raise InputError(f'{where}: expected a JSON object {{"id", "text", "events"}}')
    record_id = data.get("id")
    if not isinstance(record_id, str) or not record_id:
        raise InputError(f'{where}: "id" is missing or not a string')
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{where}: "text" is missing or empty')
    try:
        date = normalize_date(data.get("date"))
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None
    noevents = data.get("noevents", False)
    if noevents not in (True, False):
        raise InputError(f'{where}: "noevents" must be true or false')
    if noevents:
        if data.get("events"):
            raise InputError(f'{where}: a record has "events" or "noevents": true, not both')
        return GoldRecord(record_id, text, date, (), True, _category(data, where), where)
    events = data.get("events")
    if not isinstance(events, list) or not events:
        raise InputError(
            f'{where}: "events" is missing or empty; give a list of events or "noevents": true'
        )
    parsed = tuple(_event(item, f"{where}, event {i}") for i, item in enumerate(events, 1))
    return GoldRecord(record_id, text, date, parsed, False, _category(data, where), where)


def _category(data: dict[str, Any], where: str) -> str | None:
    value = data.get("category")
    if value is not None and not isinstance(value, str):
        raise InputError(f'{where}: "category" must be a string')
    return value


def _event(item: Any, where: str) -> GoldEvent:
    if not isinstance(item, dict):
        raise InputError(f'{where}: expected an object {{"source", "target", "cameo", "plover"}}')
    sources = _codes(item.get("source", []), where, "source")
    targets = _codes(item.get("target", []), where, "target")
    cameo = item.get("cameo")
    if cameo is not None and (not isinstance(cameo, str) or not _CAMEO_SHAPE.match(cameo)):
        raise InputError(
            f'{where}: "cameo" {cameo!r} is not a CAMEO code; write it as a string of 2-4 '
            'digits ("0311") or null'
        )
    plover = item.get("plover")
    if plover is not None and plover not in plover_types():
        raise InputError(
            f'{where}: "plover" {plover!r} is not a PLOVER type ({", ".join(plover_types())})'
        )
    if cameo is None and plover is None:
        raise InputError(f'{where}: an event needs "cameo" or "plover"')
    return GoldEvent(sources, targets, cameo, plover)


def _codes(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise InputError(f'{where}: "{key}" must be a list of actor codes (["RUS"], or [])')
    return tuple(v.strip().upper() for v in value)
