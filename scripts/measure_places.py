"""Measure the places module: gazetteer load time and the per-document cost of finding places.

Loads the gazetteer in fresh processes (the one-off cost a user pays; wall and CPU time, as
other work on the machine inflates wall time), parses a JSON-lines corpus with spaCy, then
times :func:`dragoman.places.find_places` on the parsed Docs and one
:func:`place_for_clause` call per verb (CPU time), and prints what it found.

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

from dragoman.places import PlaceMention

_LOAD_SNIPPET = """
import time
import dragoman.places._loader as loader
start, cpu = time.perf_counter(), time.process_time()
loader.load_gazetteer()
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def main(argv: list[str] | None = None) -> int:
    """Print load time, per-document and per-sentence cost, and a sample of places."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSON-lines corpus with a 'text' field")
    parser.add_argument("--loads", type=int, default=5, help="fresh processes timing the load")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of the find stage")
    parser.add_argument("--top", type=int, default=40, help="most frequent mentions to list")
    args = parser.parse_args(argv)

    loads = [
        [float(x) for x in subprocess.check_output([sys.executable, "-c", _LOAD_SNIPPET]).split()]
        for _ in range(args.loads)
    ]
    wall = [w for w, _ in loads]
    cpu = [c for _, c in loads]
    print(
        f"gazetteer load, {args.loads} fresh processes: "
        f"wall median {statistics.median(wall):.3f} s "
        f"(min {min(wall):.3f}, max {max(wall):.3f}); CPU median {statistics.median(cpu):.3f} s"
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
    verbs = [[t for t in doc if t.pos_ == "VERB"] for doc in docs]
    print(
        f"parsed {len(docs)} documents, {sentences} sentences, {tokens} tokens, "
        f"{sum(map(len, verbs))} verbs in {parse_seconds:.1f} s"
    )
    gazetteer = load_gazetteer()

    find_runs, clause_runs = [], []
    found: list[PlaceMention] = []
    attached = 0
    for _ in range(args.repeat):
        start = time.process_time()
        per_doc = [find_places(doc, gazetteer) for doc in docs]
        find_runs.append(time.process_time() - start)
        start = time.process_time()
        attached = 0
        for mentions, doc_verbs in zip(per_doc, verbs, strict=True):
            for verb in doc_verbs:
                if place_for_clause(mentions, verb, ("USA",)) is not None:
                    attached += 1
        clause_runs.append(time.process_time() - start)
        found = [m for mentions in per_doc for m in mentions]
    for label, runs in (("find_places", find_runs), ("place_for_clause, every verb", clause_runs)):
        seconds = statistics.median(runs)
        print(
            f"{label}: CPU {seconds * 1000:.1f} ms in all, "
            f"{seconds / len(docs) * 1000:.3f} ms per document, "
            f"{seconds / sentences * 1000:.4f} ms per sentence (median of {args.repeat})"
        )
    print(f"{len(found)} place mentions, {attached} verbs with a place")
    kinds = collections.Counter(str(m.kind) for m in found)
    print("by kind:", dict(kinds))
    common = collections.Counter(
        (m.text, m.place.name, m.place.country, str(m.place.feature)) for m in found
    )
    for (text, name, country, feature), count in common.most_common(args.top):
        print(f"  {count:3}  {text!r:32} -> {name} ({country}, {feature})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
