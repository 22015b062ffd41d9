"""Verb and noun dictionary gaps: sentence -> expected (source, CAMEO code, target).

Sentences written by the Dragoman team from the CAMEO codebook's definitions (not from any
gold set).
"""

from __future__ import annotations

import pytest

from dragoman import Coder

Row = tuple[str, str, str | None]

GAPS: list[tuple[str, list[Row]]] = [
    # a compound object also matches as one word: "war games" is "wargame" (062), not a
    # "war" launched (190)
    (
        "Indian and Japanese navies held war games in the Bay of Bengal.",
        [("INDMIL", "062", "JPNMIL"), ("JPNMIL", "062", "INDMIL")],
    ),
    (
        "Russian and Chinese troops launched joint war games near the border.",
        [("RUSMIL", "062", "CHNMIL"), ("CHNMIL", "062", "RUSMIL")],
    ),
    (
        "Chilean and Peruvian navies started five days of war games off the coast.",
        [("CHLMIL", "062", "PERMIL"), ("PERMIL", "062", "CHLMIL")],
    ),  # inside an of-phrase
    # 080: compensation given instead of returning what was taken (codebook 0842 note)
    ("Japan paid compensation to South Korean victims.", [("JPN", "080", "KOR")]),
    ("Germany paid reparations to Israel.", [("DEU", "080", "ISR")]),
    ("Germany compensated Namibian families.", [("DEU", "080", "NAM")]),
    # an intent to pay compensation is an intent to yield
    ("Iraq agreed to pay compensation to Kuwait.", [("IRQ", "035", "KWT")]),
    # 0861: hosting peacekeepers is receiving them
    ("Kenya hosted Ugandan peacekeepers.", [("KEN", "0861", "UGA")]),
    ("Kenya hosted a Ugandan peacekeeping force.", [("KEN", "0861", "UGAMIL")]),
    # 196: ceasefire violations
    ("Militants flouted the truce with Israel.", [("---REB", "196", "ISR")]),
    # 170: authorities preventing or blocking a demonstration; a blocked road stays 144
    (
        "Police prevented a demonstration by opposition supporters in Minsk.",
        [("BLRCOP", "170", "BLR")],
    ),
    ("Belarusian police blocked a protest march in Minsk.", [("BLRCOP", "170", "BLR")]),
    (
        "Security forces thwarted a protest by Kurdish activists in Istanbul.",
        [("TURCOP", "170", "TUROPP")],
    ),
    ("Protesters blocked the road to Parliament.", [("---OPP", "144", "---LEG")]),
    # 171: hacking (no cyber code in the codebook; PLOVER COERCE)
    ("Russian hackers hacked the Estonian parliament's website.", [("RUS", "171", "ESTLEG")]),
    ("Chinese hackers hacked into the Indian power grid.", [("CHN", "171", "IND")]),
    # nouns: a murder is a killing (190)
    (
        "The murder of a Mexican journalist by police angered Reporters Without Borders.",
        [("---COP", "190", "MEXMED")],
    ),
    ("Russia's killing of Ukrainian civilians angered Poland.", [("RUS", "190", "UKRCVL")]),
    (
        "The killing of two Afghan soldiers by Taliban fighters angered Kabul.",
        [("AFGREB", "190", "AFGMIL")],
    ),
    ("Sudan's mass killing of Masalit villagers shocked Chad.", [("SDN", "202", "SDNCVL")]),
    # nouns: a trade ban is an embargo (163), not an administrative sanction (172)
    ("Russia's trade ban on Georgia hurt Georgian farmers.", [("RUS", "163", "GEO")]),
    # the arrival of what is sent is its sending (074, 090); envoys and leaders visit (042)
    ("A contingent of French troops arrived in Mali.", [("FRAMIL", "074", "MLI")]),
    (
        "The first deployment of Nigerian peacekeeping troops arrived in Liberia.",
        [("NGAMIL", "074", "LBR")],
    ),
    ("UN inspectors arrived in Iran on Sunday.", [("IGOUNO", "090", "IRN")]),
    ("The French president arrived in Mali.", [("FRAGOV", "042", "MLI"), ("MLI", "043", "FRAGOV")]),
    # "force out" expels, like "kick out": people 174, diplomats 161, populations 201
    (
        "Kenyan police forced the British journalist out of the country.",
        [("KENCOP", "174", "GBRMED")],
    ),
    ("Ethiopia forced out two American diplomats.", [("ETH", "161", "USAGOV")]),
    (
        "Serbian troops forced thousands of Albanian villagers out of their homes.",
        [("SRBMIL", "201", "ALBCVL")],
    ),
    # 1724 needs an emergency, a siege or martial law, not any "state" an object is of
    ("Egypt declared a state of emergency in Cairo.", [("EGY", "1724", "EGY")]),
    ("Haiti declared a state of siege.", [("HTI", "1724", "HTI")]),
    ("Thailand imposed martial law.", [("THA", "1724", "THA")]),
    # 152: forces kept on alert (a state noun in an on-phrase); an issued alert is no posture
    ("Kenyan police stayed on alert along the coast.", [("KENCOP", "152", None)]),
    ("Israeli forces were on high alert along the Lebanese border.", [("ISRMIL", "152", "LBN")]),
    ("The Kenyan weather service issued a flood alert for Nairobi.", []),
    ("Nigeria went on high alert over new cholera cases.", []),
    # 184: people held or used as human shields
    (
        "Ugandan soldiers used villagers as human shields during the operation.",
        [("UGAMIL", "184", "UGACVL")],  # the people used as shields are the target
    ),
    # 1712: blowing up property; blowing up people stays a bombing
    ("Kenyan rebels blew up three power lines.", [("KENREB", "1712", "KEN")]),
    # 120: denying what was asked for is a refusal; denying a claim stays 016
    ("Syria denied a permit for the new stadium.", [("SYR", "120", None)]),
    # 126: opposing mediation; 0873: returning weapons (an announced return is an intent)
    ("Israel opposes French mediation.", [("ISR", "126", "FRA")]),
    (
        "Kenyan rebels announced they will return their weapons to the army.",
        [("KENREB", "0356", "KENMIL")],
    ),
    # a sending whose purpose is an inquiry is the inquiry (09), not a deployment (074)
    (
        "The African Union sent 30 observers to Mali to investigate the killings.",
        [("IGOAFRAFU", "091", "MLI")],
    ),
    # 090 and its kinds: completing an investigation is investigating
    ("The Kenyan police completed their investigation into the fraud.", [("KENCOP", "091", None)]),
    # 085: exempting someone's goods from a tariff eases the measure for them
    ("Japan exempted South Korean steel from the tariffs.", [("JPN", "085", "KOR")]),
    # 173: breaking up a cell or ring is arresting its members (dispersing a protest is 175)
    ("Spanish police dismantled a drug trafficking ring in Madrid.", [("ESPCOP", "173", "ESP")]),
    ("Police broke up the protest in Cairo.", [("EGYCOP", "175", "EGY")]),
    # overtures are an intent to cooperate; backing is support, military backing aid
    ("Egypt made overtures to Turkey.", [("EGY", "030", "TUR")]),
    ("Iran's backing of Hezbollah worried Israel.", [("IRN", "051", "LBNREB")]),
    (
        "Russia's military backing of the Syrian government angered Washington.",
        [("RUS", "072", "SYRGOV")],
    ),
    # exchanging barbs or threats: each side does it to the other
    (
        "The Greek and Turkish leaders exchanged angry barbs.",
        [("GRCGOV", "111", "TURGOV"), ("TURGOV", "111", "GRCGOV")],
    ),
    ("Serbia and Kosovo exchanged threats.", [("SRB", "130", "XKX"), ("XKX", "130", "SRB")]),
    # a bare "declined" is a number falling; declining something is refusing it
    ("The number of Syrian refugees in Jordan declined after the deal.", []),
    ("Jordan declined the Syrian proposal.", [("JOR", "120", "SYR")]),
    # "talks among X, Y and Z" are talks between them
    (
        "Talks among Sudan, Egypt and Ethiopia resumed.",
        [
            ("SDN", "040", "EGY"),
            ("SDN", "040", "ETH"),
            ("EGY", "040", "SDN"),
            ("EGY", "040", "ETH"),
            ("ETH", "040", "SDN"),
            ("ETH", "040", "EGY"),
        ],
    ),
    # gun battles are fights: "engaged X in a firefight" is X's attacker fighting X
    (
        "Somali militants engaged Kenyan soldiers in a firefight near the border.",
        [("SOMREB", "190", "KENMIL")],
    ),
    # telling someone something in a phone conversation is talking with them by phone
    (
        "The Greek prime minister told Erdogan in a phone conversation that Athens wanted calm.",
        [("GRCGOV", "041", "TURGOV"), ("TURGOV", "041", "GRCGOV")],
    ),
    # a visit is no conversation with whom the visitor criticizes
    (
        "The German chancellor criticized the Hungarian premier during a visit to Budapest.",
        [("DEUGOV", "111", "HUNGOV"), ("DEUGOV", "042", "HUNGOV"), ("HUNGOV", "043", "DEUGOV")],
    ),
    # lifting an order eases it; the order's own blocking is stopped, not done by the court
    (
        "A Zambian court lifted orders blocking the opposition rally.",
        [("ZMBJUD", "081", "ZMB")],
    ),
    ("Pakistan rejected the resolution calling for an inquiry.", [("PAK", "129", None)]),
    # what the subject faced, drew or received "from X" X did to it
    ("Israel drew condemnation from Egypt.", [("EGY", "111", "ISR")]),
    ("Kenya received an invitation from China.", [("CHN", "036", "KEN")]),
    ("Ukraine received military aid from Germany.", [("DEU", "072", "UKR")]),
    ("Ukraine received military aid.", []),
    # receiving a visitor is hosting
    (
        "Putin received Erdogan in Moscow.",
        [("RUSGOV", "043", "TURGOV"), ("TURGOV", "042", "RUSGOV")],
    ),
    # "entered into negotiations with X" is negotiating with X
    (
        "Serbia entered into negotiations with Kosovo.",
        [("SRB", "046", "XKX"), ("XKX", "046", "SRB")],
    ),
    # a label put on someone is criticism of them, not the labelling verb's own sense
    ("Erdogan called his Israeli counterpart a terrorist.", [("TURGOV", "111", "ISRGOV")]),
    ("Maduro branded the Colombian president a traitor.", [("VENGOV", "111", "COLGOV")]),
    (
        "Erdogan called his Israeli counterpart on Monday.",
        [("TURGOV", "041", "ISRGOV"), ("ISRGOV", "041", "TURGOV")],
    ),
]


def test_recognizing_a_state_is_not_an_emergency(coder: Coder) -> None:
    codes = [row[1] for row in coded(coder, "Spain announced its recognition of the new state.")]
    assert "1724" not in codes and "054" in codes


def coded(coder: Coder, sentence: str) -> list[Row]:
    return [
        (e.source.code, e.cameo.code, e.target.code if e.target else None)
        for e in coder.code(sentence, date="2025-06-01")
    ]


@pytest.mark.parametrize(("sentence", "expected"), GAPS, ids=[r[0][:40] for r in GAPS])
def test_dictionary_gap(coder: Coder, sentence: str, expected: list[Row]) -> None:
    assert coded(coder, sentence) == expected
