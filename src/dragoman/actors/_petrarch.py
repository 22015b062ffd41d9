"""Converting PETRARCH/TABARI actor (``.actors``) and agent (``.agents``) dictionaries.

What is read, and how it maps to Dragoman's actor format (docs/dictionaries.md):

``.actors`` records: a primary phrase, ``+`` synonym lines, and codes, inline
(``ARNOR_ [ARN]``) or on indented lines below (``\\t[HOBGOV 19950601-19990815]``).

- Words are separated by ``_`` or blanks; a trailing ``_`` (PETRARCH's "whole word" mark) is
  dropped; names match whole words, as in PETRARCH. PETRARCH upper-cases text before
  matching, Dragoman matches case-sensitively, so each phrase gives its title-case form
  ("Minas Tirith", "Prince of Dol Amroth"), its sentence-case form ("Israeli troops") and,
  for short single words, the all-capitals form ("IMF"). A leading "THE" is dropped
  ("THE_SHIRE" -> "Shire"), since the article is not part of the name in running text.
- An undated code is the entry's code. Entries with the same undated code become one
  entry (first phrase as name, the others as aliases). Lower-case codes are upper-cased
  (``[pse]`` -> ``PSE``); a three-letter code is a state-like actor, others organizations.
- Dated codes become dated roles (``roles:``): ``[C YYMMDD-YYMMDD]`` start and end,
  ``[C <DATE]`` ends on DATE, ``[C >DATE]`` starts on DATE (PETRARCH's limits are inclusive,
  as Dragoman's are). Two-digit years up to 30 are 20xx, the others 19xx. The undated code
  of a dated entry (PETRARCH's default) becomes a role without dates, listed last: Dragoman
  prefers a dated role that holds on the event date, as PETRARCH does.
- As in PETRARCH, which strips every line, an indented line that is neither ``+SYNONYM``
  nor ``[CODE]`` starts a new entry; text after a code on the same line is ignored.
- Dropped, and counted: the null code ``---`` (PETRARCH: "not an actor"; as a dated code it
  leaves a gap in the roles), several codes in one (``[FRO/BIL/SAM]``, a compound actor),
  codes that are not CAMEO-style (``+++``, ``###``), records with no code.

``.agents`` lines: ``PHRASE {PLURAL} [~CODE]``, with ``!NAME! = A, B`` substitution sets.

- ``~GOV`` gives the sector ``GOV``; longer codes keep their first sector (``~GOVMED`` ->
  ``GOV``, counted), since Dragoman's agent codes are three letters.
- An explicit plural (``{ATTORNEYS_GENERAL}``) is listed as a second noun; ``{}`` (no
  plural) needs nothing, Dragoman matches plurals through the lemma.
- Dropped, and counted: codes written before the actor (``NGO~``: an organization
  prefix, not a sector).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman._petrarchfile import PetrarchImport, SourceLine, read_lines
from dragoman.errors import DictionaryError
from dragoman.lexicon import words

__all__ = ["import_petrarch_actors", "parse_petrarch_date"]

_CODE = re.compile(r"^[A-Z0-9-]{3,24}$")
_STATE = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{6}$|^\d{8}$")
_SUBSTITUTION = re.compile(r"^\s*(![A-Za-z0-9_]+!)\s*=\s*(.*)$")
_AGENT_LINE = re.compile(
    r"^(?P<phrase>[^{\[]*?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]"
)
# Words kept lower case inside a title-case name ("Prince of Dol Amroth").
_SMALL_WORDS = words("small_words")
NULL_CODE = "---"


def parse_petrarch_date(text: str) -> str:
    """Read a PETRARCH date (``YYMMDD`` or ``YYYYMMDD``) as ISO ``YYYY-MM-DD``.

    Two-digit years up to 30 are read as 20xx, the others as 19xx (``991001`` is
    1999-10-01, ``020128`` is 2002-01-28).

    Args:
        text: The date as written in the dictionary.

    Returns:
        The ISO date.

    Raises:
        ValueError: Not six or eight digits, or not a calendar date.
    """
    if not _DATE.match(text):
        raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"date {text!r} is not a calendar date") from None


def import_petrarch_actors(paths: Iterable[Path | str], *, strict: bool = False) -> PetrarchImport:
    """Convert PETRARCH/TABARI ``.actors`` and ``.agents`` files into Dragoman actor entries.

    A file is read as an agents file when its name contains "agent" or its codes use
    PETRARCH's ``~`` agent notation; otherwise as an actors file. The module docstring
    describes the mapping, and what is dropped.

    Args:
        paths: The PETRARCH files.
        strict: Raise at the first malformed line instead of skipping it.

    Returns:
        The entries (write them with :meth:`PetrarchImport.to_yaml`) with counts of what
        was dropped and the malformed lines.

    Raises:
        DictionaryError: A file cannot be read, or (with ``strict``) has a malformed line;
            the message names the file and line.
    """
    result = PetrarchImport(kind="actors")
    actors = _ActorEntries()
    agent_entries: list[dict[str, Any]] = []
    for path in paths:
        lines = read_lines(path)
        result.files.append(str(path))
        if _is_agents_file(Path(path), lines):
            agent_entries.extend(_read_agents(lines, result, strict))
        else:
            _read_actors(lines, result, strict, actors)
    result.entries = actors.entries() + agent_entries
    return result


def _is_agents_file(path: Path, lines: list[SourceLine]) -> bool:
    if "agent" in path.name.lower():
        return True
    codes = [m.group(1) for line in lines[:200] for m in re.finditer(r"\[([^\]]*)\]", line.text)]
    return bool(codes) and sum("~" in code for code in codes) > len(codes) / 2


# ---------------------------------------------------------------- actors


@dataclass
class _Code:
    code: str
    start: str | None = None
    end: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class _Record:
    first: SourceLine
    phrases: list[str] = field(default_factory=list)
    codes: list[tuple[_Code, SourceLine]] = field(default_factory=list)


class _ActorEntries:
    """Converted actor entries; entries with the same undated code are merged."""

    def __init__(self) -> None:
        self._by_code: dict[str, dict[str, Any]] = {}
        self._order: list[dict[str, Any]] = []

    def add_named(self, code: str, names: list[str], where: str) -> None:
        entry = self._by_code.get(code)
        if entry is None:
            entry = {"code": code, "name": names[0], "aliases": [], "note": f"PETRARCH {where}"}
            self._by_code[code] = entry
            self._order.append(entry)
        else:
            entry["note"] += f"; {where}"
        known = {entry["name"], *entry["aliases"]}
        entry["aliases"].extend(n for n in dict.fromkeys(names) if n not in known)

    def add_person(self, entry: dict[str, Any]) -> None:
        self._order.append(entry)

    def entries(self) -> list[dict[str, Any]]:
        out = []
        for entry in self._order:
            entry = dict(entry)
            if "aliases" in entry and not entry["aliases"]:
                del entry["aliases"]
            out.append(entry)
        return out


def _read_actors(
    lines: list[SourceLine], result: PetrarchImport, strict: bool, entries: _ActorEntries
) -> None:
    record: _Record | None = None
    for line in lines:
        if not line.text:
            continue
        stripped = line.text.strip()
        if stripped.startswith("["):
            if record is None:
                result.problem(line, "a code line before any actor name", strict=strict)
                continue
            _read_codes(stripped, line, record, result, strict)
        elif stripped.startswith("+"):
            if record is None:
                result.problem(line, "a '+' synonym before any actor name", strict=strict)
                continue
            phrase = _read_phrase(stripped[1:], line, record, result, strict)
            if phrase:
                record.phrases.append(phrase)
        else:
            if record is not None:
                _finish_actor(record, result, entries)
            record = _Record(line)
            phrase = _read_phrase(stripped, line, record, result, strict)
            if phrase:
                record.phrases.append(phrase)
    if record is not None:
        _finish_actor(record, result, entries)


def _read_phrase(
    text: str, line: SourceLine, record: _Record, result: PetrarchImport, strict: bool
) -> str:
    """Return the phrase of a name line; its inline codes go to the record."""
    bracket = text.find("[")
    if bracket >= 0:
        _read_codes(text[bracket:], line, record, result, strict)
        text = text[:bracket]
    words = text.replace("_", " ").split()
    if not words:
        result.problem(line, "no actor name before the code", strict=strict)
        return ""
    return " ".join(words)


def _read_codes(
    text: str, line: SourceLine, record: _Record, result: PetrarchImport, strict: bool
) -> None:
    rest = text.strip()
    while rest:
        if not rest.startswith("["):
            result.simplified["text after a code ignored"] += 1
            return
        close = rest.find("]")
        if close < 0:
            result.problem(
                line, f"unclosed code {rest!r}; write [CODE] or [CODE DATE-DATE]", strict=strict
            )
            return
        code = _parse_code(rest[1:close], line, result, strict)
        if code is not None:
            record.codes.append((code, line))
        rest = rest[close + 1 :].strip()


def _parse_code(inner: str, line: SourceLine, result: PetrarchImport, strict: bool) -> _Code | None:
    parts = inner.split(None, 1)
    if not parts:
        result.problem(line, "empty code []", strict=strict)
        return None
    code = parts[0].upper()
    restriction = "".join(parts[1].split()) if len(parts) > 1 else ""
    if re.match(r"^[<>]?\d", code):
        result.problem(
            line, f"date restriction [{inner}] has no actor code before it", strict=strict
        )
        return None
    glued = re.match(r"^([A-Z-]+?)([<>]?\d{6}.*)$", code)
    if glued:
        result.problem(
            line, f"code and date run together in [{inner}]; put a space between", strict=strict
        )
        return None
    parsed = _Code(code)
    if restriction:
        try:
            if restriction[0] == "<":
                parsed.end = parse_petrarch_date(restriction[1:])
            elif restriction[0] == ">":
                parsed.start = parse_petrarch_date(restriction[1:])
            elif "-" in restriction:
                first, _, last = restriction.partition("-")
                parsed.start = parse_petrarch_date(first)
                parsed.end = parse_petrarch_date(last)
            else:
                raise ValueError(f"restriction {restriction!r} is not <DATE, >DATE or DATE-DATE")
        except ValueError as exc:
            result.problem(line, f"[{inner}]: {exc}", strict=strict)
            return None
        if parsed.start and parsed.end and parsed.end < parsed.start:
            result.problem(line, f"[{inner}]: the period ends before it starts", strict=strict)
            return None
    return parsed


def _finish_actor(record: _Record, result: PetrarchImport, entries: _ActorEntries) -> None:
    result.records += 1
    if not record.phrases:
        return
    where = record.first.short()
    label = " / ".join(record.phrases)
    usable: list[tuple[_Code, SourceLine]] = []
    for code, line in record.codes:
        reason = _code_problem(code.code)
        if reason is None:
            usable.append((code, line))
        elif code.code == NULL_CODE and code.dated:
            result.simplified["null code '---' for a period: left as a gap between roles"] += 1
        else:
            result.drop(line, reason, f"{label} [{code.code}]")
    if not usable:
        if not record.codes:
            result.drop(record.first, "no code (PETRARCH: a null actor)", label)
        return
    names = _names(record.phrases)
    dated = [(c, line) for c, line in usable if c.dated]
    undated = [c for c, _line in usable if not c.dated]
    for _extra in undated[1:]:
        result.simplified["a second undated code ignored (the first is the default)"] += 1
    if not dated:
        entries.add_named(undated[0].code, names, where)
        return
    roles = []
    for code, _line in dated:
        role: dict[str, Any] = {"code": code.code}
        if code.start:
            role["start"] = code.start
        if code.end:
            role["end"] = code.end
        roles.append(role)
    if undated:
        roles.append({"code": undated[0].code})
    person: dict[str, Any] = {"name": names[0]}
    if names[1:]:
        person["aliases"] = names[1:]
    person["roles"] = roles
    person["note"] = f"PETRARCH {where}"
    entries.add_person(person)


def _code_problem(code: str) -> str | None:
    if code == NULL_CODE:
        return "null code '---' (PETRARCH: not an actor)"
    if "/" in code:
        return "several codes in one ([A/B]: a compound actor)"
    if not _CODE.match(code):
        return "not a CAMEO-style code (3-24 letters, digits or '-')"
    return None


def _names(phrases: list[str]) -> list[str]:
    """Case forms of PETRARCH's upper-case phrases, first phrase first, no duplicates."""
    names: list[str] = []
    for phrase in phrases:
        words = phrase.split()
        if len(words) > 1 and words[0].upper() == "THE":
            words = words[1:]
        names.extend(_case_forms(words))
    return list(dict.fromkeys(names))


