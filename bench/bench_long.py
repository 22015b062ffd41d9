"""Long-document benchmark: `dragoman code` on one 1,000,000-character document vs spaCy.

Usage:
    python bench/bench_long.py ../shared/data/corpus/voa_stories.jsonl [--chars 1000000]

The corpus's stories are joined with blank lines (repeated as needed) into one document of
``--chars`` characters (cut at a paragraph break). In one run, as fresh processes, sampling
the resident memory (RSS) of each process tree every 0.05 s:

- reference: spaCy's full pipeline (en_core_web_sm) loads and parses the whole text at once;
- ``dragoman code FILE --date 2025-06-01 --format jsonl`` codes it (parsed in bounded pieces,
  coded whole).

Both run ``--rounds`` times (default 2), alternating; the best time and the highest peak
are kept. Target: the document codes in at most 1 GB. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import run_measured
from bench_ingest import reference_model
from dragoman import Document
from dragoman.ingest import read_documents

TARGET_RSS = 1e9
_PARSE_SCRIPT = Path(__file__).resolve().parent / "_spacy_parse.py"


def long_text(docs: list[Document], chars: int) -> str:
    """The stories joined with blank lines, repeated, cut at a paragraph break."""
    parts: list[str] = []
    size = 0
    while size < chars:
        for doc in docs:
            parts.append(doc.text.strip())
            size += len(parts[-1]) + 2
            if size >= chars:
                break
    text = "\n\n".join(parts)[:chars]
    cut = text.rfind("\n\n")
    return text[:cut] if cut > chars // 2 else text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSON-lines corpus (id, text, ...)")
    parser.add_argument("--chars", type=int, default=1_000_000, help="length of the document")
    parser.add_argument("--rounds", type=int, default=2, help="measured rounds of each")
    parser.add_argument("--model", default=None, help="the spaCy pipeline to compare with")
    parser.add_argument("--no-reference", action="store_true", help="skip the spaCy run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    model = reference_model(args.model)
    docs = [d for d in read_documents([args.corpus]) if isinstance(d, Document)]
    if not docs:
        print(f"no documents in {args.corpus}", file=sys.stderr)
        return 1
    text = long_text(docs, args.chars)
    extra = ["--model", args.model] if args.model else []
    ours: list[tuple[float, int]] = []
    theirs: list[tuple[float, int]] = []
    events = 0
    with tempfile.TemporaryDirectory(prefix="dragoman-bench-") as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(text, encoding="utf-8")
        dragoman = [
            sys.executable,
            "-c",
            "from dragoman.cli import main; main()",
            "code",
            str(path),
            "--date",
            "2025-06-01",
            "--format",
            "jsonl",
            *extra,
        ]
        for _ in range(max(1, args.rounds)):
            if not args.no_reference:
                ref = run_measured([sys.executable, str(_PARSE_SCRIPT), model, "-"], stdin=text)
                theirs.append((ref.seconds, ref.peak_rss))
            run = run_measured(dragoman)
            ours.append((run.seconds, run.peak_rss))
            events = len(run.stdout.splitlines())
    figures: dict[str, Any] = {
        "characters": len(text),
        "events": events,
        "dragoman_seconds": round(min(s for s, _ in ours), 2),
        "dragoman_peak_rss_mb": round(max(r for _, r in ours) / 1e6, 1),
    }
    if theirs:
        figures["spacy_full_seconds"] = round(min(s for s, _ in theirs), 2)
        figures["spacy_full_peak_rss_mb"] = round(max(r for _, r in theirs) / 1e6, 1)
        figures["time_ratio_dragoman_over_spacy"] = round(
            figures["dragoman_seconds"] / figures["spacy_full_seconds"], 3
        )
        figures["rss_ratio_dragoman_over_spacy"] = round(
            figures["dragoman_peak_rss_mb"] / figures["spacy_full_peak_rss_mb"], 3
        )
    figures["rss_target_met"] = figures["dragoman_peak_rss_mb"] * 1e6 <= TARGET_RSS
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"one document of {len(text):,} characters; best of {len(ours)} round(s)")
    if theirs:
        print(
            f"spaCy {model} (full pipeline), whole text at once: "
            f"{figures['spacy_full_seconds']:.1f} s, peak RSS "
            f"{figures['spacy_full_peak_rss_mb']:,.0f} MB"
        )
    verdict = "met" if figures["rss_target_met"] else "MISSED"
    print(
        f"dragoman code: {figures['dragoman_seconds']:.1f} s, peak RSS "
        f"{figures['dragoman_peak_rss_mb']:,.0f} MB, {events:,} events "
        f"(target <= {TARGET_RSS / 1e6:,.0f} MB: {verdict})"
    )
    if theirs:
        print(
            f"dragoman / spaCy: time {figures['time_ratio_dragoman_over_spacy']:.2f}x, "
            f"memory {figures['rss_ratio_dragoman_over_spacy']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
