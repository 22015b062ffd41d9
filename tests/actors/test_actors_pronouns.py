"""Pronouns and definite descriptions (``actors/_pronouns.py``): referring back."""

from __future__ import annotations

import pytest

from dragoman import Coder


def _sources(coder: Coder, text: str) -> list[tuple[str, str]]:
    return [(e.source.code, e.source.rule) for e in coder.code(text, date="2025-03-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a personal pronoun takes the last person named
        (
            "Chilean President Ana Ruiz arrived. She criticized Bolivia.",
            ("CHLGOV", "pronoun:Chilean President Ana Ruiz"),
        ),
        # the subject of what a speaker said is the speaker
        (
            "Nigeria announced that it will withdraw its troops from Chad.",
            ("NGA", "pronoun:Nigeria"),
        ),
        # a definite description refers to the last state
        (
            "Germany hosted the summit. The country also criticized Russia.",
            ("DEU", "description:Germany"),
        ),
    ],
)
def test_a_reference_takes_its_antecedent(
    coder: Coder, text: str, expected: tuple[str, str]
) -> None:
    assert expected in _sources(coder, text)


def _events(coder: Coder, text: str) -> list[tuple[str, str, str, str]]:
    return [
        (
            e.source.code,
            e.cameo.code,
            e.target.code if e.target else "-",
            e.target.rule if e.target else "-",
        )
        for e in coder.code(text, date="2025-03-10")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated subjects: one actor per conjunct
        (
            "Chile and Peru met in Lima. They criticized Bolivia.",
            [("CHL", "pronoun:Chile"), ("PER", "pronoun:Peru")],
        ),
        # a plural noun
        (
            "Chilean officials arrived in Lima on Monday. They criticized Bolivia.",
            [("CHLGOV", "pronoun:Chilean officials")],
        ),
        # the nearest plural subject names no actor: "they" names no one either
        ("Chilean officials spoke. Experts gathered in Lima. They criticized Bolivia.", []),
    ],
)
def test_they_takes_the_nearest_plural_subject(
    coder: Coder, text: str, expected: list[tuple[str, str]]
) -> None:
    criticisms = [e for e in coder.code(text, date="2025-03-10") if e.cameo.code == "111"]
    assert [(e.source.code, e.source.rule) for e in criticisms] == expected


def test_an_object_pronoun_is_not_its_own_clause_subject(coder: Coder) -> None:
    text = "Bolivian soldiers crossed the border on Monday. Chilean troops attacked them."
    assert ("CHLMIL", "190", "BOLMIL", "pronoun:Bolivian soldiers") in _events(coder, text)


def test_a_quantifier_subject_stops_they(coder: Coder) -> None:
    # "them" are the "some", not the ministers named before
    text = "Chilean ministers met on Monday. Some said Peru had lied, and Bolivia criticized them."
    assert ("BOL", "111", "-", "-") in _events(coder, text)


def test_their_owns_a_nominal_event(coder: Coder) -> None:
    text = "Chilean ministers arrived in La Paz. Bolivia praised their visit."
    assert ("BOL", "051", "CHLGOV", "pronoun:Chilean ministers") in _events(coder, text)


def test_a_pronoun_with_no_antecedent_names_no_one(coder: Coder) -> None:
    assert _sources(coder, "She criticized Bolivia.") == []


def test_we_in_a_quotation_is_its_speaker(coder: Coder) -> None:
    text = (
        "Turkish President Emre Kaya spoke in Ankara on Monday. "
        '"Greece has lied. We condemn Greece," he said.'
    )
    events = coder.code(text, date="2025-03-10")
    condemned = [e for e in events if e.cameo.code == "111"]
    assert [(e.source.code, e.source.rule) for e in condemned] == [("TURGOV", "quote-speaker:he")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "he" passes over the last person named when the text says she is a woman
        (
            "Chilean Foreign Minister Mark Soto met Chilean President Ana Ruiz in Lima on "
            "Monday. He criticized Bolivia.",
            [("CHLGOV", "pronoun:Chilean Foreign Minister Mark Soto")],
        ),
        (
            "Chilean Foreign Minister Ana Soto met Chilean President Mark Ruiz in Lima on "
            "Monday. She criticized Bolivia.",
            [("CHLGOV", "pronoun:Chilean Foreign Minister Ana Soto")],
        ),
        # a title says the gender: no one else is a fitting antecedent
        ("Mrs. Soto, a Chilean minister, spoke on Monday. He criticized Bolivia.", []),
        # the gender a pronoun gave a person holds for later pronouns
        (
            "Chilean Foreign Minister Dana Soto spoke on Monday. He said Peru had lied. "
            "Later she criticized Bolivia.",
            [],
        ),
    ],
)
def test_a_personal_pronoun_agrees_in_gender(
    coder: Coder, text: str, expected: list[tuple[str, str]]
) -> None:
    criticisms = [e for e in coder.code(text, date="2025-03-10") if e.cameo.code == "111"]
    assert [(e.source.code, e.source.rule) for e in criticisms] == expected


def test_the_unknown_speaker_of_a_reported_clause_is_its_pronoun(coder: Coder) -> None:
    # "she" is Garcia-Lopez, whom the dictionary does not know, not the minister named before
    text = (
        "Chilean Foreign Minister Mark Soto spoke on Monday. "
        "Garcia-Lopez said she would criticize Bolivia."
    )
    assert [e.cameo.code for e in coder.code(text, date="2025-03-10")] == ["010"]


def test_an_organization_the_name_rules_read_as_a_person_is_no_he(coder: Coder) -> None:
    text = (
        "Chilean President Mark Ruiz spoke on Monday. Officials of the Bolivian National "
        "Research Council met in La Paz. He criticized Bolivia."
    )
    criticisms = [e for e in coder.code(text, date="2025-03-10") if e.cameo.code == "111"]
    assert [(e.source.code, e.source.rule) for e in criticisms] == [
        ("CHLGOV", "pronoun:Chilean President Mark Ruiz")
    ]


