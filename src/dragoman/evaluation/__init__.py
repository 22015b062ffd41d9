"""Evaluation: read gold-standard files, code their texts, and score the events.

Example:
    >>> import dragoman                                                  # doctest: +SKIP
    >>> from dragoman.evaluation import evaluate, read_gold              # doctest: +SKIP
    >>> report = evaluate(dragoman.Coder(), read_gold("gold.jsonl"))     # doctest: +SKIP
    >>> report.recall("root_dyad").value                                 # doctest: +SKIP

The metrics and the matching rules are described in ``_score.py`` and in the README's
"Evaluating accuracy" section.
"""

from __future__ import annotations

from dragoman.evaluation._gold import GoldEvent, GoldRecord, GoldSet, read_gold_jsonl
from dragoman.evaluation._inputs import (
    GOLD_FORMATS,
    PetrarchEnvironment,
    convert_petrarch_environment,
    read_gold,
)
from dragoman.evaluation._petrarchxml import read_petrarch_xml
from dragoman.evaluation._report import render_report
from dragoman.evaluation._score import (
    LEVELS,
    DocumentCoder,
    EvaluationReport,
    GoldEventResult,
    Ratio,
    RecordResult,
    evaluate,
    score_record,
)

__all__ = [
    "GOLD_FORMATS",
    "LEVELS",
    "DocumentCoder",
    "EvaluationReport",
    "GoldEvent",
    "GoldEventResult",
    "GoldRecord",
    "GoldSet",
    "PetrarchEnvironment",
    "Ratio",
    "RecordResult",
    "convert_petrarch_environment",
    "evaluate",
    "read_gold",
    "read_gold_jsonl",
    "read_petrarch_xml",
    "render_report",
    "score_record",
]
