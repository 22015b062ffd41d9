"""Evaluation: read gold-standard files, code their texts, and score the events.

Example:
    >>> import dragoman                                                  # doctest: +SKIP
    >>> from dragoman.evaluation import evaluate, read_gold              # doctest: +SKIP
    >>> report = evaluate(dragoman.Coder(), read_gold("gold.jsonl"))     # doctest: +SKIP
    >>> report.recall("root_dyad").value                                 # doctest: +SKIP

    >>> gold = read_gold("voa_docs_dev.jsonl")         # document gold   # doctest: +SKIP
    >>> evaluate_documents(dragoman.Coder(), gold).scores("tune").f1     # doctest: +SKIP

The metrics and the matching rules are described in ``_score.py`` (the neutral format and
PETRARCH's), ``_documents.py`` (document gold), ``_sentences.py`` (news-sentence gold) and in
the README's "Evaluating accuracy" section.
"""

from __future__ import annotations

from dragoman.evaluation._docgold import (
    PENTA_CLASSES,
    penta_class,
    read_doc_gold,
    read_penta_gold,
)
from dragoman.evaluation._docmatch import (
    StoryMiss,
    StoryResult,
    event_confidence,
    gold_matches,
    score_story,
    story_misses,
)
from dragoman.evaluation._docreport import (
    plot_precision_recall,
    precision_recall_figure,
    render_document_report,
    render_sentence_report,
)
from dragoman.evaluation._documents import (
    ALL_SPLITS,
    THRESHOLDS,
    DocumentReport,
    DocumentScores,
    ParsingCoder,
    code_records,
    evaluate_documents,
    split_records,
)
from dragoman.evaluation._gold import (
    GoldEvent,
    GoldRecord,
    GoldSet,
    SentenceLabel,
    read_gold_jsonl,
)
from dragoman.evaluation._inputs import (
    GOLD_FORMATS,
    PetrarchEnvironment,
    convert_petrarch_environment,
    guess_gold_format,
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
from dragoman.evaluation._sentences import (
    SentenceReport,
    SentenceResult,
    evaluate_sentences,
    score_sentence,
)

__all__ = [
    "ALL_SPLITS",
    "GOLD_FORMATS",
    "LEVELS",
    "PENTA_CLASSES",
    "THRESHOLDS",
    "DocumentCoder",
    "DocumentReport",
    "DocumentScores",
    "EvaluationReport",
    "GoldEvent",
    "GoldEventResult",
    "GoldRecord",
    "GoldSet",
    "ParsingCoder",
    "PetrarchEnvironment",
    "Ratio",
    "RecordResult",
    "SentenceLabel",
    "SentenceReport",
    "SentenceResult",
    "StoryMiss",
    "StoryResult",
    "code_records",
    "convert_petrarch_environment",
    "evaluate",
    "evaluate_documents",
    "evaluate_sentences",
    "event_confidence",
    "gold_matches",
    "guess_gold_format",
    "penta_class",
    "plot_precision_recall",
    "precision_recall_figure",
    "read_doc_gold",
    "read_gold",
    "read_gold_jsonl",
    "read_penta_gold",
    "read_petrarch_xml",
    "render_document_report",
    "render_report",
    "render_sentence_report",
    "score_record",
    "score_sentence",
    "score_story",
    "split_records",
    "story_misses",
]
