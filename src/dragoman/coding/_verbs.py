"""The verb dictionary: which predicate, with which particle, preposition, object or
complement, expresses which CAMEO event. The format is documented in docs/dictionaries.md."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from dragoman._yamlfile import RawEntry, load_files, read_entries
from dragoman.lexicon import words
from dragoman.ontology import is_cameo_code, plover_types

__all__ = ["NounEntry", "VerbDictionary", "VerbEntry", "load_verb_dictionary"]

_KEYS = frozenset({"verb", "code", "particle", "prep", "object", "comp", "plover", "note"})
_NOUN_KEYS = frozenset({"noun", "code", "plover", "note"})
#: ``comp: ["*"]``: any complement ("agreed to <anything>"); ``object: ["*"]``: any direct
#: object ("helped <someone>").
_ANY = words("any")
#: ``code: "none"``: the construction is no event ("sought to finalize" is trying, not an
#: appeal); the most specific entry still wins, so a "none" entry shadows a bare pattern.
NO_EVENT = "none"
_ADJECTIVE_KEYS = frozenset({"adjective", "code", "note"})


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One verb pattern.

    Attributes:
        verb: Lemma of the predicate.
        code: CAMEO event code, or ``"none"`` for a construction that is no event.
        particle: Required verb particle, or None.
        prep: Required preposition whose object is the target, or None.
        objects: Lemmas one of which must head the direct object (empty: no constraint).
        comps: Lemmas one of which must head the complement clause (empty: no constraint).
        where: ``FILE line N`` of the entry, for explanations.
        order: Load order; later entries win ties.
        plover: PLOVER type of the event when the entry's own code is coded, where PLOVER
            reads the action more finely than the code's crosswalk type ("resigned" is
            RETREAT, not the CONCEDE of 0831); None: the crosswalk's.
    """

    verb: str
    code: str
    particle: str | None
    prep: str | None
    objects: frozenset[str]
    comps: frozenset[str]
    where: str
    order: int
    plover: str | None = None

    @property
    def specificity(self) -> int:
        """Return how many constraints the entry has (more specific entries win)."""
        # a named complement counts more than the wildcard "*" (any complement)
        return (
            2
            * (
                (self.particle is not None)
                + (self.prep is not None)
                + bool(self.objects and self.objects != _ANY)
                + bool(self.comps and self.comps != _ANY)
            )
            + (self.objects == _ANY)
            + (self.comps == _ANY)
        )

    def describe(self) -> str:
        """Return the pattern as a short readable string: ``impose +obj(sanction) -> 163``."""
        parts = [self.verb]
        if self.particle:
            parts.append(self.particle)
        if self.prep:
            parts.append(f"+{self.prep}")
        if self.objects:
            parts.append(f"obj({'|'.join(sorted(self.objects))})")
        if self.comps:
            parts.append(f"comp({'|'.join(sorted(self.comps))})")
        return f"{' '.join(parts)} -> {self.code}"


@dataclass(frozen=True, slots=True)
class NounEntry:
    """An event noun ("attack", "talks", "air strike").

    Attributes:
        words: The noun as lower-case words; the last is matched against the lemma of the
            phrase head, the others against the words before it.
        code: CAMEO event code.
        where: ``FILE line N`` of the entry.
        plover: PLOVER type overriding the code's crosswalk type, or None.
    """

    words: tuple[str, ...]
    code: str
    where: str
    plover: str | None = None

    def describe(self) -> str:
        """Return the pattern as a short readable string: ``noun(air strike) -> 195``."""
        return f"noun({' '.join(self.words)}) -> {self.code}"


