"""Quotations: each mark style, split and multi-sentence quotes, indirect speech, speakers."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from spacy.language import Language

from dragoman.errors import InputError
from dragoman.quotes import (
    DEFAULT_CUE_VERBS,
    Quote,
    QuoteKind,
    find_quotes,
    pair_quote_marks,
)


def _quotes(nlp: Language, text: str) -> list[Quote]:
    return find_quotes(nlp(text))


def _summary(quotes: list[Quote]) -> list[tuple[str | None, str | None, str, str]]:
    return [
        (q.speaker_text, q.cue.lemma if q.cue else None, q.content, str(q.kind)) for q in quotes
    ]


MARK_STYLES = [
    "“The border stays closed,” the interior minister said.",
    '"The border stays closed," the interior minister said.',
    "‘The border stays closed,’ the interior minister said.",
    "«The border stays closed,» the interior minister said.",
    "„The border stays closed,“ the interior minister said.",
]


@pytest.mark.parametrize("text", MARK_STYLES)
def test_each_quote_mark_style(nlp: Language, text: str) -> None:
    (quote,) = _quotes(nlp, text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.content == "The border stays closed"
    assert quote.speaker_text == "the interior minister"
    assert quote.cue is not None and quote.cue.lemma == "say"


def test_offsets_index_the_document(nlp: Language) -> None:
    text = "Protests went on. “We want elections now,” the opposition leader told reporters."
    doc = nlp(text)
    (quote,) = find_quotes(doc)
    assert text[quote.content_start : quote.content_end] == quote.content
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == "the opposition leader"
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == "told"
    assert quote.speaker_token_index is not None
    assert doc[quote.speaker_token_index].text == "leader"


def test_cue_before_with_colon_and_inverted_cue(nlp: Language) -> None:
    colon = _quotes(nlp, 'Rebel commander Omar Said declared: "We will not lay down our arms."')
    assert _summary(colon) == [
        ("Rebel commander Omar Said", "declare", "We will not lay down our arms.", "direct")
    ]
    inverted = _quotes(nlp, "“Sanctions will follow,” warned Foreign Minister Ana Ruiz.")
    assert _summary(inverted) == [
        ("Foreign Minister Ana Ruiz", "warn", "Sanctions will follow", "direct")
    ]


def test_quote_spanning_sentences(nlp: Language) -> None:
    (quote,) = _quotes(
        nlp,
        "The premier insisted, “Our republic is a free country. We have nothing to hide, "
        "and the monitors are biased.”",
    )
    assert quote.speaker_text == "The premier"
    assert quote.content.startswith("Our republic is a free country. We have")
    assert quote.content.endswith("the monitors are biased.")


def test_quote_split_by_its_cue(nlp: Language) -> None:
    first, second = _quotes(
        nlp, "“The talks were useful,” the mediator said, “but much remains to be done.”"
    )
    assert (first.content, second.content) == (
        "The talks were useful",
        "but much remains to be done.",
    )
    assert first.speaker_text == second.speaker_text == "the mediator"
    assert first.group == second.group
    assert first.cue == second.cue


def test_quote_over_paragraphs(nlp: Language) -> None:
    text = (
        "“The first convoy reached the city at dawn.\n\n"
        "“A second one is on its way,” the aid coordinator said."
    )
    first, second = _quotes(nlp, text)
    assert first.content == "The first convoy reached the city at dawn."
    assert first.group == second.group
    assert first.speaker_text == second.speaker_text == "the aid coordinator"


def test_pronoun_speaker_keeps_its_token(nlp: Language) -> None:
    doc = nlp("The envoy met the premier. “We value your help,” she stated afterward.")
    (quote,) = find_quotes(doc)
    assert quote.speaker_text == "she"
    assert quote.speaker_token_index is not None
    assert doc[quote.speaker_token_index].pos_ == "PRON"


def test_quote_with_no_speaker(nlp: Language) -> None:
    (quote,) = _quotes(nlp, "“This violence must stop at once.”")
    assert (quote.speaker_text, quote.cue, quote.speaker_token_index) == (None, None, None)
    assert quote.content == "This violence must stop at once."


def test_scare_quotes_are_not_quotations(nlp: Language) -> None:
    assert _quotes(nlp, "He praised the country’s “pivotal regional role” in the talks.") == []


def test_indirect_quotes(nlp: Language) -> None:
    quotes = _quotes(
        nlp,
        "The defense minister said that troops would leave the border by Friday. "
        "Officials told reporters the negotiations had collapsed. "
        "The ceasefire is holding, the general added.",
    )
    assert _summary(quotes) == [
        ("The defense minister", "say", "troops would leave the border by Friday", "indirect"),
        ("Officials", "tell", "the negotiations had collapsed", "indirect"),
        ("the general", "add", "The ceasefire is holding", "indirect"),
    ]


def test_according_to(nlp: Language) -> None:
    before = _quotes(nlp, "According to the Red Cross, more than 200 people were wounded.")
    after = _quotes(nlp, "Militants shelled the market, according to local police.")
    assert _summary(before) == [
        ("the Red Cross", "according to", "more than 200 people were wounded.", "indirect")
    ]
    assert _summary(after) == [
        ("local police", "according to", "Militants shelled the market", "indirect")
    ]


def test_direct_quote_is_not_also_indirect(nlp: Language) -> None:
    quotes = _quotes(nlp, "The mayor said, “The water supply has been restored.”")
    assert [q.kind for q in quotes] == [QuoteKind.DIRECT]


def test_cue_verbs_are_configurable(nlp: Language) -> None:
    text = (
        "The crowd chanted: “Leave the city before nightfall.” The official said that it was calm."
    )
    default = _quotes(nlp, text)
    assert [q.cue.lemma if q.cue else None for q in default] == [None, "say"]
    custom = find_quotes(nlp(text), cue_verbs={"chant"})
    assert [(q.speaker_text, q.cue.lemma if q.cue else None) for q in custom] == [
        ("The crowd", "chant")
    ]
    assert "say" in DEFAULT_CUE_VERBS


def test_text_must_be_the_documents(nlp: Language) -> None:
    text = "“We will stay,” the mayor said."
    doc = nlp(text)
    assert find_quotes(doc, text=text) == find_quotes(doc)
    with pytest.raises(InputError):
        find_quotes(doc, text="short")


def test_empty_and_quoteless_documents(nlp: Language) -> None:
    assert find_quotes(nlp("")) == []
    assert find_quotes(nlp("Troops crossed the river at dawn.")) == []


def test_pair_quote_marks_ignores_apostrophes_and_inner_quotes() -> None:
    text = "“The ‘red line’ was crossed,” he said of Russia’s move and the Kurds’ demands."
    pairs = pair_quote_marks(text)
    assert [(text[p.content_start : p.close]) for p in pairs] == ["The ‘red line’ was crossed,"]


def test_to_dict() -> None:
    quote = Quote(None, None, None, None, None, "Stop.", 1, 6, QuoteKind.DIRECT, 1)
    assert quote.to_dict() == {
        "speaker": None,
        "cue": None,
        "content": {"text": "Stop.", "start": 1, "end": 6},
        "kind": "direct",
        "group": 1,
    }


def test_public_names_are_listed() -> None:
    module = importlib.import_module("dragoman.quotes")
    public = {n for n in vars(module) if not n.startswith("_") and n != "annotations"}
    public = {n for n in public if not isinstance(getattr(module, n), type(importlib))}
    assert public == set(module.__all__)


def test_readme_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    readme = Path(__file__).resolve().parents[2] / "README.md"
    section = readme.read_text(encoding="utf-8").split("\n## Quotes\n", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "README.md (Quotes)", "exec"), {})
    printed = capsys.readouterr().out
    assert "direct she say 'but much remains to be done.' 1" in printed
    assert "indirect The defense minister tell 'troops would withdraw'" in printed


def test_time_words_are_not_speakers_without_entity_labels(nlp: Language) -> None:
    from dragoman.quotes._speaker import _is_time

    doc = nlp("Smith left the capital Monday morning.")
    assert not doc.has_annotation("ENT_IOB")
    words = {t.text: _is_time(t) for t in doc}
    assert words["Monday"] and words["morning"]
    assert not words["Smith"] and not words["capital"]
