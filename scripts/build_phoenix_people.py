"""Convert the people in PETRARCH2's Phoenix actor dictionaries into Dragoman's JSONL format.

Reads ``Phoenix.Countries.actors.txt`` and ``Phoenix.International.actors.txt`` (from the
openeventdata/petrarch2 project, MIT License, Copyright (c) 2014 Open Event Data Alliance)
and writes one person entry per line, in the format of ``docs/dictionaries.md``::

    {"name": "Nursultan Nazarbayev", "aliases": [...], "country": "KAZ",
     "roles": [{"code": "KAZGOV", "start": "1990-04-24", "end": "2019-03-20"}], ...}

Run from the repository root::

    python scripts/build_phoenix_people.py \\
        ../shared/data/petrarch2/Phoenix.Countries.actors.txt \\
        ../shared/data/petrarch2/Phoenix.International.actors.txt \\
        --exclude src/dragoman/actors/data/people.yaml \\
        -o src/dragoman/actors/data/people_historical.jsonl

What the script does (see ``src/dragoman/actors/data/SOURCES.md``):

- Groups lines the way PETRARCH does: a primary phrase, its ``+`` synonyms, and codeless
  primary phrases just before it share the codes that follow.
- Keeps only people: groups with at least one dated code that is more than a bare state
  code (``KAZGOV 991001-020128``, ``IGOUNO >070101``), whose names contain no word that
  marks an institution or a group ("ministry", "party", "army" ...), and none of whose
  names is already a state or organization name in ``states.yaml``/``igos.yaml``.
- Dates: ``YYMMDD`` with two-digit years up to 30 read as 20xx, others 19xx (the
  KEDS/TABARI/PETRARCH rule); ``YYYYMMDD`` as is; ``>D`` starts on D, ``<D`` ends on D.
  Day or month ``00`` becomes ``01``; a day past the month's end becomes its last day;
  anything else unreadable, or a period that ends before it starts, drops that role.
- Roles with the same code that overlap or touch are merged into one period.
- Undated codes are PETRARCH's defaults; their state prefix becomes the entry's
  ``country`` (else the most common state prefix of its roles).
- Names: underscores to spaces, title case with lower-case particles (``al-``, ``bin``,
  ``de``, ``van`` ...), Korean/Chinese hyphenated given names as ``Jong-un``; quoted
  nicknames (``TZIPORA_"TZIPI"_LIVNI``) give a second alias; parenthesised remarks dropped.
- Skips people already in ``--exclude`` files (matched by normalized full name or alias of
  two words or more, allowing up to two extra middle words in the Phoenix name), so the
  hand-checked entries win cleanly.
- A phrase used by two different people is dropped from both (it would be ambiguous);
  two groups with the same name and country are merged (one person listed twice).

Counts are reported on stderr. Phoenix is stale after about 2016 and has errors; the
hand-written ``people.yaml`` overrides it for anyone listed in both.
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import yaml

from dragoman.actors._dictionary import SECTOR_NAMES

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "src" / "dragoman" / "actors" / "data"
MAX_BYTES = 4_000_000
#: Phoenix's people data stops around 2011-2015; a role it leaves open is closed here, so a
#: stale entry never codes someone as a government they no longer belong to.
OPEN_UNTIL = "2015-12-31"
MAX_WORDS = 12  # longer Phoenix "names" are garbled records

# fmt: off
#: Words that mark a Phoenix entry as an institution, group or place, not a person.
GROUP_WORDS = frozenset(
    [
        "ADMINISTRATION", "AGENCY", "ALLIANCE", "ARMY", "ASSEMBLY", "ASSOCIATION", "AUTHORITY",
        "BANK", "BATTALION", "BOARD", "BRIGADE", "BUREAU", "CABINET", "CENTER", "CENTRE",
        "CHAMBER", "CITIZENS", "CITY", "COALITION", "COMMAND", "COMMISSION", "COMMITTEE",
        "COMMUNITY", "COMPANY", "CONGRESS", "CORPORATION", "CORPS", "COUNCIL", "COURT",
        "DELEGATION", "DEPARTMENT", "DIRECTORATE", "DIVISION", "EMBASSY", "FEDERATION", "FORCE",
        "FORCES", "FOUNDATION", "FRONT", "FUND", "GOVERNMENT", "GROUP", "GUARD", "GUARDS",
        "INSTITUTE", "ISLAND", "ISLANDS", "JUNTA", "KINGDOM", "LEAGUE", "MILITIA", "MINISTRY",
        "MISSION", "MOVEMENT", "NATIONAL", "OFFICE", "ORGANIZATION", "ORGANISATION", "PARLIAMENT",
        "PARTY", "PEOPLE", "POLICE", "PROVINCE", "REGIME", "REPUBLIC", "SECRETARIAT", "SENATE",
        "SERVICE", "SERVICES", "SOCIETY", "STATE", "STATES", "TRIBUNAL", "TROOPS", "UNION",
        "UNIVERSITY",
    ]
)

#: Lower-case particles inside names (not at the start): "Bashar al-Assad", "bin Salman".
PARTICLES = frozenset(
    [
        "al", "bin", "ibn", "bint", "de", "del", "della", "der", "di", "da", "do", "dos", "das",
        "du", "van", "von", "den", "ter", "y", "e",
    ]
)
# fmt: on
#: Hyphen-prefixed particles written lower case: "al-Assad", "el-Sisi".
HYPHEN_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "ud"})
#: Countries whose hyphenated given names are written "Jong-un", "Ying-jeou".
HYPHEN_LOWER_COUNTRIES = frozenset({"KOR", "PRK", "CHN", "TWN", "HKG", "MAC"})
ACRONYMS = frozenset(
    [
        "UN",
        "U.N.",
        "US",
        "U.S.",
        "UK",
        "U.K.",
        "EU",
        "E.U.",
        "NATO",
        "IMF",
        "OPEC",
        "OSCE",
        "IAEA",
        "UNHCR",
        "UNICEF",
        "UNESCO",
        "OAS",
        "PLO",
        "ANC",
        "OAU",
        "AU",
        "ECOWAS",
    ]
)
#: CAMEO sector blocks a person's code carries (KAZGOV, USAELI, EGYGOVMIL).
PERSON_SECTORS = frozenset(SECTOR_NAMES) | {"DEV", "ELI", "SPY", "INS", "SEP", "IMG", "MNC"}
#: Phoenix state codes that are not ours: Kosovo, East Timor (Phoenix: KSV, TMP).
CODE_MAP = {"KSV": "XKX", "TMP": "TLS"}
#: Phoenix's CountryInfo has a fictional test country, Kinakuta (from a novel).
FICTIONAL_CODES = frozenset({"KNT"})
#: Countries whose names are written as separate syllables ("Kim Jong Un", "To Lam").
SYLLABLE_NAME_COUNTRIES = HYPHEN_LOWER_COUNTRIES | {"VNM"}
ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"})

_BRACKET = re.compile(r"\[([^\]]*)\]")
_TAG = re.compile(r"(CountryInfo\.txt|IGOrulers\.txt)")


class SourceError(Exception):
    """A source file cannot be read."""


@dataclass
class Role:
    code: str
    start: str | None
    end: str | None


@dataclass
class Group:
    """One Phoenix actor: its phrases (primary first) and its codes."""

    source: str
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # raw bracket contents
    tagged: bool = False


@dataclass
class Person:
    name: str
    aliases: list[str]
    country: str | None
    roles: list[Role]
    note: str
    phrases: list[str] = field(default_factory=list)


@dataclass
class Report:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, what: str, example: str | None = None) -> None:
        self.counts[what] += 1
        if example is not None and len(self.examples[what]) < 5:
            self.examples[what].append(example)


# ---------------------------------------------------------------- reading


def read_lines(path: Path) -> list[str]:
    """Read a Phoenix file line by line; lines that are not UTF-8 are read as cp1252."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: {exc}") from exc
    lines = []
    for raw in data.splitlines():
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
    return lines


