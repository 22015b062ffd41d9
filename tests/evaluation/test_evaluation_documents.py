"""Document gold: root+dyad matching, precision and recall per split, dates, thresholds, misses.

The stories and events are made up; the numbers are worked out by hand in the comments.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from dragoman import Actor, CameoRef, Document, Event, Evidence, PloverRef, TextSpan
from dragoman.errors import InputError
from dragoman.evaluation import (
    THRESHOLDS,
    DocumentReport,
    GoldEvent,
    GoldRecord,
    GoldSet,
    ParsingCoder,
    code_records,
    evaluate_documents,
    event_confidence,
    gold_matches,
    score_story,
    story_misses,
)
from dragoman.ontology import cameo, plover_for


def coded(
    source: str,
    target: str | None,
    code: str,
    *,
    date: str | None = None,
    sentence: int = 0,
    text: str = "A sentence.",
    confidence: float | None = None,
    doc_id: str = "d",
) -> Event:
    span = TextSpan(text, 10 * sentence, 10 * sentence + len(text))
    entry, mapping = cameo(code), plover_for(code)
    event = Event(
        doc_id=doc_id,
        sentence_index=sentence,
        event_id=f"{source}-{target}-{code}-{sentence}",
        date=date,
        source=Actor(source, source, source.lower(), 0, 1, rule="name"),
        target=Actor(target, target, target.lower(), 2, 3, rule="object") if target else None,
        cameo=CameoRef(code, entry.name),
        root_code=entry.root_code,
        quad_class=int(entry.quad_class),
        goldstein=entry.goldstein,
        plover=PloverRef(mapping.type, mapping.mode),
        negated=False,
        evidence=Evidence(span, TextSpan("did", 0, 3), f"do -> {code}"),
    )
    return event if confidence is None else replace(event, confidence=confidence)


def gold(
    sources: tuple[str, ...],
    targets: tuple[str, ...],
    code: str,
    *,
    alt: tuple[str, ...] = (),
    date: str | None = None,
    precision: str = "day",
    sentence: str | None = None,
) -> GoldEvent:
    return GoldEvent(sources, targets, code, None, alt, date, precision, False, sentence)


def story(
    story_id: str,
    events: tuple[GoldEvent, ...],
    acceptable: tuple[GoldEvent, ...] = (),
    split: str | None = "tune",
    text: str = "Story text.",
) -> GoldRecord:
    return GoldRecord(story_id, text, "2024-05-10", events, acceptable=acceptable, split=split)


# ---------------------------------------------------------------- matching rules


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (coded("FREGOV", "SYL", "111"), True),  # same root, actors on their first 3 letters
        (coded("FRE", "SYLMIL", "112"), True),  # another code of the root
        (coded("FRE", "SYL", "121"), True),  # root of an alt_cameo code
        (coded("FRE", "SYL", "1231"), True),  # a longer code of the alt_cameo root
        (coded("FRE", "SYL", "130"), False),  # a root the gold does not name
        (coded("SYL", "FRE", "111"), False),  # the dyad reversed
        (coded("FRE", None, "111"), False),  # the gold names a target: one is needed
        (coded("VUL", "SYL", "111"), True),  # any of several gold sources
    ],
)
def test_root_and_dyad_with_alt_cameo(event: Event, expected: bool) -> None:
    event_gold = gold(("FRE", "VULGOV"), ("SYL",), "111", alt=("12",))
    assert gold_matches(event_gold, event) is expected


def test_empty_gold_target_and_source_accept_any_actor() -> None:
    no_target = gold(("FRE",), (), "043")
    assert gold_matches(no_target, coded("FRE", None, "043"))
    assert gold_matches(no_target, coded("FRE", "ZZZ", "040"))
    assert not gold_matches(no_target, coded("SYL", None, "043"))
    no_source = gold((), ("SYL",), "190")
    assert gold_matches(no_source, coded("---MIL", "SYL", "193"))


def test_acceptable_events_count_for_precision_only() -> None:
    record = story(
        "s",
        (gold(("FRE",), ("SYL",), "111"),),
        acceptable=(gold(("FRE",), (), "010"), gold(("SYL",), ("FRE",), "040")),
    )
    # the statement is acceptable: right, but it finds nothing; the meeting too
    result = score_story(record, [coded("FRE", None, "010"), coded("SYL", "FRE", "042")])
    assert result.right == (True, True) and result.found == ((),)
    scores = DocumentReport("g", stories=[result]).scores()
    assert (scores.precision, scores.recall, scores.required) == (1.0, 0.0, 1)


@pytest.mark.parametrize(
    ("precision", "coded_date", "right"),
    [
        ("day", "2024-05-03", True),
        ("day", "2024-05-04", False),
        ("month", "2024-05-28", True),
        ("month", "2024-06-03", False),
        ("year", "2024-12-31", True),
        ("year", "2023-05-03", False),
        ("day", None, False),  # an event without a date is not right on the date
    ],
)
def test_dates_to_the_gold_precision(precision: str, coded_date: str | None, right: bool) -> None:
    record = story("s", (gold(("FRE",), (), "190", date="2024-05-03", precision=precision),))
    result = score_story(record, [coded("FRE", None, "190", date=coded_date)])
    scores = DocumentReport("g", stories=[result]).scores()
    assert (scores.dated, scores.dates_right) == (1, int(right))


def test_one_right_date_among_the_matching_events_is_enough() -> None:
    record = story("s", (gold(("FRE",), (), "190", date="2024-05-03"),))
    events = [
        coded("FRE", None, "190", date="2024-01-01"),
        coded("FRE", None, "19", date="2024-05-03"),
    ]
    scores = DocumentReport("g", stories=[score_story(record, events)]).scores()
    assert (scores.found, scores.dated, scores.dates_right) == (1, 1, 1)


def test_gold_without_a_date_is_not_dated() -> None:
    record = story("s", (gold(("FRE",), (), "190"),))
    result = score_story(record, [coded("FRE", None, "190")])
    scores = DocumentReport("g", stories=[result]).scores()
    assert (scores.found, scores.dated, scores.dates) == (1, 0, None)


# ---------------------------------------------------------------- splits and figures

STORIES = [
    # tune: 2 required; coded: 1 right (FRE 111), 1 acceptable, 1 wrong; found 1 of 2
    story(
        "t1",
        (
            gold(("FRE",), ("SYL",), "111", sentence="Freedonia criticized"),
            gold(("SYL",), (), "190", sentence="Sylvanian troops fired"),
        ),
        acceptable=(gold(("FRE",), (), "010"),),
        text="Freedonia criticized Sylvania. Sylvanian troops fired on a post.",
    ),
    # tune: 1 required, nothing coded
    story("t2", (gold(("VUL",), ("FRE",), "042"),)),
    # check: 1 required; an event with no country (wrong) and a right one
    story("c1", (gold(("FRE",), (), "173"),), split="check"),
]
CODED = {
    "t1": [
        coded("FREGOV", "SYL", "111", confidence=0.9),
        coded("FRE", None, "010", confidence=0.3),
        coded("---GOV", None, "040", confidence=0.05, sentence=1),
    ],
    "t2": [],
    "c1": [coded("---GOV", None, "173", confidence=0.5), coded("FRE", None, "173", confidence=0.8)],
}


class StoryCoder:
    """Codes each story into the events listed under its id (no parse: no sentence starts)."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events
        self.seen: list[str] = []

    def code_documents(
        self, documents: Iterable[Document]
    ) -> Iterator[tuple[Document, list[Event]]]:
        for document in documents:
            self.seen.append(document.id)
            yield document, self.events[document.id]


