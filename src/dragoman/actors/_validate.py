"""Checking actor dictionary files, and explaining how a name resolves."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dragoman._yamlfile import RawEntry, read_entries
from dragoman.actors._dictionary import SECTOR_NAMES, ActorDictionary, Role
from dragoman.errors import DictionaryError

__all__ = ["DictionaryProblem", "validate_actor_file"]


@dataclass(frozen=True, slots=True)
class DictionaryProblem:
    """One problem in a dictionary file.

    Attributes:
        file: The file.
        line: Line of the entry (0 when the whole file is affected).
        severity: ``error`` (the file will not load) or ``warning`` (it loads, but is
            probably wrong).
        message: What is wrong.
    """

    file: str
    line: int
    severity: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class _Seen:
    names: dict[str, tuple[int, str]] = field(default_factory=dict)  # text -> (line, code)
    codes: dict[str, int] = field(default_factory=dict)


def validate_actor_file(
    path: Path | str, *, known: ActorDictionary | None = None
) -> list[DictionaryProblem]:
    """Check an actor dictionary file and return its problems, in line order.

    Errors are what stops the file from loading (syntax, missing keys, bad codes or dates).
    Warnings: duplicate codes or names within the file, a person whose roles overlap in
    time (two roles valid on one day make the date resolution ambiguous), role codes whose
    country or organization prefix is not known (neither in this file nor in ``known``),
    and agent codes that are not CAMEO sectors.

    Args:
        path: The YAML or JSONL actor file.
        known: Dictionary whose codes count as known (typically the shipped one).

    Returns:
        The problems found; empty when the file is clean.
    """
    label = str(path)
    problems: list[DictionaryProblem] = []
    try:
        raws = list(read_entries(Path(path), name=label))
    except DictionaryError as exc:
        return [_from_error(label, exc)]
    scratch = ActorDictionary()
    seen = _Seen()
    prefixes = {code[:3] for code in (known.entries if known else {})}
    for raw in raws:
        try:
            scratch._add_entry(raw, label)
        except DictionaryError as exc:
            problems.append(_from_error(label, exc))
            continue
        problems.extend(_check_entry(raw, label, seen))
    prefixes |= {code[:3] for code in scratch.entries}
    for raw in raws:
        for role in _roles(raw):
            prefix = role.code[:3]
            if prefix.isalpha() and prefix not in prefixes and prefix not in ("IGO", "NGO"):
                problems.append(
                    DictionaryProblem(
                        label,
                        raw.line,
                        "warning",
                        f"role code {role.code!r}: {prefix!r} is not a known state or "
                        "organization code",
                    )
                )
    return sorted(problems, key=lambda p: p.line)


def _from_error(label: str, exc: DictionaryError) -> DictionaryProblem:
    message = str(exc)
    line = 0
    prefix = f"{label} line "
    if message.startswith(prefix):
        number, _, rest = message[len(prefix) :].partition(":")
        if number.isdigit():
            line, message = int(number), rest.strip()
    elif message.startswith(f"{label}:"):
        message = message[len(label) + 1 :].strip()
    return DictionaryProblem(label, line, "error", message)


def _check_entry(raw: RawEntry, label: str, seen: _Seen) -> Iterable[DictionaryProblem]:
    data = raw.data
    code = str(data.get("code", "")).upper()
    state_code = len(code) == 3 and code.isalpha() and code not in ("IGO", "NGO")
    if "roles" not in data and code and ("name" not in data or state_code):
        # organizations may share a CAMEO code (NGOHRI: every human rights group); a state
        # or an agent code defined twice is a mistake
        if code in seen.codes:
            yield DictionaryProblem(
                label,
                raw.line,
                "warning",
                f"code {code!r} is also defined at line {seen.codes[code]}",
            )
        else:
            seen.codes[code] = raw.line
        if "name" not in data and code not in SECTOR_NAMES:
            yield DictionaryProblem(
                label, raw.line, "warning", f"agent code {code!r} is not a CAMEO sector code"
            )
    key = code or str(data.get("name"))
    for field_name in ("name", "aliases", "adjectives", "demonyms", "capitals"):
        values = data.get(field_name) or []
        for text in [values] if isinstance(values, str) else values:
            earlier = seen.names.get(text)
            if earlier is not None and earlier[1] != key:
                yield DictionaryProblem(
                    label,
                    raw.line,
                    "warning",
                    f"{text!r} also names {earlier[1]} at line {earlier[0]}; the later entry wins",
                )
            seen.names[text] = (raw.line, key)
    roles = sorted(_roles(raw), key=lambda r: r.start or "")
    for first, second in itertools.pairwise(roles):
        if first.end is None or (second.start is not None and second.start < first.end):
            if first.code == second.code and first.title == second.title:
                message = f"roles {first.code} overlap ({_period(first)} and {_period(second)})"
            else:
                message = (
                    f"roles {first.code} ({_period(first)}) and {second.code} "
                    f"({_period(second)}) overlap: on those days the later start wins"
                )
            yield DictionaryProblem(label, raw.line, "warning", message)


def _roles(raw: RawEntry) -> list[Role]:
    out = []
    for item in raw.data.get("roles") or []:
        if isinstance(item, dict) and isinstance(item.get("code"), str):
            start, end = item.get("start"), item.get("end")
            out.append(
                Role(
                    item["code"].upper(),
                    str(start) if start else None,
                    str(end) if end else None,
                    str(item["title"]) if item.get("title") else None,
                )
            )
    return out


def _period(role: Role) -> str:
    return f"{role.start or '...'} to {role.end or 'now'}"
