"""Actor slots of one match (``coding/_slots.py``): who acts, whom it is done to."""

from __future__ import annotations

import pytest

from dragoman import Coder


def _codes(coder: Coder, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (e.source.code, e.cameo.code, e.target.code if e.target else None)
        for e in coder.code(text, date="2025-03-10")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forces moved in a passive are moved by their own side
        ("Chinese warships were deployed near Taiwan.", [("CHNMIL", "154", "TWN")]),
        # a nominal event with its target phrase
        ("Russia's attack on Ukraine continued.", [("RUS", "190", "UKR")]),
        # the complement carries the target of a threat
        ("North Korea threatened to attack South Korea.", [("PRK", "138", "KOR")]),
    ],
)
def test_sources_and_targets(
    coder: Coder, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _codes(coder, text) == expected


def test_a_nominal_event_with_one_actor_and_no_target_is_too_vague(coder: Coder) -> None:
    assert _codes(coder, "The Russian attack was condemned.") == []


def test_an_event_with_no_actor_named_gives_nothing(coder: Coder) -> None:
    assert _codes(coder, "Someone was criticized.") == []


def test_victims_of_an_attack_noun_are_hit_by_its_doer(coder: Coder) -> None:
    events = coder.code(
        "Eight villagers were killed in an air strike by Syrian government forces.",
        date="2025-03-10",
    )
    assert [(e.source.code, e.cameo.code[:2], e.source.rule) for e in events] == [
        ("SYRMIL", "19", "event-doer:agent")
    ]
    events = coder.code("Two soldiers were killed in a Taliban attack.", date="2025-03-10")
    assert [(e.source.code, e.source.rule) for e in events] == [("AFGREB", "event-doer:name")]


def test_an_attack_noun_without_a_doer_names_no_one(coder: Coder) -> None:
    assert coder.code("Two soldiers were killed in an ambush.", date="2025-03-10") == []
    assert coder.code("The attack killed three soldiers.", date="2025-03-10") == []


def test_an_attack_noun_as_subject_acts_by_its_doer_on_the_place_it_names(coder: Coder) -> None:
    events = coder.code("A Belarusian rocket attack on Lviv killed four people.", date="2025-03-10")
    assert [
        (e.source.code, e.source.rule, e.target.code if e.target else None) for e in events
    ] == [("BLR", "event-doer:adjective", "UKR")]
    assert events[0].target is not None and events[0].target.rule == "object-place"
    # without a place attacked, the victims are whom it was done to, where it happened
    events = coder.code("Iran's attack killed two guards in Erbil.", date="2025-03-10")
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [
        ("IRN", "IRQ")
    ]


def test_a_place_attacked_is_its_country(coder: Coder) -> None:
    events = coder.code("Russian forces shelled Kharkiv overnight.", date="2025-03-10")
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [
        ("RUSMIL", "UKR")
    ]
    assert events[0].target is not None and events[0].target.rule == "object-place"


@pytest.mark.parametrize(
    "text",
    [
        "Rebel fighters seized the city of Aleppo.",
        "Rebel fighters took control of Aleppo.",
        "Government forces shelled the outskirts of Aleppo.",
    ],
)
def test_a_place_named_in_the_object_s_of_phrase_is_its_country(coder: Coder, text: str) -> None:
    events = coder.code(text, date="2025-03-10")
    assert [(e.target.code, e.target.rule) for e in events if e.target] == [("SYR", "object-place")]


def test_a_person_killed_or_arrested_is_no_place(coder: Coder) -> None:
    killed = coder.code("Gunmen killed Zamora on Tuesday.", date="2025-03-10")
    assert [e.target for e in killed] == [None]
    arrested = coder.code("Guatemalan police arrested Zamora.", date="2025-03-10")
    assert all(e.target is None or e.target.rule != "object-place" for e in arrested)


def test_fighting_between_two_parties_is_done_by_each_to_the_other(coder: Coder) -> None:
    expected = [("ISR", "190", "LBNREB"), ("LBNREB", "190", "ISR")]
    # a gerund with no subject of its own
    assert _codes(coder, "Fighting between Israel and Hezbollah continued.") == expected
    # the parties hung on the verb of the event noun's happening
    assert _codes(coder, "Clashes erupted between Israel and Hezbollah.") == expected


def test_an_event_noun_that_may_yet_happen_between_parties_is_no_event(coder: Coder) -> None:
    assert _codes(coder, "A summit will take place between Serbia and Kosovo.") == []
    assert _codes(coder, "A summit took place between Serbia and Kosovo.") == [
        ("SRB", "040", "XKX"),
        ("XKX", "040", "SRB"),
    ]


def test_a_participle_with_a_direct_object_hung_on_a_root_noun_is_its_verb(
    coder: Coder,
) -> None:
    # the small model reads "killed" as a participle modifying "airstrikes"; its object
    # shows it finite, so the noun is its subject
    events = coder.code(
        "Israeli airstrikes killed at least 40 people across Gaza.", date="2025-03-10"
    )
    assert [(e.source.code, e.cameo.code[:2]) for e in events] == [("ISR", "19")]
    # a true participle (no object) stays a modifier: no event
    assert coder.code("The people killed in the strike were civilians.", date="2025-03-10") == []
