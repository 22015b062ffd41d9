"""Reciprocal events: the other side of a symmetric act, and the host of a visit."""

from __future__ import annotations

from dragoman import Coder
from dragoman.coding._reciprocal import RECIPROCAL_CODES
from dragoman.ontology import cameo


def _triples(coder: Coder, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (e.source.code, e.cameo.code, e.target.code if e.target else None)
        for e in coder.code(text, date="2025-06-01")
    ]


def test_a_meeting_is_an_event_of_both_sides(coder: Coder) -> None:
    found = _triples(coder, "Kazakhstan's president met the Finnish foreign minister in Astana.")
    assert ("KAZGOV", "040", "FINGOV") in found
    assert ("FINGOV", "040", "KAZGOV") in found
    (mirror,) = [
        e
        for e in coder.code("Kazakhstan's president met the Finnish foreign minister.")
        if e.source.code == "FINGOV"
    ]
    assert mirror.evidence.pattern.endswith("; reciprocal -> 040")
    assert mirror.evidence.verb.text == "met"


def test_a_visit_has_a_host(coder: Coder) -> None:
    found = _triples(coder, "The Finnish foreign minister visited Kazakhstan on Friday.")
    assert ("FINGOV", "042", "KAZ") in found
    assert ("KAZ", "043", "FINGOV") in found


def test_no_mirror_within_one_country_nor_for_directed_acts(coder: Coder) -> None:
    assert _triples(coder, "Kenya's president met Kenyan opposition leaders.") == [
        ("KENGOV", "040", "KENOPP")
    ]
    found = _triples(coder, "Russia criticized Ukraine on Monday.")
    assert found == [("RUS", "111", "UKR")]


def test_a_pair_already_coded_both_ways_is_not_doubled(coder: Coder) -> None:
    found = _triples(coder, "Russia and China held talks in Beijing.")
    assert len(found) == len(set(found))


def test_every_reciprocal_code_is_in_the_codebook() -> None:
    for code, mirrored in RECIPROCAL_CODES.items():
        assert cameo(code).root_code == cameo(mirrored).root_code
