"""What a phrase says about what it names (``actors/_referents.py``): person, number, gender."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from dragoman.actors._referents import bearer, gender_of_pronoun, referent


def _phrase(nlp: Language, text: str, phrase: str) -> list[Token]:
    doc: Doc = nlp(text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert span is not None
    return list(span)


@pytest.mark.parametrize(
    ("text", "phrase", "gender"),
    [
        ("Mrs. Kowalski criticized the plan.", "Mrs. Kowalski", "f"),
        ("Mr. Kowalski criticized the plan.", "Mr. Kowalski", "m"),
        ("Chilean President Ana Ruiz criticized the plan.", "Chilean President Ana Ruiz", "f"),
        ("Chilean President Mark Ruiz criticized the plan.", "Chilean President Mark Ruiz", "m"),
        ("The spokeswoman Dana Ruiz criticized the plan.", "spokeswoman Dana Ruiz", "f"),
        # nothing says: unknown
        ("Chilean President Dana Ruiz criticized the plan.", "Chilean President Dana Ruiz", ""),
        # a first name alone may be a surname ("Mark" the surname): it says nothing
        ("Mark criticized the plan.", "Mark", ""),
    ],
)
def test_the_text_gives_a_person_a_gender(
    nlp: Language, text: str, phrase: str, gender: str
) -> None:
    about = referent(_phrase(nlp, text, phrase))
    assert about.person
    assert about.gender == gender


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Officials of the Chilean National Research Council met.",
            "Chilean National Research Council",
        ),
        ("She flew home to Valdivia, her hometown, on Monday.", "Valdivia, her hometown"),
        ("The Chilean Indian Ocean Report was published.", "Chilean Indian Ocean Report"),
        ("The grant went to the NGO.", "NGO"),
    ],
)
def test_an_organization_or_a_place_is_no_person(nlp: Language, text: str, phrase: str) -> None:
    assert not referent(_phrase(nlp, text, phrase)).person


def test_a_plural_is_no_person(nlp: Language) -> None:
    about = referent(_phrase(nlp, "Five Chileans were released.", "Five Chileans"))
    assert about.plural
    assert not about.person


def test_a_dictionary_person_is_a_person_whatever_the_words(nlp: Language) -> None:
    phrase = _phrase(nlp, "The Chilean Research Council met.", "Chilean Research Council")
    assert referent(phrase, known_person=True).person


def test_a_phrase_describing_a_person_stands_for_that_person(nlp: Language) -> None:
    text = "Kevin Hassett, director of the Chilean Research Council, spoke on Monday."
    about = bearer(_phrase(nlp, text, "Chilean Research Council"))
    assert about is not None
    assert about.person
    assert (about.gender, about.key) == ("m", "Hassett")


def test_a_phrase_describing_no_person_has_no_bearer(nlp: Language) -> None:
    text = "The Chilean Research Council spoke on Monday."
    assert bearer(_phrase(nlp, text, "Chilean Research Council")) is None


@pytest.mark.parametrize(
    ("word", "gender"), [("She", "f"), ("her", "f"), ("he", "m"), ("his", "m"), ("it", "")]
)
def test_gender_of_a_pronoun(word: str, gender: str) -> None:
    assert gender_of_pronoun(word) == gender


def test_what_stands_before_a_name_is_not_part_of_it(nlp: Language) -> None:
    text = "The vote was for the head of the commission, Ana Ruiz."
    about = referent(_phrase(nlp, text, ", Ana Ruiz"))
    assert (about.person, about.gender, about.key) == (True, "f", "Ruiz")
