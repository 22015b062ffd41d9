"""The shipped national institutions (institutions.jsonl): they resolve and code, nothing
ambiguous is listed, and acronyms valid only in context need their state in the story."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest

from dragoman import Coder, DictionaryError
from dragoman._yamlfile import RawEntry, read_entries
from dragoman.actors import ActorDictionary, MentionFinder, load_actor_dictionary
from dragoman.actors._dictionary import SHIPPED_FILES

DATA = files("dragoman.actors") / "data"


@pytest.fixture(scope="module")
def shipped() -> ActorDictionary:
    return load_actor_dictionary()


@pytest.fixture(scope="module")
def institutions() -> list[RawEntry]:
    return list(read_entries(DATA / "institutions.jsonl", name="institutions.jsonl"))


def names_of(raw: RawEntry) -> list[str]:
    return [raw.data["name"], *raw.data.get("aliases", [])]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Pentagon", "USAMIL"),
        ("Defense Department", "USAMIL"),
        ("CENTCOM", "USAMIL"),
        ("CIA", "USASPY"),
        ("FBI", "USACOP"),
        ("State Department", "USAGOV"),
        ("U.S. Congress", "USALEG"),
        ("USAID", "USAGOV"),
        ("Knesset", "ISRLEG"),
        ("IDF", "ISRMIL"),
        ("Israel Defense Forces", "ISRMIL"),
        ("Mossad", "ISRSPY"),
        ("Shin Bet", "ISRSPY"),
        ("IRGC", "IRNMIL"),
        ("Revolutionary Guards", "IRNMIL"),
        ("Duma", "RUSLEG"),
        ("State Duma", "RUSLEG"),
        ("FSB", "RUSSPY"),
        ("Africa Corps", "RUSMIL"),
        ("Verkhovna Rada", "UKRLEG"),
        ("SBU", "UKRSPY"),
        ("Bundestag", "DEULEG"),
        ("Bundeswehr", "DEUMIL"),
        ("Lok Sabha", "INDLEG"),
        ("ISI", "PAKSPY"),
        ("MI6", "GBRSPY"),
        ("People's Liberation Army", "CHNMIL"),
        ("PLA", "CHNMIL"),
        ("Peshmerga", "IRQMIL"),
    ],
)
def test_institutions_resolve_to_their_state_and_sector(
    shipped: ActorDictionary, text: str, code: str
) -> None:
    phrase = shipped.phrases[text]
    assert phrase.entry.code == code
    assert phrase.entry.kind == "org"
    assert phrase.entry.entry.startswith("institutions:")
    assert not phrase.entry.context


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("Kataib Hezbollah", "IRQ"),
        ("Tren de Aragua", "VEN"),
        ("BLA", "PAK"),
        ("Jalisco New Generation Cartel", "MEX"),
    ],
)
def test_added_groups_resolve(shipped: ActorDictionary, text: str, prefix: str) -> None:
    phrase = shipped.phrases[text]
    assert phrase.entry.code.startswith(prefix)
    assert phrase.entry.entry.startswith("groups:")


#: Names used for several countries' institutions, or that are words or other things.
AMBIGUOUS = [
    "Senate",
    "Congress",
    "House of Commons",
    "National Assembly",
    "Parliament",
    "Joint Chiefs of Staff",
    "National Security Council",
    "Federal Reserve",
    "Bundesrat",
    "Diet",
    "EPA",
    "DOJ",
    "RAW",
    "AFP",
    "KGB",
    "CSIS",
    "White House Press Secretary Jay Carney",
]


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_ambiguous_names_are_not_institutions(shipped: ActorDictionary, text: str) -> None:
    phrase = shipped.phrases.get(text)
    assert phrase is None or not phrase.entry.entry.startswith("institutions:"), text


def test_names_are_unique_and_never_override_other_files(
    institutions: list[RawEntry],
) -> None:
    position = SHIPPED_FILES.index("institutions.jsonl")
    assert position > SHIPPED_FILES.index("igos.yaml")
    assert position > SHIPPED_FILES.index("groups.jsonl")
    others: set[str] = set()
    for name in ("states.yaml", "igos.yaml", "groups.jsonl"):
        for raw in read_entries(DATA / name, name=name):
            for key in ("name", "aliases", "adjectives", "demonyms", "capitals"):
                value = raw.data.get(key) or []
                others.update([value] if isinstance(value, str) else value)
    seen: set[str] = set()
    for raw in institutions:
        for name in names_of(raw):
            assert name not in seen, (raw.line, name)
            assert name not in others, (raw.line, name)
            assert len(re.sub(r"[^A-Za-z0-9]", "", name)) >= 3, (raw.line, name)
            seen.add(name)


def test_codes_are_a_state_and_a_sector_and_the_file_is_sorted(
    institutions: list[RawEntry],
) -> None:
    keys = [(raw.data["code"], raw.data["name"]) for raw in institutions]
    assert keys == sorted(keys)
    for raw in institutions:
        code = raw.data["code"]
        if raw.data.get("context"):
            assert all(re.fullmatch(r"[A-Z]{3}", c) for c in raw.data["context"])
            assert code[:3] in raw.data["context"], (raw.line, code)
        else:
            assert re.fullmatch(r"[A-Z]{3}(GOV|MIL|COP|JUD|LEG|SPY)", code), (raw.line, code)
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    assert "institutions.jsonl" in sources


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The Pentagon criticized Iran.", "USAMIL", "IRN"),
        ("The CIA accused Russia of hacking.", "USASPY", "RUS"),
        ("The FBI arrested two Chinese spies.", "USACOP", "CHN"),
        ("The Bundestag criticized Russia.", "DEULEG", "RUS"),
        ("The IDF attacked Hamas in Gaza.", "ISRMIL", "PSE"),
        ("The IRGC threatened Israel.", "IRNMIL", "ISR"),
        ("The State Department criticized China.", "USAGOV", "CHN"),
        ("Kataib Hezbollah attacked US troops.", "IRQREBKTH", "USA"),
    ],
)
def test_a_sentence_per_kind_codes_its_source(
    coder: Coder, text: str, source: str, target: str
) -> None:
    events = coder.code(text, date="2025-03-01")
    assert any(
        e.source.code == source and e.target is not None and e.target.code.startswith(target)
        for e in events
    ), [(e.source.code, e.target.code if e.target else None) for e in events]


def test_an_acronym_in_context_needs_its_state_in_the_story(coder: Coder) -> None:
    finder = MentionFinder(coder.nlp, coder.actors)

    def codes(text: str) -> list[str]:
        return [m.phrase.entry.code for m in finder.find(coder.nlp(text))]

    assert "SDNREBRSF" in codes("The RSF shelled a market in Sudan.")
    assert "SDNREBRSF" in codes("The RSF shelled a market, Sudanese officials said.")
    assert "SDNREBRSF" not in codes("RSF said a reporter was detained in Paris.")
    assert "SYRREBSDF" not in codes("The SDF held drills with American forces in Japan.")
    (event,) = [
        e
        for e in coder.code("The RSF attacked the Sudanese army.", date="2025-03-01")
        if e.source.code == "SDNREBRSF"
    ]
    assert event.target is not None and event.target.code.startswith("SDN")


def test_context_must_list_state_codes(tmp_path: Path) -> None:
    bad = tmp_path / "mine.jsonl"
    bad.write_text(
        '{"code": "SDNREBRSF", "name": "RSF", "context": ["SDN"]}\n'
        '{"code": "SDNREBRSF", "name": "Rapid Support", "context": ["Sudan"]}\n',
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError, match=r"mine\.jsonl line 2: 'context' must list"):
        load_actor_dictionary([bad])


def test_a_name_in_context_keeps_the_code_read_as_the_full_name(tmp_path: Path) -> None:
    mine = tmp_path / "mine.jsonl"
    mine.write_text('{"code": "SDNREBRSF", "name": "RSF", "context": ["SDN"]}\n', encoding="utf-8")
    dictionary = load_actor_dictionary([mine])
    assert dictionary.entries["SDNREBRSF"].name == "Rapid Support Forces"
    assert dictionary.phrases["RSF"].entry.context == ("SDN",)
