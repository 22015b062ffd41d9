"""The shipped people dictionaries: dated roles resolve right, and the data is consistent.

`people.yaml` is written by hand; `people_historical.jsonl` is converted from PETRARCH2's
Phoenix dictionaries by `scripts/build_phoenix_people.py`. Both are read here through
`load_actor_dictionary()`, as the coder reads them.
"""

from __future__ import annotations

from collections import Counter
from importlib.resources import files

import pytest

from dragoman._yamlfile import read_entries
from dragoman.actors import ActorDictionary, NamedEntry, load_actor_dictionary
from dragoman.actors._dictionary import Role


@pytest.fixture(scope="module")
def shipped() -> ActorDictionary:
    return load_actor_dictionary()


@pytest.fixture(scope="module")
def people(shipped: ActorDictionary) -> list[NamedEntry]:
    unique = {id(p.entry): p.entry for p in shipped.phrases.values() if p.entry.kind == "person"}
    return list(unique.values())


def person(shipped: ActorDictionary, name: str) -> NamedEntry:
    entry = shipped.phrases[name].entry
    assert entry.kind == "person", name
    return entry


def code_on(shipped: ActorDictionary, name: str, date: str) -> str | None:
    role = person(shipped, name).role_on(date)
    return role.code if role is not None else None


@pytest.mark.parametrize(
    ("name", "date", "code"),
    [
        # Tokayev: President now; Prime Minister 1999-2002; UN Geneva; Senate chairman
        ("Tokayev", "2025-06-01", "KAZGOV"),
        ("Kassym-Jomart Tokayev", "2025-06-01", "KAZGOV"),
        ("Tokaev", "2019-03-20", "KAZGOV"),
        ("Tokayev", "2000-06-01", "KAZGOV"),
        ("Tokayev", "2012-06-01", "IGOUNOSEC"),
        ("Tokayev", "2016-06-01", "KAZLEG"),
        # Valtonen: Finnish foreign minister from 2023-06-20 (OSCE chair 2025)
        ("Valtonen", "2025-06-01", "FINGOV"),
        ("Elina Valtonen", "2023-06-20", "FINGOV"),
        # Trump: two terms, out of office in between
        ("Trump", "2018-06-01", "USAGOV"),
        ("Trump", "2025-06-01", "USAGOV"),
        ("Donald Trump", "2017-01-20", "USAGOV"),
        ("Biden", "2022-06-01", "USAGOV"),
        ("Biden", "2015-06-01", "USAGOV"),
        # NATO secretaries-general
        ("Stoltenberg", "2020-06-01", "IGOWSTNAT"),
        ("Stoltenberg", "2010-06-01", "NORGOV"),
        ("Rutte", "2025-06-01", "IGOWSTNAT"),
        ("Rutte", "2020-06-01", "NLDGOV"),
        ("Fogh Rasmussen", "2012-06-01", "IGOWSTNAT"),
        # UN secretaries-general
        ("Guterres", "2020-06-01", "IGOUNOSEC"),
        ("Guterres", "2010-06-01", "IGOUNOREFHCR"),
        ("Guterres", "2000-06-01", "PRTGOV"),
        ("Ban Ki-moon", "2010-06-01", "IGOUNOSEC"),
        ("Kofi Annan", "2000-06-01", "IGOUNOSEC"),
        # heads of government by date
        ("Merkel", "2018-06-01", "DEUGOV"),
        ("Merz", "2025-06-01", "DEUGOV"),
        ("Putin", "2010-06-01", "RUSGOV"),
        ("Zelensky", "2023-06-01", "UKRGOV"),
        ("Erdoğan", "2010-06-01", "TURGOV"),
        ("Erdogan", "2025-06-01", "TURGOV"),
        ("Lavrov", "2025-06-01", "RUSGOV"),
        ("Kallas", "2022-06-01", "ESTGOV"),
        ("Kallas", "2025-06-01", "IGOEUREEC"),
        ("Sinirlioğlu", "2025-06-01", "IGOEUROSC"),
        ("Macron", "2025-06-01", "FRAGOV"),
    ],
)
def test_role_on_date(shipped: ActorDictionary, name: str, date: str, code: str) -> None:
    assert code_on(shipped, name, date) == code


@pytest.mark.parametrize(
    ("name", "date", "country"),
    [
        ("Valtonen", "2020-06-01", "FIN"),  # an MP then: no government role
        ("Trump", "2022-06-01", "USA"),  # between the terms
        ("Tokayev", "1990-06-01", "KAZ"),
        ("Obama", "2020-06-01", "USA"),
        ("Merkel", "2023-06-01", "DEU"),
    ],
)
def test_no_role_falls_back_to_country(
    shipped: ActorDictionary, name: str, date: str, country: str
) -> None:
    entry = person(shipped, name)
    assert entry.role_on(date) is None
    assert entry.country == country


