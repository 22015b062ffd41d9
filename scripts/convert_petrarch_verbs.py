"""Convert PETRARCH2's CAMEO verb dictionary into a Dragoman verb file, for curation.

Reads ``CAMEO.2.0.txt`` (openeventdata/petrarch2, MIT License, Copyright (c) 2015 Open Event
Data Alliance) with ``dragoman.coding.import_petrarch_verbs`` and writes a Dragoman verb
dictionary (docs/dictionaries.md) that a person can review entry by entry before moving
entries into ``src/dragoman/coding/data/verbs.yaml``. Every entry notes its PETRARCH line;
every pattern Dragoman's format cannot express is listed at the end as a comment with its
line and the reason, so nothing is lost silently.

By default a pattern is applied only to the verb its comment names (``- * AID [070] # RUSH``
gives ``rush + aid``, not ``hasten + aid``): about 4,800 entries instead of about 26,000.
``--patterns-for block`` gives PETRARCH's own reading (every verb of the block).

Run from the repository root::

    python scripts/convert_petrarch_verbs.py ../shared/data/petrarch2/CAMEO.2.0.txt \\
        build/cameo_verbs_for_curation.yaml

The script never writes into the package: the shipped dictionary is curated by hand.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dragoman.coding import import_petrarch_verbs, naive_lemma, spacy_lemmatizer
from dragoman.coding._verbs import shipped_verb_file
from dragoman.errors import DragomanError
from dragoman.pipeline import load_model


def main(argv: Sequence[str] | None = None) -> int:
    """Run the conversion; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="PETRARCH verb dictionary (CAMEO.2.0.txt)")
    parser.add_argument("output", type=Path, help="Dragoman YAML file to write")
    parser.add_argument(
        "--patterns-for",
        choices=("origin", "block"),
        default="origin",
        help="apply a pattern to the verb its comment names (default) or to its whole block",
    )
    parser.add_argument("--simple-lemmas", action="store_true", help="do not load spaCy for lemmas")
    args = parser.parse_args(argv)
    shipped = Path(str(shipped_verb_file())).resolve()
    if args.output.resolve() == shipped:
        print(f"refusing to overwrite the shipped dictionary {shipped}", file=sys.stderr)
        return 2
    try:
        lemmatizer = naive_lemma if args.simple_lemmas else spacy_lemmatizer(load_model())
        result = import_petrarch_verbs(
            [args.source], lemmatizer=lemmatizer, patterns_for=args.patterns_for
        )
    except DragomanError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(result.to_yaml(include_dropped=True), encoding="utf-8")
    for problem in result.problems:
        print(f"warning: {problem}; skipped", file=sys.stderr)
    for line in result.summary_lines():
        print(line, file=sys.stderr)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
