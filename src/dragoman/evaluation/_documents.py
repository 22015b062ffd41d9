"""Scoring coded events against document gold: whole stories, annotated exhaustively.

The matching is the gold's own ("root+dyad", ``ANNOTATION.md`` of the VOA document gold and
the README's "Evaluating accuracy" section):

- a coded event **matches** a gold event of the same story when its CAMEO root (two digits)
  is the root of the gold ``cameo`` or of one of its ``alt_cameo`` codes, its source's first
  three letters are those of one of the gold sources, and its target's those of one of the
  gold targets; an empty gold source or target list accepts any actor (also no target);
- **recall**: required events (``events``) matched by at least one coded event, over all
  required events; **precision**: coded events that match a required or an ``acceptable``
  event, over all coded events (negated ones included); F1 their harmonic mean;
- **dates**: over required events that were matched and have a gold date, the share where a
  matching coded event has the gold date to the gold's precision (year, month or day);
- **events per required event**: coded events over required events;
- **no country**: the share of coded events whose source code starts with ``---`` or is empty.

Every figure is given per split (``tune``, ``check``, ...) and for all stories, and at each
confidence threshold of :data:`THRESHOLDS` (events below the threshold are left out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from dragoman.errors import InputError
from dragoman.evaluation._docmatch import (
    StoryMiss,
    StoryResult,
    date_right,
    event_confidence,
    no_country,
    score_story,
    story_misses,
)
from dragoman.evaluation._gold import GoldRecord, GoldSet
from dragoman.evaluation._score import DocumentCoder
from dragoman.records import MAX_CHARS, Document, Event

__all__ = [
    "ALL_SPLITS",
    "THRESHOLDS",
    "DocumentReport",
    "DocumentScores",
    "ParsingCoder",
    "code_records",
    "evaluate_documents",
    "scores",
    "split_records",
]

#: Confidence thresholds of the precision-recall table: 0.0, 0.1, ..., 0.9.
THRESHOLDS = tuple(round(step / 10, 1) for step in range(10))
#: The name under which every story is scored together.
ALL_SPLITS = "all"


@runtime_checkable
class ParsingCoder(Protocol):
    """A coder whose pipeline the evaluation runs itself, to know where sentences start
    (``dragoman.Coder`` is one); other coders are asked for events only."""

    nlp: Any

    def code_doc(
        self, doc: Any, *, doc_id: str, date: str | None, text: str | None = None
    ) -> list[Event]:
        """Code a parsed Doc."""
        ...


@dataclass(frozen=True, slots=True)
class DocumentScores:
    """The figures of one split at one confidence threshold.

    Attributes:
        split: The split's name, or ``all``.
        threshold: Events with a lower confidence were left out.
        stories: Stories scored.
        required: Required gold events.
        coded: Coded events kept.
        right: Coded events that match a required or acceptable event.
        found: Required events matched.
        dated: Required events matched that have a gold date.
        dates_right: Of those, the ones a matching event dates right.
        no_country: Coded events whose source has no country.
    """

    split: str
    threshold: float
    stories: int
    required: int
    coded: int
    right: int
    found: int
    dated: int
    dates_right: int
    no_country: int

    @property
    def precision(self) -> float | None:
        """right / coded, or None when nothing was coded."""
        return self.right / self.coded if self.coded else None

    @property
    def recall(self) -> float | None:
        """found / required, or None without required events."""
        return self.found / self.required if self.required else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall (0 when both are 0), or None."""
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def dates(self) -> float | None:
        """dates_right / dated, or None."""
        return self.dates_right / self.dated if self.dated else None

    @property
    def events_per_required(self) -> float | None:
        """coded / required, or None."""
        return self.coded / self.required if self.required else None

    @property
    def no_country_share(self) -> float | None:
        """no_country / coded, or None."""
        return self.no_country / self.coded if self.coded else None

    def to_dict(self) -> dict[str, Any]:
        """Return the counts and the ratios (rounded to 4 places; null when undefined)."""
        data: dict[str, Any] = {
            name: getattr(self, name)
            for name in (
                "split",
                "threshold",
                "stories",
                "required",
                "coded",
                "right",
                "found",
                "dated",
                "dates_right",
                "no_country",
            )
        }
        for name in (
            "precision",
            "recall",
            "f1",
            "dates",
            "events_per_required",
            "no_country_share",
        ):
            value = getattr(self, name)
            data[name] = round(value, 4) if value is not None else None
        return data


