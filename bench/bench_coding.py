"""Coding-stage benchmark: spaCy parsing alone vs Dragoman's coding stage on parsed Docs.

Usage:
    python bench/bench_coding.py ../shared/data/corpus/voa_stories.jsonl [--repeat 3] [--json]

Both stages run in this process on the same texts; the report gives sentences per second for
each, the coding stage's cost per sentence against the 0.25 ms budget, and the ratio of the
two (coding time as a share of parse time). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from dragoman import Coder, Document
from dragoman.ingest import read_documents

BUDGET_MS = 0.25


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSON-lines corpus (id, text, ...)")
    parser.add_argument("--repeat", type=int, default=3, help="coding-stage repetitions")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N stories")
    parser.add_argument("--model", default=None, help="spaCy pipeline to load")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    docs = [d for d in read_documents([args.corpus]) if isinstance(d, Document)]
    if args.limit:
        docs = docs[: args.limit]
    if not docs:
        print(f"no documents in {args.corpus}", file=sys.stderr)
        return 1
    coder = Coder(model=args.model)
    nlp = coder.nlp
    texts = [d.text for d in docs]
    list(nlp.pipe(texts[:2]))  # warm-up

    start = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    parse_seconds = time.perf_counter() - start
    sentences = sum(1 for doc in parsed for _ in doc.sents)
    tokens = sum(len(doc) for doc in parsed)

    coding_runs = []
    events = 0
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        events = 0
        for document, doc in zip(docs, parsed, strict=True):
            events += len(
                coder.code_doc(doc, doc_id=document.id, date=document.date, text=document.text)
            )
        coding_runs.append(time.perf_counter() - start)
    coding_seconds = statistics.median(coding_runs)

    ms_per_sentence = coding_seconds * 1000 / sentences
    figures = {
        "documents": len(docs),
        "sentences": sentences,
        "tokens": tokens,
        "events": events,
        "parse_sentences_per_s": round(sentences / parse_seconds, 1),
        "parse_tokens_per_s": round(tokens / parse_seconds, 1),
        "coding_sentences_per_s": round(sentences / coding_seconds, 1),
        "coding_ms_per_sentence": round(ms_per_sentence, 4),
        "coding_over_parse_time": round(coding_seconds / parse_seconds, 4),
        "coding_speedup_over_parse": round(parse_seconds / coding_seconds, 1),
        "budget_ms_per_sentence": BUDGET_MS,
        "within_budget": ms_per_sentence <= BUDGET_MS,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"corpus: {args.corpus} ({len(docs)} stories, {sentences} sentences, {tokens} tokens)")
    print(f"spaCy parse alone : {figures['parse_sentences_per_s']:>10,.1f} sentences/s "
          f"({figures['parse_tokens_per_s']:,.0f} tokens/s)")
    print(f"coding stage alone: {figures['coding_sentences_per_s']:>10,.1f} sentences/s "
          f"({ms_per_sentence:.4f} ms/sentence, budget {BUDGET_MS} ms: "
          f"{'OK' if figures['within_budget'] else 'OVER'})")
    print(f"ratio: coding stage costs {figures['coding_over_parse_time']:.1%} of parse time "
          f"({figures['coding_speedup_over_parse']}x faster than parsing); {events} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