class VerbDictionary:
    """Verb patterns indexed by lemma, and event nouns indexed by head lemma."""

    def __init__(self) -> None:
        """Create an empty dictionary; fill it with :meth:`add_file`."""
        self.by_verb: dict[str, list[VerbEntry]] = {}
        self.by_noun: dict[str, list[NounEntry]] = {}
        # evaluative adjectives: "X is biased" said by Y is Y criticizing X
        self.by_adjective: dict[str, NounEntry] = {}
        self._index: dict[tuple[object, ...], int] = {}  # pattern -> position in its list
        self._count = 0

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.by_verb.values())

    @property
    def noun_count(self) -> int:
        """Return the number of event-noun entries."""
        return sum(len(entries) for entries in self.by_noun.values())

    @property
    def lemmas(self) -> frozenset[str]:
        """Return every verb lemma with at least one pattern."""
        return frozenset(self.by_verb)

    def add_file(self, source: Path | Traversable | str, *, name: str | None = None) -> None:
        """Add the entries of one file; an entry with the same pattern replaces the old one.

        Args:
            source: Path or resource of a YAML verb file, or the YAML text with ``name``.
            name: Label for messages.

        Raises:
            DictionaryError: The file is malformed; the message names file and line.
        """
        label = name or (source.name if not isinstance(source, str) else "<string>")
        for raw in read_entries(source, name=label):
            if "noun" in raw.data:
                self.add_noun(_parse_noun(raw))
            elif "adjective" in raw.data:
                entry = _parse_noun(raw, key="adjective")
                self.by_adjective[" ".join(entry.words)] = entry
            else:
                self.add(_parse_entry(raw, self._count))
            self._count += 1

    def add_noun(self, entry: NounEntry) -> None:
        """Add one event noun, replacing an entry for the same words."""
        entries = self.by_noun.setdefault(entry.words[-1], [])
        entries[:] = [e for e in entries if e.words != entry.words]
        entries.append(entry)
        entries.sort(key=lambda e: -len(e.words))  # longest first: "air strike" before "strike"

    @property
    def nouns(self) -> frozenset[str]:
        """Return every head lemma of an event noun."""
        return frozenset(self.by_noun)

    def match_noun(self, lemma: str, before: list[str]) -> NounEntry | None:
        """Return the event noun for a head lemma and the lower-case words before it.

        Args:
            lemma: The lemma of the noun phrase head.
            before: The words before the head in its phrase (compounds, adjectives), in
                order, without hyphens.

        Returns:
            The longest matching entry, or None.
        """
        for entry in self.by_noun.get(lemma, ()):
            need = entry.words[:-1]
            if not need or tuple(before[-len(need) :]) == need:
                return entry
        return None

    def add(self, entry: VerbEntry) -> None:
        """Add one entry, replacing any entry with exactly the same pattern."""
        entries = self.by_verb.setdefault(entry.verb, [])
        key = _pattern_key(entry)
        index = self._index.get(key)
        if index is not None and index < len(entries) and _pattern_key(entries[index]) == key:
            entries[index] = entry
            return
        self._index[key] = len(entries)
        entries.append(entry)

    def match(
        self,
        lemma: str,
        *,
        particle: str | None,
        preps: Iterable[str],
        objects: Iterable[str],
        comps: Iterable[str],
    ) -> VerbEntry | None:
        """Return the most specific entry matching a clause, or None.

        Args:
            lemma: The predicate's lemma.
            particle: The predicate's particle, if any.
            preps: Prepositions attached to the predicate that have an object.
            objects: Lemmas of the direct object heads, then of what they are of (an entry
                for an earlier lemma wins among equals).
            comps: Lemmas of complement clause heads.

        Returns:
            The winning entry: most constraints, then earliest object, then latest loaded.
        """
        entries = self.by_verb.get(lemma)
        if not entries:
            return None
        prep_set = set(preps)
        object_list = list(objects)
        object_set = set(object_list)
        comp_set = set(comps)
        best: VerbEntry | None = None
        best_key: tuple[int, int, int] = (0, 0, 0)
        for entry in entries:
            if entry.particle is not None and entry.particle != particle:
                continue
            if (
                entry.particle is None
                and particle is not None
                and _needs_particle(entries, particle)
            ):
                continue
            if entry.prep is not None and entry.prep not in prep_set:
                continue
            if entry.objects and not (
                entry.objects & object_set or (entry.objects == _ANY and object_set)
            ):
                continue
            if entry.comps and not (entry.comps & comp_set or (entry.comps == _ANY and comp_set)):
                continue
            # among equals, an entry for an earlier object wins: the head of the object over
            # what it is of ("expelled inspectors of the agency" is about the inspectors)
            rank = (
                -min(i for i, lemma in enumerate(object_list) if lemma in entry.objects)
                if entry.objects and entry.objects != _ANY
                else 0
            )
            key = (entry.specificity, rank, entry.order)
            if best is None or key > best_key:
                best, best_key = entry, key
        if best is not None and best.code == NO_EVENT:
            return None
        return best


