"""Speaker-name scores: is the NAME on a quote the person (or body) the article says spoke?

Span overlap (the quote+speaker metric) counts "he" as right whoever the pipeline thinks "he"
is; this metric compares the resolved ``speaker_name`` with a canonical name labelled by reading
the article (``polnear/dev_speakers.jsonl``, conventions in its ``SPEAKER_LABELS.md``):

- a labelled attribution is *scored* when a predicted quote is found for it (the quote metric's
  rule: >= 50% of the prediction's non-space characters inside the gold content) and its label
  has a name. When several predictions match one attribution, the one holding the most of the
  attribution's content characters is scored (ties: the earlier one);
- *exact*: the predicted name equals the label after normalising both (lower case, no leading
  "the", no single-letter initials, no punctuation);
- *surname*: for a person, the same last normalised word; for other types, the same as exact;
- *unresolved*: no name predicted.

Each rate is given overall and per ``mention_kind`` (name / pronoun / nominal / other).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pipeline.evaluation.quotes import match_prediction

MENTION_KINDS = ("name", "pronoun", "nominal", "other")


def name_words(name: str | None) -> tuple[str, ...]:
    """The words a name is compared by: "The Donald J. Trump" -> ("donald", "trump").

    Lower case; punctuation goes (a period, apostrophe or hyphen joins: "U.S." -> "us",
    "O'Rourke" -> "orourke"; other marks separate words); then a leading "the" and one-letter words
    (initials) are dropped. Possessives are not special-cased: labels never have one, and a
    predicted "Trump's" is a wrong name.
    """
    if not name:
        return ()
    kept = []
    for ch in unicodedata.normalize("NFKC", name).lower():
        if ch.isalnum() or ch.isspace():
            kept.append(ch)
        elif unicodedata.category(ch).startswith("P") and ch not in ".'\u2019-\u2010\u2011":
            kept.append(" ")  # "Clinton/Kaine", "Trump,Pence": a separator, not part of a word
    words = "".join(kept).split()
    if words and words[0] == "the":
        words = words[1:]
    return tuple(w for w in words if len(w) > 1)


def same_name(predicted: str | None, label: str) -> bool:
    words = name_words(predicted)
    return bool(words) and words == name_words(label)


def same_surname(predicted: str | None, label: str, label_type: str) -> bool:
    if label_type != "person":
        return same_name(predicted, label)
    got, want = name_words(predicted), name_words(label)
    return bool(got) and bool(want) and got[-1] == want[-1]


def _content_chars(text: str, spans: Iterable[Iterable[int]]) -> set[int]:
    out: set[int] = set()
    for start, end in spans:
        out.update(i for i in range(start, end) if not text[i].isspace())
    return out


def predicted_names(
    article: Mapping[str, Any], predictions: list[dict],
    value: Callable[[dict], Any] = lambda pred: pred.get("speaker_name"),
) -> dict[int, Any]:
    """Attribution index -> the speaker_name (or ``value``) of the prediction scored for it
    (found ones only)."""
    text = article["text"]
    gold_chars = [_content_chars(text, g["content"]) for g in article["attributions"]]
    best: dict[int, tuple[int, int, str | None]] = {}  # index -> (-covered, start, name)
    for pred in predictions:
        i = match_prediction(pred, gold_chars, text)
        if i is None:
            continue
        covered = len(gold_chars[i] & set(range(pred["start"], pred["end"])))
        key = (-covered, pred["start"], value(pred))
        if i not in best or key[:2] < best[i][:2]:
            best[i] = key
    return {i: name for i, (_, _, name) in best.items()}


def _rates(rows: list[tuple[bool, bool, bool]]) -> dict[str, float | int]:
    n = len(rows)
    exact = sum(r[0] for r in rows)
    surname = sum(r[1] for r in rows)
    unresolved = sum(r[2] for r in rows)
    return {
        "n": n,
        "exact_n": exact,
        "exact": exact / n if n else 0.0,
        "surname": surname / n if n else 0.0,
        "unresolved_n": unresolved,
        "unresolved": unresolved / n if n else 0.0,
    }


def score_speaker_names(
    gold_articles: list[dict], labels: list[dict], predictions: Mapping[str, list[dict]]
) -> dict[str, Any]:
    """Exact, surname and unresolved rates of predicted speaker names against ``labels``.

    ``gold_articles``: PolNeAR articles (``id``, ``text``, ``attributions``); ``labels``: rows of
    dev_speakers.jsonl; ``predictions``: article id -> quote dicts with ``start``, ``end``,
    ``speaker_name``. Returns ``overall`` and ``by_kind`` rates with counts, the numbers of
    labels, labels with a name and scored ones, and ``errors``: (article id, attribution index,
    mention kind, label, predicted) for every scored label whose name is not exact.
    """
    by_id = {a["id"]: a for a in gold_articles}
    found: dict[str, dict[int, str | None]] = {}
    rows: dict[str, list[tuple[bool, bool, bool]]] = {k: [] for k in MENTION_KINDS}
    errors = []
    with_name = 0
    for label in labels:
        if not label.get("name"):
            continue
        with_name += 1
        art_id = label["id"]
        if art_id not in found:
            found[art_id] = predicted_names(by_id[art_id], predictions.get(art_id, []))
        if label["attr"] not in found[art_id]:
            continue
        got = found[art_id][label["attr"]]
        kind = label.get("mention_kind", "other")
        exact = same_name(got, label["name"])
        row = (exact, same_surname(got, label["name"], label.get("type", "")), not got)
        rows.setdefault(kind, []).append(row)
        if not exact:
            errors.append((art_id, label["attr"], kind, label["name"], got))
    every = [r for kind_rows in rows.values() for r in kind_rows]
    return {
        "labels": len(labels),
        "with_name": with_name,
        "scored": len(every),
        "overall": _rates(every),
        "by_kind": {k: _rates(v) for k, v in rows.items()},
        "errors": errors,
    }
