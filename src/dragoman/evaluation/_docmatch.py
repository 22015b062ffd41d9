"""Matching coded events to a story's gold events, and listing what went wrong.

The matching rules are those of the document gold (``_documents.py`` states them): CAMEO
root of ``cameo`` or an ``alt_cameo``, and source and target compared on their first three
letters, an empty gold list accepting any actor.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from dragoman.evaluation._gold import GoldEvent, GoldRecord
from dragoman.records import Actor, Event

__all__ = [
    "StoryMiss",
    "StoryResult",
    "date_right",
    "event_confidence",
    "gold_matches",
    "no_country",
    "score_story",
    "story_misses",
]

_DATE_CHARS = {"year": 4, "month": 7, "day": 10}
#: How much of a sentence a miss shows.
_SENTENCE_START = 100


def event_confidence(event: Event) -> float:
    """The event's confidence (0-1)."""
    return event.confidence


def _actor_matches(codes: tuple[str, ...], actor: Actor | None) -> bool:
    if not codes:
        return True
    code = actor.code if actor is not None else ""
    return code[:3] in {gold[:3] for gold in codes}


def gold_matches(gold: GoldEvent, event: Event) -> bool:
    """Whether a coded event matches a gold event at root + dyad (the rules above)."""
    roots = {code[:2] for code in (gold.cameo, *gold.alt_cameo) if code}
    return (
        event.cameo.code[:2] in roots
        and _actor_matches(gold.sources, event.source)
        and _actor_matches(gold.targets, event.target)
    )


def date_right(gold: GoldEvent, event: Event) -> bool:
    """Whether the coded date agrees with the gold date to the gold's precision."""
    chars = _DATE_CHARS.get(gold.date_precision, 10)
    return (event.date or "")[:chars] == (gold.date or "")[:chars]


def no_country(event: Event) -> bool:
    """Whether the event's source has no country (a ``---`` code, or none)."""
    return event.source.code.startswith("---") or not event.source.code


@dataclass(frozen=True, slots=True)
class StoryResult:
    """One gold story with the events coded from it and what they matched.

    Attributes:
        record: The gold story.
        events: The coded events, in text order.
        right: Per coded event: it matches a required or an acceptable event.
        found: Per required event: the indices (into ``events``) of the events matching it.
        sentence_starts: Character offsets where the parse's sentences start (the
            ``sentence_index`` of events counts them); empty when unknown.
    """

    record: GoldRecord
    events: tuple[Event, ...]
    right: tuple[bool, ...]
    found: tuple[tuple[int, ...], ...]
    sentence_starts: tuple[int, ...] = ()

    def gold_offset(self, gold: GoldEvent) -> int | None:
        """Where the sentence of a gold event starts in the text, or None if not found."""
        # the gold gives the first words, often cut with "..." or "…"
        words = (gold.sentence or "").strip().removesuffix("...").removesuffix("…").strip()
        if not words:
            return None
        offset = self.record.text.find(words)
        return offset if offset >= 0 else None

    def sentence_index(self, offset: int | None) -> int | None:
        """The index of the parse's sentence holding a character offset, or None."""
        if offset is None or not self.sentence_starts:
            return None
        return max(bisect_right(self.sentence_starts, offset) - 1, 0)


def score_story(
    record: GoldRecord, events: Iterable[Event], sentence_starts: Iterable[int] = ()
) -> StoryResult:
    """Match the events coded from one story against its gold.

    Args:
        record: The gold story (its ``events`` and ``acceptable``).
        events: The events coded from its text.
        sentence_starts: Offsets where the parse's sentences start, if known.

    Returns:
        What each coded event and each required event matched.
    """
    coded = tuple(events)
    allowed = record.events + record.acceptable
    right = tuple(any(gold_matches(gold, event) for gold in allowed) for event in coded)
    found = tuple(
        tuple(i for i, event in enumerate(coded) if gold_matches(gold, event))
        for gold in record.events
    )
    return StoryResult(record, coded, right, found, tuple(sentence_starts))


