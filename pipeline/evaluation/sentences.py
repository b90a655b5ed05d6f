"""Sentence-splitting scores: boundary P/R/F1 on gold spans, and pass/fail on the Golden Rules.

A boundary is the offset of a sentence's first non-space character. The article's first
sentence is left out: every splitter starts a sentence there, and counting it would flatter
scores on short articles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pipeline.evaluation.entities import prf


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    """Records of a JSONL file (gold articles, or Golden Rules cases)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sentence_boundaries(text: str, spans: Iterable[Sequence[int]]) -> set[int]:
    """First non-space offset of every non-blank span except the earliest one."""
    starts = set()
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            starts.add(s)
    if starts:
        starts.discard(min(starts))
    return starts


def score_sentence_boundaries(
    gold_docs: Iterable[Mapping[str, Any]],
    predictions: Mapping[Any, Iterable[Sequence[int]]],
) -> dict[str, Any]:
    """Micro boundary P/R/F1 over ``gold_docs`` (``{"id","text","sentences":[[s,e],..]}``).

    ``predictions`` maps a doc id to predicted ``(start, end)`` spans; the errors list holds
    missed (``fn``) and spurious (``fp``) boundary offsets, for reading.
    """
    tp = fp = fn = 0
    errors: list[dict[str, Any]] = []
    for doc in gold_docs:
        gold = sentence_boundaries(doc["text"], doc["sentences"])
        pred = sentence_boundaries(doc["text"], predictions.get(doc["id"], []))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        errors += [{"id": doc["id"], "kind": "fp", "offset": o} for o in sorted(pred - gold)]
        errors += [{"id": doc["id"], "kind": "fn", "offset": o} for o in sorted(gold - pred)]
    return {**prf(tp, fp, fn), "errors": errors}


def score_golden_rules(
    cases: Iterable[Mapping[str, Any]], predictions: Mapping[Any, Sequence[str]]
) -> dict[str, Any]:
    """A case passes when the predicted sentence texts equal the expected ones (both stripped)."""
    passed: list[Any] = []
    failed: list[Any] = []
    for case in cases:
        expected = [s.strip() for s in case["sentences"]]
        got = [s.strip() for s in predictions.get(case["id"], [])]
        (passed if got == expected else failed).append(case["id"])
    return {"passed": len(passed), "total": len(passed) + len(failed), "failed": failed}
