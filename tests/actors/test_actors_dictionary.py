"""The actor dictionary: shipped files load, user files override, bad files are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman import DictionaryError
from dragoman.actors import ActorDictionary, load_actor_dictionary


@pytest.fixture(scope="module")
def shipped() -> ActorDictionary:
    return load_actor_dictionary()


def test_every_un_member_style_state_and_major_igo_is_there(shipped: ActorDictionary) -> None:
    states = [e for e in shipped.entries.values() if e.kind == "state"]
    assert len(states) >= 195
    for code in ("KAZ", "FIN", "RUS", "USA", "GBR", "CHN", "PSE", "VAT", "XKX", "TWN"):
        assert shipped.entries[code].kind == "state"
    for acronym in ("OSCE", "NATO", "EU", "UN", "CSTO", "SCO", "ASEAN", "IMF", "WTO"):
        assert shipped.phrases[acronym].entry.code.startswith("IGO"), acronym


@pytest.mark.parametrize(
    ("text", "code", "form"),
    [
        ("Kazakhstan", "KAZ", "name"),
        ("Kazakh", "KAZ", "adjective"),
        ("Astana", "KAZ", "capital"),
        ("Finnish", "FIN", "adjective"),
        ("Türkiye", "TUR", "name"),
        ("Turkey", "TUR", "name"),
        ("U.S.", "USA", "name"),
        ("Kremlin", "RUS", "capital"),
        ("Bonn", "DEU", "capital"),
        ("Soviet", "RUS", "adjective"),
        ("Yugoslav", "SRB", "adjective"),
        ("East German", "DEU", "adjective"),
    ],
)
def test_state_forms(shipped: ActorDictionary, text: str, code: str, form: str) -> None:
    phrase = shipped.phrases[text]
    # a former state's names (and the capitals it shared) are its successor's out of its time
    entry = phrase.entry
    assert (entry.successor or entry.code, phrase.form) == (code, form)


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("Soviet", "1987-05-01", "SUN"),
        ("Kremlin", "1991-12-25", "SUN"),
        ("Kremlin", "1991-12-26", "RUS"),
        ("Yugoslavia", "1995-03-01", "YUG"),
        ("Yugoslavia", None, "SRB"),
        ("GDR", "1989-11-09", "DDR"),
        ("Czechoslovakia", "2000-01-01", "CZE"),
    ],
)
def test_former_states_are_themselves_in_their_time(
    shipped: ActorDictionary, text: str, date: str | None, code: str
) -> None:
    entry = shipped.phrases[text].entry
    assert (entry.code if entry.in_time(date) else entry.successor) == code


def test_former_state_keys_are_checked() -> None:
    dictionary = ActorDictionary()
    with pytest.raises(DictionaryError, match="successor"):
        dictionary.add_file('- {code: "SUN", name: Soviet Union, successor: "RUS"}', name="x")
    with pytest.raises(DictionaryError, match="successor"):
        dictionary.add_file('- {code: "SUN", name: Soviet Union, end: 1991-12-25}', name="x")
    with pytest.raises(DictionaryError, match="not a date"):
        dictionary.add_file(
            '- {code: "SUN", name: Soviet Union, end: soon, successor: "RUS"}', name="x"
        )


@pytest.mark.parametrize(
    ("words", "code"),
    [
        (("police",), "COP"),
        (("foreign", "minister"), "GOV"),
        (("troops",), "MIL"),
        (("rebel",), "REB"),
        (("journalist",), "MED"),
        (("court",), "JUD"),
    ],
)
def test_agents(shipped: ActorDictionary, words: tuple[str, ...], code: str) -> None:
    assert shipped.agents[words].code == code


@pytest.mark.parametrize("noun", [("expert",), ("analyst",), ("observer",)])
def test_non_actors_are_not_agents(shipped: ActorDictionary, noun: tuple[str, ...]) -> None:
    assert noun not in shipped.agents


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        '- {code: "IGOASAEAS", name: "East Asia Summit", aliases: ["EAS"]}\n'
        '- {code: "KAZ", name: "Kazakhstan", capitals: ["Astana", "Ak Orda"]}\n'
        '- {code: "SPY", nouns: ["spook"]}\n',
        encoding="utf-8",
    )
    dictionary = load_actor_dictionary([extra])
    assert dictionary.phrases["EAS"].entry.code == "IGOASAEAS"
    assert dictionary.phrases["Ak Orda"].form == "capital"
    assert dictionary.agents[("spook",)].code == "SPY"
    assert dictionary.phrases["EAS"].entry.entry.endswith("mine:IGOASAEAS")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('- {name: "X"}', "x.yaml line 1: 'code' is missing"),
        ('- {code: "KAZ", name: ""}', "x.yaml line 1: 'name' must be a non-empty string"),
        ('- {code: "GOV"}', "x.yaml line 1: an entry without 'name' is an agent"),
        ('- {code: "GOVERN", nouns: [x]}', "must be three capital letters"),
        ('- {code: "KAZ", name: K, aliases: [1, 2]}', "'aliases' must be a list"),
        ('- {code: "KAZ", name: K, flag: blue}', "unknown key(s) ['flag']"),
        ('- {code: "IGO X!", name: K}', "not a CAMEO-style code"),
    ],
)
def test_bad_entries(text: str, message: str) -> None:
    with pytest.raises(DictionaryError) as info:
        ActorDictionary().add_file(text, name="x.yaml")
    assert message in str(info.value)