def _case_forms(words: list[str]) -> list[str]:
    title = [_title_word(w, i == 0) for i, w in enumerate(words)]
    forms = [" ".join(title)]
    if len(words) > 1:
        forms.append(" ".join([title[0], *(_lower_word(w) for w in words[1:])]))
    if len(words) == 1 and len(words[0]) <= 5 and words[0].isalpha():
        forms.append(words[0].upper())
    return forms


def _title_word(word: str, first: bool) -> str:
    if any(ch.isdigit() for ch in word) or "." in word:
        return word.upper()  # U.S., K.U., G77
    lower = word.lower()
    if not first and lower in _SMALL_WORDS:
        return lower
    return "-".join(
        "'".join(piece[:1].upper() + piece[1:].lower() for piece in part.split("'"))
        for part in word.split("-")
    )


def _lower_word(word: str) -> str:
    if any(ch.isdigit() for ch in word) or "." in word:
        return word.upper()
    return word.lower()


# ---------------------------------------------------------------- agents


def _read_agents(
    lines: list[SourceLine], result: PetrarchImport, strict: bool
) -> list[dict[str, Any]]:
    substitutions: dict[str, list[str]] = {}
    out: list[dict[str, Any]] = []
    for line in lines:
        if not line.text:
            continue
        sub = _SUBSTITUTION.match(line.text)
        if sub:
            items = [item.strip() for item in sub.group(2).split(",") if item.strip()]
            if not items:
                result.problem(line, f"substitution set {sub.group(1)} is empty", strict=strict)
                continue
            substitutions[sub.group(1).upper()] = items
            continue
        match = _AGENT_LINE.match(line.text.strip())
        if not match:
            result.problem(
                line, "not an agent line; expected 'PHRASE {PLURAL} [~CODE]'", strict=strict
            )
            continue
        result.records += 1
        entry = _agent_entry(line, match, substitutions, result, strict)
        if entry is not None:
            out.append(entry)
    return out


