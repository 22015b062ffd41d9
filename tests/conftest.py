"""Shared fixtures: the spaCy pipeline and a Coder are loaded once per test session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from spacy.language import Language

from dragoman import Coder, JudgeOptions, Location
from dragoman.pipeline import load_model

# Compiled dictionaries are cached in a directory of the temporary folder, never in the
# user's own cache (it is keyed by everything they are built from, so it may persist).
os.environ.setdefault("DRAGOMAN_CACHE_DIR", str(Path(tempfile.gettempdir()) / "dragoman-tests"))


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def coder(nlp: Language) -> Coder:
    """A Coder that keeps every event its rules code: the rule tests test the rules; the
    last stage (policy, confidence threshold) is tested on its own and with ``default_coder``."""
    return Coder(nlp=nlp, judge=JudgeOptions.everything())


@pytest.fixture(scope="session")
def default_coder(nlp: Language) -> Coder:
    """A Coder with the default last stage, as users get it."""
    return Coder(nlp=nlp)


# --- A small event database for the analysis, server and CLI tests -----------------------

# (doc id, date, sentence, [(source words, source code, verb, CAMEO code, target words,
#  target code, negated)]): our own sentences; offsets are found in the text below.
EVENT_DB_STORIES = [
    (
        "d01",
        "2025-01-14",
        "Kazakh President Tokayev met Russian President Putin in Moscow.",
        [
            (
                "Kazakh President Tokayev",
                "KAZGOV",
                "met",
                "040",
                "Russian President Putin",
                "RUSGOV",
                False,
            )
        ],
    ),
    (
        "d02",
        "2025-02-03",
        "Russian President Putin praised the Kazakh government.",
        [
            (
                "Russian President Putin",
                "RUSGOV",
                "praised",
                "051",
                "the Kazakh government",
                "KAZGOV",
                False,
            )
        ],
    ),
    (
        "d03",
        "2025-02-20",
        "Tokayev consulted Russian officials on the pipeline.",
        [("Tokayev", "KAZGOV", "consulted", "040", "Russian officials", "RUSGOV", False)],
    ),
    (
        "d04",
        "2025-03-11",
        "Kazakhstan criticized Russia over the grain embargo.",
        [("Kazakhstan", "KAZ", "criticized", "111", "Russia", "RUS", False)],
    ),
    (
        "d05",
        "2025-03-12",
        "Kazakhstan did not criticize Russia at the summit.",
        [("Kazakhstan", "KAZ", "criticize", "111", "Russia", "RUS", True)],
    ),
    (
        "d06",
        "2025-04-02",
        "Russian troops threatened Kazakhstan near the border.",
        [("Russian troops", "RUSMIL", "threatened", "138", "Kazakhstan", "KAZ", False)],
    ),
    (
        "d07",
        "2025-05-18",
        "Tokayev accused the OSCE of bias in its election report.",
        [("Tokayev", "KAZGOV", "accused", "112", "the OSCE", "IGOEUROSC", False)],
    ),
    (
        "d08",
        "2025-06-01",
        "Finnish Foreign Minister Valtonen praised Kazakhstan.",
        [
            (
                "Finnish Foreign Minister Valtonen",
                "FINGOV",
                "praised",
                "051",
                "Kazakhstan",
                "KAZ",
                False,
            )
        ],
    ),
    (
        "d09",
        "2025-06-02",
        "Russian forces attacked Ukrainian positions near Kharkiv.",
        [("Russian forces", "RUSMIL", "attacked", "190", "Ukrainian positions", "UKRMIL", False)],
    ),
    (
        "d10",
        "2025-06-03",
        "The Kazakh foreign ministry made a statement on the talks.",
        [("The Kazakh foreign ministry", "KAZGOV", "made a statement", "010", None, None, False)],
    ),
]


QUOTE_DOC = "d07"
QUOTE_TEXT = "The election report is biased"
# Where the text places an event: (doc id, place words, name, country, feature, lat, lon).
EVENT_DB_PLACES = {
    "d01": ("Moscow", "Moscow", "RUS", "capital", 55.75222, 37.61556),
    "d09": ("Kharkiv", "Kharkiv", "UKR", "city", 49.98081, 36.25272),
}


def build_event_db(path: Path) -> Path:
    """Write EVENT_DB_STORIES into a new event store at ``path`` through the store's writer."""
    from dragoman import (
        Actor,
        CameoRef,
        Document,
        Event,
        Evidence,
        PloverRef,
        Quote,
        TextSpan,
    )
    from dragoman.ontology import cameo, plover_for
    from dragoman.records import make_event_id
    from dragoman.store import EventStore, RowBatch, document_rows

    batch = RowBatch()
    for line, (doc_id, date, sentence, specs) in enumerate(EVENT_DB_STORIES, start=1):
        title = f"Story {doc_id}"
        text = f"{title}\n\n{sentence}"
        quotes = []
        if doc_id == QUOTE_DOC:
            text += f" \u201c{QUOTE_TEXT},\u201d Tokayev said."
            c0 = text.index(QUOTE_TEXT)
            k0 = text.index("Tokayev said")
            speaker = Actor("KAZGOV", "KAZGOV entry", "Tokayev", k0, k0 + 7, "test:KAZGOV", "name")
            quotes.append(
                Quote(
                    doc_id,
                    0,
                    speaker,
                    "Tokayev",
                    TextSpan("said", k0 + 8, k0 + 12),
                    TextSpan(QUOTE_TEXT, c0, c0 + len(QUOTE_TEXT)),
                    "direct",
                    c0,
                )
            )
        base = text.index(sentence)
        events = []
        for src_words, src, verb, code, tgt_words, tgt, negated in specs:
            s0 = text.index(src_words)
            source = Actor(
                src,
                f"{src} entry",
                src_words,
                s0,
                s0 + len(src_words),
                entry=f"test:{src}",
                rule="name",
            )
            target = None
            if tgt_words:
                t0 = text.index(tgt_words, base)
                target = Actor(
                    tgt,
                    f"{tgt} entry",
                    tgt_words,
                    t0,
                    t0 + len(tgt_words),
                    entry=f"test:{tgt}",
                    rule="name",
                )
            v0 = text.index(verb, base)
            info = cameo(code)
            mapping = plover_for(code)
            events.append(
                Event(
                    doc_id=doc_id,
                    sentence_index=0,
                    event_id=make_event_id(doc_id, v0, source, target, code),
                    date=date,
                    source=source,
                    target=target,
                    cameo=CameoRef(code, info.name),
                    root_code=code[:2],
                    quad_class=int(info.quad_class),
                    goldstein=info.goldstein,
                    plover=PloverRef(mapping.type, mapping.mode)
                    if mapping
                    else PloverRef(None, None),
                    negated=negated,
                    evidence=Evidence(
                        TextSpan(sentence, base, base + len(sentence)),
                        TextSpan(verb, v0, v0 + len(verb)),
                        f"{verb} -> {code}",
                    ),
                    quote=0 if quotes else None,
                    location=_place(doc_id, text),
                )
            )
        document = Document(
            id=doc_id, text=text, date=date, title=title, url=f"https://news.example.org/{doc_id}"
        )
        batch.extend(
            document_rows(
                document, events, file="stories.jsonl", line=line, keep_text=True, quotes=quotes
            )
        )
    with EventStore(str(path)) as store:
        store.write(batch)
    return path


def _place(doc_id: str, text: str) -> Location | None:
    if doc_id not in EVENT_DB_PLACES:
        return None
    words, name, country, feature, lat, lon = EVENT_DB_PLACES[doc_id]
    start = text.index(words)
    return Location(name, country, feature, lat, lon, words, start, start + len(words))


@pytest.fixture(scope="session")
def event_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small event store (10 documents, 10 mentions, one negated), built once."""
    return build_event_db(tmp_path_factory.mktemp("eventdb") / "events.duckdb")


@pytest.fixture(scope="session")
def nlp_ner() -> Language:
    """The same pipeline with its entity recognizer kept (``--ner``)."""
    return load_model(ner=True)
