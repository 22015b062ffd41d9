"""PLOVER types of coded events: sentences written by the Dragoman team (not from any gold
set), one per PLOVER reading that CAMEO's code alone does not give, or per event family
whose vocabulary the dictionary must know.

Each row: a sentence and the (source, CAMEO code, PLOVER type) of its events.
"""

from __future__ import annotations

import pytest

from dragoman import Coder

Row = tuple[str, str, str | None]

CASES: list[tuple[str, list[Row]]] = [
    # the entry's PLOVER type: resignations are RETREAT (CAMEO 0831 is CONCEDE)
    ("The Peruvian prime minister resigned on Friday.", [("PERGOV", "0831", "RETREAT")]),
    ("The Chilean interior minister stepped down.", [("CHLGOV", "0831", "RETREAT")]),
    # PLOVER ACCUSE 'allege' takes judicial charges too (CAMEO keeps 173)
    ("A Kenyan court indicted the former Ugandan defence minister.", [("KENJUD", "173", "ACCUSE")]),
    # without one, the crosswalk's: an apology is SUPPORT (055)
    ("The Japanese government apologized to South Korea.", [("JPNGOV", "055", "SUPPORT")]),
    # crosswalk corrected to the PLOVER 2.0 manual
    ("Bolivia lifted the curfew in La Paz.", [("BOL", "0813", "CONCEDE")]),
    ("Canada imposed sanctions on Belarus.", [("CAN", "163", "SANCTION")]),
    ("Rebels burned down the Chadian governor's office.", [("TCDREB", "1712", "COERCE")]),
    ("Ecuador appealed to Peru for humanitarian aid.", [("ECU", "0233", "REQUEST")]),
    # a future concession or cooperation held back "unless" the other side acts: a threat
    (
        "Nigeria will withdraw its troops from Mali unless the junta holds elections.",
        [("NGA", "130", "THREATEN")],
    ),
    ("Kenya will send aid to Somalia if the fighting stops.", [("KEN", "033", "AGREE")]),
    # vocabulary of thin families
    (
        "The Chilean government bowed to demands from striking miners.",
        [("CHLGOV", "080", "CONCEDE")],
    ),
    ("Kenya eased security measures in Mombasa.", [("KEN", "081", "CONCEDE")]),
    (
        "The Ethiopian government shortened the curfew in Addis Ababa.",
        [("ETHGOV", "0813", "CONCEDE")],
    ),
    ("Zambian miners stopped work on Monday.", [("ZMBLAB", "143", "PROTEST")]),
    ("Polish activists collected signatures against the new law.", [("POLOPP", "140", "PROTEST")]),
    ("Uganda has strengthened its forces along the border.", [("UGA", "154", "MOBILIZE")]),
    ("The Kenyan government ordered police patrols in Nairobi.", [("KENGOV", "153", "MOBILIZE")]),
    (
        "The United Nations reduced food rations to refugees in Chad.",
        [("IGOUNO", "1623", "SANCTION")],
    ),
    ("Norwegian doctors handed over medicine to Yemeni refugees.", [("NORHLH", "073", "AID")]),
    (
        "The Brazilian president gave a warm welcome to the Chilean leader.",
        [("BRAGOV", "043", "CONSULT"), ("CHLGOV", "042", "CONSULT")],
    ),
    (
        "Ghana launched a mediation effort between Mali and Niger.",
        [("GHA", "045", "CONSULT"), ("GHA", "045", "CONSULT")],
    ),
    (
        "Egyptian officers ended mediation efforts between Libyan militias.",
        [("EGY", "165", "SANCTION")],
    ),
    ("Spain announced a suspension of flights with Morocco.", [("ESP", "160", "SANCTION")]),
    ("India has been sharing nuclear expertise with Vietnam.", [("IND", "060", "COOPERATE")]),
    # readying an attack is a military move short of force (150), a future one a threat
    (
        "The Ethiopian army was preparing to resume its bombardment of rebel towns.",
        [("ETHMIL", "150", "MOBILIZE")],
    ),
    ("Ethiopian troops prepared to attack the rebel-held town.", [("ETHMIL", "150", "MOBILIZE")]),
    ("The Ethiopian army will attack the rebel-held town.", [("ETHMIL", "1384", "THREATEN")]),
    # an arrest that names its charge also accuses (PLOVER ACCUSE 'allege'); a sentence
    # is a conviction, with no allegation left
    (
        "Iran detained two British nationals for spying.",
        [("IRN", "173", "COERCE"), ("IRN", "1125", "ACCUSE")],
    ),
    (
        "Egyptian police arrested an Israeli tourist on charges of espionage.",
        [("EGYCOP", "173", "COERCE"), ("EGYCOP", "1125", "ACCUSE")],
    ),
    ("Kenyan police arrested 20 opposition supporters on Monday.", [("KENCOP", "173", "COERCE")]),
    (
        "A Kenyan court sentenced the former Kenyan minister to six years in prison on "
        "corruption charges.",
        [("KENJUD", "173", "COERCE")],
    ),
    # "protested that ..." is a verbal complaint; "protested against" stays a protest
    ("Uganda protested that the Kenyan elections were unfair.", [("UGA", "111", "ACCUSE")]),
    ("Kenyan students protested against the new fees.", [("KENEDU", "140", "PROTEST")]),
    # "is opposed to" reads as "opposes": opposing mediation rejects it (126)
    (
        "Canada is opposed to Norwegian mediation in the dispute with Denmark.",
        [("CAN", "126", "REJECT")],
    ),
    # "for X to do Y" is what an appeal asks of X; Y is not done
    ("Ghana called for Togo to withdraw its troops from the border.", [("GHA", "0256", "REQUEST")]),
    (
        "The Dutch government pushed hard for Belgium to lift its sanctions on Mali.",
        [("NLDGOV", "0254", "REQUEST")],
    ),
]


def coded(coder: Coder, sentence: str) -> list[Row]:
    return [(e.source.code, e.cameo.code, e.plover.type) for e in coder.code(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_plover_types(coder: Coder, sentence: str, expected: list[Row]) -> None:
    assert coded(coder, sentence) == expected
