"""Records of one match (``coding/_records.py``): place, pairs, Event values, charges."""

from __future__ import annotations

import pytest

from dragoman import Coder
from dragoman.coding._records import describe
from dragoman.errors import OntologyError


def _coded(coder: Coder, text: str) -> list[tuple[str, str, str | None, str]]:
    return [
        (e.source.code, e.cameo.code, e.target.code if e.target else None, e.source.rule)
        for e in coder.code(text, date="2025-03-10")
    ]


def test_force_by_no_one_named_is_used_by_the_place_s_country(coder: Coder) -> None:
    assert _coded(coder, "Two soldiers were killed in Kirkuk.") == [
        ("IRQ", "190", "IRQMIL", "location:unattributed")
    ]


def test_an_agentless_legal_act_is_done_by_the_target_s_authorities(coder: Coder) -> None:
    assert _coded(coder, "The former Haitian minister was sentenced to six years.") == [
        ("HTIJUD", "173", "HTIGOV", "agentless-legal+target-country")
    ]
    assert _coded(coder, "A Kenyan opposition leader was convicted on three charges.") == [
        ("KENJUD", "116", "KENOPP", "agentless-legal+target-country")
    ]


def test_an_agentless_legal_act_with_a_place_is_the_place_s(coder: Coder) -> None:
    assert [row[:3] for row in _coded(coder, "Two students were arrested in Cairo.")] == [
        ("EGY", "173", "EGYEDU")
    ]


def test_an_agentless_act_of_no_known_country_or_of_force_is_left_out(
    coder: Coder, default_coder: Coder
) -> None:
    assert _coded(coder, "Two men were arrested.") == [
        ("---COP", "173", "---CVL", "agentless-legal")
    ]
    assert _coded(default_coder, "Two men were arrested.") == []  # no known source
    assert _coded(coder, "A Haitian journalist was killed.") == []  # force: no authorities
    # the active voice names its doer: no unnamed authorities
    assert [row[0] for row in _coded(coder, "Haitian police arrested the former minister.")] == [
        "HTICOP"
    ]


def test_an_agentless_arrest_of_no_one_named_is_no_event(coder: Coder) -> None:
    # "he" names no one the text knows: an arrest in a place with no one arrested
    assert _coded(coder, "He was arrested in July in his car in Brooklyn.") == []


def test_co_subjects_reducing_relations_do_it_to_each_other(coder: Coder) -> None:
    assert [row[:3] for row in _coded(coder, "Turkey and Egypt withdrew their ambassadors.")] == [
        ("TUR", "161", "EGY"),
        ("EGY", "161", "TUR"),
    ]
    # a named target stays the target of each
    assert [row[:3] for row in _coded(coder, "Germany and France cut aid to Mali.")] == [
        ("DEU", "162", "MLI"),
        ("FRA", "162", "MLI"),
    ]


def test_co_subjects_meeting_in_a_city_meet_each_other_not_the_city(coder: Coder) -> None:
    assert [row[:3] for row in _coded(coder, "Erdogan and Aliyev held talks in Ankara.")] == [
        ("TURGOV", "046", "AZEGOV"),
        ("AZEGOV", "046", "TURGOV"),
    ]


def test_co_subjects_of_a_meeting_meet_each_other(coder: Coder) -> None:
    assert _coded(coder, "Germany and France met.") == [
        ("DEU", "040", "FRA", "name"),
        ("FRA", "040", "DEU", "name"),
    ]


def test_a_protest_with_no_target_is_aimed_at_the_source_s_country(coder: Coder) -> None:
    events = coder.code("Egyptian demonstrators rioted.", date="2025-03-10")
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [
        ("EGYOPP", "EGY")
    ]
    assert events[0].target is not None
    assert events[0].target.rule == "domestic:source-country"


def test_an_arrest_for_a_charge_is_also_the_accusation(coder: Coder) -> None:
    events = coder.code("Iran detained two Britons for spying.", date="2025-03-10")
    assert [e.cameo.code for e in events] == ["173", "1125"]
    assert events[1].evidence.pattern.endswith("-> 1125")
    assert events[0].event_id != events[1].event_id


def test_describe_reads_the_ontology() -> None:
    cameo_ref, root, quad, goldstein, plover = describe("173")
    assert (cameo_ref.code, root, quad, goldstein) == ("173", "17", 4, -5.0)
    assert plover.type == "COERCE"


def test_describe_rejects_an_unknown_code() -> None:
    with pytest.raises(OntologyError, match="9999"):
        describe("9999")


@pytest.mark.parametrize(
    "text",
    [
        "Spain criticized North African governments over migration.",
        "Peru criticized other governments over migration.",
    ],
)
def test_agents_of_another_or_no_state_do_not_take_the_other_party_s_country(
    coder: Coder, text: str
) -> None:
    assert [t for _, _, t, _ in _coded(coder, text)] == ["---GOV"]


def test_a_counterpart_is_an_official_of_another_state(coder: Coder) -> None:
    coded = _coded(coder, "The Kenyan foreign minister met his Somali counterpart.")
    assert {(s, t) for s, _, t, _ in coded} == {("KENGOV", "SOMGOV"), ("SOMGOV", "KENGOV")}
    # one of no named country does not take the counterpart's country
    coded = _coded(coder, "The army chief met his Somali counterpart.")
    assert ("---MIL", "040", "SOMGOV") in {(s, c, t) for s, c, t, _ in coded}
