"""Dates, places and quotations are read per sentence with events, lazily: the results must
be those of reading the whole document."""

from __future__ import annotations

from dragoman import Coder, JudgeOptions

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
    # (in the same paragraph the denial would go on at Tuesday: see the narrative test)
    text = "On Tuesday, Armenia accused Azerbaijan of shelling a village.\n\nAzerbaijan denied it."
    rows = _dates(coder, text)
    assert rows[0][2:] == ("2025-05-27", "Tuesday")
    assert all(date == STORY and source is None for _s, _r, date, source in rows[1:])


def test_an_event_without_its_own_date_takes_the_sentences_only_date(coder: Coder) -> None:
    # "in March 2019" attaches to "returned", not to the arrest in the "as" clause
    text = "Police arrested the opposition leader as he returned home in March 2019."
    events = Coder(nlp=coder.nlp, judge=JudgeOptions.everything()).code(text, date="2025-06-01")
    arrest = next(e for e in events if e.cameo.code.startswith("17"))
    assert (arrest.date, arrest.date_precision) == ("2019-03-01", "month")
    # two dates in the sentence: each verb keeps its own
    text = "Police arrested him in March 2019 and released him in May 2020 after the vote."
    events = coder.code(text, date="2025-06-01")
    assert {e.date for e in events} <= {"2019-03-01", "2020-05-01"}


def test_a_narrative_goes_on_at_the_time_it_last_named(coder: Coder) -> None:
    story = (
        "Chadian troops attacked a Nigerian village on Tuesday. "
        "Nigerian police arrested two Chadian soldiers near the border."
    )
    events = coder.code(story, date="2025-06-06")
    arrest = next(e for e in events if e.cameo.code == "173")
    assert arrest.date == "2025-06-03" and arrest.date_source.text == "Tuesday"
    # a new paragraph starts afresh: the story date
    events = coder.code(story.replace(" Nigerian police", "\n\nNigerian police"), date="2025-06-06")
    arrest = next(e for e in events if e.cameo.code == "173")
    assert (arrest.date, arrest.date_source.source) == ("2025-06-06", "story")
    # two past dates before: no guessing
    events = coder.code(story.replace("on Tuesday", "on Tuesday and on Monday"), date="2025-06-06")
    arrest = next(e for e in events if e.cameo.code == "173")
    assert arrest.date_source.source == "story"
