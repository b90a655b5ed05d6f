"""Scoring predicted quotes against PolNeAR-style gold attributions (issue 3's yardstick).

The rule, kept exactly as the issue states it so numbers stay comparable across changes:

- a predicted quote *matches* the gold attribution that holds the largest share of the
  prediction's non-whitespace content characters, when that share is >= 0.5 (ties go to the
  earlier gold attribution);
- a gold attribution is *found* when some prediction matches it;
- a speaker is *right* when the predicted speaker span and the gold source span share a character;
  a gold attribution without a source wants no predicted speaker;
- "direct" gold attributions are those whose content is wrapped in double quote marks.

Only character offsets are compared; the prediction's ``kind`` is not scored.
"""

from __future__ import annotations

from collections.abc import Iterable

from transforms.quotes.typography import WRAPPING_CLOSE, WRAPPING_OPEN


def is_direct(gold: dict, text: str) -> bool:
    """True when the gold content, whitespace trimmed, is wrapped in double quote marks."""
    spans = gold["content"]
    content = text[spans[0][0] : spans[-1][1]].strip()
    return (
        len(content) > 1 and content.startswith(WRAPPING_OPEN) and content.endswith(WRAPPING_CLOSE)
    )


def _chars(text: str, spans: Iterable[Iterable[int]]) -> set[int]:
    """Offsets of the non-whitespace characters inside ``spans``."""
    out: set[int] = set()
    for start, end in spans:
        out.update(i for i in range(start, end) if not text[i].isspace())
    return out


def _span_set(spans: Iterable[Iterable[int]]) -> set[int]:
    out: set[int] = set()
    for start, end in spans:
        out.update(range(start, end))
    return out


def match_prediction(pred: dict, gold_chars: list[set[int]], text: str) -> int | None:
    """Index of the gold attribution ``pred`` matches, or None."""
    chars = _chars(text, [(pred["start"], pred["end"])])
    if not chars:
        return None
    best, best_share = None, 0.0
    for i, gold in enumerate(gold_chars):
        share = len(chars & gold) / len(chars)
        if share > best_share:
            best, best_share = i, share
    return best if best_share >= 0.5 else None


def speaker_right(pred: dict, gold: dict) -> bool:
    sources = gold.get("source") or []
    start, end = pred.get("speaker_start"), pred.get("speaker_end")
    if not sources:
        return start is None
    if start is None or end is None:
        return False
    return bool(set(range(start, end)) & _span_set(sources))


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_quotes(gold_articles: list[dict], predictions: dict[str, list[dict]]) -> dict:
    """Precision, recall and F1 of ``predictions`` (article id -> quote dicts) on the gold.

    Returns counts and rates: ``precision``, ``recall``, ``f1``, ``direct_recall`` for quotes,
    the same with a right speaker under ``speaker_*``, ``speaker_accuracy`` (right speaker among
    found gold attributions) and recall per gold kind.
    """
    n_pred = n_pred_ok = n_pred_spk = 0
    n_gold = n_found = n_found_spk = 0
    n_direct = n_direct_found = n_direct_found_spk = 0
    kind_total: dict[str, int] = {}
    kind_found: dict[str, int] = {}
    for article in gold_articles:
        text = article["text"]
        golds = article["attributions"]
        gold_chars = [_chars(text, g["content"]) for g in golds]
        found = [False] * len(golds)
        found_spk = [False] * len(golds)
        for pred in predictions.get(article["id"], []):
            n_pred += 1
            i = match_prediction(pred, gold_chars, text)
            if i is None:
                continue
            n_pred_ok += 1
            found[i] = True
            if speaker_right(pred, golds[i]):
                n_pred_spk += 1
                found_spk[i] = True
        for gold, f, fs in zip(golds, found, found_spk, strict=True):
            n_gold += 1
            n_found += f
            n_found_spk += fs
            kind = gold.get("kind", "unknown")
            kind_total[kind] = kind_total.get(kind, 0) + 1
            kind_found[kind] = kind_found.get(kind, 0) + f
            if is_direct(gold, text):
                n_direct += 1
                n_direct_found += f
                n_direct_found_spk += fs
    precision, recall = _ratio(n_pred_ok, n_pred), _ratio(n_found, n_gold)
    spk_precision, spk_recall = _ratio(n_pred_spk, n_pred), _ratio(n_found_spk, n_gold)
    return {
        "predictions": n_pred,
        "gold": n_gold,
        "gold_direct": n_direct,
        "matched_predictions": n_pred_ok,
        "found": n_found,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "direct_recall": _ratio(n_direct_found, n_direct),
        "speaker_precision": spk_precision,
        "speaker_recall": spk_recall,
        "speaker_f1": _f1(spk_precision, spk_recall),
        "speaker_direct_recall": _ratio(n_direct_found_spk, n_direct),
        "speaker_accuracy": _ratio(n_found_spk, n_found),
        "recall_by_kind": {k: _ratio(kind_found[k], kind_total[k]) for k in sorted(kind_total)},
    }
