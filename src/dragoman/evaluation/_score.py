"""Scoring coded events against gold records.

Matching rules (the README's "Evaluating accuracy" section explains each metric):

- Actors are compared on their first three letters: the country (``KAZGOV`` ~ ``KAZ``) or
  the organization prefix (``IGOEUROSC`` ~ ``IGO``), as the gold format prescribes.
- A gold event with several sources or targets (a compound actor) matches a coded event
  whose source is any of the gold sources and whose target is any of the gold targets.
- An empty gold source or target list means the gold does not name that actor: it matches
  any coded actor, including no target at all.
- Recall metrics ask, per gold event, whether the record has a coded event that matches at
  that level (root; root + dyad; full code; full code + dyad; PLOVER type; PLOVER type +
  dyad). A gold event without a PLOVER type takes the type of its CAMEO code through the
  shipped crosswalk.
- Triples: each gold event gives one ``(source, target, code)`` triple per source x target
  pair (full CAMEO code, actor prefixes, empty lists as wildcards); each coded event gives
  one. Gold and coded triples are paired one to one within a record; precision is pairs
  over coded triples, recall pairs over gold triples. Records with a gold event that has no
  CAMEO code are left out of the triple metrics.
- Exact (PETRARCH's test): the set of coded ``(source, target, code)`` with full codes equals
  the expected set; "covered" when every expected triple was coded. Only records whose gold
  events all name source, target and code (or that expect no events) are eligible.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from dragoman.evaluation._gold import GoldEvent, GoldRecord, GoldSet
from dragoman.ontology import is_cameo_code, plover_for
from dragoman.records import Document, Event

__all__ = [
    "LEVELS",
    "DocumentCoder",
    "EvaluationReport",
    "GoldEventResult",
    "Ratio",
    "RecordResult",
    "evaluate",
    "score_record",
]

#: Match levels of the recall metrics, in report order.
LEVELS = ("root", "root_dyad", "code", "code_dyad", "plover", "plover_dyad")
NO_EVENT = "--"


class DocumentCoder(Protocol):
    """What :func:`evaluate` needs from a coder (``dragoman.Coder`` is one)."""

    def code_documents(
        self, documents: Iterable[Document]
    ) -> Iterator[tuple[Document, list[Event]]]:
        """Code documents, yielding each with its events, in input order."""
        ...


@dataclass(frozen=True, slots=True)
class Ratio:
    """A count of hits out of a total; ``value`` is None when the total is zero."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        """hits / total, or None."""
        return self.hits / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        """Return ``{hits, total, value}`` with the value rounded to 4 places."""
        value = self.value
        return {
            "hits": self.hits,
            "total": self.total,
            "value": round(value, 4) if value is not None else None,
        }


@dataclass(frozen=True, slots=True)
class GoldEventResult:
    """How one gold event fared.

    Attributes:
        event: The gold event.
        plover: Its PLOVER type (annotated, or from its CAMEO code), or None.
        hits: Match level -> whether a coded event matched at that level; levels that do
            not apply (no CAMEO code, no PLOVER type) are absent.
        predicted_root: The root of the coded event that best answers this gold event (the
            matching one, else one with the right dyad, else the first), or ``--``.
    """

    event: GoldEvent
    plover: str | None
    hits: dict[str, bool]
    predicted_root: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            **self.event.to_dict(),
            "plover": self.plover,
            "hits": dict(self.hits),
            "predicted_root": self.predicted_root,
        }


@dataclass
class RecordResult:
    """One gold record with the events coded from it.

    Attributes:
        record: The gold record.
        events: The coded events.
        gold: Per gold event, what matched.
        exact: PETRARCH-style exact match, or None when the record is not eligible.
        covered: Every expected triple was coded, or None when not eligible.
        triples: ``(pairs, coded, gold)`` triple counts, or None when not scored.
    """

    record: GoldRecord
    events: list[Event]
    gold: list[GoldEventResult]
    exact: bool | None
    covered: bool | None
    triples: tuple[int, int, int] | None

    @property
    def missed(self) -> bool:
        """True when a gold event has no full code + dyad match (or its PLOVER type +
        dyad, without a code), or a no-events record was coded."""
        if self.record.noevents:
            return bool(self.events)
        for result in self.gold:
            level = "code_dyad" if "code_dyad" in result.hits else "plover_dyad"
            if not result.hits.get(level, False):
                return True
        return False

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form, with every coded event and its evidence."""
        return {
            "id": self.record.id,
            "where": self.record.where,
            "category": self.record.category,
            "text": self.record.text,
            "date": self.record.date,
            "noevents": self.record.noevents,
            "gold": [result.to_dict() for result in self.gold],
            "coded": [event.to_dict() for event in self.events],
            "exact": self.exact,
        }


