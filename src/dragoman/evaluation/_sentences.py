"""Scoring coded events against news-sentence gold: a five-class label and actor phrases.

Each gold sentence has a five-class label (``penta``: 0 statement or appeal, CAMEO roots
01-02; 1 verbal cooperation, 03-05; 2 material cooperation, 06-08; 3 verbal conflict, 09-13;
4 material conflict, 14-20) and the phrases naming its source and target. The README's
"Evaluating accuracy" section states the metrics:

- **5-class accuracy**: the sentence's predicted class is the class of the root of its
  *first* coded event in text order (the order of the events Dragoman returns); a sentence
  with no coded event has no class and counts as wrong. Accuracy is over all sentences; it
  is also given over the sentences with an event (with how many those are).
- **dyad phrase recall**: share of sentences for which one coded event has a source whose
  text overlaps a gold source phrase and a target whose text overlaps a gold target phrase
  (character offsets; an empty gold phrase list accepts any actor, also no target).
- **phrase recall** (per role): share of gold source (target) phrases overlapped by the source
  (target) text of some coded event of the sentence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from dragoman.evaluation._docgold import penta_class
from dragoman.evaluation._documents import ParsingCoder, code_records
from dragoman.evaluation._gold import GoldRecord, GoldSet, SentenceLabel
from dragoman.evaluation._score import DocumentCoder, Ratio
from dragoman.records import Actor, Event

__all__ = ["SentenceReport", "SentenceResult", "evaluate_sentences", "score_sentence"]

#: The predicted class of a sentence without coded events.
NO_CLASS = "-"


@dataclass(frozen=True, slots=True)
class SentenceResult:
    """One gold sentence with its coded events and what they matched.

    Attributes:
        record: The gold sentence.
        events: The coded events, in text order.
        predicted: The class of the first event's root, or None without events.
        sources_found: Per gold source phrase: some event's source overlaps it.
        targets_found: Per gold target phrase: some event's target overlaps it.
        dyad: One event's source and target both overlap gold phrases.
    """

    record: GoldRecord
    events: tuple[Event, ...]
    predicted: int | None
    sources_found: tuple[bool, ...]
    targets_found: tuple[bool, ...]
    dyad: bool

    @property
    def label(self) -> SentenceLabel:
        """The gold label."""
        assert self.record.label is not None  # score_sentence checks it
        return self.record.label

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form, with the coded events' codes and actor texts."""
        return {
            "id": self.record.id,
            "where": self.record.where,
            "text": self.record.text,
            **self.label.to_dict(),
            "predicted": self.predicted,
            "sources_found": list(self.sources_found),
            "targets_found": list(self.targets_found),
            "dyad": self.dyad,
            "coded": [
                {
                    "cameo": e.cameo.code,
                    "source": e.source.code,
                    "source_text": e.source.text,
                    "target": e.target.code if e.target else None,
                    "target_text": e.target.text if e.target else None,
                    "pattern": e.evidence.pattern,
                }
                for e in self.events
            ],
        }


def _places(text: str, phrase: str) -> list[tuple[int, int]]:
    places, start = [], text.find(phrase)
    while start >= 0:
        places.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    return places


def _overlaps(places: list[tuple[int, int]], actor: Actor | None) -> bool:
    if actor is None:
        return False
    return any(start < actor.end and actor.start < end for start, end in places)


def score_sentence(record: GoldRecord, events: Iterable[Event]) -> SentenceResult:
    """Score the events coded from one gold sentence.

    Args:
        record: A news-sentence gold record (with a ``label``).
        events: The events coded from its text, in text order.

    Returns:
        The predicted class and which phrases were found.

    Raises:
        ValueError: The record has no five-class label.
    """
    if record.label is None:
        raise ValueError(f"{record.where or record.id}: not a news-sentence gold record")
    label, coded = record.label, tuple(events)
    predicted = penta_class(coded[0].cameo.code) if coded else None
    source_places = [_places(record.text, phrase) for phrase in label.source_spans]
    target_places = [_places(record.text, phrase) for phrase in label.target_spans]
    sources = tuple(any(_overlaps(p, e.source) for e in coded) for p in source_places)
    targets = tuple(any(_overlaps(p, e.target) for e in coded) for p in target_places)

    def side(places: list[list[tuple[int, int]]], actor: Actor | None) -> bool:
        return not places or any(_overlaps(p, actor) for p in places)

    dyad = any(side(source_places, e.source) and side(target_places, e.target) for e in coded)
    return SentenceResult(record, coded, predicted, sources, targets, dyad)


