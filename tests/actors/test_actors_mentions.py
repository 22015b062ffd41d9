"""MentionFinder: dictionary names found from the token table, longest match first."""

from __future__ import annotations

import pytest
from spacy.util import filter_spans

from dragoman import Coder
from dragoman.actors import MentionFinder
from dragoman.actors._mentions import _filter_ranges
from dragoman.pipeline import TokenTable

TEXTS = [
    "President Kassym-Jomart Tokayev of Kazakhstan met Finnish officials in Astana.",
    "The New York Times said Mexico and New Mexico signed nothing.",
    "Tokayev  spoke;  Kazakhstan's   foreign minister  listened.",  # extra spaces
    "A quiet day.",
    "",
]


def _as_tuples(finder: MentionFinder, coder: Coder, text: str, table: bool) -> list[tuple]:
    doc = coder.nlp(text)
    found = finder.find(doc, text, TokenTable(doc)) if table else finder.find(doc)
    return [(m.start, m.end, m.phrase.entry.code) for m in found]


@pytest.mark.parametrize("text", TEXTS)
def test_the_table_and_the_doc_give_the_same_mentions(coder: Coder, text: str) -> None:
    finder = MentionFinder(coder.nlp, coder.actors)
    assert _as_tuples(finder, coder, text, True) == _as_tuples(finder, coder, text, False)


def test_names_people_states_and_not_parts_of_longer_names(coder: Coder) -> None:
    finder = MentionFinder(coder.nlp, coder.actors)
    doc = coder.nlp(TEXTS[0])
    found = {doc[m.start : m.end].text: m.phrase.entry.kind for m in finder.find(doc)}
    assert found["Kassym-Jomart Tokayev"] == "person"  # the longest run ending, not "Tokayev"
    assert found["Kazakhstan"] == "state"
    doc = coder.nlp(TEXTS[1])
    names = [doc[m.start : m.end].text for m in finder.find(doc)]
    assert "Mexico" in names and "New Mexico" not in names
    assert names.count("Mexico") == 1  # the "Mexico" of "New Mexico" is another place


def test_a_state_adjective_spelled_like_a_continent_s_needs_no_continent_part(
    coder: Coder,
) -> None:
    finder = MentionFinder(coder.nlp, coder.actors)
    doc = coder.nlp("Latin American and South American leaders met American envoys.")
    codes = [(doc[m.start : m.end].text, m.phrase.entry.code) for m in finder.find(doc)]
    assert codes == [("American", "USA")]  # only the envoys'


@pytest.mark.parametrize(
    "ranges",
    [
        [(0, 2), (1, 3), (1, 2)],
        [(2, 5), (0, 3), (4, 6), (0, 1)],
        [(3, 4), (3, 4), (0, 2)],
        [(0, 4), (1, 2), (5, 9), (6, 9), (8, 10)],
    ],
)
def test_filter_ranges_agrees_with_spacy(coder: Coder, ranges: list[tuple[int, int]]) -> None:
    doc = coder.nlp("one two three four five six seven eight nine ten eleven")
    expected = [(s.start, s.end) for s in filter_spans([doc[a:b] for a, b in ranges])]
    assert _filter_ranges(ranges) == expected


def test_a_surname_the_tagger_reads_as_a_noun_is_a_name_where_a_name_stands(
    coder: Coder,
) -> None:
    finder = MentionFinder(coder.nlp, coder.actors)
    doc = coder.nlp("Trump praised Modi during the visit.")
    assert doc[0].pos_ == "NOUN" and doc[0].dep_ == "nsubj"  # what the rule is for
    found = {doc[m.start : m.end].text: m.phrase.entry.kind for m in finder.find(doc)}
    assert found.get("Trump") == "person"
    # the same word as a modifier ("Trump voters") is no mention of him, nor a lower-case one
    doc = coder.nlp("Trump voters stayed home.")
    assert (doc[0].pos_, doc[0].dep_) == ("NOUN", "compound")
    assert not finder.find(doc)
    doc = coder.nlp("The trump card was played.")
    assert not finder.find(doc)


def test_a_name_read_as_a_noun_gives_its_event(coder: Coder) -> None:
    events = coder.code("Trump praised Modi during the visit.", date="2019-06-01")
    assert [(e.source.code, e.cameo.code, e.target.code if e.target else None) for e in events] == [
        ("USAGOV", "051", "INDGOV")
    ]


@pytest.mark.parametrize("text", ["Obama said he would not send aid to Israel", "Israel"])
def test_a_name_at_the_end_of_a_text_ends_within_it(coder: Coder, text: str) -> None:
    # a longer phrase starting with the last word must not match a slice cut short
    finder = MentionFinder(coder.nlp, coder.actors)
    doc = coder.nlp(text)
    found = finder.find(doc)
    assert found and all(m.end <= len(doc) for m in found)
    assert doc[found[-1].start : found[-1].end].text == "Israel"