@dataclass
class EvaluationReport:
    """Scores of a coder on a gold set.

    Attributes:
        gold_path: The gold file.
        gold_format: ``jsonl`` or ``petrarch-xml``.
        records: Per-record results, in gold order.
        skipped: Gold records left out, as ``(id, reason)``.
        notes: Remarks from reading the gold file and setting up the coder.
    """

    gold_path: str
    gold_format: str
    records: list[RecordResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    # ------------------------------------------------------------ metrics

    @property
    def gold_events(self) -> list[GoldEventResult]:
        """Every gold event result, in order."""
        return [g for r in self.records for g in r.gold]

    def recall(self, level: str) -> Ratio:
        """Recall at a match level (one of :data:`LEVELS`)."""
        results = [g.hits[level] for g in self.gold_events if level in g.hits]
        return Ratio(sum(results), len(results))

    def triples(self) -> dict[str, Any]:
        """Precision, recall and F1 over (source, target, code) triples."""
        scored = [r.triples for r in self.records if r.triples is not None]
        pairs = sum(t[0] for t in scored)
        precision = Ratio(pairs, sum(t[1] for t in scored))
        recall = Ratio(pairs, sum(t[2] for t in scored))
        p, r = precision.value, recall.value
        f1 = None
        if p is not None and r is not None:
            f1 = round(2 * p * r / (p + r), 4) if p + r > 0 else 0.0
        return {"records": len(scored), "precision": precision, "recall": recall, "f1": f1}

    def noevents_silent(self) -> Ratio:
        """Share of no-events records where nothing was coded."""
        silent = [not r.events for r in self.records if r.record.noevents]
        return Ratio(sum(silent), len(silent))

    def events_per_record(self) -> float | None:
        """Coded events per scored record (over-generation when well above the gold's)."""
        if not self.records:
            return None
        return sum(len(r.events) for r in self.records) / len(self.records)

    def gold_events_per_record(self) -> float | None:
        """Gold events per scored record, to compare with :meth:`events_per_record`."""
        if not self.records:
            return None
        return sum(len(r.record.events) for r in self.records) / len(self.records)

    def exact(self) -> tuple[Ratio, Ratio]:
        """(exact, covered) over eligible records."""
        eligible = [r for r in self.records if r.exact is not None]
        return (
            Ratio(sum(bool(r.exact) for r in eligible), len(eligible)),
            Ratio(sum(bool(r.covered) for r in eligible), len(eligible)),
        )

    def by_root(self) -> dict[str, dict[str, Any]]:
        """Per gold CAMEO root: gold events, hits per CAMEO level, and events coded."""
        table: dict[str, dict[str, Any]] = defaultdict(
            lambda: {"gold": 0, "root": 0, "root_dyad": 0, "code": 0, "code_dyad": 0, "coded": 0}
        )
        for result in self.gold_events:
            cameo = result.event.cameo
            if cameo is None:
                continue
            row = table[cameo[:2]]
            row["gold"] += 1
            for level in ("root", "root_dyad", "code", "code_dyad"):
                row[level] += result.hits.get(level, False)
        for record in self.records:
            for event in record.events:
                table[event.root_code]["coded"] += 1
        return dict(sorted(table.items()))

    def by_plover(self) -> dict[str, dict[str, Any]]:
        """Per gold PLOVER type: gold events, hits, dyad hits, and events coded."""
        table: dict[str, dict[str, Any]] = defaultdict(
            lambda: {"gold": 0, "plover": 0, "plover_dyad": 0, "coded": 0}
        )
        for result in self.gold_events:
            if result.plover is None:
                continue
            row = table[result.plover]
            row["gold"] += 1
            row["plover"] += result.hits.get("plover", False)
            row["plover_dyad"] += result.hits.get("plover_dyad", False)
        for record in self.records:
            for event in record.events:
                if event.plover.type:
                    table[event.plover.type]["coded"] += 1
        return dict(sorted(table.items()))

    def by_category(self) -> dict[str, dict[str, Any]]:
        """Per record category (PETRARCH's): records, exact matches and missed records."""
        table: dict[str, dict[str, Any]] = defaultdict(
            lambda: {"records": 0, "exact": 0, "eligible": 0, "missed": 0}
        )
        for record in self.records:
            row = table[record.record.category or "-"]
            row["records"] += 1
            row["missed"] += record.missed
            if record.exact is not None:
                row["eligible"] += 1
                row["exact"] += record.exact
        return dict(sorted(table.items()))

    def confusion(self) -> dict[str, dict[str, int]]:
        """Gold root -> predicted root -> count (``--``: nothing coded)."""
        table: dict[str, Counter[str]] = defaultdict(Counter)
        for result in self.gold_events:
            if result.event.cameo is not None:
                table[result.event.cameo[:2]][result.predicted_root] += 1
        return {gold: dict(sorted(row.items())) for gold, row in sorted(table.items())}

    def misses(self) -> list[RecordResult]:
        """Records with a missed gold event, or coded although they expect no events."""
        return [r for r in self.records if r.missed]

    def to_dict(self, *, misses: bool = False) -> dict[str, Any]:
        """Return the report as JSON-ready data.

        Args:
            misses: Include each missed or wrong record with its coded events and evidence.
        """
        triples = self.triples()
        exact, covered = self.exact()
        data: dict[str, Any] = {
            "gold": {"path": self.gold_path, "format": self.gold_format},
            "records": len(self.records),
            "skipped": [{"id": i, "reason": why} for i, why in self.skipped],
            "gold_events": len(self.gold_events),
            "coded_events": sum(len(r.events) for r in self.records),
            "recall": {level: self.recall(level).to_dict() for level in LEVELS},
            "triples": {
                "records": triples["records"],
                "precision": triples["precision"].to_dict(),
                "recall": triples["recall"].to_dict(),
                "f1": triples["f1"],
            },
            "noevents_silent": self.noevents_silent().to_dict(),
            "events_per_record": _round(self.events_per_record()),
            "gold_events_per_record": _round(self.gold_events_per_record()),
            "exact": exact.to_dict(),
            "covered": covered.to_dict(),
            "by_root": self.by_root(),
            "by_plover": self.by_plover(),
            "by_category": self.by_category(),
            "confusion": self.confusion(),
            "notes": list(self.notes),
        }
        if misses:
            data["misses"] = [r.to_dict() for r in self.misses()]
        return data


def _round(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


# ---------------------------------------------------------------- evaluation


def evaluate(
    coder: DocumentCoder,
    gold: GoldSet | Iterable[GoldRecord],
    *,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> EvaluationReport:
    """Code every gold text and score the events.

    Args:
        coder: A :class:`dragoman.Coder`, or anything with its ``code_documents``.
        gold: A gold set from :func:`read_gold_jsonl` or :func:`read_petrarch_xml`, or
            gold records.
        limit: Score only the first ``limit`` records.
        progress: Called with the number of records scored so far, after each record.

    Returns:
        The report; its methods give every metric, ``to_dict()`` all of them.
    """
    if isinstance(gold, GoldSet):
        report = EvaluationReport(
            gold.path, gold.format, skipped=list(gold.skipped), notes=list(gold.notes)
        )
        records = list(gold.records)
    else:
        report = EvaluationReport("<records>", "records")
        records = list(gold)
    if limit is not None:
        records = records[:limit]
    documents = (Document(id=r.id, text=r.text, date=r.date) for r in records)
    coded = coder.code_documents(documents)
    for count, (record, (_document, events)) in enumerate(
        zip(records, coded, strict=False), start=1
    ):
        report.records.append(score_record(record, events))
        if progress is not None:
            progress(count)
    return report


def score_record(record: GoldRecord, events: list[Event]) -> RecordResult:
    """Score the events coded from one gold record.

    Args:
        record: The gold record.
        events: The events coded from its text.

    Returns:
        The record's result: per gold event hits, triples, exactness.
    """
    results = [_score_gold_event(gold, events) for gold in record.events]
    exact = covered = None
    if record.noevents or all(g.cameo and g.sources and g.targets for g in record.events):
        expected = {(s, t, g.cameo) for g in record.events for s in g.sources for t in g.targets}
        coded = {(e.source.code, e.target.code if e.target else "", e.cameo.code) for e in events}
        exact = coded == expected
        covered = expected <= coded
    triples = None
    if record.noevents or all(g.cameo for g in record.events):
        triples = _triples(record.events, events)
    return RecordResult(record, events, results, exact, covered, triples)


def _prefix(code: str) -> str:
    return code[:3].upper()


def _dyad(gold: GoldEvent, event: Event) -> bool:
    if gold.sources and _prefix(event.source.code) not in {_prefix(s) for s in gold.sources}:
        return False
    if gold.targets:
        if event.target is None:
            return False
        return _prefix(event.target.code) in {_prefix(t) for t in gold.targets}
    return True


def _gold_plover(gold: GoldEvent) -> str | None:
    if gold.plover is not None:
        return gold.plover
    if gold.cameo is not None and is_cameo_code(gold.cameo):
        return plover_for(gold.cameo).type
    return None


def _score_gold_event(gold: GoldEvent, events: list[Event]) -> GoldEventResult:
    hits: dict[str, bool] = {}
    dyads = [_dyad(gold, e) for e in events]
    cameo = gold.cameo
    if cameo is not None:
        root = cameo[:2]
        hits["root"] = any(e.root_code == root for e in events)
        hits["root_dyad"] = any(
            e.root_code == root and d for e, d in zip(events, dyads, strict=True)
        )
        hits["code"] = any(e.cameo.code == cameo for e in events)
        hits["code_dyad"] = any(
            e.cameo.code == cameo and d for e, d in zip(events, dyads, strict=True)
        )
    plover = _gold_plover(gold)
    if plover is not None:
        hits["plover"] = any(e.plover.type == plover for e in events)
        hits["plover_dyad"] = any(
            e.plover.type == plover and d for e, d in zip(events, dyads, strict=True)
        )
    return GoldEventResult(gold, plover, hits, _predicted_root(gold, events, dyads))


def _predicted_root(gold: GoldEvent, events: list[Event], dyads: list[bool]) -> str:
    if not events:
        return NO_EVENT
    root = gold.cameo[:2] if gold.cameo else None
    pairs = list(zip(events, dyads, strict=True))
    for event, dyad in pairs:  # the matching event
        if event.root_code == root and dyad:
            return event.root_code
    for event, dyad in pairs:  # an event of the right dyad, or any event of the root
        if dyad or event.root_code == root:
            return event.root_code
    return events[0].root_code


def _triples(gold_events: Iterable[GoldEvent], events: list[Event]) -> tuple[int, int, int]:
    """(pairs, coded triples, gold triples) for one record, paired greedily one to one."""
    gold = [
        (_prefix(s) if s else None, _prefix(t) if t else None, g.cameo)
        for g in gold_events
        for s in (g.sources or ("",))
        for t in (g.targets or ("",))
    ]
    coded = [
        (_prefix(e.source.code), _prefix(e.target.code) if e.target else None, e.cameo.code)
        for e in events
    ]
    used = [False] * len(coded)
    pairs = 0
    for source, target, code in gold:
        for i, (c_source, c_target, c_code) in enumerate(coded):
            if used[i] or c_code != code:
                continue
            if source is not None and c_source != source:
                continue
            if target is not None and c_target != target:
                continue
            used[i] = True
            pairs += 1
            break
    return pairs, len(coded), len(gold)
