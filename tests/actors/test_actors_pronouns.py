"""Pronouns and definite descriptions (``actors/_pronouns.py``): referring back."""

from __future__ import annotations

import pytest

from dragoman import Coder


def _sources(coder: Coder, text: str) -> list[tuple[str, str]]:
    return [(e.source.code, e.source.rule) for e in coder.code(text, date="2025-03-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a personal pronoun takes the last person named
        (
            "Chilean President Ana Ruiz arrived. She criticized Bolivia.",
            ("CHLGOV", "pronoun:Chilean President Ana Ruiz"),
        ),
        # the subject of what a speaker said is the speaker
        (
            "Nigeria announced that it will withdraw its troops from Chad.",
            ("NGA", "pronoun:Nigeria"),
        ),
        # a definite description refers to the last state
        (
            "Germany hosted the summit. The country also criticized Russia.",
            ("DEU", "description:Germany"),
        ),
    ],
)
def test_a_reference_takes_its_antecedent(
    coder: Coder, text: str, expected: tuple[str, str]
) -> None:
    assert expected in _sources(coder, text)


def test_they_is_left_unresolved(coder: Coder) -> None:
    assert _sources(coder, "Chile and Peru met. They criticized Bolivia.") == [
        ("CHL", "name"),
        ("PER", "name"),
    ]


def test_a_pronoun_with_no_antecedent_names_no_one(coder: Coder) -> None:
    assert _sources(coder, "She criticized Bolivia.") == []


def test_we_in_a_quotation_is_its_speaker(coder: Coder) -> None:
    text = (
        "Turkish President Emre Kaya spoke in Ankara on Monday. "
        '"Greece has lied. We condemn Greece," he said.'
    )
    events = coder.code(text, date="2025-03-10")
    condemned = [e for e in events if e.cameo.code == "111"]
    assert [(e.source.code, e.source.rule) for e in condemned] == [("TURGOV", "quote-speaker:he")]
