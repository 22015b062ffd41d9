"""Fit the confidence model of the coding stage on a split of a document gold file.

    python scripts/calibrate_confidence.py ../shared/data/gold/voa_docs_dev.jsonl \
        --split tune -o src/dragoman/coding/data/confidence.json

Codes the split's stories with every policy rule on and no threshold, labels each coded
event right when it matches a required or acceptable gold event of its story (ANNOTATION.md:
CAMEO root or an alternative root, source and target country prefixes, an empty gold target
accepts any), and fits an L2-regularised logistic regression over
:func:`dragoman.coding.event_features`. The default threshold is the one that maximises
F-beta (beta 0.5: precision weighs twice as much as recall) of document-level precision and
recall on the same split, read from out-of-fold scores (models fitted on the other
stories of the split, five folds by story), so the threshold is not chosen on in-sample
fits. Prints the fit and the precision-recall table it chose from.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np

import dragoman
from dragoman.coding import ConfidenceModel, JudgeOptions, event_features
from dragoman.errors import DragomanError
from dragoman.evaluation import GoldRecord, read_gold, score_story, split_records

Labelled = list[tuple[dragoman.Event, bool, set[int], int]]


def _label(records: list[GoldRecord], coder: dragoman.Coder) -> Labelled:
    """Each coded event, whether it is right, the required gold events it finds, its story
    (matching as ``dragoman eval`` does: :func:`dragoman.evaluation.score_story`)."""
    out: Labelled = []
    offset = 0
    for number, record in enumerate(records):
        events = coder.code(record.text, date=record.date, doc_id=record.id)
        result = score_story(record, events)
        finds: list[set[int]] = [set() for _ in events]
        for required, hits in enumerate(result.found):
            for i in hits:
                finds[i].add(offset + required)
        out += [
            (event, right, found, number)
            for event, right, found in zip(events, result.right, finds, strict=True)
        ]
        offset += len(record.events)
    return out


def _fit(rows: list[list[str]], labels: list[bool], l2: float) -> tuple[float, dict[str, float]]:
    names = sorted({name for row in rows for name in row})
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    for r, row in enumerate(rows):
        for name in row:
            x[r, index[name]] = 1.0
    y = np.asarray(labels, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not shrunk
    for _ in range(100):  # Newton's method on the penalised log-likelihood
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return float(w[-1]), {name: round(float(w[index[name]]), 4) for name in names}


def _table(
    scored: list[tuple[float, bool, set[int]]], n_required: int, beta: float
) -> tuple[float, list[tuple[float, float, float, int]]]:
    best, best_score, rows = 0.0, -1.0, []
    for step in range(0, 100, 5):
        t = step / 100
        kept = [(right, found) for c, right, found in scored if c >= t]
        if not kept:
            break
        precision = sum(right for right, _ in kept) / len(kept)
        recall = len(set().union(*(found for _, found in kept))) / n_required
        rows.append((t, precision, recall, len(kept)))
        b2 = beta * beta
        f = (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0
        if f > best_score:
            best, best_score = t, f
    return best, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="document gold (JSON lines, ANNOTATION.md)")
    parser.add_argument("--split", default="tune", help="split to fit on (default: tune)")
    parser.add_argument("-o", "--output", type=Path, help="write the model here (JSON)")
    parser.add_argument("--l2", type=float, default=2.0, help="L2 penalty (default: 2.0)")
    parser.add_argument("--beta", type=float, default=0.5, help="F-beta for the threshold")
    args = parser.parse_args(argv)
    try:
        stories = split_records(read_gold(args.gold), args.split)
    except DragomanError as exc:
        print(f"calibrate_confidence: {exc}", file=sys.stderr)
        return 2
    if not stories:
        print(f"{args.gold}: no stories in split {args.split!r}", file=sys.stderr)
        return 2
    coder = dragoman.Coder(judge=JudgeOptions(min_confidence=0.0))
    labelled = _label(stories, coder)
    rows = [event_features(event) for event, _, _, _ in labelled]
    labels = [right for _, right, _, _ in labelled]
    bias, weights = _fit(rows, labels, args.l2)
    n_required = sum(len(record.events) for record in stories)
    folds = 5
    out_of_fold: list[tuple[float, bool, set[int]]] = []
    for fold in range(folds):
        train = [i for i, item in enumerate(labelled) if item[3] % folds != fold]
        fb, fw = _fit([rows[i] for i in train], [labels[i] for i in train], args.l2)
        fold_model = ConfidenceModel(fb, fw, 0.0, {})
        out_of_fold += [
            (fold_model.score(rows[i]), item[1], item[2])
            for i, item in enumerate(labelled)
            if item[3] % folds == fold
        ]
    threshold, table = _table(out_of_fold, n_required, args.beta)
    print(f"{len(labelled)} events, {sum(labels)} right; bias {bias:.3f}")
    for name, weight in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:25]:
        print(f"  {weight:+.3f}  {name}")
    print("out-of-fold on the split:\nthreshold  precision  recall  events")
    for t, p, r, n in table:
        mark = "  <- default" if t == threshold else ""
        print(f"  {t:.2f}      {p:.3f}     {r:.3f}  {n:5d}{mark}")
    about = {
        "gold": args.gold.name,
        "split": args.split,
        "stories": len(stories),
        "events": len(labelled),
        "right": sum(labels),
        "l2": args.l2,
        "threshold_rule": (
            f"max F{args.beta:g} of document precision and recall, out-of-fold on the split"
        ),
        "fitted": dt.date.today().isoformat(),
        "command": "scripts/calibrate_confidence.py",
    }
    model = ConfidenceModel(bias, weights, threshold, about)
    if args.output:
        args.output.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