def parse_groups(path: Path) -> list[Group]:
    """Group a TABARI actor file's lines into actors, as PETRARCH's reader does."""
    groups: list[Group] = []
    current: Group | None = None
    label = path.name.removesuffix(".actors.txt")
    for number, line in enumerate(read_lines(path), start=1):
        if "---STOP---" in line:
            break
        text, _, comment = line.partition("#")
        if not text.strip():
            continue
        tagged = bool(_TAG.search(comment))
        codes = _BRACKET.findall(text)
        phrase = text.split("[", 1)[0].strip()
        if line[0] in " \t":
            if current is not None:
                current.codes.extend(codes)
                current.tagged |= tagged
            continue
        if line[0] == "+":
            if current is not None:
                current.names.append(phrase[1:].strip())
                current.codes.extend(codes)
                current.tagged |= tagged
            continue
        # A primary phrase: a new actor, unless the current one has no codes yet.
        if current is None or current.codes:
            current = Group(label, number)
            groups.append(current)
        current.names.append(phrase)
        current.codes.extend(codes)
        current.tagged |= tagged
    return groups


# ---------------------------------------------------------------- dates and codes


def parse_date(text: str, report: Report) -> str | None:
    """Return a Phoenix date as ISO ``YYYY-MM-DD``, or None if unreadable."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        report.add("dates unreadable (role dropped)", text)
        return None
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    if month == 0 or day == 0:
        report.add("dates with month or day 00 (set to 01)", text)
        month, day = max(month, 1), max(day, 1)
    if month > 12:
        report.add("dates unreadable (role dropped)", text)
        return None
    last = calendar.monthrange(year, month)[1]
    if day > last:
        report.add("dates past the month's end (set to its last day)", text)
        day = last
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_code(raw: str, report: Report) -> tuple[str, Role | None] | None:
    """Split a bracket's content into a code and its date restriction.

    Returns ``(code, None)`` for an undated (default) code, ``(code, Role)`` for a dated
    one, and None for the null code ``---`` or unreadable content.
    """
    parts = raw.split(None, 1)
    if not parts:
        return None
    code = parts[0].strip().upper()
    if code.startswith("---") or not re.fullmatch(r"[A-Z0-9]{3,24}", code):
        if not code.startswith("---"):
            report.add("codes unreadable (dropped)", raw)
        return None
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not rest:
        return code, None
    if rest[0] in "<>":
        date = parse_date(rest[1:], report)
        if date is None:
            return None
        return code, Role(code, date, None) if rest[0] == ">" else Role(code, None, date)
    if "-" in rest:
        first, _, second = rest.partition("-")
        start, end = parse_date(first, report), parse_date(second, report)
        if start is None or end is None:
            return None
        if end < start:
            report.add("periods ending before they start (role dropped)", raw)
            return None
        return code, Role(code, start, end)
    report.add("dates unreadable (role dropped)", raw)
    return None


def _next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def merge_roles(roles: Iterable[Role]) -> list[Role]:
    """Merge roles with the same code whose periods overlap or touch; latest start first."""
    by_code: dict[str, list[Role]] = defaultdict(list)
    for role in roles:
        by_code[role.code].append(role)
    merged: list[Role] = []
    for code, items in by_code.items():
        items.sort(key=lambda r: r.start or "")
        out: list[Role] = []
        for role in items:
            if out:
                last = out[-1]
                touches = last.end is None or (
                    role.start is not None and role.start <= _next_day(last.end)
                )
                if role.start is None or touches:
                    if last.end is not None and (role.end is None or role.end > last.end):
                        last.end = role.end
                    elif role.end is None:
                        last.end = None
                    continue
            out.append(Role(code, role.start, role.end))
        merged.extend(out)
    merged.sort(key=lambda r: (r.start or "", r.code), reverse=True)
    return merged


def join_same_start(roles: list[Role], report: Report) -> list[Role]:
    """Join overlapping roles that start on the same day but have different codes.

    The loader picks the latest-starting role; two starting together would be decided by
    file order. Phoenix lists several portfolios this way (BLZGOVHLH, BLZGOVBUS, BLZGOV from
    one date): they become one role with the codes' common prefix (BLZGOV) when it has a
    sector, else the code of the longer role, until the later end.
    """
    while True:
        pair = next(
            (
                (a, b)
                for i, a in enumerate(roles)
                for b in roles[i + 1 :]
                if a.code != b.code and (a.start or "") == (b.start or "") and _overlap(a, b)
            ),
            None,
        )
        if pair is None:
            return roles
        a, b = pair
        prefix = _common_prefix(a.code, b.code)
        if len(prefix) < 6:
            prefix = a.code if (a.end or "9999") >= (b.end or "9999") else b.code
        end = None if a.end is None or b.end is None else max(a.end, b.end)
        report.add("roles joined: same start, different codes", f"{a.code}+{b.code}")
        rest = [r for r in roles if r is not a and r is not b]
        roles = merge_roles([*rest, Role(prefix, a.start, end)])


def _overlap(a: Role, b: Role) -> bool:
    return (a.start or "") <= (b.end or "9999") and (b.start or "") <= (a.end or "9999")


def _common_prefix(a: str, b: str) -> str:
    """Return the common prefix of two codes, in whole three-letter blocks."""
    n = 0
    while n + 3 <= min(len(a), len(b)) and a[n : n + 3] == b[n : n + 3]:
        n += 3
    return a[:n]


# ---------------------------------------------------------------- names


def clean_phrase(phrase: str) -> list[str]:
    """Return the readable forms of a Phoenix phrase: the name, and a nickname variant.

    ``TZIPORA_"TZIPI"_LIVNI_`` -> ``["Tzipora Livni", "Tzipi Livni"]`` (still upper case).
    """
    text = phrase.replace("`", "").replace("\u00a0", " ")
    text = re.sub(r"\([^)]*\)?", " ", text)  # "(ACTING_", "(1ST_TIME_"
    text = text.replace(")", " ")
    text = text.replace("_", " ")
    forms = []
    nick = re.search(r'"([^"]+)"', text)
    if nick:
        plain = " ".join(re.sub(r'"[^"]*"', " ", text).split())
        forms.append(plain)
        before = text[: nick.start()].split()
        after = text[nick.end() :].split()
        if before and after:
            forms.append(" ".join([*before[:-1], nick.group(1), *after]))
    else:
        forms.append(" ".join(text.replace('"', " ").split()))
    return [f.strip(" ,.-") if not f.endswith(".") else f.strip(" ,-") for f in forms if f]


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def title_case(name: str, country: str | None) -> str:
    """Title-case an upper-case Phoenix name, with particles lower case inside it."""
    out = []
    for index, word in enumerate(name.split()):
        if word in ROMAN or word in ACRONYMS or (len(name.split()) == 1 and len(word) <= 3):
            out.append(word)
            continue
        lower = word.lower()
        if index > 0 and lower in PARTICLES:
            out.append(lower)
            continue
        pieces = word.split("-")
        cased = []
        for k, piece in enumerate(pieces):
            low = piece.lower()
            particle = k == 0 and len(pieces) > 1 and low in HYPHEN_PARTICLES and index > 0
            if particle or (k > 0 and country in HYPHEN_LOWER_COUNTRIES):
                cased.append(low)
            else:
                cased.append(_cap_piece(piece))
        out.append("-".join(cased))
    return " ".join(out)


def _cap_piece(piece: str) -> str:
    if "'" in piece:  # O'NEILL, D'ESCOTO
        head, _, tail = piece.partition("'")
        if len(head) <= 1:
            return _cap(head) + "'" + _cap(tail)
        return _cap(head) + "'" + tail.lower()
    if "." in piece.rstrip("."):  # initials written together: "J.R."
        return ".".join(_cap(p) for p in piece.split("."))
    if piece.upper().startswith("MC") and len(piece) > 3:
        return "Mc" + _cap(piece[2:])
    return _cap(piece)


def normalize(text: str) -> str:
    """Return a name folded for matching: no accents, no punctuation, lower case."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^0-9a-zA-Z]+", " ", text).lower()
    return " ".join(text.split())


