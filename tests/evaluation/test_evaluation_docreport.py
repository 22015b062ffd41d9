"""Readable reports of document and news-sentence gold, and the precision-recall plot."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_evaluation_documents import CODED, STORIES, StoryCoder, coded, gold, story
from test_evaluation_sentences import MINISTRY, REBELS, TEXT, ListCoder, event

from dragoman import InputError
from dragoman.evaluation import (
    DocumentReport,
    GoldRecord,
    GoldSet,
    SentenceLabel,
    evaluate_documents,
    evaluate_sentences,
    plot_precision_recall,
    render_document_report,
    render_sentence_report,
)


@pytest.fixture(scope="module")
def report() -> DocumentReport:
    gold = GoldSet(
        "docs.jsonl", "docs", list(STORIES), skipped=[("line 4", "bad line")], notes=["a note"]
    )
    return evaluate_documents(StoryCoder(CODED), gold)


def rendered(report: DocumentReport, misses: bool) -> str:
    stream = io.StringIO()
    render_document_report(report, stream, misses=misses, width=150)
    return stream.getvalue()


def test_document_report_per_split_and_thresholds(report: DocumentReport) -> None:
    text = rendered(report, misses=False)
    assert "docs.jsonl (docs): 3 story(ies) scored, 1 skipped; 4 required event(s), 5 coded" in text
    assert "Root + dyad, per split" in text
    lines = {line.split("│")[1].strip(): line for line in text.splitlines() if "│" in line}
    # tune: 3 coded, precision 2/3, recall 1/3, F1 4/9, one no-country source of three
    assert [cell.strip() for cell in lines["tune"].split("│")[2:-1]] == [
        "2",
        "3",
        "3",
        "0.667",
        "0.333",
        "0.444",
        "- (0/0)",
        "1.00",
        "0.33",
    ]
    for split in ("check", "tune", "all"):
        assert f"By confidence threshold: {split}" in text
    assert "line 4: bad line" in text and "note: a note" in text
    assert "Misses" not in text


def test_document_report_misses(report: DocumentReport) -> None:
    text = rendered(report, misses=True)
    assert (
        "Misses: 2 false positive(s), 2 missed event(s), 0 wrong date(s), by story and sentence"
        in text
    )
    assert "t1 (tune)" in text and "c1 (check)" in text
    assert "wrong:  ---GOV (---gov) -> - 040" in text
    assert "confidence 0.05; pattern do -> 040; source name; target -" in text
    assert "missed: VUL -> FRE 042" in text
    assert "missed: SYL -> * 190" in text  # an empty gold target is shown as *


def test_document_report_lists_wrong_dates() -> None:
    record = story("w", (gold(("FRE",), ("SYL",), "190", date="2024-05-06"),))
    events = {"w": [coded("FRE", "SYL", "190", date="2024-05-10", sentence=2, doc_id="w")]}
    report = evaluate_documents(StoryCoder(events), GoldSet("w.jsonl", "docs", [record]))
    text = rendered(report, misses=True)
    assert "0 false positive(s), 0 missed event(s), 1 wrong date(s)" in text
    assert "date:   gold 2024-05-06 (day), found by FRE -> SYL 190 of sentence 2" in text
    assert "dated 2024-05-10 (story)" in text


@pytest.mark.parametrize(("name", "magic"), [("pr.png", b"\x89PNG"), ("pr.svg", b"<?xml")])
def test_plot_files(report: DocumentReport, tmp_path: Path, name: str, magic: bytes) -> None:
    path = plot_precision_recall(report, tmp_path / name)
    assert path.read_bytes().startswith(magic)


def test_plot_refuses_other_files(report: DocumentReport, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"name a \.png or \.svg file"):
        plot_precision_recall(report, tmp_path / "pr.pdf")
    with pytest.raises(InputError, match="cannot write the plot"):
        plot_precision_recall(report, tmp_path / "missing" / "pr.png")


def test_sentence_report() -> None:
    records = [
        GoldRecord("a", TEXT, None, label=SentenceLabel(3, ("The ministry",), ("rebels",))),
        GoldRecord("b", TEXT, None, label=SentenceLabel(4, ("The ministry",), ("the town",))),
    ]
    coded = {"a": [event(MINISTRY, REBELS, "112")], "b": []}
    report = evaluate_sentences(ListCoder(coded), GoldSet("n.jsonl", "penta", records))
    stream = io.StringIO()
    render_sentence_report(report, stream, misses=True, width=150)
    text = stream.getvalue()
    assert "n.jsonl (penta): 2 sentence(s) scored, 0 skipped; 1 coded event(s)" in text
    assert "5-class accuracy        │ 0.500 (1/2)" in text
    assert "dyad phrase recall      │ 0.500 (1/2)" in text
    assert "4 material conflict (14-20)" in text
    assert "Wrong class or dyad (1)" in text and "b gold class 4, predicted -" in text
