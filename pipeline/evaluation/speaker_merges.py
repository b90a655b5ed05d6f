"""Merge precision and recall of the ``speakers`` table against labelled speaker names.

The question is "which names in a run's output are the same person". The unit is a distinct
(speaker_name, speaker_id) of the run's quotes, labelled with the canonical name that the
labelled attributions it covers carry (PolNeAR dev_speakers.jsonl: one string per real-world
entity across articles). Only units whose name is right at least by surname are scored, so that a
wrong per-article resolution (scored by the speaker-name metric) is not counted again as a wrong
merge. Over pairs of units:

- precision: of the pairs the run gave one speaker_id, the share whose labels agree;
- recall: of the pairs whose labels agree, the share the run gave one speaker_id.

A wrong merge is worse than a missed one, so precision is the number with a floor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import combinations
from typing import Any

from pipeline.evaluation.speaker_names import predicted_names, same_surname


def score_merges(units: list[tuple[str, str, str]]) -> dict[str, float | int]:
    """``units``: (speaker_name, speaker_id, label name), one per labelled attribution found.

    Several attributions of one (name, id) vote for its label; ties go to the alphabetically
    first label, so the score is deterministic.
    """
    votes: dict[tuple[str, str], Counter] = {}
    for name, sid, label in units:
        votes.setdefault((name, sid), Counter())[label] += 1
    labelled = sorted(
        (name, sid, min(c, key=lambda lab: (-c[lab], lab))) for (name, sid), c in votes.items()
    )
    merged = same = both = 0
    for (_, id_a, label_a), (_, id_b, label_b) in combinations(labelled, 2):
        one_id, one_label = id_a == id_b, label_a == label_b
        merged += one_id
        same += one_label
        both += one_id and one_label
    return {
        "merge_precision": both / merged if merged else 1.0,
        "merge_recall": both / same if same else 1.0,
        "merge_units": len(labelled),
        "merged_pairs": merged,
        "same_person_pairs": same,
    }


def merge_units(
    gold_articles: list[dict], labels: list[dict], predictions: Mapping[str, list[dict]]
) -> list[tuple[str, str, str]]:
    """(speaker_name, speaker_id, label name) of every labelled attribution with a name whose
    quote is found (the speaker-name metric's matching) and whose predicted name is right at
    least by surname."""
    by_id = {a["id"]: a for a in gold_articles}
    found: dict[str, dict[int, Any]] = {}
    units = []
    for label in labels:
        art_id = label["id"]
        if not label.get("name") or art_id not in by_id:
            continue
        if art_id not in found:
            found[art_id] = predicted_names(
                by_id[art_id], predictions.get(art_id, []),
                value=lambda q: (q.get("speaker_name"), q.get("speaker_id")))
        name, sid = found[art_id].get(label["attr"], (None, None))
        if sid and same_surname(name, label["name"], label.get("type", "")):
            units.append((name, sid, label["name"]))
    return units
