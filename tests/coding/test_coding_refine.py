"""The refinements are ordered tables of named rules; which may override is explicit."""

from __future__ import annotations

import pytest

from dragoman import Coder
from dragoman.coding._refine import ACTION_RULES, ALWAYS, GOVERNED_RULES, STEPS, UNDECIDED


def test_tables_have_unique_names_and_a_stated_precedence() -> None:
    for table in (ACTION_RULES, GOVERNED_RULES):
        names = [name for name, _when, _rule in table]
        assert len(names) == len(set(names))
        assert all(when in (UNDECIDED, ALWAYS) for _name, when, _rule in table)
    assert [name for name, _step in STEPS] == ["own-action", "yield", "modality", "governing"]


def _coded(coder: Coder, text: str) -> list[tuple[str, str, str]]:
    return [
        (e.evidence.verb.text, e.cameo.code, e.evidence.pattern)
        for e in coder.code(text, date="2024-05-01")
    ]


def test_the_steps_run_in_order_and_each_records_its_note(coder: Coder) -> None:
    """own-action (the object: food aid 073), then modality (an announced aid: 0333)."""
    [(verb, code, pattern)] = _coded(coder, "Japan will send food aid to Kenya.")
    assert (verb, code) == ("send", "0333")
    assert pattern.endswith("future 073 -> 0333")


def test_undecided_only_rules_leave_a_decided_code(coder: Coder) -> None:
    """A statement decided by its obligation complement (a demand, 1056) is not then read
    as a statement about a need or an outlook; a frame with no complement action is refined
    by the event noun it asks for (frame-noun)."""
    [(_, code, pattern)] = _coded(coder, "The minister said Peru must withdraw its troops.")
    assert code == "1056" and "obligation in complement (withdraw)" in pattern
    [(_, code, pattern)] = _coded(coder, "Brazil called for the withdrawal of Venezuelan troops.")
    assert code == "0256" and "appeal about 087 (withdrawal)" in pattern


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what was said charges its subject with wrongdoing: an accusation of that subject
        (
            "The United Nations says the Sudanese army committed grave human rights abuses.",
            [("IGOUNO", "1122", "SDNMIL")],
        ),
        (
            "Pakistan's military spokesman claimed the Afghan government was behind the plot.",
            [("PAKMIL", "112", "AFGGOV")],
        ),
        # ... or with a deed done to bring harm about
        (
            "Ukrainian prosecutors said Russian agents hired a gunman to kill the mayor.",
            [("UKRJUD", "112", "RUS")],
        ),
    ],
)
def test_a_statement_charging_wrongdoing_is_an_accusation(
    coder: Coder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    rows = [
        (e.source.code, e.cameo.code, e.target.code if e.target else "")
        for e in coder.code(text, date="2025-03-10")
        if e.cameo.code.startswith("11")
    ]
    assert rows == expected


@pytest.mark.parametrize(
    "text",
    [
        # a reported attack is the attack, not an accusation by the reporter
        "Officials said Somali rebels attacked a convoy near Mogadishu.",
        # hiring is no wrongdoing
        "The Kenyan ministry said the company hired 200 workers.",
        # a participle says what followed the deed, not what it was done for
        "Aid officials said Somali rebels shelled the town, killing 20 people.",
    ],
)
def test_a_statement_of_other_deeds_is_no_accusation(coder: Coder, text: str) -> None:
    assert not [e for e in coder.code(text, date="2025-03-10") if e.cameo.code.startswith("11")]


def test_the_harm_a_deed_is_done_for_is_no_deed(coder: Coder) -> None:
    text = "Ukrainian prosecutors said Russian agents hired a gunman to kill the mayor."
    assert [e.cameo.code for e in coder.code(text, date="2025-03-10")] == ["112"]


def test_not_supporting_is_opposing(coder: Coder) -> None:
    text = "Kenyan lawmakers do not support the government's plan to close the camps."
    events = coder.code(text, date="2025-03-10")
    assert [(e.source.code, e.cameo.code, e.negated) for e in events] == [("KENLEG", "110", False)]
    supported = coder.code("Kenyan lawmakers supported the plan.", date="2025-03-10")
    assert [e.cameo.code for e in supported] == ["051"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Turkey suggested that Macron needed treatment.", "010"),  # a claim
        ("Turkey suggested that Greece could not afford the plan.", "010"),
        ("Turkey suggested that the two sides should meet in Ankara.", "026"),  # a proposal
        ("Turkey suggested talks with Greece.", "026"),
    ],
)
def test_a_suggestion_of_a_fact_is_a_statement(coder: Coder, text: str, code: str) -> None:
    assert [e.cameo.code for e in coder.code(text, date="2025-03-10")][:1] == [code]
