"""Readers of the two labelled-news gold formats: whole stories, and single sentences.

Document gold (``docs``; ``voa_docs_dev.jsonl`` is one), one story a line, annotated
exhaustively (every event a careful coder codes is listed, so anything else is wrong)::

    {"id": "s1", "text": "...", "date": "2025-06-01", "split": "tune", "exhaustive": true,
     "events": [{"source": ["KAZGOV"], "target": ["IGOEUROSC"], "cameo": "111",
                 "alt_cameo": ["112"], "date": "2025-05-18", "date_precision": "day",
                 "negated": false, "sentence": "Two weeks earlier the ..."}],
     "acceptable": [{"source": ["KAZGOV"], "target": [], "cameo": "010"}]}

News-sentence gold (``penta``), one sentence a line with a five-class label and the phrases
that name its actors::

    {"id": "n1", "text": "...", "date": null, "penta": 3, "penta_roots": "09-13",
     "source_spans": ["the ministry"], "target_spans": ["the rebels"]}

A malformed line is skipped, with its file and line in the gold set's ``skipped`` list; the
other lines are read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dragoman.errors import InputError
from dragoman.evaluation._gold import (
    _CAMEO_SHAPE,
    GoldEvent,
    GoldRecord,
    GoldSet,
    SentenceLabel,
    _codes,
    add_record,
    gold_lines,
)
from dragoman.records import normalize_date

__all__ = [
    "PENTA_CLASSES",
    "penta_class",
    "penta_class_name",
    "read_doc_gold",
    "read_penta_gold",
]

#: The five classes of the news-sentence gold: (label, name, CAMEO roots).
PENTA_CLASSES: tuple[tuple[int, str, str], ...] = (
    (0, "statement or appeal", "01-02"),
    (1, "verbal cooperation", "03-05"),
    (2, "material cooperation", "06-08"),
    (3, "verbal conflict", "09-13"),
    (4, "material conflict", "14-20"),
)

_PRECISIONS = ("day", "month", "year")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def penta_class(root: str) -> int | None:
    """Return the five-class label of a two-digit CAMEO root, or None outside 01-20.

    Args:
        root: A CAMEO root ("11") or longer code (its first two digits are read).

    Returns:
        0-4, or None.
    """
    try:
        number = int(root[:2])
    except ValueError:
        return None
    for label, _name, roots in PENTA_CLASSES:
        low, high = (int(part) for part in roots.split("-"))
        if low <= number <= high:
            return label
    return None


def read_doc_gold(path: Path | str) -> GoldSet:
    """Read document gold: whole stories with every event, acceptable ones and splits.

    Args:
        path: The file; blank lines are skipped.

    Returns:
        The gold set (format ``docs``); malformed lines are in its ``skipped`` list.

    Raises:
        InputError: The file cannot be read or holds no valid story.
    """
    return _read(Path(path), "docs", _story)


def read_penta_gold(path: Path | str) -> GoldSet:
    """Read news-sentence gold: sentences with a five-class label and actor phrases.

    Args:
        path: The file; blank lines are skipped.

    Returns:
        The gold set (format ``penta``); malformed lines are in its ``skipped`` list.

    Raises:
        InputError: The file cannot be read or holds no valid sentence.
    """
    return _read(Path(path), "penta", _sentence)


def _read(path: Path, fmt: str, parse: Callable[[dict[str, Any], str], GoldRecord]) -> GoldSet:
    gold = GoldSet(path=str(path), format=fmt)
    seen: dict[str, int] = {}
    for number, where, line in gold_lines(path):
        data: Any = None
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise InputError(f'{where}: expected a JSON object {{"id", "text", ...}}')
            record = parse(data, where)
        except (json.JSONDecodeError, RecursionError):
            gold.skipped.append((f"line {number}", f"{where}: not valid JSON"))
            continue
        except InputError as exc:
            raw_id = data.get("id") if isinstance(data, dict) else None
            label = str(raw_id) if isinstance(raw_id, str | int) else f"line {number}"
            gold.skipped.append((label, str(exc)))
            continue
        add_record(gold, record, number, where, seen)
    if not gold.records:
        reasons = "; ".join(reason for _id, reason in gold.skipped[:3])
        raise InputError(
            f"{path}: no valid {fmt} gold records" + (f" ({reasons})" if reasons else "")
        )
    return gold


def _head(data: dict[str, Any], where: str) -> tuple[str, str, str | None]:
    raw_id = data.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or raw_id == "":
        raise InputError(f'{where}: "id" is missing or not a string')
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{where}: "text" is missing or empty')
    try:
        date = normalize_date(data.get("date"))
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None
    return str(raw_id), text, date


def _story(data: dict[str, Any], where: str) -> GoldRecord:
    record_id, text, date = _head(data, where)
    if data.get("exhaustive") is not True:
        raise InputError(
            f'{where}: document gold needs "exhaustive": true (every event of the story '
            "is listed, so precision can count anything else as wrong)"
        )
    split = data.get("split")
    if split is not None and (not isinstance(split, str) or not split):
        raise InputError(f'{where}: "split" must be a name such as "tune" or "check"')
    events = _events(data, "events", where, required=True)
    acceptable = _events(data, "acceptable", where, required=False)
    return GoldRecord(
        record_id, text, date, events, where=where, acceptable=acceptable, split=split
    )


def _events(data: dict[str, Any], key: str, where: str, *, required: bool) -> tuple[GoldEvent, ...]:
    items = data.get(key)
    if items is None and not required:
        return ()
    if not isinstance(items, list):
        raise InputError(f'{where}: "{key}" must be a list of events ([] when there are none)')
    return tuple(_doc_event(item, f"{where}, {key} {i}") for i, item in enumerate(items, 1))


def _doc_event(item: Any, where: str) -> GoldEvent:
    if not isinstance(item, dict):
        raise InputError(f'{where}: expected an object {{"source", "target", "cameo", ...}}')
    sources = _codes(item.get("source", []), where, "source")
    targets = _codes(item.get("target", []), where, "target")
    codes = [item.get("cameo"), *_list(item.get("alt_cameo", []), where, "alt_cameo")]
    for code in codes:
        if not isinstance(code, str) or not _CAMEO_SHAPE.match(code):
            raise InputError(f'{where}: CAMEO code {code!r} is not a string of 2-4 digits ("0311")')
    date, precision = _event_date(item.get("date"), item.get("date_precision"), where)
    negated = item.get("negated", False)
    if negated not in (True, False):
        raise InputError(f'{where}: "negated" must be true or false')
    sentence = item.get("sentence")
    if sentence is not None and not isinstance(sentence, str):
        raise InputError(f'{where}: "sentence" must be a string')
    return GoldEvent(
        sources,
        targets,
        codes[0],
        alt_cameo=tuple(codes[1:]),
        date=date,
        date_precision=precision,
        negated=bool(negated),
        sentence=sentence or None,
    )


def _event_date(value: Any, precision: Any, where: str) -> tuple[str | None, str]:
    """An event date (``YYYY-MM-DD``, or ``YYYY-MM``/``YYYY`` for month or year precision)
    and its precision (given, or read from the date's length)."""
    if precision is not None and precision not in _PRECISIONS:
        raise InputError(
            f'{where}: "date_precision" {precision!r} is not one of {", ".join(_PRECISIONS)}'
        )
    partial = _PARTIAL_DATE.match(value) if isinstance(value, str) else None
    if partial is None:
        try:
            return normalize_date(value), precision or "day"
        except InputError as exc:
            raise InputError(f"{where}: {exc}") from None
    month = partial.group(2)
    shown = "month" if month else "year"
    if (month and not 1 <= int(month) <= 12) or _PRECISIONS.index(precision or shown) < (
        _PRECISIONS.index(shown)
    ):
        raise InputError(
            f"{where}: date {value!r} is not a {precision or 'valid'} date; write YYYY-MM-DD, "
            'or YYYY-MM and YYYY with "date_precision" month and year'
        )
    return value, precision or shown


def _list(value: Any, where: str, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(f'{where}: "{key}" must be a list')
    return value


def _sentence(data: dict[str, Any], where: str) -> GoldRecord:
    record_id, text, date = _head(data, where)
    penta = data.get("penta")
    if isinstance(penta, bool) or not isinstance(penta, int) or penta_class_name(penta) is None:
        raise InputError(f'{where}: "penta" {penta!r} is not a class 0-4')
    roots = data.get("penta_roots")
    expected = PENTA_CLASSES[penta][2]
    if roots is not None and roots != expected:
        raise InputError(f'{where}: "penta_roots" {roots!r} is not {expected!r} (class {penta})')
    spans: dict[str, tuple[str, ...]] = {}
    for key in ("source_spans", "target_spans"):
        values = _list(data.get(key, []), where, key)
        for value in values:
            if not isinstance(value, str) or not value.strip():
                raise InputError(f'{where}: "{key}" must be a list of phrases of the text')
            if value not in text:
                raise InputError(f'{where}: "{key}" phrase {value!r} is not in the text')
        spans[key] = tuple(values)
    label = SentenceLabel(penta, spans["source_spans"], spans["target_spans"])
    return GoldRecord(record_id, text, date, where=where, label=label)


def penta_class_name(label: int) -> str | None:
    """Return the name of a five-class label ("verbal conflict"), or None if not 0-4."""
    for number, name, _roots in PENTA_CLASSES:
        if number == label:
            return name
    return None
