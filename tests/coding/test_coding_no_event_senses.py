"""Verb senses that are no event: a verb whose event sense depends on its object or
complement ("sought aid" is an appeal, "sought to strengthen ties" is not; "released
prisoners" is 0841, "released a plan" is not) -> ``code: "none"`` entries; and event nouns
whose sense depends on what they are "of" ("recognition of Palestine", not "of X's
contributions").

Sentences written by the Dragoman team (not from any corpus or gold set).
"""

from __future__ import annotations

import pytest

from dragoman import Coder

Row = tuple[str, str, str | None]

SENSES: list[tuple[str, list[Row]]] = [
    # help: someone helped, or helped to do something, is aid; a bare "it helps" is not
    ("Norway helped Haiti with medical supplies.", [("NOR", "070", "HTI")]),
    (
        "It helps if the Chilean navy stays in the area, the minister said.",
        [("---GOV", "010", "CHL")],
    ),  # only the statement (about the one party its clause names)
    # what a demand or request asks for has not happened: no release, no withdrawal
    ("Chile rejected Peru's request that it withdraw its navy.", [("CHL", "120", "PER")]),
    (
        "The opposition renewed its call for the army to free political prisoners.",
        [("---OPP", "020", "---MIL")],
    ),
    # seek: an appeal with an object, trying with a to-complement
    ("Brazil sought aid from Japan.", [("BRA", "023", "JPN")]),
    ("Germany is seeking to strengthen its influence in Asia.", []),
    # release: persons and property are 084, documents and products are not
    ("Kenya released three Ugandan journalists.", [("KEN", "0841", "UGAMED")]),
    ("The Russian government released a new economic plan.", []),
    ("The Chinese ministry released new statistics on Monday.", []),
    # receive: hosting a visitor is 043, receiving a thing is not
    (
        "The Indian president received the French ambassador.",
        [("INDGOV", "043", "FRAGOV"), ("FRAGOV", "042", "INDGOV")],
    ),
    ("The Indian president received an award in Paris.", []),
    ("Moldova received fighter jets and drones from Romania.", []),  # no visit
    # head: heading for a place is travel, heading an office "for" a place is leading it
    ("The Chilean envoy heads the UN office for Haiti.", []),
    # amass: troops are a military posture (154), followers are not
    ("Russia amassed troops near the Ukrainian border.", [("RUS", "154", "UKR")]),
    ("The Chinese blogger amassed millions of followers.", []),
    # occupy: territory is 192, a position or role is not
    ("Turkey occupies a unique position in NATO.", []),
    # receiving money is no visit
    ("The UN refugee agency received $94 million in 2020.", []),
    # decline to/by a figure is a number falling, not a rejection
    ("The number of refugees declined to 230,000.", []),
    ("Kenya declined to attend the hearing.", [("KEN", "125", None)]),
    # battling fires or diseases is not force; battling fighters is
    ("Australian firefighters battled blazes in Canada.", []),
    ("Kenyan troops battled al-Shabab fighters near the border.", [("KENMIL", "190", "SOMREB")]),
    # charging a price is no arrest
    ("Ontario is charging 25% more for electricity.", []),
    # recognition (054) is of a state or government, not of "X's contributions"
    ("France's recognition of Palestine angered Israel.", [("FRA", "054", "PSE")]),
    (
        "Germany's recognition of the new Libyan government angered Egypt.",
        [("DEU", "054", "LBYGOV")],
    ),
    ("The award signals the OSCE's recognition of Kazakhstan's contributions.", []),
]


def coded(coder: Coder, sentence: str) -> list[Row]:
    return [
        (e.source.code, e.cameo.code, e.target.code if e.target else None)
        for e in coder.code(sentence, date="2025-06-01")
    ]


@pytest.mark.parametrize(("sentence", "expected"), SENSES, ids=[r[0][:40] for r in SENSES])
def test_no_event_sense(coder: Coder, sentence: str, expected: list[Row]) -> None:
    assert coded(coder, sentence) == expected
