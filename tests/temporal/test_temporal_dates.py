"""Date expressions: resolution against a fixed story date, and finding them in parsed text.

The story date is Sunday 2025-06-01 throughout.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dragoman.errors import InputError
from dragoman.temporal import (
    DateExpression,
    Kind,
    Precision,
    Relation,
    anchor_relative,
    date_for_clause,
    find_date_expressions,
    reanchor,
    resolve_date,
)

STORY = "2025-06-01"  # a Sunday

# (expression, future?, date, precision, relation)
RESOLVE_CASES = [
    ("on Tuesday", False, "2025-05-27", "day", "past"),
    ("Tuesday", False, "2025-05-27", "day", "past"),
    ("on Tuesday", True, "2025-06-03", "day", "future"),
    ("on Sunday", False, "2025-06-01", "day", "present"),
    ("on Sunday", True, "2025-06-01", "day", "present"),
    ("Saturday", False, "2025-05-31", "day", "past"),
    ("last Tuesday", True, "2025-05-27", "day", "past"),
    ("next Tuesday", False, "2025-06-03", "day", "future"),
    ("last week", False, "2025-05-25", "day", "past"),
    ("two weeks prior", False, "2025-05-18", "day", "past"),
    ("two weeks ago", False, "2025-05-18", "day", "past"),
    ("two weeks earlier", False, "2025-05-18", "day", "past"),
    ("a week later", False, "2025-06-08", "day", "future"),
    ("three days earlier", False, "2025-05-29", "day", "past"),
    ("earlier this month", False, "2025-06-01", "month", "past"),
    ("later this month", False, "2025-06-01", "month", "future"),
    ("the previous day", False, "2025-05-31", "day", "past"),
    ("the day before", False, "2025-05-31", "day", "past"),
    ("the following week", False, "2025-06-08", "day", "future"),
    ("yesterday", False, "2025-05-31", "day", "past"),
    ("today", False, "2025-06-01", "day", "present"),
    ("tomorrow", False, "2025-06-02", "day", "future"),
    ("last year", False, "2024-01-01", "year", "past"),
    ("next year", False, "2026-01-01", "year", "future"),
    ("this year", False, "2025-01-01", "year", "present"),
    ("in 2010", False, "2010-01-01", "year", "past"),
    ("in 2023", False, "2023-01-01", "year", "past"),
    ("since 2019", False, "2019-01-01", "year", "past"),
    ("on March 3", False, "2025-03-03", "day", "past"),
    ("on March 3", True, "2026-03-03", "day", "future"),
    ("March 3, 2024", False, "2024-03-03", "day", "past"),
    ("3 March", False, "2025-03-03", "day", "past"),
    ("Feb. 27", False, "2025-02-27", "day", "past"),
    ("in March", False, "2025-03-01", "month", "past"),
    ("in March", True, "2026-03-01", "month", "future"),
    ("in July", False, "2024-07-01", "month", "past"),
    ("June 10", False, "2025-06-10", "day", "future"),  # upcoming within two weeks
    ("June 20", False, "2024-06-20", "day", "past"),
    ("in June", False, "2025-06-01", "month", "present"),
    ("March 2024", False, "2024-03-01", "month", "past"),
    ("last August", False, "2024-08-01", "month", "past"),
    ("next month", False, "2025-07-01", "month", "future"),
    ("last month", False, "2025-05-01", "month", "past"),
    ("two months ago", False, "2025-04-01", "month", "past"),
    ("a year ago", False, "2024-01-01", "year", "past"),
    ("late last year", False, "2024-01-01", "year", "past"),
    ("mid-2018", False, "2018-01-01", "year", "past"),
    ("the 1990s", False, "1990-01-01", "year", "past"),
    ("2025-05-20", False, "2025-05-20", "day", "past"),
]


@pytest.mark.parametrize(("text", "future", "date", "precision", "relation"), RESOLVE_CASES)
def test_resolve_date(text: str, future: bool, date: str, precision: str, relation: str) -> None:
    result = resolve_date(text, STORY, future=future)
    assert result is not None, text
    assert (result.date, str(result.precision), str(result.relation)) == (
        date,
        precision,
        relation,
    )


def test_a_year_alone_has_year_precision_not_the_story_month() -> None:
    result = resolve_date("in 2023", STORY)
    assert result is not None
    assert result.precision is Precision.YEAR
    assert result.date == "2023-01-01"
    assert result.kind is Kind.ABSOLUTE


def test_month_names_have_month_precision() -> None:
    for text in ("in March", "March 2024", "last August", "next month"):
        result = resolve_date(text, STORY)
        assert result is not None and result.precision is Precision.MONTH, text


def test_kinds_and_qualifiers() -> None:
    prior = resolve_date("two weeks prior", STORY)
    assert prior is not None and prior.kind is Kind.ANAPHORIC and prior.anchor == "story"
    assert prior.shift is not None and (prior.shift.amount, prior.shift.unit) == (-14, "day")
    since = resolve_date("since 2019", STORY)
    assert since is not None and since.qualifier == "since"
    assert resolve_date("last week", STORY).approximate  # type: ignore[union-attr]
    about = resolve_date("about three days ago", STORY)
    assert about is not None and about.approximate and about.date == "2025-05-29"


def test_anchor_date_counts_anaphoric_expressions_from_it() -> None:
    result = resolve_date("three days earlier", STORY, anchor_date="2025-03-10", anchor="x")
    assert result is not None
    assert (result.date, result.anchor, result.relation) == ("2025-03-07", "x", Relation.PAST)


def test_without_a_story_date_only_years_resolve() -> None:
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("last year", None) is None
    result = resolve_date("March 3, 2024", None)
    assert result is not None and result.date == "2024-03-03"


def test_not_dates() -> None:
    for text in ("two years", "decades", "the minister", "a 10-year-old", ""):
        assert resolve_date(text, STORY) is None, text


def test_dateparser_reads_numeric_dates() -> None:
    result = resolve_date("3/14/2025", STORY)
    assert result is not None
    assert (result.date, result.rule) == ("2025-03-14", "dateparser")
    assert resolve_date("3/14/2025", STORY, use_dateparser=False) is None


def test_bad_story_date_is_an_input_error() -> None:
    with pytest.raises(InputError):
        resolve_date("yesterday", "June 1")


# -- in parsed text -----------------------------------------------------------------------


def _find(nlp: Language, text: str) -> tuple[Doc, list[DateExpression]]:
    doc = nlp(text)
    return doc, find_date_expressions(doc, STORY)


def _by_text(expressions: list[DateExpression]) -> dict[str, DateExpression]:
    return {e.text: e for e in expressions}


def test_find_offsets_and_tokens(nlp: Language) -> None:
    doc, found = _find(nlp, "The envoy arrived in Tbilisi on Tuesday for two days of talks.")
    assert [e.text for e in found] == ["Tuesday"]
    expression = found[0]
    assert doc.text[expression.start : expression.end] == "Tuesday"
    assert doc[expression.token_start : expression.token_end].text == "Tuesday"
    assert (expression.date, expression.precision) == ("2025-05-27", Precision.DAY)


def test_future_clause_takes_the_next_weekday(nlp: Language) -> None:
    _doc, found = _find(nlp, "The two foreign ministers will meet in Geneva on Thursday.")
    (expression,) = found
    assert expression.future
    assert (expression.date, expression.relation) == ("2025-06-05", Relation.FUTURE)


def test_scheduled_to_is_future(nlp: Language) -> None:
    _doc, found = _find(nlp, "The summit is scheduled to open on Wednesday in Nairobi.")
    (expression,) = found
    assert expression.future and expression.date == "2025-06-04"


def test_year_and_last_year_in_text(nlp: Language) -> None:
    _doc, found = _find(
        nlp,
        "Mongolia hosted a regional summit in 2010. Sweden joined the alliance last year.",
    )
    by_text = _by_text(found)
    assert by_text["2010"].date == "2010-01-01"
    assert by_text["2010"].precision is Precision.YEAR
    assert by_text["last year"].date == "2024-01-01"


def test_prior_to_a_reference_keeps_the_reference(nlp: Language) -> None:
    doc, found = _find(
        nlp,
        "Two weeks prior to the envoy's visit, the president sharply criticized the mission.",
    )
    (expression,) = found
    assert expression.date == "2025-05-18"
    assert expression.anchor == "story"
    assert expression.reference == "the envoy's visit"
    assert expression.reference_index is not None
    assert doc[expression.reference_index].text == "visit"
    # once the visit is dated, count again from it
    (again,) = anchor_relative(found, {expression.reference_index: "2025-05-20"}, STORY)
    assert (again.date, again.anchor) == ("2025-05-06", "the envoy's visit")


def test_reference_with_its_own_date_is_the_anchor(nlp: Language) -> None:
    _doc, found = _find(nlp, "Rebels seized the airport two days after March 10.")
    by_text = _by_text(found)
    offset = next(e for e in found if e.kind is Kind.ANAPHORIC)
    assert by_text["March 10"].date == "2025-03-10"
    assert (offset.date, offset.anchor) == ("2025-03-12", "March 10")


def test_reference_clause_is_recorded(nlp: Language) -> None:
    doc, found = _find(nlp, "The envoy resigned two days before the rebels seized the port.")
    (expression,) = found
    assert expression.reference == "the rebels seized the port"
    assert expression.reference_index is not None
    assert doc[expression.reference_index].text == "seized"
    assert expression.date == "2025-05-30"


def test_comparisons_and_undated_forward_counts_are_left_out(nlp: Language) -> None:
    _doc, found = _find(
        nlp,
        "The ship sailed a month later than planned. Decades after the war, a memorial "
        "was built. A week later the ferry returned.",
    )
    assert found == []


def test_anaphoric_expressions_follow_the_narrative(nlp: Language) -> None:
    _doc, found = _find(
        nlp,
        "The ceasefire collapsed on April 14. Three days later, the army shelled the port. "
        "The previous day, aid workers had left.",
    )
    dates = [(e.text, e.date, e.anchor) for e in found]
    assert dates == [
        ("April 14", "2025-04-14", "story"),
        ("Three days later", "2025-04-17", "April 14"),
        ("The previous day", "2025-04-16", "Three days later"),
    ]


def test_anaphoric_without_any_date_counts_from_the_story(nlp: Language) -> None:
    _doc, found = _find(nlp, "Police said the suspect fled three days earlier.")
    (expression,) = found
    assert (expression.date, expression.anchor) == ("2025-05-29", "story")


def test_anaphoric_from_a_coarser_anchor_is_no_finer(nlp: Language) -> None:
    _doc, found = _find(nlp, "The army entered the valley in March 2024. A week later it left.")
    later = found[-1]
    assert (later.date, later.precision, later.approximate) == (
        "2024-03-01",
        Precision.MONTH,
        True,
    )


def test_since_and_earlier_this_month(nlp: Language) -> None:
    _doc, found = _find(
        nlp,
        "Since 2019 the bloc has expanded. Inflation slowed earlier this month, the bank said.",
    )
    by_text = _by_text(found)
    assert by_text["Since 2019"].qualifier == "since"
    assert by_text["earlier this month"].precision is Precision.MONTH
    assert by_text["earlier this month"].relation is Relation.PAST


def test_names_and_durations_are_not_dates(nlp: Language) -> None:
    _doc, found = _find(
        nlp,
        "Theresa May met the press. Good Friday services were held. "
        "For two years after the war, the city was rebuilt.",
    )
    assert found == []


def test_entities_add_bare_years(nlp: Language) -> None:
    doc = nlp("The 2016 referendum divided the country.")
    found = find_date_expressions(doc, STORY)
    assert [(e.text, e.date, e.precision) for e in found] == [
        ("2016", "2016-01-01", Precision.YEAR)
    ]
    assert find_date_expressions(doc, STORY, use_entities=False) == []


def test_text_must_be_the_documents(nlp: Language) -> None:
    text = "The ministers met yesterday."
    doc = nlp(text)
    assert find_date_expressions(doc, STORY, text=text) == find_date_expressions(doc, STORY)
    with pytest.raises(InputError):
        find_date_expressions(doc, STORY, text=text + " More.")
    with pytest.raises(InputError):
        find_date_expressions(doc, "yesterday")


def test_no_story_date_keeps_only_dated_expressions(nlp: Language) -> None:
    doc = nlp("Troops withdrew on Tuesday, months after the March 3, 2024 accord.")
    found = find_date_expressions(doc, None)
    assert [e.date for e in found] == ["2024-03-03"]


# -- clauses ------------------------------------------------------------------------------


def _verb(doc: Doc, text: str) -> int:
    return next(t.i for t in doc if t.text == text)


def test_date_for_clause_attached_and_shared(nlp: Language) -> None:
    doc, found = _find(
        nlp, "The delegates met on Monday and signed a trade pact. Talks resume next month."
    )
    met = date_for_clause(found, doc[_verb(doc, "met")])
    signed = date_for_clause(found, doc[_verb(doc, "signed")])
    resume = date_for_clause(found, doc[_verb(doc, "resume")])
    assert met is not None and met.text == "Monday"
    assert signed is met
    assert resume is not None and resume.text == "next month"


def test_date_for_clause_does_not_take_the_reporting_date(nlp: Language) -> None:
    doc, found = _find(nlp, "Officials said on Friday that militants attacked a convoy.")
    said = date_for_clause(found, doc[_verb(doc, "said")])
    attacked = date_for_clause(found, doc[_verb(doc, "attacked")])
    assert said is not None and said.text == "Friday"
    assert attacked is None


def test_date_for_clause_empty() -> None:
    import spacy

    doc = spacy.blank("en")("nothing here")
    assert date_for_clause([], doc[0]) is None


def test_reanchor_keeps_non_anaphoric_expressions(nlp: Language) -> None:
    _doc, found = _find(nlp, "The vote took place in 2021.")
    (expression,) = found
    assert reanchor(expression, "2020-01-01", STORY) is expression


def test_to_dict_is_json_ready(nlp: Language) -> None:
    _doc, found = _find(nlp, "The ministers met yesterday.")
    assert found[0].to_dict()["precision"] == "day"
    assert found[0].to_dict()["date"] == "2025-05-31"


def test_public_names_are_listed() -> None:
    module = importlib.import_module("dragoman.temporal")
    public = {n for n in vars(module) if not n.startswith("_") and n != "annotations"}
    public = {n for n in public if not isinstance(getattr(module, n), type(importlib))}
    assert public == set(module.__all__)


def test_readme_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    readme = Path(__file__).resolve().parents[2] / "README.md"
    section = readme.read_text(encoding="utf-8").split("\n## Dates\n", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "README.md (Dates)", "exec"), {})
    printed = capsys.readouterr().out
    assert "'Three days later' 2025-04-17 day past anaphoric from April 14" in printed
    assert "the envoy's visit 2025-05-06" in printed


NARRATIVE = (
    "The ceasefire collapsed on April 14. Three days later, the army shelled the port. "
    "The previous day, aid workers had left."
)


def _sentence_window(doc: Doc, number: int) -> tuple[int, int]:
    sentence = list(doc.sents)[number]
    return sentence.start_char, sentence.end_char


def test_a_window_returns_only_its_own_expressions(nlp: Language) -> None:
    doc = nlp(NARRATIVE)
    found = find_date_expressions(doc, STORY, window=_sentence_window(doc, 0))
    assert [e.text for e in found] == ["April 14"]


def test_a_window_counts_anaphora_from_dates_named_before_it(nlp: Language) -> None:
    doc = nlp(NARRATIVE)
    window = _sentence_window(doc, 2)
    whole = {e.text: e for e in find_date_expressions(doc, STORY)}
    (alone,) = find_date_expressions(doc, STORY, window=window, narrative_start=0)
    assert (alone.text, alone.date) == ("The previous day", "2025-04-16")
    assert alone.anchor == "Three days later"
    assert alone == whole["The previous day"]


def test_a_window_without_its_narrative_counts_from_the_story(nlp: Language) -> None:
    doc = nlp(NARRATIVE)
    (alone,) = find_date_expressions(doc, STORY, window=_sentence_window(doc, 2))
    assert (alone.date, alone.anchor) == ("2025-05-31", "story")


MIXED = (
    "The talks resumed in Geneva. Delegates met for three hours on Tuesday, officials said. "
    "Nobody spoke to reporters. The mediator had arrived a week earlier from Oslo. "
    "In mid-2019 the same envoys failed, and the 1990s were worse."
)


def test_windows_give_what_the_whole_document_gives(nlp: Language) -> None:
    doc = nlp(MIXED)
    whole = [(e.text, e.date) for e in find_date_expressions(doc, STORY)]
    by_window: list[tuple[str, str | None]] = []
    starts = []
    for sentence in doc.sents:
        starts.append(sentence.start_char)
        window = (sentence.start_char, sentence.end_char)
        narrative = starts[max(0, len(starts) - 3)]
        found = find_date_expressions(doc, STORY, window=window, narrative_start=narrative)
        by_window.extend((e.text, e.date) for e in found)
    assert by_window == whole
    assert any(text == "Tuesday" for text, _date in whole)
    # sentences without a date word give nothing ("Nobody spoke to reporters.")
    third = list(doc.sents)[2]
    assert find_date_expressions(doc, STORY, window=(third.start_char, third.end_char)) == []


def test_a_window_does_not_return_an_expression_it_cuts(nlp: Language) -> None:
    doc = nlp("Envoys met on Tuesday.")
    at = doc.text.index("Tuesday") + 2  # the window starts inside "Tuesday"
    whole = find_date_expressions(doc, STORY, window=(0, len(doc.text)))
    assert [e.text for e in whole] == ["Tuesday"]
    assert find_date_expressions(doc, STORY, window=(at, len(doc.text))) == []


def test_years_modifying_a_noun_without_entity_labels(nlp: Language) -> None:
    # read from the parse when the pipeline has no entity recognizer
    doc = nlp("Its 2019 budget was cut. About 2000 soldiers left.")
    assert not doc.has_annotation("ENT_IOB")
    found = find_date_expressions(doc, STORY)
    assert [(e.text, e.precision) for e in found] == [("2019", Precision.YEAR)]


def test_month_name_in_a_person_name_without_entity_labels(nlp: Language) -> None:
    doc = nlp("Prime Minister Theresa May spoke. The vote was held in May.")
    found = find_date_expressions(doc, STORY)
    assert [e.text for e in found] == ["May"]
    assert found[0].start > doc.text.index("spoke")