@pytest.fixture(scope="module")
def report() -> DocumentReport:
    gold_set = GoldSet("docs.jsonl", "docs", list(STORIES), skipped=[("line 4", "bad")])
    return evaluate_documents(StoryCoder(CODED), gold_set)


def test_figures_per_split_and_overall(report: DocumentReport) -> None:
    assert report.splits() == ["check", "tune", "all"]
    tune, check, overall = report.scores("tune"), report.scores("check"), report.scores()
    assert (tune.stories, tune.required, tune.coded, tune.right, tune.found) == (2, 3, 3, 2, 1)
    assert tune.precision == pytest.approx(2 / 3) and tune.recall == pytest.approx(1 / 3)
    assert tune.f1 == pytest.approx(2 * (2 / 3) * (1 / 3) / (2 / 3 + 1 / 3))
    assert tune.events_per_required == pytest.approx(1.0)
    assert tune.no_country_share == pytest.approx(1 / 3)
    assert (check.coded, check.right, check.found, check.no_country) == (2, 1, 1, 1)
    assert (overall.stories, overall.required, overall.coded, overall.right) == (3, 4, 5, 3)
    assert overall.recall == pytest.approx(2 / 4)


def test_threshold_table(report: DocumentReport) -> None:
    assert THRESHOLDS == (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
    rows = {row.threshold: row for row in report.curve("tune")}
    assert [row.coded for row in report.curve("tune")] == [3, 2, 2, 2, 1, 1, 1, 1, 1, 1]
    assert rows[0.0].precision == pytest.approx(2 / 3)
    assert rows[0.1].precision == 1.0 and rows[0.4].precision == 1.0  # the wrong one is gone
    assert rows[0.9].recall == pytest.approx(1 / 3)  # confidence 0.9 is kept at 0.9
    check = {row.threshold: row for row in report.curve("check")}
    assert (check[0.5].coded, check[0.5].precision) == (2, 0.5)
    assert (check[0.6].coded, check[0.6].precision, check[0.6].recall) == (1, 1.0, 1.0)
    assert report.scores("check", 0.9).coded == 0
    assert report.scores("check", 0.9).precision is None


def test_event_confidence() -> None:
    assert event_confidence(coded("FRE", None, "010")) == 1.0  # Event's default
    assert event_confidence(coded("FRE", None, "010", confidence=0.25)) == 0.25


def test_to_dict_has_every_split_and_threshold(report: DocumentReport) -> None:
    data = report.to_dict()
    assert data["gold"] == {"path": "docs.jsonl", "format": "docs"} and data["stories"] == 3
    assert data["skipped"] == [{"id": "line 4", "reason": "bad"}]
    assert data["splits"]["tune"]["precision"] == pytest.approx(0.6667)
    assert data["splits"]["all"]["found"] == 2
    assert [row["threshold"] for row in data["thresholds"]["check"]] == list(THRESHOLDS)
    assert "misses" not in data
    misses = report.to_dict(misses=True)["misses"]
    # without sentence starts (a coder that does not parse), missed events come last
    assert [(m["story"], m["kind"]) for m in misses] == [
        ("t1", "false positive"),
        ("t1", "missed"),
        ("t2", "missed"),
        ("c1", "false positive"),
    ]
    assert misses[0]["event"]["pattern"] == "do -> 040"
    assert misses[0]["event"]["source_rule"] == "name" and misses[0]["sentence_index"] == 1
    assert misses[0]["event"]["confidence"] == 0.05
    assert misses[1]["gold"]["cameo"] == "190" and misses[1]["sentence_index"] is None


def test_split_and_limit_choose_the_stories() -> None:
    coder = StoryCoder(CODED)
    gold_set = GoldSet("docs.jsonl", "docs", list(STORIES))
    chosen = evaluate_documents(coder, gold_set, split="check")
    assert [s.record.id for s in chosen.stories] == ["c1"] and coder.seen == ["c1"]
    assert chosen.splits() == ["check", "all"]
    calls: list[int] = []
    limited = evaluate_documents(StoryCoder(CODED), gold_set, limit=2, progress=calls.append)
    assert [s.record.id for s in limited.stories] == ["t1", "t2"] and calls == [1, 2]
    with pytest.raises(InputError, match="no story of split 'dev'; the splits are check, tune"):
        evaluate_documents(coder, gold_set, split="dev")


def test_stories_without_split_count_in_all_only() -> None:
    record = story("s", (gold(("FRE",), (), "010"),), split=None)
    report = DocumentReport("g", stories=[score_story(record, [coded("FRE", None, "010")])])
    assert report.splits() == ["all"] and report.scores().recall == 1.0


def test_empty_report_has_no_ratios() -> None:
    scores = DocumentReport("g").scores()
    assert (scores.precision, scores.recall, scores.f1, scores.events_per_required) == (
        None,
        None,
        None,
        None,
    )


# ---------------------------------------------------------------- misses by sentence


def test_misses_are_listed_by_sentence_with_the_rules() -> None:
    text = "Freedonia criticized Sylvania. Sylvanian troops fired on a post. Talks ended."
    record = story(
        "s",
        (
            gold(("SYL",), (), "190", sentence="Sylvanian troops fired ..."),
            gold(("FRE",), (), "040", sentence="Not in the text"),
            gold(("FRE",), (), "043", sentence="Talks ended…"),
        ),
        text=text,
    )
    events = [coded("FRE", "SYL", "111", sentence=0, text="Freedonia criticized Sylvania.")]
    result = score_story(record, events, sentence_starts=(0, 31, 65))
    misses = list(story_misses(result))
    assert [(m.kind, m.sentence_index) for m in misses] == [
        ("false positive", 0),
        ("missed", 1),  # the gold's first words, cut with "...", are found
        ("missed", 2),
        ("missed", None),  # its sentence is not in the text: listed last
    ]
    assert misses[1].sentence == "Sylvanian troops fired on a post."
    assert misses[3].sentence == "Not in the text"
    assert misses[0].rule == "pattern do -> 111; source name; target object"
    assert misses[1].rule == ""


def test_a_found_event_without_its_date_is_a_wrong_date() -> None:
    text = "Freedonia shelled a Sylvanian post on Monday. Freedonia shelled it again in 2019."
    record = story(
        "s",
        (
            gold(("FRE",), ("SYL",), "190", date="2025-05-26", sentence="Freedonia shelled a"),
            gold(
                ("FRE",),
                ("SYL",),
                "190",
                date="2019",
                precision="year",
                sentence="Freedonia shelled it",
            ),
            gold(("FRE",), ("SYL",), "190", sentence="Freedonia shelled it"),  # undated: found
        ),
        text=text,
    )
    events = [
        coded("FRE", "SYL", "190", date="2025-05-31", sentence=0),  # the story date
        coded("FRE", "SYL", "190", date="2019-01-01", sentence=1),
    ]
    result = score_story(record, events, sentence_starts=(0, 46))
    misses = list(story_misses(result))
    assert [(m.kind, m.sentence_index) for m in misses] == [("wrong date", 0)]
    # the event of the gold's own sentence is the one shown
    assert misses[0].event is events[0] and misses[0].gold is record.events[0]
    assert misses[0].to_dict()["event"]["date"] == "2025-05-31"
    # the second gold event is dated right by the second coded event (year precision),
    # though the first one, of another sentence, also found it with another date
    assert result.found[1] == (0, 1)


def test_coder_protocols() -> None:
    assert not isinstance(StoryCoder({}), ParsingCoder)


# ---------------------------------------------------------------- against plain counting


def _plain_counts(
    stories: list[GoldRecord], events: dict[str, list[Event]]
) -> tuple[int, int, int, int, int, int]:
    """ANNOTATION.md's counts written out directly: (coded, right, required, found, dated,
    dates right), comparing codes as strings."""

    def ok(codes: tuple[str, ...], code: str) -> bool:
        return not codes or code[:3] in [c[:3] for c in codes]

    def match(g: GoldEvent, e: Event) -> bool:
        roots = [c[:2] for c in [g.cameo or "", *g.alt_cameo]]
        target = e.target.code if e.target else ""
        return e.cameo.code[:2] in roots and ok(g.sources, e.source.code) and ok(g.targets, target)

    coded = right = required = found = dated = dates_right = 0
    for record in stories:
        mine = events[record.id]
        coded += len(mine)
        right += sum(1 for e in mine if any(match(g, e) for g in record.events + record.acceptable))
        for g in record.events:
            required += 1
            hits = [e for e in mine if match(g, e)]
            if hits:
                found += 1
                if g.date:
                    dated += 1
                    n = {"year": 4, "month": 7}.get(g.date_precision, 10)
                    dates_right += any((e.date or "")[:n] == g.date[:n] for e in hits)
    return coded, right, required, found, dated, dates_right


def test_agrees_with_plain_counting_on_random_stories() -> None:
    import random

    rng = random.Random(12)
    actors, codes = (
        ["FRE", "FREGOV", "SYL", "SYLMIL", "VUL", "---GOV"],
        ["010", "043", "111", "112", "190", "051"],
    )
    dates = ["2024-05-03", "2024-05-20", "2024-07-03", "2023-05-03", None]

    def gold_event() -> GoldEvent:
        return gold(
            tuple(rng.sample(actors[:5], rng.randint(0, 2))),
            tuple(rng.sample(actors[:5], rng.randint(0, 2))),
            rng.choice(codes),
            alt=tuple(rng.sample(codes, rng.randint(0, 1))),
            date=rng.choice(dates),
            precision=rng.choice(["day", "month", "year"]),
        )

    stories, events = [], {}
    for number in range(60):
        story_id = f"s{number}"
        stories.append(
            story(
                story_id,
                tuple(gold_event() for _ in range(rng.randint(0, 4))),
                tuple(gold_event() for _ in range(rng.randint(0, 2))),
                split=rng.choice(["tune", "check"]),
            )
        )
        events[story_id] = [
            coded(
                rng.choice(actors),
                rng.choice([*actors, None]),
                rng.choice(codes),
                date=rng.choice(dates),
            )
            for _ in range(rng.randint(0, 5))
        ]
    report = evaluate_documents(StoryCoder(events), GoldSet("g", "docs", stories))
    for split in ("tune", "check", "all"):
        chosen = [s for s in stories if split == "all" or s.split == split]
        scores = report.scores(split)
        mine = (
            scores.coded,
            scores.right,
            scores.required,
            scores.found,
            scores.dated,
            scores.dates_right,
        )
        assert mine == _plain_counts(chosen, events)
        assert scores.found > 0 and scores.right > 0 and scores.dated > 0


def test_min_confidence_sets_the_headline_and_the_misses() -> None:
    gold_set = GoldSet("docs.jsonl", "docs", list(STORIES))
    report = evaluate_documents(StoryCoder(CODED), gold_set, min_confidence=0.5)
    assert report.scores("tune") == report.scores("tune", 0.5)
    assert report.scores("tune").coded == 1 and report.scores("tune", 0.0).coded == 3
    assert report.curve("tune")[0].coded == 3  # the table is over every coded event
    data = report.to_dict(misses=True)
    assert data["min_confidence"] == 0.5 and data["splits"]["check"]["coded"] == 2
    # below 0.5: the wrong ---GOV 040 of t1 is no miss; c1's ---GOV 173 (0.5) still is
    assert [(m["story"], m["kind"]) for m in data["misses"]] == [
        ("t1", "missed"),
        ("t2", "missed"),
        ("c1", "false positive"),
    ]
    # and a required event found only by an event below the threshold is missed
    strict = evaluate_documents(StoryCoder(CODED), gold_set, min_confidence=0.85, split="check")
    assert [m.kind for m in strict.misses()] == ["missed"]


def test_the_parse_path_codes_what_code_documents_codes(coder: Any) -> None:
    """dragoman eval parses the stories itself to know where sentences start; its events must
    stay those of ``Coder.code_documents`` (what ``dragoman code`` writes)."""
    texts = [
        "Poland condemned Russia on Monday. It rained in Warsaw. Germany praised France.",
        "Spain and Portugal signed a water treaty on Friday. Officials in Lisbon welcomed it.",
    ]
    records = [GoldRecord(f"r{i}", text, "2024-03-06") for i, text in enumerate(texts)]
    assert isinstance(coder, ParsingCoder)
    parsed = list(code_records(coder, records))
    documents = [Document(r.id, r.text, r.date) for r in records]
    direct = [events for _document, events in coder.code_documents(documents)]
    assert [[e.to_dict() for e in events] for events, _starts in parsed] == [
        [e.to_dict() for e in events] for events in direct
    ]
    assert sum(len(events) for events in direct) >= 3
    starts = parsed[0][1]
    assert starts[0] == 0 and texts[0][starts[1] :].startswith("It rained")


def test_an_overlong_story_is_an_error_naming_it() -> None:
    class Pipeline:
        def pipe(self, pairs: Iterable[tuple[str, Any]], **options: Any) -> Iterator[Any]:
            for _text, record in pairs:
                yield None, record

    class Parser:
        nlp = Pipeline()

        def code_doc(
            self, doc: Any, *, doc_id: str, date: str | None, text: str | None = None
        ) -> list[Event]:
            return []

    from dragoman.records import MAX_CHARS

    record = GoldRecord("long", "x" * (MAX_CHARS + 1), None, where="docs.jsonl line 7")
    with pytest.raises(InputError, match=r"docs\.jsonl line 7: the text has 1,000,001 char"):
        list(code_records(Parser(), [record]))