# ---------------------------------------------------------------- conversion


def known_phrases() -> tuple[set[str], set[str]]:
    """Return the state/organization phrases and the known state codes of our dictionaries."""
    phrases: set[str] = set()
    states: set[str] = set()
    for name in ("states.yaml", "igos.yaml"):
        data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
        for entry in data:
            code = str(entry["code"])
            if name == "states.yaml":
                states.add(code)
            for key in ("name", "aliases", "adjectives", "demonyms", "capitals"):
                value = entry.get(key)
                values = [value] if isinstance(value, str) else list(value or [])
                phrases.update(normalize(v) for v in values)
    return phrases, states


def excluded_names(paths: Sequence[Path]) -> tuple[set[str], set[str]]:
    """Return the normalized names and aliases (two words or more) of people to skip, and
    their primary names alone."""
    names: set[str] = set()
    primary: set[str] = set()
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for entry in data:
            if not isinstance(entry, dict) or "roles" not in entry:
                continue
            primary.add(normalize(str(entry["name"])))
            for text in [entry["name"], *(entry.get("aliases") or [])]:
                norm = normalize(str(text))
                if len(norm.split()) >= 2:
                    names.add(norm)
    return names, primary


def same_person(phoenix: str, country: str | None, names: set[str], primary: set[str]) -> bool:
    """Return whether a normalized Phoenix name is one of ``names`` (names and aliases), or
    a primary name with up to two extra middle words ("vladimir vladimirovich putin").

    Looser rules matched different people: first and last word alone ("kim il" and "kim
    jong il"), middle words dropped from any alias ("george herbert walker bush" and
    "george walker bush"), initials dropped ("george h w bush" and "george w bush"), or
    syllables dropped from Korean and Chinese names ("cho chang hyun" and "cho hyun").
    """
    if phoenix in names:
        return True
    if country in SYLLABLE_NAME_COUNTRIES:
        return False
    words = phoenix.split()
    for extra in (1, 2):
        if len(words) - extra < 2:
            break
        middle = [i for i in range(1, len(words) - 1) if len(words[i]) > 1]  # keep initials
        for drop in _combinations(middle, extra):
            if " ".join(w for i, w in enumerate(words) if i not in drop) in primary:
                return True
    return False


