"""Start-up benchmark: `dragoman code` on one sentence vs loading spaCy and parsing it.

Usage:
    python bench/bench_startup.py [--rounds 7] [--model NAME] [--json] [-- CODE OPTIONS]

Both sides run as fresh Python processes, wall clock from start to exit:

- reference: ``python bench/_spacy_parse.py MODEL -`` imports spaCy, loads the full pipeline
  (en_core_web_sm by default) and parses the sentence;
- dragoman: ``dragoman code FILE --date 2025-06-01`` on a file holding the same sentence
  (everything included: imports, the pipeline, the dictionaries, coding, printing).

The two alternate ``--rounds`` times after one unmeasured run of each (which also builds
Dragoman's dictionary cache, if it is missing, and writes compiled bytecode, as an
installation has: see ``_measure.py``; that first run is reported apart). The ratio of each
round (dragoman over reference) is printed with its median and spread, and the ratio of the
best times (noise only ever slows a run down), for the wall-clock time and for the CPU time
(user + system), which moves less with the load of a shared machine. Target: at most 1.6x
(wall clock, median). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import run_measured
from bench_ingest import reference_model

TARGET = 1.6
SENTENCE = "The foreign minister of Chile met his Peruvian counterpart in Lima on Tuesday."
_PARSE_SCRIPT = Path(__file__).resolve().parent / "_spacy_parse.py"


def _summary(seconds: list[float]) -> dict[str, float]:
    return {"best": round(min(seconds), 2), "median": round(statistics.median(seconds), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="measured rounds of each")
    parser.add_argument("--model", default=None, help="the spaCy pipeline to compare with")
    parser.add_argument("--sentence", default=SENTENCE, help="the sentence to code")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("code_options", nargs="*", help="extra options for dragoman code")
    args = parser.parse_args(argv)

    model = reference_model(args.model)
    extra = list(args.code_options) + (["--model", args.model] if args.model else [])
    with tempfile.TemporaryDirectory(prefix="dragoman-bench-") as tmp:
        text = Path(tmp) / "sentence.txt"
        text.write_text(args.sentence + "\n", encoding="utf-8")
        reference = [sys.executable, str(_PARSE_SCRIPT), model, "-"]
        dragoman = [
            sys.executable,
            "-c",
            "from dragoman.cli import main; main()",
            "code",
            str(text),
            "--date",
            "2025-06-01",
            "--format",
            "jsonl",
            *extra,
        ]
        first = run_measured(dragoman).seconds
        run_measured(reference, stdin=args.sentence)
        ours: list[float] = []
        theirs: list[float] = []
        ours_cpu: list[float] = []
        theirs_cpu: list[float] = []
        events = ""
        for _ in range(max(1, args.rounds)):
            measured = run_measured(reference, stdin=args.sentence)
            theirs.append(measured.seconds)
            theirs_cpu.append(measured.cpu_seconds)
            measured = run_measured(dragoman)
            ours.append(measured.seconds)
            ours_cpu.append(measured.cpu_seconds)
            events = measured.stdout
    ratios = [o / t for o, t in zip(ours, theirs, strict=True)]
    cpu_ratios = [o / t for o, t in zip(ours_cpu, theirs_cpu, strict=True)]
    figures: dict[str, Any] = {
        "reference_model": model,
        "code_options": extra,
        "rounds": len(ratios),
        "events": len(events.splitlines()),
        "first_run_seconds": round(first, 2),
        "reference_seconds": _summary(theirs),
        "dragoman_seconds": _summary(ours),
        "ratio_median": round(statistics.median(ratios), 3),
        "ratio_min": round(min(ratios), 3),
        "ratio_max": round(max(ratios), 3),
        "ratio_best_over_best": round(min(ours) / min(theirs), 3),
        "reference_cpu_seconds": _summary(theirs_cpu),
        "dragoman_cpu_seconds": _summary(ours_cpu),
        "cpu_ratio_median": round(statistics.median(cpu_ratios), 3),
        "cpu_ratio_min": round(min(cpu_ratios), 3),
        "cpu_ratio_max": round(max(cpu_ratios), 3),
        "cpu_ratio_best_over_best": round(min(ours_cpu) / min(theirs_cpu), 3),
    }
    figures["target_met"] = figures["ratio_median"] <= TARGET
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"one sentence, {figures['rounds']} interleaved rounds; reference: load {model} "
        f"(full pipeline) and parse it; dragoman code options: {' '.join(extra) or 'default'}"
    )
    print(
        f"reference     : best {figures['reference_seconds']['best']:.2f} s, median "
        f"{figures['reference_seconds']['median']:.2f} s"
    )
    print(
        f"dragoman code : best {figures['dragoman_seconds']['best']:.2f} s, median "
        f"{figures['dragoman_seconds']['median']:.2f} s ({figures['events']} event(s); first, "
        f"unmeasured run {figures['first_run_seconds']:.2f} s)"
    )
    print(
        f"CPU (user+sys): reference best {figures['reference_cpu_seconds']['best']:.2f} s, "
        f"median {figures['reference_cpu_seconds']['median']:.2f} s; dragoman best "
        f"{figures['dragoman_cpu_seconds']['best']:.2f} s, median "
        f"{figures['dragoman_cpu_seconds']['median']:.2f} s"
    )
    verdict = "met" if figures["target_met"] else "MISSED"
    print(
        f"dragoman / reference, wall clock: median {figures['ratio_median']:.2f}x, rounds "
        f"{figures['ratio_min']:.2f}-{figures['ratio_max']:.2f}x, best over best "
        f"{figures['ratio_best_over_best']:.2f}x (target <= {TARGET}x: {verdict})"
    )
    print(
        f"dragoman / reference, CPU time: median {figures['cpu_ratio_median']:.2f}x, rounds "
        f"{figures['cpu_ratio_min']:.2f}-{figures['cpu_ratio_max']:.2f}x, best over best "
        f"{figures['cpu_ratio_best_over_best']:.2f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
