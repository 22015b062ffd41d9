"""Dates, places and quotations are read per sentence with events, lazily: the results must
be those of reading the whole document."""

from __future__ import annotations

from dragoman import Coder

STORY = "2025-06-01"


def _dates(coder: Coder, text: str) -> list[tuple[int, str, str | None, str | None]]:
    return [
        (e.sentence_index, e.cameo.code[:2], e.date, e.date_source.text)
        for e in coder.code(text, date=STORY)
    ]


def test_an_anaphoric_date_counts_from_a_date_two_sentences_back(coder: Coder) -> None:
    text = (
        "Armenia and Azerbaijan began talks on April 14. The mediators were hopeful. "
        "The previous day, Armenia accused Azerbaijan of shelling a village."
    )
    rows = _dates(coder, text)
    assert (2, "11", "2025-04-13", "The previous day") in rows
    assert all(date == "2025-04-14" for sentence, _root, date, _text in rows if sentence == 0)


def test_a_narrative_date_further_back_is_not_used(coder: Coder) -> None:
    text = (
        "Armenia and Azerbaijan began talks on April 14. The mediators were hopeful. "
        "The weather was mild. The previous day, Armenia accused Azerbaijan of shelling."
    )
    rows = _dates(coder, text)
    assert (3, "11", "2025-05-31", "The previous day") in rows  # from the story date


def test_sentences_without_their_own_date_take_the_story_date(coder: Coder) -> None:
    text = "On Tuesday, Armenia accused Azerbaijan of shelling a village. Azerbaijan denied it."
    rows = _dates(coder, text)
    assert rows[0][2:] == ("2025-05-27", "Tuesday")
    assert all(date == STORY and source is None for _s, _r, date, source in rows[1:])
