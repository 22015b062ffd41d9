"""Placing agents of no named country in the country the story is about."""

from __future__ import annotations

from dragoman import Coder, JudgeOptions
from dragoman.coding._placement import place_in_story_country, story_country

# a story about Peru: most of its actors are Peru's
PERU_STORY = (
    "Peru's president met Chile's foreign minister in Lima on Monday. "
    "The Peruvian government praised Bolivia for its help. "
    "Peru's congress approved the budget on Tuesday. "
    "Peru's interior minister criticized the protesters. "
    "Opposition lawmakers rejected the budget. "
    "Police arrested dozens of protesters near the congress."
)
# two states in equal measure: no story country
TWO_STATES = (
    "Peru's president met Chile's president in Lima. "
    "Chile's foreign minister praised Peru's government. "
    "Peru criticized Chile over the border. Police arrested dozens of protesters."
)


def _events(coder: Coder, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (e.source.code, e.cameo.code, e.target.code if e.target else None)
        for e in coder.code(text, date="2025-03-10")
    ]


def test_unplaced_agents_take_the_story_country(coder: Coder) -> None:
    found = _events(coder, PERU_STORY)
    # "opposition lawmakers rejected the budget" that congress approved
    assert ("PEROPP", "120", "PERLEG") in found
    assert ("PERCOP", "173", "PEROPP") in found  # "police arrested protesters"
    rules = {e.source.rule for e in coder.code(PERU_STORY, date="2025-03-10")}
    assert "agent-only+story-country" in rules


def test_without_a_dominant_country_agents_stay_unplaced(coder: Coder) -> None:
    doc_events = coder.code(TWO_STATES, date="2025-03-10")
    assert story_country(doc_events) is None
    assert any(e.source.code.startswith("---") for e in doc_events)  # the police
    default = Coder(nlp=coder.nlp, judge=JudgeOptions())
    assert not any(e.source.code.startswith("---") for e in default.code(TWO_STATES))


def test_placing_twice_changes_nothing_more(coder: Coder) -> None:
    placed = coder.code(PERU_STORY, date="2025-03-10")
    assert place_in_story_country(placed) == placed
    assert place_in_story_country([]) == []
