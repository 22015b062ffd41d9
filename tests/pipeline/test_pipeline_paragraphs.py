"""The layout component (``pipeline/_paragraphs.py``): blank lines and glued headings."""

from __future__ import annotations

import pytest

from dragoman import Coder
from dragoman.pipeline import glued_headings


def _sentences(coder: Coder, text: str) -> list[str]:
    return [s.text.strip() for s in coder.nlp(text).sents]


def test_a_blank_line_ends_a_sentence(coder: Coder) -> None:
    assert _sentences(coder, "Talks resume\n\nThe envoys met in Doha.") == [
        "Talks resume",
        "The envoys met in Doha.",
    ]


@pytest.mark.parametrize(
    ("text", "heading", "sentence"),
    [
        (
            "Wages rose. Farm exports The new rules have hurt growers.",
            "Farm exports",
            "The new rules have hurt growers.",
        ),
        (
            "Wages rose. A tense border Despite the truce, shots were fired.",
            "A tense border",
            "Despite the truce, shots were fired.",
        ),
    ],
)
def test_a_heading_glued_to_the_next_sentence_is_split_off(
    coder: Coder, text: str, heading: str, sentence: str
) -> None:
    assert _sentences(coder, text)[1:] == [heading, sentence]


@pytest.mark.parametrize(
    "text",
    [
        "The court met. Officials in The Hague said nothing.",  # "The" of a name
        "The court met. On Monday, the judges said nothing.",  # punctuation: a sentence
        "The court met. In 2019 the judges said nothing.",
        "The court met.",
        "",
    ],
)
def test_no_heading_where_an_opener_is_part_of_a_name_or_a_sentence(
    coder: Coder, text: str
) -> None:
    assert glued_headings(coder.nlp.make_doc(text)) == []
