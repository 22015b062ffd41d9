"""Event snapshot: code a corpus and compare every event field and quotation with a snapshot.

Usage:
    python bench/snapshot.py ../shared/data/corpus/voa_stories.jsonl --write snapshot.jsonl
    python bench/snapshot.py ../shared/data/corpus/voa_stories.jsonl --check snapshot.jsonl

``--write`` codes the corpus (JSON lines, as ``dragoman code`` reads them) and writes one line
per document: its id, its events and its quotations in their JSON form. Every event the rules
code is kept (``JudgeOptions.everything()``), with its confidence, so what the last stage
would drop is compared too. ``--check`` codes the
corpus again and compares with such a file: every field of every event (and of every
quotation), sentence by sentence. Each difference is printed as one line (document, sentence,
field, before -> after) and the exit status is 1 when there is any, 0 when the coding is
unchanged. A refactoring that must change no event is checked with it: write the snapshot
before moving code, check it after each step. Not part of the test suite (the corpus is
outside the repository).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dragoman import Coder, Document
from dragoman.coding import JudgeOptions
from dragoman.ingest import read_documents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSON-lines corpus (id, text, ...)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="FILE", help="write the snapshot to FILE")
    mode.add_argument(
        "--check",
        type=Path,
        metavar="FILE",
        help="compare with the snapshot in FILE; exit 1 on any difference",
    )
    parser.add_argument("--model", default=None, help="spaCy pipeline to load")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents")
    parser.add_argument(
        "--max-lines",
        type=int,
        default=200,
        help="print at most this many differences (all are counted)",
    )
    args = parser.parse_args(argv)

    docs = [d for d in read_documents([args.corpus]) if isinstance(d, Document)]
    if args.limit:
        docs = docs[: args.limit]
    if not docs:
        print(f"no documents in {args.corpus}", file=sys.stderr)
        return 1
    coded = list(_code(docs, args.model))
    if args.write:
        with args.write.open("w", encoding="utf-8") as out:
            for row in coded:
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        events = sum(len(row["events"]) for row in coded)
        quotes = sum(len(row["quotes"]) for row in coded)
        print(f"wrote {args.write}: {len(coded)} documents, {events} events, {quotes} quotations")
        return 0
    before = _read(args.check)
    differences = list(_compare(before, coded))
    for line in differences[: args.max_lines]:
        print(line)
    if len(differences) > args.max_lines:
        print(f"... and {len(differences) - args.max_lines} more")
    events = sum(len(row["events"]) for row in coded)
    if differences:
        print(f"snapshot {args.check}: {len(differences)} differences", file=sys.stderr)
        return 1
    print(f"snapshot {args.check}: unchanged ({len(coded)} documents, {events} events)")
    return 0


def _code(docs: list[Document], model: str | None) -> Iterator[dict[str, Any]]:
    # every event the rules code, each with its confidence: the judge's choice is compared
    # through the confidence field, and an event it drops still shows its other changes
    coder = Coder(model=model, judge=JudgeOptions.everything())
    for coded in coder.analyze_documents(docs):
        yield {
            "doc_id": coded.document.id,
            "events": [event.to_dict() for event in coded.events],
            "quotes": [quote.to_dict() for quote in coded.quotes],
        }


def _read(path: Path) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                row = json.loads(line)
                rows[row["doc_id"]] = row
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise SystemExit(f"{path} line {number}: not a snapshot row ({error})") from None
    return rows


def _compare(before: dict[str, dict[str, Any]], after: list[dict[str, Any]]) -> Iterator[str]:
    seen = set()
    for row in after:
        doc_id = row["doc_id"]
        seen.add(doc_id)
        old = before.get(doc_id)
        if old is None:
            yield f"{doc_id}: document not in the snapshot"
            continue
        yield from _compare_items(
            doc_id, "event", _by_sentence(old["events"]), _by_sentence(row["events"])
        )
        yield from _compare_items(doc_id, "quote", {"-": old["quotes"]}, {"-": row["quotes"]})
    for doc_id in before.keys() - seen:
        yield f"{doc_id}: document in the snapshot, not in the corpus"


def _by_sentence(events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        grouped.setdefault(str(event["sentence_index"]), []).append(event)
    return grouped


def _compare_items(
    doc_id: str,
    kind: str,
    before: dict[str, list[dict[str, Any]]],
    after: dict[str, list[dict[str, Any]]],
) -> Iterator[str]:
    for sentence in sorted(before.keys() | after.keys(), key=_sentence_key):
        old, new = before.get(sentence, []), after.get(sentence, [])
        where = f"{doc_id} sentence {sentence}" if sentence != "-" else doc_id
        for index in range(max(len(old), len(new))):
            if index >= len(new):
                yield f"{where} {kind} {index}: {_summary(old[index])} -> (gone)"
            elif index >= len(old):
                yield f"{where} {kind} {index}: (none) -> {_summary(new[index])}"
            else:
                for field, was, now in _field_differences(old[index], new[index]):
                    yield f"{where} {kind} {index} {field}: {was!r} -> {now!r}"


def _sentence_key(sentence: str) -> tuple[int, str]:
    return (int(sentence), "") if sentence.isdigit() else (-1, sentence)


def _field_differences(old: Any, new: Any, prefix: str = "") -> Iterator[tuple[str, Any, Any]]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(old.keys() | new.keys()):
            yield from _field_differences(
                old.get(key), new.get(key), f"{prefix}.{key}" if prefix else key
            )
    elif old != new:
        yield prefix or "value", old, new


def _summary(item: dict[str, Any]) -> str:
    if "cameo" in item:
        target = item["target"]["code"] if item.get("target") else "-"
        return f"{item['source']['code']} {item['cameo']['code']} {target}"
    return f"quote {item.get('index')} {item.get('content', {}).get('text', '')!r}"


if __name__ == "__main__":
    sys.exit(main())