def test_a_possessive_pronoun_of_the_subject_is_no_target(coder: Coder) -> None:
    # "their strike" is the students' own: the target is whom they protest against
    text = (
        "Chilean students continued their hunger strike to demand the resignation of the "
        "Chilean education minister."
    )
    assert [(code, target) for _source, code, target, _rule in _events(coder, text)] == [
        ("1421", "CHLGOV")
    ]


def test_the_speaker_of_a_quotation_is_no_one_named_in_it(coder: Coder) -> None:
    text = (
        "Bolivian Foreign Minister Jorge Soto spoke in La Paz on Monday. "
        '"Talks with Emmanuel Macron are over," he said.'
    )
    assert _sources(coder, text)[-1] == (
        "BOLGOV",
        "pronoun:Bolivian Foreign Minister Jorge Soto",
    )


def test_a_possessive_pronoun_of_an_infinitive_subject_is_no_target(coder: Coder) -> None:
    # Chile recalls its own ambassador: "its" names no other party
    text = "Peru insulted the Chilean president, prompting Chile to recall its ambassador."
    assert all(rule != "pronoun:Chile" for *_rest, rule in _events(coder, text))


def test_a_possessive_pronoun_in_a_coordinated_clause_is_the_other_party(coder: Coder) -> None:
    # "its" is Peru's, the subject of the first clause, not of "accept"
    text = (
        "Chilean Foreign Minister Ana Soto arrived in Quito on Tuesday. "
        '"Peru is irresponsible, and we will not accept its threats," she said.'
    )
    assert ("CHLGOV", "120", "PER", "pronoun:Peru") in _events(coder, text)


def test_a_pronoun_keeps_the_phrases_coordinated_with_it(coder: Coder) -> None:
    """ "She and Chile's foreign minister urged": the pronoun's antecedent and the conjunct
    both act; the conjunct was dropped when a pronoun headed the phrase."""
    events = coder.code(
        "Jane Roe, UNICEF's executive director, addressed the U.N. Security Council on "
        "Monday. She and Chile's foreign minister both urged the council to act.",
        date="2024-05-01",
    )
    sources = {e.source.code for e in events if e.cameo.code.startswith("02")}
    assert sources == {"IGOUNOKID", "CHLGOV"}
    # a pronoun that names no one still leaves its conjunct ("he": two presidents before)
    events = coder.code(
        "Chile's president met Peru's president. He and the Bolivian president urged the UN "
        "to act.",
        date="2024-05-01",
    )
    assert {e.source.code for e in events if e.cameo.code.startswith("02")} == {"BOLGOV"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the spokesperson" repeats the noun of its antecedent, not the last official named
        (
            "A French Foreign Ministry spokesperson criticized Mali. Malian President Amadou "
            "Keita visited Bamako. The spokesperson also criticized Niger.",
            ("FRAGOV", "description:French Foreign Ministry spokesperson"),
        ),
        # without such a mention, the last person of the role's sector
        (
            "Malian President Amadou Keita visited Bamako. The president also criticized Niger.",
            ("MLIGOV", "description:Malian President Amadou Keita"),
        ),
    ],
)
def test_a_description_takes_the_mention_with_its_noun(
    coder: Coder, text: str, expected: tuple[str, str]
) -> None:
    assert expected in _sources(coder, text)


def test_a_description_skips_a_same_noun_mention_of_no_country(coder: Coder) -> None:
    # the earlier "spokesperson" has no country: the last official of the sector is meant
    text = (
        "A spokesperson declined to comment. Malian President Amadou Keita visited Bamako. "
        "The spokesperson criticized Niger."
    )
    sources = _sources(coder, text)
    assert ("MLIGOV", "description:Malian President Amadou Keita") in sources


def test_a_known_persons_surname_is_no_stranger(coder: Coder) -> None:
    # "Russell said" is the Catherine Russell named before: her "she", not the last
    # person named in between nor no one
    text = (
        "Catherine Russell, UNICEF's executive director, spoke. Chilean President Ana Ruiz "
        "arrived. Russell said there were cases. She criticized Sudan."
    )
    assert ("IGOUNOKID", "111", "SDN") in [
        (e.source.code, e.cameo.code, e.target.code if e.target else "-")
        for e in coder.code(text, date="2025-03-10")
    ]


def test_a_surname_before_the_known_person_is_still_a_stranger(coder: Coder) -> None:
    # the dictionary's Catherine Russell is named only after: this Russell is unknown,
    # and so is whom "she" refers to
    text = (
        "Chilean President Ana Ruiz arrived. Russell said there were cases. She criticized "
        "Sudan. Catherine Russell, UNICEF's executive director, spoke later."
    )
    assert "111" not in [e.cameo.code for e in coder.code(text, date="2025-03-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject pronoun opening a sentence takes the subject of the sentence before
        (
            "China criticized Japan on Monday. It also accused Vietnam of meddling.",
            ("CHN", "112", "VNM"),
        ),
        (
            "Chilean President Ana Ruiz met Bolivian President Rosa Mamani. She criticized Peru.",
            ("CHLGOV", "111", "PER"),
        ),
        # not a subject of the other gender: "he" is the man named last
        (
            "Chilean President Ana Ruiz met Peruvian President Juan Perez. He criticized Bolivia.",
            ("PERGOV", "111", "BOL"),
        ),
    ],
)
def test_a_subject_pronoun_takes_the_topic(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in [
        (e.source.code, e.cameo.code, e.target.code if e.target else "-")
        for e in coder.code(text, date="2025-03-10")
    ]
