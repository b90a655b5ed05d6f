"""Quality can't silently regress: `newsbeam eval`'s scores stay above pinned floors.

The floors sit just under what the pipeline reached when they were last raised (see
docs/quality.md); raise them when quality improves, never lower them to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import require_shared_data

pytestmark = pytest.mark.slow

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def scores():
    from pipeline.eval_command import evaluate

    data = require_shared_data()
    return evaluate(data)


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS if not k.startswith("_")))
def test_metric_stays_above_its_floor(scores, metric):
    if metric.endswith("_max"):
        # a ceiling, for a share that should stay low (unresolved speaker names)
        name = metric.removesuffix("_max")
        assert scores[name] <= FLOORS[metric], (
            f"{name} rose to {scores[name]:.3f}, above its ceiling {FLOORS[metric]}"
        )
        return
    assert scores[metric] >= FLOORS[metric], (
        f"{metric} fell to {scores[metric]:.3f}, below its floor {FLOORS[metric]}"
    )


def test_every_input_of_the_eval_became_an_article(scores):
    assert scores["pipeline_errors"] == 0
    assert scores["pipeline_articles"] == 84 + 43 + 199 + 48
