"""The reference the benchmarks compare with: spaCy's full pipeline (every component of the
model, the entity recognizer included) loading and parsing texts, nothing else.

Run as a script: ``python bench/_spacy_parse.py MODEL FILE`` parses every line of FILE (a JSON
string per line) with ``nlp.pipe`` (batch size 16) and prints the token count; ``-`` reads one
text from standard input and parses it with ``nlp(text)``.
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str]) -> int:
    import spacy

    model, source = argv
    nlp = spacy.load(model)
    if source == "-":
        text = sys.stdin.read()
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        print(len(nlp(text)))
        return 0
    with open(source, encoding="utf-8") as stream:
        texts = [json.loads(line) for line in stream]
    print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=16)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
