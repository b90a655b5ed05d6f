"""Entity scoring against MUC-style gold (NIST IE-ER): exact span and type, micro P/R/F1.

Gold has three types, PER / ORG / LOC (ENAMEX PERSON / ORGANIZATION / LOCATION). spaCy's
OntoNotes labels map onto them; every other label (NORP, DATE, MONEY, ...) has no counterpart in
the gold and is left out rather than counted wrong. IE-ER marks a few mentions ``status="opt"``
(e.g. "Finance" in "Finance Minister", "Thialf ice stadium"): a system may tag them or not, so
they are not in the recall denominator and a prediction inside one costs no precision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

GOLD_TYPES = ("PER", "ORG", "LOC")

# OntoNotes -> MUC. FAC (airports, stadiums, bridges) is a location in MUC-7 / IE-ER guidelines.
LABEL_TO_GOLD = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def _inside_any(start: int, end: int, spans: Iterable[Sequence[Any]]) -> bool:
    return any(s <= start and end <= e for s, e, *_ in spans)


def score_entities(
    gold_articles: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Iterable[Mapping[str, Any]]],
) -> dict[str, Any]:
    """Micro P/R/F1, overall and per gold type, plus the errors for reading.

    ``predictions`` maps an article id to entity dicts with ``start``, ``end``, ``label`` (an
    OntoNotes label, or already PER/ORG/LOC). An article missing from ``predictions`` counts as
    predicting nothing.
    """
    counts = {t: [0, 0, 0] for t in GOLD_TYPES}  # tp, fp, fn
    errors: list[dict[str, Any]] = []
    for article in gold_articles:
        gold = {(s, e, t) for s, e, t in article["gold"]}
        optional = article.get("optional", [])
        pred: set[tuple[int, int, str]] = set()
        for ent in predictions.get(article["id"], []):
            label = LABEL_TO_GOLD.get(ent["label"], ent["label"])
            if label not in GOLD_TYPES:
                continue
            key = (ent["start"], ent["end"], label)
            if key not in gold and _inside_any(key[0], key[1], optional):
                continue
            pred.add(key)
        for *_, t in pred & gold:
            counts[t][0] += 1
        for s, e, t in pred - gold:
            counts[t][1] += 1
            errors.append({"id": article["id"], "kind": "fp", "start": s, "end": e, "label": t})
        for s, e, t in gold - pred:
            counts[t][2] += 1
            errors.append({"id": article["id"], "kind": "fn", "start": s, "end": e, "label": t})
    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        "overall": prf(*totals),
        "per_type": {t: prf(*counts[t]) for t in GOLD_TYPES},
        "errors": errors,
    }
