"""Finding event locations in parsed text: place phrases, capitals, borders, datelines."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dragoman.places import (
    Feature,
    MentionKind,
    PlaceMention,
    find_places,
    place_for_clause,
    rerank,
)

pytestmark = pytest.mark.slow


def _find(nlp: Language, text: str) -> tuple[Doc, list[PlaceMention]]:
    doc = nlp(text)
    return doc, find_places(doc)


def _verb(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def _only(mentions: list[PlaceMention]) -> PlaceMention:
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


# -- place names after a locative preposition ----------------------------------------


def test_in_city(nlp: Language) -> None:
    doc, mentions = _find(nlp, "Delegates gathered in Tashkent for the summit.")
    mention = _only(mentions)
    assert (mention.place.name, mention.place.country) == ("Tashkent", "UZB")
    assert mention.place.feature is Feature.CAPITAL
    assert (mention.text, mention.kind, mention.prep) == ("Tashkent", MentionKind.NAME, "in")
    assert doc.text[mention.start : mention.end] == "Tashkent"
    assert doc[mention.token].text == "Tashkent"
    assert mention.governor == _verb(doc, "gathered")


def test_near_and_outside(nlp: Language) -> None:
    _, mentions = _find(nlp, "Russian forces shelled villages near Kharkiv and outside Kyiv.")
    assert [(m.text, m.prep, m.place.country) for m in mentions] == [
        ("Kharkiv", "near", "UKR"),
        ("Kyiv", "outside", "UKR"),
    ]


def test_alias_in_text(nlp: Language) -> None:
    _, mentions = _find(nlp, "The ministers met in Nur-Sultan last year.")
    mention = _only(mentions)
    assert (mention.text, mention.place.name) == ("Nur-Sultan", "Astana")


def test_multiword_name_with_article(nlp: Language) -> None:
    _, mentions = _find(nlp, "Aid trucks waited for days in the Gaza Strip.")
    mention = _only(mentions)
    assert mention.text == "Gaza Strip"
    assert (mention.place.name, mention.place.feature) == ("Gaza Strip", Feature.REGION)


def test_city_with_country_appositive(nlp: Language) -> None:
    _, mentions = _find(nlp, "Officials met in Tripoli, Lebanon, on Friday.")
    mention = _only(mentions)
    assert mention.place.country == "LBN"  # not the Libyan capital
    assert [p.country for p in mention.candidates] == ["LBN"]


def test_world_region(nlp: Language) -> None:
    _, mentions = _find(nlp, "Drought has hit farmers across Central Asia this year.")
    mention = _only(mentions)
    assert (mention.text, mention.place.country, mention.place.feature) == (
        "Central Asia",
        None,
        Feature.REGION,
    )


def test_sea_after_over(nlp: Language) -> None:
    _, mentions = _find(nlp, "Ukraine said it shot down drones over the Black Sea.")
    mention = _only(mentions)
    assert (mention.place.name, mention.place.feature) == ("Black Sea", Feature.SEA)


# -- descriptive phrases, capitals, borders -----------------------------------------------


def test_the_syrian_city_of(nlp: Language) -> None:
    _, mentions = _find(nlp, "Gunmen stormed a hotel in the Syrian city of Aleppo.")
    mention = _only(mentions)
    assert mention.text == "the Syrian city of Aleppo"
    assert mention.kind is MentionKind.PHRASE
    assert (mention.place.name, mention.place.country) == ("Aleppo", "SYR")


def test_district_of_a_city_is_placed_in_the_city(nlp: Language) -> None:
    _, mentions = _find(nlp, "A missile hit a building in Kyiv's Shevchenko district.")
    mention = _only(mentions)
    assert mention.text == "Kyiv's Shevchenko district"
    assert (mention.place.name, mention.kind) == ("Kyiv", MentionKind.PHRASE)


def test_named_city_with_city_in_its_name(nlp: Language) -> None:
    _, mentions = _find(nlp, "Protesters gathered in Guatemala City on Saturday.")
    mention = _only(mentions)
    assert mention.text == "Guatemala City"
    assert (mention.place.name, mention.place.feature) == ("Guatemala City", Feature.CAPITAL)


def test_adjective_restricts_an_ambiguous_city(nlp: Language) -> None:
    _, mentions = _find(nlp, "Protests spread in the Lebanese city of Tripoli.")
    mention = _only(mentions)
    assert mention.place.country == "LBN"
    assert rerank(mention, ["LBY"]).place.country == "LBN"  # the text outranks the actors


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The OSCE chair arrived in Kazakhstan's capital on Tuesday.", "Kazakhstan's capital"),
        ("The envoy held talks in the capital of Kazakhstan.", "the capital of Kazakhstan"),
        ("The talks were held in the Kazakh capital.", "the Kazakh capital"),
    ],
)
def test_capital_phrases(nlp: Language, text: str, phrase: str) -> None:
    _, mentions = _find(nlp, text)
    mention = _only(mentions)
    assert mention.kind is MentionKind.CAPITAL
    assert mention.text == phrase
    assert (mention.place.name, mention.place.country) == ("Astana", "KAZ")


def test_capital_without_a_country_is_not_a_place(nlp: Language) -> None:
    _, mentions = _find(nlp, "Thousands marched in the capital on Sunday.")
    assert mentions == []


def test_border_with(nlp: Language) -> None:
    _, mentions = _find(nlp, "Militants fired rockets at the border with Turkey.")
    mention = _only(mentions)
    assert mention.kind is MentionKind.BORDER
    assert mention.text == "the border with Turkey"
    place = mention.place
    assert (place.name, place.country, place.feature) == ("Turkey", "TUR", Feature.BORDER)
    assert place.geonameid is None


def test_adjective_border(nlp: Language) -> None:
    _, mentions = _find(nlp, "Fighting raged on the Turkish border.")
    mention = _only(mentions)
    assert (mention.place.country, mention.place.feature) == ("TUR", Feature.BORDER)


def test_border_between_two_countries(nlp: Language) -> None:
    _, mentions = _find(nlp, "Fighting broke out on the border between Armenia and Azerbaijan.")
    mention = _only(mentions)
    assert [p.country for p in mention.candidates] == ["ARM", "AZE"]
    assert mention.place.country == "ARM"
    assert rerank(mention, ["AZE"]).place.country == "AZE"


# -- datelines -----------------------------------------------------------------------------


def test_dateline_city_only(nlp: Language) -> None:
    doc, mentions = _find(nlp, "ASTANA - Kazakhstan's president met the OSCE chair on Monday.")
    mention = mentions[0]
    assert mention.kind is MentionKind.DATELINE
    assert (mention.text, mention.start, mention.end) == ("ASTANA", 0, 6)
    assert mention.place.name == "Astana"
    assert doc[mention.token].text == "ASTANA"


def test_dateline_with_country_and_agency(nlp: Language) -> None:
    _, mentions = _find(nlp, "KYIV, Ukraine (AP) — Drones struck a power station overnight.")
    mention = mentions[0]
    assert mention.kind is MentionKind.DATELINE
    assert (mention.place.name, mention.place.country) == ("Kyiv", "UKR")


def test_dateline_region_picks_the_country(nlp: Language) -> None:
    _, mentions = _find(nlp, "PARIS, Texas (AP) -- The city council met on Tuesday.")
    assert mentions[0].place.country == "USA"
    _, mentions = _find(nlp, "PARIS (AP) -- The city council met on Tuesday.")
    assert mentions[0].place.country == "FRA"


def test_hyphenated_dateline(nlp: Language) -> None:
    _, mentions = _find(nlp, "NUR-SULTAN — The parliament approved the budget.")
    assert mentions[0].place.name == "Astana"


@pytest.mark.parametrize(
    "text",
    [
        "U.S. lawmakers welcomed the agreement on Tuesday.",
        "NATO — the alliance — met on Tuesday.",
        "The report was released Monday. ASTANA - officials said nothing.",
    ],
)
def test_no_dateline(nlp: Language, text: str) -> None:
    _, mentions = _find(nlp, text)
    assert all(m.kind is not MentionKind.DATELINE for m in mentions)


# -- sentences with no place ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The minister criticized the report.",
        "The talks ended in May.",
        "The European Union imposed sanctions on Iran.",
        "Russia attacked Kharkiv.",  # a bare object is the target, not a location
        "She studied at Harvard University.",
        "India and Pakistan argued over Kashmir.",
        "The president traveled to Moscow.",
        "He was interested in astana, a word he had made up.",
        # a place at the end of an organization's name (from the actor dictionary)
        "The Organization for Security and Co-operation in Europe issued a report.",
    ],
)
def test_no_place(nlp: Language, text: str) -> None:
    _, mentions = _find(nlp, text)
    assert mentions == [], [m.text for m in mentions]


# -- the place of a clause -----------------------------------------------------------------


def test_place_of_the_verb(nlp: Language) -> None:
    doc, mentions = _find(nlp, "The foreign ministers met in Astana on Monday.")
    found = place_for_clause(mentions, doc[_verb(doc, "met")], ["KAZ"])
    assert found is not None and found.place.name == "Astana"


def test_place_attached_to_an_argument(nlp: Language) -> None:
    doc, mentions = _find(nlp, "Protesters in Tbilisi clashed with police.")
    found = place_for_clause(mentions, doc[_verb(doc, "clashed")])
    assert found is not None and found.place.name == "Tbilisi"


def test_place_of_the_reported_event_only(nlp: Language) -> None:
    doc, mentions = _find(nlp, "Tokayev said that Russian troops attacked villages near Kharkiv.")
    assert place_for_clause(mentions, doc[_verb(doc, "said")]) is None
    found = place_for_clause(mentions, doc[_verb(doc, "attacked")])
    assert found is not None and found.text == "Kharkiv"


def test_place_through_a_controlled_verb(nlp: Language) -> None:
    doc, mentions = _find(nlp, "The two leaders agreed to meet in Geneva next month.")
    for word in ("agreed", "meet"):
        found = place_for_clause(mentions, doc[_verb(doc, word)])
        assert found is not None and found.place.country == "CHE", word


def test_actor_countries_resolve_an_ambiguous_name(nlp: Language) -> None:
    doc, mentions = _find(nlp, "Officials met in Paris to discuss flooding.")
    met = doc[_verb(doc, "met")]
    default = place_for_clause(mentions, met)
    assert default is not None and default.place.country == "FRA"
    texan = place_for_clause(mentions, met, ["USAGOV"])
    assert texan is not None and texan.place.country == "USA"
    assert texan.text == default.text and texan.start == default.start


def test_locative_wins_over_from(nlp: Language) -> None:
    doc, mentions = _find(nlp, "Envoys from Germany met in Vienna.")
    assert [m.prep for m in mentions] == ["from", "in"]
    found = place_for_clause(mentions, doc[_verb(doc, "met")])
    assert found is not None and found.place.name == "Vienna"


def test_from_on_a_noun_is_an_origin_not_the_place(nlp: Language) -> None:
    doc, mentions = _find(nlp, "Envoys from Germany criticized the plan.")
    assert [m.text for m in mentions] == ["Germany"]
    assert place_for_clause(mentions, doc[_verb(doc, "criticized")]) is None
    doc, mentions = _find(nlp, "Russian troops withdrew from Kherson.")
    found = place_for_clause(mentions, doc[_verb(doc, "withdrew")])
    assert found is not None and found.place.name == "Kherson"


def test_dateline_is_only_a_fallback_on_request(nlp: Language) -> None:
    doc, mentions = _find(nlp, "ASTANA - The president criticized the report.")
    verb = doc[_verb(doc, "criticized")]
    assert place_for_clause(mentions, verb) is None
    found = place_for_clause(mentions, verb, use_dateline=True)
    assert found is not None and found.kind is MentionKind.DATELINE


def test_mention_to_dict(nlp: Language) -> None:
    _, mentions = _find(nlp, "Delegates gathered in Tashkent for the summit.")
    data = _only(mentions).to_dict()
    assert data["name"] == "Tashkent" and data["country"] == "UZB"
    assert data["kind"] == "name" and data["feature"] == "capital"
    assert (data["text"], data["start"], data["end"]) == ("Tashkent", 22, 30)


def test_readme_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    readme = Path(__file__).resolve().parents[2] / "README.md"
    section = readme.read_text(encoding="utf-8").split("## Places", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "README.md (Places)", "exec"), {})
    printed = capsys.readouterr().out
    assert "Kyiv Astana" in printed
    assert "'near Kharkiv'" not in printed and "'Kharkiv'" in printed
    assert "'the border with Poland'" in printed
    assert "'country': 'UKR'" in printed


# -- parts of a place, "outside of" ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country", "prep"),
    [
        ("Two soldiers died in a sector of Beirut on Sunday.", "Beirut", "LBN", "in"),
        ("Police fired on protesters in the streets of Tehran.", "Tehran", "IRN", "in"),
        ("Fighters gathered in the northern part of Aleppo.", "Aleppo", "SYR", "in"),
        ("A bomb went off outside of the Afghan city of Kandahar.", "Kandahār", "AFG", "outside"),
        ("Shells landed on a suburb of Sarajevo overnight.", "Sarajevo", "BIH", "on"),
        # a direction before a name that is not a place itself
        ("Rebels seized a town in Western Uganda.", "Uganda", "UGA", "in"),
        ("Clashes broke out in North-West Nigeria.", "Nigeria", "NGA", "in"),
        ("Peacekeepers arrived in East Timor.", "Timor-Leste", "TLS", "in"),
    ],
)
def test_part_of_a_place_and_outside_of(
    nlp: Language, text: str, name: str, country: str, prep: str
) -> None:
    _, mentions = _find(nlp, text)
    mention = _only(mentions)
    assert (mention.place.name, mention.place.country, mention.prep) == (name, country, prep)


def test_part_nouns_need_a_place(nlp: Language) -> None:
    _, mentions = _find(nlp, "The ministers agreed in part of the talks to meet again.")
    assert mentions == []


# -- without an entity recognizer ----------------------------------------------------


def test_alternate_name_after_a_place_preposition(nlp: Language) -> None:
    # "Rangoon" is only a geonames alternate name of Yangon: after "in" a proper noun is a
    # place; after "from" it may be an organization, so only real names count there
    _doc, found = _find(nlp, "The envoys met in Rangoon on Tuesday.")
    assert _only(found).place.name == "Yangon"
    _doc, found = _find(nlp, "A letter came from Rangoon on Tuesday.")
    assert found == []


def test_entity_labels_decide_when_present(nlp_ner: Language) -> None:
    doc = nlp_ner("The envoys met in Rangoon on Tuesday.")
    assert doc.has_annotation("ENT_IOB")
    assert [m.place.name for m in find_places(doc)] == ["Yangon"]
