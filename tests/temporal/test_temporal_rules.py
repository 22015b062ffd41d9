"""The date scanner: searching only around anchor words finds what a full pass finds."""

from __future__ import annotations

import pytest

from dragoman.temporal._rules import _RULE_ANCHORS, RULES, SCANNER, scan

# One text per rule family, written for this test, plus words that look like anchors.
TEXTS = [
    "The ministers met on 2024-03-05 in the capital, and again on Tuesday, March 12, 2024.",
    "Talks resumed on the 3rd of May after the accord of mid-April 2019 collapsed.",
    "The embassy reopened in early June last year, and in March this year it closed.",
    "Fighting that began between 2014 and 2016 recalled the 1990s; in 2010 a summit was held.",
    "Last Friday morning the envoy left; yesterday the rebels struck, and late last night too.",
    "About three weeks ago the army withdrew; two days later, the previous week's truce failed.",
    "The day before, the council met; earlier this month and later in the year it will meet.",
    "Next month the mayor may visit, the marine corps said; Monday's talks, a decade on.",
    "Sept. 11 and Dec. 7 are remembered; 5 days, 40years, 12,000 troops, Year-end, weekends.",
    "",
    "No date here at all, only words like someday, mayday and yesteryear.",
]


def test_every_rule_names_its_anchor_words() -> None:
    assert {rule.name for rule in RULES} == set(_RULE_ANCHORS)
    assert all(_RULE_ANCHORS.values())


@pytest.mark.parametrize("text", TEXTS)
def test_scan_around_anchors_equals_a_full_pass(text: str) -> None:
    full = [(m.span(), m.lastgroup) for m in SCANNER.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in scan(text)] == full


def test_scan_window_limits_the_search() -> None:
    text = TEXTS[0]
    start = text.index("again")
    found = [m.group() for m in scan(text, start)]
    assert found and all(text.index(word) >= start for word in found)
    assert [m.group() for m in scan(text, 0, start)] == ["on 2024-03-05"]
