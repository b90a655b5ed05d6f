"""The merge metric of the speakers table, on hand-made cases."""

from __future__ import annotations

from pipeline.evaluation.speaker_merges import score_merges


def test_right_merges_and_a_missed_one():
    units = [
        ("Donald Trump", "t", "Donald Trump"),
        ("Trump", "t", "Donald Trump"),
        ("Donald J. Trump", "t2", "Donald Trump"),  # missed merge
        ("Hillary Clinton", "h", "Hillary Clinton"),
    ]
    s = score_merges(units)
    assert s["merge_units"] == 4
    assert s["merged_pairs"] == 1 and s["merge_precision"] == 1.0
    assert s["same_person_pairs"] == 3 and abs(s["merge_recall"] - 1 / 3) < 1e-9


def test_a_wrong_merge_costs_precision():
    units = [("Clinton", "c", "Hillary Clinton"), ("Bill Clinton", "c", "Bill Clinton"),
             ("Hillary Clinton", "c", "Hillary Clinton")]
    s = score_merges(units)
    assert s["merged_pairs"] == 3
    assert abs(s["merge_precision"] - 1 / 3) < 1e-9
    assert s["merge_recall"] == 1.0


def test_attributions_of_one_unit_vote_for_its_label():
    units = [("Clinton", "c1", "Hillary Clinton")] * 2 + [("Clinton", "c1", "Bill Clinton")]
    units += [("Hillary Clinton", "c1", "Hillary Clinton")]
    s = score_merges(units)
    assert s["merge_units"] == 2 and s["merge_precision"] == 1.0


def test_nothing_to_pair_scores_one():
    s = score_merges([("A B", "x", "A B")])
    assert s["merge_precision"] == 1.0 and s["merge_recall"] == 1.0
