"""Sentence scorers on tiny hand-made cases: boundary P/R/F1 and Golden Rules pass/fail."""

from __future__ import annotations

import pytest

from pipeline.evaluation.sentences import (
    score_golden_rules,
    score_sentence_boundaries,
    sentence_boundaries,
)

TEXT = "One. Two is here. Three.\n\nFour."
#       0123456789012345678901234 5 6789
GOLD = [{"id": 1, "text": TEXT, "sentences": [[0, 4], [5, 17], [18, 24], [26, 31]]}]


def test_boundaries_skip_leading_space_and_the_first_sentence():
    assert sentence_boundaries(TEXT, [[0, 4], [4, 17], [17, 26], [26, 31]]) == {5, 18, 26}
    assert sentence_boundaries(TEXT, [[0, 31]]) == set()
    assert sentence_boundaries(TEXT, [[24, 26]]) == set()  # whitespace only


def test_perfect_split():
    r = score_sentence_boundaries(GOLD, {1: [(0, 4), (5, 17), (18, 24), (26, 31)]})
    assert (r["precision"], r["recall"], r["f1"]) == (1.0, 1.0, 1.0)


def test_missed_and_spurious_boundaries():
    # misses "Two" (5), adds a split inside "Two is here" at "is" (9)
    r = score_sentence_boundaries(GOLD, {1: [(0, 8), (9, 17), (18, 24), (26, 31)]})
    assert (r["tp"], r["fp"], r["fn"]) == (2, 1, 1)
    assert r["f1"] == pytest.approx(2 / 3)
    assert {(e["kind"], e["offset"]) for e in r["errors"]} == {("fp", 9), ("fn", 5)}


def test_one_sentence_articles_do_not_count():
    docs = [{"id": "x", "text": "Only one.", "sentences": [[0, 9]]}]
    r = score_sentence_boundaries(docs, {"x": [(0, 9)]})
    assert (r["tp"], r["fp"], r["fn"]) == (0, 0, 0)


CASES = [
    {"id": 1, "title": "simple", "text": "Hi. Bye.", "sentences": ["Hi.", "Bye."]},
    {"id": 2, "title": "abbrev", "text": "Mr. Li left.", "sentences": ["Mr. Li left."]},
]


def test_golden_rules_compare_stripped_texts():
    r = score_golden_rules(CASES, {1: [" Hi. ", "Bye.\n"], 2: ["Mr.", "Li left."]})
    assert r == {"passed": 1, "total": 2, "failed": [2]}


def test_golden_rules_missing_prediction_fails():
    assert score_golden_rules(CASES, {})["failed"] == [1, 2]