@dataclass
class SentenceReport:
    """Scores of a coder on news-sentence gold.

    Attributes:
        gold_path: The gold file.
        gold_format: ``penta``.
        sentences: Per-sentence results, in gold order.
        skipped: Gold lines left out, as ``(id, reason)``.
        notes: Remarks from reading the gold file.
    """

    gold_path: str
    gold_format: str = "penta"
    sentences: list[SentenceResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def accuracy(self, *, coded_only: bool = False) -> Ratio:
        """5-class accuracy over all sentences, or over those with a coded event."""
        chosen = [s for s in self.sentences if s.predicted is not None or not coded_only]
        return Ratio(sum(s.predicted == s.label.penta for s in chosen), len(chosen))

    def dyad_recall(self) -> Ratio:
        """Sentences whose source and target phrases one coded event overlaps."""
        return Ratio(sum(s.dyad for s in self.sentences), len(self.sentences))

    def phrase_recall(self, role: str | None = None) -> Ratio:
        """Gold phrases overlapped by a coded actor of their role (``source``, ``target``,
        or None for both)."""
        found: list[bool] = []
        for sentence in self.sentences:
            if role in (None, "source"):
                found.extend(sentence.sources_found)
            if role in (None, "target"):
                found.extend(sentence.targets_found)
        return Ratio(sum(found), len(found))

    def confusion(self) -> dict[int, dict[str, int]]:
        """Gold class -> predicted class (``-``: nothing coded) -> sentences."""
        table: dict[int, Counter[str]] = defaultdict(Counter)
        for sentence in self.sentences:
            predicted = NO_CLASS if sentence.predicted is None else str(sentence.predicted)
            table[sentence.label.penta][predicted] += 1
        return {gold: dict(sorted(row.items())) for gold, row in sorted(table.items())}

    def misses(self) -> list[SentenceResult]:
        """Sentences with a wrong class or an unmatched dyad."""
        return [s for s in self.sentences if s.predicted != s.label.penta or not s.dyad]

    def to_dict(self, *, misses: bool = False) -> dict[str, Any]:
        """Return every figure as JSON-ready data (``dragoman eval --json``).

        Args:
            misses: Include each sentence with a wrong class or an unmatched dyad.
        """
        data: dict[str, Any] = {
            "gold": {"path": self.gold_path, "format": self.gold_format},
            "sentences": len(self.sentences),
            "skipped": [{"id": i, "reason": why} for i, why in self.skipped],
            "coded_events": sum(len(s.events) for s in self.sentences),
            "penta_accuracy": self.accuracy().to_dict(),
            "penta_accuracy_coded": self.accuracy(coded_only=True).to_dict(),
            "dyad_phrase_recall": self.dyad_recall().to_dict(),
            "phrase_recall": {
                "source": self.phrase_recall("source").to_dict(),
                "target": self.phrase_recall("target").to_dict(),
                "all": self.phrase_recall().to_dict(),
            },
            "confusion": {str(gold): row for gold, row in self.confusion().items()},
            "notes": list(self.notes),
        }
        if misses:
            data["misses"] = [s.to_dict() for s in self.misses()]
        return data


def evaluate_sentences(
    coder: DocumentCoder | ParsingCoder,
    gold: GoldSet,
    *,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> SentenceReport:
    """Code every sentence of news-sentence gold and score the events.

    Args:
        coder: A :class:`dragoman.Coder`, or anything with its ``code_documents``.
        gold: News-sentence gold from :func:`dragoman.evaluation.read_gold`.
        limit: Score only the first ``limit`` sentences.
        progress: Called with the number of sentences scored so far, after each one.

    Returns:
        The report.
    """
    records = list(gold.records)[:limit] if limit is not None else list(gold.records)
    report = SentenceReport(
        gold.path, gold.format, skipped=list(gold.skipped), notes=list(gold.notes)
    )
    coded = code_records(coder, records)
    for count, (record, (events, _starts)) in enumerate(zip(records, coded, strict=False), 1):
        report.sentences.append(score_sentence(record, events))
        if progress is not None:
            progress(count)
    return report
