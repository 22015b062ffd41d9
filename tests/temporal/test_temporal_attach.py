"""Which date dates which clause: attachment through participles and same-time verbs,
tense, the sentence's sole date and the narrative's date.

The story date is Sunday 2025-06-01 throughout.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from dragoman.temporal import (
    DateExpression,
    clause_tense,
    date_for_clause,
    find_date_expressions,
    fits_tense,
    narrative_date,
    sole_date,
)

STORY = "2025-06-01"


def _parse(nlp: Language, text: str) -> tuple[Doc, list[DateExpression]]:
    doc = nlp(text)
    return doc, find_date_expressions(doc, STORY)


def _word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def _dated(found: list[DateExpression], doc: Doc, verb: str) -> str | None:
    expression = date_for_clause(found, _word(doc, verb))
    return expression.text if expression is not None else None


# -- finding -------------------------------------------------------------------------------


def test_a_month_name_modifying_a_noun_is_a_date(nlp: Language) -> None:
    _doc, found = _parse(nlp, "The bank said in an October bulletin that lending slowed.")
    assert [(e.text, e.date, str(e.precision)) for e in found] == [
        ("October", "2024-10-01", "month")
    ]


def test_may_before_a_noun_is_not_taken_for_a_month(nlp: Language) -> None:
    _doc, found = _parse(nlp, "The May cabinet resigned after the vote.")
    assert found == []


# -- attachment ----------------------------------------------------------------------------


def test_a_participle_clause_shares_its_governors_date(nlp: Language) -> None:
    doc, found = _parse(nlp, "The council met on Monday, urging both sides to hold talks.")
    assert _dated(found, doc, "urging") == "Monday"


def test_a_clause_with_a_conjunction_does_not_share_the_date(nlp: Language) -> None:
    # parsed by hand: the model rarely gives a participle its own conjunction
    words = ["Troops", "withdrew", "on", "Monday", "while", "shelling", "the", "town", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 1, 2, 5, 1, 7, 5, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "mark", "advcl", "det", "dobj", "punct"],
        tags=["NNS", "VBD", "IN", "NNP", "IN", "VBG", "DT", "NN", "."],
        pos=["NOUN", "VERB", "ADP", "PROPN", "SCONJ", "VERB", "DET", "NOUN", "PUNCT"],
    )
    found = find_date_expressions(doc, STORY)
    assert _dated(found, doc, "withdrew") == "Monday"
    assert _dated(found, doc, "shelling") is None
    doc[4].dep_ = "advmod"  # without the conjunction, the participle shares it
    assert _dated(found, doc, "shelling") == "Monday"


def test_a_relative_clause_of_place_shares_the_date_of_its_sentence(nlp: Language) -> None:
    doc, found = _parse(
        nlp, "Unrest erupted on April 3 in the river port, where militias fought the police."
    )
    assert _dated(found, doc, "fought") == "April 3"
    # an ordinary relative clause keeps its own time
    doc, found = _parse(nlp, "Police on April 3 detained a man who led the protest.")
    assert _dated(found, doc, "led") is None


def test_a_date_inside_a_noun_phrase_yields_to_the_shared_date(nlp: Language) -> None:
    doc, found = _parse(
        nlp, "The envoys met on Monday and signed the March 3 accord on water sharing."
    )
    assert _dated(found, doc, "signed") == "Monday"
    doc, found = _parse(nlp, "The envoys signed the March 3 accord on water sharing.")
    assert _dated(found, doc, "signed") == "March 3"  # nothing better


def test_a_same_time_verb_takes_its_complements_date(nlp: Language) -> None:
    doc, found = _parse(
        nlp, "A gunman told jurors on Friday that he attempted to bomb the embassy in 2019."
    )
    assert _dated(found, doc, "attempted") == "2019"
    assert _dated(found, doc, "told") == "Friday"


def test_a_promise_does_not_take_the_date_of_what_it_promises(nlp: Language) -> None:
    doc, found = _parse(nlp, "The minister pledged on Monday to close the mines by 2040.")
    assert _dated(found, doc, "pledged") == "Monday"
    doc, found = _parse(nlp, "The minister has pledged to close all the mines by 2040.")
    assert _dated(found, doc, "pledged") is None


def test_a_future_date_does_not_date_a_past_clause(nlp: Language) -> None:
    doc, found = _parse(nlp, "The election was postponed until next year.")
    assert [e.text for e in found] == ["until next year"]
    assert _dated(found, doc, "postponed") is None


# -- tense ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verb", "tense"),
    [
        ("Rebels attacked the base.", "attacked", "past"),
        ("The base was attacked by rebels.", "attacked", "past"),
        ("Rebels had attacked the base.", "attacked", "past"),
        ("Rebels have attacked the base.", "attacked", "perfect"),
        ("The envoy accuses the rebels of lying.", "accuses", "present"),
        ("Rebels are attacking the base.", "attacking", "present"),
        ("Rebels will attack the base.", "attack", "future"),
        ("Police arrested him and charged him with fraud.", "charged", "past"),
        ("Rebels tried to seize the port.", "seize", "past"),
        ("Rebels vowed to seize the port.", "seize", None),
        ("The attack on the base failed.", "attack", None),
    ],
)
def test_clause_tense(nlp: Language, text: str, verb: str, tense: str | None) -> None:
    assert clause_tense(_word(nlp(text), verb)) == tense


def test_fits_tense(nlp: Language) -> None:
    doc, found = _parse(nlp, "The mayor said on Friday that she would open the bridge next year.")
    friday, next_year = found
    assert fits_tense(friday, _word(doc, "open"))  # the intent is Friday's
    assert fits_tense(next_year, _word(doc, "open"))
    assert not fits_tense(next_year, _word(doc, "said"))


# -- the sentence's sole date --------------------------------------------------------------


def test_sole_date_dates_a_verb_without_one(nlp: Language) -> None:
    doc, found = _parse(nlp, "Police detained the editor as he left his office in March 2021.")
    sentence = next(iter(doc.sents))
    expression = sole_date(found, _word(doc, "detained"), sentence)
    assert expression is not None and expression.text == "March 2021"


def test_sole_date_is_not_taken_from_a_complement(nlp: Language) -> None:
    doc, found = _parse(nlp, "Officials said the rebels attacked the town in 2019.")
    sentence = next(iter(doc.sents))
    assert sole_date(found, _word(doc, "said"), sentence) is None


def test_sole_date_is_not_a_deadline_of_a_perfect_clause(nlp: Language) -> None:
    doc, found = _parse(nlp, "The minister has pledged to close all the mines by 2040.")
    sentence = next(iter(doc.sents))
    assert sole_date(found, _word(doc, "pledged"), sentence) is None


def test_sole_date_needs_exactly_one_date(nlp: Language) -> None:
    doc, found = _parse(nlp, "Troops left in 2019, and they returned in 2021 after the vote.")
    sentence = next(iter(doc.sents))
    assert sole_date(found, _word(doc, "vote"), sentence) is None


# -- the narrative's date ------------------------------------------------------------------


def _narrative(nlp: Language, before: str, after: str, verb: str) -> str | None:
    previous_doc, previous = _parse(nlp, before)
    root = next(iter(previous_doc.sents)).root
    expression = narrative_date(previous, root, _word(nlp(after), verb))
    return expression.text if expression is not None else None


def test_a_past_clause_goes_on_at_the_last_date(nlp: Language) -> None:
    before = "Gunmen stormed a hotel on Tuesday."
    assert _narrative(nlp, before, "They seized dozens of guests.", "seized") == "Tuesday"


def test_a_present_or_perfect_clause_is_not_part_of_the_narrative(nlp: Language) -> None:
    before = "Gunmen stormed a hotel on Tuesday."
    assert _narrative(nlp, before, "The governor blames the police.", "blames") is None
    assert _narrative(nlp, before, "Critics have long blamed the police.", "blamed") is None
    assert _narrative(nlp, before, "The police will investigate.", "investigate") is None


def test_a_past_perfect_clause_happened_before_the_last_date(nlp: Language) -> None:
    before = "Gunmen stormed a hotel on Tuesday."
    assert _narrative(nlp, before, "They had planned the raid for months.", "planned") is None
    after = "It was clear that they had planned the raid."
    assert _narrative(nlp, before, after, "planned") is None


def test_an_activity_going_on_since_the_last_date_is(nlp: Language) -> None:
    before = "The uprising began in the north in May 2022."
    after = "The army has been fighting the rebels."
    assert _narrative(nlp, before, after, "fighting") == "May 2022"


def test_of_several_past_dates_the_main_verbs_is_taken(nlp: Language) -> None:
    before = "The ship, which was seized in 2019, sailed home on Friday."
    assert _narrative(nlp, before, "Its crew thanked the navy.", "thanked") == "Friday"
    before = "The ship sailed on Thursday and on Friday."
    assert _narrative(nlp, before, "Its crew thanked the navy.", "thanked") is None


def test_nothing_before_gives_nothing(nlp: Language) -> None:
    doc = nlp("They seized the port.")
    assert narrative_date([], None, _word(doc, "seized")) is None


def test_the_main_verb_decides_not_the_quoted_words(nlp: Language) -> None:
    before = "Gunmen stormed a hotel on Tuesday."
    after = '"The police are failing us," the manager said afterwards.'
    assert _narrative(nlp, before, after, "failing") == "Tuesday"
    after = "The manager says the police failed the guests."
    assert _narrative(nlp, before, after, "failed") is None


def test_a_coordinated_present_clause_is_not_part_of_the_narrative(nlp: Language) -> None:
    before = "The uprising began in the north in May 2022."
    after = "The army has been fighting the rebels, and monitors say both sides killed civilians."
    assert _narrative(nlp, before, after, "fighting") == "May 2022"
    assert _narrative(nlp, before, after, "killed") is None


def test_sole_date_is_not_taken_from_a_relative_clause(nlp: Language) -> None:
    text = "A judge has freed the aides of a senator who was arrested in late May."
    doc, found = _parse(nlp, text)
    sentence = next(iter(doc.sents))
    assert [e.text for e in found] == ["late May"]
    assert sole_date(found, _word(doc, "freed"), sentence) is None
    assert sole_date(found, _word(doc, "arrested"), sentence) is found[0]
