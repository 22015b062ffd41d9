"""The document memory (``actors/_memory.py``): what was named before an offset."""

from __future__ import annotations

from spacy.language import Language

from dragoman.actors._memory import DocumentMemory, kind
from dragoman.actors._mentions import Mention
from dragoman.pipeline import TokenTable
from dragoman.records import Actor


def _actor(code: str, start: int, rule: str = "name") -> Actor:
    return Actor(
        code=code, name=code, text="x" * 3, start=start, end=start + 3, entry=code, rule=rule
    )


def _memory(nlp: Language) -> DocumentMemory:
    def never(mention: Mention) -> Actor:
        raise AssertionError("no dictionary mention to build")

    doc = nlp.make_doc("A short text.")
    return DocumentMemory(doc, [], None, never, {}, TokenTable.of(doc))


def test_the_latest_actor_of_a_kind_before_the_offset_is_the_antecedent(
    nlp: Language,
) -> None:
    memory = _memory(nlp)
    memory.add(_actor("DEU", 0))
    memory.add(_actor("FRA", 10))
    memory.add(_actor("ITA", 50))
    antecedent = memory.antecedent(40, ("state",))
    assert antecedent is not None
    assert antecedent.code == "FRA"


def test_kinds_and_the_further_test_filter_the_candidates(nlp: Language) -> None:
    memory = _memory(nlp)
    memory.add(_actor("IGOWSTNAT", 0))
    memory.add(_actor("DEU", 10))
    org = memory.antecedent(40, ("org",))
    assert org is not None and org.code == "IGOWSTNAT"
    assert memory.antecedent(40, ("state",), lambda code: code != "DEU") is None


def test_nothing_named_before_gives_no_antecedent(nlp: Language) -> None:
    memory = _memory(nlp)
    memory.add(_actor("DEU", 30))
    assert memory.antecedent(10, ("state",)) is None


def test_kind_of_an_actor() -> None:
    assert kind(_actor("CHLGOV", 0, rule="person-role")) == "person"
    assert kind(_actor("CHL", 0, rule="earlier-mention")) == "person"
    assert kind(_actor("IGOWSTNAT", 0)) == "org"
    assert kind(_actor("CHL", 0)) == "state"
    assert kind(_actor("CHLGOV", 0)) == "group"
