"""Scoring arithmetic, checked against numbers worked out by hand on a fake coder."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from dragoman import Document, Event
from dragoman.evaluation import (
    EvaluationReport,
    GoldEvent,
    GoldRecord,
    GoldSet,
    evaluate,
    score_record,
)
from factories import make_event


class FakeCoder:
    """Codes each text into the events listed for it."""

    def __init__(self, coded: dict[str, list[tuple[str, str | None, str]]]) -> None:
        self.coded = coded
        self.seen: list[str] = []

    def code_documents(
        self, documents: Iterable[Document]
    ) -> Iterator[tuple[Document, list[Event]]]:
        for document in documents:
            self.seen.append(document.text)
            coded = self.coded[document.text]
            events = [make_event(s, t, c, doc_id=document.id) for s, t, c in coded]
            yield document, events


def ev(
    sources: tuple[str, ...], targets: tuple[str, ...], code: str | None, plover: str | None = None
) -> GoldEvent:
    return GoldEvent(sources, targets, code, plover)


RECORDS = [
    GoldRecord("a", "text a", None, (ev(("FRE",), ("SYL",), "111"),), category="alpha"),
    GoldRecord("b", "text b", None, (ev(("SYL", "VUL"), (), "042", "CONSULT"),), category="alpha"),
    GoldRecord("c", "text c", None, (), noevents=True),
    GoldRecord("d", "text d", None, (), noevents=True),
    GoldRecord("e", "text e", None, (ev(("FRE",), ("SYL",), "190"), ev(("SYL",), ("FRE",), "190"))),
    GoldRecord("f", "text f", None, (ev(("FRE",), (), None, "PROTEST"),)),
    GoldRecord("g", "text g", None, (ev(("ARN",), ("GON",), "345"),), category="beta"),
]
CODED: dict[str, list[tuple[str, str | None, str]]] = {
    "text a": [("FREGOV", "SYL", "111")],
    "text b": [("VUL", "SYL", "043")],
    "text c": [("FRE", "SYL", "010")],
    "text d": [],
    "text e": [("FRE", "SYL", "190"), ("FRE", "SYL", "193"), ("FRE", None, "020")],
    "text f": [("FRE", None, "141")],
    "text g": [],
}


@pytest.fixture(scope="module")
def report() -> EvaluationReport:
    gold = GoldSet("gold.jsonl", "jsonl", list(RECORDS), skipped=[("z", "why")], notes=["n"])
    return evaluate(FakeCoder(CODED), gold)


@pytest.mark.parametrize(
    ("level", "hits", "total"),
    [
        ("root", 4, 5),
        ("root_dyad", 3, 5),
        ("code", 3, 5),
        ("code_dyad", 2, 5),
        ("plover", 5, 5),
        ("plover_dyad", 4, 5),
    ],
)
def test_recall_levels(report: EvaluationReport, level: str, hits: int, total: int) -> None:
    ratio = report.recall(level)
    assert (ratio.hits, ratio.total) == (hits, total)


def test_triples_pair_one_to_one_and_skip_records_without_codes(report: EvaluationReport) -> None:
    triples = report.triples()
    assert triples["records"] == 6  # record f has a gold event without a CAMEO code
    assert (triples["precision"].hits, triples["precision"].total) == (2, 6)
    assert (triples["recall"].hits, triples["recall"].total) == (2, 6)
    assert triples["f1"] == pytest.approx(0.3333, abs=1e-4)


def test_noevents_events_per_record_and_exact(report: EvaluationReport) -> None:
    silent = report.noevents_silent()
    assert (silent.hits, silent.total) == (1, 2)
    assert report.events_per_record() == pytest.approx(1.0)
    assert report.gold_events_per_record() == pytest.approx(6 / 7)
    exact, covered = report.exact()
    # eligible: a, c, d, e, g; only d is exact (a's coded source FREGOV is not FRE in full)
    assert (exact.hits, exact.total) == (1, 5)
    assert (covered.hits, covered.total) == (2, 5)


def test_breakdowns_and_confusion(report: EvaluationReport) -> None:
    by_root = report.by_root()
    assert by_root["19"] == {
        "gold": 2,
        "root": 2,
        "root_dyad": 1,
        "code": 2,
        "code_dyad": 1,
        "coded": 2,
    }
    assert by_root["04"]["code"] == 0 and by_root["04"]["root_dyad"] == 1
    assert by_root["01"] == {
        "gold": 0,
        "root": 0,
        "root_dyad": 0,
        "code": 0,
        "code_dyad": 0,
        "coded": 1,
    }
    assert by_root["34"]["gold"] == 1 and by_root["34"]["coded"] == 0
    by_plover = report.by_plover()
    assert by_plover["ASSAULT"] == {"gold": 2, "plover": 2, "plover_dyad": 1, "coded": 2}
    assert by_plover["PROTEST"] == {"gold": 1, "plover": 1, "plover_dyad": 1, "coded": 1}
    assert report.confusion() == {
        "04": {"04": 1},
        "11": {"11": 1},
        "19": {"19": 2},
        "34": {"--": 1},
    }
    assert report.by_category() == {
        "-": {"records": 4, "exact": 1, "eligible": 3, "missed": 2},
        "alpha": {"records": 2, "exact": 0, "eligible": 1, "missed": 1},
        "beta": {"records": 1, "exact": 0, "eligible": 1, "missed": 1},
    }


def test_misses_are_the_wrong_records(report: EvaluationReport) -> None:
    assert [r.record.id for r in report.misses()] == ["b", "c", "e", "g"]


def test_to_dict(report: EvaluationReport) -> None:
    data = report.to_dict()
    assert data["records"] == 7 and data["gold_events"] == 6 and data["coded_events"] == 7
    assert data["recall"]["code_dyad"] == {"hits": 2, "total": 5, "value": 0.4}
    assert data["skipped"] == [{"id": "z", "reason": "why"}] and data["notes"] == ["n"]
    assert "misses" not in data
    misses = report.to_dict(misses=True)["misses"]
    assert [m["id"] for m in misses] == ["b", "c", "e", "g"]
    coded = misses[2]["coded"]
    assert [c["cameo"]["code"] for c in coded] == ["190", "193", "020"]
    assert coded[0]["evidence"]["pattern"] == "fake -> 190"
    assert misses[2]["gold"][1]["hits"]["root_dyad"] is False


def test_empty_gold_target_matches_any_target_and_none() -> None:
    record = GoldRecord("x", "t", None, (ev(("FRE",), (), "111"),))
    with_target = score_record(record, [make_event("FRE", "SYL", "111")])
    without = score_record(record, [make_event("FRE", None, "111")])
    wrong_source = score_record(record, [make_event("SYL", None, "111")])
    assert with_target.gold[0].hits["code_dyad"] and without.gold[0].hits["code_dyad"]
    assert not wrong_source.gold[0].hits["code_dyad"]


def test_named_gold_target_needs_a_coded_target() -> None:
    record = GoldRecord("x", "t", None, (ev(("FRE",), ("SYL",), "111"),))
    result = score_record(record, [make_event("FRE", None, "111")])
    assert result.gold[0].hits["code"] and not result.gold[0].hits["code_dyad"]


def test_limit_and_progress() -> None:
    calls: list[int] = []
    coder = FakeCoder(CODED)
    report = evaluate(coder, RECORDS, limit=3, progress=calls.append)
    assert [r.record.id for r in report.records] == ["a", "b", "c"]
    assert calls == [1, 2, 3] and coder.seen == ["text a", "text b", "text c"]
    assert report.gold_format == "records"


def test_no_records() -> None:
    report = evaluate(FakeCoder({}), [])
    assert report.recall("root").value is None
    assert report.events_per_record() is None
    assert report.triples()["f1"] is None
