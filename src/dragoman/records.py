"""The records Dragoman produces: documents in, events out.

All records are frozen dataclasses with a ``to_dict()`` that gives the JSON form documented
in the README. Character offsets (``start``, ``end``) always index into the document text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from dragoman.errors import InputError

__all__ = [
    "MAX_CHARS",
    "MAX_DATE",
    "MIN_DATE",
    "Actor",
    "CameoRef",
    "Document",
    "Event",
    "EventDate",
    "Evidence",
    "Location",
    "PloverRef",
    "Quote",
    "TextSpan",
    "normalize_date",
]


#: Longest document text accepted, in characters (spaCy's own default limit).
MAX_CHARS = 1_000_000

#: The range of story dates accepted: news outside it is a typo or hostile input, and date
#: arithmetic ("last year", "next week") stays far from the ends of Python's calendar.
MIN_DATE = dt.date(1800, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalize_date(value: str | dt.date | None, *, bounded: bool = True) -> str | None:
    """Return a story date as ``YYYY-MM-DD``.

    Args:
        value: A ``date``/``datetime``, an ISO date string (a time part is ignored:
            ``2025-03-14 20:30:26Z`` gives ``2025-03-14``), or None.
        bounded: Check that the date lies in :data:`MIN_DATE` .. :data:`MAX_DATE` (as every
            story date must); False for dates read from the text ("in 1066").

    Returns:
        The ISO date, or None.

    Raises:
        InputError: The value is not a valid date, or lies outside :data:`MIN_DATE` ..
            :data:`MAX_DATE`.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return _in_range(value.date(), value, bounded)
    if isinstance(value, dt.date):
        return _in_range(value, value, bounded)
    if not isinstance(value, str):
        raise InputError(
            f"date {value!r} is a {type(value).__name__}; give a YYYY-MM-DD string or a date"
        )
    text = value.strip()
    head = text[:10]
    if not _ISO_DATE.match(head) or (len(text) > 10 and text[10] not in "T "):
        raise InputError(f"date {text[:40]!r} is not an ISO date; write it as YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(head)
    except ValueError as exc:
        raise InputError(f"date {text!r} is not a valid calendar date") from exc
    return _in_range(day, text, bounded)


def _in_range(day: dt.date, given: object, bounded: bool) -> str:
    if bounded and not MIN_DATE <= day <= MAX_DATE:
        raise InputError(
            f"date {str(given)[:40]!r} is outside {MIN_DATE.isoformat()} .. "
            f"{MAX_DATE.isoformat()}; give a story date in that range"
        )
    return day.isoformat()


@dataclass(frozen=True, slots=True)
class Document:
    """One news story to code.

    Attributes:
        id: Identifier of the document, unique within a corpus.
        text: The full text.
        date: Story date as ``YYYY-MM-DD``, or None when unknown.
        title: Headline, if known.
        url: Where the story came from, if known.
    """

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of document text with its character offsets."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form ``{text, start, end}``."""
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: who, with the text that named it and how it was resolved.

    Attributes:
        code: CAMEO-style actor code (``KAZ``, ``KAZGOV``, ``IGOEUROSC``).
        name: Readable name of the dictionary entry (``Kazakhstan``).
        text: The words in the document that name the actor.
        start: Character offset of ``text`` in the document.
        end: Character offset just past ``text``.
        entry: The dictionary entry that produced the code (``states:KAZ``).
        rule: The resolution rule that applied (``name``, ``adjective+agent``, ...).
    """

    code: str
    name: str
    text: str
    start: int
    end: int
    entry: str = ""
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the actor."""
        return {
            "code": self.code,
            "name": self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "entry": self.entry,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class CameoRef:
    """A CAMEO event code with its name."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class PloverRef:
    """A PLOVER 2.0 event type and mode (either may be None where CAMEO has no PLOVER type)."""

    type: str | None
    mode: str | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The text an event was read from.

    Attributes:
        sentence: The sentence, with its offsets in the document.
        verb: The predicate (verb or verb phrase) that carries the event.
        pattern: The verb-dictionary entry that matched, for explanation.
    """

    sentence: TextSpan
    verb: TextSpan
    pattern: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the evidence."""
        return {
            "sentence": self.sentence.to_dict(),
            "verb": self.verb.to_dict(),
            "pattern": self.pattern,
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    """Where an event's date comes from.

    Attributes:
        source: ``text`` (an expression in the text dates the event) or ``story`` (the
            story date, when the text gives none) or ``none`` (no date known).
        text: The date expression ("two weeks prior"), for ``text``.
        start: Its character offset, for ``text``.
        end: Its end offset, for ``text``.
        relation: ``past``, ``present`` or ``future`` relative to the story date, when
            known.
    """

    source: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    relation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (``source`` and, for text dates, the expression)."""
        data: dict[str, Any] = {"source": self.source}
        if self.source == "text":
            data.update(text=self.text, start=self.start, end=self.end, relation=self.relation)
        return data


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, from a place named in the text.

    Attributes:
        name: Gazetteer name of the place.
        country: ISO 3166 alpha-3 code, or None (seas, world regions).
        feature: ``country``, ``capital``, ``city``, ``region``, ``border``, ...
        latitude: Decimal degrees.
        longitude: Decimal degrees.
        text: The words that name it in the document.
        start: Character offset of ``text``.
        end: End offset of ``text``.
    """

    name: str
    country: str | None
    feature: str
    latitude: float | None
    longitude: float | None
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "name": self.name,
            "country": self.country,
            "feature": self.feature,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: who said what.

    Attributes:
        doc_id: The document.
        index: Position among the document's quotes (events refer to it).
        speaker: The resolved speaker, or None when unknown.
        speaker_text: The words naming the speaker ("she", "the minister"), or None.
        cue: The speech verb or "according to", or None.
        content: What was said, with its offsets.
        kind: ``direct`` (quotation marks) or ``indirect`` ("said that ...").
        group: Parts of one quotation (split by its cue) share a group.
    """

    doc_id: str
    index: int
    speaker: Actor | None
    speaker_text: str | None
    cue: TextSpan | None
    content: TextSpan
    kind: str
    group: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "doc_id": self.doc_id,
            "index": self.index,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_text": self.speaker_text,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "kind": self.kind,
            "group": self.group,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded political event: who did what to whom, when.

    Attributes:
        doc_id: Identifier of the source document.
        sentence_index: Index of the sentence in the document (0-based).
        event_id: Stable identifier, a hash of document, offsets, actors and code.
        date: Event date as ``YYYY-MM-DD`` (the story date for now), or None.
        source: The actor who acts.
        target: The actor acted upon, or None.
        cameo: CAMEO event code and name.
        root_code: The two-digit CAMEO root.
        quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
            4 material conflict.
        goldstein: Goldstein conflict/cooperation score of the CAMEO code.
        plover: PLOVER 2.0 type and mode.
        negated: True when the text denies the event ("did not criticize").
        evidence: The sentence and predicate the event was read from.
        modality: How the text presents the action: ``asserted``, ``future`` ("will
            visit", coded as an intent or threat), ``hypothetical`` ("could impose") or
            ``obligation`` ("must withdraw").
        date_precision: ``day``, ``month`` or ``year``: how precise ``date`` is.
        date_source: Where the date comes from (an expression in the text, or the story).
        location: Where it happened, when the text names a place for it.
        quote: Index of the document quote the event was read from, or None.
        confidence: How likely the event is right, from 0 to 1 (the coding stage's
            calibrated estimate; see :mod:`dragoman.coding` and ``docs/rules.md``).
    """

    doc_id: str
    sentence_index: int
    event_id: str
    date: str | None
    source: Actor
    target: Actor | None
    cameo: CameoRef
    root_code: str
    quad_class: int
    goldstein: float
    plover: PloverRef
    negated: bool
    evidence: Evidence
    modality: str = "asserted"
    date_precision: str = "day"
    date_source: EventDate = EventDate("story")
    location: Location | None = None
    quote: int | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the event (the README documents its fields)."""
        return {
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "event_id": self.event_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source.to_dict(),
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": {"code": self.cameo.code, "name": self.cameo.name},
            "root_code": self.root_code,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": {"type": self.plover.type, "mode": self.plover.mode},
            "negated": self.negated,
            "modality": self.modality,
            "location": self.location.to_dict() if self.location else None,
            "quote": self.quote,
            "confidence": self.confidence,
            "evidence": self.evidence.to_dict(),
        }


def make_event_id(
    doc_id: str, verb_start: int, source: Actor, target: Actor | None, code: str
) -> str:
    """Return a stable event identifier.

    The id depends only on what identifies the event in its document, so the same input
    always gives the same id, across runs and machines.

    Args:
        doc_id: Identifier of the document.
        verb_start: Character offset of the predicate.
        source: The source actor.
        target: The target actor, or None.
        code: The CAMEO code.

    Returns:
        A 16-character hexadecimal string.
    """
    key = "\x1f".join(
        [
            doc_id,
            str(verb_start),
            source.code,
            str(source.start),
            target.code if target else "",
            str(target.start) if target else "",
            code,
        ]
    )
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()
