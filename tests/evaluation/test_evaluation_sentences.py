"""News-sentence gold: 5-class accuracy from the first coded event, and phrase recall."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from dragoman import Actor, Document, Event, TextSpan
from dragoman.evaluation import (
    GoldRecord,
    GoldSet,
    SentenceLabel,
    SentenceReport,
    evaluate_sentences,
    score_sentence,
)
from factories import make_event

TEXT = "The ministry accused the rebels of shelling the town, and the rebels denied it."


def actor(words: str, code: str, occurrence: int = 0) -> Actor:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(words, start + 1)
    return Actor(code, code, words, start, start + len(words))


def event(source: Actor, target: Actor | None, code: str) -> Event:
    return make_event(source, target, code, doc_id="n", sentence=TextSpan(TEXT, 0, len(TEXT)))


def record(
    penta: int, sources: tuple[str, ...] = ("The ministry",), targets: tuple[str, ...] = ("rebels",)
) -> GoldRecord:
    return GoldRecord("n", TEXT, None, label=SentenceLabel(penta, sources, targets))


MINISTRY = actor("The ministry", "FREGOV")
REBELS = actor("the rebels", "FREREB")
REBELS_AGAIN = actor("the rebels", "FREREB", occurrence=1)
MINISTRY_WORD = actor("ministry", "FREGOV")


def test_the_first_event_gives_the_class() -> None:
    accusation, denial = event(MINISTRY, REBELS, "112"), event(REBELS_AGAIN, None, "014")
    assert score_sentence(record(3), [accusation, denial]).predicted == 3
    assert score_sentence(record(3), [denial, accusation]).predicted == 0
    assert score_sentence(record(3), []).predicted is None


def test_dyad_needs_one_event_with_both_sides() -> None:
    # the source phrase and the target phrase, each overlapped by the same event's actors
    both = score_sentence(record(3), [event(MINISTRY_WORD, REBELS, "112")])
    assert both.dyad and both.sources_found == (True,) and both.targets_found == (True,)
    # each side found, but by two different events: no dyad
    split = score_sentence(
        record(3), [event(MINISTRY, None, "112"), event(REBELS_AGAIN, REBELS, "014")]
    )
    assert not split.dyad and split.sources_found == (True,) and split.targets_found == (True,)
    # the target phrase overlapped only by a source: not found
    wrong_role = score_sentence(record(3), [event(REBELS, MINISTRY, "112")])
    assert wrong_role.sources_found == (False,) and wrong_role.targets_found == (False,)


def test_any_occurrence_of_a_phrase_counts() -> None:
    result = score_sentence(record(3), [event(MINISTRY, REBELS_AGAIN, "112")])
    assert result.dyad and result.targets_found == (True,)


def test_empty_gold_phrases_accept_any_actor() -> None:
    no_target = record(0, targets=())
    assert score_sentence(no_target, [event(MINISTRY, None, "010")]).dyad
    assert score_sentence(no_target, [event(MINISTRY, REBELS, "010")]).dyad
    assert not score_sentence(no_target, []).dyad
    assert not score_sentence(no_target, [event(REBELS, None, "010")]).dyad


def test_a_record_without_label_is_refused() -> None:
    with pytest.raises(ValueError, match="not a news-sentence gold record"):
        score_sentence(GoldRecord("x", TEXT, None), [])


class ListCoder:
    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events

    def code_documents(
        self, documents: Iterable[Document]
    ) -> Iterator[tuple[Document, list[Event]]]:
        for document in documents:
            yield document, self.events[document.id]


def test_report_figures() -> None:
    records = [
        GoldRecord("a", TEXT, None, label=SentenceLabel(3, ("The ministry",), ("rebels",))),
        GoldRecord("b", TEXT, None, label=SentenceLabel(4, ("The ministry",), ("the town",))),
        GoldRecord("c", TEXT, None, label=SentenceLabel(0, ("the rebels",), ())),
    ]
    coded = {
        "a": [event(MINISTRY, REBELS, "112")],  # class right, dyad found
        "b": [event(MINISTRY, REBELS, "111")],  # class 3 for 4, target phrase missed
        "c": [],  # nothing coded
    }
    report = evaluate_sentences(ListCoder(coded), GoldSet("n.jsonl", "penta", records))
    assert isinstance(report, SentenceReport)
    assert (report.accuracy().hits, report.accuracy().total) == (1, 3)
    coded_only = report.accuracy(coded_only=True)
    assert (coded_only.hits, coded_only.total) == (1, 2)
    assert (report.dyad_recall().hits, report.dyad_recall().total) == (1, 3)
    assert (report.phrase_recall("source").hits, report.phrase_recall("source").total) == (2, 3)
    assert (report.phrase_recall("target").hits, report.phrase_recall("target").total) == (1, 2)
    assert (report.phrase_recall().hits, report.phrase_recall().total) == (3, 5)
    assert report.confusion() == {0: {"-": 1}, 3: {"3": 1}, 4: {"3": 1}}
    assert [s.record.id for s in report.misses()] == ["b", "c"]
    data = report.to_dict(misses=True)
    assert data["penta_accuracy"] == {"hits": 1, "total": 3, "value": 0.3333}
    assert data["dyad_phrase_recall"]["hits"] == 1 and data["coded_events"] == 2
    assert data["confusion"]["4"] == {"3": 1}
    assert data["misses"][0]["coded"][0]["cameo"] == "111"
    limited = evaluate_sentences(ListCoder(coded), GoldSet("n", "penta", records), limit=1)
    assert len(limited.sentences) == 1
