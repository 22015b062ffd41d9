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
from typing import Any

import numpy as np

import dragoman
from dragoman.coding import ConfidenceModel, JudgeOptions, event_features


def _root(code: str) -> str:
    return code[:2]


def _actor_ok(gold: list[str], code: str) -> bool:
    return not gold or code[:3] in {g[:3] for g in gold}


def _matches(gold: dict[str, Any], event: dragoman.Event) -> bool:
    roots = {_root(c) for c in [gold["cameo"], *gold.get("alt_cameo", [])] if c}
    target = event.target.code if event.target else ""
    return (
        event.root_code in roots
        and _actor_ok(gold.get("source", []), event.source.code)
        and _actor_ok(gold.get("target", []), target)
    )


Labelled = list[tuple[dragoman.Event, bool, set[int], int]]


def _label(stories: list[dict[str, Any]], coder: dragoman.Coder) -> Labelled:
    """Each coded event, whether it is right, the required gold events it finds, its story."""
    out: Labelled = []
    offset = 0
    for number, story in enumerate(stories):
        events = coder.code(story["text"], date=story.get("date"), doc_id=str(story["id"]))
        required, acceptable = story.get("events", []), story.get("acceptable", [])
        for event in events:
            found = {offset + i for i, g in enumerate(required) if _matches(g, event)}
            right = bool(found) or any(_matches(g, event) for g in acceptable)
            out.append((event, right, found, number))
        offset += len(required)
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
    with args.gold.open(encoding="utf-8") as handle:
        stories = [json.loads(line) for line in handle if line.strip()]
    stories = [s for s in stories if s.get("split", args.split) == args.split]
    if not stories:
        print(f"{args.gold}: no stories in split {args.split!r}", file=sys.stderr)
        return 2
    coder = dragoman.Coder(judge=JudgeOptions(min_confidence=0.0))
    labelled = _label(stories, coder)
    rows = [event_features(event) for event, _, _, _ in labelled]
    labels = [right for _, right, _, _ in labelled]
    bias, weights = _fit(rows, labels, args.l2)
    n_required = sum(len(s.get("events", [])) for s in stories)
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
