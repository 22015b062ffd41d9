"""Bare years and month names that modify a noun, on Docs without entity labels: the
word-form filter in front of the parse checks keeps every one the checks would take."""

from __future__ import annotations

from spacy.language import Language

from dragoman.temporal import find_date_expressions

STORY = "2025-06-02"


def _texts(nlp: Language, text: str, window: tuple[int, int] | None = None) -> list[str]:
    doc = nlp(text)
    assert not doc.has_annotation("ENT_IOB")  # the default pipeline: no entity recognizer
    return [e.text for e in find_date_expressions(doc, STORY, window=window)]


def test_a_year_and_a_month_name_modifying_a_noun_are_dates(nlp: Language) -> None:
    assert _texts(nlp, "The 2016 referendum divided the country.") == ["2016"]
    assert _texts(nlp, "Its November report criticized the police.") == ["November"]


def test_the_same_word_forms_again_give_the_same_answers(nlp: Language) -> None:
    # the second reading of each form comes from the filter's memory of word forms
    for _ in range(2):
        assert _texts(nlp, "The 2016 referendum divided the country.") == ["2016"]
        assert _texts(nlp, "The november report was late.") == []  # lower case: no name
        assert _texts(nlp, "The 2016 delegates left.") == []  # a plural noun: a count


def test_a_window_reads_only_its_own_words(nlp: Language) -> None:
    text = "The 2016 referendum divided the country. Its November report followed."
    second = text.index("Its")
    assert _texts(nlp, text, window=(second, len(text))) == ["November"]
    assert _texts(nlp, text, window=(0, second)) == ["2016"]
