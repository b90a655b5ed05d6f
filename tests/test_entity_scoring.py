"""score_entities on tiny hand-made gold: exact span and type, label mapping, optional spans."""

from __future__ import annotations

import pytest

from pipeline.evaluation.entities import score_entities

TEXT = "The Vatican said Pope John Paul met Clinton in Rome."
#       0123456789012345678901234567890123456789012345678901
GOLD = [
    {
        "id": "a",
        "text": TEXT,
        "gold": [[4, 11, "ORG"], [22, 31, "PER"], [36, 43, "PER"], [47, 51, "LOC"]],
        "optional": [[17, 21, "PER"]],
    }
]


def ent(start, end, label):
    return {"start": start, "end": end, "label": label}


def test_perfect_predictions_with_ontonotes_labels():
    pred = {
        "a": [ent(4, 11, "ORG"), ent(22, 31, "PERSON"), ent(36, 43, "PERSON"), ent(47, 51, "GPE")]
    }
    r = score_entities(GOLD, pred)
    assert r["overall"]["f1"] == 1.0
    assert r["per_type"]["LOC"]["tp"] == 1 and r["per_type"]["PER"]["tp"] == 2
    assert r["errors"] == []


def test_wrong_span_and_wrong_type_each_cost_precision_and_recall():
    # "The Vatican" (span includes the article) and Rome as PERSON
    pred = {
        "a": [
            ent(0, 11, "ORG"),
            ent(22, 31, "PERSON"),
            ent(36, 43, "PERSON"),
            ent(47, 51, "PERSON"),
        ]
    }
    r = score_entities(GOLD, pred)
    assert (r["overall"]["tp"], r["overall"]["fp"], r["overall"]["fn"]) == (2, 2, 2)
    assert r["overall"]["precision"] == pytest.approx(0.5)
    assert r["per_type"]["ORG"]["fn"] == 1 and r["per_type"]["LOC"]["fn"] == 1
    assert r["per_type"]["PER"]["fp"] == 1
    assert {(e["kind"], e["start"], e["label"]) for e in r["errors"]} == {
        ("fp", 0, "ORG"),
        ("fp", 47, "PER"),
        ("fn", 4, "ORG"),
        ("fn", 47, "LOC"),
    }


def test_labels_without_a_gold_type_are_ignored():
    pred = {"a": [ent(0, 3, "DATE"), ent(4, 11, "NORP"), ent(4, 11, "ORG")]}
    r = score_entities(GOLD, pred)
    assert r["overall"]["fp"] == 0 and r["overall"]["tp"] == 1


@pytest.mark.parametrize("label", ["GPE", "LOC", "FAC"])
def test_places_map_to_loc(label):
    r = score_entities(GOLD, {"a": [ent(47, 51, label)]})
    assert r["per_type"]["LOC"]["tp"] == 1


def test_optional_mentions_are_neither_required_nor_penalised():
    without = score_entities(GOLD, {"a": []})
    assert without["overall"]["fn"] == 4  # the optional "Pope" is not in the denominator
    tagged = score_entities(GOLD, {"a": [ent(17, 21, "PERSON"), ent(18, 21, "ORG")]})
    assert tagged["overall"]["fp"] == 0


def test_a_prediction_only_overlapping_an_optional_span_still_counts():
    r = score_entities(GOLD, {"a": [ent(17, 31, "PERSON")]})  # "Pope John Paul"
    assert r["overall"]["fp"] == 1


def test_missing_article_predicts_nothing_and_scores_are_zero_not_errors():
    r = score_entities(GOLD, {})
    assert r["overall"]["recall"] == 0.0 and r["overall"]["f1"] == 0.0
