"""CAMEO subcodes read from objects, complements and purposes: our own sentences -> codes.

Written by the Dragoman team (not from any gold set).
"""

from __future__ import annotations

import pytest

from dragoman import Coder
from dragoman.coding._subcodes import is_subcode

Row = tuple[str, str, str | None]

SUBCODES: list[tuple[str, list[Row]]] = [
    # the kind of aid given, offered, asked for, refused or cut (071-073)
    ("Britain promised military aid to Ukraine.", [("GBR", "0332", "UKR")]),
    ("Russia offered Serbia economic assistance.", [("RUS", "0331", "SRB")]),
    ("Japan halted military aid to Myanmar.", [("JPN", "1622", "MMR")]),
    ("Iraq asked Japan for the delivery of humanitarian aid.", [("IRQ", "0233", "JPN")]),
    ("Chile rejected calls by Peru for economic aid.", [("CHL", "1221", "PER")]),
    # the complement's object makes a named-complement pattern more specific
    ("Japan urged Germany to send peacekeeping troops to Mali.", [("JPN", "0234", "DEU")]),
    ("Peru agreed to lift the embargo on Chile.", [("PER", "0354", "CHL")]),
    ("Chile demanded that Peru end curbs on the press.", [("CHL", "1051", "PER")]),
    # the event noun agreed to, and the action a rejected proposal names
    ("Israel agreed to a ceasefire with Hamas.", [("ISR", "0356", "PSEREBHMS")]),
    ("Germany rejected a French proposal to hold talks.", [("DEU", "125", "FRA")]),
    # an attack with crude weapons is unconventional violence (180), not military (190)
    ("Chadian militiamen attacked a village with knives and machetes.", [("TCDUAF", "180", None)]),
    ("Chadian troops attacked a rebel base.", [("TCDMIL", "190", None)]),
    # an appeal to support a named party rallies support for it (053); a plan is policy
    ("Egypt called on Germany to back the Libyan government.", [("EGY", "053", "DEU")]),
    ("Egypt urged the European Union to support the peace plan.", [("EGY", "022", "IGOEUREEC")]),
    # appeals, promises and demands about political change
    ("The Belarusian opposition called for democratic reforms.", [("BLROPP", "0244", None)]),
    (
        "Kenyan lawmakers called for the resignation of the finance minister.",
        [("KENLEG", "0241", None)],
    ),
    ("The Egyptian president promised democratic reforms.", [("EGYGOV", "0344", "EGY")]),
    # protests with a named purpose; the demanding verb is not a second event
    (
        "Students staged protests in Dhaka to demand the resignation of the Bangladeshi "
        "prime minister.",
        [("BGDEDU", "1411", "BGDGOV")],
    ),
    (
        "Sudanese students staged a rally in Khartoum demanding more political freedom.",
        [("SDNEDU", "1413", "SDN")],
    ),
    (
        "Tunisian workers staged a strike demanding the resignation of the Tunisian prime "
        "minister.",
        [("TUNLAB", "1431", "TUN")],
    ),
    (
        "Thousands of Kenyans demonstrated against the new tax law in Nairobi.",
        [("KEN", "1412", "KEN")],
    ),
    # no purpose named: the protest keeps its code
    ("Egyptian protesters rioted in Cairo.", [("EGYOPP", "145", "EGY")]),
    # a named kind of the object, and the event an announcement names
    (
        "Kenyan students continued their hunger strike to demand the resignation of the "
        "Kenyan education minister.",
        [("KENEDU", "1421", "KENGOV")],
    ),
    ("Russia declared a unilateral cease-fire in Chechnya.", [("RUS", "0871", None)]),
    # explicit optimism and pessimism of the speaker
    (
        "The Peruvian government said it was optimistic that Chile would return to talks.",
        [("PERGOV", "013", "CHL")],
    ),
    (
        "Bolivian rebels said they were skeptical about the Bolivian government's offer.",
        [("BOLREB", "012", None)],
    ),
    # yielding to a demand is doing what it asks; refusing to is a refusal of that
    ("Chile accepted demands from Peru to release the fishermen.", [("CHL", "0841", "PER")]),
    (
        "Chile said it would not meet Peruvian demands to release the fishermen.",
        [("CHL", "1243", "PER")],
    ),
    ("Turkey will allow Syrian refugees to return home.", [("TUR", "0343", "SYRREF")]),
    # ending and lifting nouns are read as their verbs ("the lifting of sanctions" 085)
    ("Iraq called for the lifting of sanctions.", [("IRQ", "0254", None)]),
    (
        "Iraq appealed to the United Nations to put an end to the embargo.",
        [("IRQ", "0254", "IGOUNO")],
    ),
    # rights respected, trade pacts agreed on, people released
    ("The UN urged Myanmar to respect human rights.", [("IGOUNO", "0243", "MMR")]),
    (
        "Japan and Vietnam agreed on a new trade pact.",
        [("JPN", "0311", "VNM"), ("VNM", "0311", "JPN")],
    ),
    ("Chinese authorities released a Canadian reporter.", [("CHNGOV", "0841", "CANMED")]),
    # the head of the object decides over what it is of
    ("Uganda expelled inspectors of the United Nations.", [("UGA", "1662", "IGOUNO")]),
    # a bare threat of action is a bare threat
    ("Iran threatened further action against Israel.", [("IRN", "130", "ISR")]),
    # a generic killing takes the kind of attack it was done in
    (
        "Taliban militants killed three Afghan soldiers in a suicide bombing.",
        [("AFGREB", "1831", "AFGMIL")],
    ),
    (
        "Israeli forces killed two Palestinians in an air strike on Gaza.",
        [("ISRMIL", "195", "PSE")],
    ),
    (
        "Russian troops killed ten Ukrainian soldiers in fighting near Bakhmut.",
        [("RUSMIL", "190", "UKRMIL")],
    ),
    # what an accusation or an investigation is about (1121-1125, 091-094)
    ("Peru accused Chilean officials of embezzling public funds.", [("PER", "1121", "CHLGOV")]),
    (
        "The Kenyan government accused Uganda of violating human rights.",
        [("KENGOV", "1122", "UGA")],
    ),
    ("Iran accused Iraq of violating the ceasefire.", [("IRN", "1123", "IRQ")]),
    ("Serbia blamed Croatian forces for the massacre.", [("SRB", "1124", "HRVMIL")]),
    ("Russia accused two Estonian diplomats of spying.", [("RUS", "1125", "ESTGOV")]),
    (
        "A Turkish court investigated alleged war crimes by Syrian militias.",
        [("TURJUD", "094", "SYRUAF")],
    ),
    (
        "Kenyan police opened fraud investigations against ten Kenyan officials.",
        [("KENCOP", "091", "KENGOV")],
    ),
    # the kind of aid a program is of; attackers that name the kind of attack
    ("Japan suspended its military aid program for Myanmar.", [("JPN", "1622", "MMR")]),
    ("Japan suspended part of its food aid program.", [("JPN", "1623", None)]),
    ("Israeli jets killed ten Palestinians in Gaza.", [("ISR", "195", "PSE")]),
    ("Russian tanks killed five Ukrainian soldiers near Kharkiv.", [("RUSMIL", "194", "UKRMIL")]),
    # appeals, demands and intents to reach a settlement are 027, 107, 037
    (
        "Russia urged Armenia and Azerbaijan to reach an agreement on their border.",
        [("RUS", "027", "ARM"), ("RUS", "027", "AZE")],
    ),
    (
        "Germany said Serbia and Kosovo must reach a settlement.",
        [("DEU", "107", "SRB"), ("DEU", "107", "XKX")],
    ),
    # a demand in the that-clause of a message, and in what was concluded
    (
        "Chile issued a stern reminder to Peru that it must release the fishermen.",
        [("CHL", "1053", "PER")],
    ),
    (
        "The Chilean government concluded that Peru must pay compensation.",
        [("CHLGOV", "105", "PER")],
    ),
    # yielding a program, renouncing force, ending dissent, democratizing
    ("Britain demanded that Iran abandon its nuclear program.", [("GBR", "105", "IRN")]),
    (
        "The Kenyan government appealed for an end to the demonstrations.",
        [("KENGOV", "0252", None)],
    ),
    ("The Egyptian president promised to democratize Egypt.", [("EGYGOV", "0344", "EGY")]),
    # a named-complement pattern gives way to a sibling code of the complement's action
    ("Iran threatened to stop negotiations with the United States.", [("IRN", "134", "USA")]),
    ("Serbia threatened to ban the referendum in Kosovo.", [("SRB", "1321", "XKX")]),
    # a rejected peace plan (127); rejected calls for reforms (123)
    ("Kenyan rebels rejected the Ugandan peace plan.", [("KENREB", "127", "UGA")]),
    ("Chile rejected calls by Peru to adopt reforms.", [("CHL", "123", "PER")]),
    # a bare complement verb does not refine a named-complement pattern
    (
        "Hungarian and Romanian officials agreed to cooperate.",
        [("HUNGOV", "030", "ROUGOV"), ("ROUGOV", "030", "HUNGOV")],
    ),
]


def coded(coder: Coder, sentence: str) -> list[Row]:
    return [
        (e.source.code, e.cameo.code, e.target.code if e.target else None)
        for e in coder.code(sentence, date="2025-06-01")
    ]


@pytest.mark.parametrize(("sentence", "expected"), SUBCODES, ids=[s[:40] for s, _ in SUBCODES])
def test_subcodes(coder: Coder, sentence: str, expected: list[Row]) -> None:
    assert coded(coder, sentence) == expected


@pytest.mark.parametrize(
    ("sub", "code", "expected"),
    [
        ("072", "070", True),
        ("0354", "035", True),
        ("070", "070", False),
        ("1384", "138", True),
        ("1051", "1056", False),
        ("0231", "070", False),
    ],
)
def test_is_subcode(sub: str, code: str, expected: bool) -> None:
    assert is_subcode(sub, code) is expected
