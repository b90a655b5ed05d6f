"""The speaker-name metric (issue 12) on tiny hand-made articles: normalisation and matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.eval_command import missing_data_message
from pipeline.evaluation.speaker_names import (
    name_words,
    same_name,
    same_surname,
    score_speaker_names,
)

TEXT = (
    'Donald J. Trump spoke. "We will win," he said. Clinton said the plan failed. '
    '"It is over," the campaign said. Critics say it was late.'
)


def _span(sub: str) -> list[int]:
    start = TEXT.index(sub)
    return [start, start + len(sub)]


ARTICLE = {
    "id": "a1",
    "text": TEXT,
    "attributions": [
        {"content": [_span('"We will win,"')], "source": [_span("he")]},
        {"content": [_span("the plan failed")], "source": [_span("Clinton")]},
        {"content": [_span('"It is over,"')], "source": [_span("the campaign")]},
        {"content": [_span("it was late")], "source": [_span("Critics")]},
    ],
}
LABELS = [
    {"id": "a1", "attr": 0, "name": "Donald Trump", "type": "person", "mention_kind": "pronoun"},
    {"id": "a1", "attr": 1, "name": "Hillary Clinton", "type": "person", "mention_kind": "name"},
    {"id": "a1", "attr": 2, "name": "Clinton campaign", "type": "org", "mention_kind": "nominal"},
    # no name: never scored
    {"id": "a1", "attr": 3, "name": None, "type": "group", "mention_kind": "nominal"},
]


def _pred(content: str, name: str | None) -> dict:
    start, end = _span(content)
    return {"start": start, "end": end, "speaker_name": name}


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Donald J. Trump", ("donald", "trump")),
        ("The Washington Post", ("washington", "post")),
        ("the New York Times", ("new", "york", "times")),
        ("U.S. PIRG", ("us", "pirg")),
        ("Beto O\u2019Rourke", ("beto", "orourke")),
        ("Clinton/Kaine", ("clinton", "kaine")),
        ("  ", ()),
        (None, ()),
    ],
)
def test_name_words_normalise_case_the_initials_and_punctuation(name, words):
    assert name_words(name) == words


def test_same_name_and_surname():
    assert same_name("Donald J. Trump", "Donald Trump")
    assert same_name("the Clinton Campaign", "Clinton campaign")
    assert not same_name("Trump", "Donald Trump")
    assert not same_name(None, "Donald Trump")
    assert same_surname("Trump", "Donald Trump", "person")
    assert not same_surname("Donald Trump Jr.", "Donald Trump", "person")
    # organisations have no surname: "Times" is not "New York Times"
    assert not same_surname("Times", "New York Times", "org")
    assert same_surname("The New York Times", "New York Times", "org")


def test_scores_found_named_labels_by_mention_kind():
    preds = {"a1": [
        _pred('"We will win,"', "Donald J. Trump"),  # exact despite the initial
        _pred("the plan failed", "Bill Clinton"),  # surname only
        _pred('"It is over,"', None),  # unresolved
        _pred("it was late", "Critics"),  # label without a name: not scored
    ]}
    s = score_speaker_names([ARTICLE], LABELS, preds)
    assert (s["labels"], s["with_name"], s["scored"]) == (4, 3, 3)
    assert s["overall"]["exact"] == pytest.approx(1 / 3)
    assert s["overall"]["surname"] == pytest.approx(2 / 3)
    assert s["overall"]["unresolved"] == pytest.approx(1 / 3)
    assert s["by_kind"]["pronoun"] == {"n": 1, "exact_n": 1, "exact": 1.0, "surname": 1.0,
                                       "unresolved_n": 0, "unresolved": 0.0}
    assert s["by_kind"]["name"]["exact"] == 0.0 and s["by_kind"]["name"]["surname"] == 1.0
    assert s["by_kind"]["nominal"]["unresolved"] == 1.0
    assert s["by_kind"]["other"]["n"] == 0
    assert [(e[1], e[4]) for e in s["errors"]] == [(1, "Bill Clinton"), (2, None)]


def test_only_labels_with_a_found_quote_count():
    # a prediction mostly outside the gold content matches nothing (the quote metric's 50% rule)
    wide = {"start": 0, "end": _span('"We will win,"')[1], "speaker_name": "Donald Trump"}
    s = score_speaker_names([ARTICLE], LABELS, {"a1": [wide]})
    assert s["scored"] == 0 and s["overall"]["exact"] == 0.0


def test_of_two_matching_quotes_the_one_covering_more_of_the_content_is_scored():
    start, end = _span("the plan failed")
    part = {"start": start, "end": start + 8, "speaker_name": "Trump"}  # "the plan"
    whole = {"start": start, "end": end, "speaker_name": "Hillary Clinton"}
    s = score_speaker_names([ARTICLE], LABELS, {"a1": [part, whole]})
    assert s["by_kind"]["name"]["exact"] == 1.0


def test_eval_without_data_says_what_it_needs_and_how_to_point_at_it(tmp_path: Path):
    message = missing_data_message(tmp_path)
    assert message is not None
    assert "polnear/dev.jsonl" in message and "polnear/dev_speakers.jsonl" in message
    assert "--data DIR" in message
    (tmp_path / "polnear").mkdir()
    (tmp_path / "polnear" / "dev.jsonl").write_text("{}\n")
    assert "4 of 5 files are missing" in missing_data_message(tmp_path)
