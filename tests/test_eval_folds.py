"""Train folds for `newsbeam eval --train_folds`: a fixed split and a table that says the gap."""

from __future__ import annotations

import json

from pipeline.evaluation.folds import FOLDS, fold_of, gaps, render_folds, score_quote_folds
from tests.conftest import require_shared_data


def _article(aid: str) -> dict:
    text = "Smith said the bridge would reopen."
    return {"id": aid, "text": text, "attributions": [{"content": [[11, 34]], "source": [[0, 5]]}]}


def test_fold_of_is_fixed_by_the_id_alone():
    ids = [f"article-{n}" for n in range(200)]
    first = [fold_of(a) for a in ids]
    assert first == [fold_of(a) for a in reversed(ids)][::-1]
    assert set(first) == set(range(FOLDS))
    # known values: a change of hash or modulus would move articles to other folds
    assert [fold_of(a) for a in ("a", "b", "c")] == [0, 1, 0]


def test_polnear_train_folds_are_balanced():
    path = require_shared_data("polnear", "train.jsonl")
    ids = [json.loads(line)["id"] for line in path.read_text("utf-8").splitlines()]
    sizes = [sum(1 for a in ids if fold_of(a) == k) for k in range(FOLDS)]
    assert sum(sizes) == len(ids) == 840
    assert min(sizes) >= 0.8 * len(ids) / FOLDS


def test_score_quote_folds_scores_each_fold_and_all():
    articles = [_article(f"a{n}") for n in range(20)]
    found = {a["id"] for a in articles[::2]}
    predictions = {
        a["id"]: [{"start": 11, "end": 34, "speaker_start": 0, "speaker_end": 5}]
        for a in articles
        if a["id"] in found
    }
    result = score_quote_folds(articles, predictions)
    assert sum(result["articles"]) == 20
    assert sum(f["gold"] for f in result["folds"]) == result["all"]["gold"] == 20
    assert result["all"]["recall"] == 0.5
    for k, fold in enumerate(result["folds"]):
        assert fold["found"] == sum(1 for a in found if fold_of(a) == k)


def test_render_folds_reports_the_gap_against_the_bound():
    articles = [_article(f"a{n}") for n in range(10)]
    result = score_quote_folds(articles, {})
    dev = {**result["all"], "f1": result["all"]["f1"] + 0.05}
    lines = render_folds(dev, result)
    assert any(line.startswith("train fold 4") for line in lines)
    assert "OVER" in lines[-1]
    assert round(gaps(dev, result["all"])["f1"], 6) == 5.0
