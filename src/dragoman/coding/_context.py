"""A document's dates, places and quotations, as the events of its clauses need them.

Dates and places are computed on first use, per sentence with events: a document without
events costs nothing.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span, Token

from dragoman.actors import DocumentActors
from dragoman.pipeline import TokenTable
from dragoman.places import PlaceMention, find_places, load_gazetteer, place_for_clause, rerank
from dragoman.quotes import Quote as RawQuote
from dragoman.quotes import QuoteIndex, find_quotes
from dragoman.records import Actor, EventDate, Location, Quote, TextSpan, normalize_date
from dragoman.temporal import (
    DateExpression,
    date_for_clause,
    find_date_expressions,
    narrative_date,
    sole_date,
)

__all__ = ["ContextOptions", "DocumentContext"]

# "The previous day" counts from a date named in its sentence or the two before it.
_NARRATIVE_SENTENCES = 2


class ContextOptions:
    """Which context layers to compute (all on by default)."""

    __slots__ = ("dates", "places", "quotes")

    def __init__(self, *, dates: bool = True, places: bool = True, quotes: bool = True) -> None:
        """Choose the layers.

        Args:
            dates: Date events from expressions in the text ("two weeks prior").
            places: Locate events with the gazetteer ("in Astana").
            quotes: Find quotations, attribute them, and code what speakers say.
        """
        self.dates = dates
        self.places = places
        self.quotes = quotes
        if places:
            load_gazetteer()  # load once, up front, not in the first document


class DocumentContext:
    """Dates, places and quotations of one parsed document."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        story_date: str | None,
        resolver: DocumentActors,
        options: ContextOptions,
        table: TokenTable | None = None,
    ) -> None:
        """Find the document's quotations and prepare the lazy layers.

        Args:
            doc: The parsed document.
            text: Its text (saves joining the tokens again).
            story_date: The story date, ``YYYY-MM-DD``, or None.
            resolver: The document's actor resolver (quote speakers are resolved with it).
            options: Which layers to compute.
            table: The Doc's token attributes, when the caller has read them.
        """
        self.doc = doc
        self.text = text
        self.story_date = story_date
        self.options = options
        self.resolver = resolver
        self._table = table
        self.raw_quotes: list[RawQuote] = (
            find_quotes(doc, text=text, table=table) if options.quotes else []
        )
        # one index of the quotations, read by the coder and the actor resolver alike
        self.quote_index = QuoteIndex(
            [(q.content_start, q.content_end, q.speaker_token_index) for q in self.raw_quotes]
        )
        resolver.set_quotes(self.quote_index)
        # per sentence start token: the layers are read only around sentences with events
        self._dates: dict[int, list[DateExpression]] = {}
        self._sentence_starts: list[int] | None = None  # character offsets
        self._narrative: dict[int, list[DateExpression]] = {}  # per sentence start character
        self._story: dt.date | None = None
        self._places: dict[int, list[PlaceMention]] = {}

    def quote_at(self, offset: int) -> int | None:
        """Return the index of the quotation containing a character offset, or None."""
        return self.quote_index.at(offset)

    def date_for(self, token: Token, sentence: Span) -> tuple[str | None, str, EventDate]:
        """Return an event's date, precision and source for its predicate token.

        An expression attached to the predicate dates the event; otherwise the sentence's
        one date expression if it has exactly one; otherwise, for a sentence naming no time,
        the one past date of the sentence before it in the same paragraph; otherwise the
        story date does (precision ``day``), or nothing when there is no story date. Expressions are
        read sentence by sentence, only in sentences with events; "the previous day" in
        one counts from a date named up to two sentences before.
        """
        if self.options.dates:
            expressions = self._dates.get(sentence.start)
            if expressions is None:
                expressions = self._sentence_dates(sentence)
                self._dates[sentence.start] = expressions
            expression = date_for_clause(expressions, token) if expressions else None
            if expression is None and expressions:
                expression = sole_date(expressions, token, sentence)
            if expression is None and not expressions:
                expression = self._narrative_date(sentence, token)
            if expression is not None:
                return (
                    expression.date,
                    str(expression.precision),
                    EventDate(
                        "text",
                        expression.text,
                        expression.start,
                        expression.end,
                        str(expression.relation),
                    ),
                )
        if self.story_date is None:
            return None, "day", EventDate("none")
        return self.story_date, "day", EventDate("story")

    def _sentence_dates(self, sentence: Span) -> list[DateExpression]:
        return self._window_dates(sentence.start_char, sentence.end_char)

    def _starts(self) -> list[int]:
        if self._sentence_starts is None:
            table = self.doc.to_array([SENT_START, IDX])
            self._sentence_starts = [int(i) for i in table[table[:, 0] == 1, 1]]
        return self._sentence_starts

    def _window_dates(self, begin: int, end: int) -> list[DateExpression]:
        starts = self._starts()
        number = bisect_right(starts, begin) - 1
        narrative = starts[max(0, number - _NARRATIVE_SENTENCES)] if number >= 0 else None
        if self._story is None and self.story_date is not None:
            iso = normalize_date(self.story_date)  # checked once, not per sentence
            self._story = dt.date.fromisoformat(iso) if iso else None
        return find_date_expressions(
            self.doc, self._story, text=self.text, window=(begin, end), narrative_start=narrative
        )

    def _narrative_date(self, sentence: Span, token: Token) -> DateExpression | None:
        """The date of the sentence before, in the same paragraph, when this sentence names
        none (:func:`~dragoman.temporal.narrative_date`: a narrative goes on at the time it
        last named)."""
        starts = self._starts()
        number = bisect_right(starts, sentence.start_char) - 1
        if number < 1:
            return None
        begin, end = starts[number - 1], starts[number]
        previous_text = self.text[begin : sentence.start_char]
        if "\n" in previous_text[len(previous_text.rstrip()) :]:
            return None  # a line break before this sentence: another paragraph
        previous = self._narrative.get(begin)
        if previous is None:
            previous = self._window_dates(begin, end)
            self._narrative[begin] = previous
        if not previous:
            return None
        root = self.doc.char_span(begin, end, alignment_mode="expand")
        return narrative_date(previous, root.root if root is not None else None, token)

    def location_for(
        self, token: Token, sentence: Span, actors: Iterable[Actor | None]
    ) -> Location | None:
        """Return where an event happened, preferring its actors' countries when a place
        name is ambiguous, or None when the text names no place for it."""
        if not self.options.places:
            return None
        mentions = self._places.get(sentence.start)
        if mentions is None:
            mentions = find_places(
                self.doc, window=(sentence.start, sentence.end), table=self._table
            )
            self._places[sentence.start] = mentions
        if not mentions:
            return None
        prefer = [a.code for a in actors if a is not None and not a.code.startswith("---")]
        mention = place_for_clause(mentions, token, prefer)
        if mention is None:
            return None
        if len(mention.candidates) > 1:
            # "in Kingston, the Canadian port": the place's state named in the
            # sentence, after the actors' countries
            named = sorted(self.resolver.geography.states_of_places_near(mention.token))
            mention = rerank(mention, [*prefer, *named])
        place = mention.place
        return Location(
            name=place.name,
            country=place.country,
            feature=str(place.feature),
            latitude=place.latitude,
            longitude=place.longitude,
            text=mention.text,
            start=mention.start,
            end=mention.end,
        )

    def state_name(self, code: str) -> str:
        """Return the dictionary name of a state code (the code itself if unknown)."""
        return self.resolver.state_name(code)

    def quotes(self, doc_id: str) -> list[Quote]:
        """Return the document's quotations with their speakers resolved."""
        out: list[Quote] = []
        for index, raw in enumerate(self.raw_quotes):
            speakers = self.resolver.speaker(index)
            cue = (
                TextSpan(raw.cue.text, raw.cue.start, raw.cue.end) if raw.cue is not None else None
            )
            out.append(
                Quote(
                    doc_id=doc_id,
                    index=index,
                    speaker=speakers[0] if speakers else None,
                    speaker_text=raw.speaker_text,
                    cue=cue,
                    content=TextSpan(raw.content, raw.content_start, raw.content_end),
                    kind=str(raw.kind),
                    group=raw.group,
                )
            )
        return out
