"""Verb senses decided by the medium a phrase names (``coding/_media.py``): platforms,
telephones. Sentences written by the Dragoman team."""

from __future__ import annotations

import pytest

from dragoman import Coder


def test_taking_to_a_platform_is_speaking_not_marching(coder: Coder) -> None:
    events = coder.code("Chilean students took to social media.", date="2024-05-01")
    assert [(e.cameo.code, e.target) for e in events] == [("010", None)]
    marched = coder.code("Chilean students took to the streets.", date="2024-05-01")
    assert [e.cameo.code for e in marched] == ["141"]


@pytest.mark.parametrize(
    "text",
    [
        "Boric and Petro spoke by phone on Sunday.",
        "Boric spoke with Petro by telephone.",
        "Boric spoke on the phone with Petro.",
    ],
)
def test_talking_by_phone_is_a_telephone_call_between_the_parties(coder: Coder, text: str) -> None:
    events = coder.code(text, date="2024-05-01")
    assert sorted(
        (e.source.code, e.cameo.code, e.target.code if e.target else None) for e in events
    ) == [
        ("CHLGOV", "041", "COLGOV"),
        ("COLGOV", "041", "CHLGOV"),
    ]


def test_talking_to_the_press_by_phone_is_no_call(coder: Coder) -> None:
    events = coder.code("Boric spoke to reporters by phone.", date="2024-05-01")
    assert all(e.cameo.code != "041" for e in events)
