"""Cutting text into highlighted segments from document offsets."""

from __future__ import annotations

from dragoman.server import Segment, highlight


def test_spans_are_placed_relative_to_the_text() -> None:
    text = "Russia criticized NATO."
    base = 100  # the sentence starts at offset 100 of its document
    parts = highlight(
        text,
        base,
        [
            ("source", {"start": 100, "end": 106}),
            ("action", {"start": 107, "end": 117}),
            ("target", {"start": 118, "end": 122}),
        ],
    )
    assert parts == [
        Segment("Russia", "source"),
        Segment(" ", None),
        Segment("criticized", "action"),
        Segment(" ", None),
        Segment("NATO", "target"),
        Segment(".", None),
    ]


def test_spans_outside_or_overlapping_are_left_out() -> None:
    text = "He said so."
    parts = highlight(
        text,
        50,
        [
            ("source", {"start": 10, "end": 20}),  # earlier sentence
            ("action", {"start": 53, "end": 57}),
            ("target", {"start": 54, "end": 60}),  # overlaps the verb
            ("target", {"start": None, "end": None}),
        ],
    )
    assert parts == [Segment("He ", None), Segment("said", "action"), Segment(" so.", None)]
    assert "".join(p.text for p in parts) == text
