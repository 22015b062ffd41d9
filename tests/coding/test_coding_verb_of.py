"""verb_of: the token an event's verb evidence starts at, found in the token table, is the
token Doc.char_span (alignment "expand") gives, for any evidence offsets."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from dragoman import Coder
from dragoman.coding._antecedents import verb_of
from dragoman.records import Event, TextSpan

# written for this test (two spaces before "The" make a whitespace token)
_TEXT = "Iran urged Iraq to release the fishermen.  The talks in Geneva ended on Friday."


def _by_char_span(event: Event, doc: Doc) -> int | None:
    verb = event.evidence.verb
    span = doc.char_span(verb.start, verb.end, alignment_mode="expand")
    return span[0].i if span is not None and len(span) else None


def _at(event: Event, start: int, end: int) -> Event:
    verb = TextSpan(_TEXT[start:end], start, end)
    return replace(event, evidence=replace(event.evidence, verb=verb))


def test_verb_of_agrees_with_char_span_at_every_offset(coder: Coder) -> None:
    doc = coder.nlp(_TEXT)
    event = coder.code(_TEXT, doc_id="d")[0]
    found = verb_of(event, doc)
    assert found is not None and found.text == "urged"
    for start in range(len(_TEXT) + 1):
        for end in (start, start + 1, start + 4, len(_TEXT), len(_TEXT) + 3):
            moved = _at(event, start, end)
            token = verb_of(moved, doc)
            assert (token.i if token is not None else None) == _by_char_span(moved, doc), (
                start,
                end,
            )