def _combinations(items: list[int], k: int) -> list[set[int]]:
    return [set(c) for c in combinations(items, k)]


def _is_person_code(code: str) -> bool:
    """Return whether a Phoenix code names an agent (KAZGOV, IGOUNO), not a place (BIHSRP)."""
    if code[:3] in ("IGO", "NGO"):
        return True
    blocks = {code[i : i + 3] for i in range(3, len(code), 3)}
    return bool(blocks & PERSON_SECTORS)


def _has_group_word(forms: Iterable[str]) -> bool:
    return any(w in GROUP_WORDS for form in forms for w in re.split(r"[\s\-,./]+", form))


def convert_group(
    group: Group, state_phrases: set[str], states: set[str], report: Report
) -> Person | None:
    """Return the person a Phoenix group describes, or None if it is not a person."""
    dated: list[Role] = []
    defaults: list[str] = []
    for raw in group.codes:
        parsed = parse_code(raw, report)
        if parsed is None:
            continue
        code, role = parsed
        if role is None:
            defaults.append(code)
        else:
            dated.append(role)
    where = f"{group.source}:{group.line} {group.names[0] if group.names else ''}"
    if not dated:
        report.add("skipped: no dated code (not known to be a person)")
        return None
    if not any(_is_person_code(r.code) for r in dated):
        report.add("skipped: no dated code with an agent sector (a place or state)", where)
        return None
    if any(r.code[:3] in FICTIONAL_CODES for r in dated):
        report.add("skipped: fictional country (Phoenix test data)", where)
        return None
    forms = [form for phrase in group.names for form in clean_phrase(phrase)]
    forms = [f for f in forms if any(c.isalpha() for c in f)]
    if not forms:
        report.add("skipped: no readable name", where)
        return None
    if _has_group_word(forms[:1]):
        report.add("skipped: name of an institution or group", where)
        return None
    if len(forms[0].split()) == 1 and not group.tagged:
        report.add("skipped: one-word name outside the rulers lists", where)
        return None
    if len(forms[0].split()) > MAX_WORDS:
        report.add("skipped: garbled name (too many words)", where)
        return None
    forms = [f for f in forms if len(f.split()) <= MAX_WORDS]
    if any(normalize(f) in state_phrases for f in forms):
        report.add("skipped: a name is a state or organization name", where)
        return None
    kept = []
    for role in dated:
        role.code = CODE_MAP.get(role.code[:3], role.code[:3]) + role.code[3:]
        if role.code[:3] in states or role.code[:3] in ("IGO", "NGO"):
            kept.append(role)
        else:
            report.add("roles dropped: former state not in states.yaml", role.code)
    if not kept:
        report.add("skipped: only roles of former states", where)
        return None
    roles = join_same_start(merge_roles(kept), report)
    country = None
    for code in defaults:
        code = CODE_MAP.get(code[:3], code[:3]) + code[3:]
        if code[:3] in states:
            country = code[:3]
            break
    if country is None:
        prefixes = Counter(r.code[:3] for r in roles if r.code[:3] in states)
        if prefixes:
            country = sorted(prefixes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    seen: set[str] = set()
    phrases = []
    surname = forms[0].split()[-1]
    for index, form in enumerate(forms):
        if index and " " not in form and form != surname:
            report.add("aliases dropped: one word other than the surname", form)
            continue
        cased = title_case(form, country)
        if cased not in seen:
            seen.add(cased)
            phrases.append(cased)
    if not group.tagged:
        report.add("people from entries without a CountryInfo/IGOrulers tag")
    return Person(phrases[0], phrases[1:], country, roles, f"{group.source} line {group.line}")


def convert(sources: Sequence[Path], exclude: Sequence[Path], report: Report) -> list[Person]:
    """Convert the Phoenix files' people; see the module docstring for the rules."""
    state_phrases, states = known_phrases()
    skip_names, skip_primary = excluded_names(exclude)
    people: list[Person] = []
    for path in sources:
        groups = parse_groups(path)
        report.counts[f"actors read from {path.name}"] = len(groups)
        for group in groups:
            person = convert_group(group, state_phrases, states, report)
            if person is None:
                continue
            norms = [normalize(p) for p in [person.name, *person.aliases]]
            if any(same_person(n, person.country, skip_names, skip_primary) for n in norms):
                report.add("skipped: already in the exclude file(s)", person.name)
                continue
            people.append(person)
    people = _merge_duplicates(people, report)
    return _drop_ambiguous(people, report)


def _merge_duplicates(people: list[Person], report: Report) -> list[Person]:
    """Merge people listed twice: same name, and the same country (or one has none)."""
    out: list[Person] = []
    by_name: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        old = next(
            (
                p
                for p in by_name[person.name]
                if p.country == person.country or None in (p.country, person.country)
            ),
            None,
        )
        if old is None:
            by_name[person.name].append(person)
            out.append(person)
            continue
        report.add("merged: same name and country listed twice", person.name)
        old.aliases.extend(a for a in person.aliases if a not in old.aliases)
        old.roles = join_same_start(merge_roles([*old.roles, *person.roles]), report)
        old.country = old.country or person.country
    return out


def _drop_ambiguous(people: list[Person], report: Report) -> list[Person]:
    """Drop phrases that name two different people; drop people left without a name."""
    users: dict[str, int] = Counter()
    for person in people:
        for phrase in {person.name, *person.aliases}:
            users[phrase] += 1
    out = []
    for person in people:
        kept = [p for p in [person.name, *person.aliases] if users[p] == 1]
        dropped = len({person.name, *person.aliases}) - len(kept)
        if dropped:
            report.counts["phrases dropped: shared by two people"] += dropped
        if not kept:
            report.add("skipped: every name shared with another person", person.name)
            continue
        person.name, person.aliases = kept[0], kept[1:]
        out.append(person)
    return out


def to_json(person: Person) -> str:
    roles = []
    for role in person.roles:
        item: dict[str, str] = {"code": role.code}
        if role.start:
            item["start"] = role.start
        if role.end:
            item["end"] = role.end
        roles.append(item)
    entry: dict[str, object] = {"name": person.name}
    if person.aliases:
        entry["aliases"] = person.aliases
    if person.country:
        entry["country"] = person.country
    entry["roles"] = roles
    entry["note"] = person.note
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", type=Path, help="Phoenix .actors.txt files")
    parser.add_argument(
        "--exclude",
        action="append",
        type=Path,
        default=[],
        help="people YAML file(s) whose people are skipped (repeatable)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DATA_DIR / "people_historical.jsonl",
        help="output JSONL file",
    )
    parser.add_argument(
        "--open-until",
        default=OPEN_UNTIL,
        help="end date for roles Phoenix leaves open (it cannot vouch for later dates); "
        "'none' keeps them open",
    )
    parser.add_argument(
        "--min-end",
        default=None,
        help="drop people whose roles all ended before this ISO date (to keep the file small)",
    )
    args = parser.parse_args(argv)
    report = Report()
    try:
        people = convert(args.sources, args.exclude, report)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.open_until.lower() != "none":
        closed = 0
        for person in people:
            for role in person.roles:
                if role.end is None:
                    role.end = max(args.open_until, role.start or args.open_until)
                    closed += 1
        report.counts[f"open-ended roles closed on {args.open_until}"] = closed
    if args.min_end:
        kept = [p for p in people if any(r.end is None or r.end >= args.min_end for r in p.roles)]
        report.counts[f"dropped: all roles ended before {args.min_end}"] = len(people) - len(kept)
        people = kept
    lines = [to_json(p) for p in people]
    text = "".join(line + "\n" for line in lines)
    args.output.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    for what, count in sorted(report.counts.items()):
        examples = report.examples.get(what)
        more = f"  e.g. {'; '.join(examples[:3])}" if examples else ""
        print(f"{count:7d}  {what}{more}", file=sys.stderr)
    print(
        f"{len(people):7d}  people written to {args.output} "
        f"({sum(len(p.roles) for p in people)} roles, {size / 1e6:.2f} MB)",
        file=sys.stderr,
    )
    if size > MAX_BYTES:
        print(
            f"warning: {args.output} is over {MAX_BYTES / 1e6:.0f} MB; use --min-end",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
