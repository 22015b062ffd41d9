"""Datelines: the place a story was filed from, at its very start ("ASTANA -",
"KYIV, Ukraine (AP) —", "GAZA CITY, Gaza Strip (Reuters) --")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dragoman.lexicon import words
from dragoman.places._gazetteer import Gazetteer
from dragoman.places._place import MentionKind, Place, PlaceMention

__all__ = ["find_dateline"]

_CAPS_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_NAME_WORD = r"[A-Z][A-Za-z.'’\-]*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"\A\s*(?P<city>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,3}})"
    rf"(?:,\s*(?P<region>{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}))?"
    rf"(?:,?\s*{_MONTH}\s+\d{{1,2}})?"  # "KYIV, Ukraine, March 3 (Reuters) -"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?"  # "(AP)"
    r"(?:--|[-–—:])\s"
)
# Lower-case words inside place names ("Dar es Salaam", "Port-au-Prince", "Deir ez-Zor").
_NAME_PARTICLES = words("place_name_particles")


def find_dateline(doc: Doc, gazetteer: Gazetteer) -> PlaceMention | None:
    """Return the dateline place at the start of a document, or None.

    The city must be in capitals and followed by a dash or colon, possibly after a region
    or country ("KYIV, Ukraine") and a news agency in brackets. A region that names a
    country, or a place in one, restricts the city to that country ("PARIS, Texas").

    Args:
        doc: The parsed document.
        gazetteer: Where to look the city up.

    Returns:
        The dateline mention (kind ``dateline``), or None when the document has none or
        its city is not in the gazetteer.
    """
    # The head of the text is enough (Doc.text would join every token of a long story).
    head = doc[: min(len(doc), 48)].text
    match = _DATELINE.match(head, 0, 160)
    if match is None:
        return None
    country = None
    region = match.group("region")
    if region:
        country = gazetteer.country_named(region)
        if country is None:
            place = gazetteer.lookup(region)
            country = place.country if place else None
    city = match.group("city")
    candidates: list[Place] = []
    for name in _spellings(city):
        candidates = gazetteer.candidates(name, (country,) if country else ())
        if candidates:
            break
    if not candidates:
        return None
    if country is not None and any(p.country == country for p in candidates):
        candidates = [p for p in candidates if p.country == country]
    start, end = match.span("city")
    span = doc.char_span(start, end, alignment_mode="expand")
    token = span.root.i if span is not None and len(span) else 0
    return PlaceMention(
        place=candidates[0],
        text=city,
        start=start,
        end=end,
        token=token,
        kind=MentionKind.DATELINE,
        candidates=tuple(candidates),
    )


def _spellings(caps: str) -> list[str]:
    """Return the ways a name in capitals may be written ("NUR-SULTAN" -> "Nur-Sultan")."""
    words = caps.split(" ")
    full = " ".join("-".join(part.capitalize() for part in w.split("-")) for w in words)
    plain = " ".join(w.capitalize() for w in words)
    particles = " ".join(
        [full.split(" ")[0]]
        + [
            "-".join(
                part.lower() if part.lower() in _NAME_PARTICLES else part for part in w.split("-")
            )
            for w in full.split(" ")[1:]
        ]
    )
    hyphen_particles = "-".join(
        part.lower() if i and part.lower() in _NAME_PARTICLES else part
        for i, part in enumerate(full.split("-"))
    )
    seen: dict[str, None] = {}
    for name in (full, plain, particles, hyphen_particles):
        seen.setdefault(name, None)
    return list(seen)
