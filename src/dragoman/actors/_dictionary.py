"""The actor dictionary: states, international organizations and agents (role nouns).

The file formats are documented in ``docs/dictionaries.md``. Shipped files are read from the
package's ``data`` folder; users add or override entries with their own files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from dragoman._yamlfile import RawEntry, load_files, read_entries
from dragoman.ontology import SECTOR_NAMES

__all__ = [
    "SECTOR_NAMES",
    "ActorDictionary",
    "AgentEntry",
    "NamedEntry",
    "Phrase",
    "Role",
    "load_actor_dictionary",
]


#: Shipped files in load order (later entries override earlier ones with the same name).
SHIPPED_FILES = (
    "states.yaml",
    "states_former.yaml",  # after states.yaml: Moscow is the Soviet Union's in its time
    "groups.jsonl",  # before igos.yaml: our hand-written IGO names win over Phoenix's
    "igos.yaml",
    "institutions.jsonl",  # after igos.yaml and groups.jsonl: never overrides their names
    "agents.yaml",
    "people_historical.jsonl",
    "people.yaml",
)

_STATE_CODE = re.compile(r"^[A-Z]{3}$")
_ACTOR_CODE = re.compile(r"^[A-Z0-9-]{3,24}$")
_AGENT_CODE = re.compile(r"^[A-Z]{3}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Role:
    """A code a person holds between two dates (inclusive; None means open-ended).

    Attributes:
        code: Actor code while in the role (``KAZGOV``).
        start: First day, ``YYYY-MM-DD``, or None.
        end: Last day, ``YYYY-MM-DD``, or None (still in office).
        title: Readable title ("President"), if known.
    """

    code: str
    start: str | None = None
    end: str | None = None
    title: str | None = None

    def valid_on(self, date: str) -> bool:
        """Return whether the role holds on an ISO date."""
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class NamedEntry:
    """A state or an organization: something the text can name.

    Attributes:
        code: The actor code (``KAZ``, ``IGOEUROSC``).
        name: Readable name.
        kind: ``state``, ``org`` or ``person``.
        entry: Where it comes from, as ``file:code`` (for explanations).
        nouns: Generic nouns by which the text may refer back to it ("the organization").
        roles: A person's dated roles, latest start first.
        country: A person's country code, used when no role holds on the date.
        end: A former state's last day (``YYYY-MM-DD``), or None.
        successor: The state whose code a former state's names take after ``end`` or
            without a date (the Soviet Union's: ``RUS``), or None.
        context: State codes one of which the story must name for the entry's names to
            count ("RSF" is Sudan's Rapid Support Forces only in a story that names
            Sudan); empty: the names always count.
    """

    code: str
    name: str
    kind: str
    entry: str
    nouns: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    country: str | None = None
    end: str | None = None
    successor: str | None = None
    context: tuple[str, ...] = ()

    def in_time(self, date: str | None) -> bool:
        """Return whether the entry names itself on a date (a former state: up to its end)."""
        return self.successor is None or (
            date is not None and (self.end is None or date <= self.end)
        )

    def role_on(self, date: str | None) -> Role | None:
        """Return the role valid on ``date`` (the latest-starting one), or None.

        Without a date, the current (open-ended) role, else the latest one.
        """
        if not self.roles:
            return None
        if date is None:
            return next((r for r in self.roles if r.end is None), self.roles[0])
        return next((r for r in self.roles if r.valid_on(date)), None)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A surface form that names an entry, and how (``name``, ``adjective``, ``capital``...)."""

    entry: NamedEntry
    form: str


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role noun and the sector code it gives."""

    code: str
    noun: str
    entry: str


@dataclass
class ActorDictionary:
    """All actor entries, indexed for matching.

    Attributes:
        phrases: Exact surface form (as written, case-sensitive) -> how it names an entry.
        agents: Role noun as a tuple of lower-case words -> agent entry.
        entries: Actor code -> named entry.
    """

    phrases: dict[str, Phrase] = field(default_factory=dict)
    agents: dict[tuple[str, ...], AgentEntry] = field(default_factory=dict)
    entries: dict[str, NamedEntry] = field(default_factory=dict)

    @property
    def state_codes(self) -> frozenset[str]:
        """Return the codes of all states (cached until entries are added)."""
        cached = self.__dict__.get("_state_codes")
        if cached is None or cached[0] != len(self.entries):
            codes = frozenset(c for c, e in self.entries.items() if e.kind == "state")
            cached = (len(self.entries), codes)
            self.__dict__["_state_codes"] = cached
        result: frozenset[str] = cached[1]
        return result

    @property
    def agent_first_words(self) -> frozenset[str]:
        """Return the first words of all role nouns (cached until role nouns are added)."""
        cached = self.__dict__.get("_agent_first_words")
        if cached is None or cached[0] != len(self.agents):
            cached = (len(self.agents), frozenset(key[0] for key in self.agents))
            self.__dict__["_agent_first_words"] = cached
        result: frozenset[str] = cached[1]
        return result

    @property
    def max_agent_words(self) -> int:
        """Return the length in words of the longest role noun (cached until role nouns
        are added)."""
        cached = self.__dict__.get("_max_agent_words")
        if cached is None or cached[0] != len(self.agents):
            cached = (len(self.agents), max((len(key) for key in self.agents), default=1))
            self.__dict__["_max_agent_words"] = cached
        result: int = cached[1]
        return result

    def surname_country(self, surname: str) -> str | None:
        """Return the one country whose government has had members with this last name.

        "The Bush administration" names no dictionary name, but every "Bush" who held a
        government role in the dictionary was American: the surname alone says whose
        government it is. A surname shared by members of different countries' governments
        says nothing (cached until phrases are added).
        """
        cached = self.__dict__.get("_surnames")
        if cached is None or cached[0] != len(self.phrases):
            cached = (len(self.phrases), _surname_countries(self.phrases))
            self.__dict__["_surnames"] = cached
        countries: dict[str, set[str]] = cached[1]
        found = countries.get(surname)
        return next(iter(found)) if found is not None and len(found) == 1 else None

    def add_file(self, source: Path | Traversable | str, *, name: str | None = None) -> None:
        """Add (or override) the entries of one dictionary file.

        Args:
            source: Path or resource of a YAML actor file, or the YAML text with ``name``.
            name: Label for messages and for the ``entry`` field of coded actors.

        Raises:
            DictionaryError: The file is malformed; the message names file and line.
        """
        label = name or (source.name if not isinstance(source, str) else "<string>")
        for raw in read_entries(source, name=label):
            self._add_entry(raw, label)

    def _add_entry(self, raw: RawEntry, label: str) -> None:
        data = raw.data
        unknown = set(data) - {
            "code",
            "name",
            "aliases",
            "adjectives",
            "demonyms",
            "capitals",
            "nouns",
            "note",
            "roles",
            "country",
            "end",
            "successor",
            "context",
        }
        if unknown:
            raise raw.error(f"unknown key(s) {sorted(unknown)}; see docs/dictionaries.md")
        if "roles" in data:
            self._add_person(raw, label)
            return
        code = _code(raw, data.get("code"))
        if "name" not in data:
            self._add_agent(raw, code, label)
            return
        name = _text(raw, data, "name")
        kind = "state" if _STATE_CODE.match(code) and not code.startswith(("IGO", "NGO")) else "org"
        nouns = tuple(n.lower() for n in _text_list(raw, data, "nouns"))
        end = _date(raw, data.get("end"), "end")
        successor = data.get("successor")
        if successor is not None:
            successor = _code(raw, successor)
            if kind != "state" or not _STATE_CODE.match(successor) or end is None:
                raise raw.error("'successor' is for a former state, with its 'end' date")
        elif end is not None:
            raise raw.error("'end' needs the 'successor' whose code the names take after it")
        context = tuple(_code(raw, c) for c in _text_list(raw, data, "context"))
        if any(not _STATE_CODE.match(c) for c in context):
            raise raw.error("'context' must list state codes (three letters: SDN, SYR)")
        entry = NamedEntry(
            code,
            name,
            kind,
            f"{_stem(label)}:{code}",
            nouns,
            end=end,
            successor=successor,
            context=context,
        )
        if not context or code not in self.entries:
            # names valid only in context never replace the entry the code reads as
            self.entries[code] = entry
        self._add_phrase(raw, name, Phrase(entry, "name"))
        for alias in _text_list(raw, data, "aliases"):
            self._add_phrase(raw, alias, Phrase(entry, "name"))
        for adjective in _text_list(raw, data, "adjectives"):
            self._add_phrase(raw, adjective, Phrase(entry, "adjective"))
        for demonym in _text_list(raw, data, "demonyms"):
            self._add_phrase(raw, demonym, Phrase(entry, "demonym"))
        for capital in _text_list(raw, data, "capitals"):
            self._add_phrase(raw, capital, Phrase(entry, "capital"))

    def _add_person(self, raw: RawEntry, label: str) -> None:
        data = raw.data
        name = _text(raw, data, "name")
        roles_data = data["roles"]
        if not isinstance(roles_data, list) or not roles_data:
            raise raw.error("'roles' must be a list of {code, start, end, title}")
        roles = []
        for item in roles_data:
            if not isinstance(item, dict):
                raise raw.error("each role is a mapping {code, start, end, title}")
            extra = set(item) - {"code", "start", "end", "title"}
            if extra:
                raise raw.error(f"unknown role key(s) {sorted(extra)}")
            start = _date(raw, item.get("start"), "role start")
            end = _date(raw, item.get("end"), "role end")
            if start and end and end < start:
                raise raw.error(f"role {item.get('code')} ends ({end}) before it starts ({start})")
            title = item.get("title")
            roles.append(
                Role(
                    _code(raw, item.get("code")),
                    start,
                    end,
                    str(title) if title is not None else None,
                )
            )
        roles.sort(key=lambda r: r.start or "", reverse=True)
        country = data.get("country")
        country = _code(raw, country) if country is not None else _common_country(roles)
        key = data.get("code") or name
        entry = NamedEntry(
            code=roles[0].code,
            name=name,
            kind="person",
            entry=f"{_stem(label)}:{key}",
            roles=tuple(roles),
            country=country,
        )
        self._add_phrase(raw, name, Phrase(entry, "name"))
        for alias in _text_list(raw, data, "aliases"):
            self._add_phrase(raw, alias, Phrase(entry, "name"))

    def _add_phrase(self, raw: RawEntry, text: str, phrase: Phrase) -> None:
        text = " ".join(text.split())
        if not text:
            raise raw.error("empty name")
        old = self.phrases.get(text)
        if old is not None and old.entry.code == phrase.entry.code and old.form == "name":
            return  # "U.S." is both a name and an adjective: as a name it can head a phrase
        self.phrases[text] = phrase

    def _add_agent(self, raw: RawEntry, code: str, label: str) -> None:
        if not _AGENT_CODE.match(code):
            raise raw.error(f"agent code {code!r} must be three capital letters (GOV, MIL...)")
        nouns = _text_list(raw, raw.data, "nouns")
        if not nouns:
            raise raw.error("an entry without 'name' is an agent and needs 'nouns'")
        for noun in nouns:
            # the tokenizer splits a word at its hyphens ("anti-corruption agency" is four
            # tokens): so is the key
            key = tuple(noun.lower().replace("-", " - ").split())
            self.agents[key] = AgentEntry(code, noun, f"{_stem(label)}:{code}")


def _surname_countries(phrases: dict[str, Phrase]) -> dict[str, set[str]]:
    """Map the last word of each dictionary person who has held a government role to the
    countries of the governments they were in."""
    out: dict[str, set[str]] = {}
    for phrase in phrases.values():
        entry = phrase.entry
        words = entry.name.split()
        if entry.kind != "person" or len(words) < 2 or not words[-1][:1].isupper():
            continue
        for role in entry.roles:
            if role.code[3:6] == "GOV":
                out.setdefault(words[-1], set()).add(role.code[:3])
    return out


def _stem(label: str) -> str:
    return Path(label).name.removesuffix(".yaml").removesuffix(".jsonl")


def _code(raw: RawEntry, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise raw.error("'code' is missing or not a string (quote it: code: \"KAZ\")")
    code = value.strip().upper()
    if not _ACTOR_CODE.match(code):
        raise raw.error(f"code {code!r} is not a CAMEO-style code (3-24 letters and digits)")
    return code


def _date(raw: RawEntry, value: Any, key: str) -> str | None:
    if value is None or value == "":
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if not _ISO_DATE.match(text):
        raise raw.error(f"{key} {text!r} is not a date; write YYYY-MM-DD")
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        raise raw.error(f"{key} {text!r} is not a valid date ({exc})") from exc
    return text


def _common_country(roles: list[Role]) -> str | None:
    prefixes = {r.code[:3] for r in roles}
    if len(prefixes) == 1:
        prefix = prefixes.pop()
        if prefix.isalpha() and prefix not in ("IGO", "NGO"):
            return prefix
    return None


def _text(raw: RawEntry, data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise raw.error(f"'{key}' must be a non-empty string")
    return value.strip()


def _text_list(raw: RawEntry, data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise raw.error(f"'{key}' must be a list of non-empty strings")
    return [v.strip() for v in value]


def shipped_files() -> list[Traversable]:
    """Return the dictionary files shipped in the package, in load order."""
    folder = files("dragoman.actors") / "data"
    return [folder / name for name in SHIPPED_FILES if (folder / name).is_file()]


def load_actor_dictionary(extra: Iterable[Path | str] = ()) -> ActorDictionary:
    """Load the shipped actor dictionaries, then the user's files on top.

    Args:
        extra: Paths of user dictionary files; their entries add to or replace shipped ones.

    Returns:
        The loaded dictionary.

    Raises:
        DictionaryError: A file is missing or malformed.
    """
    dictionary = ActorDictionary()
    load_files(dictionary, shipped_files(), extra, "actor")
    return dictionary
