"""The shipped groups dictionary (groups.jsonl): key groups resolve, nothing unsafe is listed."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from dragoman._yamlfile import RawEntry, read_entries
from dragoman.actors import ActorDictionary, load_actor_dictionary
from dragoman.actors._dictionary import SHIPPED_FILES

DATA = files("dragoman.actors") / "data"

#: Words and phrases that must never be a group's name: they are ordinary text.
COMMON = {
    "the", "a", "government", "army", "police", "military", "rebels", "rebel", "militants",
    "militia", "people", "state", "party", "front", "movement", "organization", "group",
    "council", "union", "resistance", "revolution", "jihad", "islam", "order", "foundation",
    "youth", "zero", "tigers", "lightning", "action", "change", "national front",
    "islamic resistance", "popular front", "islamic group", "people's liberation army",
    "national liberation army", "red army", "black friday", "may 15", "17 november",
}  # fmt: skip

#: Acronyms that mean something else in the news.
AMBIGUOUS = ["IS", "RSF", "PLA", "IRA", "JEM", "ADF", "SDF", "EPA", "ICAC", "LET"]


@pytest.fixture(scope="module")
def shipped() -> ActorDictionary:
    return load_actor_dictionary()


@pytest.fixture(scope="module")
def groups() -> list[RawEntry]:
    return list(read_entries(DATA / "groups.jsonl", name="groups.jsonl"))


def names_of(raw: RawEntry) -> list[str]:
    return [raw.data["name"], *raw.data.get("aliases", [])]


def forms_of(name: str, keys: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for raw in read_entries(DATA / name, name=name):
        for key in keys:
            value = raw.data.get(key) or []
            out.update([value] if isinstance(value, str) else value)
    return out


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("Hamas", "PSE"),
        ("HAMAS", "PSE"),
        ("Qassam Brigades", "PSE"),
        ("Palestinian Islamic Jihad", "PSE"),
        ("Fatah", "PSE"),
        ("Hezbollah", "LBN"),
        ("Hizbollah", "LBN"),
        ("Hizballah", "LBN"),
        ("Taliban", "AFG"),
        ("Houthis", "YEM"),
        ("Houthi", "YEM"),
        ("Ansar Allah", "YEM"),
        ("Islamic State", "IMG"),
        ("ISIS", "IMG"),
        ("ISIL", "IMG"),
        ("al-Qaeda", "IMG"),
        ("Al Qaeda", "IMG"),
        ("PKK", "TUR"),
        ("Kurdistan Workers' Party", "TUR"),
        ("UNITA", "AGO"),
        ("Revolutionary United Front", "SLE"),
        ("Tamil Tigers", "LKA"),
        ("FARC", "COL"),
        ("ELN", "COL"),
        ("al-Shabaab", "SOM"),
        ("Boko Haram", "NGA"),
        ("PLO", "PSE"),
        ("Wagner Group", "RUS"),
        ("Hayat Tahrir al-Sham", "SYR"),
        ("M23", "COD"),
        ("Rapid Support Forces", "SDN"),
    ],
)
def test_key_groups_resolve_to_their_country(
    shipped: ActorDictionary, text: str, prefix: str
) -> None:
    phrase = shipped.phrases[text]
    assert phrase.entry.code.startswith(prefix), phrase.entry.code
    assert phrase.entry.kind == "org"
    assert phrase.entry.entry.startswith("groups:")


def test_curated_igos_win_over_phoenix(shipped: ActorDictionary) -> None:
    assert SHIPPED_FILES.index("groups.jsonl") < SHIPPED_FILES.index("igos.yaml")
    for text in ["Red Cross", "ICRC", "Red Crescent", "Medecins Sans Frontieres", "NATO", "UN"]:
        assert shipped.phrases[text].entry.entry.startswith("igos:"), text
    assert shipped.entries["NGOHLHIRC"].entry == "igos:NGOHLHIRC"


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_ambiguous_acronyms_are_not_groups(shipped: ActorDictionary, text: str) -> None:
    phrase = shipped.phrases.get(text)
    assert phrase is None or not phrase.entry.entry.startswith("groups:"), text


def test_no_group_name_is_a_state_igo_or_common_word(groups: list[RawEntry]) -> None:
    states = forms_of("states.yaml", ("name", "aliases", "adjectives", "demonyms", "capitals"))
    igos = forms_of("igos.yaml", ("name", "aliases"))
    agents = {n.lower() for n in forms_of("agents.yaml", ("nouns",))}
    for raw in groups:
        for name in names_of(raw):
            assert name not in states, (raw.line, name)
            assert name not in igos, (raw.line, name)
            assert name.lower() not in COMMON, (raw.line, name)
            assert name.lower() not in agents, (raw.line, name)
            assert len(re.sub(r"[^A-Za-z0-9]", "", name)) >= 3, (raw.line, name)


def test_codes_are_cameo_style_and_not_bare_states(groups: list[RawEntry]) -> None:
    for raw in groups:
        code = raw.data["code"]
        assert re.fullmatch(r"[A-Z0-9-]{3,24}", code), (raw.line, code)
        assert len(code) > 3 or code in ("IGO", "NGO"), (raw.line, code)


def test_file_is_sorted_small_and_names_are_unique(groups: list[RawEntry]) -> None:
    keys = [(raw.data["code"], raw.data["name"]) for raw in groups]
    assert keys == sorted(keys)
    seen: set[str] = set()
    for raw in groups:
        for name in names_of(raw):
            assert name not in seen, (raw.line, name)
            seen.add(name)
    assert len((DATA / "groups.jsonl").read_bytes()) < 2_000_000


def test_curated_codes_are_documented(groups: list[RawEntry]) -> None:
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    curated = [raw for raw in groups if raw.data.get("note") == "ours (curated)"]
    assert len(curated) >= 15
    for raw in curated:
        assert f"`{raw.data['code']}`" in sources, raw.data["code"]
