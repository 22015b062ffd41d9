"""Report what a converted PETRARCH verb dictionary has that Dragoman's verbs.yaml lacks.

Reads the output of ``scripts/convert_petrarch_verbs.py`` (a Dragoman verb file with one
entry per PETRARCH pattern) and asks Dragoman's shipped dictionary, for every pattern and
every object or complement lemma it lists, which entry would match the same clause. Each
pattern is then one of:

- ``missing``: no entry matches (the verb is unknown, or only other patterns of it are);
- ``generic``: only a less specific entry matches (a bare verb for a verb + object pattern),
  with the same code, the same root or another root;
- ``covered``: an entry at least as specific matches, with the same code, the same root or
  another root.

The report lists PETRARCH verb lemmas that verbs.yaml lacks, then the missing and generic
patterns grouped by verb, particle, preposition and code, most frequent verbs first. It is a
curation aid: nothing is merged automatically, and the shipped dictionary is never written
(PETRARCH's synonym sets are broad, and many of its codes need checking against the CAMEO
codebook; see src/dragoman/coding/data/SOURCES.md).

Run from the repository root::

    python scripts/convert_petrarch_verbs.py ../shared/data/petrarch2/CAMEO.2.0.txt \\
        build/cameo_verbs_for_curation.yaml
    python scripts/merge_petrarch_verbs.py build/cameo_verbs_for_curation.yaml \\
        > build/petrarch_gaps.txt
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import yaml

from dragoman.coding import VerbDictionary, load_verb_dictionary
from dragoman.errors import DragomanError

_LIMIT = 20  # lemmas shown per group


def _status(
    ours: VerbDictionary, entry: dict[str, object], obj: str | None, comp: str | None
) -> tuple[str, str]:
    particle = entry.get("particle")
    prep = entry.get("prep")
    match = ours.match(
        str(entry["verb"]),
        particle=str(particle) if particle else None,
        preps=[str(prep)] if prep else [],
        objects=[obj] if obj else [],
        comps=[comp] if comp else [],
    )
    if match is None:
        return "missing", ""
    wanted = sum(x is not None for x in (particle, prep, obj, comp))
    kind = "covered" if match.specificity >= wanted else "generic"
    code = str(entry["code"])
    same = (
        "same code"
        if match.code == code
        else "same root"
        if match.code[:2] == code[:2]
        else "other root"
    )
    return f"{kind}, {same}", match.code


def main(argv: Sequence[str] | None = None) -> int:
    """Write the report to standard output; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("converted", type=Path, help="output of convert_petrarch_verbs.py")
    parser.add_argument(
        "--verbs",
        type=Path,
        action="append",
        default=[],
        help="extra Dragoman verb file to load on top of verbs.yaml",
    )
    parser.add_argument("--all", action="store_true", help="also list covered patterns")
    args = parser.parse_args(argv)
    try:
        ours = load_verb_dictionary(args.verbs)
    except DragomanError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    entries = yaml.safe_load(args.converted.read_text(encoding="utf-8")) or []
    counts: Counter[str] = Counter()
    groups: dict[tuple[str, str, str, str, str, str, str], list[str]] = defaultdict(list)
    per_verb: Counter[str] = Counter()
    for entry in entries:
        objects = entry.get("object") or [None]
        comps = entry.get("comp") or [None]
        for obj in objects:
            for comp in comps:
                status, our_code = _status(ours, entry, obj, comp)
                counts[status] += 1
                if status.startswith("covered") and not args.all:
                    continue
                kind = "comp" if comp else "object" if obj else ""
                key = (
                    str(entry["verb"]),
                    str(entry.get("particle") or ""),
                    str(entry.get("prep") or ""),
                    kind,
                    str(entry["code"]),
                    status,
                    our_code,
                )
                groups[key].append(comp or obj or "")
                per_verb[str(entry["verb"])] += 1
    missing_lemmas = sorted({str(e["verb"]) for e in entries} - ours.lemmas)
    print(f"# {len(entries)} converted entries; lemma x pattern checks by status:")
    for status, n in counts.most_common():
        print(f"#   {n:6d}  {status}")
    print(f"\n## {len(missing_lemmas)} PETRARCH verb lemmas not in verbs.yaml\n")
    print(" ".join(missing_lemmas))
    print("\n## patterns (verb particle +prep kind -> PETRARCH code [status, ours])\n")
    for key in sorted(groups, key=lambda k: (-per_verb[k[0]], k)):
        verb, particle, prep, kind, code, status, our_code = key
        lemmas = groups[key]
        shown = " ".join(x for x in lemmas[:_LIMIT] if x)
        more = f" (+{len(lemmas) - _LIMIT})" if len(lemmas) > _LIMIT else ""
        pattern = " ".join(x for x in (verb, particle, f"+{prep}" if prep else "", kind) if x)
        ours_note = f", ours {our_code}" if our_code else ""
        print(f"{pattern} -> {code} [{status}{ours_note}] {shown}{more}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
