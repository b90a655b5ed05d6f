"""Quote scores on PolNeAR *train* in folds, next to dev: does what dev says generalise?

Dev is 84 articles and the quote rules were tuned on it; train (840 articles) was only read for
patterns. Each train article goes to one of ``FOLDS`` folds by a hash of its id, so the split is
the same on every machine and every run, whatever order the file is read in, and an article
never changes fold when others are added. A fold is measured before its errors are looked at.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pipeline.evaluation.quotes import score_quotes

FOLDS = 5
# (key in score_quotes' result, column label); the metrics `make eval` reports for dev quotes.
QUOTE_METRICS = (
    ("precision", "P"),
    ("recall", "R"),
    ("f1", "F1"),
    ("speaker_f1", "q+s F1"),
    ("direct_recall", "dir R"),
    ("speaker_direct_recall", "dir q+s R"),
)
# The bound on how far dev may sit from train, in points (hundredths) per metric.
MAX_GAP_POINTS = 3.0


def fold_of(article_id: str, folds: int = FOLDS) -> int:
    """The fold of an article: its id's SHA-256, modulo ``folds``."""
    return int.from_bytes(hashlib.sha256(article_id.encode("utf-8")).digest()[:8], "big") % folds


def score_quote_folds(
    articles: list[dict], predictions: dict[str, list[dict]], folds: int = FOLDS
) -> dict[str, Any]:
    """``score_quotes`` on each fold of ``articles`` and on all of them."""
    by_fold: list[list[dict]] = [[] for _ in range(folds)]
    for article in articles:
        by_fold[fold_of(article["id"], folds)].append(article)
    return {
        "folds": [score_quotes(fold, predictions) for fold in by_fold],
        "articles": [len(fold) for fold in by_fold],
        "all": score_quotes(articles, predictions),
    }


def gaps(dev: dict[str, float], train: dict[str, float]) -> dict[str, float]:
    """Dev minus train, in points, per metric (positive: dev flatters)."""
    return {key: 100 * (dev[key] - train[key]) for key, _ in QUOTE_METRICS}


def render_folds(dev: dict[str, float], result: dict[str, Any]) -> list[str]:
    """The table `newsbeam eval --train_folds` prints: dev, each train fold, all of train, gap."""
    head = f"{'quotes':<20}" + "".join(f"{label:>10}" for _, label in QUOTE_METRICS)
    lines = [
        f"PolNeAR train in {len(result['folds'])} folds (by article id hash; read for patterns, "
        "never tuned on) next to dev",
        head,
        "-" * len(head),
    ]

    def row(name: str, scores: dict[str, float]) -> str:
        return f"{name:<20}" + "".join(f"{scores[key]:>10.3f}" for key, _ in QUOTE_METRICS)

    lines.append(row("dev", dev))
    for k, (scores, n) in enumerate(zip(result["folds"], result["articles"], strict=True)):
        lines.append(row(f"train fold {k} ({n})", scores))
    lines.append(row("train all", result["all"]))
    gap = gaps(dev, result["all"])
    lines.append(
        f"{'dev - train (pt)':<20}" + "".join(f"{gap[key]:>+10.1f}" for key, _ in QUOTE_METRICS)
    )
    worst = max(abs(v) for v in gap.values())
    lines.append(
        f"largest gap {worst:.1f} points ({'within' if worst <= MAX_GAP_POINTS else 'OVER'} "
        f"the {MAX_GAP_POINTS:.0f}-point bound)"
    )
    return lines
