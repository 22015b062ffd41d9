"""Targets from earlier in the story (coding/_antecedents.py)."""

from __future__ import annotations

import pytest

from dragoman import Coder


def _rows(coder: Coder, text: str) -> list[tuple[str, str, str | None, str]]:
    return [
        (
            e.source.code,
            e.cameo.code,
            e.target.code if e.target else None,
            e.target.rule if e.target else "",
        )
        for e in coder.code(text, date="2025-03-10")
    ]


def test_condemning_the_attack_targets_the_attacker(coder: Coder) -> None:
    text = (
        "Separatist militants of the Baloch Liberation Army attacked a train in Pakistan on "
        "Monday. The chief minister of Sindh, speaking on Tuesday, condemned the attack."
    )
    rows = [r for r in _rows(coder, text) if r[1].startswith("11")]
    assert rows and rows[0][2] == "PAKREB"
    assert rows[0][3].startswith("antecedent:attack:")


def test_an_end_to_the_fighting_is_asked_of_both_sides(coder: Coder) -> None:
    text = (
        "Rebels of the M23 fought Congolese soldiers near Goma last week. "
        "The U.N. Security Council demanded an end to the fighting."
    )
    targets = {r[2] for r in _rows(coder, text) if r[1].startswith("10")}
    assert {t[:6] if t else t for t in targets} == {"CODREB", "CODMIL"}


def test_denying_the_allegations_answers_the_accuser(coder: Coder) -> None:
    text = (
        "The United States accused China of hacking government computers on Monday. "
        "Beijing denied the allegations."
    )
    rows = [r for r in _rows(coder, text) if r[0] == "CHNGOV"]
    assert [(r[1], r[2]) for r in rows] == [("016", "USA")]
    assert rows[0][3].startswith("antecedent:accusation:")


def test_an_indefinite_noun_points_back_at_nothing(coder: Coder) -> None:
    text = (
        "Rebels attacked an army post in northern Mali on Monday. "
        "The African Union condemned attacks on civilians in general."
    )
    rows = [r for r in _rows(coder, text) if r[1].startswith("11")]
    assert all(r[2] is None or not r[3].startswith("antecedent") for r in rows)


def test_an_allegation_against_someone_else_is_not_answered(coder: Coder) -> None:
    # the accusation was against Russia, so China's denial has no antecedent
    text = (
        "The United States accused Russia of hacking government computers on Monday. "
        "Beijing denied the allegations."
    )
    rows = [r for r in _rows(coder, text) if r[0] == "CHNGOV"]
    assert [(r[1], r[2]) for r in rows] == [("016", None)]


def test_the_earlier_maker_of_the_thing_rejected_is_the_target(coder: Coder) -> None:
    text = (
        "Washington imposed sanctions on Venezuelan oil exports on Monday. "
        "Caracas rejected the sanctions."
    )
    rows = [r for r in _rows(coder, text) if r[0] == "VENGOV"]
    assert rows and rows[0][2] == "USAGOV"
    assert rows[0][3].startswith("antecedent:act:")


def test_a_threat_is_aimed_at_the_subject_of_its_condition(coder: Coder) -> None:
    text = "Iran vowed to retaliate if Israel attacks its nuclear sites."
    rows = [r for r in _rows(coder, text) if r[1].startswith("13")]
    assert [(r[0], r[2]) for r in rows] == [("IRN", "ISR")]
    assert rows[0][3].startswith("condition:")


def test_a_condition_naming_no_one_gives_no_target(coder: Coder) -> None:
    text = "Iran vowed to retaliate if the talks fail."
    assert all(r[2] is None for r in _rows(coder, text) if r[1].startswith("13"))


def test_an_adjunct_of_speaking_names_the_audience(coder: Coder) -> None:
    text = (
        "Speaking to senior NATO commanders in Paris on Tuesday, the Dutch defense minister "
        "stressed the urgency of boosting Europe's defense."
    )
    rows = [r for r in _rows(coder, text) if r[0] == "NLDGOV"]
    assert rows and rows[0][2] == "IGOWSTNAT"
    assert rows[0][3].startswith("audience:")


@pytest.mark.parametrize(
    "text",
    [
        # the parse hangs "Speaking" on the participle that describes the audience
        "Speaking to NATO commanders gathered in Brussels on Monday, the Dutch defense "
        "minister stressed the urgency of rearming.",
        "Speaking to the top NATO military brass gathered in Brussels on Monday, the Dutch "
        "defense minister stressed the urgency of rearming.",
    ],
)
def test_the_audience_is_read_through_a_participle_of_it(coder: Coder, text: str) -> None:
    rows = [r for r in _rows(coder, text) if r[0] == "NLDGOV"]
    assert rows and rows[0][2] == "IGOWSTNAT"
    assert rows[0][3].startswith("audience:")