def scores(results: Iterable[StoryResult], split: str, threshold: float = 0.0) -> DocumentScores:
    """Add up story results at a confidence threshold.

    Args:
        results: The stories to count (already restricted to the split).
        split: The name to report.
        threshold: Coded events below it are left out.

    Returns:
        The split's figures.
    """
    counts = dict.fromkeys(
        ("stories", "required", "coded", "right", "found", "dated", "dates_right", "no_country"),
        0,
    )
    for result in results:
        kept = [event_confidence(event) >= threshold for event in result.events]
        counts["stories"] += 1
        counts["required"] += len(result.found)
        counts["coded"] += sum(kept)
        counts["right"] += sum(ok for ok, keep in zip(result.right, kept, strict=True) if keep)
        counts["no_country"] += sum(
            no_country(event) for event, keep in zip(result.events, kept, strict=True) if keep
        )
        for gold, indices in zip(result.record.events, result.found, strict=True):
            hits = [result.events[i] for i in indices if kept[i]]
            if not hits:
                continue
            counts["found"] += 1
            if gold.date:
                counts["dated"] += 1
                counts["dates_right"] += any(date_right(gold, event) for event in hits)
    return DocumentScores(split, threshold, **counts)


@dataclass
class DocumentReport:
    """Scores of a coder on document gold.

    Attributes:
        gold_path: The gold file.
        gold_format: ``docs``.
        stories: Per-story results, in gold order.
        skipped: Gold lines left out, as ``(id, reason)``.
        notes: Remarks from reading the gold file.
        min_confidence: The threshold of the headline figures (``scores()`` without a
            threshold, ``splits`` in ``to_dict()``) and of the misses: events below it are
            left out, as a coder run with that minimum confidence would leave them out.
            The threshold table (``curve()``) is over all events the coder returned.
    """

    gold_path: str
    gold_format: str = "docs"
    stories: list[StoryResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    min_confidence: float = 0.0

    def splits(self) -> list[str]:
        """The splits' names in sorted order, then ``all``."""
        names = sorted({s.record.split for s in self.stories if s.record.split is not None})
        return [*names, ALL_SPLITS]

    def scores(self, split: str = ALL_SPLITS, threshold: float | None = None) -> DocumentScores:
        """The figures of one split (or ``all``) at a confidence threshold (default:
        ``min_confidence``)."""
        chosen = [s for s in self.stories if split == ALL_SPLITS or s.record.split == split]
        return scores(chosen, split, self.min_confidence if threshold is None else threshold)

    def curve(self, split: str = ALL_SPLITS) -> list[DocumentScores]:
        """The figures of one split at each of :data:`THRESHOLDS`."""
        return [self.scores(split, threshold) for threshold in THRESHOLDS]

    def misses(self) -> list[StoryMiss]:
        """False positives and missed events at ``min_confidence``, by story and sentence."""
        return [m for story in self.stories for m in story_misses(story, self.min_confidence)]

    def to_dict(self, *, misses: bool = False) -> dict[str, Any]:
        """Return every figure as JSON-ready data (``dragoman eval --json``).

        Args:
            misses: Include the false positives and missed events, by story and sentence.
        """
        data: dict[str, Any] = {
            "gold": {"path": self.gold_path, "format": self.gold_format},
            "stories": len(self.stories),
            "min_confidence": self.min_confidence,
            "skipped": [{"id": i, "reason": why} for i, why in self.skipped],
            "splits": {name: self.scores(name).to_dict() for name in self.splits()},
            "thresholds": {
                name: [row.to_dict() for row in self.curve(name)] for name in self.splits()
            },
            "notes": list(self.notes),
        }
        if misses:
            data["misses"] = [m.to_dict() for m in self.misses()]
        return data


def code_records(
    coder: DocumentCoder | ParsingCoder, records: Iterable[GoldRecord], *, batch_size: int = 16
) -> Iterator[tuple[list[Event], tuple[int, ...]]]:
    """Code gold records in order, yielding each one's events and sentence starts.

    A :class:`ParsingCoder` (``dragoman.Coder``) is run on Docs the evaluation parses with
    its pipeline, so the sentence starts are known; other coders give ``()``.

    Args:
        coder: The coder.
        records: The gold records (their ``id``, ``text`` and ``date``).
        batch_size: How many texts spaCy parses at once.

    Yields:
        ``(events, sentence_starts)`` per record.

    Raises:
        InputError: A text is longer than :data:`dragoman.records.MAX_CHARS`.
    """
    if isinstance(coder, ParsingCoder):
        pairs = ((_checked(record), record) for record in records)
        for doc, record in coder.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            events = coder.code_doc(doc, doc_id=record.id, date=record.date, text=record.text)
            yield events, tuple(sentence.start_char for sentence in doc.sents)
        return
    documents = (Document(id=r.id, text=r.text, date=r.date) for r in records)
    for _document, events in coder.code_documents(documents):
        yield events, ()


def _checked(record: GoldRecord) -> str:
    if len(record.text) > MAX_CHARS:
        raise InputError(
            f"{record.where or record.id}: the text has {len(record.text):,} characters, more "
            f"than {MAX_CHARS:,}; split the story"
        )
    return record.text


def split_records(gold: GoldSet, split: str | None) -> list[GoldRecord]:
    """The records of one split (all records for None).

    Args:
        gold: The gold set.
        split: A split's name, or None.

    Returns:
        The records, in gold order.

    Raises:
        InputError: No record has that split.
    """
    if split is None:
        return list(gold.records)
    records = [r for r in gold.records if r.split == split]
    if not records:
        names = sorted({r.split for r in gold.records if r.split is not None})
        raise InputError(
            f"{gold.path}: no story of split {split!r}; "
            + (f"the splits are {', '.join(names)}" if names else "the gold has no splits")
        )
    return records


def evaluate_documents(
    coder: DocumentCoder | ParsingCoder,
    gold: GoldSet,
    *,
    split: str | None = None,
    limit: int | None = None,
    min_confidence: float = 0.0,
    progress: Callable[[int], None] | None = None,
) -> DocumentReport:
    """Code every story of document gold and score the events.

    Args:
        coder: A :class:`dragoman.Coder`, or anything with its ``code_documents``.
        gold: Document gold from :func:`dragoman.evaluation.read_gold`.
        split: Score only the stories of this split (``tune``, ``check``).
        limit: Score only the first ``limit`` stories (after the split is chosen).
        min_confidence: The threshold of the headline figures and the misses (the report's
            ``min_confidence``); the threshold table is over all events coded.
        progress: Called with the number of stories scored so far, after each one.

    Returns:
        The report; ``scores(split, threshold)`` gives every figure, ``to_dict()`` all.

    Raises:
        InputError: The gold has no story of the split asked for.
    """
    records = split_records(gold, split)
    if limit is not None:
        records = records[:limit]
    report = DocumentReport(
        gold.path,
        gold.format,
        skipped=list(gold.skipped),
        notes=list(gold.notes),
        min_confidence=min_confidence,
    )
    coded = code_records(coder, records)
    for count, (record, (events, starts)) in enumerate(zip(records, coded, strict=False), 1):
        report.stories.append(score_story(record, events, starts))
        if progress is not None:
            progress(count)
    return report