def _needs_particle(entries: list[VerbEntry], particle: str) -> bool:
    """A particle changes the verb ("call off" is not "call"): plain entries do not apply
    when the dictionary knows the verb with that particle."""
    return any(e.particle == particle for e in entries)


def _pattern_key(entry: VerbEntry) -> tuple[object, ...]:
    return (entry.verb, entry.particle, entry.prep, entry.objects, entry.comps)


def _parse_entry(raw: RawEntry, order: int) -> VerbEntry:
    data = raw.data
    unknown = set(data) - _KEYS
    if unknown:
        raise raw.error(f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    verb = data.get("verb")
    if not isinstance(verb, str) or not verb.strip():
        raise raw.error("'verb' is missing; each entry needs {verb: LEMMA, code: \"CODE\"}")
    code = data.get("code")
    if not isinstance(code, str):
        raise raw.error(
            f"'code' must be a quoted string such as \"111\" (got {code!r}; "
            "unquoted numbers lose their leading zero)"
        )
    if code != NO_EVENT and not is_cameo_code(code):
        raise raw.error(f"unknown CAMEO code {code!r}")
    return VerbEntry(
        verb=verb.strip().lower(),
        code=code,
        particle=_optional_word(raw, "particle"),
        prep=_optional_word(raw, "prep"),
        objects=_word_set(raw, "object"),
        comps=_word_set(raw, "comp"),
        where=raw.where(),
        order=order,
        plover=_plover_type(raw),
    )


def _parse_noun(raw: RawEntry, key: str = "noun") -> NounEntry:
    data = raw.data
    unknown = set(data) - (_NOUN_KEYS if key == "noun" else _ADJECTIVE_KEYS)
    if unknown:
        raise raw.error(f"unknown key(s) {sorted(unknown)}; a {key} entry has {key}, code, note")
    noun = data.get(key)
    if not isinstance(noun, str) or not noun.strip():
        raise raw.error(f"'{key}' must be a word or words")
    code = data.get("code")
    if not isinstance(code, str):
        raise raw.error(f"'code' must be a quoted string such as \"190\" (got {code!r})")
    if not is_cameo_code(code):
        raise raw.error(f"unknown CAMEO code {code!r}")
    words = tuple(noun.lower().replace("-", " ").split())
    return NounEntry(words=words, code=code, where=raw.where(), plover=_plover_type(raw))


def _plover_type(raw: RawEntry) -> str | None:
    value = raw.data.get("plover")
    if value is None:
        return None
    if not isinstance(value, str) or value.strip().upper() not in plover_types():
        raise raw.error(f"'plover' must be a PLOVER type, one of {', '.join(plover_types())}")
    return value.strip().upper()


def _optional_word(raw: RawEntry, key: str) -> str | None:
    value = raw.data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise raw.error(f"'{key}' must be a word")
    return value.strip().lower()


def _word_set(raw: RawEntry, key: str) -> frozenset[str]:
    value = raw.data.get(key)
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise raw.error(f"'{key}' must be a word or a list of words")
    return frozenset(v.strip().lower() for v in value)


def shipped_verb_file() -> Traversable:
    """Return the verb dictionary shipped with the package (``verbs.yaml``)."""
    return files("dragoman.coding") / "data" / "verbs.yaml"


def shipped_verb_files() -> list[Traversable]:
    """Return the verb and event-noun dictionaries shipped with the package."""
    folder = files("dragoman.coding") / "data"
    return [folder / "verbs.yaml", folder / "nouns.yaml"]


def load_verb_dictionary(extra: Iterable[Path | str] = ()) -> VerbDictionary:
    """Load the shipped verb dictionary, then the user's files on top.

    Args:
        extra: Paths of user verb files; their entries add to or replace shipped ones.

    Returns:
        The loaded dictionary.

    Raises:
        DictionaryError: A file is missing or malformed.
    """
    dictionary = VerbDictionary()
    load_files(dictionary, shipped_verb_files(), extra, "verb")
    return dictionary
