"""Reading PETRARCH validation files (``PETR.UnitTest.records.xml``) as gold records.

A validation file holds an ``<Environment>`` naming the dictionaries (``<Verbfile>``,
``<Actorfile>``, ``<Agentfile>``, ``<Discardfile>``, relative to the file) and the
categories to run (``<Include>``), then ``<Sentence date= id= category=>`` records, each
with zero or more ``<EventCoding sourcecode= targetcode= eventcode=>``, a ``<Text>`` and a
``<Parse>`` (the Penn Treebank parse PETRARCH reads; Dragoman parses the text itself and
ignores it). How records are read:

- ``<EventCoding noevents="True">``, and a record without any ``EventCoding``: a correct
  coder codes nothing.
- ``<EventCoding error="...">``: PETRARCH is expected to reject the record. ``dateline``,
  ``storydiscard`` and ``sentencediscard`` (PETRARCH codes nothing) count as "no events";
  ``bad_input_parse`` tests the Treebank reader and is skipped.
- Records whose category is not in ``<Include>`` are skipped, as PETRARCH skips them.
- ``<Config>`` options between records (``require_dyad``, ``new_actor_length``,
  ``comma_*``) tune PETRARCH; they are noted and ignored.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.parsers import expat

from dragoman.errors import InputError
from dragoman.evaluation._gold import GoldEvent, GoldRecord, GoldSet
from dragoman.records import normalize_date

__all__ = ["read_petrarch_xml"]

_DICTIONARY_TAGS = {
    "Verbfile": "verbs",
    "Actorfile": "actors",
    "Agentfile": "agents",
    "Discardfile": "discards",
}
_SILENT_ERRORS = frozenset({"dateline", "storydiscard", "sentencediscard"})
_SKIPPED_ERRORS = {
    "bad_input_parse": "tests PETRARCH's reader of Treebank parses; Dragoman parses the text",
}


class _Element:
    __slots__ = ("attrs", "children", "line", "tag", "text")

    def __init__(self, tag: str, attrs: dict[str, str], line: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.line = line
        self.children: list[_Element] = []
        self.text: list[str] = []


def _parse(path: Path) -> _Element:
    """Parse the XML into light elements that know their line numbers."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read PETRARCH validation file: {exc.strerror}") from exc
    parser = expat.ParserCreate()
    root = _Element("#document", {}, 0)
    stack = [root]

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = _Element(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(element)
        stack.append(element)

    def end(_tag: str) -> None:
        stack.pop()

    def chars(text: str) -> None:
        stack[-1].text.append(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(
            f"{path} line {exc.lineno}: not well-formed XML: {expat.ErrorString(exc.code)}"
        ) from exc
    return root


def read_petrarch_xml(path: Path | str, *, honor_include: bool = True) -> GoldSet:
    """Read a PETRARCH validation file as gold records.

    Args:
        path: The XML file.
        honor_include: Skip records whose category the ``<Include>`` list leaves out, as
            PETRARCH does.

    Returns:
        The records, the records skipped (with why), and the dictionaries the file's
        ``<Environment>`` names.

    Raises:
        InputError: The file cannot be read, is not well-formed XML, or a record is
            malformed (no id, no text, a bad date, an ``EventCoding`` without codes); the
            message names the file and line.
    """
    path = Path(path)
    root = _parse(path)
    top = root.children[0] if root.children else None
    if top is None:
        raise InputError(f"{path}: empty XML file")
    gold = GoldSet(path=str(path), format="petrarch-xml")
    include: set[str] | None = None
    environment = _find(top, "Environment")
    if environment is not None:
        for child in environment.children:
            value = "".join(child.text).strip()
            if child.tag in _DICTIONARY_TAGS and value:
                gold.dictionaries[_DICTIONARY_TAGS[child.tag]] = [
                    (path.parent / name.strip()) for name in value.split(",") if name.strip()
                ]
            elif child.tag == "Include" and value and honor_include:
                include = set(value.split())
    sentences = _find(top, "Sentences") or top
    configs = 0
    for element in sentences.children:
        if element.tag == "Config":
            configs += 1
        elif element.tag == "Stop":
            gold.notes.append(f"{path} line {element.line}: <Stop>: later records not read")
            break
        elif element.tag == "Sentence":
            _add_sentence(gold, element, path, include)
    if configs:
        gold.notes.append(
            f"{configs} PETRARCH <Config> option(s) between records ignored "
            "(require_dyad, new_actor_length, comma_*)"
        )
    if not gold.records and not gold.skipped:
        raise InputError(f"{path}: no <Sentence> records found")
    return gold


def _find(element: _Element, tag: str) -> _Element | None:
    return next((child for child in element.children if child.tag == tag), None)


def _add_sentence(gold: GoldSet, element: _Element, path: Path, include: set[str] | None) -> None:
    where = f"{path} line {element.line}"
    record_id = element.attrs.get("id", "").strip()
    if not record_id:
        raise InputError(f'{where}: <Sentence> has no id="..."')
    category = element.attrs.get("category", "").strip() or None
    if include is not None and category is not None and category not in include:
        gold.skipped.append((record_id, f"category {category} is not in <Include>"))
        return
    text_element = _find(element, "Text")
    text = " ".join("".join(text_element.text).split()) if text_element is not None else ""
    if not text:
        raise InputError(f"{where}: <Sentence id={record_id!r}> has no <Text>")
    date = _date(element.attrs.get("date", "").strip(), where)
    events: list[GoldEvent] = []
    noevents = False
    for coding in (c for c in element.children if c.tag == "EventCoding"):
        attrs = {k.strip(): v.strip() for k, v in coding.attrs.items()}
        coding_where = f"{path} line {coding.line}"
        if "error" in attrs:
            error = attrs["error"]
            if error in _SKIPPED_ERRORS:
                gold.skipped.append((record_id, f"error={error}: {_SKIPPED_ERRORS[error]}"))
                return
            if error not in _SILENT_ERRORS:
                gold.skipped.append((record_id, f"error={error}: not a case Dragoman can test"))
                return
            noevents = True
        elif attrs.get("noevents", "").lower() == "true":
            noevents = True
        else:
            events.append(_event(attrs, coding_where))
    if events and noevents:
        raise InputError(f"{where}: record {record_id!r} has both events and noevents")
    gold.records.append(
        GoldRecord(
            id=record_id,
            text=text,
            date=date,
            events=tuple(events),
            noevents=not events,
            category=category,
            where=where,
        )
    )


def _event(attrs: dict[str, Any], where: str) -> GoldEvent:
    missing = [k for k in ("sourcecode", "targetcode", "eventcode") if not attrs.get(k)]
    if missing:
        raise InputError(
            f"{where}: <EventCoding> lacks {', '.join(missing)}; expected "
            'sourcecode="..." targetcode="..." eventcode="..." or noevents="True"'
        )
    return GoldEvent(
        sources=(attrs["sourcecode"].upper(),),
        targets=(attrs["targetcode"].upper(),),
        cameo=attrs["eventcode"],
    )


def _date(value: str, where: str) -> str | None:
    if not value:
        return None
    if re.fullmatch(r"\d{8}", value):
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    try:
        return normalize_date(value)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None
