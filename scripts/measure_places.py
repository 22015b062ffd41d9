"""Measure the places module: gazetteer load time and the per-document cost of finding places.

Loads the gazetteer in a fresh process (the one-off cost a user pays), parses a JSON-lines
corpus with spaCy, then times :func:`dragoman.places.find_places` plus one
:func:`place_for_clause` call per verb on the parsed Docs, and prints what it found.

Run from the repository root (not part of the test suite)::

    .venv/bin/python scripts/measure_places.py ../shared/data/corpus/voa_stories.jsonl
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

_LOAD_SNIPPET = """
import time
import dragoman.places._loader as loader
start = time.perf_counter()
loader.load_gazetteer()
print(time.perf_counter() - start)
"""


def main(argv: list[str] | None = None) -> int:
    """Print load time, per-document and per-sentence cost, and a sample of places."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSON-lines corpus with a 'text' field")
    parser.add_argument("--loads", type=int, default=5, help="fresh processes timing the load")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of the find stage")
    args = parser.parse_args(argv)

    loads = [
        float(subprocess.check_output([sys.executable, "-c", _LOAD_SNIPPET], text=True))
        for _ in range(args.loads)
    ]
    print(
        f"gazetteer load (fresh process, {args.loads} runs): "
        f"median {statistics.median(loads):.3f} s, "
        f"min {min(loads):.3f} s, max {max(loads):.3f} s"
    )

    from dragoman.pipeline import load_model
    from dragoman.places import find_places, load_gazetteer, place_for_clause

    texts = [
        json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8") if line.strip()
    ]
    nlp = load_model()
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_seconds = time.perf_counter() - start
    sentences = sum(1 for doc in docs for _ in doc.sents)
    tokens = sum(len(doc) for doc in docs)
    print(
        f"parsed {len(docs)} documents, {sentences} sentences, {tokens} tokens in "
        f"{parse_seconds:.1f} s"
    )
    gazetteer = load_gazetteer()

    runs = []
    found: list = []
    attached = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        found = []
        attached = 0
        for doc in docs:
            mentions = find_places(doc, gazetteer)
            found.extend(mentions)
            for token in doc:
                if token.pos_ == "VERB" and place_for_clause(mentions, token, ("USA",)):
                    attached += 1
        runs.append(time.perf_counter() - start)
    seconds = statistics.median(runs)
    print(
        f"find_places + place_for_clause per verb: {seconds * 1000:.1f} ms in all, "
        f"{seconds / len(docs) * 1000:.3f} ms per document, "
        f"{seconds / sentences * 1000:.4f} ms per sentence (median of {args.repeat})"
    )
    print(f"{len(found)} place mentions, {attached} verbs with a place")
    kinds = collections.Counter(str(m.kind) for m in found)
    print("by kind:", dict(kinds))
    common = collections.Counter(
        (m.text, m.place.name, m.place.country, str(m.place.feature)) for m in found
    )
    for (text, name, country, feature), count in common.most_common(40):
        print(f"  {count:3}  {text!r:32} -> {name} ({country}, {feature})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
