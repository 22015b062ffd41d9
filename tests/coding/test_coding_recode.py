"""Codes decided by the parties (``coding/_recode.py``): clashes of persons, storming,
leaving an organization, drills held alone. Sentences written by the Dragoman team."""

from __future__ import annotations

import pytest

from dragoman import Coder


def _coded(coder: Coder, text: str) -> list[tuple[str, str, str | None, str]]:
    return [
        (e.source.code, e.cameo.code, e.target.code if e.target else None, e.source.rule)
        for e in coder.code(text, date="2025-03-10")
    ]


def test_a_clash_of_persons_is_one_of_words(coder: Coder) -> None:
    assert [
        (s, c, t) for s, c, t, _ in _coded(coder, "Macron clashed with Meloni over migration.")
    ] == [("FRAGOV", "110", "ITAGOV")]
    # forces, police and crowds clash by force
    assert [
        (s, c, t)
        for s, c, t, _ in _coded(coder, "Serbian troops clashed with Kosovo police in Zvecan.")
    ] == [("SRBMIL", "190", "XKXCOP")]


def test_drills_of_one_side_are_a_show_of_force_at_the_place_s_country(coder: Coder) -> None:
    coded = _coded(coder, "China held naval drills around Taiwan on Monday.")
    assert [(s, c, t) for s, c, t, _ in coded] == [("CHN", "150", "TWN")]
    # announced, they stay future, and are no intent to cooperate with the place
    events = coder.code("China will hold drills near Taiwan next week.", date="2025-03-10")
    assert [(e.cameo.code, e.modality) for e in events] == [("150", "future")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia held joint exercises with Belarus.",
        "Russia held exercises with Belarus in the Baltic Sea.",
        "Russian and Belarusian troops staged drills near Brest.",
    ],
)
def test_drills_with_a_partner_are_military_cooperation(coder: Coder, text: str) -> None:
    codes = {c for _, c, _, _ in _coded(coder, text)}
    assert codes == {"062"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Masked gunmen stormed a police station in Kidal.", "180"),
        ("Malian soldiers stormed the rebel camp near Kidal.", "190"),
        ("Angry farmers stormed the town hall in Kidal.", "145"),
    ],
)
def test_storming_is_an_attack_by_armed_men_and_a_riot_by_crowds(
    coder: Coder, text: str, code: str
) -> None:
    assert {c for _, c, _, _ in _coded(coder, text)} == {code}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bolivia withdrew from the World Health Organization.", "160"),
        ("Bolivia announced its withdrawal from the World Health Organization.", "160"),
        ("Chile withdrew its troops from the border.", "087"),
    ],
)
def test_leaving_an_organization_reduces_relations(coder: Coder, text: str, code: str) -> None:
    assert {c for _, c, _, _ in _coded(coder, text)} == {code}