def test_titles_say_which_office(shipped: ActorDictionary) -> None:
    tokayev = person(shipped, "Tokayev")
    assert "Prime Minister" in (tokayev.role_on("2000-06-01").title or "")
    assert "President" in (tokayev.role_on("2025-06-01").title or "")
    valtonen = person(shipped, "Valtonen").role_on("2025-06-01")
    assert valtonen is not None and "OSCE Chairperson-in-Office" in (valtonen.title or "")


def test_hand_written_entries_override_phoenix(shipped: ActorDictionary) -> None:
    # Phoenix ends Tokayev's government roles in 2007; the hand-written entry wins.
    assert person(shipped, "Kasymzhomart Tokayev").entry.startswith("people:")
    assert person(shipped, "Tokayev").entry.startswith("people:")


def test_historical_people_are_loaded(shipped: ActorDictionary, people: list[NamedEntry]) -> None:
    sources = Counter(e.entry.split(":", 1)[0] for e in people)
    assert sources["people"] >= 500
    assert sources["people_historical"] >= 10_000
    # a Phoenix-only leader: Yeltsin, President of Russia 1991-1999
    assert code_on(shipped, "Boris Yeltsin", "1995-06-01") == "RUSGOV"


def _overlap(a: Role, b: Role) -> bool:
    return (a.start or "") <= (b.end or "9999-12-31") and (b.start or "") <= (a.end or "9999-12-31")


def ambiguous_roles(entry: NamedEntry) -> list[str]:
    """Return why the entry's date resolution would be ambiguous (empty if it is not).

    The loader returns the latest-starting role valid on the date. That is ambiguous when
    two roles with the same code overlap (which title holds?), or when two overlapping
    roles start on the same day (file order would decide).
    """
    problems = []
    roles = entry.roles
    for i, a in enumerate(roles):
        for b in roles[i + 1 :]:
            if not _overlap(a, b):
                continue
            if a.code == b.code:
                problems.append(f"{entry.entry}: {a.code} {a.start}..{a.end} overlaps {b.start}")
            elif (a.start or "") == (b.start or ""):
                problems.append(f"{entry.entry}: {a.code} and {b.code} both start {a.start}")
    return problems


def test_ambiguity_checker_finds_problems() -> None:
    same = NamedEntry(
        "X",
        "X",
        "person",
        "t:x",
        roles=(Role("FINGOV", "2020-01-01"), Role("FINGOV", "2021-01-01")),
    )
    tie = NamedEntry(
        "X",
        "X",
        "person",
        "t:x",
        roles=(Role("FINGOV", "2020-01-01"), Role("FINLEG", "2020-01-01")),
    )
    fine = NamedEntry(
        "X",
        "X",
        "person",
        "t:x",
        roles=(Role("FINGOV", "2021-01-01"), Role("FINGOV", "2019-01-01", "2020-12-31")),
    )
    assert ambiguous_roles(same) and ambiguous_roles(tie) and not ambiguous_roles(fine)


def test_no_person_has_ambiguous_roles(people: list[NamedEntry]) -> None:
    problems = [p for entry in people for p in ambiguous_roles(entry)]
    assert not problems, problems[:20]


def test_role_codes_start_with_a_state_or_igo(
    shipped: ActorDictionary, people: list[NamedEntry]
) -> None:
    states = {code for code, e in shipped.entries.items() if e.kind == "state"}
    bad = [
        f"{e.entry}: {r.code}"
        for e in people
        for r in e.roles
        if r.code[:3] not in states and r.code[:3] not in ("IGO", "NGO")
    ]
    assert not bad, bad[:20]
    assert all(e.country is None or e.country in shipped.entries for e in people)


def test_igo_role_codes_are_known_organizations(
    shipped: ActorDictionary, people: list[NamedEntry]
) -> None:
    hand_written = [e for e in people if e.entry.startswith("people:")]
    bad = [
        f"{e.entry}: {r.code}"
        for e in hand_written
        for r in e.roles
        if r.code.startswith(("IGO", "NGO")) and r.code not in shipped.entries
    ]
    assert not bad, bad


def test_people_do_not_shadow_states_or_organizations(shipped: ActorDictionary) -> None:
    for code, entry in shipped.entries.items():
        assert shipped.phrases[entry.name].entry.kind != "person", (code, entry.name)


def test_hand_written_names_are_unique() -> None:
    resource = files("dragoman.actors") / "data" / "people.yaml"
    seen: dict[str, str] = {}
    clashes = []
    for raw in read_entries(resource, name="people.yaml"):
        name = raw.data["name"]
        for phrase in [name, *(raw.data.get("aliases") or [])]:
            if phrase in seen and seen[phrase] != name:
                clashes.append(f"{phrase!r}: {seen[phrase]} and {name}")
            seen[phrase] = name
    assert not clashes, clashes


@pytest.mark.parametrize("surname", ["Kim", "Lee", "Khan", "Johnson", "Sharif", "Aoun", "Castro"])
def test_shared_surnames_are_not_aliases(shipped: ActorDictionary, surname: str) -> None:
    phrase = shipped.phrases.get(surname)
    assert (
        phrase is None
        or phrase.entry.kind != "person"
        or not phrase.entry.entry.startswith("people:")
    )