def test_a_clause_of_its_own_hides_no_audience(coder: Coder) -> None:
    """A "speaking to" inside a clause with an auxiliary is that clause's, not the act's."""
    text = (
        "After the president, speaking to NATO commanders, had left, the Dutch defense "
        "minister stressed the urgency of rearming."
    )
    assert not any(r[3].startswith("audience:") for r in _rows(coder, text) if r[0] == "NLDGOV")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one other party the clause names is whom the act is aimed at
        ("The U.N. envoy called for an end to the violence in Syria.", [("IGOUNO", "SYR")]),
        # two other parties named apart: whom it is aimed at is not known
        (
            "The U.N. envoy called for calm in Syria after the clashes with Lebanon.",
            [("IGOUNO", None)],
        ),
        # coordinated parties: one event each
        (
            "The U.N. envoy called for an end to the fighting in Sudan and South Sudan.",
            [("IGOUNO", "SDN"), ("IGOUNO", "SSD")],
        ),
        # a co-subject is no target
        ("China and India pledged to cooperate on climate.", [("CHN", "IND"), ("IND", "CHN")]),
        # the subject of a clause of time does its own act: the call is not aimed at it
        (
            "The Ukrainian government called for more air defense after Russia struck Kyiv.",
            [("UKRGOV", None), ("RUS", "UKRGOV")],
        ),
    ],
)
def test_the_clause_party_is_the_target(
    coder: Coder, text: str, expected: list[tuple[str, str | None]]
) -> None:
    events = coder.code(text, date="2025-03-10")
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == expected


def test_both_sides_are_the_latest_pair(coder: Coder) -> None:
    text = "Armenia and Azerbaijan clashed on the border. The EU urged both countries to stop."
    urged = [e for e in coder.code(text, date="2025-03-10") if e.cameo.code.startswith("02")]
    assert sorted(e.target.code for e in urged if e.target) == ["ARM", "AZE"]
    assert all(e.target and e.target.rule.startswith("antecedent:pair:") for e in urged)
    # no pair before: no target
    alone = coder.code("The EU urged both countries to stop.", date="2025-03-10")
    assert all(e.target is None for e in alone)


def test_both_sides_as_subject_are_the_two_parties_of_the_latest_two_sided_event(
    coder: Coder,
) -> None:
    text = "Israel attacked Hamas positions in Gaza. The two sides later agreed to a truce."
    rows = [
        (e.source.code, e.cameo.code[:2], e.target.code if e.target else None, e.source.rule)
        for e in coder.code(text, date="2025-03-10")
        if e.cameo.code.startswith("03")
    ]
    assert sorted(rows) == [
        ("ISR", "03", "PSEREBHMS", "antecedent:pair:name"),
        ("PSEREBHMS", "03", "ISR", "antecedent:pair:organization+plural"),
    ]


def test_both_sides_with_no_two_sided_event_before_name_no_one(coder: Coder) -> None:
    assert coder.code("Both sides agreed to a truce.", date="2025-03-10") == []


def test_a_definite_noun_answers_whose_thing_its_earlier_mention_names(coder: Coder) -> None:
    text = (
        "A resolution in the European Parliament called for an inquiry into the vote. "
        "The Georgian government rejected the resolution on Wednesday."
    )
    rows = [r for r in _rows(coder, text) if r[0] == "GEOGOV"]
    assert [(r[1][:2], r[2]) for r in rows] == [("12", "IGOEUREECPAR")]
    assert rows[0][3].startswith("antecedent:mention:")
    text = "Egypt's plan for the Nile dam was presented on Monday. Ethiopia criticized the plan."
    rows = [r for r in _rows(coder, text) if r[0] == "ETH"]
    assert [(r[1], r[2]) for r in rows] == [("111", "EGY")]


@pytest.mark.parametrize(
    "text",
    [
        # the latest mention names no owner: it is what the noun refers to
        "Egypt's plan for the dam was presented on Monday. A second plan was drafted later. "
        "Ethiopia criticized the plan.",
        # an indefinite noun points back at nothing
        "Egypt's plan for the dam was presented on Monday. Ethiopia criticized a plan.",
        # the owner is the source itself
        "Ethiopia's plan for the dam was presented on Monday. Ethiopia criticized the plan.",
        # a name as a modifier may be a venue, not an owner
        "The Nairobi agreement on the dam was signed on Monday. Ethiopia rejected the agreement.",
    ],
)
def test_no_owner_is_read_from_other_mentions(coder: Coder, text: str) -> None:
    rows = [r for r in _rows(coder, text) if r[0] == "ETH"]
    assert rows and all(r[2] is None for r in rows)