def _agent_entry(
    line: SourceLine,
    match: re.Match[str],
    substitutions: dict[str, list[str]],
    result: PetrarchImport,
    strict: bool,
) -> dict[str, Any] | None:
    phrase = match.group("phrase").strip()
    raw_code = "".join(match.group("code").split()).upper()
    if not phrase:
        result.problem(line, "no agent phrase before the code", strict=strict)
        return None
    if raw_code.endswith("~") and not raw_code.startswith("~"):
        result.drop(line, "code before the actor ([NGO~]): an organization prefix, not a sector")
        return None
    if not raw_code.startswith("~"):
        result.problem(line, f"agent code [{raw_code}] needs '~' ([~GOV])", strict=strict)
        return None
    code = raw_code[1:]
    if not re.match(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$", code):
        result.problem(
            line, f"agent code [{raw_code}] is not a sequence of 3-letter codes", strict=strict
        )
        return None
    if len(code) > 3:
        result.simplified["agent code longer than one sector: first sector kept"] += 1
        code = code[:3]
    try:
        nouns = _expand(phrase, substitutions)
        plural = match.group("plural")
        if plural and plural.strip():
            nouns.extend(_expand(plural.strip(), substitutions))
    except DictionaryError as exc:
        result.problem(line, str(exc), strict=strict)
        return None
    nouns = list(dict.fromkeys(nouns))
    return {"code": code, "nouns": nouns, "note": f"PETRARCH {line.short()}"}


def _expand(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    """Lower-case nouns of a phrase, with ``!NAME!`` markers replaced by each item."""
    forms = [phrase]
    for marker in re.findall(r"![A-Za-z0-9_]+!", phrase):
        items = substitutions.get(marker.upper())
        if items is None:
            raise DictionaryError(f"substitution {marker} is not defined above")
        forms = [form.replace(marker, item, 1) for form in forms for item in items]
    return [" ".join(form.replace("_", " ").lower().split()) for form in forms]
