"""The quote yardstick (issue 3) on tiny hand-made articles."""

from __future__ import annotations

import pytest

from pipeline.evaluation.quotes import is_direct, score_quotes

TEXT = 'Smith said the plan failed. "It is over," Jones said. Critics say it was late.'


def _span(sub: str) -> list[int]:
    start = TEXT.index(sub)
    return [start, start + len(sub)]


GOLD = [
    {
        "id": "a1",
        "text": TEXT,
        "attributions": [
            # indirect, source Smith
            {"kind": "indirect", "content": [_span("the plan failed")], "source": [_span("Smith")]},
            # direct, marks included as PolNeAR draws them, source Jones
            {"kind": "direct", "content": [_span('"It is over,"')], "source": [_span("Jones")]},
            # no source
            {"kind": "indirect", "content": [_span("it was late")], "source": []},
        ],
    }
]


def _pred(content: str, speaker: str | None = None) -> dict:
    start, end = _span(content)
    s_start, s_end = _span(speaker) if speaker else (None, None)
    return {
        "kind": "INDIRECT",
        "start": start,
        "end": end,
        "speaker_start": s_start,
        "speaker_end": s_end,
    }


def test_perfect_predictions_score_one():
    preds = {
        "a1": [
            _pred("the plan failed", "Smith"),
            _pred("It is over,", "Jones"),
            _pred("it was late"),
        ]
    }
    r = score_quotes(GOLD, preds)
    assert r["precision"] == r["recall"] == r["f1"] == 1.0
    assert r["direct_recall"] == r["speaker_direct_recall"] == 1.0
    assert r["speaker_f1"] == r["speaker_accuracy"] == 1.0
    assert r["gold_direct"] == 1


def test_wrong_speaker_counts_for_quote_not_for_speaker():
    preds = {"a1": [_pred("the plan failed", "Jones")]}
    r = score_quotes(GOLD, preds)
    assert r["precision"] == 1.0
    assert r["recall"] == pytest.approx(1 / 3)
    assert r["speaker_precision"] == 0.0
    assert r["speaker_accuracy"] == 0.0


def test_gold_without_source_wants_no_speaker():
    with_speaker = score_quotes(GOLD, {"a1": [_pred("it was late", "Critics")]})
    without = score_quotes(GOLD, {"a1": [_pred("it was late")]})
    assert with_speaker["speaker_recall"] == 0.0
    assert without["speaker_recall"] == pytest.approx(1 / 3)


def test_match_needs_half_of_the_non_whitespace_characters():
    # "plan failed. " + "It is" : 10 chars in gold 1, 4 in gold 2 -> matches gold 1
    start = TEXT.index("plan failed")
    end = TEXT.index("It is") + len("It is")
    r = score_quotes(
        GOLD, {"a1": [{"start": start, "end": end, "speaker_start": None, "speaker_end": None}]}
    )
    assert r["matched_predictions"] == 1
    # a span mostly outside any gold content matches nothing
    start = TEXT.index("failed")
    end = TEXT.index("Jones") + len("Jones said.")
    r = score_quotes(
        GOLD, {"a1": [{"start": start, "end": end, "speaker_start": None, "speaker_end": None}]}
    )
    assert r["matched_predictions"] == 0
    assert r["precision"] == 0.0


def test_two_fragments_of_one_gold_both_count_as_matched():
    gold = [
        {
            "id": "b",
            "text": TEXT,
            "attributions": [
                {
                    "kind": "indirect",
                    "content": [_span("the plan failed"), _span("it was late")],
                    "source": [_span("Smith")],
                }
            ],
        }
    ]
    r = score_quotes(
        gold, {"b": [_pred("the plan failed", "Smith"), _pred("it was late", "Smith")]}
    )
    assert r["matched_predictions"] == 2
    assert r["found"] == 1
    assert r["precision"] == 1.0


def test_empty_and_missing_predictions():
    assert score_quotes(GOLD, {})["recall"] == 0.0
    assert score_quotes(GOLD, {})["precision"] == 0.0
    r = score_quotes(
        GOLD, {"a1": [{"start": 3, "end": 3, "speaker_start": None, "speaker_end": None}]}
    )
    assert r["predictions"] == 1 and r["matched_predictions"] == 0


@pytest.mark.parametrize(
    ("content", "direct"),
    [
        ('"It is over,"', True),
        ("\u201cDone.\u201d ", True),
        ("``Done.''", True),
        ("the plan failed", False),
        ('that "it is over"', False),
    ],
)
def test_direct_means_wrapped_in_double_quote_marks(content, direct):
    text = "x " + content
    gold = {"content": [[2, len(text)]]}
    assert is_direct(gold, text) is direct