@dataclass(frozen=True, slots=True)
class StoryMiss:
    """A coded event that matches no gold event, a required event nothing matched, or a
    required event found only by events with another date.

    Attributes:
        story: The story's id.
        split: Its split, or None.
        kind: ``false positive``, ``missed`` or ``wrong date``.
        sentence_index: The sentence (0-based, as in events' ``sentence_index``), or None
            when unknown.
        sentence: The start of the sentence's text.
        event: The coded event, for a false positive; for a wrong date, the event that
            found the gold event (one of its sentence if any).
        gold: The gold event, for a missed one or a wrong date.
    """

    story: str
    split: str | None
    kind: str
    sentence_index: int | None
    sentence: str
    event: Event | None = None
    gold: GoldEvent | None = None

    @property
    def rule(self) -> str:
        """For a false positive: the verb pattern and the source and target rules."""
        if self.event is None:
            return ""
        target = self.event.target.rule if self.event.target else "-"
        return (
            f"pattern {self.event.evidence.pattern or '-'}; "
            f"source {self.event.source.rule or '-'}; target {target or '-'}"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: the event's key fields or the gold event, and the rule."""
        data: dict[str, Any] = {
            "story": self.story,
            "split": self.split,
            "kind": self.kind,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
        }
        if self.event is not None:
            event = self.event
            data["event"] = {
                "source": event.source.code,
                "source_text": event.source.text,
                "target": event.target.code if event.target else None,
                "target_text": event.target.text if event.target else None,
                "cameo": event.cameo.code,
                "date": event.date,
                "date_text": event.date_source.text,
                "sentence_index": event.sentence_index,
                "negated": event.negated,
                "confidence": event_confidence(event),
                "verb": event.evidence.verb.text,
                "pattern": event.evidence.pattern,
                "source_rule": event.source.rule,
                "target_rule": event.target.rule if event.target else None,
            }
        if self.gold is not None:
            data["gold"] = self.gold.to_dict()
        return data


def story_misses(result: StoryResult, threshold: float = 0.0) -> Iterator[StoryMiss]:
    """The false positives, missed events and wrong dates of a story, by sentence (unknown
    ones last). A wrong date is a required event with a date that was found, but by no
    event with that date (to the gold's precision), as ``dates`` counts them.

    Args:
        result: The scored story.
        threshold: Coded events with a lower confidence are left out (they are neither
            false positives nor do they find anything).

    Yields:
        Misses ordered by sentence, missed events before false positives in a sentence.
    """
    record = result.record
    kept = [event_confidence(event) >= threshold for event in result.events]
    unknown = float("inf")
    misses: list[tuple[float, float, int, StoryMiss]] = []
    for gold, found in zip(record.events, result.found, strict=True):
        hits = [result.events[i] for i in found if kept[i]]
        if hits and (not gold.date or any(date_right(gold, event) for event in hits)):
            continue
        offset = result.gold_offset(gold)
        index = result.sentence_index(offset)
        sentence = gold.sentence or ""
        if index is not None:
            sentence = _sentence_text(result, index)
        if hits:  # found, but no event that found it has its date
            event = min(hits, key=lambda e: (e.sentence_index != index, e.sentence_index))
            miss = StoryMiss(
                record.id, record.split, "wrong date", index, _start(sentence), event, gold
            )
        else:
            miss = StoryMiss(record.id, record.split, "missed", index, _start(sentence), gold=gold)
        order = (unknown if index is None else index, unknown if offset is None else offset)
        misses.append((*order, 0, miss))
    for event, right, keep in zip(result.events, result.right, kept, strict=True):
        if right or not keep:
            continue
        miss = StoryMiss(
            record.id,
            record.split,
            "false positive",
            event.sentence_index,
            _start(event.evidence.sentence.text),
            event=event,
        )
        misses.append((event.sentence_index, event.evidence.sentence.start, 1, miss))
    misses.sort(key=lambda item: item[:3])
    for *_order, miss in misses:
        yield miss


def _sentence_text(result: StoryResult, index: int) -> str:
    starts = result.sentence_starts
    end = starts[index + 1] if index + 1 < len(starts) else len(result.record.text)
    return result.record.text[starts[index] : end]


def _start(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SENTENCE_START else text[: _SENTENCE_START - 3] + "..."
